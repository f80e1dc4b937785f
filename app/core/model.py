"""Engine data: immutable documents, paragraph pairs, word-diff ops, findings and comparisons.

Everything here is a frozen dataclass or an enum so a Comparison can be shared between the worker
thread that computes it, the window that shows it and the exporters that write it, without copies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from enum import Enum


_TABLE_CELL = re.compile(r"^table (\d+), row (\d+), cell (\d+)$")


class Kind(str, Enum):
    """Role of a paragraph in a UN resolution."""

    OTHER = "other"            # not (yet) recognised
    HEADER = "header"          # Distr., date, Original:, session, agenda item ...
    TITLE = "title"            # "61/37. Technical assistance ..." (resolution number + title)
    INTRO = "intro"            # "The Human Rights Council," (the body that speaks)
    PREAMBLE = "preamble"      # preambular paragraph
    OPERATIVE = "operative"    # operative paragraph
    SUBPARAGRAPH = "subparagraph"  # (a), a), (i) under a preambular or operative paragraph
    FOOTNOTE = "footnote"      # the text of a note
    FOOTER = "footer"          # meeting, date, "Adopted without a vote" / recorded vote
    ANNEX = "annex"            # an annex: its heading, its own headings and numbered paragraphs
    PAGE_HEADER = "page-header"  # a Word page header (running head: document symbol, job number ...)
    PAGE_FOOTER = "page-footer"  # a Word page footer (running foot: page number, job number ...)

    @property
    def is_body(self) -> bool:
        return self in (Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH, Kind.ANNEX)

    @property
    def is_page(self) -> bool:
        """A page header or footer: read after the document, never part of its structure."""
        return self in (Kind.PAGE_HEADER, Kind.PAGE_FOOTER)


@dataclass(frozen=True)
class Run:
    """A stretch of text with uniform character formatting, as known from the source."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    superscript: bool = False


@dataclass(frozen=True)
class Paragraph:
    """One paragraph as read.

    ``text`` is the whole paragraph as printed; ``prefix`` is its leading label with the spacing that
    follows it (``"PP15bis. "``, ``"3.\\t"``, ``"(a) "``) so that ``text == prefix + body`` always holds.
    Readers fill ``text``/``body``/``runs``; structure recognition fills kind, label and ordinal.
    """

    index: int                       # position in the document, 0-based, all kinds counted
    text: str
    kind: Kind = Kind.OTHER
    prefix: str = ""                 # printed label and the spaces after it
    label: str = ""                  # normalised label: "PP15bis", "OP3", "(a)", "3"
    number: int | None = None        # number in the label (15 for PP15bis), None when unlabelled
    suffix: str = ""                 # "bis", "ter", ... from the label
    ordinal: int = 0                 # 1-based position within its section (16th preambular ...)
    source: str = ""                 # where it came from: "line 12", "paragraph 40", "footnote 1"
    runs: tuple[Run, ...] = ()       # formatting of ``text`` where the reader knows it
    style: str = ""                  # paragraph style name (docx)
    numbering: str = ""              # list label Word draws itself ("3.", "(a)"); not part of text
    footnote_refs: tuple[str, ...] = ()  # note markers that occur in the text ("1", "2")
    origin: int = -1                 # docx: index of its w:p among those the reader walked (exports
                                     # reuse that paragraph's properties); -1 for other sources

    def __post_init__(self) -> None:
        if not self.text.startswith(self.prefix):
            raise ValueError("paragraph prefix must start its text")

    def evolve(self, **changes) -> "Paragraph":
        """A copy with ``changes`` (field name -> value): ``dataclasses.replace`` without its walk over
        the fields at every call (structure recognition makes several per paragraph). Raises TypeError
        for a name that is not a field and ValueError, as the constructor does, for a prefix that does
        not start the text."""
        unknown = changes.keys() - _PARAGRAPH_FIELDS
        if unknown:
            raise TypeError(f"Paragraph has no field {', '.join(sorted(unknown))}")
        new = object.__new__(Paragraph)
        state = new.__dict__               # frozen: attributes cannot be set, the instance dict is filled
        state.update(self.__dict__)
        state.update(changes)
        new.__post_init__()
        return new

    @property
    def body(self) -> str:
        """Comparable text: the paragraph without its label."""
        return self.text[len(self.prefix):]

    @property
    def label_key(self) -> tuple[str, int, str]:
        """What a label means, not how it is typed: "OP3", "3." and the 3rd operative paragraph agree."""
        if self.kind in (Kind.PREAMBLE, Kind.OPERATIVE):
            if self.number is not None:
                return (self.kind.value, self.number, self.suffix)
            return (self.kind.value, self.ordinal, "")
        return (self.kind.value, 0, self.label)

    @property
    def display_label(self) -> str:
        """Label for margins and reports: the printed one, else a derived one (PP16, OP3, and T2 R3 C1
        for a paragraph of a table cell: table 2, row 3, cell 1)."""
        if self.label:
            return self.label
        if self.kind is Kind.PREAMBLE and self.ordinal:
            return f"PP{self.ordinal}"
        if self.kind is Kind.OPERATIVE and self.ordinal:
            return f"OP{self.ordinal}"
        cell = _TABLE_CELL.match(self.source)
        if cell:                                   # "table 2, row 3, cell 1" -> "T2 R3 C1"
            return "T{} R{} C{}".format(*cell.groups())
        return ""


_PARAGRAPH_FIELDS = frozenset(f.name for f in fields(Paragraph))


@dataclass(frozen=True)
class Document:
    """An ordered list of paragraphs read from one file."""

    path: str
    paragraphs: tuple[Paragraph, ...]
    format: str = "txt"              # "docx", "txt", "md"
    language: str = "und"            # ISO 639-1 code, "und" when unknown
    language_confidence: float = 0.0  # 0..1: share of the evidence (app.core.language); 1.0 when the file says
    encoding: str = ""               # text files: the encoding that decoded it
    had_tracked_changes: bool = False
    tracked_view: str = "accepted"   # how existing revisions were read: "accepted" or "original"
    resolution_number: str = ""      # "61/37" when the title carries one
    warnings: tuple[str, ...] = ()   # things the reader wants the user to know
    digest: str = ""                 # SHA-256 of the file's bytes as read ("" when not read from a file)
    metadata: tuple[tuple[str, str], ...] = ()   # what the file says of itself (Markdown front matter)

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    def of_kind(self, *kinds: Kind) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.kind in kinds)

    def with_paragraphs(self, paragraphs: tuple[Paragraph, ...], **changes) -> "Document":
        return replace(self, paragraphs=paragraphs, **changes)


class Op(str, Enum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


@dataclass(frozen=True)
class DiffOp:
    """One word-diff operation. ``a`` is the draft text, ``b`` the adopted text.

    DELETE has only ``a``, INSERT only ``b``; EQUAL has both, which differ only when an ignore option
    (case, punctuation, spaces, quotes) made them compare equal.
    """

    op: Op
    a: str = ""
    b: str = ""


class PairKind(str, Enum):
    EQUAL = "equal"
    CHANGED = "changed"
    INSERTED = "inserted"   # only in the adopted text
    DELETED = "deleted"     # only in the draft
    MOVED = "moved"         # same or similar paragraph at another place
    SPLIT = "split"         # one draft paragraph became several adopted ones
    MERGED = "merged"       # several draft paragraphs became one adopted one


class Severity(str, Enum):
    HIGH = "high"       # a figure, date or symbol differs
    MEDIUM = "medium"   # structure: counts, missing footnote, label skip
    LOW = "low"         # wording hints, e.g. opening phrase without "also"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """Something the reviewer should look at, attached to a pair or to the whole comparison.

    A finding is data, never a sentence: its code, values, spans and ``params`` ((name, value) pairs
    such as ``("kind", "date")`` or ``("section", "preamble")``) say what was found, and
    ``app.core.messages.describe`` words it in the reader's language (``message`` is the English).
    """

    code: str                      # "number", "date", "symbol", "opening", "count", "label-skip", ...
    severity: Severity
    params: tuple[tuple[str, str | int | bool], ...] = ()   # what the sentence needs besides the values
    draft_value: str = ""
    adopted_value: str = ""
    draft_span: tuple[int, int] | None = None    # offsets in the draft paragraph's text
    adopted_span: tuple[int, int] | None = None  # offsets in the adopted paragraph's text
    pair_index: int | None = None                # index into Comparison.pairs, None = document level

    def __post_init__(self) -> None:
        if isinstance(self.params, str):
            raise TypeError("Finding takes params, not a sentence: app.core.messages words it")
        if isinstance(self.params, dict):
            object.__setattr__(self, "params", tuple(self.params.items()))
        elif not isinstance(self.params, tuple):
            object.__setattr__(self, "params", tuple(self.params))

    def param(self, name: str, default=None):
        """The value of one of ``params``, or ``default``."""
        return next((v for k, v in self.params if k == name), default)

    def describe(self, language: str = "en") -> str:
        """The finding as a sentence in ``language`` ("en", "fr"; anything else gives English)."""
        from app.core.messages import describe   # the words live there; the model stays data
        return describe(self, language)

    @property
    def message(self) -> str:
        """The English sentence (read-only; kept for the readers written before findings were data)."""
        return self.describe("en")


@dataclass(frozen=True)
class ParaPair:
    """Aligned paragraphs: indexes into the draft and adopted Document.paragraphs.

    For SPLIT/MERGED the several paragraphs' texts are joined with "\\n" before the word diff, so the
    ops rebuild ``"\\n".join(texts)`` on each side.
    """

    kind: PairKind
    draft: tuple[int, ...]
    adopted: tuple[int, ...]
    similarity: float = 1.0
    ops: tuple[DiffOp, ...] = ()
    findings: tuple[Finding, ...] = ()
    label_changed: bool = False
    formatting_changed: bool = False  # equal words whose bold, italic, underline or superscript differ


@dataclass(frozen=True)
class CompareOptions:
    ignore_case: bool = False
    ignore_punctuation: bool = False
    ignore_labels: bool = True        # compare bodies; labels are reported apart (label_changed)
    conflate_spaces: bool = True      # runs of spaces/tabs/no-break spaces compare equal
    conflate_quotes: bool = True      # ’ ' ‘ and “ ” " « » compare equal
    cross_language: str = "auto"      # "auto", "always", "never"
    ignore_formatting: bool = False   # bold, italic, underline, superscript changes on equal words


@dataclass(frozen=True)
class Statistics:
    pairs: int = 0
    equal: int = 0
    changed: int = 0
    inserted: int = 0
    deleted: int = 0
    moved: int = 0
    split: int = 0
    merged: int = 0
    words_deleted: int = 0
    words_inserted: int = 0
    findings: int = 0
    formatting: int = 0               # pairs whose only or other change is formatting on equal words
    timings: tuple[tuple[str, float], ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Comparison:
    draft: Document
    adopted: Document
    pairs: tuple[ParaPair, ...]
    mode: str = "same-language"     # or "cross-language"
    options: CompareOptions = CompareOptions()
    findings: tuple[Finding, ...] = ()   # document-level findings (counts, label skips ...)
    stats: Statistics = Statistics()
    compared_at: datetime | None = field(default=None, compare=False)   # UTC; tracked revisions carry it

    @property
    def cross_language(self) -> bool:
        return self.mode == "cross-language"

    def all_findings(self) -> tuple[Finding, ...]:
        return self.findings + tuple(f for p in self.pairs for f in p.findings)
