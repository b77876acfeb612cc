"""Every benchmark at every size, each against its baseline measured in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run.py [--quick] [--sizes 1000,10000]
        [--runs 5] [--only startup,exchange] [--json FILE]

Each ``benchmarks/bench_*.py`` with a ``workloads(size, folder)`` function (see
benchmarks/README.md) is measured at each size (default 1,000, 10,000 and 50,000 articles,
on folders made by ``generate.py`` and kept in its cache), in a child process of its own (a
bench's imports, windows and memory never reach the next one). Each round measures every
workload once, baselines first, so the baseline and what is compared with it alternate; a
first round is a warm-up (files cached, bytecode written) and is not counted. Printed: a
table of medians, each with its ratio to its baseline; written: JSON with every run.

``--quick`` (the CI smoke test: 1,000 articles, 2 rounds, no warm-up, under two minutes)
checks that every workload still runs; nothing is asserted about times.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from suite import QUICK_ENV  # noqa: E402

SIZES = (1_000, 10_000, 50_000)
QUICK_SIZES = (1_000,)


def bench_names() -> list[str]:
    """The benchmark modules that give the runner workloads, by name (``startup``)."""
    names = []
    for path in sorted(HERE.glob("bench_*.py")):
        if "def workloads(" in path.read_text(encoding="utf-8"):
            names.append(path.stem.removeprefix("bench_"))
    return names


# -- one bench at one size, in a child process ----------------------------------------------
def measure_one(name: str, size: int, rounds: int, warmup: bool) -> dict[str, Any]:
    """Run in the child: every workload of ``bench_NAME`` at ``size``, ``rounds`` times."""
    import generate
    from suite import measure

    module = importlib.import_module(f"bench_{name}")
    folder = generate.cached_folder(size) if getattr(module, "SIZED", True) else HERE
    began = time.perf_counter()
    workloads = module.workloads(size, folder)
    prepared = time.perf_counter() - began
    baselines = [w for w in workloads if w.baseline]
    if not baselines:
        raise SystemExit(f"bench_{name}.workloads() returned no baseline")
    order = baselines + [w for w in workloads if not w.baseline]
    runs: dict[str, list[dict[str, float]]] = {w.name: [] for w in order}
    for round_ in range(rounds + warmup):
        for workload in order:
            figures = measure(workload)
            if round_ >= warmup:
                runs[workload.name].append(figures)
    results = []
    for workload in order:
        base = workload.compare_to or baselines[0].name
        results.append(
            {
                "bench": name,
                "workload": workload.name,
                "size": size if getattr(module, "SIZED", True) else None,
                "baseline": None if workload.baseline or not workload.ratio else base,
                "aim": workload.aim,
                "runs": runs[workload.name],
            }
        )
    closer = getattr(workloads, "close", None)
    if callable(closer):
        closer()
    return {
        "bench": name,
        "size": size,
        "sized": getattr(module, "SIZED", True),
        "prepared_seconds": prepared,
        "results": results,
    }


def run_child(name: str, size: int, rounds: int, warmup: bool, quick: bool) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        target = Path(out.name)
    try:
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            name,
            str(size),
            str(rounds),
            str(int(warmup)),
            str(target),
        ]
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            QUICK_ENV: "1" if quick else "",
        }
        done = subprocess.run(command, env=env, cwd=HERE.parent, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"bench_{name} at {size:,} failed (exit {done.returncode})")
        return dict(json.loads(target.read_text()))
    finally:
        target.unlink(missing_ok=True)


# -- the table and the JSON ------------------------------------------------------------------
def summarise(measured: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each workload's median figures, and their ratios to its baseline's."""
    rows = []
    for block in measured:
        by_name = {r["workload"]: r for r in block["results"]}
        for result in block["results"]:
            medians = _medians(result["runs"])
            row = {k: v for k, v in result.items() if k != "runs"}
            row["times"] = [r["seconds"] for r in result["runs"]]
            row["median"] = medians.get("seconds")
            row["metrics"] = medians
            base = by_name.get(result["baseline"] or "")
            if base is not None:
                base_medians = _medians(base["runs"])
                row["baseline_median"] = base_medians.get("seconds")
                row["ratio"] = _ratio(medians.get("seconds"), base_medians.get("seconds"))
                row["ratios"] = {
                    k: _ratio(v, base_medians[k]) for k, v in medians.items() if k in base_medians
                }
                if row["aim"] is not None and row["ratio"] is not None:
                    row["aim_met"] = row["ratio"] <= row["aim"]
            rows.append(row)
    return rows


def _medians(runs: list[dict[str, float]]) -> dict[str, float]:
    keys = dict.fromkeys(k for r in runs for k in r)
    return {k: statistics.median(r[k] for r in runs if k in r) for k in keys}


def _ratio(value: float | None, base: float | None) -> float | None:
    return value / base if value is not None and base else None


def print_table(rows: list[dict[str, Any]]) -> None:
    print(
        f"{'bench':<10} {'workload':<44} {'size':>7} {'runs':>4} {'median':>10} "
        f"{'baseline':>10} {'ratio':>7}  aim / other figures"
    )
    for row in rows:
        size = f"{row['size']:,}" if row["size"] else "-"
        base = row.get("baseline_median")
        ratio = row.get("ratio")
        extra = []
        if row.get("aim") is not None:
            verdict = "met" if row.get("aim_met") else "MISSED"
            extra.append(f"aim <= {row['aim']:g}x: {verdict}")
        for key, value in row["metrics"].items():
            if key != "seconds":
                r = row.get("ratios", {}).get(key)
                extra.append(f"{key} {value:,.1f}" + (f" ({r:.2f}x)" if r else ""))
        print(
            f"{row['bench']:<10} {row['workload'][:44]:<44} {size:>7} {len(row['times']):>4} "
            f"{_seconds(row['median']):>10} {_seconds(base):>10} "
            f"{(f'{ratio:.2f}x' if ratio else 'base'):>7}  {'; '.join(extra)}"
        )


def _seconds(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value * 1000:.1f} ms" if value < 10 else f"{value:.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 articles, 2 rounds, no warm-up")
    parser.add_argument("--sizes", help="comma-separated article counts (default 1000,10000,50000)")
    parser.add_argument("--runs", type=int, help="rounds counted for each workload (default 5)")
    parser.add_argument("--only", help="comma-separated bench names (startup, exchange…)")
    parser.add_argument("--json", type=Path, help="where to write the results")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        name, size, rounds, warmup, target = args.child
        block = measure_one(name, int(size), int(rounds), bool(int(warmup)))
        Path(target).write_text(json.dumps(block))
        return 0

    sizes = (
        tuple(int(s) for s in args.sizes.split(","))
        if args.sizes
        else (QUICK_SIZES if args.quick else SIZES)
    )
    rounds = args.runs or (2 if args.quick else 5)
    names = bench_names()
    if args.only:
        wanted = [n.strip().removeprefix("bench_") for n in args.only.split(",")]
        unknown = sorted(set(wanted) - set(names))
        if unknown:
            parser.error(f"no such benchmark: {', '.join(unknown)} (there are: {', '.join(names)})")
        names = [n for n in names if n in wanted]
    began = time.perf_counter()
    measured, failed = [], []
    for name in names:
        for size in sizes:
            print(f"... bench_{name} at {size:,}", file=sys.stderr, flush=True)
            try:
                block = run_child(name, size, rounds, warmup=not args.quick, quick=args.quick)
            except RuntimeError as error:
                failed.append(str(error))
                break
            measured.append(block)
            if not block["sized"]:
                break  # its work does not grow with the corpus: once is enough
    rows = summarise(measured)
    print_table(rows)
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load": os.getloadavg(),
        },
        "quick": args.quick,
        "rounds": rounds,
        "warmup": not args.quick,
        "seconds": time.perf_counter() - began,
        "results": rows,
        "failed": failed,
    }
    target = args.json or HERE / "results" / f"{datetime.now():%Y%m%d-%H%M%S}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(report, indent=2))
    print(f"\n{len(rows)} results in {report['seconds']:.0f} s; written to {target}")
    for failure in failed:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
