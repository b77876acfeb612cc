"""Writers of annotation sets, one small module per format.

Importing this package registers every format (see ``registry``).
"""

from factcheck_gui.exporters import claimreview, csv_table, native_json, w3c  # noqa: F401
from factcheck_gui.exporters.registry import EXPORTERS, ExportFormat, ExportSet

__all__ = ["EXPORTERS", "ExportFormat", "ExportSet", "format_for_path"]


def format_for_path(name: str) -> ExportFormat | None:
    """The format a file name's ending implies (``.json`` native, ``.csv``, ``.jsonld`` W3C)."""
    lowered = name.lower()
    for fmt in EXPORTERS.values():
        if fmt.endings and lowered.endswith(fmt.endings):
            return fmt
    return None
