"""``draftcompare batch`` (folders, CSV, unpaired and damaged files, report, exports, worker processes)
and the compact JSON of ``compare``/``export`` (``--pretty`` indents, same content)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from app import batch
from app.cli import main
from conftest import ROOT, SAMPLES, SEEDS
from docx_fixtures import resolution_docx
from synthetic import make_pair

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))
from make_bad_files import VALID, minimal_docx  # noqa: E402

DRAFT, ADOPTED = SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt"
ROW_KEYS = {"index", "draft", "adopted", "status", "error", "mode", "languages", "statistics", "warnings", "notes",
            "outputs", "seconds"}


def run(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def session(tmp_path_factory) -> Path:
    """A session's folders: the sample pair with the draft as Word, the seed pair (French draft, English
    adopted: cross-language), a generated pair, a damaged draft, files on one side only and others to ignore."""
    root = tmp_path_factory.mktemp("session")
    drafts, adopted = root / "drafts", root / "adopted"
    drafts.mkdir()
    adopted.mkdir()
    resolution_docx(DRAFT, drafts / "L.12.docx")                       # .docx pairs with .txt, case ignored
    shutil.copy(ADOPTED, adopted / "l.12.TXT")
    seeds = (SEEDS / "draft_fr.txt", SEEDS / "adopted_en.txt") if SEEDS.exists() else (DRAFT, ADOPTED)
    shutil.copy(seeds[0], drafts / "L.2.txt")
    shutil.copy(seeds[1], adopted / "L.2.md")
    pair = make_pair(60, words_per_paragraph=30, n_moves=2)
    (drafts / "L.30.txt").write_text("\n".join(pair.draft) + "\n", encoding="utf-8")
    word = docx.Document()
    for text in pair.adopted:
        word.add_paragraph(text)
    word.save(adopted / "L.30.docx")
    (drafts / "L.5.docx").write_bytes(b"These bytes are not a Word document at all, whatever the name says.")
    shutil.copy(ADOPTED, adopted / "L.5.txt")
    shutil.copy(DRAFT, drafts / "L.40.txt")                            # no adopted text yet
    (adopted / "notes.json").write_text("{}", encoding="utf-8")        # not a document: ignored
    (drafts / "~$L.12.docx").write_bytes(b"Word's lock file")          # ignored
    return root


def test_folder_mode_pairs_by_name_lists_unpaired_and_fails_only_the_damaged_pair(session, capsys):
    code = main(["batch", str(session / "drafts"), str(session / "adopted"), "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == 1                                                    # one pair failed
    lines = out.splitlines()
    assert lines[0].split() == ["draft", "adopted", "mode", "languages", "pairs", "changed", "inserted", "deleted",
                                "moved", "findings", "status"]
    rows = {line.split()[0]: line for line in lines[1:5]}
    assert list(rows) == ["L.2.txt", "L.5.docx", "L.12.docx", "L.30.txt"]        # natural order: L.2 before L.12
    assert rows["L.12.docx"].split()[1:4] == ["l.12.TXT", "same-language", "en/en"]
    assert rows["L.12.docx"].endswith("  ok") and rows["L.30.txt"].endswith("  ok")
    if SEEDS.exists():
        assert "cross-language  fr/en" in rows["L.2.txt"]
    failed = rows["L.5.docx"]
    assert "failed: " in failed and str(session / "drafts" / "L.5.docx") in failed
    assert "not a valid Word document" in failed
    assert any(line.startswith("unpaired draft: ") and "L.40.txt" in line for line in lines)
    assert lines[-1] == "4 pairs: 3 ok, 1 failed; 1 file unpaired; 1 file ignored (not documents)"
    assert "Traceback" not in out + err
    from app.io.pipeline import compare_files                          # the generated pair: as compare counts it
    s = compare_files(session / "drafts" / "L.30.txt", session / "adopted" / "L.30.docx").stats
    assert rows["L.30.txt"].split()[4:10] == [str(n) for n in (s.pairs, s.changed, s.inserted, s.deleted, s.moved,
                                                                 s.findings)]
    assert s.moved == 2


def test_csv_mode_with_worker_processes_report_and_exports(session, tmp_path):
    """--csv (header, relative paths), --jobs 2, --report and --out with --tracked and --json, in one run."""
    listing = session / "pairs.csv"
    listing.write_text("draft,adopted\n"
                       "drafts/L.12.docx,adopted/l.12.TXT\n\n"
                       "drafts/L.5.docx,adopted/L.5.txt\n"
                       "drafts/L.30.txt,adopted/L.30.docx\n"
                       "drafts/L.404.docx,adopted/L.5.txt\n", encoding="utf-8")
    out_dir, report = tmp_path / "out", tmp_path / "report.json"
    got = run("batch", "--csv", listing, "--jobs", "2", "--report", report, "--out", out_dir, "--tracked", "--json")
    assert got.returncode == 1, got.stderr
    assert "Traceback" not in got.stdout + got.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert (data["schema"], data["version"]) == ("draftcompare.batch", 1)
    assert data["totals"] == {"pairs": 4, "ok": 2, "failed": 2, "unpaired": 0, "ignored": 0}
    assert data["options"]["cross_language"] == "auto" and data["options"]["tracked_view"] == "accepted"
    rows = data["pairs"]
    assert [r["index"] for r in rows] == [0, 1, 2, 3] and all(set(r) == ROW_KEYS for r in rows)
    ok, damaged, generated, missing = rows
    assert ok["status"] == "ok" and ok["error"] is None and ok["mode"] == "same-language"
    assert ok["languages"] == {"draft": "en", "adopted": "en"} and ok["statistics"]["moved"] >= 1
    assert ok["draft"] == str(session / "drafts" / "L.12.docx")              # relative to the CSV's folder
    assert damaged["status"] == "failed" and damaged["statistics"] is None and damaged["outputs"] == {}
    for row, name, reason in ((damaged, "L.5.docx", "not a valid Word document"),
                              (missing, "L.404.docx", "does not exist")):
        assert "\n" not in row["error"] and name in row["error"] and reason in row["error"]
    assert generated["status"] == "ok"
    # exports named after the adopted stem; the tracked file opens and the JSON is the comparison
    assert ok["outputs"] == {"tracked": str(out_dir / "l.12.tracked.docx"), "json": str(out_dir / "l.12.json")}
    assert sorted(p.name for p in out_dir.iterdir()) == ["L.30.json", "L.30.tracked.docx", "l.12.json",
                                                         "l.12.tracked.docx"]
    tracked = docx.Document(str(out_dir / "l.12.tracked.docx"))
    assert len(tracked.paragraphs) > 10
    assert "w:ins" in tracked.element.xml and "w:del" in tracked.element.xml
    comparison = json.loads((out_dir / "L.30.json").read_text(encoding="utf-8"))
    assert comparison["statistics"] == generated["statistics"]
    table = got.stdout.splitlines()
    assert sum(line.split("  ")[-1].startswith("failed: ") for line in table) == 2
    assert table[-2:] == ["4 pairs: 2 ok, 2 failed", f"report: {report}"]


def test_csv_spreadsheet_forms(tmp_path):
    """No header, ';' as a French spreadsheet writes it, a BOM, absolute paths, blank rows; bad rows refused."""
    listing = tmp_path / "list.csv"
    listing.write_bytes(f"\ufeff{DRAFT};{ADOPTED}\n;\nsub/a.txt ; b.txt\n".encode("utf-8"))
    plan = batch.read_csv(listing)
    assert plan.pairs == ((str(DRAFT), str(ADOPTED)), (str(tmp_path / "sub" / "a.txt"), str(tmp_path / "b.txt")))
    listing.write_text("draft,adopted\none.txt\n", encoding="utf-8")
    with pytest.raises(batch.UsageError, match="line 2: expected two file names"):
        batch.read_csv(listing)


def test_ambiguous_names_are_unpaired_not_guessed(tmp_path):
    drafts, adopted = tmp_path / "d", tmp_path / "a"
    drafts.mkdir()
    adopted.mkdir()
    for name in ("L.7.docx", "L.7.txt", "L.8.txt"):
        (drafts / name).write_text("x", encoding="utf-8")
    for name in ("l.7.pdf", "L.8.odt", "L.8.tracked.docx", "L.9.md"):
        (adopted / name).write_text("x", encoding="utf-8")
    plan = batch.pair_folders(drafts, adopted)
    assert plan.pairs == ((str(drafts / "L.8.txt"), str(adopted / "L.8.odt")),)
    reasons = {Path(u.path).name: (u.side, u.reason) for u in plan.unpaired}
    assert reasons["L.7.docx"][1].startswith("2 files of this name in the draft folder")
    assert reasons["l.7.pdf"] == ("adopted", "several files of this name in the other folder (L.7.docx, L.7.txt)")
    assert reasons["L.9.md"] == ("adopted", "no draft file of this name")
    assert plan.ignored == 1                                            # an earlier batch's export


def test_outputs_of_pairs_sharing_an_adopted_name_do_not_collide(tmp_path):
    plan = batch.Plan(((str(DRAFT), "x/L.1.txt"), (str(DRAFT), "y/l.1.docx"), (str(DRAFT), "z/L.1-2.txt")))
    jobs = batch.make_jobs(plan, batch.Settings(), out=str(tmp_path / "o"), kinds=["json", "tracked"])
    names = [[Path(p).name for _kind, p in job.outputs] for job in jobs]
    assert names == [["L.1.tracked.docx", "L.1.json"], ["l.1-2.tracked.docx", "l.1-2.json"],
                     ["L.1-2-2.tracked.docx", "L.1-2-2.json"]]
    assert (tmp_path / "o").is_dir()


@pytest.mark.parametrize("args,message", [
    ([], "give two folders (DRAFTS_DIR ADOPTED_DIR) or --csv FILE"),
    (["{d}", "{a}", "--csv", "x.csv"], "not both"),
    (["{d}", "{d}"], "in the same folder"),
    (["{d}", "{a}/nope"], "no such folder"),
    (["{d}", "{a}", "--tracked"], "give --out DIR"),
    (["{d}", "{a}", "--out", "{o}"], "nothing to export"),
    (["--csv", "{d}/missing.csv"], "the file does not exist"),
    (["{d}", "{a}", "--report", "{d}/L.40.txt"], "refusing to overwrite an input document"),
])
def test_usage_errors_are_one_line_and_exit_2(session, tmp_path, capsys, args, message):
    fill = {"d": session / "drafts", "a": session / "adopted", "o": tmp_path / "o"}
    code = main(["batch", *(arg.format(**fill) for arg in args)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("draftcompare: ") and message in err


def test_an_unexpected_failure_is_one_line_and_logged(monkeypatch, caplog):
    import app.io.pipeline as pipeline

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom\non two lines")
    monkeypatch.setattr(pipeline, "compare_files", broken)
    job = batch.PairJob(0, str(DRAFT), str(ADOPTED), batch.Settings())
    with caplog.at_level("ERROR", logger="app.batch"):
        result = batch.run_pair(job)
    assert not result.ok and "\n" not in result.error
    assert result.error == ("draft_en.txt / adopted_en.txt: unexpected error (RuntimeError: boom on two lines); "
                            "the log has the details")
    assert any(r.exc_info for r in caplog.records)                      # the traceback is in the log


def test_damaged_word_file_from_the_bad_corpus_fails_alone(tmp_path, capsys):
    drafts, adopted = tmp_path / "d", tmp_path / "a"
    drafts.mkdir()
    adopted.mkdir()
    valid = minimal_docx(VALID)
    (drafts / "A.docx").write_bytes(valid[: len(valid) // 2])           # truncated
    (drafts / "B.txt").write_text(DRAFT.read_text(encoding="utf-8"), encoding="utf-8")
    for name in ("A.txt", "B.txt"):
        shutil.copy(ADOPTED, adopted / name)
    assert main(["batch", str(drafts), str(adopted), "--jobs", "1"]) == 1
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("A.docx"))
    assert row.split("  ")[-1].startswith(f"failed: {drafts / 'A.docx'}: ")
    assert main(["batch", str(drafts), str(adopted), "--jobs", "1", "--no-review"]) == 1
    (drafts / "A.docx").unlink()
    shutil.copy(DRAFT, drafts / "A.txt")
    assert main(["batch", str(drafts), str(adopted)]) == 0             # every pair fine: exit 0


# ---- compact JSON ----------------------------------------------------------------------------------------

def test_json_is_compact_by_default_and_pretty_has_the_same_content(tmp_path, capsys):
    compact, pretty = tmp_path / "c.json", tmp_path / "p.json"
    assert main(["compare", str(DRAFT), str(ADOPTED), "--json", str(compact)]) == 0
    assert main(["compare", str(DRAFT), str(ADOPTED), "--json", str(pretty), "--pretty"]) == 0
    text, indented = compact.read_text(encoding="utf-8"), pretty.read_text(encoding="utf-8")
    assert text.count("\n") == 1 and text.endswith("}\n") and text.startswith('{"schema":"draftcompare.comparison",')
    assert indented.startswith('{\n "schema": "draftcompare.comparison",\n "version": 1,')
    a, b = json.loads(text), json.loads(indented)
    a.pop("compared_at"), b.pop("compared_at")
    assert a == b
    exported, exported_pretty = tmp_path / "e.json", tmp_path / "ep.json"
    assert main(["export", str(DRAFT), str(ADOPTED), "--json", str(exported)]) == 0
    assert main(["export", str(DRAFT), str(ADOPTED), "--json", str(exported_pretty), "--pretty"]) == 0
    assert exported.read_text(encoding="utf-8").count("\n") == 1
    assert exported_pretty.read_text(encoding="utf-8").count("\n") > 100
    assert f"json:            {exported_pretty}\n" in capsys.readouterr().out         # export's line as before


def test_non_ascii_is_written_as_utf8(tmp_path):
    from app.io.json_export import dumps
    assert dumps({"t": "Décide « ainsi » — 第一条"}) == '{"t":"Décide « ainsi » — 第一条"}'
    assert dumps({"t": [1, 2]}, pretty=True) == '{\n "t": [\n  1,\n  2\n ]\n}'


def test_progress_bar_only_on_a_terminal(monkeypatch):
    import io

    from app.cli import _Bar

    class Terminal(io.StringIO):
        def isatty(self):
            return True
    for stream, shown in ((Terminal(), True), (io.StringIO(), False)):
        monkeypatch.setattr(sys, "stderr", stream)
        bar = _Bar()
        jobs = [batch.PairJob(n, str(DRAFT), str(ADOPTED), batch.Settings()) for n in range(2)]
        results = batch.run_batch(jobs, workers=1, progress=bar)
        bar.close()
        assert [r.ok for r in results] == [True, True]
        text = stream.getvalue()
        assert ("draftcompare: compared 2 of 2 pairs… [####################] (100%)" in text) is shown
        assert text.endswith("\r") if shown else text == ""


def test_batch_loads_no_qt():
    code = ("import sys, app.batch, app.cli\n"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_worker_that_dies_fails_only_its_own_pair(tmp_path):
    """A worker killed outright (as the system does when memory runs out) breaks the pool; the pairs
    it took down are run again one at a time, and only the pair that kills its process fails."""
    script = f"""
import os, sys
sys.path.insert(0, {str(ROOT)!r})
import app.batch as batch
real = batch.run_pair
def dying(job):
    if job.index == 1:
        os._exit(9)
    return real(job)
dying.__module__, dying.__qualname__ = "app.batch", "run_pair"
batch.run_pair = dying
plan = batch.Plan(tuple(({str(DRAFT)!r}, {str(ADOPTED)!r}) for _ in range(4)))
results = batch.run_batch(batch.make_jobs(plan, batch.Settings()), workers=2)
print([r.ok for r in results])
print(results[1].error)
"""
    import multiprocessing
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched worker function reaches the workers only when they are forked")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    oks, error = out.stdout.splitlines()
    assert oks == "[True, False, True, True]"
    assert error.startswith("adopted_en.txt: the process comparing this pair ended abruptly")
