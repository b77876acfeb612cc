"""What a benchmark module gives the runner (``benchmarks/run.py``); see benchmarks/README.md.

A module ``benchmarks/bench_NAME.py`` defines::

    def workloads(size: int, folder: Path) -> list[Workload]

``size`` is the corpus size being measured (articles: 1,000, 10,000 or 50,000) and
``folder`` a generated data folder of that many articles (``generate.cached_folder``: read
it only; take ``generate.fresh_copy`` for work that writes). At least one workload is a
baseline (``baseline=True``), measured in the same process and the same rounds as the
others, alternated with them; each other workload's median is reported as a ratio to its
baseline's (``compare_to``, by default the module's first baseline).

A module whose work does not grow with the corpus sets ``SIZED = False``: it is measured
once, at the smallest size asked for. In a smoke run (``quick()``) a module may shrink
fixed work so that the whole suite stays under two minutes.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTED_ENV = "FACTCHECK_BENCH_STARTED"
QUICK_ENV = "FACTCHECK_BENCH_QUICK"  # set by ``run.py --quick``
# What a run may hand back: anything but these two (the runner's clock is the measure), a
# float (seconds it measured itself, leaving out what it had to do first), or a mapping of
# figures ("seconds" among them, or the runner's clock is used; the others are reported).
Result = object


@dataclass
class Workload:
    """One thing measured, ``runs`` times, each run after ``setup`` (not timed).

    ``run`` is a callable (timed in the runner's process) or a command (a child process,
    timed from start to exit unless it prints a JSON object as its last line of output:
    then those figures, e.g. ``{"seconds": 1.2, "peak_rss_mib": 80}``).
    """

    name: str
    run: Callable[[], Result] | Sequence[str]
    baseline: bool = False
    compare_to: str | None = None  # the baseline's name; None: the module's first baseline
    ratio: bool = True  # False: a figure of its own, shown without a ratio to any baseline
    setup: Callable[[], None] | None = None
    aim: float | None = None  # the ratio to the baseline hoped for (reported, never asserted)
    env: Mapping[str, str] | None = None  # a command's extra environment


class Workloads(list[Workload]):
    """What ``workloads()`` may return instead of a plain list, to be told when every run is
    over (``close``: remove a copied folder, close a window)."""

    def __init__(self, items: Sequence[Workload] = (), *, close: Callable[[], None] | None = None):
        super().__init__(items)
        self._close = close

    def close(self) -> None:
        if self._close is not None:
            self._close()


def measure(workload: Workload) -> dict[str, float]:
    """One run of ``workload``: its figures, ``seconds`` always among them."""
    if workload.setup is not None:
        workload.setup()
    if callable(workload.run):
        began = time.perf_counter()
        result = workload.run()
        elapsed = time.perf_counter() - began
        if isinstance(result, float):
            return {"seconds": result}
        if isinstance(result, Mapping):
            return {"seconds": elapsed, **{k: float(v) for k, v in result.items()}}
        return {"seconds": elapsed}  # None, or whatever the work returns: not a figure
    return run_child(list(workload.run), env=workload.env)


def run_child(argv: list[str], *, env: Mapping[str, str] | None = None) -> dict[str, float]:
    """Run a command; its wall time and peak memory, or the figures it printed last. The
    child finds the time it was launched at (``time.monotonic()``, one clock for every
    process) in ``$FACTCHECK_BENCH_STARTED``."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        began = time.perf_counter()
        child = subprocess.Popen(
            argv,
            stdout=out,
            stderr=err,
            text=True,
            env={**os.environ, **(env or {}), STARTED_ENV: repr(time.monotonic())},
            cwd=ROOT,
        )
        _pid, status = os.waitpid(child.pid, 0)
        elapsed = time.perf_counter() - began
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        output, errors = out.read(), err.read()
    if code != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({code}): {errors.strip()[-2000:]}")
    # The child's own peak memory only if it says (``peak_rss_mib()`` in it): wait4's
    # ru_maxrss counts the forked runner's pages from before the exec as well.
    figures = {"seconds": elapsed}
    lines = [line for line in output.splitlines() if line.strip()]
    if lines and lines[-1].lstrip().startswith("{"):
        figures.update({k: float(v) for k, v in json.loads(lines[-1]).items()})
    return figures


def quick() -> bool:
    """A smoke run (``run.py --quick``): a bench whose work is fixed may make it smaller."""
    return os.environ.get(QUICK_ENV) == "1"


def python(*args: str) -> list[str]:
    """A command running this interpreter (``-X importtime`` and the like go first)."""
    return [sys.executable, *args]


def peak_rss_mib() -> float:
    """This process's peak resident memory since it started its program: the kernel's
    VmHWM (Linux); ru_maxrss where there is none (it also counts the pages of the process
    it was forked from, before the exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
