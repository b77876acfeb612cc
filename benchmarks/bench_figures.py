"""The comparison pane after one edit among 100,000 figures, and suggesting figures in a
200,000-character article.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_figures.py [--repeat 7]

Measures in the same run (medians):
  * refresh: edit one figure's value, then bring the comparison up to date (read the touched
    measure again, recompute its status, update the Qt model under a visible tree), against
    a full reload of all 100,000 figures in 5,000 measures (the baseline it avoids);
  * suggest: the candidates in a 200,000-character article built from the sample articles,
    against the figure parser's own scan of the same text (the suggestions' extra cost is
    the date/time/year/ordinal filtering).
Aims (issue 4): refresh under 100 ms; suggestion under 1 s. The machine is shared: compare
the ratios with the baselines measured in the same run. In the suite (``run.py``),
``workloads`` measures the same.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from corpus import median_ms  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from suite import Workload, Workloads, quick  # noqa: E402

from factcheck_gui.domain.figures import find_figures  # noqa: E402
from factcheck_gui.domain.model import ArticleDraft  # noqa: E402
from factcheck_gui.domain.suggestions import suggest_figures  # noqa: E402
from factcheck_gui.services.kept_comparison import Comparison  # noqa: E402
from factcheck_gui.services.workspace import open_memory_workspace  # noqa: E402
from factcheck_gui.storage.tables import AnnotationRow, MeasureRow  # noqa: E402
from factcheck_gui.ui.comparison.dock import ComparisonPanel  # noqa: E402

FIGURES = 100_000
MEASURES = 5_000
ARTICLES = 1_000
ARTICLE_CHARS = 200_000
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def fill(  # noqa: ANN201
    workspace,  # noqa: ANN001
    rng: random.Random,
    figures: int = FIGURES,
    measures_count: int = MEASURES,
    articles: int = ARTICLES,
) -> list[str]:
    """Articles, measures and figures written straight into the tables (fast)."""
    drafts = [
        ArticleDraft(text=f"Article {i}: about 1,000 soldiers.", title=f"A{i}")
        for i in range(articles)
    ]
    article_ids = workspace.library.add_batch("bench", drafts).article_ids
    now = datetime.now(UTC)
    measures = [{"id": i + 1, "name": f"Measure {i:05d}"} for i in range(measures_count)]
    rows, ids = [], []
    for n in range(figures):
        value = float(rng.randrange(1_000, 1_000_000))
        spread = value * rng.choice((0.0, 0.05, 0.1, 0.5))
        annotation_id = str(uuid.UUID(int=rng.getrandbits(128)))
        ids.append(annotation_id)
        rows.append(
            {
                "id": annotation_id,
                "article_id": rng.choice(article_ids),
                "start": 9,
                "end": 26,
                "quote": "about 1,000 soldiers",
                "prefix": "",
                "suffix": "",
                "kind": "figure",
                "verdict": "unchecked",
                "note": "",
                "reviewer": "bench",
                "created": now,
                "modified": now,
                "speaker": None,
                "target_id": None,
                "orphaned": False,
                "value": value,
                "unit": "people",
                "hedge": "about",
                "low": value - spread,
                "high": value + spread,
                "vague": False,
                "as_of": None,
                "measure_id": n % measures_count + 1,
            }
        )
    with workspace.db.transaction() as session:
        connection = session.connection()
        connection.execute(MeasureRow.__table__.insert(), measures)  # type: ignore[attr-defined]
        connection.execute(AnnotationRow.__table__.insert(), rows)  # type: ignore[attr-defined]
    return ids


def long_article() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    out, size = [], 0
    while size < ARTICLE_CHARS:
        for text in texts:
            out.append(text)
            size += len(text) + 2
    return "\n\n".join(out)[:ARTICLE_CHARS]


SIZED = False


def workloads(size: int, folder: object) -> Workloads:
    """The same, for the suite; ``--quick``: a tenth of the figures, a tenth of the text."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    rng = random.Random(20230904)
    scale = 10 if quick() else 1
    workspace = open_memory_workspace()
    ids = fill(workspace, rng, FIGURES // scale, MEASURES // scale, ARTICLES // scale)
    comparison = Comparison(workspace.db)
    panel = ComparisonPanel(comparison)
    panel.resize(1200, 500)
    panel.show()
    comparison.load()
    panel.reset()
    app.processEvents()
    edits = iter(rng.sample(ids, 200))

    def full_reload() -> None:
        comparison.load()
        panel.reset()
        panel.tree.viewport().grab()

    def one_edit() -> None:
        changes = workspace.annotations.update(next(edits), {"value": rng.randrange(1, 10**7)})
        names = comparison.refresh(changes)
        panel.update_measures(names)
        panel.tree.viewport().grab()

    def edit_only() -> None:
        workspace.annotations.update(next(edits), {"value": rng.randrange(1, 10**7)})

    text = long_article()[: ARTICLE_CHARS // scale]

    def close() -> None:
        panel.close()
        workspace.close()

    return Workloads(
        [
            Workload("comparison: full reload", full_reload, baseline=True),
            Workload("one edit: write only", edit_only),
            Workload("one edit: write + refresh + paint", one_edit),
            Workload(
                "propose a measure for a figure", lambda: workspace.measures.propose(next(edits))
            ),
            Workload(
                "figure parser scan of a long article", lambda: find_figures(text), baseline=True
            ),
            Workload(
                "suggest figures in it",
                lambda: suggest_figures(text),
                compare_to="figure parser scan of a long article",
            ),
        ],
        close=close,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    rng = random.Random(20230904)

    workspace = open_memory_workspace()
    began = time.perf_counter()
    ids = fill(workspace, rng)
    print(
        f"filled {FIGURES:,} figures in {MEASURES:,} measures "
        f"in {time.perf_counter() - began:.1f} s"
    )

    comparison = Comparison(workspace.db)
    panel = ComparisonPanel(comparison)
    panel.resize(1200, 500)
    panel.show()
    comparison.load()
    panel.reset()
    app.processEvents()

    def full_reload() -> None:
        comparison.load()
        panel.reset()
        panel.tree.viewport().grab()

    edits = iter(rng.sample(ids, args.repeat * 3))

    def one_edit() -> None:
        changes = workspace.annotations.update(next(edits), {"value": rng.randrange(1, 10**7)})
        names = comparison.refresh(changes)
        panel.update_measures(names)
        panel.tree.viewport().grab()

    def edit_only() -> None:  # the write itself, to separate it from the refresh
        workspace.annotations.update(next(edits), {"value": rng.randrange(1, 10**7)})

    reload_ms = median_ms(full_reload, args.repeat)
    write_ms = median_ms(edit_only, args.repeat)
    refresh_ms = median_ms(one_edit, args.repeat)
    print(f"comparison, full reload (baseline): {reload_ms:8.1f} ms")
    print(f"one edit: write only              : {write_ms:8.1f} ms")
    print(
        f"one edit: write + refresh + paint : {refresh_ms:8.1f} ms "
        f"({refresh_ms / reload_ms:.3f}x the full reload; aim < 100 ms)"
    )

    propose_ms = median_ms(lambda: workspace.measures.propose(next(edits)), args.repeat)
    print(f"proposing a measure for one figure    : {propose_ms:8.1f} ms")

    text = long_article()
    scan_ms = median_ms(lambda: find_figures(text), args.repeat)
    suggest_ms = median_ms(lambda: suggest_figures(text), args.repeat)
    count = len(suggest_figures(text))
    print(f"figure parser scan of {len(text):,} chars (baseline): {scan_ms:8.1f} ms")
    print(
        f"suggest figures ({count:,} candidates)          : {suggest_ms:8.1f} ms "
        f"({suggest_ms / scan_ms:.2f}x the scan; aim < 1,000 ms)"
    )
    panel.close()
    workspace.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
