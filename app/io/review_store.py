"""Review files (.dcreview, JSON): notes saved beside the documents, autosaved, recoverable after a crash,
shared safely by several windows and processes.

Every edit writes the session's section of the journal (``<file>.autosave``) at once, atomically; the
review file itself is written a couple of seconds after the last edit (debounced, on a timer thread, no
Qt). Both writes happen under the review's lock (app.io.review_lock) and merge: the review file is read,
this session's edits are applied to it and it is written back, so notes another window wrote meanwhile
are kept; a session only ever removes its own journal section (or one it has recovered). A section left
by a session that is no longer running means it ended before it could save: ``recover()`` returns it so
the window can offer to restore it.

Reading is bounded: a file over ``MAX_BYTES`` is refused before it is read, the JSON nesting depth, the
keys of an object and the number of notes are limited, and every field has a strict type.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import stat
import threading
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from app.core.review import EXCERPT, PairKey, Review, ReviewNote, merge, pair_id
from app.io.atomic import atomic_write_text
from app.io.errors import ExportError, InputError
from app.io.review_lock import (STALE_AFTER, Owner, ReviewBusy, ReviewLock, new_session_id, owner_alive,
                                register_session, unregister_session)

log = logging.getLogger(__name__)

SCHEMA, VERSION = "draftcompare.review", 1
SUFFIX = ".dcreview"
JOURNAL = ".autosave"

MAX_BYTES = 20 * 1024 * 1024       # refused before reading: a review of a long resolution is far smaller
MAX_DEPTH = 16                     # the format nests 5 deep
MAX_KEYS = 64                      # keys in any one JSON object
MAX_NOTES = 50_000                 # notes, unplaced notes, journal sessions and their pending pairs, each
MAX_PARTS = 1_000                  # paragraph indexes on one side of a pair
MAX_INDEX = 10_000_000             # no document has this many paragraphs
MAX_PRINT = 64
JOURNAL_STALE_AFTER = 3600.0       # a section not rewritten for an hour belongs to no running session

PairId = tuple[tuple[int, ...], tuple[int, ...]]


class ReviewTooNew(InputError):
    """Written by a newer Draft Compare: never moved aside nor overwritten by this version."""


def review_path_for(adopted_path: str | os.PathLike) -> Path:
    p = Path(adopted_path)
    return p.with_name(p.stem + SUFFIX)


def pair_hash(draft_path: str | os.PathLike, adopted_path: str | os.PathLike) -> str:
    """A stable name for a draft/adopted pair (its two absolute paths), for reviews kept in the profile."""
    text = f"{_absolute(draft_path)}\n{_absolute(adopted_path)}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def profile_review_path(folder: str | os.PathLike, draft_path: str | os.PathLike,
                        adopted_path: str | os.PathLike) -> Path:
    """Where a pair's review is kept in the user's profile when its own folder cannot be written."""
    return Path(folder) / f"{pair_hash(draft_path, adopted_path)}{SUFFIX}"


def _absolute(path: str | os.PathLike) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        log.warning("cannot resolve %s", path, exc_info=True)
        return str(path)


def file_digest(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


# -- writing -----------------------------------------------------------------------------------------

def _key_dict(pair: PairId) -> dict:
    return {"draft": list(pair[0]), "adopted": list(pair[1])}


def _note_dict(n: ReviewNote) -> dict:
    d = asdict(n)
    d["key"]["draft"], d["key"]["adopted"] = list(n.key.draft), list(n.key.adopted)
    return d


def _header(review: Review) -> dict:
    return {"schema": SCHEMA, "version": VERSION,
            "draft": {"path": review.draft_path, "sha256": review.draft_digest},
            "adopted": {"path": review.adopted_path, "sha256": review.adopted_digest}}


_SURROGATE = re.compile("[\ud800-\udfff]")


def _utf8_safe(text: str) -> str:
    """``text`` without lone surrogates (a JSON ``\\ud800`` read, a paste gone wrong): UTF-8 cannot hold them."""
    return _SURROGATE.sub("\ufffd", text)


def to_json(review: Review) -> str:
    data = _header(review)
    data["notes"] = [_note_dict(n) for n in review.notes]
    data["unplaced"] = [_note_dict(n) for n in review.unplaced]
    return _utf8_safe(json.dumps(data, ensure_ascii=False, indent=1))


# -- bounded, strict reading -------------------------------------------------------------------------

def read_bounded(path: str | os.PathLike, what: str = "review file") -> str:
    """The text of a review (or journal) file: refused when it is not a regular file or is larger than
    ``MAX_BYTES`` (checked before reading a byte); a UTF-8 byte-order mark is accepted."""
    p = Path(path)
    try:
        st = os.stat(p)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(str(p), f"the {what} is not a regular file")
        if st.st_size > MAX_BYTES:
            raise InputError(str(p), f"the {what} is too large ({st.st_size / 2**20:.0f} MB; "
                                     f"the limit is {MAX_BYTES // 2**20} MB)")
        with open(p, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)       # it may have grown since the stat
    except OSError as exc:
        raise InputError(str(p), f"the {what} cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise InputError(str(p), f"the {what} is too large (the limit is {MAX_BYTES // 2**20} MB)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(str(p), f"the {what} is damaged (it is not UTF-8 text)") from None


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_SQUARE = bytes.maketrans(b"{}", b"[]")
MAX_CONTAINERS = 1_000_000         # objects and arrays in one file: a note has four


def _structure_problem(text: str, limit: int = MAX_DEPTH) -> str | None:
    """Why the JSON's shape is refused before parsing it (too deep, too many objects), else None.
    Linear: strings removed, then only the brackets kept, then one innermost level removed at a time,
    ``limit`` times (a bracket inside a string is text, not nesting)."""
    brackets = _STRING.sub("", text).encode("utf-8", "surrogatepass").translate(None, _NOT_BRACKETS)
    if brackets.count(b"[") + brackets.count(b"{") > MAX_CONTAINERS:
        return f"it holds more than {MAX_CONTAINERS} objects and lists"
    brackets = brackets.translate(_SQUARE)
    for _ in range(limit):
        if not brackets:
            return None
        shorter = brackets.replace(b"[]", b"")
        if len(shorter) == len(brackets):
            break
        brackets = shorter
    if not brackets:
        return None
    if brackets.count(b"[") != brackets.count(b"]"):
        return "it is not valid JSON"
    return "it is nested too deeply"


class _Damaged(ValueError):
    pass


def _bounded_object(pairs: list) -> dict:
    if len(pairs) > MAX_KEYS:
        raise _Damaged(f"an object has more than {MAX_KEYS} keys")
    return dict(pairs)


def _no_constant(name: str):
    raise _Damaged(f"it holds {name}, which JSON does not allow")


def parse(text: str, path: str, what: str = "review file") -> dict:
    """The JSON object of a review or journal file, within the limits; InputError names what is wrong."""
    problem = _structure_problem(text)
    if problem:
        raise InputError(path, f"the {what} is damaged ({problem})")
    try:
        data = json.loads(text, object_pairs_hook=_bounded_object, parse_constant=_no_constant)
    except _Damaged as exc:
        raise InputError(path, f"the {what} is damaged ({exc})") from None
    except (ValueError, RecursionError):
        raise InputError(path, f"the {what} is damaged (it is not valid JSON)") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise InputError(path, "this is not a Draft Compare review file")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError(path, f"the {what} is damaged (its format version is missing)")
    if version > VERSION:
        raise ReviewTooNew(path, f"the review file was written by a newer version of Draft Compare "
                                 f"(format {version}; this version reads format {VERSION})")
    return data


def _str(d: dict, name: str, where: str, limit: int | None = None) -> str:
    value = d.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise _Damaged(f"{where}: '{name}' is not a JSON string")
    return _utf8_safe(value[:limit] if limit is not None else value)


def _indexes(value, side: str, where: str) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise _Damaged(f"{where}: the {side} paragraphs are not a list")
    if len(value) > MAX_PARTS:
        raise _Damaged(f"{where}: the {side} side names more than {MAX_PARTS} paragraphs")
    for i in value:
        if not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < MAX_INDEX:
            raise _Damaged(f"{where}: a {side} paragraph index is not a whole number from 0")
    return tuple(value)


def _pair(d, where: str) -> PairId:
    if not isinstance(d, dict):
        raise _Damaged(f"{where}: its pair is missing")
    if "draft" not in d or "adopted" not in d:
        raise _Damaged(f"{where}: its pair is incomplete")
    pair = _indexes(d["draft"], "draft", where), _indexes(d["adopted"], "adopted", where)
    if not pair[0] and not pair[1]:
        raise _Damaged(f"{where}: its pair names no paragraph")
    return pair


def _note(d, where: str) -> ReviewNote:
    if not isinstance(d, dict):
        raise _Damaged(f"{where} is not an object")
    k = d.get("key")
    draft, adopted = _pair(k, where)
    key = PairKey(draft, adopted, _str(k, "draft_print", where, MAX_PRINT), _str(k, "adopted_print", where, MAX_PRINT),
                  # a file may hold longer excerpts (hand-edited, older versions): only EXCERPT are ever used
                  _str(k, "draft_excerpt", where, EXCERPT), _str(k, "adopted_excerpt", where, EXCERPT),
                  _str(k, "draft_label", where, 200), _str(k, "adopted_label", where, 200))
    checked = d.get("checked", False)
    if not isinstance(checked, bool):
        log.warning("%s: checked is %r, not true or false: read as not checked", where, checked)
    # Control characters are kept as typed: every Word export drops what XML cannot hold.
    return ReviewNote(key, _str(d, "text", where), checked is True,
                      _str(d, "created", where, 64), _str(d, "modified", where, 64))


def _notes(data: dict, name: str) -> tuple[ReviewNote, ...]:
    items = data.get(name, [])
    if items is None:
        return ()
    if not isinstance(items, list):
        raise _Damaged(f"{name} is not a list")
    if len(items) > MAX_NOTES:
        raise _Damaged(f"more than {MAX_NOTES} {name}")
    label = "note" if name == "notes" else "unplaced note"
    return tuple(_note(d, f"{label} {i + 1}") for i, d in enumerate(items))


def _document(data: dict, role: str) -> tuple[str, str]:
    d = data.get(role)
    if not isinstance(d, dict):
        raise _Damaged(f"the {role} document is missing")
    path, digest = d.get("path"), d.get("sha256", "")
    if not isinstance(path, str) or not isinstance(digest, (str, type(None))):
        raise _Damaged(f"the {role} document's path is not text")
    return path, digest or ""


def _review(data: dict) -> Review:
    draft, draft_digest = _document(data, "draft")
    adopted, adopted_digest = _document(data, "adopted")
    return Review(draft, adopted, draft_digest, adopted_digest, _notes(data, "notes"), _notes(data, "unplaced"))


def from_json(text: str, path: str) -> Review:
    data = parse(text, path)
    try:
        return _review(data)
    except _Damaged as exc:
        raise InputError(path, f"the review file is damaged ({exc})") from None


def load(path: str | os.PathLike) -> Review:
    p = Path(path)
    return from_json(read_bounded(p), str(p))


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


def keep_aside(path: str | os.PathLike, tag: str) -> Path:
    """Move ``path`` to ``<name>.<tag>-<timestamp>`` (never over an existing file, never deleting
    anything) and return the new name. OSError when it cannot be moved."""
    p = Path(path)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(1, 1000):
        target = p.with_name(f"{p.name}.{tag}-{stamp}" + (f"-{n}" if n > 1 else ""))
        try:
            os.link(p, target)                  # fails when the target exists: nothing is overwritten
        except FileExistsError:
            log.debug("%s exists; trying another name", target)
            continue
        except OSError:                         # no hard links here (FAT, some shares): check, then rename
            log.info("no hard link for %s; renaming", p, exc_info=True)
            if target.exists():
                continue
            os.rename(p, target)
            return target
        try:
            os.unlink(p)
        except OSError:
            log.warning("kept %s as %s but could not remove the original", p, target, exc_info=True)
        return target
    raise FileExistsError(f"{p}: too many files kept aside already")


def keep_corrupt(path: str | os.PathLike) -> Path:
    """Move a damaged review file aside as ``<name>.damaged-<timestamp>`` (never delete the officer's work)."""
    return keep_aside(path, "damaged")


def save(path: str | os.PathLike, review: Review) -> Path:
    return atomic_write_text(path, to_json(review), inputs=(review.draft_path, review.adopted_path))


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
        raise _Damaged(f"{where} is not an object")
    owner = Owner.from_dict(d.get("owner"))
    if owner is None:
        raise _Damaged(f"{where}: its owner is incomplete")
    pending = d.get("pending", [])
    if not isinstance(pending, list) or len(pending) > MAX_NOTES:
        raise _Damaged(f"{where}: its pending pairs are not a list")
    return Section(owner, frozenset(_pair(p, where) for p in pending), _notes(d, "notes"))


def read_journal(path: str | os.PathLike) -> Journal | None:
    """The journal of the review file ``path``; None when there is none. InputError when damaged."""
    jp = journal_path(path)
    if not jp.exists():
        return None
    data = parse(read_bounded(jp, "journal"), str(jp), "journal")
    try:
        header = _review(data)
        sessions = data.get("sessions")
        if sessions is None:
            return Journal(header, (), True)
        if not isinstance(sessions, list) or len(sessions) > MAX_NOTES:
            raise _Damaged("its sessions are not a list")
        return Journal(header, tuple(_section(d, f"session {i + 1}") for i, d in enumerate(sessions)), False)
    except _Damaged as exc:
        raise InputError(str(jp), f"the journal is damaged ({exc})") from None


def _journal_json(header: Review, sections: Iterable[Section]) -> str:
    data = _header(header)
    data["notes"], data["unplaced"] = [], []      # older versions read an empty review, never a partial one
    data["sessions"] = [{"owner": s.owner.to_dict(),
                         "pending": [_key_dict(p) for p in sorted(s.pending)],
                         "notes": [_note_dict(n) for n in s.notes]} for s in sections]
    return _utf8_safe(json.dumps(data, ensure_ascii=False, indent=1))


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
            return keep_aside(jp, "declined")
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
            kept = keep_aside(journal_path(self.path), "damaged")
            log.warning("damaged journal kept as %s: %s", kept, exc.reason)
            journal = None
        if journal is not None and journal.legacy:
            if self._adopt_legacy:
                journal = None                  # its review is this session's now
            elif journal.header.notes or journal.header.unplaced:
                kept = keep_aside(journal_path(self.path), "earlier")
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
            disk = load(self.path)
        except ReviewTooNew:
            raise ExportError(str(self.path), "a newer version of Draft Compare wrote this review; it is "
                                              "left as it is (save your notes elsewhere)") from None
        except InputError as exc:
            kept = keep_corrupt(self.path)
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
            save(path, review)
            return
        except ExportError:
            if attempt == attempts - 1:
                raise
            log.info("saving %s failed; trying again", path, exc_info=True)
            time.sleep(0.05 * (attempt + 1))


__all__ = ["Autosaver", "Recovery", "ReviewBusy", "ReviewTooNew", "STALE_AFTER", "documents_of", "file_digest",
           "from_json", "is_review_file", "journal_path", "keep_aside", "keep_corrupt", "load", "parse",
           "pair_hash", "profile_review_path", "read_bounded", "read_journal", "recover", "recoverable",
           "review_path_for", "save", "set_aside", "to_json"]
