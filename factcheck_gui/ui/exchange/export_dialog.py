"""File → Export…: what to export (scope), in which format, and where.

The format and the folder last chosen come back the next time, on this machine (the
window's settings file in the config folder, not the database: a folder is a place on
this computer, and the command line names its own). A target that cannot be written (a
folder as the file name, a folder that is missing or takes no files) is refused in the
dialog, which stays open with the reason shown, so the reviewer can fix it and retry.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.domain.errors import UserError
from factcheck_gui.exporters import EXPORTERS
from factcheck_gui.services.exporting import Scope, check_target
from factcheck_gui.services.places import default_config_dir
from factcheck_gui.ui.window.layout import SETTINGS_FILE

FORMAT_ORDER = ("json", "csv", "w3c", "claimreview")  # the lossless one first
SUGGESTED_ENDING = {"json": ".json", "csv": ".csv", "w3c": ".jsonld", "claimreview": ".json"}
FORMAT_SETTING, FOLDER_SETTING = "export/format", "export/folder"
ERROR_STYLE = "QLabel#exportError { border: 0; border-left: 4px solid #D55E00; padding-left: 6px; }"


class ExportMemory:
    """The format and folder of the last export, in ``window.ini`` (per machine)."""

    def __init__(self, *, config_dir: Path | None = None) -> None:
        config = config_dir if config_dir is not None else default_config_dir()
        self._settings = QSettings(str(config / SETTINGS_FILE), QSettings.Format.IniFormat)

    @property
    def format_name(self) -> str | None:
        name = str(self._settings.value(FORMAT_SETTING) or "")
        return name if name in EXPORTERS else None

    @property
    def folder(self) -> Path:
        """The last folder, while it exists; else the home folder."""
        saved = str(self._settings.value(FOLDER_SETTING) or "")
        return Path(saved) if saved and Path(saved).is_dir() else Path.home()

    def remember(self, request: ExportRequest) -> None:
        self._settings.setValue(FORMAT_SETTING, request.format_name)
        self._settings.setValue(FOLDER_SETTING, str(request.path.parent))
        self._settings.sync()


@dataclass(frozen=True)
class ExportRequest:
    path: Path
    format_name: str
    scope: Scope
    include_text: bool


class ExportDialog(QDialog):
    def __init__(
        self,
        *,
        parent: QWidget | None,
        batches: list[str],
        selected: list[int],
        folder: Path,
        format_name: str | None = None,
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
        self.path.setAccessibleName("File to export to")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        self.format.currentIndexChanged.connect(self._format_changed)
        if format_name is not None and (index := self.format.findData(format_name)) >= 0:
            self.format.setCurrentIndex(index)
        self.error = QLabel()
        self.error.setObjectName("exportError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the path typed
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()

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
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())

    def show_error(self, message: str) -> None:
        """Say why the export cannot go ahead, and put the cursor where it can be fixed."""
        self.error.setText(f"⚠ Not exported: {message}")
        self.error.setAccessibleDescription(message)
        self.error.show()
        self.path.setFocus()
        self.path.selectAll()

    def accept(self) -> None:
        """Only a target that can be written closes the dialog."""
        try:
            check_target(self.request().path)
        except UserError as error:
            self.show_error(str(error))
            return
        self.error.hide()
        super().accept()

    def restore(self, request: ExportRequest) -> None:
        """Show ``request`` again (its export failed): the same scope, format and file."""
        if request.scope.article_ids and self.selection.isEnabled():
            self.selection.setChecked(True)
        elif (
            request.scope.batches and (i := self.batch_name.findText(request.scope.batches[0])) >= 0
        ):
            self.batch.setChecked(True)
            self.batch_name.setCurrentIndex(i)
        elif not request.scope.article_ids and not request.scope.batches:
            self.everything.setChecked(True)
        if (index := self.format.findData(request.format_name)) >= 0:
            self.format.setCurrentIndex(index)
        self.include_text.setChecked(request.include_text)
        self.path.setText(str(request.path))

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
