"""The main window: library, article panes and the docks around them; keys and menus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui import __version__
from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.commands import CreateAnnotation, DeleteAnnotation, EditAnnotation
from factcheck_gui.domain.errors import NotFound
from factcheck_gui.domain.model import Annotation, Kind, NewAnnotation, Verdict
from factcheck_gui.domain.wording import count, number
from factcheck_gui.services.search import Hit
from factcheck_gui.ui.annotations.panel import AnnotationPanel
from factcheck_gui.ui.annotations.suggestions import Suggesting, SuggestionPanel
from factcheck_gui.ui.annotations.table import ORPHAN_HINT
from factcheck_gui.ui.common.context import AppContext
from factcheck_gui.ui.common.theme import ThemeMenu
from factcheck_gui.ui.comparison.comparing import Comparing
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.dialogs.message_bar import MessageBar
from factcheck_gui.ui.exchange.exchange import Exchange
from factcheck_gui.ui.exchange.report_export import ReportExport
from factcheck_gui.ui.exchange.restoring import Restoring
from factcheck_gui.ui.library.library import LibraryPanel
from factcheck_gui.ui.library.search_panel import SearchPanel
from factcheck_gui.ui.panes.cross_highlight import CrossHighlight
from factcheck_gui.ui.panes.find_bar import FindBar
from factcheck_gui.ui.panes.panes import ArticlePane, PaneArea
from factcheck_gui.ui.window import compact
from factcheck_gui.ui.window.actions import build_actions
from factcheck_gui.ui.window.layout import SavedLayout
from factcheck_gui.ui.window.menus import build_menus
from factcheck_gui.ui.window.navigation import Navigation
from factcheck_gui.ui.window.steps import Steps

STATUS_MS = 6000


class MainWindow(QMainWindow):
    # Made by ui/menus.build_menus:
    undo_action: QAction
    redo_action: QAction
    undo_fence: QAction  # "Undo history ended: …", shown once the history is fenced
    theme_menu: ThemeMenu
    view_actions: list[QAction]

    def __init__(self, context: AppContext, *, settings_dir: Path | None) -> None:
        super().__init__()
        self.context = context
        self.services = context.workspace
        self.selected: str | None = None
        self._layout = SavedLayout(settings_dir) if settings_dir is not None else None
        self.setWindowTitle("factcheck")
        self.setObjectName("mainWindow")
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )

        self.panes = PaneArea(self)
        self.message_bar = MessageBar(self)
        self.find_bar = FindBar(self.panes, self)
        self.setCentralWidget(_stacked(self.message_bar, self.panes, self.find_bar))
        self.library = LibraryPanel(self, library=self.services.library)
        self.annotations = AnnotationPanel(self)
        self.library_dock = self._dock(
            "Library", "libraryDock", self.library, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.annotation_dock = self._dock(
            "Annotations", "annotationDock", self.annotations, Qt.DockWidgetArea.RightDockWidgetArea
        )
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
        self.suggesting.created.connect(self.select_annotation)
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
        self.tabifyDockWidget(self.comparison_dock, self.search_dock)
        self.search_dock.hide()
        self.comparison_dock.raise_()
        self.search_panel.hitChosen.connect(self.go_to_hit)
        self.cross = CrossHighlight(
            self.panes, self.comparing.comparison, tell=self.show_problem, parent=self
        )
        self.comparing.panel.measureChosen.connect(self.cross.show_measure)
        self.comparing.updated.connect(lambda _names: self.cross.refresh())
        self.restoring = Restoring(context, self, self.show_problem)
        self.report_export = ReportExport(context, self)
        self.actions_ = build_actions(
            self,
            {
                "tag": self.tag_selection,
                "verdict": self.set_verdict,
                "delete": self.delete_selected,
                "edit_note": self.edit_note,
                "new_pane": self.new_pane,
                "close_pane": self.close_current_pane,
                "focus_library": self._focus_library,
                "find_articles": self.find_in_articles,
                "preferences": self.edit_preferences,
                "import_files": lambda: self.exchange.import_files(),
                "import_folder": lambda: self.exchange.import_folder(),
                "import_set": lambda: self.exchange.import_annotation_set(),
                "export": lambda: self.exchange.export(
                    selected=self.library.selected_article_ids()
                ),
                "quit": self.close,
                "shortcuts": self.show_shortcuts,
                "about": self.show_about,
                "suggest": self.suggest_figures,
                "comparison": lambda: self.navigation.toggle_comparison(),
            },
        )
        self.navigation = Navigation(self)
        build_menus(self, self.actions_)
        self.steps = Steps(self, self.show_problem)  # status lines; undo shows where

        self.panes.currentChanged.connect(self._pane_changed)
        self.panes.articleDropped.connect(
            lambda pane, article_id: self.open_article(article_id, pane)
        )
        self.panes.spanClicked.connect(lambda _pane, key: self.select_annotation(key))
        self.library.articleActivated.connect(self.open_article)
        self.exchange = Exchange(context, self, self.show_problem)
        self.library.filesDropped.connect(self.exchange.import_paths)
        self.annotations.annotationChosen.connect(
            lambda key: self.select_annotation(key, reveal=True)
        )
        self.annotations.editor.edited.connect(self._edit)
        self.annotations.editor.measures = self.services.measures
        self.annotations.editor.deleteRequested.connect(self._delete)
        context.changed.connect(self.apply_changes)
        context.problem.connect(self.show_problem)
        context.failed.connect(self.message_bar.show_failure)
        context.settled.connect(self.message_bar.settled)
        context.settled.connect(self._retry_unsaved_notes)
        context.fenced.connect(self._undo_fenced)
        self._saving_notes = False

        self.library.load()
        self.resize(1400, 900)
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
        self._pane_changed(pane)
        self._open_articles_changed()

    def _open_articles_changed(self) -> None:
        self._save_panes()
        self.comparing.show_rates([p.article_id for p in self.panes.panes if p.article_id])

    # -- tagging and editing --------------------------------------------------------------
    def tag_selection(self, kind: Kind) -> None:
        pane = self.panes.current
        span = pane.view.selected_span() if pane and pane.article else None
        if pane is None or pane.article is None or span is None:
            self.show_problem("Select some text in an article first, then press C, F or A.")
            return
        start, end = span
        command = CreateAnnotation(
            self.services.annotations,
            NewAnnotation(
                article_id=pane.article.id,
                start=start,
                end=end,
                kind=kind,
                reviewer=self.services.preferences.reviewer,
            ),
        )
        self.context.run(command, done=lambda: self._tagged(pane, command))

    def _tagged(self, pane: ArticlePane, command: CreateAnnotation) -> None:
        """Select what was tagged: at once, or once a Retry stored it (ui/window/steps.py
        says so in the status bar)."""
        if pane in self.panes.panes:
            cursor = pane.view.textCursor()
            cursor.clearSelection()
            pane.view.setTextCursor(cursor)
        self.select_annotation(command.annotation_id)

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
            self._pane_changed(shown[0])
            return shown[0]
        self.open_article(article_id)  # in a pane of its own, made current
        shown = self.panes.showing(article_id)
        return shown[0] if shown else None  # None: it could not be opened, and the user was told

    def set_verdict(self, verdict: Verdict) -> None:
        if (selected := self._require_selection()) is not None:
            self._edit(selected, {"verdict": verdict})

    def delete_selected(self) -> None:
        if (selected := self._require_selection()) is not None:
            self._delete(selected)

    def edit_note(self) -> None:
        if self._require_selection() is not None:
            self.annotation_dock.show()
            self.annotations.editor.note.setFocus()

    def _edit(self, annotation_id: str, values: dict) -> None:
        try:
            command = EditAnnotation(self.services.annotations, annotation_id, values)
        except ValueError as error:
            self.show_problem(str(error))
            return
        if set(values) == {"note"}:
            self._save_note(command, annotation_id, str(values["note"] or ""))
        elif not self.context.run(command):  # refused: show what is stored again
            self.annotations.editor.revert(
                self.annotations.editor.annotation, self.annotations.model.annotations()
            )

    def _save_note(self, command: EditAnnotation, annotation_id: str, text: str) -> None:
        """A note the store refuses stays in the editor, marked unsaved; Retry, the next
        keystroke or any later successful write stores it (the newest text typed)."""
        saving, self._saving_notes = self._saving_notes, True  # not again from `settled`
        try:
            saved = self.context.run(
                command, retry=self._retry_unsaved_notes, key=("note", annotation_id)
            )
        finally:
            self._saving_notes = saving
        self.annotations.editor.note_result(annotation_id, text, saved)
        if saved:
            self._retry_unsaved_notes()  # the store takes writes again: the others too

    def _retry_unsaved_notes(self, _key: object = None) -> None:
        if self._saving_notes:
            return
        self._saving_notes = True
        try:
            for annotation_id, text in self.annotations.editor.unsaved_notes().items():
                try:
                    self.services.annotations.get_annotation(annotation_id)
                except NotFound:
                    self.annotations.editor.forget_note(annotation_id)
                    self.show_problem("A note could not be kept: its annotation was deleted.")
                    continue
                command = EditAnnotation(self.services.annotations, annotation_id, {"note": text})
                self._save_note(command, annotation_id, text)
        finally:
            self._saving_notes = False

    def _undo_fenced(self, reason: str) -> None:
        self.undo_fence.setText(f"Undo history ended: {reason}")
        self.undo_fence.setVisible(True)
        self.statusBar().showMessage(f"Undo history ended: {reason}.", STATUS_MS)

    def _delete(self, annotation_id: str) -> None:
        self.context.run(DeleteAnnotation(self.services.annotations, annotation_id))

    def _require_selection(self) -> str | None:
        """The selected annotation's id, or None after telling the user how to select one."""
        if self.selected is None:
            self.show_problem("Select an annotation first: click a highlight or a row.")
        return self.selected

    # -- selection --------------------------------------------------------------------------
    def select_annotation(self, annotation_id: str | None, *, reveal: bool = False) -> None:
        self.selected = annotation_id
        for each in self.panes.panes:
            each.view.highlighter.select(annotation_id)
        pane = self.panes.current
        if annotation_id is not None and (pane is None or annotation_id not in pane.view.notes):
            owner = next((p for p in self.panes.panes if annotation_id in p.view.notes), None)
            if owner is not None:
                self.panes.set_current(owner)
                pane = owner
        self.annotations.select(annotation_id)
        if annotation_id is not None and self.comparing.comparison.measure_of(annotation_id):
            self.comparing.panel.show_figure(annotation_id)
            self.cross.follow(annotation_id, pane=pane)  # its siblings in the other panes
        if reveal and pane is not None and annotation_id in pane.view.notes:
            annotation = pane.view.notes[annotation_id]
            if annotation.orphaned:
                self.show_problem(ORPHAN_HINT)
            else:
                pane.view.reveal(annotation.start, annotation.end)

    def _pane_changed(self, pane: ArticlePane) -> None:
        rows = sorted(pane.view.notes.values(), key=lambda a: (a.start, a.end))
        self.annotations.model.set_rows(rows)
        self.annotation_dock.setWindowTitle(
            f"Annotations — {pane.article.title[:40]}" if pane.article else "Annotations"
        )
        self.annotations.select(self.selected if self.selected in pane.view.notes else None)

    # -- reacting to changes -----------------------------------------------------------------
    def apply_changes(self, changes: Changes) -> None:
        """Refresh only what ``changes`` touched: highlights, rows, counts."""
        if changes.reset:
            self._reload_panes()
        fetched: dict[str, Annotation | None] = {}
        for key in changes.added | changes.updated:
            try:
                fetched[key] = self.services.annotations.get_annotation(key)
            except NotFound:
                fetched[key] = None
        for key in changes.removed:
            fetched[key] = None
        current = self.panes.current
        for pane in self.panes.panes:
            if pane.article_id not in changes.articles:
                continue
            for key, annotation in fetched.items():
                if annotation is None:
                    pane.view.remove_annotation(key)
                elif annotation.article_id == pane.article_id:
                    pane.view.put_annotation(annotation)
            pane.update_details()
            if pane is current:
                for key, annotation in fetched.items():
                    if annotation is None:
                        self.annotations.model.remove(key)
                    elif annotation.article_id == pane.article_id:
                        self.annotations.model.upsert(annotation)
        if self.selected is not None and fetched.get(self.selected, True) is None:
            self.select_annotation(None)
        elif self.selected in fetched or changes.added or changes.removed:
            self.annotations.select(self.selected)
        self.cross.refresh()
        if changes.library:
            self.library.refresh(everything=changes.reset)
        if changes.annotation_count_changed:
            self.library.counts_changed(changes.articles)

    def _reload_panes(self) -> None:
        """Everything may have changed (a restore): each pane shows its article afresh."""
        open_ids = [p.article_id for p in self.panes.panes if p.article_id is not None]
        known = self.services.library.existing(open_ids)
        for pane in self.panes.panes:
            if pane.article_id in known:
                pane.show_article(
                    self.services.library.article(pane.article_id),
                    self.services.annotations.for_article(pane.article_id),
                )
            elif pane.article is not None:
                pane.clear()
        self.select_annotation(None)
        if self.panes.current is not None:
            self._pane_changed(self.panes.current)

    def show_problem(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS)

    # -- dialogs ----------------------------------------------------------------------------
    def _focus_library(self) -> None:
        self.library_dock.show()
        self.library_dock.raise_()
        self.library.filter.setFocus()
        self.library.filter.selectAll()

    def edit_preferences(self) -> None:
        preferences = self.services.preferences
        answer = dialogs.ask_preferences(
            parent=self,
            reviewer=preferences.reviewer,
            organisation=preferences.organisation or "",
            backups_kept=self.services.backups.keep,
            organisation_url=preferences.organisation_url or "",
            review_url_pattern=preferences.review_url_pattern or "",
        )
        if answer is None:
            return
        name = answer.reviewer
        if not name.strip():
            self.show_problem("The reviewer name cannot be empty; it was left unchanged.")
            return

        def store() -> None:
            preferences.set_all(
                reviewer=name,
                organisation=answer.organisation,
                backups_kept=answer.backups_kept,
                organisation_url=answer.organisation_url,
                review_url_pattern=answer.review_url_pattern,
            )

        if not self.context.save("Preferences", store):
            return
        self.statusBar().showMessage(f"New annotations will be signed {name.strip()}.", STATUS_MS)

    def show_shortcuts(self) -> None:
        native = QKeySequence.SequenceFormat.NativeText
        lines = [
            f"{a.shortcut().toString(native):>14}   {a.text().replace('&', '')}"
            for a in self.actions()
            if not a.shortcut().isEmpty()
        ]
        dialogs.inform(parent=self, title="Keyboard shortcuts", text="\n".join(lines))

    def show_about(self) -> None:
        dialogs.inform(
            parent=self,
            title="About factcheck-gui",
            text=f"factcheck-gui {__version__}\nCompare what several articles claim, "
            f"and where their numbers disagree.\nData: {self.services.data_dir}",
        )

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
        self._retry_unsaved_notes()
        unsaved = self.annotations.editor.unsaved_notes()
        if unsaved and not dialogs.confirm(
            parent=self,
            title="Notes not saved",
            text=f"{count(len(unsaved), 'note')} could not be saved (see the message at the "
            f"top). Quit anyway and lose {number(len(unsaved), 'it', 'them')}?",
        ):
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
