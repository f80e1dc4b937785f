"""Text copied out of a PDF and Markdown with notes: reflow, page furniture, notes and their markers."""
from __future__ import annotations

from app.core.model import Kind
from app.io.pipeline import load_document

WRAPPED = """United Nations
A/RES/79/12

General Assembly
Distr.: General
3 December 2024
24-22001 (E)
*2422001*

79/12. Cooperation between the United Nations and regional organizations

The General Assembly,

Recalling its resolution 77/3 of 21 November 2022 on cooperation between the United
Nations and regional organizations, and the report of the Secretary-General on the imple-
mentation of that resolution,1

Noting the implementation of the programme of work, which the Assembly considers a non-
binding framework for the regional commissions,

1.
Welcomes the strengthened cooperation between the United Nations and regional
organizations in the maintenance of international peace and security, and encourages the
_______________

1 A/79/283.

A/RES/79/12
Cooperation between the United Nations and regional organizations

24-22001
2/2

regional organizations to continue their engagement with the United Nations system;

2.
Decides to include in the provisional agenda of its eighty-first session the item.

52nd plenary meeting
3 December 2024
"""


def test_text_copied_from_a_pdf_reads_as_its_paragraphs(tmp_path):
    path = tmp_path / "pasted.txt"
    path.write_text(WRAPPED, encoding="utf-8")
    doc = load_document(path)
    texts = [p.text for p in doc.paragraphs]
    assert doc.resolution_number == "79/12"
    # the page's furniture is gone: symbol, job number, barcode, running head, page number
    assert not {"A/RES/79/12", "24-22001 (E)", "2422001", "24-22001", "2/2",
                "Cooperation between the United Nations and regional organizations"} & set(texts)
    recalling = next(t for t in texts if t.startswith("Recalling"))
    # wrapped lines joined; a line-end hyphen dropped only where the joined word is a word of the text
    assert "between the United Nations and regional" in recalling
    assert "implementation of that resolution,¹" in recalling          # "imple-" + "mentation"; note 1 marked
    noting = next(t for t in texts if t.startswith("Noting"))
    assert "a non-binding framework" in noting                          # "non-" + "binding": kept
    # the operative number stays with its paragraph, and the page break does not cut paragraph 1
    one = next(p for p in doc.paragraphs if p.label == "1" and p.kind is not Kind.FOOTNOTE)
    assert one.kind is Kind.OPERATIVE
    assert one.text.endswith("and encourages the regional organizations to continue their engagement with "
                             "the United Nations system;")
    note = doc.of_kind(Kind.FOOTNOTE)
    assert [n.text for n in note] == ["¹ A/79/283."]
    assert doc.paragraphs[note[0].index - 1].text == recalling        # placed after the paragraph citing it
    assert [p.text for p in doc.of_kind(Kind.FOOTER)] == ["52nd plenary meeting 3 December 2024"]
    assert any(w.startswith("hard-wrapped text") for w in doc.warnings)
    assert any("page furniture removed" in w and "job number" in w for w in doc.warnings)


MARKDOWN = """---
symbol: A/RES/80/99
language: EN
---

80/99. A title

The General Assembly,

Recalling the Charter of the United Nations,[^1] and its resolution 70/1,2

1. Decides to remain seized of the matter.

5th plenary meeting 1 October 2025

---

[^1]: Charter of the United Nations, signed at
    San Francisco on 26 June 1945.

[^2]: Resolution 70/1.
"""


def test_markdown_front_matter_is_metadata_and_notes_are_notes(tmp_path):
    path = tmp_path / "r.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    doc = load_document(path)
    assert dict(doc.metadata) == {"symbol": "A/RES/80/99", "language": "EN"}
    assert doc.language == "en"
    texts = [p.text for p in doc.paragraphs]
    assert not [t for t in texts if "symbol" in t or t == "---"]
    assert texts[texts.index("Recalling the Charter of the United Nations,¹ and its resolution 70/1,²") + 1:][:2] == [
        "¹ Charter of the United Nations, signed at San Francisco on 26 June 1945.", "² Resolution 70/1."]
    assert [n.label for n in doc.of_kind(Kind.FOOTNOTE)] == ["1", "2"]
    assert doc.paragraphs[-1].kind is Kind.FOOTER


def test_typed_text_keeps_a_paragraph_per_line(tmp_path):
    path = tmp_path / "typed.txt"
    path.write_text("Human Rights Council\nSixty-second session\nAgenda item 4\n\n"
                    "The Human Rights Council,\n\nRecalling its resolution 5/1,\n\n1. Decides to act;\n", encoding="utf-8")
    doc = load_document(path)
    assert [p.text for p in doc.paragraphs][:3] == ["Human Rights Council", "Sixty-second session", "Agenda item 4"]
    assert doc.warnings == ()


def test_a_numbered_paragraph_run_into_the_one_before_is_split(tmp_path):
    path = tmp_path / "runin.md"
    path.write_text("The General Assembly,\n\n1. Welcomes the report.\n\n"
                    "2. Requests a study on the matter.3 3. Decides to continue, in paragraph 3. Also to act.\n",
                    encoding="utf-8")
    doc = load_document(path)
    assert [p.label for p in doc.of_kind(Kind.OPERATIVE)] == ["1", "2", "3"]
    assert doc.of_kind(Kind.OPERATIVE)[2].text == "3. Decides to continue, in paragraph 3. Also to act."
