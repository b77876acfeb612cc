"""A spatial index of annotation spans, for drawing them block by block.

The highlighter asks, for each paragraph, which spans touch it. Scanning every
annotation per paragraph is quadratic; one ``QTextCharFormat`` per annotation
(ExtraSelections) repaints slowly. Spans are kept in fixed-size buckets of the
text instead, so a query costs the spans near the range, not all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

BUCKET = 512


class SpanLike(Protocol):
    """Anything with a position, an id and a kind: an ``Annotation`` is one."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Span:
    """A bare highlight: where (code points), whose annotation, what kind."""

    start: int
    end: int
    id: str
    kind: str


def _inner_first(span: SpanLike) -> tuple[int, int, str]:
    return (span.end - span.start, span.start, span.id)


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of text covered by the same spans, innermost (shortest) first."""

    start: int
    end: int
    spans: tuple[SpanLike, ...]


class SpanIndex:
    def __init__(self, spans: Iterable[SpanLike] = ()) -> None:
        self._spans: dict[str, SpanLike] = {}
        self._buckets: dict[int, set[str]] = {}
        buckets, known = self._buckets, self._spans
        for span in spans:  # the bulk path of add(), for opening an article
            if span.id in known:
                self.remove(span.id)
            known[span.id] = span
            first, last = span.start // BUCKET, max(span.start, span.end - 1) // BUCKET
            for bucket in range(first, last + 1):
                keys = buckets.get(bucket)
                if keys is None:
                    buckets[bucket] = {span.id}
                else:
                    keys.add(span.id)

    def __len__(self) -> int:
        return len(self._spans)

    def __contains__(self, key: object) -> bool:
        return key in self._spans

    def get(self, key: str) -> SpanLike | None:
        return self._spans.get(key)

    def add(self, span: SpanLike) -> None:
        if span.id in self._spans:
            self.remove(span.id)
        self._spans[span.id] = span
        for bucket in _buckets_of(span.start, span.end):
            self._buckets.setdefault(bucket, set()).add(span.id)

    def remove(self, key: str) -> SpanLike | None:
        span = self._spans.pop(key, None)
        if span is not None:
            for bucket in _buckets_of(span.start, span.end):
                keys = self._buckets.get(bucket)
                if keys is not None:
                    keys.discard(key)
                    if not keys:
                        del self._buckets[bucket]
        return span

    def overlapping(self, start: int, end: int) -> list[SpanLike]:
        """Spans that share at least one character with [start, end), by start then length."""
        found: set[str] = set()
        for bucket in _buckets_of(start, end):
            found.update(self._buckets.get(bucket, ()))
        spans = [s for k in found if (s := self._spans[k]).start < end and s.end > start]
        spans.sort(key=lambda s: (s.start, -s.end, s.id))
        return spans

    def at(self, position: int) -> list[SpanLike]:
        """Spans covering the character at ``position``, innermost (shortest) first."""
        spans = self.overlapping(position, position + 1)
        spans.sort(key=_inner_first)
        return spans

    def segments(self, start: int, end: int) -> Iterator[Segment]:
        """Split [start, end) where the set of covering spans changes.

        Overlapping and nested spans each keep their own stretch, so a renderer can
        show every layer instead of letting the last one drawn win.
        """
        spans = self.overlapping(start, end)
        if not spans:
            return
        opening: dict[int, list[SpanLike]] = {}
        closing: dict[int, list[SpanLike]] = {}
        for s in spans:
            opening.setdefault(max(s.start, start), []).append(s)
            closing.setdefault(min(s.end, end), []).append(s)
        edges = sorted({start, end, *opening, *closing})
        active: dict[str, SpanLike] = {}
        for left, right in zip(edges, edges[1:], strict=False):
            for s in closing.get(left, ()):
                del active[s.id]
            for s in opening.get(left, ()):
                active[s.id] = s
            if active:
                covering = sorted(active.values(), key=_inner_first)
                yield Segment(left, right, tuple(covering))


def _buckets_of(start: int, end: int) -> range:
    return range(start // BUCKET, max(start, end - 1) // BUCKET + 1)
