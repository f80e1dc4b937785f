"""Language of a document: which of the six official UN languages it is written in, with a confidence.

UN texts are long and formulaic, so no model is needed. The script decides Arabic (Arabic letters),
Chinese (Han ideographs) and Russian (Cyrillic); among Latin-script texts, counting a few dozen very
frequent function words tells English, French and Spanish apart (German is known only so that it is
not taken for one of them). Anything else is "und" (undetermined), and the comparison says so.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, NamedTuple

_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in for on with by that its this from which all as be are is at or its "
                    "their other including also further welcomes recalling calls upon".split()),
    "fr": frozenset("le la les des du de et à en dans pour sur par que qui une un au aux est sont ses leur "
                    "avec ainsi notamment également rappelant demande".split()),
    "es": frozenset("el la los las del de y en para con por que una un al es son sus su como también "
                    "recordando pide sobre entre".split()),
    "de": frozenset("der die das und zu den von mit für auf ist nicht ein eine dem des sich".split()),
}
_STOPWORD_LANGS = frozenset().union(*STOPWORDS.values())    # a word of any of them
_ASCII_LETTERS = re.compile("[A-Za-z]+")                   # what an ASCII text counts as letters
SCRIPTS = (            # (language, first code point, last code point), from the Unicode block charts
    ("ar", 0x0600, 0x06FF), ("ar", 0x0750, 0x077F), ("ar", 0x08A0, 0x08FF), ("ar", 0xFB50, 0xFDFF),
    ("ar", 0xFE70, 0xFEFF),
    ("zh", 0x4E00, 0x9FFF), ("zh", 0x3400, 0x4DBF), ("zh", 0xF900, 0xFAFF),
    ("ru", 0x0400, 0x04FF),
)
OFFICIAL = ("ar", "zh", "en", "fr", "ru", "es")
# A letter of a right-to-left script (Hebrew, Arabic and their presentation forms): bidi marks, PDF
# reading order and isolates in findings all decide on it.
RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# Arabic short vowels, shadda, sukun, dagger alif and tatweel (U+064B-U+0652, U+0670, U+0640): the same
# word with or without them is the same word ("تقرر" / "تُقرِّر").
ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
MIN_HITS = 5             # function words (or script letters) needed before a Latin-script language is said
MIN_SHARE = 0.6          # a script's share of the letters for Arabic, Chinese or Russian


class Detection(NamedTuple):
    """A document's language: an ISO 639-1 code ("und" when undetermined) and a confidence in [0, 1]
    (the winner's share of the evidence: letters of its script, or function words of its language)."""

    language: str
    confidence: float


def detect(texts: Iterable[str], sample_chars: int = 40000) -> Detection:
    """The language of ``texts`` (read up to about ``sample_chars`` characters) and how sure it is."""
    words: Counter[str] = Counter()
    scripts: Counter[str] = Counter()
    letters = 0
    seen = 0
    for text in texts:
        if text.isascii():                          # no script to count: letters in one call
            letters += len(text) - len(_ASCII_LETTERS.sub("", text))
        else:
            for ch in text:
                if ch.isalpha():
                    letters += 1
                    code = ord(ch)
                    if code >= 0x0400:
                        for lang, lo, hi in SCRIPTS:
                            if lo <= code <= hi:
                                scripts[lang] += 1
                                break
        for word in _WORDS.findall(text.lower()):
            word = word.replace("’", "'")
            base = word.split("'", 1)[-1] if "'" in word else word
            if word in _STOPWORD_LANGS or base in _STOPWORD_LANGS:     # else no language counts it
                for lang, stop in STOPWORDS.items():
                    if word in stop or base in stop:
                        words[lang] += 1
        seen += len(text)
        if seen > sample_chars:
            break
    if scripts and letters:
        lang, count = scripts.most_common(1)[0]
        if count >= MIN_HITS and count / letters >= MIN_SHARE:
            return Detection(lang, round(count / letters, 2))
    if not words:
        return Detection("und", 0.0)
    (best, hits), *rest = words.most_common(2) + [("und", 0)]
    runner_up = rest[0][1] if rest else 0
    if hits < MIN_HITS or hits < 1.3 * runner_up:
        return Detection("und", round(hits / sum(words.values()), 2))
    return Detection(best, round(hits / sum(words.values()), 2))


def detect_language(texts: Iterable[str], sample_chars: int = 40000) -> str:
    """The ISO 639-1 code of ``texts``' language, "und" when undetermined (see :func:`detect`)."""
    return detect(texts, sample_chars).language
