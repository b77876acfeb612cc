"""Which numbers in a text to propose as figures: every amount, less the numbers that only
say when or which (dates, times of day, years, ordinals, a byline's age, section and list
numbers) and a stray "0" or "1"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck_gui.domain.figures import Figure, find_figures

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Words before a number that say which one, never how many.
_WHICH = "|".join(
    (
        r"section|sections|article|articles|chapter|part|clause|paragraph|rule|item|page|pages",
        r"no\.|nos\.|number|p\.|pp\.|figure|fig\.|table|appendix|amendment|resolution",
        r"step|phase|stage|level|grade|category|title|vol\.|volume|episode|season|route",
        r"highway|flight|room|gate|platform|line|unit|ward|district|precinct|question|point",
    )
)
# Spans that say when or which, never how many.
_NOT_AMOUNTS = re.compile(
    "|".join(
        (
            r"\b\d{4}-\d{1,2}-\d{1,2}\b",  # 2023-09-04
            r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",  # 04/09/2023, 4.9.2023
            rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+\d{{4}}\b)?",  # September 4, 2023
            rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}}\b)?",  # 4 September 2023
            rf"\b{_MONTH}\s+\d{{4}}\b",  # September 2022
            r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?",  # 10:30, 10:30 p.m.
            r"\b\d{1,2}\s*(?:[ap]\.m\.|[ap]m\b|o'clock\b)",  # 5 p.m., 5pm
            r"\b\d+(?:st|nd|rd|th)\b",  # 21st
            r"\b\d+-year-old\b|\baged\s+\d{1,3}\b",  # ages
            r"\b[A-Z][a-z]+,\s\d{1,3}(?=,|\))",  # a byline's age: "Ellie Cook, 34,"
            r"\b\d{4}s\b|'\d0s\b",  # the 1990s, the '90s
            rf"(?i:\b(?:{_WHICH})\s+\d+[\w.]*)|§+\s*\d+[\w.]*",  # Article 5, § 4, No. 10
            r"(?m:^[ \t]*(?:\(?\d{1,2}[.)]|\d{1,2}(?:\.\d{1,2})+\.?)(?=[ \t]))",  # 1. 2) 3.2
        )
    )
)
_YEAR = re.compile(r"\d{4}")
_NUMBER = re.compile(r"\d[\d,.]*")
_COUNTED_UNITS = {"people", "percent", "percentage points"}


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    quote: str
    figure: Figure

    def as_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "quote": self.quote} | self.figure.as_dict()


def suggest_figures(text: str) -> list[Candidate]:
    """The amounts in ``text`` a reviewer would tag, left to right."""
    masked = [(m.start(), m.end()) for m in _NOT_AMOUNTS.finditer(text)]
    out = []
    k = 0
    for figure in find_figures(text):
        while k < len(masked) and masked[k][1] <= figure.start:
            k += 1
        if k < len(masked) and masked[k][0] < figure.end:
            continue  # overlaps a date, a time, an ordinal or an age
        quote = text[figure.start : figure.end]
        if _is_year(quote, figure) or _is_one(quote, figure) or _is_stray(quote, figure):
            continue
        out.append(Candidate(figure.start, figure.end, quote, figure))
    return out


def _is_year(quote: str, figure: Figure) -> bool:
    """ "in 2022", "the 2024 presidential elections"; not "2000 soldiers" nor "$2000"."""
    number = _NUMBER.search(quote)
    counted = figure.unit is not None and (figure.unit in _COUNTED_UNITS or figure.unit.isupper())
    return (
        number is not None
        and _YEAR.fullmatch(number.group()) is not None
        and 1500 <= int(number.group()) <= 2100
        and not counted
    )


def _is_one(quote: str, figure: Figure) -> bool:
    """ "one of them", "even one new army": a word for one is an article, not an amount."""
    return figure.value == 1 and not any(c.isdigit() for c in quote)


def _is_stray(quote: str, figure: Figure) -> bool:
    """A bare "0" or "1" (a score, a list, a version): no unit, no hedge, nothing to check."""
    return quote.strip() in ("0", "1") and figure.unit is None and figure.hedge is None
