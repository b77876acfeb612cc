"""The interval rules, in one place: what a figure's words allow, and when two conflict.


* **Implied precision.** A stated number is as precise as its last non-zero digit: "5,140"
  is 5,135-5,145; "5,000" is 4,500-5,500; "1.5 million" is 1.45-1.55 million. A number
  with no hedge allows its precision, half a step either way.
* **Hedges** widen or bound that interval (``HEDGES``): "about 500,000" allows 10% either
  way (or the precision, if wider); "nearly 300,000" is 90-100% of it; "at least" and "more
  than" leave the top open, "up to" and "fewer than" the bottom; "exactly" is the point.
* **Ranges** ("between 10 and 20", "10-20", "10 to 20") allow what they name.
* **Vague amounts** ("hundreds of thousands", "millions", "dozens") are wide intervals from
  twice the unit to just below the next scale up, and are marked ``vague``.
* **Fractions** are as precise as a decimal of one place: "7 1/2" is 7.45-7.55, "half a
  million" 450,000-550,000; a share ("two-thirds of the members") is read in percent,
  66.7 with 5 points either way, like "70 percent".
* **Hedges after the number** ("80-plus", "1,000 or more", "40-odd", "20 or so") are
  bounds like those before it ("plus" is "at least", "odd" is "about").
* **Counts of people are whole**: their ends are rounded inward to whole numbers
  ("about 15 people" is 14-16, "18 people" exactly 18), never a fractional person; an
  interval with no whole number inside becomes the nearest one.
* An end is ``None`` when the words leave it open.
"""

from __future__ import annotations

import math
from typing import Protocol

APPROX = 0.10  # "about", "around": this share either way, or the implied precision if wider
NEAR = 0.10  # "nearly", "almost": up to this share below the number


class Bounded(Protocol):
    @property
    def low(self) -> float | None: ...
    @property
    def high(self) -> float | None: ...


def implied_step(value: float) -> float:
    """The precision a typed value states: 280000 -> 10,000; 1.5 -> 0.1; 264660 -> 10."""
    digits = f"{abs(value):f}".rstrip("0").rstrip(".") if value % 1 else f"{abs(value):.0f}"
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1])
    stripped = digits.rstrip("0")
    return 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0


WHOLE_UNITS = frozenset({"people"})  # counted one by one: no fractional interval ends


def interval(
    value: float, step: float, kind: str, *, unit: str | None = None
) -> tuple[float | None, float | None]:
    """The interval a number with implied precision ``step`` allows under a hedge kind."""
    low, high = _interval(value, step, kind)
    return whole(low, high) if unit in WHOLE_UNITS else (low, high)


def whole(low: float | None, high: float | None) -> tuple[float | None, float | None]:
    """An interval of a count rounded inward to whole numbers (to the nearest whole number
    if none is inside)."""
    new_low = None if low is None else float(math.ceil(low - 1e-9))
    new_high = None if high is None else float(math.floor(high + 1e-9))
    if new_low is not None and new_high is not None and new_low > new_high:
        assert low is not None and high is not None
        nearest = float(math.floor((low + high) / 2 + 0.5))  # "2.5 people": no whole count
        return nearest, nearest  # inside, so the nearest one
    return new_low, new_high


def _interval(value: float, step: float, kind: str) -> tuple[float | None, float | None]:
    half = step / 2
    if kind == "exact":
        return value, value
    if kind in ("min", "above"):
        return value, None
    if kind == "just_above":  # (a negative value's share is taken towards zero)
        return value, value + abs(value) * NEAR
    if kind in ("max", "below"):
        return None, value
    if kind == "near":
        return value - abs(value) * NEAR, value
    if kind == "approx":
        spread = max(half, abs(value) * APPROX)
        return value - spread, value + spread
    return value - half, value + half


def disjoint(a: Bounded, b: Bounded) -> bool:
    """Two figures cannot both be true: their intervals share no value."""
    if a.high is not None and b.low is not None and a.high < b.low:
        return True
    return a.low is not None and b.high is not None and b.high < a.low


# A measure's status; ``domain.conflicts`` finds which figures cannot both be true.
CONFLICT, CONSISTENT, SINGLE = "conflict", "consistent", "single"
STATUSES = (CONFLICT, CONSISTENT, SINGLE)  # a measure's, in the order reports list them
