"""The CLI's unexpected errors: one line naming the log file, exit 2, the traceback logged."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_gui import cli
from factcheck_gui.logs import LOG_FILE


def test_an_unexpected_error_prints_one_line_naming_the_log_file(
    workspace,  # noqa: ANN001
    log_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken(*_args: object, **_kw: object) -> int:
        raise RuntimeError("a bug\nwith a second line")

    monkeypatch.setattr(cli, "_list", broken)
    assert cli.main(["list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "RuntimeError: a bug" in err and str(log_dir / LOG_FILE) in err
    assert "Traceback" not in err
    logged = (log_dir / LOG_FILE).read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged and "RuntimeError: a bug" in logged


def test_a_users_mistake_stays_one_line_and_exit_1_and_is_logged_without_a_traceback(
    workspace,  # noqa: ANN001
    log_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["figures", "999"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "there is no article 999" in err
    logged = (log_dir / LOG_FILE).read_text(encoding="utf-8")
    assert "WARNING factcheck_gui.cli: there is no article 999" in logged
    assert "Traceback" not in logged
