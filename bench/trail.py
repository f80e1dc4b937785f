"""`make bench` (issue #19): a 5-version trail of 2,000-paragraph versions against one two-version
comparison of the same size, CPU seconds in the same run (target: the trail under 4 times the one).

Each round edits a word in 5 % of the paragraphs, inserts 10 paragraphs and drops 10; the versions are
written as .txt and read as the application reads them. The word caches are emptied before each
measure, so the trail does not profit from the single comparison run before it.
Usage: python bench/trail.py [--paragraphs N] [--versions K]
"""
from __future__ import annotations

import argparse
import gc
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from app.core import tokenize  # noqa: E402
from app.core.trail import build_trail  # noqa: E402
from app.io.pipeline import compare_files, load_document  # noqa: E402
from synthetic import make_pair, vocabulary  # noqa: E402


def versions(paragraphs: int, count: int, seed: int = 3) -> list[list[str]]:
    """``count`` versions of a generated text of ``paragraphs`` distinct paragraphs, each a round of edits."""
    rng = random.Random(seed)
    current = list(make_pair(paragraphs, edit_rate=0.0, n_moves=0, seed=seed).draft)
    vocab = vocabulary(3000, rng)
    out = [list(current)]
    for _ in range(1, count):
        current = list(current)
        for i in rng.sample(range(len(current)), len(current) // 20):
            words = current[i].split(" ")
            words[rng.randrange(len(words))] = rng.choice(vocab)
            current[i] = " ".join(words)
        for _ in range(10):
            current.insert(rng.randrange(len(current)), " ".join(rng.choice(vocab) for _ in range(30)) + ".")
        for _ in range(10):
            current.pop(rng.randrange(len(current)))
        out.append(current)
    return out


def _cold() -> None:
    tokenize.tokenize.cache_clear()
    tokenize.fold.cache_clear()
    gc.collect()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=2000)
    ap.add_argument("--versions", type=int, default=5)
    ns = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for k, text in enumerate(versions(ns.paragraphs, ns.versions)):
            path = Path(folder) / f"v{k + 1}.txt"
            path.write_text("\n\n".join(text) + "\n", encoding="utf-8")
            paths.append(path)
        _cold()
        t = time.process_time()
        compare_files(paths[0], paths[-1])
        one = time.process_time() - t
        _cold()
        t = time.process_time()
        build_trail([load_document(p) for p in paths])
        trail = time.process_time() - t
    print(f"trail of {ns.versions} versions x {ns.paragraphs} paragraphs: {trail:.2f} s CPU; one comparison "
          f"(first vs last): {one:.2f} s CPU; ratio {trail / one:.2f} (target under 4)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
