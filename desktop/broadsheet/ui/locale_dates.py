"""Dates shown in the user's locale, at the time the article printed, in its own zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, QLocale, QTime


def _date_only(value: datetime) -> bool:
    # The parser stores a bare date as midnight UTC: there is no time to show.
    return (value.utcoffset() == timedelta(0)
            and (value.hour, value.minute, value.second) == (0, 0, 0))


def _zone_label(value: datetime) -> str:
    """' (UTC+05:30)' unless the article's zone is the reader's own at that moment."""
    offset = value.utcoffset()
    if offset is None or offset == value.astimezone().utcoffset():
        return ""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f" (UTC{sign}{hours:02d}:{rest:02d})" if minutes else " (UTC)"


def long_datetime(value: datetime, locale: QLocale | None = None) -> str:
    """'Sunday, 23 August 2020, 19:53 (UTC+05:30)': the time the page printed, localised."""
    locale = locale or QLocale()
    day = locale.toString(QDate(value.year, value.month, value.day),
                          QLocale.FormatType.LongFormat)
    if _date_only(value):
        return day
    time = locale.toString(QTime(value.hour, value.minute), QLocale.FormatType.ShortFormat)
    return f"{day}, {time}{_zone_label(value)}"


def short_date(iso: str | None, locale: QLocale | None = None) -> str:
    """The list column's date: the article's own date, short; empty when unknown."""
    if not iso:
        return ""
    try:
        value = datetime.fromisoformat(iso)
    except ValueError:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    locale = locale or QLocale()
    day = QDate(value.year, value.month, value.day)
    if locale.language() == QLocale.Language.C:
        return day.toString("yyyy-MM-dd")  # the C locale's "23 04 2024" reads as a typo
    return locale.toString(day, QLocale.FormatType.ShortFormat)
