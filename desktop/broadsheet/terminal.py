"""Terminal output for the command line: a progress bar and an article as readable text."""

from __future__ import annotations

import shutil
import textwrap
import time
from typing import TextIO

from broadsheet.core.article import Article


class ProgressBar:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.started = time.monotonic()
        self.last_draw = 0.0

    def update(self, done: int, total: int, path: str) -> None:
        """Redraw at most ten times a second."""
        now = time.monotonic()
        if now - self.last_draw < 0.1 and done < total:
            return
        self.last_draw = now
        width = shutil.get_terminal_size((80, 20)).columns
        rate = done / max(now - self.started, 1e-6)
        head = f"{done}/{total} {rate:,.0f}/s "
        bar_width = max(10, min(30, width - len(head) - 20))
        filled = int(bar_width * done / max(total, 1))
        name = path[-(width - len(head) - bar_width - 4):] if width > 60 else ""
        line = f"[{'#' * filled}{'.' * (bar_width - filled)}] {head}{name}"
        self.stream.write("\r" + line[: width - 1].ljust(width - 1))
        self.stream.flush()

    def finish(self) -> None:
        """Leave the terminal on a fresh line."""
        if self.enabled and self.last_draw:
            self.stream.write("\n")
            self.stream.flush()


def format_article(article: Article, width: int = 78) -> str:
    """The article laid out for reading in a terminal."""
    out = [article.title, "=" * min(len(article.title), width)]
    meta = [x for x in (article.author and f"By {article.author}",
                        article.published and f"Published {article.published:%d %B %Y %H:%M %Z}",
                        article.updated and article.updated != article.published
                        and f"Updated {article.updated:%d %B %Y %H:%M %Z}",
                        article.image_credit and f"Image: {article.image_credit}") if x]
    if meta:
        out.append(" · ".join(meta))
    if article.summary:
        out += ["", textwrap.fill(article.summary, width)]
    for section in article.sections:
        if section.heading:
            out += ["", section.heading, "-" * min(len(section.heading), width)]
        for paragraph in section.paragraphs:
            out += ["", textwrap.fill(paragraph, width)]
    if article.links:
        out += ["", "Read also:"]
        for link in article.links:
            where = f" [{link.target_id}]" if link.target_id is not None else " (not in library)"
            out.append(f"  • {link.text}{where}")
    return "\n".join(out)
