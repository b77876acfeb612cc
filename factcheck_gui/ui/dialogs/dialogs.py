"""Every dialog opens through these functions, so tests can answer them (pytest-qt's advice).

Light to import (no database layer): the window can tell the user why it cannot start
before the database layer has loaded. What a dialog needs of the core is imported in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.domain.outcome import Section
from factcheck_gui.ui.common.plain import plain_box

if TYPE_CHECKING:
    from factcheck_gui.ui.exchange.export_dialog import ExportRequest


def inform(*, parent: QWidget, title: str, text: str) -> None:
    plain_box(QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)).exec()


def warn(*, parent: QWidget, title: str, text: str) -> None:
    plain_box(QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)).exec()


def error(*, title: str, text: str) -> None:
    """A problem before any window exists (the database cannot be opened)."""
    plain_box(QMessageBox(QMessageBox.Icon.Critical, title, text)).exec()


def notice(*, title: str, text: str) -> None:
    """A message before this process has a window (another one is already open)."""
    QMessageBox.information(None, title, text)


def crash(*, parent: QWidget | None, text: str, details: str) -> None:
    """Something unexpected went wrong; the window keeps running. The traceback is behind
    Show Details (and in the log)."""
    box = QMessageBox(
        QMessageBox.Icon.Critical, "factcheck: something went wrong", text, parent=parent
    )
    box.setDetailedText(details)
    box.exec()


def confirm(*, parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return plain_box(box).exec() == QMessageBox.StandardButton.Yes


def report(*, parent: QWidget, title: str, summary: str, sections: tuple[Section, ...]) -> None:
    """A summary line, then the report: what failed or was left out first, with its reasons
    in plain view and a warning icon; what worked after, summarised (scrolls, copies)."""
    from factcheck_gui.ui.dialogs.report_dialog import ReportDialog

    ReportDialog(parent=parent, title=title, summary=summary, sections=sections).exec()


def choose_import_files(*, parent: QWidget) -> list[Path]:
    from factcheck_gui.importers import known_endings

    patterns = " ".join(f"*{e}" for e in (*known_endings(), ".zip"))
    files, _ = QFileDialog.getOpenFileNames(
        parent, "Import articles", "", f"Articles ({patterns});;All files (*)"
    )
    return [Path(f) for f in files]


def choose_import_folder(*, parent: QWidget) -> Path | None:
    folder = QFileDialog.getExistingDirectory(parent, "Import a folder of articles")
    return Path(folder) if folder else None


def choose_annotation_set(*, parent: QWidget) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        "Import annotation set",
        "",
        "Annotation sets: factcheck JSON, W3C Web Annotation, factcheck CSV "
        "(*.json *.jsonld *.csv);;All files (*)",
    )
    return Path(chosen) if chosen else None


def ask_export(
    *,
    parent: QWidget,
    batches: list[str],
    selected: list[int],
    folder: Path,
    format_name: str | None = None,
    again: ExportRequest | None = None,
    error: str | None = None,
) -> ExportRequest | None:
    """What to export where; None if cancelled. ``again``, with ``error``: an export that
    failed, shown as it was with the reason, to fix and retry. A target that cannot be
    written keeps the dialog open, its reason shown in it."""
    from factcheck_gui.ui.exchange.export_dialog import ExportDialog

    dialog = ExportDialog(
        parent=parent, batches=batches, selected=selected, folder=folder, format_name=format_name
    )
    if again is not None:
        dialog.restore(again)
    if error is not None:
        dialog.show_error(error)
    return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None


@dataclass(frozen=True)
class PreferencesAnswer:
    reviewer: str
    organisation: str
    backups_kept: int
    organisation_url: str = ""
    review_url_pattern: str = ""


def ask_preferences(
    *,
    parent: QWidget,
    reviewer: str,
    organisation: str,
    backups_kept: int,
    organisation_url: str = "",
    review_url_pattern: str = "",
) -> PreferencesAnswer | None:
    """The reviewer's name, the organisation (ClaimReview's author) with its web address,
    where published reviews live, and how many backups to keep; None if cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Preferences")
    name = QLineEdit(reviewer)
    org = QLineEdit(organisation)
    org.setPlaceholderText("e.g. Example Fact Check (optional)")
    org_url = QLineEdit(organisation_url)
    org_url.setObjectName("organisationUrl")
    org_url.setPlaceholderText("e.g. https://factcheck.example.org/ (optional)")
    pattern = QLineEdit(review_url_pattern)
    pattern.setObjectName("reviewUrlPattern")
    pattern.setPlaceholderText("e.g. https://factcheck.example.org/reviews/{id}")
    pattern.setToolTip(
        "Each ClaimReview's url: {id} is replaced by the review's id; a claim's own "
        "review URL, when entered, comes first"
    )
    keep = QSpinBox()
    keep.setRange(1, 1000)
    keep.setValue(backups_kept)
    keep.setToolTip("Verified copies of the database in backups/; the oldest go past this number")
    form = QFormLayout(dialog)
    form.addRow("&Reviewer name (stored on each annotation)", name)
    form.addRow("&Organisation (author of ClaimReview exports)", org)
    form.addRow("Organisation's &web address", org_url)
    form.addRow("&Fact-check URL pattern", pattern)
    form.addRow("&Backups to keep", keep)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return PreferencesAnswer(name.text(), org.text(), keep.value(), org_url.text(), pattern.text())


def ask_reviewer(*, parent: QWidget, suggested: str) -> str | None:
    """A first start: the name signed on every annotation, ``suggested`` (the login name)
    typed in; None if cancelled."""
    from factcheck_gui.services.preferences import MAX_NAME

    dialog = QDialog(parent)
    dialog.setWindowTitle("Welcome to factcheck")
    intro = QLabel(
        "Your name is stored on each annotation you make, so colleagues who merge your "
        "annotations can tell whose they are. You can change it later in File → Preferences."
    )
    intro.setWordWrap(True)
    name = QLineEdit(suggested)
    name.setObjectName("reviewerName")
    name.setMaxLength(MAX_NAME)
    name.setPlaceholderText("e.g. Ann Example")
    name.selectAll()
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText("&Start")
    ok.setEnabled(bool(name.text().strip()))
    name.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form = QFormLayout(dialog)
    form.addRow(intro)
    form.addRow("&Reviewer name", name)
    form.addRow(buttons)
    dialog.resize(480, dialog.sizeHint().height())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return name.text()


def ask_measure_name(
    *, parent: QWidget, title: str, label: str, text: str, names: list[str]
) -> str | None:
    """A measure's name, typed or picked from the existing ones; None if cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setComboBoxItems(names)
    dialog.setComboBoxEditable(True)
    dialog.setTextValue(text)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()


def choose_backup(*, parent: QWidget, rows: list[tuple[str, str]]) -> str | None:
    """One of the backups, given as (id, line to show); its id, or None if cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Restore from backup")
    layout = QVBoxLayout(dialog)
    intro = QLabel(
        "Choose the backup to restore. What the database holds now is backed up first, "
        "so a restore can itself be undone by restoring that copy."
    )
    intro.setWordWrap(True)
    intro.setTextFormat(Qt.TextFormat.PlainText)
    layout.addWidget(intro)
    choices = QListWidget(dialog)
    choices.setAccessibleName("Backups, newest first")
    for backup_id, line in rows:
        item = QListWidgetItem(line, choices)
        item.setData(Qt.ItemDataRole.UserRole, backup_id)
    choices.setCurrentRow(0)
    choices.itemDoubleClicked.connect(lambda _item: dialog.accept())
    layout.addWidget(choices)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    restore = buttons.button(QDialogButtonBox.StandardButton.Ok)
    restore.setText("&Restore")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(640, 360)
    if dialog.exec() != QDialog.DialogCode.Accepted or choices.currentItem() is None:
        return None
    return str(choices.currentItem().data(Qt.ItemDataRole.UserRole))


def offer_restore(*, text: str, newest: str | None) -> str:
    """The database was damaged and moved aside: "restore", "empty" (start a new one) or
    "quit". ``newest`` describes the newest good backup, None when there is none."""
    box = QMessageBox(QMessageBox.Icon.Warning, "factcheck: the database was damaged", text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore = None
    if newest is not None:
        box.setInformativeText(f"The newest good backup: {newest}.")
        restore = box.addButton("&Restore it", QMessageBox.ButtonRole.AcceptRole)
    empty = box.addButton("Start with an &empty database", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore or empty)
    box.exec()
    clicked = box.clickedButton()
    return "restore" if clicked is restore and restore else "empty" if clicked is empty else "quit"
