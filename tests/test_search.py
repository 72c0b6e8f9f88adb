"""Search: what people type, made into safe FTS5 queries, run over a real library file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from broadsheet.core.importer import import_paths
from broadsheet.core.library import Library
from broadsheet.core.search import (
    HIT_END,
    HIT_START,
    Hit,
    count,
    date_bounds,
    find,
    fts_string,
    matched_words,
    parse_query,
    search,
    snippets_for,
)
from broadsheet.ui import reading_state
from conftest import SEEDS
from ui_support import write_articles

MARKED = re.compile(re.escape(HIT_START) + "(.*?)" + re.escape(HIT_END))


@pytest.fixture
def seeded(library: Library) -> Library:
    report = import_paths(library, [SEEDS])
    assert report.imported == 16
    return library


def ids(library: Library) -> dict[str, int]:
    """Seed prefix ("000") -> article id."""
    return {Path(row.source_path).name[:3]: row.id for row in library.rows()}


def prefixes(library: Library, hits: list[Hit]) -> list[str]:
    by_id = {v: k for k, v in ids(library).items()}
    return [by_id[h.id] for h in hits]


def full_text(library: Library, article_id: int) -> str:
    article = library.get(article_id)
    assert article is not None
    return " ".join([article.title, article.summary, article.author or "", article.body])


# -- parsing the query -------------------------------------------------------------


def test_words_are_quoted_and_all_required() -> None:
    query = parse_query("harbour bridge")
    assert query.match == '"harbour" AND "bridge"'
    assert query.where == []


def test_phrase_stays_one_term() -> None:
    assert parse_query('"swing bridge" lorries').match == '"swing bridge" AND "lorries"'


def test_unbalanced_quote_is_a_phrase_to_the_end() -> None:
    assert parse_query('"swing bridge').match == '"swing bridge"'


def test_excluded_words() -> None:
    query = parse_query("bridge -lorries -cars")
    assert query.match == '("bridge") NOT ("lorries" OR "cars")'


def test_query_prefix() -> None:
    assert parse_query("Lenh*").match == '"Lenh"*'


def test_query_title_field() -> None:
    assert parse_query("title:bridge").match == 'title : "bridge"'


def test_fts_operators_are_plain_words() -> None:
    query = parse_query("flood AND NOT NEAR(rain)")
    assert query.match is not None
    assert query.match.count('"') == 8  # four quoted literals, no bare operator


def test_fts_string_doubles_quotes() -> None:
    assert fts_string('say "hi"') == '"say ""hi"""'


def test_unknown_field_is_two_words() -> None:
    assert parse_query("Explainer:Brexit").match == '"Explainer Brexit"'


def test_author_filter_is_a_parameter_not_sql() -> None:
    query = parse_query("author:O'Brien")
    assert query.match is None
    assert len(query.where) == 1
    assert "O'Brien" not in query.where[0]


@pytest.mark.parametrize("text", ["", "   ", "-", "*", ":", "()", '""', "- * :"])
def test_empty_queries(text: str) -> None:
    assert parse_query(text).is_empty


def test_bad_date_gives_a_hint() -> None:
    query = parse_query("before:yesterday")
    assert query.where == []
    assert any("2020-08-23" in hint for hint in query.hints)


def _day(*parts: int) -> str:
    return date(*parts).isoformat()


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [("2020-08-23", (2020, 8, 23), (2020, 8, 24)),
     ("2020-08", (2020, 8, 1), (2020, 9, 1)),
     ("2020", (2020, 1, 1), (2021, 1, 1)),
     ("2020-12", (2020, 12, 1), (2021, 1, 1)),
     ("2020-12-31", (2020, 12, 31), (2021, 1, 1)),
     ("2020/8/3", (2020, 8, 3), (2020, 8, 4))],
)
def test_date_bounds(value: str, start: tuple[int, ...], end: tuple[int, ...]) -> None:
    assert date_bounds(value) == (_day(*start), _day(*end))


@pytest.mark.parametrize("value", ["2020-13", "2020-02-30", "20", "August", "0000", "9999-12-31x",
                                   "2020-0", "2020-08-0"])
def test_date_bounds_refuses_non_dates(value: str) -> None:
    assert date_bounds(value) is None


# -- searching a library --------------------------------------------------------------


def test_word(seeded: Library) -> None:
    hits = search(seeded, "Lukashenko")
    assert prefixes(seeded, hits) == ["000"]
    assert hits[0].title.startswith("Russia says it is impossible")
    assert hits[0].published == "2020-08-23T19:53:00+05:30"


def test_all_words_must_match(seeded: Library) -> None:
    hits = search(seeded, "lorries pivot")
    assert hits
    for hit in hits:
        text = full_text(seeded, hit.id).lower()
        assert "lorries" in text
        assert "pivot" in text


def test_words_are_case_insensitive(seeded: Library) -> None:
    assert search(seeded, "LUKASHENKO") == search(seeded, "lukashenko")


def test_quoted_phrase(seeded: Library) -> None:
    hits = search(seeded, '"swing bridge"')
    assert len(hits) >= 2
    for hit in hits:
        assert "swing bridge" in full_text(seeded, hit.id).lower()
    assert search(seeded, '"bridge swing"') == []
    assert search(seeded, "bridge swing") != []


def test_excluded_word(seeded: Library) -> None:
    with_lorries = search(seeded, "bridge")
    without = search(seeded, "bridge -lorries")
    assert without
    assert len(without) < len(with_lorries)
    for hit in without:
        text = full_text(seeded, hit.id).lower()
        assert "bridge" in text
        assert "lorries" not in text


def test_exclusion_alone_lists_everything_else(seeded: Library) -> None:
    hits = search(seeded, "-Lukashenko")
    assert len(hits) == 15
    assert "000" not in prefixes(seeded, hits)


def test_prefix(seeded: Library) -> None:
    assert search(seeded, "Lenh") == []
    hits = search(seeded, "Lenh*")
    assert {"010", "011"} <= set(prefixes(seeded, hits))
    for hit in hits:
        assert "lenh" in full_text(seeded, hit.id).lower()


def test_title_field(seeded: Library) -> None:
    everywhere = search(seeded, "bridge")
    in_title = search(seeded, "title:bridge")
    assert sorted(prefixes(seeded, in_title)) == ["010", "011", "015"]
    assert len(everywhere) > len(in_title)


def test_author_field(seeded: Library) -> None:
    assert sorted(prefixes(seeded, search(seeded, "author:Carrick"))) == ["001", "004"]
    assert sorted(prefixes(seeded, search(seeded, "author:carrick"))) == ["001", "004"]
    assert sorted(prefixes(seeded, search(seeded, "author:carrick recede"))) == ["004"]
    assert search(seeded, "author:Nobody") == []


@pytest.mark.parametrize("pattern", ["%", "_", "%%", "Niamh%Carrick", "\\"])
def test_author_wildcards_are_literal(seeded: Library, pattern: str) -> None:
    assert search(seeded, f"author:{pattern}") == []


def test_excluded_author(seeded: Library) -> None:
    hits = search(seeded, "-author:carrick")
    assert len(hits) == 14
    assert not {"001", "004"} & set(prefixes(seeded, hits))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("before:2020-08-24", ["000"]),
     ("before:2020-08-23", []),
     ("after:2020-08-23 before:2020-08-24", ["000"]),
     ("after:2020-08 before:2020-09", ["000"]),
     ("before:2020-09", ["000"]),
     ("after:2020 before:2021", ["000"]),
     ("before:2021", ["000"]),
     ("after:2024-01", ["013", "014"]),
     ("after:2024", ["013", "014"]),
     ("after:2021-10-03 before:2021-10-07", ["001", "002", "003"])],
)
def test_date_filters(seeded: Library, text: str, expected: list[str]) -> None:
    assert sorted(prefixes(seeded, search(seeded, text))) == expected


def test_date_filter_with_words(seeded: Library) -> None:
    assert sorted(prefixes(seeded, search(seeded, "flood after:2021-10-05"))) == sorted(
        prefixes(seeded, [h for h in search(seeded, "flood")
                          if h.published and h.published >= "2021-10-05"]))


def test_filters_alone_list_newest_first(seeded: Library) -> None:
    hits = search(seeded, "after:2021")
    dates = [h.published for h in hits]
    assert dates == sorted(dates, reverse=True)
    assert "007" not in prefixes(seeded, hits)  # no date: not after anything


def test_date_filter_uses_the_date_printed_on_the_article(library: Library,
                                                          tmp_path: Path) -> None:
    # Published 02:00 in India is still the evening before in UTC; the reader sees
    # "23 August" and filters by it.
    folder = tmp_path / "early"
    folder.mkdir()
    (folder / "early.txt").write_text(
        "Early edition goes to press\n\nThe first copies left at two in the morning.\n\n"
        "Published August 23rd, 2020 at 02:00 IST\n\nPrinters worked all night.\n",
        encoding="utf-8")
    import_paths(library, [folder])
    (row,) = library.rows()
    assert row.published is not None
    assert row.published.startswith("2020-08-23")
    on_the_day = search(library, "after:2020-08-23 before:2020-08-24")
    assert [h.id for h in on_the_day] == [row.id]
    assert search(library, "before:2020-08-23") == []


@pytest.mark.parametrize(("word", "title_of"), [("turnout", "008"), ("pivot", "010"),
                                                ("fishing", "014"), ("lorries", "011"),
                                                ("athletic", "006")])
def test_title_hit_ranks_first(seeded: Library, word: str, title_of: str) -> None:
    hits = search(seeded, word)
    assert len(hits) >= 3
    assert prefixes(seeded, hits)[0] == title_of
    assert word in hits[0].title.lower()


def test_hits_are_best_first(seeded: Library) -> None:
    hits = search(seeded, "Carrowmere flood")
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_limit(seeded: Library) -> None:
    assert len(search(seeded, "the", limit=50)) > 3
    assert len(search(seeded, "the", limit=3)) == 3


@pytest.mark.parametrize("word", ["Lukashenko", "swing", "flood"])
def test_snippet_marks_the_matched_words(seeded: Library, word: str) -> None:
    hits = search(seeded, word)
    assert hits
    for hit in hits:
        marked = MARKED.findall(hit.snippet)
        assert marked, hit.snippet
        for text in marked:
            assert text.lower().startswith(word.lower()[:4])
        assert hit.snippet.count(HIT_START) == hit.snippet.count(HIT_END)


def test_snippet_marks_prefix_matches(seeded: Library) -> None:
    (first, *_) = search(seeded, "Lukash*")
    assert f"{HIT_START}Lukashenko{HIT_END}" in first.snippet


def test_snippet_marks_each_word_of_a_phrase(seeded: Library) -> None:
    hit = search(seeded, '"swing bridge"')[0]
    marked = " ".join(MARKED.findall(hit.snippet)).lower()
    assert "swing bridge" in marked


@pytest.mark.parametrize(
    "text",
    ['"', '"flood', "flood)", "(flood", "NEAR(flood rain)", "flood AND", "OR", "NOT flood",
     "^flood", "flood*:", "*flood", "flo*od", "-", "--flood", "title:", "author:",
     "before:", "after:2020-99", "col:umn", "a.b", "flood\x00", "'; DROP TABLE articles; --",
     "\\", "%", "_", "{flood}", "flood + rain", '"" "" ""', "::::", "\u2028", "\ufeff"],
)
def test_awkward_queries_do_not_raise(seeded: Library, text: str) -> None:
    hits = search(seeded, text)
    assert isinstance(hits, list)
    assert seeded.count() == 16


QUERY_PIECES = ['"', "(", ")", "*", "-", ":", "NEAR", "NEAR(", "AND", "OR", "NOT", "^", " ",
                "title:", "author:", "before:", "after:", "is:", "flood", "bridge", ".", "'",
                "\\", "%", "_", "+", "{", "}", ",", "2020-08", "9999-12-31", "0000", "\x00"]


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(
    st.text(),
    st.lists(st.sampled_from(QUERY_PIECES), max_size=12).map("".join),
    st.lists(st.one_of(st.sampled_from(QUERY_PIECES), st.text(max_size=4)),
             max_size=10).map("".join),
))
def test_search_never_raises(seeded: Library, text: str) -> None:
    hits = search(seeded, text)
    assert all(isinstance(h, Hit) for h in hits)


# -- find: results for the window -------------------------------------------------------


def test_find_counts_every_match_and_snippets_only_the_first(seeded: Library) -> None:
    results = find(seeded, "the", limit=10, snippets=4)
    assert len(results.hits) == 10
    assert results.total == 16
    assert results.total_text == "16 matches"
    assert [bool(h.snippet) for h in results.hits] == [True] * 4 + [False] * 6
    rest = snippets_for(seeded, results.match, [h.id for h in results.hits[4:]])
    assert set(rest) == {h.id for h in results.hits[4:]}
    assert all(HIT_START in s for s in rest.values())


def test_find_says_one_match(seeded: Library) -> None:
    assert find(seeded, "Lukashenko").total_text == "1 match"


def test_find_carries_the_author(seeded: Library) -> None:
    (hit,) = find(seeded, "Lukashenko").hits
    assert hit.author == seeded.get(hit.id).author


@pytest.mark.parametrize(("order", "key", "reverse"), [
    ("newest", lambda h: h.published or "", True),
    ("oldest", lambda h: h.published or "", False),
    ("title", lambda h: h.title.casefold(), False),
    ("title_desc", lambda h: h.title.casefold(), True),
])
def test_find_in_another_order(seeded: Library, order: str, key, reverse: bool) -> None:
    hits = find(seeded, "flood", order=order).hits
    dated = [h for h in hits if h.published] if order in ("newest", "oldest") else hits
    assert len(dated) >= 3
    assert dated == sorted(dated, key=key, reverse=reverse)
    assert {h.id for h in hits} == {h.id for h in find(seeded, "flood").hits}


def test_find_within_a_view(seeded: Library) -> None:
    everything = find(seeded, "flood").hits
    reading_state.set_read(seeded, everything[0].id, True)
    reading_state.set_starred(seeded, everything[1].id, True)
    unread = find(seeded, "flood", state="unread").hits
    assert everything[0].id not in {h.id for h in unread}
    assert len(unread) == len(everything) - 1
    assert [h.id for h in find(seeded, "flood", state="starred").hits] == [everything[1].id]


def test_a_common_word_is_left_out_when_others_narrow_the_search(seeded: Library) -> None:
    results = find(seeded, "the Lukashenko", dense=10)
    assert [h.id for h in results.hits] == [h.id for h in find(seeded, "Lukashenko").hits]
    assert any("“the”" in hint for hint in results.hints)


def test_a_common_word_alone_ranks_title_matches_first(seeded: Library) -> None:
    results = find(seeded, "the", dense=10)
    assert results.total == 16
    titled = [h for h in results.hits if "the " in f" {h.title.lower()} "]
    assert titled
    assert results.hits[:len(titled)] == titled  # title matches first, then the rest
    assert len(results.hits) == 16
    assert any("titles first" in hint for hint in results.hints)


def test_a_short_prefix_is_left_out_with_a_hint() -> None:
    query = parse_query("e* flood")
    assert query.match == '"flood"'
    assert any("e*" in hint and "3 letters" in hint for hint in query.hints)


@pytest.mark.parametrize(("text", "words"), [("title:", "title:"), ("author:", "author:")])
def test_empty_fields_give_hints(text: str, words: str) -> None:
    query = parse_query(text)
    assert query.is_empty
    assert any(hint.startswith(words) for hint in query.hints)


def test_nothing_to_search_for_is_an_empty_result_with_hints(seeded: Library) -> None:
    results = find(seeded, "before:someday")
    assert results.hits == []
    assert results.total == 0
    assert results.hints


def test_counts_stop_at_a_cap(library: Library, tmp_path: Path) -> None:
    write_articles(tmp_path / "many", 30)
    import_paths(library, [tmp_path / "many"])
    assert count(library, "harbour") == (30, False)
    assert count(library, "harbour", state="unread") == (30, False)
    assert find(library, "harbour", limit=5).total == 30


def test_matched_words_are_the_forms_in_the_article(seeded: Library) -> None:
    results = find(seeded, "flood")
    words = matched_words(seeded, results.match, results.hits[0].id)
    assert words
    assert all(w.lower().startswith("flood") for w in words)
    phrase = find(seeded, '"swing bridge"')
    assert "swing bridge" in [w.lower() for w in
                              matched_words(seeded, phrase.match, phrase.hits[0].id)]
    assert matched_words(seeded, None, 1) == []


def test_a_word_common_even_in_titles_ranks_the_last_added(seeded: Library) -> None:
    titled = sum("the" in r.title.lower().split() for r in seeded.rows())
    assert titled >= 2
    results = find(seeded, "the", dense=10, window=titled)
    last_added = sorted((r.id for r in seeded.rows()), reverse=True)[:titled]
    assert sorted(h.id for h in results.hits) == sorted(last_added)
    assert results.hits == sorted(results.hits, key=lambda h: -h.score)  # best first
    assert results.total == 16
    assert any(f"best of the {titled} added last" in hint for hint in results.hints)


def test_state_and_column_filters_combine(seeded: Library) -> None:
    everything = find(seeded, "flood").hits
    reading_state.set_read(seeded, everything[0].id, True)
    hits = find(seeded, "flood is:unread -author:carrick").hits
    expected = [h.id for h in everything
                if h.id != everything[0].id and "carrick" not in (h.author or "").lower()]
    assert [h.id for h in hits] == expected
    newest = find(seeded, "flood is:unread", order="newest").hits
    assert {h.id for h in newest} == {h.id for h in everything[1:]}


# -- prefixes on a stemmed index ---------------------------------------------------


def _library_of(tmp_path: Path, library: Library, texts: dict[str, str]) -> dict[str, int]:
    """Import one article per title (body given) and return title -> id."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for number, (title, body) in enumerate(texts.items()):
        (folder / f"{number:04d}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    report = import_paths(library, [folder])
    assert report.imported == len(texts)
    return {row.title: row.id for row in library.rows()}


def test_a_prefix_finds_words_that_begin_with_it_not_those_sharing_its_stem(
        tmp_path: Path, library: Library) -> None:
    """The index stems "day" to "dai" and "sued" to "su": the prefix must not be stemmed."""
    titles = _library_of(tmp_path, library, {
        "Market days": "Stalls open on market days along the quay.",
        "Daybreak ferry": "The first ferry leaves at daybreak.",
        "Daily tide tables": "Tide tables are printed daily.",
        "Dairy herd": "The dairy herd grazes on the cliff.",
        "Suede boots": "Boots of suede sold out in an hour.",
        "Council sued": "The council was sued by the ferry company.",
        "Summit talks": "Talks at the summit went on late.",
        "Subway plans": "Plans for a subway were shelved.",
    })
    found = {h.title for h in search(library, "day*")}
    assert found == {"Market days", "Daybreak ferry"}
    assert {h.title for h in search(library, "sued*")} == {"Suede boots", "Council sued"}
    assert {h.title for h in search(library, "dail*")} == {"Daily tide tables"}
    assert {h.title for h in search(library, "day'*")} == found  # as the tokenizer splits
    assert {h.title for h in search(library, "ferry -day*")} == {"Council sued"}
    assert {h.title for h in search(library, "title:day*")} == {"Market days", "Daybreak ferry"}
    assert count(library, "day*") == (2, False)
    (hit,) = search(library, "daybr*")
    assert hit.id == titles["Daybreak ferry"]
    assert f"{HIT_START}daybreak{HIT_END}" in hit.snippet.lower()
    marked = matched_words(library, find(library, "daybr*").match, hit.id)
    assert {w.lower() for w in marked} == {"daybreak"}


def test_a_prefix_with_an_accent_finds_the_words_without_and_with_it(
        tmp_path: Path, library: Library) -> None:
    _library_of(tmp_path, library, {
        "Harbour cafés": "Three cafés open on the harbour wall.",
        "Cafeteria closes": "The school cafeteria closes for summer.",
        "Ferry times": "Nothing about coffee at all.",
        "Letters": "Письмо от Байдена пришло. Η Ελλάδα απάντησε. 한국어 번역도 있다.",
    })
    assert {h.title for h in search(library, "café*")} == {"Harbour cafés", "Cafeteria closes"}
    assert {h.title for h in search(library, "Cafe*")} == {"Harbour cafés", "Cafeteria closes"}
    # Folded as the index folds them, which keeps й, Greek accents and Hangul whole.
    for typed in ("Байден*", "Ελλάδ*", "한국어*"):
        assert [h.title for h in search(library, typed)] == ["Letters"], typed
    # A letter the index's tokenizer does not take as one: left to FTS5, never an error.
    assert [h.title for h in search(library, "ferry -\u19b0\u19b0\u19b0*")] == ["Ferry times"]
    assert not find(library, "ferry -\u19b0\u19b0\u19b0*").hints
    assert not find(library, "title:\u19b0\u19b0\u19b0*").hints


def test_a_prefix_beginning_very_many_words_still_finds_them_all(
        tmp_path: Path, library: Library) -> None:
    """Past the words an OR is built from, FTS5 expands the prefix itself."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = [f"zorb{a}{b}{c}" for a in letters[:7] for b in letters[:6] for c in letters[:6]]
    assert len(words) > 200
    texts = {f"Note {n}": f"The word {w} was coined here." for n, w in enumerate(words)}
    _library_of(tmp_path, library, texts)
    assert find(library, "zorb*", limit=1000).total == len(words)
    assert find(library, "zorbab*", limit=1000).total == 6


# -- ranking without the words bm25 gives no weight -------------------------------


@pytest.fixture(scope="module")
def harbour_town(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """4,200 articles, "harbour" in most and in their titles: enough ids to sample."""
    folder = tmp_path_factory.mktemp("harbour")
    for number in range(4200):
        words = ["harbour"] if number % 7 else []  # in six articles of seven
        title = ("Harbour ferry" if number % 56 == 1
                 else f"Harbour notes {number}" if number % 7 else f"Notes {number}")
        if number % 7 == 0 or number % 28 == 1:  # mostly without "harbour": 150 with it
            words += ["ferry"] * (1 + number % 3)
        if number % 84 == 1:
            words.append("storm")
        (folder / f"{number:05d}.txt").write_text(
            f"{title}\n\nDay {number} in the town {' '.join(words)} and then more plain words"
            f" {'filler ' * (number % 11)}to vary the length.\n", encoding="utf-8")
    library = Library(tmp_path_factory.mktemp("db") / "harbour.db")
    assert import_paths(library, [folder]).imported == 4200
    yield library
    library.close()


@pytest.mark.parametrize(("text", "match", "dense"), [
    ("harbour ferry", '"harbour" AND "ferry"', 500),  # every match ranked
    ("harbour ferry -storm", '("harbour" AND "ferry") NOT ("storm")', 500),
    ("harbour ferry", 'title : ("harbour" AND "ferry")', 100),  # title matches first
])
def test_leaving_words_in_most_articles_out_of_the_ranking_keeps_its_order(
        harbour_town: Library, text: str, match: str, dense: int) -> None:
    """bm25 weighs a word in over half the articles as nothing; skipping it changes no rank."""
    statements: list[str] = []
    harbour_town.conn.set_trace_callback(statements.append)
    try:
        results = find(harbour_town, text, limit=1000, dense=dense)
    finally:
        harbour_town.conn.set_trace_callback(None)
    expected = harbour_town.conn.execute(
        "SELECT rowid, -bm25(articles_fts, 10.0, 4.0, 2.0, 1.0) AS score FROM articles_fts"
        " WHERE articles_fts MATCH ? ORDER BY score DESC", (match,)).fetchall()
    assert len(expected) >= 20
    got = [(h.id, h.score) for h in results.hits[:len(expected)]]
    assert [s for _, s in got] == pytest.approx([s for _, s in expected], abs=1e-3)
    # Articles with equal scores may come in any order; each score has the same articles.
    by_score: dict[float, set[int]] = {}
    for i, s in expected:
        by_score.setdefault(round(s, 2), set()).add(i)
    assert {round(s, 2): {i for i, t in got if round(t, 2) == round(s, 2)}
            for s in by_score} == by_score
    ranking = [s for s in statements if "bm25(" in s]
    assert ranking
    assert all("harbour" not in s.split("IN (")[0] for s in ranking)


def test_words_in_most_articles_alone_list_the_newest_first(harbour_town: Library) -> None:
    """bm25 weighs every word here as nothing: no ranking to wait for, and it says so."""
    results = find(harbour_town, "harbour", limit=50, dense=100)
    ids = [h.id for h in results.hits]
    assert len(ids) == 50
    assert ids == sorted(ids, reverse=True)
    assert ids[0] == max(row.id for row in harbour_town.rows() if "harbour" in (
        full_text(harbour_town, row.id).lower()))
    assert any("newest added first" in hint for hint in results.hints)
    assert results.total_text == "3,600 matches"
    ranked = find(harbour_town, "ferry", limit=50, dense=100)  # in a sixth: still ranked
    assert not any("newest added first" in hint for hint in ranked.hints)
    assert [h.score for h in ranked.hits] == sorted((h.score for h in ranked.hits), reverse=True)
