"""``factcheck parse-figure``: TEXT with the words before it, and JSON Lines in and out."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from factcheck_gui.cli import main


def test_text_with_the_words_before_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse-figure", "2.10", "--before", "about C$", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "value": 2.1,
        "unit": "CAD",
        "hedge": "about",
        "low": 1.89,
        "high": 2.31,
        "vague": False,
    }


def test_jsonl_from_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = tmp_path / "in.jsonl"
    lines.write_text(
        '{"text": "280,000", "before": "recruited some "}\n'
        "\n"
        '{"text": "millions"}\n'
        '{"text": "the ministry said"}\n',
        encoding="utf-8",
    )
    assert main(["parse-figure", "--jsonl", str(lines)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    keys = ("value", "unit", "hedge", "low", "high", "vague")
    assert out == [
        dict(zip(keys, (280000, None, "some", 252000, 308000, False), strict=True)),
        dict(zip(keys, (2000000, None, None, 2000000, 1e9, True), strict=True)),
        dict.fromkeys(keys),
    ]


def test_jsonl_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO('{"text": "25 €"}\n'))
    assert main(["parse-figure", "--jsonl", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["unit"] == "EUR"


@pytest.mark.parametrize(
    "line",
    ["not json", "[1, 2]", '{"before": "about"}', '{"text": 5}', '{"text": "5", "before": 3}'],
)
def test_a_bad_line_gets_an_error_line_and_exit_1(
    line: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f'{line}\n{{"text": "5 people"}}\n'))
    assert main(["parse-figure", "--jsonl", "-"]) == 1
    first, second = (json.loads(x) for x in capsys.readouterr().out.splitlines())
    assert "error" in first and first["line"] == 1
    assert second["unit"] == "people"  # one bad line costs nothing else


@pytest.mark.parametrize(
    "argv",
    [
        ["parse-figure"],
        ["parse-figure", "5", "--jsonl", "-"],
        ["parse-figure", "--jsonl", "/nonexistent/in.jsonl"],
    ],
)
def test_refused_invocations_say_why(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 1
    assert capsys.readouterr().err.count("\n") == 1
