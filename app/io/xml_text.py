"""Text that XML 1.0 cannot hold, at the one boundary where document text becomes WordprocessingML.

XML 1.0 (§2.2 Char) allows TAB, LF, CR and the characters from U+0020 up, except the surrogates and
U+FFFE/U+FFFF. A plain-text input can hold the others: Word's own "Plain text" export writes a manual
line break as VT (U+000B) and a page break as FF (U+000C), and a file damaged in transit can hold NULs
or other C0 controls. The comparison keeps VT and FF (the tokenizer reads them as spaces); every Word
writer turns VT into a line break (``w:br``) and FF into a page break (``w:br w:type="page"``), and
drops the rest, so no export crashes on them. Readers report what they drop (``count_dropped``).
"""
from __future__ import annotations

import re

LINE_BREAK, PAGE_BREAK = "\v", "\f"
_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")    # VT and FF handled apart
_SPLIT = re.compile("([\t\v\f\n\u2028])")


def count_dropped(text: str) -> int:
    """How many characters of ``text`` no Word export can write (VT and FF are written as breaks)."""
    return len(_ILLEGAL.findall(text))


def drop_illegal(text: str) -> str:
    """``text`` without the characters no Word export can write (VT and FF are kept)."""
    return _ILLEGAL.sub("", text)


# How each single-character piece of ``xml_pieces`` is written in a w:r: (element, its w:type or None).
BREAK_PIECES = {"\t": ("w:tab", None), "\v": ("w:br", None), "\n": ("w:br", None), "\u2028": ("w:br", None),
                "\f": ("w:br", "page")}


def xml_pieces(text: str) -> list[str]:
    """``text`` cut into XML-legal strings and the single characters TAB, VT, FF, LF and U+2028 LINE
    SEPARATOR (each to be written as its own element, ``BREAK_PIECES``: w:tab, w:br, w:br page, w:br,
    w:br; the .docx reader reads a Word line break as U+2028), illegal characters dropped."""
    return [p for p in _SPLIT.split(_ILLEGAL.sub("", text)) if p]


def docx_text(text: str) -> str:
    """``text`` for python-docx's ``add_run``/``.text`` (which write TAB as w:tab and LF as w:br):
    VT, FF and U+2028 become LF, other illegal characters are dropped."""
    return _ILLEGAL.sub("", text).replace(LINE_BREAK, "\n").replace(PAGE_BREAK, "\n").replace("\u2028", "\n")
