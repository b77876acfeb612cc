"""Dark mode: colours derived from the palette, readable (WCAG 4.5:1) in light and dark, and a
View setting that forces one, remembered in the config folder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from factcheck_gui.domain.intervals import CONFLICT
from factcheck_gui.domain.model import Kind
from factcheck_gui.ui.annotations.legend import Legend, chip_html
from factcheck_gui.ui.common.palette import (
    FLASH_COLOUR,
    FLASH_TEXT,
    MIN_CONTRAST,
    STATUS_COLOURS,
    article_colour,
    contrast,
    hint_colour,
    is_dark,
    line_colour,
    status_colour,
    tint,
)
from factcheck_gui.ui.common.theme import (
    SETTING,
    Theme,
    apply_theme,
    dark_palette,
    follow_scheme,
    light_palette,
    saved_theme,
)
from tests.ui.conftest import tag
from tests.ui.test_highlights import formats_at


@pytest.fixture(autouse=True)
def system_theme_after(qapp: QApplication) -> Iterator[None]:  # noqa: ARG001
    """The application palette is global: every test here leaves the system's in place."""
    yield
    apply_theme(Theme.SYSTEM)


def palettes() -> dict[str, QPalette]:
    return {"light": light_palette(), "dark": dark_palette(), "system": QApplication.palette()}


@pytest.mark.parametrize("name", ["light", "dark", "system"])
def test_text_on_every_tint_and_chip_is_readable(qapp, name: str) -> None:  # noqa: ANN001, ARG001
    palette = palettes()[name]
    text = palette.color(QPalette.ColorRole.Text)
    for kind in Kind:
        for depth in (1, 2, 3):
            for selected in (False, True):
                found = tint(kind, palette, depth=depth, selected=selected)
                assert contrast(text, found) >= MIN_CONTRAST, (kind, depth, selected)
                assert found != palette.color(QPalette.ColorRole.Base), "a tint is still a tint"
        # the legend chip: its label's colour on its background, both from the chip's HTML
        html = chip_html(kind, palette)
        background = re.search(r"background-color:(#[0-9a-f]{6})", html)
        colour = re.search(r"; color:(#[0-9a-f]{6})", html)
        assert background and colour
        assert contrast(QColor(colour[1]), QColor(background[1])) >= MIN_CONTRAST, kind
    window = palette.color(QPalette.ColorRole.Window)
    assert contrast(hint_colour(palette), window) >= MIN_CONTRAST
    assert contrast(QColor(FLASH_TEXT), QColor(FLASH_COLOUR)) >= MIN_CONTRAST


@pytest.mark.parametrize("name", ["light", "dark"])
def test_kind_and_article_colours_stand_out_from_the_base(qapp, name: str) -> None:  # noqa: ANN001, ARG001
    """Underlines and number-line marks are graphics: WCAG asks 3:1 against what is behind."""
    palette = palettes()[name]
    base = palette.color(QPalette.ColorRole.Base)
    for kind in Kind:
        assert contrast(line_colour(kind, palette), base) >= 3, kind
    colours = {article_colour(i, palette).name() for i in range(12)}
    assert "#000000" not in colours
    assert len(colours) == 6, "six articles, six colours"
    assert all(contrast(QColor(c), base) >= 3 for c in colours), colours


@pytest.mark.parametrize("name", ["light", "dark", "system"])
def test_status_colours_read_as_text_on_the_base(qapp, name: str) -> None:  # noqa: ANN001, ARG001
    """A conflict's interval, a flagged rate and the status swatch are drawn in these:
    4.5:1 against the base, as text needs, from the palette in light and dark."""
    palette = palettes()[name]
    base = palette.color(QPalette.ColorRole.Base)
    found = {s: status_colour(s, palette) for s in (*STATUS_COLOURS, "single")}
    for status, colour in found.items():
        assert contrast(colour, base) >= MIN_CONTRAST, (status, colour.name())
    assert len({c.name() for c in found.values()}) == 3, "conflict, agreement, single differ"
    conflict = found[CONFLICT]
    assert conflict.red() > conflict.green() > conflict.blue(), "still vermillion"


def test_the_comparison_draws_from_the_palette(open_window) -> None:  # noqa: ANN001
    """The number line and the comparison's rows use the palette's colours, dark included."""
    from factcheck_gui.ui.comparison import number_line

    window = open_window(annotated=True)
    window.theme_menu.choose(Theme.DARK)
    palette = QApplication.palette()
    assert number_line.article_colour(3) == article_colour(3, palette)
    model = window.comparing.panel.model
    assert model.rowCount() > 0
    for row in range(model.rowCount()):
        index = model.index(row, 1)
        group = model.group_at(index)
        swatch = model.data(index, Qt.ItemDataRole.DecorationRole)
        assert swatch == status_colour(group.status, palette)


def test_is_dark_reads_the_palette(qapp) -> None:  # noqa: ANN001, ARG001
    assert is_dark(dark_palette()) and not is_dark(light_palette())


def test_view_appearance_forces_dark_then_light_and_is_remembered(
    open_window, qtbot, config_dir: Path
) -> None:  # noqa: ANN001
    window = open_window()
    view = window.panes.panes[1].view
    tag(qtbot, view, "Russia's military casualties are nearing 300,000", Qt.Key.Key_F)
    window.select_annotation(None)
    position = view.toPlainText().index("nearing 300,000")

    menu = window.theme_menu
    assert menu.actions[Theme.SYSTEM].isChecked()
    menu.actions[Theme.DARK].trigger()
    qtbot.waitUntil(lambda: is_dark(view.palette()))
    assert is_dark(QApplication.palette()) and is_dark(view.palette())
    assert saved_theme(config_dir=config_dir) is Theme.DARK
    assert (config_dir / "window.ini").read_text().count("theme=dark") == 1
    # the highlight was redrawn from the dark palette, and its text is readable on it
    fmt = formats_at(view, position)
    assert fmt is not None
    background = fmt.background().color()
    assert background == tint(Kind.FIGURE, view.palette())
    assert contrast(view.palette().text().color(), background) >= MIN_CONTRAST
    legend = window.findChild(Legend)
    assert legend is not None
    dark_text = dark_palette().color(QPalette.ColorRole.Text).name()
    assert all(dark_text in label.text() for label in legend.labels.values())

    menu.actions[Theme.LIGHT].trigger()
    qtbot.waitUntil(lambda: not is_dark(view.palette()))
    assert not is_dark(view.palette())
    assert formats_at(view, position).background().color() == tint(Kind.FIGURE, view.palette())
    assert saved_theme(config_dir=config_dir) is Theme.LIGHT
    assert SETTING == "view/theme"


def test_a_forced_theme_comes_back_on_the_next_start(open_window, config_dir: Path) -> None:  # noqa: ANN001
    first = open_window()
    first.theme_menu.choose(Theme.DARK)
    first.close()
    apply_theme(Theme.SYSTEM)  # as a new process starts on the system's palette
    assert not is_dark(QApplication.palette())
    second = open_window()
    assert is_dark(QApplication.palette())
    assert second.theme_menu.actions[Theme.DARK].isChecked()


def test_system_gives_the_platform_palette_back(open_window) -> None:  # noqa: ANN001
    window = open_window()
    before = QApplication.palette().color(QPalette.ColorRole.Base)
    window.theme_menu.choose(Theme.DARK)
    window.theme_menu.choose(Theme.SYSTEM)
    assert QApplication.palette().color(QPalette.ColorRole.Base) == before


def test_system_follows_a_desktop_that_turns_dark_and_back(open_window) -> None:  # noqa: ANN001
    open_window()
    apply_theme(Theme.SYSTEM)
    assert not is_dark(QApplication.palette())
    follow_scheme(Qt.ColorScheme.Dark)  # what the desktop's colorSchemeChanged reports
    assert is_dark(QApplication.palette())
    follow_scheme(Qt.ColorScheme.Light)
    assert not is_dark(QApplication.palette())
    apply_theme(Theme.LIGHT)
    follow_scheme(Qt.ColorScheme.Dark)  # a forced theme stays
    assert not is_dark(QApplication.palette())
