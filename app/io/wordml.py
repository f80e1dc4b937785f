"""WordprocessingML basics shared by the .docx reader and the exports that reuse an adopted .docx:
namespace-agnostic element helpers (transitional and strict OOXML), the run properties styles give,
and the counters Word keeps to draw list labels (numbering.xml)."""
from __future__ import annotations

from dataclasses import dataclass, field

W_NS = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main")          # transitional, strict
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def local_name(el) -> str:
    """Local name for WordprocessingML elements, "m:x" for math, "" for anything else."""
    tag = el.tag
    if not isinstance(tag, str) or not tag.startswith("{"):
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


@dataclass
class Styles:
    styles: dict[str, StyleDef] = field(default_factory=dict)
    defaults: dict[str, bool] = field(default_factory=dict)
    default_para: str | None = None

    def chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            yield self.styles[style_id]
            style_id = self.styles[style_id].based_on

    def props(self, style_id: str | None) -> dict[str, bool]:
        out: dict[str, bool] = {}
        for st in self.chain(style_id):
            for k, v in st.props.items():
                out.setdefault(k, v)
        return out

    def name(self, style_id: str | None) -> str:
        st = self.styles.get(style_id or self.default_para or "")
        return st.name if st else (style_id or "")

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None] | None:
        for st in self.chain(style_id or self.default_para):
            if st.num is not None:
                return st.num
        return None


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
        return default


# ------------------------------------------------------------------------------------- numbering

@dataclass(frozen=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None
    legal: bool = False


def _parse_level(el) -> _Level:
    def val(name, default=None):
        c = child(el, name)
        return attr(c, "val") if c is not None else default
    return _Level(start=to_int(val("start"), 1) or 0, fmt=val("numFmt", "decimal") or "decimal",
                  text=val("lvlText", "") or "", restart=to_int(val("lvlRestart")),
                  legal=toggle(child(el, "isLgl")) or False)


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                       (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    # Word's letters repeat: a..z, aa..zz, aaa...
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format_number(n: int, fmt: str) -> str:
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
                            to_int(attr(so, "val")) if so is not None else None,
                            _parse_level(lvl) if lvl is not None else None)
                self.nums[attr(el, "numId") or ""] = (
                    (attr(abs_el, "val") if abs_el is not None else "") or "", overrides)

    def _level(self, num_id: str, ilvl: int) -> _Level | None:
        abs_id, overrides = self.nums[num_id]
        ov = overrides.get(ilvl)
        if ov and ov[1] is not None:
            return ov[1]
        return self.abstract.get(abs_id, {}).get(ilvl)

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
        state[ilvl] = level.start if state[ilvl] is None else state[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            d = self._level(num_id, deeper)
            if d is None or d.restart is None or (d.restart != 0 and ilvl + 1 <= d.restart):
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
                out.append(_format_number(n, "decimal" if level.legal and lk.fmt != "none" else lk.fmt))
                i += 2
            else:
                out.append(c)
                i += 1
        return "".join(out).strip()
