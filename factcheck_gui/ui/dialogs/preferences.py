"""File → Preferences…: the reviewer's name and organisation, and how many backups to keep."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from factcheck_gui.ui.common.context import AppContext
from factcheck_gui.ui.dialogs import dialogs


def edit_preferences(context: AppContext, *, parent: QWidget, tell: Callable[[str], None]) -> None:
    """Ask, then store all three at once; an empty name is refused and nothing is changed."""
    workspace = context.workspace
    preferences = workspace.preferences
    answer = dialogs.ask_preferences(
        parent=parent,
        reviewer=preferences.reviewer,
        organisation=preferences.organisation or "",
        backups_kept=workspace.backups.keep,
    )
    if answer is None:
        return
    name, organisation, keep = answer
    if not name.strip():
        tell("The reviewer name cannot be empty; it was left unchanged.")
        return

    def store() -> None:
        preferences.set_all(reviewer=name, organisation=organisation, backups_kept=keep)

    if context.save("Preferences", store):
        tell(f"New annotations will be signed {name.strip()}.")
