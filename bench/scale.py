"""`make bench` (issue #18): the acceptance figures at scale, each measured in a child process of its
own so that its CPU seconds and peak memory are its alone.

- ``compare --json`` of two Word files of 2,000 and of 20,000 distinct paragraphs (tests/synthetic.py:
  about 50 words each, 5 % of words edited, 20 paragraphs moved), CPU seconds (user + system, from
  ``os.wait4``) and peak resident memory, next to the "floor" of bench/run_bench.py (unzip and parse
  both files with lxml, one regular expression, one diff-match-patch pass) measured in the same run;
- the window: seconds from a finished comparison to a populated window (``app.ui.bench``), at 2,000
  and 20,000 paragraphs, and the peak memory of that process (the comparison included);
- the comparison sheet of 10,000 one-word paragraphs (every tenth changed) as PDF and as .docx;
- the tracked-changes export of the 20,000-paragraph Word pair, and its annotated export (no target).

Each line ends with the target of the issue and "ok" or "MISSED". Usage:
``python bench/scale.py [--small N] [--large N] [--repeat K] [--skip window,exports]``; it takes a few
minutes (most of it writing the 20,000-paragraph Word files and comparing them).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def run_child(args: list[str]) -> tuple[float, float, float, str]:
    """Run ``args`` from ROOT and reap it with ``os.wait4``, which gives that child's own rusage;
    return (CPU seconds, wall seconds, peak RSS in MiB, last line of stdout). Raises CalledProcessError
    when the child fails."""
    t = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out_file, tempfile.TemporaryFile("w+") as err_file:
        proc = subprocess.Popen(args, cwd=ROOT, stdout=out_file, stderr=err_file, text=True,
                                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t
        out_file.seek(0)
        err_file.seek(0)
        out, err = out_file.read(), err_file.read()
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, args, out, err)
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024, (out.strip().splitlines() or [""])[-1]


def best(repeat: int, args: list[str]) -> tuple[float, float, float, str]:
    """The best CPU and wall of ``repeat`` runs, the largest peak memory, the last output line."""
    runs = [run_child(args) for _ in range(repeat)]
    return (min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs), runs[-1][3])


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


# ---------------------------------------------------------------------------------------- the children

def child(kind: str, draft: str, adopted: str) -> None:
    """In the child process: compare the two files, then time ``kind`` alone ("populate", "sheet-pdf",
    "sheet-docx", "tracked", "annotated"); print one JSON line {"cpu": s, "wall": s}."""
    from app.io.pipeline import compare_files
    c = compare_files(draft, adopted)
    folder = Path(tempfile.mkdtemp(prefix="draftcompare-scale-"))
    if kind == "populate":
        from app.ui.bench import measure_populate
        cpu = time.process_time()
        wall = measure_populate(c)
        print(json.dumps({"cpu": time.process_time() - cpu, "wall": wall}))
        return
    if kind == "sheet-pdf":
        from app.ui.paged_html import ensure_qt_app
        from app.ui.sheet_print import export_sheet_pdf
        ensure_qt_app()
        run = lambda: export_sheet_pdf(c, folder / "sheet.pdf")                       # noqa: E731
    elif kind == "sheet-docx":
        from app.io.export_sheet_docx import export_sheet_docx
        run = lambda: export_sheet_docx(c, folder / "sheet.docx")                     # noqa: E731
    elif kind == "tracked":
        from app.io.export_tracked import export_tracked
        run = lambda: export_tracked(c, folder / "tracked.docx", author="Bench")      # noqa: E731
    elif kind == "annotated":
        from app.io.export_annotated import export_annotated
        run = lambda: export_annotated(c, folder / "annotated.docx", author="Bench")  # noqa: E731
    else:
        raise SystemExit(f"unknown child {kind}")
    cpu, wall = time.process_time(), time.perf_counter()
    run()
    print(json.dumps({"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall}))


# ----------------------------------------------------------------------------------------- the inputs

def word_pair(n: int, folder: Path) -> tuple[Path, Path]:
    """The generated pair of ``n`` distinct paragraphs as two Word files (List Number paragraphs)."""
    from run_bench import word_file
    from synthetic import make_pair
    sp = make_pair(n, words_per_paragraph=50, edit_rate=0.05, n_moves=20)
    return word_file(sp.draft, folder / f"draft-{n}.docx"), word_file(sp.adopted, folder / f"adopted-{n}.docx")


def one_word_pair(n: int, folder: Path) -> tuple[Path, Path]:
    """``n`` one-word paragraphs, every tenth changed in the adopted text, as two .txt files."""
    draft = [f"word{i}" for i in range(n)]
    adopted = [f"term{i}" if i % 10 == 0 else w for i, w in enumerate(draft)]
    paths = folder / f"draft-words-{n}.txt", folder / f"adopted-words-{n}.txt"
    for path, lines in zip(paths, (draft, adopted)):
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return paths


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=2000)
    ap.add_argument("--large", type=int, default=20000)
    ap.add_argument("--sheet", type=int, default=10000, help="one-word paragraphs of the sheet exports")
    ap.add_argument("--repeat", type=int, default=3, help="runs of the small comparison and the floor")
    ap.add_argument("--skip", default="", help="comma-separated: window, exports")
    ap.add_argument("--child", nargs=3, metavar=("KIND", "DRAFT", "ADOPTED"), help=argparse.SUPPRESS)
    ap.add_argument("--inputs", nargs=3, metavar=("FOLDER", "SMALL", "LARGE"), help=argparse.SUPPRESS)
    ns = ap.parse_args(argv)
    if ns.child:
        child(*ns.child)
        return 0
    if ns.inputs:
        for n in ns.inputs[1:]:
            word_pair(int(n), Path(ns.inputs[0]))
        return 0
    skip = set(filter(None, ns.skip.split(",")))
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        # Written by a child: a process started from this one inherits its resident size as the floor
        # of its own peak (Linux keeps the high-water mark across exec), so this one stays small.
        subprocess.run([py, __file__, "--inputs", str(folder), str(ns.small), str(ns.large)], cwd=ROOT, check=True)
        small, large = (folder / f"draft-{ns.small}.docx", folder / f"adopted-{ns.small}.docx"), \
            (folder / f"draft-{ns.large}.docx", folder / f"adopted-{ns.large}.docx")
        print(f"inputs: {ns.small:,} and {ns.large:,} paragraph Word pairs written in "
              f"{time.perf_counter() - t:.0f} s", flush=True)
        floor = best(ns.repeat, [py, "bench/run_bench.py", "--floor", *map(str, small)])
        print(f"floor, {ns.small:,} paragraphs: {floor[0]:.2f} s CPU, {floor[2]:.0f} MiB ({floor[3]})", flush=True)
        figures = {}
        for n, pair, repeat in ((ns.small, small, ns.repeat), (ns.large, large, 1)):
            figures[n] = best(repeat, [py, "-m", "app", "compare", *map(str, pair), "--json",
                                       str(folder / f"c{n}.json")])
            cpu, wall, mib, _ = figures[n]
            print(f"compare --json, {n:,} paragraphs: {cpu:.2f} s CPU, {wall:.2f} s wall, {mib:.0f} MiB peak",
                  flush=True)
        ratio = figures[ns.small][0] / floor[0]
        growth = figures[ns.large][0] / figures[ns.small][0]
        print(f"  {ns.small:,}: {ratio:.2f}x the floor (target <= 2): {verdict(ratio <= 2)}")
        print(f"  {ns.large:,}: {growth:.2f}x the {ns.small:,} figure (target <= 10.5): {verdict(growth <= 10.5)}; "
              f"{figures[ns.large][2]:.0f} MiB (target < 300): {verdict(figures[ns.large][2] < 300)}", flush=True)
        if "window" not in skip:
            for n, pair, target in ((ns.small, small, 0.5), (ns.large, large, 3.0)):
                _, _, mib, line = run_child([py, __file__, "--child", "populate", *map(str, pair)])
                got = json.loads(line)
                print(f"window populated, {n:,} paragraphs: {got['wall']:.2f} s wall ({got['cpu']:.2f} s CPU) "
                      f"(target < {target:g} s): {verdict(got['wall'] < target)}; process peak {mib:.0f} MiB"
                      + (f" (target < 400): {verdict(mib < 400)}" if n == ns.large else ""), flush=True)
        if "exports" not in skip:
            words = one_word_pair(ns.sheet, folder)
            for kind, pair, label, target in (("sheet-pdf", words, f"sheet PDF, {ns.sheet:,} one-word paragraphs", 5.0),
                                              ("sheet-docx", words, f"sheet .docx, {ns.sheet:,} one-word paragraphs", 5.0),
                                              ("tracked", large, f"tracked .docx, {ns.large:,} paragraphs (Word pair)", 10.0),
                                              ("annotated", large, f"annotated .docx, {ns.large:,} paragraphs", None)):
                _, _, mib, line = run_child([py, __file__, "--child", kind, *map(str, pair)])
                got = json.loads(line)
                aim = f" (target < {target:g} s): {verdict(got['wall'] < target)}" if target else ""
                print(f"{label}: {got['wall']:.2f} s wall, {got['cpu']:.2f} s CPU{aim}; process peak {mib:.0f} MiB",
                      flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
