"""Preferences kept in the database, so the CLI and the GUI agree on them."""

from __future__ import annotations

import getpass

from factcheck_gui.domain.errors import UserError
from factcheck_gui.domain.review_urls import clean_pattern, clean_url
from factcheck_gui.storage import repository as repo
from factcheck_gui.storage.database import KEEP_SETTING, Database

REVIEWER = "reviewer"
ORGANISATION = "organisation"
ORGANISATION_URL = "organisation_url"  # ClaimReview's author's url
REVIEW_URL_PATTERN = "review_url_pattern"  # where each published review lives, with {id}
MAX_NAME = 200
MAX_BACKUPS = 1000


def login_name() -> str | None:
    """The login name, None when the system has none to give."""
    try:
        return getpass.getuser() or None
    except (OSError, KeyError, ImportError):  # no passwd entry (a container), no pwd module
        return None


def os_user_name() -> str:
    return login_name() or "reviewer"


class Preferences:
    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def reviewer(self) -> str:
        """The name stored on new annotations: set in Preferences, else the OS user name."""
        with self._db.transaction() as session:
            return repo.get_setting(session, REVIEWER) or os_user_name()

    @property
    def reviewer_chosen(self) -> bool:
        """Whether a reviewer name was ever stored (the window asks once, on a first start)."""
        with self._db.transaction() as session:
            return repo.get_setting(session, REVIEWER) is not None

    def set_reviewer(self, name: str) -> None:
        with self._db.transaction() as session:
            repo.set_setting(session, REVIEWER, _reviewer(name))

    def set_all(
        self,
        *,
        reviewer: str,
        organisation: str,
        backups_kept: int,
        organisation_url: str | None = None,
        review_url_pattern: str | None = None,
    ) -> None:
        """The Preferences dialog's answers, stored together or not at all (the two
        addresses are left as they are when not given)."""
        if not 1 <= backups_kept <= MAX_BACKUPS:
            raise UserError(f"Keep between 1 and {MAX_BACKUPS} backups, not {backups_kept}.")
        values = {
            REVIEWER: _reviewer(reviewer),
            ORGANISATION: _organisation(organisation),
            KEEP_SETTING: str(backups_kept),
        }
        if organisation_url is not None or review_url_pattern is not None:
            values |= _addresses(
                values[ORGANISATION],
                self.organisation_url if organisation_url is None else organisation_url,
                self.review_url_pattern if review_url_pattern is None else review_url_pattern,
            )
        with self._db.transaction() as session:
            for key, value in values.items():
                repo.set_setting(session, key, value)

    @property
    def organisation(self) -> str | None:
        """The publishing organisation named as ClaimReview's author, if set."""
        with self._db.transaction() as session:
            return repo.get_setting(session, ORGANISATION) or None

    def set_organisation(self, name: str) -> None:
        with self._db.transaction() as session:
            repo.set_setting(session, ORGANISATION, _organisation(name))

    @property
    def organisation_url(self) -> str | None:
        """The organisation's web address (ClaimReview's author's url), if set."""
        with self._db.transaction() as session:
            return repo.get_setting(session, ORGANISATION_URL) or None

    @property
    def review_url_pattern(self) -> str | None:
        """Where each published review lives, ``{id}`` standing for the review's id."""
        with self._db.transaction() as session:
            return repo.get_setting(session, REVIEW_URL_PATTERN) or None

    def set_publishing(self, *, organisation_url: str, review_url_pattern: str) -> None:
        """The organisation's address and the review URL pattern (either may be empty)."""
        values = _addresses(self.organisation or "", organisation_url, review_url_pattern)
        with self._db.transaction() as session:
            for key, value in values.items():
                repo.set_setting(session, key, value)


def _reviewer(name: str) -> str:
    name = " ".join(name.split())
    if len(name) > MAX_NAME:
        raise UserError(f"The reviewer name is longer than {MAX_NAME} characters; shorten it.")
    return name


def _addresses(organisation: str, url: str | None, pattern: str | None) -> dict[str, str]:
    try:
        clean = {
            ORGANISATION_URL: clean_url(url, "the organisation's web address") or "",
            REVIEW_URL_PATTERN: clean_pattern(pattern) or "",
        }
    except ValueError as error:
        raise UserError(f"Cannot save the preferences: {error}.") from None
    if clean[ORGANISATION_URL] and not organisation:
        raise UserError(
            "Cannot save the preferences: the organisation's web address needs the "
            "organisation's name beside it."
        )
    return clean


def _organisation(name: str) -> str:
    name = " ".join(name.split())
    if len(name) > MAX_NAME:
        raise UserError(f"The organisation is longer than {MAX_NAME} characters; shorten it.")
    return name
