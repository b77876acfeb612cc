"""Writes the database refuses (locked, read-only, full): one clear message, nothing stored."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from factcheck_gui.cli import main
from factcheck_gui.domain.errors import StorageFailure
from factcheck_gui.domain.model import Kind, NewAnnotation
from factcheck_gui.services.importing import import_articles
from factcheck_gui.services.workspace import Workspace
from factcheck_gui.storage.database import DB_FILENAME


@contextlib.contextmanager
def refusing(workspace: Workspace, how: str) -> Iterator[None]:
    """Every new connection of the app refuses writes the way ``how`` says."""
    db = workspace.db
    path = db.path
    assert path is not None
    blocker = None
    if how == "locked":
        blocker = sqlite3.connect(path)
        blocker.execute("BEGIN EXCLUSIVE")
        yield
        blocker.rollback()
        blocker.close()
        return
    with contextlib.closing(sqlite3.connect(path)) as probe:
        pages = probe.execute("PRAGMA page_count").fetchone()[0]
    pragma = "PRAGMA query_only = ON" if how == "readonly" else f"PRAGMA max_page_count = {pages}"

    def on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001
        dbapi_connection.execute(pragma)

    event.listen(db.engine, "connect", on_connect)
    db.engine.dispose()
    try:
        yield
    finally:
        event.remove(db.engine, "connect", on_connect)
        db.engine.dispose()


MESSAGES = {
    "locked": "another program is writing to",
    "readonly": "cannot be written (read-only); make it writable and try again",
    "full": "the disk is full; free some space",
}


def _big_batch(folder: Path) -> Path:
    folder.mkdir()
    for n in range(30):
        (folder / f"{n}.txt").write_text(f"Headline {n}\n\n" + f"Body {n}. " * 3000)
    return folder


@pytest.mark.parametrize("how", MESSAGES)
def test_an_import_the_database_refuses_stores_nothing(
    workspace: Workspace, tmp_path: Path, how: str
) -> None:
    folder = _big_batch(tmp_path / "batch")
    before = workspace.library.summaries()
    with refusing(workspace, how), pytest.raises(StorageFailure) as caught:
        import_articles(workspace.library, [folder])
    assert str(caught.value).startswith("Not saved: ") and MESSAGES[how] in str(caught.value)
    assert workspace.library.summaries() == before


@pytest.mark.parametrize("how", MESSAGES)
def test_a_tag_the_database_refuses_is_not_stored(workspace: Workspace, how: str) -> None:
    before = workspace.annotations.for_article(1)
    with refusing(workspace, how), pytest.raises(StorageFailure, match=re.escape(MESSAGES[how])):
        workspace.annotations.create(NewAnnotation(1, 0, 10, Kind.CLAIM, "r", note="x" * 9000))
    assert workspace.annotations.for_article(1) == before


def test_the_cli_import_on_a_locked_database_is_one_line(
    data_dir: Path,
    tmp_path: Path,
    capsys,  # noqa: ANN001
) -> None:
    assert main(["list"]) == 0
    capsys.readouterr()
    folder = _big_batch(tmp_path / "batch")
    with contextlib.closing(sqlite3.connect(data_dir / DB_FILENAME)) as blocker:
        blocker.execute("BEGIN EXCLUSIVE")
        assert main(["import", str(folder)]) == 1
        blocker.rollback()
    err = capsys.readouterr().err
    assert err.startswith("factcheck: Not saved: another program is writing to") and (
        err.count("\n") == 1
    )
    assert main(["list"]) == 0 and len(capsys.readouterr().out.splitlines()) == 5
