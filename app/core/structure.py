"""Recognise the parts of a UN resolution and parse negotiation labels.

Header block, title (with the resolution number), the body that speaks ("The Human Rights Council,"),
preambular and operative paragraphs, sub-paragraphs, footnotes (also when a note sits mid-text after a
page break), the footer (meeting, date, adoption) and an annex (a declaration or programme the
resolution adopts: its own headings and numbered paragraphs, kind ANNEX, counted apart). Labels as negotiators type them (``PP1.``,
``PP 21``, ``PP9``, ``PP15bis``, ``OP3``, ``3.`` + tab, ``(a)``, ``a)``) become ``prefix``/``label`` so
that the comparable body never contains them. Labels are hints: the section sweep decides the kind.
"""
from __future__ import annotations

import re

from app.core.language import detect
from app.core.model import Document, Kind, Paragraph

_SUFFIX = r"bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies"
PPOP_LABEL = re.compile(rf"^(?P<sec>PP|OP)\s?(?P<num>\d{{1,3}})\s?(?P<suf>{_SUFFIX})?\s*[.:)]?(?P<gap>[ \t\u00a0]+|$)",
                        re.IGNORECASE)
# "3. Decides", "3.\tDecides", "3bis. …"; also "3.Decides" as some HTML and PDF exports run the list
# number into the text (a capital letter after the point: "3.5 million" is a number, not a label).
# A number Word draws from a list may be large (a list that starts at 1000): up to Word's 32767.
DRAWN_NUMBER = re.compile(rf"^(?P<num>\d{{1,5}})\s?(?P<suf>{_SUFFIX})?\s*[.)](?P<gap>[ \t\u00a0]+)(?=\S)")
# Arabic UN texts number operative paragraphs "1 - تقرر".
NUMBER_LABEL = re.compile(rf"^(?P<num>\d{{1,3}})\s?(?P<suf>{_SUFFIX})?(?:\s*[.)]|\s+[-\u2013])"
                          rf"(?P<gap>[ \t\u00a0]+(?=\S)|(?=[A-Z]))")
# Sub-paragraph labels of the six languages: "(a)", "a)", "(iv)", Cyrillic "а)", Arabic "(أ)" / "أ)",
# Chinese "(一)" / "（一）".
SUB_LABEL = re.compile(r"^(?P<lab>[(（]?(?P<x>[a-z]{1,2}|[ivxlc]{1,6}|[а-я]{1,2}|[\u0621-\u064a]{1,2}|"
                       r"[一二三四五六七八九十]{1,3})[)）])(?P<gap>[ \t\u00a0]+|(?=[\u0600-\u06ff\u4e00-\u9fff]))(?=\S)")
# The resolution number opening the title, as printed and as extracted from PDFs: "61/37. ", "61/37 . ",
# "34/39.Technical" (no space), "ES-11/4. ", "S-32/2. ", "A/RES/80/6. " (the symbol for the number).
TITLE_NUMBER = re.compile(r"^(?:A/RES/)?(?P<res>(?:ES|S)-\d{1,2}/\d{1,4}|\d{1,4}/\d{1,4})[ \u00a0]?\."
                          r"(?P<gap>[ \t\u00a0]*)(?=[^\W\d_]|\d{4}\b|[\u201c\"(])")
TITLE_PLACEHOLDER = re.compile(r"^(?:[_.\u2026 ]*/[_.\u2026 ]*)?[_\u2026.]{0,6}\.(?P<gap>[\t ]+)(?=\S)")
FOOTNOTE_LINE = re.compile(r"^(?P<mark>[\u00b9\u00b2\u00b3\u2070-\u2079]+|\*{1,3}|\[\d+\])(?P<gap>[ \t\u00a0]*)(?=\S)")
FOOTNOTE_REF = re.compile(r"[\u00b9\u00b2\u00b3\u2074-\u2079\u2070]+")
# The body that speaks, in the six languages: "The Human Rights Council,", "L’Assemblée générale,",
# "La Asamblea General,", "Генеральная Ассамблея,", "إن الجمعية العامة،", "大会，". The comma may be
# missing when the line is short (UDHR: "The General Assembly" / "Proclaims …").
_BODIES = (r"council|assembly|conseil|assembl[ée]e|consejo|asamblea|commission|comisi[óo]n|conference|"
           r"conf[ée]rence|conferencia")
INTRO = re.compile(
    rf"^(?:the|le|la|l['’]|el)\s*[^,]{{0,60}}?\b(?:{_BODIES})\b(?:[^,]{{0,60}},|[^,.;:]{{0,30}})$|"
    r"^(?:Генеральная\s+Ассамблея|Совет\s+по\s+правам\s+человека|Совет\s+Безопасности|Экономический\s+и\s+"
    r"Социальный\s+Совет)[^,.;]{0,40},?$|"
    r"^(?:إن|فإن)?\s*(?:الجمعية\s+العامة|مجلس\s+حقوق\s+الإنسان|مجلس\s+الأمن|المجلس\s+الاقتصادي\s+والاجتماعي)"
    r"[^،,.]{0,40}[،,]?$|"
    r"^(?:大会|人权理事会|安全理事会|经济及社会理事会)[，,]?$", re.IGNORECASE)
# Where an annex begins: "Annex", "Annex II", "Annexe", "Anexo", alone or with the annex's title run in.
ANNEX = re.compile(r"^(?:annex|annexe|anexo)(?:\s+[IVX]{1,4}\b)?(?:\s*$|\s+(?=[\w\u201c\"]))", re.IGNORECASE)
HEADER_HINT = re.compile(
    r"^(?:distr\.?|original|english|french|spanish|anglais|français|espagnol|inglés|francés|español|"
    r"general assembly|assemblée générale|asamblea general|human rights council|conseil des droits|"
    r"consejo de derechos|agenda item|point \d+ de l|tema \d+ del|resolution adopted|résolution adoptée|"
    r"resolución aprobada|draft resolution|projet de résolution|proyecto de resolución|united nations|"
    r"nations unies|naciones unidas|a/hrc/|a/res/|a/\d+/|\w+(?:-\w+)? session|\w+ session$|\d{1,2}(?:er)? \w+ \d{4}$)",
    re.IGNORECASE)
# The meeting line in the six languages: "3rd plenary meeting", "3e séance plénière", "3a sesión plenaria",
# "3-е пленарное заседание", "الجلسة العامة 3", "第3次全体会议".
MEETING = re.compile(
    r"^\[?\s*(?:\d+(?:st|nd|rd|th|e|re|ª|a)?\s+(?:plenary\s+)?(?:meeting|séance|sesión)\b|"
    r"\d+-?(?:е|я|й)?\s+(?:пленарное\s+)?заседание|الجلسة(?:\s+العامة)?\s+\d+|第\s*\d+\s*次(?:全体)?会议)", re.IGNORECASE)
FOOTER_HINT = re.compile(
    rf"(?:{MEETING.pattern[1:]})|"
    r"^\[?\s*(?:adopted|adoptée?|aprobad[ao]|принята|принято|اعتمد|اعتُمد|未经表决|经记录表决|\d{1,2}(?:er)? \w+ \d{4}$)",
    re.IGNORECASE)
SUPERSCRIPT = str.maketrans("\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079", "1230456789")


def _labelled(p: Paragraph, kind: Kind, match: re.Match, label: str, number: int | None, suffix: str) -> Paragraph:
    return p.evolve(kind=kind, prefix=p.text[:match.end()], label=label, number=number, suffix=suffix.lower())


def parse_label(p: Paragraph) -> Paragraph:
    """Attach a negotiation or numbering label when the paragraph starts with one (kind is a hint)."""
    text = p.text
    m = PPOP_LABEL.match(text)
    if m and (m.end() < len(text)):
        sec = m.group("sec").upper()
        suf = (m.group("suf") or "").lower()
        kind = Kind.PREAMBLE if sec == "PP" else Kind.OPERATIVE
        return _labelled(p, kind, m, f"{sec}{int(m.group('num'))}{suf}", int(m.group("num")), suf)
    m = NUMBER_LABEL.match(text)
    if m:
        suf = (m.group("suf") or "").lower()
        return _labelled(p, Kind.OPERATIVE, m, f"{int(m.group('num'))}{suf}", int(m.group("num")), suf)
    m = SUB_LABEL.match(text)
    if m:
        x = m.group("x")
        return _labelled(p, Kind.SUBPARAGRAPH, m, f"({x})", None, "")
    return _numbered(p)


def _numbered(p: Paragraph) -> Paragraph:
    """A Word list label ("3.", "(a)") drawn by Word, not typed: a label without a prefix in the text."""
    m = DRAWN_NUMBER.match(p.numbering + " x") if p.numbering else None
    if m:
        suf = (m.group("suf") or "").lower()
        return p.evolve(kind=Kind.OPERATIVE, label=f"{int(m.group('num'))}{suf}", number=int(m.group("num")),
                       suffix=suf)
    m = SUB_LABEL.match(p.numbering + " x") if p.numbering else None
    if m:
        return p.evolve(kind=Kind.SUBPARAGRAPH, label=f"({m.group('x')})")
    return p


def _is_footnote(p: Paragraph) -> re.Match | None:
    """A typed note line ("¹ Including …"); not a paragraph that opens with a note reference the
    reader saw as one (``footnote_refs``, a Word w:footnoteReference)."""
    m = FOOTNOTE_LINE.match(p.text)
    if m and (m.group("gap") or not m.group("mark").startswith("*")):
        if m.group("mark").translate(SUPERSCRIPT).strip("[]") in p.footnote_refs:
            return None
        return m
    return None


def recognise(doc: Document) -> Document:
    """Return the document with kinds, labels, ordinals, resolution number and language filled in.
    Page headers and footers (which readers put last) keep their kind and take no part in it."""
    paras = [p for p in doc.paragraphs if not p.kind.is_page]
    running = list(doc.paragraphs[len(paras):])
    if not paras:
        return doc
    intro_at = next((i for i, p in enumerate(paras[:80]) if p.kind is not Kind.FOOTNOTE and INTRO.match(p.text)), None)
    body_start = 0
    resolution = ""
    if intro_at is not None:
        paras[intro_at] = paras[intro_at].evolve(kind=Kind.INTRO)
        title_at = _title_index(paras, intro_at)
        for i in range(intro_at):
            if paras[i].kind is Kind.FOOTNOTE:
                continue
            paras[i] = paras[i].evolve(kind=Kind.HEADER)
        if title_at is not None:
            paras[title_at], resolution = _as_title(paras[title_at])
        body_start = intro_at + 1
    else:
        body_start = _leading_header(paras)
    _sweep_body(paras, body_start)
    paras = _ordinals(paras)
    if doc.language != "und":                         # the file says which (HTML lang, front matter)
        language, confidence = doc.language, 1.0
    else:
        language, confidence = detect(p.body for p in paras if p.kind.is_body or p.kind is Kind.OTHER)
        if language == "und":                          # a text too short or odd in its body: try all of it
            language, confidence = detect(p.text for p in paras)
    return doc.with_paragraphs(tuple(paras + running), language=language, language_confidence=confidence,
                               resolution_number=resolution or doc.resolution_number)


def _title_index(paras: list[Paragraph], intro_at: int) -> int | None:
    for i in range(intro_at - 1, max(-1, intro_at - 4), -1):
        p = paras[i]
        if p.kind is Kind.FOOTNOTE:
            continue
        if TITLE_NUMBER.match(p.text) or TITLE_PLACEHOLDER.match(p.text):
            return i
        if not HEADER_HINT.match(p.text):
            return i
        return None
    return None


def _as_title(p: Paragraph) -> tuple[Paragraph, str]:
    m = TITLE_NUMBER.match(p.text)
    if m:
        return p.evolve(kind=Kind.TITLE, prefix=p.text[:m.end()]), m.group("res")
    m = TITLE_PLACEHOLDER.match(p.text)
    if m:
        return p.evolve(kind=Kind.TITLE, prefix=p.text[:m.end()]), ""
    return p.evolve(kind=Kind.TITLE), ""


def _leading_header(paras: list[Paragraph]) -> int:
    """Without an intro line: short header-like lines before the first labelled paragraph."""
    n = 0
    while n < len(paras) and n < 20 and HEADER_HINT.match(paras[n].text) and not parse_label(paras[n]).label:
        paras[n] = paras[n].evolve(kind=Kind.HEADER)
        n += 1
    return n


def _sweep_body(paras: list[Paragraph], start: int) -> None:
    """Preamble until the first operative label, then operative part, then footer."""
    section = Kind.PREAMBLE if start > 0 else Kind.OTHER
    ended = False       # the last operative paragraph ended with a full stop: what follows is footer
    for i in range(start, len(paras)):
        p = paras[i]
        if p.kind is Kind.FOOTNOTE:
            continue
        m = _is_footnote(p)
        if m:
            mark = m.group("mark").translate(SUPERSCRIPT).strip("[]")
            paras[i] = p.evolve(kind=Kind.FOOTNOTE, prefix=p.text[:m.end()], label=mark)
            continue
        labelled = parse_label(p)
        refs = tuple(r.translate(SUPERSCRIPT) for r in FOOTNOTE_REF.findall(labelled.body[-40:]))
        if refs:
            labelled = labelled.evolve(footnote_refs=refs)
        if section is Kind.ANNEX or ((ended or section is Kind.OPERATIVE) and ANNEX.match(p.text)):
            section = Kind.ANNEX      # an annex's paragraphs keep their labels and are counted apart
            paras[i] = labelled.evolve(kind=Kind.ANNEX) if labelled.kind is not Kind.SUBPARAGRAPH else labelled
            continue
        if ended or (not labelled.label and (MEETING.match(p.text) or (
                section is Kind.OPERATIVE and FOOTER_HINT.match(p.text)))):
            paras[i] = p.evolve(kind=Kind.FOOTER)
            ended = True
            continue
        if labelled.kind is Kind.SUBPARAGRAPH:
            paras[i] = labelled if section is not Kind.OTHER else labelled.evolve(kind=Kind.OTHER)
            continue
        if labelled.kind is Kind.OPERATIVE:
            section = Kind.OPERATIVE
        elif labelled.kind is Kind.PREAMBLE:
            if section is Kind.OPERATIVE:
                labelled = labelled.evolve(kind=Kind.OPERATIVE)
            else:
                section = Kind.PREAMBLE
        else:
            labelled = labelled.evolve(kind=section)
        paras[i] = labelled
        if section is Kind.OPERATIVE and labelled.label and labelled.text.rstrip().endswith((".", "。")):
            ended = _last_operative(paras, i)


def _last_operative(paras: list[Paragraph], i: int) -> bool:
    """A full stop ends the operative part only when no labelled paragraph follows (a "PP3." placed
    after the operative paragraphs of a draft is still part of the text, not its footer)."""
    for q in paras[i + 1:i + 40]:
        if q.kind is Kind.FOOTNOTE or _is_footnote(q):
            continue
        if parse_label(q).kind in (Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH):
            return False
    return True


def _ordinals(paras: list[Paragraph]) -> list[Paragraph]:
    counts = {Kind.PREAMBLE: 0, Kind.OPERATIVE: 0, Kind.SUBPARAGRAPH: 0, Kind.FOOTNOTE: 0, Kind.ANNEX: 0}
    out = []
    for p in paras:
        if p.kind in (Kind.PREAMBLE, Kind.OPERATIVE):
            counts[Kind.SUBPARAGRAPH] = 0
        if p.kind in counts:
            counts[p.kind] += 1
            p = p.evolve(ordinal=counts[p.kind])
        out.append(p)
    return out
