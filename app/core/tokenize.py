"""Word tokens for diffing and matching.

A paragraph is cut into words (with internal hyphens and apostrophes), numbers (with their decimal and
thousands separators), single punctuation marks, runs of spaces, and the "\\n" that joins the paragraphs
of a split or merged pair. French elisions (l’, d’, qu’ ...) are their own token so that "l’Expert" vs
"d’Expert" is a one-token change. Joining all tokens gives back the text exactly.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache


WORD, NUMBER, PUNCT, SPACE, BREAK = "word", "number", "punct", "space", "break"

# Invisible characters a word or a number may hold, which a reader does not see: soft hyphen,
# zero-width space, word joiner, byte-order mark. They stay in the text and in the exports; matching
# and the word diff ignore them (``INVISIBLE``).
_HIDDEN = "\u00ad\u200b\u2060\ufeff"
INVISIBLE = re.compile(f"[{_HIDDEN}]")
_NUMBER = (rf"\d{{1,3}}(?:[ \u00a0\u202f][{_HIDDEN}]*\d{{3}}(?!\d))+(?:,\d{{1,3}}(?!\d))?"     # 10 000 (UN style)
           rf"|\d+(?:[.,\u00a0\u202f]\d{{3}}(?!\d))*(?:\.\d+|,\d{{1,3}}(?!\d))?")         # 3,000  1.5  1,5
# Every token but spaces (a token never starts with a space: spaces are a token of their own).
TOKEN_PATTERN = (
    r"\n"                                                           # paragraph break
    rf"|{_NUMBER}"                                                  # a number, its spaces included
    rf"|[^\W\d_][\w{_HIDDEN}]*(?:[-\u2010\u2011’'][\w{_HIDDEN}]+)*"  # word, capacity-building, l’homme
    r"|\w+|."                                                       # anything else, one mark at a time
)
_TOKEN_RE = re.compile(r"[^\S\n]+|" + TOKEN_PATTERN, re.DOTALL)     # spaces, tabs, no-break spaces first
# Text holding what ``re`` cannot cut right: combining marks, zero-width joiners and variation
# selectors, emoji, Chinese and Japanese. Such text goes through the ``regex`` module (Unicode
# properties and grapheme clusters): a Chinese or Japanese character is a word of its own (those
# scripts put no spaces between words), a word keeps its combining marks ("e" + U+0301), and whatever
# else is one grapheme cluster (\X), so an emoji of several code points (a ZWJ family, a flag, a skin
# tone) is never cut. Other text keeps the faster ``re`` pattern; both cut plain text the same way.
_SPECIAL = re.compile("[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
                      "\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff\u200d\u20d0-\u20ff\u2e80-\u9fff\ufe00-\ufe0f"
                      "\uf900-\ufaff\U0001F000-\U0001FFFF\U000E0000-\U000E007F]")
_CJK_SET = r"[\p{Han}\p{Hiragana}\p{Katakana}]"
_W = r"[[\w\p{M}]--[\p{Han}\p{Hiragana}\p{Katakana}]]"
_L = r"[[^\W\d_]--[\p{Han}\p{Hiragana}\p{Katakana}]]"


@lru_cache(maxsize=1)
def _cluster_patterns():
    """(token pattern, match-word pattern) of the ``regex`` module, compiled on first use: only text
    that ``uses_clusters`` needs them, and importing and compiling them costs a plain comparison time."""
    import regex
    tokens = regex.compile(
        rf"\n|{_NUMBER}|[^\S\n]+"
        rf"|{_CJK_SET}\p{{M}}*|{_L}(?:{_W}|[{_HIDDEN}])*(?:[-\u2010\u2011’'](?:{_W}|[{_HIDDEN}])+)*|\X",
        regex.DOTALL | regex.VERSION1,
    )
    words = regex.compile(rf"\d+(?:[.,\u00a0\u202f]\d{{3}}(?!\d))*|{_CJK_SET}|{_L}{_W}*(?:[-’']{_W}+)*",
                          regex.VERSION1)
    return tokens, words

_ELISIONS = frozenset(("c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"))

# Typographic variants that a reader does not consider a change when "conflate quotes" is on.
_QUOTE_MAP = str.maketrans({
    "’": "'", "‘": "'", "‛": "'", "′": "'", "`": "'",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"',
})
_DASH_MAP = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})


Token = tuple[str, str]   # (text, kind): plain tuples, the tokenizer is on the hot path


def uses_clusters(text: str) -> bool:
    """Whether ``text`` holds what only the ``regex`` pattern cuts right (combining marks, emoji, CJK):
    ``tokenize`` cuts it with that pattern, and ``TOKEN_PATTERN`` does not apply."""
    return _SPECIAL.search(text) is not None


def token_kind(tok: str) -> str:
    """The kind of one token (never empty) as ``tokenize`` gives it: WORD, NUMBER, PUNCT, SPACE, BREAK."""
    first = tok[0]
    if first.isalpha():
        return WORD
    if first.isdigit():
        return NUMBER
    if first == "\n":
        return BREAK
    if first.isspace():
        return SPACE
    return WORD if tok.isalnum() else PUNCT


@lru_cache(maxsize=1 << 14)
def tokenize(text: str) -> tuple[Token, ...]:
    """``text`` cut into (token, kind) pairs; the tokens joined give ``text`` back. French elisions
    (l’, qu’) are a WORD of their own."""
    out: list[Token] = []
    append = out.append
    for tok in (_cluster_patterns()[0] if _SPECIAL.search(text) else _TOKEN_RE).findall(text):
        if tok[0].isalpha() and ("’" in tok or "'" in tok):
            cut = elision_end(tok)
            if cut:
                append((tok[:cut], WORD))
                tok = tok[cut:]
        append((tok, token_kind(tok)))
    return tuple(out)


def elision_end(word: str) -> int:
    """Length of a French elided article/pronoun at the start of ``word`` (l’, qu’ ...), else 0."""
    for quote in "’'":
        k = word.find(quote)
        if 0 < k <= 6 and word[:k].lower() in _ELISIONS:
            return k + 1
    return 0


def conflate_quotes(text: str) -> str:
    return text.translate(_QUOTE_MAP).translate(_DASH_MAP)


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Case- and accent-insensitive form used for paragraph matching (not for the shown diff)."""
    decomposed = unicodedata.normalize("NFKD", conflate_quotes(word).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_MATCH_RE = re.compile(r"\d+(?:[.,\u00a0\u202f]\d{3}(?!\d))*|[^\W\d_]\w*(?:[-’']\w+)*")


def match_words(text: str) -> list[str]:
    """Folded words and numbers of a text: the material paragraph alignment works on."""
    if text.isascii():          # ASCII folds to lower case (a match holds no backtick); one call for all
        return list(map(sys.intern, _MATCH_RE.findall(text.lower())))   # one string per distinct word
    text = INVISIBLE.sub("", text)
    return [fold(w) for w in (_cluster_patterns()[1] if _SPECIAL.search(text) else _MATCH_RE).findall(text)]
