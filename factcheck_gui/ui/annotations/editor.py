"""The editor for one annotation: kind, verdict, note; a speaker and a link for attributions;
value, unit, hedge, interval, as-of date and measure for figures; a public rationale and
the review's URL for claims (what a published ClaimReview says, and where)."""

from __future__ import annotations

import time
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from factcheck_gui.domain.figure_words import HEDGES
from factcheck_gui.domain.figures import format_number
from factcheck_gui.domain.model import Annotation, Kind, Verdict
from factcheck_gui.ui.common.palette import VERDICT_KEYS
from factcheck_gui.ui.common.signals import signals_blocked

END_TIP = "An end of the interval the words allow; empty for an open end"
VAGUE_TIP = "A vague amount (“millions”): the interval is wide on purpose"
UNITS = ("people", "percent", "USD", "EUR", "GBP", "RUB", "UAH")
UNSAVED_STYLE = "QPlainTextEdit { border: 2px solid #D55E00; }"  # vermillion, and the label
# While a note is not saved, keystrokes retry at most this often (a locked database makes
# each try wait for the other writer); Retry tries at once.
NOTE_RETRY_SECONDS = 3.0


class MeasureSource(Protocol):
    def names(self) -> list[str]: ...

    def propose(self, annotation_id: str) -> str | None: ...


class AnnotationEditor(QWidget):
    """Edits one annotation; each control is bound to one field (napari's habit)."""

    edited = Signal(str, dict)  # annotation id, {field: value}
    deleteRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.annotation: Annotation | None = None
        self.measures: MeasureSource | None = None
        self._proposals: dict[tuple[str, object], str | None] = {}
        self._names_for: tuple[str, str | None] | None = None
        self.quote = QLabel()
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = QComboBox()
        for kind in Kind:
            self.kind.addItem(kind.label, kind)
        self.verdict = QComboBox()
        for verdict in Verdict:
            self.verdict.addItem(f"{VERDICT_KEYS[verdict]}  {verdict.label}", verdict)
        self.speaker = QLineEdit()
        self.speaker.setPlaceholderText("Who said it")
        self.target = QComboBox()
        self._build_figure_fields()
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            "Note (private: not in ClaimReview): sources checked, reasoning… (saved as you type)"
        )
        self.note.setTabChangesFocus(True)
        # ten lines, then it scrolls: the Delete row stays in a short dock's view
        self.note.setMaximumHeight(self.note.fontMetrics().lineSpacing() * 10 + 12)
        self._unsaved: dict[str, str] = {}  # annotation id -> a note the store did not take
        self._last_failure = 0.0
        self._revert = False
        self.note_mark = QLabel("Not saved — your text is kept here")
        self.note_mark.setObjectName("noteUnsaved")
        self.note_mark.setTextFormat(Qt.TextFormat.PlainText)
        self.note_mark.setStyleSheet("color: #D55E00; font-weight: bold;")
        self.note_retry = QPushButton("&Retry")
        self.note_retry.setObjectName("noteRetry")
        self.note_retry.setAccessibleName("Retry saving the note")
        self.note_retry.clicked.connect(self.retry_note)
        self.note_unsaved_row = _row(self.note_mark, self.note_retry)
        self.note_unsaved_row.setAccessibleName("Note not saved")
        self._build_publishing_fields()
        self.delete = QPushButton("Delete")
        self.delete.setToolTip("Delete this annotation (Del)")
        self.meta = QLabel()
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setObjectName("annotationMeta")
        self.meta.setWordWrap(True)  # "by reviewer, date" wraps rather than widening the dock

        form = QFormLayout(self)
        form.setContentsMargins(4, 4, 4, 4)
        form.addRow("Quote", self.quote)
        form.addRow("&Kind", self.kind)
        form.addRow("&Verdict", self.verdict)
        form.addRow("&Speaker", self.speaker)
        form.addRow("&Attributes", self.target)
        form.addRow("Val&ue", self.figure_row)
        form.addRow("", self.no_number)
        form.addRow("&Interval", self.interval_row)
        form.addRow("As &of", self.as_of)
        form.addRow("&Measure", self.measure_row)
        form.addRow("&Note", self.note)
        form.addRow("", self.note_unsaved_row)
        form.addRow("&Public rationale", self.rationale)
        form.addRow("Review U&RL", self.review_url)
        buttons = QHBoxLayout()
        buttons.addWidget(self.meta, 1)
        buttons.addWidget(self.delete)
        form.addRow(buttons)
        self._form = form

        self.kind.activated.connect(lambda _i: self._emit("kind", self.kind.currentData()))
        self.verdict.activated.connect(lambda _i: self._emit("verdict", self.verdict.currentData()))
        self.speaker.editingFinished.connect(lambda: self._emit("speaker", self.speaker.text()))
        self.target.activated.connect(lambda _i: self._emit("target_id", self.target.currentData()))
        self.note.textChanged.connect(self._note_typed)
        self.delete.clicked.connect(self._delete)
        self.show_annotation(None, [])

    def _build_publishing_fields(self) -> None:
        """Claims only: what a published review says (the note stays private) and where it
        is. Saved when the field is left (or another annotation is chosen)."""
        self._saving_rationale = False
        self.rationale = QPlainTextEdit()
        self.rationale.setObjectName("publicRationale")
        self.rationale.setPlaceholderText(
            "Public rationale: why this verdict, for readers (published; the note is not)"
        )
        self.rationale.setTabChangesFocus(True)
        self.rationale.setMaximumHeight(self.rationale.fontMetrics().lineSpacing() * 6 + 12)
        self.rationale.setAccessibleName("Public rationale")
        self.rationale.installEventFilter(self)
        self.review_url = QLineEdit()
        self.review_url.setObjectName("reviewUrl")
        self.review_url.setPlaceholderText("https://… the published review (else the pattern)")
        self.review_url.setToolTip(
            "The page of this fact-check; empty: the URL pattern in Preferences is used"
        )
        self.review_url.editingFinished.connect(self._review_url_done)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.rationale and event.type() == QEvent.Type.FocusOut:
            self.save_rationale()
        return super().eventFilter(watched, event)

    def save_rationale(self) -> None:
        """Store the rationale typed, if it differs from what is stored."""
        shown = self.annotation
        text = self.rationale.toPlainText()
        if self._saving_rationale or shown is None or shown.kind is not Kind.CLAIM:
            return
        if text.strip() != shown.rationale:
            self._saving_rationale = True  # not again from the refresh the edit brings
            try:
                self.edited.emit(shown.id, {"rationale": text})
            finally:
                self._saving_rationale = False

    def _review_url_done(self) -> None:
        shown = self.annotation
        typed = self.review_url.text().strip()
        if shown is not None and shown.kind is Kind.CLAIM and typed != (shown.review_url or ""):
            self._emit("review_url", typed)

    def _build_figure_fields(self) -> None:
        self.value = QLineEdit()
        self.value.setPlaceholderText("value")
        self.value.setToolTip("The number the words give; 280,000 or 1.5 million")
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItems(["", *UNITS])
        self.unit.setToolTip("people, percent, a currency code (USD, RUB…) or any unit")
        self.hedge = QComboBox()
        self.hedge.setEditable(True)
        self.hedge.addItems(["", *sorted(HEDGES)])
        self.hedge.setToolTip("The words that bound the number; the interval follows them")
        self.low = QLineEdit()
        self.low.setPlaceholderText("open")
        self.high = QLineEdit()
        self.high.setPlaceholderText("open")
        for end in (self.low, self.high):
            end.setToolTip(END_TIP)
        self.as_of = QLineEdit()
        self.as_of.setPlaceholderText("as of YYYY-MM-DD")
        self.as_of.setToolTip("The date the figure counts up to, if the article gives one")
        self.measure = QLineEdit()
        self.measure.setPlaceholderText("What is counted, e.g. Russian military casualties")
        self.measure.setToolTip("Figures under one measure are compared with each other")
        self.measure_names = QStringListModel(self)
        completer = QCompleter(self.measure_names, self.measure)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.measure.setCompleter(completer)
        self.proposal = QPushButton()
        self.proposal.setObjectName("proposedMeasure")
        self.proposal.setToolTip("The measure of the figures most like this one elsewhere")
        self.proposal.clicked.connect(self._use_proposal)

        self.no_number = QLabel("⚠ no number read: type the value")
        self.no_number.setObjectName("noNumberRead")
        self.no_number.setWordWrap(True)
        self.figure_row = _row(self.value, self.unit, self.hedge)
        self.interval_row = _row(self.low, QLabel("–"), self.high)
        # Narrow enough for its dock: combos size to a few characters, not their longest
        # item, and the proposal button's label may be cut (its tooltip says why it is there).
        for combo in (self.unit, self.hedge, self.kind, self.verdict, self.target):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(5)
        self.proposal.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.measure_row = QWidget()
        column = QFormLayout(self.measure_row)
        column.setContentsMargins(0, 0, 0, 0)
        column.addRow(self.measure)
        column.addRow(self.proposal)

        for name, line in (("value", self.value), ("low", self.low), ("high", self.high)):
            line.editingFinished.connect(lambda n=name, w=line: self._emit_text(n, w.text()))
        self.as_of.editingFinished.connect(lambda: self._emit_text("as_of", self.as_of.text()))
        self.measure.editingFinished.connect(
            lambda: self._emit_text("measure", self.measure.text())
        )
        for name, combo in (("unit", self.unit), ("hedge", self.hedge)):
            _line_of(combo).editingFinished.connect(
                lambda n=name, c=combo: self._emit_text(n, c.currentText())
            )
            combo.activated.connect(lambda _i, n=name, c=combo: self._emit_text(n, c.currentText()))

    def show_annotation(
        self, annotation: Annotation | None, siblings: list[Annotation], *, own: bool = False
    ) -> None:
        """Sync the controls from the stored annotation without echoing edits back; ``own``:
        the change shown is this editor's, so the note being typed in is left as it is (its
        cursor, selection and undo steps kept)."""
        shown = self.annotation
        same = annotation is not None and shown is not None and annotation.id == shown.id
        if not same:
            self._proposals.clear()  # chosen afresh: other figures may have measures by now
            self._names_for = None
            self.save_rationale()  # chosen by a key, the field never lost the focus
        self.annotation = annotation
        self._show_note_mark()
        editable = annotation is not None
        for widget in (self.kind, self.verdict, self.note, self.delete):
            widget.setEnabled(editable)
        with signals_blocked(self.kind, self.verdict, self.speaker, self.target, self.note):
            if annotation is None:
                self.quote.setText("Select an annotation, or select text and press C, F or A.")
                self.note.setPlainText("")
                self.speaker.setText("")
                self.target.clear()
                self.meta.setText("")
                self._show_attribution_fields(False)
                self._show_figure_fields(None)
                self._show_publishing_fields(None)
                return
            self.quote.setText(annotation.quote)
            self.kind.setCurrentIndex(self.kind.findData(annotation.kind))
            self.verdict.setCurrentIndex(self.verdict.findData(annotation.verdict))
            note = self._unsaved.get(annotation.id, annotation.note)  # never lose their words
            if not (own and same) and self.note.toPlainText() != note:
                self.note.setPlainText(note)
            speaker = annotation.speaker or ""
            if self._revert or not self.speaker.hasFocus() or self.speaker.text() == speaker:
                self.speaker.setText(speaker)
            self.target.clear()
            self.target.addItem("(nothing)", None)
            for other in siblings:
                if other.kind in (Kind.CLAIM, Kind.FIGURE) and other.id != annotation.id:
                    label = " ".join(other.quote.split())
                    self.target.addItem(f"{other.kind.label}: {label[:70]}", other.id)
            self.target.setCurrentIndex(max(0, self.target.findData(annotation.target_id)))
            self.meta.setText(
                f"by {annotation.reviewer}, "
                f"{annotation.modified.astimezone().strftime('%Y-%m-%d %H:%M')}"
            )
            self._show_attribution_fields(annotation.kind is Kind.ATTRIBUTION)
        self._show_figure_fields(annotation if annotation.kind is Kind.FIGURE else None)
        self._show_publishing_fields(annotation if annotation.kind is Kind.CLAIM else None)

    def revert(self, annotation: Annotation | None, siblings: list[Annotation]) -> None:
        """Show what is stored again after a refused edit, even in the field being typed in
        (a note the store did not take is kept, marked unsaved, instead)."""
        self._revert = True
        try:
            self.show_annotation(annotation, siblings)
        finally:
            self._revert = False

    # -- a note the store did not take ----------------------------------------------------
    def note_result(self, annotation_id: str, text: str, saved: bool) -> None:
        """The outcome of saving ``text`` as the note of ``annotation_id``."""
        if saved:
            if self._unsaved.get(annotation_id) == text:
                del self._unsaved[annotation_id]
        else:
            self._unsaved[annotation_id] = text
            self._last_failure = time.monotonic()
        self._show_note_mark()

    def unsaved_notes(self) -> dict[str, str]:
        return dict(self._unsaved)

    def forget_note(self, annotation_id: str) -> None:
        """The annotation is gone: its unsaved note cannot be stored anywhere."""
        self._unsaved.pop(annotation_id, None)
        self._show_note_mark()

    def retry_note(self) -> None:
        if self.annotation is not None:
            self.edited.emit(self.annotation.id, {"note": self.note.toPlainText()})

    def _note_typed(self) -> None:
        if self.annotation is None:
            return
        text = self.note.toPlainText()
        unsaved = self.annotation.id in self._unsaved
        if unsaved and time.monotonic() - self._last_failure < NOTE_RETRY_SECONDS:
            self._unsaved[self.annotation.id] = text  # kept; tried again soon, or by Retry
            return
        self.edited.emit(self.annotation.id, {"note": text})

    def _show_note_mark(self) -> None:
        unsaved = self.annotation is not None and self.annotation.id in self._unsaved
        self._form.setRowVisible(self.note_unsaved_row, unsaved)
        self.note.setStyleSheet(UNSAVED_STYLE if unsaved else "")
        self.note.setAccessibleDescription("Not saved" if unsaved else "")

    def _show_attribution_fields(self, shown: bool) -> None:
        for widget in (self.speaker, self.target):
            self._form.setRowVisible(widget, shown)
            widget.setEnabled(shown)

    def _show_publishing_fields(self, claim: Annotation | None) -> None:
        for widget in (self.rationale, self.review_url):
            self._form.setRowVisible(widget, claim is not None)
            widget.setEnabled(claim is not None)
        if claim is None:
            return
        with signals_blocked(self.rationale, self.review_url):
            typing = self.rationale.hasFocus() and not self._revert
            if not typing and self.rationale.toPlainText() != claim.rationale:
                self.rationale.setPlainText(claim.rationale)
            if self._revert or not self.review_url.hasFocus():
                self.review_url.setText(claim.review_url or "")
                self.review_url.setCursorPosition(0)

    def _show_figure_fields(self, figure: Annotation | None) -> None:
        for row in (self.figure_row, self.interval_row, self.as_of, self.measure_row):
            self._form.setRowVisible(row, figure is not None)
        self._form.setRowVisible(self.no_number, figure is not None and figure.value is None)
        if figure is None:
            return
        values = {
            self.value: format_number(figure.value),
            self.low: format_number(figure.low),
            self.high: format_number(figure.high),
            self.as_of: figure.as_of.isoformat() if figure.as_of else "",
            self.measure: figure.measure or "",
        }
        for line, text in values.items():
            if line.text() != text:
                with signals_blocked(line):
                    line.setText(text)
                    line.setCursorPosition(0)  # a long measure shows its beginning
        for combo, stored in ((self.unit, figure.unit), (self.hedge, figure.hedge)):
            with signals_blocked(combo, _line_of(combo)):
                combo.setEditText(stored or "")
        self.low.setToolTip(VAGUE_TIP if figure.vague else END_TIP)
        if self.measures is not None and self._names_for != (figure.id, figure.measure):
            self._names_for = (figure.id, figure.measure)  # not again at each note keystroke
            self.measure_names.setStringList(self.measures.names())
        proposal = self._proposal(figure) if not figure.measure else None
        self.proposal.setVisible(proposal is not None)
        self.proposal.setText(f"Use proposed: {proposal}" if proposal else "")
        self.proposal.setProperty("measure", proposal)

    def _proposal(self, figure: Annotation) -> str | None:
        if self.measures is None:
            return None
        key = (figure.id, figure.unit)  # not its note: typing a note does not ask again
        if key not in self._proposals:
            self._proposals = {key: self.measures.propose(figure.id)}  # keep only the latest
        return self._proposals[key]

    def _use_proposal(self) -> None:
        name = self.proposal.property("measure")
        if name:
            self._emit("measure", name)

    def _emit_text(self, name: str, text: str) -> None:
        """Send a typed figure field, unless it says what is already stored."""
        if self.annotation is None or self.annotation.kind is not Kind.FIGURE:
            return
        current = getattr(self.annotation, name)
        shown = (
            format_number(current)
            if name in ("value", "low", "high")
            else current.isoformat()
            if name == "as_of" and current
            else (current or "")
        )
        if " ".join(text.split()) != shown:
            self._emit(name, text)

    def _emit(self, name: str, value: Any) -> None:
        if self.annotation is not None:
            self.edited.emit(self.annotation.id, {name: value})

    def _delete(self) -> None:
        if self.annotation is not None:
            self.deleteRequested.emit(self.annotation.id)


def _line_of(combo: QComboBox) -> QLineEdit:
    line = combo.lineEdit()
    assert line is not None, "an editable combo box has a line edit"
    return line


def _row(*widgets: QWidget) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget, 0 if isinstance(widget, QLabel) else 1)
    return row
