"""Consistency inside one document: repeated facts, parts against totals, shares against counts.

Three checks, each judged with the value intervals of :mod:`zhfacts.factcheck.intervals`:

- repeat: one metric, place and year stated twice with values that cannot both be true;
- sum: the parts after a breakdown word ("其中"), or a list of parallel values ("分别"),
  against the total they break down;
- share: a stated share ("占…的82.69%") recomputed from the counts the document states.

A sum or share that holds is reported as ``verified`` (the reader sees what was checked), one
that fails as ``mismatch``. Two statements of one fact that agree are no finding at all.
The words that mark these patterns and the rule that tells two place names apart come from the
document's language bundle (its resources/factcheck.tsv); values are compared exactly.
Messages quote the document's own words, with their offsets.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

from .align import sentence_similarity
from .intervals import add, compatible, exact, interval, overlap
from ..display import format_number
from ..compare import dice
from ..io.tables import as_text
from ..lang import bundle, detect

#: A metric shorter than this (增加, 投资) names an action rather than a fact, so its
#: repetitions are not compared.
MIN_REPEAT_METRIC = 3
#: A restatement repeats the words on at least one side of the number: this many characters
#: each side are compared (Dice of character bigrams), and this similarity is needed.
CONTEXT_CHARS = 12
CONTEXT_MIN = 0.5
#: A share's whole is found by its metric when the words after 占 are this similar to it.
WHOLE_MIN_DICE = 0.8


@dataclass(frozen=True)
class Reading:
    """What a document's language gives the checks: its marker words by role and its place rule."""

    words: dict[str, tuple[str, ...]]
    place_rule: Callable[[str, str], bool]

    def __call__(self, role: str) -> tuple[str, ...]:
        return self.words.get(role, ())

    def same_place(self, a: str, b: str) -> bool:
        return a == b or (bool(a) and bool(b) and self.place_rule(a, b))


def reading(code: str) -> Reading:
    """The Reading of a language code's bundle."""
    language = bundle(code)
    return Reading(language.factcheck_words(), language.same_place)


# --- where each claim sits in its sentence ---------------------------------------------------


def _offset(cell) -> int | None:
    """A table's offset cell as an int; None when empty (or -1, the fill of a table without it)."""
    text = as_text(cell)
    return int(text) if text.isdigit() else None


def locate(claims: pd.DataFrame, text: str | None = None) -> list[dict]:
    """Claims as records with ``index`` (table row), ``sentence_no`` and ``rel``/``rel_end``
    (the claim's offsets in ``sentence``, the text its words are read from).

    With the document's text and every claim's ``sentence_start``, claims are read by offsets:
    the claim stands at ``start - sentence_start`` in its sentence, the document's text between
    the sentence offsets. Claims of one sentence share its number; ``shown``/``shown_offset``
    are the sentence as read (line breaks dropped) and the claim in it, for display. Without
    the text, each claim's text is found in its sentence, left to right: the sentence column
    holds a window around each claim, so the windows of one sentence (same sentence_start) are
    first merged into one text; a hand-made table without offsets is read as it is.
    """
    records = claims.to_dict("records")
    starts = [_offset(r.get("sentence_start")) for r in records]
    if text is not None and records and all(s is not None for s in starts):
        return _by_offsets(claims, records, starts, text)
    _whole_sentences(records, starts)
    sentence_no, previous, search_from = -1, None, 0
    for index, record in zip(claims.index, records):
        record["index"] = int(index)
        sentence = record["sentence"]
        needle = str(record["text"]).replace("\n", "")
        found = sentence.find(needle, search_from) if sentence == previous and needle else -1
        if sentence != previous or found < 0:
            sentence_no += 1
            found = sentence.find(needle) if needle and sentence else -1
        record["sentence_no"] = sentence_no
        record["rel"] = found
        record["rel_end"] = found + len(needle) if found >= 0 else -1
        record["shown"], record["shown_offset"] = sentence, found
        previous, search_from = sentence, (found + len(needle) if found >= 0 else 0)
    return records


def _by_offsets(claims: pd.DataFrame, records: list[dict], starts: list[int], text: str) -> list[dict]:
    numbers: dict[int, int] = {}
    for index, record, ss in zip(claims.index, records, starts):
        record["index"] = int(index)
        record["sentence_no"] = numbers.setdefault(ss, len(numbers))
        start, end = int(record["start"]), int(record["end"])
        se = _offset(record.get("sentence_end"))
        rel, rel_end = start - ss, end - ss
        if se is not None and 0 <= ss <= start <= end <= se <= len(text):
            record["sentence"] = text[ss:se]
        else:
            rel = rel_end = -1
        record["rel"], record["rel_end"] = rel, rel_end
        # shown without its line breaks: the claim moves back by the breaks before it
        shown = record["sentence"].replace("\n", "") if rel >= 0 else record["sentence"]
        needle = str(record["text"]).replace("\n", "")
        at = rel - record["sentence"][:rel].count("\n") if rel >= 0 else -1
        record["shown"] = shown
        record["shown_offset"] = at if at >= 0 and shown[at:at + len(needle)] == needle else -1
    return records


def _whole_sentences(records: list[dict], starts: list[int | None]) -> None:
    """Give claims of one sentence (same sentence_start) one sentence text, merged from their
    windows (the table's sentence column holds a window around each claim)."""
    groups: dict[tuple, list[dict]] = {}
    for record, ss in zip(records, starts):
        if ss is not None:
            groups.setdefault((record["doc_id"], ss), []).append(record)
    for group in groups.values():
        text = ""
        for window in dict.fromkeys(r["sentence"] for r in group):
            if text.find(window, max(0, len(text) - 3 * len(window))) >= 0:
                continue
            k = next((k for k in range(min(len(text), len(window)), 0, -1) if text.endswith(window[:k])), 0)
            text += window[k:]
        for record in group:
            record["sentence"] = text


def _sentences(records: list[dict]) -> list[list[dict]]:
    groups: dict[int, list[dict]] = {}
    for record in records:
        if record["rel"] >= 0:
            groups.setdefault(record["sentence_no"], []).append(record)
    return [groups[k] for k in sorted(groups)]


def _find_all(text: str, words: tuple[str, ...]) -> list[int]:
    """Start offsets of every occurrence of any of the words."""
    out = []
    for word in words:
        pos = text.find(word)
        while pos >= 0:
            out.append(pos)
            pos = text.find(word, pos + len(word))
    return sorted(set(out))


def _next_mark(text: str, start: int, words: tuple[str, ...]) -> int:
    """Offset of the next of the words (a role's punctuation) at or after start, or len(text)."""
    hits = _find_all(text[start:], words)
    return start + hits[0] if hits else len(text)


def _clause_start(text: str, pos: int, words: Reading) -> int:
    """Offset just after the clause punctuation before pos."""
    marks = [(m, w) for w in words("clause") for m in _find_all(text[:pos], (w,))]
    return max(m + len(w) for m, w in marks) if marks else 0


# --- findings ----------------------------------------------------------------------------


def _ref(record: dict, role: str) -> dict:
    """A claim as a finding names it: offsets, text, value, metric and its whole sentence."""
    return {"role": role, "doc_id": record["doc_id"], "index": record["index"],
            "start": record["start"], "end": record["end"],
            "text": record["text"], "value": record["value"], "unit": record["unit"],
            "qualifier": record["qualifier"], "metric": record["metric"], "year": record["year"],
            "place": record["place"], "sentence": record["shown"], "sentence_offset": record["shown_offset"]}


def _finding(check: str, ok: bool, message: str, stated: Fraction, computed: Fraction, refs: list[dict]) -> dict:
    """A finding; its stated and computed values become floats here, for the JSON output."""
    return {"check": check, "status": "verified" if ok else "mismatch", "message": message,
            "stated": float(stated), "computed": float(computed), "claims": refs}


def _quote(record: dict, pos: int, words: tuple[str, ...]) -> str:
    """The marker word at ``pos`` of a claim's sentence as the text writes it, with its offset in
    the document ("其中" at 120), so that a message names no word of its own."""
    sentence = record["sentence"]
    word = next((w for w in words if sentence.startswith(w, pos)), "")
    at = record["start"] - record["rel"] + pos if record["start"] >= 0 and record["rel"] >= 0 else -1
    return f'"{word}"' + (f" at {at}" if at >= 0 else "")


def _value(record: dict) -> Fraction:
    return exact(record)[0]


def _number(value: Fraction) -> str:
    """An exact value for a message (the only place it is rounded, to six decimals)."""
    return format_number(float(value))


def _additive(record: dict, words: Reading) -> bool:
    """Values that can be summed: not shares, durations or per-unit amounts."""
    return record["unit"] not in words("non_additive_unit") and not record["per"]


def _same_kind(a: dict, b: dict) -> bool:
    return a["unit"] == b["unit"] and a["per"] == b["per"]


# --- repeat: one fact stated twice --------------------------------------------------------


def _sides(record: dict) -> tuple[str, str]:
    """The words (punctuation dropped) just before and just after a claim in its sentence."""
    sentence, rel, end = record["sentence"], record["rel"], record["rel_end"]
    before = re.sub(r"\W", "", sentence[max(0, rel - CONTEXT_CHARS):rel])
    after = re.sub(r"\W", "", sentence[end:end + CONTEXT_CHARS])
    return before, after


def restated(a: dict, b: dict) -> bool:
    """The two claims share the words on one side of the number (or the table gives no
    sentences to tell): "40万科左后旗人民告别贫困历史" restates
    "40万内蒙古科左后旗人民告别…", while "共投入资金3.27亿元,改造危房" and
    "投入资金2.89亿元,通过集中供水" are two facts."""
    if a["rel"] < 0 or b["rel"] < 0:
        return True
    return any(len(x) >= 2 and len(y) >= 2 and sentence_similarity(x, y) >= CONTEXT_MIN
               for x, y in zip(_sides(a), _sides(b)))


def check_repeats(records: list[dict], words: Reading) -> list[dict]:
    """Mismatches between two statements of one fact: the same metric (as written), unit, per,
    year, place and kind, in two different sentences.

    A false contradiction costs the reader more than a missed one, so metrics must be equal
    (and at least MIN_REPEAT_METRIC characters long), not merely similar: "共投入资金" for
    housing is no restatement of "投入资金" for water. Two values in one sentence are list
    members or a change ("分别补助1800元、2000元"), never a restatement; and a restatement
    repeats some of the words around the number (``restated``).
    """
    groups: dict[tuple, list[dict]] = {}
    for record in (r for r in records if len(r["metric"]) >= MIN_REPEAT_METRIC):
        key = (record["metric"], record["unit"], record["per"], record["year"], record["kind"])
        groups.setdefault(key, []).append(record)
    findings = []
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if (a["sentence"] and a["sentence"] == b["sentence"]) or not words.same_place(a["place"], b["place"]):
                    continue
                if not restated(a, b):
                    continue
                if compatible(a, b, words("bounded_more")):
                    continue
                message = (f"{a['metric']}: {a['text']} ({a['qualifier']}) at {a['start']} and "
                           f"{b['text']} ({b['qualifier']}) at {b['start']} cannot both be true")
                findings.append(_finding("repeat", False, message, _value(a), _value(b),
                                         [_ref(a, "first"), _ref(b, "second")]))
    return findings


# --- sum: parts against a total -----------------------------------------------------------


def _rounded(records: list[dict], words: Reading):
    """The interval of the sum of values each standing for what rounds to it."""
    return add([interval(r, words("bounded_more"), rounding=True) for r in records])


def breakdowns(sentences: list[list[dict]], words: Reading) -> list[tuple[dict, list[dict], int]]:
    """(total, parts, marker offset) for each breakdown: the parts follow the breakdown word (其中)
    up to the next segment mark or the sentence end; the total is the last claim of the same
    unit before it, in the same sentence or, when the sentence opens with it, at the end of the
    previous one."""
    out = []
    for number, group in enumerate(sentences):
        sentence = group[0]["sentence"]
        starts = _find_all(sentence, words("breakdown"))
        for q, next_q in zip(starts, starts[1:] + [len(sentence)]):
            end = min(_next_mark(sentence, q, words("segment")), next_q)
            after = [r for r in group if q < r["rel"] < end]
            if not after or not _additive(after[0], words):
                continue
            parts = [r for r in after if _same_kind(r, after[0])]
            before = [r for r in group if r["rel_end"] <= q and _same_kind(r, after[0])]
            opens_sentence = not sentence[:q].strip(" \t\u3000" + "".join(words("clause")))
            if not before and opens_sentence and number > 0:
                before = [r for r in sentences[number - 1] if _same_kind(r, after[0])]
            if before:
                out.append((before[-1], parts, q))
    return out


def check_breakdowns(pairs: list[tuple[dict, list[dict], int]], words: Reading) -> list[dict]:
    """The parts of a breakdown may cover the total or part of it, never exceed it.

    The parts are taken as stated (rounding them down would excuse any excess); the total
    stands for everything that rounds to it half up at its last stated digit (5亿 for 4.5亿 up
    to 5.5亿, 5.0亿 for 4.95亿 up to 5.05亿, each upper end excluded): a total written to fewer
    decimals than its parts is judged by what it rounds.
    """
    findings = []
    for total, parts, q in pairs:
        high = _rounded(parts, words)[1]
        low, _, low_open, _ = add([interval(p, words("bounded_more")) for p in parts])
        total_low, total_high, _, total_high_open = interval(total, words("bounded_more"), rounding=True)
        ok = (low is None or total_high is None or low < total_high
              or (low == total_high and not low_open and not total_high_open))
        summed, stated = sum((_value(p) for p in parts), Fraction(0)), _value(total)
        listed = " + ".join(p["text"] for p in parts)
        if not ok:
            verdict = f"exceed the total {total['text']} by {_number(summed - stated)}"
        elif overlap((low, high, low_open, False), (total_low, total_high, False, total_high_open)):
            verdict = f"add up to the total {total['text']}"
        else:
            verdict = (f"are {float(summed / stated):.1%} of the total {total['text']}" if stated
                       else f"are within the total {total['text']}")
        message = f"{_quote(parts[0], q, words('breakdown'))}: {listed} = {_number(summed)} {total['unit']} {verdict}"
        findings.append(_finding("sum", ok, message, stated, summed,
                                 [_ref(total, "total")] + [_ref(p, "part") for p in parts]))
    return findings


def _is_total(record: dict, words: Reading) -> bool:
    """The claim's own clause carries a total word (共, 合计 ...), not inside a word like 公共."""
    sentence = record["sentence"]
    clause = sentence[_clause_start(sentence, record["rel"], words):record["rel"]]
    for word in words("not_total"):
        clause = clause.replace(word, "")
    return any(word in clause for word in words("total"))


def check_lists(sentences: list[list[dict]], words: Reading) -> list[dict]:
    """A list of parallel values (分别) with a stated total in the same sentence must add up to that total."""
    findings = []
    for group in sentences:
        sentence = group[0]["sentence"]
        for q in _find_all(sentence, words("respectively")):
            end = _next_mark(sentence, q, words("clause"))
            listed = [r for r in group if q < r["rel"] < end]
            for unit_per in dict.fromkeys((r["unit"], r["per"]) for r in listed):
                items = [r for r in listed if (r["unit"], r["per"]) == unit_per]
                if len(items) < 2 or not _additive(items[0], words):
                    continue
                totals = [r for r in group
                          if all(r is not i for i in listed) and _same_kind(r, items[0]) and _is_total(r, words)]
                if not totals:
                    continue
                total = min(totals, key=lambda r: abs(r["rel"] - q))
                ok = overlap(_rounded(items, words), interval(total, words("bounded_more"), rounding=True))
                summed = sum((_value(r) for r in items), Fraction(0))
                message = (f"{_quote(items[0], q, words('respectively'))}: {' + '.join(r['text'] for r in items)} = "
                           f"{_number(summed)} {total['unit']} {'matches' if ok else 'does not match'} "
                           f"the total {total['text']}")
                findings.append(_finding("sum", ok, message, _value(total), summed,
                                         [_ref(total, "total")] + [_ref(r, "part") for r in items]))
    return findings


# --- share: 占…的N% ------------------------------------------------------------------------


def _listed(claims: list[dict]) -> list[dict]:
    """The last count of a clause with the counts of the same unit listed with it (A、B)."""
    counts = [r for r in claims if r["unit"] != "%"]
    return [r for r in counts if _same_kind(r, counts[-1])] if counts else []


def _numerator(group: list[dict], sentence: str, share_pos: int, words: Reading) -> list[dict]:
    """The counted part of a share: the counts before the share word (占) in its clause, or, when
    the clause opens with it, those of the nearest earlier clause that is not itself a share
    clause. Several counts listed together ("A 150户、B 100户，占…") make one part."""
    start = _clause_start(sentence, share_pos, words)
    own = _listed([r for r in group if start <= r["rel"] < share_pos])
    if own or sentence[start:share_pos].strip():
        return own  # none when the part is named but not counted: "以零利率协调化解的占…"
    while start > 0:
        end = start - 1
        start = _clause_start(sentence, end, words)
        counts = _listed([r for r in group if start <= r["rel"] < end])
        if counts:
            return counts
        if not any(sentence[start:end].lstrip().startswith(w) for w in words("share")):
            return []
    return []


def _whole_by_metric(records: list[dict], part: dict, name: str, words: Reading) -> dict | None:
    """A claim elsewhere in the document that states the whole named after the share word."""
    if not name:
        return None
    candidates = [r for r in records
                  if r is not part and _same_kind(r, part) and dice(r["metric"], name) >= WHOLE_MIN_DICE
                  and words.same_place(r["place"], part["place"])
                  and (r["year"] == part["year"] or not r["year"] or not part["year"])]
    if not candidates:
        return None
    return min(candidates, key=lambda r: (r["sentence_no"] != part["sentence_no"],
                                          abs(r["start"] - part["start"]), r["index"]))


def check_shares(records: list[dict], sentences: list[list[dict]],
                 pairs: list[tuple[dict, list[dict], int]], words: Reading) -> list[dict]:
    """Each stated share ("占…N%") whose part and whole are stated as counts, recomputed and compared."""
    total_of = {id(p): total for total, parts, _ in pairs for p in parts}
    findings = []
    for group in sentences:
        sentence = group[0]["sentence"]
        for share in (r for r in group if r["unit"] == "%"):
            clause_start = _clause_start(sentence, share["rel"], words)
            marks = [(clause_start + m, w) for w in words("share")
                     for m in _find_all(sentence[clause_start:share["rel"]], (w,))]
            if not marks:
                continue
            share_pos, mark = max(marks)
            parts = _numerator(group, sentence, share_pos, words)
            if not parts:
                continue
            stated_whole = [r for r in group if share_pos < r["rel"] < share["rel"] and _same_kind(r, parts[0])]
            name = sentence[share_pos + len(mark):share["rel"]]
            for link in words("share_link"):
                name = name.removesuffix(link)
            whole = (stated_whole[-1] if stated_whole else total_of.get(id(parts[0]))
                     or _whole_by_metric(records, parts[-1], name, words))
            if whole is None or not _value(whole) or any(whole is p for p in parts):
                continue
            findings.append(_share_finding(share, parts, whole, share_pos, words))
    return findings


def _share_finding(share: dict, parts: list[dict], whole: dict, share_pos: int, words: Reading) -> dict:
    """part/whole*100 against the stated share, exactly; all three may be rounded as stated."""
    part_low, part_high, _, _ = _rounded(parts, words)
    whole_low, whole_high, _, _ = interval(whole, words("bounded_more"), rounding=True)
    positive = Fraction(0)
    low = 100 * part_low / whole_high if part_low is not None and whole_high is not None and whole_high > 0 else positive
    high = 100 * part_high / whole_low if part_high is not None and whole_low is not None and whole_low > 0 else None
    computed = 100 * sum((_value(p) for p in parts), Fraction(0)) / _value(whole)
    ok = overlap((low, high, False, False), interval(share, words("bounded_more"), rounding=True))
    listed = " + ".join(p["text"] for p in parts)
    message = (f"{_quote(share, share_pos, words('share'))}: {listed} / {whole['text']} = {float(computed):.4g}% "
               f"{'agrees with' if ok else 'disagrees with'} the stated {share['text']}")
    return _finding("share", ok, message, _value(share), computed,
                    [_ref(share, "share")] + [_ref(p, "part") for p in parts] + [_ref(whole, "whole")])


def check(claims: pd.DataFrame, texts: dict[str, str] | None = None, lang: str | None = None) -> list[dict]:
    """Every finding in a table from load.normalize_claims, each document checked on its own;
    ``texts`` gives the text of documents by doc_id, where the claims' sentences are read.
    A document is read in ``lang``, else in the language of its script (its text, else its sentences)."""
    findings = []
    claims = claims[claims["value"].map(math.isfinite).astype(bool)]  # a value beyond float range is not summed
    for doc_id, document in claims.groupby("doc_id", sort=False):
        text = (texts or {}).get(doc_id)
        words = reading(lang or detect(text if text is not None else "".join(dict.fromkeys(document["sentence"]))))
        records = locate(document, text)
        sentences = _sentences(records)
        pairs = breakdowns(sentences, words)
        found = check_repeats(records, words) + check_breakdowns(pairs, words) + check_lists(sentences, words)
        found += check_shares(records, sentences, pairs, words)
        findings += sorted(found, key=lambda f: (min(c["start"] for c in f["claims"]), f["check"]))
    return findings


def report_lines(findings: list[dict]) -> list[str]:
    """Terminal report: a summary, then each finding with the sentences it rests on."""
    mismatches = sum(f["status"] == "mismatch" for f in findings)
    lines = [f"{len(findings)} finding(s): {mismatches} mismatch, {len(findings) - mismatches} verified"]
    for finding in findings:
        lines += ["", f"{finding['status']}  {finding['check']}  {finding['message']}"]
        for ref in finding["claims"]:
            lines.append(f"    {ref['role']} {ref['start']}-{ref['end']} {ref['text']}: {excerpt(ref)}")
    return lines


def excerpt(ref: dict, width: int = 30) -> str:
    """The claim's sentence around the claim, the claim in 【】, for one terminal line."""
    sentence, needle, pos = ref["sentence"], str(ref["text"]).replace("\n", ""), ref["sentence_offset"]
    if pos < 0:
        return sentence[:2 * width]
    head = sentence[max(0, pos - width):pos]
    tail = sentence[pos + len(needle):pos + len(needle) + width]
    more = "…" if pos + len(needle) + width < len(sentence) else ""
    return ("…" if pos > width else "") + head + f"【{needle}】" + tail + more
