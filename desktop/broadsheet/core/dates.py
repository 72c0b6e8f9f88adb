"""Dates as news pages print them ("August 23rd, 2020 at 19:53 IST") to aware datetimes."""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime, timedelta, timezone

# Abbreviations as news sites use them; IST is India's (+05:30), the most common in dumps.
ZONES: dict[str, int] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 60, "IST": 330, "CET": 60, "CEST": 120,
    "EET": 120, "EEST": 180, "MSK": 180, "PKT": 300, "NPT": 345, "SGT": 480, "HKT": 480,
    "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "AKST": -540, "HST": -600,
}
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}

_NEWS_DATE = re.compile(
    r"(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
    r"(?:\s*(?:at|,|-|\|)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?)?"
    r"\s*(?P<zone>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?\s*$",
    re.IGNORECASE,
)
_MAX_OFFSET_MINUTES = 14 * 60  # the furthest real zones are UTC-12 and UTC+14
# What dateutil fills in for parts a printed date leaves out ("May 2020" is May 1st).
_DEFAULT = datetime(2000, 1, 1)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
_HAS_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")


def parse_date(text: str) -> datetime | None:
    """An aware datetime for a printed date, or None when it is not one; no zone means UTC."""
    text = text.strip().strip(".")
    if not _HAS_YEAR.search(text) or len(text) > 80:
        return None
    return _parse_news_style(text) or _parse_any(text)


def _zone(name: str | None) -> timezone | None:
    if not name:
        return UTC
    if name[0] in "+-":
        digits = name[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + int(digits[2:])
        if int(digits[2:]) >= 60 or minutes > _MAX_OFFSET_MINUTES:
            return None  # "+99:99" is debris, not a place on Earth
        return timezone(timedelta(minutes=minutes if name[0] == "+" else -minutes))
    offset = ZONES.get(name.upper())
    return None if offset is None else timezone(timedelta(minutes=offset))


def _parse_news_style(text: str) -> datetime | None:
    match = _NEWS_DATE.fullmatch(text)
    if not match:
        return None
    month = _MONTHS.get(match["month"][:3].lower())
    zone = _zone(match["zone"])
    if month is None or zone is None:
        return None
    hour = int(match["hour"] or 0)
    if match["ampm"]:
        hour = hour % 12 + (12 if match["ampm"][0].lower() == "p" else 0)
    try:
        return datetime(int(match["year"]), month, int(match["day"]), hour,
                        int(match["minute"] or 0), tzinfo=zone)
    except ValueError:
        return None


def _parse_any(text: str) -> datetime | None:
    """Everything else (ISO 8601, "23 August 2020 14:05 GMT", ...) through dateutil."""
    from dateutil import parser as dateutil_parser

    cleaned = _ORDINAL.sub(r"\1", text).replace(" at ", " ")
    tzinfos = {name: minutes * 60 for name, minutes in ZONES.items()}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = dateutil_parser.parse(cleaned, tzinfos=tzinfos, default=_DEFAULT)
        offset = value.utcoffset()
    except (ValueError, OverflowError, TypeError):
        return None
    if not 1800 <= value.year <= 2199:
        return None
    if offset is None:
        return value.replace(tzinfo=UTC)
    if abs(offset) > timedelta(minutes=_MAX_OFFSET_MINUTES):
        return None
    return value
