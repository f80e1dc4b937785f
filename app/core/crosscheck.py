"""Per-pair cross-check: the values of the draft and adopted paragraphs must agree, whatever the language.

Values are compared as multisets per kind (a year is a year, a date a date); what one side has and the
other lacks is paired up in order of appearance to give "draft has X, adopted has Y" findings, the rest
"only in the draft/adopted". Dates are compared at the precision both sides give: "23 February"
(no year) on one side agrees with "23 February 2026" on the other.
"""
from __future__ import annotations

from collections import Counter

from app.core.model import Finding, Paragraph, Severity
from app.core.values import Value, extract_values

KIND_NAMES = {
    "symbol": "document symbol", "resolution": "resolution number", "date": "date", "percent": "percentage",
    "ordinal": "ordinal", "number": "number", "year": "year",
}
# Kinds compared together: a year written alone on one side may sit inside a date on the other.
_GROUP = {"year": "year", "date": "date"}


def _values(par: Paragraph) -> list[Value]:
    shift = len(par.prefix)
    return [Value(v.kind, v.value, v.text, v.start + shift, v.end + shift) for v in extract_values(par.body)]


def _years_of_dates(values: list[Value]) -> Counter:
    return Counter(v.value[:4] for v in values if v.kind == "date" and not v.value.startswith("--"))


def _loose_dates(values: list[Value]) -> set[str]:
    """Day-month forms of full dates, so "23 February" matches "23 February 2026"."""
    return {"--" + v.value[5:] for v in values if v.kind == "date" and len(v.value) == 10}


def check_pair(draft: Paragraph, adopted: Paragraph, draft_lang: str = "", adopted_lang: str = "") -> list[Finding]:
    a_vals, b_vals = _values(draft), _values(adopted)
    if not a_vals and not b_vals:
        return []
    findings: list[Finding] = []
    for kind in KIND_NAMES:
        a = [v for v in a_vals if v.kind == kind]
        b = [v for v in b_vals if v.kind == kind]
        a_left = _unmatched(a, Counter(v.value for v in b))
        b_left = _unmatched(b, Counter(v.value for v in a))
        if kind == "date":
            a_left = [v for v in a_left if v.value not in _loose_dates(b_vals)]
            b_left = [v for v in b_left if v.value not in _loose_dates(a_vals)]
        if kind == "year":   # a bare year agrees with the year of a date on the other side
            a_left = _unmatched(a_left, _years_of_dates(b_vals))
            b_left = _unmatched(b_left, _years_of_dates(a_vals))
        for x, y in zip(a_left, b_left):
            findings.append(_finding(kind, x, y))
        for x in a_left[len(b_left):]:
            findings.append(_finding(kind, x, None))
        for y in b_left[len(a_left):]:
            findings.append(_finding(kind, None, y))
    return findings


def _unmatched(mine: list[Value], pool: Counter) -> list[Value]:
    """The values of ``mine`` left once each finds its equal in ``pool`` (value -> count; consumed)."""
    out = []
    for v in mine:
        if pool[v.value]:
            pool[v.value] -= 1
        else:
            out.append(v)
    return out


def _finding(kind: str, a: Value | None, b: Value | None) -> Finding:
    name = KIND_NAMES[kind]
    if a and b:
        message = f"Different {name}: the draft has {a.text}, the adopted text has {b.text}"
    elif a:
        message = f"The draft has the {name} {a.text}, not found in the adopted text"
    else:
        message = f"The adopted text has the {name} {b.text}, not found in the draft"
    return Finding(
        code=kind, severity=Severity.HIGH, message=message,
        draft_value=a.text if a else "", adopted_value=b.text if b else "",
        draft_span=(a.start, a.end) if a else None, adopted_span=(b.start, b.end) if b else None,
    )
