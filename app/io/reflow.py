"""Text laid out in pages back into paragraphs: what a PDF's text layer and text copied out of a PDF give.

Both arrive as lines: hard-wrapped at the column width, with the page's furniture between them (running
head: document symbol and title; running foot: job number, barcode, page "2/5") and, at each page foot,
the footnotes under a rule. This module turns those lines into paragraphs and notes:

- page furniture is recognised and removed (each removal counted for the warning), and where it stood a
  *page break* is remembered, across which a paragraph cut by the page is joined again;
- hard-wrapped lines are joined; a hyphen at a line end is dropped only where the joined word is a word
  of the same document ("imple-" + "mentation" when "implementation" occurs elsewhere), otherwise kept;
- footnotes are collected: the lines under a page's rule (``____``), numbered note lines ("1 See
  resolution 169 (II).") whose marker the text cited just before, and Markdown definitions (``[^1]: …``,
  with indented continuation lines).

The result is a list of :class:`Piece` (paragraph or note text with its per-character formatting); the
caller (app.io.text_reader, app.io.pdf_reader) places notes after the paragraph citing them
(app.io.text_notes) and makes Paragraphs. No Qt, no I/O.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from app.core.structure import SUPERSCRIPT

Fmt = tuple[bool, bool]          # (bold, italic) for one character

JOB_NUMBER = re.compile(r"^(?:GE\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?(?:\s+\*\d{7,}\*)?$")   # "25-15106 (E)"
BARCODE = re.compile(r"^\*?\d{7,}\*?$")                                      # "*2515106*" (a Markdown reading: "2515106")
PAGE_NUMBER = re.compile(r"^(?:(?P<n>\d{1,3})\s*/\s*(?P<m>\d{1,3})|Page\s+\d{1,3}(?:\s+(?:of|de|sur)\s+\d{1,3})?|"
                         r"-\s?\d{1,3}\s?-|\d{1,3})$", re.IGNORECASE)
SYMBOL_LINE = re.compile(r"^[A-Z]{1,8}(?:/[A-Za-z0-9.\-]+){2,}(?:\s*\([A-Z]\))?$")      # "A/RES/80/1"
NOTE_RULE = re.compile(r"^[_\u2014\u2015\-]{5,}$")                                       # the rule above notes
MD_BREAK = re.compile(r"^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
MD_NOTE = re.compile(r"^\[\^(?P<n>[^\]\s]{1,12})\]:\s*")
NOTE_LINE = re.compile(r"^(?P<n>\d{1,3})\s+(?=\S)")
NOT_A_NOTE = re.compile(r"^(?:plenary|meeting|séance|sesión|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
                        r"janv|févr|avr|mai|juin|juil|août|sept|déc|ene|abr|ago|dic)[a-zéû]*\b)", re.IGNORECASE)
SUPER_NOTE_LINE = re.compile(r"^(?P<n>[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3})\s*(?=[^\s\u00b9\u00b2\u00b3\u2070\u2074-\u2079])")
TITLE_LINE = re.compile(r"^(?:A/RES/)?(?:(?:ES|S)-\d{1,2}/\d{1,4}|\d{1,4}/\d{1,4})\s?\.\s*(?P<title>\S.*)$")
ANNEX_LINE = re.compile(r"^(?:annex|annexe|anexo|приложение|المرفق|附件)(?:\s+[IVX\d]+)?$", re.IGNORECASE)
LABEL_START = re.compile(r"^(?:\d{1,3}\s?(?:bis|ter)?\.|\(?[a-z]{1,2}\)|\(?[ivx]{1,5}\)|PP\s?\d|OP\s?\d)(?:\s|$)")
# Ends on a word or a hyphen (not on punctuation, a figure or a note marker): the sentence goes on.
ENDS_OPEN = re.compile(r"(?:(?![\u00b9\u00b2\u00b3\u2070-\u2079])[^\W\d_])[)\u201d\u2019]?$|[\u00ad\u2011\-–]$")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def ends_open(text: str) -> bool:
    """Does ``text`` end on a word or a hyphen (see ENDS_OPEN)? Only its last characters are looked at."""
    return ENDS_OPEN.search(text[-3:]) is not None


# A note marker as text copied from a PDF shows it: a plain number glued to the end of a word
# ("Nations1") or to the punctuation after it ("peace,1", "Document,8", "1979,1", "79/16,2",
# "persons.8 "), but not part of a symbol, a range or an abbreviation ("A/79/552", "2024-2025",
# "Rev.1"); set apart after a word and before punctuation ("the United Nations 1,", unless a word
# before it refers to a number: see ``refers``); or glued to a year after a month or a preposition
# ("25 November 20242", "of 20172": UN style writes five-figure numbers with a space, "20 172").
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
           "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre")
# (Each branch starts with a cheap lookahead, digit or "word + year", so most positions fail at once.)
GLUED_MARKER = re.compile(r"(?=\d)(?:(?<=[^\W\d_])(?P<a>\d{1,3})(?=[\s,.;:)\]]|$)|"
                          r"(?<=[^\W_][,;:)\]\u201d\u2019])"
                          r"(?P<b>\d{1,3})(?=[\s,.;:)\]]|$)|"
                          r"(?<=[a-z]{3}\.)(?P<d>\d{1,3})(?=\s|$)|"
                          r"(?<=[^\W\d_]{3} )(?P<e>\d{1,2})(?=[,;:]+(?:\s|$)))|"
                          r"\b(?=\w{2,9}\s(?:19|20)\d{3,4}(?!\d))(?:" + _MONTHS +
                          r"|of|in|since|from|and|to|until|by)\s(?:19|20)\d\d(?P<c>\d{1,2})(?=[\s,.;:)\]]|$)")


@dataclass
class Line:
    """One line as laid out. ``fmt`` is one (bold, italic) per character of ``text`` or None (plain)."""

    text: str
    number: int                       # 1-based line number (text) or page number (PDF), for ``source``
    blank_before: bool = False        # an empty line (a paragraph gap) precedes it
    page_break_before: bool = False   # PDF: the first line of a page
    fmt: tuple[Fmt, ...] | None = None
    note_area: bool = False           # PDF: set in the page's note area (small type under the rule)
    indent: bool = False              # Markdown: indented (a note definition's continuation)


@dataclass
class Piece:
    """A paragraph or a note put back together."""

    text: str
    fmt: list[Fmt] | None
    source: str
    note: str = ""                    # the note's number when this is a note's text


@dataclass
class Report:
    """What was guessed, for the reader's warnings."""

    wrapped_lines: int = 0            # lines joined into the paragraph before them
    furniture: Counter = field(default_factory=Counter)   # kind -> lines removed


def looks_hard_wrapped(lines: list[Line]) -> bool:
    """True when paragraphs are cut into lines of a column's width (text copied out of a PDF).

    Looks at each line as long as the column (60 % of the width or more) that has a next line in the
    same block: cut by the layout, it ends mid-sentence (no ``. ; : ,``) or the next line starts in
    lower case. Typed text (a line per paragraph, short header lines) has almost no such lines; a
    copied page has mostly such lines.
    """
    if len(lines) < 6:
        return False
    width = _width(lines)
    if width < 40 or width > 140:
        return False
    wrapped = long = 0
    for a, b in zip(lines, lines[1:]):
        if b.blank_before or b.page_break_before or len(a.text) < 0.6 * width:
            continue
        long += 1
        if ends_open(a.text) or b.text[:1].islower():
            wrapped += 1
    return wrapped >= 3 and wrapped * 2 >= long


def find_furniture(lines: list[Line], title: str) -> dict[int, str]:
    """Index -> kind ("job number", "page number", "symbol", "running head", "barcode") of the lines that
    are page furniture. Job numbers and barcodes are furniture on sight; page numbers and lone document
    symbols only in a text that shows pages (a job number, a barcode or two page numbers), the symbol
    only when it is the one repeated most; a line that is the title again is a running head unless an
    "Annex" line stands just before it (the annex's own title)."""
    found: dict[int, str] = {}
    pages: dict[int, str] = {}
    symbols: Counter = Counter()
    for i, line in enumerate(lines):
        t = line.text
        if JOB_NUMBER.match(t):
            found[i] = "job number"
        elif BARCODE.match(t):
            found[i] = "barcode"
        elif PAGE_NUMBER.match(t) and _is_page_number(t):
            pages[i] = t
        elif SYMBOL_LINE.match(t):
            symbols[t] += 1
    paged = bool(found) or len(pages) >= 2
    if paged:
        found.update((i, "page number") for i in pages
                     if "/" in pages[i] or _next_to(found, i) or lines[i].page_break_before)
        if symbols:
            top, _ = symbols.most_common(1)[0]
            found.update((i, "symbol") for i, line in enumerate(lines) if line.text == top)
        _repeated_heads(lines, found)
    if title:
        key = _key(title)
        for i, line in enumerate(lines):
            if _key(line.text) == key and not (i and ANNEX_LINE.match(lines[i - 1].text)):
                found[i] = "running head"
    return found


def _repeated_heads(lines: list[Line], found: dict[int, str]) -> None:
    """A line that stands right next to page furniture (no empty line between) at two places or more
    is furniture too: a running head, also one the page wraps over two lines ("2025 Political
    Declaration on …" / "Global Plan …")."""
    def beside(i: int) -> bool:
        return ((i - 1 in found and not lines[i].blank_before)
                or (i + 1 in found and i + 1 < len(lines) and not lines[i + 1].blank_before))

    for _ in range(3):         # a running head is one to three lines: each pass adds the next line of one
        near = Counter(lines[i].text for i in _neighbours(found, len(lines)) if beside(i))
        added = [i for i in _neighbours(found, len(lines))
                 if near[lines[i].text] >= 2 and len(lines[i].text) < 160 and beside(i)]
        if not added:
            return
        found.update((i, "running head") for i in added)


def _neighbours(found: dict[int, str], n: int) -> list[int]:
    """The lines just before and after the furniture found so far, not furniture themselves."""
    return sorted({j for i in found for j in (i - 1, i + 1) if 0 <= j < n and j not in found})


def _is_page_number(t: str) -> bool:
    m = PAGE_NUMBER.match(t)
    if m and m.group("n"):
        return int(m.group("n")) <= int(m.group("m"))
    return True


def _next_to(found: dict[int, str], i: int) -> bool:
    return any(j in found for j in (i - 2, i - 1, i + 1, i + 2))


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def find_title(lines: list[Line]) -> str:
    """The resolution's title without its number ("80/1. Participation …" -> "Participation …")."""
    for line in lines[:120]:
        m = TITLE_LINE.match(line.text)
        if m:
            return m.group("title").strip()
    return ""


class _Lazy:
    """A value computed the first time it is asked for (the words of the text, the numbers it cites
    glued: needed only when a line-end hyphen or a numbered note line turns up)."""

    def __init__(self, make) -> None:
        self._make, self._value = make, None

    def __call__(self):
        if self._value is None:
            self._value = self._make()
        return self._value


class _Builder:
    """Collects pieces; keeps the paragraph being built open across page breaks."""

    def __init__(self, vocabulary: "_Lazy", report: Report, unit: str):
        self.unit = unit
        self.pieces: list[Piece] = []
        self.vocabulary = vocabulary
        self.report = report
        self.text: list[str] = []
        self.fmt: list[Fmt] = []
        self.has_fmt = False
        self.source = ""
        self.note = ""

    @property
    def open(self) -> bool:
        return bool(self.text)

    def start(self, line: Line, note: str = "", text: str | None = None, fmt=None) -> None:
        self.flush()
        self.note = note
        self.source = f"{self.unit} {line.number}"
        self._append(line.text if text is None else text, line.fmt if fmt is None else fmt)

    def add(self, line: Line, text: str | None = None, fmt=None) -> None:
        """Join a wrapped line to the open paragraph (undoing a line-end hyphen where the word is known)."""
        text = line.text if text is None else text
        fmt = line.fmt if fmt is None else fmt
        prev = self.text[-1] if self.text else ""
        self.report.wrapped_lines += 1
        if prev.endswith("\u00ad") or (prev.endswith("-") and text[:1].islower() and self._joins_as_word(prev, text)):
            self._drop_last()
        elif not prev.endswith(("-", "\u2011", "\u2010", "/")) or text[:1].isupper():
            self._append(" ", None)
        self._append(text, fmt)

    def _joins_as_word(self, prev: str, text: str) -> bool:
        head = re.search(r"([^\W\d_]+)-$", prev)
        tail = _WORD.match(text)
        if not head or not tail:
            return False
        joined = (head.group(1) + tail.group(0)).casefold()
        return joined in self.vocabulary()

    def _drop_last(self) -> None:
        self.text[-1] = self.text[-1][:-1]
        if self.has_fmt:
            self.fmt.pop()

    def _append(self, text: str, fmt) -> None:
        if not self.has_fmt and fmt is not None and any(b or i for b, i in fmt):
            self.has_fmt = True
            self.fmt = [(False, False)] * sum(len(t) for t in self.text)
        self.text.append(text)
        if self.has_fmt:
            self.fmt.extend(fmt if fmt is not None else [(False, False)] * len(text))

    def flush(self) -> None:
        if self.text:
            text = "".join(self.text)
            self.pieces.append(Piece(text, self.fmt if self.has_fmt else None, self.source, self.note))
        self.text, self.fmt, self.has_fmt, self.note = [], [], False, ""

    def reopen_last(self) -> bool:
        """Take the last paragraph back, because a page cut it: True when it ended open (a word, no
        punctuation) and is long enough not to be a heading. Notes found since stay before it."""
        for k in range(len(self.pieces) - 1, -1, -1):
            piece = self.pieces[k]
            if piece.note:
                continue
            if len(piece.text) < 30 or not ends_open(piece.text):
                return False
            del self.pieces[k]
            self.text, self.source, self.note = [piece.text], piece.source, ""
            self.has_fmt = piece.fmt is not None
            self.fmt = list(piece.fmt) if piece.fmt is not None else []
            return True
        return False


def reflow(lines: list[Line], *, wrapped: bool, markdown: bool = False, unit: str = "line"
           ) -> tuple[list[Piece], Report]:
    """Paragraphs and notes from laid-out lines.

    ``wrapped``: join the lines of a block (a paragraph is cut into lines); otherwise each line is a
    paragraph, as typed text has it. Notes are recognised in both. Returns the pieces in reading order
    (notes where they were found) and a Report of what was removed and joined. ``unit`` names what
    ``Line.number`` counts in the pieces' sources ("line 12", "page 3").
    """
    report = Report()
    title = find_title(lines)
    furniture = find_furniture(lines, title)
    report.furniture.update(furniture.values())
    vocabulary = _Lazy(lambda: {w.casefold() for line in lines for w in _WORD.findall(line.text)})
    cited = _Lazy(lambda: _glued_numbers(lines))
    # Paragraphs typed with an empty line between them: a line straight after a note line goes on with it.
    spaced = sum(line.blank_before for line in lines) >= 0.6 * len(lines)
    b = _Builder(vocabulary, report, unit)
    in_notes = False          # under a page's rule, until the page ends
    broke = False             # a page break (furniture or a new PDF page) since the last body line
    last_note = 0
    for i, line in enumerate(lines):
        if i in furniture:
            broke, in_notes = True, False
            continue
        if line.page_break_before:
            broke, in_notes = True, False
        t = line.text
        if NOTE_RULE.match(t) or (markdown and MD_BREAK.match(t)):
            b.flush()
            in_notes = True
            continue
        md = MD_NOTE.match(t) if markdown else None
        if md:
            b.start(line, note=md.group("n"), text=t[md.end():], fmt=_cut(line.fmt, md.end()))
            continue
        number = _note_number(line, in_notes or line.note_area, last_note, cited)
        if number:
            m = NOTE_LINE.match(t) or SUPER_NOTE_LINE.match(t)
            b.start(line, note=str(number), text=t[m.end():], fmt=_cut(line.fmt, m.end()))
            last_note = number
            continue
        if b.note and (in_notes or line.note_area or line.indent
                       or (not line.blank_before and (wrapped or spaced))):
            b.add(line)            # a note's further line
            continue
        if in_notes and not b.note:
            in_notes = False      # a rule with no note under it: body text goes on
        if b.note:
            broke = True          # notes stand at a page's foot: the body goes on after a page break
            b.flush()
        if broke and not LABEL_START.match(t) and not TITLE_LINE.match(t) and _continues(b):
            broke = False
            b.add(line)
            continue
        broke = False
        if b.open and not b.note and not LABEL_START.match(t) and _goes_on(b, line, wrapped):
            b.add(line)
            continue
        b.start(line)
    b.flush()
    return split_run_in(b.pieces), report


_LEADING_NUMBER = re.compile(r"^(\d{1,3})\.\s")
_RUN_IN = re.compile(r"(?<=\s)(?P<n>\d{1,3})\.[ \t\u00a0]+(?=[A-Z\u201c])")
_REFERS = re.compile(r"(?:paragraphs?|paras?\.|No\.|Nos\.|article|articles|section|sections|chapter|resolutions?|annex|"
                     r"items?|goals?|targets?|pages?|tables?|figures?|sessions?|meetings?|decisions?|"
                     r"rule|vol\.|part|and|to|of)\s*$", re.IGNORECASE)


def split_run_in(pieces: list[Piece]) -> list[Piece]:
    """Split paragraphs whose numbered successor was run into them ("… persons.8 6. We recall …"), as
    text extracted from a PDF sometimes has it: only the next number in sequence (or the one after, when
    the extraction lost a label), never a number that a word before it refers to ("paragraph 3. We")."""
    out: list[Piece] = []
    last = 0
    for piece in pieces:
        if piece.note:
            out.append(piece)
            continue
        m = _LEADING_NUMBER.match(piece.text)
        if m:
            last = int(m.group(1))
        start = 0
        pos = m.end() if m else 0
        while True:
            found = None
            for r in _RUN_IN.finditer(piece.text, pos):
                if last < int(r.group("n")) <= last + 2 and r.start() > start and not _REFERS.search(
                        piece.text[max(start, r.start() - 24):r.start()]):
                    found = r
                    break
            if not found:
                break
            out.append(_slice(piece, start, found.start()))
            start, pos, last = found.start(), found.end(), int(found.group("n"))
        out.append(_slice(piece, start, len(piece.text)) if start else piece)
    return out


def _slice(piece: Piece, start: int, end: int) -> Piece:
    text = piece.text[start:end]
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    fmt = piece.fmt[start + lead:start + lead + len(text)] if piece.fmt is not None else None
    return Piece(text, fmt, piece.source, piece.note)


def _continues(b: _Builder) -> bool:
    """After a page break: the paragraph before it goes on when it ended open (no punctuation)."""
    if b.open and not b.note:
        last = "".join(b.text)
        return len(last) >= 30 and ends_open(last)
    b.flush()
    return b.reopen_last()


def _goes_on(b: _Builder, line: Line, wrapped: bool) -> bool:
    """Is ``line`` the next line of the paragraph being built rather than a paragraph of its own?

    In a hard-wrapped text, every line of a block is, unless a label follows a finished sentence. In
    typed text, only a line that starts in lower case after an unfinished one (a page or a copy cut
    the paragraph there), also across an empty line: a paragraph never starts so.
    """
    last = b.text[-1]
    if wrapped and not line.blank_before:
        return not last.rstrip().endswith((".", ";", ":", ",")) or not LABEL_START.match(line.text)
    return len(last) >= 30 and ends_open(last) and line.text[:1].islower()


def _width(lines: list[Line]) -> int:
    """The column width in characters: the 90th percentile of line lengths."""
    lengths = sorted(len(line.text) for line in lines)
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def _note_number(line: Line, in_notes: bool, last: int, cited: "_Lazy") -> int:
    """The note number a line opens with, when it opens a note: under the rule any number in order; in
    the body a number the text cites glued to a word ("Nations1"), or the one after the last note (a
    marker the text shows apart, "Rarotonga, 3 Bangkok"); never a date ("1 December 2025")."""
    m = SUPER_NOTE_LINE.match(line.text)
    if m:
        n = int(m.group("n").translate(SUPERSCRIPT))
        return n if in_notes or n == last + 1 or n in cited() else 0
    m = NOTE_LINE.match(line.text)
    if not m or NOT_A_NOTE.match(line.text[m.end():]):
        return 0
    n = int(m.group("n"))
    if in_notes and last < n <= last + 3:
        return n
    if last < n <= last + 2 and n in cited():
        return n
    return n if last and n == last + 1 else 0


def marker_number(m: re.Match) -> int:
    """The note number a GLUED_MARKER match holds."""
    return int(m.group("a") or m.group("b") or m.group("c") or m.group("d") or m.group("e"))


def refers(m: re.Match) -> bool:
    """A number set apart after a word that refers to numbers ("paragraphs 1,", "resolution 5;",
    "Goal 3,"): a figure, never a note marker."""
    return bool(m.group("e")) and bool(_REFERS.search(m.string[max(0, m.start() - 24):m.start()]))


def _glued_numbers(lines: list[Line]) -> set[int]:
    """Numbers glued to a word or its punctuation ("Nations1", "peace,1"): candidate note markers."""
    out: set[int] = set()
    for line in lines:
        for m in GLUED_MARKER.finditer(line.text):
            if not refers(m):
                out.add(marker_number(m))
    return out


def _cut(fmt, start: int):
    return None if fmt is None else fmt[start:]
