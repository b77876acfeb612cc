from hypothesis import given
from hypothesis import strategies as st

from factcheck_gui.domain.textpos import OffsetMap

TEXTS = st.text(alphabet=st.sampled_from(["a", "é", " ", "\n", "😀", "🎙", "\ufe0f", "中", "𝔘"]))


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(TEXTS)
def test_every_offset_converts_both_ways(text: str) -> None:
    offsets = OffsetMap(text)
    assert offsets.length_utf16 == utf16_len(text)
    for cp in range(len(text) + 1):
        u16 = offsets.to_utf16(cp)
        assert u16 == utf16_len(text[:cp])
        assert offsets.from_utf16(u16) == cp


def test_a_position_inside_a_surrogate_pair_rounds_to_its_character() -> None:
    offsets = OffsetMap("a😀b")
    assert [offsets.from_utf16(u) for u in range(5)] == [0, 1, 1, 2, 3]


def test_positions_after_an_emoji_shift_by_one() -> None:
    text = "🎙️ Voice 264,660"
    offsets = OffsetMap(text)
    cp = text.index("264,660")
    assert offsets.to_utf16(cp) == cp + 1
    assert not offsets.is_identity


def test_out_of_range_is_refused() -> None:
    offsets = OffsetMap("abc")
    for bad in (-1, 4):
        try:
            offsets.to_utf16(bad)
        except ValueError as error:
            assert "outside the text" in str(error)
        else:
            raise AssertionError("expected ValueError")
