"""Nothing remote: articles that point at a live web server are read without one request.

A real HTTP server on 127.0.0.1 records every connection made to it; the articles are
imported, opened in the real window, scrolled and painted, and the server must see nothing.
"""

from __future__ import annotations

import base64
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from broadsheet.core.importer import import_paths
from broadsheet.core.library import Library
from broadsheet.ui.reader import ReaderView
from ui_support import close_window, open_window, seed

BUNDLED = "qrc:/qt-project.org/styles/commonstyle/images/file-16.png"


class Recorder(ThreadingHTTPServer):
    """An HTTP server that remembers every connection and request made to it."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.connections = 0
        self.requests: list[str] = []

    def process_request(self, request, client_address) -> None:
        self.connections += 1  # counted before any bytes are read: even a bare connect
        super().process_request(request, client_address)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


class Handler(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        self.server.requests.append(f"{self.command} {self.path}")
        body = b"<html><body>tracked</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_HEAD = do_POST = _answer  # noqa: N815

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test reads the record instead."""


@pytest.fixture
def server() -> Iterator[Recorder]:
    recorder = Recorder()
    thread = threading.Thread(target=recorder.serve_forever, daemon=True)
    thread.start()
    yield recorder
    recorder.shutdown()
    recorder.server_close()
    thread.join(5)


def referencing_articles(folder: Path, url: str) -> dict[str, str]:
    """Articles that name the server in every way a text file can; file name -> title."""
    texts = {
        "plain.txt": ("Plain address in the text",
                      f"The full report is at {url}/report.html for anyone."),
        "image.txt": ("Would-be image",
                      f'<img src="{url}/pixel.png" width="1" height="1"> and <img src="{url}/a.gif'
                      f'" onerror="fetch(\'{url}/onerror\')">'),
        "styles.txt": ("Would-be styles",
                       f'<link rel="stylesheet" href="{url}/s.css"><style>@import "{url}/i.css";'
                       f'p {{ background: url({url}/bg.png) }}</style>'
                       f'<p style="background-image: url({url}/inline.png)">styled</p>'),
        "frames.txt": ("Would-be frames",
                       f'<iframe src="{url}/frame"></iframe><object data="{url}/obj"></object>'
                       f'<embed src="{url}/embed"><video src="{url}/v.mp4" autoplay></video>'
                       f'<audio src="{url}/a.mp3" autoplay></audio>'),
        "read.txt": ("Read line to the web", "A paragraph before the link."),
    }
    folder.mkdir(parents=True, exist_ok=True)
    titles = {}
    for name, (title, body) in texts.items():
        extra = f"\nREAD: {url}/read-line-target\n" if name == "read.txt" else ""
        (folder / name).write_text(f"{title}\n\nA standfirst.\n\n{body}\n{extra}",
                                   encoding="utf-8")
        titles[name] = title
    (folder / "title.txt").write_text(
        f"{url}/in-the-title <img src={url}/title.png>\n\nA standfirst.\n\nBody text.\n",
        encoding="utf-8")
    titles["title.txt"] = f"{url}/in-the-title <img src={url}/title.png>"
    return titles


def paint_everything(qtbot, reader: ReaderView) -> None:
    """Scroll the article from top to bottom, painting every screen."""
    bar = reader.verticalScrollBar()
    bar.setValue(0)
    for _ in range(50):
        reader.viewport().grab()
        QApplication.processEvents()
        if reader.at_bottom():
            break
        reader.page(down=True)
    reader.grab()
    qtbot.wait(50)


def test_opening_articles_that_reference_a_server_makes_no_request(
        qtbot, library: Library, server: Recorder, tmp_path: Path) -> None:
    seed(library)
    titles = referencing_articles(tmp_path / "web", server.url)
    report = import_paths(library, [tmp_path / "web"])
    assert report.imported == len(titles)
    window = open_window(qtbot, library, tmp_path / "settings.ini")
    try:
        by_title = {row.title: row.id for row in library.rows()}
        for title in titles.values():
            assert window.open_article(by_title[title])
            qtbot.waitUntil(lambda: window.reader.article_id == window.current_id)
            shown = window.reader.toPlainText()
            assert server.url in shown  # the address is there, as words on the page
            paint_everything(qtbot, window.reader)
        qtbot.wait(300)  # anything queued would have connected by now
    finally:
        close_window(window)
    assert server.connections == 0, server.requests
    # The recorder itself works: one request of ours is seen.
    with urllib.request.urlopen(f"{server.url}/control", timeout=5) as answer:
        assert answer.status == 200
    assert server.requests == ["GET /control"]


def png_file(path: Path) -> Path:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(path))
    return path


def data_url(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode()


@pytest.fixture
def reader(qtbot) -> ReaderView:
    view = ReaderView()
    view.resize(600, 400)
    qtbot.addWidget(view)
    view.show()
    return view


def test_raw_markup_in_the_reader_loads_nothing_either(qtbot, reader: ReaderView,
                                                       server: Recorder, tmp_path: Path) -> None:
    """Past the sanitizer (were it ever bypassed), Qt itself is asked for nothing."""
    local = png_file(tmp_path / "local.png")
    reader.setSearchPaths([str(tmp_path)])  # even with a folder to look in
    reader.setHtml(
        f'<link rel="stylesheet" href="{server.url}/s.css">'
        f'<img src="{server.url}/remote.png"><img src="{local}"><img src="{local.as_uri()}">'
        f'<img src="local.png"><img src="{data_url(local)}">'
        f'<p style="background-image: url({server.url}/bg.png)">text</p>')
    paint_everything(qtbot, reader)
    document = reader.document()
    for url in (f"{server.url}/remote.png", str(local), local.as_uri(), "local.png",
                data_url(local)):
        image = document.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(url))
        assert image is None or image.isNull(), url
    assert server.connections == 0, server.requests


@pytest.mark.parametrize("kind", list(QTextDocument.ResourceType))
def test_load_resource_refuses_everything_but_bundled_resources(
        reader: ReaderView, server: Recorder, tmp_path: Path, kind: QTextDocument.ResourceType,
) -> None:
    local = png_file(tmp_path / "local.png")
    (tmp_path / "style.css").write_text("p { color: red }", encoding="utf-8")
    for url in (f"{server.url}/x", "https://127.0.0.1:1/x", str(local), local.as_uri(),
                str(tmp_path / "style.css"), "local.png", data_url(local),
                "ftp://127.0.0.1/x", "javascript:alert(1)"):
        for ask in (reader.loadResource, reader.document().loadResource):
            value = ask(kind.value, QUrl(url))
            assert value is not None, url  # None would let QTextDocument read the file itself
            assert _empty(value), (kind, url, value)
    assert server.connections == 0


def _empty(value: object) -> bool:
    if isinstance(value, QImage):
        return value.isNull()
    if isinstance(value, QByteArray | bytes | str):
        return len(value) == 0
    return False


def test_bundled_resources_still_load(reader: ReaderView) -> None:
    """The one exception: images compiled into the program (qrc:)."""
    image = reader.document().resource(QTextDocument.ResourceType.ImageResource.value,
                                       QUrl(BUNDLED))
    if isinstance(image, QByteArray):
        loaded = QImage()
        loaded.loadFromData(image)
        image = loaded
    assert not image.isNull()
