"""Light, dark or the system's: the application palette, and the View menu that forces one.

The choice is the user's, not a data folder's: it is kept in ``window.ini`` in the user's
config folder, beside the window's layout. "System" gives the platform its own style and
palette back (and with them its light or dark scheme); "Light" and "Dark" use Fusion with a
palette of ours. Widgets that draw their own colours (highlights, the legend) derive them
from the palette and redraw on ``QEvent.PaletteChange``.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QStyleFactory, QWidget

from factcheck_gui.services.places import default_config_dir
from factcheck_gui.ui.common.palette import is_dark
from factcheck_gui.ui.window.layout import SETTINGS_FILE

SETTING = "view/theme"


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return {"system": "&System", "light": "&Light", "dark": "&Dark"}[self.value]


_DARK = {
    QPalette.ColorRole.Window: "#2B2B2B",
    QPalette.ColorRole.WindowText: "#E6E6E6",
    QPalette.ColorRole.Base: "#1E1E1E",
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.Text: "#E6E6E6",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#E6E6E6",
    QPalette.ColorRole.BrightText: "#FFFFFF",
    QPalette.ColorRole.Highlight: "#2F6FB0",
    QPalette.ColorRole.HighlightedText: "#FFFFFF",
    QPalette.ColorRole.ToolTipBase: "#353535",
    QPalette.ColorRole.ToolTipText: "#E6E6E6",
    QPalette.ColorRole.PlaceholderText: "#9A9A9A",
    QPalette.ColorRole.Link: "#56B4E9",
    QPalette.ColorRole.Light: "#505050",
    QPalette.ColorRole.Midlight: "#404040",
    QPalette.ColorRole.Mid: "#303030",
    QPalette.ColorRole.Dark: "#191919",
    QPalette.ColorRole.Shadow: "#000000",
}
_DARK_DISABLED = {
    QPalette.ColorRole.WindowText: "#7A7A7A",
    QPalette.ColorRole.Text: "#7A7A7A",
    QPalette.ColorRole.ButtonText: "#7A7A7A",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    return style.standardPalette()


class _System:
    """The platform's own style and palette, as they were before we changed them, and the
    theme in force."""

    style: str | None = None
    palette: QPalette | None = None
    theme: Theme = Theme.SYSTEM
    listening = False


def apply_theme(theme: Theme, app: QApplication | None = None) -> None:
    app = app or _app()
    if _System.style is None:
        _System.style = app.style().name()
        _System.palette = QPalette(app.palette())
    if not _System.listening:  # the desktop switched between light and dark
        app.styleHints().colorSchemeChanged.connect(lambda scheme: follow_scheme(scheme))
        _System.listening = True
    _System.theme = theme
    hints = app.styleHints()
    if theme is Theme.SYSTEM:
        hints.unsetColorScheme()
        app.setStyle(_System.style)
        app.setPalette(_System.palette or QPalette())
        follow_scheme(hints.colorScheme(), app)
        return
    hints.setColorScheme(Qt.ColorScheme.Dark if theme is Theme.DARK else Qt.ColorScheme.Light)
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if theme is Theme.DARK else light_palette())


def follow_scheme(scheme: Qt.ColorScheme, app: QApplication | None = None) -> None:
    """Under "System": a desktop that says dark while its Qt style hands out a light palette
    (no platform theme for Qt) gets our dark palette; back to light, the platform's again."""
    if _System.theme is not Theme.SYSTEM:
        return
    app = app or _app()
    if scheme == Qt.ColorScheme.Dark and not is_dark(app.palette()):
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    elif (
        scheme != Qt.ColorScheme.Dark
        and is_dark(app.palette())
        and _System.style
        and _System.palette is not None
        and not is_dark(_System.palette)
    ):
        app.setStyle(_System.style)
        app.setPalette(_System.palette)


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def _settings(config_dir: Path | None) -> QSettings:
    config = config_dir if config_dir is not None else default_config_dir()
    return QSettings(str(config / SETTINGS_FILE), QSettings.Format.IniFormat)


def saved_theme(*, config_dir: Path | None = None) -> Theme:
    value = str(_settings(config_dir).value(SETTING) or Theme.SYSTEM.value)
    return Theme(value) if value in Theme._value2member_map_ else Theme.SYSTEM


def save_theme(theme: Theme, *, config_dir: Path | None = None) -> None:
    settings = _settings(config_dir)
    settings.setValue(SETTING, theme.value)
    settings.sync()


class ThemeMenu(QObject):
    """View → Appearance: System / Light / Dark, one checked; a choice applies at once and
    is remembered."""

    def __init__(self, *, parent: QWidget, config_dir: Path | None = None) -> None:
        super().__init__(parent)
        self._config_dir = config_dir
        self.menu = QMenu("&Appearance", parent)
        self.group = QActionGroup(self)
        self.actions: dict[Theme, QAction] = {}
        current = saved_theme(config_dir=config_dir)
        for theme in Theme:
            action = self.menu.addAction(theme.label)
            action.setCheckable(True)
            action.setChecked(theme is current)
            action.setStatusTip(
                "Follow the system's light or dark scheme"
                if theme is Theme.SYSTEM
                else f"Always use the {theme.value} palette"
            )
            action.triggered.connect(lambda _checked=False, t=theme: self.choose(t))
            self.group.addAction(action)
            self.actions[theme] = action

    def choose(self, theme: Theme) -> None:
        self.actions[theme].setChecked(True)
        save_theme(theme, config_dir=self._config_dir)
        apply_theme(theme)
