"""What the window remembers between runs, in QSettings: sizes, sort, text size, last article."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QSettings

from broadsheet.ui.listing import SORTS, Sort

ORGANIZATION = "Broadsheet"
APPLICATION = "Broadsheet"


@dataclass(slots=True)
class WindowState:
    """Everything restored at start and saved at close."""

    geometry: QByteArray | None = None
    splitter: QByteArray | None = None
    header: QByteArray | None = None
    sort: Sort = field(default_factory=Sort)
    zoom: int = 0
    last_article: int | None = None


def _bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key, None, type=QByteArray)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def load(settings: QSettings) -> WindowState:
    """Read the saved state; anything missing or odd falls back to the default."""
    column = settings.value("list/sort_column", "date", type=str)
    descending = settings.value("list/sort_descending", True, type=bool)
    last = settings.value("reader/last_article", 0, type=int)
    return WindowState(
        geometry=_bytes(settings, "window/geometry"),
        splitter=_bytes(settings, "window/splitter"),
        header=_bytes(settings, "list/header"),
        sort=Sort(column, descending) if column in SORTS else Sort(),
        zoom=settings.value("reader/zoom", 0, type=int),
        last_article=last or None,
    )


def save(settings: QSettings, state: WindowState) -> None:
    """Write the state and flush it to disk."""
    for key, value in (("window/geometry", state.geometry), ("window/splitter", state.splitter),
                       ("list/header", state.header)):
        if value is not None:
            settings.setValue(key, value)
    settings.setValue("list/sort_column", state.sort.column)
    settings.setValue("list/sort_descending", state.sort.descending)
    settings.setValue("reader/zoom", state.zoom)
    settings.setValue("reader/last_article", state.last_article or 0)
    settings.sync()
