"""Why one file could not be imported: one line, saying what is wrong and what to do."""


class ImportProblem(Exception):
    """A file (or archive entry) that cannot be imported; nothing from it is stored."""
