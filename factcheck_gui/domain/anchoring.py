"""What an annotation keeps of its text so it can be found again if the text changes.

The quote and a little context either side, as W3C Web Annotation's
TextQuoteSelector does (exact, prefix, suffix).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

CONTEXT_CHARS = 32
MIN_FUZZY_CHARS = 8  # shorter quotes are placed only where they stand exactly
CONTEXT_SCORE = 75.0  # how like the old quote-with-context the new passage must be (0-100)
QUOTE_SCORE = 85.0  # how like the old quote the placed words must be (0-100)
MAX_EXACT_CANDIDATES = 1000


@dataclass(frozen=True, slots=True)
class QuoteSelector:
    exact: str
    prefix: str
    suffix: str


def check_span(text: str, start: int, end: int) -> None:
    """Raise ValueError with a user-facing reason when [start, end) is not a taggable span."""
    if not 0 <= start < end <= len(text):
        raise ValueError(
            f"the span {start}..{end} is not inside the article (0..{len(text)}); "
            "select some text first"
        )
    if not text[start:end].strip():
        raise ValueError("the selection holds only white space; select some words")


def select_quote(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> QuoteSelector:
    check_span(text, start, end)
    return QuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a selection so it neither starts nor ends with white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_LEADING = frozenset(",.;:!?)]}»”’…·•-–—") | {'"', "'"}
_TRAILING = frozenset(",.;:!?([{«“‘…·•-–—") | {'"', "'"}
_PAIRS = {")": "(", "]": "[", "}": "{", "»": "«", "”": "“", "’": "‘"}
_NUMBER_WINDOW = 40  # a number with its grouping and scale is shorter than this


def tidy_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection as it should be tagged: without white space or punctuation at its ends
    (a closing bracket or quote stays when its opening one is inside), and never cutting a
    number: a drag that stops inside "669,903" takes the whole of it."""
    first = trim_span(text, start, end)
    start, end = first
    while True:
        start, end = trim_span(text, start, end)
        old = (start, end)
        if end - start >= 2 and _PAIRS.get(text[end - 1]) == text[start]:
            start, end = start + 1, end - 1  # "(about 4.2bn dollars)"
            continue
        if start < end and text[start] in _LEADING:
            start += 1
        if start < end and text[end - 1] in _TRAILING:
            if not (text[end - 1] == "." and end - start >= 3 and text[end - 3] == "."):
                end -= 1  # "U.S." keeps its last period
        elif start < end and _unmatched(text[start:end]):
            end -= 1
        if (start, end) == old:
            break
    if start >= end:
        return first  # all punctuation: tag what was selected
    return _whole_numbers(text, start, end)


def _unmatched(selection: str) -> bool:
    """The selection ends with a closing bracket or quote whose opening one is not in it."""
    last = selection[-1]
    if last in _PAIRS:
        return _PAIRS[last] not in selection
    return last in ('"', "'") and selection.count(last) % 2 == 1


def _whole_numbers(text: str, start: int, end: int) -> tuple[int, int]:
    from factcheck_gui.domain.amounts import fold, tokens

    low = max(0, start - _NUMBER_WINDOW)
    high = min(len(text), end + _NUMBER_WINDOW)
    window = tokens(fold(text[low:high]))
    for k, t in enumerate(window):
        a, b = low + t.start, low + t.end
        glued = k > 0 and window[k - 1].end == t.start and window[k - 1].kind == "num"
        if t.kind != "num" and not (t.kind == "word" and glued):
            continue  # a word glued to a number is its scale or unit: "4.2bn", "40km"
        if a < start < b:
            start = a
        if a < end < b:
            end = b
    return start, end


class Anchor(enum.StrEnum):
    KEPT = "kept"  # the offsets still hold the quote
    MOVED = "moved"  # found again, exactly or nearly, elsewhere
    ORPHANED = "orphaned"  # no good match: kept aside for review, never placed by guess


@dataclass(frozen=True, slots=True)
class Placement:
    start: int
    end: int
    anchor: Anchor


def place(text: str, selector: QuoteSelector, start: int, end: int) -> Placement:
    """Where a quote stands in ``text``: at its old offsets, found again, or orphaned.

    As web annotation clients do: first the offsets, then every exact occurrence (the
    one whose context matches best, then the one nearest the old offsets), then a fuzzy
    search for the quote with its context. A weak match is an orphan, not a guess.
    """
    quote = selector.exact
    if 0 <= start < end <= len(text) and text[start:end] == quote:
        return Placement(start, end, Anchor.KEPT)
    found = _exact(text, selector, start)
    if found is None and len(quote.strip()) >= MIN_FUZZY_CHARS:
        found = _fuzzy(text, selector)
    if found is None:
        length = len(text)
        return Placement(min(start, length), min(max(end, start), length), Anchor.ORPHANED)
    return Placement(found[0], found[1], Anchor.MOVED)


def _exact(text: str, selector: QuoteSelector, hint: int) -> tuple[int, int] | None:
    quote = selector.exact
    candidates: list[int] = []
    at = text.find(quote)
    while at != -1 and len(candidates) < MAX_EXACT_CANDIDATES:
        candidates.append(at)
        at = text.find(quote, at + 1)
    if not candidates:
        return None

    def rank(position: int) -> tuple[int, int]:
        before = text[max(0, position - len(selector.prefix)) : position]
        after = text[position + len(quote) : position + len(quote) + len(selector.suffix)]
        context = _common_suffix(before, selector.prefix) + _common_prefix(after, selector.suffix)
        return (-context, abs(position - hint))

    best = min(candidates, key=rank)
    return best, best + len(quote)


def _fuzzy(text: str, selector: QuoteSelector) -> tuple[int, int] | None:
    from rapidfuzz import fuzz

    quote = selector.exact
    needle = selector.prefix + quote + selector.suffix
    low, high = 0, len(text)
    if len(needle) < len(text):
        window = fuzz.partial_ratio_alignment(needle, text, score_cutoff=CONTEXT_SCORE)
        if window is None:
            return None
        margin = len(selector.prefix) + len(selector.suffix) + len(quote) // 4
        low = max(0, window.dest_start - margin)
        high = min(len(text), window.dest_end + margin)
    passage = text[low:high]
    if len(quote) > len(passage):
        return None
    match = fuzz.partial_ratio_alignment(quote, passage, score_cutoff=QUOTE_SCORE)
    if match is None:
        return None
    start, end = trim_span(text, low + match.dest_start, low + match.dest_end)
    return (start, end) if start < end else None


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
