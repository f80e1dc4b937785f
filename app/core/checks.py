"""Attach findings to a comparison: per-pair value and opening checks, document-level structure checks.

Same-language comparisons run the value check too: a changed figure, date or symbol is the change a
drafting officer must never miss, so it is flagged on top of the word diff.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from app.core.crosscheck import check_pair
from app.core.model import Document, Finding, Kind, PairKind, ParaPair, Paragraph
from app.core.openings import check_opening
from app.core.structure_checks import check_structure

# The header block and the footer are the document's own metadata (symbol, distribution date, meeting,
# vote): a draft's differ from the adopted text's by nature, so values there are not checked; the word
# diff still shows every change in them.
_METADATA = (Kind.HEADER, Kind.FOOTER, Kind.PAGE_HEADER, Kind.PAGE_FOOTER)
_PAIRED = (PairKind.CHANGED, PairKind.MOVED, PairKind.SPLIT, PairKind.MERGED, PairKind.EQUAL)


def _joined(doc: Document, indexes: Sequence[int]) -> Paragraph:
    """One paragraph standing for the several of a split/merged pair (spans index the joined text)."""
    paras = [doc.paragraphs[i] for i in indexes]
    if len(paras) == 1:
        return paras[0]
    first = paras[0]
    # Later labels are blanked, not removed, so spans still index "\n".join(texts).
    text = "\n".join([first.text] + [" " * len(p.prefix) + p.body for p in paras[1:]])
    return replace(first, text=text)


def pair_findings(draft: Document, adopted: Document, pair: ParaPair, cross: bool) -> tuple[Finding, ...]:
    """The value and opening findings of one pair (none for metadata, one-sided or same-language equal pairs)."""
    if pair.kind not in _PAIRED or not pair.draft or not pair.adopted:
        return ()
    if pair.kind is PairKind.EQUAL and not cross:
        return ()
    a, b = _joined(draft, pair.draft), _joined(adopted, pair.adopted)
    if a.kind in _METADATA or b.kind in _METADATA:
        return ()
    found = list(check_pair(a, b, draft.language, adopted.language))
    opening = check_opening(draft.paragraphs[pair.draft[0]], adopted.paragraphs[pair.adopted[0]],
                            draft.language, adopted.language)
    if opening is not None:
        found.append(opening)
    return tuple(found)


def run_checks(draft: Document, adopted: Document, pairs: list[ParaPair], cross: bool
               ) -> tuple[list[ParaPair], tuple[Finding, ...]]:
    """The pairs with their findings attached (``pair_index`` set), and the document-level findings."""
    out = []
    for n, pair in enumerate(pairs):
        found = pair_findings(draft, adopted, pair, cross)
        if found:
            pair = replace(pair, findings=tuple(replace(f, pair_index=n) for f in found))
        out.append(pair)
    return out, tuple(check_structure(draft, adopted, out))
