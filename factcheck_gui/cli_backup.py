"""``factcheck backup list|create|restore ID|keep [N]``: the backups beside the database.

``list`` and a restore into a folder whose database is damaged or gone work without
opening the database, so a damaged one can always be recovered from the command line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from factcheck_gui.domain.wording import count
from factcheck_gui.services.places import default_data_dir


def add_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser(
        "backup",
        parents=[common],
        help="list, make or restore backups of the database",
        description="Backups are verified copies in the data folder's backups/ (made at start "
        "when the data changed, before upgrades, merges and restores).",
    )
    actions = backup.add_subparsers(dest="backup_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help="the backups, newest first")
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    actions.add_parser("create", parents=[common], help="make a backup now")
    restore = actions.add_parser(
        "restore", parents=[common], help="restore a backup (the current data is backed up first)"
    )
    restore.add_argument("backup_id", metavar="ID", help="an id from `backup list`, or latest")
    keep = actions.add_parser("keep", parents=[common], help="show or set how many to keep")
    keep.add_argument("count", type=int, nargs="?", metavar="N")


def run(args: argparse.Namespace) -> int:
    # The database layer is imported here, not with the parser (the window paints first).
    from factcheck_gui.services.backups import BackupService
    from factcheck_gui.services.workspace import open_workspace

    data_dir: Path = getattr(args, "data_dir", None) or default_data_dir()
    action = args.backup_action
    if action == "list":
        return _list(data_dir, as_json=args.json)
    if action == "restore":
        return _restore(data_dir, args.backup_id)
    workspace = open_workspace(data_dir, samples=False)
    try:
        service = BackupService(workspace.db)
        if action == "create":
            made = service.create()
            print(f"{made.id}\t{made.path}")
        elif args.count is None:
            print(service.keep)
        else:
            service.set_keep(args.count)
            print(f"keeping the newest {count(args.count, 'backup')}")
    finally:
        workspace.close()
    return 0


def _list(data_dir: Path, *, as_json: bool) -> int:
    from factcheck_gui.services.backups import backups_in

    found = backups_in(data_dir)
    if as_json:
        rows = [
            {
                "id": i.backup.id,
                "created": i.backup.created.isoformat(),
                "reason": i.backup.reason,
                "articles": i.contents.articles if i.contents else None,
                "annotations": i.contents.annotations if i.contents else None,
                "bytes": i.backup.size,
                "path": str(i.backup.path),
            }
            for i in found
        ]
        print(json.dumps(rows, indent=2))
        return 0
    if not found:
        print(f"no backups in {data_dir / 'backups'}", file=sys.stderr)
    for info in found:
        print(info.line())
    return 0


def _restore(data_dir: Path, backup_id: str) -> int:
    from factcheck_gui.services.backups import BackupService, restore_into_empty_folder
    from factcheck_gui.services.workspace import open_workspace
    from factcheck_gui.storage.database import DB_FILENAME, DatabaseDamaged, open_database

    if not (data_dir / DB_FILENAME).exists():
        chosen = restore_into_empty_folder(data_dir, backup_id)
        open_database(data_dir).close()  # upgraded now, if the backup is older
        print(f"Restored the backup {chosen.id} ({chosen.reason}).")
        return 0
    try:
        workspace = open_workspace(data_dir, samples=False)
    except DatabaseDamaged as damaged:
        print(f"factcheck: {damaged.moved_to.name}: the damaged database was moved aside")
        chosen = restore_into_empty_folder(data_dir, backup_id)
        open_database(data_dir).close()
        print(f"Restored the backup {chosen.id} ({chosen.reason}).")
        return 0
    try:
        print(BackupService(workspace.db).restore(backup_id).summary())
    finally:
        workspace.close()
    return 0
