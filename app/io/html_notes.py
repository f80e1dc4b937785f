"""Footnotes and endnotes in HTML, found before app.io.html_reader walks the page.

A citation is a link to "#id" (or to an <a name>) that looks like one: in or around a <sup>, role
doc-noteref or a note-like class/name, its text a short label ("1", "[2]", "iv", "*"). Its target is a
note when it, its block or a near ancestor is marked as one: role doc-footnote/doc-endnote(s), a class or
id such as "footnote", "fn1", "cite_note-1", "_ftn1", or Word's ``mso-element:footnote``. The note is the
target's block (li, p, div, aside ...), or the whole single-note container around that paragraph
(Word's <div id=ftn1> of several paragraphs). Citations inside notes are left as text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_NOTE_BLOCKS = {"li", "p", "div", "aside", "section", "dd", "td", "footer", "blockquote"}
_CITE_TEXT = re.compile(r"^[\[(]?\s*([0-9]{1,4}|[ivxlcdm]{1,6}|[IVXLCDM]{1,6}|[a-z]|[*†‡§]{1,3})\s*[\])]?$")
_NOTE_ID = re.compile(r"^_?(fn|ftn|edn|footnote|endnote|note)s?[-_:.]?\d+$", re.IGNORECASE)
_NOTE_WORD = re.compile(r"footnote|endnote|(^|[-_\s])(fn|ftn|edn|notes?)($|[-_\s\d])", re.IGNORECASE)


def words(el) -> str:
    """The attributes that can mark an element as a note or citation, as one string."""
    return " ".join(filter(None, (el.get("role"), el.get("class"), el.get("id"), el.get("name"), el.get("style"))))


def _is_note_like(el) -> bool:
    """An element marked as a note or a list of notes (role, class, id, Word's mso-element)."""
    style = (el.get("style") or "").replace(" ", "").lower()
    return bool(_NOTE_WORD.search(words(el).replace("mso-", "")) or _NOTE_ID.match(el.get("id") or "")
                or "mso-element:footnote" in style or "mso-element:endnote" in style)


def _single_note(el) -> bool:
    """An element marked as one note (not a list of notes): role, note id or Word's mso-element."""
    style = (el.get("style") or "").replace(" ", "").lower()
    if not (el.get("role") in ("doc-footnote", "doc-endnote") or _NOTE_ID.match(el.get("id") or "")
            or "mso-element:footnote" in style or "mso-element:endnote" in style) or "-list" in style:
        return False
    ids = {re.sub(r"\D", "", v) for x in el.iter() if isinstance(x.tag, str)
           for v in (x.get("id"), x.get("name")) if v and _NOTE_ID.match(v)}
    return len(ids) <= 1


@dataclass
class Notes:
    """Citations found before the walk: citation element -> (note element, number, kind)."""

    cites: dict = field(default_factory=dict)
    notes: set = field(default_factory=set)
    cite_ids: set = field(default_factory=set)


def find_notes(root) -> Notes:
    """The note citations of a parsed HTML tree (see the module docstring) and the notes they cite."""
    ids = {}
    for el in root.iter():
        if isinstance(el.tag, str):
            for key in ("id",) + (("name",) if el.tag == "a" else ()):
                if el.get(key):
                    ids.setdefault(el.get(key), el)
    found = Notes()
    pairs = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        target = ids.get(href[1:]) if href.startswith("#") and len(href) > 1 else None
        label = a.text_content().strip()
        if target is None or not _CITE_TEXT.match(label):
            continue
        parent = a.getparent()
        around = parent is not None and parent.tag == "sup" and _CITE_TEXT.match(parent.text_content().strip())
        cite = parent if around else a
        if not (cite.tag == "sup" or a.find("sup") is not None or a.get("role") == "doc-noteref" or _is_note_like(a)):
            continue
        note = target if target.tag in _NOTE_BLOCKS else next(
            (x for x in target.iterancestors() if x.tag in _NOTE_BLOCKS), None)
        if note is None or note.tag == "body" or any(x is note for x in a.iterancestors()):
            continue
        up = note.getparent()
        if note.tag == "p" and up is not None and up.tag in ("div", "aside", "li", "section") and _single_note(up):
            note = up                  # a note of several paragraphs: <div id="ftn1"><p>..</p><p>..</p></div>
        chain = [target, note, *list(note.iterancestors())[:2]]    # li#fn1 in ol in section.footnotes
        if not any(_is_note_like(x) for x in chain):
            continue
        kind = "endnote" if not any("footnote" in words(x).lower() or "ftn" in words(x).lower() for x in chain) \
            and any("endnote" in words(x).lower() or "edn" in words(x).lower() for x in chain) else "footnote"
        pairs.append((cite, note, label.strip("[]() "), kind, a, target))
    # Two links to each other: the one inside a note is its link back (Word's [1] opening the note).
    anchors = {x for cite, _, _, _, a, _ in pairs for x in (cite, a)}
    pairs = [p[:4] for p in pairs if p[5] not in anchors or not any(_is_note_like(x) for x in p[4].iterancestors())]
    notes = {note for _, note, _, _ in pairs}
    for cite, note, number, kind in pairs:
        found.cite_ids.update(v for x in (cite, *cite.iterdescendants()) for v in (x.get("id"), x.get("name")) if v)
        if not any(x in notes for x in cite.iterancestors()):    # a note citing another: read as text
            found.cites.setdefault(cite, (note, number, kind))
    found.notes = {note for note, _, _ in found.cites.values()}
    return found
