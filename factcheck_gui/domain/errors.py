"""Errors that reach the user as one line of text, never as a traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix; ``str(error)`` says what is wrong and what to do."""


class NotFound(UserError):
    """Something the user named (an article, an annotation) does not exist."""


class StorageFailure(UserError):
    """The database did not take a change (or could not be read): locked by another program,
    a full disk, a read-only file, a disk error. Nothing of the failed transaction is stored.

    ``kind`` is one of ``locked``, ``full``, ``readonly``, ``io``, ``damaged`` or ``other``,
    so a window can offer Retry where retrying can help.
    """

    def __init__(self, message: str, *, kind: str) -> None:
        super().__init__(message)
        self.kind = kind

    @property
    def retryable(self) -> bool:
        return self.kind in ("locked", "full", "readonly", "io")


class Cancelled(Exception):
    """The user cancelled long work; whatever it was writing is rolled back."""
