"""Help → Keyboard shortcuts and Help → About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from factcheck_gui import __version__
from factcheck_gui.ui.dialogs import dialogs


def show_shortcuts(*, parent: QWidget) -> None:
    """Every action of ``parent`` (the window) that has a key, with its key."""
    native = QKeySequence.SequenceFormat.NativeText
    lines = [
        f"{a.shortcut().toString(native):>14}   {a.text().replace('&', '')}"
        for a in parent.actions()
        if not a.shortcut().isEmpty()
    ]
    dialogs.inform(parent=parent, title="Keyboard shortcuts", text="\n".join(lines))


def show_about(*, parent: QWidget, data_dir: Path | None) -> None:
    dialogs.inform(
        parent=parent,
        title="About factcheck-gui",
        text=f"factcheck-gui {__version__}\nCompare what several articles claim, "
        f"and where their numbers disagree.\nData: {data_dir}",
    )
