from hypothesis import given
from hypothesis import strategies as st

from factcheck_gui.domain.spans import BUCKET, Span, SpanIndex


def brute_overlapping(spans: list[Span], start: int, end: int) -> set[str]:
    return {s.id for s in spans if s.start < end and s.end > start}


span_lists = st.lists(
    st.tuples(st.integers(0, 3 * BUCKET), st.integers(1, BUCKET)).map(
        lambda t: (t[0], t[0] + t[1])
    ),
    max_size=40,
)


@given(span_lists, st.integers(0, 4 * BUCKET), st.integers(1, 2 * BUCKET))
def test_overlapping_matches_a_full_scan(bounds, start, length) -> None:  # noqa: ANN001
    spans = [Span(a, b, f"k{i}", "claim") for i, (a, b) in enumerate(bounds)]
    index = SpanIndex(spans)
    found = {s.id for s in index.overlapping(start, start + length)}
    assert found == brute_overlapping(spans, start, start + length)


@given(span_lists)
def test_segments_cover_each_character_with_exactly_its_spans(bounds) -> None:  # noqa: ANN001
    spans = [Span(a, b, f"k{i}", "figure") for i, (a, b) in enumerate(bounds)]
    index = SpanIndex(spans)
    end = 4 * BUCKET + 1
    covered: dict[int, set[str]] = {}
    for segment in index.segments(0, end):
        assert segment.start < segment.end
        lengths = [s.end - s.start for s in segment.spans]
        assert lengths == sorted(lengths), "innermost first"
        for pos in range(segment.start, segment.end):
            assert pos not in covered
            covered[pos] = {s.id for s in segment.spans}
    for pos in range(end):
        expected = {s.id for s in spans if s.start <= pos < s.end}
        assert covered.get(pos, set()) == expected


def test_nested_spans_give_three_segments_with_the_inner_one_first() -> None:
    outer = Span(0, 30, "outer", "claim")
    inner = Span(10, 20, "inner", "figure")
    segments = list(SpanIndex([outer, inner]).segments(0, 30))
    assert [(s.start, s.end) for s in segments] == [(0, 10), (10, 20), (20, 30)]
    assert [s.id for s in segments[1].spans] == ["inner", "outer"]


def test_remove_and_move() -> None:
    index = SpanIndex([Span(0, 5, "a", "claim")])
    index.add(Span(BUCKET * 2, BUCKET * 2 + 5, "a", "claim"))  # same key: moved
    assert index.overlapping(0, 5) == []
    assert [s.id for s in index.at(BUCKET * 2)] == ["a"]
    assert index.remove("a") is not None
    assert len(index) == 0
    assert index.remove("a") is None


def test_at_prefers_the_innermost_span() -> None:
    index = SpanIndex([Span(0, 100, "long", "claim"), Span(40, 45, "short", "figure")])
    assert [s.id for s in index.at(42)] == ["short", "long"]
    assert [s.id for s in index.at(10)] == ["long"]
