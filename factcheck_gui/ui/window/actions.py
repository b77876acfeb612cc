"""The window's actions: menus, toolbar and keyboard shortcuts in one table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from factcheck_gui.domain.model import Kind, Verdict
from factcheck_gui.ui.common.palette import KIND_STYLES, VERDICT_KEYS


@dataclass
class Actions:
    tag: dict[Kind, QAction]
    verdict: dict[Verdict, QAction]
    delete: QAction
    edit_note: QAction
    new_pane: QAction
    close_pane: QAction
    focus_library: QAction
    find_articles: QAction
    preferences: QAction
    import_files: QAction
    import_folder: QAction
    import_set: QAction
    export: QAction
    quit: QAction
    shortcuts: QAction
    about: QAction
    suggest: QAction
    comparison: QAction


def key_bindings(
    shortcut: str | QKeySequence.StandardKey, fallback: str | None = None
) -> list[QKeySequence]:
    """The platform's keys for a standard action (Close, Find, Quit…), or ``fallback`` where
    the platform has none; a plain key string as given."""
    if isinstance(shortcut, QKeySequence.StandardKey):
        found = QKeySequence.keyBindings(shortcut)
        if found:
            return found
        return [QKeySequence(fallback)] if fallback else []
    return [QKeySequence(shortcut)]


def make_action(
    parent: QWidget,
    text: str,
    slot: Callable[[], object],
    *,
    shortcut: str | QKeySequence.StandardKey | None = None,
    fallback: str | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcuts(key_bindings(shortcut, fallback))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(f"{tip} ({action.shortcut().toString()})" if shortcut else tip)
    action.triggered.connect(lambda _checked=False: slot())
    parent.addAction(action)  # shortcuts work even when no menu shows the action
    return action


def build_actions(window: QWidget, handlers: dict[str, Callable[..., object]]) -> Actions:
    def tag(kind: Kind) -> QAction:
        return make_action(
            window,
            f"Tag as &{kind.label}",
            lambda: handlers["tag"](kind),
            shortcut=KIND_STYLES[kind].shortcut,
            tip=f"Tag the selected text as a {kind.value}",
        )

    def verdict(v: Verdict) -> QAction:
        return make_action(
            window,
            f"Verdict: {v.label}",
            lambda: handlers["verdict"](v),
            shortcut=VERDICT_KEYS[v],
            tip=f"Set the selected annotation's verdict to {v.value}",
        )

    return Actions(
        tag={k: tag(k) for k in Kind},
        verdict={v: verdict(v) for v in Verdict},
        delete=make_action(
            window,
            "&Delete annotation",
            handlers["delete"],
            shortcut=QKeySequence.StandardKey.Delete,
            tip="Delete the selected annotation",
        ),
        edit_note=make_action(
            window,
            "Edit &note",
            handlers["edit_note"],
            shortcut="N",
            tip="Write a note on the selected annotation",
        ),
        new_pane=make_action(
            window,
            "&New pane",
            handlers["new_pane"],
            shortcut=QKeySequence.StandardKey.AddTab,
            tip="Open another pane beside the others",
        ),
        close_pane=make_action(
            window,
            "&Close pane",
            handlers["close_pane"],
            shortcut=QKeySequence.StandardKey.Close,
            tip="Close the focused pane",
        ),
        focus_library=make_action(
            window,
            "Find &article",
            handlers["focus_library"],
            shortcut="Ctrl+L",
            tip="Filter the library",
        ),
        find_articles=make_action(
            window,
            "Find in &articles…",
            handlers["find_articles"],
            shortcut="Ctrl+Shift+F",
            tip="Find words in every article's title, text, quotes and notes",
        ),
        preferences=make_action(
            window,
            "&Preferences…",
            handlers["preferences"],
            shortcut=QKeySequence.StandardKey.Preferences,
            fallback="Ctrl+,",
            tip="Set your reviewer name",
        ),
        import_files=make_action(
            window,
            "&Import articles…",
            handlers["import_files"],
            shortcut="Ctrl+I",
            tip="Import article files (.txt .md .html .json .jsonl .csv, zips) as a batch",
        ),
        import_folder=make_action(
            window,
            "Import &folder…",
            handlers["import_folder"],
            shortcut="Ctrl+Shift+I",
            tip="Import every article file in a folder, recursively",
        ),
        import_set=make_action(
            window,
            "Import &annotation set…",
            handlers["import_set"],
            tip="Merge annotations into this database: a colleague's export (JSON or CSV) or "
            "W3C Web Annotation from other tools",
        ),
        export=make_action(
            window,
            "&Export…",
            handlers["export"],
            shortcut="Ctrl+E",
            tip="Export annotations (native JSON, CSV, W3C Web Annotation, ClaimReview)",
        ),
        quit=make_action(
            window,
            "&Quit",
            handlers["quit"],
            shortcut=QKeySequence.StandardKey.Quit,
            fallback="Ctrl+Q",
        ),
        shortcuts=make_action(
            window,
            "&Keyboard shortcuts",
            handlers["shortcuts"],
            shortcut=QKeySequence.StandardKey.HelpContents,
        ),
        about=make_action(window, "&About factcheck-gui", handlers["about"]),
        suggest=make_action(
            window,
            "&Suggest figures",
            handlers["suggest"],
            shortcut="S",
            tip="List the amounts in the focused article; Enter accepts, Delete dismisses",
        ),
        comparison=make_action(
            window,
            "&Compare figures",
            handlers["comparison"],
            shortcut="Ctrl+M",
            tip="Show the comparison: figures by measure, and where they conflict",
        ),
    )
