"""Opening phrases: "Rappelant également" must open as "Recalling also", not "Recalling".

Openings do not translate one to one (``Demande à`` is *Calls upon* or *Requests*), so the verb itself
is only checked against the evidence table; what is checked strictly is the additive adverb that
drafters add or drop in negotiation (also / further / again), in any of en, fr, es. A mismatch is a
low-severity finding: it is often deliberate, but the officer wants to see it.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from app.core.model import Finding, Paragraph, Severity

PHRASES_TSV = Path(__file__).resolve().parent / "data" / "phrases_en_fr.tsv"
WINDOW = 5   # words of the opening that are looked at

ADVERBS = {
    "also": ("also", "likewise", "également", "aussi", "de même", "también", "asimismo", "igualmente"),
    "further": ("further", "furthermore", "en outre", "de plus", "además", "por otra parte"),
    "again": ("again", "once again", "de nouveau", "à nouveau", "une fois de plus", "nuevamente", "de nuevo",
              "una vez más"),
}
_ADVERB = re.compile(r"\b(" + "|".join(sorted((re.escape(a) for v in ADVERBS.values() for a in v),
                                              key=len, reverse=True)) + r")\b", re.I)
_CLASS = {a: k for k, v in ADVERBS.items() for a in v}


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("*", "").lower().split())


def opening(body: str) -> str:
    """The first words of a paragraph, up to the first comma or semicolon."""
    head = re.split(r"[,;:]", _norm(body), maxsplit=1)[0]
    return " ".join(head.split()[:WINDOW])


def adverbs(body: str) -> frozenset[str]:
    return frozenset(_CLASS[m.group(1).lower()] for m in _ADVERB.finditer(opening(body)))


@lru_cache(maxsize=1)
def phrase_table() -> tuple[tuple[str, str, str], ...]:
    """(kind, english, french) rows of the evidence table."""
    with open(PHRASES_TSV, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return tuple((r["kind"], _norm(r["english"]), _norm(r["french"])) for r in rows if r.get("english"))


def known_translations(french_opening: str) -> frozenset[str]:
    """English openings the evidence pairs with the longest French phrase that starts this opening."""
    best = ""
    for _, _, fr in phrase_table():
        if french_opening.startswith(fr) and len(fr) > len(best):
            best = fr
    return frozenset(en for _, en, fr in phrase_table() if fr == best) if best else frozenset()


def check_opening(draft: Paragraph, adopted: Paragraph, draft_lang: str = "", adopted_lang: str = "") -> Finding | None:
    a, b = adverbs(draft.body), adverbs(adopted.body)
    if a == b:
        return None
    what = lambda s: " / ".join(sorted(s)) or "no additive adverb"
    a_open, b_open = opening(draft.body), opening(adopted.body)
    message = (f"Opening phrase: the draft opens \u201c{a_open}\u201d ({what(a)}), "
               f"the adopted text opens \u201c{b_open}\u201d ({what(b)})")
    return Finding(code="opening", severity=Severity.LOW, message=message,
                   draft_value=a_open, adopted_value=b_open,
                   draft_span=_span(draft), adopted_span=_span(adopted))


def _span(p: Paragraph) -> tuple[int, int]:
    body = p.body
    stop = re.search(r"[,;:]", body)
    words = list(re.finditer(r"\S+", body[:stop.start() if stop else len(body)]))[:WINDOW]
    end = words[-1].end() if words else 0
    return (len(p.prefix), len(p.prefix) + end)
