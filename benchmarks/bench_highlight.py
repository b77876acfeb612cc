"""Opening and painting a long, heavily annotated article, and tagging one more span.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_highlight.py [--repeat 7]

Builds a 200,000-character article with 5,000 annotations (overlapping, some nested, emoji
in the text so offsets must be converted), then measures in the same run:
  * open+paint: show the article in a pane (text, highlights) and paint the visible part,
    against the same text without annotations (the baseline);
  * key-to-highlight: select a span, press F, until the new highlight is painted.
Aims (issue 2): painted in under 250 ms and at most 2x the plain text; a new annotation
visible in under 50 ms. Times are medians; the machine is shared, so compare the ratio.
In the suite (``run.py``), ``workloads`` measures the same (with 500 annotations in a
20,000-character article for ``--quick``).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from corpus import WORDS, median_ms  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from suite import Workload, Workloads, quick  # noqa: E402

from factcheck_gui.domain.model import ArticleDraft, Kind, NewAnnotation  # noqa: E402
from factcheck_gui.services.workspace import open_memory_workspace  # noqa: E402
from factcheck_gui.ui.common.context import AppContext  # noqa: E402
from factcheck_gui.ui.window.main_window import MainWindow  # noqa: E402

TEXT_CHARS = 200_000
ANNOTATIONS = 5_000


def make_text(rng: random.Random, chars: int = TEXT_CHARS) -> str:
    paragraphs, size = [], 0
    while size < chars:
        words = [rng.choice(WORDS) for _ in range(rng.randint(60, 140))]
        paragraph = " ".join(words).capitalize() + "."
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:chars]


def make_spans(
    rng: random.Random, text: str, count: int = ANNOTATIONS
) -> list[tuple[int, int, Kind]]:
    spans = []
    for _ in range(count):
        start = rng.randrange(0, len(text) - 100)
        end = start + rng.randint(4, 80)
        while text[start].isspace():
            start += 1
        spans.append((start, end, rng.choice(list(Kind))))
    return spans


SIZED = False


class Bench:
    """An article of ``chars`` characters with ``count`` annotations, and its plain twin, in a
    window's pane."""

    def __init__(self, chars: int = TEXT_CHARS, count: int = ANNOTATIONS) -> None:
        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.rng = random.Random(20230904)
        self.text = make_text(self.rng, chars)
        self.workspace = open_memory_workspace()
        added = self.workspace.library.add_batch(
            "bench",
            [
                ArticleDraft(text=self.text, title="annotated"),
                ArticleDraft(text=self.text + " ", title="plain"),
            ],
        )
        self.annotated_id, self.plain_id = added.article_ids
        for start, end, kind in make_spans(self.rng, self.text, count):
            self.workspace.annotations.create(
                NewAnnotation(self.annotated_id, start, end, kind, "bench")
            )
        self.window = MainWindow(AppContext(self.workspace), settings_dir=None)
        self.window.resize(1400, 900)
        self.window.ensure_panes(1)
        self.window.show()
        self.app.processEvents()
        self.pane = self.window.panes.panes[0]

    # Opening: read the article and its annotations from the database, show the text,
    # highlight it and paint the visible part. Showing: the same once the rows are read.
    def open_and_paint(self, article_id: int) -> Callable[[], None]:
        services, pane = self.workspace, self.pane

        def run() -> None:
            article = services.library.article(article_id)
            pane.show_article(article, services.annotations.for_article(article_id))
            pane.view.viewport().grab()

        return run

    def show_and_paint(self, article_id: int) -> Callable[[], None]:
        article = self.workspace.library.article(article_id)
        rows = self.workspace.annotations.for_article(article_id)
        pane = self.pane

        def run() -> None:
            pane.show_article(article, rows)
            pane.view.viewport().grab()

        return run

    def read_rows(self) -> None:
        self.workspace.annotations.for_article(self.annotated_id)

    def tag_once(self) -> None:
        """Select a span, press F, until the new highlight is painted."""
        view = self.pane.view
        view.setFocus()
        start = self.text.index(" ", self.rng.randrange(0, len(self.text) - 50)) + 1
        view.select_span(start, start + 12)
        QTest.keyClick(view, Qt.Key.Key_F)
        view.viewport().grab()

    def show_annotated(self) -> None:
        """The annotated article in the pane (where tagging happens)."""
        self.open_and_paint(self.annotated_id)()

    def close(self) -> None:
        self.window.close()
        self.workspace.close()


def workloads(size: int, folder: object) -> Workloads:
    bench = Bench(20_000, 500) if quick() else Bench()
    return Workloads(
        [
            Workload(
                "open plain text: read+show+paint",
                bench.open_and_paint(bench.plain_id),
                baseline=True,
            ),
            Workload(
                "open annotated: read+show+paint", bench.open_and_paint(bench.annotated_id), aim=2.0
            ),
            Workload(
                "show+paint plain (rows in memory)",
                bench.show_and_paint(bench.plain_id),
                baseline=True,
            ),
            Workload(
                "show+paint annotated (rows in memory)",
                bench.show_and_paint(bench.annotated_id),
                compare_to="show+paint plain (rows in memory)",
                aim=2.0,
            ),
            Workload("read the annotations from the database", bench.read_rows, ratio=False),
            Workload(
                "key press to painted highlight",
                bench.tag_once,
                setup=bench.show_annotated,
                ratio=False,
            ),
        ],
        close=bench.close,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    bench = Bench()
    plain_ms = median_ms(bench.open_and_paint(bench.plain_id), args.repeat)
    annotated_ms = median_ms(bench.open_and_paint(bench.annotated_id), args.repeat)
    plain_show_ms = median_ms(bench.show_and_paint(bench.plain_id), args.repeat)
    annotated_show_ms = median_ms(bench.show_and_paint(bench.annotated_id), args.repeat)
    read_ms = median_ms(bench.read_rows, args.repeat)
    bench.show_annotated()
    key_times = []
    for _ in range(args.repeat):
        began = time.perf_counter()
        bench.tag_once()
        key_times.append((time.perf_counter() - began) * 1000)
    key_ms = statistics.median(key_times)
    count = len(bench.workspace.annotations.for_article(bench.annotated_id))
    text = bench.text

    print(f"article: {len(text):,} characters, {count:,} annotations (median of {args.repeat})")
    print("                                    plain   annotated   ratio")
    print(
        f"open: read + show + paint       {plain_ms:8.1f} ms {annotated_ms:8.1f} ms"
        f"  {annotated_ms / plain_ms:5.2f}x   (aim: < 250 ms)"
    )
    print(
        f"show + paint (rows in memory)   {plain_show_ms:8.1f} ms {annotated_show_ms:8.1f} ms"
        f"  {annotated_show_ms / plain_show_ms:5.2f}x   (aim: <= 2x)"
    )
    print(f"reading {ANNOTATIONS:,} annotations from the database      {read_ms:8.1f} ms")
    print(f"key press to painted highlight             {key_ms:8.1f} ms   (aim: < 50 ms)")
    bench.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
