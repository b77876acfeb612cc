"""The crash hook: an error nobody caught is logged and shown once, naming the log file."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, Signal

from factcheck_gui.logs import LOG_FILE, setup_logging
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.dialogs.crash import CrashReporter


class Emitter(QObject):
    fired = Signal()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    calls: list[dict] = []

    def record(**kw: object) -> None:
        calls.append({**kw, "thread": threading.current_thread()})

    monkeypatch.setattr(dialogs, "crash", record)
    return calls


@pytest.fixture
def reporter(log_dir: Path) -> Iterator[CrashReporter]:
    setup_logging("info")
    hooks = (sys.excepthook, threading.excepthook)
    crashes = CrashReporter()
    crashes.install()
    yield crashes
    crashes.uninstall()
    assert (sys.excepthook, threading.excepthook) == hooks


def broken_slot() -> None:
    raise ValueError("the slot broke")


def test_a_slot_that_raises_is_logged_and_shown_naming_the_log_file(
    qtbot,  # noqa: ANN001
    reporter: CrashReporter,
    shown: list[dict],
    log_dir: Path,
) -> None:
    emitter = Emitter()
    emitter.fired.connect(broken_slot)
    emitter.fired.emit()  # PySide6 hands the error to sys.excepthook and carries on
    qtbot.waitUntil(lambda: len(shown) == 1)
    text = shown[0]["text"]
    assert "ValueError: the slot broke" in text
    assert "already saved is safe" in text and str(log_dir / LOG_FILE) in text
    assert "Traceback" in shown[0]["details"]
    logged = (log_dir / LOG_FILE).read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged and "ValueError: the slot broke" in logged
    assert "in broken_slot" in logged


def test_a_storm_of_the_same_error_shows_one_dialog_and_logs_each_one_line(
    qtbot,  # noqa: ANN001
    reporter: CrashReporter,
    shown: list[dict],
    log_dir: Path,
) -> None:
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(broken_slot)  # a broken slot on a timer raises again and again
    timer.start()
    qtbot.waitUntil(lambda: reporter.suppressed >= 20)
    timer.stop()
    qtbot.wait(20)
    assert len(shown) == 1
    logged = (log_dir / LOG_FILE).read_text(encoding="utf-8")
    assert logged.count("ValueError: the slot broke") >= 21  # every one, the first in full
    assert logged.count("Traceback") == 1 and "unexpected error again, " in logged


def test_no_dialog_opens_while_one_is_open(
    qtbot,  # noqa: ANN001
    reporter: CrashReporter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []

    def nested(**kw: object) -> None:  # a modal dialog runs the event loop: more errors come
        calls.append(str(kw["text"]))
        emitter = Emitter()
        emitter.fired.connect(lambda: 1 / 0)
        emitter.fired.emit()
        qtbot.wait(20)

    monkeypatch.setattr(dialogs, "crash", nested)
    emitter = Emitter()
    emitter.fired.connect(broken_slot)
    emitter.fired.emit()
    qtbot.waitUntil(lambda: len(calls) == 1)
    qtbot.wait(20)
    assert len(calls) == 1 and reporter.suppressed == 1


def test_a_thread_that_raises_is_logged_and_shown_from_the_main_thread(
    qtbot,  # noqa: ANN001
    reporter: CrashReporter,
    shown: list[dict],
    log_dir: Path,
) -> None:
    def work() -> None:
        raise OSError("the worker broke")

    worker = threading.Thread(target=work, name="worker-1")
    worker.start()
    worker.join()
    logged = (log_dir / LOG_FILE).read_text(encoding="utf-8")
    assert "unexpected error in thread worker-1" in logged
    assert "OSError: the worker broke" in logged and "Traceback" in logged
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown[0]["thread"] is threading.main_thread()
    assert "OSError: the worker broke" in shown[0]["text"]
