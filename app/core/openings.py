"""Opening phrases: "Rappelant également" must open as "Recalling also", not "Recalling".

Openings do not translate one to one (``Demande à`` is *Calls upon* or *Requests*), so two things are
checked, and only where there is evidence of a mismatch (a false alarm costs the officer more than a
miss):

- the additive adverb (also / further / again) that drafters add or drop in negotiation, in the six
  languages:
  in one language the adverb must be the same; across languages one side having one and the other
  none is reported;
- the leading verb: in one language it must be the same word; between English and French the evidence
  table (data/phrases_en_fr.tsv) must pair them, and it is reported only when the table knows both
  verbs and pairs neither with the other (``Salue`` opposite *Notes*).
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from app.core.language import ARABIC_MARKS
from app.core.model import Finding, Kind, Paragraph, Severity

PHRASES_TSV = Path(__file__).resolve().parent / "data" / "phrases_en_fr.tsv"
WINDOW = 6   # words of the opening that are looked at
CHECKED_KINDS = (Kind.PREAMBLE, Kind.OPERATIVE, Kind.OTHER)

# The additive adverbs of the six languages, as UN translators render also / further / again.
# Arabic is matched without its short vowels and with or without the conjunction "و" (and).
ADVERBS = {
    "also": ("also", "likewise", "également", "aussi", "de même", "también", "asimismo", "igualmente",
             "также", "тоже", "равным образом", "كذلك", "أيضا", "وكذلك", "وأيضا", "还", "也", "同样"),
    "further": ("further", "furthermore", "en outre", "de plus", "además", "por otra parte",
                "кроме того", "помимо этого", "далее", "فضلا عن ذلك", "وفضلا عن ذلك", "فضلا عما تقدم",
                "وفضلا عما تقدم", "علاوة على ذلك", "وعلاوة على ذلك", "又", "此外", "并且", "进一步"),
    "again": ("again", "once again", "de nouveau", "à nouveau", "une fois de plus", "nuevamente", "de nuevo",
              "una vez más", "вновь", "снова", "еще раз", "ещё раз", "مجددا", "من جديد", "再次", "再度"),
}
_CJK = re.compile("[\u3400-\u9fff]")
_CJK_STOP = re.compile("[，,；;：:。]")
_CLASS = {a: k for k, v in ADVERBS.items() for a in v}
_MULTI = {tuple(a.split()): a for a in _CLASS if " " in a}
# The multi-word adverbs by their first word, in _MULTI's order: a word is looked up once, not against all.
_MULTI_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _phrase in _MULTI.items():
    _MULTI_BY_FIRST.setdefault(_words[0], []).append((_words, _phrase))
# Manner words between the verb and its object: skipped when looking for the verb, never a stop.
INTENSIFIERS = frozenset(
    "strongly firmly deeply gravely seriously greatly warmly fermement vivement énergiquement profondément "
    "gravement sincèrement enérgicamente firmemente profundamente gravemente encarecidamente".split())
# Where the verb phrase ends: an adverb after these belongs to the object ("to further strengthen").
STOPS = frozenset(
    "the a an its their his her all any this these those that to of for on in "
    "le la les l' un une des du au aux son sa ses leur leurs ce cet cette ces tous toutes que qu' de d' à "
    "el los las lo su sus este esta estos estas todo todos todas del al en".split())
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*'?|[,;:.]")
_CONTRACT = {"du": "de", "des": "de", "au": "à", "aux": "à"}


def _tokens(body: str) -> list[str]:
    """Lower-case words of the opening, up to the first comma, semicolon or colon (markdown ignored).
    Chinese, written without spaces, gives the adverbs found in its first clause's first characters."""
    if _CJK.match(body.lstrip()[:1]):
        clause = _CJK_STOP.split(body.lstrip(), 1)[0][:8]
        return [a for a in _CLASS if _CJK.match(a) and a in clause]
    body = ARABIC_MARKS.sub("", body[:200])
    out = []
    for t in _TOKEN.findall(body[:160].replace("’", "'").replace("*", " ").replace("_", " ").lower()):
        if t in ",;:.":
            break
        out.append(t)
        if len(out) >= WINDOW:
            break
    return out


def _fold(word: str) -> str:
    """Gender and number away ("Guidée", "préoccupés" = "guidé", "préoccupé"), contractions opened."""
    word = _CONTRACT.get(word, word)
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if word.endswith("euse"):
        return word[:-4] + "eux"
    if len(word) > 4 and word.endswith(("ée", "ue", "ie")):
        return word[:-1]
    return word


def opening(body: str) -> str:
    """The first words of a paragraph, up to the first comma or semicolon."""
    return " ".join(_tokens(body))


@lru_cache(maxsize=8192)
def parse(body: str) -> tuple[str, frozenset[str], tuple[str, ...]]:
    """(leading verb, adverb classes, folded words) of an opening phrase."""
    words = _tokens(body)
    head, found = "", set()
    i = 0
    while i < len(words):
        phrase = next((p for k, p in _MULTI_BY_FIRST.get(words[i], ()) if tuple(words[i:i + len(k)]) == k), None)
        if phrase:
            found.add(_CLASS[phrase])
            i += len(phrase.split())
            continue
        w = words[i]
        if w in _CLASS:
            found.add(_CLASS[w])
        elif w in STOPS and head:
            break
        elif not head and w not in INTENSIFIERS:
            head = _fold(w)
        i += 1
    return head, frozenset(found), tuple(_fold(w) for w in words)


def adverbs(body: str) -> frozenset[str]:
    return parse(body)[1]


@lru_cache(maxsize=1)
def phrase_table() -> tuple[tuple[str, str, str], ...]:
    """(kind, english, french) rows of the evidence table; rows recorded as mismatches are left out."""
    with open(PHRASES_TSV, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return tuple((r["kind"], opening(r["english"]), opening(r["french"])) for r in rows
                     if r.get("english") and r.get("french") and "MISMATCH" not in (r.get("source") or ""))


@lru_cache(maxsize=1)
def _evidence() -> tuple[tuple[tuple[str, ...], str, tuple[str, ...], str], ...]:
    """(English words, English verb, French words, French verb) for each evidence row, folded."""
    out = []
    for _, en, fr in phrase_table():
        h_en, _, w_en = parse(en)
        h_fr, _, w_fr = parse(fr)
        out.append((tuple(w for w in w_en if w not in _CLASS), h_en, tuple(w for w in w_fr if w not in _CLASS), h_fr))
    return tuple(out)


def _starts(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    words = tuple(w for w in words if w not in _CLASS)
    return bool(phrase) and words[:len(phrase)] == phrase


def known_translations(french_body: str) -> frozenset[str]:
    """English verbs the evidence pairs with a French opening (empty when the table does not know it)."""
    words = parse(french_body)[2]
    return frozenset(h_en for _, h_en, w_fr, _ in _evidence() if _starts(words, w_fr))


def _known_french(english_body: str) -> frozenset[str]:
    words = parse(english_body)[2]
    return frozenset(h_fr for w_en, _, _, h_fr in _evidence() if _starts(words, w_en))


def _lang(code: str) -> str:
    """"fr-FR" -> "fr"; unknown ("", "und") -> "" so that it is never taken for the other side's language."""
    code = (code or "").lower()[:2]
    return "" if code in ("", "un") else code


def _verb_mismatch(draft: str, adopted: str, draft_lang: str, adopted_lang: str) -> bool:
    a_head, b_head = parse(draft)[0], parse(adopted)[0]
    if not a_head or not b_head:
        return False
    la, lb = _lang(draft_lang), _lang(adopted_lang)
    if la == lb and la:
        return a_head != b_head
    if {la, lb} != {"en", "fr"}:
        return False          # no evidence for other pairs of languages
    en, fr = (draft, adopted) if la == "en" else (adopted, draft)
    en_head, fr_head = parse(en)[0], parse(fr)[0]
    for_fr, for_en = known_translations(fr), _known_french(en)
    return bool(for_fr and for_en) and en_head not in for_fr and fr_head not in for_en


def check_opening(draft: Paragraph, adopted: Paragraph, draft_lang: str = "", adopted_lang: str = "") -> Finding | None:
    """An "opening" finding when the additive adverb or the leading verb of the two openings disagree."""
    if draft.kind not in CHECKED_KINDS or adopted.kind not in CHECKED_KINDS:
        return None          # titles, headers, notes and sub-paragraphs have no opening verb
    a_body, b_body = draft.body, adopted.body
    a, b = adverbs(a_body), adverbs(b_body)
    same_lang = _lang(draft_lang) == _lang(adopted_lang) != ""
    if same_lang:
        adverb_differs = a != b
    else:   # "further" and "also" are translated freely; having one or none is what counts
        adverb_differs = bool(a) != bool(b) or ("again" in a) != ("again" in b)
    verb_differs = _verb_mismatch(a_body, b_body, draft_lang, adopted_lang)
    if not adverb_differs and not verb_differs:
        return None
    a_span, b_span = _span(draft), _span(adopted)
    a_open, b_open = draft.text[slice(*a_span)], adopted.text[slice(*b_span)]
    a_show, b_show = " ".join(a_open.replace("*", "").split()), " ".join(b_open.replace("*", "").split())
    params = (("check", "adverb" if adverb_differs else "verb"), ("draft_opening", a_show),
              ("adopted_opening", b_show), ("draft_adverbs", "/".join(sorted(a))),
              ("adopted_adverbs", "/".join(sorted(b))), ("same_language", same_lang))
    return Finding(code="opening", severity=Severity.LOW, params=params,
                   draft_value=a_open, adopted_value=b_open,
                   draft_span=a_span, adopted_span=b_span)


_STOP_CHAR = re.compile(r"[,;:]")
_WORD = re.compile(r"\S+")


def _span(p: Paragraph) -> tuple[int, int]:
    body = p.body
    stop = _STOP_CHAR.search(body)
    words = list(_WORD.finditer(body[:stop.start() if stop else len(body)]))[:WINDOW]
    if not words:
        return (len(p.prefix), len(p.prefix))
    return (len(p.prefix) + words[0].start(), len(p.prefix) + words[-1].end())
