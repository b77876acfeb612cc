"""Preferences kept in the database, so the CLI and the GUI agree on them."""

from __future__ import annotations

import getpass

from factcheck_gui.domain.errors import UserError
from factcheck_gui.storage import repository as repo
from factcheck_gui.storage.database import Database

REVIEWER = "reviewer"
ORGANISATION = "organisation"
MAX_NAME = 200


def os_user_name() -> str:
    try:
        return getpass.getuser() or "reviewer"
    except (OSError, KeyError):  # no login name, e.g. in a container without passwd entry
        return "reviewer"


class Preferences:
    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def reviewer(self) -> str:
        """The name stored on new annotations: set in Preferences, else the OS user name."""
        with self._db.transaction() as session:
            return repo.get_setting(session, REVIEWER) or os_user_name()

    def set_reviewer(self, name: str) -> None:
        name = " ".join(name.split())
        if len(name) > MAX_NAME:
            raise UserError(f"The reviewer name is longer than {MAX_NAME} characters; shorten it.")
        with self._db.transaction() as session:
            repo.set_setting(session, REVIEWER, name)

    @property
    def organisation(self) -> str | None:
        """The publishing organisation named as ClaimReview's author, if set."""
        with self._db.transaction() as session:
            return repo.get_setting(session, ORGANISATION) or None

    def set_organisation(self, name: str) -> None:
        name = " ".join(name.split())
        if len(name) > MAX_NAME:
            raise UserError(f"The organisation is longer than {MAX_NAME} characters; shorten it.")
        with self._db.transaction() as session:
            repo.set_setting(session, ORGANISATION, name)
