"""The reviewer's notes for the pair on screen: load, re-attach, autosave, recover, relocate — a Qt-side
wrapper around app.core.review and app.io.review_store, so the window only connects signals.

Where the review is kept (app.io.review_store.review_location): in the user's profile by default,
``AppDataLocation/reviews/<hash of the pair>.dcreview``, so nothing is written beside the documents
without asking; where the officer chose ("Save review as", remembered for the pair); beside the adopted
text when an older version left it there.

A typed note is never lost: a damaged review file is moved aside and a new review starts; when the
review's folder cannot be written, the officer is asked at once where to keep it (default: the profile,
or beside the adopted text when the profile is what cannot be written); several windows on one pair
merge their notes under the review's lock (app.io.review_lock) and never remove each other's journal.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app.core.model import Comparison
from app.core.review import Review, merge, pair_id, reattach
from app.io import review_store
from app.io import review_journal
from app.io.errors import DraftCompareError, ExportError
from app.io.review_lock import ReviewBusy, ReviewLock

log = logging.getLogger(__name__)


def default_profile_folder() -> Path:
    """``<AppDataLocation>/reviews``: where reviews are kept unless the officer chooses otherwise."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return (Path(base) if base else Path.home() / ".draftcompare") / "reviews"


class ReviewSession(QObject):
    changed = Signal()                 # notes or marks changed (refresh views)
    message = Signal(str)              # one line the user should read (recovered, unplaced, errors)
    status = Signal(str)               # where the notes are kept, when not in the usual place ("" otherwise)
    located = Signal(str)              # the review file's path, whenever it is chosen or moves
    _saved = Signal(object, object, int)     # saver, what the file holds now, its save count (any thread)
    _failed = Signal(object, object)         # saver, exception (any thread)
    _notice = Signal(str)

    def __init__(self, parent=None, delay: float = 2.0) -> None:
        super().__init__(parent)
        self.delay = delay
        self.comparison: Comparison | None = None
        self.review: Review | None = None
        self.path: Path | None = None
        self.status_text = ""
        self._saver: review_journal.Autosaver | None = None
        self._digests: tuple[str, str] = ("", "")
        self._blocked = ""        # why the review's place cannot be written ("": it can)
        self._unsaved = False     # an edit could be stored nowhere yet
        self._gave_up = False     # asked and failed: do not ask again at every pause in typing
        # Asked when a crashed session left unsaved notes: return True to restore them. The window
        # sets a question dialog; declined notes are kept aside in a file, never deleted.
        self.ask_recover = lambda review: True
        # Asked when the review cannot be written where it is: (default path, reason) -> chosen path or
        # None (cancelled: the default is used). A save dialog unless replaced (tests).
        self.ask_location = self._ask_location_dialog
        self.profile_folder = default_profile_folder
        # Another window's (or process's) save shows here too: the review's folder is watched (a save
        # renames a new file into place, which a watch on the file itself would lose).
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._disk_changed)
        self._watcher.fileChanged.connect(self._disk_changed)
        self._disk_stamp: tuple | None = None
        self._saved.connect(self._refresh, Qt.ConnectionType.QueuedConnection)
        self._failed.connect(self._save_failed, Qt.ConnectionType.QueuedConnection)
        self._notice.connect(self.message, Qt.ConnectionType.QueuedConnection)

    # -- opening --------------------------------------------------------------------------------------

    def open_for(self, comparison: Comparison, path: str | Path | None = None, *, recover: bool = True) -> None:
        self.close()
        self.comparison = comparison
        self._blocked, self._unsaved, self._gave_up = "", False, False
        self._digests = tuple(_digest(p) for p in (comparison.draft.path, comparison.adopted.path))
        # Absolute paths, so the review file can reopen its documents from anywhere (documents_of).
        review = self._fresh()
        self.path = Path(path) if path else self._place_for(comparison)
        if path:
            self._remember(self.path)
        if self.path.exists():
            review = self._load_or_set_aside(self.path) or review
        self.review = self._placed(review)
        if self.review.unplaced:
            self.message.emit(self.tr("{0} note(s) could not be placed on the changed documents; they are "
                                      "listed in the Notes panel.").format(len(self.review.unplaced)))
        self._saver = self._new_saver(self.path)
        if recover:
            self._recover()
        self._watch()
        self._update_status()
        self.changed.emit()

    def _fresh(self) -> Review:
        c = self.comparison
        return Review(_absolute(c.draft.path), _absolute(c.adopted.path), *self._digests)

    def _placed(self, review: Review) -> Review:
        c = self.comparison
        return replace(reattach(review, c, *self._digests), draft_path=_absolute(c.draft.path),
                       adopted_path=_absolute(c.adopted.path))

    def profile_path(self) -> Path:
        c = self.comparison
        return review_store.profile_review_path(self.profile_folder(), c.draft.path, c.adopted.path)

    def beside_path(self) -> Path:
        """Where older versions kept the review: beside the adopted text, named after it."""
        return review_store.review_path_for(self.comparison.adopted.path)

    def _place_for(self, comparison: Comparison) -> Path:
        """Where the officer chose, else beside the adopted text when an older version kept it there,
        else the profile (review_store.review_location)."""
        try:
            return review_store.review_location(self.profile_folder(), comparison.draft.path, comparison.adopted.path)
        except OSError:
            log.warning("cannot look for the review of %s", comparison.adopted.path, exc_info=True)
            return self.profile_path()

    def _remember(self, path: Path) -> None:
        """Note in the profile where this pair's review is kept now, so that it reopens from there."""
        c = self.comparison
        try:
            if path == self.beside_path():
                path = None      # found there anyway
            review_store.remember_location(self.profile_folder(), c.draft.path, c.adopted.path, path)
        except (OSError, DraftCompareError):
            log.warning("cannot note where the review of %s is kept", c.adopted.path, exc_info=True)

    def _fallback(self) -> Path:
        """Where to offer keeping the review when its place cannot be written: the profile, or beside the
        adopted text when the profile is that place."""
        default = self.profile_path()
        return self.beside_path() if self.path is not None and self.path == default else default

    def place(self) -> str:
        """Where the notes are: "profile", "beside" (the adopted text) or "chosen"."""
        if self.path is None or self.comparison is None:
            return ""
        if self.path == self.profile_path():
            return "profile"
        return "beside" if self.path == self.beside_path() else "chosen"

    def _load_or_set_aside(self, path: Path) -> Review | None:
        """The review file's notes; None when it is damaged (moved aside, the user told, a new review starts)."""
        try:
            return review_store.load(path)
        except review_store.ReviewTooNew as exc:
            log.warning("%s", exc.message)
            self._blocked = exc.reason
            self.message.emit(self.tr("{0}: {1}; it is left as it is and your notes will be kept elsewhere.")
                              .format(path.name, exc.reason))
            return None
        except Exception as exc:       # damaged, too large, unreadable, or a bug: the file is kept, never lost
            reason = exc.reason if isinstance(exc, DraftCompareError) else \
                self.tr("the review file could not be read ({0})").format(exc)
            log.warning("cannot read review %s: %s", path, reason, exc_info=not isinstance(exc, DraftCompareError))
        try:
            kept = review_store.keep_corrupt(path)
        except OSError as exc:
            log.warning("cannot move the damaged review %s aside", path, exc_info=True)
            self._blocked = self.tr("the damaged review file cannot be moved aside ({0})").format(exc.strerror or exc)
            self.message.emit(self.tr("{0}: {1}; it cannot be moved aside, so your notes will be kept "
                                      "elsewhere.").format(path.name, reason))
            return None
        self.message.emit(self.tr("{0}: {1}; it was kept as {2} and a new review started.")
                          .format(path.name, reason, kept.name))
        return None

    def _recover(self) -> None:
        found = review_journal.recover(self.path)
        if found is None:
            return
        if not self.ask_recover(found.review):
            try:
                kept = review_journal.set_aside(self.path, found)
                self.message.emit(self.tr("Unsaved notes were not restored; they are kept in {0}.").format(kept.name))
            except Exception:
                log.warning("could not set the declined notes of %s aside", self.path, exc_info=True)
                self.message.emit(self.tr("Unsaved notes were not restored; they stay in {0}.")
                                  .format(review_journal.journal_path(self.path).name))
            return
        restored = self._placed(found.review)
        if found.pairs is None:               # an older version's journal: its whole review
            self.review = restored
            pairs = None
        else:
            pairs = {pair_id(n) for n in restored.notes}
            if (found.review.draft_digest, found.review.adopted_digest) == self._digests:
                pairs |= found.pairs          # notes emptied in that session stay emptied
            self.review = merge(self.review, restored, pairs)
        self.message.emit(self.tr("Notes recovered from a session that ended unexpectedly."))
        self._store(pairs, adopt=found, whole=pairs is None)

    def _new_saver(self, path: Path) -> review_journal.Autosaver:
        comparison, digests, fresh = self.comparison, self._digests, self._fresh()

        def rebase(disk: Review) -> Review:        # runs on the timer thread: pure
            if not _same_pair(disk, fresh):
                log.warning("%s holds the review of other documents; writing this pair's notes over it", path)
                return fresh
            return replace(reattach(disk, comparison, *digests), draft_path=fresh.draft_path,
                           adopted_path=fresh.adopted_path)

        saver = review_journal.Autosaver(path, self.delay, rebase=rebase,
                                       on_notice=self._notice.emit)
        saver.on_saved = lambda merged: self._saved.emit(saver, merged, saver.saves)
        saver.on_error = lambda exc: self._failed.emit(saver, exc)
        return saver

    # -- notes ----------------------------------------------------------------------------------------

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
        self._store({self._pair(pair_index)})
        self.changed.emit()

    def set_checked(self, pair_index: int, checked: bool) -> None:
        if self.review is None or checked == self.checked(pair_index):
            return
        self.review = self.review.with_checked(self.comparison, pair_index, checked)
        self._store({self._pair(pair_index)})
        self.changed.emit()

    def _pair(self, pair_index: int):
        p = self.comparison.pairs[pair_index]
        return p.draft, p.adopted

    def notes_by_pair(self) -> dict[int, str]:
        return self.review.notes_by_pair(self.comparison) if self.review else {}

    def entries(self) -> list[tuple[int, str, bool]]:
        """Every placed note: (pair index, text, checked), in reading order."""
        if self.review is None or self.comparison is None:
            return []
        index = {(p.draft, p.adopted): n for n, p in enumerate(self.comparison.pairs)}
        out = []
        for note in self.review.notes:
            n = index.get(pair_id(note))
            if n is not None and (note.text.strip() or note.checked):
                out.append((n, note.text, note.checked))
        return sorted(out)

    def marks(self) -> tuple[set[int], set[int]]:
        """The pairs with a note, the pairs marked checked."""
        entries = self.entries()
        return {n for n, text, _ in entries if text.strip()}, {n for n, _, checked in entries if checked}

    def unplaced(self) -> list[str]:
        return [n.text for n in self.review.unplaced] if self.review else []

    # -- storing --------------------------------------------------------------------------------------

    def _store(self, pairs, **kwargs) -> None:
        """Journal the edit now (the file follows); when it cannot be stored, ask where to keep the review."""
        if self._saver is None:
            return
        if self._blocked:
            self._unsaved = True
            if not self._gave_up:
                self._relocate(self._blocked)
            return
        try:
            if self.path == self.profile_path():
                self.path.parent.mkdir(parents=True, exist_ok=True)   # the profile's folder, made at the first note
                if str(self.path.parent) not in self._watcher.directories():
                    self._watcher.addPath(str(self.path.parent))      # other windows' saves show here too
            self._saver.schedule(self.review, pairs, **kwargs)
        except DraftCompareError as exc:
            log.warning("cannot store a note in %s: %s", self.path, exc.message)
            self._unsaved = True
            self._relocate(exc.reason)
        except OSError as exc:
            log.warning("cannot store a note in %s", self.path, exc_info=True)
            self._unsaved = True
            self._relocate(exc.strerror or str(exc))

    def _relocate(self, reason: str, target: str | Path | None = None) -> bool:
        """Keep the review somewhere that can be written: ``target``, else where the officer chooses
        (cancelled: the profile, or beside the adopted text when the profile is what failed). Everything
        this window holds is written there at once, and the pair reopens from there."""
        default = self._fallback()
        tried: set[Path] = set()
        for attempt in range(4):
            if attempt < 3:
                chosen = target or self.ask_location(default, reason)
            elif default not in tried:
                chosen = default        # last resort, unasked: the profile, rather than lose the notes
            else:
                break
            target = None
            where = Path(chosen) if chosen else default
            tried.add(where)
            if not where.suffix:
                where = where.with_suffix(review_store.SUFFIX)
            saver = None
            try:
                where.parent.mkdir(parents=True, exist_ok=True)
                saver = self._new_saver(where)
                saver.schedule(self.review, None, whole=True)
                if not saver.flush():
                    raise saver.last_error or ExportError(str(where), "cannot write")
            except (DraftCompareError, OSError) as exc:
                log.warning("cannot keep the review in %s", where, exc_info=True)
                if saver is not None:
                    saver.abandon()
                reason = exc.reason if isinstance(exc, DraftCompareError) else (exc.strerror or str(exc))
                continue
            old, self._saver = self._saver, saver
            if old is not None:
                old.abandon()
            self.path, self._blocked, self._unsaved, self._gave_up = where, "", False, False
            self._remember(where)
            self._watch()
            self.message.emit(self.tr("Notes are now kept in {0}.").format(where))
            self._update_status()
            return True
        self._blocked, self._gave_up = reason, True
        self.message.emit(self.tr("{0}: notes cannot be saved ({1}); they stay open in this window: use "
                                  "\u201cSave review as\u2026\u201d.").format(self.path.name, reason))
        self._update_status()
        return False

    def save_as(self, path: str | Path | None = None) -> bool:
        """Move this window's review to ``path`` (asked when None): every note is written there, later
        notes follow, the pair reopens from there, and the profile's copy is removed."""
        if self.review is None:
            return False
        if path is None:
            parent = self.parent() if isinstance(self.parent(), QWidget) else None
            start = str(self.path) if self.path and not self._blocked and self.place() != "profile" else \
                str(self.beside_path())
            path, _ = QFileDialog.getSaveFileName(parent, self.tr("Save review as"), start,
                                                  self.tr("Draft Compare reviews (*.dcreview)"))
            if not path:
                return False
        if self._saver is not None and not self._blocked:
            self._saver.flush()        # the review's place keeps what was typed until now
        old = self.path if self.place() == "profile" else None
        moved = self._relocate(self.tr("the file chosen cannot be written"), target=path)
        if moved and old is not None and old != self.path:
            _remove_quietly(old)
        return moved

    def _ask_location_dialog(self, default: Path, reason: str) -> str | None:
        parent = self.parent() if isinstance(self.parent(), QWidget) else None
        path, _ = QFileDialog.getSaveFileName(
            parent, self.tr("Where should the review be kept? Its folder cannot be written ({0})").format(reason),
            str(default), self.tr("Draft Compare reviews (*.dcreview)"))
        return path or None

    def _refresh(self, saver, merged: Review, seq: int) -> None:
        """What the file holds now (other windows' notes included), under this window's unsaved edits."""
        if saver is not self._saver or seq != saver.saves or self.review is None:
            return
        refreshed = merge(merged, self.review, saver.pending_pairs())
        if refreshed.notes != self.review.notes or refreshed.unplaced != self.review.unplaced:
            self.review = refreshed
            self.changed.emit()

    def _watch(self) -> None:
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self._disk_stamp = _stamp(self.path) if self.path is not None else None
        if self.path is not None and self.path.parent.is_dir():
            self._watcher.addPath(str(self.path.parent))

    def _disk_changed(self, _path: str = "") -> None:
        """The review's folder changed: when the review file did (another window saved), show its notes
        under this window's unsaved edits."""
        saver = self._saver
        if saver is None or self.review is None or self.path is None:
            return
        stamp = _stamp(self.path)
        if stamp is None or stamp == self._disk_stamp:
            return
        self._disk_stamp = stamp
        try:
            disk = saver.rebase(review_store.load(self.path))
        except Exception:      # half-seen or damaged: the next save deals with it under the lock
            log.warning("cannot read %s after it changed", self.path, exc_info=True)
            return
        refreshed = merge(disk, self.review, saver.pending_pairs())
        if refreshed.notes != self.review.notes or refreshed.unplaced != self.review.unplaced:
            self.review = refreshed
            self.changed.emit()

    def _save_failed(self, saver, exc: BaseException) -> None:
        if saver is not self._saver:
            return
        if isinstance(exc, ReviewBusy):
            self.message.emit(self.tr("{0}; your notes are in the journal and are saved shortly.").format(exc.reason))
            return
        self._unsaved = True
        self._relocate(exc.reason if isinstance(exc, DraftCompareError) else str(exc))

    def _update_status(self) -> None:
        if self._blocked:
            text = self.tr("Notes cannot be saved in {0}: {1}. Use \u201cSave review as\u2026\u201d.") \
                .format(self.path.name if self.path else "", self._blocked)
        elif self.place() == "chosen":
            text = self.tr("Notes are kept in {0}").format(self.path)
        else:
            text = ""
        self.status_text = text
        self.status.emit(text)
        self.located.emit(str(self.path) if self.path is not None else "")

    def close(self) -> None:
        saver = self._saver
        if saver is None:
            return
        ok = saver.close()
        if not ok and not isinstance(saver.last_error, ReviewBusy):
            error = saver.last_error
            reason = error.reason if isinstance(error, DraftCompareError) else str(error)
            if self._relocate(reason):
                saver = self._saver
                saver.close()
        elif not ok:
            self.message.emit(self.tr("Notes not saved yet: {0}; they are kept in the journal and offered "
                                      "next time.").format(saver.last_error.reason))
        elif self._blocked and self._unsaved:
            if self._relocate(self._blocked):
                self._saver.close()
        self._saver = None
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)


def _remove_quietly(path: Path) -> None:
    """Remove a review file that moved elsewhere (under its lock: no writer is halfway through it)."""
    try:
        with ReviewLock(path, timeout=2.0):
            if path.exists():
                path.unlink()
    except (OSError, DraftCompareError):
        log.warning("the review moved, but its old file %s could not be removed", path, exc_info=True)


def _stamp(path: Path) -> tuple | None:
    try:
        st = path.stat()
    except OSError as exc:
        log.debug("review %s not there to watch: %s", path, exc)
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino


def _same_pair(disk: Review, ours: Review) -> bool:
    """Whether a review read from disk is about our documents (same names, or the same adopted text)."""
    if disk.adopted_digest and disk.adopted_digest == ours.adopted_digest:
        return True
    return Path(disk.adopted_path).name == Path(ours.adopted_path).name and \
        Path(disk.draft_path).name == Path(ours.draft_path).name


def _absolute(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        log.warning("cannot resolve %s", path, exc_info=True)
        return path


def _digest(path: str) -> str:
    try:
        return review_store.file_digest(path)
    except OSError:
        log.warning("cannot read %s for its digest", path, exc_info=True)
        return ""
