"""Equal words formatted otherwise (an italic operative verb no longer italic, a word made bold) are a
formatting change: reported on the pair, counted, shown as a change, and tracked in the Word file as
w:rPrChange; with "ignore formatting" they are neither reported nor tracked."""
from __future__ import annotations

import zipfile

import docx

from app.core.compare import compare_documents
from app.core.model import CompareOptions, Document, PairKind, Paragraph, Run
from app.io.export_tracked import export_tracked
from app.io.pipeline import compare_files
from widgets.rows import effective_kind


def _doc(name: str, italic: bool) -> Document:
    verb = Run("Urges", italic=italic)
    rest = Run(" all parties to respect the ceasefire;")
    return Document(path=name, paragraphs=(
        Paragraph(0, "Recalling its earlier resolutions,", runs=(Run("Recalling its earlier resolutions,"),)),
        Paragraph(1, verb.text + rest.text, runs=(verb, rest)),
    ))


def test_italic_lost_on_equal_words_is_a_formatting_change():
    c = compare_documents(_doc("d.txt", italic=True), _doc("a.txt", italic=False))
    flagged = [p for p in c.pairs if p.formatting_changed]
    assert len(flagged) == 1 and flagged[0].kind is PairKind.EQUAL
    assert effective_kind(c, flagged[0]) is PairKind.CHANGED
    assert c.stats.formatting == 1
    assert not any(p.formatting_changed for p in c.pairs if p is not flagged[0])


def test_ignore_formatting_reports_nothing():
    c = compare_documents(_doc("d.txt", italic=True), _doc("a.txt", italic=False),
                          CompareOptions(ignore_formatting=True))
    assert not any(p.formatting_changed for p in c.pairs) and c.stats.formatting == 0


def test_same_formatting_is_no_change():
    c = compare_documents(_doc("d.txt", italic=True), _doc("a.txt", italic=True))
    assert not any(p.formatting_changed for p in c.pairs)


def _word(path, bold: bool):
    document = docx.Document()
    p = document.add_paragraph()
    p.add_run("Strongly condemns").bold = bold
    p.add_run(" the attacks on civilians;")
    document.save(path)
    return path


def test_the_tracked_file_records_the_formatting_change_unless_ignored(tmp_path):
    draft, adopted = _word(tmp_path / "d.docx", False), _word(tmp_path / "a.docx", True)
    c = compare_files(draft, adopted)
    assert [p.formatting_changed for p in c.pairs] == [True]
    xml = zipfile.ZipFile(export_tracked(c, tmp_path / "t.docx", author="R")).read("word/document.xml").decode()
    assert xml.count("<w:rPrChange ") == 1 and "<w:ins " not in xml and "<w:del " not in xml
    quiet = compare_files(draft, adopted, CompareOptions(ignore_formatting=True))
    assert not quiet.pairs[0].formatting_changed
    xml = zipfile.ZipFile(export_tracked(quiet, tmp_path / "q.docx", author="R")).read("word/document.xml").decode()
    assert "<w:rPrChange " not in xml


# -- the run-length formatting (compare.compared_formats) against the character-by-character reading ------

from hypothesis import given, settings, strategies as st  # noqa: E402

from app.core.compare import compared_formats  # noqa: E402

_FLAGS = st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans())


def _per_character(doc: Document, indexes, ignore_labels: bool) -> list[tuple]:
    """Each character's flags, as the reader's runs give them: plain past the runs and at the joins."""
    out: list[tuple] = []
    for n, i in enumerate(indexes):
        p = doc.paragraphs[i]
        if n:
            out.append((False,) * 4)
        flags = [(r.bold, r.italic, r.underline, r.superscript) for r in p.runs for _ in r.text]
        flags += [(False,) * 4] * (len(p.text) - len(flags))
        out += flags[len(p.prefix):] if ignore_labels else flags
    return out


@st.composite
def _paragraphs(draw):
    paras = []
    for index in range(draw(st.integers(1, 3))):
        runs = tuple(Run(draw(st.text("ab ", min_size=0, max_size=5)), *draw(_FLAGS))
                     for _ in range(draw(st.integers(0, 4))))
        text = "".join(r.text for r in runs) + draw(st.text("c", max_size=3))
        prefix = text[:draw(st.integers(0, len(text)))]
        paras.append(Paragraph(index, text, prefix=prefix, runs=runs))
    return Document(path="x.docx", paragraphs=tuple(paras))


@settings(max_examples=300, deadline=None)
@given(_paragraphs(), st.booleans(), st.data())
def test_run_length_formatting_reads_as_the_characters_do(doc, ignore_labels, data):
    indexes = list(range(len(doc.paragraphs)))
    chars = _per_character(doc, indexes, ignore_labels)
    fmt = compared_formats(doc, indexes, CompareOptions(ignore_labels=ignore_labels))
    assert fmt.length == len(chars)
    start = data.draw(st.integers(0, len(chars)))
    n = data.draw(st.integers(0, len(chars) - start))
    expected = [(1, f) for f in chars[start:start + n]]
    merged: list[tuple[int, tuple]] = []
    for length, flag in expected:                      # the same stretch, merged as segments() gives it
        if merged and merged[-1][1] == flag:
            merged[-1] = (merged[-1][0] + length, flag)
        else:
            merged.append((length, flag))
    assert fmt.segments(start, n) == merged
