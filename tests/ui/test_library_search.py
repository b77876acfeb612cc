"""The library filter and Edit → Find in articles…, driven through their real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from factcheck_gui.domain.model import ArticleDraft
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.library.library import _Request
from factcheck_gui.ui.library.model import PAGE, LibraryModel
from tests.ui.test_exchange_gui import make_batch, run_and_wait


def shown_titles(model: LibraryModel) -> list[str]:
    titles = []
    for row in range(model.rowCount()):
        batch = model.index(row, 0)
        titles += [model.index(r, 0, batch).data() for r in range(model.rowCount(batch))]
    return titles


def type_filter(window, qtbot, text: str) -> None:  # noqa: ANN001
    box = window.library.filter
    box.setFocus()
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    if all(ord(c) <= 0xFFFF for c in text):
        qtbot.keyClicks(box, text)
    else:  # QTest cannot type characters outside the Basic Multilingual Plane
        box.insert(text)
    qtbot.waitUntil(lambda: window.library.model.filter_text == text and not window.library.busy)


def test_the_filter_searches_the_article_text(window, qtbot) -> None:  # noqa: ANN001
    model = window.library.model
    type_filter(window, qtbot, "Medvedev")  # in the text of some articles, no title
    titles = shown_titles(model)
    texts = [window.services.library.article(a).text for a in range(1, 6)]
    assert len(titles) == sum("Medvedev" in t for t in texts) >= 1
    type_filter(window, qtbot, "medved")  # the last word as it is being typed
    assert shown_titles(model) == titles
    type_filter(window, qtbot, "zzqx")
    assert model.rowCount() == 0
    type_filter(window, qtbot, "")
    assert len(shown_titles(model)) == 5


def test_hostile_filters_show_rows_or_none_never_an_error(window, qtbot) -> None:  # noqa: ANN001
    for typed in ('"', "AND", "title:", "*", "-", "(", "NEAR(", "🙂"):
        type_filter(window, qtbot, typed)
        assert window.library.problem == "", typed
    type_filter(window, qtbot, "*")  # nothing to look for: everything shows
    assert len(shown_titles(window.library.model)) == 5


def test_a_date_finds_the_articles_published_then(window, qtbot) -> None:  # noqa: ANN001
    type_filter(window, qtbot, "2023-09-04")
    dates = [
        window.library.model.index(r, 2, window.library.model.index(0, 0)).data()
        for r in range(window.library.model.rowCount(window.library.model.index(0, 0)))
    ]
    assert dates and all(d == "2023-09-04" for d in dates[:1])


def test_an_older_keystrokes_listing_is_dropped(window, qtbot) -> None:  # noqa: ANN001
    panel = window.library
    shown = []
    panel.listed.connect(lambda: shown.append(panel.model.filter_text))
    older = panel.reader.submit(_Request("Medvedev", full=True))  # still being read…
    panel.filter.setText("newsweek")
    panel._submit_filter()  # …when a newer keystroke's listing is asked for
    qtbot.waitUntil(lambda: not panel.busy and panel.model.filter_text == "newsweek")
    QApplication.processEvents()
    assert older < panel.reader.latest
    assert set(shown) == {"newsweek"}  # the typed text's listing, maybe twice; never the older


def test_an_import_inserts_rows_without_resetting(window, qtbot, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    model = window.library.model
    resets, inserted = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(
        lambda parent, first, last: inserted.append((parent.isValid(), first))
    )
    monkeypatch.setattr(dialogs, "report", lambda **kw: None)
    folder = make_batch(tmp_path / "more", 3)
    run_and_wait(window, qtbot, lambda: window.exchange.import_paths([folder]))
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert resets == [] and (False, 1) in inserted
    assert model.rowCount(model.index(1, 0)) == 3
    qtbot.waitUntil(lambda: model.index(1, 3).data() == 0)  # its count, read in the background


def test_a_large_batch_shows_a_page_then_more_as_it_is_scrolled(window, qtbot) -> None:  # noqa: ANN001
    drafts = [
        ArticleDraft(text=f"Article number {i} about ferries.", title=f"T{i}") for i in range(450)
    ]
    added = window.services.library.add_batch("big", drafts)
    window.context.notify(added.changes)
    model, tree = window.library.model, window.library.tree
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    big = model.index(1, 0)
    assert model.rowCount(big) == PAGE + 1  # and a "more" row, out of sight
    assert model.index(PAGE, 0, big).data() == f"{450 - PAGE} more…"
    tree.scrollTo(model.index(PAGE, 0, big))
    qtbot.waitUntil(lambda: model.rowCount(big) > PAGE + 1)
    index = model.index_of(added.article_ids[-1])  # shows every row up to it
    assert index.isValid() and index.data() == "T449" and model.rowCount(big) == 450


def test_the_counts_of_a_batch_follow_tagging(window, qtbot) -> None:  # noqa: ANN001
    from tests.ui.conftest import tag

    model = window.library.model
    qtbot.waitUntil(lambda: model.index(0, 3).data() is not None)
    before = model.index(0, 3).data()
    tag(qtbot, window.panes.panes[0].view, "Tempo.co", Qt.Key.Key_A)
    qtbot.waitUntil(lambda: model.index(0, 3).data() == before + 1)


def test_find_in_articles_opens_the_article_with_the_words_selected(window, qtbot) -> None:  # noqa: ANN001
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = window.search_panel
    assert window.search_dock.isVisible() and panel.query.hasFocus()
    qtbot.keyClicks(panel.query, "kazakhstan ")  # the space ends the word: no "Kazakhstani"
    qtbot.waitUntil(lambda: not panel.busy and panel.model.rowCount() > 0)
    assert panel.status.text().endswith(" for kazakhstan")
    first = panel.model.hits[0]
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    pane = window.panes.current
    assert pane.article_id == first.article_id
    assert pane.view.selected_span() == (first.start, first.end)
    assert pane.view.textCursor().selectedText() == "Kazakhstan"


def test_enter_right_after_typing_opens_the_first_hit(window, qtbot) -> None:  # noqa: ANN001
    window.find_in_articles()
    panel = window.search_panel
    qtbot.keyClicks(panel.query, '"British Ministry of Defence')
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)  # before the pause: found, then opened
    qtbot.waitUntil(lambda: not panel.busy)
    qtbot.waitUntil(lambda: window.panes.current.view.textCursor().hasSelection())
    hit = panel.model.hits[0]
    span = window.panes.current.view.selected_span()
    text = window.services.library.article(hit.article_id).text
    assert text[span[0] : span[1]].lower().startswith("british")


def test_a_double_click_on_a_hit_opens_it_and_show_more_reads_on(window, qtbot) -> None:  # noqa: ANN001
    window.find_in_articles()
    panel = window.search_panel
    qtbot.keyClicks(panel.query, "the")
    qtbot.waitUntil(lambda: not panel.busy and panel.model.rowCount() > 0)
    total = len(panel.model.hits)
    if panel.more.isVisible():
        qtbot.mouseClick(panel.more, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not panel.busy and len(panel.model.hits) > total)
    view = panel.results
    last = panel.model.index(panel.model.rowCount() - 1, 0)
    hit = panel.model.hit(last)
    view.scrollTo(last)
    rect = view.visualRect(last)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.panes.current.article_id == hit.article_id
    if hit.annotation_id is not None:
        assert window.selected == hit.annotation_id


def test_a_query_without_words_says_so(window, qtbot) -> None:  # noqa: ANN001
    window.find_in_articles()
    panel = window.search_panel
    qtbot.keyClicks(panel.query, "*-()")
    qtbot.waitUntil(lambda: not panel.busy)
    assert panel.status.text().startswith("Nothing to search for")
    assert panel.model.rowCount() == 0


def test_the_results_model_passes_the_model_tester(window, qtbot, qtmodeltester) -> None:  # noqa: ANN001
    window.find_in_articles()
    qtbot.keyClicks(window.search_panel.query, "Russia")
    qtbot.waitUntil(
        lambda: not window.search_panel.busy and window.search_panel.model.rowCount() > 0
    )
    qtmodeltester.check(window.search_panel.model)
    qtmodeltester.check(window.library.model)


def test_the_find_dock_leaves_no_empty_tab_bar_until_asked_for(window, qtbot) -> None:  # noqa: ANN001
    """Tabbed with the comparison while hidden, it left a bar of two tabs under the library
    (seen in the rendered window); it joins the comparison's tabs when first opened."""
    from PySide6.QtWidgets import QTabBar

    def tab_bars_naming_find() -> list[QTabBar]:
        return [
            bar
            for bar in window.findChildren(QTabBar)
            if bar.isVisible()
            and any(bar.tabText(i) == "Find in articles" for i in range(bar.count()))
        ]

    qtbot.wait(50)
    assert window.search_dock.isHidden() and tab_bars_naming_find() == []
    window.actions_.find_articles.trigger()
    assert window.search_dock.isVisible()
    assert window.search_dock in window.tabifiedDockWidgets(window.comparison_dock)
