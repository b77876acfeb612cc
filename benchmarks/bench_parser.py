"""The figure parser's speed and its pass rate by class on the news-phrase table.

    .venv/bin/python benchmarks/bench_parser.py [--repeat 7] [--copies 20]

Measures in the same run (medians): ``parse_figure`` over every phrase of
``tests/unit/figure_phrases.py`` (with its words before), repeated ``--copies`` times,
against a baseline of a plain regular-expression scan for digit runs over the same phrases
(the least any reader of numbers must do). Reports phrases a second for both and the ratio.
Aim (issue 9): at least 5,000 phrases a second. The machine is shared: compare the ratio
with the baseline measured in the same run. In the suite (``run.py``), ``workloads`` gives
the same two runs (its work does not grow with the corpus).
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import median_ms  # noqa: E402
from suite import Workload, quick  # noqa: E402

from factcheck_gui.domain.figures import parse_figure  # noqa: E402
from tests.unit.figure_phrases import PHRASES  # noqa: E402

_DIGITS = re.compile(r"\d[\d,.]*")
SIZED = False
COPIES = 20


def workloads(size: int, folder: Path) -> list[Workload]:
    work = [(phrase, before) for _, phrase, before, *_ in PHRASES] * (2 if quick() else COPIES)
    parse_figure("warm up $1")  # CLDR's tables are read once, on first use

    def parse() -> dict[str, float]:
        for phrase, before in work:
            parse_figure(phrase, before=before)
        return {"phrases": len(work)}

    def scan() -> dict[str, float]:
        for phrase, before in work:
            _DIGITS.findall(before + phrase)
        return {"phrases": len(work)}

    return [
        Workload("regex scan for digit runs", scan, baseline=True),
        Workload("parse_figure over the phrase table", parse),
    ]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def pass_rates() -> dict[str, tuple[int, int]]:
    right: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    for cls, phrase, before, value, unit, hedge, low, high in PHRASES:
        total[cls] += 1
        f = parse_figure(phrase, before=before)
        if (
            f is not None
            and _close(f.value, value)
            and _close(f.low, low)
            and _close(f.high, high)
            and (f.unit, f.hedge) == (unit, hedge)
        ):
            right[cls] += 1
    return {cls: (right[cls], total[cls]) for cls in total}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()
    work = [(phrase, before) for _, phrase, before, *_ in PHRASES] * args.copies
    parse_figure("warm up $1")  # CLDR's tables are read once, on first use

    def parse() -> None:
        for phrase, before in work:
            parse_figure(phrase, before=before)

    def scan() -> None:
        for phrase, before in work:
            _DIGITS.findall(before + phrase)

    parse_ms = median_ms(parse, args.repeat)
    scan_ms = median_ms(scan, args.repeat)
    rate, baseline = len(work) / parse_ms * 1000, len(work) / scan_ms * 1000
    print(f"phrases         {len(PHRASES)} ({len(work)} a run, median of {args.repeat})")
    print(f"parse_figure    {rate:12,.0f} phrases/s")
    print(f"regex baseline  {baseline:12,.0f} phrases/s")
    print(f"ratio           {baseline / rate:12.1f}x the baseline's time")
    print(f"aim             {'met' if rate >= 5000 else 'MISSED'} (>= 5,000 phrases/s)")
    rates = pass_rates()
    right = sum(r for r, _ in rates.values())
    print(f"\npass rate       {right}/{len(PHRASES)} ({100 * right / len(PHRASES):.1f} %)")
    for cls, (r, t) in sorted(rates.items()):
        print(f"  {cls:12}  {r:3}/{t:<3} {100 * r / t:5.1f} %")


if __name__ == "__main__":
    main()
