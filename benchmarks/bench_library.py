"""The library filter, keystroke by keystroke, at several corpus sizes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_library.py \
        [--sizes 1000,10000,50000] [--words ministry,recruits]

Each size is a data folder from ``benchmarks/generate.py`` (N articles x 10 annotations,
made once and cached). The library panel (the real widget, 400x800, shown offscreen) types
each word a letter at a time; for each keystroke:
  * gui: time the GUI thread spends on it: the key press (restarts the debounce timer),
    then showing its listing (the tree starts again, batches re-expanded, the visible rows
    read and painted); the reading itself runs on the panel's background thread;
  * end-to-end: from the key press to its results painted, the 120 ms debounce included.
Baseline, same run, same rows: a QStandardItemModel of batches and articles behind a
QSortFilterProxyModel (recursive, case-insensitive, every column), as the library was
filtered before: setFilterFixedString, re-expand, paint. It matches titles, outlets and
dates only; the panel also searches the article text.
Aim (issue 12): < 30 ms on the GUI thread per keystroke at 50k, flat in the corpus size.
Times are medians over the keystrokes (gui: wall clock; cpu: the GUI thread's own CPU
time, which a busy shared machine inflates less); compare the ratios.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import cached_folder  # noqa: E402
from PySide6.QtCore import QSortFilterProxyModel, Qt  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTreeView  # noqa: E402
from suite import Workload, quick  # noqa: E402

from factcheck_gui.services.workspace import open_workspace  # noqa: E402
from factcheck_gui.ui.library.library import AUTO_EXPAND_ROWS, LibraryPanel  # noqa: E402


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def bench_panel(folder: Path, words: list[str]) -> dict[str, float]:
    workspace = open_workspace(folder, samples=False, may_change=False)
    panel = LibraryPanel(library=workspace.library)
    panel.resize(400, 800)
    panel.show()
    began = time.perf_counter()
    panel.load()
    QApplication.processEvents()
    panel.tree.viewport().repaint()
    first = time.perf_counter() - began
    panel.reader.wait_idle(60)
    QApplication.processEvents()  # the batches' counts

    shown_at: list[float] = []
    applying: list[float] = []
    original = panel._read_done
    panel.reader.done.disconnect(panel._read_done)

    applying_cpu: list[float] = []

    def timed(ticket: int, read: object) -> None:
        t0, c0 = time.perf_counter(), time.thread_time()
        before = panel.listed_count  # type: ignore[attr-defined]
        original(ticket, read)
        panel.tree.viewport().repaint()
        if panel.listed_count > before:  # type: ignore[attr-defined]
            applying.append(time.perf_counter() - t0)
            applying_cpu.append(time.thread_time() - c0)
            shown_at.append(time.perf_counter())

    panel.listed_count = 0  # type: ignore[attr-defined]
    panel.listed.connect(lambda: setattr(panel, "listed_count", panel.listed_count + 1))  # type: ignore[attr-defined]
    panel.reader.done.connect(timed)

    keys: list[float] = []
    gui: list[float] = []
    cpu: list[float] = []
    ends: list[float] = []
    for word in words:
        panel.filter.clear()
        wait_shown(panel)
        for char in word:
            count = len(shown_at)
            t0, c0 = time.perf_counter(), time.thread_time()
            QTest.keyClicks(panel.filter, char)
            keys.append(time.perf_counter() - t0)
            key_cpu = time.thread_time() - c0
            wait_shown(panel)
            if len(shown_at) > count:
                gui.append(keys[-1] + applying[-1])
                cpu.append(key_cpu + applying_cpu[-1])
                ends.append(shown_at[-1] - t0)
    rows = sum(panel.model.rowCount(panel.model.index(r, 0)) for r in range(panel.model.rowCount()))
    panel.shutdown()
    panel.close()
    workspace.close()
    return {
        "first_show_ms": ms(first),
        "gui_ms": ms(statistics.median(gui)),
        "cpu_ms": ms(statistics.median(cpu)),
        "gui_max_ms": ms(max(gui)),
        "key_ms": ms(statistics.median(keys)),
        "end_to_end_ms": ms(statistics.median(ends)),
        "rows_laid_out_last": rows,
    }


def wait_shown(panel: LibraryPanel) -> None:
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline:
        QApplication.processEvents()
        if not panel.busy:
            QApplication.processEvents()
            return
        time.sleep(0.002)
    raise RuntimeError("the listing never came")


def bench_baseline(folder: Path, words: list[str]) -> dict[str, float]:
    """The same rows in a QStandardItemModel behind a QSortFilterProxyModel."""
    workspace = open_workspace(folder, samples=False, may_change=False)
    batches = workspace.library.batches()
    workspace.close()
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(["Title", "Outlet", "Date", "Notes"])
    for b in batches:
        row = [QStandardItem(b.batch.name), QStandardItem(""), QStandardItem("")]
        row.append(QStandardItem(str(sum(a.annotations for a in b.articles))))
        for a in b.articles:
            published = a.published.isoformat() if a.published else ""
            cells = [a.title, a.outlet or "", published, str(a.annotations)]
            row[0].appendRow([QStandardItem(c) for c in cells])
        model.appendRow(row)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setRecursiveFilteringEnabled(True)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    tree = QTreeView()
    tree.setUniformRowHeights(True)
    tree.setModel(proxy)
    tree.resize(400, 800)
    tree.show()
    QApplication.processEvents()

    def expand() -> None:
        for r in range(proxy.rowCount()):
            index = proxy.index(r, 0)
            if proxy.rowCount(index) <= AUTO_EXPAND_ROWS:
                tree.expand(index)

    times: list[float] = []
    cpu: list[float] = []
    for word in words:
        proxy.setFilterFixedString("")
        for n in range(1, len(word) + 1):
            t0, c0 = time.perf_counter(), time.thread_time()
            proxy.setFilterFixedString(word[:n])
            expand()
            tree.viewport().repaint()
            times.append(time.perf_counter() - t0)
            cpu.append(time.thread_time() - c0)
    tree.close()
    return {
        "gui_ms": ms(statistics.median(times)),
        "cpu_ms": ms(statistics.median(cpu)),
        "gui_max_ms": ms(max(times)),
    }


def workloads(size: int, folder: Path) -> list[Workload]:
    """For ``run.py``: typing the words, the baseline proxy model first; each run's figure is
    the median GUI-thread time per keystroke (aim: < 30 ms at 50k, flat in the corpus)."""
    QApplication.instance() or QApplication([])
    words = ["min"] if quick() else ["ministry", "recruits"]

    def seconds(figures: dict[str, float]) -> dict[str, float]:
        return {"seconds": figures["gui_ms"] / 1000, **figures}

    return [
        Workload(
            "proxy model: GUI time per keystroke",
            lambda: seconds(bench_baseline(folder, words)),
            baseline=True,
        ),
        Workload(
            "library panel: GUI time per keystroke", lambda: seconds(bench_panel(folder, words))
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--words", default="ministry,recruits")
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    words = args.words.split(",")
    print(f"typing {', '.join(words)} a letter at a time; medians per keystroke")
    header = (
        f"{'articles':>9} {'panel gui':>10} {'(max)':>8} {'cpu':>8} {'end-to-end':>11} "
        f"{'baseline gui':>13} {'(max)':>8} {'cpu':>8} {'ratio':>6} {'first show':>11}"
    )
    print(header)
    for size in (int(s) for s in args.sizes.split(",")):
        folder = cached_folder(size)
        panel = bench_panel(folder, words)
        base = bench_baseline(folder, words)
        ratio = base["gui_ms"] / panel["gui_ms"] if panel["gui_ms"] else float("inf")
        print(
            f"{size:>9} {panel['gui_ms']:>8} ms {panel['gui_max_ms']:>5} ms "
            f"{panel['cpu_ms']:>5} ms {panel['end_to_end_ms']:>8} ms "
            f"{base['gui_ms']:>10} ms {base['gui_max_ms']:>5} ms {base['cpu_ms']:>5} ms "
            f"{ratio:>5.1f}x {panel['first_show_ms']:>8} ms",
            flush=True,
        )


if __name__ == "__main__":
    main()
