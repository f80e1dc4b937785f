"""Generated negotiations with known answers, built from real resolution text (the issue #15 benchmark).

The adopted text of a negotiation is a window of consecutive body paragraphs of the General Assembly
resolutions in ``../shared/corpora/un-ga80/clean`` (with, for some kinds, a family of near-duplicate
paragraphs or a lettered list built from the same text). The draft is made from it by undoing planted
edits, one per kind, each on its own paragraph with untouched paragraphs around it. Every paragraph on
both sides belongs to exactly one *link* (its kind, its draft indexes, its adopted indexes), so the
engine's pairs can be scored link by link and kind by kind.

Kinds (what the draft had, compared with the adopted text):
``word-edit``      1 to 3 words replaced, inserted or deleted               -> changed
``rewrite``        56-85 % of the words changed, same place, same opening   -> changed
``short-edit``     a paragraph of at most 8 words with one word or number changed -> changed
``lead-in-edit``   a lead-in ("Calls upon ...:") with one word changed      -> changed
``inserted``       a paragraph only in the adopted text                     -> inserted
``deleted``        a paragraph only in the draft (a bis paragraph dropped)  -> deleted
``moved``          the same paragraph 3 to 8 paragraphs away               -> moved
``moved-edited``   moved, with 25-33 % of its words changed                 -> moved
``split``          two adopted paragraphs were one draft paragraph         -> split
``split-lead-in``  a lead-in (with a word changed) came off a paragraph    -> split
``merged``         one adopted paragraph was two draft paragraphs          -> merged
``family-move``    one of 3-5 paragraphs sharing their opening moved        -> moved
``family-delete``  one of them only in the draft                           -> deleted
``family-sibling`` one of them only in the adopted text                    -> inserted
``sub-inserted``   an item added to a lettered list, the items after it relettered -> inserted
``sub-edit``       one item of a lettered list changed                      -> changed
Unchanged paragraphs are links of kind ``equal``. A family or list kind counts as reproduced only when
every member of the family or list is paired right as well.

Drafts are labelled (PP1., OP3., OP3bis.) or numbered like the adopted text (1., 2.), so operative
paragraphs are renumbered; files are written as .txt or .docx.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "un-ga80" / "clean"

KINDS = ("word-edit", "rewrite", "short-edit", "lead-in-edit", "inserted", "deleted", "moved",
         "moved-edited", "split", "split-lead-in", "merged", "family-move", "family-delete",
         "family-sibling", "sub-inserted", "sub-edit")
EXPECTED = {   # planted kind -> the PairKind value the engine must report
    "equal": "equal", "word-edit": "changed", "rewrite": "changed", "short-edit": "changed",
    "lead-in-edit": "changed", "inserted": "inserted", "deleted": "deleted", "moved": "moved",
    "moved-edited": "moved", "split": "split", "split-lead-in": "split", "merged": "merged",
    "family-move": "moved", "family-delete": "deleted", "family-sibling": "inserted",
    "sub-inserted": "inserted", "sub-edit": "changed", "member": "equal", "item": "equal",
}
_SUPERSCRIPTS = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+")


@dataclass
class Link:
    """One unit of the known answer: what a group of draft paragraphs became in the adopted text."""

    kind: str                         # a KINDS entry, "equal", or "member"/"item" (untouched family/list)
    draft: list[int] = field(default_factory=list)
    adopted: list[int] = field(default_factory=list)
    group: int = -1                   # family or list this link belongs to (-1: none)


@dataclass
class Negotiation:
    """A generated pair: texts (bodies, in order), their roles ("pp", "op", "sub"), and the links."""

    seed: int
    draft: list[str]
    adopted: list[str]
    draft_roles: list[str]
    adopted_roles: list[str]
    links: list[Link]
    planted: list[str]                # the kinds planted in this negotiation
    labelled: bool                    # draft labelled PP1./OP1. (else numbered like the adopted text)
    fmt: str                          # "txt" or "docx"


def corpus_paragraphs() -> list[list[tuple[str, str]]]:
    """Body paragraphs of each GA corpus resolution as (role, text): preambular ("pp") and operative or
    annex ("op") paragraphs that open with a capital and have at least 6 words, note markers removed,
    each text once."""
    from app.core.model import Kind
    from app.core.structure import recognise
    from app.io.readers import read_document
    seen: set[str] = set()
    out: list[list[tuple[str, str]]] = []
    for path in sorted(CORPUS.glob("*.md")):
        paragraphs = []
        for p in recognise(read_document(path)).paragraphs:
            if p.kind not in (Kind.PREAMBLE, Kind.OPERATIVE, Kind.ANNEX):
                continue
            text = _SUPERSCRIPTS.sub("", p.body).strip()
            if len(text.split()) < 6 or not text[:1].isupper() or text in seen:
                continue
            seen.add(text)
            paragraphs.append(("pp" if p.kind is Kind.PREAMBLE else "op", text))
        out.append(paragraphs)
    return out


class _Maker:
    def __init__(self, pool: list[tuple[str, str]], seed: int) -> None:
        self.rng = random.Random(seed)
        self.pool = pool
        self.vocab = sorted({w.strip(",;.:") for _, t in pool for w in t.split()
                             if w.strip(",;.:").isalpha() and w.islower() and len(w) > 3})

    def word(self) -> str:
        return self.rng.choice(self.vocab)

    def edit_words(self, text: str, share: float, keep_opening: int = 1) -> str:
        """Change about ``share`` of the words (never the first ``keep_opening``): replace 70 %, delete
        15 %, insert 15 %."""
        words = text.split(" ")
        n = max(1, round(share * len(words)))
        spots = set(self.rng.sample(range(keep_opening, len(words)), min(n, len(words) - keep_opening)))
        out = []
        for k, w in enumerate(words):
            if k not in spots:
                out.append(w)
                continue
            r = self.rng.random()
            tail = w[len(w.rstrip(",;.:")):]
            if r < 0.7:
                out.append(self.word() + tail)
            elif r < 0.85 and k < len(words) - 1:
                continue
            else:
                out.extend((w, self.word()))
        return " ".join(out)

    def window(self, resolutions, smallest: int, largest: int) -> list[tuple[str, str]]:
        """``smallest`` to ``largest`` consecutive paragraphs of one resolution that has enough."""
        resolution = self.rng.choice([r for r in resolutions if len(r) >= smallest])
        size = self.rng.randint(smallest, min(largest, len(resolution)))
        start = self.rng.randrange(0, len(resolution) - size + 1)
        return resolution[start:start + size]

    def distinct(self, make, n: int) -> list[str]:
        """``n`` different texts from ``make()`` (a family or a list never repeats a member)."""
        from app.core.tokenize import match_words
        out: list[str] = []
        while len(out) < n:
            text = make()
            if all(match_words(text) != match_words(t) for t in out):
                out.append(text)
        return out

    def tail(self, n_words: int) -> str:
        words = self.rng.choice(self.pool)[1].split(" ")
        start = self.rng.randrange(2, max(3, len(words) - n_words))
        return " ".join(w.strip(",;.:") if k == n_words - 1 else w
                        for k, w in enumerate(words[start:start + n_words]))


def make_negotiation(resolutions: list[list[tuple[str, str]]], seed: int, kinds: list[str],
                     spacing: int = 3, background: float = 0.0) -> Negotiation:
    """One negotiation with the given planted kinds (each at most once): the adopted text is a window
    of one resolution (``corpus_paragraphs``), words and foreign paragraphs come from all of them.
    ``spacing``: paragraphs from one planted kind to the next (2 leaves one untouched between them);
    ``background``: share of the other paragraphs that get a word edit too (scored as ``word-edit``).
    Deterministic for a seed."""
    pool = [p for r in resolutions for p in r]
    mk = _Maker(pool, seed)
    rng = mk.rng
    window = mk.window(resolutions, 18, 40)
    size = len(window)
    # Adopted rows: (role, text, link key); draft pieces are attached per link key below.
    adopted: list[tuple[str, str, int]] = []
    links: list[Link] = []
    draft_of: dict[int, list[tuple[str, str]]] = {}     # link -> draft rows (role, text) at its place

    def add(kind: str, role: str, text: str, draft_rows: list[tuple[str, str]] | None, group: int = -1) -> int:
        links.append(Link(kind, group=group))
        key = len(links) - 1
        if text is not None:
            adopted.append((role, text, key))
        draft_of[key] = [(role, text)] if draft_rows is None else draft_rows
        return key

    # Where each kind goes: spaced slots of the window, never next to each other.
    slots = list(range(1, size - 1, spacing))
    rng.shuffle(slots)
    plan: dict[int, str] = {}
    for kind in kinds:
        if slots:
            plan[slots.pop()] = kind
    moves: list[tuple[int, int]] = []       # (link, distance) to move in the draft afterwards
    groups = 0
    for n, (role, text) in enumerate(window):
        kind = plan.get(n)
        words = text.split(" ")
        if kind == "taken":             # the second half of a split, already placed
            continue
        if kind is None and rng.random() < background:
            add("word-edit", role, text, [(role, mk.edit_words(text, min(0.15, rng.randint(1, 3) / len(words))))])
        elif kind is None:
            add("equal", role, text, None)
        elif kind == "word-edit":
            add(kind, role, text, [(role, mk.edit_words(text, min(0.15, rng.randint(1, 3) / len(words))))])
        elif kind == "rewrite":
            add(kind, role, text, [(role, mk.edit_words(text, rng.uniform(0.56, 0.85)))])
        elif kind == "short-edit":
            other = rng.choice(pool)[1].split(" ")
            short = " ".join(other[:rng.randint(3, 7)]).rstrip(",;.:") + ";"
            if rng.random() < 0.5:
                number = rng.randint(2, 60) * 1000
                short = f"{other[0]} {number:,} dollars for the purpose;".replace(",", "\u00a0")
                edited = short.replace(f"{number:,}".replace(",", "\u00a0"),
                                       f"{number + rng.randint(1, 9) * 1000:,}".replace(",", "\u00a0"))
            else:
                k = rng.randrange(1, len(short.split(" ")))
                sw = short.split(" ")
                sw[k] = mk.word() + sw[k][len(sw[k].rstrip(",;.:")):]
                edited = " ".join(sw)
            add("equal", role, text, None)
            add(kind, role, short, [(role, edited)])
        elif kind == "lead-in-edit":
            lead = " ".join(rng.choice(pool)[1].split(" ")[:rng.randint(3, 6)]).rstrip(",;.:") + ":"
            lw = lead.rstrip(":").split(" ")
            lw[rng.randrange(1, len(lw))] = mk.word()
            edited = " ".join(lw) + ":"
            add("equal", role, text, None)
            add(kind, role, lead, [(role, edited)])
        elif kind == "inserted":
            add(kind, role, text, [])
        elif kind == "deleted":
            add("equal", role, text, None)
            foreign = rng.choice([p for p in pool if p[0] == role and p not in window])
            add(kind, foreign[0], None, [foreign])
        elif kind in ("moved", "moved-edited"):
            draft_text = text if kind == "moved" else mk.edit_words(text, rng.uniform(0.25, 0.33))
            key = add(kind, role, text, [(role, draft_text)])
            moves.append((key, rng.choice((-1, 1)) * rng.randint(3, 8)))
        elif kind == "split" and n + 1 < size and plan.get(n + 1) is None:
            nxt = window[n + 1][1]
            key = add(kind, role, text, [(role, text + " " + nxt)])
            adopted.append((role, nxt, key))
            plan[n + 1] = "taken"
        elif kind == "split-lead-in":
            cut = rng.randint(3, 6)
            lead = " ".join(words[:cut]).rstrip(",;.:") + ":"
            edited_lead = mk.edit_words(" ".join(words[:cut]), 1 / cut)
            key = add(kind, role, lead, [(role, edited_lead + " " + " ".join(words[cut:]))])
            adopted.append(("sub", "(a) " + " ".join(words[cut:]), key))
        elif kind == "merged":
            commas = [k + 1 for k, w in enumerate(words) if 3 <= k < len(words) - 4 and w.endswith((",", ";"))]
            cut = rng.choice(commas) if commas else len(words) // 2
            first, second = " ".join(words[:cut]).rstrip(",;") + ";", " ".join(words[cut:])
            add(kind, role, text, [(role, first), (role, second[:1].upper() + second[1:])])
        elif kind.startswith("family"):
            add("equal", role, text, None)
            groups += 1
            opening = " ".join(rng.choice(pool)[1].split(" ")[:rng.randint(3, 8)]).rstrip(",;.:")
            ending = ", " + mk.tail(rng.randint(4, 7)) if rng.random() < 0.4 else ""
            members = mk.distinct(lambda: f"{opening} {mk.tail(rng.randint(4, 12))}{ending};", rng.randint(3, 5))
            victim = rng.randrange(len(members))
            for m, member in enumerate(members):
                if m != victim:
                    add("member", "op", member, None, groups)
                elif kind == "family-move":
                    key = add(kind, "op", member, None, groups)
                    moves.append((key, rng.choice((-1, 1)) * rng.randint(2, 4)))
                elif kind == "family-sibling":
                    add(kind, "op", member, [], groups)
                else:
                    add("member", "op", member, None, groups)
                    add(kind, "op", None, [("op", f"{opening} {mk.tail(rng.randint(4, 12))}{ending};")], groups)
        elif kind.startswith("sub"):
            add("equal", role, text, None)
            groups += 1
            lead = " ".join(rng.choice(pool)[1].split(" ")[:rng.randint(3, 6)]).rstrip(",;.:") + ":"
            add("item", role, lead, None, groups)
            items = mk.distinct(lambda: mk.tail(rng.randint(5, 16)) + ";", rng.randint(3, 6))
            victim = rng.randrange(len(items))
            for m, item in enumerate(items):
                if m != victim:
                    add("item", "sub", item, None, groups)
                elif kind == "sub-inserted":
                    add(kind, "sub", item, [], groups)
                else:
                    add(kind, "sub", item, [("sub", mk.edit_words(item, min(0.3, 2 / len(item.split()))))], groups)
        else:   # a kind that did not fit here (split at the window's end): leave the paragraph alone
            add("equal", role, text, None)

    # Draft rows in adopted order, then the moves.
    rows: list[tuple[str, str, int]] = [(r, t, key) for key in range(len(links)) for r, t in draft_of[key]
                                        if t is not None]
    for key, distance in moves:
        at = next(k for k, row in enumerate(rows) if row[2] == key)
        row = rows.pop(at)
        if not 0 <= at + distance <= len(rows):      # no room that way: the other way
            distance = -distance
        to = max(0, min(len(rows), at + distance))
        # never land inside another planted link's neighbourhood or a family/list
        while 0 < to < len(rows) and (links[rows[to - 1][2]].kind not in ("equal", "word-edit")
                                      or links[rows[to][2]].kind not in ("equal", "word-edit")):
            to += 1 if distance > 0 else -1
        rows.insert(max(0, min(len(rows), to)), row)
    for j, (_, _, key) in enumerate(adopted):
        links[key].adopted.append(j)
    for i, (_, _, key) in enumerate(rows):
        links[key].draft.append(i)
    return Negotiation(seed, [t for _, t, _ in rows], [t for _, t, _ in adopted],
                       [r for r, _, _ in rows], [r for r, _, _ in adopted],
                       [lk for lk in links if lk.draft or lk.adopted], list(kinds),
                       labelled=rng.random() < 0.5, fmt="docx" if rng.random() < 0.25 else "txt")


def benchmark(count: int = 200, first_seed: int = 0, kinds_per_negotiation: int = 6, spacing: int = 2,
              background: float = 0.15) -> list[Negotiation]:
    """``count`` negotiations; the kinds are dealt in turn so that each appears about equally often (see
    ``make_negotiation`` for ``spacing`` and ``background``)."""
    pool = corpus_paragraphs()
    rng = random.Random(first_seed)
    deck: list[str] = []
    out = []
    for n in range(count):
        kinds: list[str] = []
        while len(kinds) < kinds_per_negotiation:
            if not deck:
                deck = list(KINDS)
                rng.shuffle(deck)
            kind = deck.pop()
            if kind not in kinds:
                kinds.append(kind)
        out.append(make_negotiation(pool, first_seed + n, kinds, spacing, background))
    return out


def printed_labels(bodies: list[str], roles: list[str], labelled: bool, extra: set[int]) -> list[str]:
    """Paragraphs as printed: labelled "PP3."/"OP4." (the ones in ``extra`` as "OP4bis.") when
    ``labelled``, else numbered like an adopted text ("1.", preambular paragraphs plain); lettered
    lists "(a)" either way."""
    out, pp, op, sub = [], 0, 0, 0
    for k, (text, role) in enumerate(zip(bodies, roles)):
        if role == "sub":
            sub += 1
            body = text[4:] if text.startswith("(a) ") else text
            out.append(f"({chr(96 + min(sub, 26))}) {body}")
            continue
        sub = 0
        if role == "pp":
            if k in extra and labelled and pp:
                out.append(f"PP{pp}bis. {text}")
                continue
            pp += 1
            out.append(f"PP{pp}. {text}" if labelled else text)
        else:
            if k in extra and labelled and op:
                out.append(f"OP{op}bis. {text}")
                continue
            op += 1
            out.append(f"OP{op}. {text}" if labelled else f"{op}. {text}")
    return out


def labelled_texts(neg: Negotiation) -> tuple[list[str], list[str]]:
    """The two texts as printed (``printed_labels``): the adopted text numbered, the draft labelled (a
    draft-only paragraph as bis) or numbered the same way."""
    draft_only = {i for lk in neg.links if not lk.adopted for i in lk.draft}
    return (printed_labels(neg.draft, neg.draft_roles, neg.labelled, draft_only),
            printed_labels(neg.adopted, neg.adopted_roles, False, set()))


INTRO = "The General Assembly,"


def write(neg: Negotiation, folder: Path) -> tuple[Path, Path]:
    """Write the draft and the adopted text (intro line first) as .txt or .docx; returns both paths."""
    draft, adopted = labelled_texts(neg)
    paths = []
    for name, lines in (("draft", draft), ("adopted", adopted)):
        path = folder / f"{neg.seed}-{name}.{neg.fmt}"
        if neg.fmt == "txt":
            path.write_text("\n\n".join([INTRO] + lines) + "\n", encoding="utf-8")
        else:
            import docx
            d = docx.Document()
            for line in [INTRO] + lines:
                d.add_paragraph(line)
            d.save(str(path))
        paths.append(path)
    return paths[0], paths[1]


@dataclass
class Score:
    """Per kind: links planted and links reproduced exactly; link counts for precision and recall."""

    planted: dict[str, int] = field(default_factory=dict)
    exact: dict[str, int] = field(default_factory=dict)
    true_links: int = 0
    found_links: int = 0
    right_links: int = 0
    misses: list[tuple[int, str]] = field(default_factory=list)   # (seed, kind) not reproduced

    def add(self, other: "Score") -> None:
        for k, v in other.planted.items():
            self.planted[k] = self.planted.get(k, 0) + v
        for k, v in other.exact.items():
            self.exact[k] = self.exact.get(k, 0) + v
        self.true_links += other.true_links
        self.found_links += other.found_links
        self.right_links += other.right_links
        self.misses += other.misses

    def rate(self, kind: str) -> float:
        return self.exact.get(kind, 0) / self.planted[kind] if self.planted.get(kind) else 1.0

    @property
    def f1(self) -> float:
        p = self.right_links / self.found_links if self.found_links else 1.0
        r = self.right_links / self.true_links if self.true_links else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def score(neg: Negotiation, pairs, offset: int = 1) -> Score:
    """Score the engine's ``pairs`` (ParaPair records whose indexes count the ``offset`` paragraphs
    written before the bodies) against the negotiation's links."""
    got = {(tuple(i - offset for i in p.draft), tuple(j - offset for j in p.adopted)): p.kind.value
           for p in pairs if min(p.draft + p.adopted) >= offset}
    found = {(i, j) for (a, b) in got for i in a for j in b}
    truth = {(i, j) for lk in neg.links for i in lk.draft for j in lk.adopted}
    s = Score(true_links=len(truth), found_links=len(found), right_links=len(found & truth))
    ok = {n: got.get((tuple(lk.draft), tuple(lk.adopted))) == EXPECTED[lk.kind] for n, lk in enumerate(neg.links)}
    group_ok: dict[int, bool] = {}
    for n, lk in enumerate(neg.links):
        if lk.group >= 0:
            group_ok[lk.group] = group_ok.get(lk.group, True) and ok[n]
    for n, lk in enumerate(neg.links):
        if lk.kind in ("member", "item"):
            continue
        right = ok[n] and (lk.group < 0 or group_ok[lk.group])
        s.planted[lk.kind] = s.planted.get(lk.kind, 0) + 1
        s.exact[lk.kind] = s.exact.get(lk.kind, 0) + int(right)
        if not right:
            s.misses.append((neg.seed, lk.kind))
    return s


def run(neg: Negotiation, folder: Path, options=None) -> Score:
    """Write, read, recognise and compare one negotiation as the application does; score it."""
    from app.core.compare import compare_documents
    from app.core.model import CompareOptions
    from app.core.structure import recognise
    from app.io.readers import read_document
    draft_path, adopted_path = write(neg, folder)
    a, b = recognise(read_document(draft_path)), recognise(read_document(adopted_path))
    if len(a.paragraphs) != len(neg.draft) + 1 or len(b.paragraphs) != len(neg.adopted) + 1:
        raise AssertionError(f"negotiation {neg.seed}: the reader made {len(a.paragraphs)}/"
                             f"{len(b.paragraphs)} paragraphs of {len(neg.draft) + 1}/{len(neg.adopted) + 1}")
    c = compare_documents(a, b, options or CompareOptions())
    return score(neg, c.pairs)
