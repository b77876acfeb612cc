"""The `factcheck` command: listing, options, and one clear line for each mistake."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck_gui import __version__
from factcheck_gui.cli import main
from factcheck_gui.storage.database import DB_FILENAME


def test_list_prints_one_line_per_article(data_dir: Path, capsys) -> None:  # noqa: ANN001
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    first = lines[0].split("\t")
    assert first[0] == "1" and first[2] == "Tempo.co"
    assert first[4] == "8"  # a first start brings our annotations of the samples
    assert lines[1].split("\t")[3] == "2023-09-04"


def test_list_json_has_the_documented_keys(data_dir: Path, capsys) -> None:  # noqa: ANN001
    assert main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [set(r) for r in rows] == [{"id", "title", "outlet", "published", "annotations"}] * 5
    assert rows[1]["published"] == "2023-09-04" and rows[1]["outlet"] is None


def test_data_dir_option_overrides_the_environment(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    other = tmp_path / "elsewhere"
    assert main(["--data-dir", str(other), "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 5
    assert (other / DB_FILENAME).is_file()
    # options are accepted after the command too
    assert main(["list", "--data-dir", str(tmp_path / "third"), "--no-samples"]) == 0
    assert capsys.readouterr().out == ""
    assert (tmp_path / "third" / DB_FILENAME).is_file()


def test_no_samples_keeps_a_new_database_empty(capsys) -> None:  # noqa: ANN001
    assert main(["--no-samples", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_version(capsys) -> None:  # noqa: ANN001
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"factcheck {__version__}"


def test_a_file_that_is_not_a_database_is_one_line_and_exit_1(data_dir: Path, capsys) -> None:  # noqa: ANN001
    data_dir.mkdir(parents=True)
    (data_dir / DB_FILENAME).write_text("hello")
    assert main(["list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("factcheck: ")
    assert "cannot be opened as a factcheck database" in err and "Traceback" not in err


def test_an_unwritable_data_folder_is_one_line_and_exit_1(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    (tmp_path / "file").write_text("x")
    assert main(["--data-dir", str(tmp_path / "file" / "sub"), "list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write to the data folder" in err


def test_no_display_is_one_line_and_exit_1(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["FACTCHECK_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-m", "factcheck_gui", "gui"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "no display available" in result.stderr and "--screenshot" in result.stderr


def test_parse_figure_prints_what_it_reads(capsys) -> None:  # noqa: ANN001
    assert main(["parse-figure", "nearly 300,000", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "value": 300000,
        "unit": None,
        "hedge": "nearly",
        "low": 270000,
        "high": 300000,
        "vague": False,
    }
    assert main(["parse-figure", "$4.2bn"]) == 0
    out = capsys.readouterr().out
    assert "unit   USD" in out and "high   4250000000" in out


def test_parse_figure_without_a_figure_is_one_line_and_exit_1(capsys) -> None:  # noqa: ANN001
    assert main(["parse-figure", "the ministry said"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no figure in 'the ministry said'" in err
