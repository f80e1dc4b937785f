"""Per-pair cross-check: the values of the draft and adopted paragraphs must agree, whatever the language.

Values are compared as multisets per kind (a year is a year, a date a date); what one side has and the
other lacks is paired up in order of appearance to give "draft has X, adopted has Y" findings, the rest
"only in the draft/adopted". Dates are compared at the precision both sides give: "23 February"
(no year) on one side agrees with "23 February 2026" on the other, and a bare year agrees with the
year of a date. Soft values (articles like "un", "deuxième") only ever absorb a figure of the other
side; they are never reported, because "un pays" is usually "a country", not a count.
"""
from __future__ import annotations

from collections import Counter

from app.core.model import Finding, Paragraph, Severity
from app.core.values import Value, extract_values

KIND_NAMES = {
    "symbol": "document symbol", "resolution": "resolution number", "date": "date", "percent": "percentage",
    "ordinal": "ordinal", "number": "number", "year": "year",
}
# Finding codes: an ordinal is reported as a number (the codes the window and exports know).
CODES = {"ordinal": "number"}
# Kinds whose leftovers pair with each other: "2000" is a year by its value, "2,500" is not; an
# ordinal in one language is often a cardinal in another ("第一条" / "Article 1", "Article premier").
_PAIR_GROUP = {"year": "number", "ordinal": "number"}


def _values(par: Paragraph, lang: str) -> list[Value]:
    """Values of the body only (a label "PP15bis. " is not a value), spans shifted to index par.text."""
    body = _masked_body(par)
    shift = len(par.prefix)
    if not shift:
        return list(extract_values(body, lang))
    return [v._replace(start=v.start + shift, end=v.end + shift) for v in extract_values(body, lang)]


def _masked_body(par: Paragraph) -> str:
    """The body with superscript digits blanked where the reader kept run formatting (note markers)."""
    body = par.body
    if not par.runs or not any(r.superscript for r in par.runs):
        return body
    text, pos, chars = par.text, 0, None
    for r in par.runs:
        if r.superscript and r.text.strip().isdigit() and text.startswith(r.text, pos):
            chars = chars or list(text)
            chars[pos:pos + len(r.text)] = " " * len(r.text)
        pos += len(r.text)
    if chars is None or pos != len(text):
        return body
    return "".join(chars)[len(par.prefix):]


def _unmatched(mine: list[Value], pool: Counter) -> list[Value]:
    """The values of ``mine`` left once each finds its equal in ``pool`` (value -> count; consumed)."""
    out = []
    for v in mine:
        if pool[v.value] > 0:
            pool[v.value] -= 1
        else:
            out.append(v)
    return out


def check_pair(draft: Paragraph, adopted: Paragraph, draft_lang: str = "", adopted_lang: str = "") -> list[Finding]:
    """Findings for the figures, dates and symbols of a pair that do not agree (one per value left over)."""
    a_vals, b_vals = _values(draft, draft_lang or ""), _values(adopted, adopted_lang or "")
    if not a_vals and not b_vals:
        return []
    if sorted((v.kind, v.value) for v in a_vals) == sorted((v.kind, v.value) for v in b_vals):
        return []                                   # the common case, decided at once
    by_a: dict[str, list[Value]] = {}
    by_b: dict[str, list[Value]] = {}
    for v in a_vals:
        by_a.setdefault(v.kind, []).append(v)
    for v in b_vals:
        by_b.setdefault(v.kind, []).append(v)
    left: dict[str, tuple[list[Value], list[Value]]] = {}
    soft: dict[str, tuple[list[Value], list[Value]]] = {}
    for kind in KIND_NAMES:
        a, b = by_a.get(kind, []), by_b.get(kind, [])
        if len(a) == len(b) and sorted(v.value for v in a) == sorted(v.value for v in b):
            continue                                # nothing to report for this kind (or none of it)
        a_req, b_req = [v for v in a if not v.optional], [v for v in b if not v.optional]
        # Required values pair with required ones first, then may use a soft value of the other side.
        a_left = _unmatched(a_req, Counter(v.value for v in b_req))
        b_left = _unmatched(b_req, Counter(v.value for v in a_req))
        a_left = _unmatched(a_left, Counter(v.value for v in b if v.optional))
        b_left = _unmatched(b_left, Counter(v.value for v in a if v.optional))
        if kind == "date":
            a_left = [v for v in a_left if v.value not in _loose_dates(b_vals)]
            b_left = [v for v in b_left if v.value not in _loose_dates(a_vals)]
        if kind == "year":   # a bare year agrees with the year of a date on the other side
            a_left = _unmatched(a_left, _years_of_dates(b_vals))
            b_left = _unmatched(b_left, _years_of_dates(a_vals))
        group = _PAIR_GROUP.get(kind, kind)
        ga, gb = left.setdefault(group, ([], []))
        ga.extend(a_left)
        gb.extend(b_left)
        sa, sb = soft.setdefault(group, ([], []))
        sa.extend(v for v in a if v.optional)
        sb.extend(v for v in b if v.optional)
    findings: list[Finding] = []
    for group, (a_left, b_left) in left.items():
        # the same figure as another kind of value on the other side agrees: ordinal 1 and number 1,
        # also a soft one ("Article premier" and "Article 1")
        sa, sb = soft[group]
        a_left[:], b_left[:] = (_unmatched(a_left, Counter(v.value for v in b_left + sb)),
                                _unmatched(b_left, Counter(v.value for v in a_left + sa)))
        a_left.sort(key=lambda v: v.start)
        b_left.sort(key=lambda v: v.start)
        for x, y in zip(a_left, b_left):
            findings.append(_finding(x, y))
        findings.extend(_finding(x, None) for x in a_left[len(b_left):])
        findings.extend(_finding(None, y) for y in b_left[len(a_left):])
    return findings


def _years_of_dates(values: list[Value]) -> Counter:
    return Counter(v.value[:4] for v in values if v.kind == "date" and not v.value.startswith("--"))


def _loose_dates(values: list[Value]) -> set[str]:
    """Day-month forms of full dates, so "23 February" matches "23 February 2026"."""
    return {"--" + v.value[5:] for v in values if v.kind == "date" and len(v.value) == 10}


def _finding(a: Value | None, b: Value | None) -> Finding:
    """A value that differs, as data: its kind in ``params``, the texts as written in the values (the
    sentence, with right-to-left values isolated, is app.core.messages')."""
    kinds = {v.kind for v in (a, b) if v is not None}
    kind = kinds.pop() if len(kinds) == 1 else "number"     # a year against a plain number: a number
    return Finding(
        code=CODES.get(kind, kind), severity=Severity.HIGH, params=(("kind", kind),),
        draft_value=a.text if a else "", adopted_value=b.text if b else "",
        draft_span=(a.start, a.end) if a else None, adopted_span=(b.start, b.end) if b else None,
    )
