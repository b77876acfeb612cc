"""What a user types becomes quoted terms; nothing typed is FTS syntax, nothing raises."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_gui.domain.search_query import Term, parse_query
from factcheck_gui.storage.fulltext import PREFIXES, TOKENIZE, render


def test_words_phrases_and_the_last_prefix() -> None:
    assert parse_query("russia recru").terms == (Term("russia"), Term("recru", prefix=True))
    assert parse_query("russia recru ").terms == (Term("russia"), Term("recru"))
    assert parse_query('"black sea" fleet').terms == (
        Term("black sea", phrase=True),
        Term("fleet", prefix=True),
    )
    assert parse_query('fleet "black sea"').terms[-1] == Term("black sea", phrase=True)
    assert parse_query('"black se').terms == (Term("black se", prefix=True, phrase=True),)
    assert parse_query("recruits,").terms == (Term("recruits,"),)  # a comma ends the word
    assert parse_query("recru", prefix_last=False).terms == (Term("recru"),)


def test_terms_without_words_are_left_out() -> None:
    for typed in ("", "   ", "*", "-", "()", '""', '"', "🙂", ":", "— …"):
        assert parse_query(typed).empty, typed
    assert parse_query("* drones -").terms == (Term("drones"),)


def test_rendering_quotes_every_term() -> None:
    query = parse_query('title:x AND "a""b" NEAR(c d) -e f*')
    assert render(query) == (
        '"title x" AND "AND" AND "a" AND "b" AND "NEAR c" AND "d" AND "e" AND "f"*'
    )
    assert render(parse_query("recru* ships")) == '"recru"* AND "ships"*'
    assert render(parse_query("recru")) == '"recru"*'


_FTS = sqlite3.connect(":memory:")
_FTS.execute(
    f"CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='{TOKENIZE}', prefix='{PREFIXES}')"
)
_FTS.execute("INSERT INTO t VALUES ('Zürich title', 'the Black Sea fleet AND NEAR drones')")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_any_typed_text_is_a_valid_query(typed: str) -> None:
    query = parse_query(typed)
    if query.empty:
        return
    _FTS.execute("SELECT rowid, highlight(t, 1, '[', ']') FROM t WHERE t MATCH ?", (render(query),))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                '"',
                "*",
                "-",
                "(",
                ")",
                ":",
                "^",
                "+",
                "AND",
                "OR",
                "NOT",
                "NEAR",
                "title:",
                "{body}",
                "NEAR/3",
                "drones",
                "sea",
                " ",
                "é",
                "🙂",
                "\x00",
                "'",
            ]
        ),
        max_size=12,
    )
)
def test_any_mix_of_fts_syntax_is_a_valid_query(pieces: list[str]) -> None:
    query = parse_query("".join(pieces))
    if not query.empty:
        _FTS.execute("SELECT count(*) FROM t WHERE t MATCH ?", (render(query),)).fetchone()
