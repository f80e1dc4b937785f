"""`make bench`: stage timings and peak memory on a generated 2,000-paragraph pair and on the seed pair,
a plain difflib word diff of the same pair for scale, the time to populate the window, and the command
line itself: ``draftcompare compare A.docx B.docx --json`` run as a child process (CPU seconds from
``os.wait4``, bench/scale.py's runner, compact and ``--pretty`` JSON) next to a "floor" run the same way: what
any tool must at least do with the two Word files (unzip and parse both with lxml, tokenise with one
regular expression, one diff-match-patch pass over all tokens).

Usage: python bench/run_bench.py [--paragraphs N] [--no-gui] [--no-exports] [--repeat K]
Timings are the best of K runs (default 3) so that a busy machine disturbs them less. With
``--paragraphs 20000`` (about a million words) the window, the Word exports, the tracemalloc run and
difflib (3.7 minutes alone at that size) are skipped unless asked for with ``--all``; the stages and
the command line against the floor are measured.
"""
from __future__ import annotations

import argparse
import difflib
import gc
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

# The engine is imported where it is used, so that the floor's child process (--floor) loads only lxml
# and diff-match-patch, as a tool doing no more than the floor would.

SEEDS = ROOT.parent / "shared" / "seeds"


def best_of(repeat: int, fn):
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def stages(draft_path: Path, adopted_path: Path, repeat: int, memory: bool = True) -> dict[str, float]:
    from app.core.compare import compare_documents
    from app.core.structure import recognise
    from app.io.readers import read_document
    out: dict[str, float] = {}
    out["read"], (a, b) = best_of(repeat, lambda: (read_document(draft_path), read_document(adopted_path)))
    out["structure"], (a, b) = best_of(repeat, lambda: (recognise(a), recognise(b)))
    out["compare"], c = best_of(repeat, lambda: compare_documents(a, b))
    timings = dict(c.stats.timings)
    out["align"], out["diff"], out["check"] = timings["align"], timings["diff"], timings.get("check", 0.0)
    out["end-to-end"] = out["read"] + out["structure"] + out["compare"]
    out["peak MiB"] = float("nan")
    if memory:
        tracemalloc.start()
        tracemalloc.reset_peak()
        compare_documents(recognise(read_document(draft_path)), recognise(read_document(adopted_path)))
        out["peak MiB"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    out["_comparison"] = c  # type: ignore[assignment]
    return out


def difflib_words(draft_path: Path, adopted_path: Path) -> float:
    a = draft_path.read_text(encoding="utf-8").split()
    b = adopted_path.read_text(encoding="utf-8").split()
    t = time.perf_counter()
    difflib.SequenceMatcher(None, a, b).get_opcodes()
    return time.perf_counter() - t


def populate_seconds(comparison) -> float | None:
    try:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from app.ui.main_window import measure_populate
    except ImportError as exc:
        print(f"  (window not measured: {exc})")
        return None
    return measure_populate(comparison)


def export_times(draft_path: Path, adopted_path: Path, folder: Path) -> dict[str, float]:
    """Seconds per Word export of one comparison (the adopted .docx, if it is one, as template)."""
    from app.io.export_annotated import export_annotated
    from app.io.export_sheet_docx import export_sheet_docx
    from app.io.export_tracked import export_tracked
    from app.io.pipeline import compare_files
    c = compare_files(draft_path, adopted_path)
    out = {}
    for name, write in (("tracked", lambda p: export_tracked(c, p, author="Bench")),
                        ("annotated", lambda p: export_annotated(c, p, author="Bench")),
                        ("sheet .docx", lambda p: export_sheet_docx(c, p))):
        out[name], _ = best_of(1, lambda: write(folder / f"{name.replace(' ', '')}.docx"))
    return out


def tracked_both_word(draft: Path, adopted: Path, folder: Path, repeat: int) -> tuple[float, float]:
    """Seconds for the tracked export of two Word files: the redline on the documents themselves (what
    ``export --tracked`` does) and the file laid out from the comparison (what it did before)."""
    from app.io.atomic import atomic_write
    from app.io.export_tracked import build_document, export_tracked
    from app.io.pipeline import compare_files
    c = compare_files(draft, adopted)
    redline, _ = best_of(repeat, lambda: export_tracked(c, folder / "redline.docx", author="Bench"))

    def laid_out():
        document = build_document(c, author="Bench", date=c.compared_at)
        atomic_write(folder / "laid_out.docx", lambda fh: document.save(fh))
    old, _ = best_of(repeat, laid_out)
    return redline, old


W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def floor(draft_docx: Path, adopted_docx: Path) -> str:
    """The floor's work, in this process: unzip and parse both .docx with lxml, join each paragraph's
    w:t text, tokenise with one regular expression (words, spaces, punctuation), map each distinct
    token to one character and diff the two token strings once with diff-match-patch (the C++ build
    when installed, no deadline, semantic clean-up, as the engine calls it). Returns a one-line summary."""
    import re
    import zipfile

    from lxml import etree
    token = re.compile(r"\w+|\s+|[^\w\s]")
    codes: dict[str, str] = {}
    encoded = []
    for path in (draft_docx, adopted_docx):
        with zipfile.ZipFile(path) as package:
            root = etree.fromstring(package.read("word/document.xml"))
        text = "\n".join("".join(t.text or "" for t in p.iter(W_NS + "t")) for p in root.iter(W_NS + "p"))
        chars = []
        for tok in token.findall(text):
            char = codes.get(tok)
            if char is None:
                n = 0x100 + len(codes)
                char = codes[tok] = chr(n + 0x800 if n >= 0xD800 else n)    # never a surrogate
            chars.append(char)
        encoded.append("".join(chars))
    try:
        import fast_diff_match_patch as fast
        ops = fast.diff(*encoded, timelimit=0, checklines=False, cleanup="Semantic", counts_only=False)
        engine = "fast_diff_match_patch"
    except ImportError:
        from diff_match_patch import diff_match_patch
        dmp = diff_match_patch()
        dmp.Diff_Timeout = 0
        ops = dmp.diff_main(*encoded, False)
        dmp.diff_cleanupSemantic(ops)
        engine = "diff_match_patch"
    return f"{len(encoded[0])} + {len(encoded[1])} tokens, {len(codes)} distinct, {len(ops)} diff ops ({engine})"


def cli_against_floor(draft_docx: Path, adopted_docx: Path, folder: Path, repeat: int) -> None:
    """Print the CPU and wall seconds of ``draftcompare compare --json`` (compact, then --pretty) and of
    the floor, each a child process, and the ratio of each to the floor."""
    from scale import best                    # one runner of measured child processes (os.wait4)
    floor_cpu, floor_wall, _, summary = best(repeat, [sys.executable, __file__, "--floor", str(draft_docx),
                                                      str(adopted_docx)])
    print(f"  command line, both .docx, CPU seconds of a child process (os.wait4), best of {repeat}:")
    print(f"    {'floor':28} {floor_cpu:6.2f} s CPU {floor_wall:6.2f} s wall  (unzip + lxml + regex tokens + "
          f"one diff-match-patch pass: {summary})")
    for label, extra in (("compare --json", []), ("compare --json --pretty", ["--pretty"])):
        target = folder / ("pretty.json" if extra else "compact.json")
        cpu, wall, _, _ = best(repeat, [sys.executable, "-m", "app", "compare", str(draft_docx),
                                        str(adopted_docx), "--json", str(target), *extra])
        print(f"    {label:28} {cpu:6.2f} s CPU {wall:6.2f} s wall  ratio to the floor {cpu / floor_cpu:.2f} "
              f"(JSON {target.stat().st_size / 2**20:.1f} MiB)")
        if cpu < floor_cpu:
            print("      (below the floor: its one diff of the whole text grows with length × edits, while "
                  "the engine diffs paragraph by paragraph after aligning them)")


def report(name: str, figures: dict[str, float], difflib_s: float | None, populate: float | None) -> None:
    print(f"\n{name}")
    for key in ("read", "structure", "align", "diff", "check", "compare", "end-to-end"):
        print(f"  {key:12} {figures[key] * 1000:9.1f} ms")
    if figures["peak MiB"] == figures["peak MiB"]:                     # not NaN: measured
        print(f"  {'peak memory':12} {figures['peak MiB']:9.1f} MiB (tracemalloc, compare run)")
    if difflib_s is not None:
        print(f"  {'difflib':12} {difflib_s * 1000:9.1f} ms  (plain difflib word diff of the whole text; "
              f"ratio difflib/ours {difflib_s / figures['end-to-end']:.2f}, no alignment, no moves)")
    if populate is not None:
        print(f"  {'window':12} {populate * 1000:9.1f} ms  (populate both panes, gutter, change list)")


LARGE = 5000          # paragraphs; above, the window, exports, tracemalloc and difflib are skipped unless --all


def word_file(paragraphs: list[str], path: Path) -> Path:
    """The paragraphs as Word numbers them (style List Number), saved at ``path``."""
    import docx
    word = docx.Document()
    for text in paragraphs:
        word.add_paragraph(text, style="List Number")
    word.save(path)
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-gui", action="store_true", help="do not measure the window")
    ap.add_argument("--no-exports", action="store_true", help="do not measure the Word exports")
    ap.add_argument("--all", action="store_true",
                    help=f"above {LARGE} paragraphs, measure the window, exports and peak memory all the same")
    ap.add_argument("--floor", nargs=2, metavar=("DRAFT_DOCX", "ADOPTED_DOCX"), help=argparse.SUPPRESS)
    ns = ap.parse_args()
    if ns.floor:                                     # the child process of cli_against_floor
        print(floor(Path(ns.floor[0]), Path(ns.floor[1])))
        return 0
    large = ns.paragraphs > LARGE and not ns.all
    if large:
        print(f"{ns.paragraphs} paragraphs: window, Word exports, tracemalloc and difflib skipped (--all to "
              "measure them; difflib alone takes minutes at 20,000)", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        from synthetic import make_pair
        sp = make_pair(ns.paragraphs, words_per_paragraph=50, edit_rate=0.05, n_moves=20)
        draft, adopted = folder / "draft.txt", folder / "adopted.txt"
        draft.write_text("\n".join(sp.draft) + "\n", encoding="utf-8")
        adopted.write_text("\n".join(sp.adopted) + "\n", encoding="utf-8")
        words = sum(len(p.split()) for p in sp.draft)
        figures = stages(draft, adopted, ns.repeat, memory=not large)
        c = figures.pop("_comparison")
        populate = None if ns.no_gui or large else populate_seconds(c)
        report(f"generated pair: {ns.paragraphs} paragraphs, {words} words, {sp.word_edits} word edits, "
               f"{len(sp.moved)} moved paragraphs", figures, None if large else difflib_words(draft, adopted),
               populate)
        found = sum(1 for p in c.pairs if p.kind.value == "moved")
        print(f"  moves found  {found} of {len(sp.moved)}", flush=True)
        del c
        adopted_docx = word_file(sp.adopted, folder / "adopted.docx")     # the adopted text as Word numbers it
        draft_docx = word_file(sp.draft, folder / "draft.docx")
        if not (ns.no_exports or large):
            for label, adopted_file in (("adopted .txt", adopted), ("adopted .docx, Word-numbered", adopted_docx)):
                times = export_times(draft, adopted_file, folder)
                print(f"  exports ({label}): " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in times.items()))
            redline, laid_out = tracked_both_word(draft_docx, adopted_docx, folder, ns.repeat)
            print(f"  tracked, both .docx: redline on the documents {redline * 1000:.0f} ms, laid out from the "
                  f"comparison {laid_out * 1000:.0f} ms (ratio {redline / laid_out:.2f})", flush=True)
        cli_against_floor(draft_docx, adopted_docx, folder, ns.repeat)
    if SEEDS.exists():
        figures = stages(SEEDS / "draft_fr.txt", SEEDS / "adopted_en.txt", ns.repeat)
        figures.pop("_comparison")
        report("seed pair (French draft vs English adopted, cross-language)", figures, None, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
