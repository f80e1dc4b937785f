"""Work that runs on the GUI thread in steps, the window's event loop running between them.

Qt's text engine (QTextDocument layout, glyphs painted on a QPdfWriter) is not used off the GUI thread:
the panes lay text out there all the time, and a PDF sheet rendered on a worker thread while they did
hung the whole process once (CI of stop 23: both threads blocked in
test_window_changed_only_prints_the_changes_with_gap_rows, only the empty temporary file written).
So a PDF is rendered by a *steps* generator: it yields its progress, a fraction from 0 to 1, between
slices of work and returns its result. ``drain`` runs one to the end (command line, print preview,
tests); ``SteppedTask`` runs one from the event loop, at most SLICE_SECONDS at a time, so the window
repaints, scrolls and can cancel while a long sheet is painted. Work with no Qt in it (comparing,
the Word exports) keeps running on worker threads (app.ui.worker).
"""
from __future__ import annotations

import logging
import time
from typing import Callable, Generator, TypeVar

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

T = TypeVar("T")
Steps = Generator[float, None, T]    # yields progress (0..1), returns the result
SLICE_SECONDS = 0.03                 # work between two turns of the event loop: a frame or two


def drain(steps: Steps[T]) -> T:
    """Run ``steps`` to the end; returns what it returns. Raises what it raises."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def scaled(steps: Steps[T], start: float, span: float) -> Steps[T]:
    """``steps`` as one part of a longer piece of work: its progress mapped onto ``start`` to
    ``start + span``; returns what it returns. Closed early, it closes ``steps``."""
    try:
        while True:
            try:
                fraction = next(steps)
            except StopIteration as done:
                return done.value
            yield start + span * fraction
    finally:
        steps.close()


class SteppedTask(QObject):
    """Runs a steps generator on the GUI thread from a zero timer, a slice at a time, and calls back
    while ``active``: ``on_progress(label, fraction)``, then one of ``on_success(result)``,
    ``on_failure(exception)`` or ``on_cancel()``, each after ``on_finish()``. It is its own ``task``
    (``name``, ``cancel()``), as app.ui.tasks.TaskRunner expects of a watcher."""

    def __init__(self, steps: Steps, name: str, *, on_progress: Callable[[str, float], None],
                 on_success: Callable[[object], None], on_failure: Callable[[BaseException], None],
                 on_cancel: Callable[[], None], on_finish: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.task = self
        self.name = name
        self.active = True
        self._steps: Steps | None = steps
        self._in_step = False                    # a step is running (a nested event loop could call back)
        self._cancel_asked = False
        self._on_progress, self._on_success, self._on_failure = on_progress, on_success, on_failure
        self._on_cancel, self._on_finish = on_cancel, on_finish
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(lambda: self._run(time.monotonic() + SLICE_SECONDS))
        self._timer.start()

    def _stop(self) -> None:
        self._timer.stop()
        steps, self._steps = self._steps, None
        if steps is not None:
            steps.close()                        # its finally blocks run: an open painter is ended

    def _end(self) -> bool:
        was_active, self.active = self.active, False
        if was_active:
            self._on_finish()
        return was_active

    def cancel(self) -> None:
        """Stop now, or, asked from inside a step (a nested event loop), as soon as that step
        returns: nothing more is done or written."""
        if self._steps is None:
            return
        if self._in_step:
            self._cancel_asked = True
            return
        self._stop()
        if self._end():
            self._on_cancel()

    def supersede(self) -> None:
        """A newer task takes over, or the window closes: the remaining steps run at once, with the
        usual callbacks, so an export still writes the file the officer asked for. Asked from inside a
        step (a nested event loop), it stops after that step instead, saying nothing more."""
        if self._steps is not None and not self._in_step:
            self._run(None)
        self.active = False
        self.cancel()

    def _run(self, deadline: float | None) -> None:
        """Steps until ``deadline`` (time.monotonic; None: to the end), then the progress, or the end."""
        if self._steps is None or self._in_step:
            return
        fraction = None
        self._in_step = True
        try:
            while deadline is None or time.monotonic() < deadline:
                fraction = next(self._steps)
                if self._cancel_asked:
                    break
        except StopIteration as done:
            self._in_step = False
            self._stop()
            if self._end():
                self._on_success(done.value)
            return
        except BaseException as exc:             # reported to the window, as a worker's failure is
            self._in_step = False
            if not hasattr(exc, "message"):
                log.error("unexpected error in %s", self.name, exc_info=exc)
            self._stop()
            if self._end():
                self._on_failure(exc)
            return
        self._in_step = False
        if self._cancel_asked:
            self.cancel()
        elif fraction is not None and self.active:
            self._on_progress(self.name, fraction)
