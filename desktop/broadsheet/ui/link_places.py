"""Where each READ: line stood among the paragraphs, so the reader can show it in place."""

from __future__ import annotations

from broadsheet.core.article import Article

BEFORE_BODY = -1


def link_places(article: Article) -> dict[int, list[int]]:
    """Map paragraph index (or BEFORE_BODY) -> indexes of the links that follow it."""
    places: dict[int, list[int]] = {}
    last = len(article.paragraphs) - 1
    for index, link in enumerate(article.links):
        where = min(link.after_paragraph, last) if link.after_paragraph >= 0 else BEFORE_BODY
        places.setdefault(where, []).append(index)
    return places
