"""The benchmark runner's arithmetic: medians, ratios to the same run's baseline, aims."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture
def runner():  # noqa: ANN201
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import run
        import suite

        yield run, suite
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_each_workload_gets_its_median_and_the_ratio_to_its_own_baseline(runner) -> None:  # noqa: ANN001
    run, _suite = runner
    block = {
        "results": [
            {"bench": "b", "workload": "base", "size": 1000, "baseline": None, "aim": None,
             "runs": [{"seconds": 1.0}, {"seconds": 3.0}, {"seconds": 2.0}]},
            {"bench": "b", "workload": "ours", "size": 1000, "baseline": "base", "aim": 2.0,
             "runs": [{"seconds": 5.0, "rss": 10.0}, {"seconds": 4.0, "rss": 30.0},
                      {"seconds": 6.0, "rss": 20.0}]},
        ]
    }  # fmt: skip
    base, ours = run.summarise([block])
    assert base["median"] == 2.0 and "ratio" not in base
    assert ours["median"] == 5.0 and ours["baseline_median"] == 2.0 and ours["ratio"] == 2.5
    assert ours["metrics"] == {"seconds": 5.0, "rss": 20.0} and ours["aim_met"] is False
    assert ours["times"] == [5.0, 4.0, 6.0]


def test_a_callable_may_measure_itself_or_report_figures(runner) -> None:  # noqa: ANN001
    _run, suite = runner
    assert suite.measure(suite.Workload("own clock", lambda: 0.25)) == {"seconds": 0.25}
    figures = suite.measure(suite.Workload("figures", lambda: {"stall_ms": 7}))
    assert figures["stall_ms"] == 7.0 and figures["seconds"] >= 0
    assert set(suite.measure(suite.Workload("list", lambda: [1, 2]))) == {"seconds"}


def test_a_command_may_print_its_figures_last(runner) -> None:  # noqa: ANN001
    _run, suite = runner
    command = suite.python("-c", "print('noise'); print('{\"seconds\": 0.5, \"x\": 2}')")
    assert suite.measure(suite.Workload("child", command)) == {"seconds": 0.5, "x": 2.0}
    with pytest.raises(RuntimeError, match="failed"):
        suite.measure(suite.Workload("broken", suite.python("-c", "raise SystemExit(3)")))


def test_every_bench_module_with_workloads_is_found(runner) -> None:  # noqa: ANN001
    run, _suite = runner
    names = run.bench_names()
    assert {"startup", "exchange", "figures", "highlight", "parser", "html"} <= set(names)
