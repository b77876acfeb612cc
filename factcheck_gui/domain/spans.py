"""A spatial index of annotation spans, for drawing them block by block.

The highlighter asks, for each paragraph, which spans touch it. Scanning every
annotation per paragraph is quadratic; one ``QTextCharFormat`` per annotation
(ExtraSelections) repaints slowly. Spans are kept in fixed-size buckets of the
text instead, so a query costs the spans near the range, not all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

BUCKET = 512


@dataclass(frozen=True, slots=True)
class Span:
    """A highlight: where (code points), what kind, and whose annotation."""

    start: int
    end: int
    key: str  # the annotation's id
    kind: str

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of text covered by the same spans, innermost (shortest) first."""

    start: int
    end: int
    spans: tuple[Span, ...]


class SpanIndex:
    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._spans: dict[str, Span] = {}
        self._buckets: dict[int, set[str]] = {}
        for span in spans:
            self.add(span)

    def __len__(self) -> int:
        return len(self._spans)

    def __contains__(self, key: object) -> bool:
        return key in self._spans

    def get(self, key: str) -> Span | None:
        return self._spans.get(key)

    def add(self, span: Span) -> None:
        if span.key in self._spans:
            self.remove(span.key)
        self._spans[span.key] = span
        for bucket in _buckets_of(span.start, span.end):
            self._buckets.setdefault(bucket, set()).add(span.key)

    def remove(self, key: str) -> Span | None:
        span = self._spans.pop(key, None)
        if span is not None:
            for bucket in _buckets_of(span.start, span.end):
                keys = self._buckets.get(bucket)
                if keys is not None:
                    keys.discard(key)
                    if not keys:
                        del self._buckets[bucket]
        return span

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans that share at least one character with [start, end), by start then length."""
        found: set[str] = set()
        for bucket in _buckets_of(start, end):
            found.update(self._buckets.get(bucket, ()))
        spans = [s for k in found if (s := self._spans[k]).start < end and s.end > start]
        spans.sort(key=lambda s: (s.start, -s.end, s.key))
        return spans

    def at(self, position: int) -> list[Span]:
        """Spans covering the character at ``position``, innermost (shortest) first."""
        spans = self.overlapping(position, position + 1)
        spans.sort(key=lambda s: (s.length, s.start, s.key))
        return spans

    def segments(self, start: int, end: int) -> Iterator[Segment]:
        """Split [start, end) where the set of covering spans changes.

        Overlapping and nested spans each keep their own stretch, so a renderer can
        show every layer instead of letting the last one drawn win.
        """
        spans = self.overlapping(start, end)
        if not spans:
            return
        opening: dict[int, list[Span]] = {}
        closing: dict[int, list[Span]] = {}
        for s in spans:
            opening.setdefault(max(s.start, start), []).append(s)
            closing.setdefault(min(s.end, end), []).append(s)
        edges = sorted({start, end, *opening, *closing})
        active: set[Span] = set()
        for left, right in zip(edges, edges[1:], strict=False):
            active.difference_update(closing.get(left, ()))
            active.update(opening.get(left, ()))
            if active:
                covering = sorted(active, key=lambda s: (s.length, s.start, s.key))
                yield Segment(left, right, tuple(covering))


def _buckets_of(start: int, end: int) -> range:
    return range(start // BUCKET, max(start, end - 1) // BUCKET + 1)
