"""The library, panes, layout memory, preferences, models and the screenshot."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent, QImage

from factcheck_gui import __version__
from factcheck_gui.cli import main
from factcheck_gui.domain.model import Kind, Verdict
from factcheck_gui.ui.annotations.table import AnnotationFilter
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.panes.article_view import article_mime
from tests.ui.conftest import stored, tag


def library_index(window, article_id: int):  # noqa: ANN001, ANN201
    return window.library.model.index_of(article_id)


def test_first_start_shows_the_sample_batch_with_two_articles_side_by_side(window) -> None:  # noqa: ANN001
    model = window.library.model
    assert model.rowCount() == 1 and model.rowCount(model.index(0, 0)) == 5
    assert [p.article_id for p in window.panes.panes] == [1, 2]
    assert window.panes.panes[0].title.text().startswith("Russia Accused of Recruiting")
    assert "Tempo.co" in window.panes.panes[0].details.text()
    assert "2023-09-04" in window.panes.panes[1].details.text()


def test_double_click_opens_an_article_in_a_new_pane_then_focuses_it(window, qtbot) -> None:  # noqa: ANN001
    tree = window.library.tree
    index = library_index(window, 4)
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    # A real double-click is a click then a double-click event; the view wants both.
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [p.article_id for p in window.panes.panes] == [1, 2, 4]
    assert window.panes.current.article_id == 4
    window.open_article(1)  # already open: no new pane, its pane becomes current
    assert len(window.panes.panes) == 3 and window.panes.current.article_id == 1


def test_the_library_filter_narrows_the_articles(window, qtbot) -> None:  # noqa: ANN001
    qtbot.keyClicks(window.library.filter, "newsweek")
    model = window.library.model
    qtbot.waitUntil(lambda: model.filter_text == "newsweek" and not window.library.busy)
    batch = model.index(0, 0)
    assert model.rowCount(batch) == 1
    assert (
        model.index(0, 0, batch).data()
        == "Russia Steps Up New Plan To Bolster Troops After Heavy Losses: U.K."
    )


def drop(view, data: QMimeData) -> None:  # noqa: ANN001
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        data,  # the event does not own its data: the caller keeps it alive
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)


def test_dropping_an_article_on_a_pane_opens_it_there(window) -> None:  # noqa: ANN001
    pane = window.panes.panes[1]
    dragged, other = article_mime(5), QMimeData()
    drop(pane.view, dragged)
    assert pane.article_id == 5
    drop(pane.view, other)
    assert pane.article_id == 5


def test_panes_can_be_added_and_closed_with_keys(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert len(window.panes.panes) == 3 and window.panes.current.article is None
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert len(window.panes.panes) == 2


def test_counts_follow_tagging(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    tag(qtbot, view, "Tempo.co", Qt.Key.Key_A)
    index = window.library.model.index_of(1)
    count = window.library.model.index(index.row(), 3, index.parent()).data()
    assert count == 1


def test_the_layout_and_open_articles_come_back(open_window, qtbot) -> None:  # noqa: ANN001
    window = open_window()
    window.new_pane()
    window.open_article(5, window.panes.panes[2])
    window.library_dock.hide()
    window.resize(761, 557)  # inside the offscreen platform's 800x600 screen
    window.close()
    window.services.close()

    again = open_window()
    assert [p.article_id for p in again.panes.panes] == [1, 2, 5]
    assert not again.library_dock.isVisible()
    # The offscreen platform adds its own frame margins; a real window manager restores exactly.
    assert abs(again.width() - 761) <= 16 and abs(again.height() - 557) <= 16


def test_the_annotation_list_filters_by_kind_and_verdict(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    for quote, key in (("at least 6 million", Qt.Key.Key_F), ("Medvedev said", Qt.Key.Key_A)):
        tag(qtbot, view, quote, key)
    qtbot.keyClick(view, Qt.Key.Key_4)  # the attribution: inaccurate
    panel = window.annotations
    assert panel.proxy.rowCount() == 2
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData(Kind.FIGURE))
    assert panel.proxy.rowCount() == 1
    assert panel.proxy.index(0, 2).data() == "at least 6 million"
    panel.kind_filter.setCurrentIndex(0)
    panel.verdict_filter.setCurrentIndex(panel.verdict_filter.findData(Verdict.INACCURATE))
    assert panel.proxy.rowCount() == 1 and panel.proxy.index(0, 2).data() == "Medvedev said"


def test_an_attribution_gets_its_speaker_and_target_from_the_editor(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    tag(qtbot, view, "about 280,000 people", Qt.Key.Key_F)
    tag(qtbot, view, "Dmitry Medvedev", Qt.Key.Key_A)
    editor = window.annotations.editor
    assert editor.speaker.isVisibleTo(editor)
    editor.speaker.setFocus()
    qtbot.keyClicks(editor.speaker, "Dmitry Medvedev")
    qtbot.keyClick(editor.speaker, Qt.Key.Key_Return)
    editor.target.setCurrentIndex(1)
    editor.target.activated.emit(1)
    figure, attribution = sorted(stored(window, 1), key=lambda a: a.kind.value != "figure")
    assert attribution.speaker == "Dmitry Medvedev"
    assert attribution.target_id == figure.id


def test_preferences_set_the_reviewer_stored_on_new_annotations(window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(
        dialogs,
        "ask_preferences",
        lambda **kw: dialogs.PreferencesAnswer("Ann Example", "Fact Desk", 4),
    )
    window.actions_.preferences.trigger()
    assert window.services.preferences.organisation == "Fact Desk"
    assert window.services.backups.keep == 4
    view = window.panes.panes[0].view
    tag(qtbot, view, "Tempo.co", Qt.Key.Key_A)
    assert stored(window, 1)[0].reviewer == "Ann Example"

    monkeypatch.setattr(
        dialogs, "ask_preferences", lambda **kw: dialogs.PreferencesAnswer("   ", "", 10)
    )
    window.actions_.preferences.trigger()
    assert "cannot be empty" in window.statusBar().currentMessage()
    assert window.services.preferences.reviewer == "Ann Example"


def test_every_model_passes_the_model_tester(window, qtbot, qtmodeltester) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    for quote, key in (("at least 6 million", Qt.Key.Key_F), ("Tempo.co", Qt.Key.Key_A)):
        tag(qtbot, view, quote, key)
    qtmodeltester.check(window.library.model)
    qtmodeltester.check(window.annotations.model)
    qtmodeltester.check(window.annotations.proxy)
    fresh = AnnotationFilter()
    fresh.setSourceModel(window.annotations.model)
    qtmodeltester.check(fresh)


def test_screenshot_writes_a_picture_of_the_window(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    target = tmp_path / "shots" / "window.png"
    assert main(["gui", "--screenshot", str(target)]) == 0
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1400, 900)
    colours = {image.pixel(x, y) for x in range(0, 1400, 7) for y in range(0, 900, 7)}
    assert len(colours) > 20, "the picture is blank"


def test_screenshot_to_a_non_png_name_is_one_clear_line(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    assert main(["gui", "--screenshot", str(tmp_path / "shot.jpg")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "name a PNG file" in err


def test_a_database_that_cannot_open_is_shown_in_a_dialog_and_on_stderr(
    data_dir: Path,
    monkeypatch,
    capsys,  # noqa: ANN001
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "factcheck.sqlite3").write_text("not a database")
    shown = []
    monkeypatch.setattr(dialogs, "error", lambda **kw: shown.append(kw["text"]))
    assert main(["gui"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot be opened as a factcheck database" in err
    assert len(shown) == 1 and "cannot be opened" in shown[0]
    assert (data_dir / "factcheck.sqlite3").read_text() == "not a database"


def test_the_comparison_splitter_comes_back(open_window) -> None:  # noqa: ANN001
    window = open_window()
    window.comparison_dock.resize(700, 300)
    splitter = window.comparing.panel.splitter
    splitter.setSizes([200, 400])
    saved = splitter.sizes()
    window.close()
    window.services.close()
    again = open_window()
    left, right = again.comparing.panel.splitter.sizes()
    # The dock's width differs by the offscreen platform's frame; the split is what is kept.
    assert abs(left / (left + right) - saved[0] / sum(saved)) < 0.02


def test_help_lists_the_keys_and_says_where_the_data_is(window, monkeypatch) -> None:  # noqa: ANN001
    shown: list[dict] = []
    monkeypatch.setattr(dialogs, "inform", lambda **kw: shown.append(kw))
    window.actions_.shortcuts.trigger()
    window.actions_.about.trigger()
    keys, about = shown
    assert keys["title"] == "Keyboard shortcuts"
    lines = keys["text"].splitlines()
    assert any(line.split() == ["C", "Tag", "as", "Claim"] for line in lines), lines
    assert any(line.endswith("Compare figures") and "M" in line for line in lines)
    assert about["title"] == "About factcheck-gui"
    assert f"factcheck-gui {__version__}" in about["text"]
    assert f"Data: {window.services.data_dir}" in about["text"]
