"""The comparison in the window: read off the GUI thread at start (the dock says so until
it fills), a measure's figures read when it is opened, an edit redrawing only its measure,
a note costing nothing, and edits in a row applied once."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt

from factcheck_gui.domain.commands import EditAnnotation
from factcheck_gui.services import kept_comparison
from factcheck_gui.services.workspace import open_workspace
from factcheck_gui.ui.comparison.dock import READING
from factcheck_gui.ui.window.launch import create_main_window
from factcheck_gui.ui.window.main_window import MainWindow
from tests.ui.conftest import compared

MIGRANTS = "Central Asian migrants in Russia"


def test_the_dock_fills_once_the_figures_are_read_on_another_thread(
    qtbot, data_dir, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    release = threading.Event()
    threads: list[threading.Thread] = []
    real = kept_comparison.read_snapshot

    def slow_read(*args: object, **kwargs: object) -> kept_comparison.Snapshot:
        threads.append(threading.current_thread())
        assert release.wait(10)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kept_comparison, "read_snapshot", slow_read)
    workspace = open_workspace(data_dir, sample_annotations=True)
    window = create_main_window(workspace)
    qtbot.addWidget(window)
    try:
        window.show()
        panel = window.comparing.panel
        qtbot.waitUntil(lambda: bool(threads))
        assert threads[0] is not threading.main_thread()
        assert panel.summary.text() == READING and panel.model.rowCount() == 0
        assert not window.comparing.ready
        release.set()
        qtbot.waitUntil(lambda: window.comparing.ready)
        assert panel.model.rowCount() == 7
        assert panel.summary.text() == "7 measures, 1 in conflict"
    finally:
        release.set()
        window.close()
        workspace.close()


def test_only_the_first_measure_is_open_and_others_are_read_when_opened(
    open_window: Callable[..., MainWindow],
) -> None:
    window = open_window(annotated=True)
    panel, model = window.comparing.panel, window.comparing.panel.model
    first, second = model.index(0, 0), model.index(1, 0)
    assert panel.tree.isExpanded(first) and model.rowCount(first) == 4
    expanded = [r for r in range(model.rowCount()) if panel.tree.isExpanded(model.index(r, 0))]
    assert expanded == [0]
    assert model.hasChildren(second) and model.rowCount(second) == 0  # not read yet
    count = model.summary_at(second).count
    panel.tree.expand(second)
    assert model.rowCount(second) == count
    figure = model.figure_at(model.index(0, 0, second))
    assert figure is not None and model.name_at(second) in window.comparing.comparison.summaries


def test_a_figure_edit_redraws_only_its_measure(
    open_window: Callable[..., MainWindow], qtbot
) -> None:  # noqa: ANN001
    window = open_window(annotated=True)
    comparing = window.comparing
    group = comparing.comparison.group(MIGRANTS)
    assert group is not None and group.status == "consistent"
    emitted: list[set[str]] = []
    comparing.updated.connect(emitted.append)
    figure = group.figures[1]
    window.editing.edit(figure.annotation_id, {"low": 1_000_000, "high": 2_000_000})
    compared(qtbot, window)
    assert emitted == [{MIGRANTS}]
    assert comparing.comparison.summaries[MIGRANTS].status == "conflict"
    model = comparing.panel.model
    row = model.row_of(MIGRANTS)
    assert model.index(row, 1).data().startswith("Conflict · ")


def test_typing_a_note_recomputes_nothing(
    open_window: Callable[..., MainWindow], qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    window = open_window(annotated=True)
    comparing = window.comparing
    figure = comparing.comparison.group(MIGRANTS).figures[0]
    window.go_to_figure(figure.annotation_id, figure.article_id)
    compared(qtbot, window)
    reads: list[str] = []
    for name in ("read_figures", "read_summaries", "read_measure_ids", "read_groups"):
        real = getattr(kept_comparison, name)

        def spy(*args: object, _real=real, _name=name, **kwargs: object) -> object:  # noqa: ANN001
            reads.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(kept_comparison, name, spy)
    refreshed: list[set[str]] = []
    real_refresh = comparing.comparison.refresh
    monkeypatch.setattr(
        comparing.comparison, "refresh", lambda c: refreshed.append(real_refresh(c)) or set()
    )
    emitted: list[set[str]] = []
    comparing.updated.connect(emitted.append)
    note = window.annotations.editor.note
    note.setFocus()
    qtbot.keyClicks(note, "TASS and RIA agree")
    compared(qtbot, window)
    assert window.services.annotations.get_annotation(figure.annotation_id).note.endswith("agree")
    assert reads == [] and emitted == []
    assert refreshed == [set()], "the keystrokes were gathered into one refresh, which did nothing"


def test_edits_in_a_row_are_applied_once(
    open_window: Callable[..., MainWindow], qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    window = open_window(annotated=True)
    comparing = window.comparing
    figures = comparing.comparison.group(MIGRANTS).figures
    calls: list[object] = []
    real_refresh = comparing.comparison.refresh

    def counting(changes):  # noqa: ANN001, ANN202
        calls.append(changes)
        return real_refresh(changes)

    monkeypatch.setattr(comparing.comparison, "refresh", counting)
    annotations = window.services.annotations
    for step, value in enumerate((7e6, 8e6, 9e6, 1e7, 2e7)):
        target = figures[step % len(figures)].annotation_id
        window.context.run(EditAnnotation(annotations, target, {"value": value}))
    assert calls == []  # nothing yet: the edits are gathered while they come
    compared(qtbot, window)
    assert len(calls) == 1
    fresh = comparing.comparison.group(MIGRANTS)
    assert {f.value for f in fresh.figures} >= {1e7, 2e7}
    assert comparing.comparison.summaries[MIGRANTS].status == fresh.status


def test_a_figure_chosen_in_a_pane_opens_its_measure_in_the_dock(
    open_window: Callable[..., MainWindow],
) -> None:
    window = open_window(annotated=True)
    panel = window.comparing.panel
    group = window.comparing.comparison.group(MIGRANTS)
    figure = group.figures[0]
    window.go_to_figure(figure.annotation_id, figure.article_id)
    assert panel.model.figure_at(panel.tree.currentIndex()) == figure
    assert panel.line.group is not None and panel.line.group.measure == MIGRANTS
    assert panel.line.selected == figure.annotation_id
    assert panel.tree.currentIndex().parent().data(Qt.ItemDataRole.DisplayRole) == MIGRANTS


def test_the_pictures_of_rows_on_screen_are_read_in_the_background(
    qtbot, data_dir, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    """Only the first measure's figures come with the summaries; the small number lines of
    the other rows on screen are read off the GUI thread once they are drawn."""
    from factcheck_gui.ui.comparison import loader

    monkeypatch.setattr(loader, "FIRST_GROUPS", 1)
    read_on: list[threading.Thread] = []
    sizes: list[int] = []  # measures read at each call
    real = kept_comparison.read_groups

    def spy(*args: object, **kwargs: object) -> object:
        read_on.append(threading.current_thread())
        sizes.append(len(list(args[1])))  # type: ignore[call-overload]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kept_comparison, "read_groups", spy)
    workspace = open_workspace(data_dir, sample_annotations=True)
    window = create_main_window(workspace)
    qtbot.addWidget(window)
    try:
        window.show()
        comparing = window.comparing
        qtbot.waitUntil(lambda: comparing.ready)
        panel, model = comparing.panel, comparing.panel.model
        panel.tree.collapse(model.index(0, 0))
        bar = panel.tree.horizontalScrollBar()
        bar.setValue(bar.maximum())  # the pictures' column in view
        qtbot.wait(50)  # (the tree lays its rows out)
        area = panel.tree.viewport().rect()
        on_screen = [
            model.name_at(model.index(row, 0))
            for row in range(model.rowCount())
            if panel.tree.visualRect(model.index(row, 3)).intersects(area)
        ]
        # (the rows drawn when the window first showed may have been read already)
        assert len(on_screen) > 1
        panel.tree.viewport().repaint()
        qtbot.waitUntil(lambda: all(comparing.comparison.cached(n) for n in on_screen))
        assert read_on and all(t is not threading.main_thread() for t in read_on)
        assert sizes[0] == 1, "the summaries come with the first measure's figures only"
        assert not model.wanted
    finally:
        window.close()
        workspace.close()
