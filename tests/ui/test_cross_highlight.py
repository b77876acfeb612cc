"""Cross-highlighting: a measure chosen in the comparison marks its figures in every open
pane and scrolls each pane to its figure; a figure chosen in a pane shows its siblings."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat

from factcheck_gui.ui.window.main_window import MainWindow
from tests.ui.conftest import compared


def casualty_window(open_window) -> tuple[MainWindow, object]:  # noqa: ANN001
    window = open_window(annotated=True)
    panel = window.comparing.panel
    group = panel.model.group_at(panel.model.index(0, 0))
    assert group.measure.startswith("Russian military casualties")
    for article_id in dict.fromkeys(f.article_id for f in group.figures):
        if not window.panes.showing(article_id):
            window.open_article(article_id)
    return window, group


def visible(pane, annotation) -> bool:  # noqa: ANN001
    view = pane.view
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_utf16(annotation.start))
    return view.viewport().rect().contains(view.cursorRect(cursor).center())


def overlined(pane, annotation) -> bool:  # noqa: ANN001
    view = pane.view
    view.highlighter.rehighlight()
    block = view.document().findBlock(view.offsets.to_utf16(annotation.start))
    offset = view.offsets.to_utf16(annotation.start) - block.position()
    layout = block.layout()
    for fmt_range in layout.formats():
        if fmt_range.start <= offset < fmt_range.start + fmt_range.length:
            return QTextCharFormat(fmt_range.format).fontOverline()
    raise AssertionError("the figure has no format")


def test_choosing_a_measure_marks_and_scrolls_every_pane(open_window) -> None:  # noqa: ANN001
    window, group = casualty_window(open_window)
    ids = {f.annotation_id for f in group.figures}
    panes = [p for p in window.panes.panes if ids & set(p.view.notes)]
    assert len(panes) >= 3
    for pane in window.panes.panes:
        pane.view.verticalScrollBar().setValue(pane.view.verticalScrollBar().maximum())
    panel = window.comparing.panel
    panel.tree.setCurrentIndex(panel.model.index(1, 0))  # another measure first
    panel.tree.setCurrentIndex(panel.model.index(0, 0))  # then the conflict
    assert window.cross.measure == group.measure
    for pane in panes:
        mine = [pane.view.notes[i] for i in ids if i in pane.view.notes]
        assert pane.view.highlighter.siblings == {a.id for a in mine}
        assert visible(pane, min(mine, key=lambda a: a.start)), pane.article.title
        assert overlined(pane, mine[0]), "a second cue besides colour"
    assert "marked in" in window.statusBar().currentMessage()


def test_choosing_a_figure_in_a_pane_shows_its_siblings(open_window) -> None:  # noqa: ANN001
    window, group = casualty_window(open_window)
    panel = window.comparing.panel
    panel.tree.setCurrentIndex(panel.model.index(1, 0))  # the comparison shows another measure
    other = panel.model.group_at(panel.model.index(1, 0))
    assert window.cross.measure == other.measure
    figure = group.figures[0]
    owner = window.panes.showing(figure.article_id)[0]
    window.panes.set_current(owner)
    window.select_annotation(figure.annotation_id)
    assert window.cross.measure == group.measure
    assert panel.model.figure_at(panel.tree.currentIndex()) == figure
    assert panel.line.selected == figure.annotation_id
    for pane in window.panes.panes:
        expected = {f.annotation_id for f in group.figures} & set(pane.view.notes)
        assert pane.view.highlighter.siblings == expected


def test_a_deleted_sibling_loses_its_mark_and_undo_brings_it_back(open_window, qtbot) -> None:  # noqa: ANN001
    window, group = casualty_window(open_window)
    figure = group.figures[0]
    window.select_annotation(figure.annotation_id)
    owner = window.panes.showing(figure.article_id)[0]
    assert figure.annotation_id in owner.view.highlighter.siblings
    window.editing.delete_selected()  # (the table then selects the next row: its measure shows)
    compared(qtbot, window)  # the comparison takes edits once they pause
    window.cross.show_measure(group.measure)
    assert figure.annotation_id not in owner.view.highlighter.siblings
    window.undo_action.trigger()
    compared(qtbot, window)
    assert window.cross.measure == group.measure
    assert figure.annotation_id in owner.view.highlighter.siblings
