"""A negotiation trail open in the window (issue #19): the version bar over the panes, the History tab,
and which pair of versions the panes show.

The pair shown is the trail's own comparison when the two versions are consecutive
(``Trail.comparisons[k]``), else a comparison of those two versions run through the window's task
runner (kept for the trail's life). Whatever the window does for a pair (change list, findings,
notes, exports, print) it does for the pair shown: it is shown through ``MainWindow.show_comparison``.
Opening an ordinary pair closes the trail.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QEvent, QObject

from app.core.model import Comparison
from app.core.trail import Trail
from app.io.errors import DraftCompareError
from app.ui.history_panel import HistoryPanel
from app.io.documents import is_document, natural_order
from app.ui.trail_open import TrailDialog, check_versions, trail_work
from widgets.version_bar import VersionBar

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)
DROP_TRAIL = 3          # dropped together, this many documents or more open as a trail


def pair_work(trail: Trail, first: int, second: int):
    """What the task runner runs for two versions that are not consecutive: compare them with the
    trail's options."""
    def work(progress, is_cancelled) -> Comparison:
        progress("Aligning paragraphs", 0.3)
        return trail.compare(first, second, is_cancelled=is_cancelled)
    return work


class TrailSession(QObject):
    """The window's trail: its version bar (``bar``), its History tab (``history``) and the pair shown."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.trail: Trail | None = None
        self.paths: list[str] = []
        self.names: list[str] = []
        self.shown: tuple[int, int] | None = None
        self._extra: dict[tuple[int, int], Comparison] = {}
        self._thread_of: dict[tuple[int, int], int] = {}     # (version, paragraph) -> thread
        self.bar = VersionBar()
        self.bar.hide()
        self.history = HistoryPanel()
        self.history_tab = window.side_tabs.addTab(self.history, self.tr("History"))
        window.side_tabs.setTabVisible(self.history_tab, False)
        self.bar.pairChosen.connect(self.show_pair)
        self.history.threadChosen.connect(self.go_to_thread)
        window.view.currentPairChanged.connect(self._follow_pair)
        window.view.filesDropped.connect(self.dropped)
        window.setAcceptDrops(True)           # files dropped outside the panes: caught here
        window.installEventFilter(self)

    @property
    def active(self) -> bool:
        """Whether a trail is open."""
        return self.trail is not None

    # -- opening -----------------------------------------------------------------------------------

    def open_dialog(self, paths: Sequence[str | Path] = ()) -> None:
        """File > Open trail…: the versions in order and named in a small dialog, then the trail."""
        dialog = TrailDialog(paths or self.paths, start_dir=self.window.config["last_dir"], parent=self.window)
        if not paths and self.paths:
            for row, name in enumerate(self.names):
                dialog.table.item(row, 0).setText(name)
        if dialog.exec():
            chosen = dialog.paths()
            if chosen:
                self.window.config["last_dir"] = str(Path(chosen[-1]).parent)
            self.open_trail(chosen, dialog.names())

    def open_trail(self, paths: Sequence[str | Path], names: Sequence[str] | None = None,
                   pair: tuple[int, int] | None = None) -> None:
        """Read the versions and build the trail through the task runner (progress, Cancel, errors in
        one line), then show it; ``pair``: the versions to show (default: the last round). The code path
        of the dialog's Open button."""
        paths = [str(p) for p in paths]
        names = [str(n) for n in names] if names is not None else [Path(p).name for p in paths]
        try:
            check_versions(paths, names)
        except DraftCompareError as exc:
            log.info("trail refused: %s", exc)
            self.window.show_error(self.tr("Cannot open this trail"), exc)
            return
        options = self.window.config.compare_options()
        self.window.run_task(trail_work(paths, names, options), self.tr("Opening the trail"),
                             on_success=lambda trail: self.show_trail(trail, paths, names, pair),
                             on_failure=lambda exc: self.window.show_error(self.tr("Cannot open this trail"), exc))

    def show_trail(self, trail: Trail, paths: Sequence[str] = (), names: Sequence[str] = (),
                   pair: tuple[int, int] | None = None) -> None:
        """Show a built trail: the version bar, the History tab, and a pair (default: the last round)."""
        self.trail = trail
        self.paths = [str(p) for p in paths] or [d.path for d in trail.versions]
        self.names = list(names) or list(trail.names)
        self._extra = {}
        self._thread_of = {(s.version, i): n for n, t in enumerate(trail.threads)
                           for s in t.stages for i in s.paragraphs}
        self.bar.set_versions(trail.names, trail.versions)
        self.bar.show()
        self.history.set_trail(trail, self.window.palette())
        self.window.side_tabs.setTabVisible(self.history_tab, True)
        self.window.side_tabs.setCurrentIndex(self.history_tab)
        last = len(trail.versions) - 1
        first, second = pair if pair and max(pair) <= last and pair[0] != pair[1] else (last - 1, last)
        self._show(last - 1, last, trail.comparisons[-1])
        if (first, second) != (last - 1, last):
            self.show_pair(first, second)
        self.window.statusBar().showMessage(
            self.tr("Negotiation trail: {n} versions ({names})").format(n=len(trail.versions),
                                                                       names=", ".join(trail.names)), 8000)
        self.window._update_actions()

    def reload(self) -> None:
        """Read the versions again and rebuild the trail; the same pair is shown afterwards."""
        if self.paths:
            self.open_trail(self.paths, self.names, self.shown)

    def close(self) -> None:
        """Back to an ordinary pair: the bar and the History tab go away."""
        if self.trail is None:
            return
        self.trail = None
        self.shown = None
        self._extra = {}
        self._thread_of = {}
        self.bar.hide()
        self.window.view.set_version_names()
        self.history.set_trail(None)
        self.window.side_tabs.setTabVisible(self.history_tab, False)
        self.window._update_actions()

    # -- the pair shown ------------------------------------------------------------------------------

    def comparison_of(self, first: int, second: int) -> Comparison | None:
        """The comparison of two versions when it is at hand: the trail's own for consecutive ones,
        else one computed earlier; None when it must be computed."""
        if self.trail is None:
            return None
        if second == first + 1:
            return self.trail.comparisons[first]
        return self._extra.get((first, second))

    def show_pair(self, first: int, second: int) -> None:
        """Show versions ``first`` (as the draft) and ``second`` (as the adopted text), comparing them
        in the background when they are not consecutive."""
        trail = self.trail
        count = len(trail.versions) if trail is not None else 0
        if first == second or not (0 <= first < count and 0 <= second < count):
            return
        self.bar.set_pair(first, second)
        comparison = self.comparison_of(first, second)
        if comparison is not None:
            self._show(first, second, comparison)
            return

        def compared(result: Comparison) -> None:
            if self.trail is trail:
                self._extra[(first, second)] = result
                if self.bar.pair() == (first, second):      # still the pair asked for
                    self._show(first, second, result)

        def failed(exc: BaseException) -> None:
            if self.trail is trail and self.bar.pair() == (first, second):
                self._restore_bar()
                self.window.show_error(self.tr("Cannot compare these versions"), exc)
            else:
                log.info("comparison of versions %d and %d no longer wanted failed: %s", first + 1, second + 1, exc)

        self.window.tasks.run(pair_work(trail, first, second), self.tr("Comparing versions"),
                              on_success=compared, on_failure=failed, on_cancel=self._restore_bar)

    def swap(self) -> None:
        """File > Swap sides on a trail: the two versions shown the other way round."""
        if self.shown is not None:
            self.bar.choose(self.shown[1], self.shown[0])

    def _restore_bar(self) -> None:
        if self.shown is not None:
            self.bar.set_pair(*self.shown)

    def _show(self, first: int, second: int, comparison: Comparison) -> None:
        self.shown = (first, second)
        self.bar.set_pair(first, second)
        names = self.trail.names
        self.window.view.set_version_names(names[first], names[second])
        on_history = self.window.side_tabs.currentIndex() == self.history_tab
        self.window.show_comparison(comparison)
        if on_history:                        # stepping through the rounds, the History tab stays
            self.window.side_tabs.setCurrentIndex(self.history_tab)
        self.window.setWindowTitle(self.tr("{first} → {second} — negotiation trail of {n} versions").format(
            first=names[first], second=names[second], n=len(names)))
        self.history.set_palette(self.window.palette())
        self._follow_pair(self.window.view.current_pair)

    # -- the history of the paragraph in view ---------------------------------------------------------

    def thread_of_pair(self, pair: int) -> int | None:
        """The thread a pair of the comparison shown belongs to (its adopted side first)."""
        c, shown = self.window.comparison, self.shown
        if self.trail is None or shown is None or c is None or not 0 <= pair < len(c.pairs):
            return None
        p = c.pairs[pair]
        if p.adopted:
            return self._thread_of.get((shown[1], p.adopted[0]))
        return self._thread_of.get((shown[0], p.draft[0])) if p.draft else None

    def pair_of_thread(self, thread: int) -> int | None:
        """The pair of the comparison shown that holds a thread's paragraph (None: in neither version)."""
        c, shown = self.window.comparison, self.shown
        if self.trail is None or shown is None or c is None:
            return None
        stages = self.trail.threads[thread].stages
        adopted, draft = set(stages[shown[1]].paragraphs), set(stages[shown[0]].paragraphs)
        for n, p in enumerate(c.pairs):
            if adopted & set(p.adopted) or draft & set(p.draft):
                return n
        return None

    def _follow_pair(self, pair: int) -> None:
        if self.trail is None:
            return
        thread = self.thread_of_pair(pair)
        if thread is not None:
            self.history.select_thread(thread)

    def go_to_thread(self, thread: int) -> None:
        """A paragraph chosen in the History tab: the panes go to it when the pair shown holds it."""
        pair = self.pair_of_thread(thread)
        if pair is None or not self.window.view.go_to_pair(pair):
            first, second = self.shown or (0, 0)
            self.window.statusBar().showMessage(self.tr("This paragraph is in neither {first} nor {second}").format(
                first=self.trail.names[first], second=self.trail.names[second]), 5000)

    # -- drag and drop -----------------------------------------------------------------------------------

    def dropped(self, paths: Sequence[str]) -> bool:
        """Documents dropped together: 3 or more open as a trail (the dialog shows their order, by
        natural name, to confirm); False when they are fewer."""
        documents = [p for p in paths if is_document(p) and Path(p).is_file()]
        if len(documents) < DROP_TRAIL:
            return False
        self.open_dialog(natural_order(documents))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Files dropped on the window outside the panes (the side panel, the bar)."""
        if watched is self.window and event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            paths = dropped_files(event)
            if len(paths) >= DROP_TRAIL:
                event.acceptProposedAction()
                if event.type() == QEvent.Type.Drop:
                    self.dropped(paths)
                return True
        return super().eventFilter(watched, event)


def dropped_files(event) -> list[str]:
    """The local files of a drag-and-drop event, in the order given."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and Path(url.toLocalFile()).is_file()]
