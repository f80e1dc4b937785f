"""``draftcompare trail V1 V2 … VN``: one resolution across its versions (issue #19), headless.

The versions are files in order (zero draft first), or one folder whose documents are taken in natural
name order (``--by-date``: by modification time). It prints the versions, each round's counts and the
history of every paragraph that changed along the way (``--all``: of every paragraph), then writes
what was asked: ``--json`` (schema ``draftcompare.trail``), ``--sheet`` (trail sheet, PDF),
``--cumulative`` (one Word file, each round's changes by its own author) and ``--tracked`` (the usual
tracked-change file between two versions, ``--between I J``, first and last by default).
"""
from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from app.io.atomic import check_outputs, review_files_of
from app.io.documents import is_document, natural_order
from app.io.errors import InputError

if TYPE_CHECKING:                      # the engine of trails loads only when a trail is asked for
    from app.core.trail import Trail

log = logging.getLogger(__name__)


def add_parser(sub, option_args: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register the ``trail`` subcommand on ``sub`` (argparse subparsers); ``option_args`` adds the
    comparison options shared with ``compare``."""
    p = sub.add_parser("trail", help="one resolution across 2 to 10 versions: each paragraph's history")
    p.add_argument("versions", nargs="+", metavar="VERSION",
                   help="the versions in order (zero draft first), or one folder of them")
    p.add_argument("--names", metavar="A,B,…", help="a name for each version (default: the file names)")
    p.add_argument("--by-date", action="store_true", help="a folder's files by modification time, not by name")
    p.add_argument("--all", action="store_true", help="print the history of every paragraph, not only changed ones")
    p.add_argument("--language", choices=("en", "fr"), default="en", help="language of the history and the sheet")
    p.add_argument("--json", metavar="FILE", help="the trail as JSON (schema draftcompare.trail)")
    p.add_argument("--pretty", action="store_true", help="indent the JSON (default: compact)")
    p.add_argument("--sheet", metavar="OUT.pdf", help="the trail sheet: label in each version | text | history")
    p.add_argument("--cumulative", metavar="OUT.docx",
                   help="Word file with every round's changes tracked, each round by its own author")
    p.add_argument("--tracked", metavar="OUT.docx", help="Word file with tracked changes between two versions")
    p.add_argument("--between", nargs=2, type=int, metavar=("I", "J"),
                   help="the versions (1-based) of --tracked (default: first and last)")
    option_args(p)


def version_paths(args: list[str], by_date: bool = False) -> list[Path]:
    """The version files: ``args`` as given, or the documents of the one folder given, in natural name
    order (L.2 before L.12) or by modification time. Raises InputError for a wrong count."""
    from app.core.trail import TrailError, check_shape
    if len(args) == 1 and Path(args[0]).is_dir():
        folder = Path(args[0])
        files = [f for f in folder.iterdir() if f.is_file() and is_document(f)]
        paths = sorted(files, key=lambda f: (f.stat().st_mtime, f.name)) if by_date else natural_order(files)
        where = "folder"
    else:
        paths, where = [Path(a) for a in args], ""
    try:
        check_shape(len(paths))
    except TrailError as exc:
        raise InputError(str(args[0]) if where else "trail",
                         str(exc) + (" documents in this folder" if where else "")) from None
    return paths


def summary(trail: Trail, *, every: bool = False, language: str = "en") -> str:
    """What the trail prints, in ``language``: versions, rounds, then histories (changed paragraphs, or
    ``every`` one), then the paragraphs dropped along the way."""
    from app.core.messages import trail_history, trail_term

    def say(key: str, **values) -> str:
        return trail_term(key, language, **values)

    lines = [say("cli.versions", n=len(trail.versions))]
    for k, (name, doc) in enumerate(zip(trail.names, trail.versions)):
        lines.append(f"  {k + 1:>2}  {name:<16} {doc.path}  [{doc.language}, {say('cli.version', n=len(doc.paragraphs))}]")
    lines.append(say("cli.rounds"))
    for k, c in enumerate(trail.comparisons):
        s = c.stats
        counts = say("cli.round", changed=s.changed, inserted=s.inserted, deleted=s.deleted, moved=s.moved,
                     split=s.split + s.merged)
        lines.append("  " + say("cli.step", a=trail.names[k], b=trail.names[k + 1], counts=counts)
                     + (f"  {say('cli.cross')}" if c.cross_language else ""))
    shown = [t for t in trail.final_threads() if every or t.changed_since(0)]
    lines.append(say("cli.history", n=len(shown), m=len(trail.final_threads()), v=trail.names[-1]))
    for t in shown:
        label = t.stages[-1].label or f"\u00b6{t.stages[-1].paragraphs[0] + 1}"
        lines.append(f"  {label:<8} {trail_history(t, trail.names, language)}")
    dropped = trail.dropped_threads()
    if dropped:
        lines.append(say("cli.dropped", n=len(dropped)))
        for t in dropped:
            last = next(s for s in reversed(t.stages) if s.present)
            label = last.label or f"\u00b6{last.paragraphs[0] + 1}"
            lines.append(f"  {label:<8} {trail_history(t, trail.names, language)}")
    return "\n".join(lines)


def cmd_trail(ns: argparse.Namespace, options, say: Callable[..., None], progress=None) -> int:
    """Run ``draftcompare trail``; returns the exit code (0). Raises DraftCompareError (one line for the
    user) for unreadable versions, a wrong count or unwritable outputs."""
    from app.core.trail import TrailError, build_trail, check_shape
    from app.io.pipeline import load_document
    paths = version_paths(ns.versions, ns.by_date)
    check_outputs([("--json", ns.json), ("--sheet", ns.sheet), ("--cumulative", ns.cumulative),
                   ("--tracked", ns.tracked)], inputs=paths, protect=review_files_of(*paths))
    if ns.between and not ns.tracked:
        raise InputError("--between", "chooses the versions of --tracked; give --tracked OUT.docx too")
    names = [n.strip() for n in ns.names.split(",")] if ns.names else [p.name for p in paths]
    try:
        check_shape(len(paths), len(names))
    except TrailError as exc:
        raise InputError("--names", str(exc)) from None
    if ns.between and not (1 <= ns.between[0] < ns.between[1] <= len(paths)):
        raise InputError("--between", f"expected two versions 1 \u2264 I < J \u2264 {len(paths)}")
    docs = []
    for n, path in enumerate(paths):
        if progress is not None:
            progress(f"Reading {path.name}", n / (2 * len(paths)))
        docs.append(load_document(path, tracked=ns.tracked_view))
    try:
        trail = build_trail(docs, names, options,
                            progress=(lambda done, total: progress("Comparing", 0.5 + done / (2 * total)))
                            if progress is not None else None)
    except TrailError as exc:
        raise InputError("trail", str(exc)) from None
    if progress is not None:
        progress("Done", 1.0)
        getattr(progress, "close", lambda: None)()     # the bar's line cleared before the summary
    say(summary(trail, every=ns.all, language=ns.language))
    _write(ns, trail, say)
    return 0


def _write(ns: argparse.Namespace, trail: Trail, say: Callable[..., None]) -> None:
    if ns.json:
        from app.io.trail_json import write_trail_json
        say(f"{'json:':16} {write_trail_json(trail, ns.json, pretty=ns.pretty)}")
    if ns.cumulative:
        from app.io.export_cumulative import export_cumulative
        say(f"{'cumulative:':16} {export_cumulative(trail, ns.cumulative)}")
    if ns.tracked:
        first, last = ns.between or (1, len(trail.versions))      # checked before the work (cmd_trail)
        from app.cli import EXPORT_LABELS, write_exports      # the export command's own writer
        warnings: list[str] = []
        write_exports(trail.compare(first - 1, last - 1), {"tracked": ns.tracked}, language=ns.language,
                      warnings=warnings, written=lambda kind, path: say(f"{EXPORT_LABELS[kind] + ':':16} {path}"))
        for line in warnings:
            say(f"draftcompare: {line}", err=True)
    if ns.sheet:
        from app.ui.trail_print import export_trail_pdf     # Qt only for the PDF
        say(f"{'trail sheet:':16} {export_trail_pdf(trail, ns.sheet, language=ns.language)}")
