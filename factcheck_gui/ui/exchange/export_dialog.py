"""File → Export…: what to export (scope), in which format, and where."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.exporters import EXPORTERS
from factcheck_gui.services.exporting import Scope

FORMAT_ORDER = ("json", "csv", "w3c", "claimreview")  # the lossless one first
SUGGESTED_ENDING = {"json": ".json", "csv": ".csv", "w3c": ".jsonld", "claimreview": ".json"}


@dataclass(frozen=True)
class ExportRequest:
    path: Path
    format_name: str
    scope: Scope
    include_text: bool


class ExportDialog(QDialog):
    def __init__(
        self, *, parent: QWidget | None, batches: list[str], selected: list[int], folder: Path
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export annotations")
        self.everything = QRadioButton("&Everything")
        self.batch = QRadioButton("A &batch:")
        self.batch_name = QComboBox()
        self.batch_name.addItems(batches)
        self.selection = QRadioButton(f"The &selected articles ({len(selected)})")
        self._selected = selected
        self.selection.setEnabled(bool(selected))
        self.batch.setEnabled(bool(batches))
        group = QButtonGroup(self)
        for button in (self.everything, self.batch, self.selection):
            group.addButton(button)
        (self.selection if selected else self.everything).setChecked(True)
        self.format = QComboBox()
        for name in sorted(
            EXPORTERS,
            key=lambda n: (FORMAT_ORDER.index(n) if n in FORMAT_ORDER else len(FORMAT_ORDER), n),
        ):
            self.format.addItem(EXPORTERS[name].description, name)
        self.include_text = QCheckBox("Include the articles' &text (native format)")
        self.include_text.setChecked(True)
        self.path = QLineEdit(str(folder / "annotations.json"))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        self.format.currentIndexChanged.connect(self._format_changed)

        scope = QVBoxLayout()
        scope.addWidget(self.everything)
        row = QHBoxLayout()
        row.addWidget(self.batch)
        row.addWidget(self.batch_name, 1)
        scope.addLayout(row)
        scope.addWidget(self.selection)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow("Scope", scope)
        form.addRow("&Format", self.format)
        form.addRow("", self.include_text)
        form.addRow("File", where)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def request(self) -> ExportRequest:
        if self.selection.isChecked():
            scope = Scope(article_ids=tuple(self._selected))
        elif self.batch.isChecked():
            scope = Scope(batches=(self.batch_name.currentText(),))
        else:
            scope = Scope()
        name = self.format.currentData()
        return ExportRequest(
            path=Path(self.path.text().strip()).expanduser(),
            format_name=name,
            scope=scope,
            include_text=self.include_text.isChecked() or name != "json",
        )

    def _format_changed(self) -> None:
        name = self.format.currentData()
        self.include_text.setEnabled(name == "json")
        current = Path(self.path.text().strip() or "annotations")
        self.path.setText(str(current.with_suffix(SUGGESTED_ENDING[name])))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "Export to", self.path.text())
        if chosen:
            self.path.setText(chosen)
