"""NFC and NFD copies of one text are one article; the stored text stays as written."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import unicodedata
from pathlib import Path

from sqlalchemy import create_engine

from factcheck_gui.domain.digests import nfc_sha256, text_sha256
from factcheck_gui.services.importing import import_articles
from factcheck_gui.services.workspace import Workspace, open_workspace
from factcheck_gui.storage.database import DB_FILENAME
from factcheck_gui.storage.migrate import upgrade

COMPOSED = "Zürich: the café’s owner, Renée, said 300 people came.\n"
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)


def _texts(ws: Workspace) -> list[str]:
    return [ws.library.article(s.id).text for s in ws.library.summaries()]


def test_an_nfd_copy_of_a_stored_text_is_skipped(
    empty_workspace: Workspace, tmp_path: Path
) -> None:
    assert COMPOSED != DECOMPOSED
    (tmp_path / "nfd.txt").write_text(DECOMPOSED, encoding="utf-8")
    (tmp_path / "nfc.txt").write_text(COMPOSED, encoding="utf-8")
    first = import_articles(empty_workspace.library, [tmp_path / "nfd.txt"])
    assert len(first.imported) == 1
    before = _texts(empty_workspace)

    again = import_articles(empty_workspace.library, [tmp_path / "nfc.txt"])

    assert again.imported == [] and again.batch is None
    assert [(Path(f.name).name, f.reason) for f in again.skipped] == [
        ("nfc.txt", "the same text is already stored")
    ]
    assert _texts(empty_workspace) == before
    article = empty_workspace.library.article(empty_workspace.library.summaries()[0].id)
    assert article.text.startswith("Zu\u0308rich")  # kept as its author wrote it
    assert article.sha256 == text_sha256(article.text)  # exact: what sets and exports match


def test_both_forms_in_one_import_store_the_first(
    empty_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "two.jsonl"
    path.write_text(
        f'{{"text": "{COMPOSED.strip()}", "id": 1}}\n{{"text": "{DECOMPOSED.strip()}", "id": 2}}\n',
        encoding="utf-8",
    )
    report = import_articles(empty_workspace.library, [path])
    assert len(report.imported) == 1
    assert [f.reason for f in report.skipped] == ["the same text came earlier in this import"]
    assert _texts(empty_workspace) == [COMPOSED.strip()]


def test_the_upgrade_hashes_the_nfc_form_of_every_stored_text(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / DB_FILENAME
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0005_dismissed_figures")
    engine.dispose()
    texts = [DECOMPOSED, "Plain ASCII text.", "Emoji 🙂 and Ångström"]
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("INSERT INTO batch VALUES (1, 'old', '2023-09-04 10:00:00.000000')")
        connection.executemany(
            "INSERT INTO article (id, batch_id, title, text, sha256) VALUES (?, 1, 't', ?, ?)",
            [(i, t, hashlib.sha256(t.encode("utf-8")).hexdigest()) for i, t in enumerate(texts, 1)],
        )
        connection.commit()

    ws = open_workspace(data_dir, samples=False)
    try:
        with contextlib.closing(sqlite3.connect(path)) as connection:
            stored = connection.execute(
                "SELECT text, sha256, nfc_sha256 FROM article ORDER BY id"
            ).fetchall()
        assert stored == [(t, text_sha256(t), nfc_sha256(t)) for t in texts]
        (data_dir.parent / "nfc.txt").write_text(COMPOSED, encoding="utf-8")
        report = import_articles(ws.library, [data_dir.parent / "nfc.txt"])
        assert report.imported == [] and len(report.skipped) == 1
    finally:
        ws.close()
