"""Command line: ``draftcompare [DRAFT ADOPTED]`` or ``draftcompare REVIEW.dcreview`` opens the window; ``compare``, ``export``, ``batch`` and ``trail`` run headless.

Bad input never produces a traceback: one line on stderr naming the file and the reason, exit code 2.
Every output goes through the safe-output routine (``app.io.atomic``); the outputs of one call are all
checked before the comparison runs (an input, the review file, a folder, a name given twice ... are
refused at once). Text printed is display-safe (a file name's undecodable bytes show as U+FFFD), and a
closed pipe (``draftcompare compare A B --text | head -1``) ends the program quietly with exit code 141.
Qt is imported only for the window and the PDF sheet. ``batch`` lives in ``app.batch``; it shares
``write_exports``, ``review_notes`` and ``reading_notes`` with ``export`` and ``compare``.
"""
from __future__ import annotations

import argparse
import errno
import logging
import os
import sys
from pathlib import Path
from typing import Callable, Mapping, Sequence

from app.core.compare import Cancelled
from app.core.model import CompareOptions, Comparison, Op, PairKind
from app.core.options import COMPARE_OPTIONS, options_from_flags
from app.io.errors import DraftCompareError

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13                      # as a program killed by SIGPIPE
COMMANDS = ("compare", "export", "batch", "trail")

log = logging.getLogger(__name__)


def _say(text: str = "", *, err: bool = False) -> None:
    """Print one message, display-safe: lone surrogates (undecodable bytes of a file name) as U+FFFD."""
    from app.io.atomic import display_text
    print(display_text(text), file=sys.stderr if err else sys.stdout)


def _one_line(text: str) -> str:
    from app.io.atomic import display_text
    return " ".join(display_text(text).splitlines())


def _option_args(parser: argparse.ArgumentParser) -> None:
    """The comparison options, from their one declaration (app.core.options), and --tracked-view."""
    g = parser.add_argument_group("comparison options")
    for spec in COMPARE_OPTIONS:
        if spec.choices:
            g.add_argument(spec.flag, dest=spec.name, choices=spec.values, default=spec.default, help=spec.help)
        else:
            g.add_argument(spec.flag, dest=spec.name, action="store_true", help=spec.help)
    g.add_argument("--tracked-view", choices=("accepted", "original"), default="accepted",
                   help="how to read inputs that already hold tracked changes")


def _options(ns: argparse.Namespace) -> CompareOptions:
    return options_from_flags({spec.name: getattr(ns, spec.name) for spec in COMPARE_OPTIONS})


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, 1 or more (got {text!r})")
    return n


def _export_args(parser: argparse.ArgumentParser, *, batch: bool = False) -> None:
    """The export flags: file names for ``export``; booleans for ``batch`` (names derived from the adopted stem)."""
    for flag, name, what in (("--tracked", "OUT.docx", "Word file with tracked changes draft → adopted"),
                             ("--annotated", "OUT.docx", "adopted text with Word comments"),
                             ("--sheet", "OUT.pdf", "printable side-by-side comparison sheet (PDF)"),
                             ("--sheet-docx", "OUT.docx", "the comparison sheet as a Word table"),
                             ("--json", "FILE", "the full comparison as JSON")):
        if batch:
            parser.add_argument(flag, action="store_true", help=f"{what}, in --out DIR")
        else:
            parser.add_argument(flag, metavar=name, help=what)
    parser.add_argument("--pretty", action="store_true", help="indent the JSON (default: compact)")
    parser.add_argument("--author", default=None, help="revision and comment author (default: your user name)")
    parser.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    parser.add_argument("--language", choices=("en", "fr"), default="en",
                        help="language of the sheet, the comments and the warnings (default: en)")
    parser.add_argument("--collapse-equal", action="store_true", help="collapse unchanged paragraphs on the sheet")
    parser.add_argument("--no-review", action="store_true", help="leave the reviewer's notes out")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="draftcompare", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    cmp_ = sub.add_parser("compare", help="compare two files and print a summary")
    cmp_.add_argument("draft")
    cmp_.add_argument("adopted")
    cmp_.add_argument("--json", metavar="FILE", help="write the full comparison as JSON (schema v1)")
    cmp_.add_argument("--pretty", action="store_true", help="indent the JSON (default: compact)")
    cmp_.add_argument("--text", action="store_true", help="print every pair with its word changes")
    _option_args(cmp_)
    exp = sub.add_parser("export", help="write tracked-change, annotated and sheet files")
    exp.add_argument("draft")
    exp.add_argument("adopted")
    _export_args(exp)
    exp.add_argument("--review", metavar="FILE.dcreview",
                     help="reviewer's notes to include (default: the review the window keeps for this pair, if any)")
    _option_args(exp)
    bat = sub.add_parser("batch", help="compare (and export) many pairs: two folders, or a CSV file of pairs")
    bat.add_argument("folders", nargs="*", metavar="DIR",
                     help="DRAFTS_DIR ADOPTED_DIR: files paired by name (case and extension ignored)")
    bat.add_argument("--csv", metavar="FILE", help="rows draft,adopted (header optional; paths relative to the CSV)")
    bat.add_argument("--jobs", type=_jobs, default=None, metavar="N", help="processes (default: one per core)")
    bat.add_argument("--report", metavar="FILE", help="write a JSON report: one summary per pair")
    bat.add_argument("--out", metavar="DIR", help="folder for the exports (DIR/<adopted stem>.tracked.docx ...)")
    _export_args(bat, batch=True)
    _option_args(bat)
    from app.cli_trail import add_parser
    add_parser(sub, _option_args)
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


class _Bar(_Progress):
    """The batch's progress, in the same style, as one line redrawn in place on stderr when it is a
    terminal ("draftcompare: compared 3 of 12 pairs… [#####-----] (25%)"); ``close()`` clears it."""

    WIDTH = 20

    def __init__(self) -> None:
        super().__init__()
        self._shown = 0

    def __call__(self, stage: str, fraction: float) -> None:
        if not self._tty:
            return
        filled = round(self.WIDTH * min(max(fraction, 0.0), 1.0))
        line = f"draftcompare: {stage}… [{'#' * filled}{'-' * (self.WIDTH - filled)}] ({fraction:.0%})"
        print("\r" + line.ljust(self._shown), end="", file=sys.stderr, flush=True)
        self._shown = len(line)

    def close(self) -> None:
        if self._shown:
            print("\r" + " " * self._shown + "\r", end="", file=sys.stderr, flush=True)
            self._shown = 0


def reading_notes(c: Comparison) -> list[str]:
    """What the readers read only in part (an input's own tracked changes, text boxes, controls
    dropped ...): one line each, naming the file (its path when both files share a name)."""
    same_name = c.draft.name == c.adopted.name
    return [_one_line(f"{doc.path if same_name else doc.name}: {warning}")
            for doc in (c.draft, c.adopted) for warning in doc.warnings]


def _warn(c: Comparison) -> None:
    """The reading notes on stderr, so they are seen and not only in the JSON."""
    for line in reading_notes(c):
        _say(f"draftcompare: {line}", err=True)


def _check_outputs(ns: argparse.Namespace, outputs: list[tuple[str, str | None]]) -> None:
    """Refuse, before any work, an output named twice or one the safe-output routine would refuse
    (an input document, the review file or its journal, a folder, a name ending in '/' ...)."""
    from app.io.atomic import check_outputs, export_guard
    check_outputs(outputs, **export_guard(ns.draft, ns.adopted, getattr(ns, "review", None)))


def cmd_compare(ns: argparse.Namespace) -> int:
    _check_outputs(ns, [("--json", ns.json)])
    c = _compare(ns)
    _warn(c)
    _say(full_text(c) if ns.text else summary(c))
    if ns.json:
        from app.io.json_export import write_json
        write_json(c, ns.json, pretty=ns.pretty)
    return EXIT_OK


def review_notes(c: Comparison, *, review: str | os.PathLike | None = None, use_review: bool = True,
                 say: Callable[[str, bool], None] | None = None) -> dict[int, str]:
    """The notes of the review file (``review``, or the one the window keeps for this pair: where the
    officer saved it, else beside the adopted text, else in the profile), placed on
    this comparison: ``{pair index: note text}``, empty without a review or with ``use_review=False``.
    ``say(line, is_warning)`` hears where the notes came from and, as a warning, that the review beside
    the adopted text is damaged (the export then goes on without it). Raises DraftCompareError when the
    review file named by ``review`` cannot be read."""
    from app.core.review import reattach
    from app.io import review_store
    say = say or (lambda _line, _warning: None)
    if not use_review:
        return {}
    path = Path(review) if review else review_store.review_location(review_store.profile_reviews_folder(),
                                                                    c.draft.path, c.adopted.path)
    if not review and not path.exists():
        return {}
    digests = [review_store.file_digest(p) for p in (c.draft.path, c.adopted.path)]
    try:
        stored = review_store.load(path)
    except DraftCompareError as exc:
        if review:                          # the one the officer named: say so and stop
            raise
        # the review beside the adopted text is damaged: the export goes on without its notes (the
        # window moves such a file aside when it opens the pair; the command line only reads)
        log.info("export without the notes of %s: %s", path, exc.message)
        say(f"{_one_line(exc.message)}; exported without its notes (--no-review to skip it)", True)
        return {}
    placed = reattach(stored, c, *digests)
    notes = placed.notes_by_pair(c)
    lost = f"; {len(placed.unplaced)} could not be placed on these documents" if placed.unplaced else ""
    say(f"notes:           {len(notes)} from {path}{lost}", False)
    return notes


EXPORT_LABELS = {"tracked": "tracked changes", "annotated": "annotated", "sheet_docx": "sheet (.docx)",
                 "json": "json", "sheet": "sheet (PDF)"}      # the order they are written in: Qt (PDF) last


def write_exports(c: Comparison, outputs: Mapping[str, str | os.PathLike | None], *, author: str | None = None,
                  notes: Mapping[int, str] | None = None, review: str | os.PathLike | None = None,
                  page_size: str = "A4", collapse_equal: bool = False, pretty: bool = False,
                  language: str = "en", warnings: list[str] | None = None,
                  written: Callable[[str, Path], None] | None = None) -> list[tuple[str, Path]]:
    """Write the exports of one comparison: ``outputs`` maps ``tracked``, ``annotated``, ``sheet_docx``,
    ``json`` and ``sheet`` (PDF; loads Qt) to a file name (absent or None: not written), their words in
    ``language``, on ``page_size`` pages. Each file goes through the safe-output routine; one-line
    warnings (tracked changes across languages) are appended to ``warnings``; ``written(kind, path)``
    hears of each as it is done. Returns the
    ``(kind, path)`` written, in ``EXPORT_LABELS`` order. Raises ExportError (file and reason) at the
    first output that cannot be written; the ones before it are kept."""
    from app.io.export_tracked import default_author
    author = author or default_author()
    done: list[tuple[str, Path]] = []
    for kind in EXPORT_LABELS:
        path = outputs.get(kind)
        if not path:
            continue
        if kind == "tracked":
            from app.io.export_tracked import export_tracked
            out = export_tracked(c, path, author=author, review=review, page_size=page_size, warnings=warnings,
                                 language=language)
        elif kind == "annotated":
            from app.io.export_annotated import export_annotated
            out = export_annotated(c, path, author=author, notes=notes, review=review, language=language,
                                   page_size=page_size)
        elif kind == "sheet_docx":
            from app.io.export_sheet_docx import export_sheet_docx
            out = export_sheet_docx(c, path, collapse_equal=collapse_equal, page_size=page_size, notes=notes,
                                    review=review, language=language)
        elif kind == "json":
            from app.io.json_export import write_json
            out = write_json(c, path, review=review, pretty=pretty)
        else:
            from app.ui.sheet_print import ensure_qt_app, export_sheet_pdf  # Qt only for the PDF
            ensure_qt_app()
            out = export_sheet_pdf(c, path, page_size=page_size, collapse_equal=collapse_equal, notes=notes,
                                   review=review, language=language)
        done.append((kind, Path(out)))
        if written is not None:
            written(kind, Path(out))
    return done


def cmd_export(ns: argparse.Namespace) -> int:
    outputs = [("--tracked", ns.tracked), ("--annotated", ns.annotated), ("--sheet", ns.sheet),
               ("--sheet-docx", ns.sheet_docx), ("--json", ns.json)]
    if not any(path for _option, path in outputs):
        _say("draftcompare export: nothing to do: give --tracked, --annotated, --sheet, --sheet-docx or --json",
             err=True)
        return EXIT_BAD_INPUT
    _check_outputs(ns, outputs)
    c = _compare(ns)
    _warn(c)
    notes = review_notes(c, review=ns.review, use_review=not ns.no_review,
                         say=lambda line, warning: _say(f"draftcompare: {line}" if warning else line, err=warning))
    warnings: list[str] = []
    write_exports(c, {option[2:].replace("-", "_"): path for option, path in outputs}, author=ns.author,
                  notes=notes, review=ns.review, page_size=ns.page_size, collapse_equal=ns.collapse_equal,
                  pretty=ns.pretty, language=ns.language, warnings=warnings,
                  written=lambda kind, path: _say(f"{EXPORT_LABELS[kind] + ':':16} {path}"))
    for line in warnings:
        _say(f"draftcompare: {line}", err=True)
    return EXIT_OK


def cmd_batch(ns: argparse.Namespace) -> int:
    """``draftcompare batch``: see app.batch. Exit 0 when every pair succeeded, 1 when some failed."""
    from app import batch
    kinds = [kind for kind in batch.EXPORTS if getattr(ns, kind)]
    plan = batch.plan_pairs(ns.folders, ns.csv)
    settings = batch.Settings(_options(ns), ns.tracked_view, ns.author, ns.page_size, ns.collapse_equal,
                              use_review=not ns.no_review, pretty=ns.pretty, language=ns.language)
    jobs = batch.make_jobs(plan, settings, out=ns.out, kinds=kinds, report=ns.report)
    bar = _Bar()
    try:
        results = batch.run_batch(jobs, workers=ns.jobs, progress=bar)
    finally:
        bar.close()
    _say(batch.format_summary(results, plan))
    for result in results:
        for line in result.warnings:
            _say(f"draftcompare: {line}", err=True)
    if ns.report:
        _say(f"report: {batch.write_report(ns.report, results, plan, settings, pretty=ns.pretty)}")
    return EXIT_OK if all(r.ok for r in results) else EXIT_FAILURE


def cmd_trail(ns: argparse.Namespace) -> int:
    """``draftcompare trail``: see app.cli_trail."""
    from app.cli_trail import cmd_trail as run
    return run(ns, _options(ns), _say, _Bar())


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):          # a bundled app: batch's worker processes start (and end) here
        import multiprocessing
        multiprocessing.freeze_support()
    from app.logsetup import setup_logging     # the rotating log in the user's profile (no Qt); once only
    setup_logging()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--selftest"]:
        from app.selftest import run_selftest  # the packaged app proves it works offline
        return run_selftest(argv[1:])
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        review = len(argv) == 1 and argv[0].lower().endswith(".dcreview")
        if len(argv) not in (0, 2) and not review:
            _say("usage: draftcompare [DRAFT ADOPTED | REVIEW.dcreview] | draftcompare {compare,export,batch,trail} ...",
                 err=True)
            return EXIT_BAD_INPUT
        from app.ui.application import run_gui
        return run_gui(review=argv[0]) if review else run_gui(*(argv or [None, None]))
    parser = build_parser()
    ns = parser.parse_args(argv)
    if ns.command is None:
        parser.print_usage(sys.stderr)
        return EXIT_BAD_INPUT
    _tolerant_streams()
    try:
        try:
            code = {"compare": cmd_compare, "export": cmd_export, "batch": cmd_batch, "trail": cmd_trail}[ns.command](ns)
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
