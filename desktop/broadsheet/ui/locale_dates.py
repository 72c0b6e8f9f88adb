"""Dates shown in the user's locale and time zone."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTimeZone


def _date_only(value: datetime) -> bool:
    # The parser stores a bare date as midnight UTC; moving it to local time would change the day.
    return (value.utcoffset() is not None and value.utcoffset().total_seconds() == 0
            and (value.hour, value.minute, value.second) == (0, 0, 0))


def _local(value: datetime) -> QDateTime:
    moment = QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.utc())
    return moment.toLocalTime()


def long_datetime(value: datetime, locale: QLocale | None = None) -> str:
    """'Sunday, 23 August 2020, 15:23' in the user's locale; just the date for bare dates."""
    locale = locale or QLocale()
    if _date_only(value):
        return locale.toString(QDate(value.year, value.month, value.day),
                               QLocale.FormatType.LongFormat)
    local = _local(value)
    return (f"{locale.toString(local.date(), QLocale.FormatType.LongFormat)},"
            f" {locale.toString(local.time(), QLocale.FormatType.ShortFormat)}")


def short_date(iso: str | None, locale: QLocale | None = None) -> str:
    """The list column's date: short, local, empty when unknown."""
    if not iso:
        return ""
    try:
        value = datetime.fromisoformat(iso)
    except ValueError:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    locale = locale or QLocale()
    day = (QDate(value.year, value.month, value.day) if _date_only(value)
           else _local(value).date())
    if locale.language() == QLocale.Language.C:
        return day.toString("yyyy-MM-dd")  # the C locale's "23 04 2024" reads as a typo
    return locale.toString(day, QLocale.FormatType.ShortFormat)

