"""Highlights: overlaps stay visible, offsets survive the emoji, clicks and tooltips work."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument

from factcheck_gui.domain.model import Kind, NewAnnotation
from factcheck_gui.domain.spans import Span
from factcheck_gui.domain.textpos import OffsetMap
from factcheck_gui.ui.common.palette import KIND_STYLES, tint
from factcheck_gui.ui.panes.article_view import tooltip_html
from factcheck_gui.ui.panes.highlighter import SpanHighlighter
from tests.ui.conftest import select_text, stored, tag

EMOJI_ARTICLE = 4  # seed 003 has "🎙️" near its start


def formats_at(view, position_cp: int):  # noqa: ANN001, ANN201
    """The character format the highlighter gave the character at ``position_cp``."""
    u16 = view.offsets.to_utf16(position_cp)
    block = view.document().findBlock(u16)
    offset = u16 - block.position()
    ranges = block.layout().formats()
    for fmt_range in ranges:
        if fmt_range.start <= offset < fmt_range.start + fmt_range.length:
            return QTextCharFormat(fmt_range.format)
    return None


def test_overlapping_spans_each_stay_visible(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[1].view
    tag(
        qtbot,
        view,
        "US officials last month claimed that Russia's military casualties",
        Qt.Key.Key_C,
    )
    tag(qtbot, view, "Russia's military casualties are nearing 300,000", Qt.Key.Key_F)
    assert len(stored(window, 2)) == 2
    window.select_annotation(None)
    text = view.toPlainText()

    only_claim = formats_at(view, text.index("last month"))
    both = formats_at(view, text.index("military casualties are"))
    only_figure = formats_at(view, text.index("nearing 300,000"))
    claim_style, figure_style = KIND_STYLES[Kind.CLAIM], KIND_STYLES[Kind.FIGURE]
    assert only_claim.underlineStyle() == claim_style.underline
    assert only_figure.underlineStyle() == figure_style.underline
    # The overlap shows the inner span's colour and the outer span's underline, more deeply tinted.
    assert both.underlineStyle() == claim_style.underline
    assert both.background().color() == tint(Kind.FIGURE, view.palette(), depth=2)
    base = view.palette().base().color()

    def distance(fmt: QTextCharFormat) -> int:
        c = fmt.background().color()
        return (
            abs(c.red() - base.red()) + abs(c.green() - base.green()) + abs(c.blue() - base.blue())
        )

    assert distance(both) > distance(only_figure)


def test_a_span_after_the_emoji_keeps_its_exact_quote(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(EMOJI_ARTICLE, window.panes.panes[0])
    view = window.panes.panes[0].view
    text = window.services.library.article(EMOJI_ARTICLE).text
    assert "🎙" in text and view.offsets.length_utf16 > len(text)
    tag(qtbot, view, "264,660", Qt.Key.Key_F)
    [a] = stored(window, EMOJI_ARTICLE)
    assert a.quote == "264,660" and text[a.start : a.end] == "264,660"
    assert a.start == text.index("264,660")
    fmt = formats_at(view, a.start)
    assert fmt is not None and fmt.underlineStyle() == KIND_STYLES[Kind.FIGURE].underline
    assert formats_at(view, a.start - 1) is None, "the highlight starts on the number, not before"


def test_clicking_a_highlight_selects_its_annotation(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    tag(qtbot, view, "Tempo.co", Qt.Key.Key_A)
    [a] = stored(window, 1)
    window.select_annotation(None)
    assert window.annotations.editor.annotation is None
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(a.start + 3))
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.cursorRect(cursor).center()
    )
    assert window.selected == a.id
    assert window.annotations.editor.annotation.id == a.id
    assert window.annotations.table.selectionModel().selectedRows()


def test_choosing_a_row_scrolls_its_pane_to_the_span_and_flashes_it(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    select_text(view, "Source : Tempo.co")  # the very end of the article
    qtbot.keyClick(view, Qt.Key.Key_A)
    view.verticalScrollBar().setValue(0)
    view.setExtraSelections([])
    table = window.annotations.table
    index = table.model().index(0, 2)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    assert view.verticalScrollBar().value() > 0
    [flash] = view.extraSelections()
    assert flash.cursor.selectedText() == "Source : Tempo.co"
    qtbot.waitUntil(lambda: not view.extraSelections(), timeout=3000)


def test_tooltips_show_kind_verdict_and_note_as_escaped_text(workspace) -> None:  # noqa: ANN001
    text = workspace.library.article(1).text
    start = text.index("Tempo.co")
    a, _ = workspace.annotations.create(NewAnnotation(1, start, start + 8, Kind.ATTRIBUTION, "r"))
    workspace.annotations.update(a.id, {"note": "<b>not bold</b>\nline two", "speaker": "T & Co"})
    html = tooltip_html([workspace.annotations.get_annotation(a.id)])
    assert "&lt;b&gt;not bold&lt;/b&gt;<br>line two" in html
    assert "Attribution" in html and "Unchecked" in html and "T &amp; Co" in html


def test_article_text_is_never_read_as_html(window) -> None:  # noqa: ANN001
    pane = window.panes.panes[0]
    from dataclasses import replace

    article = replace(pane.article, text="<b>bold?</b> &amp; <script>x</script>", title="<i>t</i>")
    pane.show_article(article, [])
    assert pane.view.toPlainText() == article.text
    assert pane.title.text() == "<i>t</i>" and pane.title.textFormat() == Qt.TextFormat.PlainText


def test_the_highlighter_formats_spans(qtbot) -> None:  # noqa: ANN001
    document = QTextDocument()
    document.setPlainText("alpha beta\ngamma 😀 delta")
    text = "alpha beta\ngamma 😀 delta"
    highlighter = SpanHighlighter(document)
    highlighter.reset(OffsetMap(text), [Span(6, 10, "k1", "claim"), Span(19, 24, "k2", "figure")])
    first, second = document.firstBlock(), document.firstBlock().next()
    assert [(r.start, r.length) for r in first.layout().formats()] == [(6, 4)]
    # "delta" starts at code point 19 = UTF-16 unit 20, i.e. 9 units into the second block.
    assert [(r.start, r.length) for r in second.layout().formats()] == [(9, 5)]
    highlighter.remove("k1")
    assert first.layout().formats() == []


def test_the_highlighter_survives_setformat_in_a_fresh_interpreter() -> None:
    """PySide6 6.12.0 aborts (Fatal Python error: none_dealloc) on this exact path."""
    script = textwrap.dedent(
        """
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication, QPlainTextEdit
        from factcheck_gui.domain.spans import Span
        from factcheck_gui.domain.textpos import OffsetMap
        from factcheck_gui.ui.panes.highlighter import SpanHighlighter
        app = QApplication([])
        text = "word " * 2000
        editor = QPlainTextEdit()
        editor.setPlainText(text)
        h = SpanHighlighter(editor.document())
        for _ in range(20):
            h.reset(OffsetMap(text), [Span(i, i + 4, str(i), "claim") for i in range(0, 9000, 5)])
        editor.show()
        app.processEvents()
        print("ok", len(editor.document().firstBlock().layout().formats()))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert "none_dealloc" not in result.stderr, (
        "this PySide6 aborts in QSyntaxHighlighter.setFormat"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("ok ") and int(result.stdout.split()[1]) > 1000
