"""Exported files: CSV cells that no spreadsheet runs, and file modes that follow the umask."""

from __future__ import annotations

import csv
import os
import stat
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck_gui.domain.model import ArticleDraft, Kind, NewAnnotation, Verdict
from factcheck_gui.exporters import EXPORTERS
from factcheck_gui.exporters.csv_table import COLUMNS, NUMBER_COLUMNS
from factcheck_gui.services.exporting import export
from factcheck_gui.services.workspace import Workspace

HOSTILE = ("=2+5", "+SUM(A1)", "-1+1", "@cmd", "\tx", "\rx")


@pytest.fixture
def hostile(empty_workspace: Workspace) -> Workspace:
    """Every stored text starts with a formula character: titles, ids, hedges, units…"""
    ws = empty_workspace
    text = "Officials said =2+5 about -3 people, nearly 4,000 in all."
    ws.library.add_batch(
        "b",
        [ArticleDraft(text, title="=HYPERLINK(1)", outlet="+outlet", url="-http://x")],
    )
    [summary] = ws.library.summaries()
    start = text.index("=2+5")
    claim, _ = ws.annotations.create(
        NewAnnotation(
            summary.id, start, start + 4, Kind.CLAIM, "@reviewer", id="=2+5", note="\tnote"
        )
    )
    figure_start = text.index("4,000")
    figure, _ = ws.annotations.create(
        NewAnnotation(summary.id, figure_start, figure_start + 5, Kind.FIGURE, "r", id="+7")
    )
    ws.annotations.update(
        figure.id,
        {"hedge": "=nearly", "unit": "@people", "measure": "-measure", "value": "-3"},
    )
    ws.annotations.update(claim.id, {"verdict": Verdict.ACCURATE})
    said = text.index("Officials")
    ws.annotations.create(
        NewAnnotation(
            summary.id,
            said,
            said + 9,
            Kind.ATTRIBUTION,
            "r",
            speaker="=cmd|' /C calc'!A0",
            target_id=claim.id,
            id="-9",
        )
    )
    return ws


def test_every_text_cell_is_neutralised_whatever_its_column(
    hostile: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "table.csv"
    export(hostile, out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 3
    for row in rows:
        for column, value in row.items():
            if column in NUMBER_COLUMNS:
                continue
            assert not value.startswith(HOSTILE), (column, value)
    by_id = {r["annotation_id"]: r for r in rows}
    assert set(by_id) == {"'=2+5", "'+7", "'-9"}
    assert by_id["'-9"]["target_id"] == "'=2+5"
    figure = by_id["'+7"]
    assert (figure["hedge"], figure["figure_unit"], figure["measure"]) == (
        "'=nearly",
        "'@people",
        "'-measure",
    )
    assert figure["value"] == "-3", "a number we wrote stays a number"
    assert by_id["'=2+5"]["reviewer"] == "'@reviewer" and by_id["'=2+5"]["note"] == "'\tnote"
    assert (figure["article_title"], figure["outlet"], figure["url"]) == (
        "'=HYPERLINK(1)",
        "'+outlet",
        "'-http://x",
    )
    assert by_id["'-9"]["speaker"] == "'=cmd|' /C calc'!A0"
    assert set(NUMBER_COLUMNS) < set(COLUMNS)


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("fmt", ["json", "csv", "w3c", "claimreview"])
@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_a_new_export_gets_the_mode_the_umask_allows(
    hostile: Workspace, tmp_path: Path, umask: None, fmt: str, mask: int
) -> None:
    hostile.preferences.set_publishing(
        organisation_url="", review_url_pattern="https://factcheck.example.org/reviews/{id}"
    )
    os.umask(mask)
    out = tmp_path / f"new.{fmt}"
    export(hostile, out, format_name=fmt)
    assert _mode(out) == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.parametrize("existing", [0o644, 0o600, 0o640])
def test_an_overwritten_export_keeps_its_mode(
    hostile: Workspace, tmp_path: Path, umask: None, existing: int
) -> None:
    out = tmp_path / "old.json"
    out.write_text("old")
    out.chmod(existing)
    os.umask(0o077)
    inode = out.stat().st_ino
    export(hostile, out)
    assert _mode(out) == existing
    assert out.read_text(encoding="utf-8").startswith("{"), "replaced whole"
    assert out.stat().st_ino != inode, "written beside it and renamed over it (atomic)"


def test_a_failed_export_leaves_the_old_file_and_its_mode(
    hostile: Workspace, tmp_path: Path, umask: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "old.csv"
    out.write_text("old")
    out.chmod(0o644)

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(EXPORTERS, "csv", replace(EXPORTERS["csv"], write=broken))
    with pytest.raises(Exception, match="cannot write .*No space left on device"):
        export(hostile, out)
    assert out.read_text() == "old" and _mode(out) == 0o644
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
