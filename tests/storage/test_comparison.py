"""Figures grouped by measure on the sample articles: the casualty figures conflict."""

from __future__ import annotations

import json

from factcheck_gui.cli import main
from factcheck_gui.domain.model import Kind, NewAnnotation
from factcheck_gui.services.comparison import compare
from factcheck_gui.services.workspace import Workspace

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
    assert (ids["nearly"], ids["about"]) in casualties.disjoint
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


def test_the_kept_comparison_follows_each_change(workspace: Workspace) -> None:
    """After every kind of change, refreshing only the touched measures gives what a full
    comparison gives, and names just those measures."""
    from factcheck_gui.domain.commands import MergeMeasures, RenameMeasure
    from factcheck_gui.services.comparison import Comparison

    ids = annotate_samples(workspace)
    kept = Comparison(workspace.db)
    kept.load()

    def check(changes, expected: set[str]) -> None:  # noqa: ANN001
        assert kept.refresh(changes) == expected
        assert sorted(kept.groups.values(), key=lambda g: g.measure) == sorted(
            compare(workspace.db), key=lambda g: g.measure
        )

    ws = workspace
    check(ws.annotations.update(ids["about"], {"value": 290_000}), {CASUALTIES})
    check(ws.annotations.update(ids["none"], {"measure": MIGRANTS}), {MIGRANTS})
    check(ws.annotations.update(ids["none"], {"measure": "Share"}), {MIGRANTS, "Share"})
    who = next(a for a in ws.annotations.for_article(2) if a.kind is Kind.ATTRIBUTION)
    check(ws.annotations.update(who.id, {"speaker": "the Pentagon"}), {CASUALTIES})
    assert {f.source for f in kept.groups[CASUALTIES].figures} == {"the Pentagon", None}
    removal, changes = ws.annotations.delete(who.id)
    check(changes, {CASUALTIES})
    check(ws.annotations.restore(removal), {CASUALTIES})
    check(RenameMeasure(ws.measures, MIGRANTS, "Migrants").do(), {MIGRANTS, "Migrants"})
    check(MergeMeasures(ws.measures, ["Share"], "Migrants").do(), {"Share", "Migrants"})
    _, changes = ws.annotations.delete(ids["lonely"])
    check(changes, {"Russian losses per day, May 2024"})
    assert "Russian losses per day, May 2024" not in kept.groups
