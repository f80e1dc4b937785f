"""Issue #17 B.1 and B.5: review files are read within bounds and with strict types, and a review with
huge excerpts saves, loads and re-attaches in linear time. No Qt."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from app.core.compare import compare_documents
from app.core.review import EXCERPT, Review, reattach
from app.io import review_store
from app.io import review_journal
from app.io.errors import InputError
from test_review import TEXTS, comparison, doc

BASE = {"schema": "draftcompare.review", "version": 1, "draft": {"path": "d.txt"}, "adopted": {"path": "a.txt"}}


def note(**changes) -> dict:
    n = {"key": {"draft": [1], "adopted": [1]}, "text": "Ask the sponsor", "checked": False}
    n.update(changes)
    return n


def review_file(tmp_path: Path, notes=(), text: str | None = None, name: str = "x.dcreview") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({**BASE, "notes": list(notes)}) if text is None else text, encoding="utf-8")
    return path


# -- size ----------------------------------------------------------------------------------------------

def test_a_huge_review_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.dcreview"
    with open(path, "wb") as fh:
        fh.truncate(1 << 30)                      # 1 GB (sparse: costs no disk)
    opened = []
    real_open = open
    monkeypatch.setattr(review_store, "open", lambda *a, **k: opened.append(a[0]) or real_open(*a, **k), raising=False)
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"too large \(1024 MB; the limit is 20 MB\)") as info:
        review_store.load(path)
    assert time.perf_counter() - started < 1.0 and opened == []
    assert info.value.path == str(path) and "\n" not in info.value.message
    just_over = tmp_path / "over.dcreview"
    just_over.write_bytes(b" " * (review_store.MAX_BYTES + 1))
    with pytest.raises(InputError, match="too large"):
        review_store.load(just_over)


def test_what_is_not_a_regular_file_is_refused_without_blocking(tmp_path):
    folder = tmp_path / "folder.dcreview"
    folder.mkdir()
    with pytest.raises(InputError, match="not a regular file"):
        review_store.load(folder)
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.dcreview"
        os.mkfifo(fifo)
        with pytest.raises(InputError, match="not a regular file"):
            review_store.load(fifo)                # a read would wait for a writer forever


# -- structure -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,reason", [
    ('{"schema": "draftcompare.review", "version": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
     "nested too deeply"),
    ('{"schema": "draftcompare.review", "version": 1, "x": ' + "{\"a\": " * 5_000 + "1" + "}" * 5_000 + "}",
     "nested too deeply"),
    (json.dumps({**BASE, **{f"k{i}": i for i in range(100)}}), "more than 64 keys"),
    (json.dumps({**BASE, "x": [[]] * 1_000_001}), "more than 1000000 objects and lists"),
    ('{"schema": "draftcompare.review", "version": 1, "x": ' + "[" * 100_000, "not valid JSON"),
    (json.dumps({**BASE, "notes": [note(key={"draft": [0], "adopted": [0]})]}).replace("[0]", "[1e400]", 1),
     "draft paragraph index is not a whole number"),
    (json.dumps({**BASE, "notes": [note(key={"draft": [0], "adopted": [0]})]}).replace("[0]", "[NaN]", 1),
     "NaN"),
    (json.dumps({**BASE, "notes": [note(key={"draft": [-1], "adopted": [0]})]}), "not a whole number from 0"),
    (json.dumps({**BASE, "notes": [note(key={"draft": [True], "adopted": [0]})]}), "not a whole number"),
    (json.dumps({**BASE, "notes": [note(key={"draft": [1.0], "adopted": [0]})]}), "not a whole number"),
    (json.dumps({**BASE, "notes": [note(key={"draft": [10 ** 30], "adopted": [0]})]}), "not a whole number"),
    (json.dumps({**BASE, "notes": [note(key={"draft": "1", "adopted": [0]})]}), "not a list"),
    (json.dumps({**BASE, "notes": [note(key={"draft": [], "adopted": []})]}), "names no paragraph"),
    (json.dumps({**BASE, "notes": [note(text={"a": 1})]}), "note 1: 'text' is not a JSON string"),
    (json.dumps({**BASE, "notes": [note(text=5)]}), "'text' is not a JSON string"),
    (json.dumps({**BASE, "notes": {"a": 1}}), "notes is not a list"),
    (json.dumps({**BASE, "notes": [5]}), "note 1 is not an object"),
    (json.dumps({**BASE, "draft": {"path": 5}}), "path is not text"),
    (json.dumps({**BASE, "version": "1"}), "format version is missing"),
    (json.dumps({**BASE, "notes": [note(text="[" * 40 + "{" * 40 + "\\\"]")]}), None),
], ids=lambda v: str(v)[-40:])
def test_bounded_strict_parsing_names_the_file_and_the_reason(tmp_path, text, reason):
    path = review_file(tmp_path, text=text)
    if reason is None:                      # brackets inside a string are text, not nesting
        review_store.load(path)
        return
    with pytest.raises(InputError, match=reason) as info:
        review_store.load(path)
    assert info.value.path == str(path)
    assert "\n" not in info.value.message and "damaged" in info.value.reason


def test_a_lone_surrogate_is_read_and_written_as_a_replacement_character(tmp_path):
    path = review_file(tmp_path, text=json.dumps({**BASE, "notes": [note(text="Ask\ud800 him")]}))
    back = review_store.load(path)
    assert back.notes[0].text == "Ask\ufffd him"
    review_store.save(path, Review("d.txt", "a.txt", notes=(back.notes[0].__class__(back.notes[0].key, "x\udc00"),)))
    assert review_store.load(path).notes[0].text == "x\ufffd"


def test_the_number_of_notes_is_limited(tmp_path, monkeypatch):
    monkeypatch.setattr(review_store, "MAX_NOTES", 10)
    path = review_file(tmp_path, [note(key={"draft": [i], "adopted": [i]}) for i in range(11)])
    with pytest.raises(InputError, match="more than 10 notes"):
        review_store.load(path)


def test_only_json_true_counts_as_checked(tmp_path, caplog):
    values = [True, False, "false", "true", 1, 0, None, [], {"x": True}]
    path = review_file(tmp_path, [note(key={"draft": [i], "adopted": [i]}, checked=v) for i, v in enumerate(values)])
    with caplog.at_level("WARNING"):
        got = [n.checked for n in review_store.load(path).notes]
    assert got == [True] + [False] * (len(values) - 1)
    assert "'false'" in caplog.text                        # logged, not silently coerced


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.dcreview"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({**BASE, "notes": [note()]}).encode("utf-8"))
    assert [n.text for n in review_store.load(path).notes] == ["Ask the sponsor"]
    assert review_journal.recoverable(tmp_path / "none.dcreview") is None


def test_indexes_beyond_the_documents_are_listed_unplaced_not_a_crash(tmp_path):
    c = comparison()
    good = Review("d.txt", "a.txt", "x", "y").with_note(c, 0, "Placed")
    path = review_store.save(tmp_path / "a.dcreview", good)
    data = json.loads(path.read_text())
    far = dict(data["notes"][0], text="Out of range")
    far["key"] = dict(far["key"], draft=[999], adopted=[5000], draft_print="", adopted_print="",
                      draft_excerpt="", adopted_excerpt="")
    data["notes"].append(far)
    path.write_text(json.dumps(data))
    for digests in (("x", "y"), ("changed", "changed")):
        placed = reattach(review_store.load(path), c, *digests)
        assert placed.notes_by_pair(c) == {0: "Placed"}
        assert [n.text for n in placed.unplaced] == ["Out of range"]


def test_control_characters_are_kept_in_the_review_and_dropped_by_the_word_export(tmp_path):
    from docx import Document as Docx

    from app.io.export_annotated import export_annotated
    from app.io.export_sheet_docx import export_sheet_docx
    c = comparison()
    typed = "Check\x00 the\x01 figure\x0b(line)\x1f with\ufffe the Mission"
    r = Review("d.txt", "a.txt").with_note(c, 2, typed)
    back = review_store.load(review_store.save(tmp_path / "a.dcreview", r))
    assert back.notes[0].text == typed                           # the review keeps what was typed
    out = export_annotated(c, tmp_path / "annotated.docx", notes=back.notes_by_pair(c))
    comments = "\n".join(p.text for cm in Docx(str(out)).comments for p in cm.paragraphs)
    assert "Reviewer's note: Check the figure" in comments and "with the Mission" in comments
    assert not any(ch in comments for ch in "\x00\x01\x1f\ufffe")
    sheet = export_sheet_docx(c, tmp_path / "sheet.docx", notes=back.notes_by_pair(c))
    assert sheet.stat().st_size > 0


def test_cli_export_reports_a_bad_review_in_one_line(tmp_path, capsys):
    from app.cli import EXIT_BAD_INPUT, main
    from conftest import SAMPLES
    bad = review_file(tmp_path, text=json.dumps({**BASE, "notes": [note(key={"draft": [0], "adopted": [0]})]})
                      .replace("[0]", "[1e400]", 1))
    deep = review_file(tmp_path, text='{"schema": "draftcompare.review", "version": 1, "x": '
                       + "[" * 100_000 + "]" * 100_000 + "}", name="deep.dcreview")
    for review in (bad, deep):
        code = main(["export", str(SAMPLES / "draft_en.txt"), str(SAMPLES / "adopted_en.txt"),
                     "--annotated", str(tmp_path / "out.docx"), "--review", str(review)])
        err = capsys.readouterr().err.strip()
        assert code == EXIT_BAD_INPUT
        assert err.count("\n") == 0 and str(review) in err and "damaged" in err
        assert review.exists()                                 # a reader never moves or changes it


def test_a_damaged_file_is_kept_aside_under_a_new_name_never_over_another(tmp_path):
    path = tmp_path / "a.dcreview"
    kept = []
    for n in range(3):                                          # the same second, three times
        path.write_text(f"{{damaged {n}")
        kept.append(review_store.keep_corrupt(path))
    assert len(set(kept)) == 3 and not path.exists()
    assert all(".dcreview.damaged-" in k.name for k in kept)
    assert sorted(k.read_text() for k in kept) == ["{damaged 0", "{damaged 1", "{damaged 2"]


# -- large excerpts: linear ----------------------------------------------------------------------------

def long_texts(count: int = 20, size: int = 40_000) -> list[str]:
    words = ("the of and to in resolution assembly general states council rights human mandate report "
             "expert session").split()
    out = []
    for n in range(count):
        body = " ".join(words[(n * 7 + k * k) % len(words)] for k in range(size // 6))
        out.append(f"{n}. {body[:size]} {n}")
    return out


def test_twenty_notes_with_40kb_excerpts_save_load_and_reattach_quickly(tmp_path):
    from dataclasses import replace
    texts = long_texts()
    c = compare_documents(doc(texts, "d.txt"), doc(texts, "a.txt"))
    r = Review("d.txt", "a.txt", "x", "y")
    for n in range(20):
        r = r.with_note(c, n, f"note {n} " + "x" * 2000)
    # As a hand-edited file, or one of an older version, can hold: 40 kB excerpts on both sides.
    r = replace(r, notes=tuple(replace(n, key=replace(n.key, draft_excerpt=texts[i], adopted_excerpt=texts[i]))
                               for i, n in enumerate(r.notes)))
    changed = [t + " (revised)" for t in texts]
    c2 = compare_documents(doc(changed, "d.txt"), doc(changed, "a.txt"))
    started = time.perf_counter()
    path = review_store.save(tmp_path / "a.dcreview", r)
    back = review_store.load(path)
    same = reattach(back, c, "x", "y")
    moved = reattach(back, c2, "new", "new")
    saver = review_journal.Autosaver(tmp_path / "b.dcreview", delay=60, rebase=lambda d: reattach(d, c, "x", "y"))
    for n in range(20):
        saver.schedule(same.with_note(c, n, f"edited {n}"), {(c.pairs[n].draft, c.pairs[n].adopted)})
    assert saver.close()
    elapsed = time.perf_counter() - started
    print(f"20 notes with 40 kB excerpts: save, load, reattach twice, 20 journalled edits: {elapsed:.3f} s")
    assert path.stat().st_size > 20 * 40_000                   # the long excerpts were written ...
    assert all(len(n.key.draft_excerpt) <= EXCERPT for n in back.notes)   # ... and only EXCERPT are kept
    assert len(same.notes_by_pair(c)) == 20 and not same.unplaced
    assert len(moved.notes_by_pair(c2)) == 20 and not moved.unplaced       # still found by similarity
    assert elapsed < 5.0


def test_reattach_scales_linearly_with_many_pairs_and_notes():
    texts = [f"{n}. " + TEXTS[n % len(TEXTS)] + f" (paragraph {n})" for n in range(1500)]
    c = compare_documents(doc(texts, "d.txt"), doc(texts, "a.txt"))
    r = Review("d.txt", "a.txt", "x", "y")
    for n in range(0, 1500, 3):
        r = r.with_note(c, n, f"note {n}")
    started = time.perf_counter()
    assert len(reattach(r, c, "x", "y").notes) == 500
    assert len(reattach(r, c, "p", "q").notes) == 500            # by fingerprints
    assert time.perf_counter() - started < 5.0
