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
from itertools import compress, repeat
from operator import attrgetter, is_not, itemgetter, sub
from typing import NamedTuple

from factcheck_gui.domain.intervals import CONFLICT, CONSISTENT, SINGLE, Bounded, disjoint

Gap = tuple[float, float, str, str]  # the lower one's top, the upper one's bottom, their ids


class _Pool:
    """The figures of one unit (or of none): their high ends and their low ends, sorted,
    each with the figures' positions."""

    __slots__ = ("high_at", "highs", "low_at", "lows")

    def __init__(self, members: list[int], lows: list[float | None], highs: list[float | None]):
        # (map, compress and sort with a list's own __getitem__: no Python code per figure)
        self.high_at = sorted(_known(members, highs), key=highs.__getitem__)  # type: ignore[arg-type]
        self.highs: list[float] = list(map(highs.__getitem__, self.high_at))  # type: ignore[arg-type]
        self.low_at = sorted(_known(members, lows), key=lows.__getitem__)  # type: ignore[arg-type]
        self.lows: list[float] = list(map(lows.__getitem__, self.low_at))  # type: ignore[arg-type]

    def below(self, low: float | None) -> int:
        """How many of its figures end below ``low``: the first of them in ``high_at``."""
        return 0 if low is None else bisect_left(self.highs, low)

    def above(self, high: float | None) -> int:
        """Where the figures that begin above ``high`` start in ``low_at``."""
        return len(self.lows) if high is None else bisect_right(self.lows, high)


class Conflicts:
    """The conflicts among one measure's figures, given as (id, unit, interval)."""

    def __init__(self, figures: Sequence[tuple[str, str | None, Bounded]]) -> None:
        spans = list(map(itemgetter(2), figures))
        self._setup(
            list(map(itemgetter(0), figures)),
            list(map(itemgetter(1), figures)),
            list(map(attrgetter("low"), spans)),
            list(map(attrgetter("high"), spans)),
        )

    @classmethod
    def of(
        cls,
        ids: list[str],
        units: list[str | None],
        lows: list[float | None],
        highs: list[float | None],
    ) -> Conflicts:
        """From the figures' columns: ids, units, low ends and high ends."""
        found = cls.__new__(cls)
        found._setup(ids, units, lows, highs)
        return found

    def _setup(
        self,
        ids: list[str],
        units: list[str | None],
        lows: list[float | None],
        highs: list[float | None],
    ) -> None:
        n = len(ids)
        self.ids, self._units, self._lows, self._highs = ids, units, lows, highs
        self._position = dict(zip(ids, range(n), strict=True))
        upside_down = {
            i
            for i, lo, hi in zip(range(n), lows, highs, strict=True)
            if lo is not None and hi is not None and lo > hi
        }
        self._upside_down = upside_down
        normal = [i for i in range(n) if i not in upside_down] if upside_down else list(range(n))
        by_unit: dict[str | None, list[int]] = {}
        if len(set(units)) == 1:  # (one unit: no need to sort them out)
            if normal:
                by_unit[units[0]] = normal
        else:
            for i in normal:
                by_unit.setdefault(units[i], []).append(i)
        self._pools = {unit: _Pool(members, lows, highs) for unit, members in by_unit.items()}
        # a figure without a unit is compared with every other
        every = _Pool(normal, lows, highs) if None in by_unit else None
        unitless = self._pools.get(None)
        self._compared_with: dict[str | None, tuple[_Pool, ...]] = {
            unit: (pool, unitless) if unit is not None and unitless is not None else (pool,)
            for unit, pool in self._pools.items()
        }
        if every is not None:
            self._compared_with[None] = (every,)
        # Upside-down figures, pair by pair: each one's partners, and each partner's.
        self._odd: dict[int, set[int]] = {}
        for i in upside_down:
            for j in range(n):
                if j != i and self._compared(i, j) and _disjoint(lows, highs, i, j):
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
            self._counts[i] = self._count(i)
        return self._counts[i]

    def _count(self, i: int) -> int:
        odd = len(self._odd.get(i, ()))
        if i in self._upside_down:
            return odd
        lo, hi = self._lows[i], self._highs[i]
        pools = self._compared_with[self._units[i]]
        return odd + sum(p.below(lo) + len(p.lows) - p.above(hi) for p in pools)

    def conflicting(self, annotation_id: str) -> bool:
        """Whether some figure cannot be true with it: one that ends below its low end
        (the lowest high end does) or begins above its high end (the highest low end does)."""
        i = self._position.get(annotation_id)
        if i is None:
            return False
        if i in self._odd:
            return True
        if i in self._upside_down:
            return False
        lo, hi = self._lows[i], self._highs[i]
        for pool in self._compared_with[self._units[i]]:
            if lo is not None and pool.highs and pool.highs[0] < lo:
                return True
            if hi is not None and pool.lows and pool.lows[-1] > hi:
                return True
        return False

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
        """For each figure and each pool it is compared with, the gap to the nearest figure
        of the pool entirely below it: among them is the narrowest gap of every pair, on
        any scale that keeps the order of numbers (linear or log)."""
        if self._gaps is None:
            self._gaps = self._closest_gaps()
        return self._gaps

    def _closest_gaps(self) -> list[Gap]:
        out: list[Gap] = []
        ids = self.ids.__getitem__
        for unit, own in self._pools.items():
            lows = own.lows  # the low ends of this unit's figures, sorted
            for pool in self._compared_with[unit]:
                # how many of the pool's figures end below each low end: never fewer for
                # a higher one, so those with none below come first
                below = list(map(bisect_left, repeat(pool.highs, len(lows)), lows))
                start = bisect_right(below, 0)
                nearest = list(map(sub, below[start:], repeat(1)))
                tops = map(pool.highs.__getitem__, nearest)
                lowers = map(ids, map(pool.high_at.__getitem__, nearest))
                uppers = map(ids, own.low_at[start:])
                out.extend(zip(tops, lows[start:], lowers, uppers, strict=True))
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
        return self._compared_with[self._units[i]]

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


class _Ends(NamedTuple):
    low: float | None
    high: float | None


def _disjoint(lows: list[float | None], highs: list[float | None], i: int, j: int) -> bool:
    """``intervals.disjoint`` of figures ``i`` and ``j``."""
    return disjoint(_Ends(lows[i], highs[i]), _Ends(lows[j], highs[j]))


def _known(members: list[int], ends: list[float | None]) -> Iterator[int]:
    """The members whose end is not open."""
    return compress(members, map(is_not, map(ends.__getitem__, members), repeat(None)))
