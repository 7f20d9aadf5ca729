"""What every rule may read about one document, built once per document from its language bundle.

The context holds spans only (sentences, places, times, set phrases, quotations, headings), each
sorted for bisection, so that no rule scans the whole document per mention. It names no word of
any language: the bundle (``ctx.lang``) finds the spans, the rules read them.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .spans import Ordered
from .types import TABLE_CELL, Claim, Document, Mention, Sentence, Table, TableCell, Token

if TYPE_CHECKING:
    from .lang.base import Language
    from .profiles import Profile


@dataclass(frozen=True)
class Heading:
    """A section heading (or the title), with the time expression that gives its year, if any."""

    sentence: int
    year: str = ""
    start: int = -1
    end: int = -1


#: What ``Context.once`` finds under a key not built yet (a built index may be None or empty).
_UNBUILT = object()


@dataclass
class Context:
    """What the rules need to know about the whole document, computed once."""

    doc: Document
    lang: Language
    profile: Profile
    sentences: list[Sentence]
    part_starts: list[int]  # starts of every sentence part, sorted
    part_sentence: list[int]  # the sentence index of each part
    paragraph_first: list[int]  # sentence index -> index of its paragraph's first sentence
    headings: list[Heading]
    places: Ordered
    place_at: dict[int, Any]
    place_ending_at: dict[int, Any]
    times: Ordered
    set_phrases: Ordered
    quoted: Ordered
    bracketed: Ordered
    word_starts: frozenset[int]
    tables: Ordered = field(default_factory=lambda: Ordered(()))
    people: dict[str, Any] = field(default_factory=dict)  # person -> the place they were introduced with
    #: The sentence index of each heading, kept once so that finding the headings over a sentence
    #: is one bisection.
    heading_sentences: list[int] = field(init=False)
    #: What a language's rules derive once per document and then read for every mention (the
    #: tense of each section, places by name), under keys of the rule's own module; see ``once``.
    memo: dict[str, Any] = field(default_factory=dict)
    #: (pos, lists) -> the clause around pos: the rules of every slot ask for the clause of the
    #: same number, so each is found once (at most two entries per number).
    clauses: dict[tuple[int, bool], tuple[int, int]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.heading_sentences = [h.sentence for h in self.headings]

    def once(self, key: str, build: Callable[[], Any]) -> Any:
        """``memo[key]``, built on first use: a per-document index that spares every mention a
        scan of the whole document."""
        found = self.memo.get(key, _UNBUILT)
        if found is _UNBUILT:
            found = self.memo[key] = build()
        return found

    def sentence_of(self, pos: int) -> int:
        """The sentence whose text holds pos (a caption inside a sentence's range is its own)."""
        return self.part_sentence[max(0, bisect_right(self.part_starts, pos) - 1)]

    def headings_before(self, si: int) -> int:
        """How many headings stand above sentence si: ``headings[:k]`` are the ones over it."""
        return bisect_left(self.heading_sentences, si)

    def heading_over(self, si: int) -> Heading | None:
        """The nearest heading above sentence si."""
        k = self.headings_before(si)
        return self.headings[k - 1] if k else None

    def table_at(self, pos: int) -> Table | None:
        """The table (from its title to its last row) that holds pos."""
        i = bisect_right(self.tables.starts, pos) - 1
        return self.tables.items[i] if i >= 0 and pos < self.tables.items[i].end else None

    def table_cell(self, m: Mention) -> TableCell | None:
        """The number cell a mention was read from, if it was: a mention of the prose is none,
        asked without looking for its table (most mentions are prose)."""
        if m.rule != TABLE_CELL:
            return None
        table = self.table_at(m.start)
        return table.cell_at(m.start, m.end) if table is not None else None

    def clause_bounds(self, pos: int, lists: bool = False) -> tuple[int, int]:
        """The clause around pos: up to clause punctuation (and list commas with ``lists``) or a line end."""
        key = (pos, lists)
        found = self.clauses.get(key)
        if found is None:
            found = self.clauses[key] = self.lang.clause_bounds(self.doc.norm, pos, lists)
        return found


def with_table_cells(mentions: list[Mention], tables: list[Table]) -> list[Mention]:
    """The mentions with each table's number cells read as the table reads them: a number the
    prose reading found inside a number cell gives way to the cell's own mention."""
    cells = [c.mention for t in tables for c in t.cells]
    if not cells:  # most documents hold no table: nothing to give way to
        return sorted(mentions, key=lambda m: (m.start, m.end))
    taken = Ordered(cells)
    kept = [m for m in mentions if not any(c.start < m.end and m.start < c.end for c in taken.starting_in(m.start - _CELL_MAX, m.end))]
    return sorted(kept + cells, key=lambda m: (m.start, m.end))


#: No number cell is longer than this.
_CELL_MAX = 40


def build_context(doc: Document, lang: Language, profile: Profile, sentences: list[Sentence],
                  tokens: list[Token], tables: list[Table] = ()) -> Context:
    """What the rules read about the document. A table's title and rows, and a figure's caption,
    head no section."""
    norm = doc.norm
    in_table = Ordered(tables)
    places = lang.find_places(norm, doc.place)
    times = Ordered(lang.find_times(norm, doc.year))
    parts = sorted((a, b, i) for i, s in enumerate(sentences) for a, b in s.parts)
    first_of: dict[int, int] = {}
    first = [first_of.setdefault(s.paragraph, i) for i, s in enumerate(sentences)]
    headings = []
    for i, h in enumerate(sentences):
        inside = next(in_table.nearest_before(h.start + 1), None)
        if inside is not None and h.start < inside.end:
            continue
        if lang.is_caption(norm[h.start:h.end]):
            continue  # a table's or a figure's caption names what it shows
        if h.heading and not (profile.dateline_heads_nothing and lang.is_dateline(norm[h.start:h.end])):
            named = [t for t in times.starting_in(h.start, h.end) if t.year]
            headings.append(Heading(i, named[0].year, named[0].start, named[0].end) if named else Heading(i))
    ctx = Context(
        doc=doc, lang=lang, profile=profile, sentences=sentences,
        part_starts=[a for a, _, _ in parts],
        part_sentence=[i for _, _, i in parts],
        paragraph_first=first,
        headings=headings,
        places=Ordered(places),
        place_at={p.start: p for p in places},
        place_ending_at={p.end: p for p in places},
        times=times,
        set_phrases=Ordered(lang.set_phrases(norm)),
        quoted=Ordered(lang.quoted(norm)),
        bracketed=Ordered(lang.bracketed(norm)),
        word_starts=frozenset(t.start for t in tokens),
        tables=in_table,
    )
    ctx.people = lang.people_places(ctx)
    return ctx


@dataclass
class Ask:
    """One mention in its document, as the rules of every slot see it.

    ``claims`` are the spans of the mentions that passed exclusion (a metric leaves other claims
    out); ``previous`` is the claim before this one, ``earlier`` every claim before it (a list of
    numbers may answer the claims it follows, one each). ``memo`` lets the rules of one slot share a
    computation (the metric rules read one pair of phrase windows).
    """

    mention: Mention
    ctx: Context
    claims: list[tuple[int, int]] = field(default_factory=list)
    previous: Claim | None = None
    earlier: list[Claim] = field(default_factory=list)
    memo: dict = field(default_factory=dict)
    #: The index of the mention's sentence and the document's folded text, which nearly every
    #: rule reads: set once when the ask is made.
    si: int = field(init=False)
    norm: str = field(init=False)

    def __post_init__(self) -> None:
        self.si = self.ctx.sentence_of(self.mention.start)
        self.norm = self.ctx.doc.norm

    @property
    def sentence(self) -> Sentence:
        return self.ctx.sentences[self.si]
