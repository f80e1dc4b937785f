"""Structure recognition: labels, sections, header/title/intro/footnote/footer, language."""
from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.model import Document, Kind, Paragraph
from app.core.structure import parse_label, recognise
from app.io.text_reader import paragraphs_from_text


@pytest.mark.parametrize("text,label,prefix,number,suffix,kind", [
    ("PP1. Guided by the Charter,", "PP1", "PP1. ", 1, "", Kind.PREAMBLE),
    ("PP 21 Rappelant les conclusions,", "PP21", "PP 21 ", 21, "", Kind.PREAMBLE),
    ("PP9 Notant la promulgation,", "PP9", "PP9 ", 9, "", Kind.PREAMBLE),
    ("PP15bis. Saluant la criminalisation,", "PP15bis", "PP15bis. ", 15, "bis", Kind.PREAMBLE),
    ("PP22.  Affirmant notre soutien", "PP22", "PP22.  ", 22, "", Kind.PREAMBLE),
    ("OP3 ter. Requests the Office;", "OP3ter", "OP3 ter. ", 3, "ter", Kind.OPERATIVE),
    ("1. \tCondamne fermement", "1", "1. \t", 1, "", Kind.OPERATIVE),
    ("12.\tEncourage également", "12", "12.\t", 12, "", Kind.OPERATIVE),
    ("(a) To continue its work;", "(a)", "(a) ", None, "", Kind.SUBPARAGRAPH),
    ("ii) De poursuivre;", "(ii)", "ii) ", None, "", Kind.SUBPARAGRAPH),
])
def test_labels_are_parsed_and_stripped_from_the_body(text, label, prefix, number, suffix, kind):
    p = parse_label(Paragraph(0, text))
    assert (p.label, p.prefix, p.number, p.suffix, p.kind) == (label, prefix, number, suffix, kind)
    assert p.prefix + p.body == text


@pytest.mark.parametrize("text", ["2026 was a year.", "PPE is personal protective equipment.", "3/4 of States"])
def test_ordinary_openings_are_not_labels(text):
    assert parse_label(Paragraph(0, text)).label == ""


def doc(text: str) -> Document:
    return recognise(Document("x.txt", paragraphs_from_text(text)))


def test_a_general_assembly_resolution_in_spanish():
    d = doc("""Naciones Unidas
A/RES/79/1
Asamblea General
79/1. Pacto para el Futuro
La Asamblea General,
Recordando su resolución 76/6, de 15 de noviembre de 2021, y pide a los Estados que cooperen,
Reconociendo que los Estados tienen la responsabilidad de la paz y de la seguridad,
1. Decide aprobar el Pacto para el Futuro;
2. Decide también seguir ocupándose de la cuestión.
3a sesión plenaria
22 de septiembre de 2024
""")
    kinds = [p.kind for p in d.paragraphs]
    assert kinds == [Kind.HEADER] * 3 + [Kind.TITLE, Kind.INTRO, Kind.PREAMBLE, Kind.PREAMBLE,
                                          Kind.OPERATIVE, Kind.OPERATIVE, Kind.FOOTER, Kind.FOOTER]
    assert d.language == "es" and d.resolution_number == "79/1"
    assert [p.ordinal for p in d.of_kind(Kind.OPERATIVE)] == [1, 2]


def test_subparagraphs_and_a_mid_text_footnote():
    d = doc("""The Human Rights Council,
Recalling the report of the Special Rapporteur,¹
¹ A/HRC/61/76.
Noting with concern the situation,
1. Requests the Office:
(a) To provide assistance;
(b) To report to the Council;
2. Decides to remain seized of the matter.
""")
    by_text = {p.text[:12]: p for p in d.paragraphs}
    assert by_text["¹ A/HRC/61/7"].kind is Kind.FOOTNOTE and by_text["¹ A/HRC/61/7"].label == "1"
    assert by_text["Recalling th"].footnote_refs == ("1",)
    assert [p.ordinal for p in d.of_kind(Kind.PREAMBLE)] == [1, 2]
    assert [(p.label, p.ordinal) for p in d.of_kind(Kind.SUBPARAGRAPH)] == [("(a)", 1), ("(b)", 2)]
    assert [p.ordinal for p in d.of_kind(Kind.OPERATIVE)] == [1, 2]


def test_plain_text_without_resolution_parts_stays_unrecognised():
    d = doc("Alpha beta gamma.\nDelta epsilon.\n")
    assert {p.kind for p in d.paragraphs} == {Kind.OTHER}


def test_word_list_numbering_counts_as_a_label():
    paras = (Paragraph(0, "The Human Rights Council,"), Paragraph(1, "Recalling its resolutions,"),
             Paragraph(2, "Decides to act;", numbering="1."), Paragraph(3, "To report;", numbering="(a)"),
             Paragraph(4, "Decides to remain seized of the matter.", numbering="2."))
    d = recognise(Document("x.docx", paras))
    assert [(p.kind, p.label, p.prefix) for p in d.paragraphs[1:]] == [
        (Kind.PREAMBLE, "", ""), (Kind.OPERATIVE, "1", ""), (Kind.SUBPARAGRAPH, "(a)", ""),
        (Kind.OPERATIVE, "2", "")]


@pytest.mark.parametrize("title,number,body", [
    ("80/11. 2025 review of the peacebuilding architecture", "80/11", "2025 review of the peacebuilding architecture"),
    ("34/39.Technical assistance to Examplia", "34/39", "Technical assistance to Examplia"),
    ("ES-11/4. Principles of the Charter", "ES-11/4", "Principles of the Charter"),
    ("S-32/2. Situation of human rights", "S-32/2", "Situation of human rights"),
    ("A/RES/80/6. Cooperation with regional organizations", "80/6", "Cooperation with regional organizations"),
    ("61/37 . Protection of journalists", "61/37", "Protection of journalists"),
])
def test_resolution_numbers_in_every_printed_form(title, number, body):
    d = doc(f"General Assembly\n{title}\nThe General Assembly,\nRecalling its resolutions,\n1. Decides to act.\n")
    t = d.paragraphs[1]
    assert t.kind is Kind.TITLE and d.resolution_number == number and t.body == body


def test_an_intro_without_its_comma_and_a_single_unnumbered_operative_paragraph():
    d = doc("General Assembly\n80/9. A declaration\nThe General Assembly\nAdopts the declaration annexed "
            "to the present resolution.\n48th plenary meeting\n24 November 2025\nAnnex\nA declaration\n"
            "1. We, the States Members, welcome the plan;\n2. We commit to act.\n")
    assert [p.kind for p in d.paragraphs[2:6]] == [Kind.INTRO, Kind.PREAMBLE, Kind.FOOTER, Kind.FOOTER]
    annex = d.of_kind(Kind.ANNEX)
    assert [p.text for p in annex][:2] == ["Annex", "A declaration"]
    assert [p.label for p in annex if p.label] == ["1", "2"] and not d.of_kind(Kind.OPERATIVE)


@pytest.mark.parametrize("text", [
    "Генеральная Ассамблея,\nссылаясь на свою резолюцию 79/1,\n1. постановляет продолжить рассмотрение:\n"
    "а) просить Генерального секретаря представить доклад;\n2. постановляет продолжать заниматься этим вопросом.\n"
    "3-е пленарное заседание\n",
    "إن الجمعية العامة،\nإذ تشير إلى قرارها 79/1،\n1 - تقرر مواصلة النظر:\n(أ) أن تطلب إلى الأمين العام تقديم تقرير؛\n"
    "2 - تقرر أن تبقي المسألة قيد نظرها.\nالجلسة العامة 3\n",
    "大会，\n回顾其第79/1号决议，\n1. 决定继续审议：\n（一）请秘书长提交报告；\n2. 决定继续处理此事项。\n第3次全体会议\n",
])
def test_a_resolution_in_russian_arabic_and_chinese(text):
    d = doc(text)
    assert [p.kind for p in d.paragraphs] == [Kind.INTRO, Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH,
                                             Kind.OPERATIVE, Kind.FOOTER]
    assert [p.label for p in d.of_kind(Kind.OPERATIVE)] == ["1", "2"]


def test_a_word_list_that_starts_at_1000_is_still_the_operative_part():
    paras = paragraphs_from_text("The General Assembly,\nRecalling its resolutions,\nDecides to act;\nRequests a report.\n")
    numbered = tuple(replace(p, numbering=f"{1000 + k - 2}.") if k >= 2 else p for k, p in enumerate(paras))
    d = recognise(Document("x.docx", numbered))
    assert [p.label for p in d.of_kind(Kind.OPERATIVE)] == ["1000", "1001"]


def test_evolve_is_replace():
    """Paragraph.evolve gives what dataclasses.replace gives, and refuses what it refuses."""
    from dataclasses import replace as dc_replace

    import pytest as _pytest

    from app.core.model import Kind, Paragraph, Run
    p = Paragraph(3, "PP2. Recalling", runs=(Run("PP2. Recalling"),), source="line 4")
    changes = dict(kind=Kind.PREAMBLE, prefix="PP2. ", label="PP2", number=2, ordinal=2)
    assert p.evolve(**changes) == dc_replace(p, **changes) and p.kind is Kind.OTHER
    with _pytest.raises(ValueError):
        p.evolve(prefix="OP1. ")
    with _pytest.raises(TypeError):
        p.evolve(colour="red")
