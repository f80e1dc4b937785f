"""Numbers and ordinals written as words in English, French and Spanish (1 to 99).

Only what resolutions use: durations ("un an" = "one year"), cycles and sessions ("quatrième cycle",
"sixty-fourth session", "sexagésimo primer período"). Built once into lookup tables.
"""
from __future__ import annotations

from functools import lru_cache

_EN_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
            "sixteen seventeen eighteen nineteen".split()
_EN_TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}
_EN_ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth",
           9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth"}

_FR_UNITS = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize".split()
_FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}

_ES_UNITS = ("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis "
             "diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro veinticinco "
             "veintiséis veintisiete veintiocho veintinueve").split()
_ES_TENS = {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta", 8: "ochenta", 9: "noventa"}
_ES_ORD_UNITS = {1: "primero", 2: "segundo", 3: "tercero", 4: "cuarto", 5: "quinto", 6: "sexto", 7: "séptimo",
                 8: "octavo", 9: "noveno"}
_ES_ORD_TENS = {1: "décimo", 2: "vigésimo", 3: "trigésimo", 4: "cuadragésimo", 5: "quincuagésimo",
                6: "sexagésimo", 7: "septuagésimo", 8: "octogésimo", 9: "nonagésimo"}


def en_cardinal(n: int) -> str:
    if n < 20:
        return _EN_UNITS[n]
    t, u = divmod(n, 10)
    return _EN_TENS[t] + (f"-{_EN_UNITS[u]}" if u else "")


def en_ordinal(n: int) -> str:
    if n in _EN_ORD:
        return _EN_ORD[n]
    if n < 20:
        return _EN_UNITS[n] + "th"
    t, u = divmod(n, 10)
    if not u:
        return _EN_TENS[t][:-1] + "ieth"
    return f"{_EN_TENS[t]}-{en_ordinal(u)}"


def fr_cardinal(n: int) -> str:
    if n <= 16:
        return _FR_UNITS[n]
    if n < 20:
        return "dix-" + _FR_UNITS[n - 10]
    if n >= 80:
        rest = n - 80
        return "quatre-vingts" if not rest else "quatre-vingt-" + fr_cardinal(rest)
    if n >= 60:
        base, rest = "soixante", n - 60
    else:
        base, rest = _FR_TENS[n // 10], n % 10
    if not rest:
        return base
    if rest in (1, 11):
        return f"{base} et {fr_cardinal(rest)}"
    return f"{base}-{fr_cardinal(rest)}"


def fr_ordinal(n: int) -> str:
    if n == 1:
        return "premier"
    word = fr_cardinal(n)
    if word.endswith("quatre-vingts"):
        word = word[:-1]
    if word.endswith("cinq"):
        return word + "uième"
    if word.endswith("neuf"):
        return word[:-1] + "vième"
    if word.endswith("e"):
        return word[:-1] + "ième"
    return word + "ième"


def es_cardinal(n: int) -> str:
    if n < 30:
        return _ES_UNITS[n]
    t, u = divmod(n, 10)
    return _ES_TENS[t] + (f" y {_ES_UNITS[u]}" if u else "")


def es_ordinals(n: int) -> tuple[str, ...]:
    t, u = divmod(n, 10)
    if n < 10:
        base = _ES_ORD_UNITS[n]
        tail = ()
    elif n in (11, 12):
        return ("undécimo", "duodécimo", "decimoprimero" if n == 11 else "decimosegundo")
    else:
        base = _ES_ORD_TENS[t] + (f" {_ES_ORD_UNITS[u]}" if u else "")
        tail = (_ES_ORD_TENS[t] + (_ES_ORD_UNITS[u] if u else ""),) if t == 1 else ()
    forms = {base, *tail}
    for w in list(forms):
        if w.endswith("primero") or w.endswith("tercero"):
            forms.add(w[:-1])           # "primer período", "tercer ciclo"
        if w.endswith("o"):
            forms.add(w[:-1] + "a")     # feminine
    return tuple(forms)


@lru_cache(maxsize=None)
def tables() -> tuple[dict[str, int], dict[str, int]]:
    """(cardinal word -> n, ordinal word -> n), all three languages, lower case, hyphen/space forms."""
    cardinals: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    for n in range(1, 100):
        for w in (en_cardinal(n), fr_cardinal(n), es_cardinal(n)):
            cardinals.setdefault(w, n)
        for w in (en_ordinal(n), fr_ordinal(n), *es_ordinals(n)):
            ordinals.setdefault(w, n)
            ordinals.setdefault(w.replace("-", " "), n)
    cardinals.update({"una": 1, "un": 1, "une": 1, "veintiún": 21, "quatre-vingt": 80})
    ordinals.update({"première": 1, "second": 2, "seconde": 2, "deuxième": 2, "unième": 1})
    return cardinals, ordinals


# ------------------------------------------------------------------------------------------- Chinese
_ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
ZH_NUMERAL = "〇零一二两三四五六七八九十百千万"


def zh_number(text: str) -> int | None:
    """A Chinese numeral as an int: "十五" = 15, "六十四" = 64, "一百零三" = 103, "二〇二五" = 2025 (digit by
    digit, as years are written); None when ``text`` holds anything else. Up to 万 (10,000s)."""
    if not text or any(ch not in ZH_NUMERAL for ch in text):
        return None
    if not any(ch in _ZH_UNITS or ch == "万" for ch in text):          # "二〇二五": a digit string
        return int("".join(str(_ZH_DIGITS[ch]) for ch in text))
    total = section = 0
    digit = None
    for ch in text:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            section += (1 if digit is None else digit) * _ZH_UNITS[ch]
            digit = None
        elif ch == "万":
            total += (section + (digit or 0)) * 10000
            section, digit = 0, None
    return total + section + (digit or 0)


# ------------------------------------------------------------------------------------------- Russian
# Ordinals decline (шестьдесят четвертая сессия, шестьдесят четвертой сессии): stems and endings.
_RU_ORD_UNITS = {1: "перв", 2: "втор", 3: "трет", 4: "четверт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм",
                 9: "девят", 10: "десят", 11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат",
                 15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат", 19: "девятнадцат"}
_RU_ORD_TENS = {20: "двадцат", 30: "тридцат", 40: "сороков", 50: "пятидесят", 60: "шестидесят", 70: "семидесят",
                80: "восьмидесят", 90: "девяност"}
_RU_TENS = {20: "двадцать", 30: "тридцать", 40: "сорок", 50: "пятьдесят", 60: "шестьдесят", 70: "семьдесят",
            80: "восемьдесят", 90: "девяносто"}
RU_ENDINGS = r"(?:ый|ий|ой|ая|яя|ье|ое|ее|ого|его|ьего|ому|ему|ым|им|ом|ем|ую|юю|ые|ие|ых|их|ыми|ими|ья|ьей|ьих|ьи)"


@lru_cache(maxsize=1)
def ru_ordinal_stems() -> dict[str, int]:
    """Russian ordinal stems 1-99 ("шестьдесят четверт" = 64; "ё" written as "е"), for a pattern that
    adds RU_ENDINGS."""
    out = {stem: n for n, stem in {**_RU_ORD_UNITS, **_RU_ORD_TENS}.items()}
    for tens, word in _RU_TENS.items():
        for unit in range(1, 10):
            out[f"{word} {_RU_ORD_UNITS[unit]}"] = tens + unit
    return out


# -------------------------------------------------------------------------------------------- Arabic
_AR_FEM = {1: "الأولى", 2: "الثانية", 3: "الثالثة", 4: "الرابعة", 5: "الخامسة", 6: "السادسة", 7: "السابعة",
           8: "الثامنة", 9: "التاسعة", 10: "العاشرة"}
_AR_MASC = {1: "الأول", 2: "الثاني", 3: "الثالث", 4: "الرابع", 5: "الخامس", 6: "السادس", 7: "السابع", 8: "الثامن",
            9: "التاسع", 10: "العاشر"}
_AR_TENS = {20: ("العشرين", "العشرون"), 30: ("الثلاثين", "الثلاثون"), 40: ("الأربعين", "الأربعون"),
            50: ("الخمسين", "الخمسون"), 60: ("الستين", "الستون"), 70: ("السبعين", "السبعون"),
            80: ("الثمانين", "الثمانون"), 90: ("التسعين", "التسعون")}


@lru_cache(maxsize=1)
def ar_ordinals() -> dict[str, int]:
    """Arabic ordinals 1-99 as UN texts write them, feminine ("الدورة الرابعة والستين" = 64th session) and
    masculine, with and without the hamza on alif ("الأربعين" / "الاربعين")."""
    out: dict[str, int] = {}
    for n in range(1, 11):
        out[_AR_FEM[n]] = out[_AR_MASC[n]] = n
    for n in range(11, 20):
        unit = n - 10
        fem = "الحادية" if unit == 1 else _AR_FEM[unit]
        masc = "الحادي" if unit == 1 else _AR_MASC[unit]
        out[f"{fem} عشرة"] = out[f"{masc} عشر"] = n
    for tens, words in _AR_TENS.items():
        for word in words:
            out[word] = tens
            for unit in range(1, 10):
                fem = "الحادية" if unit == 1 else _AR_FEM[unit]
                masc = "الحادي" if unit == 1 else _AR_MASC[unit]
                out[f"{fem} و{word}"] = out[f"{masc} و{word}"] = tens + unit
    plain = str.maketrans("أإآ", "ااا")
    out.update({k.translate(plain): v for k, v in list(out.items())})
    return out
