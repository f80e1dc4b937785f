"""``export --tracked`` on two Word files goes through the redline on the documents themselves, guided by
the comparison: a cross-language pair interleaves each draft paragraph with the adopted one it pairs
with; a file changed since the comparison is still redlined whole (the redline pairs blocks itself);
LibreOffice gives back both documents."""
from __future__ import annotations

import random
import re
import zipfile

import docx
import pytest

from app.core.model import PairKind
from app.io.export_tracked import export_tracked
from app.io.pipeline import compare_files, load_document
from conftest import SEEDS, requires_libreoffice
from docx_fixtures import resolution_docx
from lo_roundtrip import Case, run_batch
from synthetic import edit

pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is not beside this checkout")


def _body_paragraphs(path) -> list[str]:
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    return re.findall(r"<w:p[ >].*?</w:p>", xml)


@pytest.fixture
def cross(tmp_path):
    draft = resolution_docx(SEEDS / "draft_fr.txt", tmp_path / "draft_fr.docx")
    adopted = resolution_docx(SEEDS / "adopted_en.txt", tmp_path / "adopted_en.docx")
    return draft, adopted


def test_cross_language_pairs_are_interleaved_paragraph_by_paragraph(cross, tmp_path):
    c = compare_files(*cross)
    assert c.cross_language
    out = export_tracked(c, tmp_path / "tracked.docx", author="R")
    both = [p for p in _body_paragraphs(out) if "<w:del " in p and "<w:ins " in p]
    paired = [p for p in c.pairs if p.kind is not PairKind.INSERTED and p.kind is not PairKind.DELETED
              and p.draft and p.adopted and not c.adopted.paragraphs[p.adopted[0]].kind.is_page]
    # each paired paragraph is one output paragraph holding the draft text deleted and the adopted inserted
    assert len(both) >= len(paired) - 2 > 40
    # identical running heads stay untracked even across languages
    header = [n for n in zipfile.ZipFile(out).namelist() if re.match(r"word/header\d*\.xml", n)]
    assert header and all("<w:ins " not in zipfile.ZipFile(out).read(n).decode() for n in header)


def test_a_file_changed_since_the_comparison_is_still_redlined_whole(cross, tmp_path):
    draft, adopted = cross
    c = compare_files(draft, adopted)
    resolution_docx(SEEDS / "draft_fr.txt", adopted)        # the adopted file replaced after comparing
    out = export_tracked(c, tmp_path / "tracked.docx", author="R")
    # The redline is of the files as they are now (the same text on both sides), not of stale pairs.
    body = _body_paragraphs(out)
    assert len(body) == len(_body_paragraphs(draft))
    assert not any("<w:ins " in p or "<w:del " in p for p in body)


@requires_libreoffice
def test_libreoffice_gives_back_both_documents(cross, tmp_path):
    c = compare_files(*cross)
    out = export_tracked(c, tmp_path / "tracked.docx", author="R")
    case = Case("cross", cross[0], cross[1], out)
    run_batch([case], tmp_path / "lo")
    assert not case.problems


def _word(paragraphs: list[str], path, rng: random.Random, tables: bool):
    """A Word file of ``paragraphs``: numbered or bulleted by Word's list styles or not, openings in
    italics, some runs bold, and (with ``tables``) a small table after every seventh paragraph whose
    cells hold some of its words."""
    document = docx.Document()
    for n, text in enumerate(paragraphs):
        p = document.add_paragraph(style=rng.choice(["List Number", None, None, "List Bullet"]))
        first, _, rest = text.partition(" ")
        p.add_run(first).italic = rng.random() < 0.7
        if rest:
            p.add_run(" " + rest).bold = rng.random() < 0.1
        if tables and n % 7 == 3:
            table = document.add_table(rows=2, cols=2)
            for k, cell in enumerate(table._cells):
                cell.text = text.split(" ")[k % 5] if rng.random() < 0.9 else "changed"
    document.save(path)
    return path


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """Generated pairs with every edit kind (moves, splits, merges, insertions, deletions, word edits),
    both sides Word files with lists, formatting and tables, through the comparison and export_tracked.
    The seeds include pairs that end with deleted paragraphs, delete a paragraph before a table, and
    move a paragraph across a table (a deletion and an insertion that meet before it)."""
    tmp = tmp_path_factory.mktemp("generated")
    bodies = [p.body for p in load_document(SEEDS / "adopted_en.txt").paragraphs if p.kind.is_body]
    out = []
    for seed in (3, 11, 14, 22, 38, 98):
        e = edit(bodies, seed)
        draft = _word(e.draft, tmp / f"draft_{seed}.docx", random.Random(seed), seed % 2 == 0)
        adopted = _word(e.adopted, tmp / f"adopted_{seed}.docx", random.Random(seed + 1000), seed % 2 == 0)
        c = compare_files(draft, adopted)
        out.append((c, Case(f"edits_{seed}", draft, adopted, export_tracked(c, tmp / f"t_{seed}.docx", author="R"))))
    return out


def test_generated_pairs_hold_every_edit_kind(generated):
    kinds = {p.kind.value for c, _ in generated for p in c.pairs}
    assert kinds >= {"moved", "split", "merged", "inserted", "deleted", "changed"}


@requires_libreoffice
def test_libreoffice_gives_back_both_documents_of_generated_pairs(generated, tmp_path):
    cases = [case for _, case in generated]
    run_batch(cases, tmp_path)
    assert not {c.name: c.problems for c in cases if c.problems}


def test_a_word_split_across_runs_is_not_a_change(tmp_path):
    """Word splits runs anywhere (an edit, a spelling mark, a bookmark): "Sta" + "tes" is still "States",
    so only the real change of the paragraph is tracked."""
    from docx.oxml import parse_xml

    def word(path, split: bool, noun: str):
        document = docx.Document()
        p = document.add_paragraph()
        if split:
            p._p.append(parse_xml('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                                  '<w:t xml:space="preserve">Calls upon all Sta</w:t></w:r>'))
            p._p.append(parse_xml('<w:bookmarkStart xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                                  '2006/main" w:id="7" w:name="_GoBack"/>'))
            p.add_run("tes to end the " + noun + ";")
        else:
            p.add_run("Calls upon all States to end the " + noun + ";")
        document.save(path)
        return path

    draft, adopted = word(tmp_path / "d.docx", False, "conflict"), word(tmp_path / "a.docx", True, "conflicts")
    c = compare_files(draft, adopted)
    xml = zipfile.ZipFile(export_tracked(c, tmp_path / "t.docx", author="R")).read("word/document.xml").decode()
    deleted = re.findall(r"<w:delText[^>]*>([^<]*)</w:delText>", xml)
    inserted = re.findall(r"<w:ins [^>]*>.*?</w:ins>", xml)
    assert deleted == ["conflict"] and len(inserted) == 1 and "conflicts" in inserted[0]
    assert "_GoBack" in xml        # the adopted file's bookmark stays


def test_draft_bookmarks_inside_a_deleted_field_are_not_written(tmp_path):
    """Draft anchors have no place in the adopted file (their names would clash): a bookmark inside a
    field the adopted text replaced goes with the deleted field, not into the file."""
    from docx.oxml import parse_xml
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def word(path, instr: str, bookmark: bool):
        document = docx.Document()
        p = document.add_paragraph("See page ")
        mark = (f'<w:bookmarkStart {ns} w:id="5" w:name="_RefDraft"/>', f'<w:bookmarkEnd {ns} w:id="5"/>')
        xml = [f'<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
               f'<w:r {ns}><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>',
               f'<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
               *(mark[:1] if bookmark else ()), f'<w:r {ns}><w:t>3</w:t></w:r>', *(mark[1:] if bookmark else ()),
               f'<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>']
        for piece in xml:
            p._p.append(parse_xml(piece))
        document.save(path)
        return path

    draft, adopted = word(tmp_path / "d.docx", "PAGEREF _Old", True), word(tmp_path / "a.docx", "PAGE", False)
    out = export_tracked(compare_files(draft, adopted), tmp_path / "t.docx", author="R")
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "<w:delInstrText" in xml and "PAGEREF _Old" in xml       # the draft's field is there, deleted
    assert "_RefDraft" not in xml
