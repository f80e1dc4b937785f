"""Annotated export: Word comments for findings and notes, wired so Word and LibreOffice both list them."""
from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from app.core.model import PairKind
from app.io.export_annotated import build_annotated, export_annotated, pair_comments
from app.io.pipeline import compare_files
from conftest import SAMPLES, libreoffice_comment_count, requires_libreoffice

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def sample():
    return compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt")


def expected_comment_targets(c, notes):
    """Each commented paragraph: the pairs that say something, deleted ones on the next adopted
    paragraph, the changed header and footer lines all on one (the first of them in the adopted text)."""
    from app.core.marks import is_change, is_matter
    targets, pending = set(), False
    matter = [p for p in c.pairs if is_matter(c, p) and is_change(c, p)]
    if matter:
        targets.add(next((p.adopted[0] for p in matter if p.adopted), 0))
    for n, pair in enumerate(c.pairs):
        if any(pair is p for p in matter):
            continue
        lines = pair_comments(c, n, pair, notes)
        if not pair.adopted:
            pending = pending or bool(lines)
            continue
        if lines or pending:
            targets.add(pair.adopted[0])
        pending = False
    if c.findings:
        targets.add(0)
    return targets


def test_comments_part_is_wired_and_anchored(sample, tmp_path):
    notes = {next(n for n, p in enumerate(sample.pairs) if p.kind is PairKind.EQUAL): "Agreed text, checked."}
    out = export_annotated(sample, tmp_path / "annotated.docx", notes=notes, author="A. Officer")
    z = zipfile.ZipFile(out)
    assert "word/comments.xml" in z.namelist()
    assert b"wordprocessingml.comments+xml" in z.read("[Content_Types].xml")
    assert b"relationships/comments" in z.read("word/_rels/document.xml.rels")
    comments = etree.fromstring(z.read("word/comments.xml")).findall(W + "comment")
    body = etree.fromstring(z.read("word/document.xml"))
    refs = [el.get(W + "id") for el in body.iter(W + "commentReference")]
    starts = [el.get(W + "id") for el in body.iter(W + "commentRangeStart")]
    assert sorted(refs) == sorted(starts) == sorted(c.get(W + "id") for c in comments)
    assert len(comments) == len(expected_comment_targets(sample, notes))
    texts = ["".join(c.itertext()) for c in comments]
    assert any("Reviewer's note: Agreed text, checked." in t for t in texts)
    assert any("Draft label PP4bis, now preambular paragraph 5." in t for t in texts)
    assert any("Draft label OP3, now operative paragraph 4." in t for t in texts)
    assert any("Moved from draft PP5 (now after draft PP6)." in t for t in texts)
    assert any("Split: draft OP2 became 2 paragraphs." in t for t in texts)
    assert any("Draft line 1 was deleted" in t for t in texts)   # on the paragraph that follows
    assert not any("number 3" in t for t in texts)   # the label of a split part is not a figure
    assert any("Different number: the draft has 120, the adopted text has 112" in t for t in texts)
    assert {c.get(W + "author") for c in comments} == {"A. Officer"}
    assert {c.get(W + "initials") for c in comments} == {"AO"}


def test_comment_date_and_document_findings_on_first_paragraph(sample, tmp_path):
    from datetime import datetime, timezone
    when = datetime(2026, 4, 3, 15, 30, tzinfo=timezone.utc)
    out = export_annotated(sample, tmp_path / "annotated.docx", date=when)
    z = zipfile.ZipFile(out)
    comments = etree.fromstring(z.read("word/comments.xml")).findall(W + "comment")
    assert {c.get(W + "date") for c in comments} == {"2026-04-03T15:30:00Z"}
    body = etree.fromstring(z.read("word/document.xml")).find(W + "body")
    first = body.find(W + "p")
    first_id = first.find(W + "commentRangeStart").get(W + "id")
    text = "".join(next(c for c in comments if c.get(W + "id") == first_id).itertext())
    # the whole-document findings come first, then the deleted draft header line that stood before it
    assert text.startswith("Whole document:")
    assert "Operative paragraphs: 7 in the draft, 8 in the adopted text" in text
    assert "Draft line 1 was deleted: \u00ab\u00a0Draft resolution A/HRC/62/L.7\u00a0\u00bb" in text


def test_long_draft_paragraphs_are_shortened_in_quotes():
    from app.io.export_annotated import quote
    q = quote("word " * 200)
    assert len(q) < 320 and q.endswith("\u2026\u00a0\u00bb") and "  " not in q


def test_the_annotated_text_is_the_adopted_text(sample, tmp_path):
    out = export_annotated(sample, tmp_path / "annotated.docx")
    body = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    paras = []
    for p in body.iter(W + "p"):
        text = "".join((t.text or "") if t.tag == W + "t" else "\t" for t in p.iter(W + "t", W + "tab"))
        paras.append(text)
    assert paras == [p.text for p in sample.adopted.paragraphs]


@requires_libreoffice
@pytest.mark.libreoffice
def test_libreoffice_lists_the_same_number_of_comments(tmp_path, seed_draft, seed_adopted):
    c = compare_files(seed_draft, seed_adopted)
    out = export_annotated(c, tmp_path / "seed-annotated.docx")
    _, count = build_annotated(c, {}, "x")
    assert libreoffice_comment_count(out, tmp_path) == count > 10


# -- comments in the officer's language (issue #16) ---------------------------------------------------

def _comments(path) -> list[str]:
    z = zipfile.ZipFile(path)
    return ["\n".join("".join(p.itertext()) for p in c.iter(W + "p"))
            for c in etree.fromstring(z.read("word/comments.xml")).findall(W + "comment")]


def test_french_comments_are_french(seed_draft, seed_adopted, tmp_path):
    from app.core.messages import NNBSP, describe
    c = compare_files(seed_draft, seed_adopted)
    note_pair = next(n for n, p in enumerate(c.pairs) if p.findings)
    out = export_annotated(c, tmp_path / "annote.docx", language="fr", notes={note_pair: "Date à vérifier"})
    comments = _comments(out)
    assert len(comments) == len(_comments(export_annotated(c, tmp_path / "annotated.docx")))
    text = "\n".join(comments)
    for f in c.all_findings():
        assert describe(f, "fr") in text and f.message not in text
    assert comments[0].startswith(f"Ensemble du document{NNBSP}:")
    assert f"Note du réviseur{NNBSP}: Date à vérifier" in text
    assert f"Absent du projet{NNBSP}: ajouté dans le texte adopté." in text
    assert "[élevée]" in text and "[high]" not in text
    for english in ("Whole document", "Draft ", "Reviewer's note", "Not in the draft", "now preambular"):
        assert english not in text
    assert f"«{NNBSP}" in text and "\u00ab\u00a0" not in text    # French guillemets, narrow spaces


def test_french_comments_on_the_same_language_sample(sample, tmp_path):
    text = "\n".join(_comments(export_annotated(sample, tmp_path / "annote.docx", language="fr")))
    assert "Déplacé depuis PP5 du projet" in text and "Scindé" in text
    assert "désormais alinéa 5 du préambule" in text and "désormais paragraphe 4 du dispositif" in text
    assert "Supprimé du projet (ligne 1)" in text
    assert "Moved from" not in text and "Split:" not in text and "line 1" not in text


def test_english_comments_are_the_default(sample):
    notes = {0: "Checked."}
    assert pair_comments(sample, 0, sample.pairs[0], notes) == pair_comments(sample, 0, sample.pairs[0], notes, "en")


def test_header_and_footer_changes_make_one_comment_at_most(tmp_path):
    """Issue #16: the seed pair's 14 header and footer changes are one grouped comment, not 14."""
    from app.core.marks import is_change, is_matter
    from app.io.export_annotated import comments_by_paragraph
    from app.io.pipeline import compare_files
    from conftest import SEEDS
    c = compare_files(SEEDS / "draft_fr.txt", SEEDS / "adopted_en.txt")
    matter = [n for n, p in enumerate(c.pairs) if is_matter(c, p) and is_change(c, p)]
    assert len(matter) >= 10
    for language, word in (("en", "Header and footer"), ("fr", "En-tête et pied de page")):
        comments = comments_by_paragraph(c, {matter[3]: "check the date line"}, language)
        grouped = [lines for lines in comments.values() if any(word in line for line in lines)]
        assert len(grouped) == 1 and any(f"{len(matter)} " in line for line in grouped[0])
        assert any("check the date line" in line for line in grouped[0])          # a note is never lost
        inserted = sum(line.startswith(("Not in the draft", "Absent du projet")) for lines in comments.values()
                       for line in lines)
        assert inserted <= len([p for p in c.pairs if p.kind.value == "inserted"]) - len(matter) + 1
