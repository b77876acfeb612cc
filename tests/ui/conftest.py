"""GUI fixtures: a real main window on a temporary data folder, offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from factcheck_gui.services.workspace import Workspace, open_workspace
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.panes.article_view import ArticleTextView
from factcheck_gui.ui.window.launch import create_main_window
from factcheck_gui.ui.window.main_window import MainWindow


@pytest.fixture(autouse=True)
def reviewer_answered(monkeypatch: pytest.MonkeyPatch) -> None:
    """``factcheck gui`` on a new data folder asks the reviewer's name (ui/window/first_start);
    a test that starts it answers with the login name unless it answers otherwise."""
    monkeypatch.setattr(dialogs, "ask_reviewer", lambda **kw: kw["suggested"] or None)


@pytest.fixture
def open_window(qtbot, data_dir: Path) -> Iterator[Callable[..., MainWindow]]:  # noqa: ANN001
    """Open the window as a user would: on a first start, the first two samples side by side
    (``annotated``: with our annotations of the samples, as a real first start has them)."""
    opened: list[tuple[MainWindow, Workspace]] = []

    def factory(*, annotated: bool = False) -> MainWindow:
        workspace = open_workspace(data_dir, sample_annotations=annotated)
        window = create_main_window(workspace)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.waitUntil(lambda: window.comparing.ready)  # read off the GUI thread at start
        opened.append((window, workspace))
        return window

    yield factory
    for window, workspace in opened:
        window.close()
        workspace.close()


@pytest.fixture
def window(open_window: Callable[[], MainWindow]) -> MainWindow:
    return open_window()


def select_text(view: ArticleTextView, quote: str) -> None:
    """Select the first occurrence of ``quote``, as the user's drag would."""
    found: QTextCursor = view.document().find(quote, 0, QTextDocument.FindFlag.FindCaseSensitively)
    assert not found.isNull(), f"{quote!r} is not in the article"
    view.setFocus()
    view.setTextCursor(found)


def tag(qtbot, view: ArticleTextView, quote: str, key: Qt.Key) -> None:  # noqa: ANN001
    """Select ``quote`` and press ``key`` (C, F or A), as a reviewer tags a span."""
    select_text(view, quote)
    qtbot.keyClick(view, key)


def stored(window: MainWindow, article_id: int) -> list:
    return window.services.annotations.for_article(article_id)


def compared(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """Wait, as a reviewer would, until the comparison shows the edits just made (they are
    applied once edits pause)."""
    qtbot.waitUntil(lambda: window.comparing.settled)
