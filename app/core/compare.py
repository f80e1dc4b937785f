"""Two structured Documents in, one immutable Comparison out: align, order, word-diff, check."""
from __future__ import annotations

import time
from bisect import bisect_right
from dataclasses import replace
from datetime import datetime, timezone
from typing import Callable, NamedTuple, Sequence

from app.core.align import Match, align_same_language
from app.core.align_cross import align_cross_language
from app.core.model import (
    CompareOptions, Comparison, DiffOp, Document, Finding, Op, PairKind, ParaPair, Statistics,
)
from app.core.worddiff import count_words, diff_words


class Cancelled(Exception):
    """The caller asked to stop (``is_cancelled()`` returned True)."""


def choose_mode(draft: Document, adopted: Document, options: CompareOptions) -> str:
    if options.cross_language == "always":
        return "cross-language"
    if options.cross_language == "never":
        return "same-language"
    known = "und" not in (draft.language, adopted.language)
    return "cross-language" if known and draft.language != adopted.language else "same-language"


def compared_text(doc: Document, indexes: Sequence[int], options: CompareOptions) -> str:
    """The text a pair's word ops rebuild on one side: bodies (or whole texts) joined by newlines."""
    paras = doc.paragraphs
    return "\n".join(paras[i].body if options.ignore_labels else paras[i].text for i in indexes)


def reading_order(matches: list[Match], n_draft: int, n_adopted: int) -> list[Match]:
    """Interleave matches as a reader meets them: in-order pairs on both sides, deletions where they sat
    in the draft (before insertions of the same gap), insertions and moves where they sit in the adopted
    text. A moved paragraph's draft position is out of order by definition."""
    by_a: dict[int, Match] = {}
    by_b: dict[int, Match] = {}
    for m in matches:
        for i in m.draft:
            by_a[i] = m
        for j in m.adopted:
            by_b[j] = m
    out: list[Match] = []
    emitted: set[int] = set()

    def emit(m: Match) -> None:
        if id(m) not in emitted:
            emitted.add(id(m))
            out.append(m)

    i = j = 0
    while i < n_draft or j < n_adopted:
        ma = by_a.get(i) if i < n_draft else None
        mb = by_b.get(j) if j < n_adopted else None
        if ma is not None and (ma.kind is PairKind.MOVED or id(ma) in emitted):
            i += 1
        elif ma is not None and ma.kind is PairKind.DELETED:
            emit(ma)
            i += 1
        elif mb is not None and (mb.kind in (PairKind.INSERTED, PairKind.MOVED) or id(mb) in emitted):
            emit(mb)
            j += 1
        elif ma is not None and (mb is None or ma is mb or ma.adopted[0] < j):
            emit(ma)
            i += 1
        elif mb is not None:
            emit(mb)
            j += 1
    return out


def _pair(match: Match, draft: Document, adopted: Document, options: CompareOptions, cross: bool) -> ParaPair:
    a_text = compared_text(draft, match.draft, options)
    b_text = compared_text(adopted, match.adopted, options)
    if cross:
        ops: tuple[DiffOp, ...] = ()
    elif match.kind is PairKind.DELETED:
        ops = (DiffOp(Op.DELETE, a=a_text),) if a_text else ()
    elif match.kind is PairKind.INSERTED:
        ops = (DiffOp(Op.INSERT, b=b_text),) if b_text else ()
    else:
        ops = diff_words(a_text, b_text, options)
    kind = match.kind
    if kind is PairKind.CHANGED and not cross and all(op.op is Op.EQUAL for op in ops):
        kind = PairKind.EQUAL
    label_changed = formatting = False
    if match.draft and match.adopted:
        a_par, b_par = draft.paragraphs[match.draft[0]], adopted.paragraphs[match.adopted[0]]
        label_changed = bool(a_par.display_label or b_par.display_label) and a_par.label_key != b_par.label_key
        if not cross and not options.ignore_formatting:
            formatting = formatting_differs(ops, compared_formats(draft, match.draft, options),
                                            compared_formats(adopted, match.adopted, options))
    return ParaPair(kind, match.draft, match.adopted, round(match.similarity, 4), ops, (), label_changed,
                    formatting)


class Formats(NamedTuple):
    """The formatting of a compared text, run-length encoded: ``flags[k]`` (bold, italic, underline,
    superscript) holds from character ``starts[k]`` up to ``starts[k + 1]`` (the last up to ``length``);
    neighbouring segments always differ, so two equal stretches of text are formatted alike exactly
    when their segments (``segments``) are equal."""

    starts: list[int]
    flags: list[tuple]
    length: int

    def segments(self, start: int, n: int) -> list[tuple[int, tuple]]:
        """(length, flags) of characters ``start`` .. ``start + n`` (fewer past the end), merged."""
        out: list[tuple[int, tuple]] = []
        end = min(start + n, self.length)
        k = bisect_right(self.starts, start) - 1
        pos = start
        while pos < end:
            stop = min(end, self.starts[k + 1] if k + 1 < len(self.starts) else self.length)
            out.append((stop - pos, self.flags[k]))
            pos, k = stop, k + 1
        return out


def compared_formats(doc: Document, indexes: Sequence[int], options: CompareOptions) -> Formats:
    """The formatting of each character of ``compared_text`` (app.core.model.Run flags, as the reader
    knew them; plain where the source has no formatting, e.g. a .txt, and at the joins), run-length
    encoded. Costs one step per run, not per character."""
    starts: list[int] = []
    flags: list[tuple] = []
    pos = 0
    for n, i in enumerate(indexes):
        p = doc.paragraphs[i]
        spans = [(len(r.text), (r.bold, r.italic, r.underline, r.superscript)) for r in p.runs]
        spans.append((len(p.text) - sum(length for length, _ in spans), _PLAIN))
        spans = _skip(spans, len(p.prefix) if options.ignore_labels else 0)
        if n:
            spans.insert(0, (1, _PLAIN))                     # the "\n" joining the paragraphs
        for length, flag in spans:
            if length <= 0:
                continue
            if not flags or flags[-1] != flag:
                starts.append(pos)
                flags.append(flag)
            pos += length
    return Formats(starts, flags, pos)


def _skip(spans: list[tuple[int, tuple]], n: int) -> list[tuple[int, tuple]]:
    """``spans`` (length, flags) without their first ``n`` characters."""
    out = []
    for length, flag in spans:
        if length <= 0:
            continue
        if n >= length:
            n -= length
            continue
        out.append((length - n, flag))
        n = 0
    return out


_PLAIN = (False, False, False, False)


def formatting_differs(ops: Sequence[DiffOp], a_fmt: Formats, b_fmt: Formats) -> bool:
    """Whether words equal on both sides (EQUAL ops of equal text) are formatted differently."""
    if len(a_fmt.flags) == 1 and a_fmt.flags == b_fmt.flags:     # one formatting throughout, the same
        return False
    ia = ib = 0
    for op in ops:
        if op.op is Op.EQUAL:
            if op.a == op.b and a_fmt.segments(ia, len(op.a)) != b_fmt.segments(ib, len(op.b)):
                return True
            ia, ib = ia + len(op.a), ib + len(op.b)
        elif op.op is Op.DELETE:
            ia += len(op.a)
        else:
            ib += len(op.b)
    return False


def _statistics(pairs: Sequence[ParaPair], findings: int, timings: dict[str, float]) -> Statistics:
    counts = {k: 0 for k in PairKind}
    words_deleted = words_inserted = 0
    for p in pairs:
        counts[p.kind] += 1
        for op in p.ops:
            if op.op is Op.DELETE:
                words_deleted += count_words(op.a)
            elif op.op is Op.INSERT:
                words_inserted += count_words(op.b)
    return Statistics(
        pairs=len(pairs), equal=counts[PairKind.EQUAL], changed=counts[PairKind.CHANGED],
        inserted=counts[PairKind.INSERTED], deleted=counts[PairKind.DELETED], moved=counts[PairKind.MOVED],
        split=counts[PairKind.SPLIT], merged=counts[PairKind.MERGED],
        words_deleted=words_deleted, words_inserted=words_inserted, findings=findings,
        formatting=sum(1 for p in pairs if p.formatting_changed),
        timings=tuple((k, round(v, 4)) for k, v in timings.items()),
    )


def _has_formatting(doc: Document) -> bool:
    """Does the document state its formatting? Word, OpenDocument, HTML and PDF files do (a PDF by its
    fonts); a plain or Markdown text only where it marks some emphasis."""
    return doc.format in ("docx", "odt", "html", "pdf") or any(
        r.bold or r.italic or r.underline for p in doc.paragraphs for r in p.runs)


def compare_documents(
    draft: Document,
    adopted: Document,
    options: CompareOptions = CompareOptions(),
    *,
    is_cancelled: Callable[[], bool] | None = None,
) -> Comparison:
    def check() -> None:
        if is_cancelled is not None and is_cancelled():
            raise Cancelled()

    timings: dict[str, float] = {}
    t = time.perf_counter()
    mode = choose_mode(draft, adopted, options)
    cross = mode == "cross-language"
    if cross:
        matches = align_cross_language(draft.paragraphs, adopted.paragraphs)
    else:
        matches = align_same_language([p.body for p in draft.paragraphs], [p.body for p in adopted.paragraphs])
    ordered = reading_order(matches, len(draft.paragraphs), len(adopted.paragraphs))
    timings["align"] = time.perf_counter() - t
    check()

    t = time.perf_counter()
    pairs = []
    # A plain text that marks no emphasis, compared with a file of another format (a Word resolution
    # against the text pasted from it), says nothing about the other side's italics: no formatting
    # changes then. Two texts of one format are compared as they are.
    plain = not (_has_formatting(draft) and _has_formatting(adopted)) and draft.format != adopted.format
    pair_options = replace(options, ignore_formatting=True) if plain else options
    for n, match in enumerate(ordered):
        if n % 64 == 0:
            check()
        pairs.append(_pair(match, draft, adopted, pair_options, cross))
    timings["diff"] = time.perf_counter() - t

    t = time.perf_counter()
    pairs, doc_findings = _check(draft, adopted, pairs, cross)
    timings["check"] = time.perf_counter() - t
    n_findings = len(doc_findings) + sum(len(p.findings) for p in pairs)
    return Comparison(draft, adopted, tuple(pairs), mode, options, doc_findings,
                      _statistics(pairs, n_findings, timings), compared_at=datetime.now(timezone.utc))


def _check(draft: Document, adopted: Document, pairs: list[ParaPair], cross: bool) -> tuple[list[ParaPair], tuple[Finding, ...]]:
    """Attach the checks' findings. A check that cannot be imported fails the comparison loudly: "no
    findings" must never stand for "the checks did not run"."""
    from app.core.checks import run_checks
    return run_checks(draft, adopted, pairs, cross)
