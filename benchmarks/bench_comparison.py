"""The comparison at scale: generated libraries of N articles x 10 annotations, each with
one measure of 5,000 figures (benchmarks/generate.py).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_comparison.py \
        [--sizes 1000,10000,50000] [--repeat 5] [--skip-pairwise]

Measures at each size, with its baseline from the same run:
  * conflicts of the whole corpus: every pair checked (the old way) against the sweep over
    sorted ends, on the same intervals read beforehand; and what the window reads at start
    (``read_snapshot``: the aggregate summaries and each article's measures) off its thread;
  * the comparison's memory once loaded (tracemalloc, Python objects);
  * ``factcheck conflicts --json`` in a child process: wall time and peak RSS, against the
    same command on an empty database;
  * one figure edit in the 5,000-figure measure, open in the dock: the refresh (re-read the
    changed figure, sweep its measure, update the model and paint), against the write
    itself; aim < 50 ms;
  * a note edit's refresh (should be about nothing);
  * the window: shown, and its comparison filled, against a window on an empty database.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import median_ms  # noqa: E402
from generate import BIG_MEASURE, cached_folder, fresh_copy  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from factcheck_gui.domain.conflicts import Conflicts  # noqa: E402
from factcheck_gui.domain.intervals import disjoint  # noqa: E402
from factcheck_gui.domain.model import Verdict  # noqa: E402
from factcheck_gui.services.kept_comparison import Comparison, read_snapshot  # noqa: E402
from factcheck_gui.services.workspace import open_workspace  # noqa: E402
from factcheck_gui.ui.comparison.loader import FIRST_FIGURES, FIRST_GROUPS  # noqa: E402


class Span:
    __slots__ = ("high", "low")

    def __init__(self, low: float | None, high: float | None) -> None:
        self.low, self.high = low, high


def intervals(database: Path) -> dict[int, list[tuple[str, str | None, Span]]]:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    rows = connection.execute(
        "SELECT measure_id, id, unit, low, high FROM annotation WHERE kind = 'figure'"
        " AND orphaned = 0 AND value IS NOT NULL AND measure_id IS NOT NULL"
    ).fetchall()
    connection.close()
    out: dict[int, list[tuple[str, str | None, Span]]] = {}
    for measure, key, unit, low, high in rows:
        out.setdefault(measure, []).append((key, unit, Span(low, high)))
    return out


def pairwise(figures: list[tuple[str, str | None, Span]]) -> int:
    """The check as it was: every pair (``intervals.measure_status`` before the sweep)."""
    return sum(
        1
        for i, (_a, a_unit, a) in enumerate(figures)
        for _b, b_unit, b in figures[i + 1 :]
        if (a_unit == b_unit or a_unit is None or b_unit is None) and disjoint(a, b)
    )


def sweep(figures: list[tuple[str, str | None, Span]]) -> int:
    return Conflicts(figures).pair_count


def whole_corpus(folder: Path, copy: Path, args: argparse.Namespace) -> None:
    by_measure = intervals(folder / "factcheck.sqlite3")
    figures = sum(len(f) for f in by_measure.values())
    biggest = max(len(f) for f in by_measure.values())
    print(f"  {figures:,} figures in {len(by_measure):,} measures (largest {biggest:,})")
    began = time.perf_counter()
    swept = {m: Conflicts(f) for m, f in by_measure.items()}
    sweep_s = time.perf_counter() - began
    began = time.perf_counter()
    pairs = sum(c.pair_count for c in swept.values())
    count_s = time.perf_counter() - began
    print(f"  sweep, every measure's status          : {sweep_s * 1000:9.0f} ms")
    print(f"  sweep, every figure's count ({pairs:,} pairs): {count_s * 1000:9.0f} ms")
    if not args.skip_pairwise:
        began = time.perf_counter()
        old = sum(pairwise(f) for f in by_measure.values())
        old_s = time.perf_counter() - began
        assert old == pairs, (old, pairs)
        print(
            f"  every pair checked (baseline)          : {old_s * 1000:9.0f} ms "
            f"(sweep + counts: {(sweep_s + count_s) / old_s:.3f}x)"
        )
    workspace = open_workspace(copy, samples=False)
    try:
        read_ms = median_ms(
            lambda: read_snapshot(workspace.db, groups=FIRST_GROUPS, figures=FIRST_FIGURES),
            args.repeat,
        )
        tracemalloc.start()
        comparison = Comparison(workspace.db)
        comparison.load()
        held, _peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"  the window's start read (off its thread): {read_ms:8.0f} ms")
        print(
            f"  the comparison held once loaded        : {held / 2**20:9.1f} MiB "
            f"({len(comparison.summaries):,} measures)"
        )
    finally:
        workspace.close()


# The child reports its own peak (VmHWM: this program's, not the forking parent's, which
# the kernel's ru_maxrss of a child includes).
_CHILD = (
    "import atexit, sys\n"
    "def peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            sys.stderr.write('PEAK ' + line.split()[1] + '\\n')\n"
    "atexit.register(peak)\n"
    "from factcheck_gui.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def child(argv: list[str], data: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of ``factcheck ARGV`` in a child process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, "--data-dir", str(data), *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - began
    peak = next(line for line in done.stderr.splitlines() if line.startswith("PEAK "))
    return wall, int(peak.split()[1]) / 1024


def command_line(folder: Path, empty: Path, args: argparse.Namespace) -> None:
    runs = [child(["conflicts", "--json"], folder) for _ in range(max(1, args.repeat // 2))]
    base = [child(["conflicts", "--json"], empty) for _ in range(max(1, args.repeat // 2))]
    wall, rss = statistics.median(r[0] for r in runs), max(r[1] for r in runs)
    base_wall, base_rss = statistics.median(r[0] for r in base), max(r[1] for r in base)
    print(
        f"  factcheck conflicts --json             : {wall:9.2f} s, {rss:6.0f} MiB peak "
        f"(empty database: {base_wall:.2f} s, {base_rss:.0f} MiB; "
        f"{wall / base_wall:.2f}x, +{rss - base_rss:.0f} MiB)"
    )


def edits(folder: Path, args: argparse.Namespace, app: QApplication) -> None:
    from factcheck_gui.ui.comparison.dock import ComparisonPanel

    if True:
        workspace = open_workspace(folder, samples=False)
        try:
            comparison = Comparison(workspace.db)
            comparison.load()
            panel = ComparisonPanel(comparison)
            panel.resize(1200, 500)
            panel.show()
            panel.reset()
            group = panel.model.open(BIG_MEASURE)
            assert group is not None
            panel.select_measure(BIG_MEASURE)
            panel.tree.expand(panel.model.index(panel.model.row_of(BIG_MEASURE) or 0, 0))
            app.processEvents()
            figures = [f.annotation_id for f in group.figures]
            values = iter(range(1, 10**6))
            chosen = iter(figures * 2)
            service = workspace.annotations

            def write() -> object:
                return service.update(next(chosen), {"value": float(next(values) * 1000)})

            parts: dict[str, list[float]] = {"service": [], "model": [], "paint": []}

            def refresh(changes: object) -> None:  # what Comparing.flush does, and the paint
                began = time.perf_counter()
                names = comparison.refresh(changes)  # type: ignore[arg-type]
                served = time.perf_counter()
                if names:
                    panel.update_measures(names)
                modelled = time.perf_counter()
                if names:
                    panel.tree.viewport().repaint()
                    panel.line.repaint()
                painted = time.perf_counter()
                parts["service"].append((served - began) * 1000)
                parts["model"].append((modelled - served) * 1000)
                parts["paint"].append((painted - modelled) * 1000)

            write_ms = median_ms(write, args.repeat)
            pending = [write() for _ in range(args.repeat)]
            refresh_ms = median_ms(lambda: refresh(pending.pop()), args.repeat)
            split = ", ".join(f"{k} {statistics.median(v):.1f}" for k, v in parts.items())
            notes = iter(f"note {n}" for n in range(10**6))
            note_changes = [
                service.update(next(chosen), {"note": next(notes)}) for _ in range(args.repeat)
            ]
            note_ms = median_ms(lambda: refresh(note_changes.pop()), args.repeat)

            def reread() -> None:  # what refreshing the whole measure would cost
                comparison.pin(BIG_MEASURE, on=False)
                del comparison._groups[comparison._id_of[BIG_MEASURE]]
                comparison.group(BIG_MEASURE)

            reread_ms = median_ms(reread, max(1, args.repeat // 2))
            print(
                f"  one figure edit in the {len(figures):,}-figure measure: write "
                f"{write_ms:.1f} ms (baseline), refresh + paint {refresh_ms:.1f} ms ({split}; "
                f"aim < 50 ms; reading the whole measure again instead: {reread_ms:.0f} ms)"
            )
            print(f"  one note edit: refresh                 : {note_ms:9.2f} ms")
            panel.close()
        finally:
            workspace.close()


def _fix_verdicts(database: Path) -> None:
    """The generator writes verdicts the application does not know (e.g. "unreviewed");
    the dock would fail to label them. They become "unchecked" in this copy."""
    connection = sqlite3.connect(database)
    known = ", ".join(f"'{v.value}'" for v in Verdict)
    with connection:
        connection.execute(
            f"UPDATE annotation SET verdict = 'unchecked' WHERE verdict NOT IN ({known})"
        )
    connection.close()


def window(folder: Path, empty: Path, app: QApplication) -> None:
    """Start the window: on an empty database (the baseline), on the library with the
    comparison's reading left out (what the rest of the window costs), and whole."""
    from factcheck_gui.services import kept_comparison
    from factcheck_gui.ui.window.launch import create_main_window

    def start(data: Path) -> tuple[float, float]:
        began = time.perf_counter()
        workspace = open_workspace(data, samples=False)
        shown = create_main_window(workspace)
        shown.show()
        app.processEvents()
        shown_s = time.perf_counter() - began
        while not shown.comparing.ready:
            app.processEvents()
            time.sleep(0.002)
        filled_s = time.perf_counter() - began
        shown.close()
        workspace.close()
        return shown_s, filled_s

    real = kept_comparison.read_snapshot
    base_shown, _ = start(empty)
    kept_comparison.read_snapshot = lambda *_a, **_k: kept_comparison.Snapshot({}, [])  # type: ignore[assignment]
    try:
        bare_shown, _ = start(folder)
    finally:
        kept_comparison.read_snapshot = real
    shown_s, filled_s = start(folder)
    print(
        f"  window shown {shown_s:.2f} s, comparison filled {filled_s:.2f} s; without the "
        f"comparison's reading {bare_shown:.2f} s; empty database {base_shown:.2f} s "
        f"(shown: {shown_s / base_shown:.1f}x the empty one, {shown_s / bare_shown:.2f}x "
        f"the window without the comparison; filled: {filled_s / base_shown:.1f}x)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-pairwise", action="store_true", help="not the O(n²) baseline")
    parser.add_argument("--skip-window", action="store_true")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    table = {n: n for n in range(1000)}
    machine_ms = median_ms(lambda: [table.get(n % 1000) for n in range(1_000_000)], 3)
    print(f"machine: a million dict look-ups in a list take {machine_ms:.0f} ms (idle: ~60 ms)")
    with tempfile.TemporaryDirectory() as scratch:
        empty = Path(scratch) / "empty"
        open_workspace(empty, samples=False).close()
        for size in (int(s) for s in args.sizes.split(",")):
            folder = cached_folder(size)
            print(f"{size:,} articles ({folder}):")
            copy = fresh_copy(size, Path(scratch) / f"copy-{size}")  # for work that writes
            _fix_verdicts(copy / "factcheck.sqlite3")
            whole_corpus(folder, copy, args)
            command_line(folder, empty, args)
            edits(copy, args, app)
            if not args.skip_window:
                window(copy, empty, app)
            shutil.rmtree(copy)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(this process's peak RSS: {peak:.0f} MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
