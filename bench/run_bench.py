"""`make bench`: stage timings and peak memory on a generated 2,000-paragraph pair and on the seed pair,
a plain difflib word diff of the same pair for scale, and the time to populate the window.

Usage: python bench/run_bench.py [--paragraphs N] [--no-gui] [--repeat K]
Timings are the best of K runs (default 3) so that a busy machine disturbs them less.
"""
from __future__ import annotations

import argparse
import difflib
import gc
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from app.core.compare import compare_documents  # noqa: E402
from app.core.structure import recognise  # noqa: E402
from app.io.readers import read_document  # noqa: E402
from synthetic import make_pair  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


def best_of(repeat: int, fn):
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def stages(draft_path: Path, adopted_path: Path, repeat: int) -> dict[str, float]:
    out: dict[str, float] = {}
    out["read"], (a, b) = best_of(repeat, lambda: (read_document(draft_path), read_document(adopted_path)))
    out["structure"], (a, b) = best_of(repeat, lambda: (recognise(a), recognise(b)))
    out["compare"], c = best_of(repeat, lambda: compare_documents(a, b))
    timings = dict(c.stats.timings)
    out["align"], out["diff"], out["check"] = timings["align"], timings["diff"], timings.get("check", 0.0)
    out["end-to-end"] = out["read"] + out["structure"] + out["compare"]
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


def report(name: str, figures: dict[str, float], difflib_s: float | None, populate: float | None) -> None:
    print(f"\n{name}")
    for key in ("read", "structure", "align", "diff", "check", "compare", "end-to-end"):
        print(f"  {key:12} {figures[key] * 1000:9.1f} ms")
    print(f"  {'peak memory':12} {figures['peak MiB']:9.1f} MiB (tracemalloc, compare run)")
    if difflib_s is not None:
        print(f"  {'difflib':12} {difflib_s * 1000:9.1f} ms  (plain difflib word diff of the whole text; "
              f"ratio difflib/ours {difflib_s / figures['end-to-end']:.2f}, no alignment, no moves)")
    if populate is not None:
        print(f"  {'window':12} {populate * 1000:9.1f} ms  (populate both panes, gutter, change list)")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--paragraphs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-gui", action="store_true")
    ns = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sp = make_pair(ns.paragraphs, words_per_paragraph=50, edit_rate=0.05, n_moves=20)
        draft, adopted = Path(tmp) / "draft.txt", Path(tmp) / "adopted.txt"
        draft.write_text("\n".join(sp.draft) + "\n", encoding="utf-8")
        adopted.write_text("\n".join(sp.adopted) + "\n", encoding="utf-8")
        words = sum(len(p.split()) for p in sp.draft)
        figures = stages(draft, adopted, ns.repeat)
        c = figures.pop("_comparison")
        populate = None if ns.no_gui else populate_seconds(c)
        report(f"generated pair: {ns.paragraphs} paragraphs, {words} words, {sp.word_edits} word edits, "
               f"{len(sp.moved)} moved paragraphs", figures, difflib_words(draft, adopted), populate)
        found = sum(1 for p in c.pairs if p.kind.value == "moved")
        print(f"  moves found  {found} of {len(sp.moved)}")
        import docx
        word = docx.Document()
        for text in sp.adopted:                      # the adopted text as Word numbers it
            word.add_paragraph(text, style="List Number")
        adopted_docx = Path(tmp) / "adopted.docx"
        word.save(adopted_docx)
        for label, adopted_file in (("adopted .txt", adopted), ("adopted .docx, Word-numbered", adopted_docx)):
            times = export_times(draft, adopted_file, Path(tmp))
            print(f"  exports ({label}): " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in times.items()))
        word = docx.Document()
        for text in sp.draft:
            word.add_paragraph(text, style="List Number")
        draft_docx = Path(tmp) / "draft.docx"
        word.save(draft_docx)
        redline, laid_out = tracked_both_word(draft_docx, adopted_docx, Path(tmp), ns.repeat)
        print(f"  tracked, both .docx: redline on the documents {redline * 1000:.0f} ms, laid out from the "
              f"comparison {laid_out * 1000:.0f} ms (ratio {redline / laid_out:.2f})")
    if SEEDS.exists():
        figures = stages(SEEDS / "draft_fr.txt", SEEDS / "adopted_en.txt", ns.repeat)
        figures.pop("_comparison")
        report("seed pair (French draft vs English adopted, cross-language)", figures, None, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
