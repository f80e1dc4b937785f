"""Values that must agree across languages, found in a paragraph and normalised.

Kinds: document symbols (A/HRC/61/76, S/RES/2391 (2017)), resolution numbers (52/42, 1993/59), dates
(full, day-month, month-year, in en/fr/es), percentages, years, numbers (any thousands style, decimal
comma or point), ordinals (64th, 64e, "soixante-quatrième" = "sixty-fourth") and cardinals in words
before a unit noun ("un an" = "one year"). Each value keeps its span in the scanned text so the
window can highlight it.

Everything is one compiled regex scanned once: its alternatives are tried in priority order at each
position, so a year inside a date or a number inside a symbol is never also a value of its own.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from app.core.numwords import RU_ENDINGS, ZH_NUMERAL, ar_ordinals, ru_ordinal_stems, tables, zh_number

MONTHS = {
    **{m: i for i, m in enumerate("january february march april may june july august september october "
                                  "november december".split(), 1)},
    **{m: i for i, m in enumerate("janvier février mars avril mai juin juillet août septembre octobre "
                                  "novembre décembre".split(), 1)},
    **{m: i for i, m in enumerate("enero febrero marzo abril mayo junio julio agosto septiembre octubre "
                                  "noviembre diciembre".split(), 1)},
    "setiembre": 9, "fevrier": 2, "aout": 8, "decembre": 12,
    # Russian: the genitive of dates ("31 марта 2026 года") and the nominative ("март 2026 года")
    **{m: i for i, m in enumerate("января февраля марта апреля мая июня июля августа сентября октября ноября "
                                  "декабря".split(), 1)},
    **{m: i for i, m in enumerate("январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь "
                                  "декабрь".split(), 1)},
    # Arabic as the UN writes it, Levantine and Egyptian names together ("31 آذار/مارس 2026"), or either
    **{m: i for i, m in enumerate(("كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو",
                                   "حزيران/يونيه", "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر",
                                   "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر"), 1)},
    **{m: i for i, m in enumerate("يناير فبراير مارس أبريل مايو يونيه يوليه أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"
                                  .split(), 1)},
    "يونيو": 6, "يوليو": 7,
}
# Digits of other scripts, read as ASCII (same length: spans hold): Arabic-Indic, Eastern Arabic-Indic
# (Persian, Urdu), fullwidth (CJK); the Arabic decimal and thousands separators.
DIGITS = str.maketrans({**{chr(0x0660 + k): str(k) for k in range(10)}, **{chr(0x06F0 + k): str(k) for k in range(10)},
                        **{chr(0xFF10 + k): str(k) for k in range(10)}, "\u066b": ".", "\u066c": ","})
# Word boundaries that let CJK text hold values: Chinese has no spaces, so "第64届" or "80/1号决议" must
# scan; in Arabic a conjunction or preposition is written joined to the figure after it ("و٢٠٢٦").
_NO_WORD_BEFORE = r"(?<![^\W\u0600-\u06FF\u2E80-\u9FFF\uF900-\uFAFF])"   # Arabic "و" (and) joins the next word
_NO_WORD_AFTER = r"(?![^\W\u2E80-\u9FFF\uF900-\uFAFF])"
_ZH_NUM = f"[{ZH_NUMERAL}]"
_ZH_COUNTERS = "[条届次个项名岁天周年%％]"
SP = "[ \u00a0\u202f\u2009]"      # space, no-break space, narrow no-break space, thin space
_YEAR_RE = r"(?:1[89]|2[01])\d\d"
_DAY_SUFFIX = r"(?:er|st|nd|rd|th|º|°)?"

# Unit nouns that make a number word a count ("deux ans", "two years"). Case-sensitive on purpose:
# "une Semaine nationale" is a name, not a duration. "fois/times" is left out: "twice" has no digit.
UNITS = ("an|ans|année|années|year|years|año|años|mois|month|months|mes|meses|semaine|semaines|week|weeks|"
         "semana|semanas|jour|jours|day|days|día|días|membres|members|miembros|"
         "États|States|Estados|pays|countries|países|session|sessions|séance|séances|meeting|meetings")
_HYPHEN_UNITS = "year|month|week|day"   # "one-year", "two-month"

# Number words that are also articles or vague ordinals: they can stand for a figure the other side
# writes ("un an" = "one year", "deuxième" = "second"), but are never reported on their own.
SOFT_WORDS = frozenset({"un", "une", "una", "uno"})
SOFT_ORDINALS = frozenset({1, 2})


class Value(NamedTuple):
    """One value found in a text (a named tuple: thousands are made per document, cheaply)."""

    kind: str          # symbol, resolution, date, percent, ordinal, number, year
    value: str         # normalised: "A/HRC/61/76", "2022-04-01", "--04-01", "2024-03", "3000", "1.5"
    text: str          # as written
    start: int
    end: int
    optional: bool = False   # may match a value on the other side, never reported when unmatched


_WORD_SEP = re.compile(r"[\s\u00a0\u202f\-\u2010\u2011]+")


def _word_key(text: str) -> str:
    return " ".join(_WORD_SEP.split(text.lower().replace("’", "'")))


def _trie_pattern(words) -> str:
    """A regex matching any of ``words`` (longest first) without trying every word at every position."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [(r"(?:-|[\s\u00a0]+)" if ch == " " else re.escape(ch)) + build(node[ch])
                for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@lru_cache(maxsize=1)
def _word_tables() -> tuple[dict[str, int], dict[str, int]]:
    cardinals, ordinals = tables()
    card = {_word_key(k): v for k, v in cardinals.items() if v > 0}
    for w in SOFT_WORDS:
        card.setdefault(w, 1)
    return card, {_word_key(k): v for k, v in ordinals.items() if v > 0}


@lru_cache(maxsize=1)
def _month_alt() -> str:
    return "(?i:" + _trie_pattern(m for m in MONTHS if m != "may") + ")|May|MAY"


def _date(tag: str) -> str:
    return f"(?P<{tag}day>3[01]|[12]\\d|0?[1-9]){_DAY_SUFFIX}"


@lru_cache(maxsize=1)
def _scanner() -> re.Pattern:
    card, ords = _word_tables()
    month = _month_alt()
    digit_first = [
        ("resolution", rf"(?<![/.,])(?<![ES]-)\d{{1,4}}/\d{{1,4}}{_NO_WORD_AFTER}(?!/|[.,]\d)"),
        # 2026年3月31日, 2026年3月 (Chinese and Japanese dates)
        ("ymd", rf"(?P<ymdyear>{_YEAR_RE})年(?P<ymdmonth>1[0-2]|0?[1-9])月(?:(?P<ymdday>3[01]|[12]\d|0?[1-9])日)?"),
        # 1 April 2022, 1er avril 2022, 1 de abril de 2022, 23 February (no year)
        ("dmy", rf"{_date('dmy')}{SP}+(?:de{SP}+)?(?P<dmymonth>{month})"
                rf"(?:,?{SP}+(?:del?{SP}+)?(?P<dmyyear>{_YEAR_RE}))?(?!\w)"),
        ("percent", rf"(?<![.,])(?P<pnum>\d+(?:[.,]\d+)?){SP}?"
                    rf"(?:%|(?i:per{SP}?cent|pour{SP}cent|por{SP}ciento))(?!\w)"),
        ("ordinal", r"(?<![.,])(?P<onum>\d{1,3})(?:st|nd|rd|th|e|er|re|ème|eme|º|ª)(?!\w)"),
        ("number", rf"(?<![/])(?<!\d\.)(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?"
                   rf"|\d{{1,3}}(?:{SP}\d{{3}})+(?:,\d+)?|\d+(?:[.,]\d{{1,3}}(?!\d))?)(?![\d/])"),
    ]
    letter_first = [
        # Chinese numerals: ordinals (第六十四届), years (二〇二五年), counts before a counter (三十条)
        ("zhord", rf"第(?P<zho>\d+(?![/\d])|{_ZH_NUM}+)"),
        ("zhyear", r"(?P<zhy>[〇零一二三四五六七八九]{4})(?=年)"),
        ("zhnum", rf"(?P<zhn>{_ZH_NUM}+)(?={_ZH_COUNTERS})"),
        # Arabic ordinals in words: "الدورة الرابعة والستين" = the sixty-fourth session
        ("arord", rf"(?P<aro>{_trie_pattern(ar_ordinals())})(?![\u0621-\u064a])"),
        # Russian ordinals in words, declined: "шестьдесят четвертой сессии" = 64th
        ("ruord", rf"(?i:(?P<ruo>{_trie_pattern(ru_ordinal_stems())}){RU_ENDINGS})(?!\w)"),
        # special and emergency special sessions: S-32/2, ES-11/4 (the prefix is part of the number)
        ("sessionres", r"(?<![\w/])E?S-\d{1,2}/\d{1,4}(?![\w/]|[.,]\d)"),
        ("symbol", r"(?<!/)[A-Z]{1,6}(?:\.\d+)?/(?:[A-Za-z0-9.\-]+/)*[A-Za-z0-9.\-]*\d[A-Za-z0-9.\-]*"
                   rf"(?:{SP}?\(\d{{4}}\))?(?<![.\-])"),
        # April 1, 2022 / February 2024, février 2024, febrero de 2024
        ("md", rf"(?P<mdmonth>{month}){SP}+(?:{_date('md')},?{SP}+)?(?:del?{SP}+)?(?P<mdyear>{_YEAR_RE})(?!\w)"),
        # Ordinals and cardinals in words, one trie; a cardinal counts only before a unit noun.
        ("word", rf"(?i:{_trie_pattern(set(ords) | set(card))})(?!\w)"
                 rf"(?P<unit>(?={SP}+(?:{UNITS})(?!\w)|-(?i:{_HYPHEN_UNITS})s?(?!\w)))?"
                 rf"(?P<thirdparty>(?={SP}+(?:part(?:y|ies)|countr(?:y|ies)|States?|Estados?|parte|país)\b))?"),
    ]
    alt = lambda items: "|".join(f"(?P<{name}>{pat})" for name, pat in items)
    # One shared "(?<!\w)" first: inside a word (most positions) the scan fails after a single test;
    # then digits and letters go to their own alternatives.
    return re.compile(rf"{_NO_WORD_BEFORE}(?:(?=\d)(?:{alt(digit_first)})|{alt(letter_first)})")


_THOUSANDS_DOT = frozenset({"fr", "es", "de", "it", "pt"})
_COMMA_GROUPS = re.compile(r"\d{1,3}(?:,\d{3})+")
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")
_MARK_CHARS = frozenset("[\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079")
_MASK = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+|\[\^?\d{1,3}\]")   # footnote markers


def number_value(raw: str, lang: str = "") -> str:
    """Canonical form of a written number: "3 000" = "3,000" = "3000"; "1,5" = "1.5"; "3.000" is 3000 in es/fr."""
    s = _SPACES.sub("", raw)
    if "," in s and "." in s:
        thousands, point = (",", ".") if s.rfind(".") > s.rfind(",") else (".", ",")
        s = s.replace(thousands, "").replace(point, ".")
    elif "," in s:
        s = s.replace(",", "") if _COMMA_GROUPS.fullmatch(s) else s.replace(",", ".")
    elif "." in s and _DOT_GROUPS.fullmatch(s) and (s.count(".") > 1 or lang[:2] in _THOUSANDS_DOT):
        s = s.replace(".", "")
    whole, _, frac = s.partition(".")
    whole, frac = whole.lstrip("0") or "0", frac.rstrip("0")
    return f"{whole}.{frac}" if frac else whole


def _is_year(value: str) -> bool:
    return len(value) == 4 and value.isdigit() and 1800 <= int(value) <= 2199


def _date_value(m: re.Match, tag: str) -> str:
    month = MONTHS[m.group(tag + "month").lower()]
    day = m.groupdict().get(tag + "day")
    year = m.groupdict().get(tag + "year")
    if day and year:
        return f"{int(year):04d}-{month:02d}-{int(day):02d}"
    if day:
        return f"--{month:02d}-{int(day):02d}"
    return f"{int(year):04d}-{month:02d}"


def mask_markers(text: str) -> str:
    """Footnote markers (¹, [1], [^1]) blanked: they are not numbers. Same length, so spans hold."""
    if _MARK_CHARS.isdisjoint(text):       # the common case, decided in C
        return text
    return _MASK.sub(lambda m: " " * len(m.group()), text)


_ASCII_VALUE_MARKS = re.compile(r"[\d/]")
_LETTER_RUN = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _ascii_openers() -> frozenset[str]:
    """The first letter run, in lower case, of every value written in words (month names, number
    words): an ASCII text holding none of them, nor a digit or a slash, holds no value."""
    card, ords = _word_tables()
    words = set(MONTHS) | set(card) | set(ords)
    return frozenset(m.group() for w in words for m in [_LETTER_RUN.match(w.lower())] if m)


def may_hold_values(text: str) -> bool:
    """False only when ``text`` surely holds no value: ASCII with no digit, no slash and no word that
    opens a month name or a number word. Every alternative of the scanner needs one of these in ASCII
    text (symbols and resolution numbers a slash or a digit, the rest a digit or such a word; the
    Chinese, Arabic and Russian ones are not ASCII), so skipping the scan changes nothing; other text
    is always scanned."""
    if not text.isascii() or _ASCII_VALUE_MARKS.search(text):
        return True
    return not _ascii_openers().isdisjoint(_LETTER_RUN.findall(text.lower()))


@lru_cache(maxsize=8192)
def extract_values(text: str, lang: str = "") -> tuple[Value, ...]:
    """All values of ``text`` in order; spans index ``text``."""
    return _scan(text, lang) if may_hold_values(text) else ()


def _scan(text: str, lang: str) -> tuple[Value, ...]:
    """``extract_values`` by the scanner itself."""
    scan = mask_markers(text).translate(DIGITS)
    card, ords = _word_tables()
    found: list[Value] = []
    for m in _scanner().finditer(scan):
        group = m.lastgroup
        s, e = m.span()
        raw = text[s:e]          # as written (the scan has footnote markers blanked)
        if group == "symbol":
            found.append(Value("symbol", re.sub(r"\s+", "", m.group()), raw, s, e))
        elif group in ("resolution", "sessionres"):
            found.append(Value("resolution", raw, raw, s, e))
        elif group in ("dmy", "md"):
            found.append(Value("date", _date_value(m, group), raw, s, e))
        elif group == "ymd":
            day = m.group("ymdday")
            value = f"{int(m.group('ymdyear')):04d}-{int(m.group('ymdmonth')):02d}"
            found.append(Value("date", value + (f"-{int(day):02d}" if day else ""), raw, s, e))
        elif group == "arord":
            n = ar_ordinals().get(" ".join(m.group("aro").split()))
            if n:
                found.append(Value("ordinal", str(n), raw, s, e, optional=n in SOFT_ORDINALS))
        elif group == "ruord":
            n = ru_ordinal_stems().get(_word_key(m.group("ruo").replace("ё", "е")))
            if n:
                found.append(Value("ordinal", str(n), raw, s, e, optional=n in SOFT_ORDINALS))
        elif group in ("zhord", "zhyear", "zhnum"):
            digits = m.group({"zhord": "zho", "zhyear": "zhy", "zhnum": "zhn"}[group])
            n = int(digits) if digits.isdigit() else zh_number(digits)
            if n is not None:
                kind = "ordinal" if group == "zhord" else "year" if group == "zhyear" else "number"
                if group == "zhord":            # "第" is the ordinal's prefix, not part of the figure
                    s = m.start("zho")
                # "一个", "一项" are as often "a" as "one", like "un"/"une": they only absorb a 1 of the other side
                found.append(Value(kind, str(n), text[s:e], s, e, optional=group == "zhnum" and n == 1))
        elif group == "percent":
            found.append(Value("percent", number_value(m.group("pnum"), lang), raw, s, e))
        elif group == "ordinal":
            found.append(Value("ordinal", str(int(m.group("onum"))), raw, s, e))
        elif group == "number":
            value = number_value(m.group(), lang)
            found.append(Value("year" if _is_year(value) else "number", value, raw, s, e))
        elif group == "word":
            key = _word_key(m.group("word"))
            raw = text[s:m.end("word")]
            e = m.end("word")
            n = ords.get(key)
            if n and m.group("thirdparty") is None:
                found.append(Value("ordinal", str(n), raw, s, e, optional=n in SOFT_ORDINALS))
            elif m.group("unit") is not None and card.get(key):
                found.append(Value("number", str(card[key]), raw, s, e, optional=key in SOFT_WORDS))
    return tuple(found)
