"""Merging a large annotation set (native format) into a database of articles.

    .venv/bin/python benchmarks/bench_merge.py [--sizes 20000,100000] [--articles N]

For each size M, in one run on this machine:
  * a database of N articles (default M / 10) is made, and an annotation set of M annotations
    on them (claims, figures with measures, attributions linked to their claims);
  * baseline: a plain sqlite3 ``executemany`` of the same M rows into an empty copy of the
    annotation table (no reading, no decisions, no checks);
  * merge_file (the file read and checked, a backup of the database first, every merge rule)
    for three mixes: all new; the same file again (all unchanged); a file of a third
    unchanged, a third edited later (updated) and a third new.
Aim (issue 12): 100,000 annotations merged in under 10 s.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import WORDS  # noqa: E402
from suite import Workload, Workloads  # noqa: E402

from factcheck_gui.domain.digests import text_sha256  # noqa: E402
from factcheck_gui.domain.model import ArticleDraft  # noqa: E402
from factcheck_gui.services.merging import merge_file  # noqa: E402
from factcheck_gui.services.workspace import Workspace, open_workspace  # noqa: E402

CONTEXT = 32
MEASURES = [f"Measure number {n}" for n in range(300)]
EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def make_articles(workspace: Workspace, count: int, rng: random.Random) -> list[str]:
    texts = []
    for i in range(count):
        words = [rng.choice(WORDS) for _ in range(300)]
        for n in range(0, 300, 25):
            words[n] = f"{rng.randint(1, 999)},{rng.randint(100, 999)}"  # numbers for figures
        texts.append(f"Headline {i}: {rng.choice(WORDS)}\n\n" + " ".join(words) + f". End {i}.")
    drafts = [
        ArticleDraft(text, f"Article {i}", url=f"https://n.test/{i}")
        for i, text in enumerate(texts)
    ]
    workspace.library.add_batch("bench", drafts)
    return texts


def word_spans(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for word in text.split(" "):
        spans.append((at, at + len(word)))
        at += len(word) + 1
    return spans


def annotation_records(texts: list[str], count: int, rng: random.Random) -> list[dict[str, object]]:
    """``count`` annotations spread over the articles: one in four a figure, one in four an
    attribution linked to the claim before it."""
    records: list[dict[str, object]] = []
    spans = [word_spans(t)[3:-3] for t in texts]  # not the headline, not the end
    for n in range(count):
        article = n % len(texts)
        text = texts[article]
        at = (n * 7) % (len(spans[article]) - 4)
        first, last = spans[article][at], spans[article][at + rng.randint(0, 3)]
        start, end = first[0], last[1]
        kind = ("claim", "figure", "claim", "attribution")[n % 4]
        record: dict[str, object] = {
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "article": article + 1,
            "start": start,
            "end": end,
            "quote": text[start:end],
            "prefix": text[max(0, start - CONTEXT) : start],
            "suffix": text[end : end + CONTEXT],
            "kind": kind,
            "verdict": ("unchecked", "accurate", "misleading", "inaccurate")[n % 4],
            "note": f"note {n}" if n % 3 else "",
            "reviewer": "bench",
            "created": iso(EPOCH + timedelta(seconds=n)),
            "modified": iso(EPOCH + timedelta(seconds=n)),
            "orphaned": False,
        }
        if kind == "figure":
            record["figure"] = {
                "value": float(n),
                "unit": "people",
                "hedge": None,
                "low": float(n),
                "high": float(n),
                "vague": False,
                "measure": MEASURES[n % len(MEASURES)],
                "as_of": None,
            }
        if kind == "attribution":
            record["speaker"] = "officials"
            record["target"] = records[-1]["id"]  # the claim just before, same article
        records.append(record)
    return records


def write_set(path: Path, texts: list[str], records: list[dict[str, object]]) -> None:
    articles = [
        {
            "id": i + 1,
            "title": f"Article {i}",
            "outlet": None,
            "url": f"https://n.test/{i}",
            "published": None,
            "sha256": text_sha256(t),
        }
        for i, t in enumerate(texts)
    ]
    document = {
        "format": "factcheck-annotations",
        "version": 3,
        "exported": iso(datetime.now(UTC)),
        "articles": articles,
        "annotations": records,
        "deleted": [],
    }
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def mixed(records: list[dict[str, object]], rng: random.Random) -> list[dict[str, object]]:
    """A third as they were, a third edited later, a third new (new ids)."""
    third = len(records) // 3
    out = list(records[:third])
    for r in records[third : 2 * third]:
        out.append({**r, "note": "edited", "modified": iso(EPOCH + timedelta(days=400))})
    renamed: dict[object, str] = {}
    for r in records[2 * third :]:
        new = {**r, "id": str(uuid.UUID(int=rng.getrandbits(128), version=4))}
        renamed[r["id"]] = str(new["id"])
        if "target" in new:
            new["target"] = renamed.get(new["target"], new["target"])
        out.append(new)
    return out


def baseline(database: Path, records: list[dict[str, object]], target: Path) -> tuple[float, float]:
    """The same rows into an empty copy of the annotation table with sqlite3 alone."""
    source = sqlite3.connect(database)
    ddl = source.execute("SELECT sql FROM sqlite_master WHERE name = 'annotation'").fetchone()[0]
    source.close()
    rows = [
        (r["id"], int(r["article"]), r["start"], r["end"], r["quote"], r["prefix"], r["suffix"],
         r["kind"], r["verdict"], r["note"], r["reviewer"], r["created"], r["modified"],
         r.get("speaker"), r.get("target"))
        for r in records
    ]  # fmt: skip
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute(ddl.replace("REFERENCES annotation", "REFERENCES annotation_x"))
    began, cpu = time.perf_counter(), time.process_time()
    with connection:
        connection.executemany(
            'INSERT INTO annotation (id, article_id, start, "end", quote, prefix, suffix, kind,'
            " verdict, note, reviewer, created, modified, speaker, target_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    elapsed = time.perf_counter() - began, time.process_time() - cpu
    connection.close()
    return elapsed


def timed_merge(workspace: Workspace, path: Path) -> tuple[tuple[float, float], str]:
    began, cpu = time.perf_counter(), time.process_time()
    report = merge_file(workspace.db, path)
    elapsed = time.perf_counter() - began, time.process_time() - cpu
    if report.failed or report.orphaned or report.cancelled:
        raise SystemExit(f"the benchmark's merge went wrong: {report.lines()[:5]}")
    outcome = f"{report.added:,} added, {report.updated:,} updated, {report.unchanged:,} unchanged"
    return elapsed, outcome


def run(size: int, articles: int, root: Path) -> None:
    rng = random.Random(size)
    folder = root / f"m{size}"
    workspace = open_workspace(folder / "data", samples=False)
    began = time.perf_counter()
    texts = make_articles(workspace, articles, rng)
    made = time.perf_counter() - began
    records = annotation_records(texts, size, rng)
    first, second = folder / "set.json", folder / "mixed.json"
    write_set(first, texts, records)
    write_set(second, texts, mixed(records, rng))
    base = baseline(folder / "data" / "factcheck.sqlite3", records, folder / "baseline.sqlite3")
    began = time.perf_counter()
    workspace.db.backup("bench")
    backup = time.perf_counter() - began
    print(f"{size:,} annotations on {articles:,} articles (articles stored in {made:.1f} s)")
    print("                                     wall     cpu  (cpu: this process's own time)")
    print(f"  executemany of the rows (baseline) {base[0]:6.2f} s {base[1]:6.2f} s")
    print(f"  a backup of the database alone     {backup:6.2f} s")
    for label, path in (("all new", first), ("same file again", first), ("mixed", second)):
        (wall, cpu), outcome = timed_merge(workspace, path)
        print(
            f"  merge_file, {label:<22} {wall:6.2f} s {cpu:6.2f} s  "
            f"{wall / base[0]:5.1f}x baseline (wall)  {size / wall:7,.0f}/s  ({outcome})"
        )
    workspace.close()


def workloads(size: int, folder: Path) -> Workloads:
    """For ``run.py``: a set of twice as many annotations as the corpus has articles (so
    100,000 at 50k; aim < 10 s), on a database of a tenth as many articles of its own;
    the baseline is ``executemany`` of the same rows. Each merge starts from a fresh copy
    of the database (made untimed), with the set merged once before for "again"."""
    count = 2 * size
    rng = random.Random(count)
    root = Path(tempfile.mkdtemp(prefix=f"factcheck-bench-merge-{count}-"))
    pristine = root / "pristine"
    made = open_workspace(pristine, samples=False)
    texts = make_articles(made, max(10, count // 10), rng)
    made.close()
    records = annotation_records(texts, count, rng)
    first, second = root / "set.json", root / "mixed.json"
    write_set(first, texts, records)
    write_set(second, texts, mixed(records, rng))
    held: list[Workspace] = []

    def let_go() -> None:
        while held:
            held.pop().close()

    def fresh(*, merged: bool) -> None:
        let_go()
        shutil.rmtree(root / "work", ignore_errors=True)
        shutil.copytree(pristine, root / "work")
        held.append(open_workspace(root / "work", samples=False))
        if merged:
            merge_file(held[0].db, first)

    def merging(path: Path) -> float:
        return timed_merge(held[0], path)[0][0]

    def plain() -> float:
        (root / "baseline.sqlite3").unlink(missing_ok=True)
        return baseline(pristine / "factcheck.sqlite3", records, root / "baseline.sqlite3")[0]

    def close() -> None:
        let_go()
        shutil.rmtree(root, ignore_errors=True)

    name = f"{count:,} annotations"
    return Workloads(
        [
            Workload(f"executemany of {name} (baseline)", plain, baseline=True),
            Workload(
                f"merge {name}, all new", lambda: merging(first), setup=lambda: fresh(merged=False)
            ),
            Workload(
                f"merge {name} again, unchanged",
                lambda: merging(first),
                setup=lambda: fresh(merged=True),
            ),
            Workload(
                f"merge {name}, a third each new, updated, unchanged",
                lambda: merging(second),
                setup=lambda: fresh(merged=True),
            ),
        ],
        close=close,
    )


def python_loop() -> float:
    """Seconds of pure Python work, to compare this machine with another one."""
    began, total = time.perf_counter(), 0
    for n in range(10_000_000):
        total += n
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,100000", help="annotation counts, comma apart")
    parser.add_argument("--articles", type=int, help="articles in the database (default M / 10)")
    args = parser.parse_args()
    print(f"for scale: a 10-million-step Python loop takes {python_loop():.2f} s here\n")
    root = Path(tempfile.mkdtemp(prefix="factcheck-bench-merge-"))
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            run(size, args.articles or max(10, size // 10), root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
