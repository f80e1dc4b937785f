"""Command line: ``draftcompare [DRAFT ADOPTED]`` or ``draftcompare REVIEW.dcreview`` opens the window; ``compare`` and ``export`` run headless.

Bad input never produces a traceback: one line on stderr naming the file and the reason, exit code 2.
Every output goes through the safe-output routine (``app.io.atomic``); the outputs of one call are all
checked before the comparison runs (an input, the review file, a folder, a name given twice ... are
refused at once). Text printed is display-safe (a file name's undecodable bytes show as U+FFFD), and a
closed pipe (``draftcompare compare A B --text | head -1``) ends the program quietly with exit code 141.
Qt is imported only for the window and the PDF sheet.
"""
from __future__ import annotations

import argparse
import errno
import logging
import os
import sys
from typing import Sequence

from app.core.compare import Cancelled
from app.core.model import CompareOptions, Comparison, Op, PairKind
from app.io.errors import DraftCompareError

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13                      # as a program killed by SIGPIPE
COMMANDS = ("compare", "export")

log = logging.getLogger(__name__)


def _say(text: str = "", *, err: bool = False) -> None:
    """Print one message, display-safe: lone surrogates (undecodable bytes of a file name) as U+FFFD."""
    from app.io.atomic import display_text
    print(display_text(text), file=sys.stderr if err else sys.stdout)


def _one_line(text: str) -> str:
    from app.io.atomic import display_text
    return " ".join(display_text(text).splitlines())


def _option_args(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("comparison options")
    g.add_argument("--ignore-case", action="store_true", help="treat upper and lower case as equal")
    g.add_argument("--ignore-punctuation", action="store_true", help="ignore punctuation marks")
    g.add_argument("--with-labels", action="store_true", help="compare labels (PP1, OP3) as text too")
    g.add_argument("--strict-spaces", action="store_true", help="report changes in spacing")
    g.add_argument("--strict-quotes", action="store_true", help="report ’ vs ' and « » vs “ ”")
    g.add_argument("--ignore-formatting", action="store_true",
                   help="do not report bold, italic, underline or superscript changes on equal words")
    g.add_argument("--cross-language", choices=("auto", "always", "never"), default="auto",
                   help="cross-language mode: auto (when languages differ), always or never")
    g.add_argument("--tracked-view", choices=("accepted", "original"), default="accepted",
                   help="how to read inputs that already hold tracked changes")


def _options(ns: argparse.Namespace) -> CompareOptions:
    return CompareOptions(
        ignore_case=ns.ignore_case, ignore_punctuation=ns.ignore_punctuation, ignore_labels=not ns.with_labels,
        conflate_spaces=not ns.strict_spaces, conflate_quotes=not ns.strict_quotes,
        cross_language=ns.cross_language, ignore_formatting=ns.ignore_formatting,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="draftcompare", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    cmp_ = sub.add_parser("compare", help="compare two files and print a summary")
    cmp_.add_argument("draft")
    cmp_.add_argument("adopted")
    cmp_.add_argument("--json", metavar="FILE", help="write the full comparison as JSON (schema v1)")
    cmp_.add_argument("--text", action="store_true", help="print every pair with its word changes")
    _option_args(cmp_)
    exp = sub.add_parser("export", help="write tracked-change, annotated and sheet files")
    exp.add_argument("draft")
    exp.add_argument("adopted")
    exp.add_argument("--tracked", metavar="OUT.docx", help="Word file with tracked changes draft → adopted")
    exp.add_argument("--annotated", metavar="OUT.docx", help="adopted text with Word comments")
    exp.add_argument("--sheet", metavar="OUT.pdf", help="printable side-by-side comparison sheet (PDF)")
    exp.add_argument("--sheet-docx", metavar="OUT.docx", help="the comparison sheet as a Word table")
    exp.add_argument("--json", metavar="FILE", help="the full comparison as JSON")
    exp.add_argument("--author", default=None, help="revision and comment author (default: your user name)")
    exp.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    exp.add_argument("--collapse-equal", action="store_true", help="collapse unchanged paragraphs on the sheet")
    exp.add_argument("--review", metavar="FILE.dcreview",
                     help="reviewer's notes to include (default: the review saved beside the adopted text, if any)")
    exp.add_argument("--no-review", action="store_true", help="leave the reviewer's notes out")
    _option_args(exp)
    return parser


def _label(c: Comparison, pair) -> tuple[str, str]:
    def one(doc, idx):
        return "+".join(doc.paragraphs[i].display_label or f"¶{i + 1}" for i in idx) or "—"
    return one(c.draft, pair.draft), one(c.adopted, pair.adopted)


def _inline(pair) -> str:
    parts = []
    for op in pair.ops:
        if op.op is Op.EQUAL:
            parts.append(op.b)
        elif op.op is Op.DELETE:
            parts.append(f"[-{op.a}-]")
        else:
            parts.append(f"{{+{op.b}+}}")
    return "".join(parts)


def summary(c: Comparison) -> str:
    d, a, s = c.draft, c.adopted, c.stats

    def describe(doc) -> str:
        kinds = {}
        for p in doc.paragraphs:
            kinds[p.kind.value] = kinds.get(p.kind.value, 0) + 1
        sure = f" {doc.language_confidence:.0%}" if doc.language != "und" else ""
        return (f"{doc.name} [{doc.language}{sure}] {len(doc.paragraphs)} paragraphs: "
                f"{kinds.get('preamble', 0)} preambular, {kinds.get('operative', 0)} operative")

    lines = [
        f"Draft:    {describe(d)}",
        f"Adopted:  {describe(a)}",
        f"Mode:     {c.mode}",
        f"Pairs:    {s.pairs} — equal {s.equal}, changed {s.changed}, inserted {s.inserted}, deleted {s.deleted}, "
        f"moved {s.moved}, split {s.split}, merged {s.merged}",
        f"Words:    {s.words_deleted} deleted, {s.words_inserted} inserted"
        + (f"; formatting changed in {s.formatting} paragraph pairs" if s.formatting else ""),
        f"Findings: {s.findings}",
        "",
        f"{'#':>4}  {'kind':9} {'draft':10} {'adopted':10} {'sim':>5}  summary",
    ]
    for n, pair in enumerate(c.pairs):
        if pair.kind is PairKind.EQUAL and not pair.findings:
            continue
        dl, al = _label(c, pair)
        if pair.findings:
            text = "; ".join(f.message for f in pair.findings)
        elif pair.ops:
            text = " ".join(f"-{op.a.strip()}" if op.op is Op.DELETE else f"+{op.b.strip()}"
                            for op in pair.ops if op.op is not Op.EQUAL)
        else:
            idx = pair.adopted or pair.draft
            doc = a if pair.adopted else d
            text = doc.paragraphs[idx[0]].text
        text = " ".join(text.split())
        lines.append(f"{n + 1:>4}  {pair.kind.value:9} {dl:10} {al:10} {pair.similarity:5.2f}  {text[:90]}")
    for f in c.findings:
        lines.append(f"      document  {f.severity.value}: {f.message}")
    return "\n".join(lines)


def full_text(c: Comparison) -> str:
    out = []
    for n, pair in enumerate(c.pairs):
        dl, al = _label(c, pair)
        out.append(f"=== {n + 1} {pair.kind.value} {dl} → {al}")
        if c.cross_language:
            for i in pair.draft:
                out.append(f"  draft:   {c.draft.paragraphs[i].text}")
            for j in pair.adopted:
                out.append(f"  adopted: {c.adopted.paragraphs[j].text}")
        else:
            out.append("  " + _inline(pair).replace("\n", "\n  "))
        out.extend(f"  ! {f.severity.value}: {f.message}" for f in pair.findings)
    return "\n".join(out)


def _compare(ns: argparse.Namespace) -> Comparison:
    from app.io.pipeline import compare_files
    return compare_files(ns.draft, ns.adopted, _options(ns), tracked=ns.tracked_view, progress=_Progress())


class _Progress:
    """Stage lines on stderr ("draftcompare: aligning paragraphs…") when a comparison takes more than a
    second and stderr is a terminal: long documents say what they are doing; scripts see nothing."""

    DELAY = 1.0

    def __init__(self) -> None:
        import time
        self._clock = time.monotonic
        self._start = self._clock()
        self._tty = sys.stderr.isatty()

    def __call__(self, stage: str, fraction: float) -> None:
        if not self._tty or fraction >= 1.0 or self._clock() - self._start < self.DELAY:
            return
        print(f"draftcompare: {stage[:1].lower() + stage[1:]}… ({fraction:.0%})", file=sys.stderr, flush=True)


def _warn(c: Comparison) -> None:
    """What the readers read only in part (an input's own tracked changes, text boxes, controls
    dropped ...): one line each on stderr, naming the file, so it is seen and not only in the JSON."""
    same_name = c.draft.name == c.adopted.name          # then the paths tell the two apart
    for doc in (c.draft, c.adopted):
        for warning in doc.warnings:
            _say(f"draftcompare: {_one_line(f'{doc.path if same_name else doc.name}: {warning}')}", err=True)


def _check_outputs(ns: argparse.Namespace, outputs: list[tuple[str, str | None]]) -> None:
    """Refuse, before any work, an output named twice or one the safe-output routine would refuse
    (an input document, the review file or its journal, a folder, a name ending in '/' ...)."""
    from app.io.atomic import check_target, display_path, duplicate_outputs, export_guard
    from app.io.errors import ExportError
    twice = duplicate_outputs(outputs)
    if twice:
        path, first, second = twice
        raise ExportError(display_path(path), f"given as two outputs ({first} and {second}); "
                                              "give each output its own file name")
    guard = export_guard(ns.draft, ns.adopted, getattr(ns, "review", None))
    for _option, path in outputs:
        if path:
            check_target(path, **guard)


def cmd_compare(ns: argparse.Namespace) -> int:
    _check_outputs(ns, [("--json", ns.json)])
    c = _compare(ns)
    _warn(c)
    _say(full_text(c) if ns.text else summary(c))
    if ns.json:
        from app.io.json_export import write_json
        write_json(c, ns.json)
    return EXIT_OK


def _review_notes(ns: argparse.Namespace, c: Comparison) -> dict[int, str]:
    """The notes of the review file (given, or saved beside the adopted text), placed on this comparison."""
    from pathlib import Path

    from app.core.review import reattach
    from app.io import review_store
    if ns.no_review:
        return {}
    path = Path(ns.review) if ns.review else review_store.review_path_for(c.adopted.path)
    if not ns.review and not path.exists():
        return {}
    digests = [review_store.file_digest(p) for p in (c.draft.path, c.adopted.path)]
    try:
        stored = review_store.load(path)
    except DraftCompareError as exc:
        if ns.review:                       # the one the officer named: say so and stop
            raise
        # the review beside the adopted text is damaged: the export goes on without its notes (the
        # window moves such a file aside when it opens the pair; the command line only reads)
        _say(f"draftcompare: {_one_line(exc.message)}; exported without its notes (--no-review to skip it)",
             err=True)
        return {}
    review = reattach(stored, c, *digests)
    notes = review.notes_by_pair(c)
    lost = f"; {len(review.unplaced)} could not be placed on these documents" if review.unplaced else ""
    _say(f"notes:           {len(notes)} from {path}{lost}")
    return notes


def cmd_export(ns: argparse.Namespace) -> int:
    outputs = [("--tracked", ns.tracked), ("--annotated", ns.annotated), ("--sheet", ns.sheet),
               ("--sheet-docx", ns.sheet_docx), ("--json", ns.json)]
    if not any(path for _option, path in outputs):
        _say("draftcompare export: nothing to do: give --tracked, --annotated, --sheet, --sheet-docx or --json",
             err=True)
        return EXIT_BAD_INPUT
    _check_outputs(ns, outputs)
    review = ns.review
    c = _compare(ns)
    _warn(c)
    notes = _review_notes(ns, c)
    from app.io.export_tracked import default_author
    author = ns.author or default_author()
    if ns.tracked:
        from app.io.export_tracked import export_tracked
        _say(f"tracked changes: {export_tracked(c, ns.tracked, author=author, review=review)}")
    if ns.annotated:
        from app.io.export_annotated import export_annotated
        _say(f"annotated:       {export_annotated(c, ns.annotated, author=author, notes=notes, review=review)}")
    if ns.sheet_docx:
        from app.io.export_sheet_docx import export_sheet_docx
        written = export_sheet_docx(c, ns.sheet_docx, collapse_equal=ns.collapse_equal, page_size=ns.page_size,
                                    notes=notes, review=review)
        _say(f"sheet (.docx):   {written}")
    if ns.json:
        from app.io.json_export import write_json
        _say(f"json:            {write_json(c, ns.json, review=review)}")
    if ns.sheet:
        from app.ui.sheet_print import ensure_qt_app, export_sheet_pdf  # Qt only for the PDF
        ensure_qt_app()
        written = export_sheet_pdf(c, ns.sheet, page_size=ns.page_size, collapse_equal=ns.collapse_equal, notes=notes,
                                   review=review)
        _say(f"sheet (PDF):     {written}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    from app.logsetup import setup_logging     # the rotating log in the user's profile (no Qt); once only
    setup_logging()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--selftest"]:
        from app.selftest import run_selftest  # the packaged app proves it works offline
        return run_selftest(argv[1:])
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        review = len(argv) == 1 and argv[0].lower().endswith(".dcreview")
        if len(argv) not in (0, 2) and not review:
            _say("usage: draftcompare [DRAFT ADOPTED | REVIEW.dcreview] | draftcompare {compare,export} ...",
                 err=True)
            return EXIT_BAD_INPUT
        from app.ui.application import run_gui
        return run_gui(review=argv[0]) if review else run_gui(*(argv or [None, None]))
    ns = build_parser().parse_args(argv)
    _tolerant_streams()
    try:
        try:
            code = cmd_compare(ns) if ns.command == "compare" else cmd_export(ns)
        except DraftCompareError as exc:
            _say(f"draftcompare: {_one_line(exc.message)}", err=True)
            code = EXIT_BAD_INPUT
        sys.stdout.flush()                   # a closed pipe shows here, not at exit with a traceback
        return code
    except BrokenPipeError:
        return _stdout_closed()
    except OSError as exc:                   # standard output on a full disk, a device that refuses it
        log.warning("cannot write to standard output: %s", exc)
        _stdout_closed()
        reason = {errno.ENOSPC: "the disk is full"}.get(exc.errno or 0, exc.strerror or str(exc))
        _say(f"draftcompare: standard output: cannot write: {reason}", err=True)
        return EXIT_BAD_INPUT
    except Cancelled:
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130


def _tolerant_streams() -> None:
    """A character the terminal's encoding lacks is shown as '?' rather than ending in a traceback."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError) as exc:     # replaced by a test, or closed
            log.debug("cannot reconfigure %r: %s", stream, exc)


def _stdout_closed() -> int:
    """The reader of our output went away (``| head``): stop quietly. Python's own flush of stdout at
    exit would fail again, so stdout is pointed at /dev/null first."""
    log.debug("stdout was closed by its reader; stopping")
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError) as exc:     # stdout replaced (tests) or already closed
        log.debug("cannot redirect stdout to %s: %s", os.devnull, exc)
    return EXIT_BROKEN_PIPE


if __name__ == "__main__":
    sys.exit(main())
