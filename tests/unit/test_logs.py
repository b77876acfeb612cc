"""The log file and --log-level (no Qt, no database)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from factcheck_gui.cli import main
from factcheck_gui.logs import LOG_FILE, log_file, setup_logging


def test_the_log_goes_to_the_log_folder_at_info_by_default(log_dir: Path) -> None:
    assert main(["parse-figure", "about 500,000 people"]) == 0
    assert log_file() == log_dir / LOG_FILE
    text = (log_dir / LOG_FILE).read_text(encoding="utf-8")
    assert "INFO factcheck_gui: factcheck 0" in text and "parse-figure" in text
    assert "DEBUG" not in text


@pytest.mark.parametrize(
    "argv",
    [
        ["--log-level", "debug", "parse-figure", "about 500"],
        ["parse-figure", "about 500", "--log-level", "debug"],  # after the command, as --data-dir
    ],
)
def test_log_level_debug_takes_effect(argv: list[str], log_dir: Path) -> None:
    assert main(argv) == 0
    assert logging.getLogger("factcheck_gui").level == logging.DEBUG
    assert " DEBUG factcheck_gui: Python " in (log_dir / LOG_FILE).read_text(encoding="utf-8")


def test_log_level_error_leaves_out_the_start_up_line(log_dir: Path) -> None:
    assert main(["--log-level", "error", "parse-figure", "about 500"]) == 0
    assert (log_dir / LOG_FILE).read_text(encoding="utf-8") == ""


def test_an_unknown_log_level_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--log-level", "loud", "list"])
    assert exited.value.code == 2
    assert "invalid choice: 'loud'" in capsys.readouterr().err


def test_an_unwritable_log_folder_logs_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("")
    assert setup_logging("info", folder=blocker / "logs") is None
    assert "cannot write the log file" in capsys.readouterr().err
    assert log_file() is None
    setup_logging("info")  # back to the test's folder
