"""Nothing executed: the allow-list's exact output on hostile markup, and links that leave.

The reader's HTML is built from escaped text and then passed through bleach; here both
layers are fed the usual attacks, and the window is driven through a real confirmation
dialog before anything reaches the system browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox

from broadsheet.core.importer import import_paths
from broadsheet.core.parse import parse
from broadsheet.ui import sanitize
from broadsheet.ui.article_html import article_html
from broadsheet.ui.signals import emit

# Markup fed straight to the allow-list -> exactly what must come out.
CLEANED = [
    ("<script>alert(1)</script>after", "alert(1)after"),
    ("<SCRIPT SRC=http://evil.example.org/x.js></SCRIPT>", ""),
    ('<p onclick="steal()" onmouseover="x" class="c">p</p>', '<p class="c">p</p>'),
    ('<a href="javascript:alert(1)">j</a>', "<a>j</a>"),
    ('<a href="JaVaScRiPt:alert(1)">j</a>', "<a>j</a>"),
    ('<a href="java&#x09;script:alert(1)">j</a>', "<a>j</a>"),
    ('<a href="&#106;avascript:alert(1)">j</a>', "<a>j</a>"),
    ('<a href=" javascript:alert(1)">j</a>', "<a>j</a>"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">d</a>', "<a>d</a>"),
    ('<a href="file:///etc/passwd">f</a>', "<a>f</a>"),
    ('<a href="vbscript:msgbox(1)">v</a>', "<a>v</a>"),
    ('<a href="ftp://files.example.org/x">f</a>', "<a>f</a>"),
    ('<a href="//evil.example.org/x">r</a>', "<a>r</a>"),
    ('<a href="page.html">r</a>', "<a>r</a>"),
    ('<a href="broadsheet:settings">b</a>', "<a>b</a>"),
    ('<p style="width: expression(alert(1))">e</p>', "<p>e</p>"),
    ('<p style="background:url(http://evil.example.org/x.png)">u</p>', "<p>u</p>"),
    ('<span style="behavior: url(x.htc)">b</span>', "<span>b</span>"),
    ("<style>p { background: url(http://evil.example.org/) }</style>s",
     "p { background: url(http://evil.example.org/) }s"),
    ('<iframe src="http://evil.example.org"></iframe>', ""),
    ('<object data="x.swf">o</object>', "o"),
    ('<embed src="x.swf">', ""),
    ('<form action="http://evil.example.org"><input name="q"><button>go</button></form>', "go"),
    ('<img src=x onerror=alert(1)>', ""),
    ('<svg onload="alert(1)"><script>alert(2)</script></svg>', "alert(2)"),
    ('<base href="http://evil.example.org/">', ""),
    ('<meta http-equiv="refresh" content="0;url=http://evil.example.org">', ""),
    ('<p>unclosed <a href="http://ok.example.org/">link',
     '<p>unclosed <a href="http://ok.example.org/">link</a></p>'),
    ("<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)"),
    ("<<script>script>alert(1)<</script>/script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("<!-- <script>x</script> -->c", "c"),
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>">', "<p></p>"),
    ("&lt;script&gt;", "&lt;script&gt;"),
    ("&#60;script&#62;", "&#60;script&#62;"),
    ('<a href="http://ok.example.org/" onclick="x()" title="t">ok</a>',
     '<a href="http://ok.example.org/" title="t">ok</a>'),
    ('<a href="https://ok.example.org/a?b=1&amp;c=2">q</a>',
     '<a href="https://ok.example.org/a?b=1&amp;c=2">q</a>'),
    ('<a href="broadsheet:article/3" class="read">r</a>',
     '<a href="broadsheet:article/3" class="read">r</a>'),
    ("<h1>t</h1><h2>kept</h2><h3>dropped tag</h3>", "<h1>t</h1><h2>kept</h2>\ndropped tag"),
]


@pytest.mark.parametrize(("markup", "expected"), CLEANED)
def test_the_allow_list_gives_exactly(markup: str, expected: str) -> None:
    assert sanitize.clean(markup) == expected


class Elements(HTMLParser):
    """Tags and attributes as a browser would parse them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]


HOSTILE_TEXT = [markup for markup, _ in CLEANED] + [
    "javascript:alert(1) and data:text/html,x and file:///etc/passwd",
    'http://evil.example.org/"onmouseover=alert(1)',
    "&amp;lt;script&amp;gt; double-escaped",
]


def hostile_article_text() -> str:
    body = "\n\n".join(f"Paragraph {n}: {markup}" for n, markup in enumerate(HOSTILE_TEXT))
    return ('<script>alert("title")</script> Headline\n\n'
            '<img src="http://evil.example.org/s.png"> standfirst\n\n'
            'By <b onmouseover="x">Jane</b> Doe\n\n'
            f"{body}\n\nREAD: <a href=\"javascript:alert(1)\">Other</a>\n\n"
            "See https://www.example.org/story?id=1&x=2 for more.\n")


def test_article_text_becomes_only_words_and_typed_web_links() -> None:
    article = parse(hostile_article_text(), "/articles/hostile.txt")
    html = article_html(article, lambda when: when.isoformat())
    found = Elements(html)
    assert set(found.tags) <= {"h1", "h2", "p", "span", "a", "hr"}
    assert {name for name, _ in found.attributes} <= {"class", "href"}
    # Typed web addresses become links, ending where the quote or bracket around them starts.
    evil, ok = "http://evil.example.org", "http://ok.example.org/"
    assert [v for n, v in found.attributes if n == "href"] == [
        f"{evil}/s.png", f"{evil}/x.js", f"{evil}/x.png", f"{evil}/", evil, evil, f"{evil}/",
        evil, ok, ok, "https://ok.example.org/a?b=1&amp;c=2", f"{evil}/",
        "https://www.example.org/story?id=1&x=2"]
    assert ('<p class="summary">&lt;img src=&quot;<a href="http://evil.example.org/s.png">'
            "http://evil.example.org/s.png</a>&quot;&gt; standfirst</p>") in html
    assert html.startswith(
        '<h1 class="title">&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; Headline</h1>')
    assert ('<span class="missing">&lt;a href=&quot;javascript:alert(1)&quot;&gt;Other'
            "&lt;/a&gt;</span>") in html
    assert ('<p>See <a href="https://www.example.org/story?id=1&amp;x=2">'
            "https://www.example.org/story?id=1&amp;x=2</a> for more.</p>") in html
    assert "<p>Paragraph 0: &lt;script&gt;alert(1)&lt;/script&gt;after</p>" in html
    assert "<p>Paragraph 40: &amp;amp;lt;script&amp;amp;gt; double-escaped</p>" in html
    for markup in HOSTILE_TEXT:
        assert f": {markup}" in _shown_text(html)  # every attack is on screen, as words


def _shown_text(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


# -- links that leave Broadsheet ----------------------------------------------------------


class Opened(QObject):
    """Qt's own hook for a URL scheme: what QDesktopServices.openUrl would have opened."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


SCHEMES = ("http", "https", "file", "ftp", "javascript", "data", "mailto")


@pytest.fixture
def opened(qapp) -> Iterator[Opened]:
    """Every scheme's openUrl lands here instead of in a real browser."""
    catcher = Opened()
    for scheme in SCHEMES:
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    yield catcher
    for scheme in SCHEMES:
        QDesktopServices.unsetUrlHandler(scheme)


def answer_dialog(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Soon, press ``button`` in the question box that will be open, noting its text."""
    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        box.button(button).click()
    QTimer.singleShot(0, press)


def click_link(qtbot, window, text: str) -> None:
    """Click, with the mouse, the link whose words are ``text`` in the reader."""
    reader = window.reader
    cursor = reader.document().find(text)
    assert not cursor.isNull(), text
    cursor.setPosition(cursor.selectionStart() + 2, QTextCursor.MoveMode.MoveAnchor)
    reader.setTextCursor(cursor)
    reader.ensureCursorVisible()
    point = reader.cursorRect(cursor).center()
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)


@pytest.fixture
def linked_window(qtbot, window, tmp_path):
    """The window showing an article with a typed web address in it."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "linked.txt").write_text(
        "An article with a web link\n\nA standfirst.\n\n"
        "The report is at https://www.example.org/report?id=7 for all to see.\n",
        encoding="utf-8")
    report = import_paths(window.library, [tmp_path / "in"])
    assert report.imported == 1
    window.model.refresh()
    article_id = next(r.id for r in window.library.rows() if r.title.startswith("An article"))
    assert window.open_article(article_id)
    return window


def test_a_web_link_opens_only_after_the_user_says_open(qtbot, linked_window,
                                                        opened: Opened) -> None:
    window = linked_window
    asked: list[str] = []
    answer_dialog(QMessageBox.StandardButton.Cancel, asked)
    with qtbot.waitSignal(window.reader.external_link_clicked, timeout=5000):
        click_link(qtbot, window, "www.example.org/report")
    assert len(asked) == 1
    assert "https://www.example.org/report?id=7" in asked[0]
    assert opened.urls == []  # cancelled: nothing opened
    answer_dialog(QMessageBox.StandardButton.Open, asked)
    click_link(qtbot, window, "www.example.org/report")
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert opened.urls == ["https://www.example.org/report?id=7"]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)",
                                 "ftp://files.example.org/x", "data:text/html,<b>x</b>",
                                 "mailto:someone@example.org"])
def test_other_schemes_are_refused_with_a_message_and_never_opened(
        qtbot, window, opened: Opened, url: str) -> None:
    dialogs: list[str] = []

    def no_dialog() -> None:  # were a question asked, note it and close it
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            dialogs.append(box.text())
            box.reject()
    watcher = QTimer(window)
    watcher.timeout.connect(no_dialog)
    watcher.start(20)
    with qtbot.waitSignal(window.reader.link_refused, timeout=5000):
        emit(window.reader.anchorClicked, QUrl(url))
    qtbot.wait(100)
    watcher.stop()
    scheme = QUrl(url).scheme()
    assert re.fullmatch(rf"Not opened: {scheme} links are not followed\.",
                        window.statusBar().currentMessage())
    assert dialogs == []
    assert opened.urls == []
    assert window.reader.source().isEmpty()
