"""``factcheck import`` and ``factcheck export``: reports on stdout, problems on stderr."""

from __future__ import annotations

import sys
from pathlib import Path

from factcheck_gui.importers.sets import looks_like_set
from factcheck_gui.services.exporting import Scope, export
from factcheck_gui.services.importing import import_articles
from factcheck_gui.services.merging import merge_file
from factcheck_gui.services.versions import carry_over
from factcheck_gui.services.workspace import Workspace

SNIFF_BYTES = 4096


def is_annotation_set_file(path: Path) -> bool:
    """A native, W3C or CSV annotation set, told by its first bytes, whatever its ending."""
    if not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return False
    return looks_like_set(head)


def run_import(workspace: Workspace, paths: list[Path], *, batch: str | None, carry: bool) -> int:
    sets = [p for p in paths if is_annotation_set_file(p)]
    articles = [p for p in paths if p not in sets]
    failed = False
    if articles:
        report = import_articles(
            workspace.library, articles, batch_name=batch, progress=_progress_to_stderr
        )
        print("\n".join(report.lines()))
        failed |= not report.ok
        if carry:
            for new_id, _old in report.versions:
                print(carry_over(workspace.db, new_id).summary())
        elif report.versions:
            print("Use --carry-over to copy the old versions' annotations onto the new ones.")
    for path in sets:
        merged = merge_file(workspace.db, path)
        print("\n".join(merged.lines()))
        failed |= bool(merged.failed)
    return 1 if failed else 0


def _progress_to_stderr(done: int, total: int, current: str) -> None:
    if sys.stderr.isatty() and total:
        print(f"\rreading {done}/{total} {current[-50:]:<50}", end="", file=sys.stderr)
        if done == total:
            print(file=sys.stderr)


def run_export(
    workspace: Workspace,
    path: Path,
    *,
    format_name: str | None,
    batches: list[str],
    article_ids: list[int],
    include_text: bool,
) -> int:
    report = export(
        workspace,
        path,
        format_name=format_name,
        scope=Scope(batches=tuple(batches), article_ids=tuple(article_ids)),
        include_text=include_text,
    )
    print(report.summary())
    return 0
