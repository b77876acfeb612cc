"""Narrow panes wrap between words: never "Russ|ia" where the source joins words with
no-break spaces (the first sample has U+00A0 between many of its words)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from factcheck_gui.domain.model import Kind
from factcheck_gui.ui.common.wrapping import display_text
from factcheck_gui.ui.panes.article_view import ArticleTextView
from tests.ui.conftest import stored


def mid_word_breaks(view: ArticleTextView) -> list[str]:
    """Every line break that falls between two letters or digits, with its neighbourhood."""
    found = []
    block = view.document().firstBlock()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(layout.lineCount() - 1):
            line = layout.lineAt(i)
            end = line.textStart() + line.textLength()
            if 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                found.append(f"{text[max(0, end - 12) : end]}|{text[end : end + 12]}")
        block = block.next()
    return found


def test_display_text_keeps_every_offset_and_numbers_whole() -> None:
    text = "accused\u00a0Russia\u00a0of 300\u00a0000 people. \u00a0“There"
    shown = display_text(text)
    assert len(shown) == len(text)
    assert shown == "accused Russia of 300\u00a0000 people.  “There"
    assert display_text("no such spaces") == "no such spaces"


def test_narrow_panes_break_lines_only_between_words(window) -> None:  # noqa: ANN001
    pane = window.panes.panes[0]
    view = pane.view
    assert "\u00a0" in view.text, "the first sample joins words with no-break spaces"
    for width in range(140, 520, 19):
        view.setFixedWidth(width)
        QApplication.processEvents()
        assert mid_word_breaks(view) == [], width
        assert view.horizontalScrollBar().maximum() == 0, width


def test_copying_and_tagging_keep_the_sources_no_break_spaces(window, qtbot) -> None:  # noqa: ANN001
    pane = window.panes.panes[0]
    view = pane.view
    quote = "accused\u00a0Russia\u00a0of"
    start = view.text.index(quote)
    view.setFocus()
    view.select_span(start, start + len(quote))
    assert view.createMimeDataFromSelection().text() == quote
    before = {a.id for a in stored(window, pane.article_id)}
    window.editing.tag_selection(Kind.CLAIM)
    [new] = [a for a in stored(window, pane.article_id) if a.id not in before]
    assert new.quote == quote
