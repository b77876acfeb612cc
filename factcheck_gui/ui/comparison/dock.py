"""The comparison dock: the measures (status and count; a measure's figures once it is
opened), the current measure's number line, and what the reviewer can ask of them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QModelIndex, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.services.comparison import MeasureGroup
from factcheck_gui.services.kept_comparison import Comparison
from factcheck_gui.ui.comparison.model import PICTURE_COLUMN, ComparisonModel, Index
from factcheck_gui.ui.comparison.number_line import NumberLine, paint_figures
from factcheck_gui.ui.comparison.number_scale import MODES

READING = "Reading figures…"


class _PictureDelegate(QStyledItemDelegate):
    """A measure row's small number line, in the Interval column (once its figures are
    at hand; the model asks for them)."""

    def __init__(self, model: ComparisonModel, parent: QWidget) -> None:
        super().__init__(parent)
        self._model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        top = index.column() == PICTURE_COLUMN and not index.parent().isValid()
        group = self._model.picture(index) if top else None
        if group is None:
            super().paint(painter, option, index)
            return
        rect = QRectF(option.rect).adjusted(2, 2, -2, -2)  # type: ignore[attr-defined]
        paint_figures(painter, rect, group, labels=False)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), 22))


class ComparisonPanel(QWidget):
    figureChosen = Signal(str, int)  # annotation id, article id
    measureChosen = Signal(str)  # the reviewer moved to another measure (not on reloads)
    renameRequested = Signal(str)
    mergeRequested = Signal(list)

    def __init__(self, comparison: Comparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison = comparison
        self.model = ComparisonModel(comparison, self)
        self.conflicts_only = QCheckBox("Conflicts only")
        self.conflicts_only.setToolTip("Show only measures whose figures cannot all be true")
        self.conflicts_only.toggled.connect(self._filter)
        self.summary = QLabel(READING)
        self.tree = QTreeView(self)
        self.tree.setObjectName("comparisonTree")
        self.tree.setMinimumHeight(40)
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setItemDelegateForColumn(PICTURE_COLUMN, _PictureDelegate(self.model, self.tree))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        for column, width in enumerate((230, 200, 110, 170, 120)):
            self.tree.setColumnWidth(column, width)
        self.tree.expanded.connect(lambda index: self.model.open(self.model.name_at(index) or ""))
        self.tree.clicked.connect(self._clicked)
        self.tree.activated.connect(self._clicked)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.line = NumberLine(self)
        self.line.figureClicked.connect(self.figureChosen)
        self.line.figureSelected.connect(self._line_selected)
        self.scale = QComboBox(self)
        self.scale.setObjectName("numberLineScale")
        self.scale.setAccessibleName("Number line scale")
        self.scale.setToolTip("How the number line is scaled: Auto zooms or uses a log scale")
        for mode, label in MODES.items():
            self.scale.addItem(label, mode)
        self.scale.currentIndexChanged.connect(
            lambda _i: self.line.set_mode(str(self.scale.currentData()))
        )

        # A narrow window may cut the summary; it must not hold the whole window wide.
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.scale.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.scale.setMinimumContentsLength(8)
        top = QHBoxLayout()
        top.addWidget(self.conflicts_only)
        top.addStretch(1)
        top.addWidget(self.summary)
        top.addSpacing(12)
        scale_label = QLabel("&Scale:")
        scale_label.setBuddy(self.scale)
        top.addWidget(scale_label)
        top.addWidget(self.scale)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)  # the dock is wide and low
        splitter.setObjectName("comparisonSplitter")
        splitter.addWidget(self.tree)
        splitter.addWidget(self.line)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._quiet = False  # moving the current row ourselves: not the reviewer's choice
        self._shown: str | None = None  # the measure on the number line (its figures kept)

    # -- filling --------------------------------------------------------------------------
    def reading(self) -> None:
        self.summary.setText(READING)

    def reset(self) -> None:
        with self._quietly():  # rows moving under the current one: not the reviewer's choice
            self.model.reset()
        self._after_change()

    def update_measures(self, names: set[str]) -> None:
        with self._quietly():
            self.model.update(names)
        self._after_change()

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        quiet, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = quiet

    def _after_change(self) -> None:
        measures, conflicts = self.comparison.counts()
        self.summary.setText(f"{measures} measure{'s' * (measures != 1)}, {conflicts} in conflict")
        self._show_current(self.tree.currentIndex())

    def _filter(self, on: bool) -> None:
        self.model.conflicts_only = on
        self.reset()

    def open_first(self) -> None:
        """At start: the first measure current, and open if it is in conflict."""
        if self.model.rowCount() and not self.tree.currentIndex().isValid():
            first = self.model.index(0, 0)
            self._quietly_select(first)
            summary = self.model.summary_at(first)
            if summary is not None and summary.status == "conflict":
                self.tree.expand(first)

    # -- choosing ------------------------------------------------------------------------------
    def show_figure(self, annotation_id: str) -> None:
        """A figure chosen elsewhere (in a pane): its row becomes current, quietly."""
        index = self.figure_index(annotation_id)
        if index is not None:
            self._quietly_select(index)
            self.tree.scrollTo(index)

    def _quietly_select(self, index: QModelIndex) -> None:
        with self._quietly():
            self.tree.setCurrentIndex(index)

    def select_measure(self, name: str) -> None:
        row = self.model.row_of(name)
        if row is not None:
            self._quietly_select(self.model.index(row, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        before = self._shown
        group = self._show_current(current)
        if group is not None and not self._quiet and before != group.measure:
            self.measureChosen.emit(group.measure)

    def _show_current(self, current: QModelIndex) -> MeasureGroup | None:
        """The number line on the current row's measure (its figures kept while shown)."""
        group = self.model.group_at(current)
        name = group.measure if group is not None else None
        if name != self._shown:
            if self._shown is not None:
                self.comparison.pin(self._shown, on=False)
            if name is not None:
                self.comparison.pin(name)
            self._shown = name
        self.line.set_group(group)
        figure = self.model.figure_at(current)
        self.line.set_selected(figure.annotation_id if figure else None)
        return group

    def _line_selected(self, annotation_id: str) -> None:
        """The number line's selection moved: the table's row follows."""
        index = self.figure_index(annotation_id)
        if index is not None:
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def figure_index(self, annotation_id: str) -> QModelIndex | None:
        name = self.comparison.measure_of(annotation_id)
        return self.model.figure_index(name, annotation_id) if name is not None else None

    def _clicked(self, index: QModelIndex) -> None:
        figure = self.model.figure_at(index)
        if figure is not None:
            self.figureChosen.emit(figure.annotation_id, figure.article_id)

    def selected_measures(self) -> list[str]:
        names = []
        for index in self.tree.selectionModel().selectedRows():
            name = self.model.name_at(index)
            if name is not None and name not in names:
                names.append(name)
        return names

    def _menu(self, position: QPoint) -> None:
        name = self.model.name_at(self.tree.indexAt(position))
        if name is None:
            return
        menu = QMenu(self)
        rename = menu.addAction(f"Rename “{name[:40]}”…")
        rename.triggered.connect(lambda: self.renameRequested.emit(name))
        chosen = self.selected_measures() or [name]
        merge = menu.addAction(
            f"Merge {len(chosen)} measures…" if len(chosen) > 1 else "Merge into another…"
        )
        merge.triggered.connect(lambda: self.mergeRequested.emit(chosen))
        menu.exec(self.tree.viewport().mapToGlobal(position))
