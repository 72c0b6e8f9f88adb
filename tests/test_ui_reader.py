"""The reader: escaped text through the bleach allow-list, links in place, nothing remote."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QUrl
from PySide6.QtGui import QTextDocument

from broadsheet.core.article import Article, Link, Section
from broadsheet.core.library import Library
from broadsheet.core.parse import parse
from broadsheet.ui import sanitize
from broadsheet.ui.article_html import article_html, article_id_from, article_url
from broadsheet.ui.link_places import BEFORE_BODY, link_places
from broadsheet.ui.reader import ReaderView
from broadsheet.ui.signals import emit
from conftest import REFERENCE
from ui_support import close_window, open_window, seed

HOSTILE = [
    '<script>alert("x")</script>',
    '<img src="http://evil.example/pixel.png" onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<p onclick="steal()" style="background:url(http://evil.example/x)">hi</p>',
    '<iframe src="https://evil.example"></iframe>',
    '<a href="file:///etc/passwd">local</a>',
    '<svg onload="alert(1)"><use href="http://evil.example/#x"/></svg>',
    '<link rel="stylesheet" href="http://evil.example/s.css">',
    '<a href="data:text/html,<script>alert(1)</script>">data</a>',
]


class Elements(HTMLParser):
    """Every element and attribute in a piece of HTML, as a browser would see them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += [(name, value or "") for name, value in attrs]


def assert_harmless(html: str) -> None:
    found = Elements(html)
    assert found.tags <= sanitize.TAGS
    assert not found.tags & {"script", "img", "iframe", "svg", "link", "style", "object"}
    for name, value in found.attributes:
        assert not name.startswith("on")
        assert name not in ("src", "style")
        if name == "href":
            assert value.split(":", 1)[0] in {"http", "https", sanitize.ARTICLE_SCHEME}


def when(value: datetime) -> str:
    return value.strftime("%d %B %Y")


def hostile_article() -> Article:
    return Article(
        title=HOSTILE[0], summary=HOSTILE[1], author=HOSTILE[3], image_credit=HOSTILE[4],
        published=datetime(2021, 3, 4, 10, 30, tzinfo=UTC),
        sections=[Section(HOSTILE[5], (*tuple(HOSTILE[6:]), "see https://example.org/a?b=1"))],
        links=[Link(HOSTILE[2]), Link("A resolved one", 7)], id=1)


@pytest.mark.parametrize("html", HOSTILE)
def test_the_allow_list_removes_hostile_markup(html: str) -> None:
    assert_harmless(sanitize.clean(html))


def test_article_fields_are_escaped_text_never_markup() -> None:
    html = article_html(hostile_article(), when)
    assert_harmless(html)
    assert "&lt;script&gt;" in html  # shown as the words it is, not run
    document = QTextDocument()
    document.setHtml(html)
    assert '<script>alert("x")</script>' in document.toPlainText()


def test_only_article_links_and_typed_web_addresses_become_links() -> None:
    html = article_html(hostile_article(), when)
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs == ["https://example.org/a?b=1", article_url(7)]
    assert article_id_from(article_url(7)) == 7
    assert article_id_from("broadsheet:article/x") is None
    assert "not in the library" in html


def test_byline_dates_and_credit_are_shown() -> None:
    article = parse(REFERENCE.read_text(encoding="utf-8"), str(REFERENCE))
    html = article_html(article, when)
    assert "Bhavya Sukheja" in html
    assert "23 August 2020" in html
    assert "Image: self" in html


def test_read_links_stay_where_they_were_in_the_text() -> None:
    raw = REFERENCE.read_text(encoding="utf-8")
    article = parse(raw, str(REFERENCE))
    places = link_places(article)
    placed = sorted(i for where in places.values() for i in where)
    assert placed == list(range(len(article.links)))
    first = next(where for where, links in places.items() if 0 in links)
    assert first != BEFORE_BODY
    assert "Putin" in article.paragraphs[first]  # the paragraph the first READ: line followed
    order = [i for where in sorted(places) for i in places[where]]
    assert order == sorted(order)


@pytest.fixture
def reader(qtbot) -> ReaderView:
    view = ReaderView()
    qtbot.addWidget(view)
    return view


def test_reader_never_loads_a_resource(reader: ReaderView) -> None:
    for url in ("http://evil.example/x.png", "https://evil.example/s.css", "file:///etc/passwd",
                "pixel.png"):
        image = reader.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url))
        assert image.isNull()  # empty, not None: None lets QTextDocument read local files


def test_reader_reports_links_instead_of_following_them(qtbot, reader: ReaderView) -> None:
    with qtbot.waitSignal(reader.article_link_clicked) as article:
        emit(reader.anchorClicked, QUrl(article_url(3)))
    assert article.args == [3]
    with qtbot.waitSignal(reader.external_link_clicked) as external:
        emit(reader.anchorClicked, QUrl("https://example.org/"))
    assert external.args[0].host() == "example.org"
    with qtbot.waitSignal(reader.link_refused):
        emit(reader.anchorClicked, QUrl("javascript:alert(1)"))
    assert reader.source().isEmpty()  # nothing was navigated to


def test_clicking_a_read_link_opens_that_article(qtbot, library: Library,
                                                 tmp_path: Path) -> None:
    seed(library)
    window = open_window(qtbot, library, tmp_path / "s.ini")
    try:
        linking = next(a for a in (library.get(r.id) for r in library.rows())
                       if any(link.target_id for link in a.links))
        window.open_article(linking.id)
        target = next(link.target_id for link in linking.links if link.target_id)
        emit(window.reader.anchorClicked, QUrl(article_url(target)))
        assert window.current_id == target
        emit(window.reader.anchorClicked, QUrl("ftp://example.org/file"))
        assert "not followed" in window.statusBar().currentMessage()
        assert window.current_id == target
    finally:
        close_window(window)


def test_times_are_shown_as_the_page_printed_them_with_their_zone() -> None:
    from broadsheet.ui.locale_dates import long_datetime

    article = parse(REFERENCE.read_text(encoding="utf-8"), str(REFERENCE))
    assert article.published is not None
    shown = long_datetime(article.published, QLocale(QLocale.Language.English,
                                                     QLocale.Country.UnitedKingdom))
    assert "23 August 2020" in shown
    assert "19:53" in shown
    here = article.published.astimezone().utcoffset()
    assert ("UTC+05:30" in shown) == (here != article.published.utcoffset())
