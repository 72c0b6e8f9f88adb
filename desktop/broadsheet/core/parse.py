"""Text to Article: strip page-dump furniture; keep title, dates, byline, sections, links."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from broadsheet.core.article import Article, Link, Section, content_hash
from broadsheet.core.dates import parse_date
from broadsheet.core.walk import printable_path

_LINK = re.compile(
    r"(?:also\s+read|read\s+more|read\s+also|read|related|see\s+also)\s*:\s*(?P<text>\S.*)",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    r"(?P<label>last\s+updated|updated|first\s+published|published|posted)\b"
    r"(?:\s+on)?\s*:?\s*(?P<date>\S.*)",
    re.IGNORECASE,
)
_LABELLED_BYLINE = re.compile(
    r"(?:(?:reported|written|posted|compiled|edited)\s+by|author)\s*:?\s*(?P<name>\S.*)",
    re.IGNORECASE,
)
_BARE_BYLINE = re.compile(r"by\s*:?\s+(?P<name>\S.*)", re.IGNORECASE)
_IMAGE_CREDIT = re.compile(
    r"\|?\s*(?:image|photo|picture)(?:\s+credit)?\s*:\s*(?P<credit>\S.*)", re.IGNORECASE
)
_NAME_WORD = re.compile(r"[A-Z\u00c0-\u024f][\w.'’\-]*|and|&|de|da|van|von|der|al|bin|le|la")
_SENTENCE_END = ".!?,;:\"”’)»…"
_FURNITURE_STARTS = (
    "read", "also", "related", "see", "updated", "last", "first", "published", "posted",
    "reported", "written", "compiled", "edited", "author", "by", "|", "image", "photo", "picture",
)
_FURNITURE_MAX = 400
_BULLETS = ("- ", "* ", "• ", "– ", "· ")
_HEADING_MAX_WORDS = 12
_HEADING_MAX_CHARS = 90
_TITLE_MAX_CHARS = 200
_DANGLING = frozenset(
    "a an the and or but of for to in on at by with as from that which who than".split()
)


class _Kind(Enum):
    LINK = "link"
    DATE = "date"
    BYLINE = "byline"
    CREDIT = "credit"


@dataclass(slots=True)
class _Furniture:
    kind: _Kind
    value: str
    when: datetime | None = None
    label: str = ""
    at: int = 0  # how many text items (title and standfirst included) came before it


def clean_line(line: str) -> str:
    """A line as the parser sees it: tabs and no-break spaces folded, ends trimmed."""
    stripped = line.strip()
    # The common line (ASCII, single spaces) needs no folding; three C scans say so.
    if stripped.isascii() and "  " not in stripped and "\t" not in stripped \
            and "\x0b" not in stripped and "\x0c" not in stripped:
        return stripped
    return " ".join(stripped.split())


def furniture(line: str, *, in_header: bool) -> _Furniture | None:
    """What page furniture a cleaned line is, if any; bylines and credits only near the top."""
    if not line or len(line) > _FURNITURE_MAX or not line[:10].lower().startswith(
            _FURNITURE_STARTS):
        return None
    if match := _LINK.fullmatch(line):
        return _Furniture(_Kind.LINK, match["text"].strip())
    if (match := _DATE_LINE.fullmatch(line)) and (when := parse_date(match["date"])):
        return _Furniture(_Kind.DATE, match["date"], when, match["label"].lower())
    if not in_header:
        return None
    if (match := _LABELLED_BYLINE.fullmatch(line)) and _short(match["name"], 80):
        return _Furniture(_Kind.BYLINE, match["name"].strip())
    if (match := _BARE_BYLINE.fullmatch(line)) and _looks_like_name(match["name"]):
        return _Furniture(_Kind.BYLINE, match["name"].strip())
    if (match := _IMAGE_CREDIT.fullmatch(line)) and _short(match["credit"], 80):
        return _Furniture(_Kind.CREDIT, match["credit"].strip())
    return None


def is_furniture(line: str) -> bool:
    """True when a line would be taken as furniture anywhere in a page."""
    return furniture(clean_line(line), in_header=True) is not None


def _short(text: str, limit: int) -> bool:
    return len(text) <= limit and len(text.split()) <= 10


def _looks_like_name(text: str) -> bool:
    words = text.replace(",", " ").split()
    if not 1 <= len(words) <= 8 or len(text) > 80 or text.endswith("."):
        return False
    return all(_NAME_WORD.fullmatch(w) for w in words) and words[0][0].isupper()


def _split_block(lines: list[str]) -> list[str]:
    """A block of consecutive lines is one hard-wrapped paragraph, or one paragraph a line."""
    if len(lines) == 1 or any(line.startswith(_BULLETS) for line in lines):
        return lines
    longest = max(len(line) for line in lines)
    wrapped = longest <= 100 and all(len(line) >= 0.6 * longest for line in lines[:-1])
    return [" ".join(lines)] if wrapped else lines


def _is_heading(text: str) -> bool:
    if len(text) > _HEADING_MAX_CHARS or text[-1] in _SENTENCE_END or not text[0].isupper():
        return False
    words = text.split()
    if not 2 <= len(words) <= _HEADING_MAX_WORDS:
        return False
    # A line cut mid-sentence ("... secured qualification for") is not a heading.
    return words[-1].lower() not in _DANGLING and sum(w.isalpha() for w in words) >= 2


def _continues(text: str) -> bool:
    """A paragraph that starts in lower case carries on the line before it."""
    return text[0].islower()


def _sections(paragraphs: list[str]) -> tuple[list[Section], list[int]]:
    """Sections, and for each item how many (non-heading) paragraphs came before it."""
    sections: list[Section] = []
    heading: str | None = None
    current: list[str] = []
    before: list[int] = []
    count = 0
    for i, text in enumerate(paragraphs):
        before.append(count)
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        next_is_paragraph = (following is not None and not _is_heading(following)
                             and not _continues(following))
        if _is_heading(text) and next_is_paragraph and i > 0:
            if current or heading is not None:
                sections.append(Section(heading, tuple(current)))
            heading, current = text, []
        else:
            current.append(text)
            count += 1
    before.append(count)
    if current or heading is not None:
        sections.append(Section(heading, tuple(current)))
    return sections, before


def _title_from(first: str) -> tuple[str, bool]:
    """The title, and whether the line was too long to be one (then it stays in the body)."""
    if len(first) <= _TITLE_MAX_CHARS:
        return first, False
    words = first[:_TITLE_MAX_CHARS].split()[:12]
    return " ".join(words).rstrip(",;:") + "…", True


def parse(text: str, source_path: str | None = None) -> Article:
    """Parse one article's text; never raises, whatever the text."""
    if source_path is not None:
        source_path = printable_path(source_path)
    found: list[_Furniture] = []
    paragraphs: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if block:
            paragraphs.extend(_split_block(block))
            block.clear()

    for raw in text.split("\n"):
        line = clean_line(raw)
        if not line:
            flush()
            continue
        # Nearly every line is body text: one cheap prefix test spares it the regexes.
        if len(line) > _FURNITURE_MAX or not line[:10].lower().startswith(_FURNITURE_STARTS):
            block.append(line)
            continue
        # Bylines and credits sit above the body: after the title and standfirst at most.
        item = furniture(line, in_header=len(paragraphs) + len(block) <= 2)
        if item is None:
            block.append(line)
        else:
            flush()
            item.at = len(paragraphs)
            found.append(item)
    flush()
    return _assemble(text, source_path, paragraphs, found)


def _assemble(text: str, source_path: str | None, paragraphs: list[str],
              found: list[_Furniture]) -> Article:
    title, keep_first = ("", False)
    consumed = 0  # leading items taken as title and standfirst
    if paragraphs:
        title, keep_first = _title_from(paragraphs[0])
        if not keep_first:
            paragraphs, consumed = paragraphs[1:], 1
    summary = ""
    if len(paragraphs) >= 2 and len(paragraphs[0]) <= 1200 and not keep_first:
        summary, paragraphs, consumed = paragraphs[0], paragraphs[1:], consumed + 1
    sections, before = _sections(paragraphs)
    links = [Link(f.value, after_paragraph=before[min(max(f.at - consumed, 0), len(before) - 1)]
                  - 1)
             for f in found if f.kind is _Kind.LINK]
    article = Article(
        title=title or _fallback_title(found, source_path),
        summary=summary,
        sections=sections,
        links=links,
        source_path=source_path,
        sha256=content_hash(text),
    )
    for item in found:
        if item.kind is _Kind.BYLINE and article.author is None:
            article.author = item.value
        elif item.kind is _Kind.CREDIT and article.image_credit is None:
            article.image_credit = item.value
        elif item.kind is _Kind.DATE:
            _take_date(article, item)
    return article


def _take_date(article: Article, item: _Furniture) -> None:
    if "updated" in item.label:
        article.updated = article.updated or item.when
    else:
        article.published = article.published or item.when


def _fallback_title(found: list[_Furniture], source_path: str | None) -> str:
    if source_path:
        stem = source_path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if stem:
            return stem
    links = [f.value for f in found if f.kind is _Kind.LINK]
    return links[0] if links else "Untitled"
