"""One window per data folder: a second start is refused and brings the first forward."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from factcheck_gui.cli import main
from factcheck_gui.services.ownership import FolderBusy, FolderOwner
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.window import beacon
from factcheck_gui.ui.window.beacon import WindowBeacon, ask_to_come_forward, server_name


@pytest.fixture
def notices(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "notice", lambda **kw: shown.append(kw["text"]))
    return shown


@pytest.fixture
def brought_forward(monkeypatch: pytest.MonkeyPatch) -> list[QWidget]:
    raised: list[QWidget] = []
    real = beacon.bring_forward

    def record(window: QWidget) -> None:
        raised.append(window)
        real(window)

    monkeypatch.setattr(beacon, "bring_forward", record)
    return raised


@pytest.fixture
def running_window(window, data_dir: Path) -> Iterator[QWidget]:  # noqa: ANN001
    """A window that owns its data folder and listens, as ``factcheck gui`` leaves it."""
    owner = FolderOwner(data_dir, role="gui", command="gui")
    owner.acquire()
    listening = WindowBeacon(server_name(data_dir), window)
    assert listening.listen()
    yield window
    listening.close()
    owner.release()


def test_a_second_window_is_refused_and_brings_the_first_forward(
    running_window: QWidget,
    data_dir: Path,
    notices: list[str],
    brought_forward: list[QWidget],
    capsys: pytest.CaptureFixture[str],
) -> None:
    running_window.showMinimized()
    spelled_otherwise = data_dir / ".." / "data"
    assert main(["gui", "--data-dir", str(spelled_otherwise)]) == 1
    message = f"factcheck is already open on {spelled_otherwise}; its window was brought forward"
    assert capsys.readouterr().err == f"factcheck: {message}\n"
    assert notices == [message]
    assert brought_forward == [running_window]
    assert not running_window.isMinimized()
    assert QApplication.topLevelWidgets().count(running_window) == 1  # no second window


def test_a_window_that_cannot_be_reached_is_still_named(
    window,  # noqa: ANN001
    data_dir: Path,
    notices: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    with FolderOwner(data_dir, role="gui", command="gui"):  # holds the folder, not listening
        assert main(["gui"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the factcheck window (pid" in err
    assert f"already has {data_dir} open; switch to it, or close it first" in err
    assert len(notices) == 1


def test_a_window_started_while_a_command_writes_says_so_and_exits(
    workspace,  # noqa: ANN001
    data_dir: Path,
    notices: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    with FolderOwner(data_dir, role="cli", command="import"):
        assert main(["gui"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "the command `factcheck import` (pid" in err and f"is writing to {data_dir}" in err
    assert "then start factcheck again" in err
    assert notices and "is writing to" in notices[0]


def test_nobody_listening_is_no_answer() -> None:
    assert not ask_to_come_forward("factcheck-test-nobody-listens", timeout_ms=500)


def test_the_window_holds_the_folder_and_the_crash_hook_for_its_life(
    workspace,  # noqa: ANN001
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hooks = sys.excepthook
    seen: dict[str, object] = {}

    def look_then_close() -> None:
        try:
            FolderOwner(data_dir, role="cli", command="import").acquire()
        except FolderBusy as busy:
            seen["holder"] = busy.holder
        seen["hook"] = sys.excepthook
        seen["forward"] = ask_to_come_forward(server_name(data_dir), timeout_ms=2000)
        for widget in QApplication.topLevelWidgets():
            widget.close()

    QTimer.singleShot(300, look_then_close)
    monkeypatch.setattr(dialogs, "crash", lambda **kw: seen.setdefault("crash", kw))
    workspace.close()
    assert main(["gui"]) == 0
    holder = seen["holder"]
    assert getattr(holder, "role", None) == "gui"
    assert seen["hook"] is not hooks and "crash" not in seen
    assert seen["forward"] is True
    assert sys.excepthook is hooks
    with FolderOwner(data_dir, role="cli", command="import") as after:
        assert after.held
