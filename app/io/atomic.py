"""Atomic output: write to a temporary file in the target folder, fsync, then rename over the target.

A crash, a full disk or a read-only folder never leaves a partial file, and an export never replaces
one of the documents being compared (the caller passes them as ``inputs``).
"""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable

from app.io.errors import ExportError

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EROFS: "the folder is on a read-only file system",
    errno.EACCES: "permission denied (the folder or file is read-only)",
    errno.EPERM: "permission denied",
    errno.ENOENT: "the folder does not exist",
    errno.EISDIR: "the path is a folder",
}


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def check_target(path: str | os.PathLike, inputs: Iterable[str | os.PathLike] = ()) -> Path:
    """Refuse targets that are one of the inputs or a folder; returns the target as a Path."""
    target = Path(path)
    for source in inputs:
        if source and _same_file(target, Path(source)):
            raise ExportError(str(target), "refusing to overwrite an input document; choose another name")
    if target.is_dir():
        raise ExportError(str(target), "the path is a folder")
    return target


def atomic_write(path: str | os.PathLike, write: Callable[[object], None], *,
                 inputs: Iterable[str | os.PathLike] = (), binary: bool = True) -> Path:
    """Call ``write(fileobj)`` on a temporary file beside ``path`` and rename it into place."""
    target = check_target(path, inputs)
    folder = target.parent if str(target.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        os.chmod(tmp_name, 0o666 & ~_umask())   # mkstemp makes 0600; outputs get the user's usual mode
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_dir(folder)
    except ExportError:
        raise
    except OSError as exc:
        reason = _REASONS.get(exc.errno or 0, exc.strerror or str(exc))
        raise ExportError(str(target), f"cannot write: {reason}") from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: str | os.PathLike, data: bytes, *, inputs: Iterable[str | os.PathLike] = ()) -> Path:
    return atomic_write(path, lambda fh: fh.write(data), inputs=inputs)


def atomic_write_text(path: str | os.PathLike, text: str, *, inputs: Iterable[str | os.PathLike] = ()) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"), inputs=inputs)
