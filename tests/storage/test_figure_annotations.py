"""Tagging a figure reads its value, unit, hedge and interval; every field stays editable."""

from __future__ import annotations

import pytest

from factcheck_gui.domain.errors import UserError
from factcheck_gui.domain.model import Kind, NewAnnotation
from factcheck_gui.services.workspace import Workspace


def tag(ws: Workspace, article_id: int, quote: str, kind: Kind = Kind.FIGURE, nth: int = 0):  # noqa: ANN201
    text = ws.library.article(article_id).text
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return ws.annotations.create(NewAnnotation(article_id, start, start + len(quote), kind, "r"))[0]


def test_a_figure_takes_its_hedge_from_the_words_before_it(workspace: Workspace) -> None:
    a = tag(workspace, 2, "300,000")  # "... casualties are nearing 300,000"
    assert (a.value, a.hedge, a.low, a.high) == (300_000, "nearing", 270_000, 300_000)
    b = tag(workspace, 2, "190,000 rubles")
    assert (b.value, b.unit, b.low, b.high) == (190_000, "RUB", 185_000, 195_000)
    c = tag(workspace, 3, "millions of soldiers")
    assert c.vague and c.unit == "people" and c.low == 2_000_000


def test_a_claim_has_no_figure_fields_until_it_becomes_a_figure(workspace: Workspace) -> None:
    a = tag(workspace, 4, "264,660 fighters", Kind.CLAIM)
    assert a.value is None
    workspace.annotations.update(a.id, {"kind": "figure"})
    b = workspace.annotations.get_annotation(a.id)
    assert (b.value, b.unit, b.low, b.high) == (264_660, "people", 264_655, 264_665)


def test_figure_fields_and_measures_are_editable(workspace: Workspace) -> None:
    a = tag(workspace, 1, "at least 6 million migrants")
    workspace.annotations.update(
        a.id,
        {
            "measure": "  Central Asian   migrants in Russia ",
            "high": 7_000_000,
            "as_of": "2023-09-03",
        },
    )
    b = workspace.annotations.get_annotation(a.id)
    assert b.measure == "Central Asian migrants in Russia" and b.high == 7_000_000
    assert b.as_of is not None and b.as_of.isoformat() == "2023-09-03"
    other = tag(workspace, 2, "at least 6 million migrants")
    workspace.annotations.update(other.id, {"measure": "Central Asian migrants in Russia"})
    assert workspace.annotations.get_annotation(other.id).measure == b.measure
    workspace.annotations.update(a.id, {"measure": ""})
    assert workspace.annotations.get_annotation(a.id).measure is None


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"value": "lots"}, "value should be a number"),
        ({"as_of": "Sept 3"}, "as-of date should look like 2023-09-04"),
    ],
)
def test_bad_figure_edits_are_refused_and_nothing_changes(workspace, values, message) -> None:  # noqa: ANN001
    a = tag(workspace, 1, "about 280,000 people")
    with pytest.raises(UserError, match=message):
        workspace.annotations.update(a.id, values)
    assert workspace.annotations.get_annotation(a.id) == a


def _tag_at(ws: Workspace, article_id: int, start: int, end: int):  # noqa: ANN202
    return ws.annotations.create(NewAnnotation(article_id, start, end, Kind.FIGURE, "r"))[0]


def test_a_drag_that_stops_inside_a_number_tags_the_whole_number(workspace: Workspace) -> None:
    text = workspace.library.article(2).text
    at = text.index("300,000")
    a = _tag_at(workspace, 2, at, at + 5)  # "300,0"
    assert (a.quote, a.value) == ("300,000", 300_000)
    b = _tag_at(workspace, 2, at + 2, at + 7)  # "0,000"
    assert (b.quote, b.value) == ("300,000", 300_000)


def test_punctuation_at_the_ends_of_a_selection_is_trimmed(workspace: Workspace) -> None:
    text = workspace.library.article(2).text
    at = text.index("300,000")
    a = _tag_at(workspace, 2, at - 1, at + 8)  # " 300,000," or " 300,000."
    assert a.quote == "300,000" and a.start == at


def test_words_without_a_number_get_no_value_and_stay_out_of_the_comparison(
    workspace: Workspace,
) -> None:
    from factcheck_gui.services.comparison import compare

    text = workspace.library.article(2).text
    at = text.index("nearing")
    a = _tag_at(workspace, 2, at, at + len("nearing"))
    assert (a.value, a.low, a.high) == (None, None, None)
    workspace.annotations.update(a.id, {"measure": "Words only"})
    assert "Words only" not in {g.measure for g in compare(workspace.db)}
    workspace.annotations.update(a.id, {"value": "300,000"})
    assert "Words only" in {g.measure for g in compare(workspace.db)}


def test_the_unit_after_the_selected_number_is_read(workspace: Workspace) -> None:
    text = workspace.library.article(1).text
    at = text.index("280,000 people")
    a = _tag_at(workspace, 1, at, at + len("280,000"))
    assert (a.quote, a.value, a.unit, a.hedge) == ("280,000", 280_000, "people", "about")
