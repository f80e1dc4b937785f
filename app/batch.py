"""``draftcompare batch``: compare (and export) many draft/adopted pairs at once, on all cores.

Pairs come from two folders, files paired by name (case, Unicode normalisation and extension ignored, so
``L.12.docx`` pairs with ``l.12.pdf``), or from a CSV file of ``draft,adopted`` rows (header optional,
paths relative to the CSV's folder). Each pair runs in a worker process (``run_pair``: top level, so it
pickles) and never stops the others: a pair that fails gets a one-line status naming the file and the
reason, and its traceback, if any, goes to the log, never to the screen. Exports go to
``OUT/<adopted stem>.tracked.docx`` ... through the same ``write_exports`` as ``draftcompare export``.

No Qt here: the PDF sheet, when asked for, loads Qt in the worker that writes it.
"""
from __future__ import annotations

import csv
import io
import logging
import os
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from app.core.model import CompareOptions, Comparison
from app.io.atomic import display_path, display_text
from app.io.documents import DOCUMENT_SUFFIXES, natural_key
from app.io.errors import DraftCompareError

log = logging.getLogger(__name__)

SCHEMA, VERSION = "draftcompare.batch", 1
# What a folder may hold that is a document to compare: app.io.documents.DOCUMENT_SUFFIXES (.doc and .rtf
# too: the reader says to save them as .docx, which beats ignoring them). Anything else (reviews,
# journals, CSV, JSON, our own exports when --out is one of the folders ...) is ignored.
EXPORTS = {"tracked": ".tracked.docx", "annotated": ".annotated.docx", "sheet": ".sheet.pdf",
           "sheet_docx": ".sheet.docx", "json": ".json"}        # export -> file name suffix after the stem
_OUR_EXPORTS = tuple(suffix for suffix in EXPORTS.values() if suffix != ".json")   # an earlier batch's, not a text
MAX_CSV_BYTES = 10 * 2**20

Progress = Callable[[str, float], None]


class UsageError(DraftCompareError):
    """The batch cannot start: folders, CSV file or options given wrongly (exit code 2)."""


@dataclass(frozen=True)
class Unpaired:
    """A file of one folder with no single partner in the other (listed, never an error)."""
    path: str
    side: str                       # "draft" or "adopted"
    reason: str


@dataclass(frozen=True)
class Plan:
    """What to compare: ``pairs`` of (draft, adopted) paths in order, and the files left out."""
    pairs: tuple[tuple[str, str], ...]
    unpaired: tuple[Unpaired, ...] = ()
    ignored: int = 0                # files of the folders that are not documents


@dataclass(frozen=True)
class Settings:
    """Comparison options and export settings shared by every pair (picklable)."""
    options: CompareOptions = CompareOptions()
    tracked_view: str = "accepted"
    author: str | None = None
    page_size: str = "A4"
    collapse_equal: bool = False
    use_review: bool = True
    pretty: bool = False
    language: str = "en"


@dataclass(frozen=True)
class PairJob:
    """One pair for a worker: ``outputs`` maps export kinds (``EXPORTS``) to file names."""
    index: int
    draft: str
    adopted: str
    settings: Settings
    outputs: tuple[tuple[str, str], ...] = ()


@dataclass
class PairResult:
    """What became of one pair: ``error`` is one line naming the file and the reason (None when ok);
    ``statistics`` is the comparison JSON's ``statistics`` object (None when the comparison failed)."""
    index: int
    draft: str
    adopted: str
    error: str | None = None
    mode: str | None = None
    languages: tuple[str, str] | None = None
    statistics: dict[str, int] | None = None
    warnings: list[str] = field(default_factory=list)
    notes: int = 0
    outputs: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """One entry of the report's ``pairs`` (README, "JSON output")."""
        return {
            "index": self.index, "draft": self.draft, "adopted": self.adopted,
            "status": "ok" if self.ok else "failed", "error": self.error, "mode": self.mode,
            "languages": dict(zip(("draft", "adopted"), self.languages)) if self.languages else None,
            "statistics": self.statistics, "warnings": list(self.warnings), "notes": self.notes,
            "outputs": dict(self.outputs), "seconds": round(self.seconds, 3),
        }


# ---- which pairs ----------------------------------------------------------------------------------------

def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _documents(folder: Path, side: str) -> tuple[dict[str, list[Path]], int]:
    """The documents of ``folder`` grouped by name key (stem, case-folded), and how many files were ignored."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        log.info("cannot list the %s folder %s: %s", side, folder, exc)
        raise UsageError(display_path(folder), f"the folder cannot be read ({exc.strerror or exc})") from None
    found: dict[str, list[Path]] = {}
    ignored = 0
    for entry in entries:
        name = entry.name
        try:
            is_file = entry.is_file()
        except OSError as exc:
            log.info("skipping %s: %s", entry.path, exc)
            is_file = False
        if not is_file or name.startswith((".", "~$")):        # hidden, Word's lock files, sub-folders
            continue
        path = Path(entry.path)
        if path.suffix.lower() not in DOCUMENT_SUFFIXES or name.lower().endswith(_OUR_EXPORTS):
            ignored += 1
            continue
        found.setdefault(_key(path.stem), []).append(path)
    return found, ignored


def pair_folders(drafts_dir: str | os.PathLike, adopted_dir: str | os.PathLike) -> Plan:
    """Pair the documents of two folders by name (not their sub-folders): a name found on one side only,
    or held by two files of one folder (``L.12.docx`` and ``L.12.pdf``), is listed as unpaired. Raises
    UsageError when a folder does not exist, is not a folder, cannot be read or both are the same."""
    folders = (Path(drafts_dir), Path(adopted_dir))
    for folder in folders:
        if not folder.is_dir():
            raise UsageError(display_path(folder), "no such folder" if not folder.exists() else "not a folder")
    if os.path.samefile(*folders):
        raise UsageError(display_path(folders[1]), "the drafts and the adopted texts are in the same folder; "
                                                   "give two folders, or pair the files with --csv")
    (drafts, ignored_d), (adopted, ignored_a) = _documents(folders[0], "draft"), _documents(folders[1], "adopted")
    pairs, unpaired = [], []
    for key in sorted(drafts.keys() | adopted.keys(), key=natural_key):
        mine, theirs = drafts.get(key, []), adopted.get(key, [])
        if len(mine) == 1 and len(theirs) == 1:
            pairs.append((str(mine[0]), str(theirs[0])))
            continue
        for side, files, other in (("draft", mine, theirs), ("adopted", theirs, mine)):
            for path in files:
                if len(files) > 1:
                    reason = (f"{len(files)} files of this name in the {side} folder "
                              f"({', '.join(p.name for p in files)}); pair them with --csv")
                elif not other:
                    reason = f"no {'adopted' if side == 'draft' else 'draft'} file of this name"
                else:
                    reason = f"several files of this name in the other folder ({', '.join(p.name for p in other)})"
                unpaired.append(Unpaired(str(path), side, reason))
    return Plan(tuple(pairs), tuple(unpaired), ignored_d + ignored_a)


def read_csv(csv_path: str | os.PathLike) -> Plan:
    """Pairs from a CSV file of ``draft,adopted`` rows (``;`` or tab also accepted, as spreadsheets in
    some languages write them; UTF-8 with or without BOM, else Windows-1252). A first row
    ``draft,adopted`` is a header; blank rows are skipped; relative paths are relative to the CSV's
    folder. A missing document is a failed pair later, not an error here. Raises UsageError when the
    file cannot be read or a row does not hold two names."""
    p = Path(csv_path)
    try:
        if p.is_dir():
            raise UsageError(display_path(p), "this is a folder, not a CSV file")
        if p.stat().st_size > MAX_CSV_BYTES:
            raise UsageError(display_path(p), "the CSV file is too large (over 10 MB)")
        raw = p.read_bytes()
    except FileNotFoundError:
        raise UsageError(display_path(p), "the file does not exist") from None
    except OSError as exc:
        log.info("cannot read the CSV file %s: %s", p, exc)
        raise UsageError(display_path(p), f"the file cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        log.info("%s is not UTF-8 (%s); read as Windows-1252", p, exc)
        text = raw.decode("cp1252", errors="replace")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((",", ";", "\t"), key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    pairs: list[tuple[str, str]] = []
    seen_row = False
    try:
        for row in reader:
            cells = [cell.strip() for cell in row]
            while cells and not cells[-1]:
                cells.pop()
            if not cells:
                continue
            if len(cells) != 2 or not all(cells):
                raise UsageError(f"{display_path(p)}, line {reader.line_num}",
                                 f"expected two file names, draft{delimiter}adopted")
            if not seen_row and [_key(cell) for cell in cells] == ["draft", "adopted"]:
                seen_row = True
                continue
            seen_row = True
            pairs.append(tuple(str(_beside(p, cell)) for cell in cells))      # type: ignore[misc]
    except csv.Error as exc:
        log.info("%s is not a valid CSV file: %s", p, exc)
        raise UsageError(f"{display_path(p)}, line {reader.line_num}", f"not a valid CSV row ({exc})") from None
    return Plan(tuple(pairs))


def _beside(csv_path: Path, name: str) -> Path:
    path = Path(os.path.expanduser(name))
    return path if path.is_absolute() else csv_path.parent / path


def plan_pairs(folders: Sequence[str], csv_file: str | None) -> Plan:
    """The pairs of ``draftcompare batch``: two folders, or a CSV file. Raises UsageError when neither
    or both are given, or when the folders or the file cannot be used."""
    if csv_file and folders:
        raise UsageError("batch", "give two folders or --csv FILE, not both")
    if csv_file:
        return read_csv(csv_file)
    if len(folders) != 2:
        raise UsageError("batch", "give two folders (DRAFTS_DIR ADOPTED_DIR) or --csv FILE")
    return pair_folders(*folders)


def make_jobs(plan: Plan, settings: Settings, *, out: str | None = None, kinds: Iterable[str] = (),
              report: str | None = None) -> list[PairJob]:
    """One job per pair, each export named ``OUT/<adopted stem><suffix>`` (``-2``, ``-3`` ... added when two
    pairs share an adopted stem). Creates ``out``. Raises UsageError when there is nothing to compare,
    when exports lack ``--out`` (or the reverse), when ``out`` cannot be made a folder, or when ``report``
    cannot be written, is a document of the plan (paired or not) or is also a pair's output."""
    from app.io.atomic import check_target, duplicate_outputs
    kinds = [k for k in EXPORTS if k in set(kinds)]
    if not plan.pairs:
        names = [display_path(Path(u.path).name) for u in plan.unpaired]
        alone = f" ({len(names)} files without a partner: {', '.join(names[:5])}{' …' if len(names) > 5 else ''})"
        raise UsageError("batch", "no pairs to compare" + (alone if names else ""))
    if kinds and not out:
        raise UsageError("batch", "the exports go into a folder: give --out DIR")
    if out and not kinds:
        raise UsageError("--out", "nothing to export: give --tracked, --annotated, --sheet, --sheet-docx or --json")
    if out:
        if os.path.exists(out) and not os.path.isdir(out):
            raise UsageError(display_path(out), "the output folder is a file; give a folder for --out")
        try:
            os.makedirs(out, exist_ok=True)
        except OSError as exc:
            log.info("cannot create the output folder %s: %s", out, exc)
            raise UsageError(display_path(out), f"cannot be used as the output folder ({exc.strerror or exc})") \
                from None
    used: set[str] = set()
    jobs = []
    for n, (draft, adopted) in enumerate(plan.pairs):
        outputs: tuple[tuple[str, str], ...] = ()
        if out:
            stem, k = Path(adopted).stem, 1
            while _key(stem if k == 1 else f"{stem}-{k}") in used:
                k += 1
            base = stem if k == 1 else f"{stem}-{k}"
            used.add(_key(base))
            outputs = tuple((kind, str(Path(out) / f"{base}{EXPORTS[kind]}")) for kind in kinds)
        jobs.append(PairJob(n, draft, adopted, settings, outputs))
    if report:
        inputs = [p for pair in plan.pairs for p in pair] + [u.path for u in plan.unpaired]
        try:
            check_target(report, inputs=inputs)
        except DraftCompareError as exc:
            raise UsageError(exc.path, exc.reason) from None
        twice = duplicate_outputs([("--report", report)] + [(f"--{kind}", path) for job in jobs
                                                            for kind, path in job.outputs])
        if twice:
            raise UsageError(display_path(report), "the report would overwrite an export; give another name")
    return jobs


# ---- one pair (in a worker process) ----------------------------------------------------------------------

def _record(result: PairResult, c: Comparison) -> None:
    from app.cli import reading_notes
    from app.io.json_export import statistics
    result.mode = c.mode
    result.languages = (c.draft.language, c.adopted.language)
    result.statistics = statistics(c)
    result.warnings.extend(reading_notes(c))


def run_pair(job: PairJob) -> PairResult:
    """Compare one pair and write its exports; never raises for a bad file or an unwritable output: the
    result's ``error`` says which file and why (one line). Top level so that a process pool can run it."""
    from app.cli import review_notes, write_exports
    from app.io.pipeline import compare_files
    start = time.perf_counter()
    result = PairResult(job.index, job.draft, job.adopted)
    s = job.settings

    def warned(line: str, is_warning: bool) -> None:
        if is_warning:
            result.warnings.append(line)

    try:
        c = compare_files(job.draft, job.adopted, s.options, tracked=s.tracked_view)
        _record(result, c)
        if job.outputs:
            notes = review_notes(c, use_review=s.use_review, say=warned)
            result.notes = len(notes)
            write_exports(c, dict(job.outputs), author=s.author, notes=notes, page_size=s.page_size,
                          collapse_equal=s.collapse_equal, pretty=s.pretty, language=s.language,
                          warnings=result.warnings,
                          written=lambda kind, path: result.outputs.__setitem__(kind, str(path)))
    except DraftCompareError as exc:
        log.info("batch: pair %d (%s, %s) failed: %s", job.index, job.draft, job.adopted, exc.message)
        result.error = " ".join(display_text(exc.message).split())
    except Exception as exc:        # a bug or a library's failure: the traceback goes to the log, not the screen
        log.exception("batch: pair %d (%s, %s) failed unexpectedly", job.index, job.draft, job.adopted)
        reason = " ".join(display_text(f"{type(exc).__name__}: {exc}").split())
        result.error = (f"{display_path(Path(job.draft).name)} / {display_path(Path(job.adopted).name)}: "
                        f"unexpected error ({reason}); the log has the details")
    result.seconds = time.perf_counter() - start
    return result


def _init_worker() -> None:
    """Each worker logs to the program's log file and leaves Ctrl+C to the main process (which stops
    the batch), so an interrupted batch prints no traceback per worker."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from app.logsetup import setup_logging
    setup_logging()


def _pool_round(jobs: Sequence[PairJob], workers: int, done: Callable[[PairResult], None]) -> list[PairJob]:
    """Run ``jobs`` in one pool of ``workers`` processes, handing each result to ``done``; return the
    jobs lost when a worker died (the pool is then broken and every pair not finished is lost with it)."""
    lost: list[PairJob] = []
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker)
    try:
        futures = {pool.submit(run_pair, job): job for job in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                done(future.result())
            except BrokenProcessPool as exc:
                log.info("batch: a worker died while %s and %s were pending: %s", job.draft, job.adopted, exc)
                lost.append(job)
            except Exception as exc:            # a result that could not be sent back: logged, the pair fails
                log.exception("batch: no result for %s and %s", job.draft, job.adopted)
                done(PairResult(job.index, job.draft, job.adopted,
                                error=f"{display_path(Path(job.adopted).name)}: no result from the worker "
                                      f"({type(exc).__name__}); the log has the details"))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return lost


def run_batch(jobs: Sequence[PairJob], *, workers: int | None = None,
              progress: Progress | None = None) -> list[PairResult]:
    """Run every job, ``workers`` at a time (default: one per core; in this process when one is enough),
    and return the results in the jobs' order. ``progress(stage, fraction)`` hears each pair done.

    A worker that dies (killed when memory runs out, a crash in a library) breaks the pool and every
    pair not finished with it: those are then run again one at a time, each in a process of its own, so
    that only the pair that kills its process fails, and with less memory in use. Ctrl+C cancels the
    pairs not started, waits for the running ones and raises KeyboardInterrupt."""
    total = len(jobs)
    workers = max(1, min(workers or os.cpu_count() or 1, total))
    results: dict[int, PairResult] = {}

    def done(result: PairResult) -> None:
        results[result.index] = result
        if progress is not None:
            progress(f"compared {len(results)} of {total} pairs", len(results) / total)

    if progress is not None:
        progress(f"comparing {total} pairs", 0.0)
    if workers == 1:
        for job in jobs:
            done(run_pair(job))
        return [results[job.index] for job in jobs]
    lost = _pool_round(jobs, workers, done)
    if lost:
        log.warning("batch: a worker process died; the %d pairs left are run one at a time", len(lost))
    for job in sorted(lost, key=lambda j: j.index):
        if _pool_round([job], 1, done):
            log.error("batch: the process comparing %s and %s died on its own", job.draft, job.adopted)
            done(PairResult(job.index, job.draft, job.adopted,
                            error=f"{display_path(Path(job.adopted).name)}: the process comparing this pair ended "
                                  "abruptly (out of memory, or a crash in a library); the log has the details"))
    return [results[job.index] for job in jobs]


# ---- what is shown and written ---------------------------------------------------------------------------

COLUMNS = ("draft", "adopted", "mode", "languages", "pairs", "changed", "inserted", "deleted", "moved",
           "findings", "status")


def _row(r: PairResult) -> list[str]:
    names = [display_path(Path(r.draft).name), display_path(Path(r.adopted).name)]
    if r.statistics is None:
        return names + ["—"] * 8 + [f"failed: {r.error}"]
    st = r.statistics
    langs = "/".join(r.languages or ("und", "und"))
    status = "ok" if r.ok else f"failed: {r.error}"
    return names + [r.mode or "—", langs] + [str(st[k]) for k in COLUMNS[4:10]] + [status]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def format_summary(results: Sequence[PairResult], plan: Plan) -> str:
    """The summary table (one row per pair, ``COLUMNS``), then the unpaired files and the totals."""
    rows = [list(COLUMNS)] + [_row(r) for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS) - 1)]
    lines = []
    for row in rows:
        cells = [cell.rjust(w) if 4 <= i <= 9 else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells + [row[-1]]).rstrip())
    failed = sum(not r.ok for r in results)
    for u in plan.unpaired:
        lines.append(f"unpaired {u.side}: {display_path(u.path)}: {u.reason}")
    total = f"{_count(len(results), 'pair')}: {len(results) - failed} ok, {failed} failed"
    if plan.unpaired:
        total += f"; {_count(len(plan.unpaired), 'file')} unpaired"
    if plan.ignored:
        total += f"; {_count(plan.ignored, 'file')} ignored (not documents)"
    return "\n".join(lines + [total])


def report_dict(results: Sequence[PairResult], plan: Plan, settings: Settings) -> dict[str, Any]:
    """The ``--report`` JSON (README, "JSON output"): schema, version, options, totals, pairs, unpaired."""
    from app.io.json_export import options_dict
    failed = sum(not r.ok for r in results)
    return {
        "schema": SCHEMA, "version": VERSION,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "options": {**options_dict(settings.options), "tracked_view": settings.tracked_view},
        "totals": {"pairs": len(results), "ok": len(results) - failed, "failed": failed,
                   "unpaired": len(plan.unpaired), "ignored": plan.ignored},
        "pairs": [r.to_dict() for r in results],
        "unpaired": [{"side": u.side, "path": u.path, "reason": u.reason} for u in plan.unpaired],
    }


def write_report(path: str | os.PathLike, results: Sequence[PairResult], plan: Plan, settings: Settings, *,
                 pretty: bool = False) -> Path:
    """Write the report through the safe-output routine (never over an input, paired or not). Returns the
    path as given; raises ExportError (file and reason) when it cannot be written."""
    from app.io.atomic import atomic_write_text
    from app.io.json_export import dumps
    inputs = [p for r in results for p in (r.draft, r.adopted)] + [u.path for u in plan.unpaired]
    return atomic_write_text(path, dumps(report_dict(results, plan, settings), pretty=pretty) + "\n", inputs=inputs)
