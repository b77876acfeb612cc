"""A figure whose words hold no number says so in the editor instead of showing a value."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import tag


def test_the_editor_warns_when_no_number_was_read(window, qtbot) -> None:  # noqa: ANN001
    left = window.panes.panes[0].view
    editor = window.annotations.editor
    tag(qtbot, left, "reservists", Qt.Key.Key_F)
    assert not editor.no_number.isHidden() and editor.value.text() == ""
    tag(qtbot, left, "300,000 reservists", Qt.Key.Key_F)
    assert editor.no_number.isHidden() and editor.value.text() == "300,000"
