"""The comparison's number line: names the measure and unit, labels lanes by quote, marks the
selected figure, moves by keyboard, and opens a figure's article without replacing a pane."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPainter

from factcheck_gui.ui.comparison.number_line import figure_label, paint_figures
from factcheck_gui.ui.comparison.number_scale import ZOOM


def casualties(window):  # noqa: ANN001, ANN201
    panel = window.comparing.panel
    group = panel.model.group_at(panel.model.index(0, 0))
    assert group.measure.startswith("Russian military casualties")
    return panel, group


def test_the_line_names_the_measure_and_labels_figures_by_quote(open_window) -> None:  # noqa: ANN001
    window = open_window(annotated=True)
    panel, group = casualties(window)
    line = panel.line
    assert line.accessibleName() == f"Number line: {group.measure} (people)"
    assert "zoomed to the closest conflict" in line.accessibleDescription()
    assert line.focusPolicy() & Qt.FocusPolicy.TabFocus
    same_article = [
        f for f in group.figures if f.quote in ("millions of soldiers", "about 500,000 soldiers")
    ]
    assert len({f.article_id for f in same_article}) == 1
    assert len({figure_label(f) for f in same_article}) == 2  # told apart by their quotes
    assert panel.scale.currentData() == "auto" and panel.scale.accessibleName()


def test_arrow_keys_move_the_selected_figure_and_the_table_follows(open_window, qtbot) -> None:  # noqa: ANN001
    window = open_window(annotated=True)
    panel, group = casualties(window)
    line = panel.line
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_Down)
    assert line.selected == group.figures[0].annotation_id
    assert panel.model.figure_at(panel.tree.currentIndex()) == group.figures[0]
    qtbot.keyClick(line, Qt.Key.Key_Down)
    qtbot.keyClick(line, Qt.Key.Key_End)
    assert line.selected == group.figures[-1].annotation_id
    assert "selected" in line.accessibleDescription()
    # choosing a row in the table marks it on the line
    panel.tree.setCurrentIndex(panel.figure_index(group.figures[1].annotation_id))
    assert line.selected == group.figures[1].annotation_id
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert window.selected == group.figures[1].annotation_id


def test_a_figure_of_an_article_not_open_gets_a_pane_of_its_own(open_window, qtbot) -> None:  # noqa: ANN001
    window = open_window(annotated=True)
    panel, group = casualties(window)
    reading = [p.article_id for p in window.panes.panes]
    figure = next(f for f in group.figures if f.article_id not in reading)
    panel.line.set_selected(None)
    lane = next(r for r, f in panel.line._lanes if f is figure or f == figure)
    qtbot.mouseClick(panel.line, Qt.MouseButton.LeftButton, pos=QPoint(20, int(lane.center().y())))
    assert [p.article_id for p in window.panes.panes] == [*reading, figure.article_id]
    assert window.panes.current is window.panes.panes[-1]
    assert window.selected == figure.annotation_id
    assert window.panes.current.view.context_actions  # the new pane tags like any other
    # once open, the same article is focused, not opened again
    window.panes.set_current(window.panes.panes[0])
    window.go_to_figure(figure.annotation_id, figure.article_id)
    assert len(window.panes.panes) == 3 and window.panes.current is window.panes.panes[-1]


def test_the_picture_draws_at_twice_the_scale_within_its_rect(open_window) -> None:  # noqa: ANN001
    window = open_window(annotated=True)
    _panel, group = casualties(window)
    image = QImage(1200, 400, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(2)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    from PySide6.QtCore import QRectF

    lanes = paint_figures(painter, QRectF(0, 0, 600, 200), group, labels=True, mode=ZOOM)
    painter.end()
    assert len(lanes) == len(group.figures)
    right_edge = [image.pixelColor(1199, y).rgb() for y in range(400)]
    assert set(right_edge) == {0xFFFFFFFF}, "nothing is drawn into the last pixel column"
