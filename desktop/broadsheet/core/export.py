"""Articles as Markdown, plain text or standalone HTML, one at a time or a whole view (no Qt)."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TextIO

from broadsheet.core.article import Article
from broadsheet.core.library import Library

SUFFIXES = {"html": ".html", "markdown": ".md", "text": ".txt", "pdf": ".pdf"}
_BY_SUFFIX = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown",
              ".txt": "text", ".text": "text", ".pdf": "pdf"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
# Between articles of a view: a thematic break in Markdown, and plain to the eye in text.
BREAK = "* * *"

# The reader's typography, for a page opened in any browser.
STYLE = """
body { font-family: Georgia, Charter, "Source Serif Pro", "DejaVu Serif", "Noto Serif", serif;
       font-size: 12pt; line-height: 1.5; color: #1a1a1a; background: #fff;
       max-width: 38em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 160%; line-height: 1.2; margin-bottom: 0.4em; }
h2 { font-size: 118%; margin-top: 1.4em; }
p { margin: 0 0 0.9em; }
.summary { font-size: 112%; font-style: italic; }
.byline { font-size: 88%; color: #6b6b6b; margin-bottom: 0.1em; }
.credit { font-size: 82%; color: #858585; }
.also { font-size: 100%; color: #6b6b6b; }
ul.read { padding-left: 1.2em; }
ul.read li { margin-bottom: 0.4em; }
article + article { border-top: 1px solid #ccc; margin-top: 2.5em; padding-top: 1em; }
"""


class ExportError(Exception):
    """An export could not be written; the message names the file and the reason."""


def format_for(path: Path | str) -> str | None:
    """The export format a file name's extension asks for, or None."""
    return _BY_SUFFIX.get(Path(path).suffix.lower())


def plain_date(value: datetime) -> str:
    """'23 August 2020, 19:53 UTC+05:30' (just the day for a bare date), the same anywhere."""
    day = f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    offset = value.utcoffset()
    if offset == timedelta(0) and (value.hour, value.minute, value.second) == (0, 0, 0):
        return day  # the parser stores a bare date as midnight UTC
    if offset is None:
        return f"{day}, {value:%H:%M}"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    zone = f"UTC{sign}{hours:02d}:{rest:02d}" if minutes else "UTC"
    return f"{day}, {value:%H:%M} {zone}"


def byline_parts(article: Article, when: Callable[[datetime], str] = plain_date,
                 who: Callable[[str], str] = str) -> list[str]:
    """'By …', 'Published …', 'Updated …' as far as the article says; ``when`` and ``who``
    write the dates and the name (the reader's HTML escapes and marks them up)."""
    parts = []
    if article.author:
        parts.append(f"By {who(article.author)}")
    if article.published:
        parts.append(f"Published {when(article.published)}")
    if article.updated and article.updated != article.published:
        parts.append(f"Updated {when(article.updated)}")
    return parts


# -- Markdown -----------------------------------------------------------------------------

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def md_escape(text: str) -> str:
    """Text that Markdown shows as written: no accidental emphasis, headings or lists."""
    text = _MD_INLINE.sub(r"\\\1", " ".join(text.split()))
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def to_markdown(article: Article) -> str:
    """The article as Markdown: title, summary, byline, sections, then the READ: links."""
    out = [f"# {md_escape(article.title)}"]
    if article.summary:
        out.append(f"*{md_escape(article.summary)}*")
    head = [md_escape(p) for p in byline_parts(article)]
    if article.image_credit:
        head.append(f"Image: {md_escape(article.image_credit)}")
    if head:
        out.append("  \n".join(head))  # two spaces: a line break inside one paragraph
    for section in article.sections:
        if section.heading:
            out.append(f"## {md_escape(section.heading)}")
        out += [md_escape(p) for p in section.paragraphs]
    if article.links:
        out.append("## Read also")
        out.append("\n".join(f"- {md_escape(link.text)}" for link in article.links))
    return "\n\n".join(out) + "\n"


# -- plain text ---------------------------------------------------------------------------

def _underlined(text: str, mark: str) -> str:
    return f"{text}\n{mark * len(text)}"


def to_text(article: Article) -> str:
    """The article as plain text, paragraphs one line each, headings underlined."""
    out = [_underlined(article.title, "=")]
    if article.summary:
        out.append(article.summary)
    head = byline_parts(article)
    if article.image_credit:
        head.append(f"Image: {article.image_credit}")
    if head:
        out.append("\n".join(head))
    for section in article.sections:
        if section.heading:
            out.append(_underlined(section.heading, "-"))
        out += list(section.paragraphs)
    if article.links:
        out.append(_underlined("Read also", "-"))
        out.append("\n".join(f"- {link.text}" for link in article.links))
    return "\n\n".join(out) + "\n"


# -- HTML ---------------------------------------------------------------------------------

def _e(text: str) -> str:
    return html.escape(text, quote=True)


def html_body(article: Article) -> str:
    """One article as an escaped <article> element (no links: nothing in it points anywhere)."""
    out = ["<article>", f"<h1>{_e(article.title)}</h1>"]
    if article.summary:
        out.append(f'<p class="summary">{_e(article.summary)}</p>')
    if parts := byline_parts(article):
        out.append(f'<p class="byline">{" &nbsp;·&nbsp; ".join(_e(p) for p in parts)}</p>')
    if article.image_credit:
        out.append(f'<p class="credit">Image: {_e(article.image_credit)}</p>')
    for section in article.sections:
        if section.heading:
            out.append(f"<h2>{_e(section.heading)}</h2>")
        out += [f"<p>{_e(p)}</p>" for p in section.paragraphs]
    if article.links:
        out.append('<h2 class="also">Read also</h2>')
        out.append('<ul class="read">' + "".join(f"<li>{_e(link.text)}</li>"
                                                 for link in article.links) + "</ul>")
    out.append("</article>")
    return "\n".join(out)


def html_head(title: str) -> str:
    """The start of a standalone page, up to and including <body>."""
    return ('<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
            '<meta name="generator" content="Broadsheet">\n'
            f"<title>{_e(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n")


HTML_TAIL = "</body>\n</html>\n"


def to_html(article: Article) -> str:
    """The article as a standalone page with a small inline stylesheet."""
    return html_head(article.title) + html_body(article) + "\n" + HTML_TAIL


RENDERERS: dict[str, Callable[[Article], str]] = {
    "html": to_html, "markdown": to_markdown, "text": to_text}


# -- files --------------------------------------------------------------------------------

def write_article(article: Article, path: Path, fmt: str) -> None:
    """Write one article in a text format; the file appears whole or not at all."""
    with replacing(path) as part, _text_file(part) as out:
        out.write(RENDERERS[fmt](article))


def stream_articles(library: Library, ids: Iterable[int]) -> Iterator[Article]:
    """The articles of ``ids`` read one at a time; ids no longer in the library are passed over."""
    for article_id in ids:
        article = library.get(article_id)
        if article is not None:
            yield article


@dataclass(frozen=True, slots=True)
class ViewExport:
    """What a view export wrote, and whether it was stopped before the end."""

    path: Path
    articles: int
    cancelled: bool = False


def write_view(articles: Iterable[Article], path: Path, fmt: str, title: str,
               progress: Callable[[int], bool] | None = None) -> ViewExport:
    """Write many articles into one file, one after another, as they come.

    One file rather than a folder of them: it is what opens, prints, searches and travels
    as one thing, and a view of 100,000 articles as 100,000 files helps nobody. ``progress``
    is told the count after each article; when it returns False the export stops and
    nothing is left on disk.
    """
    if fmt not in RENDERERS:
        raise ValueError(f"not a text export format: {fmt}")
    count = 0
    # The file closes before ``replacing`` moves it into place or, abandoned, drops it.
    with replacing(path) as part, _text_file(part) as out:
        if fmt == "html":
            out.write(html_head(title))
        for article in articles:
            if fmt == "html":
                out.write(html_body(article) + "\n")
            else:
                out.write(("\n" + BREAK + "\n\n" if count else "") + RENDERERS[fmt](article))
            count += 1
            if progress is not None and not progress(count):
                part.abandon()
                break
        if fmt == "html" and part.keep:
            out.write(HTML_TAIL)
    return ViewExport(path, count, not part.keep)


@dataclass(slots=True)
class PartFile:
    """A hidden file beside an export's destination, which takes its place once complete."""

    path: Path
    keep: bool = True

    def abandon(self) -> None:
        """Throw the file away at the end instead (a cancelled export)."""
        self.keep = False


@contextmanager
def replacing(path: Path) -> Iterator[PartFile]:
    """Write to a hidden file beside ``path``: it becomes ``path`` only when complete.

    Failures leave nothing behind, not even a half-replaced older file, and come out as
    ExportError naming ``path``.
    """
    part = PartFile(path.with_name(f".{path.name}.part"))
    try:
        yield part
        if part.keep:
            os.replace(part.path, path)
        else:
            part.path.unlink(missing_ok=True)
    except ExportError as error:
        part.path.unlink(missing_ok=True)
        raise ExportError(f"{path}: {error}") from error
    except OSError as error:
        part.path.unlink(missing_ok=True)
        raise ExportError(f"{path}: could not be written ({error.strerror or error})") \
            from error
    except BaseException:
        part.path.unlink(missing_ok=True)
        raise


def _text_file(part: PartFile) -> TextIO:
    """The part file opened for a text export: UTF-8, Unix line endings on any system."""
    return open(part.path, "w", encoding="utf-8", newline="\n")
