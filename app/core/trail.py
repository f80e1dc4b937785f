"""Negotiation trail: one resolution across 2 to 10 versions (issue #19).

A trail chains the comparisons of consecutive versions (zero draft -> rev.1 -> ... -> adopted text) into
*threads*: a thread is one paragraph followed through every version, with what happened to it in each
round (added, unchanged, changed, moved, split, merged, dropped, reintroduced) and its label there
(PP4bis -> PP5 -> PP6). Every paragraph of every version belongs to exactly one thread.

- Pairs of each consecutive comparison join their paragraphs into one thread (a split or a merge joins
  several paragraphs of one version).
- A paragraph added in a later round that is the same as one dropped in an earlier round (same language,
  word similarity at least ``REINTRODUCED``) continues that paragraph's thread, as reintroduced.
Threads come in the order of the last version; the ones dropped along the way follow, in the order of
the version they went in and of their place there.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Callable, Sequence

from app.core.align import rewrite_similarity
from app.core.compare import compare_documents
from app.core.marks import paragraph_label
from app.core.model import CompareOptions, Comparison, Document, Kind, PairKind
from app.core.tokenize import match_words

MIN_VERSIONS, MAX_VERSIONS = 2, 10
REINTRODUCED = 0.5     # word-set dice for a paragraph added back to continue one dropped earlier


class Event(str, Enum):
    """What happened to a thread's paragraph in one version, against the version before it."""

    ORIGINAL = "original"          # in the first version
    ADDED = "added"                # new in this version
    UNCHANGED = "unchanged"
    CHANGED = "changed"            # words changed in place
    MOVED = "moved"                # at another place (its words may have changed too: Stage.edited)
    SPLIT = "split"                # one paragraph became several
    MERGED = "merged"              # several paragraphs became one
    DROPPED = "dropped"            # was in the version before, not in this one
    REINTRODUCED = "reintroduced"  # dropped in an earlier round, back in this one
    TRANSLATED = "translated"      # paired across languages (a round that changes the language)
    ABSENT = "absent"              # not in this version (and not dropped in it)


PRESENT = frozenset({Event.ORIGINAL, Event.ADDED, Event.UNCHANGED, Event.CHANGED, Event.MOVED, Event.SPLIT,
                     Event.MERGED, Event.REINTRODUCED, Event.TRANSLATED})
_BY_KIND = {PairKind.EQUAL: Event.UNCHANGED, PairKind.CHANGED: Event.CHANGED, PairKind.MOVED: Event.MOVED,
            PairKind.SPLIT: Event.SPLIT, PairKind.MERGED: Event.MERGED, PairKind.INSERTED: Event.ADDED}


@dataclass(frozen=True)
class Stage:
    """A thread in one version: its paragraphs there (indexes into that version's Document.paragraphs,
    empty when absent), how they came to be, their label, and which pair of the comparison with the
    version before carries them (``pair``: index into ``Trail.comparisons[version - 1].pairs``)."""

    version: int
    paragraphs: tuple[int, ...]
    event: Event
    label: str = ""
    pair: int | None = None
    edited: bool = False           # the pair's words differ (a changed, moved, split or merged paragraph)

    @property
    def present(self) -> bool:
        return bool(self.paragraphs)


@dataclass(frozen=True)
class Thread:
    """One paragraph followed through the versions: one Stage per version, in order."""

    stages: tuple[Stage, ...]

    @property
    def appeared(self) -> int:
        """The first version (0-based) the paragraph is in."""
        return next(s.version for s in self.stages if s.present)

    @property
    def dropped_in(self) -> int | None:
        """The version it went in (0-based) when it is not in the last version, else None."""
        if self.stages[-1].present:
            return None
        return max(s.version for s in self.stages if s.event is Event.DROPPED)

    @property
    def labels(self) -> tuple[str, ...]:
        """Its label in each version ("" where absent or unlabelled)."""
        return tuple(s.label for s in self.stages)

    def changed_since(self, version: int) -> bool:
        """Did anything happen to it after ``version`` (0-based): words, place, split, merge, added, dropped
        (a translation is not a change)?"""
        return any(s.event not in (Event.UNCHANGED, Event.ABSENT, Event.TRANSLATED) for s in self.stages[version + 1:])

    def new_since(self, version: int) -> bool:
        """Is it absent from ``version`` and present in the last version ("new against last year's")?"""
        return not self.stages[version].present and self.stages[-1].present


@dataclass(frozen=True)
class Trail:
    """Versions in order, the comparison of each with the next, and the threads."""

    versions: tuple[Document, ...]
    names: tuple[str, ...]                 # "zero draft", "rev.1" ... (file names by default)
    comparisons: tuple[Comparison, ...]    # comparisons[k]: versions[k] (draft) vs versions[k + 1]
    threads: tuple[Thread, ...]

    def final_threads(self) -> tuple[Thread, ...]:
        return tuple(t for t in self.threads if t.stages[-1].present)

    def dropped_threads(self) -> tuple[Thread, ...]:
        return tuple(t for t in self.threads if not t.stages[-1].present)

    def compare(self, first: int, second: int, *,
                is_cancelled: Callable[[], bool] | None = None) -> Comparison:
        """Versions ``first`` (as the draft) and ``second`` (0-based) compared with the trail's options:
        the trail's own comparison for consecutive versions, else a new one (it takes as long as any
        comparison; compare.Cancelled when ``is_cancelled()`` turns True)."""
        if second == first + 1:
            return self.comparisons[first]
        return compare_documents(self.versions[first], self.versions[second], self.comparisons[0].options,
                                 is_cancelled=is_cancelled)

    def is_body(self, thread: Thread) -> bool:
        """Whether a thread is a paragraph of the resolution's body or its notes, not of the header
        block, title, footer or running heads (what the trail sheet and the History tab list)."""
        return any(self.versions[s.version].paragraphs[i].kind.is_body
                   or self.versions[s.version].paragraphs[i].kind in (Kind.FOOTNOTE, Kind.OTHER)
                   for s in thread.stages for i in s.paragraphs)

    def text(self, stage: Stage, *, body: bool = False) -> str:
        """The paragraph text(s) of a stage, joined by newlines ("" when absent); ``body``: without
        their labels."""
        doc = self.versions[stage.version]
        return "\n".join(doc.paragraphs[i].body if body else doc.paragraphs[i].text for i in stage.paragraphs)


class TrailError(ValueError):
    """A trail that cannot be built: fewer than 2 or more than 10 versions, or names that do not fit."""


def check_shape(versions: int, names: int | None = None) -> None:
    """Refuse, before any work, what cannot make a trail: fewer than ``MIN_VERSIONS`` or more than
    ``MAX_VERSIONS`` versions, or a number of names that is not the number of versions. Raises
    TrailError (one sentence)."""
    if not MIN_VERSIONS <= versions <= MAX_VERSIONS:
        raise TrailError(f"a trail has {MIN_VERSIONS} to {MAX_VERSIONS} versions, not {versions}")
    if names is not None and names != versions:
        raise TrailError(f"{names} names for {versions} versions")


def build_trail(versions: Sequence[Document], names: Sequence[str] | None = None,
                options: CompareOptions = CompareOptions(), *,
                progress: Callable[[int, int], None] | None = None,
                is_cancelled: Callable[[], bool] | None = None) -> Trail:
    """Compare each version with the next and chain the pairs into threads.

    ``versions``: 2 to 10 recognised Documents, oldest first; ``names``: one per version (default:
    file names). ``progress(done, total)`` is called after each comparison. Raises TrailError for a
    wrong count, and compare.Cancelled when ``is_cancelled()`` turns True."""
    n = len(versions)
    check_shape(n, None if names is None else len(names))
    names = tuple(names) if names is not None else tuple(v.name for v in versions)
    comparisons = []
    for k in range(n - 1):
        comparisons.append(compare_documents(versions[k], versions[k + 1], options, is_cancelled=is_cancelled))
        if progress is not None:
            progress(k + 1, n - 1)
    threads = _threads(tuple(versions), comparisons)
    return Trail(tuple(versions), names, tuple(comparisons), threads)


# -- threads ------------------------------------------------------------------------------------------

class _Union:
    def __init__(self) -> None:
        self.parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(self, x: tuple[int, int]) -> tuple[int, int]:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _threads(versions: tuple[Document, ...], comparisons: list[Comparison]) -> tuple[Thread, ...]:
    union = _Union()
    for k, doc in enumerate(versions):
        for i in range(len(doc.paragraphs)):
            union.find((k, i))
    carried: dict[tuple[int, int], tuple[int, int]] = {}    # (version, paragraph) -> (comparison, pair)
    for k, c in enumerate(comparisons):
        for n, pair in enumerate(c.pairs):
            nodes = [(k, i) for i in pair.draft] + [(k + 1, j) for j in pair.adopted]
            for node in nodes[1:]:
                union.join(nodes[0], node)
            for j in pair.adopted:
                carried[(k + 1, j)] = (k, n)
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for node in union.parent:
        groups.setdefault(union.find(node), []).append(node)
    _reintroductions(versions, comparisons, union, groups)
    threads = [_thread(sorted(nodes), versions, comparisons, carried) for nodes in groups.values()]
    last = len(versions) - 1

    def order(t: Thread) -> tuple:
        if t.stages[-1].present:
            return (0, last, t.stages[-1].paragraphs[0])
        gone = t.dropped_in if t.dropped_in is not None else last
        before = t.stages[gone - 1]
        return (1, gone, before.paragraphs[0] if before.present else 0)
    return tuple(sorted(threads, key=order))


def _reintroductions(versions, comparisons, union: _Union, groups: dict) -> None:
    """Join a thread that starts with an added paragraph to a thread dropped at least one round
    before, when both are in one language and their words agree (``REINTRODUCED``). ``groups`` (root ->
    nodes) is updated in place."""
    dropped: list[tuple[int, tuple[int, int]]] = []      # (version it went in, root of its thread)
    for k, c in enumerate(comparisons):
        for pair in c.pairs:
            if pair.kind is PairKind.DELETED:
                root = union.find((k, pair.draft[0]))
                if not any(node[0] > k for node in groups[root]):
                    dropped.append((k + 1, root))
            elif pair.kind is PairKind.INSERTED:
                root = union.find((k + 1, pair.adopted[0]))
                if min(node[0] for node in groups[root]) < k + 1:
                    continue                           # not where its thread starts
                text = versions[k + 1].paragraphs[pair.adopted[0]].body
                best, best_root = 0.0, None
                for gone, d_root in dropped:
                    if gone > k or d_root not in groups or versions[gone - 1].language != versions[k + 1].language:
                        continue
                    last_version = max(node[0] for node in groups[d_root])
                    old = " ".join(versions[last_version].paragraphs[i].body
                                   for v, i in groups[d_root] if v == last_version)
                    score = rewrite_similarity(match_words(old), match_words(text))
                    if score >= REINTRODUCED and score > best:
                        best, best_root = score, d_root
                if best_root is not None:
                    dropped = [(g, r) for g, r in dropped if r != best_root]
                    nodes = groups.pop(root) + groups.pop(best_root)
                    union.join(root, best_root)
                    groups[union.find(root)] = nodes


def _thread(nodes: list[tuple[int, int]], versions, comparisons, carried) -> Thread:
    stages = []
    seen = False
    for k, doc in enumerate(versions):
        paras = tuple(i for v, i in nodes if v == k)
        label = "+".join(filter(None, (paragraph_label(doc, i) for i in paras)))
        if not paras:
            event = Event.DROPPED if stages and stages[-1].present else Event.ABSENT
            stages.append(Stage(k, (), event))
            continue
        if k == 0:
            stages.append(Stage(0, paras, Event.ORIGINAL, label))
            seen = True
            continue
        comparison, n = carried[(k, paras[0])]
        pair = comparisons[comparison].pairs[n]
        event = _BY_KIND.get(pair.kind, Event.CHANGED)
        if event is Event.CHANGED and comparisons[comparison].cross_language:
            event = Event.TRANSLATED             # its words cannot be compared: no "changed" claimed
        if event is Event.ADDED and seen:
            event = Event.REINTRODUCED
        edited = pair.kind is not PairKind.EQUAL and any(op.op.value != "equal" for op in pair.ops)
        stages.append(Stage(k, paras, event, label, n, edited))
        seen = True
    return Thread(tuple(stages))
