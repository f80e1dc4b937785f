"""Background work with progress and cancellation, reported through Qt signals.

A Task wraps ``fn(progress, is_cancelled) -> result`` and runs it on QThreadPool. Its signals object
is created on the GUI thread, so emits from the worker arrive there queued: the window never blocks
and never touches Qt objects from another thread.
"""
from __future__ import annotations

import logging
import threading
from typing import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.core.compare import Cancelled

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]
Work = Callable[[Progress, Callable[[], bool]], object]


class TaskSignals(QObject):
    progress = Signal(str, float)
    succeeded = Signal(object)
    failed = Signal(object)      # the exception; .message when it is a DraftCompareError
    cancelled = Signal()
    finished = Signal()          # after any of the three above


class Task(QRunnable):
    def __init__(self, fn: Work, name: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps the reference; Qt must not free it under us
        self.fn = fn
        self.name = name
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, stage: str, fraction: float) -> None:
        if not self._cancel.is_set():
            self.signals.progress.emit(stage, float(fraction))

    def run(self) -> None:
        try:
            result = self.fn(self._progress, self._cancel.is_set)
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # reported to the GUI, never lost in a thread
            if not hasattr(exc, "message"):
                log.error("unexpected error in a background task", exc_info=exc)
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.failed.emit(exc)
        else:
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()
            self.done.set()          # after the last emit: the runner may drop the task (and its signals) now


def start(task: Task, pool: QThreadPool | None = None) -> Task:
    (pool or QThreadPool.globalInstance()).start(task)
    return task


def error_text(exc: BaseException) -> str:
    """What a dialog says: the user message of our errors, else the exception's own words."""
    message = getattr(exc, "message", None)
    if isinstance(message, str) and message:
        return message
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


class TaskWatcher(QObject):
    """Receives a task's signals on the GUI thread and calls back while ``active``.

    Connecting to bound slots of a QObject that lives on the GUI thread makes the connections queued
    (lambdas would give no such guarantee). Setting ``active`` to False drops a superseded task's
    late results.
    """

    def __init__(self, task: Task, *, on_progress: Callable[[str, float], None], on_success: Callable[[object], None],
                 on_failure: Callable[[BaseException], None], on_cancel: Callable[[], None],
                 on_finish: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.active = True
        self._on_progress, self._on_success, self._on_failure = on_progress, on_success, on_failure
        self._on_cancel, self._on_finish = on_cancel, on_finish
        task.signals.progress.connect(self._progress)
        task.signals.succeeded.connect(self._succeeded)
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(self._cancelled)

    def supersede(self) -> None:
        """A newer task takes over: this one is asked to stop and its late results are dropped."""
        self.active = False
        self.task.cancel()

    @Slot(str, float)
    def _progress(self, stage: str, fraction: float) -> None:
        if self.active:
            self._on_progress(stage, fraction)

    def _end(self) -> bool:
        was_active, self.active = self.active, False
        if was_active:
            self._on_finish()
        return was_active

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        if self._end():
            self._on_success(result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        if self._end():
            self._on_failure(exc)

    @Slot()
    def _cancelled(self) -> None:
        if self._end():
            self._on_cancel()
