"""PDF and OpenDocument input: a UN-like resolution made by Word (header symbol, job number and page X/Y
in the footer, a footnote, an annex), printed to PDF and saved as .odt by LibreOffice, reads as the same
paragraphs as its Word source; damaged, encrypted and image-only PDFs are refused with one line."""
from __future__ import annotations

import pytest

from app.core.model import Kind, PairKind
from app.io.errors import InputError
from app.io.pipeline import compare_files, load_document
from conftest import SAMPLES, requires_libreoffice
from docx_fixtures import libreoffice_convert, un_resolution_docx

pytestmark = [pytest.mark.libreoffice, requires_libreoffice]


@pytest.fixture(scope="module")
def un_source(tmp_path_factory):
    work = tmp_path_factory.mktemp("un")
    return un_resolution_docx(SAMPLES / "adopted_en.txt", work / "resolution.docx")


@pytest.fixture(scope="module")
def un_pdf(un_source):
    return un_source, libreoffice_convert(un_source, "pdf", un_source.parent)


@pytest.mark.parametrize("fmt", ["pdf", "odt"])
def test_pdf_and_odt_read_as_their_word_source(un_source, fmt):
    converted = libreoffice_convert(un_source, fmt, un_source.parent)
    comparison = compare_files(un_source, converted)
    word, printed = comparison.draft, comparison.adopted
    body = [p for p in word.paragraphs if not p.kind.is_page]
    assert len([p for p in printed.paragraphs if not p.kind.is_page]) == len(body)
    running = {i for i, p in enumerate(word.paragraphs) if p.kind.is_page}     # Word's page header and footer
    assert {pair.kind for pair in comparison.pairs if not set(pair.draft) <= running} == {PairKind.EQUAL}
    assert [p.kind for p in printed.paragraphs if not p.kind.is_page] == [p.kind for p in body]
    assert printed.resolution_number == word.resolution_number == "62/15"
    # the note is a note, placed after the paragraph that cites it, its marker a superscript there
    notes = printed.of_kind(Kind.FOOTNOTE)
    assert [n.text for n in notes] == ["¹ A/HRC/62/41."]
    citing = printed.paragraphs[notes[0].index - 1]
    assert citing.text.endswith("Examplia,¹") and citing.footnote_refs == ("1",)
    # running head and foot (symbol, job number, page n/m) are not text of the document
    texts = {p.text for p in printed.paragraphs if not p.kind.is_page}
    assert not texts & {"A/HRC/RES/62/15", "GE.26-05123(E)", "1/2", "2/2"}
    if fmt == "pdf":
        assert any("furniture removed" in w for w in printed.warnings)
    else:      # the .odt keeps them as what they are
        assert [p.text for p in printed.of_kind(Kind.PAGE_HEADER)] == ["A/HRC/RES/62/15"]
    # the annex is its own part with its numbered paragraphs
    annex = printed.of_kind(Kind.ANNEX)
    assert [p.label for p in annex if p.label] == ["1", "2", "3"]
    # italics survive: the preambular openings are italic in the Word file
    guided = next(p for p in printed.paragraphs if p.text.startswith("Guided"))
    assert guided.runs and guided.runs[0].text == "Guided" and guided.runs[0].italic


def test_pdf_sources_name_the_page(un_pdf):
    _, pdf = un_pdf
    doc = load_document(pdf)
    assert doc.paragraphs[0].source == "page 1"
    assert doc.paragraphs[-1].source == "page 2"


def test_damaged_encrypted_and_image_only_pdfs_are_refused(un_pdf, tmp_path):
    source, pdf = un_pdf
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(pdf.read_bytes()[:3000])
    with pytest.raises(InputError, match="damaged or truncated"):
        load_document(truncated)
    encrypted = tmp_path / "enc"
    encrypted.mkdir()
    locked = libreoffice_convert(source, 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
                                 '"DocumentOpenPassword":{"type":"string","value":"secret"}}', encrypted)
    with pytest.raises(InputError, match="password-protected"):
        load_document(locked.with_suffix(".pdf") if not locked.exists() else locked)
    import docx
    empty = tmp_path / "empty.docx"
    docx.Document().save(str(empty))
    with pytest.raises(InputError, match="no text layer"):
        load_document(libreoffice_convert(empty, "pdf", tmp_path))


def test_a_text_layer_of_one_repeated_glyph_is_reported():
    from app.core.model import Paragraph
    from app.io.pdf_reader import undecoded
    glyphs = [Paragraph(index=0, text="大大大大 大大大大大大 大大大 大大大大大大大大 大大")]
    assert undecoded(glyphs)
    for text in ("Reaffirming the Universal Declaration of Human Rights and the International Covenants",
                 "人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。",
                 "يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا"):
        assert not undecoded([Paragraph(index=0, text=text)]), text
