"""Hostile files in a real import: each bad file is refused with its reason, the good files
beside it are stored, and nothing from a refused file reaches the database."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck_gui.importers import FORMATS
from factcheck_gui.services.importing import import_articles
from factcheck_gui.services.workspace import Workspace

PAGE = (
    "<html><head><title>Page</title></head><body><article><p>"
    + "The ministry said on Tuesday that nearly 300,000 soldiers had been killed. " * 5
    + "</p></article></body></html>"
)
HOSTILE = {
    "deep.json": b"[" * 100_000,
    "deep-objects.jsonl": b'{"text": "fine"}\n' + b'{"a":' * 100_000,
    "latin1-line.txt": "Grüße aus Köln\n".encode() * 20 + "Grüße\n".encode("latin-1"),
    "late-nul.txt": b"plain text " * 1000 + b"\x00",
    "surrogate.json": b'{"text": "half \\udc00 a character"}',
    "huge-number.json": b'{"text": "x", "id": ' + b"9" * 5000 + b"}",
}


def articles(ws: Workspace) -> list[tuple[int, str]]:
    return sorted((s.id, s.title) for s in ws.library.summaries())


def test_each_hostile_file_is_refused_and_the_good_ones_are_stored(
    workspace: Workspace, tmp_path: Path
) -> None:
    before = articles(workspace)
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text("A good headline\n\nRussia recruited 280,000 people.")
    (folder / "latin1.txt").write_bytes(
        "Größere Schäden in Köln: Bürger müssen früher aufstehen.".encode("latin-1")
    )
    for name, data in HOSTILE.items():
        (folder / name).write_bytes(data)
    report = import_articles(workspace.library, [folder], batch_name="Hostile")
    failed = {Path(f.name).name: f.reason for f in report.failed}
    assert set(failed) == set(HOSTILE)
    assert "nested more than 64 levels" in failed["deep.json"]
    assert "on line 2 is nested" in failed["deep-objects.jsonl"]
    assert failed["latin1-line.txt"].startswith("line 21 is not UTF-8")
    assert "binary" in failed["late-nul.txt"]
    assert "\\udc00" in failed["surrogate.json"]
    assert "too long" in failed["huge-number.json"]
    assert all("\n" not in reason for reason in failed.values())
    assert sorted(t for _, t in report.imported) == [
        "A good headline",
        "Größere Schäden in Köln: Bürger müssen früher aufstehen.",
    ]
    assert articles(workspace) == sorted(before + [(i, t) for i, t in _new(workspace, before)])
    assert len(articles(workspace)) == len(before) + 2


def _new(ws: Workspace, before: list[tuple[int, str]]) -> list[tuple[int, str]]:
    return [a for a in articles(ws) if a not in before]


def test_a_reader_bug_costs_only_its_file_and_is_logged(
    empty_workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(text: str, source: str) -> list:
        raise KeyError("surprise")

    monkeypatch.setitem(
        FORMATS, "csv", FORMATS["csv"].__class__("csv", FORMATS["csv"].endings, broken, None, 0)
    )
    (tmp_path / "a.csv").write_text("text\nhello\n")
    (tmp_path / "b.txt").write_text("Still imported\n\nText.")
    with caplog.at_level(logging.ERROR):
        report = import_articles(empty_workspace.library, [tmp_path / "a.csv", tmp_path / "b.txt"])
    [failure] = report.failed
    assert failure.reason.startswith("could not be read: internal error (KeyError: 'surprise')")
    assert "the other files were imported" in failure.reason
    assert [t for _, t in report.imported] == ["Still imported"]
    assert "reading" in caplog.text and "KeyError" in caplog.text
    assert [s.title for s in empty_workspace.library.summaries()] == ["Still imported"]


def test_a_missing_html_cleaner_refuses_only_the_web_pages(
    empty_workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in [m for m in sys.modules if m.split(".")[0] in ("trafilatura", "justext")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "lxml_html_clean", None)
    monkeypatch.setitem(sys.modules, "lxml.html.clean", None)
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE)
    (folder / "b.txt").write_text("Plain text still imported\n\nText.")
    report = import_articles(empty_workspace.library, [folder])
    [failure] = report.failed
    assert Path(failure.name).name == "page.html"
    assert failure.reason == (
        "reading web pages needs the Python package lxml_html_clean, which is not installed; "
        "install it (pip install lxml_html_clean) and import this file again"
    )
    assert [s.title for s in empty_workspace.library.summaries()] == ["Plain text still imported"]


def test_a_missing_trafilatura_is_named(
    empty_workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    (tmp_path / "page.html").write_text(PAGE)
    report = import_articles(empty_workspace.library, [tmp_path / "page.html"])
    assert "pip install trafilatura" in report.failed[0].reason
    assert empty_workspace.library.summaries() == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(max_size=400),
    ending=st.sampled_from(sorted({fmt.endings[0] for fmt in FORMATS.values()} | {".zip", ""})),
)
def test_any_file_beside_a_good_one_never_costs_the_good_one(
    empty_workspace: Workspace, tmp_path_factory: pytest.TempPathFactory, data: bytes, ending: str
) -> None:
    folder = tmp_path_factory.mktemp("any")
    good = f"Good file {folder.name}\n\nA text that is surely new."
    (folder / "good.txt").write_text(good)
    (folder / f"any{ending}").write_bytes(data)
    before = articles(empty_workspace)
    report = import_articles(empty_workspace.library, [folder])
    assert f"Good file {folder.name}" in [t for _, t in report.imported]
    refused = any(Path(f.name).name == f"any{ending}" for f in report.failed)
    added = len(articles(empty_workspace)) - len(before)
    assert added == len(report.imported)
    if refused:
        assert all(not name.endswith(f"any{ending}") for name, _ in report.imported)
