"""The annotations of one article as a sortable, filterable table model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from factcheck_gui.domain.model import Annotation, Kind, Verdict
from factcheck_gui.ui.common.palette import line_colour
from factcheck_gui.ui.common.plain import tooltip

AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Kind", "Verdict", "Quote", "Note", "Speaker", "Reviewer", "Position", "Modified")
QUOTE_CHARS = 120
ORPHAN_HINT = (
    "Orphaned: its quote was not found in this version of the text. "
    "Tag the right words again and delete this one, or keep it as a record."
)


def _one_line(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AnnotationTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Annotation] = []
        self._row_of: dict[str, int] = {}

    def set_rows(self, rows: Sequence[Annotation]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._reindex()
        self.endResetModel()

    def upsert(self, annotation: Annotation) -> None:
        row = self._row_of.get(annotation.id)
        if row is None:
            row = len(self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append(annotation)
            self._row_of[annotation.id] = row
            self.endInsertRows()
        else:
            self._rows[row] = annotation
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def remove(self, annotation_id: str) -> None:
        row = self._row_of.get(annotation_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._reindex()
        self.endRemoveRows()

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def row_of(self, annotation_id: str) -> int | None:
        return self._row_of.get(annotation_id)

    def annotations(self) -> list[Annotation]:
        return list(self._rows)

    def _reindex(self) -> None:
        self._row_of = {a.id: i for i, a in enumerate(self._rows)}

    # -- QAbstractTableModel ------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "Kind": a.kind.label,
                "Verdict": a.verdict.label,
                "Quote": _one_line(a.quote, QUOTE_CHARS),
                "Note": _one_line(a.note, QUOTE_CHARS),
                "Speaker": a.speaker or "" if a.kind is Kind.ATTRIBUTION else "",
                "Reviewer": a.reviewer,
                "Position": _position(a),
                "Modified": a.modified.astimezone().strftime("%Y-%m-%d %H:%M"),
            }[column]
        if role == SORT_ROLE:
            return {
                "Kind": list(Kind).index(a.kind),
                "Verdict": a.verdict.rank,
                "Quote": a.quote.casefold(),
                "Note": a.note.casefold(),
                "Speaker": (a.speaker or "").casefold(),
                "Reviewer": a.reviewer.casefold(),
                "Position": a.start * 10_000_000 + a.end,
                "Modified": a.modified.timestamp(),
            }[column]
        if role == Qt.ItemDataRole.DecorationRole and column == "Kind":
            return line_colour(a.kind)
        if role == Qt.ItemDataRole.ToolTipRole and a.orphaned:
            return ORPHAN_HINT
        if role == Qt.ItemDataRole.ToolTipRole and a.changed_from is not None:
            return tooltip(changed_label(a))
        if role == Qt.ItemDataRole.ToolTipRole and column in ("Quote", "Note"):
            return tooltip(a.quote if column == "Quote" else a.note or None)
        return None


def changed_label(a: Annotation) -> str:
    """The reviewer's mark on an annotation re-anchored where its words changed."""
    return f"text changed: “{a.changed_from}” → “{a.quote}”; set its verdict again"


def _position(a: Annotation) -> str:
    if a.orphaned:
        return "orphaned"
    return f"{a.start}–{a.end}" + (" · text changed" if a.changed_from is not None else "")


class AnnotationFilter(QSortFilterProxyModel):
    """Filters by kind, verdict and words; sorts by each column's natural order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind: Kind | None = None
        self.verdict: Verdict | None = None
        self.words = ""
        self.orphans_only = False
        self.setSortRole(SORT_ROLE)

    def set_filter(
        self,
        *,
        kind: Kind | None,
        verdict: Verdict | None,
        words: str = "",
        orphans_only: bool = False,
    ) -> None:
        def apply() -> None:
            self.kind, self.verdict, self.words = kind, verdict, words.casefold().strip()
            self.orphans_only = orphans_only

        if not hasattr(self, "beginFilterChange"):  # Qt < 6.10
            apply()
            self.invalidateFilter()
            return
        self.beginFilterChange()
        apply()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, AnnotationTableModel)
        a = model.annotation(source_row)
        if self.kind is not None and a.kind is not self.kind:
            return False
        if self.verdict is not None and a.verdict is not self.verdict:
            return False
        if self.orphans_only and not a.orphaned:
            return False
        if self.words:
            haystack = f"{a.quote}\n{a.note}\n{a.speaker or ''}\n{a.reviewer}".casefold()
            return self.words in haystack
        return True
