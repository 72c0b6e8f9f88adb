"""Reading typography: the settings, and what they become (the reader's CSS, fonts, list font)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont

from broadsheet.ui.theme import Ink

FAMILIES: dict[str, tuple[str, ...]] = {
    "serif": ("Georgia", "Charter", "Source Serif Pro", "DejaVu Serif", "Noto Serif",
              "Times New Roman", "serif"),
    "sans": ("Source Sans 3", "Inter", "Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue",
             "Arial", "sans-serif"),
}
SIZE_RANGE = (6.0, 48.0)  # the normal reading size, points; Ctrl+= goes far beyond it
LINE_HEIGHT_RANGE = (100, 250)  # percent of the font's height
MEASURE_RANGE = (35, 140)  # characters per line
LIST_SIZE_RANGE = (0.0, 36.0)  # 0: the desktop's own size

KEYS = {"family": "reader/family", "size": "reader/size", "line_height": "reader/line_height",
        "measure": "reader/measure", "list_size": "list/text_size"}


@dataclass(frozen=True, slots=True)
class Typography:
    """How articles are set: face, normal size, leading, line length; the list's text size."""

    family: str = "serif"
    size: float = 12.0
    line_height: int = 150
    measure: int = 72
    list_size: float = 0.0


def _clamp(value: float, bounds: tuple[float, float]) -> float:
    return min(max(value, bounds[0]), bounds[1])


def checked(typography: Typography) -> Typography:
    """The same settings, each brought inside its range (a hand-edited file may be odd)."""
    return Typography(
        family=typography.family if typography.family in FAMILIES else "serif",
        size=_clamp(typography.size, SIZE_RANGE),
        line_height=int(_clamp(typography.line_height, LINE_HEIGHT_RANGE)),
        measure=int(_clamp(typography.measure, MEASURE_RANGE)),
        list_size=_clamp(typography.list_size, LIST_SIZE_RANGE),
    )


def load(settings: QSettings) -> Typography:
    """The saved typography; missing or unreadable values fall back to the defaults."""
    default = Typography()
    values: dict[str, object] = {}
    for name, key in KEYS.items():
        fallback = getattr(default, name)
        try:
            values[name] = type(fallback)(settings.value(key, fallback))
        except (TypeError, ValueError):
            values[name] = fallback
    return checked(Typography(**values))  # type: ignore[arg-type]


def save(settings: QSettings, typography: Typography) -> None:
    """Write the typography settings."""
    for name, key in KEYS.items():
        settings.setValue(key, getattr(typography, name))


def families(typography: Typography) -> list[str]:
    """Font families for the reader, best first."""
    return list(FAMILIES.get(typography.family, FAMILIES["serif"]))


def reader_css(typography: Typography, ink: Ink) -> str:
    """The reader's default stylesheet: spacing from the typography, colours from the theme."""
    leading = typography.line_height
    return f"""
h1.title {{ font-size: 160%; font-weight: 700; margin-bottom: 8px; }}
p {{ line-height: {leading}%; margin-top: 0px; margin-bottom: 14px; }}
p.summary {{ font-size: 112%; font-style: italic; margin-bottom: 12px; }}
p.byline {{ font-size: 88%; color: {ink.muted}; margin-bottom: 2px; }}
p.credit {{ font-size: 82%; color: {ink.muted}; margin-bottom: 4px; }}
h2 {{ font-size: 118%; font-weight: 700; margin-top: 18px; margin-bottom: 8px; }}
h2.also {{ font-size: 100%; color: {ink.muted}; }}
p.readlink {{ margin-left: 18px; margin-bottom: 14px; font-size: 95%; line-height: {leading}%; }}
span.label {{ font-weight: 700; color: {ink.label}; font-size: 80%; }}
span.missing {{ color: {ink.muted}; }}
span.note {{ color: {ink.muted}; font-size: 85%; }}
a {{ color: {ink.link}; text-decoration: none; }}
"""


def list_font(typography: Typography, base: QFont) -> QFont:
    """The article list's font: the desktop's, at the chosen size if one is chosen."""
    font = QFont(base)
    if typography.list_size > 0:
        font.setPointSizeF(typography.list_size)
    return font
