"""File → Export conflict report…: where to, which batch, which measures; then the report
written as self-contained HTML or a PDF (the same as ``factcheck report``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from factcheck_gui.domain.errors import UserError
from factcheck_gui.domain.wording import count
from factcheck_gui.services.report import STATUSES, build_report
from factcheck_gui.ui.common.context import AppContext
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.exchange.report_render import write_html, write_pdf


@dataclass(frozen=True)
class ReportRequest:
    path: Path
    batch: str | None
    status: str | None


class ReportDialog(QDialog):
    def __init__(self, *, parent: QWidget, batches: list[str], folder: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export conflict report")
        self.path = QLineEdit(str(folder / "conflict-report.html"))
        self.path.setAccessibleName("Report file")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        self.batch = QComboBox()
        self.batch.setAccessibleName("Batch")
        self.batch.addItem("All articles", None)
        for name in batches:
            self.batch.addItem(name, name)
        self.status = QComboBox()
        self.status.setAccessibleName("Measures")
        self.status.addItem("All measures, conflicts first", None)
        for status in STATUSES:
            self.status.addItem(f"Only {status}", status)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("&File (.html or .pdf):", row)
        form.addRow("&Batch:", self.batch)
        form.addRow("&Measures:", self.status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export conflict report", self.path.text(), "HTML (*.html);;PDF (*.pdf)"
        )
        if chosen:
            self.path.setText(chosen)

    def request(self) -> ReportRequest:
        return ReportRequest(
            Path(self.path.text()).expanduser(), self.batch.currentData(), self.status.currentData()
        )


def ask_report(*, parent: QWidget, batches: list[str], folder: Path) -> ReportRequest | None:
    """The dialog (tests replace this function)."""
    dialog = ReportDialog(parent=parent, batches=batches, folder=folder)
    return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ReportExport:
    """The menu's action and what it does."""

    def __init__(self, context: AppContext, window: QWidget) -> None:
        self._context = context
        self._window = window
        self._folder = Path.home()
        self.action = QAction("Export conflict &report…", window)
        self.action.setStatusTip("Write each measure's figures and number line as HTML or PDF")
        self.action.triggered.connect(lambda _checked=False: self.export())

    def export(self) -> Path | None:
        workspace = self._context.workspace
        request = ask_report(
            parent=self._window,
            batches=[b.batch.name for b in workspace.library.batches()],
            folder=self._folder,
        )
        if request is None:
            return None
        suffix = request.path.suffix.lower()
        try:
            if suffix not in (".html", ".htm", ".pdf"):
                raise UserError(f"{request.path.name} does not end in .html or .pdf")
            report = build_report(workspace.db, batch=request.batch, status=request.status)
            if suffix == ".pdf":
                pages = write_pdf(report, request.path)
                what = count(pages, "page")
            else:
                write_html(report, request.path)
                what = "HTML"
        except (UserError, OSError) as error:
            dialogs.warn(parent=self._window, title="Conflict report not written", text=str(error))
            return None
        self._folder = request.path.parent
        self._context.problem.emit(
            f"Wrote the conflict report to {request.path} "
            f"({what}, {count(len(report.measures), 'measure')})"
        )
        return request.path
