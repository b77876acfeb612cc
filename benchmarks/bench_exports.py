"""Exporting large annotation sets in every format: time and peak memory against the
standard library writing the same rows.

    .venv/bin/python benchmarks/bench_exports.py [--sizes 1000,10000,50000] [--keep DIR]

For each size N, builds N articles of about 3 KB with 10 annotations each (claims, figures
with values, attributions naming a speaker and a claim, one orphan in 20) by bulk insert
through the storage layer, then for each format (json, csv, w3c, claimreview) runs, each
in a child process of its own:
  * ours: ``services.exporting.export`` of everything to a file;
  * baseline: sqlite3 reading the same rows (the same articles and annotations, in the
    same order, only those the format writes) and writing them with the standard library
    alone (csv.writer, or json.dumps per record, one a line) to the same kind of file.
Each child reports its time (the export alone, after imports: wall clock and CPU time) and
its peak RSS (its own VmHWM from /proc; ru_maxrss would carry the parent's peak over). Each
pair runs ``--repeat`` times, ours and the baseline in turn; the medians are shown. Aims
(issue 12): peak memory flat in the number of annotations, under 150 MB at 50,000
articles; time within 2x of the baseline. The machine is shared, and CPU time suffers less
from the other users than the wall clock: compare the CPU ratio.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from suite import Workloads

FORMATS = ("json", "csv", "w3c", "claimreview")
PER_ARTICLE = 10
ENDINGS = {"json": ".json", "csv": ".csv", "w3c": ".jsonld", "claimreview": ".json"}


# -- the corpus ------------------------------------------------------------------------------
def build(data_dir: Path, articles: int) -> None:
    """``articles`` articles with 10 annotations each, in a new database in ``data_dir``."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import WORDS

    from factcheck_gui.domain.digests import text_sha256
    from factcheck_gui.services.workspace import open_workspace
    from factcheck_gui.storage import repository as repo

    rng = random.Random(12)
    workspace = open_workspace(data_dir, samples=False)
    workspace.preferences.set_organisation("Bench Fact Check")
    workspace.preferences.set_publishing(
        organisation_url="https://factcheck.example.org/",
        review_url_pattern="https://factcheck.example.org/reviews/{id}",
    )
    now = datetime.now(UTC)
    verdicts = ("accurate", "mostly accurate", "misleading", "inaccurate", "unverifiable")
    done = 0
    while done < articles:
        count = min(2000, articles - done)
        texts = []
        for i in range(done, done + count):
            body = " ".join(rng.choice(WORDS) for _ in range(450))
            texts.append(f"Headline number {i}: {rng.choice(WORDS)}\n\n{body}.\n")
        with workspace.db.transaction() as session:
            batch = (
                session.connection()
                .exec_driver_sql(
                    "INSERT INTO batch (name, imported) VALUES (?, ?)", (f"bench {done}", now)
                )
                .lastrowid
            )
            ids = repo.insert_articles(
                session,
                [
                    {
                        "batch_id": batch,
                        "title": text.split("\n", 1)[0],
                        "outlet": f"Outlet {n % 13}",
                        "url": f"https://news.example.org/{done + n}" if n % 3 else None,
                        "published": None,
                        "text": text,
                        "sha256": text_sha256(text),
                        "source_name": f"{done + n:06}.txt",
                    }
                    for n, text in enumerate(texts)
                ],
            )
            rows = [
                row
                for article_id, text in zip(ids, texts, strict=True)
                for row in annotations_of(article_id, text, now, verdicts)
            ]
            repo.insert_annotation_rows(session, rows)
        done += count
    workspace.close()


def annotations_of(
    article_id: int, text: str, now: datetime, verdicts: tuple[str, ...]
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    claims: list[str] = []
    for n in range(PER_ARTICLE):
        kind = ("claim", "figure", "attribution")[n % 3] if n < 9 else "claim"
        start = 40 + n * 250
        end = start + 24
        row: dict[str, object] = {
            "id": str(uuid.uuid4()),
            "article_id": article_id,
            "start": start,
            "end": end,
            "quote": text[start:end],
            "prefix": text[max(0, start - 32) : start],
            "suffix": text[end : end + 32],
            "kind": kind,
            "verdict": "unchecked" if n == 6 else verdicts[(article_id + n) % len(verdicts)],
            "note": f"checked against source {n}; see the ministry's figures" if n % 2 else "",
            "reviewer": "bench",
            "created": now,
            "modified": now,
            "speaker": "US officials" if kind == "attribution" else None,
            "target_id": claims[-1] if kind == "attribution" and claims else None,
            "orphaned": (article_id + n) % 20 == 0,
            "rationale": "The ministry's own report gives another number." if n == 0 else "",
        }
        if kind == "figure":
            row |= {
                "value": 300000.0,
                "unit": "people",
                "hedge": "nearly",
                "low": 270000.0,
                "high": 300000.0,
            }
        if kind == "claim":
            claims.append(str(row["id"]))
        rows.append(row)
    return rows


# -- the children ----------------------------------------------------------------------------
class Clock:
    """Wall and CPU time of a block."""

    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def child_ours(fmt: str, data_dir: Path, out: Path) -> Clock:
    """The export alone: the database is opened (and checked) before the clock starts."""
    from factcheck_gui.services.exporting import export
    from factcheck_gui.services.workspace import open_workspace

    workspace = open_workspace(data_dir, samples=False)
    with Clock() as clock:
        export(workspace, out, format_name=fmt)
    workspace.close()
    return clock


ANNOTATION_QUERY = (
    "SELECT a.id, a.title, a.outlet, a.url, a.published, a.sha256, n.* FROM annotation n "
    "JOIN article a ON a.id = n.article_id {where} ORDER BY n.article_id, n.start, n.end, n.id"
)
WHERE = {
    "json": "",
    "csv": "",
    "w3c": "WHERE n.orphaned = 0",
    "claimreview": "WHERE n.kind = 'claim' AND n.verdict != 'unchecked' AND n.orphaned = 0",
}


def child_baseline(fmt: str, data_dir: Path, out: Path) -> Clock:
    """The same rows the format writes, read with sqlite3 and written by the standard
    library alone."""
    with Clock() as clock:
        write_baseline(fmt, data_dir, out)
    return clock


def write_baseline(fmt: str, data_dir: Path, out: Path) -> None:
    connection = sqlite3.connect(data_dir / "factcheck.sqlite3")
    query = ANNOTATION_QUERY.format(where=WHERE[fmt])
    if fmt == "csv":
        with out.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            cursor = connection.execute(query)
            writer.writerow([d[0] for d in cursor.description])
            for row in cursor:
                writer.writerow(row)
    else:
        with out.open("w", encoding="utf-8") as handle:
            handle.write("[\n")
            if fmt == "json":  # the native format carries the articles with their text
                cursor = connection.execute("SELECT * FROM article ORDER BY id")
                names = [d[0] for d in cursor.description]
                for row in cursor:
                    handle.write(
                        json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + ",\n"
                    )
            cursor = connection.execute(query)
            names = [d[0] for d in cursor.description]
            for row in cursor:
                handle.write(
                    json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + ",\n"
                )
            handle.write("]\n")
    connection.close()


def peak_kib() -> int:
    """This process's peak resident memory: VmHWM, which is its own (ru_maxrss keeps the
    parent's peak across fork and exec on Linux, so a child would report the builder's)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def run_child(kind: str, fmt: str, data_dir: Path, out: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MiB) of one export in a child process of
    its own."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, fmt, str(data_dir), str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report["seconds"], report["cpu"], report["peak_kib"] / 1024


def row(size: int, fmt: str, data_dir: Path, root: Path, repeat: int) -> str:
    """One line of the table: medians of ``repeat`` runs of ours and of the baseline in
    turn; the peak memory is the largest of the runs."""
    out = root / f"out-{size}{ENDINGS[fmt]}"
    ours_runs, base_runs = [], []
    file_mib = 0.0
    for _ in range(repeat):
        ours_runs.append(run_child("ours", fmt, data_dir, out))
        file_mib = out.stat().st_size / 2**20
        out.unlink()
        base_runs.append(run_child("baseline", fmt, data_dir, root / "base.out"))
    wall, cpu = (statistics.median(r[i] for r in ours_runs) for i in (0, 1))
    base_wall, base_cpu = (statistics.median(r[i] for r in base_runs) for i in (0, 1))
    ours_mib, base_mib = max(r[2] for r in ours_runs), max(r[2] for r in base_runs)
    return (
        f"{size:>9,} {size * PER_ARTICLE:>11,} {fmt:<12} {wall:>7.2f} {base_wall:>7.2f} "
        f"{wall / base_wall:>5.2f}x {cpu:>8.2f} {base_cpu:>8.2f} {cpu / base_cpu:>5.2f}x "
        f"{ours_mib:>8.1f} {base_mib:>8.1f} {file_mib:>8.1f}"
    )


def workloads(size: int, folder: Path) -> Workloads:
    """For ``run.py``: each format, ours against the standard library writing the same rows,
    each a child process reporting its wall time, CPU time and peak memory, on a corpus of
    ``size`` articles built here (untimed) rather than the generated folder: the formats
    need what ``build`` stores (a fact-check URL pattern for ClaimReview, orphans)."""
    from suite import Workload, Workloads, python  # (run.py puts benchmarks/ on the path)

    root = Path(tempfile.mkdtemp(prefix=f"factcheck-bench-exports-{size}-"))
    data_dir = root / "corpus"
    build(data_dir, size)
    me = str(Path(__file__).resolve())
    items = []
    for fmt in FORMATS:
        out = str(root / f"out{ENDINGS[fmt]}")
        base = f"stdlib writing the {fmt} rows"
        items += [
            Workload(base, python(me, "--child", "base", fmt, str(data_dir), out), baseline=True),
            Workload(
                f"export {fmt}",
                python(me, "--child", "ours", fmt, str(data_dir), out),
                compare_to=base,
                aim=2.0,
            ),
        ]
    return Workloads(items, close=lambda: shutil.rmtree(root, ignore_errors=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="articles, comma-separated")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--keep", type=Path, help="build corpora here and keep them")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; medians shown")
    parser.add_argument("--child", nargs=4, metavar=("KIND", "FORMAT", "DATA_DIR", "OUT"))
    args = parser.parse_args()
    if args.child:
        kind, fmt, data_dir, out = args.child
        run = child_ours if kind == "ours" else child_baseline
        clock = run(fmt, Path(data_dir), Path(out))
        print(json.dumps({"seconds": clock.wall, "cpu": clock.cpu, "peak_kib": peak_kib()}))
        return 0
    root = args.keep or Path(tempfile.mkdtemp(prefix="factcheck-bench-exports-"))
    formats = args.formats.split(",")
    print(
        f"{'articles':>9} {'annotations':>11} {'format':<12} {'ours s':>7} {'base s':>7} "
        f"{'ratio':>6} {'ours cpu':>8} {'base cpu':>8} {'ratio':>6} {'ours MiB':>8} "
        f"{'base MiB':>8} {'file MiB':>8}"
    )
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            data_dir = root / f"corpus-{size}"
            if not (data_dir / "factcheck.sqlite3").exists():
                began = time.perf_counter()
                build(data_dir, size)
                print(f"(built {size:,} articles in {time.perf_counter() - began:.1f} s)")
            for fmt in formats:
                print(row(size, fmt, data_dir, root, args.repeat), flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    print("aims: ratio <= 2x (CPU); ours MiB flat across sizes and < 150 at 50,000 articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
