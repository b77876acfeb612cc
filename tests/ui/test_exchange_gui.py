"""Importing and exporting from the window: background jobs, Cancel, drops, reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from factcheck_gui.services.exporting import Scope
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.exchange.export_dialog import ExportDialog, ExportRequest
from tests.ui.conftest import stored, tag


def make_batch(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"a{i:04}.txt").write_text(f"Headline {i}\n\nBody of article number {i}.")
    return folder


def run_and_wait(window, qtbot, start) -> None:  # noqa: ANN001
    with qtbot.waitSignal(window.exchange.jobEnded, timeout=60_000):
        start()


def test_importing_a_folder_runs_in_the_background_and_reports(
    window,
    qtbot,
    tmp_path,
    monkeypatch,  # noqa: ANN001
) -> None:
    folder = make_batch(tmp_path / "batch", 12)
    (folder / "broken.json").write_text("{")
    reports = []
    monkeypatch.setattr(dialogs, "choose_import_folder", lambda **kw: folder)
    monkeypatch.setattr(dialogs, "report", lambda **kw: reports.append(kw))
    run_and_wait(window, qtbot, window.actions_.import_folder.trigger)
    [shown] = reports
    assert shown["summary"].startswith("Imported 12 articles into batch “batch")
    [failed, imported] = shown["sections"]
    assert failed.problem and failed.heading == "1 file could not be imported"
    assert "broken.json: malformed JSON at line 1" in failed.lines[0]
    assert not imported.problem and len(imported.lines) == 12
    model = window.library.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)  # read in the background, then inserted
    assert model.rowCount(model.index(1, 0)) == 12
    assert "Imported 12 articles" in window.statusBar().currentMessage()


def test_cancel_leaves_the_database_as_it_was(window, qtbot, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    folder = make_batch(tmp_path / "big", 400)
    monkeypatch.setattr(dialogs, "report", lambda **kw: None)
    before = window.services.library.summaries()

    def cancel_at_once(job) -> None:  # noqa: ANN001
        job.cancel()

    window.exchange.jobStarted.connect(cancel_at_once)
    run_and_wait(window, qtbot, lambda: window.exchange.import_paths([folder]))
    assert window.services.library.summaries() == before
    assert window.statusBar().currentMessage() == "Import cancelled; nothing was stored."


def test_dropping_files_on_the_library_imports_them(window, qtbot, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    folder = make_batch(tmp_path / "dropped", 3)
    monkeypatch.setattr(dialogs, "report", lambda **kw: None)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in sorted(folder.iterdir())])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    run_and_wait(window, qtbot, lambda: window.library.dropEvent(event))
    assert len(window.services.library.summaries()) == 8


def test_a_second_job_waits_for_the_first(window, qtbot, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    folder = make_batch(tmp_path / "b", 50)
    monkeypatch.setattr(dialogs, "report", lambda **kw: None)
    with qtbot.waitSignal(window.exchange.jobEnded, timeout=60_000):
        window.exchange.import_paths([folder])
        window.exchange.import_paths([folder])
        assert "still running" in window.statusBar().currentMessage()


def test_export_from_the_window_writes_the_chosen_format(
    window, qtbot, tmp_path, monkeypatch
) -> None:  # noqa: ANN001
    tag(qtbot, window.panes.panes[0].view, "at least 6 million", Qt.Key.Key_F)
    target = tmp_path / "out.csv"
    monkeypatch.setattr(
        dialogs,
        "ask_export",
        lambda **kw: ExportRequest(target, "csv", Scope(article_ids=(1,)), True),
    )
    run_and_wait(window, qtbot, window.actions_.export.trigger)
    assert "at least 6 million" in target.read_text(encoding="utf-8-sig")
    assert window.statusBar().currentMessage().startswith("Wrote 1 annotation on 1 article")


def test_an_export_that_fails_opens_the_dialog_again_with_the_reason(
    window, qtbot, tmp_path, monkeypatch
) -> None:  # noqa: ANN001
    """The dialog's own check refuses a missing folder; one that goes missing while the
    export runs is reported in the dialog, opened again as it was, to fix and retry."""
    monkeypatch.setattr(dialogs, "warn", lambda **kw: pytest.fail("no separate message box"))
    failing = ExportRequest(tmp_path / "missing" / "x.json", "json", Scope(), True)
    asked = []

    def answer(**kw):  # noqa: ANN003, ANN202
        asked.append(kw)
        return failing if len(asked) == 1 else None  # then the reviewer cancels

    monkeypatch.setattr(dialogs, "ask_export", answer)
    run_and_wait(window, qtbot, window.actions_.export.trigger)
    qtbot.waitUntil(lambda: len(asked) == 2)
    message = f"the folder {tmp_path / 'missing'} does not exist; create it or choose another"
    assert asked[1]["again"] == failing and asked[1]["error"] == message
    assert window.statusBar().currentMessage() == message
    assert not (tmp_path / "missing").exists()


def test_the_export_dialog_builds_its_request(qtbot, tmp_path) -> None:  # noqa: ANN001
    dialog = ExportDialog(parent=None, batches=["B1", "B2"], selected=[3, 4], folder=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.request().scope == Scope(article_ids=(3, 4))
    dialog.batch.setChecked(True)
    dialog.batch_name.setCurrentIndex(1)
    dialog.format.setCurrentIndex(dialog.format.findData("w3c"))
    request = dialog.request()
    assert request.scope == Scope(batches=("B2",)) and request.format_name == "w3c"
    assert request.path == tmp_path / "annotations.jsonld"
    assert not dialog.include_text.isEnabled()


def test_merging_a_set_shows_new_annotations_and_lists_orphans(
    window,
    qtbot,
    tmp_path,
    monkeypatch,  # noqa: ANN001
) -> None:
    text = window.services.library.article(1).text
    figure = "at least 6 million"
    document = {
        "format": "factcheck-annotations",
        "version": 1,
        "exported": "2026-01-01T00:00:00Z",
        "articles": [
            {
                "id": 1,
                "title": "t",
                "outlet": None,
                "url": None,
                "published": None,
                "sha256": window.services.library.article(1).sha256,
            }
        ],
        "annotations": [
            {
                "id": "11111111-1111-1111-1111-111111111111",
                "article": 1,
                "start": text.index(figure),
                "end": text.index(figure) + len(figure),
                "quote": figure,
                "prefix": "",
                "suffix": "",
                "kind": "figure",
                "verdict": "accurate",
                "note": "",
                "reviewer": "bob",
                "created": "2026-01-01T00:00:00Z",
                "modified": "2026-01-01T00:00:00Z",
            },
            {
                "id": "22222222-2222-2222-2222-222222222222",
                "article": 1,
                "start": 5,
                "end": 40,
                "quote": "a sentence this article never had in it",
                "prefix": "",
                "suffix": "",
                "kind": "claim",
                "verdict": "inaccurate",
                "note": "",
                "reviewer": "bob",
                "created": "2026-01-01T00:00:00Z",
                "modified": "2026-01-01T00:00:00Z",
            },
        ],
    }
    path = tmp_path / "bob.json"
    path.write_text(json.dumps(document))
    reports = []
    monkeypatch.setattr(dialogs, "choose_annotation_set", lambda **kw: path)
    monkeypatch.setattr(dialogs, "report", lambda **kw: reports.append(kw["summary"]))
    run_and_wait(window, qtbot, window.actions_.import_set.trigger)
    assert reports == [
        "bob.json: 2 added, 0 updated, 0 re-anchored, 1 orphaned, 0 unchanged; "
        "articles: 1 matched, 0 added."
    ]
    pane = window.panes.panes[0]
    assert "11111111-1111-1111-1111-111111111111" in pane.view.highlighter.index
    assert "22222222-2222-2222-2222-222222222222" not in pane.view.highlighter.index
    panel = window.annotations
    panel.orphans.setChecked(True)
    assert panel.proxy.rowCount() == 1 and panel.proxy.index(0, 6).data() == "orphaned"
    window.select_annotation("22222222-2222-2222-2222-222222222222", reveal=True)
    assert "Orphaned" in window.statusBar().currentMessage()
    assert len(stored(window, 1)) == 2


def test_merging_a_w3c_set_from_another_tool_places_what_it_can_and_says_the_rest(
    window,
    qtbot,
    tmp_path,
    monkeypatch,  # noqa: ANN001
) -> None:
    from factcheck_gui.importers.ids import uuid_of_iri

    article = window.services.library.article(1)

    def annotation(iri: str, quote: str) -> dict:
        return {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "Annotation",
            "id": iri,
            "created": "2026-01-01T00:00:00Z",
            "creator": "acct:bob@hypothes.is",
            "body": [{"type": "TextualBody", "value": "check this", "format": "text/markdown"}],
            "target": [
                {
                    "source": f"urn:sha256:{article.sha256}",
                    "selector": [{"type": "TextQuoteSelector", "exact": quote}],
                }
            ],
        }

    path = tmp_path / "hypothesis.json"  # a .json file: the content says W3C
    path.write_text(
        json.dumps(
            [
                annotation("https://hypothes.is/a/one", "at least 6 million"),
                annotation("https://hypothes.is/a/two", "words the article never had"),
            ]
        )
    )
    reports = []
    monkeypatch.setattr(dialogs, "choose_annotation_set", lambda **kw: path)
    monkeypatch.setattr(dialogs, "report", lambda **kw: reports.append(kw))
    run_and_wait(window, qtbot, window.actions_.import_set.trigger)
    [shown] = reports
    title = article.title[:59] + "…"
    assert shown["summary"].endswith(
        f"1 added, 0 updated, 0 re-anchored, 0 orphaned, 0 unchanged; articles: 1 matched, "
        f"0 added. 1 annotation left out: quote not found in '{title}'."
    )
    [left_out] = [s for s in shown["sections"] if s.heading == "1 annotation left out"]
    assert left_out.problem and shown["sections"][0] == left_out  # the problems come first
    [line] = left_out.lines
    assert line.startswith("[1] (https://hypothes.is/a/two): quote not found")
    placed = uuid_of_iri("https://hypothes.is/a/one")
    assert placed in window.panes.panes[0].view.highlighter.index
    [stored_one] = stored(window, 1)
    assert (stored_one.quote, stored_one.note, stored_one.reviewer) == (
        "at least 6 million",
        "check this",
        "bob@hypothes.is",
    )
