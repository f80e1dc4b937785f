"""Every generated hostile or broken file through ``draftcompare compare`` in a child process: exit 0, or
exit 2 with exactly one stderr line naming the file; never a traceback; under 5 s and 500 MB each.

The corpus is tests/data/make_bad_files.py's: the inputs every reader must refuse (make_bad_files) and
those built to make a reader do unbounded work (make_hostile_files: list numbers starting at 26 billion
in letters, unclosed Markdown links, deep nesting, huge attributes, 2 million empty paragraphs ...).
The peak memory is the child's own ``ru_maxrss`` (resource.getrusage), written to a file on exit.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))
from make_bad_files import HOSTILE, make_bad_files, make_hostile_files, make_slow_texts  # noqa: E402

TIME_LIMIT = 5.0
MEMORY_LIMIT_MB = 500
ADOPTED = SAMPLES / "adopted_en.txt"

# What ``draftcompare compare`` runs (the entry point is app.cli:main), plus its peak RSS on the way out.
_CHILD = r"""
import resource, sys
from app.cli import main
try:
    code = main(sys.argv[2:])
except SystemExit as exc:
    code = exc.code
with open(sys.argv[1], "w") as fh:
    fh.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))   # kB on Linux
sys.exit(code)
"""


def run_compare(path: Path, tmp_path: Path, timeout: float = 60) -> tuple[subprocess.CompletedProcess, float, float]:
    """(result, seconds, peak RSS in MB) of ``draftcompare compare PATH sample`` in a child process."""
    rss_file = tmp_path / f"rss-{path.name}"
    env = {**os.environ, "DRAFTCOMPARE_LOG_DIR": str(tmp_path / "log"), "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _CHILD, str(rss_file), "compare", str(path), str(ADOPTED)],
                            capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=env)
    elapsed = time.perf_counter() - start
    rss = int(rss_file.read_text()) / 1024 if rss_file.exists() else float("nan")
    return result, elapsed, rss


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict[str, Path]:
    return make_hostile_files(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> dict[str, Path]:
    files = make_bad_files(tmp_path_factory.mktemp("bad"))
    yield files
    os.chmod(files["unreadable.docx"], 0o600)   # let pytest clean up


def check_outcome(path: Path, result: subprocess.CompletedProcess, elapsed: float, rss: float) -> None:
    err = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode in (0, 2), (result.returncode, result.stderr[-2000:])
    if result.returncode == 2:
        assert len(err) == 1, err
        assert str(path) in err[0] and err[0].startswith("draftcompare: "), err
    else:
        # What a reader read only in part is said on stderr, one line per note naming the file.
        assert all(line.startswith("draftcompare: ") and path.name in line for line in err), err
    assert elapsed < TIME_LIMIT, f"{path.name} took {elapsed:.2f} s"
    assert rss < MEMORY_LIMIT_MB, f"{path.name} peaked at {rss:.0f} MB"


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_through_the_cli(hostile, tmp_path, name):
    path = hostile[name]
    try:
        result, elapsed, rss = run_compare(path, tmp_path, timeout=TIME_LIMIT * 3)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: no answer within {TIME_LIMIT * 3:.0f} s")
    check_outcome(path, result, elapsed, rss)


def test_every_bad_file_through_the_cli(bad, tmp_path):
    failures = []
    for name, path in sorted(bad.items()):
        try:
            check_outcome(path, *run_compare(path, tmp_path, timeout=TIME_LIMIT * 3))
        except (AssertionError, subprocess.TimeoutExpired) as exc:
            failures.append(f"{name}: {exc}")
    assert not failures, "\n".join(failures)


def test_the_numbering_file_reads_in_bounded_time_and_memory(hostile, tmp_path):
    # Issue #17: list numbering starting at 26,000,000,000 in letters took 5.9 GB. Letters past "zzz…z"
    # (30 letters) and roman numerals past 3999 are decimal; starts are clamped to Word's 0..32767.
    code = ("import resource, sys, time\n"
            "from app.io.readers import read_document\n"
            "t = time.perf_counter()\n"
            "doc = read_document(sys.argv[1])\n"
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
            "print('|'.join(p.numbering for p in doc.paragraphs[:3]))")
    for name in ("numbering_letters_26e9.docx", "numbering_upper_letters_26e9.docx", "numbering_roman_26e9.docx",
                 "numbering_start_override.docx", "numbering_huge_level_text.docx"):
        out = subprocess.run([sys.executable, "-c", code, str(hostile[name])], capture_output=True, text=True,
                             timeout=60, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert out.returncode == 0, out.stderr[-2000:]
        timing, labels = out.stdout.strip().splitlines()
        seconds, mb = map(float, timing.split())
        assert seconds < TIME_LIMIT and mb < MEMORY_LIMIT_MB, (name, seconds, mb)
        assert all(len(label) < 2000 for label in labels.split("|")), (name, labels[:200])
        if name != "numbering_huge_level_text.docx":   # the start clamped, past letters and roman: decimal
            assert labels.split("|")[0] == "32767.", labels[:200]


# Inputs that took too long or crashed in the reflow of pasted text (app/io/reflow.py, app/io/text_notes.py),
# each with where the time went: now bounded like the rest.
SLOW = {
    "slow_run_in_refers.txt": "reflow.split_run_in: _REFERS.search(piece.text[start:r.start()]) for every "
                              "candidate of _RUN_IN rescans the paragraph from its start (50 kB: 21 s)",
    "slow_uncited_notes.txt": "text_notes.place_notes: _spaced_citation compiles a pattern and scans every body "
                              "piece for each uncited note (150 kB: 19 s)",
    "slow_running_head_chain.txt": "reflow._repeated_heads: one pass over all lines per line added (110 kB: 14 s)",
    "slow_superscript_run.txt": "reflow._note_number: int() of a 50,000-digit superscript run raises ValueError",
    "slow_superscript_citation.txt": "text_notes._cite: int() of a 5,000-digit superscript marker raises ValueError",
}


@pytest.fixture(scope="module")
def slow(tmp_path_factory) -> dict[str, Path]:
    return make_slow_texts(tmp_path_factory.mktemp("slow"))


@pytest.mark.parametrize("name", list(SLOW))
def test_text_that_once_was_slow_in_the_reflow_is_bounded(slow, tmp_path, name):
    path = slow[name]
    try:
        result, elapsed, rss = run_compare(path, tmp_path, timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: no answer within {TIME_LIMIT:.0f} s")
    check_outcome(path, result, elapsed, rss)
