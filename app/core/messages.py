"""The words of the findings and of the deliverables, in English and French: the one place sentences are made.

The engine records what it found as data (``Finding.code``, its values, spans and ``params``); the window,
the comparison sheet and the annotated Word file ask this module for the sentence in the officer's
language: ``describe(finding, "fr")``. The fixed words the deliverables need (column heads, kind and
severity names, "Page n of m", the counts line ...) come from ``term(key, language)``.

French follows UN French-language editing: "projet" for the draft, "texte adopté", "relecture",
"exportation", "alinéa du préambule" / "paragraphe du dispositif" (the UN's French for preambular and
operative paragraphs), and a narrow no-break space (U+202F) before
``: ; ! ?`` and inside « » (set once, on the templates, never on the quoted text of the documents).
An unknown language gives English. Values in right-to-left script are set apart from the sentence
around them with Unicode isolates (UAX #9), in every language.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Mapping

from app.core.language import RTL_LETTER

log = logging.getLogger(__name__)

LANGUAGES = ("en", "fr")
NNBSP = "\u202f"          # narrow no-break space: French high punctuation and guillemets
VALUE_CODES = frozenset({"number", "date", "year", "resolution", "symbol", "percent"})


def language_of(language: str | None) -> str:
    """"fr", "fr-FR", "fr_CA" -> "fr"; anything this module has no words for -> "en"."""
    code = (language or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else "en"


def french_spacing(text: str) -> str:
    """French typography on a template: a narrow no-break space before ``: ; ! ?`` and inside « »."""
    text = re.sub(r"[ \u00a0\u202f]*([:;!?])(?=\s|$|\))", NNBSP + r"\1", text)
    text = re.sub(r"«[ \u00a0\u202f]*", "«" + NNBSP, text)
    return re.sub(r"[ \u00a0\u202f]*»", NNBSP + "»", text)


def isolate(text: str) -> str:
    """A value in right-to-left script set apart from the sentence around it (first-strong isolate):
    "the draft has ⁨31 آذار/مارس 2026⁩" keeps its order inside an English or French line."""
    return f"\u2068{text}\u2069" if RTL_LETTER.search(text) else text


# -- fixed words of the deliverables ------------------------------------------------------------------

_TERMS_EN = {
    "sheet.title": "Comparison sheet",
    "sheet.pdf_title": "Comparison: {draft} / {adopted}",
    "head.label": "Label", "head.draft": "Draft", "head.adopted": "Adopted",
    "file.draft": "Draft: {name}", "file.adopted": "Adopted: {name}",
    "page": "Page {n} of {m}",
    "missing.draft": "(not in the draft)", "missing.adopted": "(not in the adopted text)",
    "line.finding": "{SEVERITY}: {text}", "line.note": "Note: {note}",
    "gap": ("\u22ef {n} unchanged paragraph ({span})", "\u22ef {n} unchanged paragraphs ({span})"),
    "whole_document": "Whole document:",
    "kind.equal": "equal", "kind.changed": "changed", "kind.inserted": "inserted", "kind.deleted": "deleted",
    "kind.moved": "moved", "kind.split": "split", "kind.merged": "merged",
    "severity.high": "high", "severity.medium": "medium", "severity.low": "low", "severity.info": "info",
    "paragraph_n": "paragraph {n}", "unlabelled": "unlabelled",
    "now.preamble": "preambular paragraph {number}", "now.operative": "operative paragraph {number}",
    "moved": "Moved from draft {here} ({where})", "moved.after": "now after draft {label}",
    "moved.first": "now first",
    "comment.inserted": "Not in the draft: added in the adopted text.",
    "comment.deleted": "Draft {label} was deleted: {quote}",
    "comment.split": "Split: draft {label} became {n} paragraphs.",
    "comment.merged": "Merged: draft {label} became one paragraph.",
    "comment.label": "Draft label {label}, now {now}.",
    "comment.finding": "[{severity}] {text}",
    "comment.quote": "Draft {label}: {quote}",
    "comment.note": "Reviewer's note: {note}",
    "comment.matter": ("Header and footer: {n} change (grouped)", "Header and footer: {n} changes (grouped)"),
    "comment.end": ".",
    "counts.paragraphs": "Paragraphs: {parts}", "counts.separator": "; ",
    "counts.changed": "{n} changed", "counts.with_findings": "{n} with findings",
    "counts.inserted": "{n} inserted", "counts.deleted": "{n} deleted", "counts.moved": "{n} moved",
    "counts.split_merged": "{n} split/merged",
    "counts.words": ("{n} word changed ({detail})", "{n} words changed ({detail})"),
    "counts.findings": ("{n} finding", "{n} findings"),
    "mode.same-language": "same-language", "mode.cross-language": "cross-language",
    "warning.tracked_cross": ("The texts are in different languages: the tracked changes replace whole "
                              "paragraphs, with no word-level changes"),
}
_TERMS_FR = {
    "sheet.title": "Tableau comparatif",
    "sheet.pdf_title": "Comparaison : {draft} / {adopted}",
    "head.label": "Étiquette", "head.draft": "Projet", "head.adopted": "Texte adopté",
    "file.draft": "Projet : {name}", "file.adopted": "Texte adopté : {name}",
    "page": "Page {n} sur {m}",
    "missing.draft": "(absent du projet)", "missing.adopted": "(absent du texte adopté)",
    "line.finding": "{SEVERITY} \u2014 {text}", "line.note": "Note : {note}",
    "gap": ("\u22ef {n} paragraphe inchangé ({span})", "\u22ef {n} paragraphes inchangés ({span})"),
    "whole_document": "Ensemble du document :",
    "kind.equal": "identique", "kind.changed": "modifié", "kind.inserted": "inséré", "kind.deleted": "supprimé",
    "kind.moved": "déplacé", "kind.split": "scindé", "kind.merged": "fusionné",
    "severity.high": "élevée", "severity.medium": "moyenne", "severity.low": "faible",
    "severity.info": "information",
    "paragraph_n": "paragraphe {n}", "unlabelled": "sans étiquette",
    "now.preamble": "alinéa {number} du préambule", "now.operative": "paragraphe {number} du dispositif",
    "moved": "Déplacé depuis {here} du projet ({where})",
    "moved.after": "se trouve désormais après {label} du projet",
    "moved.first": "se trouve désormais en tête",
    "comment.inserted": "Absent du projet : ajouté dans le texte adopté.",
    "comment.deleted": "Supprimé du projet ({label}) : {quote}",
    "comment.split": "Scindé : {label} du projet forme désormais {n} paragraphes.",
    "comment.merged": "Fusionnés : {label} du projet ne forment plus qu’un seul paragraphe.",
    "comment.label": "Étiquette dans le projet : {label} ; désormais {now}.",
    "comment.finding": "[{severity}] {text}",
    "comment.quote": "Projet, {label} : {quote}",
    "comment.note": "Note du réviseur : {note}",
    "comment.matter": ("En-tête et pied de page : {n} modification (regroupée)",
                       "En-tête et pied de page : {n} modifications (regroupées)"),
    "comment.end": ".",
    "counts.paragraphs": "Paragraphes : {parts}", "counts.separator": " ; ",
    "counts.changed": ("{n} modifié", "{n} modifiés"), "counts.with_findings": ("{n} avec constat", "{n} avec constats"),
    "counts.inserted": ("{n} inséré", "{n} insérés"), "counts.deleted": ("{n} supprimé", "{n} supprimés"),
    "counts.moved": ("{n} déplacé", "{n} déplacés"),
    "counts.split_merged": ("{n} scindé/fusionné", "{n} scindés/fusionnés"),
    "counts.words": ("{n} mot modifié ({detail})", "{n} mots modifiés ({detail})"),
    "counts.findings": ("{n} constat", "{n} constats"),
    "mode.same-language": "comparaison dans la même langue", "mode.cross-language": "comparaison bilingue",
    "warning.tracked_cross": ("Les textes sont dans des langues différentes : les modifications suivies "
                              "remplacent des paragraphes entiers, sans modification mot à mot"),
}


# A paragraph's history along a negotiation trail and the trail sheet's words (keys "trail.<key>").
_TRAIL_EN = {"original": "in {v} as {label}", "original.plain": "in {v}", "added": "added in {v} as {label}",
             "added.plain": "added in {v}", "changed": "changed in {v}", "moved": "moved in {v}",
             "moved.edited": "moved and changed in {v}", "split": "split in {v}", "merged": "merged in {v}",
             "dropped": "dropped in {v}", "reintroduced": "reintroduced in {v}", "now": "{event} (now {label})",
             "translated": "translated in {v}",
             "cli.versions": "trail: {n} versions", "cli.version": "{n} paragraphs", "cli.rounds": "rounds:",
             "cli.round": ("{changed} changed, {inserted} inserted, {deleted} deleted, {moved} moved, "
                           "{split} split/merged"),
             "cli.cross": "(cross-language)", "cli.history": "history ({n} of {m} paragraphs of {v}):",
             "cli.step": "{a} \u2192 {b}: {counts}",
             "cli.dropped": "dropped along the way ({n}):",
             "renumbered": "renumbered {label} in {v}", "since": "unchanged since {v}", "join": "; ",
             "title": "Negotiation trail", "head.text": "Text ({v})", "head.history": "History",
             "dropped.head": "Dropped along the way", "dropped.text": "Text (as it last stood)",
             "versions": "{n} versions: {names}", "absent": "—",
             "legend": ("In each version: added underlined on blue, changed in bold on yellow, moved in italics "
                        "on lilac, dropped struck through on orange, absent \u2014.")}
_TRAIL_FR = {"original": "dans {v} {bracketed}", "original.plain": "dans {v}", "added": "ajouté dans {v} {bracketed}",
             "added.plain": "ajouté dans {v}", "changed": "modifié dans {v}", "moved": "déplacé dans {v}",
             "moved.edited": "déplacé et modifié dans {v}", "split": "scindé dans {v}", "merged": "fusionné dans {v}",
             "dropped": "supprimé dans {v}", "reintroduced": "réintroduit dans {v}", "translated": "traduit dans {v}",
             "cli.versions": "historique\u202f: {n} versions", "cli.version": "{n} paragraphes",
             "cli.rounds": "étapes\u202f:", "cli.step": "{a} \u2192 {b}\u202f: {counts}",
             "cli.round": ("{changed} modifié(s), {inserted} inséré(s), {deleted} supprimé(s), {moved} déplacé(s), "
                           "{split} scindé(s)/fusionné(s)"),
             "cli.cross": "(bilingue)", "cli.history": "historique ({n} des {m} paragraphes de {v})\u202f:",
             "cli.dropped": "supprimés en cours de route ({n})\u202f:",
             "now": "{event} (désormais {label})", "renumbered": "renuméroté {label} dans {v}",
             "since": "inchangé depuis {v}", "join": "\u202f; ",
             "title": "Historique de la négociation", "head.text": "Texte ({v})", "head.history": "Historique",
             "dropped.head": "Paragraphes supprimés en cours de route", "dropped.text": "Texte (dans son dernier état)",
             "versions": "{n} versions\u202f: {names}", "absent": "\u2014",
             "legend": ("Dans chaque version\u202f: ajouté souligné sur fond bleu, modifié en gras sur fond jaune, "
                        "déplacé en italique sur fond mauve, supprimé barré sur fond orange, absent \u2014.")}
_TERMS_EN.update({f"trail.{k}": v for k, v in _TRAIL_EN.items()})
_TERMS_FR.update({f"trail.{k}": v for k, v in _TRAIL_FR.items()})


def _spaced(table: dict) -> dict:
    return {k: (tuple(french_spacing(t) for t in v) if isinstance(v, tuple) else french_spacing(v))
            for k, v in table.items()}


TERMS = {"en": _TERMS_EN, "fr": _spaced(_TERMS_FR)}


def _plural(n: int, language: str) -> bool:
    return n >= 2 if language == "fr" else n != 1     # French: 0 and 1 take the singular


def term(key: str, language: str = "en", n: int | None = None, **values: Any) -> str:
    """A fixed word or line of the deliverables, e.g. ``term("head.draft", "fr")`` -> "Projet";
    ``n`` chooses the plural form of a counted term and is also available as ``{n}``. A key this
    module does not know raises KeyError (a programming error, not a user's)."""
    lang = language_of(language)
    text = TERMS[lang].get(key, TERMS["en"][key])
    if isinstance(text, tuple):
        text = text[1 if _plural(n or 0, lang) else 0]
    if n is not None:
        values["n"] = n
    return text.format(**values) if values else text


def severity_name(severity, language: str = "en") -> str:
    """"high", "élevée" ... (a Severity or its value)."""
    return term(f"severity.{getattr(severity, 'value', severity)}", language)


def kind_name(kind, language: str = "en") -> str:
    """A pair kind in words: "changed", "modifié" ... (a PairKind or its value)."""
    return term(f"kind.{getattr(kind, 'value', kind)}", language)


_PLACES_FR = (("line", "ligne"), ("page header", "en-tête de page"), ("page footer", "pied de page"),
              ("first page", "première page"), ("even pages", "pages paires"), ("paragraph", "paragraphe"),
              ("footnote", "note de bas de page"), ("endnote", "note de fin"), ("table", "tableau"),
              ("row", "ligne"), ("cell", "cellule"), ("page", "page"))
_PLACE_WORDS = re.compile(r"\b(" + "|".join(re.escape(e) for e, _ in _PLACES_FR) + r")\b")


def place_name(source: str, language: str = "en") -> str:
    """Where a paragraph was read ("line 12", "table 2, row 3, cell 1"), in the language asked."""
    if language_of(language) != "fr":
        return source
    words = dict(_PLACES_FR)
    return _PLACE_WORDS.sub(lambda m: words[m.group(1)], source)


# -- finding sentences --------------------------------------------------------------------------------

_VALUE_EN = {"symbol": "document symbol", "resolution": "resolution number", "date": "date",
             "percent": "percentage", "ordinal": "ordinal", "number": "number", "year": "year"}
# French name and gender (True: feminine) of each kind of value.
_VALUE_FR = {"symbol": ("cote", True), "resolution": ("numéro de résolution", False), "date": ("date", True),
             "percent": ("pourcentage", False), "ordinal": ("nombre ordinal", False),
             "number": ("nombre", False), "year": ("année", True)}
_SECTION_EN = {"preamble": "preambular", "operative": "operative", "annex": "annex"}
_SECTION_FR = {"preamble": "du préambule", "operative": "du dispositif", "annex": "de l’annexe"}
# What a paragraph of each part is called in UN French: the preamble has "alinéas", the rest "paragraphes".
_UNITS_FR = {"preamble": "alinéas"}
_ADVERB_FR = {"also": "également", "further": "en outre", "again": "de nouveau"}
# Where a bis paragraph landed, by the kind of the adopted paragraph ("le paragraphe 16 du préambule").
_WHERE_FR = {
    "preamble": "l’alinéa {n} du préambule", "operative": "le paragraphe {n} du dispositif",
    "annex": "le paragraphe {n} de l’annexe", "subparagraph": "l’alinéa {n}", "footnote": "la note {n}",
    "header": "la ligne {n} de l’en-tête", "title": "la ligne {n} du titre",
    "intro": "la ligne {n} de la formule d’introduction", "footer": "la ligne {n} de la partie finale",
    "page-header": "la ligne {n} de l’en-tête de page", "page-footer": "la ligne {n} du pied de page",
    "other": "le paragraphe {n}",
}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _value_en(f, p: Mapping[str, Any]) -> str:
    name = _VALUE_EN.get(p.get("kind", f.code), f.code)
    a, b = isolate(f.draft_value), isolate(f.adopted_value)
    if f.draft_value and f.adopted_value:
        return f"Different {name}: the draft has {a}, the adopted text has {b}"
    if f.draft_value:
        return f"The draft has the {name} {a}, not found in the adopted text"
    return f"The adopted text has the {name} {b}, not found in the draft"


def _value_fr(f, p: Mapping[str, Any]) -> str:
    name, feminine = _VALUE_FR.get(p.get("kind", f.code), (f.code, False))
    e = "e" if feminine else ""
    the = ("l’" if name[0] in "aeéèiouy" else "la " if feminine else "le ") + name
    a, b = isolate(f.draft_value), isolate(f.adopted_value)
    if f.draft_value and f.adopted_value:
        return f"{_capital(name)} différent{e}{NNBSP}: {a} dans le projet, {b} dans le texte adopté"
    if f.draft_value:
        return f"Le projet contient {the} {a}, absent{e} du texte adopté"
    return f"Le texte adopté contient {the} {b}, absent{e} du projet"


def _adverbs(value: str, language: str) -> str:
    classes = [c for c in str(value or "").split("/") if c]
    if language == "fr":
        return " / ".join(_ADVERB_FR.get(c, c) for c in classes) or "aucun adverbe additif"
    return " / ".join(classes) or "no additive adverb"


def _opening_en(f, p: Mapping[str, Any]) -> str:
    a, b = p.get("draft_opening", f.draft_value), p.get("adopted_opening", f.adopted_value)
    if p.get("check") == "verb":
        return (f"Opening verb: the draft opens \u201c{a}\u201d, the adopted text opens \u201c{b}\u201d"
                + ("" if p.get("same_language", True) else ", which the phrase table does not pair"))
    return (f"Opening phrase: the draft opens \u201c{a}\u201d ({_adverbs(p.get('draft_adverbs'), 'en')}), "
            f"the adopted text opens \u201c{b}\u201d ({_adverbs(p.get('adopted_adverbs'), 'en')})")


def _opening_fr(f, p: Mapping[str, Any]) -> str:
    a, b = p.get("draft_opening", f.draft_value), p.get("adopted_opening", f.adopted_value)
    q = lambda text: f"«{NNBSP}{text}{NNBSP}»"   # noqa: E731
    if p.get("check") == "verb":
        return (f"Verbe liminaire{NNBSP}: le projet commence par {q(a)}, le texte adopté par {q(b)}"
                + ("" if p.get("same_language", True) else ", que la table de correspondance n’associe pas"))
    return (f"Formule liminaire{NNBSP}: le projet commence par {q(a)} ({_adverbs(p.get('draft_adverbs'), 'fr')}), "
            f"le texte adopté par {q(b)} ({_adverbs(p.get('adopted_adverbs'), 'fr')})")


def _count(f, p, lang):
    section = p.get("section", "")
    n_a, n_b = p.get("draft_count", f.draft_value), p.get("adopted_count", f.adopted_value)
    if lang == "fr":
        return (f"{_UNITS_FR.get(section, 'paragraphes').capitalize()} {_SECTION_FR.get(section, section)}{NNBSP}: "
                f"{n_a} dans le projet, "
                f"{n_b} dans le texte adopté")
    return f"{_SECTION_EN.get(section, section).capitalize()} paragraphs: {n_a} in the draft, {n_b} in the adopted text"


def _label_skip(f, p, lang):
    section = p.get("section", "")
    prev, nxt, missing = p.get("previous", ""), p.get("next", ""), p.get("missing", "")
    if lang == "fr":
        return (f"Projet{NNBSP}: la numérotation des {_UNITS_FR.get(section, 'paragraphes')} "
                f"{_SECTION_FR.get(section, section)} passe de "
                f"{prev} à {nxt} (il manque {missing})")
    return f"Draft {_SECTION_EN.get(section, section)} labels skip from {prev} to {nxt} (no {missing})"


def _label_duplicate(f, p, lang):
    section, number = p.get("section", ""), p.get("number", f.draft_value)
    if lang == "fr":
        return (f"Projet{NNBSP}: le numéro {number} figure deux fois parmi les {_UNITS_FR.get(section, 'paragraphes')} "
                f"{_SECTION_FR.get(section, section)}")
    return f"Draft {_SECTION_EN.get(section, section)} label {number} is used twice"


def _footnote(f, p, lang):
    n_a, n_b = p.get("draft_count", f.draft_value), p.get("adopted_count", f.adopted_value)
    side, notes = p.get("side", "adopted"), p.get("notes", "")
    if lang == "fr":
        where = "le projet" if side == "draft" else "le texte adopté"
        return (f"Notes de bas de page{NNBSP}: {n_a} dans le projet, {n_b} dans le texte adopté "
                f"(seulement dans {where}{NNBSP}: {notes})")
    where = "draft" if side == "draft" else "adopted text"
    return f"Footnotes: {n_a} in the draft, {n_b} in the adopted text (only in the {where}: {notes})"


def _language(f, p, lang):
    side = p.get("side", "draft")
    if lang == "fr":
        whose = "du projet" if side == "draft" else "du texte adopté"
        return (f"La langue {whose} n’a pas pu être déterminée{NNBSP}: il est comparé comme s’il était "
                f"rédigé dans la même langue que l’autre texte")
    whose = "draft" if side == "draft" else "adopted text"
    return (f"The language of the {whose} could not be determined: it is compared as if written in the same "
            f"language as the other text")


def _bis(f, p, lang):
    label, landing = p.get("label", f.draft_value), p.get("landing", "none")
    if lang == "fr":
        the = "L’alinéa" if str(label).upper().startswith("PP") else "Le paragraphe"     # preambular: alinéa
        if landing == "paragraph":
            where = _WHERE_FR.get(p.get("kind", "other"), _WHERE_FR["other"]).format(n=p.get("number", ""))
            return f"{the} {label} du projet est devenu {where} du texte adopté"
        if landing == "label":
            return f"{the} {label} du projet est devenu {p.get('target', '')} dans le texte adopté"
        if landing == "pair":
            return f"{the} {label} du projet a son pendant dans le texte adopté"
        return f"{the} {label} du projet ne figure pas dans le texte adopté"
    if landing == "paragraph":
        return f"Draft {label} became {p.get('kind', 'other')} paragraph {p.get('number', '')} of the adopted text"
    if landing == "label":
        return f"Draft {label} became {p.get('target', '')} of the adopted text"
    if landing == "pair":
        return f"Draft {label} became its pair of the adopted text"
    return f"Draft {label} is not in the adopted text"


def _other(f, p, lang):
    """A code this module has no sentence for (a newer engine): its code and values, never nothing."""
    a, b = isolate(f.draft_value) or "\u2014", isolate(f.adopted_value) or "\u2014"
    if lang == "fr":
        return f"{f.code}{NNBSP}: projet {a}, texte adopté {b}"
    return f"{f.code}: draft {a}, adopted text {b}"


_SENTENCES = {"count": _count, "label-skip": _label_skip, "label-duplicate": _label_duplicate,
              "footnote": _footnote, "language": _language, "bis": _bis}


def describe(finding, language: str = "en") -> str:
    """The finding as one sentence in ``language`` ("en" or "fr"; anything else gives English)."""
    lang = language_of(language)
    params = dict(finding.params)
    code = finding.code
    if code in VALUE_CODES or code == "ordinal":
        return (_value_fr if lang == "fr" else _value_en)(finding, params)
    if code == "opening":
        return (_opening_fr if lang == "fr" else _opening_en)(finding, params)
    sentence = _SENTENCES.get(code)
    if sentence is None:
        log.debug("no sentence for finding code %r; its values are shown", code)
        return _other(finding, params, lang)
    return sentence(finding, params, lang)


# -- a paragraph's history along a negotiation trail (app.core.trail) ---------------------------------



def trail_term(key: str, language: str = "en", **values: Any) -> str:
    """A word of the trail sheet, history or summary ("title", "head.history" ...): ``term("trail." +
    key)``; a key this module does not know raises KeyError."""
    return term(f"trail.{key}", language, **values)


def _bracketed(label: str) -> str:
    """A label in brackets, once: "PP4bis" -> "(PP4bis)", "(b)" stays "(b)"."""
    return label if label.startswith("(") else f"({label})"


def trail_history(thread, names, language: str = "en") -> str:
    """A thread of a negotiation trail as one line: "added in rev.1 as PP4bis; changed in rev.2 (now
    PP5); moved in L.12; unchanged since L.12". ``thread``: an app.core.trail.Thread (its stages'
    event, label, version, edited); ``names``: the version names. Version names and labels are the
    documents' own and are not translated."""
    def words(key: str, **values: Any) -> str:
        return trail_term(key, language, **values)

    parts: list[str] = []
    label, last_event = "", 0
    for stage in thread.stages:
        event, v = stage.event.value, names[stage.version]
        if event in ("absent",):
            continue
        if event == "unchanged":
            if stage.label and label and stage.label != label:
                parts.append(words("renumbered", label=stage.label, v=v))
                last_event = stage.version
            label = stage.label or label
            continue
        if event in ("original", "added"):
            key = event if stage.label else f"{event}.plain"
            parts.append(words(key, v=v, label=stage.label, bracketed=_bracketed(stage.label)))
        elif event == "dropped":
            parts.append(words("dropped", v=v))
        else:
            key = "moved.edited" if event == "moved" and stage.edited else event
            text = words(key, v=v)
            if stage.label and label and stage.label != label:
                text = words("now", event=text, label=stage.label)
            parts.append(text)
        label = stage.label or label
        last_event = stage.version
    if thread.stages[-1].present and last_event < len(thread.stages) - 1:
        parts.append(words("since", v=names[last_event]))
    return words("join").join(parts)
