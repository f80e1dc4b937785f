"""The reviewer's notes for the pair on screen: load, re-attach, autosave, recover — a Qt-side wrapper
around app.core.review and app.io.review_store, so the window only connects signals."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.core.model import Comparison
from app.core.review import Review, reattach
from app.io import review_store
from app.io.errors import DraftCompareError


class ReviewSession(QObject):
    changed = Signal()                 # notes or marks changed (refresh views)
    message = Signal(str)              # something the user should read (recovered, unplaced, errors)

    def __init__(self, parent=None, delay: float = 2.0) -> None:
        super().__init__(parent)
        self.delay = delay
        self.comparison: Comparison | None = None
        self.review: Review | None = None
        self.path: Path | None = None
        self._saver: review_store.Autosaver | None = None
        # Asked when a crashed session left unsaved notes: return True to restore them. The window
        # sets a question dialog; declined notes are kept aside in a file, never deleted.
        self.ask_recover = lambda review: True

    def open_for(self, comparison: Comparison, path: str | Path | None = None, *, recover: bool = True) -> None:
        self.close()
        self.comparison = comparison
        self.path = Path(path) if path else review_store.review_path_for(comparison.adopted.path)
        digests = tuple(_digest(p) for p in (comparison.draft.path, comparison.adopted.path))
        # Absolute paths, so the review file can reopen its documents from anywhere (documents_of).
        review = Review(_absolute(comparison.draft.path), _absolute(comparison.adopted.path), *digests)
        journal = review_store.recoverable(self.path) if recover else None
        if journal is not None and not self.ask_recover(journal):
            kept = review_store.keep_corrupt(review_store.journal_path(self.path))
            self.message.emit(self.tr("Unsaved notes were not restored; they are kept in {0}.").format(kept.name))
            journal = None
        try:
            if journal is not None:
                review = journal
                self.message.emit(self.tr("Notes recovered from a session that ended unexpectedly."))
            elif self.path.exists():
                review = review_store.load(self.path)
        except DraftCompareError as exc:
            kept = review_store.keep_corrupt(self.path)
            self.message.emit(self.tr("The review file could not be read ({0}); it was kept as {1}.")
                              .format(exc.reason, kept.name))
        self.review = replace(reattach(review, comparison, *digests), draft_path=_absolute(comparison.draft.path),
                              adopted_path=_absolute(comparison.adopted.path))
        if self.review.unplaced:
            self.message.emit(self.tr("{0} note(s) could not be placed on the changed documents; they are "
                                      "listed in the Notes panel.").format(len(self.review.unplaced)))
        self._saver = review_store.Autosaver(self.path, self.delay,
                                             on_error=lambda exc: self.message.emit(str(exc)))
        if journal is not None:
            self._saver.schedule(self.review)
        self.changed.emit()

    def note(self, pair_index: int) -> str:
        n = self.review.note_for(self.comparison, pair_index) if self.review else None
        return n.text if n else ""

    def checked(self, pair_index: int) -> bool:
        n = self.review.note_for(self.comparison, pair_index) if self.review else None
        return bool(n and n.checked)

    def set_note(self, pair_index: int, text: str) -> None:
        if self.review is None or text == self.note(pair_index):
            return
        self.review = self.review.with_note(self.comparison, pair_index, text)
        self._saver.schedule(self.review)
        self.changed.emit()

    def set_checked(self, pair_index: int, checked: bool) -> None:
        if self.review is None or checked == self.checked(pair_index):
            return
        self.review = self.review.with_checked(self.comparison, pair_index, checked)
        self._saver.schedule(self.review)
        self.changed.emit()

    def notes_by_pair(self) -> dict[int, str]:
        return self.review.notes_by_pair(self.comparison) if self.review else {}

    def unplaced(self) -> list[str]:
        return [n.text for n in self.review.unplaced] if self.review else []

    def close(self) -> None:
        if self._saver is not None:
            self._saver.close()
            self._saver = None


def _absolute(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return path


def _digest(path: str) -> str:
    try:
        return review_store.file_digest(path)
    except OSError:
        return ""
