"""Which figures of one measure cannot all be true, found by sorting their ends.

The rules are those of ``intervals``: two figures conflict when their intervals share no
value (one's high end is below the other's low end; an open end is below or above
nothing); figures in different units are not compared, and a figure without a unit is
compared with every other. Instead of checking every pair, each unit's figures are kept
with their ends sorted: the figures a figure conflicts with are those whose high end is
below its low end and those whose low end is above its high end, two binary searches in
each pool of figures it is compared with (its unit's and the unit-less ones; every figure
when it has no unit). Counts and partners are found when asked and remembered; no list of
pairs is kept.

An upside-down interval (low above high; the editor refuses one, a file may hold one) is
checked against every other figure pair by pair: such figures are rare, and the sorted
ends would count them against themselves.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

from factcheck_gui.domain.intervals import CONFLICT, CONSISTENT, SINGLE, Bounded, disjoint

Gap = tuple[float, float, str, str]  # the lower one's top, the upper one's bottom, their ids


class _Pool:
    """The figures of one unit (or of none): their high ends and their low ends, sorted,
    each with the figures' positions."""

    __slots__ = ("high_at", "highs", "low_at", "lows")

    def __init__(self, members: list[int], lows: list[float | None], highs: list[float | None]):
        with_high = sorted((h, i) for i in members if (h := highs[i]) is not None)
        with_low = sorted((lo, i) for i in members if (lo := lows[i]) is not None)
        self.highs = [h for h, _i in with_high]
        self.high_at = [i for _h, i in with_high]
        self.lows = [lo for lo, _i in with_low]
        self.low_at = [i for _lo, i in with_low]

    def below(self, low: float | None) -> int:
        """How many of its figures end below ``low``: the first of them in ``high_at``."""
        return 0 if low is None else bisect_left(self.highs, low)

    def above(self, high: float | None) -> int:
        """Where the figures that begin above ``high`` start in ``low_at``."""
        return len(self.lows) if high is None else bisect_right(self.lows, high)


class Conflicts:
    """The conflicts among one measure's figures, given as (id, unit, interval)."""

    def __init__(self, figures: Sequence[tuple[str, str | None, Bounded]]) -> None:
        self.ids = [f[0] for f in figures]
        self._position = {key: i for i, key in enumerate(self.ids)}
        self._units = [f[1] for f in figures]
        self._lows = [f[2].low for f in figures]
        self._highs = [f[2].high for f in figures]
        lows, highs = self._lows, self._highs
        upside_down = {i for i in range(len(figures)) if _below(highs[i], lows[i])}
        self._upside_down = upside_down
        by_unit: dict[str | None, list[int]] = {}
        for i, unit in enumerate(self._units):
            if i not in upside_down:
                by_unit.setdefault(unit, []).append(i)
        self._pools = {unit: _Pool(members, lows, highs) for unit, members in by_unit.items()}
        normal = [i for i in range(len(figures)) if i not in upside_down]
        # a figure without a unit is compared with every other
        self._every = _Pool(normal, lows, highs) if None in by_unit else None
        # Upside-down figures, pair by pair: each one's partners, and each partner's.
        self._odd: dict[int, set[int]] = {}
        for i in upside_down:
            for j in range(len(figures)):
                if j != i and self._compared(i, j) and disjoint(figures[i][2], figures[j][2]):
                    self._odd.setdefault(i, set()).add(j)
                    self._odd.setdefault(j, set()).add(i)
        self._counts: dict[int, int] = {}
        self._gaps: list[Gap] | None = None
        self.status = self._status()

    # -- asking ---------------------------------------------------------------------------
    def count(self, annotation_id: str) -> int:
        """How many figures ``annotation_id`` cannot both be true with (0 if not one of them)."""
        i = self._position.get(annotation_id)
        if i is None:
            return 0
        if i not in self._counts:
            self._counts[i] = sum(len(part) for part in self._parts(i))
        return self._counts[i]

    def conflicting(self, annotation_id: str) -> bool:
        return self.count(annotation_id) > 0

    def partners(self, annotation_id: str) -> list[str]:
        """The figures ``annotation_id`` cannot both be true with, in the figures' order."""
        i = self._position.get(annotation_id)
        return [] if i is None else [self.ids[j] for j in self._partners(i)]

    def pairs(self) -> Iterator[tuple[str, str]]:
        """Each pair that cannot both be true once, the earlier figure first, in the
        figures' order (made as they are asked for: a large measure has millions)."""
        for i, key in enumerate(self.ids):
            if self.count(key):
                for j in self._partners(i):
                    if j > i:
                        yield key, self.ids[j]

    @property
    def pair_count(self) -> int:
        return sum(self.count(key) for key in self.ids) // 2

    def closest_gaps(self) -> list[Gap]:
        """For each figure, the gap to the nearest figure entirely below it that it is
        compared with: among them is the narrowest gap of every pair, on any scale that
        keeps the order of numbers (linear or log)."""
        if self._gaps is None:
            self._gaps = self._closest_gaps()
        return self._gaps

    def _closest_gaps(self) -> list[Gap]:
        out: list[Gap] = []
        for i, low in enumerate(self._lows):
            if low is None or i in self._upside_down:
                continue
            best: tuple[float, int] | None = None
            for pool in self._pools_of(i):
                k = pool.below(low)
                if k and (best is None or pool.highs[k - 1] > best[0]):
                    best = (pool.highs[k - 1], pool.high_at[k - 1])
            if best is not None:
                out.append((best[0], low, self.ids[best[1]], self.ids[i]))
        for i in self._upside_down:
            for j in self._odd.get(i, ()):
                if j in self._upside_down and j < i:
                    continue  # this pair was met from j
                a, b = min(i, j), max(i, j)  # as a pair is listed: the earlier figure first
                lower, upper = (a, b) if _below(self._highs[a], self._lows[b]) else (b, a)
                top, bottom = self._highs[lower], self._lows[upper]
                assert top is not None and bottom is not None
                out.append((top, bottom, self.ids[lower], self.ids[upper]))
        return out

    # -- finding ------------------------------------------------------------------------------
    def _compared(self, i: int, j: int) -> bool:
        a, b = self._units[i], self._units[j]
        return a == b or a is None or b is None

    def _pools_of(self, i: int) -> tuple[_Pool, ...]:
        """The pools of figures that figure ``i`` is compared with (none for an upside-down
        one, which is checked pair by pair)."""
        unit = self._units[i]
        if unit is None:
            assert self._every is not None  # it is made when a figure has no unit
            return (self._every,)
        own = self._pools.get(unit)
        unitless = self._pools.get(None)
        return tuple(p for p in (own, unitless) if p is not None)

    def _parts(self, i: int) -> Iterator[Sequence[int]]:
        lo, hi = self._lows[i], self._highs[i]
        if i in self._upside_down:
            yield sorted(self._odd.get(i, ()))
            return
        for pool in self._pools_of(i):
            yield pool.high_at[: pool.below(lo)]
            yield pool.low_at[pool.above(hi) :]
        if i in self._odd:
            yield sorted(self._odd[i])

    def _partners(self, i: int) -> list[int]:
        return sorted(j for part in self._parts(i) for j in part)

    def _status(self) -> str:
        if self._odd:
            return CONFLICT
        units: list[str | None] = [u for u in self._pools if u is not None] or [None]
        unitless = self._pools.get(None)
        for unit in units:
            pools = [p for p in (self._pools.get(unit), unitless) if p is not None]
            highs = [p.highs[0] for p in pools if p.highs]
            lows = [p.lows[-1] for p in pools if p.lows]
            if highs and lows and min(highs) < max(lows):
                return CONFLICT
        return CONSISTENT if len(self.ids) > 1 else SINGLE


def _below(high: float | None, low: float | None) -> bool:
    return high is not None and low is not None and high < low
