"""The reviewer's name, asked once on a first start (prefilled with the login name, stored in
the preferences, never asked headless), and changed in Preferences."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from factcheck_gui.cli import main
from factcheck_gui.services.workspace import open_workspace
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.dialogs.dialogs import ask_reviewer  # the real one, not conftest's answer
from factcheck_gui.ui.window.main_window import MainWindow
from tests.ui.conftest import stored, tag


@pytest.fixture
def quick_gui(monkeypatch: pytest.MonkeyPatch) -> list[MainWindow]:
    """``factcheck gui`` that returns once its window is up (closing it, as a user quits)."""
    windows: list[MainWindow] = []

    def exec_(*_args: object) -> int:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                windows.append(widget)
                widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_)
    return windows


def test_the_first_start_asks_the_reviewers_name_and_the_second_does_not(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, quick_gui: list[MainWindow]
) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "ann")
    asked: list[str] = []
    monkeypatch.setattr(
        dialogs, "ask_reviewer", lambda **kw: asked.append(kw["suggested"]) or "  Ann   Example "
    )
    assert main(["gui"]) == 0
    assert asked == ["ann"], "asked once, the login name typed in"
    assert "signed Ann Example" in quick_gui[0].statusBar().currentMessage()
    assert main(["gui"]) == 0
    assert asked == ["ann"], "not asked again"
    workspace = open_workspace(data_dir)
    try:
        assert workspace.preferences.reviewer == "Ann Example"
    finally:
        workspace.close()


def test_a_cancelled_question_keeps_the_login_name_and_is_not_asked_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, quick_gui: list[MainWindow]
) -> None:
    def no_login() -> str:
        raise OSError("no login name")

    monkeypatch.setattr(getpass, "getuser", no_login)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_reviewer", lambda **kw: asked.append(kw["suggested"]))
    assert main(["gui"]) == 0
    assert main(["gui"]) == 0
    assert asked == [""], "nothing to prefill, asked once"
    workspace = open_workspace(data_dir)
    try:
        assert workspace.preferences.reviewer_chosen
        assert workspace.preferences.reviewer == "reviewer"
    finally:
        workspace.close()


def test_headless_starts_never_ask(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.setattr(dialogs, "ask_reviewer", lambda **kw: pytest.fail("asked headless"))
    assert main(["gui", "--screenshot", str(tmp_path / "shot.png")]) == 0
    assert main(["list"]) == 0
    capsys.readouterr()
    workspace = open_workspace(data_dir)
    try:
        assert not workspace.preferences.reviewer_chosen, "still to be asked in the window"
    finally:
        workspace.close()


def test_preferences_change_the_name_asked_on_the_first_start(
    window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck_gui.ui.window.first_start import ask_reviewer_once

    monkeypatch.setattr(dialogs, "ask_reviewer", lambda **kw: "Ann")
    ask_reviewer_once(window)
    tag(qtbot, window.panes.panes[0].view, "about 280,000 people", Qt.Key.Key_F)
    assert [a.reviewer for a in stored(window, 1)] == ["Ann"], "signed with the answer"
    seen: dict = {}
    monkeypatch.setattr(
        dialogs,
        "ask_preferences",
        lambda **kw: seen.update(kw) or dialogs.PreferencesAnswer("Bea", "", 10),
    )
    window.actions_.preferences.trigger()
    assert seen["reviewer"] == "Ann" and window.services.preferences.reviewer == "Bea"
    monkeypatch.setattr(dialogs, "ask_reviewer", lambda **kw: pytest.fail("asked again"))
    ask_reviewer_once(window)


def test_the_welcome_dialog_is_prefilled_and_needs_a_name(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

    seen: dict[str, Any] = {}

    def as_a_user(self: QDialog) -> int:
        name = self.findChild(QLineEdit, "reviewerName")
        start = self.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        seen["prefilled"], seen["selected"] = name.text(), name.selectedText()
        name.clear()
        seen["empty allowed"] = start.isEnabled()
        qtbot.keyClicks(name, "   ")
        seen["blank allowed"] = start.isEnabled()
        name.setText("Ann Example")
        start.click()
        return self.result()

    monkeypatch.setattr(QDialog, "exec", as_a_user)
    assert ask_reviewer(parent=None, suggested="ann") == "Ann Example"  # type: ignore[arg-type]
    assert seen == {
        "prefilled": "ann",
        "selected": "ann",
        "empty allowed": False,
        "blank allowed": False,
    }
