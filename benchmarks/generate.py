"""Generated data folders for the benchmarks: N articles with 10 annotations each.

    .venv/bin/python benchmarks/generate.py 10000 [--folder DIR]

Every article is built from the five sample articles' sentences (shuffled, so texts differ)
with four figure sentences of its own ("Officials put the number at about 300,000 …"). Its
ten annotations are four figures, three claims and three attributions, each attribution
linked to one of the article's figures; quotes, prefixes and suffixes are the text at their
offsets, so anchoring, exports and the comparison see real data.

Figures fall under 200 measures of ordinary size and one large measure that holds
``BIG_MEASURE_FIGURES`` (5,000) figures, the case that made note edits stall.

The schema is made by the application itself (``open_workspace``: every migration runs), and
the rows go in with one ``executemany`` per table, so a 50k folder takes about a minute.
``cached_folder(n)`` keeps one folder per size under ``$FACTCHECK_BENCH_CACHE`` (default
``~/.cache/factcheck-bench``), keyed by the generator's version and the schema's head, and
``fresh_copy(n, dest)`` copies it for work that writes.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import shutil
import sqlite3
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck_gui.domain.digests import nfc_sha256  # noqa: E402
from factcheck_gui.domain.model import Verdict  # noqa: E402
from factcheck_gui.services.workspace import open_workspace  # noqa: E402
from factcheck_gui.storage.migrate import head  # noqa: E402

GENERATOR_VERSION = 2  # 2: verdicts from the verdict scale (1 wrote names it does not have)
PER_ARTICLE = 10
FIGURES_PER_ARTICLE = 4
MEASURES = 200
BIG_MEASURE = "Benchmark: people counted in the large measure"
BIG_MEASURE_FIGURES = 5000
CONTEXT = 32  # characters of prefix and suffix, as the application stores them
SEEDS = ROOT / "seeds"

_HEDGES = (  # (words before the number, hedge, how low and high follow from the value)
    ("about ", "about", 0.9, 1.1),
    ("nearly ", "nearly", 0.9, 1.0),
    ("at least ", "at least", 1.0, None),
    ("more than ", "more than", 1.0, None),
    ("", None, 1.0, 1.0),
)
_VERDICTS = (  # half unchecked, as a desk's work in progress
    Verdict.UNCHECKED,
    Verdict.UNCHECKED,
    Verdict.ACCURATE,
    Verdict.MISLEADING,
    Verdict.INACCURATE,
)
_SPEAKERS = ("the ministry", "British intelligence", "a Kremlin spokesman", "officials", "Reuters")


@dataclass(frozen=True)
class Generated:
    folder: Path
    articles: int
    annotations: int
    seconds: float
    database_bytes: int


def _sentences() -> list[str]:
    found: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for sentence in re.split(r"(?<=[.!?”])\s+", text):
            sentence = " ".join(sentence.split())
            if 40 <= len(sentence) <= 400:
                found.append(sentence)
    return found


def _measure_names() -> list[str]:
    things = (
        "casualties",
        "recruits",
        "migrants",
        "salaries in rubles",
        "contract soldiers",
        "refugees",
        "reservists",
        "drones",
        "shells fired",
        "volunteers",
    )
    names = [f"{things[i % len(things)]} (series {i // len(things) + 1})" for i in range(MEASURES)]
    return [BIG_MEASURE, *names]


def generate(folder: Path, articles: int, *, seed: int = 0) -> Generated:
    """Make a new data folder in ``folder`` (which must not hold a database yet)."""
    began = time.perf_counter()
    folder.mkdir(parents=True, exist_ok=True)
    workspace = open_workspace(folder, samples=False)
    database = workspace.db.path
    workspace.close()
    assert database is not None

    rng = random.Random(seed)
    sentences = _sentences()
    measures = _measure_names()
    now = datetime(2023, 9, 20, 12, 0, tzinfo=UTC).replace(tzinfo=None)
    big_left = BIG_MEASURE_FIGURES
    big_share = min(0.5, BIG_MEASURE_FIGURES / (articles * FIGURES_PER_ARTICLE) * 1.05)

    connection = sqlite3.connect(database)
    connection.execute("PRAGMA foreign_keys=ON")
    with connection:
        connection.executemany(
            "INSERT INTO measure (id, name) VALUES (?, ?)",
            list(enumerate(measures, start=1)),
        )
        batches = max(1, articles // 1000)
        connection.executemany(
            "INSERT INTO batch (id, name, imported) VALUES (?, ?, ?)",
            [(b + 1, f"Generated batch {b + 1}", now.isoformat(sep=" ")) for b in range(batches)],
        )
        article_rows = []
        annotation_rows = []
        for i in range(articles):
            article_id = i + 1
            text, figures, claims = _article_text(rng, sentences, i)
            digest = hashlib.sha256(text.encode()).hexdigest()
            published = date(2023, 9, 1) + timedelta(days=i % 30)
            article_rows.append(
                (
                    article_id,
                    (i % batches) + 1,
                    f"Generated article {i}: {claims[0][2][:60]}",
                    f"Outlet {i % 37}",
                    f"https://news.example/{i}",
                    published.isoformat(),
                    text,
                    digest,
                    nfc_sha256(text),
                    f"{i:06}.txt",
                )
            )
            figure_ids = []
            for start, end, value, hedge, low, high in figures:
                if big_left > 0 and rng.random() < big_share:
                    measure_id, big_left = 1, big_left - 1
                else:
                    measure_id = 2 + rng.randrange(MEASURES)
                annotation_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                figure_ids.append(annotation_id)
                annotation_rows.append(
                    _annotation(
                        annotation_id,
                        article_id,
                        text,
                        start,
                        end,
                        "figure",
                        now,
                        rng,
                        value=value,
                        hedge=hedge,
                        low=low,
                        high=high,
                        measure_id=measure_id,
                    )
                )
            for n, (start, end, _quote) in enumerate(claims):
                annotation_rows.append(
                    _annotation(
                        str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        article_id,
                        text,
                        start,
                        end,
                        "claim",
                        now,
                        rng,
                    )
                )
                speaker_start = start
                speaker_end = min(end, start + 24)
                annotation_rows.append(
                    _annotation(
                        str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        article_id,
                        text,
                        speaker_start,
                        speaker_end,
                        "attribution",
                        now,
                        rng,
                        speaker=_SPEAKERS[n % len(_SPEAKERS)],
                        target_id=figure_ids[n],
                    )
                )
            if len(article_rows) >= 2000:
                _flush(connection, article_rows, annotation_rows)
        _flush(connection, article_rows, annotation_rows)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return Generated(
        folder,
        articles,
        articles * PER_ARTICLE,
        time.perf_counter() - began,
        database.stat().st_size,
    )


_ANNOTATION_COLUMNS = (
    "id",
    "article_id",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "kind",
    "verdict",
    "note",
    "reviewer",
    "created",
    "modified",
    "speaker",
    "target_id",
    "orphaned",
    "value",
    "unit",
    "hedge",
    "low",
    "high",
    "vague",
    "measure_id",
)


def _flush(connection: sqlite3.Connection, articles: list, annotations: list) -> None:
    connection.executemany(
        "INSERT INTO article (id, batch_id, title, outlet, url, published, text, sha256,"
        " nfc_sha256, source_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        articles,
    )
    columns = ", ".join(f'"{c}"' for c in _ANNOTATION_COLUMNS)
    marks = ", ".join("?" for _ in _ANNOTATION_COLUMNS)
    # figures before the attributions that point at them (foreign keys are on)
    connection.executemany(f"INSERT INTO annotation ({columns}) VALUES ({marks})", annotations)
    articles.clear()
    annotations.clear()


def _article_text(rng: random.Random, sentences: list[str], i: int):
    chosen = rng.sample(sentences, 12)
    parts: list[str] = []
    figures = []
    claims = []
    offset = 0

    def add(sentence: str) -> int:
        nonlocal offset
        begin = offset
        parts.append(sentence)
        offset += len(sentence) + 1  # the space after it
        return begin

    for n, sentence in enumerate(chosen):
        begin = add(sentence)
        if n < 3:
            claims.append((begin, begin + len(sentence), sentence))
        if n % 3 == 2 and len(figures) < FIGURES_PER_ARTICLE:
            words, hedge, low_factor, high_factor = rng.choice(_HEDGES)
            value = rng.choice((1, 2, 3, 5, 6, 12, 27, 30, 45, 300, 500)) * 1000 * rng.randint(1, 9)
            number = f"{words}{value:,}"
            lead = f"Officials in report {i} put the number at "
            begin = add(f"{lead}{number} people.")
            start = begin + len(lead)
            low = value * low_factor
            high = None if high_factor is None else value * high_factor
            figures.append((start, start + len(number), float(value), hedge, low, high))
    return " ".join(parts) + "\n", figures, claims


def _annotation(
    annotation_id,
    article_id,
    text,
    start,
    end,
    kind,
    now,
    rng,
    *,
    value=None,
    hedge=None,
    low=None,
    high=None,
    measure_id=None,
    speaker=None,
    target_id=None,
):
    stamp = (now - timedelta(minutes=rng.randrange(100000))).isoformat(sep=" ")
    verdict = rng.choice(_VERDICTS).value
    return (
        annotation_id,
        article_id,
        start,
        end,
        text[start:end],
        text[max(0, start - CONTEXT) : start],
        text[end : end + CONTEXT],
        kind,
        verdict,
        "Checked against the ministry's figures." if rng.random() < 0.3 else "",
        "bench",
        stamp,
        stamp,
        speaker,
        target_id,
        0,
        value,
        None if value is None else "people",
        hedge,
        low,
        high,
        0,
        measure_id,
    )


def cache_root() -> Path:
    return Path(os.environ.get("FACTCHECK_BENCH_CACHE", Path.home() / ".cache" / "factcheck-bench"))


def cached_folder(articles: int, *, seed: int = 0) -> Path:
    """A generated data folder of ``articles`` articles, made once and kept (read it only)."""
    folder = cache_root() / f"v{GENERATOR_VERSION}-{head()}-{articles}-{seed}"
    if not (folder / "complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder, articles, seed=seed)
        (folder / "complete").write_text("")
    return folder


def fresh_copy(articles: int, dest: Path, *, seed: int = 0) -> Path:
    """A copy of the cached folder that the caller may change."""
    source = cached_folder(articles, seed=seed)
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("complete", "*.lock"))
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int)
    parser.add_argument("--folder", type=Path, help="where (default: the benchmark cache)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.folder:
        made = generate(args.folder, args.articles, seed=args.seed)
        print(
            f"{made.articles} articles, {made.annotations} annotations in {made.seconds:.1f} s,"
            f" {made.database_bytes / 2**20:.0f} MiB: {made.folder}"
        )
    else:
        print(cached_folder(args.articles, seed=args.seed))


if __name__ == "__main__":
    main()
