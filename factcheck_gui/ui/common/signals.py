"""Small Qt helpers shared by the widgets."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import QObject


@contextlib.contextmanager
def signals_blocked(*objects: QObject) -> Iterator[None]:
    """Update widgets from the model without their signals echoing the change back."""
    previous = [o.blockSignals(True) for o in objects]
    try:
        yield
    finally:
        for obj, was in zip(objects, previous, strict=True):
            obj.blockSignals(was)
