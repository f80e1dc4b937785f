"""The window's background work: one task at a time, with the status bar's progress bar and Cancel
button (moved out of MainWindow, issue #16). A task runs off the GUI thread (``run``: app.ui.worker),
or, when it uses Qt's text engine (PDF rendering), on the GUI thread in slices (``run_steps``:
app.ui.stepped says why).

A newer task supersedes a running one: the older is cancelled and its late results are dropped. Tasks
stay referenced until their thread is done with them.
"""
from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QProgressBar, QStatusBar, QToolButton

from app.ui.stepped import SteppedTask, Steps
from app.ui.worker import Task, TaskWatcher, start

log = logging.getLogger(__name__)

# Stage names app.io.pipeline reports (English there: the engine has no Qt); translated when shown.
PROGRESS_STAGES = (QT_TRANSLATE_NOOP("Progress", "Reading draft"), QT_TRANSLATE_NOOP("Progress", "Reading adopted text"),
                   QT_TRANSLATE_NOOP("Progress", "Aligning paragraphs"), QT_TRANSLATE_NOOP("Progress", "Done"),
                   # a negotiation trail (app.ui.trail_open.trail_work)
                   QT_TRANSLATE_NOOP("Progress", "Reading versions"), QT_TRANSLATE_NOOP("Progress", "Comparing versions"))


class TaskRunner(QObject):
    """Runs ``work(progress, is_cancelled)`` for the window and shows its progress in the status bar."""

    busyChanged = Signal(bool)

    def __init__(self, status_bar: QStatusBar, progress: QProgressBar, cancel_button: QToolButton,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status_bar = status_bar
        self.progress = progress
        self.cancel_button = cancel_button
        self.watcher: TaskWatcher | None = None
        self._tasks: list[Task] = []
        cancel_button.clicked.connect(self.cancel)

    @property
    def busy(self) -> bool:
        """Whether a task is running."""
        return self.watcher is not None

    def run(self, work, label: str, on_success: Callable, on_failure: Callable,
            cancellable: bool = True, on_cancel: Callable[[], None] | None = None) -> TaskWatcher:
        """Run ``work`` off the GUI thread; a newer task supersedes (and cancels) a running one.
        ``on_cancel``: called (after the status bar says so) when the officer cancels it."""
        self.drop()
        self._tasks = [t for t in self._tasks if not t.done.is_set()]
        task = Task(work, label)
        self._tasks.append(task)
        self.watcher = TaskWatcher(task, on_progress=self._show_progress, on_success=on_success,
                                   on_failure=on_failure, **self._ends(label, on_cancel), parent=self)
        self._show_busy(label, cancellable)
        start(task)
        return self.watcher

    def run_steps(self, steps: Steps, label: str, on_success: Callable, on_failure: Callable,
                  on_cancel: Callable[[], None] | None = None) -> SteppedTask:
        """Run the generator ``steps`` on the GUI thread, a slice at a time (app.ui.stepped: for Qt's
        text engine, which stays on this thread), with the same progress bar and Cancel button as
        ``run``; a newer task supersedes (and cancels) it."""
        self.drop()
        self.watcher = SteppedTask(steps, label, on_progress=self._show_progress, on_success=on_success,
                                   on_failure=on_failure, **self._ends(label, on_cancel), parent=self)
        self._show_busy(label, True)
        return self.watcher

    def _ends(self, label: str, on_cancel: Callable[[], None] | None) -> dict:
        """A task's ``on_finish`` and ``on_cancel``: the status bar back to idle; "cancelled" said."""
        def finish() -> None:
            self.watcher = None
            self.progress.hide()
            self.cancel_button.hide()
            self.busyChanged.emit(False)

        def cancelled() -> None:
            self.status_bar.showMessage(self.tr("{task}: cancelled").format(task=label), 4000)
            if on_cancel is not None:
                on_cancel()
        return {"on_finish": finish, "on_cancel": cancelled}

    def _show_busy(self, label: str, cancellable: bool) -> None:
        self.progress.setRange(0, 100 if cancellable else 0)  # exports report no steps: busy indicator
        self.progress.setValue(0)
        self._set_format(f"{label}… %p%" if cancellable else f"{label}…")
        self.progress.show()
        self.cancel_button.setVisible(cancellable)
        self.busyChanged.emit(True)

    def _show_progress(self, stage: str, fraction: float) -> None:
        self.progress.setValue(round(fraction * 100))
        self._set_format(f"{QCoreApplication.translate('Progress', stage)}… %p%")

    def _set_format(self, text: str) -> None:
        """The progress bar's text, on one line: the bar is made wide enough for it (up to 420 px)."""
        self.progress.setFormat(text)
        width = self.progress.fontMetrics().horizontalAdvance(text.replace("%p", "100")) + 24
        self.progress.setMinimumWidth(min(width, 420))

    def cancel(self) -> None:
        """The Cancel button: ask the running task to stop (it says when it has)."""
        if self.watcher is not None:
            self.watcher.task.cancel()
            self._set_format(self.tr("Cancelling…"))

    def drop(self) -> None:
        """The running task superseded (a new task, or the window closes): a worker's is cancelled and
        whatever it still reports ignored; an export on the GUI thread is finished first, its file
        written and said (each watcher's ``supersede``)."""
        if self.watcher is not None:
            log.debug("task %s superseded", self.watcher.task.name)
            self.watcher.supersede()
