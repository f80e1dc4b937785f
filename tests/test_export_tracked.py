"""Tracked-change export: real OOXML revisions; LibreOffice accept-all = adopted, reject-all = draft."""
from __future__ import annotations

import subprocess
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from app.core.compare import compare_documents
from app.core.model import CompareOptions, Document, Kind, Paragraph, Run
from app.io.errors import ExportError
from app.io.pipeline import compare_files, load_document
from app.io.export_tracked import export_tracked
from conftest import LO_TRACKED, SAMPLES, requires_libreoffice
from synthetic import edit

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WHEN = datetime(2026, 4, 3, 10, 30, tzinfo=timezone.utc)


def doc(texts, name, lang="en", kind=Kind.OPERATIVE, runs=None) -> Document:
    paras = tuple(Paragraph(i, t, kind, runs=(runs or {}).get(i, ())) for i, t in enumerate(texts))
    return Document(name, paras, language=lang)


def body_xml(path: Path):
    return etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))


def assert_well_formed_revisions(root) -> None:
    ids = [el.get(W + "id") for el in root.iter(W + "ins", W + "del", W + "moveFrom", W + "moveTo",
                                                 W + "moveFromRangeStart", W + "moveToRangeStart")]
    assert len(ids) == len(set(ids)), "revision ids must be unique"
    for tag in ("del", "moveFrom"):
        for el in root.iter(W + tag):
            assert not list(el.iter(W + "t")), "deleted runs hold w:delText, never w:t"
    for tag in ("ins", "del"):
        for el in root.iter(W + tag):
            assert not list(el.iter(W + "hyperlink")) and not list(el.iter(W + "ins", W + "del"))[1:]
            assert el.get(W + "author") == "Reviewer" and el.get(W + "date") == "2026-04-03T10:30:00Z"
    for start in root.iter(W + "moveFromRangeStart", W + "moveToRangeStart"):
        end_tag = start.tag.replace("Start", "End")
        assert [e for e in root.iter(end_tag) if e.get(W + "id") == start.get(W + "id")]


def export(c, tmp_path, name="out.docx") -> Path:
    return export_tracked(c, tmp_path / name, author="Reviewer", date=WHEN)


def test_one_word_change_is_one_deletion_and_one_insertion(tmp_path):
    c = compare_documents(doc(["Requests a report within two years;"], "d.txt"),
                          doc(["Requests a report within three years;"], "a.txt"))
    root = body_xml(export(c, tmp_path))
    assert_well_formed_revisions(root)
    dels = ["".join(el.itertext()).strip() for el in root.iter(W + "del")]
    ins = ["".join(el.itertext()).strip() for el in root.iter(W + "ins")]
    assert (dels, ins) == (["two"], ["three"])
    kept = "".join(t.text for t in root.iter(W + "t"))
    assert kept == "Requests a report within three years;"


def test_whole_paragraphs_have_tracked_marks_and_moves_use_move_ranges(tmp_path):
    base = [f"Paragraph {w} speaks of {w} matters at some length, with several words of text;" for w in
            ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel")]
    draft = base[:2] + ["A paragraph the adopted text dropped entirely, never to return;"] + base[2:]
    adopted = base[:5] + [base[6], "A new paragraph only in the adopted text, quite different;", base[7]]
    adopted.insert(1, base[5])     # foxtrot moved up
    c = compare_documents(doc(draft, "d.txt"), doc(adopted, "a.txt"))
    root = body_xml(export(c, tmp_path))
    assert_well_formed_revisions(root)
    marks = [el.tag for el in root.iter(W + "rPr") if el.getparent().tag == W + "pPr" for el in el]
    assert W + "del" in marks and W + "ins" in marks
    runs_of = lambda tag: ["".join(el.itertext()) for el in root.iter(W + tag) if el.getparent().tag == W + "p"]
    assert runs_of("moveFrom") == runs_of("moveTo") == [base[5]]
    names = {el.get(W + "name") for el in root.iter(W + "moveFromRangeStart", W + "moveToRangeStart")}
    assert names == {"move1"}
    settings = zipfile.ZipFile(tmp_path / "out.docx").read("word/settings.xml")
    assert b"trackRevisions" in settings


def test_adopted_formatting_is_kept(tmp_path):
    text = "1. Strongly condemns all violations;"
    runs = {0: (Run("1. "), Run("Strongly condemns", italic=True), Run(" all violations;"))}
    c = compare_documents(doc(["1. Condemns all violations;"], "d.txt"), doc([text], "a.txt", runs=runs))
    root = body_xml(export(c, tmp_path))
    italic = ["".join(r.itertext()) for r in root.iter(W + "r") if r.find(f"{W}rPr/{W}i") is not None]
    assert "".join(italic) == "Strongly condemns"


def test_export_refuses_to_overwrite_an_input(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("1. Decides to remain seized of the matter.\n")
    c = compare_files(draft, SAMPLES / "adopted_en.txt")
    with pytest.raises(ExportError, match="overwrite an input"):
        export_tracked(c, draft)
    assert draft.read_text() == "1. Decides to remain seized of the matter.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]


# ---- LibreOffice: accept-all gives the adopted text, reject-all the draft text ------------------------

def lo_texts(docx_path: Path, tmp: Path) -> tuple[list[str], list[str]]:
    out = []
    for mode in ("accept", "reject"):
        target = tmp / f"{docx_path.stem}.{mode}.txt"
        subprocess.run(["python3", str(LO_TRACKED), str(docx_path), f"--{mode}", str(target)], check=True,
                       capture_output=True, timeout=180)
        out.append([line for line in target.read_text(encoding="utf-8-sig").split("\n") if line.strip()])
    return out[0], out[1]


def texts(d: Document) -> list[str]:
    return [p.text for p in d.paragraphs]


def check_round_trip(c, tmp_path, name):
    path = export(c, tmp_path, name)
    assert_well_formed_revisions(body_xml(path))
    accepted, rejected = lo_texts(path, tmp_path)
    assert accepted == texts(c.adopted)
    assert rejected == texts(c.draft)


@requires_libreoffice
@pytest.mark.libreoffice
def test_sample_pair_round_trips_in_libreoffice(tmp_path):
    c = compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt")
    assert {p.kind.value for p in c.pairs} >= {"moved", "split", "changed", "inserted", "deleted"}
    check_round_trip(c, tmp_path, "sample.docx")


@requires_libreoffice
@pytest.mark.libreoffice
def test_seed_pair_round_trips_in_libreoffice(tmp_path, seed_draft, seed_adopted):
    c = compare_files(seed_draft, seed_adopted)
    assert c.cross_language
    check_round_trip(c, tmp_path, "seed.docx")


@requires_libreoffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("seed", [3, 5])
def test_generated_pairs_round_trip_in_libreoffice(tmp_path, seed_adopted, seed):
    bodies = [p.body for p in load_document(seed_adopted).paragraphs if p.kind.is_body]
    e = edit(bodies, seed)
    c = compare_documents(doc(e.draft, "draft.txt"), doc(e.adopted, "adopted.txt"),
                          CompareOptions(ignore_case=True))
    kinds = {p.kind.value for p in c.pairs}
    assert kinds >= {"moved", "split", "merged", "inserted", "deleted", "changed"}
    check_round_trip(c, tmp_path, f"generated{seed}.docx")


def test_read_only_folder_is_reported_and_leaves_no_partial_file(tmp_path, monkeypatch):
    import errno
    import tempfile
    c = compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt")

    def refused(*a, **k):       # what a read-only folder does to any user but root
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(ExportError, match="cannot write: permission denied"):
        export_tracked(c, tmp_path / "out.docx")
    assert list(tmp_path.iterdir()) == []


def test_full_disk_is_reported_and_leaves_no_partial_file(tmp_path, monkeypatch):
    import os
    c = compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt")

    def full(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError, match="the disk is full"):
        export_tracked(c, tmp_path / "out.docx")
    assert list(tmp_path.iterdir()) == []
