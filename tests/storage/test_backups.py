"""Backups: verified, rotated, made when they should be, restorable (also from the CLI)."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
from pathlib import Path

import pytest

from factcheck_gui.cli import main
from factcheck_gui.domain.errors import StorageFailure, UserError
from factcheck_gui.domain.model import Kind, NewAnnotation
from factcheck_gui.services.backups import BackupService, backups_in, newest_good
from factcheck_gui.services.merging import merge_file
from factcheck_gui.services.workspace import Workspace, open_workspace
from factcheck_gui.storage.backups import check_backup, list_backups
from factcheck_gui.storage.database import DB_FILENAME, DatabaseDamaged


def _tag(workspace: Workspace, note: str) -> str:
    annotation, _ = workspace.annotations.create(
        NewAnnotation(1, 0, 10, Kind.CLAIM, "r", note=note)
    )
    return annotation.id


def _count(path: Path, table: str = "annotation") -> int:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_backup_is_verified_and_the_oldest_rotate_out(workspace: Workspace) -> None:
    service = BackupService(workspace.db)
    service.set_keep(3)
    made = [service.create() for _ in range(5)]
    kept = list_backups(service.folder)
    assert [b.id for b in kept] == [b.id for b in reversed(made[-3:])]
    assert all(check_backup(b.path) is None for b in kept)
    assert not list(service.folder.glob(".*partial"))  # no half-written copy left behind


def test_keep_refuses_nonsense_and_changes_nothing(workspace: Workspace) -> None:
    service = BackupService(workspace.db)
    with pytest.raises(UserError, match="keep between 1 and 1000 backups, not 0"):
        service.set_keep(0)
    assert service.keep == 10


def test_the_start_backup_is_made_only_when_the_data_changed(data_dir: Path) -> None:
    open_workspace(data_dir).close()  # a new database: nothing to back up yet
    assert backups_in(data_dir) == []

    ws = open_workspace(data_dir)
    first = ws.backups.at_start()
    ws.close()
    assert first is not None and first.reason == "start"

    ws = open_workspace(data_dir)  # nothing was written since: no second copy
    assert ws.backups.at_start() is None
    _tag(ws, "changed")
    ws.close()

    ws = open_workspace(data_dir)
    second = ws.backups.at_start()
    ws.close()
    assert second is not None and second.id != first.id
    assert _count(second.path) == _count(first.path) + 1


def test_merging_an_annotation_set_backs_up_first(workspace: Workspace, tmp_path: Path) -> None:
    from factcheck_gui.services.exporting import Scope, export

    out = tmp_path / "set.json"
    export(workspace, out, format_name="json", scope=Scope(), include_text=True)
    merge_file(workspace.db, out)
    made = [b for b in list_backups(workspace.db.backup_folder) if b.reason == "before-merge"]
    assert len(made) == 1


def test_a_restore_brings_the_data_back_and_keeps_what_was_there(workspace: Workspace) -> None:
    service = BackupService(workspace.db)
    kept_id = _tag(workspace, "in the backup")
    backup = service.create()
    workspace.annotations.delete(kept_id)
    later = _tag(workspace, "made after the backup")

    restored = service.restore(backup.id)

    assert restored.changes.reset and restored.safety is not None
    assert workspace.annotations.get_annotation(kept_id).note == "in the backup"
    assert later not in {a.id for a in workspace.annotations.for_article(1)}
    with contextlib.closing(sqlite3.connect(restored.safety.path)) as connection:
        notes = {n for (n,) in connection.execute("SELECT note FROM annotation")}
    assert "made after the backup" in notes  # the restore itself can be undone


def test_a_damaged_backup_is_not_restored_and_nothing_changes(workspace: Workspace) -> None:
    service = BackupService(workspace.db)
    backup = service.create()
    data = bytearray(backup.path.read_bytes())
    data[4096 : 3 * 4096] = b"\xa5" * (2 * 4096)
    backup.path.write_bytes(bytes(data))
    before = workspace.annotations.for_article(1)
    with pytest.raises(UserError, match=f"the backup {backup.id} cannot be restored"):
        service.restore(backup.id)
    assert workspace.annotations.for_article(1) == before
    assert newest_good(workspace.data_dir) is None or newest_good(workspace.data_dir).backup != (
        backup
    )


def test_an_unknown_backup_id_is_one_clear_line(workspace: Workspace) -> None:
    BackupService(workspace.db).create()
    with pytest.raises(UserError, match="no backup has the id 'nope'; `factcheck backup list`"):
        BackupService(workspace.db).restore("nope")


# -- the command line ------------------------------------------------------------------------
def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[2 * 4096 : 5 * 4096] = b"\xa5" * (3 * 4096)
    path.write_bytes(bytes(data))


def test_the_cli_recovers_a_damaged_database_from_a_backup(
    data_dir: Path,
    capsys,  # noqa: ANN001
) -> None:
    assert main(["list"]) == 0  # a first start: the samples and our annotations of them
    capsys.readouterr()
    assert main(["backup", "create"]) == 0
    backup_id = capsys.readouterr().out.split("\t")[0]
    _damage(data_dir / DB_FILENAME)

    assert main(["list"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("factcheck: ") and err.count("\n") == 1  # one line, no traceback
    assert "is damaged" in err and str(data_dir / "backups") in err

    assert main(["backup", "list"]) == 0  # works with no database to open
    assert capsys.readouterr().out.startswith(backup_id)
    assert main(["backup", "restore", backup_id]) == 0
    assert "Restored the backup" in capsys.readouterr().out
    assert main(["list", "--json"]) == 0
    assert '"annotations": 8' in capsys.readouterr().out
    assert len(list(data_dir.glob(f"{DB_FILENAME}.damaged-*"))) == 1


def test_open_workspace_raises_damaged_with_where_the_file_went(data_dir: Path) -> None:
    open_workspace(data_dir).close()
    _damage(data_dir / DB_FILENAME)
    with pytest.raises(DatabaseDamaged) as caught:
        open_workspace(data_dir)
    assert caught.value.moved_to.exists()


# -- a full disk, for real ------------------------------------------------------------------------
@pytest.fixture
def tiny_disk(tmp_path: Path):  # noqa: ANN201
    """A 1.5 MiB tmpfs (needs root; skipped where mounting is not allowed)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1536k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> None:
    with contextlib.suppress(OSError), (folder / "filler").open("wb") as handle:
        while True:
            handle.write(b"\0" * 65536)
            handle.flush()


def test_a_full_disk_says_the_disk_is_full_and_stores_nothing(tiny_disk: Path) -> None:
    from factcheck_gui.services.importing import import_articles

    ws = open_workspace(tiny_disk / "data")
    before = ws.library.summaries()
    folder = tiny_disk.parent / "incoming"
    folder.mkdir()
    for n in range(40):
        (folder / f"{n}.txt").write_text(f"Article {n}\n\n" + "Words of the article. " * 2000)
    _fill(tiny_disk)
    with pytest.raises(StorageFailure, match="the disk is full") as caught:
        import_articles(ws.library, [folder])
    assert "move the file" not in str(caught.value)
    assert ws.library.summaries() == before
    with pytest.raises(StorageFailure, match="Cannot back up .*the disk is full"):
        ws.backups.create()
    assert not [p for p in (tiny_disk / "data" / "backups").glob("*") if p.stat().st_size]
    ws.close()


# -- found in review ------------------------------------------------------------------------------
def test_restoring_the_oldest_backup_when_the_folder_is_full(workspace: Workspace) -> None:
    service = BackupService(workspace.db)
    service.set_keep(3)
    oldest_note = _tag(workspace, "only in the oldest")
    made = [service.create() for _ in range(3)]
    workspace.annotations.delete(oldest_note)
    restored = service.restore(made[0].id)  # its safety copy must not rotate it away first
    assert restored.restored.id == made[0].id
    assert workspace.annotations.get_annotation(oldest_note).note == "only in the oldest"


def test_the_last_backup_before_damage_survives_any_number_of_later_ones(
    data_dir: Path,
) -> None:
    ws = open_workspace(data_dir)
    good = ws.backups.create()
    ws.close()
    _damage(data_dir / DB_FILENAME)
    with pytest.raises(DatabaseDamaged):
        open_workspace(data_dir)
    ws = open_workspace(data_dir)  # the user chose to start afresh
    ws.backups.set_keep(2)
    for _ in range(4):
        ws.backups.create()
    ws.close()
    assert good.id in {b.id for b in list_backups(data_dir / "backups")}


def test_a_wal_left_beside_a_moved_database_is_never_applied(data_dir: Path) -> None:
    from factcheck_gui.services.backups import restore_into_empty_folder

    ws = open_workspace(data_dir)
    backup = ws.backups.create()
    ws.close()
    path = data_dir / DB_FILENAME
    stale = path.with_name(path.name + "-wal")
    stale.write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 4092)  # a journal of some other file
    path.rename(data_dir.parent / "moved-away.sqlite3")  # the user moved only the database
    restore_into_empty_folder(data_dir, backup.id)
    assert not stale.exists() and list(data_dir.glob(f"{DB_FILENAME}-wal.damaged-*"))
    ws = open_workspace(data_dir)
    try:
        assert len(ws.annotations.for_article(1)) == 8
    finally:
        ws.close()


def test_a_reader_beside_the_window_never_moves_its_database(
    data_dir: Path,
    capsys,  # noqa: ANN001
) -> None:
    from factcheck_gui.services.ownership import FolderOwner

    open_workspace(data_dir).close()
    _damage(data_dir / DB_FILENAME)
    before = (data_dir / DB_FILENAME).read_bytes()
    with FolderOwner(data_dir, role="gui", command="gui"):
        assert main(["list"]) == 1
    err = capsys.readouterr().err
    assert "the factcheck window has" in err and "is damaged" in err
    assert (data_dir / DB_FILENAME).read_bytes() == before
    assert not list(data_dir.glob("*.damaged-*"))
