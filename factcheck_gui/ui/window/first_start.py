"""A first start asks whose name goes on the annotations, once.

Asked when the database has no reviewer name yet, prefilled with the login name; the
answer is stored in the preferences (in the database, where the command line reads it
too), so it is not asked again, and File → Preferences changes it. Cancel keeps the login
name, stored likewise. Only the interactive window asks: a screenshot, the command line
and the tests' windows never do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck_gui.services.preferences import login_name, os_user_name
from factcheck_gui.ui.dialogs import dialogs

if TYPE_CHECKING:
    from factcheck_gui.ui.window.main_window import MainWindow


def ask_reviewer_once(window: MainWindow) -> None:
    preferences = window.services.preferences
    if preferences.reviewer_chosen:
        return
    answer = dialogs.ask_reviewer(parent=window, suggested=login_name() or "")
    name = " ".join((answer or "").split()) or os_user_name()
    if window.context.save("Reviewer name", lambda: preferences.set_reviewer(name)):
        window.show_problem(
            f"New annotations will be signed {name}; File → Preferences changes it."
        )
