"""The streamed JSON of the command line is byte for byte what ``json.dumps(indent=2)``
prints, for any value of the kinds the commands print."""

from __future__ import annotations

import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_gui.cli_json import indented, write_list

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),  # quotes, backslashes, control characters, emoji, line breaks
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=120, deadline=None)
@given(st.lists(VALUES, max_size=5))
def test_a_streamed_list_is_what_one_dumps_prints(rows: list[object]) -> None:
    out = io.StringIO()
    write_list(iter(rows), out)
    assert out.getvalue() == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


@given(st.dictionaries(st.one_of(st.none(), st.booleans(), st.integers(), st.floats()), SCALARS))
def test_keys_that_are_not_text_are_written_as_json_writes_them(value: dict) -> None:  # type: ignore[type-arg]
    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
