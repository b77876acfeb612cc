"""Small screens: at 1280×720 most of the window goes to the text, pane headers are two short
lines, the annotation table shows rows, and the editor fits its dock without widening it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from factcheck_gui.domain.model import Kind


def at_size(window, width: int, height: int) -> None:  # noqa: ANN001
    window.resize(width, height)
    for _ in range(3):
        QApplication.processEvents()


def test_at_1280_by_720_the_panes_get_most_of_the_window(window) -> None:  # noqa: ANN001
    at_size(window, 1280, 720)
    panes = window.panes.panes
    assert len(panes) == 2
    assert all(p.width() >= 300 for p in panes), [p.width() for p in panes]
    assert window.panes.width() >= 0.5 * window.width()
    for pane in panes:
        line = pane.fontMetrics().height()
        header = pane.view.geometry().top()
        assert header <= 3 * line + 12, "the header is two short lines"
        assert pane.view.viewport().height() >= 16 * pane.view.fontMetrics().height()
    table = window.annotations.table
    assert table.viewport().height() >= 5 * table.verticalHeader().defaultSectionSize()


def test_a_long_title_is_cut_to_one_line_and_whole_in_its_tooltip(window) -> None:  # noqa: ANN001
    at_size(window, 1280, 720)
    pane = window.panes.panes[0]
    title = pane.article.title
    assert pane.title.text() == title
    assert pane.title.elided() != title and pane.title.elided().endswith("…")
    assert title in pane.title.toolTip()
    assert pane.title.height() <= pane.title.fontMetrics().height() + 4


def test_the_editor_fits_its_dock_and_choosing_a_figure_never_widens_it(open_window) -> None:  # noqa: ANN001
    window = open_window(annotated=True)
    at_size(window, 1280, 720)
    notes = window.panes.panes[0].view.notes.values()
    figure = next(a for a in notes if a.kind is Kind.FIGURE)
    other = next(a for a in notes if a.kind is not Kind.FIGURE)
    window.select_annotation(other.id)
    QApplication.processEvents()
    dock_width, pane_widths = window.annotation_dock.width(), window.panes.sizes()
    window.select_annotation(figure.id, reveal=True)
    for _ in range(3):
        QApplication.processEvents()
    editor, scroll = window.annotations.editor, window.annotations.editor_scroll
    assert editor.value.isVisible(), "the figure's fields are shown"
    assert window.annotation_dock.width() == dock_width
    assert window.panes.sizes() == pane_widths
    assert editor.minimumSizeHint().width() <= scroll.viewport().width()
    assert not scroll.horizontalScrollBar().isVisible()


def test_a_narrow_library_keeps_its_titles(window) -> None:  # noqa: ANN001
    at_size(window, 1280, 720)
    library = window.library
    assert library.tree.columnWidth(0) >= 80
