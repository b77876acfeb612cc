"""Full-text search against a LIKE scan of the same text, at several corpus sizes.

    .venv/bin/python benchmarks/bench_search.py [--sizes 1000,10000,50000] [--repeat 5]

Each size is a data folder from ``benchmarks/generate.py`` (N articles x 10 annotations,
cached). For each query, in the same run:
  * search: ``SearchService.search`` as Find in articles and ``factcheck search`` call it:
    the first page of 50 hits with their snippets and offsets, and the count (each of
    articles and annotations counted up to 1,000);
  * filter: the library's listing for the same words (``LibraryService.listing``: every
    matching id, by batch), what the library filter reads per keystroke off the GUI thread;
  * like: the baseline, ``SELECT id FROM article WHERE title LIKE ? OR outlet LIKE ? OR
    text LIKE ?`` for each word (every id, as the filter needs), a scan of all the text.
Aim (issue 12): search < 50 ms at 50k. Times are medians; the machine is shared, so
compare the ratios. The generated texts are built from five articles' sentences, so most
words are in nearly every article: the hardest case for an index (long lists to merge).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import cached_folder  # noqa: E402
from suite import Workload, Workloads  # noqa: E402

from factcheck_gui.domain.search_query import parse_query  # noqa: E402
from factcheck_gui.services.workspace import open_workspace  # noqa: E402
from factcheck_gui.storage.database import DB_FILENAME  # noqa: E402

QUERIES = (
    "ministry",  # in most articles
    "mobilization recruits",  # two words, both common
    '"British Ministry of Defence"',  # a phrase
    "m",  # the first letter typed
    "report 4711",  # in one article (the generator numbers its reports)
    "zeppelin",  # in none
)


def median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return round(statistics.median(times) * 1000, 1)


def like_scan(connection: sqlite3.Connection, query: str) -> list[int]:
    words = [w for t in parse_query(query).terms for w in [t.text]]
    where = " AND ".join("(title LIKE ? OR outlet LIKE ? OR text LIKE ?)" for _ in words)
    values = [f"%{w}%" for w in words for _ in range(3)]
    return [r[0] for r in connection.execute(f"SELECT id FROM article WHERE {where}", values)]


def workloads(size: int, folder: Path) -> Workloads:
    """For ``run.py``: per query, the LIKE scan (baseline), the search and the library's
    listing, each timed whole (aim: search < 50 ms at 50k, an absolute figure)."""
    workspace = open_workspace(folder, samples=False, may_change=False)
    connection = sqlite3.connect(f"file:{folder / DB_FILENAME}?mode=ro", uri=True)
    items: list[Workload] = []
    for query in QUERIES:
        scan = f"LIKE scan: {query}"
        items += [
            Workload(scan, lambda q=query: like_scan(connection, q), baseline=True),
            Workload(
                f"search: {query}", lambda q=query: workspace.search.search(q), compare_to=scan
            ),
            Workload(
                f"library listing: {query}",
                lambda q=query: workspace.library.listing(q, totals=False),
                compare_to=scan,
            ),
        ]

    def close() -> None:
        connection.close()
        workspace.close()

    return Workloads(items, close=close)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(
        f"{'articles':>9}  {'query':<32} {'search':>9} {'filter':>9} {'like':>9} "
        f"{'like/search':>11} {'hits':>8}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        folder = cached_folder(size)
        workspace = open_workspace(folder, samples=False, may_change=False)
        connection = sqlite3.connect(f"file:{folder / DB_FILENAME}?mode=ro", uri=True)
        for query in QUERIES:
            found = workspace.search.search(query)
            ws, db = workspace, connection
            search = median_ms(lambda q=query, w=ws: w.search.search(q), args.repeat)
            listing = median_ms(
                lambda q=query, w=ws: w.library.listing(q, totals=False), args.repeat
            )
            like = median_ms(lambda q=query, c=db: like_scan(c, q), max(1, args.repeat // 2))
            hits = f"{found.total}{'+' if found.capped else ''}"
            print(
                f"{size:>9}  {query:<32} {search:>6} ms {listing:>6} ms {like:>6} ms "
                f"{like / search if search else float('inf'):>10.1f}x {hits:>8}",
                flush=True,
            )
        connection.close()
        workspace.close()


if __name__ == "__main__":
    main()
