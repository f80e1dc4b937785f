"""Generated negotiation trails with known lineage, built from real resolution text (issue #19).

Version 1 is a window of a GA resolution (tests/negotiation.py's corpus); each later round edits
words in a few paragraphs and makes the planned moves of a negotiation:
- v2: a bis paragraph inserted (a real paragraph of another resolution);
- v3: that paragraph changed; another paragraph deleted;
- v4: the bis paragraph moved 3 to 6 places;
- v5: the deleted paragraph reintroduced near its old place;
plus, in every round, one more paragraph added or dropped. Every paragraph has an id; the truth is,
for each id, its index in each version (None where absent). Versions before the last are labelled
PP1./OP1. (a paragraph new in that version as OP3bis.), the last is numbered like an adopted text, so
operative paragraphs are renumbered from round to round.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from negotiation import INTRO, _Maker, corpus_paragraphs, printed_labels


@dataclass
class GeneratedTrail:
    seed: int
    versions: list[list[tuple[int, str, str]]]     # per version: (id, role, text) in order

    def index(self, version: int, pid: int) -> int | None:
        return next((n for n, (i, _, _) in enumerate(self.versions[version]) if i == pid), None)

    def ids(self) -> set[int]:
        return {i for v in self.versions for i, _, _ in v}

    def lineage(self, pid: int) -> tuple[int | None, ...]:
        return tuple(self.index(k, pid) for k in range(len(self.versions)))


def make_trail(resolutions, seed: int, n_versions: int = 5) -> GeneratedTrail:
    """A trail of ``n_versions`` (at least 5 for every planned move) from ``corpus_paragraphs()``."""
    pool = [p for r in resolutions for p in r]
    mk = _Maker(pool, seed)
    rng = mk.rng
    current = [(n, role, text) for n, (role, text) in enumerate(mk.window(resolutions, 20, 30))]
    size = len(current)
    used = {text for _, _, text in current}
    next_id = size
    versions = [list(current)]
    bis = dropped = None
    dropped_at = 0

    def foreign(role: str) -> str:
        choices = [t for r, t in pool if r == role and t not in used] or [t for _, t in pool if t not in used]
        text = rng.choice(choices)
        used.add(text)
        return text

    def untouched(exclude) -> list[int]:
        return [n for n, (i, _, _) in enumerate(current) if i not in exclude]

    for version in range(1, n_versions):
        current = list(current)
        keep = {bis, dropped}
        # word edits in a few paragraphs
        for n in rng.sample(untouched(keep), min(3, len(current) - 2)):
            i, role, text = current[n]
            current[n] = (i, role, mk.edit_words(text, min(0.15, rng.randint(1, 3) / len(text.split()))))
        if version == 1:                          # a bis paragraph
            at = rng.randrange(2, len(current) - 2)
            bis = next_id
            next_id += 1
            current.insert(at, (bis, current[at - 1][1], foreign(current[at - 1][1])))
        elif version == 2:                        # the bis paragraph changed; another dropped
            n = next(k for k, (i, _, _) in enumerate(current) if i == bis)
            i, role, text = current[n]
            current[n] = (i, role, mk.edit_words(text, 0.15))
            choices = [k for k in untouched(keep) if abs(k - n) > 2 and 0 < k < len(current) - 1]
            gone = rng.choice(choices)
            dropped, dropped_at = current[gone][0], gone
            dropped_row = current.pop(gone)
        elif version == 3:                        # the bis paragraph moved
            n = next(k for k, (i, _, _) in enumerate(current) if i == bis)
            row = current.pop(n)
            step = rng.randint(3, 6) * rng.choice((-1, 1))
            to = n + step if 0 <= n + step <= len(current) else n - step
            current.insert(max(0, min(len(current), to)), row)
        elif version == 4:                        # the dropped paragraph back near its old place
            current.insert(min(dropped_at, len(current)), dropped_row)
        # one more paragraph added or dropped in every round
        if rng.random() < 0.5:
            at = rng.randrange(1, len(current))
            current.insert(at, (next_id, current[at - 1][1], foreign(current[at - 1][1])))
            next_id += 1
        else:
            near = {k + d for k, (i, _, _) in enumerate(current) if i in keep | {bis} for d in (-1, 0, 1)}
            choices = [k for k in range(1, len(current) - 1) if k not in near]
            current.pop(rng.choice(choices))      # never beside this round's planned move
        versions.append(current)
    return GeneratedTrail(seed, versions)


def trails(count: int, first_seed: int = 0, n_versions: int = 5) -> list[GeneratedTrail]:
    resolutions = corpus_paragraphs()
    return [make_trail(resolutions, first_seed + n, n_versions) for n in range(count)]


def printed(trail: GeneratedTrail, version: int) -> list[str]:
    """A version as printed (negotiation.printed_labels): labelled PP1./OP1. (new paragraphs as bis)
    before the last version, the last numbered 1., 2. with its preambular paragraphs plain."""
    last = version == len(trail.versions) - 1
    before = {i for i, _, _ in trail.versions[version - 1]} if version else set()
    rows = trail.versions[version]
    new = {k for k, (i, _, _) in enumerate(rows) if version and i not in before}
    return printed_labels([t for _, _, t in rows], [r for _, r, _ in rows], not last, new)


def write(trail: GeneratedTrail, folder: Path) -> list[Path]:
    """The versions as v1.txt ... vN.txt (the intro line first), paths in order."""
    paths = []
    for k in range(len(trail.versions)):
        path = folder / f"{trail.seed}-v{k + 1}.txt"
        path.write_text("\n\n".join([INTRO] + printed(trail, k)) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
