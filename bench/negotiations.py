"""`make bench` (alignment quality, issue #15): the generated negotiations of tests/negotiation.py,
scored kind by kind, with the time they take end to end (write, read, recognise, compare).

Usage: python bench/negotiations.py [--count N] [--first-seed S] [--dense]
--dense plants nine kinds per negotiation, one untouched paragraph apart, and word-edits 40 % of the
rest. Prints one row per kind (reproduced exactly / planted), the paragraph-link F1 and the time.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from negotiation import KINDS, Score, benchmark, run  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--first-seed", type=int, default=0)
    ap.add_argument("--dense", action="store_true")
    ns = ap.parse_args(argv)
    shape = dict(kinds_per_negotiation=9, spacing=2, background=0.4) if ns.dense else {}
    negotiations = benchmark(ns.count, ns.first_seed, **shape)
    total = Score()
    with tempfile.TemporaryDirectory() as folder:
        t = time.perf_counter()
        for neg in negotiations:
            total.add(run(neg, Path(folder)))
        elapsed = time.perf_counter() - t
    print(f"{ns.count} negotiations from seed {ns.first_seed}{' (dense)' if ns.dense else ''}")
    print(f"{'kind':16}{'exact':>8}{'planted':>9}{'rate':>8}")
    for kind in ("equal",) + KINDS:
        if kind in total.planted:
            print(f"{kind:16}{total.exact.get(kind, 0):8}{total.planted[kind]:9}{total.rate(kind):8.3f}")
    print(f"paragraph-link F1 {total.f1:.4f} ({total.right_links} right of {total.found_links} found, "
          f"{total.true_links} true); {elapsed:.2f} s end to end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
