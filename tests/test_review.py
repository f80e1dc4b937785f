"""Reviewer notes: saved atomically, autosaved with a debounce, re-attached when documents change,
recovered after a crash (a real process killed mid-review)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time

import pytest

from app.core.compare import compare_documents
from app.core.model import Document, Kind, Paragraph
from app.core.review import Review, reattach
from app.io import review_store
from app.io import review_journal
from app.io.errors import InputError
from conftest import ROOT

TEXTS = [
    "Requests the Office of the High Commissioner to provide technical assistance to the Government;",
    "Encourages all States to cooperate fully with the Independent Expert in the discharge of the mandate;",
    "Decides to extend the mandate of the Independent Expert for a period of one year;",
    "Welcomes the release of 112 detainees and calls for the release of all others arbitrarily held;",
    "Urges the authorities to guarantee the independence and impartiality of the judiciary;",
    "Condemns the attacks against schools, hospitals and humanitarian convoys in the strongest terms;",
]


def doc(texts, name):
    return Document(name, tuple(Paragraph(i, t, Kind.OPERATIVE, ordinal=i + 1) for i, t in enumerate(texts)),
                    language="en")


def comparison(draft=TEXTS, adopted=TEXTS):
    return compare_documents(doc(draft, "d.txt"), doc(adopted, "a.txt"))


def pair_of(c, adopted_text):
    return next(n for n, p in enumerate(c.pairs) if p.adopted and c.adopted.paragraphs[p.adopted[0]].text == adopted_text)


def test_notes_round_trip_through_the_file(tmp_path):
    c = comparison()
    r = Review("d.txt", "a.txt").with_note(c, 2, "Ask the facilitator").with_checked(c, 4, True)
    path = review_store.save(tmp_path / "a.dcreview", r)
    back = review_store.load(path)
    assert back == r
    assert back.notes_by_pair(c) == {2: "Ask the facilitator", 4: "\u2713 checked"}
    assert json.loads(path.read_text())["version"] == 1


def test_an_emptied_note_is_removed(tmp_path):
    c = comparison()
    r = Review("d.txt", "a.txt").with_note(c, 1, "x").with_note(c, 1, "  ")
    assert r.notes == ()


def test_notes_follow_their_text_when_the_documents_change():
    before = comparison()
    r = Review("d.txt", "a.txt").with_note(before, pair_of(before, TEXTS[3]), "Figure checked")
    r = r.with_note(before, pair_of(before, TEXTS[5]), "Gone later")
    after_texts = ["A new paragraph inserted at the very top of the adopted text, shifting all;"] + TEXTS[:5]
    after = comparison(TEXTS[:5], after_texts)
    moved = reattach(r, after, "new-digest", "new-digest")
    assert moved.notes_by_pair(after) == {pair_of(after, TEXTS[3]): "Figure checked"}
    assert [n.text for n in moved.unplaced] == ["Gone later"]     # listed, never dropped


def test_unchanged_documents_keep_notes_by_position():
    c = comparison()
    r = Review("d.txt", "a.txt", "x", "y").with_note(c, 0, "first")
    assert reattach(r, c, "x", "y").notes_by_pair(c) == {0: "first"}


@pytest.mark.parametrize("content,reason", [
    ("{not json", "not valid JSON"),
    ('{"schema": "other"}', "not a Draft Compare review file"),
    ('{"schema": "draftcompare.review", "version": 9}', "newer version"),
    ('{"schema": "draftcompare.review", "version": 1, "draft": {"path": "d"}, "adopted": {"path": "a"},'
     ' "notes": [{"text": "x"}]}', "damaged"),
])
def test_bad_review_files_give_clear_messages(tmp_path, content, reason):
    path = tmp_path / "x.dcreview"
    path.write_text(content)
    with pytest.raises(InputError, match=reason):
        review_store.load(path)
    kept = review_store.keep_corrupt(path)
    assert kept.read_text() == content and not path.exists()


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    c = comparison()
    path = tmp_path / "a.dcreview"
    review_store.save(path, Review("d.txt", "a.txt").with_note(c, 0, "old"))
    before = path.read_text()

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(Exception, match="disk is full"):
        review_store.save(path, Review("d.txt", "a.txt").with_note(c, 0, "new"))
    assert path.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.dcreview"]


def test_autosave_debounces_and_clears_the_journal(tmp_path):
    c = comparison()
    path = tmp_path / "a.dcreview"
    saver = review_journal.Autosaver(path, delay=1.0)     # long enough for five quick notes on a busy machine
    r = Review("d.txt", "a.txt")
    for n in range(5):
        r = r.with_note(c, n, f"note {n}")
        saver.schedule(r)
    assert review_journal.journal_path(path).exists() and not path.exists()
    deadline = time.monotonic() + 10
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.1)
    assert saver.saves == 1 and review_store.load(path) == r
    assert not review_journal.journal_path(path).exists()
    assert review_journal.recoverable(path) is None


def test_crash_mid_review_is_recovered(tmp_path):
    path = tmp_path / "a.dcreview"
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / 'tests')!r}]
        from test_review import comparison
        from app.core.review import Review
        from app.io.review_journal import Autosaver
        c = comparison()
        saver = Autosaver({str(path)!r}, delay=60)   # the review file is not written before the crash
        r = Review("d.txt", "a.txt").with_note(c, 1, "Do not lose me").with_checked(c, 2, True)
        saver.schedule(r)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == -9, proc.stderr
    assert not path.exists()
    recovered = review_journal.recoverable(path)
    assert recovered is not None
    c = comparison()
    assert recovered.notes_by_pair(c) == {1: "Do not lose me", 2: "\u2713 checked"}
    assert recovered.note_for(c, 2).checked


def test_review_file_names_its_documents_and_finds_them_beside_it_when_moved(tmp_path):
    from app.core.review import Review
    folder = tmp_path / "a"
    folder.mkdir()
    for name in ("d.txt", "a.txt"):
        (folder / name).write_text("Decides to remain seized of the matter.\n", encoding="utf-8")
    review_file = folder / "a.dcreview"
    review_store.save(review_file, Review(str(folder / "d.txt"), str(folder / "a.txt")))
    assert review_store.documents_of(review_file) == (folder / "d.txt", folder / "a.txt")
    moved = tmp_path / "b"
    folder.rename(moved)
    assert review_store.documents_of(moved / "a.dcreview") == (moved / "d.txt", moved / "a.txt")
    (moved / "a.txt").unlink()
    with pytest.raises(InputError, match=r"adopted text it belongs to \(a\.txt\)"):
        review_store.documents_of(moved / "a.dcreview")
    assert review_store.is_review_file("x/Notes.DCREVIEW") and not review_store.is_review_file("a.docx")


def test_exports_see_the_note_and_the_checked_mark():
    c = compare_documents(Document("d.txt", (Paragraph(0, "Decides to act;", Kind.OPERATIVE),
                                             Paragraph(1, "Requests a report;", Kind.OPERATIVE))),
                          Document("a.txt", (Paragraph(0, "Decides to act now;", Kind.OPERATIVE),
                                             Paragraph(1, "Requests a report;", Kind.OPERATIVE))))
    r = Review("d.txt", "a.txt").with_note(c, 0, "Ask the sponsor").with_checked(c, 0, True)
    r = r.with_checked(c, 1, True)
    assert r.notes_by_pair(c) == {0: "\u2713 checked \u2014 Ask the sponsor", 1: "\u2713 checked"}
    assert r.with_checked(c, 1, False).notes_by_pair(c) == {0: "\u2713 checked \u2014 Ask the sponsor"}


def test_where_a_pairs_review_is_kept_chosen_then_beside_then_the_profile(tmp_path, monkeypatch):
    """Issue #16: the profile by default; a review an older version left beside the adopted text is still
    read; the file the officer chose ("Save review as") wins, while it exists. No Qt needed: the command
    line finds the same file."""
    profile = tmp_path / "profile"
    draft, adopted = tmp_path / "d.txt", tmp_path / "a.txt"
    default = review_store.profile_review_path(profile, draft, adopted)
    assert review_store.review_location(profile, draft, adopted) == default
    beside = review_store.review_path_for(adopted)
    beside.write_text("{}", encoding="utf-8")
    assert review_store.review_location(profile, draft, adopted) == beside
    chosen = tmp_path / "shared" / "ours.dcreview"
    review_store.remember_location(profile, draft, adopted, chosen)
    assert review_store.review_location(profile, draft, adopted) == beside       # not written yet
    chosen.parent.mkdir()
    chosen.write_text("{}", encoding="utf-8")
    assert review_store.review_location(profile, draft, adopted) == chosen
    review_store.remember_location(profile, draft, adopted, default)             # back in the profile
    assert not review_store.location_file(profile, draft, adopted).exists()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert review_store.profile_reviews_folder() == tmp_path / "xdg" / "Draft Compare" / "Draft Compare" / "reviews"
