"""SIGKILL while annotating, importing and merging: no acknowledged write is lost, no batch
is stored in part, and the database opens intact every time.

``pytest --soak-kills N`` raises the number of kills (3 by default, to keep CI short).
"""

from __future__ import annotations

import contextlib
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck_gui.services.exporting import Scope, export
from factcheck_gui.services.workspace import open_workspace
from factcheck_gui.storage.database import DB_FILENAME

WORKER = Path(__file__).with_name("soak_worker.py")
ROOT = Path(__file__).resolve().parents[2]


def _annotation_set(tmp_path: Path) -> tuple[Path, set[str]]:
    """Our annotations of the samples as a colleague's set (the soak database lacks them)."""
    source = open_workspace(tmp_path / "colleague")
    out = tmp_path / "colleague.json"
    export(source, out, format_name="json", scope=Scope(), include_text=False)
    ids = {a.id for s in source.library.summaries() for a in source.annotations.for_article(s.id)}
    source.close()
    return out, ids


def _kill_once(data_dir: Path, annotation_set: Path, seed: int) -> list[str]:
    worker = subprocess.Popen(
        [sys.executable, str(WORKER), str(data_dir), str(annotation_set), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert worker.stdout is not None
    first = _first_line(worker, timeout=60)  # started, whatever the machine's load
    time.sleep(random.Random(seed).uniform(0.2, 2.0))
    worker.send_signal(signal.SIGKILL)
    out, err = worker.communicate(timeout=30)
    assert worker.returncode == -signal.SIGKILL, err
    return [line for line in [first, *out.splitlines()] if line.startswith("ACK ")]


def _first_line(worker: subprocess.Popen[str], *, timeout: float) -> str:
    assert worker.stdout is not None
    ready, _, _ = select.select([worker.stdout], [], [], timeout)
    assert ready, "the worker wrote nothing in a minute"
    return worker.stdout.readline().strip()


@pytest.mark.timeout(0)  # it scales with --soak-kills; each kill is bounded below
def test_killed_while_writing_loses_no_acknowledged_write(
    data_dir: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    kills = request.config.getoption("--soak-kills")
    annotation_set, set_ids = _annotation_set(tmp_path)
    open_workspace(data_dir, sample_annotations=False).close()
    acknowledged: list[str] = []
    for n in range(kills):
        acknowledged += _kill_once(data_dir, annotation_set, seed=n)
        with contextlib.closing(sqlite3.connect(data_dir / DB_FILENAME)) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        workspace = open_workspace(data_dir)
        try:
            notes = {
                a.id: a.note for a in workspace.annotations.for_article(1) if a.reviewer == "soak"
            }
            stored_ids = {
                a.id
                for s in workspace.library.summaries()
                for a in workspace.annotations.for_article(s.id)
            }
            sizes = {
                b.batch.name: len(b.articles)
                for b in workspace.library.batches()
                if b.batch.name.startswith("soak-")
            }
        finally:
            workspace.close()
        for line in acknowledged:
            what, *rest = line.split()[1:]
            if what == "tag":
                assert notes.get(rest[0]) == rest[1], f"kill {n}: lost {line}"
            elif what == "import":
                assert sizes.get(rest[0]) == int(rest[1]), f"kill {n}: lost {line}"
            else:
                assert set_ids <= stored_ids, f"kill {n}: lost a merged annotation"
        assert all(size == 20 for size in sizes.values()), f"kill {n}: a half batch {sizes}"
    kinds = {line.split()[1] for line in acknowledged}
    print(f"{kills} kills, {len(acknowledged)} acknowledged writes checked: {sorted(kinds)}")
    assert len(acknowledged) > kills and "tag" in kinds
