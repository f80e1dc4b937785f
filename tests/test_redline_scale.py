"""The tracked export where its cost once grew faster than the document (issue #18): a long run of
tracked paragraph marks in an input, many notes, many moved paragraphs, files whose roots declare
different namespaces, long documents. Behaviour only, no timings: the revisions written, and what
accept-all and reject-all give (the reader's two views here; LibreOffice's in one batch at the end).
"""
from __future__ import annotations

import random
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from lxml import etree

from app.core.compare import compare_documents
from app.core.model import Document, Kind, Paragraph
from app.io.export_tracked import export_tracked
from app.io.pipeline import compare_files, load_document
from app.io.redline.accept import resolve_revisions
from app.io.redline.export import redline_files
from conftest import requires_libreoffice
from docx_fixtures import add_footnotes
from lo_roundtrip import Case, run_batch
from synthetic import make_pair

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
XMLNS = f'xmlns:w="{W_NS}"'
WHEN = datetime(2026, 4, 3, 10, 30, tzinfo=timezone.utc)
MARK = '<w:rPr><w:{0} w:id="{1}" w:author="A" w:date="2025-01-01T00:00:00Z"/></w:rPr>'


def _texts(path: Path, view: str) -> list[str]:
    """The paragraphs of a file as the reader gives them with its revisions accepted or rejected."""
    return [p.text for p in load_document(path, tracked=view).paragraphs]


def _paragraph_texts(root) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p")]


# -- reading an input's own revisions ------------------------------------------------------------------
def _chain_body(tag: str, n: int) -> str:
    """``n`` paragraphs whose marks are tracked as ``tag`` (their text kept), then "end." on its own mark,
    then three more such paragraphs before a table, where a mark cannot go."""
    marked = "".join(f'<w:p><w:pPr><w:jc w:val="center"/>{MARK.format(tag, k)}</w:pPr>'
                     f'<w:r><w:t xml:space="preserve">w{k} </w:t></w:r></w:p>' for k in range(n))
    before_table = "".join(f'<w:p><w:pPr>{MARK.format(tag, n + k)}</w:pPr><w:r><w:t xml:space="preserve">'
                           f't{k} </w:t></w:r></w:p>' for k in range(3))
    return (f'<w:body {XMLNS}>{marked}<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>end.</w:t></w:r></w:p>'
            f'{before_table}<w:tbl/></w:body>')


@pytest.mark.parametrize("view,tag", [("accepted", "del"), ("original", "ins")])
def test_a_long_run_of_removed_paragraph_marks_joins_into_the_paragraph_that_ends_it(view, tag):
    root = etree.fromstring(_chain_body(tag, 400))
    resolve_revisions(root, view)
    assert _paragraph_texts(root) == ["".join(f"w{k} " for k in range(400)) + "end.", "t0 t1 t2 "]
    first = root.find(W + "p")
    assert first.find(f"{W}pPr/{W}jc").get(W + "val") == "right"     # the surviving mark's properties
    assert not list(root.iter(W + tag))
    assert root[-1].tag == W + "tbl"


def _draft_with_a_tracked_deletion(path: Path, kept: list[str], deleted: int) -> Path:
    """A Word draft of ``kept`` paragraphs, ``deleted`` tracked-deleted ones (text and marks) in the
    middle, as an author's unfinished revision leaves them."""
    d = docx.Document()
    half = len(kept) // 2
    for text in kept[:half]:
        d.add_paragraph(text)
    for k in range(deleted):
        p = d.add_paragraph()
        p._p.append(parse_xml(f'<w:pPr {XMLNS}>{MARK.format("del", 10 + 2 * k)}</w:pPr>'))
        p._p.append(parse_xml(f'<w:del {XMLNS} w:id="{11 + 2 * k}" w:author="A" w:date="2025-01-01T00:00:00Z">'
                              f'<w:r><w:delText>Struck passage {k}.</w:delText></w:r></w:del>'))
    for text in kept[half:]:
        d.add_paragraph(text)
    d.save(path)
    return path


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, tuple[Path, Path, Path]]:
    """name -> (draft, adopted, tracked export) for the cases below, made once."""
    folder = tmp_path_factory.mktemp("redline_scale")
    out = {}
    pair = make_pair(60, words_per_paragraph=20, n_moves=0, seed=11)

    # An input holding a long tracked deletion, read as accepted on both sides.
    draft = _draft_with_a_tracked_deletion(folder / "struck_draft.docx", pair.draft, 300)
    adopted = folder / "struck_adopted.docx"
    a = docx.Document()
    for text in pair.adopted:
        a.add_paragraph(text)
    a.save(adopted)
    out["struck"] = (draft, adopted, export_tracked(compare_files(draft, adopted), folder / "struck.docx",
                                                    author="Reviewer", date=WHEN))

    # Many notes, some of their texts edited; each paragraph cites its own.
    rng = random.Random(3)
    words = "the of and to in States Council resolution rights Assembly report decides requests".split()
    bodies = [" ".join(rng.choice(words) for _ in range(12)) for _ in range(150)]
    notes = [" ".join(rng.choice(words) for _ in range(8)) for _ in range(150)]
    for side in ("draft", "adopted"):
        d = docx.Document()
        for k, body in enumerate(bodies):
            text = body + (" amended" if side == "adopted" and k % 7 == 0 else "") + "."
            p = d.add_paragraph(text.capitalize())
            p._p.append(parse_xml(f'<w:r {XMLNS}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                  f'<w:footnoteReference w:id="{k + 1}"/></w:r>'))
        add_footnotes(d, {k + 1: f'<w:r><w:t xml:space="preserve"> {note}{" too" if side == "adopted" and k % 5 == 0 else ""}.'
                                 f'</w:t></w:r>' for k, note in enumerate(notes)})
        d.save(folder / f"notes_{side}.docx")
    draft, adopted = folder / "notes_draft.docx", folder / "notes_adopted.docx"
    out["notes"] = (draft, adopted, export_tracked(compare_files(draft, adopted), folder / "notes.docx",
                                                   author="Reviewer", date=WHEN))

    # Many moved paragraphs, laid out from a text comparison.
    pair = make_pair(200, words_per_paragraph=15, n_moves=45, seed=5)
    for side, texts in (("draft", pair.draft), ("adopted", pair.adopted)):
        # Each a sentence of its own, so that no reader takes two for one paragraph wrapped.
        texts = [t[0].upper() + t[1:].rstrip(",;.") + "." for t in texts]
        (folder / f"moves_{side}.txt").write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    draft, adopted = folder / "moves_draft.txt", folder / "moves_adopted.txt"
    out["moves"] = (draft, adopted, export_tracked(compare_files(draft, adopted), folder / "moves.docx",
                                                   author="Reviewer", date=WHEN))

    # The same edits between files whose roots declare different namespaces, and between files that
    # declare the same: formatted runs, list paragraphs and a field in every paragraph.
    for name, extra in (("ns_same", False), ("ns_other", True)):
        paths = []
        for side, texts in (("draft", ["One two three.", "Four five six.", "Seven eight."]),
                            ("adopted", ["One two three.", "Four six.", "Seven eight nine."])):
            path = folder / f"{name}_{side}.docx"
            _fielded_list(path, texts, extra_namespace=extra and side == "adopted")
            paths.append(path)
        out[name] = (*paths, redline_files(*paths, folder / f"{name}.docx", author="Reviewer", date=WHEN))
    return out


def _fielded_list(path: Path, texts: list[str], extra_namespace: bool) -> None:
    d = docx.Document()
    for text in texts:
        p = d.add_paragraph(style="List Number")
        p.add_run(text).bold = True
        for run in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                    '<w:fldChar w:fldCharType="separate"/>', '<w:t>1</w:t>', '<w:fldChar w:fldCharType="end"/>'):
            p._p.append(parse_xml(f'<w:r {XMLNS}>{run}</w:r>'))
    d.save(path)
    if extra_namespace:     # as a later version of Word writes its root: one more declaration
        data = {n: zipfile.ZipFile(path).read(n) for n in zipfile.ZipFile(path).namelist()}
        data["word/document.xml"] = data["word/document.xml"].replace(
            b"<w:document ", b'<w:document xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" ', 1)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for n, blob in data.items():
                z.writestr(n, blob)


@pytest.mark.parametrize("name", ["struck", "notes", "moves"])
def test_accept_all_gives_the_adopted_text_and_reject_all_the_draft(outputs, name):
    draft, adopted, tracked = outputs[name]
    assert _texts(tracked, "accepted") == _texts(adopted, "accepted")
    assert _texts(tracked, "original") == _texts(draft, "accepted")


def test_a_draft_with_a_long_tracked_deletion_is_redlined_as_the_comparison_read_it(outputs):
    draft, _, tracked = outputs["struck"]
    assert not any("Struck passage" in t for t in _texts(draft, "accepted"))
    xml = zipfile.ZipFile(tracked).read("word/document.xml").decode()
    assert "Struck passage" not in xml      # the draft's own deletion is not shown again


def test_each_edited_note_is_woven_in_its_own_note(outputs):
    _, _, tracked = outputs["notes"]
    notes = etree.fromstring(zipfile.ZipFile(tracked).read("word/footnotes.xml"))
    edited = {n.get(W + "id") for n in notes.iter(W + "footnote") if n.find(f".//{W}ins") is not None}
    assert edited == {str(k + 1) for k in range(0, 150, 5)}          # the notes that gained "too"
    body = etree.fromstring(zipfile.ZipFile(tracked).read("word/document.xml"))
    refs = [r.get(W + "id") for r in body.iter(W + "footnoteReference")]
    assert refs == [str(k) for k in range(1, 151)]       # one untracked reference each, in order


def test_every_moved_paragraph_is_one_named_move_from_and_to(outputs):
    _, _, tracked = outputs["moves"]
    root = etree.fromstring(zipfile.ZipFile(tracked).read("word/document.xml"))
    starts = {el.get(W + "name") for el in root.iter(W + "moveFromRangeStart")}
    assert starts == {el.get(W + "name") for el in root.iter(W + "moveToRangeStart")}
    assert len(starts) >= 40


def test_roots_declaring_other_namespaces_change_nothing_but_the_words(outputs):
    """Formatting, list properties and fields compare by what they say, not by the namespace
    declarations of the file around them: the same revisions as between files that declare alike."""
    def revisions(path):
        root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
        return ([el.tag for el in root.iter(W + "pPrChange", W + "rPrChange", W + "delInstrText")],
                ["".join(el.itertext()) for el in root.iter(W + "del", W + "ins")])
    same, other = revisions(outputs["ns_same"][2]), revisions(outputs["ns_other"][2])
    assert other == same
    assert same[0] == [] and same[1]


def test_arabic_paragraphs_of_a_tracked_export_are_right_to_left_and_others_are_not(tmp_path):
    def doc(texts, name):
        return Document(name, tuple(Paragraph(i, t, Kind.OPERATIVE, ordinal=i + 1) for i, t in enumerate(texts)))
    arabic = compare_documents(doc(["يقرر أن يبقي المسألة قيد نظره.", "Decides to remain seized."], "d.txt"),
                               doc(["يقرر أن يبقي المسألة قيد نظره الفعلي.", "Decides to remain seized."], "a.txt"))
    english = compare_documents(doc(["Decides to remain seized."], "d.txt"),
                                doc(["Decides to remain actively seized."], "a.txt"))
    for c, expect in ((arabic, [True, False]), (english, [False])):
        out = export_tracked(c, tmp_path / f"{len(expect)}.docx", author="Reviewer", date=WHEN)
        root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
        paragraphs = list(root.iter(W + "p"))
        assert [p.find(f"{W}pPr/{W}bidi") is not None for p in paragraphs] == expect
        assert any(True for _ in root.iter(W + "rtl")) == any(expect)


@requires_libreoffice
def test_libreoffice_gives_back_both_documents(outputs, tmp_path):
    cases = [Case(name, *paths) for name, paths in outputs.items()]
    run_batch(cases, tmp_path / "lo")
    assert {c.name: c.problems for c in cases if c.problems} == {}
