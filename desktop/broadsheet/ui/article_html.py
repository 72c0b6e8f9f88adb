"""An article as HTML for the reader: every field escaped, then passed through the allow-list."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from broadsheet.core.article import Article, Link
from broadsheet.core.export import byline_parts
from broadsheet.ui import sanitize
from broadsheet.ui.link_places import BEFORE_BODY

DateFormat = Callable[[datetime], str]


def article_url(article_id: int) -> str:
    """The in-app address of an article in the library."""
    return f"{sanitize.ARTICLE_SCHEME}:article/{article_id}"


def article_id_from(url: str) -> int | None:
    """The article id an in-app address names, or None."""
    prefix = f"{sanitize.ARTICLE_SCHEME}:article/"
    tail = url[len(prefix):] if url.startswith(prefix) else ""
    return int(tail) if tail.isdigit() else None


def _text(value: str) -> str:
    return html.escape(value, quote=True)


def _paragraph(text: str, css: str | None = None) -> str:
    attribute = f' class="{css}"' if css else ""
    return f"<p{attribute}>{sanitize.linkify(_text(text))}</p>"


def link_html(link: Link) -> str:
    """One READ: line: a link when it resolved, otherwise marked as not in the library."""
    if link.target_id is not None:
        target = f'<a class="read" href="{article_url(link.target_id)}">{_text(link.text)}</a>'
    else:
        target = (f'<span class="missing">{_text(link.text)}</span>'
                  ' <span class="note">— not in the library</span>')
    return f'<p class="readlink"><span class="label">Read</span>&nbsp;&nbsp;{target}</p>'


def byline(article: Article, when: DateFormat) -> str:
    """Author and dates on one line."""
    return " &nbsp;·&nbsp; ".join(byline_parts(
        article, when=lambda value: _text(when(value)),
        who=lambda name: f'<span class="author">{_text(name)}</span>'))


def article_html(article: Article, when: DateFormat,
                 places: dict[int, list[int]] | None = None) -> str:
    """The whole article; ``places`` puts READ: links after the paragraph they followed."""
    places = places or {}
    out = [f'<h1 class="title">{_text(article.title)}</h1>']
    if article.summary:
        out.append(_paragraph(article.summary, "summary"))
    if line := byline(article, when):
        out.append(f'<p class="byline">{line}</p>')
    if article.image_credit:
        out.append(f'<p class="credit">Image: {_text(article.image_credit)}</p>')
    out.append("<hr/>")
    placed = {i for where in places.values() for i in where}
    out += [link_html(article.links[i]) for i in places.get(BEFORE_BODY, [])]
    index = 0
    for section in article.sections:
        if section.heading:
            out.append(f"<h2>{_text(section.heading)}</h2>")
        for paragraph in section.paragraphs:
            out.append(_paragraph(paragraph))
            out += [link_html(article.links[i]) for i in places.get(index, [])]
            index += 1
    rest = [link for i, link in enumerate(article.links) if i not in placed]
    if rest:
        out.append('<h2 class="also">Read also</h2>')
        out += [link_html(link) for link in rest]
    return sanitize.clean("\n".join(out))
