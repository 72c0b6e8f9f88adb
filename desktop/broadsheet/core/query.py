"""The query language: what people type, parsed into safe FTS5 terms, SQL filters and hints."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

MIN_PREFIX = 3  # "e*" would read every word starting with e; cheap from three letters

_TOKEN = re.compile(
    r'(?P<neg>-)?(?:(?P<field>[A-Za-z]+):)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))'
)
_FIELDS = {"author", "before", "after", "title", "is"}
_DATE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
_WORD_CHAR = re.compile(r"\w")
_PLAIN_WORD = re.compile(r"\w+")
_WORDS = re.compile(r"\w+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_EMPTY_FIELD = {
    "title": "title: wants words after it, like title:bridge",
    "author": "author: wants a name after it, like author:marsh",
    "before": "before: wants a date after it, like before:2020-08",
    "after": "after: wants a date after it, like after:2020-08-23",
    "is": "is: takes unread, read or starred",
}
# Articles without a state row are unread and unstarred; each subquery is read once.
STATES = {
    "unread": "articles.id NOT IN (SELECT article_id FROM state WHERE read = 1)",
    "read": "articles.id IN (SELECT article_id FROM state WHERE read = 1)",
    "starred": "articles.id IN (SELECT article_id FROM state WHERE starred = 1)",
}


@dataclass(slots=True)
class Query:
    """A parsed query: an FTS5 expression, SQL filters, and hints about what was ignored."""

    positive: list[str] = field(default_factory=list)
    negative: list[str] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    plain: list[str] = field(default_factory=list)  # positive terms that are single words
    prefixed: bool = False  # a word to find was typed with a * after it
    # Each prefix* term as written here -> the text typed before the * and its column.
    prefixes: dict[str, tuple[str, str | None]] = field(default_factory=dict)

    @property
    def match(self) -> str | None:
        """The FTS5 MATCH expression, or None when only filters or exclusions were given."""
        return expression(self.positive, self.negative)

    @property
    def is_empty(self) -> bool:
        """True when the query asks for nothing at all."""
        return not (self.positive or self.negative or self.where)


def expression(positive: list[str], negative: list[str]) -> str | None:
    """All of ``positive`` and none of ``negative`` as one FTS5 expression."""
    if not positive:
        return None
    joined = " AND ".join(positive)
    if negative:
        joined = f"({joined}) NOT ({' OR '.join(negative)})"
    return joined


def fts_string(text: str) -> str:
    """Quote text as an FTS5 string: always a literal, whatever punctuation it holds."""
    return '"' + text.replace('"', '""') + '"'


def parse_query(text: str) -> Query:
    """Turn user input into a Query; never raises."""
    query = Query()
    text = _CONTROL.sub(" ", text)
    for match in _TOKEN.finditer(text):
        field_name = (match["field"] or "").lower()
        value = match["phrase"] if match["phrase"] is not None else match["word"]
        if not field_name and value.endswith(":") and value[:-1].lower() in _FIELDS:
            query.hints.append(_EMPTY_FIELD[value[:-1].lower()])  # still being typed
            continue
        if field_name and field_name not in _FIELDS:
            value = f"{match['field']} {value}"  # "Explainer: Brexit" is two words
            field_name = ""
        if field_name in ("", "title"):
            _add_term(query, value, negated=bool(match["neg"]), phrase=match["phrase"] is not None,
                      column="title" if field_name else None)
        else:
            _add_filter(query, field_name, value, negated=bool(match["neg"]))
    return query


def _add_term(query: Query, value: str, *, negated: bool, phrase: bool,
              column: str | None) -> None:
    if not _WORD_CHAR.search(value):
        return
    prefix = not phrase and value.endswith("*")
    stem = value.rstrip("*") if prefix else value
    if prefix and len((_WORDS.findall(stem) or [""])[-1]) < MIN_PREFIX:
        query.hints.append(f"“{value}” was left out: the word before a * needs at least"
                           f" {MIN_PREFIX} letters.")
        return
    term = fts_string(stem) + ("*" if prefix else "")
    if column:
        term = f"{column} : {term}"
    (query.negative if negated else query.positive).append(term)
    if prefix:
        query.prefixes[term] = (stem, column)
    query.prefixed = query.prefixed or (prefix and not negated)
    if not (negated or phrase or prefix or column) and _PLAIN_WORD.fullmatch(value):
        query.plain.append(term)


def _add_filter(query: Query, name: str, value: str, *, negated: bool) -> None:
    if name == "author":
        if value.strip():
            like = "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            op = "NOT LIKE" if negated else "LIKE"
            query.where.append(f"coalesce(articles.author, '') {op} ? ESCAPE '\\'")
            query.params.append(like)
        else:
            query.hints.append(_EMPTY_FIELD["author"])
    elif name in ("before", "after"):
        bounds = date_bounds(value)
        if bounds is None:
            query.hints.append(f"{name}: wants a date like 2020-08-23, 2020-08 or 2020")
        elif name == "before":
            query.where.append("articles.local_date < ?")
            query.params.append(bounds[0])
        else:
            query.where.append("articles.local_date >= ?")
            query.params.append(bounds[0])
    elif name == "is":
        add_state_filter(query, value.lower(), negated)


def add_state_filter(query: Query, value: str, negated: bool = False) -> None:
    """Keep only unread, read or starred articles (or, negated, the others)."""
    if value in STATES:
        query.where.append(("NOT " if negated else "") + f"({STATES[value]})")
    else:
        query.hints.append("is: takes unread, read or starred")


def date_bounds(value: str) -> tuple[str, str] | None:
    """First day of the day, month or year a filter names, and the first day after it.

    Dates compare with the date printed on the article (its own time zone), as ISO strings.
    """
    match = _DATE.fullmatch(value.strip())
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2] or 0), int(match[3] or 0)
    if (match[2] is not None and not month) or (match[3] is not None and not day):
        return None  # "2005-0" is a month half typed, not the whole year
    try:
        if day:
            start = date(year, month, day)
            end = start + timedelta(days=1)
        elif month:
            start = date(year, month, 1)
            end = date(year + month // 12, month % 12 + 1, 1)
        else:
            start, end = date(year, 1, 1), date(year + 1, 1, 1)
    except (ValueError, OverflowError):
        return None
    return start.isoformat(), end.isoformat()
