"""What an annotation keeps of its text so it can be found again if the text changes.

The quote and a little context either side, as W3C Web Annotation's
TextQuoteSelector does (exact, prefix, suffix).
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT_CHARS = 32


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
