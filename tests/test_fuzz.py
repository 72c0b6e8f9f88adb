"""Fuzzing, bounded in time: bytes -> decode -> parse -> stored row, and typed text -> FTS5.

Hypothesis runs in every test run (a few seconds each); the long variants and an atheris
(libFuzzer) run go behind the slow marker.
"""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from broadsheet.core.decode import NotText, decode
from broadsheet.core.importer import import_paths
from broadsheet.core.library import Library, prepare
from broadsheet.core.parse import parse
from broadsheet.core.query import parse_query
from broadsheet.core.search import count, find
from conftest import SEEDS

FALLBACK_HINT = "Searched for the plain words only."  # search's rescue when FTS5 refuses
QUICK = settings(max_examples=400, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture,
                                        HealthCheck.too_slow])
LONG = settings(QUICK, max_examples=20_000)

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252",
             "latin-1", "cp1251", "shift_jis", "gb18030"]
LINES = st.sampled_from([
    "READ: ", "Read more: Another story", "By Jane Doe", "Updated: 23 August 2020 10:30 IST",
    "Published on 2020-08-23T10:30:00+05:30", "| Image: Reuters", "Author: ", "\u202e", "\x00",
    "\r", "\r\n", "\t", "\ufeff", "\u0301" * 5, "🎉", "<script>", "&amp;", "   ", "",
    "Heading Of Some Length", "a sentence that ends.", "READ: READ: READ:", "x" * 500,
])
TEXTS = st.lists(st.one_of(LINES, st.text(max_size=60)), max_size=30).map("\n".join)


def encoded(text: str, encoding: str) -> bytes:
    return codecs.encode(text, encoding, "replace")


FILE_BYTES = st.one_of(
    st.binary(max_size=2000),
    st.builds(encoded, TEXTS, st.sampled_from(ENCODINGS)),
    # Mostly text with a few bytes damaged, inserted or cut off at the end.
    st.builds(lambda text, junk, at: (b := text.encode("utf-8"))[:at] + junk + b[at:],
              TEXTS, st.binary(min_size=1, max_size=8), st.integers(0, 200)),
)


def check_file_bytes(data: bytes) -> None:
    """What the importer does with one file's bytes; only NotText may come out of it."""
    try:
        decoded = decode(data)
    except NotText as error:
        refusal = str(error)
    else:
        refusal = None
    if refusal is not None:
        assert refusal.strip()
        assert "\n" not in refusal
        return
    article = parse(decoded.text, "/fuzz/case.txt")
    assert article.title.strip()
    assert "\n" not in article.title
    for text in (article.title, article.summary, article.body):
        assert "\x00" not in text
    prepared = prepare(article, decoded.text, decoded.encoding, len(data))
    assert prepared.sha256 == article.sha256


@QUICK
@given(FILE_BYTES)
def test_any_bytes_decode_and_parse_or_are_refused(data: bytes) -> None:
    check_file_bytes(data)


@pytest.mark.slow
@LONG
@given(FILE_BYTES)
def test_any_bytes_decode_and_parse_or_are_refused_long(data: bytes) -> None:
    check_file_bytes(data)


# -- the query translator ----------------------------------------------------------------

QUERY_PIECES = ['"', "(", ")", "*", "-", "+", ":", "^", "NEAR", "NEAR(", "AND", "OR", "NOT",
                "title:", "author:", "before:", "after:", "is:", "is:unread", "is:starred",
                "flood", "bridge", "modi", "2020-08", "0000-00", "\x00", "\u2028", "'", ";",
                "--", "\\", "%", "_", "{", "}", "[", "]", " ", "\t", "é", "ß", "🎉", "\u0301"]
QUERIES = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(QUERY_PIECES), max_size=14).map("".join),
    st.lists(st.one_of(st.sampled_from(QUERY_PIECES), st.text(max_size=5)),
             max_size=10).map(" ".join),
)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """One library with the sample articles for every query: queries only read."""
    library = Library(tmp_path_factory.mktemp("fuzz") / "library.db")
    import_paths(library, [SEEDS])
    yield library
    library.close()


def check_query(library: Library, text: str) -> None:
    """The translation itself is valid FTS5 and SQL, not rescued by search's fallback."""
    query = parse_query(text)
    where = "".join(f" AND {w}" for w in query.where)
    if query.match is not None:
        library.conn.execute(
            "SELECT count(*) FROM articles_fts JOIN articles ON articles.id = articles_fts.rowid"
            f" WHERE articles_fts MATCH ?{where}", [query.match, *query.params]).fetchone()
    elif query.where:
        library.conn.execute(f"SELECT count(*) FROM articles WHERE 1{where}",
                           query.params).fetchone()
    for state in (None, "unread", "starred"):
        results = find(library, text, limit=5, state=state)
        assert FALLBACK_HINT not in results.hints
        total, _capped = count(library, text, state=state)
        assert total == results.total or results.capped


@settings(QUICK, max_examples=1000)
@given(QUERIES)
def test_any_typed_query_is_a_valid_fts5_query(seeded: Library, text: str) -> None:
    check_query(seeded, text)


@pytest.mark.slow
@LONG
@given(QUERIES)
def test_any_typed_query_is_a_valid_fts5_query_long(seeded: Library, text: str) -> None:
    check_query(seeded, text)


# -- atheris -----------------------------------------------------------------------------

ATHERIS_SCRIPT = textwrap.dedent('''
    import sys
    import atheris

    with atheris.instrument_imports():
        from broadsheet.core.decode import NotText, decode
        from broadsheet.core.parse import parse
        from broadsheet.core.query import parse_query

    def one_input(data: bytes) -> None:
        try:
            text = decode(data).text
        except NotText:
            text = None
        if text is not None:
            parse(text, "fuzz.txt")
        parse_query(atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(200)).match

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
''')


@pytest.mark.slow
def test_atheris_finds_no_exception_in_decode_parse_or_query(tmp_path: Path) -> None:
    pytest.importorskip("atheris", reason="atheris is not installed (pip install atheris)")
    script = tmp_path / "fuzz_target.py"
    script.write_text(ATHERIS_SCRIPT, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:4]:
        (corpus / path.name).write_bytes(path.read_bytes())
    done = subprocess.run(
        [sys.executable, str(script), "-runs=30000", "-max_len=4096", "-seed=1", str(corpus)],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
        env={**os.environ, "PYTHONHASHSEED": "0"})
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Done 30000 runs" in done.stderr
