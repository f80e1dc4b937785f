"""The command line: summary, text and JSON output, and one clean line for bad input."""
from __future__ import annotations

import json
import subprocess
import sys

from app.cli import main
from conftest import ROOT, SAMPLES

DRAFT, ADOPTED = str(SAMPLES / "draft_en.txt"), str(SAMPLES / "adopted_en.txt")


def run(*args):
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_compare_prints_a_summary_table():
    out = run("compare", DRAFT, ADOPTED)
    assert out.returncode == 0, out.stderr
    assert "Mode:     same-language" in out.stdout
    assert "moved" in out.stdout and "split" in out.stdout
    assert "Traceback" not in out.stderr


def test_compare_json_follows_the_documented_schema(tmp_path):
    target = tmp_path / "c.json"
    out = run("compare", DRAFT, ADOPTED, "--json", str(target))
    assert out.returncode == 0, out.stderr
    data = json.loads(target.read_text(encoding="utf-8"))
    assert (data["schema"], data["version"]) == ("draftcompare.comparison", 1)
    kinds = [p["kind"] for p in data["pairs"]]
    assert data["statistics"]["pairs"] == len(kinds) and "moved" in kinds
    for pair in data["pairs"]:
        draft_side = "".join(a for op, a, _ in pair["ops"] if op != "insert")
        if pair["kind"] in ("changed", "equal", "moved") and pair["draft"]:
            para = data["draft"]["paragraphs"][pair["draft"][0]]
            assert draft_side == para["text"][len(para["prefix"]):]


def test_text_output_marks_deletions_and_insertions():
    out = run("compare", DRAFT, ADOPTED, "--text")
    assert out.returncode == 0, out.stderr
    assert "for a period of [-two years-]{+one year+};" in out.stdout


def test_bad_input_gives_one_line_and_exit_code_2(tmp_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"{\\rtf1\\ansi Saved as RTF, renamed .docx}")
    out = run("compare", str(bad), ADOPTED)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "broken.docx" in out.stderr
    assert "Traceback" not in out.stderr


def test_missing_file_is_bad_input(tmp_path):
    out = run("compare", str(tmp_path / "nope.txt"), ADOPTED)
    assert out.returncode == 2 and "nope.txt" in out.stderr


def test_window_forms_of_the_command_line(monkeypatch, capsys):
    import app.ui.application as application
    calls = []
    monkeypatch.setattr(application, "run_gui", lambda *a, **k: calls.append((a, k)) or 0)
    assert main(["notes/Examplia.dcreview"]) == 0
    assert main(["draft.docx", "adopted.docx"]) == 0
    assert calls == [((), {"review": "notes/Examplia.dcreview"}), (("draft.docx", "adopted.docx"), {})]
    assert main(["only-one.docx"]) == 2
    assert "REVIEW.dcreview" in capsys.readouterr().err


def test_export_includes_the_notes_of_the_saved_review(tmp_path):
    import shutil
    import zipfile

    from app.core.review import Review
    from app.io import review_store
    from app.io.pipeline import compare_files
    for name in ("draft_en.txt", "adopted_en.txt"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    draft, adopted = tmp_path / "draft_en.txt", tmp_path / "adopted_en.txt"
    c = compare_files(draft, adopted)
    pair = next(n for n, p in enumerate(c.pairs) if p.kind.value == "changed")
    review = Review(str(draft), str(adopted)).with_note(c, pair, "Confirm with the Mission").with_checked(c, pair, True)
    review_store.save(review_store.review_path_for(adopted), review)

    def comments_and_sheet(*extra):
        out = run("export", str(draft), str(adopted), "--annotated", str(tmp_path / "a.docx"),
                  "--sheet-docx", str(tmp_path / "s.docx"), *extra)
        assert out.returncode == 0, out.stderr
        texts = [zipfile.ZipFile(tmp_path / n).read(part).decode()
                 for n, part in (("a.docx", "word/comments.xml"), ("s.docx", "word/document.xml"))]
        return out.stdout, texts

    stdout, texts = comments_and_sheet()                        # found beside the adopted text
    assert "notes:           1 from" in stdout
    assert all("\u2713 checked \u2014 Confirm with the Mission" in t for t in texts)
    stdout, texts = comments_and_sheet("--no-review")
    assert "notes:" not in stdout and not any("Confirm with the Mission" in t for t in texts)
    moved = tmp_path / "elsewhere.dcreview"
    review_store.review_path_for(adopted).rename(moved)
    stdout, texts = comments_and_sheet("--review", str(moved))
    assert all("Confirm with the Mission" in t for t in texts)
    out = run("export", str(draft), str(adopted), "--annotated", str(tmp_path / "a.docx"),
              "--review", str(tmp_path / "missing.dcreview"))
    assert out.returncode == 2 and "missing.dcreview" in out.stderr and "Traceback" not in out.stderr


def test_page_size_applies_to_the_word_sheet_too(tmp_path):
    import zipfile
    out = run("export", DRAFT, ADOPTED, "--sheet-docx", str(tmp_path / "s.docx"), "--page-size", "Letter")
    assert out.returncode == 0, out.stderr
    xml = zipfile.ZipFile(tmp_path / "s.docx").read("word/document.xml").decode()
    assert 'w:w="15840"' in xml and 'w:h="12240"' in xml          # 11 x 8.5 in, landscape, in twips


def test_reading_notes_go_to_stderr_naming_the_file(tmp_path):
    """A reader's warning (here: control characters Word cannot hold) is said on stderr, one line each."""
    draft = tmp_path / "draft.txt"
    draft.write_text("Decides to remain seized\x01 of the matter.\n", encoding="utf-8")
    out = run("compare", str(draft), ADOPTED)
    assert out.returncode == 0, out.stderr
    lines = [line for line in out.stderr.splitlines() if "draft.txt" in line]
    assert lines == ["draftcompare: draft.txt: 1 control character that a Word file cannot hold removed"]


def test_standard_output_on_a_full_disk_is_one_line_and_exit_2(tmp_path):
    import os
    import subprocess
    import sys
    if not os.path.exists("/dev/full"):
        import pytest
        pytest.skip("no /dev/full on this system")
    from conftest import ROOT, SAMPLES
    with open("/dev/full", "w") as full:
        out = subprocess.run([sys.executable, "-m", "app", "compare", str(SAMPLES / "draft_en.txt"),
                              str(SAMPLES / "adopted_en.txt"), "--text"], stdout=full, stderr=subprocess.PIPE,
                             text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines()[-1] == "draftcompare: standard output: cannot write: the disk is full"
    assert "Traceback" not in out.stderr


def test_a_damaged_review_beside_the_adopted_text_does_not_block_an_export(tmp_path):
    import shutil
    import subprocess
    import sys
    from conftest import ROOT, SAMPLES
    draft, adopted = tmp_path / "d.txt", tmp_path / "a.txt"
    shutil.copy(SAMPLES / "draft_en.txt", draft)
    shutil.copy(SAMPLES / "adopted_en.txt", adopted)
    (tmp_path / "a.dcreview").write_text('{"notes":[{"key"', encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "app", "export", str(draft), str(adopted), "--annotated",
                          str(tmp_path / "o.docx")], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "o.docx").exists()
    review_lines = [line for line in out.stderr.splitlines() if "a.dcreview" in line]
    assert len(review_lines) == 1 and "exported without its notes" in review_lines[0]
    assert (tmp_path / "a.dcreview").read_text(encoding="utf-8") == '{"notes":[{"key"'   # left as it was


def test_reading_notes_name_the_path_when_both_files_share_a_name(tmp_path):
    import subprocess
    import sys
    from conftest import ROOT
    corpus = ROOT.parent / "shared" / "corpora" / "un-ga80"
    if not corpus.exists():
        import pytest
        pytest.skip("../shared/corpora/un-ga80 is not beside this checkout")
    early, clean = corpus / "early-extraction" / "A_RES_80_1.md", corpus / "clean" / "A_RES_80_1.md"
    out = subprocess.run([sys.executable, "-m", "app", "compare", str(early), str(clean)], capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    notes = [line for line in out.stderr.splitlines() if "furniture" in line]
    assert notes and all(line.startswith((f"draftcompare: {early}:", f"draftcompare: {clean}:")) for line in notes)
    assert any(str(early) in line for line in notes)


def test_export_in_french_on_a4_with_the_cross_language_warning(tmp_path):
    """--language fr words the sheet and the warnings in French; Word exports from .txt are A4."""
    import docx
    from conftest import SEEDS
    tracked, sheet = tmp_path / "t.docx", tmp_path / "s.docx"
    out = run("export", str(SEEDS / "draft_fr.txt"), str(SEEDS / "adopted_en.txt"), "--tracked", str(tracked),
              "--sheet-docx", str(sheet), "--language", "fr")
    assert out.returncode == 0, out.stderr
    assert "langues différentes" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    section = docx.Document(str(tracked)).sections[0]
    assert abs(min(section.page_width, section.page_height).mm - 210) < 1
    assert abs(max(section.page_width, section.page_height).mm - 297) < 1
    heads = [c.text for c in docx.Document(str(sheet)).tables[0].rows[0].cells]
    assert "Projet" in heads and "Texte adopté" in heads
    text = "\n".join(c.text for row in docx.Document(str(sheet)).tables[0].rows for c in row.cells)
    assert "Date différente" in text and "Different date" not in text      # the findings are French too
    english = run("export", DRAFT, ADOPTED, "--tracked", str(tmp_path / "e.docx"))
    assert english.returncode == 0 and english.stderr.strip() == ""     # same language: no warning


def test_every_word_export_declares_the_texts_language_and_its_own_properties(tmp_path):
    """Found by the fresh-user trial: Word exports said en-US and "python-docx", created 2013."""
    import zipfile
    from conftest import SEEDS
    out = {k: tmp_path / f"{k}.docx" for k in ("tracked", "annotated", "sheet")}
    r = run("export", str(SEEDS / "draft_fr.txt"), str(SEEDS / "adopted_en.txt"), "--tracked", str(out["tracked"]),
            "--annotated", str(out["annotated"]), "--sheet-docx", str(out["sheet"]), "--language", "fr")
    assert r.returncode == 0, r.stderr
    expected = {"tracked": "en-GB", "annotated": "en-GB", "sheet": "fr-FR"}   # the adopted text's; the sheet's words
    for kind, path in out.items():
        z = zipfile.ZipFile(path)
        assert f'w:lang w:val="{expected[kind]}"'.encode() in z.read("word/styles.xml"), kind
        core = z.read("docProps/core.xml").decode("utf-8")
        assert "python-docx" not in core and "2013-" not in core, kind
