"""The one data model: an article parsed from a text file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Link:
    """A "READ: ..." line: the headline it names, where it resolved to, and where it stood.

    ``after_paragraph`` is the index (in ``Article.paragraphs``) of the body paragraph the
    line followed, or -1 when it stood before the body.
    """

    text: str
    target_id: int | None = None
    after_paragraph: int = -1


@dataclass(frozen=True, slots=True)
class Section:
    """A run of body paragraphs under one heading (or none, before the first)."""

    heading: str | None
    paragraphs: tuple[str, ...]


@dataclass(slots=True)
class Article:
    """Everything parsed out of one file; ``id`` is set once it is in a library."""

    title: str
    summary: str = ""
    author: str | None = None
    image_credit: str | None = None
    updated: datetime | None = None
    published: datetime | None = None
    sections: list[Section] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    source_path: str | None = None
    sha256: str = ""
    id: int | None = None

    @property
    def paragraphs(self) -> list[str]:
        """All body paragraphs in document order."""
        return [p for s in self.sections for p in s.paragraphs]

    @property
    def body(self) -> str:
        """The body as plain text, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


def fold_whitespace(text: str) -> str:
    """Collapse every run of whitespace to one space, so re-wrapped copies compare equal."""
    return " ".join(text.split())


def content_hash(text: str) -> str:
    """The article's identity: SHA-256 of its whitespace-folded text."""
    return hashlib.sha256(fold_whitespace(text).encode("utf-8")).hexdigest()
