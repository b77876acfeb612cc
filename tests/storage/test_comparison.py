"""Figures grouped by measure on the sample articles: the casualty figures conflict."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import update

from factcheck_gui.cli import main
from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.model import Kind, NewAnnotation
from factcheck_gui.services import kept_comparison
from factcheck_gui.services.comparison import MeasureSummary, compare, read_summaries
from factcheck_gui.services.kept_comparison import Comparison
from factcheck_gui.services.workspace import Workspace
from factcheck_gui.storage.tables import AnnotationRow

CASUALTIES = "Russian military casualties since February 2022"
MIGRANTS = "Central Asian migrants in Russia"


def figure(ws: Workspace, article_id: int, quote: str, measure: str | None) -> str:
    text = ws.library.article(article_id).text
    start = text.index(quote)
    a, _ = ws.annotations.create(
        NewAnnotation(article_id, start, start + len(quote), Kind.FIGURE, "r")
    )
    if measure:
        ws.annotations.update(a.id, {"measure": measure})
    return a.id


def annotate_samples(ws: Workspace) -> dict[str, str]:
    ids = {
        "nearly": figure(ws, 2, "300,000", CASUALTIES),
        "about": figure(ws, 3, "about 500,000 soldiers", CASUALTIES),
        "millions": figure(ws, 3, "millions of soldiers", CASUALTIES),
        "ukraine": figure(ws, 4, "264,660 fighters", CASUALTIES),
        "m1": figure(ws, 1, "at least 6 million migrants", MIGRANTS),
        "m2": figure(ws, 2, "upwards of six million Central Asian migrants", MIGRANTS),
        "lonely": figure(ws, 5, "over 1,200 soldiers", "Russian losses per day, May 2024"),
        "none": figure(ws, 1, "30 percent", None),
    }
    text = ws.library.article(2).text
    start = text.index("US officials")
    who, _ = ws.annotations.create(
        NewAnnotation(2, start, start + 12, Kind.ATTRIBUTION, "r", speaker="US officials")
    )
    ws.annotations.update(who.id, {"target_id": ids["nearly"]})
    return ids


def test_groups_and_their_status(workspace: Workspace) -> None:
    ids = annotate_samples(workspace)
    groups = {g.measure: g for g in compare(workspace.db)}
    assert set(groups) == {CASUALTIES, MIGRANTS, "Russian losses per day, May 2024"}
    casualties = groups[CASUALTIES]
    assert casualties.status == "conflict" and len(casualties.figures) == 4
    assert ids["about"] in casualties.conflicts.partners(ids["nearly"])
    others = {ids["nearly"], ids["about"], ids["ukraine"]}
    assert set(casualties.conflicts.partners(ids["millions"])) == others  # 2 million or more
    assert groups[MIGRANTS].status == "consistent"
    assert groups["Russian losses per day, May 2024"].status == "single"
    [nearly] = [f for f in casualties.figures if f.annotation_id == ids["nearly"]]
    assert nearly.source == "US officials" and nearly.outlet is None
    assert list(groups)[0] == CASUALTIES, "conflicts come first"


def test_conflicts_on_the_command_line(workspace: Workspace, capsys) -> None:  # noqa: ANN001
    annotate_samples(workspace)
    workspace.close()
    assert main(["conflicts", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["measure"] for r in rows] == [CASUALTIES]
    assert set(rows[0]["figures"][0]) == {
        "article_id",
        "article_title",
        "quote",
        "value",
        "unit",
        "low",
        "high",
        "source",
        "verdict",
    }
    assert main(["conflicts", "--all"]) == 0
    out = capsys.readouterr().out
    assert f"{MIGRANTS}: consistent" in out and "per day" not in out
    assert "[270,000 – 300,000] “300,000”" in out and "(US officials)" in out


def every_change(ws: Workspace, ids: dict[str, str]) -> Iterator[tuple[Changes, set, set]]:
    """Each kind of change, one at a time: (its changes, the measures a comparison holding
    every measure's figures names, those one holding none names: only the statuses and
    counts that changed)."""
    from factcheck_gui.domain.commands import MergeMeasures, RenameMeasure

    yield ws.annotations.update(ids["about"], {"value": 290_000}), {CASUALTIES}, set()
    yield ws.annotations.update(ids["about"], {"value": 500_000}), {CASUALTIES}, set()
    yield ws.annotations.update(ids["none"], {"measure": MIGRANTS}), {MIGRANTS}, {MIGRANTS}
    both = {MIGRANTS, "Share"}
    yield ws.annotations.update(ids["none"], {"measure": "Share"}), both, both
    who = next(a for a in ws.annotations.for_article(2) if a.kind is Kind.ATTRIBUTION)
    yield ws.annotations.update(who.id, {"speaker": "the Pentagon"}), {CASUALTIES}, set()
    yield ws.annotations.update(ids["m1"], {"verdict": "inaccurate"}), {MIGRANTS}, set()
    yield ws.annotations.update(ids["m1"], {"note": "checked"}), set(), set()
    removal, changes = ws.annotations.delete(who.id)
    yield changes, {CASUALTIES}, set()
    yield ws.annotations.restore(removal), {CASUALTIES}, set()
    renamed = {MIGRANTS, "Migrants"}
    yield RenameMeasure(ws.measures, MIGRANTS, "Migrants").do(), renamed, renamed
    merged = {"Share", "Migrants"}
    yield MergeMeasures(ws.measures, ["Share"], "Migrants").do(), merged, merged
    lonely = {"Russian losses per day, May 2024"}
    yield ws.annotations.delete(ids["lonely"])[1], lonely, lonely


def test_the_kept_comparison_follows_each_change(workspace: Workspace) -> None:
    """After every kind of change, refreshing only the touched measures gives what a full
    comparison gives, with or without the measures' figures at hand, and names just the
    measures whose figures (where at hand), status or count changed."""
    ids = annotate_samples(workspace)
    everything, nothing = Comparison(workspace.db), Comparison(workspace.db)
    everything.load()
    nothing.load()
    for name in list(everything.summaries):
        everything.group(name)
    for changes, loaded, unloaded in every_change(workspace, ids):
        assert everything.refresh(changes) == loaded
        assert nothing.refresh(changes) == unloaded
        groups = {g.measure: g for g in compare(workspace.db)}
        expected = {name: MeasureSummary.of(g) for name, g in groups.items()}
        assert everything.summaries == expected == nothing.summaries
        for name in expected:  # (a measure that came with the change is read when shown)
            assert everything.cached(name) in (groups[name], None)
            assert nothing.cached(name) is None
        assert everything.cached(CASUALTIES) == groups[CASUALTIES]
    assert {f.source for f in everything.cached(CASUALTIES).figures} == {"the Pentagon", None}
    assert "Russian losses per day, May 2024" not in everything.summaries


def test_a_note_edit_reads_nothing(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = annotate_samples(workspace)
    kept = Comparison(workspace.db)
    kept.load()
    kept.group(CASUALTIES)
    read = []
    for name in ("read_figures", "read_summaries", "read_measure_ids", "read_groups"):
        real = getattr(kept_comparison, name)
        monkeypatch.setattr(
            kept_comparison, name, lambda *a, _f=real, **k: read.append(1) or _f(*a, **k)
        )
    for text in ("c", "ch", "che", "check"):
        assert kept.refresh(workspace.annotations.update(ids["nearly"], {"note": text})) == set()
    assert read == []


def test_the_aggregate_status_is_the_sweeps(workspace: Workspace) -> None:
    """The summaries (one SQL aggregate) agree with the figures' conflicts, units, open ends
    and an upside-down interval (which only a file can bring) included."""
    ids = annotate_samples(workspace)
    a = AnnotationRow.__table__  # type: ignore[attr-defined]
    with workspace.db.transaction() as session:  # what a hand-edited file could hold
        session.connection().execute(
            update(a).where(a.c.id == ids["m2"]).values(low=9_000_000, high=1_000_000)
        )
        session.connection().execute(update(a).where(a.c.id == ids["ukraine"]).values(unit="USD"))
    with workspace.db.transaction() as session:
        summaries = read_summaries(session.connection())
    groups = compare(workspace.db)
    assert {s.measure: s for s in summaries.values()} == {
        g.measure: MeasureSummary.of(g) for g in groups
    }
    migrants = next(g for g in groups if g.measure == MIGRANTS)
    assert migrants.status == "conflict"  # at least 6 million vs (upside down) up to 1 million


def test_streaming_prints_what_one_list_would(workspace: Workspace, capsys) -> None:  # noqa: ANN001
    annotate_samples(workspace)
    rows = [
        {"measure": g.measure, "status": g.status, "figures": [f.as_dict() for f in g.figures]}
        for g in compare(workspace.db)
        if len(g.figures) > 1
    ]
    workspace.close()
    assert main(["conflicts", "--json", "--all"]) == 0
    assert capsys.readouterr().out == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def test_no_conflicts_print_an_empty_list(empty_workspace: Workspace, capsys) -> None:  # noqa: ANN001
    empty_workspace.close()
    assert main(["conflicts", "--json"]) == 0
    assert capsys.readouterr().out == "[]\n"


def test_figures_not_needed_are_let_go_but_not_those_shown(workspace: Workspace) -> None:
    annotate_samples(workspace)
    kept = Comparison(workspace.db, keep=2)  # figures kept beyond those pinned
    kept.load()
    kept.pin(CASUALTIES)
    for name in kept.summaries:
        assert kept.group(name) is not None
    assert kept.cached(CASUALTIES) is not None  # 4 figures, pinned
    held = [n for n in kept.summaries if n != CASUALTIES and kept.cached(n) is not None]
    assert sum(len(kept.group(n).figures) for n in held) <= 2


def test_streaming_reads_a_few_figures_at_a_time(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck_gui.services import comparison

    annotate_samples(workspace)
    expected = [g.measure for g in compare(workspace.db)]
    reads: list[list[int]] = []
    real = comparison.read_groups

    def spy(connection, measure_ids):  # noqa: ANN001, ANN202
        reads.append(list(measure_ids))
        return real(connection, measure_ids)

    monkeypatch.setattr(comparison, "STREAM_FIGURES", 2)
    monkeypatch.setattr(comparison, "read_groups", spy)
    assert [g.measure for g in comparison.stream_groups(workspace.db)] == expected
    assert len(reads) == len(expected)  # each measure holds more than 2 figures, or is alone
