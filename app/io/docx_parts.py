"""A Word package's parts as the reader needs them: parsed within one element budget for the whole
document (``MAX_ELEMENTS``), the relationships of a part, the page headers and footers the sections
refer to, the notes of a notes part. Parsing is app.io.safe_xml's (bounded zip, no entities).
"""
from __future__ import annotations

import posixpath

from app.core.model import Kind
from app.io.errors import InputError
from app.io.safe_xml import has_part, parse_xml, read_part
from app.io.wordml import W_NS, attr, local_name

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MAX_ELEMENTS = 600_000


class Parts:
    """The package's XML parts, parsed within one element budget for the whole document."""

    def __init__(self, zf, path) -> None:
        self.zf, self.path, self.left = zf, path, MAX_ELEMENTS

    def has(self, name: str | None) -> bool:
        return bool(name) and has_part(self.zf, name)

    def parse(self, name: str):
        data = read_part(self.zf, name, self.path)
        self.left -= element_estimate(data)
        if self.left < 0:
            raise InputError(str(self.path), f"the document is too large to be read (over {MAX_ELEMENTS:,} XML "
                                             "elements)")
        return parse_xml(data, self.path, name)


def element_estimate(data: bytes) -> int:
    """At least the number of elements in an XML part (UTF-8 or UTF-16), from its bytes: every "<" that
    does not open an end tag (comments and declarations count too: a bound, not a count)."""
    return data.count(b"<") - data.count(b"</") - data.count(b"<\x00/")


def rel_targets(parts: Parts, rels_name: str) -> list[tuple[str, str, str]]:
    """(relationship id, type's last path segment, package part name) of each internal target."""
    if not parts.has(rels_name):
        return []
    root = parts.parse(rels_name)
    base = posixpath.dirname(posixpath.dirname(rels_name))   # word/_rels/x.rels -> word
    out = []
    for rel in root:
        if not isinstance(rel.tag, str) or rel.tag != f"{{{REL_NS}}}Relationship":
            continue
        if (rel.get("TargetMode") or "").lower() == "external":
            continue
        target = rel.get("Target") or ""
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        out.append((rel.get("Id") or "", kind, name))
    return out


def by_type(targets: list[tuple[str, str, str]]) -> dict[str, str]:
    """Relationship type -> the first part name of that type."""
    out: dict[str, str] = {}
    for _, kind, name in targets:
        out.setdefault(kind, name)
    return out


_RUNNING = {"header": (Kind.PAGE_HEADER, "page header"), "footer": (Kind.PAGE_FOOTER, "page footer")}
_RUNNING_TYPES = {"default": "", "first": " (first page)", "even": " (even pages)"}


def running_parts(parts: Parts, root, rel_targets: list) -> list[tuple[Kind, str, object]]:
    """(kind, source, parsed part) of each header and footer the sections refer to, once each, in the
    order of the sections and of default, first and even pages (ECMA-376 Part 1, 17.10)."""
    targets = {rel_id: (kind, name) for rel_id, kind, name in rel_targets if kind in _RUNNING}
    out, seen = [], set()
    for sect in root.iter(*(f"{{{ns}}}sectPr" for ns in W_NS)):
        refs = [r for r in sect if local_name(r) in ("headerReference", "footerReference")]
        for ref in sorted(refs, key=lambda r: (local_name(r) != "headerReference", list(_RUNNING_TYPES).index(
                attr(r, "type") if attr(r, "type") in _RUNNING_TYPES else "default"))):
            rel_id = next((v for k, v in ref.attrib.items() if k.endswith("}id")), None)
            kind, name = targets.get(rel_id, (None, None))
            if kind is None or name in seen or not parts.has(name):
                continue
            seen.add(name)
            what, source = _RUNNING[kind]
            out.append((what, source + _RUNNING_TYPES.get(attr(ref, "type") or "default", ""), parts.parse(name)))
    return out


def optional_part(parts: Parts, name: str | None):
    if not parts.has(name):
        return None
    return parts.parse(name)


def notes_of(root, kind: str) -> dict[str, object]:
    notes = {}
    if root is None:
        return notes
    for el in root:
        if local_name(el) == kind and (attr(el, "type") or "normal") == "normal":
            notes[attr(el, "id") or ""] = el
    return notes
