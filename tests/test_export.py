"""Export without Qt: the reference article as Markdown, text and HTML, and whole views."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest

from broadsheet.core.article import Article, Link, Section
from broadsheet.core.export import (
    BREAK,
    ExportError,
    format_for,
    md_escape,
    plain_date,
    stream_articles,
    to_html,
    to_markdown,
    to_text,
    write_article,
    write_view,
)
from broadsheet.core.importer import import_paths
from broadsheet.core.library import Library
from conftest import REFERENCE, SEEDS

TITLE = "Russia says it is impossible to prove Belarus leader Lukashenko did not win vote"
SUMMARY = ("The Russia's Foreign Minister said that it would be impossible to prove that"
           " Belarus leader did not win the election in the absence of international observers.")
READ = ["Belarus' Lukashenko Orders Army To Defend Borders Ahead Of Mass Protests",
        "Belarus Protesters Demand Fair Elections, Freedom",
        "Belarus President Says NATO, West Are Threat To The Country",
        "Belarus Military Instructed To Protect Country's Territorial Integrity Amid Mass"
        " Protests"]
HEADING = "Lukashenko orders army to defend borders"
FIRST = "The Russian Foreign Minister Sergei Lavrov on August 21 reportedly said"
LAST = "which he termed as a pearl."


@pytest.fixture
def seeded(library: Library) -> Library:
    import_paths(library, [SEEDS])
    return library


@pytest.fixture
def reference(seeded: Library) -> Article:
    article_id = seeded.conn.execute("SELECT id FROM articles WHERE source_path = ?",
                                   (str(REFERENCE),)).fetchone()[0]
    article = seeded.get(article_id)
    assert article is not None
    return article


class _Page(HTMLParser):
    """The text of each element of interest in an exported page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str]] = []  # (tag, class, text)
        self.tags: list[str] = []
        self._open: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._open.append((tag, dict(attrs).get("class") or ""))
        self.found.append((tag, dict(attrs).get("class") or "", ""))

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open and self.found:
            tag, css, text = self.found[-1]
            self.found[-1] = (tag, css, text + data)

    def texts(self, tag: str, css: str = "") -> list[str]:
        return [" ".join(t.split()) for g, c, t in self.found if g == tag and c == css]


def parsed(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


# -- one article --------------------------------------------------------------------------

def test_markdown_of_the_reference_article(reference: Article) -> None:
    markdown = to_markdown(reference)
    head, _, rest = markdown.partition(f"\n\n{FIRST}")
    assert head == (f"# {TITLE}\n\n*{SUMMARY}*\n\n"
                    "By Bhavya Sukheja  \nPublished 23 August 2020, 19:53 UTC+05:30  \n"
                    "Image: self")
    blocks = rest.split("\n\n")
    assert blocks.index(f"## {HEADING}") == 4  # the first section: the rest of its four
    assert blocks[-2] == "## Read also"
    assert blocks[-1] == "\n".join(f"- {text}" for text in READ) + "\n"
    assert LAST in blocks[-3]
    assert "READ:" not in markdown


def test_text_of_the_reference_article(reference: Article) -> None:
    text = to_text(reference)
    lines = text.splitlines()
    assert lines[:2] == [TITLE, "=" * len(TITLE)]
    assert lines[3] == SUMMARY
    assert lines[5:8] == ["By Bhavya Sukheja", "Published 23 August 2020, 19:53 UTC+05:30",
                          "Image: self"]
    assert f"\n\n{HEADING}\n{'-' * len(HEADING)}\n\n" in text
    assert text.endswith("Read also\n---------\n\n" + "\n".join(f"- {t}" for t in READ) + "\n")
    paragraphs = [line for line in lines if line.startswith(FIRST)]
    assert len(paragraphs) == 1  # a paragraph stays on one line, for pasting anywhere


def test_html_of_the_reference_article(reference: Article) -> None:
    page = to_html(reference)
    assert page.startswith("<!DOCTYPE html>")
    found = parsed(page)
    assert found.texts("title") == [TITLE]
    assert found.texts("h1") == [TITLE]
    assert found.texts("p", "summary") == [SUMMARY]
    assert found.texts("p", "byline") == [
        "By Bhavya Sukheja · Published 23 August 2020, 19:53 UTC+05:30"]
    assert found.texts("p", "credit") == ["Image: self"]
    assert found.texts("h2") == [HEADING]
    assert found.texts("h2", "also") == ["Read also"]
    assert found.texts("li") == READ
    body = found.texts("p")
    assert len(body) == 5
    assert body[0].startswith(FIRST)
    assert body[-1].endswith(LAST)
    assert "<style>" in page
    assert "font-family" in page
    # Standalone: nothing is fetched and nothing points back into the app.
    assert not set(found.tags) & {"script", "link", "img", "a", "iframe"}


def test_markup_in_an_article_is_shown_as_text() -> None:
    article = Article(
        title='<script>alert("x")</script> & friends', summary="<b>bold</b>",
        author="<img src=x onerror=alert(1)>",
        sections=[Section("# Not <i>a</i> heading", ("1. not a list", "*not* _emphasis_ [x](y)",
                                                      "> not a quote"))],
        links=[Link("<a href='javascript:x'>link</a>")])
    page = to_html(article)
    found = parsed(page)
    assert set(found.tags) == {"html", "head", "meta", "title", "style", "body", "article",
                               "h1", "p", "h2", "ul", "li"}
    assert found.texts("h1") == ['<script>alert("x")</script> & friends']
    assert found.texts("li") == ["<a href='javascript:x'>link</a>"]
    markdown = to_markdown(article)
    assert "\n\\1. not a list\n" in markdown
    assert "\\*not\\* \\_emphasis\\_ \\[x\\](y)" in markdown
    assert "\n\\> not a quote\n" in markdown
    assert "## \\# Not \\<i\\>a\\</i\\> heading" in markdown
    assert md_escape("- item") == "\\- item"


def test_dates_without_a_zone_and_bare_dates_read_plainly() -> None:
    assert plain_date(datetime(2021, 3, 4, tzinfo=UTC)) == "4 March 2021"
    assert plain_date(datetime(2021, 3, 4, 9, 5, tzinfo=UTC)) == "4 March 2021, 09:05 UTC"
    west = timezone(-timedelta(hours=4))
    assert plain_date(datetime(2021, 3, 4, 9, 5, tzinfo=west)) == "4 March 2021, 09:05 UTC−04:00"
    article = Article(title="T", updated=datetime(2021, 3, 5, tzinfo=UTC),
                      published=datetime(2021, 3, 4, tzinfo=UTC))
    assert "Published 4 March 2021\nUpdated 5 March 2021" in to_text(article)


def test_formats_follow_the_extension() -> None:
    assert [format_for(n) for n in ("a.HTML", "b.md", "c.txt", "d.pdf", "e.htm", "f.doc")] == [
        "html", "markdown", "text", "pdf", "html", None]


# -- files --------------------------------------------------------------------------------

def test_an_article_file_is_written_in_each_format(reference: Article, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for fmt, name in (("html", "a.html"), ("markdown", "a.md"), ("text", "a.txt")):
        write_article(reference, out / name, fmt)
        content = (out / name).read_text(encoding="utf-8").replace("&#x27;", "'")
        assert TITLE in content
        assert LAST in content
        assert READ[-1] in content
    assert sorted(p.name for p in out.iterdir()) == ["a.html", "a.md", "a.txt"]  # no leftovers


def test_a_file_that_cannot_be_written_is_named(reference: Article, tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "a.md"
    with pytest.raises(ExportError, match=re.escape(str(target))):
        write_article(reference, target, "markdown")


def test_a_view_is_one_file_in_the_order_given(seeded: Library, tmp_path: Path) -> None:
    ids = [row.id for row in seeded.rows("title")][:5]
    titles = [seeded.get(i).title for i in ids]
    result = write_view(stream_articles(seeded, [*ids, 999]), tmp_path / "v.md", "markdown",
                        "Five")
    assert (result.articles, result.cancelled) == (5, False)
    markdown = (tmp_path / "v.md").read_text(encoding="utf-8")
    assert re.findall(r"^# (.+)$", markdown, re.MULTILINE) == [md_escape(t) for t in titles]
    assert markdown.count(f"\n{BREAK}\n") == 4

    write_view(stream_articles(seeded, ids), tmp_path / "v.html", "html", "Five & more")
    page = parsed((tmp_path / "v.html").read_text(encoding="utf-8"))
    assert page.texts("title") == ["Five & more"]
    assert page.texts("h1") == titles
    assert page.tags.count("html") == 1
    assert page.tags.count("article") == 5

    write_view(stream_articles(seeded, ids), tmp_path / "v.txt", "text", "Five")
    text = (tmp_path / "v.txt").read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if line in titles] == titles


def test_a_cancelled_view_export_leaves_nothing(seeded: Library, tmp_path: Path) -> None:
    target = tmp_path / "view.md"
    target.write_text("an older export\n", encoding="utf-8")
    seen: list[int] = []

    def progress(done: int) -> bool:
        seen.append(done)
        return done < 3

    result = write_view(stream_articles(seeded, range(1, 17)), target, "markdown", "All",
                        progress)
    assert (result.articles, result.cancelled) == (3, True)
    assert seen == [1, 2, 3]
    assert target.read_text(encoding="utf-8") == "an older export\n"  # not half-replaced
    assert sorted(p.name for p in tmp_path.iterdir() if "view" in p.name) == ["view.md"]
