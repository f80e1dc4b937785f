"""Plain-text and Markdown documents: decode, reduce inline Markdown, one paragraph per non-empty line
(or per block of lines when the text is hard-wrapped, as text copied out of a PDF is: app.io.reflow).

Resolutions pasted from the web or exported from a word processor arrive as .txt with Markdown-ish
inline markers (``*Invites*``, ``[A/HRC/61/76](#)``); the markers are reduced to their text and kept as
run formatting, also when an emphasis spans a line break (``*55th meeting`` / ``31 March 2026*``).
"""
from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from pathlib import Path

from app.core.model import Document, Kind, Paragraph, Run
from app.io.errors import InputError
from app.io.reflow import Line, Piece, Report, looks_hard_wrapped, reflow
from app.io.text_notes import NOTE_MARKS, marker, place_notes
from app.io.xml_text import count_dropped, drop_illegal

logger = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# A Markdown link ``[text](target)``: the text runs to the first "]" or line end, the target to the
# first ")" or space (what r"\[([^\]\n]+)\]\(([^)\s]*)\)" matches). Matching that pattern at every
# "[" rescans the rest of the line each time, quadratic on a line of "[" or "[a](" (50 kB took 13 s):
# _Links finds the same matches with each scan starting where the previous one stopped.
_TEXT_END = re.compile(r"[\]\n]")
_TARGET_END = re.compile(r"[)\s]")
_BLOCK_SPLIT = re.compile(r"\n[ \t\u00a0]*\n")
_CONTROL_OK = set("\t\n\r\f\v\x1c\x1d\x1e\x85")
LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru")


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name). BOMs first, then strict UTF-8, then Windows-1252."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name.replace("-sig", " with BOM").replace("utf-16", "UTF-16").replace("utf-32", "UTF-32")
            except UnicodeDecodeError:
                raise InputError(path, f"the text is not valid {name.upper()} although it starts with a byte-order mark") from None
    if b"\x00" in data[:4096]:
        raise InputError(path, "the file holds binary data, not text (it has NUL bytes and no byte-order mark)")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as exc:
        logger.debug("%s: not UTF-8 (%s); trying Windows-1252", path, exc.reason)
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise InputError(path, "the text cannot be decoded: it is neither UTF-8, UTF-16 nor Windows-1252") from None


def _check_is_text(text: str, path: str) -> None:
    sample = text[:20000]
    if not sample.strip():
        raise InputError(path, "the file is empty (it contains no text)")
    bad = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in _CONTROL_OK)
    if bad > max(8, len(sample) // 100):
        raise InputError(path, "the file holds binary data, not text; open a .docx, .pdf, .odt, .html, .txt or .md file")


class _Links:
    """The Markdown links of one block, found in linear time over increasing positions."""

    def __init__(self, block: str) -> None:
        self.block = block
        self._text = (-1, -1)      # (searched from, first "]" or "\n" at or after it; len(block) if none)
        self._target = (-1, -1)    # (searched from, first ")" or space at or after it)

    @staticmethod
    def _next(pattern: re.Pattern, block: str, cached: tuple[int, int], start: int) -> tuple[int, int]:
        # The cached answer holds for any start between where it was searched from and where it found
        # its character (nothing matches in between), and starts only increase.
        if cached[0] <= start <= cached[1]:
            return cached
        m = pattern.search(block, start)
        return start, (m.start() if m else len(block))

    def match(self, i: int) -> tuple[str, int] | None:
        """(link text, end) when a link starts at ``block[i] == "["``, else None."""
        block = self.block
        self._text = self._next(_TEXT_END, block, self._text, i + 1)
        j = self._text[1]
        if j <= i + 1 or j + 1 >= len(block) or block[j] != "]" or block[j + 1] != "(":
            return None
        self._target = self._next(_TARGET_END, block, self._target, j + 2)
        k = self._target[1]
        if k >= len(block) or block[k] != ")":
            return None
        return block[i + 1:j], k + 1


def _format_block(block: str) -> tuple[str, list[tuple[bool, bool]]]:
    """Reduce links and balanced * / ** emphasis in one block; return text and (bold, italic) per char."""
    out: list[str] = []
    flags: list[tuple[bool, bool]] = []
    bold = italic = False
    opened: list[int] = []   # output positions where emphasis opened, to undo if unbalanced
    links = _Links(block)
    i, n = 0, len(block)
    while i < n:
        ch = block[i]
        if ch == "\\" and i + 1 < n and block[i + 1] in "*[]_\\":
            out.append(block[i + 1]); flags.append((bold, italic)); i += 2
            continue
        if ch == "[":
            link = links.match(i)
            if link:
                out.extend(link[0]); flags.extend([(bold, italic)] * len(link[0]))
                i = link[1]
                continue
        if ch == "*":
            width = 2 if block.startswith("**", i) else 1
            before = block[i - 1] if i else " "
            after = block[i + width] if i + width < n else " "
            is_bold = width == 2
            active = bold if is_bold else italic
            if active and not before.isspace():
                if is_bold:
                    bold = False
                else:
                    italic = False
                i += width
                continue
            if not active and not after.isspace() and block.find("*" * width, i + width) > 0:
                if is_bold:
                    bold = True
                else:
                    italic = True
                opened.append(len(out))
                i += width
                continue
        out.append(ch); flags.append((bold, italic)); i += 1
    if bold or italic:
        return block, [(False, False)] * len(block)   # unbalanced: keep the markers as typed
    return "".join(out), flags




def _runs(text: str, flags: list[tuple[bool, bool]] | None) -> tuple[Run, ...]:
    """Runs of ``text`` from per-character (bold, italic) ``flags`` (None: plain); a superscript digit
    (a note marker, "¹") is a superscript run, as Word has it. () when the text is all plain."""
    if flags is None and NOTE_MARKS.isdisjoint(text):
        return ()                                   # plain text, no note marker: decided in C
    keys = [(b, i, ch in NOTE_MARKS) for (b, i), ch in zip(flags or [(False, False)] * len(text), text)]
    if not any(b or i or sup for b, i, sup in keys):
        return ()
    runs: list[Run] = []
    start = 0
    for k in range(1, len(text) + 1):
        if k == len(text) or keys[k] != keys[start]:
            b, i, sup = keys[start]
            runs.append(Run(text[start:k], bold=b, italic=i, superscript=sup))
            start = k
    return tuple(runs)


FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]{0,40}):\s*(?P<value>.*)$")


def front_matter(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Split YAML front matter (``---`` … ``---`` on top of a Markdown file) from the text.

    Returns (text without it, its top-level ``key: value`` pairs with quotes removed). Only flat pairs
    are read: the metadata is shown, never interpreted as text. Blank lines keep line numbers right.
    """
    m = FRONT_MATTER.match(text)
    if not m:
        return text, ()
    pairs = []
    for line in m.group("body").split("\n"):
        k = _FRONT_KEY.match(line)
        if k:
            pairs.append((k.group("key"), k.group("value").strip().strip("\"'")))
    return "\n" * m.group(0).count("\n") + text[m.end():], tuple(pairs)


def text_lines(text: str, *, markdown: bool = True) -> list[Line]:
    """Lines of a text with their line numbers, blank-line gaps and Markdown emphasis reduced."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    lines: list[Line] = []
    line_no = 1
    for block in _BLOCK_SPLIT.split(text):
        block_start = line_no
        line_no += block.count("\n") + 2
        if markdown and ("*" in block or "[" in block):
            reduced, flags = _format_block(block)
        else:
            reduced, flags = block, None
        offset = 0
        first = True
        for k, line in enumerate(reduced.split("\n")):
            line_flags = flags[offset:offset + len(line)] if flags is not None else None
            offset += len(line) + 1
            stripped = line.strip()
            if not stripped:
                continue
            lead = len(line) - len(line.lstrip())
            fmt = tuple(line_flags[lead:lead + len(stripped)]) if line_flags else None
            if fmt is not None and not any(b or i for b, i in fmt):
                fmt = None
            if markdown and stripped.startswith("#") and fmt is None:
                stripped = stripped.lstrip("#").strip() or stripped
            lines.append(Line(stripped, block_start + k, blank_before=first, fmt=fmt, indent=lead >= 2))
            first = False
    return lines


def paragraphs_from_text(text: str, *, markdown: bool = True) -> tuple[Paragraph, ...]:
    """Paragraphs of a typed or pasted text (see :func:`read_paragraphs`, without its report)."""
    return read_paragraphs(text, markdown=markdown)[0]


def read_paragraphs(text: str, *, markdown: bool = True) -> tuple[tuple[Paragraph, ...], Report, bool]:
    """Paragraphs (notes as FOOTNOTE paragraphs after the one citing them), what reflow removed and
    joined, and whether the text was hard-wrapped (then its lines were joined into paragraphs)."""
    lines = text_lines(text, markdown=markdown)
    wrapped = looks_hard_wrapped(lines)
    pieces, report = reflow(lines, wrapped=wrapped, markdown=markdown)
    return pieces_to_paragraphs(pieces), report, wrapped


def pieces_to_paragraphs(pieces: list[Piece]) -> tuple[Paragraph, ...]:
    """Paragraph objects for reflowed pieces: a note becomes a FOOTNOTE whose prefix is its marker."""
    ordered, cites = place_notes(pieces)
    out: list[Paragraph] = []
    for k, piece in enumerate(ordered):
        text = piece.text.strip()
        if not text:
            continue
        lead = len(piece.text) - len(piece.text.lstrip())
        fmt = piece.fmt[lead:lead + len(text)] if piece.fmt is not None else None
        runs = _runs(text, fmt)
        if piece.note:
            prefix = marker(piece.note) + " "
            if not text.startswith(prefix):
                prefix = text[:len(marker(piece.note))]
            out.append(Paragraph(index=len(out), text=text, kind=Kind.FOOTNOTE, prefix=prefix, label=piece.note,
                                 source=piece.source, runs=runs))
            continue
        out.append(Paragraph(index=len(out), text=text, source=piece.source, runs=runs,
                             footnote_refs=cites.get(k, ())))
    return tuple(out)


def warnings_of(report: Report, wrapped: bool) -> list[str]:
    """The reader's guesses in words (one line each) for the CLI, the JSON and the window."""
    out = []
    if wrapped and report.wrapped_lines:
        out.append(f"hard-wrapped text (as copied from a PDF): {report.wrapped_lines} line breaks joined "
                   "into their paragraphs")
    if report.furniture:
        parts = ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in sorted(report.furniture.items()))
        out.append(f"page furniture removed: {parts}")
    return out


def read_text(path: Path, data: bytes) -> Document:
    text, encoding = decode_text(data, str(path))
    _check_is_text(text, str(path))
    warnings = []
    dropped = count_dropped(text)
    if dropped:
        text = drop_illegal(text)
        warnings.append(f"{dropped} control character{'s' if dropped > 1 else ''} that a Word file cannot hold "
                        "removed")
    fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
    text, metadata = front_matter(text)
    paragraphs, report, wrapped = read_paragraphs(text, markdown=True)
    warnings += warnings_of(report, wrapped)
    if not paragraphs:
        raise InputError(str(path), "the file is empty (it contains no text)")
    language = dict(metadata).get("language", "").lower()
    return Document(path=str(path), paragraphs=paragraphs, format=fmt, encoding=encoding,
                    warnings=tuple(warnings), metadata=metadata,
                    language=language if language in LANGUAGES else "und")
