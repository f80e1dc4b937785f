"""Document-level findings: paragraph counts, labels that skip, where bis paragraphs landed, notes.

Findings are data (code, values, ``params``); app.core.messages words them.
"""
from __future__ import annotations

from app.core.model import Document, Finding, Kind, ParaPair, Severity

SECTIONS = (Kind.PREAMBLE, Kind.OPERATIVE, Kind.ANNEX)


def check_structure(draft: Document, adopted: Document, pairs: list[ParaPair]) -> list[Finding]:
    """Findings about the documents as wholes: undetermined language, paragraph counts per part, draft
    labels that skip or repeat, where bis paragraphs landed, and notes on one side only."""
    out: list[Finding] = []
    for doc, side, value in ((draft, "draft", "draft"), (adopted, "adopted", "adopted text")):
        if doc.language == "und":
            out.append(Finding("language", Severity.INFO, (("side", side),), value, ""))
    for kind in SECTIONS:
        n_a, n_b = paragraph_count(draft, kind), paragraph_count(adopted, kind)
        if n_a != n_b and (n_a or n_b):
            out.append(Finding("count", Severity.MEDIUM,
                               (("section", kind.value), ("draft_count", n_a), ("adopted_count", n_b)),
                               str(n_a), str(n_b)))
        out += _label_skips(draft, kind)
    out += _bis_landings(draft, adopted, pairs)
    d_notes, a_notes = _notes(draft), _notes(adopted)
    n_a, n_b = len(d_notes), len(a_notes)
    if n_a != n_b:
        side = "adopted" if n_b > n_a else "draft"
        notes = a_notes if n_b > n_a else d_notes
        paired = {i for pair in pairs if pair.draft and pair.adopted for i in (pair.adopted if n_b > n_a else pair.draft)}
        alone = [p for p in notes if p.index not in paired] or notes     # the notes the other text lacks
        shown = "; ".join(p.body for p in alone[:3])
        out.append(Finding("footnote", Severity.MEDIUM,
                           (("draft_count", n_a), ("adopted_count", n_b), ("side", side), ("notes", shown)),
                           str(n_a), str(n_b)))
    return out


def paragraph_count(doc: Document, kind: Kind) -> int:
    """How many paragraphs a part has. A numbered part (operative paragraphs, an annex's paragraphs)
    counts its numbered paragraphs: an unnumbered line in it is a heading ("I. Commitments"), a list
    inside a paragraph, or the piece of a paragraph that a page or a copy cut off, not a paragraph."""
    paras = doc.of_kind(kind)
    numbered = sum(1 for p in paras if p.number is not None)
    return numbered if numbered >= 3 or (numbered and numbered * 2 >= len(paras)) else len(paras)


def _notes(doc: Document) -> list:
    """One paragraph per note: the one carrying its number (a Word note's further paragraphs, its
    table cells, have no label of their own)."""
    return [p for p in doc.of_kind(Kind.FOOTNOTE) if p.label]


def _label_skips(doc: Document, kind: Kind) -> list[Finding]:
    numbers = [p.number for p in doc.of_kind(kind) if p.number is not None and not p.suffix]
    out = []
    for prev, nxt in zip(numbers, numbers[1:]):
        if nxt > prev + 1:
            missing = ", ".join(str(n) for n in range(prev + 1, min(nxt, prev + 6)))
            out.append(Finding("label-skip", Severity.MEDIUM,
                               (("section", kind.value), ("previous", prev), ("next", nxt), ("missing", missing)),
                               f"{prev}\u2192{nxt}", ""))
        elif nxt == prev:
            out.append(Finding("label-duplicate", Severity.MEDIUM,
                               (("section", kind.value), ("number", nxt)), str(nxt), ""))
    return out


def _bis_landings(draft: Document, adopted: Document, pairs: list[ParaPair]) -> list[Finding]:
    out = []
    for n, pair in enumerate(pairs):
        for i in pair.draft:
            p = draft.paragraphs[i]
            if not p.suffix:
                continue
            params: tuple = (("label", p.display_label),)
            if pair.adopted:
                q = adopted.paragraphs[pair.adopted[0]]
                if q.ordinal:
                    params += (("landing", "paragraph"), ("kind", q.kind.value), ("number", q.ordinal))
                elif q.display_label:
                    params += (("landing", "label"), ("target", q.display_label))
                else:
                    params += (("landing", "pair"),)
            else:
                params += (("landing", "none"),)
            out.append(Finding("bis", Severity.INFO, params, p.display_label, "", pair_index=n))
    return out
