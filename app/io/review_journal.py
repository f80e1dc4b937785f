"""The journal of a review file (``<file>.autosave``) and the autosaver that writes it: every edit is in
the journal at once, atomically; the review file itself is written a couple of seconds after the last
edit (debounced, on a timer thread, no Qt). Both writes happen under the review's lock
(app.io.review_lock) and merge: the review file is read, this session's edits are applied to it and it is
written back, so notes another window wrote meanwhile are kept; a session only ever removes its own
journal section (or one it has recovered). A section left by a session that is no longer running means
it ended before it could save: ``recover()`` returns it so the window can offer to restore it.
The review file's format and bounded reading are in app.io.review_store.
"""
from __future__ import annotations

import json
import logging
import os
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from app.core.review import Review, ReviewNote, merge, pair_id
from app.io.atomic import atomic_write_text
from app.io.errors import ExportError, InputError
from app.io.review_lock import (Owner, ReviewBusy, ReviewLock, new_session_id, owner_alive, register_session,
                                unregister_session)
from app.io import review_store                  # save, load, keep_aside: called through the module
from app.io.review_store import (JOURNAL, JOURNAL_STALE_AFTER, MAX_NOTES, Damaged, PairId, ReviewTooNew, header_json,
                                 key_json, note_json, notes_from_json, pair_from_json, parse, read_bounded,
                                 review_from_json, utf8_safe)

log = logging.getLogger(__name__)


# -- the journal -------------------------------------------------------------------------------------

def journal_path(path: str | os.PathLike) -> Path:
    return Path(str(path) + JOURNAL)


@dataclass(frozen=True)
class Section:
    """One session's part of the journal: the pairs it changed since its last save and their notes."""
    owner: Owner
    pending: frozenset          # of PairId
    notes: tuple[ReviewNote, ...]


@dataclass(frozen=True)
class Journal:
    header: Review               # documents; for a journal of an older version, its whole review
    sections: tuple[Section, ...]
    legacy: bool                 # written by an older version: one review, no sessions


def _section(d, where: str) -> Section | None:
    if not isinstance(d, dict):
        raise Damaged(f"{where} is not an object")
    owner = Owner.from_dict(d.get("owner"))
    if owner is None:
        raise Damaged(f"{where}: its owner is incomplete")
    pending = d.get("pending", [])
    if not isinstance(pending, list) or len(pending) > MAX_NOTES:
        raise Damaged(f"{where}: its pending pairs are not a list")
    return Section(owner, frozenset(pair_from_json(p, where) for p in pending), notes_from_json(d, "notes"))


def read_journal(path: str | os.PathLike) -> Journal | None:
    """The journal of the review file ``path``; None when there is none. InputError when damaged."""
    jp = journal_path(path)
    if not jp.exists():
        return None
    data = parse(read_bounded(jp, "journal"), str(jp), "journal")
    try:
        header = review_from_json(data)
        sessions = data.get("sessions")
        if sessions is None:
            return Journal(header, (), True)
        if not isinstance(sessions, list) or len(sessions) > MAX_NOTES:
            raise Damaged("its sessions are not a list")
        return Journal(header, tuple(_section(d, f"session {i + 1}") for i, d in enumerate(sessions)), False)
    except Damaged as exc:
        raise InputError(str(jp), f"the journal is damaged ({exc})") from None


def _journal_json(header: Review, sections: Iterable[Section]) -> str:
    data = header_json(header)
    data["notes"], data["unplaced"] = [], []      # older versions read an empty review, never a partial one
    data["sessions"] = [{"owner": s.owner.to_dict(),
                         "pending": [key_json(p) for p in sorted(s.pending)],
                         "notes": [note_json(n) for n in s.notes]} for s in sections]
    return utf8_safe(json.dumps(data, ensure_ascii=False, indent=1))


def _section_alive(section: Section, now: float) -> bool:
    return owner_alive(section.owner, age=max(0.0, now - section.owner.time), stale_after=JOURNAL_STALE_AFTER)


@dataclass(frozen=True)
class Recovery:
    """Notes a session that ended early did not save (see ``recover``)."""
    review: Review                     # the notes to restore (their pairs as that session saw them)
    pairs: frozenset | None            # the pairs they decide, emptied notes included; None: all (older journal)
    sessions: tuple[str, ...]          # the sections they come from
    legacy: bool


def recover(path: str | os.PathLike) -> Recovery | None:
    """What sessions no longer running left unsaved in the journal of ``path``; None when nothing.
    A section of a session still running (another window, another process) is never offered."""
    main = Path(path)
    try:
        journal = read_journal(main)
    except InputError:
        log.warning("unreadable journal beside %s", main, exc_info=True)
        return None
    if journal is None:
        return None
    if journal.legacy:
        try:
            if main.exists() and main.stat().st_mtime_ns > journal_path(main).stat().st_mtime_ns:
                return None
        except OSError:
            log.warning("cannot compare the dates of %s and its journal", main, exc_info=True)
        if not journal.header.notes and not journal.header.unplaced:
            return None
        return Recovery(journal.header, None, (), True)
    now = time.time()
    dead = [s for s in journal.sections if not _section_alive(s, now)]
    if not dead:
        return None
    pairs: set = set()
    notes: dict[PairId, ReviewNote] = {}
    for s in sorted(dead, key=lambda s: s.owner.time):        # the latest edit of a pair wins
        pairs |= s.pending
        notes.update((pair_id(n), n) for n in s.notes if pair_id(n) in s.pending)
    review = replace(journal.header, notes=tuple(notes.values()), unplaced=())
    return Recovery(review, frozenset(pairs), tuple(s.owner.session for s in dead), False)


def recoverable(path: str | os.PathLike) -> Review | None:
    """The notes a session that ended early left unsaved, else None (see ``recover``)."""
    found = recover(path)
    return found.review if found is not None else None


def set_aside(path: str | os.PathLike, recovery: Recovery) -> Path:
    """Notes the officer chose not to restore: moved out of the journal into ``<journal>.declined-<time>``
    (a journal of their own, never deleted). Returns that file."""
    main = Path(path)
    jp = journal_path(main)
    with ReviewLock(main, timeout=5.0):
        if recovery.legacy:
            return review_store.keep_aside(jp, "declined")
        journal = read_journal(main)
        if journal is None:
            raise FileNotFoundError(str(jp))
        leaving = [s for s in journal.sections if s.owner.session in recovery.sessions]
        staying = [s for s in journal.sections if s.owner.session not in recovery.sessions]
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = jp.with_name(f"{jp.name}.declined-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = jp.with_name(f"{jp.name}.declined-{stamp}-{n}")
        atomic_write_text(target, _journal_json(journal.header, leaving))
        _write_sections(main, journal.header, staying)
        return target


def _write_sections(main: Path, header: Review, sections: list[Section]) -> None:
    """Rewrite the journal with ``sections`` (removed when none is left). Call with the lock held."""
    jp = journal_path(main)
    if sections:
        atomic_write_text(jp, _journal_json(header, sections))
        return
    try:
        jp.unlink()
    except FileNotFoundError:
        log.debug("journal %s already gone", jp)
    except OSError as exc:
        raise ExportError(str(jp), f"cannot remove the journal ({exc.strerror or exc})") from None


# -- autosaving --------------------------------------------------------------------------------------

class Autosaver:
    """Debounced, shared saving for one session: ``schedule(review, pairs)`` journals at once and saves
    ``delay`` s after the last edit. Every write takes the review's lock and merges (see module doc).

    ``rebase(disk_review) -> Review`` places the notes read from disk on the session's comparison
    (reattach); ``on_saved(merged)`` is told what the file now holds; ``on_error(exc)`` any failure to
    write (the journal keeps the edits when it could be written); ``on_notice(text)`` something the user
    should read. Callbacks may run on the timer thread.
    """

    def __init__(self, path: str | os.PathLike, delay: float = 2.0, on_error=None, *,
                 rebase: Callable[[Review], Review] | None = None, on_saved=None, on_notice=None,
                 lock_timeout: float = 5.0) -> None:
        self.path = Path(path)
        self.delay = delay
        self.on_error = on_error
        self.on_saved = on_saved
        self.on_notice = on_notice
        self.rebase = rebase
        self.lock_timeout = lock_timeout
        self.session = new_session_id()
        self._owner = Owner.me(self.session)
        self._lock = threading.RLock()
        self._timer: threading.Timer | None = None
        self._pending: Review | None = None
        self._pairs: set[PairId] = set()
        self._whole = False                 # every note of the review goes into the file (a new place)
        self._adopt: set[str] = set()       # recovered sections of the journal this session took over
        self._adopt_legacy = False
        self.saves = 0
        self.last_error: BaseException | None = None
        register_session(self.session)

    # -- state

    def pending_pairs(self) -> set[PairId]:
        with self._lock:
            return set(self._pairs)

    def has_pending(self) -> bool:
        with self._lock:
            return self._pending is not None

    # -- edits

    def schedule(self, review: Review, pairs: Iterable[PairId] | None = None, *,
                 adopt: Recovery | None = None, whole: bool = False) -> None:
        """Journal the edit now and save later. ``pairs``: the pairs whose note this edit changed (default:
        every note of ``review``); ``whole``: every note of ``review`` goes into the file (a review moved to
        a new place); ``adopt``: the recovered journal sections this session takes over (removed from the
        journal in the same write that journals their notes as this session's). ExportError when the
        journal cannot be written (a read-only folder)."""
        with self._lock:
            self._pending = review
            self._pairs |= set(pair_id(n) for n in review.notes) if pairs is None else set(pairs)
            self._whole = self._whole or whole
            if adopt is not None:
                self._adopt |= set(adopt.sessions)
                self._adopt_legacy = self._adopt_legacy or adopt.legacy
            try:
                with ReviewLock(self.path, timeout=min(self.lock_timeout, 2.0)):
                    self._write_journal_locked()
            except ReviewBusy:
                # Another writer holds the lock: the edit is in memory; the timer tries again.
                log.warning("journal of %s not written now: the review is busy", self.path, exc_info=True)
            except OSError as exc:              # a damaged journal that cannot be moved aside, ...
                raise ExportError(str(journal_path(self.path)),
                                  f"cannot write: {exc.strerror or exc}") from None
            self._arm(self.delay)

    def _arm(self, delay: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(delay, self._tick)
        self._timer.daemon = True
        self._timer.start()

    def _tick(self) -> None:
        try:
            self.flush()
        except Exception:       # a timer thread must never die silently
            log.exception("autosave of %s failed", self.path)

    def _section(self) -> Section | None:
        if self._pending is None or not (self._pairs or self._whole):
            return None
        pairs = {pair_id(n) for n in self._pending.notes} | self._pairs if self._whole else set(self._pairs)
        notes = tuple(n for n in self._pending.notes if pair_id(n) in pairs)
        self._owner = Owner.me(self.session)
        return Section(self._owner, frozenset(pairs), notes)

    def _write_journal_locked(self) -> None:
        """Replace this session's section (and the recovered ones it took over). Lock held."""
        try:
            journal = read_journal(self.path)
        except InputError as exc:
            kept = review_store.keep_aside(journal_path(self.path), "damaged")
            log.warning("damaged journal kept as %s: %s", kept, exc.reason)
            journal = None
        if journal is not None and journal.legacy:
            if self._adopt_legacy:
                journal = None                  # its review is this session's now
            elif journal.header.notes or journal.header.unplaced:
                kept = review_store.keep_aside(journal_path(self.path), "earlier")
                log.warning("an older version's journal was kept as %s", kept)
                journal = None
        mine = self._section()
        header = self._pending if self._pending is not None else (journal.header if journal else None)
        others = [s for s in (journal.sections if journal else ())
                  if s.owner.session != self.session and s.owner.session not in self._adopt]
        sections = others + ([mine] if mine else [])
        if header is None:
            return
        if journal is None and not sections:
            return
        _write_sections(self.path, replace(header, notes=(), unplaced=()), sections)

    # -- saving

    def _base(self, review: Review) -> tuple[Review, bool]:
        """The review on disk, placed on this session's comparison; (base, usable)."""
        empty = replace(review, notes=(), unplaced=())
        if not self.path.exists():
            return empty, True
        try:
            disk = review_store.load(self.path)
        except ReviewTooNew:
            raise ExportError(str(self.path), "a newer version of Draft Compare wrote this review; it is "
                                              "left as it is (save your notes elsewhere)") from None
        except InputError as exc:
            kept = review_store.keep_corrupt(self.path)
            log.warning("review file damaged while open (%s); kept as %s", exc.reason, kept)
            if self.on_notice:
                self.on_notice(f"{self.path.name}: the review file was damaged ({exc.reason}); it was kept as "
                               f"{kept.name} and saved again with every note")
            return empty, False
        return (self.rebase(disk) if self.rebase else disk), True

    def flush(self) -> bool:
        """Save now if anything is pending; returns True when the file was written."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            review = self._pending
            if review is None:
                return False
            pairs = set(self._pairs)
            if self._whole:                     # every note this session holds, over what the file has
                pairs |= {pair_id(n) for n in review.notes}
            try:
                with ReviewLock(self.path, timeout=self.lock_timeout):
                    base, usable = self._base(review)
                    merged = merge(base, review, pairs if usable else None)
                    _save_retrying(self.path, merged)
                    self._pending, self._pairs, self._whole = None, set(), False
                    try:
                        self._write_journal_locked()
                    except ExportError:         # saved; the section only repeats what the file holds
                        log.warning("saved %s but could not tidy its journal", self.path, exc_info=True)
                    self._adopt, self._adopt_legacy = set(), False
            except ReviewBusy as exc:
                log.warning("%s", exc.message)
                self.last_error = exc
                self._arm(self.delay)           # the edits wait in memory and in the journal
                if self.on_error:
                    self.on_error(exc)
                return False
            except Exception as exc:            # reported to the window; the journal keeps the edits
                log.warning("cannot save %s", self.path, exc_info=True)
                self.last_error = exc
                if self.on_error:
                    self.on_error(exc)
                return False
            self.saves += 1
            self.last_error = None
            if self.on_saved:
                self.on_saved(merged)
            return True

    def abandon(self) -> None:
        """Stop without saving (the session moved elsewhere): its section leaves the journal if it can."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            had = self._pending is not None
            self._pending, self._pairs, self._whole = None, set(), False
            if had and journal_path(self.path).exists():
                try:
                    with ReviewLock(self.path, timeout=1.0):
                        self._write_journal_locked()
                except Exception:
                    log.warning("could not remove this session's section from %s", journal_path(self.path),
                                exc_info=True)
        unregister_session(self.session)

    def close(self) -> bool:
        """Save what is pending; the session then counts as ended (a section left means unsaved notes)."""
        ok = self.flush() or not self.has_pending()
        unregister_session(self.session)
        return ok


def _save_retrying(path: Path, review: Review, attempts: int = 3) -> None:
    """``save``, tried again briefly: on Windows a reader holding the file open makes the rename fail."""
    for attempt in range(attempts):
        try:
            review_store.save(path, review)
            return
        except ExportError:
            if attempt == attempts - 1:
                raise
            log.info("saving %s failed; trying again", path, exc_info=True)
            time.sleep(0.05 * (attempt + 1))
