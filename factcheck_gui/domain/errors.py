"""Errors that reach the user as one line of text, never as a traceback."""


class UserError(Exception):
    """A problem the user can fix; ``str(error)`` says what is wrong and what to do."""


class NotFound(UserError):
    """Something the user named (an article, an annotation) does not exist."""
