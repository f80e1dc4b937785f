"""Issue #17 B.3: one review shared by several writers (windows, processes) and readers (CLI export).

The review's lock (app.io.review_lock) and the merging autosaver (app.io.review_store): real processes
write notes on one pair at once; no note is lost, no journal section of a running writer is removed, the
file always parses, and a CLI export reading the notes meanwhile succeeds.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.core.review import Review, reattach
from app.io import review_journal, review_lock, review_store
from app.io.review_lock import Owner, ReviewLock
from conftest import ROOT

ROUNDS = 50
PARAGRAPHS = 2 * ROUNDS


def pair_texts(n: int = PARAGRAPHS) -> list[str]:
    return [f"{n + 1}. Requests the Secretary-General to report on item {n} number {n * 7919 % 1000} "
            f"at its {['first', 'second', 'third'][n % 3]} session, including annex {n};"
            for n in range(n)]


def write_pair(folder: Path) -> tuple[Path, Path]:
    """A draft and an adopted text of ``PARAGRAPHS`` paragraphs (one word differs in each)."""
    texts = pair_texts()
    draft, adopted = folder / "draft.txt", folder / "adopted.txt"
    draft.write_text("\n\n".join(t.replace("Requests", "Invites") for t in texts) + "\n", encoding="utf-8")
    adopted.write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    return draft, adopted


def dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(proc.stdout)


# -- the lock -----------------------------------------------------------------------------------------

def test_the_lock_names_its_owner_and_excludes_others(tmp_path):
    review = tmp_path / "a.dcreview"
    first = ReviewLock(review)
    assert first.acquire()
    data = json.loads(first.path.read_text())
    assert data["pid"] == os.getpid() and data["host"] == review_lock.this_host() and data["time"] > 0
    assert first.path.name == "a.dcreview.lock"
    second = ReviewLock(review)
    started = time.monotonic()
    assert not second.acquire(timeout=0.3)             # held by a live owner: not broken
    assert time.monotonic() - started >= 0.3
    first.release()
    assert not first.path.exists()
    with ReviewLock(review):
        assert first.path.exists()
    assert not first.path.exists()


@pytest.mark.parametrize("owner,age,stale", [
    ("dead pid, this host", 0, True),
    ("live pid, this host", 0, False),
    ("other host, recent", 0, False),
    ("other host, old", review_lock.STALE_AFTER + 5, True),
    ("live pid, old", review_lock.STALE_AFTER + 5, True),       # a hung writer
    ("empty, just created", 0, False),
    ("empty, old", review_lock.EMPTY_GRACE + 5, True),
])
def test_stale_locks_are_broken_live_ones_kept(tmp_path, owner, age, stale):
    review = tmp_path / "a.dcreview"
    lock = ReviewLock(review)
    host = "elsewhere.example" if "other host" in owner else review_lock.this_host()
    pid = dead_pid() if "dead" in owner else (os.getppid() if "live" in owner else 1)
    when = time.time() - age
    content = "" if "empty" in owner else json.dumps(Owner(pid, host, when, "other").to_dict())
    lock.path.write_text(content)
    os.utime(lock.path, (when, when))
    assert lock.acquire(timeout=0.2) is stale
    if stale:
        assert json.loads(lock.path.read_text())["pid"] == os.getpid()
        lock.release()
    else:
        assert lock.path.read_text() == content          # someone else's live lock is left alone


def test_a_lock_of_this_process_that_no_one_holds_is_stale(tmp_path):
    review = tmp_path / "a.dcreview"
    lock = ReviewLock(review)
    lock.path.write_text(json.dumps(Owner(os.getpid(), review_lock.this_host(), time.time(), "gone").to_dict()))
    assert lock.acquire(timeout=0.2)
    lock.release()


def test_a_read_only_folder_is_an_error_not_a_wait(tmp_path, monkeypatch):
    import errno

    def refuse(path, flags, mode=0o777, **kw):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))
    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(review_journal.ExportError, match="read-only"):
        ReviewLock(tmp_path / "a.dcreview").acquire(timeout=5)


# -- two writers in two processes ---------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import json, os, random, sys, time
    sys.path[:0] = [{root!r}, {tests!r}]
    from app.core.review import reattach
    from app.io import review_store
    from app.io import review_journal
    from app.io.pipeline import compare_files

    name, first, same_pair, draft, adopted, go = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1", *sys.argv[4:]
    c = compare_files(draft, adopted)
    digests = [review_store.file_digest(p) for p in (draft, adopted)]
    path = review_store.review_path_for(adopted)
    saver = review_journal.Autosaver(path, delay=0.005, rebase=lambda disk: reattach(disk, c, *digests))
    from app.core.review import Review
    review = Review(draft, adopted, *digests)
    problems, rng = [], random.Random(name)
    while not os.path.exists(go):          # start together
        time.sleep(0.001)
    for k in range({rounds}):
        pair = first if same_pair else first + k
        review = review.with_note(c, pair, f"{{name}} round {{k}}")
        if k % 5 == 4:
            review = review.with_checked(c, pair, True)
        p = c.pairs[pair]
        saver.schedule(review, {{(p.draft, p.adopted)}})
        time.sleep(rng.random() * 0.004)
        journal = review_journal.read_journal(path)       # never damaged, never without my section
        if saver.has_pending() and (journal is None or
                                    saver.session not in [s.owner.session for s in journal.sections]):
            problems.append(f"round {{k}}: my journal section was removed by the other writer")
        if k % 2 or rng.random() < 0.5:
            saver.flush()
        if path.exists():
            on_disk = review_store.load(path)           # the file always parses
            texts = {{n.text for n in on_disk.notes}}
            if not same_pair and saver.saves:
                lost = [j for j in range(k) if f"{{name}} round {{j}}" not in texts and not saver.has_pending()]
                if lost:
                    problems.append(f"round {{k}}: notes of rounds {{lost}} missing from the file")
    assert saver.close(), saver.last_error
    print(json.dumps({{"problems": problems, "saves": saver.saves}}))
""")


def run_writers(tmp_path, same_pair: bool, readers: int = 0):
    draft, adopted = write_pair(tmp_path)
    go = tmp_path / "go"
    script = WRITER.format(root=str(ROOT), tests=str(ROOT / "tests"), rounds=ROUNDS)
    procs = [subprocess.Popen([sys.executable, "-c", script, name, str(first), "1" if same_pair else "0",
                               str(draft), str(adopted), str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name, first in (("A", 0), ("B", 0 if same_pair else ROUNDS))]
    time.sleep(1.5)                     # both have compared and wait for the start
    go.touch()
    review_file = review_store.review_path_for(adopted)
    parsed, exports = 0, []
    deadline = time.monotonic() + 120
    while any(p.poll() is None for p in procs) and time.monotonic() < deadline:
        if review_file.exists():
            review_store.load(review_file)          # a reader, as the CLI export is: always a whole file
            parsed += 1
        if len(exports) < readers:
            out = tmp_path / f"annotated{len(exports)}.docx"
            exports.append((out, subprocess.Popen(
                [sys.executable, "-m", "app.cli", "export", str(draft), str(adopted), "--annotated", str(out)],
                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))
        time.sleep(0.002)
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    for out, proc in exports:
        stdout, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 0, stderr
        assert "notes:" in stdout and out.stat().st_size > 0
    return draft, adopted, review_file, results, parsed


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()
                  if p.name.endswith((".lock", ".break", ".autosave", ".part")) or ".damaged-" in p.name)


def test_two_processes_writing_notes_on_one_pair_lose_nothing(tmp_path):
    draft, adopted, review_file, results, parsed = run_writers(tmp_path, same_pair=False, readers=3)
    assert [r["problems"] for r in results] == [[], []]
    assert all(r["saves"] > 0 for r in results)
    final = review_store.load(review_file)
    texts = sorted(n.text for n in final.notes)
    assert texts == sorted(f"{name} round {k}" for name in "AB" for k in range(ROUNDS))
    assert sum(n.checked for n in final.notes) == 2 * (ROUNDS // 5)
    assert leftovers(tmp_path) == []                 # no journal, lock or temporary left behind
    assert parsed > 0
    from app.io.pipeline import compare_files
    c = compare_files(draft, adopted)
    placed = reattach(final, c, *(review_store.file_digest(p) for p in (draft, adopted)))
    assert len(placed.notes_by_pair(c)) == 2 * ROUNDS and not placed.unplaced


def test_two_processes_writing_the_same_paragraph_keep_one_valid_note(tmp_path):
    _, _, review_file, results, _ = run_writers(tmp_path, same_pair=True)
    assert [r["problems"] for r in results] == [[], []]
    final = review_store.load(review_file)
    assert len(final.notes) == 1 and final.notes[0].text in (f"A round {ROUNDS - 1}", f"B round {ROUNDS - 1}")
    assert leftovers(tmp_path) == []


LIVE_WRITER = textwrap.dedent("""
    import sys, time
    sys.path[:0] = [{root!r}, {tests!r}]
    from test_review import comparison
    from app.core.review import Review
    from app.io.review_journal import Autosaver
    c = comparison()
    saver = Autosaver({path!r}, delay=600)      # keeps its edit in the journal for the test's length
    saver.schedule(Review("d.txt", "a.txt", "x", "y").with_note(c, 1, "Typed in the other window"))
    print("ready", flush=True)
    time.sleep(600)
""")


def test_a_running_writers_journal_is_never_removed_nor_offered(tmp_path):
    from test_review import comparison
    path = tmp_path / "a.dcreview"
    other = subprocess.Popen([sys.executable, "-c", LIVE_WRITER.format(root=str(ROOT), tests=str(ROOT / "tests"),
                                                                        path=str(path))],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "ready"
        assert review_journal.recover(path) is None            # it is running: nothing to recover
        c = comparison()
        mine = review_journal.Autosaver(path, delay=60)
        mine.schedule(Review("d.txt", "a.txt", "x", "y").with_note(c, 3, "Typed here"))
        assert mine.close()
        journal = review_journal.read_journal(path)
        assert [s.owner.pid for s in journal.sections] == [other.pid]   # its section survived my save
        assert [n.text for n in review_store.load(path).notes] == ["Typed here"]
    finally:
        other.kill()
        other.wait()
    found = review_journal.recover(path)                       # it died: now its notes are offered
    assert found is not None and [n.text for n in found.review.notes] == ["Typed in the other window"]
    c = comparison()
    taker = review_journal.Autosaver(path, delay=60)
    taker.schedule(Review("d.txt", "a.txt", "x", "y").with_note(c, 1, "Typed in the other window"),
                   found.pairs, adopt=found)
    assert taker.close()
    assert sorted(n.text for n in review_store.load(path).notes) == ["Typed here", "Typed in the other window"]
    assert not review_journal.journal_path(path).exists()


def test_declined_notes_of_a_dead_session_are_kept_aside_not_deleted(tmp_path):
    from test_review import comparison
    path = tmp_path / "a.dcreview"
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / 'tests')!r}]
        from test_review import comparison
        from app.core.review import Review
        from app.io.review_journal import Autosaver
        saver = Autosaver({str(path)!r}, delay=60)
        saver.schedule(Review("d.txt", "a.txt").with_note(comparison(), 2, "Declined later"))
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    subprocess.run([sys.executable, "-c", script], timeout=60)
    found = review_journal.recover(path)
    assert found is not None
    kept = review_journal.set_aside(path, found)
    assert ".autosave.declined-" in kept.name
    assert not review_journal.journal_path(path).exists()
    assert "Declined later" in kept.read_text(encoding="utf-8")
    assert review_journal.recover(path) is None
    assert comparison() is not None
