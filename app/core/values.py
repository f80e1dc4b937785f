"""Values that must agree across languages, found in a paragraph and normalised.

Kinds: document symbols (A/HRC/61/76), resolution numbers (52/42), dates (full, day-month, month-year),
percentages, years, numbers (digits with any thousands style, or words before a unit: "un an"), and
ordinals ("quatrième cycle" = "fourth cycle"). Each value keeps its span in the scanned text so the
window can highlight it. Spans are claimed in that order, so a year inside a date is not also a year.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.core.numwords import tables

MONTHS = {
    **{m: i for i, m in enumerate("january february march april may june july august september october "
                                  "november december".split(), 1)},
    **{m: i for i, m in enumerate("janvier février mars avril mai juin juillet août septembre octobre "
                                  "novembre décembre".split(), 1)},
    **{m: i for i, m in enumerate("enero febrero marzo abril mayo junio julio agosto septiembre octubre "
                                  "noviembre diciembre".split(), 1)},
    "setiembre": 9, "fevrier": 2, "aout": 8, "decembre": 12,
}
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_DAY = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th|º|°)?"
_YEAR = r"(?P<year>(?:1[89]|20|21)\d\d)"
_SP = r"[ \u00a0\u202f]"

UNITS = ("an|ans|année|années|year|years|año|años|mois|month|months|mes|meses|semaine|semaines|week|weeks|"
         "semana|semanas|jour|jours|day|days|día|días|fois|times|veces|membres|members|miembros|"
         "États|States|Estados|pays|countries|países|session|sessions|séance|séances|meeting|meetings")

PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("symbol", re.compile(r"(?<![\w/])(?:[A-Z]{1,5}(?:\.\d+)?/)(?:[A-Za-z0-9.\-]+/)*[A-Za-z0-9.\-]*[0-9][A-Za-z0-9.\-]*(?:" + _SP + r"?\(\d{4}\))?(?<![.\-])")),
    ("resolution", re.compile(r"(?<![\w/])\d{1,3}/\d{1,4}(?![\w/])")),
    ("date", re.compile(rf"(?<!\w){_DAY}{_SP}+(?:de{_SP}+)?{_MONTH}(?:,?{_SP}+(?:de(?:l)?{_SP}+)?{_YEAR})?(?!\w)", re.I)),
    ("date", re.compile(rf"(?<!\w){_MONTH}{_SP}+{_DAY},?{_SP}+{_YEAR}(?!\w)", re.I)),
    ("date", re.compile(rf"(?<!\w){_MONTH}{_SP}+(?:de(?:l)?{_SP}+)?{_YEAR}(?!\w)", re.I)),
    ("percent", re.compile(rf"(?<![\w.,])(?P<num>\d+(?:[.,]\d+)?){_SP}?(?:%|per{_SP}cent|pour{_SP}cent|por{_SP}ciento)(?!\w)", re.I)),
    ("ordinal", re.compile(r"(?<![\w.,])(?P<num>\d{1,3})(?:st|nd|rd|th|e|er|re|ème|eme|º|ª|°)(?!\w)")),
    ("number", re.compile(rf"(?<![\w.,/])\d{{1,3}}(?:(?:,|{_SP})\d{{3}})+(?![\d])|(?<![\w/])\d+(?:[.,]\d{{1,3}}(?!\d))?(?![\d/])")),
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.U)
_UNIT_AFTER = re.compile(rf"{_SP}+(?:{UNITS})\b")   # case-sensitive: "une Semaine nationale" is a name


@dataclass(frozen=True)
class Value:
    kind: str          # symbol, resolution, date, percent, ordinal, number, year
    value: str         # normalised: "A/HRC/61/76", "2022-04-01", "--04-01", "2024-03", "3000", "1.5"
    text: str          # as written
    start: int
    end: int


def _number(text: str) -> str:
    digits = re.sub(r"[\u00a0\u202f ]", "", text)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
        return digits.replace(",", "")
    return digits.replace(",", ".").lstrip("0") or "0"


def _date(m: re.Match) -> str:
    g = m.groupdict()
    month = MONTHS[g["month"].lower()]
    day, year = g.get("day"), g.get("year")
    if day and year:
        return f"{int(year):04d}-{month:02d}-{int(day):02d}"
    if day:
        return f"--{month:02d}-{int(day):02d}"
    return f"{int(year):04d}-{month:02d}"


def _word_values(text: str, taken: list[tuple[int, int]]) -> list[Value]:
    """Ordinals in words, and cardinals in words right before a unit noun ("deux ans", "one year")."""
    cardinals, ordinals = tables()
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    out: list[Value] = []
    i = 0
    while i < len(words):
        for k in range(min(4, len(words) - i), 0, -1):     # longest number phrase first
            s, e = words[i][0], words[i + k - 1][1]
            phrase = " ".join(text[s:e].lower().split())
            n = ordinals.get(phrase)
            if n is not None and n > 2:
                out.append(Value("ordinal", str(n), text[s:e], s, e))
                break
            n = cardinals.get(phrase)
            if n is not None and _UNIT_AFTER.match(text, e):
                out.append(Value("number", str(n), text[s:e], s, e))
                break
        else:
            i += 1
            continue
        i += k
    return [v for v in out if not any(a < v.end and v.start < b for a, b in taken)]


@lru_cache(maxsize=4096)
def extract_values(text: str) -> tuple[Value, ...]:
    taken: list[tuple[int, int]] = []
    found: list[Value] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    for pattern_kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            kind = pattern_kind
            s, e = m.span()
            if not free(s, e):
                continue
            raw = m.group()
            if kind == "symbol":
                value = re.sub(r"\s+", " ", raw)
            elif kind == "date":
                value = _date(m)
            elif kind in ("percent", "ordinal"):
                value = _number(m.group("num"))
            elif kind == "number":
                value = _number(raw)
                if re.fullmatch(r"(?:1[89]|20|21)\d\d", value):
                    kind = "year"
            else:
                value = raw
            taken.append((s, e))
            found.append(Value(kind, value, raw, s, e))
    found += _word_values(text, taken)
    return tuple(sorted(found, key=lambda v: v.start))
