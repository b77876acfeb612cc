"""The annotations dock: the focused pane's annotations, and an editor for the selected one;
it follows the stream of changes (rows of its article, the editor's annotation)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.errors import NotFound
from factcheck_gui.domain.model import Annotation, Article, Kind, Verdict
from factcheck_gui.ui.annotations.editor import AnnotationEditor
from factcheck_gui.ui.annotations.table import AnnotationFilter, AnnotationTableModel
from factcheck_gui.ui.common.context import AppContext
from factcheck_gui.ui.common.signals import signals_blocked

ALL = "All"


class AnnotationPanel(QWidget):
    """Its window title names the article shown (the dock shows it)."""

    annotationChosen = Signal(str)  # a row was clicked or moved to

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.article: Article | None = None
        self.selected: str | None = None  # the row selected, if it is one of this article's
        self.model = AnnotationTableModel(self)
        self.proxy = AnnotationFilter(self)
        self.proxy.setSourceModel(self.model)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(f"{ALL} kinds", None)
        for kind in Kind:
            self.kind_filter.addItem(kind.label, kind)
        self.verdict_filter = QComboBox()
        self.verdict_filter.addItem(f"{ALL} verdicts", None)
        for verdict in Verdict:
            self.verdict_filter.addItem(verdict.label, verdict)
        self.orphans = QCheckBox("Orphans")
        self.orphans.setToolTip(
            "Only annotations whose quote was not found in the text (after an import or a new "
            "version): they need a reviewer's look"
        )
        self.orphans.toggled.connect(self._refilter)
        self.words = QLineEdit()
        self.words.setPlaceholderText("Search quotes and notes…")
        self.words.setClearButtonEnabled(True)
        for combo in (self.kind_filter, self.verdict_filter):
            combo.currentIndexChanged.connect(self._refilter)
        self.words.textChanged.connect(self._refilter)

        self.table = QTableView(self)
        self.table.setObjectName("annotationTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, 95)
        self.table.setColumnWidth(1, 110)
        self.table.setColumnWidth(2, 220)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.clicked.connect(self._clicked)

        self.editor = AnnotationEditor(self)
        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.verdict_filter)
        filters.addWidget(self.orphans)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(4, 4, 4, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.words)
        top_layout.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("annotationSplitter")
        self.splitter.addWidget(top)
        # In a scroll area the editor never widens the dock (a figure's fields are many) nor
        # takes the table's rows on a short screen: it scrolls instead.
        self.editor_scroll = QScrollArea(self)
        self.editor_scroll.setObjectName("editorScroll")
        self.editor_scroll.setWidget(self.editor)
        self.editor_scroll.setWidgetResizable(True)
        self.editor_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.editor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.editor_scroll.setMinimumWidth(0)
        self.editor_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields are the stops
        self.splitter.addWidget(self.editor_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.editor.measures = context.workspace.measures
        context.changed.connect(self.apply_changes)

    def show_article(
        self, article: Article | None, rows: list[Annotation], *, selected: str | None
    ) -> None:
        """The annotations of the focused pane's article, ``selected`` chosen if among them."""
        self.article = article
        self.model.set_rows(sorted(rows, key=lambda a: (a.start, a.end)))
        self.setWindowTitle(f"Annotations — {article.title[:40]}" if article else "Annotations")
        self.select(selected)

    def apply_changes(self, changes: Changes) -> None:
        """Its article's rows as stored now, and the editor's annotation; the editor leaves
        alone the note being typed when the change is its own."""
        article = self.article
        if article is None:
            return
        annotations = self._context.workspace.annotations
        if changes.reset:
            try:
                fresh = self._context.workspace.library.article(article.id)
            except NotFound:
                self.show_article(None, [], selected=None)
                return
            self.show_article(fresh, annotations.for_article(article.id), selected=self.selected)
            return
        if article.id not in changes.articles:
            return
        now = annotations.among(changes.annotation_ids, [article.id])
        for key in changes.annotation_ids:
            if key in now:
                self.model.upsert(now[key])
            else:
                self.model.remove(key)
        self.select(self.selected, own=changes.initiator is self.editor)

    def select(self, annotation_id: str | None, *, own: bool = False) -> None:
        """Show ``annotation_id`` as the selected row (clearing the filters if they hide it);
        ``own``: the editor made the change being shown."""
        row = self.model.row_of(annotation_id) if annotation_id else None
        self.selected = annotation_id if row is not None else None
        selection = self.table.selectionModel()
        with signals_blocked(selection):
            if row is None:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            else:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if not index.isValid():
                    self.clear_filters()
                    index = self.proxy.mapFromSource(self.model.index(row, 0))
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
        self.table.viewport().update()
        annotation = self.model.annotation(row) if row is not None else None
        self.editor.show_annotation(annotation, self.model.annotations(), own=own)

    def clear_filters(self) -> None:
        with signals_blocked(self.kind_filter, self.verdict_filter, self.words, self.orphans):
            self.kind_filter.setCurrentIndex(0)
            self.verdict_filter.setCurrentIndex(0)
            self.words.clear()
            self.orphans.setChecked(False)
        self._refilter()

    def _refilter(self) -> None:
        kind, verdict = self.kind_filter.currentData(), self.verdict_filter.currentData()
        self.proxy.set_filter(  # Qt hands enum members back as plain strings
            kind=Kind(kind) if kind else None,
            verdict=Verdict(verdict) if verdict else None,
            words=self.words.text(),
            orphans_only=self.orphans.isChecked(),
        )

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.annotationChosen.emit(self._id_at(current))

    def _clicked(self, index: QModelIndex) -> None:
        self.annotationChosen.emit(self._id_at(index))

    def _id_at(self, index: QModelIndex) -> str:
        return self.model.annotation(self.proxy.mapToSource(index).row()).id
