"""One owner of a data folder: the window, or a command that writes while it runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck_gui import cli
from factcheck_gui.services.ownership import HOLDER_FILE, FolderBusy, FolderOwner
from factcheck_gui.services.places import folder_key

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def window_holds(workspace, data_dir: Path) -> Iterator[FolderOwner]:  # noqa: ANN001
    """The folder as a running window holds it (the database exists, samples loaded)."""
    owner = FolderOwner(data_dir, role="gui", command="gui")
    owner.acquire()
    yield owner
    owner.release()


def article_count(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> int:
    assert cli.main(["list", "--json"]) == 0
    return len(json.loads(capsys.readouterr().out))


def test_a_second_owner_is_refused_and_told_who_holds_it(data_dir: Path) -> None:
    with FolderOwner(data_dir, role="gui", command="gui"):
        with pytest.raises(FolderBusy) as refused:
            FolderOwner(data_dir, role="cli", command="import").acquire()
        holder = refused.value.holder
        assert holder is not None and (holder.pid, holder.role) == (os.getpid(), "gui")
        assert json.loads((data_dir / HOLDER_FILE).read_text())["role"] == "gui"
    assert not (data_dir / HOLDER_FILE).exists()
    with FolderOwner(data_dir, role="cli", command="import") as again:  # released
        assert again.held


def test_a_writing_command_is_refused_while_the_window_holds_the_folder(
    window_holds: FolderOwner,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = article_count(data_dir, capsys)
    new = tmp_path / "new.txt"
    new.write_text("A new article\n\nIts text, which is new.\n", encoding="utf-8")
    assert cli.main(["import", str(new)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"factcheck: the factcheck window has {data_dir} open; close it first, "
        "or import from the window (File → Import…)\n"
    )
    assert article_count(data_dir, capsys) == before


def test_reading_commands_work_while_the_window_holds_the_folder(
    window_holds: FolderOwner,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert article_count(data_dir, capsys) == 5
    assert cli.main(["conflicts", "--json"]) == 0
    assert cli.main(["rates", "--json"]) == 0
    assert cli.main(["figures", "1", "--json"]) == 0
    assert cli.main(["parse-figure", "about 500"]) == 0
    assert cli.main(["export", str(tmp_path / "out.json")]) == 0
    assert (tmp_path / "out.json").exists()
    assert window_holds.held


def test_a_writing_command_holds_the_folder_while_it_runs(
    workspace,  # noqa: ANN001
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[FolderBusy] = []

    def run_import(*_args: object, **_kw: object) -> int:
        with pytest.raises(FolderBusy) as refused:
            FolderOwner(data_dir, role="gui", command="gui").acquire()
        seen.append(refused.value)
        return 0

    import factcheck_gui.cli_exchange as exchange

    monkeypatch.setattr(exchange, "run_import", run_import)
    assert cli.main(["import", str(SEEDS)]) == 0
    holder = seen[0].holder
    assert holder is not None and (holder.role, holder.command) == ("cli", "import")
    with FolderOwner(data_dir, role="gui", command="gui") as after:  # let go at the end
        assert after.held


def test_a_second_writing_command_waits_for_the_first(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with FolderOwner(data_dir, role="cli", command="import"):
        assert cli.main(["import", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"the command `factcheck import` (pid {os.getpid()}) is writing to {data_dir}" in err
    assert "wait for it to finish and try again" in err


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_lock_left_by_a_killed_process_never_blocks_the_next_start(data_dir: Path) -> None:
    script = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from factcheck_gui.services.ownership import FolderOwner
        owner = FolderOwner(Path({str(data_dir)!r}), role="gui", command="gui")
        owner.acquire()
        print("held", flush=True)
        time.sleep(120)
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=os.environ.copy()
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        with pytest.raises(FolderBusy) as refused:
            FolderOwner(data_dir, role="gui", command="gui").acquire()
        assert refused.value.holder is not None and refused.value.holder.pid == child.pid
    finally:
        child.kill()  # SIGKILL: no clean-up runs in the child
        child.wait(timeout=30)
    assert (data_dir / HOLDER_FILE).exists()  # its record is left behind…
    with FolderOwner(data_dir, role="gui", command="gui") as owner:  # …and blocks nothing
        assert owner.held
        assert owner.holder() is not None and owner.holder().pid == os.getpid()  # type: ignore[union-attr]


def test_the_folder_key_is_the_same_for_every_spelling_of_the_path(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (tmp_path / "link").symlink_to(folder)
    spellings = [folder, tmp_path / "link", tmp_path / "data" / ".." / "data"]
    assert len({folder_key(p) for p in spellings}) == 1
    assert folder_key(tmp_path / "other") != folder_key(folder)
