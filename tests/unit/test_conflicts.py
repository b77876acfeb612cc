"""The sweep over sorted ends finds exactly the conflicts that checking every pair finds:
open ends, equal ends, units, unit-less figures and upside-down intervals included."""

from __future__ import annotations

import math
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_gui.domain.conflicts import Conflicts
from factcheck_gui.domain.intervals import CONFLICT, CONSISTENT, SINGLE, disjoint


@dataclass(frozen=True)
class Span:
    low: float | None
    high: float | None


def pairwise(figures: list[tuple[str, str | None, Span]]) -> tuple[str, list[tuple[str, str]]]:
    """The check as it was before the sweep (every pair, O(n²)): the reference."""
    pairs = [
        (a_id, b_id)
        for i, (a_id, a_unit, a) in enumerate(figures)
        for b_id, b_unit, b in figures[i + 1 :]
        if (a_unit == b_unit or a_unit is None or b_unit is None) and disjoint(a, b)
    ]
    if pairs:
        return CONFLICT, pairs
    return (CONSISTENT if len(figures) > 1 else SINGLE), []


# Few distinct numbers, so that ends are often equal; None is an open end.
ENDS = st.one_of(st.none(), st.integers(-3, 6).map(float), st.sampled_from([0.5, -0.0, 1e12]))
UNITS = st.sampled_from([None, "people", "USD", "percent"])


@st.composite
def measures(draw: st.DrawFn, *, upside_down: bool = True) -> list[tuple[str, str | None, Span]]:
    out = []
    for n in range(draw(st.integers(0, 14))):
        low, high = draw(ENDS), draw(ENDS)
        if low is not None and high is not None and low > high and not upside_down:
            low, high = high, low
        out.append((f"f{n}", draw(UNITS), Span(low, high)))
    return out


def partner_sets(pairs: list[tuple[str, str]], ids: list[str]) -> dict[str, set[str]]:
    sets: dict[str, set[str]] = {i: set() for i in ids}
    for a, b in pairs:
        sets[a].add(b)
        sets[b].add(a)
    return sets


@settings(max_examples=400, deadline=None)
@given(measures())
def test_the_sweep_finds_what_every_pair_finds(figures) -> None:  # noqa: ANN001
    status, pairs = pairwise(figures)
    ids = [f[0] for f in figures]
    found = Conflicts(figures)
    assert found.status == status
    expected = partner_sets(pairs, ids)
    for key in ids:
        assert set(found.partners(key)) == expected[key], key
        assert found.count(key) == len(expected[key])
        assert found.conflicting(key) is bool(expected[key])
        assert found.partners(key) == sorted(found.partners(key), key=ids.index)
    assert list(found.pairs()) == pairs  # the same pairs, in the same order
    assert found.pair_count == len(pairs)


@settings(max_examples=250, deadline=None)
@given(measures())
def test_the_closest_gaps_hold_the_narrowest_gap_of_every_pair(figures) -> None:  # noqa: ANN001
    by_id = {key: span for key, _unit, span in figures}
    _status, pairs = pairwise(figures)
    gaps = Conflicts(figures).closest_gaps()
    pair_set = {frozenset(p) for p in pairs}
    for top, bottom, lower, upper in gaps:  # each is a real pair, lower below upper
        assert frozenset((lower, upper)) in pair_set
        assert by_id[lower].high == top and by_id[upper].low == bottom and top < bottom
    if not pairs:
        assert gaps == []
        return
    for scale in (lambda x: x, lambda x: math.copysign(math.log1p(abs(x)), x)):
        narrowest = min(
            scale(b) - scale(a)
            for a, b in (
                (by_id[x].high, by_id[y].low)
                if by_id[x].high is not None
                and by_id[y].low is not None
                and by_id[x].high < by_id[y].low
                else (by_id[y].high, by_id[x].low)
                for x, y in pairs
            )
        )
        assert min(scale(b) - scale(a) for a, b, *_ in gaps) == narrowest


def test_an_open_end_and_an_equal_end_do_not_conflict() -> None:
    figures = [
        ("at least 10", None, Span(10, None)),
        ("up to 10", None, Span(None, 10)),
        ("exactly 10", "people", Span(10, 10)),
        ("9", "people", Span(9, 9)),
        ("9 dollars", "USD", Span(9, 9)),
    ]
    found = Conflicts(figures)
    assert found.partners("at least 10") == ["9", "9 dollars"]
    assert found.partners("up to 10") == []
    assert found.partners("exactly 10") == ["9"]  # not the dollars: another unit
    assert found.partners("9 dollars") == ["at least 10"]
    assert found.status == CONFLICT


def test_one_upside_down_figure_alone_conflicts_with_nothing() -> None:
    found = Conflicts([("odd", None, Span(10, 5))])
    assert found.status == SINGLE and found.count("odd") == 0
    both = Conflicts([("odd", None, Span(10, 5)), ("wide", None, Span(0, 100))])
    assert both.status == CONSISTENT  # 5 is not below 0, 100 not below 10
