"""The comparison dock: one group per measure, one row per figure, each measure's status,
its number line, and only the measures an edit touched redrawn."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPainter
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

from factcheck_gui.domain.figures import format_interval, format_number
from factcheck_gui.domain.intervals import CONFLICT, CONSISTENT
from factcheck_gui.domain.model import Verdict
from factcheck_gui.services.comparison import ComparedFigure, MeasureGroup, sort_key
from factcheck_gui.ui.common.palette import status_colour
from factcheck_gui.ui.common.plain import tooltip
from factcheck_gui.ui.comparison.number_line import (
    NumberLine,
    article_colour,
    figure_tip,
    paint_figures,
)
from factcheck_gui.ui.comparison.number_scale import MODES

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Measure / article", "Status / quote", "Value", "Interval", "Source", "Verdict")
PICTURE_COLUMN = 3
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
FIGURE_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_LABELS = {CONFLICT: "Conflict", CONSISTENT: "Consistent", "single": "Single"}
_TOP = 0xFFFFFFFF  # internal id of a measure row


class ComparisonModel(QAbstractItemModel):
    """Two levels: measures, sorted conflicts first then by name; their figures below.
    ``update_groups`` moves, inserts or removes only the measures it is given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: list[MeasureGroup] = []
        self._keys: list[tuple[bool, str, str]] = []
        self._ids: dict[str, int] = {}  # measure -> a stable number for its children's ids
        self._names: dict[int, str] = {}
        self.conflicts_only = False

    # -- filling -------------------------------------------------------------------------
    def reset(self, groups: Mapping[str, MeasureGroup]) -> None:
        self.beginResetModel()
        self._groups = sorted((g for g in groups.values() if self._shown(g)), key=sort_key)
        self._keys = [sort_key(g) for g in self._groups]
        for g in self._groups:
            self._id_of(g.measure)
        self.endResetModel()

    def update_groups(self, names: set[str], groups: Mapping[str, MeasureGroup]) -> None:
        for name in names:
            row = self.row_of(name)
            group = groups.get(name)
            if group is not None and not self._shown(group):
                group = None
            if row is not None and group is None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._groups[row], self._keys[row]
                self.endRemoveRows()
            elif row is None and group is not None:
                new = bisect_left(self._keys, sort_key(group))
                self.beginInsertRows(QModelIndex(), new, new)
                self._groups.insert(new, group)
                self._keys.insert(new, sort_key(group))
                self._id_of(name)
                self.endInsertRows()
            elif row is not None and group is not None:
                self._replace(row, group)

    def _replace(self, row: int, group: MeasureGroup) -> None:
        key = sort_key(group)
        others = self._keys[:row] + self._keys[row + 1 :]
        new = bisect_left(others, key)
        if new == row:
            self._keys[row] = key
        else:  # the status changed: the measure moves, keeping its expansion
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), new + (new > row))
            self._groups.insert(new, self._groups.pop(row))
            self._keys = others[:new] + [key] + others[new:]
            self.endMoveRows()
            row = new
        parent = self.index(row, 0)
        old = self._groups[row]
        same_rows = [f.annotation_id for f in old.figures] == [
            f.annotation_id for f in group.figures
        ]
        if same_rows:  # edited figures: new values in the same rows
            self._groups[row] = group
            if group.figures:
                last = self.index(len(group.figures) - 1, len(COLUMNS) - 1, parent)
                self.dataChanged.emit(self.index(0, 0, parent), last)
        else:  # figures came or went: their rows are replaced
            if old.figures:
                self.beginRemoveRows(parent, 0, len(old.figures) - 1)
                self._groups[row] = replace(old, figures=())
                self.endRemoveRows()
            if group.figures:
                self.beginInsertRows(parent, 0, len(group.figures) - 1)
                self._groups[row] = group
                self.endInsertRows()
            self._groups[row] = group
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _shown(self, group: MeasureGroup) -> bool:
        return group.status == CONFLICT or not self.conflicts_only

    def _id_of(self, name: str) -> int:
        if name not in self._ids:
            self._ids[name] = len(self._ids)
            self._names[self._ids[name]] = name
        return self._ids[name]

    # -- looking up ------------------------------------------------------------------------
    def row_of(self, name: str) -> int | None:
        for row in (
            bisect_left(self._keys, (False, name.casefold(), name)),
            bisect_left(self._keys, (True, name.casefold(), name)),
        ):
            if row < len(self._groups) and self._groups[row].measure == name:
                return row
        return None

    def group_at(self, index: Index) -> MeasureGroup | None:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._groups[index.row()]
        row = self.row_of(self._names[index.internalId()])
        return self._groups[row] if row is not None else None

    def figure_at(self, index: Index) -> ComparedFigure | None:
        if not index.isValid() or index.internalId() == _TOP:
            return None
        group = self.group_at(index)
        return group.figures[index.row()] if group and index.row() < len(group.figures) else None

    def groups(self) -> list[MeasureGroup]:
        return list(self._groups)

    # -- Qt's model interface --------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not parent.isValid():
            if 0 <= row < len(self._groups) and 0 <= column < len(COLUMNS):
                return self.createIndex(row, column, _TOP)
            return QModelIndex()
        if parent.internalId() != _TOP:
            return QModelIndex()
        group = self._groups[parent.row()]
        if 0 <= row < len(group.figures) and 0 <= column < len(COLUMNS):
            return self.createIndex(row, column, self._ids[group.measure])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        row = self.row_of(self._names[index.internalId()])
        return self.createIndex(row, 0, _TOP) if row is not None else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._groups[parent.row()].figures)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._group_data(self._groups[index.row()], index.column(), role)
        figure = self.figure_at(index)
        group = self.group_at(index)
        if figure is None or group is None:
            return None
        return self._figure_data(group, figure, index.column(), role)

    def _group_data(self, group: MeasureGroup, column: int, role: int) -> object:
        if role == GROUP_ROLE:
            return group
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return group.measure
            if column == 1:
                count = len(group.figures)
                return f"{STATUS_LABELS[group.status]} · {count} figure{'s' * (count != 1)}"
            return None
        if role == Qt.ItemDataRole.FontRole and column in (0, 1):
            font = QFont()
            font.setBold(group.status == CONFLICT)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return status_colour(group.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(_status_tip(group))
        return None

    def _figure_data(
        self, group: MeasureGroup, figure: ComparedFigure, column: int, role: int
    ) -> object:
        if role == FIGURE_ROLE:
            return figure
        if role == Qt.ItemDataRole.DisplayRole:
            unit = f" {figure.unit}" if figure.unit else ""
            value = "" if figure.value is None else f"{format_number(figure.value)}{unit}"
            verdict = Verdict(figure.verdict).label
            cells = (
                figure.outlet or figure.article_title,
                " ".join(figure.quote.split()),
                value,
                format_interval(figure.low, figure.high) + (" (vague)" if figure.vague else ""),
                figure.source or "",
                verdict,
            )
            return cells[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return article_colour(figure.article_id)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == 3
            and any(figure.annotation_id in pair for pair in group.disjoint)
        ):
            return status_colour(CONFLICT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(figure_tip(figure))
        return None


def _status_tip(group: MeasureGroup) -> str:
    if group.status != CONFLICT:
        return f"{STATUS_LABELS[group.status]}: the figures' intervals overlap."
    quotes = {f.annotation_id: f for f in group.figures}
    lines = [
        f"“{quotes[a].quote}” ({quotes[a].outlet or quotes[a].article_title}) and "
        f"“{quotes[b].quote}” ({quotes[b].outlet or quotes[b].article_title})"
        for a, b in group.disjoint[:6]
    ]
    more = f"\n… and {len(group.disjoint) - 6} more" if len(group.disjoint) > 6 else ""
    return "Cannot both be true:\n" + "\n".join(lines) + more


class _PictureDelegate(QStyledItemDelegate):
    """A measure row's small number line, in the Interval column."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        group = index.data(GROUP_ROLE) if index.column() == PICTURE_COLUMN else None
        if not isinstance(group, MeasureGroup):
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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ComparisonModel(self)
        self.conflicts_only = QCheckBox("Conflicts only")
        self.conflicts_only.setToolTip("Show only measures whose figures cannot all be true")
        self.conflicts_only.toggled.connect(self._filter)
        self.summary = QLabel()
        self.tree = QTreeView(self)
        self.tree.setObjectName("comparisonTree")
        self.tree.setMinimumHeight(40)
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setItemDelegate(_PictureDelegate(self.tree))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        for column, width in enumerate((230, 200, 110, 170, 120)):
            self.tree.setColumnWidth(column, width)
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
        self._all: Mapping[str, MeasureGroup] = {}
        self._quiet = False  # moving the current row ourselves: not the reviewer's choice

    def reset(self, groups: Mapping[str, MeasureGroup]) -> None:
        self._all = groups
        with self._quietly():  # rows moving under the current one: not the reviewer's choice
            self.model.reset(groups)
        self._after_change()

    def update_groups(self, names: set[str], groups: Mapping[str, MeasureGroup]) -> None:
        self._all = groups
        with self._quietly():
            self.model.update_groups(names, groups)
        self._after_change()

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        quiet, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = quiet

    def _after_change(self) -> None:
        conflicts = sum(g.status == CONFLICT for g in self._all.values())
        self.summary.setText(
            f"{len(self._all)} measure{'s' * (len(self._all) != 1)}, {conflicts} in conflict"
        )
        current = self.tree.currentIndex()
        self.line.set_group(self.model.group_at(current))
        figure = self.model.figure_at(current)
        self.line.set_selected(figure.annotation_id if figure else None)

    def _filter(self, on: bool) -> None:
        self.model.conflicts_only = on
        with self._quietly():
            self.model.reset(self._all)
        self._after_change()

    def expand_conflicts(self) -> None:
        for row, group in enumerate(self.model.groups()):
            if group.status == CONFLICT:
                self.tree.expand(self.model.index(row, 0))

    def select_first(self) -> None:
        if self.model.rowCount() and not self.tree.currentIndex().isValid():
            self._quietly_select(self.model.index(0, 0))

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
        group = self.model.group_at(current)
        before = self.line.group
        self.line.set_group(group)
        if (
            group is not None
            and not self._quiet
            and (before is None or before.measure != group.measure)
        ):
            self.measureChosen.emit(group.measure)
        figure = self.model.figure_at(current)
        self.line.set_selected(figure.annotation_id if figure else None)

    def _line_selected(self, annotation_id: str) -> None:
        """The number line's selection moved: the table's row follows."""
        index = self.figure_index(annotation_id)
        if index is not None:
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def figure_index(self, annotation_id: str) -> QModelIndex | None:
        for row, group in enumerate(self.model.groups()):
            for child, figure in enumerate(group.figures):
                if figure.annotation_id == annotation_id:
                    return self.model.index(child, 0, self.model.index(row, 0))
        return None

    def _clicked(self, index: QModelIndex) -> None:
        figure = self.model.figure_at(index)
        if figure is not None:
            self.figureChosen.emit(figure.annotation_id, figure.article_id)

    def selected_measures(self) -> list[str]:
        names = []
        for index in self.tree.selectionModel().selectedRows():
            group = self.model.group_at(index)
            if group is not None and group.measure not in names:
                names.append(group.measure)
        return names

    def _menu(self, position: QPoint) -> None:
        group = self.model.group_at(self.tree.indexAt(position))
        if group is None:
            return
        menu = QMenu(self)
        rename = menu.addAction(f"Rename “{group.measure[:40]}”…")
        rename.triggered.connect(lambda: self.renameRequested.emit(group.measure))
        chosen = self.selected_measures() or [group.measure]
        merge = menu.addAction(
            f"Merge {len(chosen)} measures…" if len(chosen) > 1 else "Merge into another…"
        )
        merge.triggered.connect(lambda: self.mergeRequested.emit(chosen))
        menu.exec(self.tree.viewport().mapToGlobal(position))
