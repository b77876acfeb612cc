"""Every past schema, full of rows, upgraded to the newest: every row is still there.

A new migration joins by adding its predecessor to ``PAST_REVISIONS`` (the guard test below
fails until it is). Rows are made for every table and column the schema has at that
revision: the hand-written ones below (articles, annotations of every kind, attributions
linked, figures with measures, settings), and values by column type for anything newer.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import MetaData, Table, create_engine, insert, text
from sqlalchemy.types import Boolean, Date, DateTime, Float, Integer

from factcheck_gui.storage import fulltext
from factcheck_gui.storage.database import DB_FILENAME, open_database, schema_revision
from factcheck_gui.storage.migrate import MigrationFailed, head, revisions, upgrade

PAST_REVISIONS = [
    "0001_initial",
    "0002_settings",
    "0003_versions_and_orphans",
    "0004_figures_and_measures",
    "0005_dismissed_figures",
    "0006_nfc_text_hash",
    "0007_changed_from",
    "0008_tombstones",
    "0009_rationale",
    "0010_compared_index",
]

NOW = "2023-09-04 10:00:00.000000"
SEED_ROWS: dict[str, list[dict[str, Any]]] = {
    "batch": [
        {"id": 1, "name": "Sample batch — ü", "imported": datetime(2023, 9, 4, 10)},
        {"id": 2, "name": "Second batch 🙂", "imported": datetime(2023, 9, 5, 11)},
    ],
    "article": [
        {
            "id": 1,
            "batch_id": 1,
            "title": "Russia recruits",
            "outlet": "Reuters",
            "url": "https://example.org/a",
            "published": date(2023, 9, 4),
            "text": "Nearly 300,000 casualties, US officials said. Ünïcode 🙂 text.",
            "sha256": "a" * 64,
            "source_name": "000.txt",
        },
        {
            "id": 2,
            "batch_id": 1,
            "title": "Migrants",
            "outlet": None,
            "url": None,
            "published": None,
            "text": "About 500,000 were killed or wounded, said Kyiv.",
            "sha256": "b" * 64,
            "source_name": None,
        },
        {
            "id": 3,
            "batch_id": 2,
            "title": "Russia recruits (updated)",
            "outlet": "Reuters",
            "url": "https://example.org/a",
            "published": date(2023, 9, 6),
            "text": "Nearly 300,000 casualties, US officials said on Monday.",
            "sha256": "c" * 64,
            "source_name": "000b.txt",
            "replaces_id": 1,
        },
    ],
    "annotation": [],  # filled below: every kind in every article
    "setting": [
        {"key": "reviewer", "value": "Ana Šimić"},
        {"key": "organisation", "value": "Example Fact Check"},
        {"key": "organisation_url", "value": "https://factcheck.example.org/"},
        {"key": "review_url_pattern", "value": "https://factcheck.example.org/reviews/{id}"},
    ],
    "measure": [
        {"id": 1, "name": "Russian military casualties since February 2022"},
        {"id": 2, "name": "Central Asian migrants in Russia"},
    ],
    "tombstone": [
        {
            "id": "00000000-0000-4000-8000-000900000001",
            "article_sha256": "a" * 64,
            "deleted": datetime(2023, 9, 5, 9),
        },
        {
            "id": "00000000-0000-4000-8000-000900000002",
            "article_sha256": "c" * 64,
            "deleted": datetime(2023, 9, 6, 9),
        },
    ],
    "dismissed_figure": [
        {"article_id": 1, "start": 0, "end": 6},
        {"article_id": 2, "start": 6, "end": 13},
    ],
}
for article in (1, 2, 3):
    for n, kind in enumerate(("claim", "figure", "attribution", "attribution")):
        row: dict[str, Any] = {
            "id": f"00000000-0000-4000-8000-{article:04d}{n:08d}",
            "article_id": article,
            "start": n * 3,
            "end": n * 3 + 2,
            "quote": f"quote {n} ü",
            "prefix": "before ",
            "suffix": " after",
            "kind": kind,
            "verdict": ("unchecked", "accurate", "misleading", "inaccurate")[n],
            "note": f"note {article}.{n}: checked against the MoD — “quoted” 🙂",
            "reviewer": "Ana",
            "created": datetime(2023, 9, 4, 10, n),
            "modified": datetime(2023, 9, 4, 11, n),
            "speaker": "US officials" if kind == "attribution" else None,
            # the attributions point at the claim and at the figure of their article
            "target_id": (
                f"00000000-0000-4000-8000-{article:04d}{n - 2:08d}"
                if kind == "attribution"
                else None
            ),
            "orphaned": article == 2 and n == 0,
            # 0009: what a published review says, and where (claims only in practice)
            "rationale": f"public rationale {article}.{n} — “quoted” 🙂" if n == 0 else "",
            "review_url": f"https://factcheck.example.org/reviews/{article}" if n == 0 else None,
        }
        if kind == "figure":
            row |= {
                "value": 300000.0,
                "unit": "people",
                "hedge": "nearly",
                "low": 270000.0,
                "high": 300000.0,
                "vague": False,
                "as_of": date(2023, 8, 18),
                "measure_id": 1 + article % 2,
            }
        SEED_ROWS["annotation"].append(row)


def test_every_past_revision_is_in_the_list() -> None:
    assert revisions()[:-1] == PAST_REVISIONS, (
        "a new migration: add the revision before it to PAST_REVISIONS (and rows for any "
        "new table to SEED_ROWS if generic values do not suit it)"
    )


def _database_at(revision: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DB_FILENAME
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, revision)
    metadata = MetaData()
    metadata.reflect(engine, only=lambda name, _meta: not fulltext.is_index_table(name))
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = ON")
        for table in metadata.sorted_tables:
            if table.name == "alembic_version" or fulltext.is_index_table(table.name):
                continue  # the full-text index is filled by triggers from the rows
            rows = [_complete(table, row, i) for i, row in enumerate(_seed(table))]
            for row in rows:  # one by one: self-references point at earlier rows
                connection.execute(insert(table), row)
    engine.dispose()
    return path


def _seed(table: Table) -> list[dict[str, Any]]:
    rows = SEED_ROWS.get(table.name)
    if rows is None:  # a table newer than this test: three rows of generic values
        return [{} for _ in range(3)]
    columns = set(table.columns.keys())
    return [{k: v for k, v in row.items() if k in columns} for row in rows]


def _complete(table: Table, row: dict[str, Any], i: int) -> dict[str, Any]:
    """``row`` with a value for every column it lacks (a column newer than this test)."""
    filled = dict(row)
    for column in table.columns:
        if column.name in filled:
            continue
        if column.foreign_keys:
            filled[column.name] = 1 if column.nullable is False else None
        elif column.primary_key and isinstance(column.type, Integer):
            filled[column.name] = i + 1
        elif isinstance(column.type, Boolean):
            filled[column.name] = bool(i % 2)
        elif isinstance(column.type, Integer):
            filled[column.name] = 7 * i + 1
        elif isinstance(column.type, Float):
            filled[column.name] = i + 0.25
        elif isinstance(column.type, DateTime):
            filled[column.name] = datetime(2023, 9, 1 + i, 12)
        elif isinstance(column.type, Date):
            filled[column.name] = date(2023, 9, 1 + i)
        else:
            filled[column.name] = f"{table.name}.{column.name} #{i} — ü ✓"
    return filled


def _rows(path: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Every table's columns and rows, read as SQLite stores them."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT IN ('alembic_version', 'sqlite_sequence')"
            )
            if not fulltext.is_index_table(name)  # derived: checked by its integrity-check
        ]
        found = {}
        for table in tables:
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            found[table] = (columns, connection.execute(f'SELECT * FROM "{table}"').fetchall())
    return found


@pytest.mark.parametrize("revision", PAST_REVISIONS)
def test_an_upgrade_from_every_past_revision_keeps_every_row(revision: str, data_dir: Path) -> None:
    path = _database_at(revision, data_dir)
    before = _rows(path)
    assert sum(len(rows) for _, rows in before.values()) >= 17

    db = open_database(data_dir)
    try:
        assert schema_revision(db.engine) == head()
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA foreign_key_check")).fetchall() == []
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            for table in ("article_fts", "annotation_fts"):  # the index agrees with the rows
                connection.exec_driver_sql(
                    f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"
                )
            indexed = connection.exec_driver_sql(
                "SELECT rowid FROM article_fts WHERE article_fts MATCH 'unicode' ORDER BY rowid"
            ).fetchall()
            assert indexed == [(1,)]  # "Ünïcode", without its diacritics
            notes = connection.exec_driver_sql(
                "SELECT count(*) FROM annotation_fts WHERE annotation_fts MATCH 'quoted'"
            ).scalar()
            assert notes == connection.exec_driver_sql("SELECT count(*) FROM annotation").scalar()
    finally:
        db.close()

    after = _rows(path)
    for table, (columns, rows) in before.items():
        assert table in after, f"{table} is gone after the upgrade from {revision}"
        new_columns, new_rows = after[table]
        kept = [new_columns.index(c) for c in columns]
        assert sorted(tuple(r[i] for i in kept) for r in new_rows) == sorted(rows), (
            f"{table}: rows changed in the upgrade from {revision}"
        )
    backups = list((data_dir / "backups").glob(f"factcheck-before-upgrade-from-{revision}-*"))
    assert len(backups) == 1 and _rows(backups[0]) == before


def test_an_upgrade_that_breaks_a_reference_is_undone_and_the_backup_kept(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _database_at(PAST_REVISIONS[-1], data_dir)
    before = _rows(path)
    real_upgrade = command.upgrade

    def breaking_upgrade(config, revision):  # noqa: ANN001, ANN202
        real_upgrade(config, revision)  # then a faulty revision drops an article (FKs off)
        config.attributes["connection"].execute(text("DELETE FROM article WHERE id = 2"))

    monkeypatch.setattr(command, "upgrade", breaking_upgrade)
    with pytest.raises(MigrationFailed, match="stopped and undone.*annotation.*as it was") as e:
        open_database(data_dir)
    assert f"before-upgrade-from-{PAST_REVISIONS[-1]}" in str(e.value)
    assert _rows(path) == before
    with contextlib.closing(sqlite3.connect(path)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            PAST_REVISIONS[-1],
        )
    assert len(list((data_dir / "backups").glob("*before-upgrade-from-*"))) == 1


def test_a_reference_that_was_already_dangling_does_not_block_the_upgrade(
    data_dir: Path,
) -> None:
    path = _database_at("0002_settings", data_dir)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute(  # a row pointing at an article that is not there, from long ago
            "INSERT INTO annotation VALUES ('dangling', 99, 0, 1, 'q', '', '', 'claim', "
            "'unchecked', '', 'r', ?, ?, NULL, NULL)",
            (NOW, NOW),
        )
        connection.commit()
    open_database(data_dir).close()
    with contextlib.closing(sqlite3.connect(path)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (head(),)
        assert connection.execute(
            "SELECT article_id FROM annotation WHERE id = 'dangling'"
        ).fetchone() == (99,)


def test_without_fts5_the_upgrade_is_refused_and_nothing_changes(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _database_at("0008_tombstones", data_dir)
    before = path.read_bytes()
    monkeypatch.setattr(fulltext, "fts5_available", lambda: False)
    with pytest.raises(fulltext.NoFullText) as refused:
        open_database(data_dir)
    assert str(refused.value).startswith("this Python's SQLite has no FTS5 (full-text search)")
    assert path.read_bytes() == before
    assert not (data_dir / "backups").exists()
