"""File → Preferences…: the reviewer's name, the organisation and its web address, where its
reviews are published (ClaimReview), and how many backups to keep."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from factcheck_gui.ui.common.context import AppContext
from factcheck_gui.ui.dialogs import dialogs


def edit_preferences(context: AppContext, *, parent: QWidget, tell: Callable[[str], None]) -> None:
    """Ask, then store them all at once; an empty name is refused and nothing is changed."""
    workspace = context.workspace
    preferences = workspace.preferences
    answer = dialogs.ask_preferences(
        parent=parent,
        reviewer=preferences.reviewer,
        organisation=preferences.organisation or "",
        backups_kept=workspace.backups.keep,
        organisation_url=preferences.organisation_url or "",
        review_url_pattern=preferences.review_url_pattern or "",
    )
    if answer is None:
        return
    name = answer.reviewer
    if not name.strip():
        tell("The reviewer name cannot be empty; it was left unchanged.")
        return

    def store() -> None:
        preferences.set_all(
            reviewer=name,
            organisation=answer.organisation,
            backups_kept=answer.backups_kept,
            organisation_url=answer.organisation_url,
            review_url_pattern=answer.review_url_pattern,
        )

    if context.save("Preferences", store):
        tell(f"New annotations will be signed {name.strip()}.")
