"""Backups from the window: the start-up copy, File → Restore from backup…, a damaged start."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt

from factcheck_gui.services.backups import backups_in
from factcheck_gui.services.workspace import open_workspace
from factcheck_gui.storage.database import DB_FILENAME
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.window.launch import _open_or_recover
from tests.ui.conftest import stored, tag


def test_restore_from_backup_reloads_the_panes_and_fences_undo(
    window,
    qtbot,
    monkeypatch,  # noqa: ANN001
) -> None:
    pane = window.panes.panes[0]
    article = pane.article_id
    tag(qtbot, pane.view, "Britain accused Russia", Qt.Key.Key_C)
    backup = window.services.backups.create()
    tag(qtbot, pane.view, "at least 6 million", Qt.Key.Key_F)
    assert len(stored(window, article)) == 2 and window.context.undo_stack.count() == 2

    offered: list = []
    monkeypatch.setattr(
        dialogs, "choose_backup", lambda **kw: offered.append(kw["rows"]) or backup.id
    )
    window.restoring.action.trigger()
    qtbot.waitUntil(lambda: window.restoring.job is None, timeout=30_000)

    assert offered and offered[0][0][0] == backup.id  # newest first
    assert [_words(a.quote) for a in stored(window, article)] == ["Britain accused Russia"]
    assert [_words(a.quote) for a in pane.view.notes.values()] == [
        "Britain accused Russia"
    ]  # the pane shows it
    assert window.context.undo_stack.count() == 0  # nothing undoes over the restored data
    assert "Restored the backup" in window.statusBar().currentMessage()
    model = window.library.model  # the library reads every row again: the restored count

    def count() -> object:
        index = model.index_of(article)
        return model.index(index.row(), 3, index.parent()).data()

    qtbot.waitUntil(lambda: count() == 1)
    reasons = [i.backup.reason for i in backups_in(window.services.data_dir)]
    assert "before-restore" in reasons


def _words(text: str) -> str:
    return " ".join(text.split())  # the sample has no-break spaces


def test_no_backups_yet_is_said_plainly(window, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(dialogs, "choose_backup", lambda **kw: pytest_fail())
    window.restoring.action.trigger()
    assert window.statusBar().currentMessage().startswith("There are no backups yet")


def pytest_fail() -> None:
    raise AssertionError("no dialog should open without backups")


def test_the_start_backup_runs_off_the_gui_thread(open_window, qtbot, data_dir) -> None:  # noqa: ANN001
    open_workspace(data_dir).close()
    window = open_window()
    service = window.services.backups
    real, threads = service.at_start, []
    service.at_start = lambda: threads.append(threading.get_ident()) or real()
    with qtbot.waitSignal(window.restoring.backedUp, timeout=30_000) as made:
        window.restoring.start_backup()
    assert made.args[0] is not None and made.args[0].reason == "start"
    assert threads and threads[0] != threading.get_ident()  # not the GUI thread
    window.restoring.wait()


def test_a_damaged_database_at_start_offers_the_newest_good_backup(
    data_dir: Path,
    monkeypatch,  # noqa: ANN001
) -> None:
    ws = open_workspace(data_dir)
    backup = ws.backups.create()
    ws.close()
    path = data_dir / DB_FILENAME
    data = bytearray(path.read_bytes())
    data[2 * 4096 : 5 * 4096] = b"\xa5" * (3 * 4096)
    path.write_bytes(bytes(data))

    asked: list = []
    monkeypatch.setattr(dialogs, "offer_restore", lambda **kw: asked.append(kw) or "restore")
    ws = _open_or_recover(data_dir, samples=True, ask=True)
    try:
        assert (
            "is damaged" in asked[0]["text"]
            and ".damaged-" in asked[0]["text"]
            and "38 annotations" in asked[0]["newest"]
        )
        assert len(ws.annotations.for_article(1)) == 8
        assert backup.id in {i.backup.id for i in backups_in(data_dir)}
    finally:
        ws.close()
    assert len(list(data_dir.glob(f"{DB_FILENAME}.damaged-*"))) == 1
