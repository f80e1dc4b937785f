"""Document-level findings: paragraph counts, labels that skip, where bis paragraphs landed, notes."""
from __future__ import annotations

from app.core.model import Document, Finding, Kind, ParaPair, Severity

SECTIONS = ((Kind.PREAMBLE, "preambular"), (Kind.OPERATIVE, "operative"), (Kind.ANNEX, "annex"))


def check_structure(draft: Document, adopted: Document, pairs: list[ParaPair]) -> list[Finding]:
    out: list[Finding] = []
    for doc, side in ((draft, "draft"), (adopted, "adopted text")):
        if doc.language == "und":
            out.append(Finding("language", Severity.INFO,
                               f"The language of the {side} could not be determined: it is compared as if "
                               f"written in the same language as the other text", side, ""))
    for kind, name in SECTIONS:
        n_a, n_b = paragraph_count(draft, kind), paragraph_count(adopted, kind)
        if n_a != n_b and (n_a or n_b):
            out.append(Finding("count", Severity.MEDIUM,
                               f"{name.capitalize()} paragraphs: {n_a} in the draft, {n_b} in the adopted text",
                               str(n_a), str(n_b)))
        out += _label_skips(draft, kind, name)
    out += _bis_landings(draft, adopted, pairs)
    d_notes, a_notes = _notes(draft), _notes(adopted)
    n_a, n_b = len(d_notes), len(a_notes)
    if n_a != n_b:
        side = "adopted text" if n_b > n_a else "draft"
        notes = a_notes if n_b > n_a else d_notes
        paired = {i for pair in pairs if pair.draft and pair.adopted for i in (pair.adopted if n_b > n_a else pair.draft)}
        alone = [p for p in notes if p.index not in paired] or notes     # the notes the other text lacks
        shown = "; ".join(p.body for p in alone[:3])
        out.append(Finding("footnote", Severity.MEDIUM,
                           f"Footnotes: {n_a} in the draft, {n_b} in the adopted text (only in the {side}: {shown})",
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


def _label_skips(doc: Document, kind: Kind, name: str) -> list[Finding]:
    numbers = [p.number for p in doc.of_kind(kind) if p.number is not None and not p.suffix]
    out = []
    for prev, nxt in zip(numbers, numbers[1:]):
        if nxt > prev + 1:
            missing = ", ".join(str(n) for n in range(prev + 1, min(nxt, prev + 6)))
            out.append(Finding("label-skip", Severity.MEDIUM,
                               f"Draft {name} labels skip from {prev} to {nxt} (no {missing})",
                               f"{prev}\u2192{nxt}", ""))
        elif nxt == prev:
            out.append(Finding("label-duplicate", Severity.MEDIUM,
                               f"Draft {name} label {nxt} is used twice", str(nxt), ""))
    return out


def _bis_landings(draft: Document, adopted: Document, pairs: list[ParaPair]) -> list[Finding]:
    out = []
    for n, pair in enumerate(pairs):
        for i in pair.draft:
            p = draft.paragraphs[i]
            if not p.suffix:
                continue
            if pair.adopted:
                q = adopted.paragraphs[pair.adopted[0]]
                where = f"{q.kind.value} paragraph {q.ordinal}" if q.ordinal else (q.display_label or "its pair")
                message = f"Draft {p.display_label} became {where} of the adopted text"
            else:
                message = f"Draft {p.display_label} is not in the adopted text"
            out.append(Finding("bis", Severity.INFO, message, p.display_label, "", pair_index=n))
    return out
