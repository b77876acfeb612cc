"""The window's menus and its toolbar, built from its actions (``ui/window/actions.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from factcheck_gui.ui.annotations.legend import Legend
from factcheck_gui.ui.common.theme import ThemeMenu
from factcheck_gui.ui.window.actions import Actions

if TYPE_CHECKING:
    from factcheck_gui.ui.window.main_window import MainWindow


def build_menus(window: MainWindow, a: Actions) -> None:
    """File, Edit, Annotate, View, Go and Help, and the tagging toolbar; Undo and Redo go
    through the window's context, so a refused step is put back on the stack."""
    stack = window.context.undo_stack
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcuts(QKeySequence.StandardKey.Redo)  # Ctrl+Shift+Z and Ctrl+Y
    for action, step in ((undo, window.context.undo), (redo, window.context.redo)):
        action.triggered.disconnect()  # through the context: a refused step is put back
        action.triggered.connect(step)
    window.addActions([undo, redo])
    window.undo_action, window.redo_action = undo, redo

    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a.import_files, a.import_folder, a.import_set])
    file_menu.addSeparator()
    file_menu.addAction(a.export)
    file_menu.addAction(window.report_export.action)
    file_menu.addSeparator()
    file_menu.addAction(window.restoring.action)
    file_menu.addSeparator()
    file_menu.addAction(a.preferences)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit = bar.addMenu("&Edit")
    edit.addActions([undo, redo])
    window.undo_fence = QAction("Undo history ended", window)
    window.undo_fence.setEnabled(False)
    window.undo_fence.setVisible(False)
    edit.addAction(window.undo_fence)
    edit.addSeparator()
    edit.addAction(a.find_articles)
    annotate = bar.addMenu("&Annotate")
    annotate.addActions(list(a.tag.values()))
    annotate.addSeparator()
    verdicts = annotate.addMenu("&Verdict")
    verdicts.addActions(list(a.verdict.values()))
    annotate.addAction(a.edit_note)
    annotate.addAction(a.delete)
    annotate.addSeparator()
    annotate.addActions([a.suggest, a.comparison])
    view = bar.addMenu("&View")
    view.addActions([a.new_pane, a.close_pane, a.focus_library, window.find_bar.open_action])
    view.addSeparator()
    view.addAction(window.library_dock.toggleViewAction())
    view.addAction(window.annotation_dock.toggleViewAction())
    view.addAction(window.suggestion_dock.toggleViewAction())
    view.addAction(window.comparison_dock.toggleViewAction())
    view.addAction(window.search_dock.toggleViewAction())
    view.addSeparator()
    window.theme_menu = ThemeMenu(parent=window)
    view.addMenu(window.theme_menu.menu)
    bar.addMenu(window.navigation.menu)
    help_menu = bar.addMenu("&Help")
    help_menu.addActions([a.shortcuts, a.about])

    toolbar = QToolBar("Tagging", window)
    toolbar.setObjectName("taggingToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.addActions(list(a.tag.values()))
    toolbar.addSeparator()
    toolbar.addActions([undo, redo])
    toolbar.addSeparator()
    toolbar.addAction(a.new_pane)
    toolbar.addActions([a.suggest, a.comparison])
    toolbar.addSeparator()
    toolbar.addWidget(Legend(toolbar))
    window.addToolBar(toolbar)
    window.view_actions = view.actions()
