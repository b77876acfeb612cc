"""Where a measure's figures go across a number line: linear, logarithmic, or zoomed to the
conflict hardest to see, chosen so that every conflict shows as a gap (no Qt here)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from factcheck_gui.services.comparison import ComparedFigure, MeasureGroup

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

    def __init__(self, group: MeasureGroup, mode: str = AUTO) -> None:
        figures = group.figures
        self.mode = mode
        if mode in (ZOOM, AUTO):
            fit = _fitted(figures, log=None)
            if mode == ZOOM or _hidden_gaps(group, fit):
                logged = _fitted(figures, log=True)
                if mode == AUTO and logged.log and not _hidden_gaps(group, logged):
                    self._take(logged, LOG)
                else:
                    zoomed = _zoomed(group)
                    self._take(zoomed or fit, ZOOM if zoomed else FIT)
            else:
                self._take(fit, LOG if fit.log else FIT)
        else:
            fitted = _fitted(figures, log=mode == LOG)
            self._take(fitted, LOG if fitted.log else FIT)

    def _take(self, other: _Range, mode: str) -> None:
        self.log, self.lo, self.hi = other.log, other.lo, other.hi
        self.shown = mode  # what is drawn: FIT, LOG or ZOOM

    def __call__(self, value: float) -> float:
        return _Range(self.log, self.lo, self.hi)(value)

    def caption(self, group: MeasureGroup) -> str:
        past = sum(
            1
            for f in group.figures
            if any(x is not None and not 0 <= self(x) <= 1 for x in (f.low, f.high))
        )
        words = {FIT: "", LOG: "log scale", ZOOM: "zoomed to the closest conflict"}[self.shown]
        if past:
            words += f"{'; ' if words else ''}{past} run{'s' * (past == 1)} past the line (cut //)"
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
        if self.log:
            v = math.log10(value) if value > 0 else self.lo - (self.hi - self.lo)
        else:
            v = value
        return (v - self.lo) / (self.hi - self.lo)


def _ends(figures: Sequence[ComparedFigure]) -> list[float]:
    # A vague amount's top ("millions": up to a billion) would squash the rest; it is drawn
    # running past the line's end, labelled with its value, like any end beyond the range.
    precise = [f for f in figures if not f.vague]
    values = (
        x
        for f in figures
        for x in (f.low, f.value, None if f.vague and precise else f.high)
        if x is not None
    )
    return [x for x in values if math.isfinite(x)]


def _fitted(figures: Sequence[ComparedFigure], *, log: bool | None) -> _Range:
    """Every figure: ``log`` None chooses log when they span more than a factor of 20."""
    ends = _ends(figures)
    lo, hi = (min(ends), max(ends)) if ends else (0.0, 1.0)
    use_log = lo > 0 and (hi / lo > 20 if log is None else log)
    if use_log:
        lo, hi = math.log10(lo), math.log10(hi)
    pad = (hi - lo) * 0.06
    return _Range(use_log, lo - pad, hi + pad)


def _gap(group: MeasureGroup) -> list[tuple[float, float, ComparedFigure, ComparedFigure]]:
    """The gaps of disjoint pairs as (the lower one's top, the upper one's bottom, lower,
    upper): for each figure the one to the nearest figure below it, among which is the
    narrowest of all on a linear or a log scale (all that the scale looks for)."""
    return [
        (top, bottom, group.figure(lower), group.figure(upper))
        for top, bottom, lower, upper in group.conflicts.closest_gaps()
    ]


def _hidden_gaps(group: MeasureGroup, scale: _Range) -> bool:
    return any(scale(b) - scale(a) < VISIBLE_GAP for a, b, *_ in _gap(group))


def _zoomed(group: MeasureGroup) -> _Range | None:
    """The two intervals whose gap is the hardest to see when every figure is shown, whole
    (a vague amount's far end, or an open one, is left to run past the line)."""
    gaps = _gap(group)
    if not gaps:
        return None
    fit = _fitted(group.figures, log=None)
    top, bottom, lower, upper = min(gaps, key=lambda g: fit(g[1]) - fit(g[0]))
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
