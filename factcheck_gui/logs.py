"""The log file: a few rotating files in the user log folder, set up once per process by the
``factcheck`` command (and so for the window too). Qt-free.

Errors a user can fix are logged as one line; anything unexpected with its traceback, so a
crash dialog or the CLI can name the file that holds the details.
"""

from __future__ import annotations

import logging
import platform
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_path

from factcheck_gui import __version__
from factcheck_gui.folders import user_folder

LOG_DIR_ENV = "FACTCHECK_LOG_DIR"
LOG_FILE = "factcheck.log"
LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 4  # factcheck.log and factcheck.log.1 … .4: at most 10 MiB
FORMAT = "%(asctime)s %(process)d %(threadName)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("factcheck_gui")
_handler: logging.Handler | None = None
_file: Path | None = None


def default_log_dir() -> Path:
    """``FACTCHECK_LOG_DIR`` when set, else the platform's user log folder."""
    return user_folder(LOG_DIR_ENV, user_log_path)


def setup_logging(level: str = "info", *, folder: Path | None = None) -> Path | None:
    """Send the app's log records at ``level`` and above to the rotating log file; the file's
    path, or None when it cannot be written (then the records go to stderr). Calling it again
    replaces the earlier set-up (the tests run many commands in one process)."""
    global _handler, _file
    if _handler is not None:
        log.removeHandler(_handler)
        _handler.close()
        _handler, _file = None, None
    path = (folder if folder is not None else default_log_dir()) / LOG_FILE
    handler: logging.Handler
    failure: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
        _file = path
    except OSError as error:
        handler = logging.StreamHandler(sys.stderr)
        _file = None
        failure = f"cannot write the log file {path} ({error.strerror or error})"
    handler.setFormatter(logging.Formatter(FORMAT))
    _handler = handler
    log.addHandler(handler)
    log.setLevel(LEVELS[level])
    if failure:
        log.warning("%s; logging to stderr", failure)
    return _file


def log_file() -> Path | None:
    """The file the log is written to, once ``setup_logging`` has run and could open it."""
    return _file


def where_details_are() -> str:
    """Words for a message that points at the details: the log file, or stderr."""
    return f"the details are in {_file}" if _file is not None else "the details went to stderr"


def one_line(error: BaseException) -> str:
    """An unexpected error in a few words: its type and the first line of its text."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0][:200]}" if text else type(error).__name__


def log_start(command: str, data_dir: Path | None) -> None:
    log.info("factcheck %s: %s, data folder %s", __version__, command, data_dir or "(default)")
    log.debug("Python %s on %s; argv %s", platform.python_version(), platform.platform(), sys.argv)
