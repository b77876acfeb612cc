"""The full-text index follows every insert, update and delete; offsets point at the words."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from factcheck_gui.domain.model import ArticleDraft, Kind, NewAnnotation
from factcheck_gui.domain.search_query import parse_query
from factcheck_gui.services.search import EmptyQuery
from factcheck_gui.services.workspace import Workspace, open_workspace
from factcheck_gui.storage import fulltext
from factcheck_gui.storage.database import DB_FILENAME


@pytest.fixture
def ws(data_dir: Path) -> Iterator[Workspace]:
    workspace = open_workspace(data_dir, samples=False)
    yield workspace
    workspace.close()


def add(ws: Workspace, *texts: str, url: str | None = None, title: str = "A title") -> list[int]:
    drafts = [ArticleDraft(text=t, title=f"{title} {i}", url=url) for i, t in enumerate(texts)]
    return list(ws.library.add_batch("batch", drafts).article_ids)


def found(ws: Workspace, query: str) -> list[tuple[int, str, str | None]]:
    return [(h.article_id, h.where, h.annotation_id) for h in ws.search.search(query).hits]


def check_integrity(ws: Workspace) -> None:
    with ws.db.engine.begin() as connection:
        for table in ("article_fts", "annotation_fts"):
            connection.exec_driver_sql(
                f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"
            )
        keys = connection.exec_driver_sql("SELECT count(*) FROM annotation_key").scalar()
        assert keys == connection.exec_driver_sql("SELECT count(*) FROM annotation").scalar()


def tag(ws: Workspace, article_id: int, quote: str, note: str = "") -> str:
    body = ws.library.article(article_id).text
    start = body.index(quote)
    new = NewAnnotation(article_id, start, start + len(quote), Kind.CLAIM, "ann", note=note)
    return ws.annotations.create(new)[0].id


def test_an_imported_article_is_found_by_its_words_title_and_outlet(ws: Workspace) -> None:
    [first, second] = add(ws, "The mayor of Zürich spoke.", "Nothing to see here.")
    assert found(ws, "zurich") == [(first, "text", None)]
    assert found(ws, "ZÜRICH mayor") == [(first, "text", None)]
    assert found(ws, "title 1") == [(second, "title", None)]
    assert found(ws, "zeppelin") == []
    check_integrity(ws)


def test_an_edited_text_is_found_by_its_new_words_only(ws: Workspace) -> None:
    [article] = add(ws, "Old words about tanks.")
    with ws.db.engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE article SET text = 'New words about drones.', outlet = 'Kyiv Post' "
                "WHERE id = :id"
            ),
            {"id": article},
        )
    assert found(ws, "tanks") == []
    assert found(ws, "drones") == [(article, "text", None)]
    assert found(ws, "kyiv") == [(article, "outlet", None)]
    check_integrity(ws)


def test_a_deleted_article_and_its_annotations_are_no_longer_found(ws: Workspace) -> None:
    [kept, gone] = add(ws, "Kept about ferries.", "Gone about ferries and rafts.")
    tag(ws, gone, "rafts", note="check the rafts count")
    assert {a for a, _w, _n in found(ws, "rafts")} == {gone}
    with ws.db.engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = ON")
        connection.execute(text("DELETE FROM article WHERE id = :id"), {"id": gone})
    assert found(ws, "rafts") == []
    assert found(ws, "ferries") == [(kept, "text", None)]
    check_integrity(ws)


def test_a_new_version_is_found_by_its_new_words_beside_the_old_one(ws: Workspace) -> None:
    [old] = add(ws, "Casualties were 300,000 by August.", url="https://example.org/a")
    [new] = add(ws, "Casualties were 500,000 by October.", url="https://example.org/a")
    assert ws.library.article(new).replaces_id == old
    assert found(ws, "october") == [(new, "text", None)]
    assert found(ws, "august") == [(old, "text", None)]
    assert [a for a, _w, _n in found(ws, "casualties")] == [old, new]
    check_integrity(ws)


def test_quotes_and_notes_follow_tagging_editing_and_deleting(ws: Workspace) -> None:
    [article] = add(ws, "Officials said 40 drones were shot down over the Black Sea.")
    claim = tag(ws, article, "40 drones were shot down", note="ask the navy")
    assert found(ws, "navy") == [(article, "note", claim)]
    hits = ws.search.search("drones").hits
    assert [(h.where, h.annotation_id) for h in hits] == [("text", None), ("quote", claim)]
    quote_hit = hits[1]
    body = ws.library.article(article).text
    assert body[quote_hit.start : quote_hit.end] == "drones"

    ws.annotations.update(claim, {"note": "ask the coast guard"})
    assert found(ws, "navy") == []
    assert found(ws, "coast guard") == [(article, "note", claim)]
    ws.annotations.delete(claim)
    assert found(ws, "coast") == []
    check_integrity(ws)


def test_annotation_keys_keep_library_order(ws: Workspace) -> None:
    [a, b] = add(ws, "Alpha ships sailed.", "Beta ships sailed.")
    later = tag(ws, b, "ships", note="ships b")
    earlier = tag(ws, a, "ships", note="ships a")
    assert found(ws, "ships") == [
        (a, "text", None),
        (a, "quote", earlier),
        (b, "text", None),
        (b, "quote", later),
    ]
    first = ws.search.search("ships", limit=2)
    assert first.more and [h.article_id for h in first.hits] == [a, a]
    rest = ws.search.search("ships", after=first.after, limit=2)
    assert [(h.article_id, h.annotation_id) for h in rest.hits] == [(b, None), (b, later)]
    assert not rest.more
    assert (first.articles, first.annotations) == (2, 2)


@pytest.mark.parametrize(
    "body",
    [
        "Zürich 🙂 café — the mayor 😀😀 said: Zürich again",
        "Zu\u0308rich (decomposed) 🇺🇦 flags, then Zu\u0308rich",
        "Private \ue000 marks \ue001 around Zürich and \U000f0000 Zürich",
    ],
)
def test_offsets_are_code_points_of_the_stored_text(ws: Workspace, body: str) -> None:
    [article] = add(ws, body)
    [hit] = ws.search.search("zurich").hits
    assert hit.matches == 2
    stored = ws.library.article(article).text
    assert stored[hit.start : hit.end] in ("Zürich", "Zu\u0308rich")
    for start, end in hit.marks:
        assert hit.snippet[start:end] in ("Zürich", "Zu\u0308rich")


def test_a_long_text_gives_a_snippet_around_the_match(ws: Workspace) -> None:
    body = "word " * 400 + "the needle\nis here " + "tail " * 400
    [article] = add(ws, body)
    [hit] = ws.search.search("needle").hits
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "\n" not in hit.snippet and len(hit.snippet) < 200
    ((start, end),) = hit.marks
    assert hit.snippet[start:end] == "needle"
    assert ws.library.article(article).text[hit.start : hit.end] == "needle"


HOSTILE = [
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(drones sea)",
    "drones AND",
    "OR drones",
    "*",
    "drones*",
    "-drones",
    "- drones",
    "(drones",
    "drones)",
    "((",
    "title:drones",
    "text:",
    "{title}: x",
    '"',
    '""',
    '"drones',
    'drones"',
    'dro"nes',
    "^drones",
    "drones^",
    "+",
    ":",
    "'",
    "\\",
    "\x00drones",
    "drones\x00",
    "drones NEAR/2 sea",
    "🙂",
    "🙂drones",
    "\u200b",
    "é",
    "\ud7ff",
    "drones -sea",
    "a" * 2000,
    "drones " * 200,
]


def test_hostile_queries_never_raise_fts_errors(ws: Workspace) -> None:
    add(ws, "Officials said 40 drones were shot down over the Black Sea.")
    for typed in HOSTILE:
        query = parse_query(typed)
        if query.empty:
            with pytest.raises(EmptyQuery, match="nothing to search for"):
                ws.search.search(typed)
            continue
        results = ws.search.search(typed)  # no sqlite3.OperationalError, whatever was typed
        assert results.total == len(results.hits), typed


def test_fts_syntax_words_are_searched_as_words(ws: Workspace) -> None:
    [article] = add(ws, "Bread AND butter OR jam, NEAR the title: here.")
    assert found(ws, "AND butter") == [(article, "text", None)]
    assert found(ws, "title:") == [(article, "text", None)]
    assert found(ws, "NEAR(the title)") == [(article, "text", None)]
    assert found(ws, "-butter") == [(article, "text", None)]  # no exclusion: a word


def test_a_phrase_keeps_its_words_together(ws: Workspace) -> None:
    [together, apart] = add(ws, "the Black Sea fleet", "black cats by the sea")
    assert [a for a, _w, _n in found(ws, "black sea")] == [together, apart]
    assert found(ws, '"black sea"') == [(together, "text", None)]
    assert found(ws, '"black se') == [(together, "text", None)]  # still typing: a prefix


def test_the_index_is_refused_without_fts5(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_workspace(data_dir, samples=False).close()
    monkeypatch.setattr(fulltext, "fts5_available", lambda: False)
    with pytest.raises(fulltext.NoFullText, match="has no FTS5"):
        open_workspace(data_dir, samples=False)


def test_a_trigger_lost_in_a_table_rebuild_is_put_back(ws: Workspace) -> None:
    [article] = add(ws, "Ferries crossed the strait.")
    with ws.db.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER article_fts_insert")
        connection.exec_driver_sql(
            "INSERT INTO article (batch_id, title, text, sha256, nfc_sha256) "
            "VALUES (1, 'unseen', 'Rafts crossed too.', 'x', 'y')"
        )
    assert found(ws, "rafts") == []  # the index missed it
    with ws.db.engine.begin() as connection:
        assert fulltext.repair(connection)
        assert not fulltext.repair(connection)  # once is enough
    assert [a for a, _w, _n in found(ws, "crossed")] == [article, article + 1]
    check_integrity(ws)


def test_the_triggers_in_a_new_database_are_the_modules(data_dir: Path) -> None:
    open_workspace(data_dir, samples=False).close()
    with sqlite3.connect(data_dir / DB_FILENAME) as connection:
        stored = dict(
            connection.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'")
        )
    assert {n: " ".join(s.split()) for n, s in stored.items()} == {
        n: " ".join(f"CREATE TRIGGER {n} {body}".split()) for n, body in fulltext.TRIGGERS.items()
    }
