"""Article panes side by side: each a header and the article's text; they follow the stream
of changes (their highlights and counts, or the whole article after a restore)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.errors import NotFound
from factcheck_gui.domain.model import Annotation, Article
from factcheck_gui.ui.common.context import AppContext
from factcheck_gui.ui.common.elided import ElidedLabel
from factcheck_gui.ui.panes.article_view import ArticleTextView

EMPTY_HINT = "Double-click an article in the library, or drag it here."


class ArticlePane(QFrame):
    activated = Signal(object)  # self, when it gains focus
    closeRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.article: Article | None = None
        # Two short lines: the title (elided, whole in its tooltip) and outlet · date · count.
        self.title = ElidedLabel(EMPTY_HINT, self)
        self.title.setObjectName("paneTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.details = ElidedLabel("", self)
        self.details.setObjectName("paneDetails")
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip("Close this pane (Ctrl+W)")
        close.setAutoRaise(True)
        close.clicked.connect(lambda: self.closeRequested.emit(self))
        self.view = ArticleTextView(self)
        self.view.installEventFilter(self)

        header = QHBoxLayout()
        header.setSpacing(4)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.details)
        header.addLayout(titles, 1)
        header.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)

    @property
    def article_id(self) -> int | None:
        return self.article.id if self.article else None

    def show_article(self, article: Article, annotations: list[Annotation]) -> None:
        self.article = article
        self.title.setText(article.title)
        self.view.show_text(article.text, annotations)
        self.update_details()

    def clear(self) -> None:
        self.article = None
        self.title.setText(EMPTY_HINT)
        self.details.setText("")
        self.view.show_text("", [])

    def update_details(self) -> None:
        if self.article is None:
            return
        published = self.article.published.isoformat() if self.article.published else None
        count = len(self.view.notes)
        parts = [
            self.article.outlet or "unknown outlet",
            published or "undated",
            f"{count} annotation{'s' if count != 1 else ''}",
        ]
        self.details.setText(" · ".join(parts))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view and event.type() == QEvent.Type.FocusIn:
            self.activated.emit(self)
        return False


class PaneArea(QSplitter):
    """Two or more panes side by side; one of them is current (the last focused)."""

    currentChanged = Signal(object)  # ArticlePane
    articleDropped = Signal(object, int)  # pane, article id
    spanClicked = Signal(object, str)  # pane, annotation id

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._context = context
        self.setChildrenCollapsible(False)
        self.setObjectName("panes")
        self.panes: list[ArticlePane] = []
        self.current: ArticlePane | None = None
        context.changed.connect(self.apply_changes)

    def apply_changes(self, changes: Changes) -> None:
        """Each pane whose article's annotations changed: those highlights and its count; after
        a restore, each pane's article afresh (or an empty pane, if it is gone)."""
        if changes.reset:
            self._reload()
            return
        touched = [p for p in self.panes if p.article_id in changes.articles]
        if not touched:
            return
        now = self._context.workspace.annotations.among(
            changes.annotation_ids, {p.article_id for p in touched if p.article_id is not None}
        )
        for pane in touched:
            for key in changes.annotation_ids:
                annotation = now.get(key)
                if annotation is not None and annotation.article_id == pane.article_id:
                    pane.view.put_annotation(annotation)
                elif key in pane.view.notes:
                    pane.view.remove_annotation(key)
            pane.update_details()

    def _reload(self) -> None:
        workspace = self._context.workspace
        for pane in self.panes:
            if pane.article_id is None:
                continue
            try:
                article = workspace.library.article(pane.article_id)
            except NotFound:
                pane.clear()
                continue
            pane.show_article(article, workspace.annotations.for_article(article.id))

    def add_pane(self) -> ArticlePane:
        pane = ArticlePane(self)
        pane.activated.connect(self.set_current)
        pane.closeRequested.connect(self.close_pane)
        pane.view.articleDropped.connect(
            lambda article_id: self.articleDropped.emit(pane, article_id)
        )
        pane.view.spanClicked.connect(lambda key: self.spanClicked.emit(pane, key))
        self.addWidget(pane)
        self.panes.append(pane)
        self.setSizes([1] * len(self.panes))
        if self.current is None:
            self.set_current(pane)
        return pane

    def close_pane(self, pane: ArticlePane) -> None:
        """Close a pane; the last one is emptied instead, so there is always a place to drop."""
        if len(self.panes) == 1:
            pane.clear()
            self.set_current(pane)
            return
        index = self.panes.index(pane)
        self.panes.remove(pane)
        pane.hide()
        pane.setParent(None)
        pane.deleteLater()
        if self.current is pane:
            self.current = None
            self.set_current(self.panes[min(index, len(self.panes) - 1)])

    def set_current(self, pane: ArticlePane) -> None:
        if pane is self.current:
            return
        self.current = pane
        for p in self.panes:
            p.setProperty("current", p is pane)
            p.setFrameShadow(QFrame.Shadow.Sunken if p is pane else QFrame.Shadow.Plain)
            p.setLineWidth(2 if p is pane else 1)
        self.currentChanged.emit(pane)

    def showing(self, article_id: int) -> list[ArticlePane]:
        return [p for p in self.panes if p.article_id == article_id]

    def place_for(self, article_id: int) -> ArticlePane:
        """Where an article goes, double-clicked or reached from the comparison: its pane, an
        empty pane, or a new one; never a pane showing another article (the reviewer was
        reading it)."""
        candidates = self.showing(article_id) or [p for p in self.panes if p.article is None]
        return candidates[0] if candidates else self.add_pane()
