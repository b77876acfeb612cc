"""Where a measure's figures go across a number line: linear, logarithmic, or zoomed to the
conflict hardest to see, chosen so that every conflict shows as a gap (no Qt here)."""

from __future__ import annotations

import math
from itertools import chain
from operator import attrgetter, itemgetter, sub

from factcheck_gui.services.comparison import MeasureGroup

AUTO, FIT, LOG, ZOOM = "auto", "fit", "log", "zoom"
MODES = {
    AUTO: "Auto: every conflict visible",
    FIT: "All figures, linear",
    LOG: "All figures, log scale",
    ZOOM: "Zoom to the closest conflict",
}
VISIBLE_GAP = 0.015  # a gap narrower than this share of the line is not seen


class Scale:
    """Maps a value to [0, 1] (outside it: past the line's ends) for one of ``MODES``."""

    @staticmethod
    def of(group: MeasureGroup, mode: str = AUTO) -> Scale:
        """The scale of ``group`` in ``mode``, made once (each paint asks for it)."""
        key = ("scale", mode)
        found = group.memo.get(key)
        if not isinstance(found, Scale):
            found = group.memo[key] = Scale(group, mode)
        return found

    def __init__(self, group: MeasureGroup, mode: str = AUTO) -> None:
        self.mode = mode
        if mode in (ZOOM, AUTO):
            fit = _fitted(group, log=None)
            if mode == ZOOM or _hidden_gaps(group, fit):
                logged = _fitted(group, log=True)
                if mode == AUTO and logged.log and not _hidden_gaps(group, logged):
                    self._take(logged, LOG)
                else:
                    zoomed = _zoomed(group)
                    self._take(zoomed or fit, ZOOM if zoomed else FIT)
            else:
                self._take(fit, LOG if fit.log else FIT)
        else:
            fitted = _fitted(group, log=mode == LOG)
            self._take(fitted, LOG if fitted.log else FIT)

    def _take(self, other: _Range, mode: str) -> None:
        self.log, self.lo, self.hi = other.log, other.lo, other.hi
        self.shown = mode  # what is drawn: FIT, LOG or ZOOM

    def __call__(self, value: float) -> float:
        return _place(self.log, self.lo, self.hi, value)

    def _past(self, values: list[float]) -> list[bool]:
        """For each value, whether it is past the line's ends (as ``self(value)`` says)."""
        lo, span = self.lo, self.hi - self.lo
        if self.log:
            floor = lo - span
            values = [math.log10(v) if v > 0 else floor for v in values]
        return [not 0 <= (v - lo) / span <= 1 for v in values]

    def caption(self, group: MeasureGroup) -> str:
        key = ("caption", self.mode, self.lo, self.hi)
        found = group.memo.get(key)
        if isinstance(found, str):
            return found
        cut: set[int] = set()
        for ends in ([f.low for f in group.figures], [f.high for f in group.figures]):
            known = [i for i, x in enumerate(ends) if x is not None]
            past_ends = self._past([ends[i] for i in known])  # type: ignore[misc]
            cut.update(i for i, past_end in zip(known, past_ends, strict=True) if past_end)
        past = len(cut)
        words = {FIT: "", LOG: "log scale", ZOOM: "zoomed to the closest conflict"}[self.shown]
        if past:
            words += f"{'; ' if words else ''}{past} run{'s' * (past == 1)} past the line (cut //)"
        group.memo[key] = words
        return words

    def ticks(self) -> list[float]:
        if self.log:
            first, last = math.ceil(self.lo), math.floor(self.hi)
            found = [10.0**k for k in range(first, last + 1)]
            if len(found) >= 2:
                return found
            lo, hi = 10**self.lo, 10**self.hi  # less than a decade: linear ticks between
            return [t for t in _linear_ticks(lo, hi) if t > 0]
        return _linear_ticks(self.lo, self.hi)


class _Range:
    def __init__(self, log: bool, lo: float, hi: float) -> None:
        if hi == lo:
            lo, hi = lo - (abs(lo) * 0.1 or 1), hi + (abs(hi) * 0.1 or 1)
        self.log, self.lo, self.hi = log, lo, hi

    def __call__(self, value: float) -> float:
        return _place(self.log, self.lo, self.hi, value)


def _place(log: bool, lo: float, hi: float, value: float) -> float:
    """Where ``value`` goes on a line from ``lo`` to ``hi`` (in log10 when ``log``)."""
    v = (math.log10(value) if value > 0 else lo - (hi - lo)) if log else value
    return (v - lo) / (hi - lo)


def _ends(group: MeasureGroup) -> tuple[float, float] | None:
    """The lowest and highest end or value drawn (once per group)."""
    found = group.memo.get("ends", False)
    if found is False:
        # A vague amount's top ("millions": up to a billion) would squash the rest; it is
        # drawn running past the line's end, labelled with its value, like any end beyond.
        figures = group.figures
        precise = not all(map(attrgetter("vague"), figures))
        highs = [f.high for f in figures if not (f.vague and precise)]
        ends = chain(map(attrgetter("low"), figures), map(attrgetter("value"), figures), highs)
        values = [x for x in ends if x is not None and math.isfinite(x)]
        found = group.memo["ends"] = (min(values), max(values)) if values else None
    return found  # type: ignore[return-value]


def _fitted(group: MeasureGroup, *, log: bool | None) -> _Range:
    """Every figure: ``log`` None chooses log when they span more than a factor of 20."""
    lo, hi = _ends(group) or (0.0, 1.0)
    use_log = lo > 0 and (hi / lo > 20 if log is None else log)
    if use_log:
        lo, hi = math.log10(lo), math.log10(hi)
    pad = (hi - lo) * 0.06
    return _Range(use_log, lo - pad, hi + pad)


def _gaps(group: MeasureGroup) -> list[tuple[float, float, str, str]]:
    """The gaps of disjoint pairs as (the lower one's top, the upper one's bottom, their
    ids): for each figure the one to the nearest figure below it, among which is the
    narrowest of all on a linear or a log scale (all that the scale looks for)."""
    return group.conflicts.closest_gaps()


def _narrowest(group: MeasureGroup, scale: _Range) -> tuple[float, float, str, str] | None:
    """The gap that is narrowest on ``scale`` (on a linear one, the narrowest in numbers)."""
    gaps = _gaps(group)
    if not gaps:
        return None
    tops, bottoms = list(map(itemgetter(0), gaps)), list(map(itemgetter(1), gaps))
    if scale.log and min(tops) <= 0:  # drawn at the line's start: as the scale says
        return min(gaps, key=lambda g: scale(g[1]) - scale(g[0]))
    if scale.log:
        tops, bottoms = list(map(math.log10, tops)), list(map(math.log10, bottoms))
    widths = list(map(sub, bottoms, tops))
    return gaps[min(range(len(gaps)), key=widths.__getitem__)]


def _hidden_gaps(group: MeasureGroup, scale: _Range) -> bool:
    narrowest = _narrowest(group, scale)
    return narrowest is not None and scale(narrowest[1]) - scale(narrowest[0]) < VISIBLE_GAP


def _zoomed(group: MeasureGroup) -> _Range | None:
    """The two intervals whose gap is the hardest to see when every figure is shown, whole
    (a vague amount's far end, or an open one, is left to run past the line)."""
    narrowest = _narrowest(group, _fitted(group, log=None))
    if narrowest is None:
        return None
    top, bottom = narrowest[0], narrowest[1]
    lower, upper = group.figure(narrowest[2]), group.figure(narrowest[3])
    gap = bottom - top
    lo = lower.low if lower.low is not None and not lower.vague else top - 2 * gap
    hi = upper.high if upper.high is not None and not upper.vague else bottom + 2 * gap
    lo, hi = min(lo, top - gap), max(hi, bottom + gap)
    pad = (hi - lo) * 0.06
    return _Range(False, lo - pad, hi + pad)


def _linear_ticks(lo: float, hi: float) -> list[float]:
    span = hi - lo
    if span <= 0:
        return [lo]
    step = 10 ** math.floor(math.log10(span / 4))
    for factor in (1, 2, 5, 10):
        if span / (step * factor) <= 6:
            step *= factor
            break
    first = math.ceil(lo / step) * step
    return [first + k * step for k in range(int((hi - first) / step) + 1)]
