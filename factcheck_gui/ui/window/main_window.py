"""The main window: assembles the library, the article panes and the docks around them, their
actions and menus; opening articles into panes. What each part does is in its own module."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.domain.errors import NotFound
from factcheck_gui.ui.window import compact
from factcheck_gui.ui.window.layout import SavedLayout

if TYPE_CHECKING:  # imported when the window is attached to its database (attach, below)
    from factcheck_gui.services.search import Hit
    from factcheck_gui.ui.common.context import AppContext
    from factcheck_gui.ui.common.theme import ThemeMenu
    from factcheck_gui.ui.panes.panes import ArticlePane

STATUS_MS = 6000


class MainWindow(QMainWindow):
    # Made by ui/menus.build_menus:
    undo_action: QAction
    redo_action: QAction
    undo_fence: QAction  # "Undo history ended: …", shown once the history is fenced
    theme_menu: ThemeMenu
    view_actions: list[QAction]

    def __init__(self, context: AppContext | None, *, settings_dir: Path | None) -> None:
        """The window on ``context``'s database; with None, only its frame (at its saved
        size), painted while the database layer loads and the database opens, then
        ``attach``-ed to it (ui/window/launch.py)."""
        super().__init__()
        self._layout = SavedLayout(settings_dir) if settings_dir is not None else None
        self.attached = False
        self.closed_early = False  # closed before it was attached
        self.setWindowTitle("factcheck")
        self.setObjectName("mainWindow")
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )
        self.resize(1400, 900)
        if context is None:
            opening = QLabel("Opening the library…")
            opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.setCentralWidget(opening)
            if self._layout is not None:
                self._layout.restore_geometry(self)
        else:
            self.attach(context)

    def attach(self, context: AppContext, *, read_now: bool = True) -> None:
        """Build the window's parts over ``context``: the library, the panes, the docks,
        their actions and menus. The library is listed at once, or (``read_now=False``, a
        start) from the background, like the comparison."""
        from factcheck_gui.ui.annotations.editing import Editing
        from factcheck_gui.ui.annotations.panel import AnnotationPanel
        from factcheck_gui.ui.annotations.suggestions import Suggesting, SuggestionPanel
        from factcheck_gui.ui.comparison.comparing import Comparing
        from factcheck_gui.ui.dialogs.about import show_about, show_shortcuts
        from factcheck_gui.ui.dialogs.message_bar import MessageBar
        from factcheck_gui.ui.dialogs.preferences import edit_preferences
        from factcheck_gui.ui.exchange.exchange import Exchange
        from factcheck_gui.ui.exchange.report_export import ReportExport
        from factcheck_gui.ui.exchange.restoring import Restoring
        from factcheck_gui.ui.library.library import LibraryPanel
        from factcheck_gui.ui.library.search_panel import SearchPanel
        from factcheck_gui.ui.panes.cross_highlight import CrossHighlight
        from factcheck_gui.ui.panes.find_bar import FindBar
        from factcheck_gui.ui.panes.panes import PaneArea
        from factcheck_gui.ui.window.actions import build_actions
        from factcheck_gui.ui.window.menus import build_menus
        from factcheck_gui.ui.window.navigation import Navigation
        from factcheck_gui.ui.window.selection import Selection
        from factcheck_gui.ui.window.steps import Steps

        assert not self.attached
        self.attached = True
        self.context = context
        self.services = context.workspace
        # Each view follows the stream of changes itself (ui/common/context.py).
        self.panes = PaneArea(context, self)
        self.message_bar = MessageBar(self)
        self.find_bar = FindBar(self.panes, self)
        self.setCentralWidget(_stacked(self.message_bar, self.panes, self.find_bar))
        self.library = LibraryPanel(self, library=self.services.library, changed=context.changed)
        self.annotations = AnnotationPanel(context, self)
        self.library_dock = self._dock(
            "Library", "libraryDock", self.library, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.annotation_dock = self._dock(
            "Annotations", "annotationDock", self.annotations, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.annotations.windowTitleChanged.connect(self.annotation_dock.setWindowTitle)
        self.suggestion_panel = SuggestionPanel(self)
        self.suggestion_dock = self._dock(
            "Suggested figures",
            "suggestionDock",
            self.suggestion_panel,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.tabifyDockWidget(self.annotation_dock, self.suggestion_dock)
        self.annotation_dock.raise_()
        self.suggesting = Suggesting(context, self.panes, self.suggestion_panel)
        self.suggestion_dock.visibilityChanged.connect(
            lambda shown: self.suggesting.refresh() if shown else None
        )
        self.comparing = Comparing(context, self, self.go_to_figure, self.go_to_span)
        self.comparison_dock = self._dock(
            "Comparison",
            "comparisonDock",
            self.comparing.widget,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.search_panel = SearchPanel(self, search=self.services.search)
        self.search_dock = self._dock(
            "Find in articles",
            "searchDock",
            self.search_panel,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.search_dock.hide()  # joins the comparison's tabs when first asked for (below)
        self.search_panel.hitChosen.connect(self.go_to_hit)
        self.cross = CrossHighlight(
            self.panes, self.comparing.comparison, tell=self.show_problem, parent=self
        )
        self.comparing.panel.measureChosen.connect(self.cross.show_measure)
        self.comparing.refreshed.connect(self.cross.refresh)
        self.selection = Selection(
            context,
            panes=self.panes,
            annotations=self.annotations,
            comparing=self.comparing,
            cross=self.cross,
            tell=self.show_problem,
            parent=self,
        )
        self.suggesting.created.connect(self.selection.select)
        self.editing = Editing(
            context,
            panes=self.panes,
            panel=self.annotations,
            selection=self.selection,
            tell=self.show_problem,
            parent=self,
        )
        self.restoring = Restoring(context, self, self.show_problem)
        self.report_export = ReportExport(context, self)
        self.exchange = Exchange(context, self, self.show_problem)
        self.actions_ = build_actions(
            self,
            {
                "tag": self.editing.tag_selection,
                "verdict": self.editing.set_verdict,
                "delete": self.editing.delete_selected,
                "edit_note": self.edit_note,
                "new_pane": self.new_pane,
                "close_pane": self.close_current_pane,
                "focus_library": self._focus_library,
                "find_articles": self.find_in_articles,
                "preferences": lambda: edit_preferences(
                    context, parent=self, tell=self.show_problem
                ),
                "import_files": self.exchange.import_files,
                "import_folder": self.exchange.import_folder,
                "import_set": self.exchange.import_annotation_set,
                "export": lambda: self.exchange.export(
                    selected=self.library.selected_article_ids()
                ),
                "quit": self.close,
                "shortcuts": lambda: show_shortcuts(parent=self),
                "about": lambda: show_about(parent=self, data_dir=self.services.data_dir),
                "suggest": self.suggest_figures,
                "comparison": lambda: self.navigation.toggle_comparison(),
            },
        )
        self.navigation = Navigation(self)
        build_menus(self, self.actions_)
        self.steps = Steps(self, self.show_problem)  # status lines; undo shows where

        self.panes.articleDropped.connect(
            lambda pane, article_id: self.open_article(article_id, pane)
        )
        self.panes.spanClicked.connect(lambda _pane, key: self.select_annotation(key))
        self.library.articleActivated.connect(self.open_article)
        self.library.filesDropped.connect(self.exchange.import_paths)
        self.annotations.annotationChosen.connect(
            lambda key: self.select_annotation(key, reveal=True)
        )
        context.problem.connect(self.show_problem)
        context.failed.connect(self.message_bar.show_failure)
        context.settled.connect(self.message_bar.settled)
        context.fenced.connect(self._undo_fenced)

        self.library.load(now=read_now)
        compact.arrange(self)
        self.first_layout = compact.FirstLayout(self)  # stopped when a saved layout returns

    # -- building --------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # -- opening articles ------------------------------------------------------------------
    def new_pane(self) -> ArticlePane:
        pane = self.panes.add_pane()
        pane.view.context_actions = list(self.actions_.tag.values())
        self.panes.set_current(pane)
        return pane

    def ensure_panes(self, count: int) -> None:
        while len(self.panes.panes) < count:
            self.new_pane()

    def close_current_pane(self) -> None:
        if self.panes.current is not None:
            self.panes.close_pane(self.panes.current)
            self._open_articles_changed()

    def open_article(self, article_id: int, pane: ArticlePane | None = None) -> None:
        try:
            article = self.services.library.article(article_id)
        except NotFound as error:
            self.show_problem(str(error))
            return
        if pane is None:
            pane = self.panes.place_for(article_id)
            pane.view.context_actions = list(self.actions_.tag.values())
        pane.show_article(article, self.services.annotations.for_article(article_id))
        self.cross.refresh()
        self.panes.set_current(pane)
        self.selection.pane_changed(pane)  # also when it was current already
        self._open_articles_changed()

    def _open_articles_changed(self) -> None:
        self._save_panes()
        self.comparing.show_rates([p.article_id for p in self.panes.panes if p.article_id])

    # -- commands --------------------------------------------------------------------------
    def suggest_figures(self) -> None:
        shown = self.suggestion_dock.isVisible()
        self.suggestion_dock.show()
        self.suggestion_dock.raise_()
        if shown:  # otherwise becoming visible refreshes it
            self.suggesting.refresh()
        self.suggestion_panel.table.setFocus()

    def show_comparison(self) -> None:
        self.comparison_dock.show()
        self.comparison_dock.raise_()
        self.comparing.panel.tree.setFocus()

    def go_to_figure(self, annotation_id: str, article_id: int) -> None:
        """Show a figure from the comparison: its article in a pane, scrolled to it, flashed."""
        if self._focus_article(article_id) is not None:
            self.select_annotation(annotation_id, reveal=True)

    def find_in_articles(self) -> None:
        if self.search_dock.isHidden() and not self.search_dock.isFloating():
            # tabbed with the comparison while it is hidden, the pair left an empty tab bar
            # where the first layout had been (under the library)
            self.tabifyDockWidget(self.comparison_dock, self.search_dock)
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.start()

    def go_to_hit(self, hit: Hit) -> None:
        """A search result: its article in a pane, scrolled to the words, which are selected
        (an annotation's own words: the annotation is selected)."""
        pane = self._focus_article(hit.article_id)
        if pane is None:
            return
        if hit.annotation_id is not None and hit.annotation_id in pane.view.notes:
            self.select_annotation(hit.annotation_id, reveal=True)
        if hit.start is not None and hit.end is not None:
            pane.view.reveal(hit.start, hit.end)
            pane.view.select_span(hit.start, hit.end)
        elif hit.annotation_id is None:
            self.show_problem(f"The words are in the article's {hit.where}, not in its text.")
        pane.view.setFocus()

    def go_to_span(self, article_id: int, start: int, end: int) -> None:
        if (pane := self._focus_article(article_id)) is not None:
            pane.view.reveal(start, end)

    def _focus_article(self, article_id: int) -> ArticlePane | None:
        """The pane showing ``article_id``, made current; the article is opened in an empty
        or a new pane when no pane shows it (no pane's article is replaced)."""
        shown = self.panes.showing(article_id)
        if shown:
            self.panes.set_current(shown[0])
            return shown[0]
        self.open_article(article_id)  # in a pane of its own, made current
        shown = self.panes.showing(article_id)
        return shown[0] if shown else None  # None: it could not be opened, and the user was told

    def edit_note(self) -> None:
        if self.editing.require_selection() is not None:
            self.annotation_dock.show()
            self.annotations.editor.note.setFocus()

    def _undo_fenced(self, reason: str) -> None:
        self.undo_fence.setText(f"Undo history ended: {reason}")
        self.undo_fence.setVisible(True)
        self.show_problem(f"Undo history ended: {reason}.")

    # -- selection (ui/window/selection.py) ---------------------------------------------------
    @property
    def selected(self) -> str | None:
        return self.selection.selected

    def select_annotation(self, annotation_id: str | None, *, reveal: bool = False) -> None:
        self.selection.select(annotation_id, reveal=reveal)

    def show_problem(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS)

    # -- dialogs ----------------------------------------------------------------------------
    def _focus_library(self) -> None:
        self.library_dock.show()
        self.library_dock.raise_()
        self.library.filter.setFocus()
        self.library.filter.selectAll()

    # -- saved layout -------------------------------------------------------------------------
    def restore_layout(self) -> bool:
        """Geometry, docks and the open panes from the last session; False when there is none."""
        if self._layout is not None and self._layout.has_geometry():
            self.first_layout.stop()  # the reviewer's own dock sizes come back
        return self._layout is not None and self._layout.restore(self)

    def save_layout(self) -> None:
        if self._layout is not None:
            self._layout.save(self)

    def _save_panes(self) -> None:
        if self._layout is not None:
            self._layout.save_panes(self)

    def splitters(self) -> dict[str, QSplitter]:
        """The splitters inside docks whose positions are saved, by name."""
        return {
            "annotationSplitter": self.annotations.splitter,
            "comparisonSplitter": self.comparing.panel.splitter,
        }

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt's names)
        """Tab moves between the regions, one stop per table (ui/window/navigation.py)."""
        return self.navigation.focus_next(1 if next else -1) or super().focusNextPrevChild(next)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.attached:  # closed while the database opened: the start ends there
            self.closed_early = True
            super().closeEvent(event)
            return
        if not self.editing.may_close(parent=self):
            event.ignore()
            return
        self.save_layout()
        self.comparing.stop()  # no read of the comparison outlives the window
        self.library.shutdown()
        self.search_panel.shutdown()
        super().closeEvent(event)


def _stacked(top: QWidget, main: QWidget, bottom: QWidget) -> QWidget:
    """``top`` (the message bar) above ``main``, ``bottom`` (the find bar) below it."""
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(top)
    layout.addWidget(main, 1)
    layout.addWidget(bottom)
    return central
