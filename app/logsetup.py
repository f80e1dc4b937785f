"""The log file: where it lives on each platform and how the window and the command line set it up.

No Qt here (the CLI must not load it): the folder is the platform's usual place for an application's
logs, computed from the environment, the same one QStandardPaths would give for local application data:

* Linux and other Unix: ``$XDG_STATE_HOME/draftcompare`` (default ``~/.local/state/draftcompare``)
* Windows: ``%LOCALAPPDATA%\\DraftCompare``
* macOS: ``~/Library/Logs/DraftCompare``

``DRAFTCOMPARE_LOG_DIR`` overrides the folder; ``DRAFTCOMPARE_LOG_LEVEL`` (``DEBUG``, ``INFO``...) sets
how much the program's own modules record (default INFO; DEBUG also copies every record to stderr).

The file is ``draftcompare.log``, rotated at 1 MB with 3 old files kept. Logging never stops the
program: a folder that cannot be written means no file (said once, at debug level), and a write that
fails later (disk full, the file locked by another instance) turns the file off without a word on
stderr, where the command line's one-line errors must stay alone.
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

LOG_NAME = "draftcompare.log"
MAX_BYTES = 2**20
BACKUPS = 3
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"
OUR_LOGGERS = ("app", "widgets")

logger = logging.getLogger(__name__)

_handler: logging.Handler | None = None      # the file handler installed, if any
_stderr: logging.Handler | None = None       # the DEBUG copy to stderr, if asked for
_null: logging.Handler | None = None         # stands in for the file when there is none
_tried = False                                # set-up done (successfully or not): once per process
_levels: dict[str, int] = {}                  # our loggers' levels before the set-up


def default_log_dir(platform: str | None = None, env: dict | None = None, home: Path | None = None) -> Path:
    """The folder for the log file on ``platform`` (default: this one), from ``env`` (default os.environ)."""
    platform = sys.platform if platform is None else platform
    env = os.environ if env is None else env
    home = Path.home() if home is None else Path(home)
    if platform.startswith("win"):
        base = env.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / "DraftCompare"
    if platform == "darwin":
        return home / "Library" / "Logs" / "DraftCompare"
    state = env.get("XDG_STATE_HOME") or ""
    base = Path(state) if state and Path(state).is_absolute() else home / ".local" / "state"
    return base / "draftcompare"


def log_dir() -> Path:
    """The folder this process logs to: ``DRAFTCOMPARE_LOG_DIR`` when set, else the platform default."""
    override = os.environ.get("DRAFTCOMPARE_LOG_DIR")
    return Path(override).expanduser() if override else default_log_dir()


def log_path() -> Path | None:
    """The log file being written, or None (not set up, or the folder could not be written)."""
    return Path(_handler.baseFilename) if _handler is not None else None


class _QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file that turns itself off when a write or a rollover fails, instead of printing
    "--- Logging error ---" and a traceback on stderr for every record after."""

    def handleError(self, record: logging.LogRecord) -> None:   # noqa: N802 - logging's name
        global _handler, _null
        root = logging.getLogger()
        if self in root.handlers:
            root.removeHandler(self)
        if _handler is self:
            _handler = None
        if _null is None:          # not logging's last resort on stderr either (see setup_logging)
            _null = logging.NullHandler()
            root.addHandler(_null)
        logger.debug("log file %s turned off after a failed write", self.baseFilename, exc_info=True)
        try:
            self.close()
        except OSError:
            logger.debug("log file %s could not be closed", self.baseFilename, exc_info=True)


def _level() -> int:
    name = (os.environ.get("DRAFTCOMPARE_LOG_LEVEL") or "INFO").strip().upper()
    level = logging.getLevelName(name)
    return level if isinstance(level, int) else logging.INFO


def setup_logging(folder: str | os.PathLike | None = None) -> Path | None:
    """Send log records to the rotating log file in ``folder`` (default :func:`log_dir`); return its path,
    or None when the folder cannot be created or written (then there is no file, and start-up goes on).

    Called by the window's start-up and by the command line; calling it again does nothing (the first
    call's answer is returned). The program's own loggers (``app.*``, ``widgets.*``) record from
    ``DRAFTCOMPARE_LOG_LEVEL`` (INFO) up, other libraries' from WARNING up (the root logger's level)."""
    global _handler, _stderr, _null, _tried
    if _tried:
        return log_path()
    _tried = True
    level = _level()
    for name in OUR_LOGGERS:
        _levels[name] = logging.getLogger(name).level
        logging.getLogger(name).setLevel(level)
    root = logging.getLogger()
    if level <= logging.DEBUG and _stderr is None:
        _stderr = logging.StreamHandler(sys.stderr)
        _stderr.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(_stderr)
    target = Path(folder) if folder is not None else log_dir()
    try:
        target.mkdir(parents=True, exist_ok=True)
        handler = _QuietRotatingFileHandler(target / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                            encoding="utf-8")
    except (OSError, ValueError) as exc:   # read-only profile, a file in the folder's place, bad name...
        logger.debug("no log file: %s cannot be written (%s)", target / LOG_NAME, exc)
        # Without any handler, logging's last resort would print every warning (and its traceback) on
        # stderr, where the command line's errors must stay one line each.
        _null = logging.NullHandler()
        root.addHandler(_null)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.DEBUG)
    root.addHandler(handler)
    _handler = handler
    logger.info("Draft Compare started (%s), logging to %s", " ".join(sys.argv[:1]) or "python", handler.baseFilename)
    return log_path()


def shutdown_logging() -> None:
    """Remove what :func:`setup_logging` installed (tests; a new set-up may follow)."""
    global _handler, _stderr, _null, _tried
    root = logging.getLogger()
    for h in (_handler, _stderr, _null):
        if h is not None:
            root.removeHandler(h)
            if h is _handler:
                h.close()
    for name, level in _levels.items():
        logging.getLogger(name).setLevel(level)
    _levels.clear()
    _handler = _stderr = _null = None
    _tried = False
