"""``factcheck gui`` paints its window before the database layer has loaded, opens the
database on a thread meanwhile, and then builds the window over it (ui/window/launch.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from factcheck_gui.cli import main
from factcheck_gui.domain.errors import UserError
from factcheck_gui.services.workspace import open_workspace
from factcheck_gui.storage.database import DB_FILENAME
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.window import launch
from factcheck_gui.ui.window.launch import while_painting
from factcheck_gui.ui.window.main_window import MainWindow

# A start in a process of its own. At the window's first paint it notes whether the database
# is still being opened; once the library is listed it notes what the window shows, then
# closes it.
WATCHER = textwrap.dedent(
    """
    import json, sys, threading
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    app = QApplication([sys.argv[0]])
    seen = {}

    class Watcher(QObject):
        def eventFilter(self, watched, event):
            if "painted" not in seen and event.type() == QEvent.Type.Paint:
                if isinstance(watched, QWidget) and isinstance(watched.window(), QMainWindow):
                    window = watched.window()
                    opening = [t.name for t in threading.enumerate() if t.name == "opening"]
                    seen["painted"] = {
                        "opening": bool(opening),
                        "attached": getattr(window, "attached", None),
                        "title": window.windowTitle(),
                    }
                    ready.start()
            return False

    def is_ready():
        from factcheck_gui.ui.window.main_window import MainWindow
        for window in app.topLevelWidgets():
            if isinstance(window, MainWindow) and window.attached:
                if window.library.model.rowCount() and not window.library.busy:
                    ready.stop()
                    seen["ready"] = {
                        "batches": window.library.model.rowCount(),
                        "panes": [p.article_id is not None for p in window.panes.panes],
                    }
                    print(json.dumps(seen), flush=True)
                    window.close()

    ready = QTimer()
    ready.setInterval(10)
    ready.timeout.connect(is_ready)
    watcher = Watcher()
    app.installEventFilter(watcher)
    from factcheck_gui.cli import main
    sys.exit(main(["gui"]))
    """
)


def test_the_window_is_painted_before_the_database_layer_loads_then_filled(
    data_dir: Path, tmp_path: Path
) -> None:
    workspace = open_workspace(data_dir)  # the samples, and a reviewer (no first question)
    workspace.preferences.set_reviewer("Ann Example")
    workspace.close()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FACTCHECK_DATA_DIR": str(data_dir),
        "FACTCHECK_CONFIG_DIR": str(tmp_path / "config-of-the-child"),
        "FACTCHECK_LOG_DIR": str(tmp_path / "logs-of-the-child"),
    }
    done = subprocess.run(
        [sys.executable, "-c", WATCHER], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["painted"] == {"opening": True, "attached": False, "title": "factcheck"}, (
        "the frame is painted first, while the database layer loads and the database opens"
    )
    assert seen["ready"] == {"batches": 1, "panes": [True, True]}, "then the window is built"


def test_the_work_done_while_painting_gives_its_result_or_raises_its_error(
    qapp: QApplication,
) -> None:
    assert while_painting(lambda: 42) == 42

    def fails() -> int:
        raise UserError("the database is locked; close the other program")

    with pytest.raises(UserError, match="database is locked"):
        while_painting(fails)


def test_a_quit_while_the_database_opens_waits_for_the_opening(qapp: QApplication) -> None:
    def slow() -> str:
        time.sleep(0.3)
        return "opened"

    QTimer.singleShot(0, qapp.quit)
    started = time.monotonic()
    assert while_painting(slow) == "opened"
    assert time.monotonic() - started >= 0.3, "never left half-opened"


def test_closing_the_window_while_the_database_opens_ends_the_start(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_workspace(data_dir).close()
    shells: list[MainWindow] = []

    def closing_first(work):  # type: ignore[no-untyped-def]
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                shells.append(widget)
                widget.close()  # as the user does, while the database opens
        return while_painting(work)

    monkeypatch.setattr(launch, "while_painting", closing_first)
    monkeypatch.setattr(QApplication, "exec", lambda *_a: pytest.fail("the window ran on"))
    assert main(["gui"]) == 0
    assert len(shells) == 1
    assert shells[0].closed_early and not shells[0].attached


def _damage(data_dir: Path) -> None:
    workspace = open_workspace(data_dir)  # the samples, 38 annotations, and a backup of them
    workspace.backups.create()
    workspace.close()
    path = data_dir / DB_FILENAME
    data = bytearray(path.read_bytes())
    data[2 * 4096 : 5 * 4096] = b"\xa5" * (3 * 4096)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("answer", ["restore", "quit"])
def test_a_damaged_database_found_while_painting_is_asked_about_on_the_gui_thread(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    _damage(data_dir)
    damaged_bytes = (data_dir / DB_FILENAME).read_bytes()
    asked: list[str] = []
    shown: list[MainWindow] = []

    def offer(**kw: object) -> str:
        asked.append(str(kw["text"]))
        return answer

    def exec_(*_args: object) -> int:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible() and widget.attached:
                shown.append(widget)
                widget.close()
        return 0

    monkeypatch.setattr(dialogs, "offer_restore", offer)
    monkeypatch.setattr(dialogs, "ask_reviewer", lambda **kw: "Ann Example")
    monkeypatch.setattr(QApplication, "exec", exec_)
    assert main(["gui"]) == (0 if answer == "restore" else 1)
    assert len(asked) == 1 and "is damaged" in asked[0]
    moved = list(data_dir.glob(f"{DB_FILENAME}.damaged-*"))
    assert len(moved) == 1 and moved[0].read_bytes() == damaged_bytes, "moved aside, untouched"
    if answer == "restore":
        assert len(shown) == 1, "the window over the restored database"
        workspace = open_workspace(data_dir)
        try:
            assert sum(len(workspace.annotations.for_article(i)) for i in range(1, 6)) == 38
        finally:
            workspace.close()
    else:
        assert shown == [], "the user chose to quit: no window"
