"""WordprocessingML basics shared by the .docx reader and the exports that reuse an adopted .docx:
namespace-agnostic element helpers (transitional and strict OOXML), the run properties styles give,
the counters Word keeps to draw list labels (numbering.xml), note number formats, and the Unicode
characters behind the Symbol and Wingdings fonts' codes (w:sym)."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

W_NS = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main")          # transitional, strict
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def local_name(el) -> str:
    """Local name for WordprocessingML elements, "m:x" for math, "" for anything else."""
    tag = el.tag
    name = _LOCAL_NAMES.get(tag) if isinstance(tag, str) else ""
    if name is None:
        name = _local_name(tag)
        if len(_LOCAL_NAMES) < 4096:               # bounded: a hostile file may invent any number of tags
            _LOCAL_NAMES[tag] = name
    return name


_LOCAL_NAMES: dict[str, str] = {}      # tag -> local name: a document uses a few dozen tags, thousands of times


def _local_name(tag: str) -> str:
    if not tag.startswith("{"):
        return ""
    ns, _, name = tag[1:].partition("}")
    if ns in W_NS:
        return name
    if ns == M_NS:
        return "m:" + name
    return ""


def attr(el, name: str, default: str | None = None) -> str | None:
    for ns in W_NS:
        value = el.get(f"{{{ns}}}{name}")
        if value is not None:
            return value
    return el.get(name, default)


def child(el, name: str):
    if el is None:
        return None
    for c in el:
        if local_name(c) == name:
            return c
    return None


def toggle(el) -> bool | None:
    """A toggle property (w:b, w:i ...): None when absent; honours w:val="0"/"false"/"off"."""
    if el is None:
        return None
    return (attr(el, "val") or "true").lower() not in ("0", "false", "off", "none")


def rpr_props(rpr) -> dict[str, bool]:
    props: dict[str, bool] = {}
    if rpr is None:
        return props
    for key, name in (("bold", "b"), ("italic", "i")):
        v = toggle(child(rpr, name))
        if v is not None:
            props[key] = v
    u = child(rpr, "u")
    if u is not None:
        props["underline"] = (attr(u, "val") or "single") != "none"
    va = child(rpr, "vertAlign")
    if va is not None:
        props["superscript"] = attr(va, "val") == "superscript"
    return props


# ---------------------------------------------------------------------------------------- styles

@dataclass
class StyleDef:
    name: str
    based_on: str | None
    props: dict[str, bool]
    num: tuple[str | None, int | None] | None   # (numId, ilvl) from the style's w:pPr/w:numPr


MAX_STYLE_DEPTH = 64


@dataclass
class Styles:
    styles: dict[str, StyleDef] = field(default_factory=dict)
    defaults: dict[str, bool] = field(default_factory=dict)
    default_para: str | None = None

    _props_cache: dict = field(default_factory=dict, repr=False, compare=False)

    def chain(self, style_id: str | None):
        """The style and those it is based on, nearest first: a loop ends it, and so does the
        ``MAX_STYLE_DEPTH``th style (Word's own chains are a few styles long; a hostile file's
        10,000-style chain must not be walked for every paragraph and run)."""
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen and len(seen) < MAX_STYLE_DEPTH:
            seen.add(style_id)
            yield self.styles[style_id]
            style_id = self.styles[style_id].based_on

    def props(self, style_id: str | None) -> dict[str, bool]:
        """The run properties the style gives (a copy: callers update it)."""
        cached = self._props_cache.get(style_id)
        if cached is None:
            cached = {}
            for st in self.chain(style_id):
                for k, v in st.props.items():
                    cached.setdefault(k, v)
            self._props_cache[style_id] = cached
        return dict(cached)

    def name(self, style_id: str | None) -> str:
        st = self.styles.get(style_id or self.default_para or "")
        return st.name if st else (style_id or "")

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None] | None:
        key = ("numbering", style_id or self.default_para)
        if key not in self._props_cache:
            self._props_cache[key] = next(
                (st.num for st in self.chain(style_id or self.default_para) if st.num is not None), None)
        return self._props_cache[key]


def parse_styles(root) -> Styles:
    out = Styles()
    if root is None:
        return out
    for el in root:
        name = local_name(el)
        if name == "docDefaults":
            rpr = child(child(el, "rPrDefault"), "rPr")
            out.defaults = rpr_props(rpr)
        elif name == "style":
            sid = attr(el, "styleId") or ""
            name_el, based = child(el, "name"), child(el, "basedOn")
            ppr = child(el, "pPr")
            numpr = child(ppr, "numPr")
            num = None
            if numpr is not None:
                num = (attr(child(numpr, "numId"), "val") if child(numpr, "numId") is not None else None,
                       to_int(attr(child(numpr, "ilvl"), "val")) if child(numpr, "ilvl") is not None else None)
            out.styles[sid] = StyleDef(
                name=(attr(name_el, "val") if name_el is not None else None) or sid,
                based_on=attr(based, "val") if based is not None else None,
                props=rpr_props(child(el, "rPr")), num=num)
            if attr(el, "type") == "paragraph" and on_attr(attr(el, "default")):
                out.default_para = sid
    return out


def on_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


def to_int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        logger.debug("not a number: %.40r", value)
        return default


# ------------------------------------------------------------------------------------- numbering

@dataclass(frozen=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None
    legal: bool = False


# Bounds on what numbering.xml may ask for. Word's "Start at" goes from 0 to 32767 (as in the .odt and
# .html readers); a counter then grows by one per paragraph, never past MAX_COUNTER; a level's text
# ("%1.%2.") is a few characters, never more than MAX_LEVEL_TEXT. A 36 kB file asking for a list to
# start at 26,000,000,000 in letters (a label of a billion "z") is read with a bounded label instead.
MAX_START = 32767
MAX_COUNTER = 2**31 - 1
MAX_LEVEL_TEXT = 255
MAX_LETTER_NUMBER = 780   # "zzz…z", 30 letters: past it letters are unreadable, decimal is used
MAX_ROMAN_NUMBER = 3999   # "mmmcmxcix": past it roman numerals need bars, decimal is used


def start_value(value: str | None, default: int | None) -> int | None:
    """A w:start / w:startOverride value, clamped to 0..MAX_START (None stays None)."""
    n = to_int(value, default)
    return None if n is None else min(max(n, 0), MAX_START)


def _parse_level(el) -> _Level:
    def val(name, default=None):
        c = child(el, name)
        return attr(c, "val") if c is not None else default
    text = val("lvlText", "") or ""
    if len(text) > MAX_LEVEL_TEXT:
        logger.debug("numbering level text of %d characters cut to %d", len(text), MAX_LEVEL_TEXT)
        text = text[:MAX_LEVEL_TEXT]
    return _Level(start=start_value(val("start"), 1) or 0, fmt=val("numFmt", "decimal") or "decimal",
                  text=text, restart=to_int(val("lvlRestart")),
                  legal=toggle(child(el, "isLgl")) or False)


def _roman(n: int) -> str:
    if n <= 0 or n > MAX_ROMAN_NUMBER:
        return str(n)
    out = []
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                       (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    # Word's letters repeat: a..z, aa..zz, aaa... (n letters for n // 26: bounded, else decimal)
    if n <= 0 or n > MAX_LETTER_NUMBER:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """``n`` in a w:numFmt: decimal, lowerLetter/upperLetter (a..z, aa.., up to MAX_LETTER_NUMBER),
    lowerRoman/upperRoman (up to MAX_ROMAN_NUMBER), decimalZero, none; anything else, and a number past
    what letters or roman numerals can show, is decimal. The label's length is bounded by the number's
    digits, whatever the number."""
    if fmt in ("lowerLetter",):
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)   # decimal and anything exotic


class Numbering:
    """Counters Word keeps while it draws list labels: per abstract list, per level."""

    def __init__(self, root) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, tuple[int | None, _Level | None]]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        self._resets: dict[tuple[str, int], tuple[int, ...]] = {}   # (numId, ilvl) -> deeper levels it restarts
        if root is None:
            return
        for el in root:
            name = local_name(el)
            if name == "abstractNum":
                levels = {}
                for lvl in el:
                    if local_name(lvl) == "lvl":
                        levels[to_int(attr(lvl, "ilvl"), 0) or 0] = _parse_level(lvl)
                self.abstract[attr(el, "abstractNumId") or ""] = levels
            elif name == "num":
                abs_el = child(el, "abstractNumId")
                overrides = {}
                for ov in el:
                    if local_name(ov) == "lvlOverride":
                        so = child(ov, "startOverride")
                        lvl = child(ov, "lvl")
                        overrides[to_int(attr(ov, "ilvl"), 0) or 0] = (
                            start_value(attr(so, "val"), None) if so is not None else None,
                            _parse_level(lvl) if lvl is not None else None)
                self.nums[attr(el, "numId") or ""] = (
                    (attr(abs_el, "val") if abs_el is not None else "") or "", overrides)

    def _level(self, num_id: str, ilvl: int) -> _Level | None:
        abs_id, overrides = self.nums[num_id]
        ov = overrides.get(ilvl)
        if ov and ov[1] is not None:
            return ov[1]
        return self.abstract.get(abs_id, {}).get(ilvl)

    def _restarted(self, num_id: str, ilvl: int):
        """The deeper levels a new item at ``ilvl`` starts afresh (all, unless w:lvlRestart says otherwise)."""
        for deeper in range(ilvl + 1, 9):
            d = self._level(num_id, deeper)
            if d is None or d.restart is None or (d.restart != 0 and ilvl + 1 <= d.restart):
                yield deeper

    def label(self, num_id: str | None, ilvl: int) -> str:
        if not num_id or num_id == "0" or num_id not in self.nums or not 0 <= ilvl <= 8:
            return ""
        abs_id, overrides = self.nums[num_id]
        level = self._level(num_id, ilvl)
        if level is None:
            return ""
        state = self.counters.setdefault(abs_id, [None] * 9)
        if num_id not in self.started:
            # A list instance with start overrides begins afresh (Word's "restart numbering").
            self.started.add(num_id)
            for lv, (start, _) in overrides.items():
                if start is not None and 0 <= lv <= 8:
                    state[lv] = start - 1
        state[ilvl] = level.start if state[ilvl] is None else min(state[ilvl] + 1, MAX_COUNTER)
        resets = self._resets.get((num_id, ilvl))
        if resets is None:
            resets = self._resets[(num_id, ilvl)] = tuple(self._restarted(num_id, ilvl))
        for deeper in resets:
            state[deeper] = None
        if level.fmt == "bullet":
            text = level.text
            return "•" if not text or any(0xF000 <= ord(c) <= 0xF0FF for c in text) else text
        out, i, text = [], 0, level.text
        while i < len(text):
            c = text[i]
            if c == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
                k = int(text[i + 1]) - 1
                lk = self._level(num_id, k) or _Level()
                n = state[k] if state[k] is not None else lk.start
                out.append(format_number(n, "decimal" if level.legal and lk.fmt != "none" else lk.fmt))
                i += 2
            else:
                out.append(c)
                i += 1
        return "".join(out).strip()


# ----------------------------------------------------------------------------------------- notes

def note_format(kind: str, settings, body) -> str:
    """The w:numFmt of footnote or endnote numbers (``kind``): the final section's w:footnotePr /
    w:endnotePr, else the document settings', else Word's default (decimal for footnotes, lowerRoman
    for endnotes)."""
    for holder in (child(body, "sectPr"), settings):
        fmt = child(child(holder, f"{kind}Pr"), "numFmt")
        if fmt is not None and attr(fmt, "val"):
            return attr(fmt, "val")
    return "lowerRoman" if kind == "endnote" else "decimal"


# --------------------------------------------------------------------------------- symbol fonts

# Adobe Symbol encoding, codes 0x20-0xFE (Windows' Symbol font adds the euro at 0xA0). Glyphs Adobe
# gives only private-use code points (the radical extender, the arrow extenders, the serif and sans
# serif registered/copyright/trademark signs) take their closest standard character.
_SYMBOL = dict(zip(range(0x20, 0x7F), (
    " !\u2200#\u2203%&\u220b()\u2217+,\u2212./0123456789:;<=>?"
    "\u2245\u0391\u0392\u03a7\u0394\u0395\u03a6\u0393\u0397\u0399\u03d1\u039a\u039b\u039c\u039d\u039f"
    "\u03a0\u0398\u03a1\u03a3\u03a4\u03a5\u03c2\u03a9\u039e\u03a8\u0396[\u2234]\u22a5_"
    "\u203e\u03b1\u03b2\u03c7\u03b4\u03b5\u03c6\u03b3\u03b7\u03b9\u03d5\u03ba\u03bb\u03bc\u03bd\u03bf"
    "\u03c0\u03b8\u03c1\u03c3\u03c4\u03c5\u03d6\u03c9\u03be\u03c8\u03b6{|}\u223c")))
_SYMBOL.update(zip(range(0xA0, 0xFF), (
    "\u20ac\u03d2\u2032\u2264\u2044\u221e\u0192\u2663\u2666\u2665\u2660\u2194\u2190\u2191\u2192\u2193"
    "\u00b0\u00b1\u2033\u2265\u00d7\u221d\u2202\u2022\u00f7\u2260\u2261\u2248\u2026\u23d0\u23af\u21b5"
    "\u2135\u2111\u211c\u2118\u2297\u2295\u2205\u2229\u222a\u2283\u2287\u2284\u2282\u2286\u2208\u2209"
    "\u2220\u2207\u00ae\u00a9\u2122\u220f\u221a\u22c5\u00ac\u2227\u2228\u21d4\u21d0\u21d1\u21d2\u21d3"
    "\u25ca\u27e8\u00ae\u00a9\u2122\u2211\u239b\u239c\u239d\u23a1\u23a2\u23a3\u23a7\u23a8\u23a9\u23aa"
    "\ufffc\u27e9\u222b\u2320\u23ae\u2321\u239e\u239f\u23a0\u23a4\u23a5\u23a6\u23ab\u23ac\u23ad")))
del _SYMBOL[0xF0]   # unassigned (Apple's logo on the Mac)

# Wingdings glyphs that have a Unicode equivalent (the others become U+FFFC).
_WINGDINGS = {
    0x20: " ", 0x21: "\u270f", 0x22: "\u2702", 0x23: "\u2701", 0x24: "\U0001f453", 0x25: "\U0001f514",
    0x26: "\U0001f4d6", 0x27: "\U0001f56f", 0x28: "\u260e", 0x29: "\u2706", 0x2A: "\u2709",
    0x2C: "\U0001f4ea", 0x2D: "\U0001f4eb", 0x2E: "\U0001f4ec", 0x2F: "\U0001f4ed", 0x30: "\U0001f4c1",
    0x31: "\U0001f4c2", 0x32: "\U0001f4c4", 0x36: "\u231b", 0x37: "\u2328", 0x3A: "\U0001f4bb",
    0x3C: "\U0001f4be", 0x3E: "\u2707", 0x3F: "\u270d", 0x41: "\u270c", 0x42: "\U0001f44c",
    0x43: "\U0001f44d", 0x44: "\U0001f44e", 0x45: "\u261c", 0x46: "\u261e", 0x47: "\u261d", 0x48: "\u261f",
    0x49: "\u270b", 0x4A: "\u263a", 0x4B: "\U0001f610", 0x4C: "\u2639", 0x4D: "\U0001f4a3", 0x4E: "\u2620",
    0x4F: "\u2690", 0x50: "\U0001f6a9", 0x51: "\u2708", 0x52: "\u263c", 0x53: "\U0001f4a7", 0x54: "\u2744",
    0x56: "\u271e", 0x58: "\u2720", 0x59: "\u2721", 0x5A: "\u262a", 0x5B: "\u262f", 0x5C: "\u0950",
    0x5D: "\u2638", 0x6A: "&", 0x6B: "&", 0x6C: "\u25cf", 0x6D: "\u274d", 0x6E: "\u25a0", 0x6F: "\u25a1",
    0x71: "\u2751", 0x72: "\u2752", 0x73: "\u2b27", 0x74: "\u29eb", 0x75: "\u25c6", 0x76: "\u2756",
    0x77: "\u2b25", 0x78: "\u2327", 0x79: "\u2353", 0x7A: "\u2318", 0x7B: "\u2740", 0x7C: "\u273f",
    0x7D: "\u275d", 0x7E: "\u275e", 0x7F: "\u25af", 0x80: "\u24ea", 0x8B: "\u24ff", 0x9E: "\u00b7",
    0x9F: "\u2022", 0xA0: "\u25aa", 0xA1: "\u25cb", 0xA2: "\u2b55", 0xA4: "\u25c9", 0xA5: "\u25ce",
    0xA7: "\u25aa", 0xA8: "\u25fb", 0xAA: "\u2726", 0xAB: "\u2605", 0xAC: "\u2736", 0xAD: "\u2734",
    0xAE: "\u2739", 0xAF: "\u2735", 0xB1: "\u2316", 0xB2: "\u27e1", 0xB3: "\u2311", 0xB5: "\u272a",
    0xB6: "\u2730", 0xD5: "\u232b", 0xD6: "\u2326", 0xD8: "\u27a2", 0xDC: "\u27b2", 0xE8: "\u2794",
    0xEF: "\u21e6", 0xF0: "\u21e8", 0xF1: "\u21e7", 0xF2: "\u21e9", 0xF3: "\u2b04", 0xF4: "\u21f3",
    0xF5: "\u2b01", 0xF6: "\u2b00", 0xF7: "\u2b03", 0xF8: "\u2b02", 0xF9: "\u25ad", 0xFA: "\u25ab",
    0xFB: "\u2717", 0xFC: "\u2713", 0xFD: "\u2612", 0xFE: "\u2611",
}
_WINGDINGS.update({0x81 + k: chr(0x2460 + k) for k in range(10)})    # circled 1..10
_WINGDINGS.update({0x8C + k: chr(0x2776 + k) for k in range(10)})    # negative circled 1..10
_WINGDINGS.update({0xB7 + k: chr(0x1F550 + k) for k in range(12)})  # clock faces 1..12 o'clock
_SYMBOL_FONTS = {"symbol": _SYMBOL, "wingdings": _WINGDINGS}


def sym_char(font: str | None, char: str | None) -> str:
    """The character a w:sym (``w:font``, hexadecimal ``w:char``) prints.

    Symbol and Wingdings address their glyphs as 0x20-0xFF, usually shifted into the private-use area
    (0xF020-0xF0FF): those map to the Unicode character with the same meaning (Symbol F0B7 is the bullet
    U+2022, F061 is alpha), or U+FFFC when the font's glyph has none. Any other font's code is taken
    as is, private-use codes shifted back down; an unreadable or control code gives ""."""
    try:
        code = int(char or "", 16)
    except ValueError:
        logger.debug("w:sym code is not hexadecimal: %.40r", char)
        return ""
    if 0xF000 <= code <= 0xF0FF:   # symbol fonts address their glyphs in the private-use area
        code -= 0xF000
    table = _SYMBOL_FONTS.get((font or "").strip().lower())
    if table is not None and 0x20 <= code <= 0xFF:
        return table.get(code, "\ufffc")
    if code <= 0x1F or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return ""
    return chr(code)
