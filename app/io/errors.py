"""Errors the I/O layer raises with a message fit to show a user: the file and the reason."""
from __future__ import annotations


class DraftCompareError(Exception):
    """Base for errors that carry a user-facing message (never shown with a traceback), one line."""

    def __init__(self, path: str, reason: str) -> None:
        reason = " ".join(str(reason).split())      # always one line: a library's message may hold breaks
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason

    @property
    def message(self) -> str:
        return f"{self.path}: {self.reason}"


class InputError(DraftCompareError):
    """A document cannot be read: wrong format, corrupt, encrypted, too large, unreadable ..."""


class ExportError(DraftCompareError):
    """An output cannot be written: would overwrite an input, disk full, read-only folder ..."""
