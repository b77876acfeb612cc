"""Article and user text is shown literally: a title written as markup never renders."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from factcheck_gui.domain.model import ArticleSummary, Batch, LibraryBatch
from factcheck_gui.domain.outcome import Section
from factcheck_gui.ui.common.plain import plain_label, tooltip
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.dialogs.report_dialog import ReportDialog
from factcheck_gui.ui.library.library import LibraryModel

HOSTILE = '<img src="file:///etc/passwd"><b>x</b>'


def test_the_tooltip_helper_escapes_markup_and_keeps_line_breaks() -> None:
    shown = tooltip(f"{HOSTILE}\nsecond line")
    assert shown is not None and "<img" not in shown and "&lt;img" in shown
    assert "&lt;b&gt;x&lt;/b&gt;<br>second line" in shown
    assert tooltip(None) is None


def test_the_library_tooltip_of_a_hostile_title_is_escaped(qtbot) -> None:  # noqa: ANN001
    model = LibraryModel()
    batch = Batch(id=1, name=HOSTILE, imported=datetime(2024, 1, 1))
    article = ArticleSummary(
        id=1,
        batch_id=1,
        title=HOSTILE,
        outlet=HOSTILE,
        published=date(2024, 1, 1),
        annotations=0,
    )
    model.reset([LibraryBatch(batch=batch, articles=(article,))])
    batch_index = model.index(0, 0)
    for column in (0, 1):
        tip = model.data(model.index(0, column, batch_index), Qt.ItemDataRole.ToolTipRole)
        assert "<img" not in tip and "&lt;img src=" in tip
        shown = model.data(model.index(0, column, batch_index), Qt.ItemDataRole.DisplayRole)
        assert shown == HOSTILE  # the display role is plain text already
    assert "<img" not in model.data(batch_index, Qt.ItemDataRole.ToolTipRole)


def test_labels_and_report_dialogs_are_plain_text(qtbot) -> None:  # noqa: ANN001
    label = plain_label(QLabel(HOSTILE))
    assert label.textFormat() == Qt.TextFormat.PlainText
    seen: list[QMessageBox] = []

    def close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box)
        box.done(0)

    QTimer.singleShot(0, close)
    dialogs.inform(parent=None, title="t", text=HOSTILE)
    assert [b.textFormat() for b in seen] == [Qt.TextFormat.PlainText]

    reports: list[ReportDialog] = []

    def close_report() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, ReportDialog)
        reports.append(box)
        box.done(0)

    QTimer.singleShot(0, close_report)
    section = Section(f"{HOSTILE} heading", (f"{HOSTILE}.txt: {HOSTILE}",), problem=True)
    dialogs.report(
        parent=None, title="Import", summary=f"failed {HOSTILE}.txt", sections=(section,)
    )
    [report] = reports
    assert report.headline.textFormat() == Qt.TextFormat.PlainText
    assert report.details.toPlainText() == f"⚠ {HOSTILE} heading\n{HOSTILE}.txt: {HOSTILE}"
    assert "<img" not in report.details.document().toHtml(), "inserted as text, never markup"
