"""Reading documents: detect the encoding, refuse what is not text, never alter the characters.

Offsets everywhere are into the string this module returns, so it decodes and nothing more
(a UTF-8 or UTF-16 byte-order mark is consumed by the codec, as a text editor would).
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from ..errors import ZhfactsError

#: Larger inputs are refused rather than exhausting memory; split them first.
MAX_BYTES = 200 * 1024 * 1024


def decode(data: bytes, name: object) -> str:
    """Decode bytes as UTF-8 (BOM optional), UTF-16 (with a BOM, or without one when the text
    holds ASCII, whose NUL bytes mark it), GB18030 or Big5, else raise.

    GB18030 and Big5 can both decode the same bytes, and only one of them gives Chinese: the
    one whose Han characters are more often frequent ones wins (``_legacy``). Which of UTF-16LE
    or BE a file without a byte-order mark is in is decided by charset-normalizer.
    """
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, "utf-16", name)
    if b"\x00" not in data:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        return _legacy(data, name)
    encoding = _detect(data, ("utf_16_le", "utf_16_be"), "")
    try:
        text = data.decode(encoding) if encoding else ""
    except UnicodeDecodeError:
        text = ""
    if not text or _CONTROL.search(text) or not _ASCII.search(text):  # UTF-16's NULs come with ASCII
        raise ZhfactsError(name, "binary file (contains NUL bytes), not text")
    return text


#: Control characters no text document holds (tab, line and page breaks aside).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_ASCII = re.compile(r"[\t\n\r -~]")


#: Share of a reading's Han characters that must be frequent ones for it to be Chinese: a
#: report reaches 0.99, a text read in the other encoding about 0.4.
_CHINESE_SHARE = 0.7
#: Fewer Han characters than this say too little to refuse a reading.
_FEW_HAN = 8


@lru_cache(maxsize=None)
def _classes() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(non-ASCII, Han, punctuation that Chinese and English text in these encodings use and
    misreadings rarely give, what a GB18030 or Big5 text read in the other encoding is full of
    and Chinese is not: kana, hangul, private-use and box-drawing characters). Compiled only
    when a legacy encoding is read: the classes of thousands of characters take ``re`` a
    hundredth of a second, at every start, for UTF-8 files that never need them."""
    return (re.compile(r"[^\x00-\x7f]"),
            re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"),
            re.compile("[\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u3001\u3002\u300a-\u300f"
                       "\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f]"),
            re.compile(r"[\u3040-\u30ff\u3130-\u318f\uac00-\ud7af\ue000-\uf8ff\u2500-\u257f]"))


def _legacy(data: bytes, name: object) -> str:
    """The GB18030 or Big5 reading of the bytes that reads most as Chinese (GB18030 on a tie);
    an error when neither decodes, or when a text long enough to tell reads as Chinese in
    neither."""
    readings = {}
    for encoding in ("gb18030", "big5"):
        try:
            readings[encoding] = data.decode(encoding)
        except UnicodeDecodeError as exc:
            failure = exc
    if not readings:
        raise ZhfactsError(name, f"cannot decode as UTF-8, UTF-16, GB18030 or Big5 "
                                 f"(Big5: {failure.reason} at byte {failure.start})")
    scores = {encoding: _chinese(text[:_SAMPLE]) for encoding, text in readings.items()}
    best = max(readings, key=scores.__getitem__)
    share, han, _ = scores[best]
    if han >= _FEW_HAN and share < _CHINESE_SHARE:
        raise ZhfactsError(name, f"not UTF-8 or UTF-16, and reads as Chinese neither as GB18030 nor as Big5 "
                                 f"({share:.0%} frequent characters at best); convert it to UTF-8")
    return readings[best]


def _chinese(text: str) -> tuple[float, int, float]:
    """How much a reading reads as Chinese: the share of its Han characters that are frequent
    ones, less the odd characters; how many Han characters there are; and, for a text with few
    or none (English with curly quotes), the share of its other non-ASCII characters that are
    common punctuation."""
    from ..lang.zh.lexicon import frequent_chars

    frequent = frequent_chars()
    non_ascii, han_class, common_punctuation, odd_class = _classes()
    han = han_class.findall(text)
    odd = len(odd_class.findall(text))
    other = len(non_ascii.findall(text)) - len(han)
    punctuation = len(common_punctuation.findall(text)) / other if other else 1.0
    if not han:
        return (0.0 if odd else 1.0), 0, punctuation
    return (sum(c in frequent for c in han) - odd) / len(han), len(han), punctuation


def _detect(data: bytes, candidates: tuple[str, ...], default: str) -> str:
    from charset_normalizer import from_bytes  # imported here: only legacy encodings need it

    best = from_bytes(data[:_SAMPLE], cp_isolation=list(candidates)).best()
    return best.encoding if best is not None else default


def _strict(data: bytes, encoding: str, name: object) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        label = encoding.upper().replace("_", "-")
        raise ZhfactsError(name, f"cannot decode as UTF-8, UTF-16, Big5 or GB18030 "
                                 f"({label}: {exc.reason} at byte {exc.start})") from None


#: Bytes of a document the encoding detector looks at.
_SAMPLE = 64 * 1024


def read_stdin(name: str = "<stdin>") -> str:
    """Standard input, under the same size limit as a file."""
    import sys

    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ZhfactsError(name, f"too large (over {MAX_BYTES} bytes, the limit); split it first")
    return _with_text(decode(data, name), name)


def _with_text(text: str, name: object) -> str:
    """The text, unless it holds nothing but white space: no claims is no answer for a file
    that is empty because it was cut short or never written."""
    if not text.strip():
        raise ZhfactsError(name, "empty document (no text, only white space)")
    return text


def paragraph_blocks(text: str, size: int) -> Iterator[tuple[int, str]]:
    """(offset, text) blocks of at most about ``size`` characters, cut after a paragraph break
    (else a line break), so a huge document is extracted block by block in flat memory."""
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            cut = text.rfind("\n\n", pos, end)
            cut = cut + 2 if cut > pos else text.rfind("\n", pos, end) + 1
            end = cut if cut > pos else end
        yield pos, text[pos:end]
        pos = end


def read_document(path: Path | str) -> str:
    """The text of one document file, or a ZhfactsError naming the file and the problem."""
    path = Path(path)
    if not path.exists():
        raise ZhfactsError(path, "no such file")
    if path.is_dir():
        raise ZhfactsError(path, "is a directory, expected a text file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ZhfactsError(path, f"too large ({size} bytes; the limit is {MAX_BYTES})")
        data = path.read_bytes()
    except OSError as exc:
        raise ZhfactsError(path, exc.strerror or str(exc)) from None
    return _with_text(decode(data, path), path)
