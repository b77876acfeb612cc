"""Figures in the window: the editor's figure fields and measure box, the comparison dock
(a conflict between two panes, a click that scrolls the other pane), suggestions by key."""

from __future__ import annotations

from PySide6.QtCore import Qt

from factcheck_gui.domain.model import Kind
from factcheck_gui.ui.dialogs import dialogs
from tests.ui.conftest import compared, stored, tag

MEASURE = "Russian reservists called up"


def set_measure(qtbot, window, name: str) -> None:  # noqa: ANN001
    box = window.annotations.editor.measure
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, name)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def figure_row(window, article_id: int):  # noqa: ANN001, ANN201
    model = window.comparing.panel.model
    group = model.index(0, 0)
    for row in range(model.rowCount(group)):
        index = model.index(row, 1, group)
        if model.figure_at(index).article_id == article_id:
            return index
    raise AssertionError(f"no figure of article {article_id} in the first measure")


def test_two_panes_in_conflict_and_a_click_scrolls_to_the_figure(window, qtbot) -> None:  # noqa: ANN001
    left, right = window.panes.panes[0].view, window.panes.panes[1].view
    tag(qtbot, left, "300,000 reservists", Qt.Key.Key_F)
    set_measure(qtbot, window, MEASURE)
    tag(qtbot, right, "up to 180,000", Qt.Key.Key_F)
    set_measure(qtbot, window, MEASURE)

    (first,) = stored(window, 1)
    (second,) = stored(window, 2)
    assert first.measure == second.measure == MEASURE
    assert (first.low, first.high) == (250_000, 350_000)
    assert (second.low, second.high) == (None, 180_000)

    compared(qtbot, window)
    panel = window.comparing.panel
    group = panel.model.group_at(panel.model.index(0, 0))
    assert group.measure == MEASURE and group.status == "conflict"
    assert panel.model.index(0, 1).data().startswith("Conflict · 2 figures")
    assert panel.summary.text() == "1 measure, 1 in conflict"

    left.verticalScrollBar().setValue(0)
    window.panes.set_current(window.panes.panes[1])
    span_visible = lambda: left.viewport().rect().contains(left.cursorRect().center())  # noqa: E731
    assert left.verticalScrollBar().maximum() > 0, "the pane is too tall for the test"
    panel.tree.expand(panel.model.index(0, 0))
    index = figure_row(window, 1)
    qtbot.mouseClick(
        panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=panel.tree.visualRect(index).center()
    )
    assert window.panes.current is window.panes.panes[0]
    assert window.selected == first.id
    assert left.verticalScrollBar().value() > 0 and span_visible()
    assert left.extraSelections(), "the span flashes"


def test_the_pane_follows_edits_and_undo(window, qtbot) -> None:  # noqa: ANN001
    left, right = window.panes.panes[0].view, window.panes.panes[1].view
    tag(qtbot, left, "300,000 reservists", Qt.Key.Key_F)
    set_measure(qtbot, window, MEASURE)
    tag(qtbot, right, "up to 180,000", Qt.Key.Key_F)
    set_measure(qtbot, window, MEASURE)
    model = window.comparing.panel.model
    value = window.annotations.editor.value  # the second figure is selected: say 300,000
    value.setFocus()
    value.selectAll()
    qtbot.keyClicks(value, "300,000")
    qtbot.keyClick(value, Qt.Key.Key_Return)
    compared(qtbot, window)
    assert model.group_at(model.index(0, 0)).status == "consistent"
    window.undo_action.trigger()
    compared(qtbot, window)
    assert model.group_at(model.index(0, 0)).status == "conflict"
    window.comparing.panel.conflicts_only.setChecked(True)
    assert model.rowCount() == 1
    window.undo_action.trigger()  # the measure of the second figure goes
    compared(qtbot, window)
    assert model.group_at(model.index(0, 0)) is None or model.rowCount() == 0


def test_a_bad_number_is_refused_with_a_message_and_nothing_changes(window, qtbot) -> None:  # noqa: ANN001
    tag(qtbot, window.panes.panes[0].view, "300,000 reservists", Qt.Key.Key_F)
    (before,) = stored(window, 1)
    for field, text, message in (
        ("value", "lots", "Cannot edit: value should be a number, such as 280,000 or 1.5 million."),
        ("as_of", "last May", "Cannot edit: the as-of date should look like 2023-09-04."),
    ):
        line = getattr(window.annotations.editor, field)
        line.setFocus()
        line.selectAll()
        qtbot.keyClicks(line, text)
        qtbot.keyClick(line, Qt.Key.Key_Return)
        assert window.statusBar().currentMessage() == message
        assert stored(window, 1) == [before]
        assert line.text() == ("300,000" if field == "value" else "")


def test_typed_hedge_recomputes_the_interval(window, qtbot) -> None:  # noqa: ANN001
    tag(qtbot, window.panes.panes[0].view, "300,000 reservists", Qt.Key.Key_F)
    hedge = window.annotations.editor.hedge.lineEdit()
    hedge.setFocus()
    qtbot.keyClicks(hedge, "about")
    qtbot.keyClick(hedge, Qt.Key.Key_Return)
    (figure,) = stored(window, 1)
    assert (figure.hedge, figure.low, figure.high) == ("about", 250_000, 350_000)
    assert window.annotations.editor.low.text() == "250,000"


def test_the_proposed_measure_is_one_click_away(window, qtbot) -> None:  # noqa: ANN001
    left, right = window.panes.panes[0].view, window.panes.panes[1].view
    tag(qtbot, left, "at least 6 million migrants", Qt.Key.Key_F)
    set_measure(qtbot, window, "Central Asian migrants in Russia")
    tag(qtbot, right, "at least 6 million migrants", Qt.Key.Key_F)
    proposal = window.annotations.editor.proposal
    assert proposal.isVisible()
    assert proposal.text() == "Use proposed: Central Asian migrants in Russia"
    qtbot.mouseClick(proposal, Qt.MouseButton.LeftButton)
    assert stored(window, 2)[0].measure == "Central Asian migrants in Russia"
    assert not proposal.isVisible()
    completions = window.annotations.editor.measure_names.stringList()
    assert completions == ["Central Asian migrants in Russia"]


def test_rename_and_merge_from_the_dock(window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    left, right = window.panes.panes[0].view, window.panes.panes[1].view
    tag(qtbot, left, "300,000 reservists", Qt.Key.Key_F)
    set_measure(qtbot, window, "Reservists")
    tag(qtbot, right, "up to 180,000", Qt.Key.Key_F)
    set_measure(qtbot, window, "Injuries")
    answers = iter(["Reservists mobilised", "Reservists mobilised"])
    monkeypatch.setattr(dialogs, "ask_measure_name", lambda **_kw: next(answers))
    window.comparing.rename("Reservists")
    assert sorted(window.services.measures.names()) == ["Injuries", "Reservists mobilised"]
    window.comparing.merge(["Injuries"])
    assert window.services.measures.names() == ["Reservists mobilised"]
    model = window.comparing.panel.model
    assert model.rowCount() == 1 and model.index(0, 0).data() == "Reservists mobilised"
    window.undo_action.trigger()
    assert sorted(window.services.measures.names()) == ["Injuries", "Reservists mobilised"]
    monkeypatch.setattr(dialogs, "ask_measure_name", lambda **_kw: "Injuries")
    window.comparing.rename("Reservists mobilised")
    assert window.statusBar().currentMessage() == (
        "A measure called “Injuries” already exists; merge the two instead."
    )
    monkeypatch.setattr(dialogs, "ask_measure_name", lambda **_kw: "   ")
    window.comparing.rename("Injuries")
    assert window.statusBar().currentMessage() == "A measure needs a name; type one."
    window.comparing.merge(["Injuries"])
    assert window.statusBar().currentMessage() == "Merge into which measure? Type or pick a name."
    assert sorted(window.services.measures.names()) == ["Injuries", "Reservists mobilised"]


def test_suggestions_by_key(window, qtbot) -> None:  # noqa: ANN001
    window.panes.set_current(window.panes.panes[1])  # article 2
    qtbot.keyClick(window.panes.panes[1].view, Qt.Key.Key_S)
    table = window.suggestion_panel.table
    assert window.suggestion_dock.isVisible() and table.hasFocus()
    words = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert words[:2] == ["at least 6 million migrants", "nearing 300,000"]
    assert not [w for w in words if "2024" in w or "Sept" in w]
    table.setCurrentCell(1, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    (figure,) = stored(window, 2)
    assert (figure.kind, figure.quote, figure.value) == (Kind.FIGURE, "nearing 300,000", 300_000)
    assert window.selected == figure.id
    assert table.item(1, 0).text() == "as many as 120,000"  # the next one is current
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # dismissed, not the annotation deleted
    assert stored(window, 2) == [figure]
    remaining = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "as many as 120,000" not in remaining and len(remaining) == len(words) - 2
    assert window.services.suggestions.dismissed_count(2) == 1
    qtbot.mouseClick(window.suggestion_panel.restore_button, Qt.MouseButton.LeftButton)
    assert table.rowCount() == len(words) - 1


def test_the_garbled_rate_is_flagged_and_a_click_shows_it(window, qtbot) -> None:  # noqa: ANN001
    rates = window.comparing.rates
    assert [(r.article_id, r.rate.flagged) for r in rates.rates] == [(2, True), (2, False)]
    assert rates.table.item(0, 3).text().startswith("✕ implies 8.75 RUB per USD")
    assert rates.table.item(1, 3).text() == "agrees"
    window.panes.set_current(window.panes.panes[0])
    view = window.panes.panes[1].view
    view.verticalScrollBar().setValue(0)
    rates.table.cellClicked.emit(0, 1)
    assert window.panes.current is window.panes.panes[1]
    assert view.viewport().rect().contains(view.cursorRect().center())


def test_a_first_start_shows_the_conflict_at_once(open_window) -> None:  # noqa: ANN001
    window = open_window(annotated=True)
    panel = window.comparing.panel
    first = panel.model.group_at(panel.model.index(0, 0))
    assert first.measure.startswith("Russian military casualties") and first.status == "conflict"
    assert panel.tree.isExpanded(panel.model.index(0, 0))
    assert panel.line.group == first
    assert window.comparison_dock.isVisible()


def test_the_model_stays_sorted_and_sound_as_statuses_change(qtmodeltester, data_dir) -> None:  # noqa: ANN001
    """Measures move when their status changes, an open measure's rows follow its figures;
    the model passes Qt's own model checks."""
    from factcheck_gui.services.comparison import compare, sort_key
    from factcheck_gui.services.kept_comparison import Comparison
    from factcheck_gui.services.workspace import open_workspace
    from factcheck_gui.ui.comparison.model import ComparisonModel

    ws = open_workspace(data_dir)  # with our annotations of the samples: 7 measures
    try:
        comparison = Comparison(ws.db)
        comparison.load()
        model = ComparisonModel(comparison)
        model.reset()
        qtmodeltester.check(model)
        migrants = next(n for n in comparison.summaries if n.startswith("Central"))
        model.open(migrants)
        figures = comparison.group(migrants).figures
        first = figures[0].annotation_id

        def apply(changes) -> None:  # noqa: ANN001
            model.update(comparison.refresh(changes))
            expected = sorted(compare(ws.db), key=sort_key)
            assert model.names() == [g.measure for g in expected]
            row = model.row_of(migrants)
            group = next(g for g in expected if g.measure == migrants)
            assert model.rowCount(model.index(row, 0)) == len(group.figures)
            shown = [
                model.figure_at(model.index(i, 0, model.index(row, 0)))
                for i in range(len(group.figures))
            ]
            assert shown == list(group.figures)
            qtmodeltester.check(model)

        apply(ws.annotations.update(first, {"high": 7_000_000, "low": 6_500_000}))
        apply(ws.annotations.update(figures[1].annotation_id, {"low": 8_000_000}))
        assert model.name_at(model.index(0, 0)) == migrants  # moved to the top
        apply(ws.annotations.update(figures[1].annotation_id, {"low": 6_000_000}))
        removal, changes = ws.annotations.delete(first)
        apply(changes)
        apply(ws.annotations.restore(removal))
        model.conflicts_only = True
        model.reset()
        assert [comparison.summaries[n].status for n in model.names()] == ["conflict"]
    finally:
        ws.close()


def test_a_measure_stays_open_when_its_figures_change(open_window, qtbot) -> None:  # noqa: ANN001
    window = open_window(annotated=True)
    panel = window.comparing.panel
    group = panel.model.group_at(panel.model.index(0, 0))
    millions = next(f for f in group.figures if f.quote == "millions of soldiers")
    window.go_to_figure(millions.annotation_id, millions.article_id)
    window.editing.delete_selected()
    compared(qtbot, window)
    top = panel.model.index(0, 0)
    assert panel.model.rowCount(top) == 3 and panel.tree.isExpanded(top)
    window.undo_action.trigger()
    compared(qtbot, window)
    assert panel.model.rowCount(top) == 4 and panel.tree.isExpanded(top)


def test_an_upside_down_interval_is_refused(window, qtbot) -> None:  # noqa: ANN001
    tag(qtbot, window.panes.panes[0].view, "300,000 reservists", Qt.Key.Key_F)
    (before,) = stored(window, 1)
    low = window.annotations.editor.low
    low.setFocus()
    low.selectAll()
    qtbot.keyClicks(low, "400,000")
    qtbot.keyClick(low, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == (
        "Cannot edit: the interval's low end (400,000) is above its high end (350,000); "
        "swap them or leave one empty for an open end."
    )
    assert stored(window, 1) == [before]
    assert low.text() == "250,000"
