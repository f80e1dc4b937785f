"""Review files (.dcreview, JSON): notes saved beside the documents, autosaved, recoverable after a crash.

Every edit writes a small journal (``<file>.autosave``) at once, atomically; the review file itself is
written a couple of seconds after the last edit (debounced, on a timer thread, no Qt) and the journal is
removed once the review file holds everything. A journal left behind means the last session ended
before it could save: ``recoverable()`` returns it so the window can offer to restore it.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from dataclasses import asdict
from pathlib import Path

from app.core.review import PairKey, Review, ReviewNote
from app.io.atomic import atomic_write_text
from app.io.errors import InputError

SCHEMA, VERSION = "draftcompare.review", 1
SUFFIX = ".dcreview"
JOURNAL = ".autosave"


def review_path_for(adopted_path: str | os.PathLike) -> Path:
    p = Path(adopted_path)
    return p.with_name(p.stem + SUFFIX)


def file_digest(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def _note_dict(n: ReviewNote) -> dict:
    d = asdict(n)
    d["key"]["draft"], d["key"]["adopted"] = list(n.key.draft), list(n.key.adopted)
    return d


def to_json(review: Review) -> str:
    data = {
        "schema": SCHEMA, "version": VERSION,
        "draft": {"path": review.draft_path, "sha256": review.draft_digest},
        "adopted": {"path": review.adopted_path, "sha256": review.adopted_digest},
        "notes": [_note_dict(n) for n in review.notes],
        "unplaced": [_note_dict(n) for n in review.unplaced],
    }
    return json.dumps(data, ensure_ascii=False, indent=1)


def _note(d: dict) -> ReviewNote:
    k = dict(d["key"])
    k["draft"], k["adopted"] = tuple(int(i) for i in k["draft"]), tuple(int(j) for j in k["adopted"])
    return ReviewNote(PairKey(**k), str(d.get("text", "")), bool(d.get("checked", False)),
                      str(d.get("created", "")), str(d.get("modified", "")))


def from_json(text: str, path: str) -> Review:
    try:
        data = json.loads(text)
    except ValueError:
        raise InputError(path, "the review file is damaged (it is not valid JSON)") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise InputError(path, "this is not a Draft Compare review file")
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise InputError(path, f"the review file was written by a newer version of Draft Compare "
                               f"(format {version}; this version reads format {VERSION})")
    try:
        return Review(data["draft"]["path"], data["adopted"]["path"], data["draft"].get("sha256", ""),
                      data["adopted"].get("sha256", ""), tuple(_note(n) for n in data.get("notes", [])),
                      tuple(_note(n) for n in data.get("unplaced", [])))
    except (KeyError, TypeError, ValueError):
        raise InputError(path, "the review file is damaged (a note is incomplete)") from None


def load(path: str | os.PathLike) -> Review:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(p), f"the review file cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    return from_json(text, str(p))


def is_review_file(path: str | os.PathLike) -> bool:
    return Path(path).suffix.lower() == SUFFIX


def documents_of(path: str | os.PathLike) -> tuple[Path, Path]:
    """The draft and adopted files a review file belongs to: where it says they were, else beside it
    (a folder copied to another laptop or renamed keeps working). InputError names what is missing."""
    review = load(path)
    folder = Path(path).resolve().parent

    def find(stored: str, role: str) -> Path:
        p = Path(stored)
        for candidate in ((p,) if p.is_absolute() else (folder / p,)) + (folder / p.name,):
            if candidate.is_file():
                return candidate
        raise InputError(str(path), f"the {role} it belongs to ({p.name}) is neither at {stored} nor in "
                                    f"the review file's folder")

    return find(review.draft_path, "draft"), find(review.adopted_path, "adopted text")


def keep_corrupt(path: str | os.PathLike) -> Path:
    """Move a damaged review file aside (never delete the officer's work) and return its new name."""
    p = Path(path)
    target = p.with_name(f"{p.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    os.replace(p, target)
    return target


def journal_path(path: str | os.PathLike) -> Path:
    return Path(str(path) + JOURNAL)


def save(path: str | os.PathLike, review: Review) -> Path:
    return atomic_write_text(path, to_json(review), inputs=(review.draft_path, review.adopted_path))


def recoverable(path: str | os.PathLike) -> Review | None:
    """The journal's review when the last session ended with unsaved edits, else None."""
    main, journal = Path(path), journal_path(path)
    if not journal.exists():
        return None
    if main.exists() and main.stat().st_mtime_ns > journal.stat().st_mtime_ns:
        return None
    try:
        return load(journal)
    except InputError:
        return None


def discard_journal(path: str | os.PathLike) -> None:
    try:
        journal_path(path).unlink()
    except FileNotFoundError:
        pass


class Autosaver:
    """Debounced saving: ``schedule(review)`` journals at once and saves ``delay`` s after the last edit."""

    def __init__(self, path: str | os.PathLike, delay: float = 2.0, on_error=None) -> None:
        self.path = Path(path)
        self.delay = delay
        self.on_error = on_error
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._pending: Review | None = None
        self.saves = 0

    def schedule(self, review: Review) -> None:
        with self._lock:
            self._pending = review
            atomic_write_text(journal_path(self.path), to_json(review))
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.delay, self.flush)
            self._timer.daemon = True
            self._timer.start()

    def flush(self) -> bool:
        """Save now if anything is pending; returns True when the file was written."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            review, self._pending = self._pending, None
            if review is None:
                return False
            try:
                save(self.path, review)
            except Exception as exc:       # reported to the window; the journal keeps the edits
                self._pending = review
                if self.on_error:
                    self.on_error(exc)
                return False
            discard_journal(self.path)
            self.saves += 1
            return True

    def close(self) -> None:
        self.flush()
