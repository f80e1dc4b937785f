"""Word-level diff of two texts on diff-match-patch.

Tokens are grouped into units: one significant token (a word, a number, a punctuation mark unless
punctuation is ignored, a paragraph break) with the insignificant tokens that follow it (spaces, and
punctuation when ignored). Each distinct unit key is mapped to one character, the two character strings
are diffed with ``diff_main(checklines=False)`` and ``Diff_Timeout = 0`` (exact and reproducible), then
``diff_cleanupSemantic`` merges tiny equalities so a reader sees phrases, not confetti. Keys carry the
ignore options, texts do not: an EQUAL op keeps both sides' own text, so the ops always rebuild both
texts exactly whatever the options.
"""
from __future__ import annotations

import re
import unicodedata

from diff_match_patch import diff_match_patch

try:  # the C++ build of the same algorithm: identical results (tests/test_worddiff.py), ~6x faster
    import fast_diff_match_patch as _fast
except ImportError:  # pragma: no cover - pure Python fallback
    _fast = None

from app.core.language import ARABIC_MARKS
from app.core.model import CompareOptions, DiffOp, Op
from app.core.tokenize import (INVISIBLE, NUMBER, PUNCT, SPACE, TOKEN_PATTERN, WORD, conflate_quotes,
                               elision_end, token_kind, tokenize, uses_clusters)

_DMP_OP = {0: Op.EQUAL, -1: Op.DELETE, 1: Op.INSERT}




def _normal_key(key: str, kind: str, strict_spaces: bool) -> str:
    """What a reader sees of a non-ASCII unit: NFC ("é" composed or decomposed is one letter), no
    invisible characters (soft hyphen, zero-width space), no Arabic short vowels; a number's group
    spaces (space, no-break, narrow) alike unless spaces are strict."""
    key = unicodedata.normalize("NFC", INVISIBLE.sub("", key))
    if kind == WORD and ARABIC_MARKS.search(key):      # Arabic short vowels are no change (the text keeps them)
        key = ARABIC_MARKS.sub("", key)
    elif kind == NUMBER and not strict_spaces:
        key = _GROUP_SPACES.sub(" ", key)
    return key


_GROUP_SPACES = re.compile("[\u00a0\u202f]")


def units(text: str, options: CompareOptions) -> tuple[list[str], list[str]]:
    """Cut ``text`` into units; return (unit texts, unit keys). Leading insignificant tokens form a unit
    of their own with an empty key so that they compare equal to any leading spacing."""
    if options.conflate_spaces and not options.ignore_punctuation and not uses_clusters(text):
        return _spaced_units(text, options)
    return _token_units(text, options)


def _token_units(text: str, options: CompareOptions) -> tuple[list[str], list[str]]:
    """``units`` for any options and any text, token by token (``tokenize``)."""
    texts: list[str] = []
    keys: list[str] = []
    spaces_count = not options.conflate_spaces
    punct_counts = not options.ignore_punctuation
    case = options.ignore_case
    # conflate_quotes maps character to character, so token offsets hold in the conflated text too
    conflated = conflate_quotes(text) if options.conflate_quotes else text
    end = 0
    for text_, kind in tokenize(text):
        start, end = end, end + len(text_)
        if kind == SPACE:
            # with strict spaces, a no-break space or a doubled space is a change like any other (a Word
            # line break, U+2028, is layout: it stays a space)
            significant, key = spaces_count, (text_.replace("\u2028", " ") if spaces_count else " ")
        else:
            significant = punct_counts if kind == PUNCT else True
            key = conflated[start:end]
            if case:
                key = key.casefold()
            if not key.isascii():
                key = _normal_key(key, kind, spaces_count)
        if significant:
            texts.append(text_)
            keys.append(key)
        elif texts:
            texts[-1] += text_
        else:
            texts.append(text_)
            keys.append("")
    return texts, keys


# One unit of the default options (spaces conflated, punctuation counted) in one match: a token of
# app.core.tokenize (never spaces) and the spaces after it. ``tokenize`` would cut the same tokens.
_UNIT_RE = re.compile(rf"({TOKEN_PATTERN})([^\S\n]*)", re.DOTALL)
_LEADING_SPACES = re.compile(r"[^\S\n]+")


def _spaced_units(text: str, options: CompareOptions) -> tuple[list[str], list[str]]:
    """``units`` for spaces conflated and punctuation counted, on text ``tokenize`` cuts with ``re``:
    the same units, one regular-expression match each instead of a step per token."""
    texts: list[str] = []
    keys: list[str] = []
    lead = _LEADING_SPACES.match(text)
    if lead:
        texts.append(lead.group())
        keys.append("")
    quotes, case = options.conflate_quotes, options.ignore_case
    for token, spaces in _UNIT_RE.findall(text, lead.end() if lead else 0):
        if token.isascii() and "'" not in token and token != "`":       # nothing to fold but the case
            texts.append(token + spaces)
            keys.append(token.casefold() if case else token)
            continue
        cut = elision_end(token) if token[0].isalpha() else 0
        parts = (token[:cut], token[cut:]) if cut else (token,)
        for n, part in enumerate(parts):
            key = conflate_quotes(part) if quotes else part
            if case:
                key = key.casefold()
            if not key.isascii():
                key = _normal_key(key, token_kind(part), False)
            texts.append(part + spaces if n == len(parts) - 1 else part)
            keys.append(key)
    return texts, keys


class CharMap:
    """Unit key -> one private character, shared by both sides of a diff."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def encode(self, keys: list[str]) -> str:
        """One character per key, the same for equal keys (new keys numbered in order of appearance)."""
        codes = self._codes
        for key in dict.fromkeys(keys):
            if key not in codes:
                n = len(codes) + 0x100
                codes[key] = chr(n + 0x800 if n >= 0xD800 else n)    # skip the surrogate block
        return "".join([codes[key] for key in keys])


def _dmp() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # no deadline: the same inputs always give the same ops
    return dmp


_DMP = _dmp()
_FAST_OP = {"=": 0, "-": -1, "+": 1}


def diff_chars(a: str, b: str, *, accelerated: bool = True) -> list[tuple[int, str]]:
    """diff_main(checklines=False) + diff_cleanupSemantic, as (code, text) with code 0/-1/+1."""
    if accelerated and _fast is not None:
        return [(_FAST_OP[o], t) for o, t in _fast.diff(a, b, timelimit=0, checklines=False,
                                                        cleanup="Semantic", counts_only=False)]
    diffs = _DMP.diff_main(a, b, False)
    _DMP.diff_cleanupSemantic(diffs)
    return diffs


def diff_words(a: str, b: str, options: CompareOptions = CompareOptions()) -> tuple[DiffOp, ...]:
    """Word ops turning ``a`` into ``b``."""
    if a == b:
        return (DiffOp(Op.EQUAL, a, b),) if a else ()
    a_texts, a_keys = units(a, options)
    b_texts, b_keys = units(b, options)
    charmap = CharMap()
    diffs = diff_chars(charmap.encode(a_keys), charmap.encode(b_keys))
    ops: list[DiffOp] = []
    ia = ib = 0
    for code, chunk in diffs:
        n = len(chunk)
        if code == 0:
            op = DiffOp(Op.EQUAL, "".join(a_texts[ia:ia + n]), "".join(b_texts[ib:ib + n]))
            ia += n
            ib += n
        elif code == -1:
            op = DiffOp(Op.DELETE, a="".join(a_texts[ia:ia + n]))
            ia += n
        else:
            op = DiffOp(Op.INSERT, b="".join(b_texts[ib:ib + n]))
            ib += n
        _append(ops, op)
    return tuple(ops)  # diff_cleanupMerge already puts each deletion before its insertion


def _append(ops: list[DiffOp], op: DiffOp) -> None:
    if ops and ops[-1].op is op.op:
        last = ops[-1]
        ops[-1] = DiffOp(op.op, last.a + op.a, last.b + op.b)
    else:
        ops.append(op)


def count_words(text: str) -> int:
    return sum(1 for _, kind in tokenize(text) if kind in (WORD, NUMBER))


__all__ = ["diff_words", "units", "count_words", "PUNCT"]
