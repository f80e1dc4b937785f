"""Issue #19: a negotiation trail of 5 versions built from real resolution text with known lineage."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.core.trail import Event, TrailError, build_trail
from app.io.pipeline import load_document
from negotiation import CORPUS
from trail_gen import trails, write

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpora/un-ga80")
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def _built(generated, folder):
    docs = [load_document(p) for p in write(generated, folder)]
    trail = build_trail(docs, names=[f"v{k + 1}" for k in range(len(docs))])
    # the intro line is paragraph 0 of every version: the generated indexes start after it
    by_lineage = {tuple(tuple(i - 1 for i in s.paragraphs) for s in t.stages): t for t in trail.threads}
    return trail, by_lineage


def test_every_final_paragraph_carries_its_history_and_every_dropped_one_its_version(tmp_path):
    exact = total = dropped_ok = dropped = 0
    planned_ok = planned = 0
    misses = []
    for generated in trails(60, first_seed=100):
        trail, by_lineage = _built(generated, tmp_path)
        assert sorted((s.version, i) for t in trail.threads for s in t.stages for i in s.paragraphs) == \
            sorted((k, i) for k, d in enumerate(trail.versions) for i in range(len(d.paragraphs)))
        final = {i for i, _, _ in generated.versions[-1]}
        for pid in generated.ids():
            truth = tuple(() if x is None else (x,) for x in generated.lineage(pid))
            thread = by_lineage.get(truth)
            if pid in final:
                total += 1
                exact += thread is not None
            else:
                dropped += 1
                gone = max(k for k in range(1, len(truth)) if truth[k - 1] and not truth[k])
                dropped_ok += thread is not None and thread.dropped_in == gone
            if thread is None:
                misses.append((generated.seed, pid))
        # the planned moves: a bis paragraph added in v2, changed in v3, moved in v4; a paragraph dropped
        # in v3 and reintroduced in v5
        events = {tuple(s.event for s in t.stages) for t in trail.threads}
        planned += 2
        planned_ok += any(e[1:4] == (Event.ADDED, Event.CHANGED, Event.MOVED) for e in events)
        planned_ok += any(e[2:5] == (Event.DROPPED, Event.ABSENT, Event.REINTRODUCED) for e in events)
    assert exact >= 0.95 * total, (exact, total, misses[:10])
    assert dropped_ok == dropped, (dropped_ok, dropped, misses[:10])
    assert planned_ok >= 0.95 * planned, (planned_ok, planned)


def test_labels_follow_the_paragraph_through_renumbering(tmp_path):
    generated = trails(1, first_seed=7)[0]
    trail, _ = _built(generated, tmp_path)
    bis = next(t for t in trail.threads if t.stages[1].event is Event.ADDED and t.stages[2].event is Event.CHANGED)
    assert bis.labels[0] == "" and bis.labels[1].endswith("bis")
    assert bis.labels[2].startswith(("PP", "OP")) and not bis.labels[2].endswith("bis")
    assert bis.appeared == 1 and bis.dropped_in is None
    assert bis.changed_since(2) and bis.new_since(0) and not bis.new_since(1)


def test_a_french_draft_trail_ending_in_the_english_adopted_text_pairs_across_languages():
    docs = [load_document(SEEDS / "draft_fr.txt"), load_document(SEEDS / "adopted_en.txt")]
    trail = build_trail(docs)
    pairs = trail.comparisons[0].pairs
    assert trail.comparisons[0].cross_language
    assert len(trail.threads) == len(pairs)
    kinds = {p.kind.value for p in pairs}
    events = {t.stages[1].event.value for t in trail.threads if t.stages[1].present}
    assert "changed" in kinds and "translated" in events and "changed" not in events   # no word claim across languages
    assert events <= {"translated", "moved", "split", "merged", "added"}
    assert not any(t.changed_since(0) for t in trail.threads if t.stages[1].event.value == "translated")


def test_a_trail_has_two_to_ten_versions():
    doc = load_document(SEEDS / "adopted_en.txt")
    with pytest.raises(TrailError):
        build_trail([doc])
    with pytest.raises(TrailError):
        build_trail([doc] * 11)
    with pytest.raises(TrailError):
        build_trail([doc, doc], names=["one"])


def _run_cli(args, capsys):
    from app.cli import main
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_trail_command_reads_a_folder_in_name_order_and_writes_the_json(tmp_path, capsys):
    import json
    generated = trails(1, first_seed=11)[0]
    folder = tmp_path / "versions"
    folder.mkdir()
    for k, path in enumerate(write(generated, tmp_path)):
        (folder / f"L.{[2, 9, 10, 11, 12][k]}.txt").write_bytes(path.read_bytes())   # L.9 before L.10
    code, out, err = _run_cli(["trail", str(folder), "--json", str(tmp_path / "t.json")], capsys)
    assert code == 0, err
    assert [line.split()[1] for line in out.splitlines()[1:6]] == ["L.2.txt", "L.9.txt", "L.10.txt", "L.11.txt", "L.12.txt"]
    assert "added in L.9.txt" in out and "reintroduced in L.12.txt" in out
    data = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert data["schema"] == "draftcompare.trail" and data["version"] == 1
    assert len(data["versions"]) == 5 and len(data["comparisons"]) == 4
    nodes = sorted((s["version"], i) for t in data["threads"] for s in t["stages"] for i in s["paragraphs"])
    assert nodes == sorted((k, i) for k, v in enumerate(data["versions"]) for i in range(len(v["paragraphs"])))
    events = [[s["event"] for s in t["stages"]] for t in data["threads"]]
    assert any(e[1:4] == ["added", "changed", "moved"] for e in events)


def test_the_trail_command_refuses_bad_input_in_one_line(tmp_path, capsys):
    one = tmp_path / "one.txt"
    one.write_text("The General Assembly,\n\n1. Decides to act.\n", encoding="utf-8")
    code, _, err = _run_cli(["trail", str(one)], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "2 to 10 versions" in err
    two = tmp_path / "two.txt"
    two.write_text("The General Assembly,\n\n1. Decides to act now.\n", encoding="utf-8")
    before = one.read_bytes()
    code, _, err = _run_cli(["trail", str(one), str(two), "--json", str(one)], capsys)
    assert code == 2 and "refusing to overwrite an input document" in err and one.read_bytes() == before
    code, _, err = _run_cli(["trail", str(one), str(tmp_path / "missing.txt")], capsys)
    assert code == 2 and "missing.txt" in err and len(err.strip().splitlines()) == 1


def test_the_trail_sheet_has_a_row_per_paragraph_with_its_labels_and_history(tmp_path, capsys):
    from app.io.trail_sheet import trail_sheet_html
    generated = trails(1, first_seed=7)[0]
    trail, _ = _built(generated, tmp_path)
    html = trail_sheet_html(trail, language="fr")
    assert "Historique de la négociation" in html and "Paragraphes supprimés en cours de route" in html
    body_threads = [t for t in trail.threads if any(
        trail.versions[s.version].paragraphs[i].kind.is_body for s in t.stages for i in s.paragraphs)]
    assert html.count("<tr") - 2 == len(body_threads)          # two heads: final and dropped tables
    assert 'class="v added"' in html and 'class="v dropped"' in html and "réintroduit dans v5" in html
    out = tmp_path / "trail.pdf"
    code, printed, err = _run_cli(["trail", *map(str, write(generated, tmp_path)), "--sheet", str(out),
                                   "--language", "fr"], capsys)
    assert code == 0, err
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def test_the_trail_command_refuses_one_name_for_two_outputs_and_dates_each_round(tmp_path, capsys):
    import os
    import zipfile
    generated = trails(1, first_seed=13)[0]
    paths = write(generated, tmp_path)
    for k, path in enumerate(paths):                 # each version saved on its own day
        os.utime(path, (1_700_000_000 + k * 86_400, 1_700_000_000 + k * 86_400))
    same = tmp_path / "same.out"
    code, out, err = _run_cli(["trail", *map(str, paths), "--sheet", str(same), "--cumulative", str(same)], capsys)
    assert code == 2 and "given as two outputs (--sheet and --cumulative)" in err and not same.exists() and out == ""
    code, out, err = _run_cli(["trail", *map(str, paths), "--between", "1", "3"], capsys)
    assert code == 2 and "--tracked" in err and out == ""
    cumulative = tmp_path / "c.docx"
    code, _, err = _run_cli(["trail", *map(str, paths), "--cumulative", str(cumulative)], capsys)
    assert code == 0, err
    xml = zipfile.ZipFile(cumulative).read("word/document.xml").decode("utf-8")
    dates = set(re.findall(r'w:date="(\d{4}-\d\d-\d\d)', xml))
    assert len(dates) == len(paths) - 1                  # one date per round: the version's file date
    assert b'w:lang w:val="en-GB"' in zipfile.ZipFile(cumulative).read("word/styles.xml")


def test_a_french_history_brackets_a_label_once():
    """Found by the fresh-user trial: a sub-paragraph "(b)" read « dans projet zéro ((b)) »."""
    from app.core.messages import trail_history
    from app.core.trail import Stage, Thread
    for label, shown in (("(b)", "(b)"), ("PP4bis", "(PP4bis)")):
        thread = Thread((Stage(0, (3,), Event.ORIGINAL, label), Stage(1, (3,), Event.CHANGED, label, 2, True)))
        french = trail_history(thread, ["projet zéro", "rév.1"], "fr")
        assert french.startswith(f"dans projet zéro {shown}") and "((" not in french
        assert trail_history(thread, ["zero draft", "rev.1"], "en").startswith(f"in zero draft as {label}")


def test_the_trail_summary_follows_the_language(tmp_path, capsys):
    paths = list(map(str, write(trails(1, first_seed=7)[0], tmp_path)))
    code, french, err = _run_cli(["trail", *paths, "--language", "fr"], capsys)
    assert code == 0, err
    assert "étapes\u202f:" in french and "supprimés en cours de route" in french and "ajouté dans" in french
    assert not any(word in french for word in ("rounds:", " changed,", "dropped along the way", "added in"))
    code, english, _ = _run_cli(["trail", *paths], capsys)
    assert "rounds:" in english and "étapes" not in english


def test_the_trails_tracked_export_is_the_export_commands_own(tmp_path, capsys):
    """--tracked goes through the export command's writer: a pair in two languages gets its warning."""
    out = tmp_path / "t.docx"
    code, printed, err = _run_cli(["trail", str(SEEDS / "draft_fr.txt"), str(SEEDS / "adopted_en.txt"),
                                   "--tracked", str(out), "--language", "fr"], capsys)
    assert code == 0 and out.exists() and "tracked changes:" in printed
    assert "langues différentes" in err and len(err.strip().splitlines()) == 1
