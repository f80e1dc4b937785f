"""Safe output: the one routine every exporter writes its file through (``atomic_write``).

Contract of ``atomic_write(path, write, *, inputs=(), protect=(), verify=None, binary=True)``:

* **Refused before anything is written** (``ExportError`` naming the file and the reason, one line):
  an empty name; a name ending in ``/`` (it names a folder); a folder; a symbolic link that dangles
  (its target does not exist: we do not guess where to create it); a block device or a socket; one of
  the ``inputs`` (the documents being compared, also through a link or another name); one of the
  ``protect``-ed files (the review file beside the adopted text and its ``.autosave`` journal, see
  ``export_guard``).
* **A regular file, or a new name**: ``write(fh)`` fills a temporary file ``.<name>.<random>.part``
  created in the target's own folder; it is flushed, fsync'ed, checked with ``verify`` and only then
  renamed over the target (and the folder fsync'ed). Any failure (full disk, quota, read-only folder,
  an exception raised by ``write`` or ``verify``, Ctrl+C) deletes the temporary file and leaves the
  old target exactly as it was; an ``OSError`` becomes ``ExportError("<file>", "cannot write: <reason>")``.
  Temporary files of the same target left by an earlier crash (``.<name>.*.part`` older than
  ``STALE_PART_SECONDS``) are removed by the next write. The new file gets the user's usual mode,
  ``0o666 & ~umask`` (never the 0600 of a temporary file), whatever the old file's mode was.
* **A symbolic link to a regular file** is followed: the temporary file is made in the folder of the
  link's target and renamed over the target, so the link stays a link and now points at the new file.
* **A character device or a FIFO** (``/dev/null``, ``/dev/stdout``, a named pipe) is never replaced:
  the whole output is produced in memory, verified, then written through (opened for writing, no
  truncation, no rename). Opening a FIFO waits for a reader, as a shell redirection does.

``verify(data: bytes) -> str | None`` returns a reason when the produced bytes are not a valid output
(e.g. a PDF that does not end with ``%%EOF``); the export then fails and nothing is replaced.

Paths shown to users (messages, JSON) go through ``display_path``/``display_text``: bytes of a file
name that are not UTF-8 (kept by Python as lone surrogates) become U+FFFD and control characters are
escaped, so a message is always one printable line and a JSON file is always valid UTF-8.
"""
from __future__ import annotations

import errno
import io
import logging
import os
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

from app.io.errors import ExportError

log = logging.getLogger(__name__)

STALE_PART_SECONDS = 3600          # a .part file older than this is left over from a crash
PART_SUFFIX = ".part"
_PREFIX_BYTES = 120                # keeps ".<name>.<random>.part" under NAME_MAX (255 bytes)

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EFBIG: "the file is too large for this disk",
    errno.EROFS: "the folder is on a read-only file system",
    errno.EACCES: "permission denied (the folder or file is read-only)",
    errno.EPERM: "permission denied",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "the path is a folder",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.ELOOP: "too many symbolic links (a link loop)",
    errno.EPIPE: "the program reading the pipe closed it",
    errno.EIO: "input/output error (the disk or device failed)",
    errno.ENXIO: "no such device",
}


# ---- display ----------------------------------------------------------------------------------------

def display_text(text: str) -> str:
    """``text`` as valid Unicode: bytes Python kept as lone surrogates (``os.fsdecode`` of a name that
    is not UTF-8) become U+FFFD, so the text can be encoded to UTF-8, shown or written to JSON."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:                       # surrogates that are not escaped bytes
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


def display_path(path: str | bytes | os.PathLike) -> str:
    """A path as one printable line: undecodable bytes as U+FFFD, control characters escaped."""
    text = display_text(os.fsdecode(path))
    if any(ch < " " or ch == "\x7f" for ch in text):
        text = "".join(ch.encode("unicode_escape").decode("ascii") if (ch < " " or ch == "\x7f") else ch
                       for ch in text)
    return text


def _error(path, reason: str) -> ExportError:
    return ExportError(display_path(path), reason)


# ---- the target ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    """What a name points at. ``kind``: "file" (regular or new: temp + rename) or "stream" (device, FIFO:
    written through). ``real`` is where the rename goes (the link's target for a symlink)."""
    path: Path
    real: Path
    kind: str


def _fspath(path: str | bytes | os.PathLike) -> str:
    p = os.fspath(path)
    return os.fsdecode(p) if isinstance(p, bytes) else p


def _same_file(a: str, b: str) -> bool:
    try:
        if os.path.realpath(a) == os.path.realpath(b):
            return True
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
    except (OSError, ValueError) as exc:
        log.debug("cannot compare %r and %r: %s", a, b, exc)
        return False


def _protected_reason(path: str) -> str:
    if path.endswith(".autosave"):
        return "refusing to overwrite the review journal (the reviewer's unsaved notes); choose another name"
    return "refusing to overwrite the review file (the reviewer's notes); choose another name"


def resolve_target(path: str | bytes | os.PathLike, inputs: Iterable = (), protect: Iterable = ()) -> Target:
    """Check ``path`` as an output (see the module's contract) and say how it will be written."""
    p = _fspath(path)
    if not p:
        raise ExportError("(no name)", "no output file name given")
    if p.endswith("/") or p.endswith(os.sep) or (os.altsep and p.endswith(os.altsep)):
        raise _error(p, "the name ends with '/', so it names a folder; give a file name")
    try:
        st = os.stat(p)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        log.info("cannot look at output %r: %s", p, exc)
        raise _error(p, f"cannot write: {_reason(exc)}") from None
    is_link = os.path.islink(p)
    if st is None and is_link:
        try:
            dest = os.readlink(p)
        except OSError as exc:
            log.debug("cannot read link %r: %s", p, exc)
            dest = "?"
        raise _error(p, f"the name is a symbolic link to {display_path(dest)}, which does not exist; "
                        "give the real file name")
    for source in inputs:
        if source and _same_file(p, _fspath(source)):
            raise _error(p, "refusing to overwrite an input document; choose another name")
    for guarded in protect:
        if guarded and _same_file(p, _fspath(guarded)):
            raise _error(p, _protected_reason(_fspath(guarded)))
    if st is None:
        return Target(Path(p), Path(p), "file")
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        raise _error(p, "the path is a folder")
    if stat.S_ISREG(mode):
        return Target(Path(p), Path(os.path.realpath(p)) if is_link else Path(p), "file")
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return Target(Path(p), Path(p), "stream")
    what = "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "not a regular file"
    raise _error(p, f"the path is {what}; refusing to write to it")


def check_target(path: str | bytes | os.PathLike, inputs: Iterable = (), protect: Iterable = ()) -> Path:
    """Refuse what ``atomic_write`` would refuse, without writing; returns the target as a Path."""
    return resolve_target(path, inputs, protect).path


def review_files_of(*documents: str | os.PathLike | None) -> tuple[Path, ...]:
    """The review file saved beside each document (the adopted text's is the one used) and its journal."""
    from app.io import review_store                      # review_store writes through this module
    from app.io import review_journal
    from app.io.review_lock import LOCK_SUFFIX
    out: list[Path] = []
    for doc in documents:
        if doc:
            review = review_store.review_path_for(_fspath(doc))
            out += [review, review_journal.journal_path(review), Path(str(review) + LOCK_SUFFIX)]
    return tuple(out)


def export_guard(draft_path, adopted_path, review: str | os.PathLike | None = None) -> dict:
    """Keyword arguments for ``atomic_write`` from an exporter: the two documents are inputs; the review
    files beside them (and ``review``, a review file given explicitly) and their journals are protected."""
    protect = review_files_of(draft_path, adopted_path)
    if review:
        from app.io import review_journal
        from app.io.review_lock import LOCK_SUFFIX
        protect += (Path(_fspath(review)), review_journal.journal_path(_fspath(review)),
                    Path(str(_fspath(review)) + LOCK_SUFFIX))
    return {"inputs": tuple(p for p in (draft_path, adopted_path) if p), "protect": protect}


# ---- writing ------------------------------------------------------------------------------------------

def _reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno or 0, display_text(exc.strerror or str(exc)))


def _umask() -> int:
    """The process umask, read without changing it (``os.umask`` would race with other threads)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError) as exc:
        log.debug("umask not readable from /proc: %s", exc)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _part_prefix(name: str) -> str:
    """``.<name>.`` with the name's bytes made valid UTF-8 and cut to keep the whole name short."""
    safe = display_text(name).replace("\ufffd", "_").encode("utf-8")[:_PREFIX_BYTES]
    return "." + safe.decode("utf-8", "ignore") + "."


def remove_stale_parts(folder: Path, name: str, max_age: float = STALE_PART_SECONDS) -> int:
    """Delete ``.<name>.*.part`` files in ``folder`` older than ``max_age`` seconds; returns how many."""
    prefix, removed, now = _part_prefix(name), 0, time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError as exc:
        log.debug("cannot list %s for stale temporary files: %s", folder, exc)
        return 0
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(PART_SUFFIX)):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(st.st_mode) and now - st.st_mtime > max_age:
                os.unlink(entry.path)
                removed += 1
                log.info("removed %s, a temporary file left by an earlier export", entry.path)
        except OSError as exc:
            log.info("cannot remove the stale temporary file %s: %s", entry.path, exc)
    return removed


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        log.debug("cannot open %s to sync it: %s", folder, exc)
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        log.debug("cannot sync the folder %s: %s", folder, exc)
    finally:
        os.close(fd)


def _unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.info("cannot remove the temporary file %s: %s", path, exc)


class _Output:
    """The file object handed to ``write``. Once the write has failed, ``abandon()`` makes it a sink:
    whatever the writer left holding it (python-docx's ZipFile, closed by the garbage collector after
    the error was reported) writes and seeks into nothing instead of raising on a closed file."""

    def __init__(self, fh) -> None:
        self._fh, self._dead = fh, False
        self._pos = self._end = 0

    def abandon(self) -> None:
        try:
            self._pos = self._end = self._fh.tell()
        except (OSError, ValueError) as exc:          # the file may be unusable by now
            log.debug("position of an abandoned output unknown: %s", exc)
        self._dead = True

    def write(self, data):
        if not self._dead:
            return self._fh.write(data)
        self._pos += len(data)
        self._end = max(self._end, self._pos)
        return len(data)

    def seek(self, offset, whence=0):
        if not self._dead:
            return self._fh.seek(offset, whence)
        self._pos = max(0, offset + (0, self._pos, self._end)[whence])
        return self._pos

    def tell(self):
        return self._pos if self._dead else self._fh.tell()

    def flush(self):
        return None if self._dead else self._fh.flush()

    def close(self):                     # the routine closes the file, not the writer
        return None

    def __getattr__(self, name):
        return getattr(self._fh, name)


def _produce(fh, write) -> None:
    out = _Output(fh)
    try:
        write(out)
    except BaseException:
        out.abandon()
        raise
    fh.flush()


def _open_fh(fd: int, binary: bool):
    if binary:
        return os.fdopen(fd, "wb")
    return os.fdopen(fd, "w", encoding="utf-8", newline="")


def _check(target: Target, verify, data: bytes) -> None:
    reason = verify(data) if verify else None
    if reason:
        raise _error(target.path, f"cannot write: {reason}")


def _write_file(target: Target, write, verify, binary: bool) -> None:
    real = target.real
    folder = real.parent if str(real.parent) else Path(".")
    remove_stale_parts(folder, real.name)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=_part_prefix(real.name), suffix=PART_SUFFIX, dir=folder)
        os.fchmod(fd, 0o666 & ~_umask())   # mkstemp makes 0600; outputs get the user's usual mode
        with _open_fh(fd, binary) as fh:
            _produce(fh, write)
            os.fsync(fh.fileno())
        if verify:
            with open(tmp, "rb") as fh:
                _check(target, verify, fh.read())
        os.replace(tmp, real)
        tmp = None
        _fsync_dir(folder)
    finally:
        if tmp is not None:
            _unlink_quietly(tmp)


def _write_stream(target: Target, write, verify, binary: bool) -> None:
    buffer = io.BytesIO()
    if binary:
        _produce(buffer, write)
    else:
        text = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
        _produce(text, write)
        text.detach()
    data = buffer.getvalue()
    _check(target, verify, data)
    fd = os.open(target.path, os.O_WRONLY | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def atomic_write(path: str | bytes | os.PathLike, write: Callable[[object], object], *,
                 inputs: Iterable = (), protect: Iterable = (),
                 verify: Callable[[bytes], str | None] | None = None, binary: bool = True) -> Path:
    """Write an output safely (see the module's contract): ``write(fh)`` fills a binary (or UTF-8 text)
    file object. Returns the path as given. Raises ExportError (file and reason) when it cannot."""
    target = resolve_target(path, tuple(inputs), tuple(protect))
    try:
        if target.kind == "stream":
            _write_stream(target, write, verify, binary)
        else:
            _write_file(target, write, verify, binary)
    except ExportError:
        raise
    except UnicodeEncodeError as exc:
        log.info("cannot encode the output %s: %s", display_path(target.path), exc)
        raise _error(target.path, "cannot write: the text holds characters that cannot be encoded") from None
    except OSError as exc:
        log.info("cannot write %s: %s", display_path(target.path), exc)
        raise _error(target.path, f"cannot write: {_reason(exc)}") from None
    return target.path


def atomic_write_bytes(path, data: bytes, *, inputs: Iterable = (), protect: Iterable = (),
                       verify: Callable[[bytes], str | None] | None = None) -> Path:
    return atomic_write(path, lambda fh: fh.write(data), inputs=inputs, protect=protect, verify=verify)


def atomic_write_text(path, text: str, *, inputs: Iterable = (), protect: Iterable = ()) -> Path:
    """``text`` as UTF-8; lone surrogates (undecodable bytes of a file name) are written as U+FFFD."""
    return atomic_write_bytes(path, display_text(text).encode("utf-8"), inputs=inputs, protect=protect)


def pdf_problem(data: bytes) -> str | None:
    """``verify`` for PDF files: the reason the bytes are not a complete PDF, or None."""
    if not data:
        return "the PDF came out empty (the disk may be full)"
    if not data.startswith(b"%PDF-") or not data.rstrip().endswith(b"%%EOF"):
        return "the PDF came out incomplete (the disk may be full)"
    return None


def duplicate_outputs(outputs: Sequence[tuple[str, str | os.PathLike | None]]) -> tuple[str, str, str] | None:
    """The first output named twice in ``(option, path)`` pairs, as ``(path, option, other option)``.
    A character device (``/dev/null``) may take several outputs."""
    seen: list[tuple[str, str]] = []
    for option, path in outputs:
        if not path:
            continue
        p = _fspath(path)
        try:
            if stat.S_ISCHR(os.stat(p).st_mode):
                continue
        except OSError as exc:
            log.debug("output %r is not there yet: %s", p, exc)
        for other_option, other in seen:
            if _same_file(p, other):
                return other, other_option, option
        seen.append((option, p))
    return None


def check_outputs(outputs: Sequence[tuple[str, str | os.PathLike | None]], *, inputs: Iterable = (),
                  protect: Iterable = ()) -> None:
    """Refuse, before any work, the outputs of one command (``(option, path)`` pairs; None: not asked):
    a file named by two options (one would replace the other), or one ``check_target`` refuses (an
    input, a protected review file, a folder ...). Raises ExportError naming the file."""
    twice = duplicate_outputs(outputs)
    if twice:
        path, first, second = twice
        raise ExportError(display_path(path), f"given as two outputs ({first} and {second}); "
                                              "give each output its own file name")
    inputs, protect = tuple(inputs), tuple(protect)
    for _option, path in outputs:
        if path:
            check_target(path, inputs=inputs, protect=protect)
