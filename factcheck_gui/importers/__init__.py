"""Readers that turn files into article drafts, one small module per format.

Importing this package registers every format (see ``registry``).
"""

from factcheck_gui.importers import html, markdown, plaintext, structured  # noqa: F401
from factcheck_gui.importers.registry import FORMATS, format_for, known_endings

__all__ = ["FORMATS", "format_for", "known_endings"]
