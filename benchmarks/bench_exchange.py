"""Importing a large batch and exporting a large annotation set.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_exchange.py [--articles 10000]

Measures, in one run on this machine:
  * import: 10,000 .txt articles (about 30 MB) through `import_articles` into a new database,
    against a plain sqlite3 `executemany` of the same rows into the same table (baseline);
    aim: within 4x of the baseline and under 15 s;
  * responsiveness: the same import started from the window (worker thread, progress
    dialog); the longest gap between 10 ms timer ticks on the GUI thread; aim: < 100 ms;
  * export: 100,000 annotations as native JSON; aim: under 5 s.

In the suite (``run.py``), ``workloads(size, folder)`` measures the same at each size: N
articles imported (against the executemany baseline), the window's import (its longest
stall as a figure), and the export of the generated folder's N x 10 annotations against
reading the same rows with sqlite3 and writing them with ``json.dumps``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from corpus import WORDS  # noqa: E402
from suite import Workload, Workloads  # noqa: E402

from factcheck_gui.importers.plaintext import read_plain_text  # noqa: E402
from factcheck_gui.services.exporting import export  # noqa: E402
from factcheck_gui.services.importing import import_articles  # noqa: E402
from factcheck_gui.services.workspace import open_workspace  # noqa: E402
from factcheck_gui.storage.tables import AnnotationRow  # noqa: E402


def write_articles(folder: Path, count: int, rng: random.Random) -> int:
    folder.mkdir(parents=True)
    size = 0
    for i in range(count):
        body = " ".join(rng.choice(WORDS) for _ in range(450))
        text = f"Headline number {i}: {rng.choice(WORDS)}\n\n{body}.\n\nSource : Wire {i % 7}\n"
        (folder / f"{i:05}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode())
    return size


def baseline(folder: Path, database: Path) -> float:
    """The same rows into the same table with sqlite3 alone (files read beforehand)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())]
    rows = []
    for path, text in zip(sorted(folder.iterdir()), texts, strict=True):
        draft = read_plain_text(text, source_name=path.name)
        digest = hashlib.sha256(text.encode()).hexdigest()
        rows.append((1, draft.title, draft.outlet, text, digest, path.name))
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute(
        "CREATE TABLE article (id INTEGER PRIMARY KEY, batch_id INTEGER, title TEXT, outlet TEXT,"
        " text TEXT, sha256 TEXT UNIQUE, source_name TEXT)"
    )
    began = time.perf_counter()
    with connection:
        connection.executemany(
            "INSERT INTO article (batch_id, title, outlet, text, sha256, source_name) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
    elapsed = time.perf_counter() - began
    connection.close()
    return elapsed


def measure_import(folder: Path, data_dir: Path) -> tuple[float, int]:
    workspace = open_workspace(data_dir, samples=False)
    began = time.perf_counter()
    report = import_articles(workspace.library, [folder], batch_name="bench")
    elapsed = time.perf_counter() - began
    workspace.close()
    return elapsed, len(report.imported)


def measure_gui_import(folder: Path, data_dir: Path) -> tuple[float, float]:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from factcheck_gui.ui.common.context import AppContext
    from factcheck_gui.ui.dialogs import dialogs
    from factcheck_gui.ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    dialogs.report = lambda **kw: None  # no one to press OK in a benchmark
    workspace = open_workspace(data_dir, samples=False)
    window = MainWindow(AppContext(workspace), settings_dir=None)
    window.show()
    for _ in range(5):  # the first layout and paint are not part of the import
        app.processEvents()
        time.sleep(0.05)
    clock = QElapsedTimer()
    clock.start()
    gaps = {"last": 0, "max": 0}

    def tick() -> None:
        now = clock.elapsed()
        gaps["max"] = max(gaps["max"], now - gaps["last"])
        gaps["last"] = now

    timer = QTimer(interval=10, timeout=tick)
    loop = QEventLoop()
    window.exchange.jobEnded.connect(lambda: QTimer.singleShot(200, loop.quit))
    began = time.perf_counter()
    timer.start()
    gaps["last"] = clock.elapsed()
    window.exchange.import_paths([folder])
    loop.exec()
    timer.stop()
    elapsed = time.perf_counter() - began
    window.close()
    workspace.close()
    app.processEvents()
    return elapsed, gaps["max"]


def measure_export(data_dir: Path, annotations: int, out: Path) -> tuple[float, int]:
    workspace = open_workspace(data_dir, samples=False)
    article_ids = [s.id for s in workspace.library.summaries()]
    now = datetime.now(UTC)
    rows = []
    for i in range(annotations):
        article_id = article_ids[i % len(article_ids)]
        start = (i * 7) % 2000
        rows.append(
            {
                "id": str(uuid.uuid4()),
                "article_id": article_id,
                "start": start,
                "end": start + 9,
                "quote": "quote 123",
                "prefix": "before ",
                "suffix": " after",
                "kind": "figure",
                "verdict": "accurate",
                "note": "a short note",
                "reviewer": "bench",
                "created": now,
                "modified": now,
                "speaker": None,
                "target_id": None,
                "orphaned": False,
            }
        )
    with workspace.db.transaction() as session:
        session.execute(AnnotationRow.__table__.insert(), rows)
    began = time.perf_counter()
    report = export(workspace, out)
    elapsed = time.perf_counter() - began
    workspace.close()
    return elapsed, report.annotations


def workloads(size: int, folder: Path) -> Workloads:
    import json

    import generate

    root = Path(tempfile.mkdtemp(prefix=f"factcheck-exchange-{size}-"))
    articles = root / "articles"
    write_articles(articles, size, random.Random(4))
    exported = generate.fresh_copy(size, root / "exported")  # export only reads it
    fresh: dict[str, Path] = {}

    def new_place(name: str) -> Callable[[], None]:
        def make() -> None:
            target = root / name
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir()
            fresh[name] = target

        return make

    def import_ours() -> float:
        return measure_import(articles, fresh["import"] / "data")[0]

    def import_window() -> dict[str, float]:
        seconds, gap = measure_gui_import(articles, fresh["gui"] / "data")
        return {"seconds": seconds, "longest_stall_ms": gap}

    def export_ours() -> dict[str, float]:
        workspace = open_workspace(exported, samples=False)
        try:
            began = time.perf_counter()
            report = export(workspace, root / "set.json")
            return {"seconds": time.perf_counter() - began, "annotations": report.annotations}
        finally:
            workspace.close()

    def export_baseline() -> dict[str, float]:
        began = time.perf_counter()
        connection = sqlite3.connect(exported / "factcheck.sqlite3")
        connection.row_factory = sqlite3.Row
        rows = [dict(r) for r in connection.execute("SELECT * FROM annotation")]
        connection.close()
        (root / "plain.json").write_text(json.dumps(rows, default=str))
        return {"seconds": time.perf_counter() - began, "annotations": len(rows)}

    return Workloads(
        [
            Workload(
                "sqlite3 executemany of the articles",
                lambda: baseline(articles, fresh["base"] / "baseline.sqlite3"),
                baseline=True,
                setup=new_place("base"),
            ),
            Workload(
                f"import {size:,} .txt articles", import_ours, setup=new_place("import"), aim=4.0
            ),
            Workload(
                "the same from the window (worker thread)",
                import_window,
                setup=new_place("gui"),
            ),
            Workload("sqlite3 rows to json.dumps", export_baseline, baseline=True),
            Workload(
                f"export {size * 10:,} annotations (native JSON)",
                export_ours,
                compare_to="sqlite3 rows to json.dumps",
            ),
        ],
        close=lambda: shutil.rmtree(root, ignore_errors=True),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--annotations", type=int, default=100_000)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    try:
        folder = root / "articles"
        size = write_articles(folder, args.articles, random.Random(4))
        base = baseline(folder, root / "baseline.sqlite3")
        ours, imported = measure_import(folder, root / "import")
        gui_seconds, worst_gap = measure_gui_import(folder, root / "gui")
        export_seconds, exported = measure_export(
            root / "import", args.annotations, root / "set.json"
        )
        print(f"import: {imported:,} articles, {size / 2**20:.1f} MiB of text")
        print(f"  sqlite3 executemany (baseline)   {base:7.2f} s")
        print(
            f"  import_articles                  {ours:7.2f} s   {ours / base:5.1f}x baseline"
            "   (aim: <= 4x, < 15 s)"
        )
        print(
            f"  from the window (worker thread)  {gui_seconds:7.2f} s   longest GUI stall "
            f"{worst_gap} ms   (aim: < 100 ms)"
        )
        print(
            f"export: {exported:,} annotations as native JSON  {export_seconds:7.2f} s"
            "   (aim: < 5 s)"
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
