"""Light, dark and sepia: one set of colours for the whole window, following the system if asked."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from broadsheet.ui.signals import emit

THEME_KEY = "appearance/theme"
SYSTEM = "system"
THEMES = (SYSTEM, "light", "dark", "sepia")


@dataclass(frozen=True, slots=True)
class Ink:
    """The colours of one theme, for widgets (as a palette) and for the reader's CSS."""

    name: str
    window: str
    base: str
    alternate: str
    text: str
    muted: str  # bylines, notes, placeholders: readable, but quieter than the text
    link: str
    label: str  # the red "Read" in front of READ: links
    highlight: str
    highlighted_text: str
    mid: str  # splitter handles, hairlines
    button: str
    dark: bool = False


INKS: dict[str, Ink] = {
    "light": Ink("light", window="#f1f0ec", base="#ffffff", alternate="#f6f5f1",
                 text="#1f1f1f", muted="#676767", link="#1d5fb0", label="#a3262a",
                 highlight="#2f68c4", highlighted_text="#ffffff", mid="#cdccc7",
                 button="#e9e8e3"),
    "dark": Ink("dark", window="#25262a", base="#1b1c1f", alternate="#222327",
                text="#e4e2dc", muted="#a19e96", link="#8db8f5", label="#f08a80",
                highlight="#3e5f8f", highlighted_text="#ffffff", mid="#45474c",
                button="#303136", dark=True),
    "sepia": Ink("sepia", window="#e9dec4", base="#f7f0de", alternate="#f1e8d2",
                 text="#3b2e1e", muted="#75624b", link="#8a4511", label="#9a2c17",
                 highlight="#b98f52", highlighted_text="#1f150a", mid="#cdbb96",
                 button="#e2d5b6"),
}


def resolve(choice: str, scheme: Qt.ColorScheme) -> Ink:
    """The colours a choice means now: "system" is dark or light as the desktop says."""
    if choice == SYSTEM or choice not in INKS:
        return INKS["dark" if scheme == Qt.ColorScheme.Dark else "light"]
    return INKS[choice]


def palette_for(ink: Ink) -> QPalette:
    """A complete widget palette for a theme, disabled text dimmed."""
    role = QPalette.ColorRole
    text, muted = QColor(ink.text), QColor(ink.muted)
    lighter, darker = (QColor(ink.button).lighter(130), QColor(ink.window).darker(140))
    colours = {
        role.Window: ink.window, role.WindowText: text, role.Base: ink.base,
        role.AlternateBase: ink.alternate, role.Text: text, role.Button: ink.button,
        role.ButtonText: text, role.BrightText: "#ffffff", role.Highlight: ink.highlight,
        role.HighlightedText: ink.highlighted_text, role.Link: ink.link,
        role.LinkVisited: ink.link, role.PlaceholderText: muted, role.ToolTipBase: ink.base,
        role.ToolTipText: text, role.Mid: ink.mid, role.Midlight: ink.alternate,
        role.Light: lighter, role.Shadow: darker,
        # The stylesheet draws quiet text in palette(dark): keep it readable on every theme.
        role.Dark: muted,
        role.Accent: ink.highlight,
    }
    palette = QPalette()
    for which, colour in colours.items():
        palette.setColor(which, QColor(colour))
    faint = QColor(muted)
    faint.setAlphaF(0.75)
    for which in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, which, faint)
    return palette


def system_scheme() -> Qt.ColorScheme:
    """What the desktop asks for: dark, light, or unknown (treated as light)."""
    return QGuiApplication.styleHints().colorScheme()


class Theme(QObject):
    """The chosen theme, applied to the application; follows the desktop while "system"."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choice = SYSTEM
        self.scheme = system_scheme()
        self.ink = resolve(self.choice, self.scheme)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    def choose(self, choice: str) -> None:
        """Use a theme from THEMES (anything else means "system") and apply it now."""
        self.choice = choice if choice in THEMES else SYSTEM
        self.apply()

    def apply(self) -> None:
        """Give the whole application this theme's palette."""
        self.ink = resolve(self.choice, self.scheme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(palette_for(self.ink))
            # Widgets hear of a new palette through posted events: deliver them now, so the
            # next paint shows one theme everywhere, reader and list alike.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationPaletteChange.value)
            # Style sheets resolve palette(...) when a widget is polished: polish again.
            sheet = app.styleSheet()
            if sheet:
                app.setStyleSheet(sheet)
        emit(self.changed)

    def _scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        self.scheme = scheme
        if self.choice == SYSTEM:
            self.apply()
