"""The comparison's Qt model: a thin adapter over ``services.kept_comparison.Comparison``.

Two levels: measures (every one, from its summary: status and count, conflicts first then
by name) and, once a measure is expanded or chosen, its figures. It runs no
SQL itself: the service reads, and only the measures it is told changed are redrawn,
moved, inserted or removed; the figure rows of an open measure change one by one.
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from factcheck_gui.domain.figures import format_interval, format_number
from factcheck_gui.domain.intervals import CONFLICT, CONSISTENT
from factcheck_gui.domain.model import Verdict
from factcheck_gui.services.comparison import ComparedFigure, MeasureGroup, MeasureSummary, sort_key
from factcheck_gui.services.kept_comparison import Comparison
from factcheck_gui.ui.common.palette import status_colour
from factcheck_gui.ui.common.plain import tooltip
from factcheck_gui.ui.comparison.number_line import article_colour, figure_tip

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Measure / article", "Status / quote", "Value", "Interval", "Source", "Verdict")
PICTURE_COLUMN = 3
STATUS_LABELS = {CONFLICT: "Conflict", CONSISTENT: "Consistent", "single": "Single"}
TIP_PAIRS = 6
_TOP = 0xFFFFFFFF  # internal id of a measure row
_ORDER = attrgetter("article_id", "start", "annotation_id")  # ComparedFigure.order


class ComparisonModel(QAbstractItemModel):
    picturesWanted = Signal()  # rows were drawn whose figures are not at hand: read them

    def __init__(self, comparison: Comparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison = comparison
        self._names: list[str] = []  # the rows, in order
        self._keys: list[tuple[bool, str, str]] = []
        self._open: dict[str, MeasureGroup] = {}  # measures whose figure rows are in
        self._rows: dict[str, list[ComparedFigure]] = {}  # their rows
        self._ids: dict[str, int] = {}  # measure -> a stable number for its children's ids
        self._by_id: dict[int, str] = {}
        self.wanted: set[str] = set()  # measures whose picture waits for their figures
        self.conflicts_only = False

    # -- filling ------------------------------------------------------------------------
    def reset(self) -> None:
        self.beginResetModel()
        for name in self._open:
            self.comparison.pin(name, on=False)
        self._open.clear()
        self._rows.clear()
        shown = [s for s in self.comparison.summaries.values() if self._shown(s)]
        shown.sort(key=sort_key)
        self._names = [s.measure for s in shown]
        self._keys = [sort_key(s) for s in shown]
        self.endResetModel()

    def update(self, names: set[str]) -> None:
        """Bring these measures' rows (and their figure rows, where open) up to date."""
        for name in sorted(names):
            row = self.row_of(name)
            summary = self.comparison.summaries.get(name)
            if summary is not None and not self._shown(summary):
                summary = None
            if row is not None and summary is None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._names[row], self._keys[row]
                if self._open.pop(name, None) is not None:
                    del self._rows[name]
                    self.comparison.pin(name, on=False)
                self.endRemoveRows()
            elif row is None and summary is not None:
                new = bisect_left(self._keys, sort_key(summary))
                self.beginInsertRows(QModelIndex(), new, new)
                self._names.insert(new, name)
                self._keys.insert(new, sort_key(summary))
                self.endInsertRows()
            elif row is not None and summary is not None:
                row = self._move(row, summary)
                if name in self._open:
                    self._refill(row, name)
                last = self.index(row, len(COLUMNS) - 1)
                self.dataChanged.emit(self.index(row, 0), last)

    def _move(self, row: int, summary: MeasureSummary) -> int:
        """The row where a measure whose status may have changed now belongs."""
        key = sort_key(summary)
        others = self._keys[:row] + self._keys[row + 1 :]
        new = bisect_left(others, key)
        if new == row:
            self._keys[row] = key
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), new + (new > row))
        self._names.insert(new, self._names.pop(row))
        self._keys = others[:new] + [key] + others[new:]
        self.endMoveRows()
        return new

    def _refill(self, row: int, name: str) -> None:
        """An open measure's figure rows: those that went out, those that came in, and the
        others redrawn where their values changed (the rest stay, and stay selected)."""
        old = self._open[name]
        new = self.comparison.group(name) or MeasureGroup(name, ())
        if new is old:
            return
        self._open[name] = new  # (its conflicts colour the rows)
        parent = self.index(row, 0)
        rows = self._rows[name]
        if list(map(_ORDER, rows)) != list(map(_ORDER, new.figures)):
            self._replace_rows(parent, rows, new)
        # Redrawn: the rows whose figure changed, and those whose conflict mark did: only a
        # figure that was a changed one's partner before and not after, or the other way
        # round, can gain or lose it. (A range of every row would have the view ask each
        # one whether it has children.)
        changed = {i for i, (a, b) in enumerate(zip(rows, new.figures, strict=True)) if a is not b}
        rows[:] = new.figures
        edited = {new.figures[i].annotation_id for i in changed}
        edited |= set(old.conflicts.ids) - set(new.conflicts.ids)
        partners: set[str] = set()
        for key in edited:
            partners |= set(old.conflicts.partners(key)) ^ set(new.conflicts.partners(key))
        for key in partners:
            at = new.row_of(key)
            if at is not None and old.conflicts.conflicting(key) != new.conflicts.conflicting(key):
                changed.add(at)
        runs = _runs_of(sorted(changed))
        if len(runs) > 32:
            runs = [(runs[0][0], runs[-1][1])]
        for first, last in runs:
            self.dataChanged.emit(
                self.index(first, 0, parent), self.index(last, len(COLUMNS) - 1, parent)
            )

    def _replace_rows(
        self, parent: QModelIndex, rows: list[ComparedFigure], new: MeasureGroup
    ) -> None:
        """Remove the rows that went or moved, insert those that came or moved."""
        order = {f.annotation_id: f.order for f in new.figures}
        going = [order.get(f.annotation_id) != f.order for f in rows]
        for first, last in reversed(_runs(going)):
            self.beginRemoveRows(parent, first, last)
            del rows[first : last + 1]
            self.endRemoveRows()
        staying = {f.annotation_id for f in rows}
        for first, last in _runs([f.annotation_id not in staying for f in new.figures]):
            self.beginInsertRows(parent, first, last)
            rows[first:first] = new.figures[first : last + 1]
            self.endInsertRows()

    def _shown(self, summary: MeasureSummary) -> bool:
        return summary.status == CONFLICT or not self.conflicts_only

    def _id_of(self, name: str) -> int:
        if name not in self._ids:
            self._ids[name] = len(self._ids)
            self._by_id[self._ids[name]] = name
        return self._ids[name]

    # -- figures on demand ---------------------------------------------------------------------
    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802
        if not parent.isValid():
            return bool(self._names)
        if parent.internalId() != _TOP or parent.column() != 0:
            return False
        summary = self.summary_at(parent)
        return summary is not None and summary.count > 0

    def open(self, name: str) -> MeasureGroup | None:
        """Put a measure's figure rows in (read now if they are not at hand): when it is
        expanded (the view's ``expanded``; not Qt's ``fetchMore``, which Qt's model tester
        calls in the middle of a reset) or one of its figures is chosen."""
        if name in self._open:
            return self._open[name]
        row = self.row_of(name)
        group = self.comparison.group(name)
        if row is None or group is None:
            return None
        self.comparison.pin(name)
        parent = self.index(row, 0)
        if group.figures:
            self.beginInsertRows(parent, 0, len(group.figures) - 1)
        self._open[name] = group
        self._rows[name] = list(group.figures)
        if group.figures:
            self.endInsertRows()
        return group

    def picture(self, index: Index) -> MeasureGroup | None:
        """A measure row's figures for its small picture, if at hand; if not, they are
        asked for (``picturesWanted``) and the row is redrawn when they come."""
        name = self.name_at(index)
        if name is None:
            return None
        group = self._open.get(name) or self.comparison.cached(name)
        if group is None and name not in self.wanted:
            self.wanted.add(name)
            self.picturesWanted.emit()
        return group

    def pictures_read(self, names: set[str]) -> None:
        for name in names:
            if (row := self.row_of(name)) is not None:
                cell = self.index(row, PICTURE_COLUMN)
                self.dataChanged.emit(cell, cell)

    # -- looking up ------------------------------------------------------------------------
    def row_of(self, name: str) -> int | None:
        for row in (
            bisect_left(self._keys, (False, name.casefold(), name)),
            bisect_left(self._keys, (True, name.casefold(), name)),
        ):
            if row < len(self._names) and self._names[row] == name:
                return row
        return None

    def name_at(self, index: Index) -> str | None:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._names[index.row()]
        return self._by_id.get(index.internalId())

    def summary_at(self, index: Index) -> MeasureSummary | None:
        name = self.name_at(index)
        return self.comparison.summaries.get(name) if name is not None else None

    def group_at(self, index: Index) -> MeasureGroup | None:
        """The figures of the measure at ``index`` (read now if they are not at hand)."""
        name = self.name_at(index)
        if name is None:
            return None
        return self._open.get(name) or self.comparison.group(name)

    def figure_at(self, index: Index) -> ComparedFigure | None:
        if not index.isValid() or index.internalId() == _TOP:
            return None
        rows = self._rows.get(self._by_id.get(index.internalId(), ""))
        return rows[index.row()] if rows and index.row() < len(rows) else None

    def figure_index(self, name: str, annotation_id: str) -> QModelIndex | None:
        """The row of a figure, its measure opened for it."""
        group = self.open(name)
        row, child = self.row_of(name), group.row_of(annotation_id) if group else None
        if row is None or child is None:
            return None
        return self.index(child, 0, self.index(row, 0))

    def names(self) -> list[str]:
        return list(self._names)

    # -- Qt's model interface --------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not parent.isValid():
            if 0 <= row < len(self._names) and 0 <= column < len(COLUMNS):
                return self.createIndex(row, column, _TOP)
            return QModelIndex()
        if parent.internalId() != _TOP or parent.column() != 0:
            return QModelIndex()
        name = self._names[parent.row()]
        rows = self._rows.get(name)
        if rows is not None and 0 <= row < len(rows) and 0 <= column < len(COLUMNS):
            return self.createIndex(row, column, self._id_of(name))
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        row = self.row_of(self._by_id[index.internalId()])
        return self.createIndex(row, 0, _TOP) if row is not None else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self._names)
        if parent.internalId() == _TOP and parent.column() == 0:
            rows = self._rows.get(self._names[parent.row()])
            return len(rows) if rows else 0
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
            summary = self.summary_at(index)
            return None if summary is None else self._measure_data(summary, index.column(), role)
        figure = self.figure_at(index)
        group = self._open.get(self._by_id.get(index.internalId(), ""))
        if figure is None or group is None:
            return None
        return _figure_data(group, figure, index.column(), role)

    def _measure_data(self, summary: MeasureSummary, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return summary.measure
            if column == 1:
                count = summary.count
                return f"{STATUS_LABELS[summary.status]} · {count} figure{'s' * (count != 1)}"
            return None
        if role == Qt.ItemDataRole.FontRole and column in (0, 1):
            font = QFont()
            font.setBold(summary.status == CONFLICT)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return status_colour(summary.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            group = self._open.get(summary.measure) or self.comparison.cached(summary.measure)
            return tooltip(_status_tip(summary, group))
        return None


def _figure_data(group: MeasureGroup, figure: ComparedFigure, column: int, role: int) -> object:
    if role == Qt.ItemDataRole.DisplayRole:
        unit = f" {figure.unit}" if figure.unit else ""
        value = "" if figure.value is None else f"{format_number(figure.value)}{unit}"
        cells = (
            figure.outlet or figure.article_title,
            " ".join(figure.quote.split()),
            value,
            format_interval(figure.low, figure.high) + (" (vague)" if figure.vague else ""),
            figure.source or "",
            Verdict(figure.verdict).label,
        )
        return cells[column]
    if role == Qt.ItemDataRole.DecorationRole and column == 0:
        return article_colour(figure.article_id)
    if (
        role == Qt.ItemDataRole.ForegroundRole
        and column == 3
        and group.conflicts.conflicting(figure.annotation_id)
    ):
        return status_colour(CONFLICT)
    if role == Qt.ItemDataRole.ToolTipRole:
        return tooltip(figure_tip(figure))
    return None


def _status_tip(summary: MeasureSummary, group: MeasureGroup | None) -> str:
    if summary.status != CONFLICT:
        return f"{STATUS_LABELS[summary.status]}: the figures' intervals overlap."
    if group is None:
        return "Cannot all be true: open the measure to see which figures disagree."
    lines: list[str] = []
    for a, b in group.conflicts.pairs():
        if len(lines) == TIP_PAIRS:
            break
        fa, fb = group.figure(a), group.figure(b)
        lines.append(
            f"“{fa.quote}” ({fa.outlet or fa.article_title}) and "
            f"“{fb.quote}” ({fb.outlet or fb.article_title})"
        )
    total = group.conflicts.pair_count
    more = f"\n… and {total - TIP_PAIRS} more" if total > TIP_PAIRS else ""
    return "Cannot both be true:\n" + "\n".join(lines) + more


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """The (first, last) positions of each run of True."""
    runs: list[tuple[int, int]] = []
    for at, flag in enumerate(flags):
        if flag:
            if runs and runs[-1][1] == at - 1:
                runs[-1] = (runs[-1][0], at)
            else:
                runs.append((at, at))
    return runs


def _runs_of(rows: list[int]) -> list[tuple[int, int]]:
    """The (first, last) of each run of consecutive rows, given in order."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
