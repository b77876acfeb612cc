"""Messages people read: the import and merge reports (a warning, problems first, reasons in
view), the export dialog (remembers, keeps an error in it), grammatical status lines, undo
that shows where it happened. (The reviewer's name, asked on a first start:
tests/ui/test_first_start.py.)"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QDialog

from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.dialogs.report_dialog import ReportDialog
from factcheck_gui.ui.exchange.export_dialog import ExportDialog, ExportMemory
from factcheck_gui.ui.panes.article_view import ArticleTextView
from factcheck_gui.ui.window.main_window import MainWindow
from tests.ui.conftest import stored, tag
from tests.ui.test_exchange_gui import make_batch, run_and_wait


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> list[ReportDialog]:
    """The real report dialogs, built and laid out as the user would see them, not run."""
    shown: list[ReportDialog] = []

    def record(self: ReportDialog) -> int:
        self.show()
        shown.append(self)
        return 0

    monkeypatch.setattr(ReportDialog, "exec", record)
    return shown


# -- the import and merge reports -------------------------------------------------------------
def test_an_import_with_failures_warns_and_lists_them_first_with_reasons(
    window: MainWindow, qtbot: Any, tmp_path: Path, reports: list[ReportDialog]
) -> None:
    folder = make_batch(tmp_path / "batch", 60)
    (folder / "broken.json").write_text("{")
    (folder / "again.txt").write_text("Headline 3\n\nBody of article number 3.")
    run_and_wait(window, qtbot, lambda: window.exchange.import_paths([folder]))
    [dialog] = reports
    assert dialog.warning and dialog.icon.accessibleName() == "Warning"
    assert dialog.hint.isVisible() and "problems are listed first" in dialog.hint.text()
    assert dialog.headline.text() == window.statusBar().currentMessage()
    text = dialog.details.toPlainText().splitlines()
    assert text[0] == "⚠ 1 file could not be imported"
    assert text[1].endswith(
        "broken.json: malformed JSON at line 1, column 2: "
        "Expecting property name enclosed in double quotes"
    )
    assert text[2] == "⚠ 1 article left out as a duplicate"
    assert "the same text came earlier in this import" in text[3]
    assert text[4].startswith("Imported 60 articles into batch “batch")
    assert len(text) == 5 + 60  # each imported file after it
    # the reasons are in view, not behind a button; the long list scrolls
    assert dialog.details.isVisible() and dialog.details.verticalScrollBar().maximum() > 0
    # it can be selected and copied
    flags = dialog.details.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    dialog.copy.click()
    copied = QGuiApplication.clipboard().text()
    assert copied == dialog.text() and copied.startswith(dialog.headline.text())
    assert "broken.json: malformed JSON" in copied and copied.index("broken") < copied.index(
        "a0000.txt"
    )


def test_an_import_that_all_worked_is_information(
    window: MainWindow, qtbot: Any, tmp_path: Path, reports: list[ReportDialog]
) -> None:
    folder = make_batch(tmp_path / "fine", 2)
    run_and_wait(window, qtbot, lambda: window.exchange.import_paths([folder]))
    [dialog] = reports
    assert not dialog.warning and dialog.icon.accessibleName() == "Information"
    assert not dialog.hint.isVisible()
    assert dialog.details.toPlainText().splitlines()[0].startswith("Imported 2 articles")


def test_a_merge_with_an_orphan_warns_and_lists_it_first(
    window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: Any, reports: list[ReportDialog]
) -> None:
    article = window.services.library.article(1)
    figure = "at least 6 million"

    def annotation(uid: str, quote: str, start: int) -> dict:
        return {
            "id": uid, "article": 1, "start": start, "end": start + len(quote), "quote": quote,
            "prefix": "", "suffix": "", "kind": "figure", "verdict": "accurate", "note": "",
            "reviewer": "bob", "created": "2026-01-01T00:00:00Z",
            "modified": "2026-01-01T00:00:00Z",
        }  # fmt: skip

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
                "sha256": article.sha256,
            }
        ],  # fmt: skip
        "annotations": [
            annotation("11111111-1111-1111-1111-111111111111", figure, article.text.index(figure)),
            annotation("22222222-2222-2222-2222-222222222222", "words it never had", 5),
        ],
    }
    path = tmp_path / "bob.json"
    path.write_text(json.dumps(document))
    monkeypatch.setattr(dialogs, "choose_annotation_set", lambda **kw: path)
    run_and_wait(window, qtbot, window.actions_.import_set.trigger)
    [dialog] = reports
    assert dialog.warning and dialog.icon.accessibleName() == "Warning"
    lines = dialog.details.toPlainText().splitlines()
    assert lines[0].startswith("⚠ 1 annotation orphaned: its quote is not in the text")
    assert lines[1] == "22222222-2222-2222-2222-222222222222: “words it never had” not found"
    assert lines[2] == "Merged from bob.json"
    assert lines[3].startswith("2 annotations added, 0 updated")  # the orphan is kept


# -- the export dialog ------------------------------------------------------------------------
def answer_export(monkeypatch: Any, act: Callable[[ExportDialog], None]) -> list[ExportDialog]:
    """Export dialogs answered as a user would: ``act`` fills one in and presses Export."""
    seen: list[ExportDialog] = []

    def run(self: ExportDialog) -> int:
        seen.append(self)
        act(self)
        return self.result()

    monkeypatch.setattr(ExportDialog, "exec", run)
    return seen


def test_the_export_dialog_remembers_its_format_and_folder(
    window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: Any, config_dir: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    target = tmp_path / "exports" / "mine.csv"
    target.parent.mkdir()

    def first(dialog: ExportDialog) -> None:
        assert dialog.format.currentData() == "json"  # nothing remembered yet: the lossless one
        assert Path(dialog.path.text()).parent == tmp_path / "home"
        dialog.format.setCurrentIndex(dialog.format.findData("csv"))
        dialog.path.setText(str(target))
        dialog.accept()

    seen = answer_export(monkeypatch, first)
    run_and_wait(window, qtbot, window.actions_.export.trigger)
    assert target.exists() and window.statusBar().currentMessage().startswith("Wrote ")
    settings = (config_dir / "window.ini").read_text()
    assert "format=csv" in settings and str(target.parent) in settings

    def second(dialog: ExportDialog) -> None:
        dialog.reject()

    seen = answer_export(monkeypatch, second)
    window.actions_.export.trigger()
    [dialog] = seen
    assert dialog.format.currentData() == "csv"
    assert Path(dialog.path.text()) == target.parent / "annotations.csv"
    assert ExportMemory(config_dir=config_dir).folder == target.parent


def test_a_folder_that_went_away_is_not_offered(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    memory = ExportMemory()
    gone = tmp_path / "gone"
    gone.mkdir()
    from factcheck_gui.services.exporting import Scope
    from factcheck_gui.ui.exchange.export_dialog import ExportRequest

    memory.remember(ExportRequest(gone / "a.json", "json", Scope(), True))
    gone.rmdir()
    assert ExportMemory().folder == tmp_path


def unwritable_places(tmp_path: Path) -> list[tuple[Path, str]]:
    (tmp_path / "a file").write_text("x")
    places = [
        (tmp_path, f"{tmp_path} is a folder; add a file name to it, such as "
                   f"{tmp_path / 'annotations.json'}"),
        (tmp_path / "nowhere" / "x.json",
         f"the folder {tmp_path / 'nowhere'} does not exist; create it or choose another"),
        (tmp_path / "a file" / "x.json",
         f"{tmp_path / 'a file'} is a file, not a folder; choose a folder to export to"),
    ]  # fmt: skip
    if sys.platform.startswith("linux") and Path("/sys").is_dir():  # no files, even for root
        places.append(
            (Path("/sys/x.json"), "cannot write in /sys (Permission denied); choose another folder")
        )
    return places


def test_an_unwritable_target_keeps_the_dialog_open_with_the_reason(
    qtbot: Any, tmp_path: Path
) -> None:
    dialog = ExportDialog(parent=None, batches=["B"], selected=[], folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    before = sorted(p.name for p in tmp_path.iterdir())
    for path, message in unwritable_places(tmp_path):
        dialog.path.setText(str(path))
        dialog.accept()
        assert dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected, path
        assert dialog.error.isVisible()
        assert dialog.error.text() == f"⚠ Not exported: {message}"
        assert dialog.path.selectedText() == str(path), "selected, to be typed over"
        assert dialog.path.text() == str(path), "what was typed stays, to be fixed"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({*before, "a file"})
    dialog.path.setText(str(tmp_path / "fixed.json"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert not dialog.error.isVisible()
    assert not (tmp_path / "fixed.json").exists(), "the dialog only checks; the job writes"
    assert not list(tmp_path.glob(".*.probe")), "the check leaves nothing behind"


# -- status lines ---------------------------------------------------------------------------
def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_status_lines_say_what_was_done_in_words(window: MainWindow, qtbot: Any) -> None:
    view = window.panes.panes[0].view
    hints = "Verdict: keys 0–5; note: N; undo: Ctrl+Z."
    tag(qtbot, view, "Britain accused Russia of recruiting migrants", Qt.Key.Key_C)
    assert status(window) == f"Tagged a claim. {hints}"
    tag(qtbot, view, "about 280,000 people", Qt.Key.Key_F)
    assert status(window) == f"Tagged a figure. {hints}"
    tag(qtbot, view, "the British Ministry of Defense said", Qt.Key.Key_A)
    assert status(window) == f"Tagged an attribution. {hints}"
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert status(window) == "Marked an attribution mostly accurate. Undo: Ctrl+Z."
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert status(window) == "Deleted an attribution. Undo: Ctrl+Z."
    window.undo_action.trigger()
    assert status(window) == "Undid: deleted an attribution."
    window.undo_action.trigger()
    assert status(window) == "Undid: marked an attribution mostly accurate."
    window.redo_action.trigger()
    assert status(window) == "Redid: marked an attribution mostly accurate."
    claim = next(a for a in stored(window, 1) if a.kind.value == "claim")
    window.select_annotation(claim.id)
    qtbot.keyClick(view, Qt.Key.Key_5)
    assert status(window) == "Marked a claim unverifiable. Undo: Ctrl+Z."
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert status(window) == "Deleted a claim. Undo: Ctrl+Z."
    assert len(stored(window, 1)) == 2


# -- undo shows where ------------------------------------------------------------------------
def span_in_view(view: ArticleTextView, start: int) -> bool:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(start))
    return view.viewport().rect().intersects(view.cursorRect(cursor))


def flashed(view: ArticleTextView, start: int, end: int) -> bool:
    marks = view.extraSelections()
    u16 = (view.offsets.to_utf16(start), view.offsets.to_utf16(end))
    return any((m.cursor.selectionStart(), m.cursor.selectionEnd()) == u16 for m in marks)


def test_undo_and_redo_bring_the_other_panes_span_into_view(window: MainWindow, qtbot: Any) -> None:
    left, right = window.panes.panes
    window.resize(1000, 500)  # the article is longer than its pane
    end_quote = "part of them volunteers"  # near the end of the second sample
    tag(qtbot, right.view, end_quote, Qt.Key.Key_F)
    [figure] = stored(window, right.article_id)
    qtbot.keyClick(right.view, Qt.Key.Key_Delete)
    assert stored(window, right.article_id) == []
    # the reviewer moves on to the other pane; the right one is scrolled away
    left.view.setFocus()
    qtbot.waitUntil(lambda: window.panes.current is left)
    right.view.verticalScrollBar().setValue(0)
    assert right.view.verticalScrollBar().maximum() > 0, "the test needs a pane that scrolls"
    assert not span_in_view(right.view, figure.start)

    window.undo_action.trigger()  # puts the figure back
    assert window.panes.current is right and right.view.hasFocus()
    assert span_in_view(right.view, figure.start) and flashed(right.view, figure.start, figure.end)
    assert window.selected == figure.id and window.annotations.editor.annotation.id == figure.id
    assert status(window) == "Undid: deleted a figure."

    left.view.setFocus()
    right.view.verticalScrollBar().setValue(0)
    window.redo_action.trigger()  # deletes it again: where it was is shown
    assert window.panes.current is right
    assert span_in_view(right.view, figure.start) and flashed(right.view, figure.start, figure.end)
    assert status(window) == "Redid: deleted a figure."


def test_undo_in_an_article_no_pane_shows_names_it_and_opens_nothing(
    window: MainWindow, qtbot: Any
) -> None:
    left, right = window.panes.panes
    article_id = right.article_id
    title = window.services.library.article(article_id).title
    tag(qtbot, right.view, right.view.toPlainText().split()[0], Qt.Key.Key_F)
    qtbot.keyClick(right.view, Qt.Key.Key_Delete)
    window.open_article(5, right)  # the reviewer reads another article there
    shown = [p.article_id for p in window.panes.panes]
    window.undo_action.trigger()
    assert len(stored(window, article_id)) == 1
    assert [p.article_id for p in window.panes.panes] == shown, "no pane opened or replaced"
    short = " ".join(title.split())
    short = short if len(short) <= 60 else short[:59] + "…"
    assert status(window) == f"Undid: deleted a figure in “{short}” (not open)."


# -- Retry of a refused tag -------------------------------------------------------------------
def test_retry_of_a_refused_tag_selects_it(window: MainWindow, qtbot: Any) -> None:
    from tests.ui.test_failed_saves import fault

    view = window.panes.panes[0].view
    with fault(window, "locked"):
        tag(qtbot, view, "about 280,000 people", Qt.Key.Key_F)
        assert window.message_bar.isVisible() and window.selected is None
    window.message_bar.retry.click()
    [figure] = stored(window, 1)
    assert window.selected == figure.id
    assert window.annotations.editor.annotation.id == figure.id
    assert status(window).startswith("Tagged a figure.")
