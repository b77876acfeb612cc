"""What the benchmarks share: words for their made-up articles (the samples' vocabulary, with
an emoji) and the median timing."""

import statistics
import time
from collections.abc import Callable

WORDS = (  # noqa: SIM905 (a sentence reads better than a column of words)
    "Russia recruits migrants from Central Asia said officials casualties nearly 300,000 "
    "about 500,000 according to the ministry of defence intelligence update contract "
    "soldiers salaries rubles dollars reported claimed army reserve 🎙️ mobilisation "
    "Kremlin election"
).split()


def median_ms(run: Callable[[], object], repeat: int) -> float:
    """The median of ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)
