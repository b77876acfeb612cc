"""Start-up: from launching ``factcheck gui`` to its window painted, and to its window ready,
against a bare PySide6 QMainWindow started the same way in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run.py --only startup

Each run is a child process: the application on a copy of a generated data folder (N
articles, 10 annotations each; a returning reviewer's, with its own config and log
folders), or the baseline (import PySide6, a QApplication, a 1400x900 QMainWindow). Both
report the time from the parent's launch to the end of the window's first paint (an
application-wide event filter sees the first Paint event of the main window; a zero timer
after it fires once that paint is done), and their peak resident memory. The application
also reports ``ready_seconds``: until the window is built over its database, its library
listed and its comparison read (polled every 5 ms). The window's frame is painted while the
database layer loads and the database opens on a thread (ui/window/launch.py), so the first
paint no longer waits for either. Aim (issue 12): at most 2x the baseline at 10,000
articles, 3x at 50,000. Also measured: the floor (the bare window after importing SQLAlchemy
and SQLModel, which the window's database layer needs), and the import time of the CLI and
of the main window's module against ``python -c pass``. Run on its own,
``bench_startup.py --child app FOLDER`` (or ``bare``, ``floor``) is one such child.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from suite import STARTED_ENV, Workload, Workloads, peak_rss_mib, python  # noqa: E402

AIMS = {1_000: 2.0, 10_000: 2.0, 50_000: 3.0}


def workloads(size: int, folder: Path) -> Workloads:
    import generate

    root = Path(tempfile.mkdtemp(prefix=f"factcheck-startup-{size}-"))
    data = generate.fresh_copy(size, root / "data")  # the window writes its layout, backups
    returning_reviewer(data)
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "FACTCHECK_CONFIG_DIR": str(root / "config"),
        "FACTCHECK_LOG_DIR": str(root / "logs"),
        "PYTHONDONTWRITEBYTECODE": "",  # as installed: compiled once, not at every start
    }
    me = str(Path(__file__).resolve())
    return Workloads(
        [
            Workload(
                "bare QMainWindow painted", python(me, "--child", "bare"), baseline=True, env=env
            ),
            Workload(
                "factcheck gui painted",
                python(me, "--child", "app", str(data)),
                env=env,
                aim=AIMS.get(size),
            ),
            # What no start of ours can go below while the window needs the database layer:
            # the bare window after importing SQLAlchemy and SQLModel (and pydantic).
            Workload("floor: bare + SQLModel imported", python(me, "--child", "floor"), env=env),
            # Module import times, against the interpreter starting with nothing to import.
            Workload(
                "python, nothing imported", python(me, "--child", "import"), baseline=True, env=env
            ),
            *(
                Workload(
                    f"import {module}",
                    python(me, "--child", "import", module),
                    compare_to="python, nothing imported",
                    env=env,
                )
                for module in ("factcheck_gui.cli", "factcheck_gui.ui.window.main_window")
            ),
        ],
        close=lambda: shutil.rmtree(root, ignore_errors=True),
    )


def returning_reviewer(data: Path) -> None:
    """A returning reviewer's start: the name asked on a first start is already stored.
    (Without it the window opens its modal question; the first paint happens inside that
    dialog's event loop, the quit ends the dialog, and the window then runs on for ever.)"""
    from factcheck_gui.services.workspace import open_workspace

    workspace = open_workspace(data, samples=False)
    try:
        workspace.preferences.set_reviewer("Benchmark")
    finally:
        workspace.close()


def child(kind: str, folder: Path | None) -> int:
    """One start: the figures as the last line of output, then quit."""
    if kind == "import":  # the parent times the process; only its memory is said here
        if folder is not None:
            importlib.import_module(str(folder))
        print(json.dumps({"peak_rss_mib": peak_rss_mib()}))
        return 0
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    app = QApplication([sys.argv[0]])

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            paint = not self.seen and event.type() == QEvent.Type.Paint
            if paint and isinstance(watched, QWidget) and isinstance(watched.window(), QMainWindow):
                self.seen = True
                QTimer.singleShot(0, painted)  # after this round of painting
            return False

    started = float(os.environ.get(STARTED_ENV, "nan"))
    figures: dict[str, float] = {}

    def painted() -> None:
        figures["seconds"] = time.monotonic() - started
        figures["painted_rss_mib"] = peak_rss_mib()
        if kind in ("bare", "floor"):
            done()
        else:  # then the window over its database, its library listed, its comparison read
            ready.start()

    def is_ready() -> None:
        from factcheck_gui.ui.window.main_window import MainWindow

        for window in app.topLevelWidgets():
            if isinstance(window, MainWindow) and window.attached:
                listed = window.library.model.rowCount() > 0 and not window.library.busy
                if listed and window.comparing.ready:
                    ready.stop()
                    figures["ready_seconds"] = time.monotonic() - started
                    done()

    def done() -> None:
        figures["peak_rss_mib"] = peak_rss_mib()
        print(json.dumps(figures), flush=True)
        app.quit()

    ready = QTimer()
    ready.setInterval(5)
    ready.timeout.connect(is_ready)

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    if kind == "floor":
        import sqlalchemy  # noqa: F401
        import sqlmodel  # noqa: F401
    if kind in ("bare", "floor"):
        window = QMainWindow()
        window.resize(1400, 900)
        window.show()
        return app.exec()
    from factcheck_gui.cli import main

    return main(["gui", "--data-dir", str(folder), "--no-samples"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", choices=("app", "bare", "floor", "import"), required=True)
    parser.add_argument("folder", nargs="?", type=Path, help="the data folder (or module)")
    args = parser.parse_args()
    os.environ.setdefault(STARTED_ENV, str(time.monotonic()))
    return child(args.child, args.folder)


if __name__ == "__main__":
    raise SystemExit(main())
