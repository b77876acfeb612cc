"""The number line's scale: every conflict shows as a gap, by zooming or a log scale."""

from __future__ import annotations

from factcheck_gui.domain.intervals import CONFLICT, CONSISTENT
from factcheck_gui.services.comparison import ComparedFigure, MeasureGroup
from factcheck_gui.ui.comparison.number_scale import AUTO, FIT, LOG, VISIBLE_GAP, ZOOM, Scale


def figure(key: str, low: float | None, high: float | None, *, vague: bool = False):  # noqa: ANN201
    value = low if low is not None else high
    return ComparedFigure(
        key, 1, "An article", "Outlet", key, value, "people", low, high, None, "unchecked",
        vague=vague,
    )  # fmt: skip


CASUALTIES = MeasureGroup(
    "Casualties",
    (
        figure("nearly", 270_000, 300_000),
        figure("millions", 2_000_000, 1_000_000_000, vague=True),
        figure("about", 450_000, 550_000),
        figure("exact", 264_655, 264_665),
    ),
)


def test_the_groups_here_conflict_as_drawn() -> None:
    assert CASUALTIES.status == CONFLICT
    assert list(CASUALTIES.conflicts.pairs()) == [
        ("nearly", "millions"),
        ("nearly", "about"),
        ("nearly", "exact"),
        ("millions", "about"),
        ("millions", "exact"),
        ("about", "exact"),
    ]


def gap(scale: Scale, low_top: float, high_bottom: float) -> float:
    return scale(high_bottom) - scale(low_top)


def test_auto_zooms_when_a_conflict_would_be_a_few_pixels() -> None:
    fit = Scale(CASUALTIES, FIT)
    assert gap(fit, 264_665, 270_000) < VISIBLE_GAP  # the issue: invisible on the whole line
    auto = Scale(CASUALTIES, AUTO)
    assert auto.shown == ZOOM
    assert gap(auto, 264_665, 270_000) > 0.1
    assert 0 <= auto(264_660) <= 1 and 0 <= auto(300_000) <= 1  # both intervals whole
    assert auto(2_000_000) > 1  # the rest runs past the line, and says so
    assert "zoomed to the closest conflict; 2 run past the line" in auto.caption(CASUALTIES)


def test_a_log_scale_when_it_shows_every_gap() -> None:
    group = MeasureGroup(
        "Budget",
        (figure("small", 10, 12), figure("mid", 2_000, 2_400), figure("big", 900_000, 1e6)),
    )
    assert group.status == CONFLICT
    auto = Scale(group, AUTO)
    assert auto.shown == LOG and auto.log
    assert gap(auto, 12, 2_000) > VISIBLE_GAP
    assert auto.caption(group) == "log scale"
    assert Scale(group, FIT).log is False and Scale(group, LOG).log is True


def test_consistent_figures_are_all_shown_linearly() -> None:
    group = MeasureGroup("Migrants", (figure("a", 6e6, None), figure("b", 5.5e6, 6.5e6)))
    assert group.status == CONSISTENT
    scale = Scale(group, AUTO)
    assert scale.shown == FIT and scale.caption(group) == ""
    assert all(0 <= scale(x) <= 1 for x in (5.5e6, 6e6, 6.5e6))
    assert Scale(group, ZOOM).shown == FIT  # nothing to zoom to
    assert scale.ticks()
