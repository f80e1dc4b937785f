"""A lock for one review file, shared by every window and process that writes it (no Qt, stdlib only).

Contract
--------
* The lock is the file ``<review>.lock``, created with ``O_CREAT | O_EXCL``; it holds JSON naming its
  owner: ``{"pid", "host", "time", "session"}`` (``time`` in seconds since the epoch).
* It is held only while a writer reads, merges and rewrites the review file or its journal (a few
  milliseconds; never while the officer types), and released by deleting it. Only its owner deletes it.
* A lock is stale, and may be broken, when its owner is this process but no lock object here holds it,
  when its pid is dead on the same host, or when it is older than ``STALE_AFTER`` seconds (another host,
  a hung process). Breakers take ``<review>.lock.break`` (also ``O_EXCL``) first, so two of them never
  both break the lock and then both believe they hold a new one.
* Readers (the CLI's ``export``, opening a review) take no lock: writes are atomic renames, so a reader
  always sees a whole file.

The same liveness rules decide whether a journal section (see review_store) belongs to a session that
is still running: ``owner_alive``.
"""
from __future__ import annotations

import errno
import json
import logging
import os
import socket
import sys
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from app.io.errors import ExportError

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"
STALE_AFTER = 60.0          # seconds: a lock guards one read-merge-write, never minutes
BREAK_STALE_AFTER = 10.0    # a breaker that died between taking and dropping ``.lock.break``
EMPTY_GRACE = 5.0           # a lock file still being written by its creator reads empty for an instant

_held: set[str] = set()             # tokens of the locks this process holds now
_live_sessions: set[str] = set()    # review sessions (autosavers) running in this process
_guard = threading.Lock()


def this_host() -> str:
    try:
        return socket.gethostname() or "localhost"
    except OSError:
        log.warning("host name unavailable", exc_info=True)
        return "localhost"


@dataclass(frozen=True)
class Owner:
    pid: int
    host: str
    time: float
    session: str = ""

    @staticmethod
    def me(session: str = "") -> "Owner":
        return Owner(os.getpid(), this_host(), time.time(), session)

    def to_dict(self) -> dict:
        return asdict(self)

    @staticmethod
    def from_dict(d) -> "Owner | None":
        if not isinstance(d, dict):
            return None
        pid, host, when, session = d.get("pid"), d.get("host"), d.get("time"), d.get("session", "")
        if (not isinstance(pid, int) or isinstance(pid, bool) or not isinstance(host, str)
                or not isinstance(when, (int, float)) or isinstance(when, bool) or not isinstance(session, str)):
            return None
        return Owner(pid, host, float(when), session)

    def describe(self) -> str:
        return f"process {self.pid} on {self.host}"


def new_session_id() -> str:
    return uuid.uuid4().hex


def register_session(session: str) -> None:
    with _guard:
        _live_sessions.add(session)


def unregister_session(session: str) -> None:
    with _guard:
        _live_sessions.discard(session)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (never signals it: on Windows os.kill ends it)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes
        kernel32 = ctypes.windll.kernel32   # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)    # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.GetLastError() == 5                # access denied: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259                         # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        log.debug("process %s is gone", pid)
        return False
    except PermissionError:
        log.debug("process %s runs (another user's)", pid)
        return True
    except OSError:
        log.warning("cannot tell whether process %s runs", pid, exc_info=True)
        return True
    return True


def owner_alive(owner: Owner, *, age: float, stale_after: float, held_here: set[str] | None = None) -> bool:
    """Whether ``owner`` (of a lock or a journal section, last refreshed ``age`` seconds ago) still runs."""
    if age > stale_after:
        return False
    if owner.host != this_host():
        return True                     # another laptop on a shared folder: only the age can tell
    if owner.pid == os.getpid():
        with _guard:
            return owner.session in (held_here if held_here is not None else _live_sessions)
    return pid_alive(owner.pid)


@dataclass
class ReviewLock:
    """``with ReviewLock(path): ...`` around every read-merge-write of a review file or its journal."""

    review_path: Path
    timeout: float = 10.0
    stale_after: float = STALE_AFTER
    token: str = field(default_factory=new_session_id)
    held: bool = False

    def __post_init__(self) -> None:
        self.review_path = Path(self.review_path)

    @property
    def path(self) -> Path:
        return Path(str(self.review_path) + LOCK_SUFFIX)

    def acquire(self, timeout: float | None = None) -> bool:
        """Take the lock, waiting up to ``timeout`` s; False when another live writer kept it.
        ExportError when the folder cannot hold a lock file at all (read-only, missing)."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        delay = 0.005
        while True:
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                if delay == 0.005:
                    log.debug("waiting for %s", self.path)
                if self._break_if_stale():
                    continue
                if time.monotonic() >= deadline:
                    return False
                time.sleep(delay)
                delay = min(delay * 2, 0.05)
                continue
            except OSError as exc:
                raise _export_error(self.path, exc) from None
            try:
                with _guard:
                    _held.add(self.token)
                data = json.dumps(Owner.me(self.token).to_dict()).encode("utf-8")
                os.write(fd, data)          # no fsync: after a crash the lock is stale anyway
            except OSError as exc:
                os.close(fd)
                self._unlink_own()
                raise _export_error(self.path, exc) from None
            os.close(fd)
            self.held = True
            return True

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        self._unlink_own()

    def _unlink_own(self) -> None:
        with _guard:
            _held.discard(self.token)
        owner, _ = read_owner(self.path)
        if owner is not None and owner.session != self.token:
            log.warning("lock %s was taken over by %s; leaving it", self.path, owner.describe())
            return
        for attempt in range(5):
            try:
                os.unlink(self.path)
                return
            except FileNotFoundError:
                log.warning("lock %s vanished while held", self.path)
                return
            except OSError:      # on Windows a reader holding it open for an instant blocks the removal
                log.warning("cannot remove lock %s (attempt %d)", self.path, attempt + 1, exc_info=True)
                time.sleep(0.01 * (attempt + 1))

    def __enter__(self) -> "ReviewLock":
        if not self.acquire():
            owner, _ = read_owner(self.path)
            who = owner.describe() if owner else "another writer"
            raise ReviewBusy(str(self.review_path), f"the review is being saved by {who}; try again")
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def holder(self) -> Owner | None:
        return read_owner(self.path)[0]

    def _is_stale(self, owner: Owner | None, age: float) -> bool:
        if owner is None:                  # being written this instant, or left empty by a crash
            return age > EMPTY_GRACE
        return not owner_alive(owner, age=age, stale_after=self.stale_after, held_here=_held)

    def _break_if_stale(self) -> bool:
        owner, age = read_owner(self.path)
        if age is None:                    # gone already: just try again
            return True
        if not self._is_stale(owner, age):
            return False
        breaker = Path(str(self.path) + ".break")
        try:
            fd = os.open(breaker, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            try:
                if time.time() - breaker.stat().st_mtime > BREAK_STALE_AFTER:
                    log.warning("removing a stale lock breaker %s", breaker)
                    breaker.unlink()
            except OSError:
                log.debug("lock breaker %s changed under us", breaker, exc_info=True)
            return False
        except OSError as exc:
            raise _export_error(breaker, exc) from None
        os.close(fd)
        try:
            again, age = read_owner(self.path)
            if age is not None and again == owner and self._is_stale(again, age):
                log.warning("breaking stale review lock %s (%s)", self.path,
                            owner.describe() if owner else "no owner recorded")
                try:
                    os.unlink(self.path)
                except FileNotFoundError:
                    log.debug("stale lock %s already gone", self.path)
                except OSError:
                    log.warning("cannot break stale lock %s", self.path, exc_info=True)
                    return False
            return True
        finally:
            try:
                os.unlink(breaker)
            except OSError:
                log.warning("cannot remove lock breaker %s", breaker, exc_info=True)


class ReviewBusy(ExportError):
    """Another live writer kept the review's lock longer than we could wait (nothing is lost: retry)."""


def read_owner(lock_path: Path) -> tuple[Owner | None, float | None]:
    """(owner or None when unreadable, age in seconds or None when there is no lock file)."""
    try:
        st = os.stat(lock_path)
        with open(lock_path, "rb") as fh:
            raw = fh.read(4096)
    except FileNotFoundError:
        return None, None
    except OSError:
        log.warning("cannot read lock %s", lock_path, exc_info=True)
        return None, 0.0
    try:
        owner = Owner.from_dict(json.loads(raw.decode("utf-8"))) if raw else None
    except ValueError:
        log.debug("lock %s holds no owner yet (or is damaged)", lock_path)
        owner = None
    stamp = max(st.st_mtime, owner.time if owner else 0.0)     # the younger: never break a live lock early
    return owner, max(0.0, time.time() - stamp)


_REASONS = {errno.EROFS: "the folder is on a read-only file system",
            errno.EACCES: "permission denied (the folder is read-only)",
            errno.EPERM: "permission denied", errno.ENOENT: "the folder does not exist",
            errno.ENOSPC: "the disk is full"}


def _export_error(path: Path, exc: OSError) -> ExportError:
    return ExportError(str(path), f"cannot write: {_REASONS.get(exc.errno or 0, exc.strerror or str(exc))}")
