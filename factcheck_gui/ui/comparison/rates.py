"""The exchange-rates tab: rates implied by amounts in two currencies side by side in the
open articles, the ones that disagree with the rest marked in vermillion with a cross."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.domain.intervals import CONFLICT
from factcheck_gui.services.rates import ArticleRate
from factcheck_gui.ui.common.palette import status_colour
from factcheck_gui.ui.common.plain import tooltip


class RatesPanel(QWidget):
    """Exchange rates implied in the open articles; the ones that disagree marked."""

    spanChosen = Signal(int, int, int)  # article id, start, end
    HEADERS = ("Article", "Words", "Rate", "Check")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rates: list[ArticleRate] = []
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setObjectName("ratesTable")
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((200, 220, 130)):
            self.table.setColumnWidth(column, width)
        self.table.cellClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        self.show_rates([])

    def show_rates(self, rates: list[ArticleRate]) -> None:
        self.rates = rates
        self.table.setRowCount(len(rates))
        for row, r in enumerate(rates):
            rate = r.rate
            check = f"✕ {rate.reason}" if rate.flagged else "agrees"
            cells = (
                r.outlet or r.article_title,
                " ".join(rate.quote.split()),
                f"{rate.rate:,.4g} {rate.base}/{rate.quoted}",
                check,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip(rate.reason or text) or "")
                if rate.flagged:
                    item.setForeground(status_colour(CONFLICT))
                self.table.setItem(row, column, item)
        flagged = sum(r.rate.flagged for r in rates)
        self.note.setText(
            "Amounts given in two currencies side by side in the open articles imply exchange "
            f"rates: {len(rates)} found, {flagged} disagreeing with the others. "
            "`factcheck rates` lists every article's."
            if rates
            else "No amounts in two currencies side by side in the open articles."
        )

    def _clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.rates):
            r = self.rates[row]
            self.spanChosen.emit(r.article_id, r.rate.start, r.rate.end)
