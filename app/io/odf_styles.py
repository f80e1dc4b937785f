"""OpenDocument styles as odfdo elements, for app.io.odt_reader: the character formatting a style chain
sets, the list labels a list or outline style draws, and the page headers and footers of the master pages.

Elements are odfdo ``Element``s wrapping trees already parsed by app.io.safe_xml. Attributes are read one
by one (``get_attribute_string``): odfdo's ``attributes``/``Style.get_properties`` raise ValueError on an
attribute in a namespace odfdo does not know, which any producer may write.
"""
from __future__ import annotations

import logging
import re

from odfdo.element import Element

from app.core.model import Kind
from app.io.wordml import format_number

logger = logging.getLogger(__name__)

NUM_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman",
               "": "none"}
FMT_KEYS = ("bold", "italic", "underline", "superscript")
_MAX_NUMBER = 32767
_RUNNING = (("style:header", Kind.PAGE_HEADER, "page header"), ("style:header-first", Kind.PAGE_HEADER,
            "page header (first page)"), ("style:header-left", Kind.PAGE_HEADER, "page header (even pages)"),
            ("style:footer", Kind.PAGE_FOOTER, "page footer"), ("style:footer-first", Kind.PAGE_FOOTER,
            "page footer (first page)"), ("style:footer-left", Kind.PAGE_FOOTER, "page footer (even pages)"))
_ENCODED = re.compile(r"_([0-9A-Fa-f]{2})_")


def qname(el: Element) -> str:
    """odfdo's "prefix:name" of an element; odfdo cannot name one in a namespace it does not know
    (it raises ValueError), so such an element gets "" and is walked as an unknown wrapper."""
    try:
        return el.tag
    except ValueError:
        logger.debug("element in a namespace odfdo does not know: %s", el._xml_element.tag)
        return ""


def attr(el: Element | None, name: str) -> str | None:
    """Attribute ``name`` ("prefix:local") of ``el`` as a string, None when absent or no element."""
    return None if el is None else el.get_attribute_string(name)


def to_int(value: str | None, default: int | None) -> int | None:
    """``value`` as an int, ``default`` when absent or not a number."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        logger.debug("not a number: %.40r", value)
        return default


def _text_props(tp: Element | None) -> dict[str, bool]:
    """Bold, italic, underline, superscript that one style:text-properties sets (keys absent = inherit)."""
    out: dict[str, bool] = {}
    if tp is None:
        return out
    v = attr(tp, "fo:font-style")
    if v:
        out["italic"] = v in ("italic", "oblique")
    v = attr(tp, "fo:font-weight")
    if v:
        out["bold"] = v == "bold" or (v.isdigit() and int(v) >= 600)
    v = attr(tp, "style:text-underline-style")
    if v:
        out["underline"] = v != "none"
    v = attr(tp, "style:text-position")
    if v:
        first = v.split()[0]
        percent = to_int(first[:-1].split(".")[0], 0) if first.endswith("%") else 0
        out["superscript"] = first == "super" or (percent or 0) > 0
    return out


class Styles:
    """Named styles plus one part's automatic styles (content.xml for the body, styles.xml for the
    page headers and footers), by (family, name), with the list and outline styles."""

    def __init__(self, *containers: Element | None) -> None:
        self.by_name: dict[tuple[str, str], Element] = {}
        self.defaults: dict[str, Element] = {}
        self.lists: dict[str, Element] = {}
        self.outline: Element | None = None
        self._cache: dict[tuple[str, str | None], dict[str, bool]] = {}
        for container in containers:
            for st in container.children if container is not None else ():
                tag = qname(st)
                if tag == "style:style":
                    self.by_name[(attr(st, "style:family") or "", attr(st, "style:name") or "")] = st
                elif tag == "style:default-style":
                    self.defaults[attr(st, "style:family") or ""] = st
                elif tag == "text:list-style":
                    self.lists[attr(st, "style:name") or ""] = st
                elif tag == "text:outline-style":
                    self.outline = st

    def chain(self, family: str, name: str | None) -> list[Element]:
        """The style and its parents, nearest first (cycles and runaway chains cut)."""
        out: list[Element] = []
        while name and len(out) < 30:
            st = self.by_name.get((family, name))
            if st is None or st in out:
                break
            out.append(st)
            name = attr(st, "style:parent-style-name")
        return out

    def props(self, family: str, name: str | None) -> dict[str, bool]:
        """What the style, its parents and the family's default style set (bold, italic ...)."""
        key = (family, name)
        if key not in self._cache:
            props: dict[str, bool] = {}
            chain = self.chain(family, name)
            if family in self.defaults:
                chain.append(self.defaults[family])
            for st in reversed(chain):
                props.update(_text_props(st.get_element("style:text-properties")))
            self._cache[key] = props
        return self._cache[key]

    def fmt(self, base: tuple, family: str, name: str | None) -> tuple:
        """``base`` (bold, italic, underline, superscript) with what style ``name`` sets laid over it."""
        props = self.props(family, name)
        return tuple(props.get(k, b) for k, b in zip(FMT_KEYS, base))

    def display_name(self, name: str | None) -> str:
        """Name of a paragraph style as the user sees it (an automatic style shows its parent's)."""
        for st in self.chain("paragraph", name):
            if self._is_automatic(st):
                continue
            shown = attr(st, "style:display-name") or attr(st, "style:name") or ""
            return _ENCODED.sub(lambda m: chr(int(m.group(1), 16)), shown)
        return ""

    @staticmethod
    def _is_automatic(st: Element) -> bool:
        parent = st.parent
        return parent is not None and qname(parent) == "office:automatic-styles"

    def paragraph_list_style(self, name: str | None) -> str | None:
        """The list style a paragraph style (or a parent) names, for lists that name none."""
        for st in self.chain("paragraph", name):
            if attr(st, "style:list-style-name"):
                return attr(st, "style:list-style-name")
        return None


def _start(value: str | None) -> int:
    # Bounded as Word bounds it (32767).
    return min(max(to_int(value, 1) or 0, 0), _MAX_NUMBER)


def _level_style(style: Element | None, level: int) -> Element | None:
    return None if style is None else style.get_element(f"*[@text:level='{level}']")


def list_label(style: Element | None, level: int, counters: list, start: int | None) -> str:
    """Advance ``counters`` (one list's, indexed by level 1..10, None = not started) for an item at
    ``level`` (``start``: the item's own text:start-value) and give the label the list style ``style``
    (text:list-style or text:outline-style) draws for it: "3.", "(a)", "1.2", a bullet, or ""."""
    lvl = _level_style(style, level)
    tag = qname(lvl) if lvl is not None else ""
    if tag == "text:list-level-style-bullet":
        char = attr(lvl, "text:bullet-char") or ""
        return "•" if not char or any(0xE000 <= ord(c) <= 0xF8FF for c in char) else char
    if tag not in ("text:list-level-style-number", "text:outline-level-style"):   # images: no label
        return ""
    own_start = _start(attr(lvl, "text:start-value"))
    if start is not None:
        counters[level] = min(max(start, 0), _MAX_NUMBER)
    else:
        counters[level] = own_start if counters[level] is None else min(counters[level] + 1, _MAX_NUMBER)
    for deeper in range(level + 1, len(counters)):
        counters[deeper] = None
    shown = max(1, min(to_int(attr(lvl, "text:display-levels"), 1) or 1, level))
    parts = []
    for k in range(level - shown + 1, level + 1):
        k_style = _level_style(style, k) if k != level else lvl
        fmt = NUM_FORMATS.get(attr(k_style, "style:num-format") or "", "decimal")
        n = counters[k] if counters[k] is not None else _start(attr(k_style, "text:start-value"))
        text = format_number(n, fmt)
        parts.append(text if len(text) <= 16 else str(n))      # letters repeat: 27 is "aa", 32767 is 1261 a's
    body = ".".join(p for p in parts if p)
    return ((attr(lvl, "style:num-prefix") or "") + body + (attr(lvl, "style:num-suffix") or "")).strip()


def running_stories(styles: Element, content: Element) -> list[tuple[Kind, str, Element]]:
    """(kind, source, story) of each header and footer of the master pages in use: those a style names
    (style:master-page-name), the default one ("Standard", else the first) and those they lead to."""
    pages = styles.get_elements("office:master-styles/style:master-page")
    if not pages:
        return []
    by_name = {attr(p, "style:name"): p for p in pages}
    used = {"Standard" if "Standard" in by_name else attr(pages[0], "style:name")}
    for root in (content, styles):
        for st in root.get_elements("//style:style[@style:master-page-name]"):
            used.add(attr(st, "style:master-page-name"))
    todo = list(used)
    while todo:
        nxt = attr(by_name.get(todo.pop()), "style:next-style-name")
        if nxt in by_name and nxt not in used:
            used.add(nxt)
            todo.append(nxt)
    out = []
    for tag, kind, source in _RUNNING:
        for page in pages:
            name = attr(page, "style:name")
            story = page.get_element(tag) if name in used else None
            if story is not None and attr(story, "style:display") != "false":
                # A page style leading to another is a first-page style (Word's "different first page").
                nxt = attr(page, "style:next-style-name")
                first = tag in ("style:header", "style:footer") and nxt not in (None, name)
                out.append((kind, source + (" (first page)" if first else ""), story))
    return out
