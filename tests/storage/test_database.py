"""Opening, creating, upgrading and refusing databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from factcheck_gui.domain.errors import UserError
from factcheck_gui.storage import fulltext
from factcheck_gui.storage.database import (
    DB_FILENAME,
    DatabaseDamaged,
    DatabaseTooNew,
    alembic_config,
    open_database,
    schema_revision,
)
from factcheck_gui.storage.tables import SQLModel

HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_a_new_database_is_created_at_the_newest_revision(data_dir: Path) -> None:
    db = open_database(data_dir)
    try:
        assert schema_revision(db.engine) == HEAD
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        db.close()
    assert (data_dir / DB_FILENAME).is_file()
    assert not (data_dir / "backups").exists(), "nothing to back up in a new database"


def test_the_migrations_match_the_tables(data_dir: Path) -> None:
    db = open_database(data_dir)
    try:
        with db.engine.connect() as connection:
            context = MigrationContext.configure(
                connection,  # the full-text index is not a table of the model
                opts={
                    "include_name": lambda name, kind, _parent: not fulltext.is_index_table(name)
                },
            )
            diff = compare_metadata(context, SQLModel.metadata)
        assert diff == []
    finally:
        db.close()


def test_an_older_database_is_backed_up_then_upgraded(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / DB_FILENAME
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001_initial")
        connection.execute(
            text("INSERT INTO batch (id, name, imported) VALUES (1, 'old', '2023-01-01')")
        )
    engine.dispose()

    db = open_database(data_dir)
    try:
        assert schema_revision(db.engine) == HEAD
    finally:
        db.close()
    backups = list((data_dir / "backups").glob("*.sqlite3"))
    assert len(backups) == 1 and "0001_initial" in backups[0].name
    with sqlite3.connect(backups[0]) as backup:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0001_initial",
        )
        assert backup.execute("SELECT name FROM batch").fetchall() == [("old",)]


def test_a_database_from_a_newer_app_is_refused_and_left_alone(data_dir: Path) -> None:
    open_database(data_dir).close()
    path = data_dir / DB_FILENAME
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer version of factcheck-gui; upgrade the app"):
        open_database(data_dir)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / DB_FILENAME
    path.write_bytes(b"these are my notes, not a database\n" * 200)
    before = path.read_bytes()
    with pytest.raises(UserError, match="cannot be opened as a factcheck database") as caught:
        open_database(data_dir)
    assert "--data-dir" in str(caught.value)
    assert path.read_bytes() == before


def test_another_programs_database_is_refused(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    with sqlite3.connect(data_dir / DB_FILENAME) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(UserError, match="holds tables of another program"):
        open_database(data_dir)


def test_an_unwritable_data_folder_gets_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(UserError, match="cannot write to the data folder .*--data-dir"):
        open_database(blocker / "data")


# -- refused files are never modified; damaged ones are moved aside ---------------------------
def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_another_programs_database_is_left_byte_for_byte(data_dir: Path, journal: str) -> None:
    data_dir.mkdir(parents=True)
    with sqlite3.connect(data_dir / DB_FILENAME) as connection:
        connection.execute(f"PRAGMA journal_mode = {journal}")
        connection.execute("CREATE TABLE recipes (name TEXT)")
        connection.execute("INSERT INTO recipes VALUES ('borscht')")
    connection.close()
    before = _files(data_dir)
    with pytest.raises(UserError, match="holds tables of another program"):
        open_database(data_dir)
    assert _files(data_dir) == before  # the file, and no -wal or -shm left beside it


def test_a_newer_apps_database_in_rollback_journal_mode_is_left_byte_for_byte(
    data_dir: Path,
) -> None:
    open_database(data_dir).close()
    path = data_dir / DB_FILENAME
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    before = _files(data_dir)
    with pytest.raises(DatabaseTooNew):
        open_database(data_dir)
    assert _files(data_dir) == before


def _damage(path: Path) -> bytes:
    """Overwrite pages in the middle of the file, as a failing disk would."""
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 8 * page
    for n in (2, 3, 4):
        data[n * page : (n + 1) * page] = bytes([0xA5]) * page
    path.write_bytes(bytes(data))
    return bytes(data)


def _filled_database(data_dir: Path) -> Path:
    from factcheck_gui.services.workspace import open_workspace

    open_workspace(data_dir).close()  # the samples and their annotations
    return data_dir / DB_FILENAME


def test_a_damaged_database_is_moved_aside_never_overwritten(data_dir: Path) -> None:
    path = _filled_database(data_dir)
    damaged = _damage(path)
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(data_dir)
    message = str(caught.value)
    assert "is damaged" in message and "moved aside" in message
    assert str(data_dir / "backups") in message
    assert not path.exists()
    moved = caught.value.moved_to
    assert moved.name.startswith(f"{DB_FILENAME}.damaged-") and moved.read_bytes() == damaged


def test_an_empty_database_file_is_moved_aside_not_silently_replaced(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DB_FILENAME).write_bytes(b"")
    with pytest.raises(DatabaseDamaged, match=r"empty \(0 bytes\).*no backups"):
        open_database(data_dir)
    moved = list(data_dir.glob(f"{DB_FILENAME}.damaged-*"))
    assert len(moved) == 1 and moved[0].read_bytes() == b""
