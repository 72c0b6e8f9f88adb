"""Related articles: each READ: resolution rule, the same story, and more like this."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from broadsheet.core import similar as similar_module
from broadsheet.core.importer import import_paths
from broadsheet.core.library import Library
from broadsheet.core.related import related, same_story, same_story_ids, similar
from broadsheet.core.sketch import MIN_SHARED, sketch
from broadsheet.core.titles import title_key
from conftest import SEEDS

BODY = (
    "The harbour master said the new timetable would start on Monday, after the ferry"
    " company agreed to run an extra crossing in the morning for people who work in the"
    " town. The change follows a petition signed by more than two thousand residents.\n\n"
    "Councillors welcomed the decision but said the fares were still too high for the"
    " families who depend on the service, and asked the company to publish the cost of"
    " the extra sailing before the next meeting of the transport committee."
)


def write(folder: Path, name: str, title: str, *links: str, body: str = BODY) -> Path:
    """An article file in the seeds' page-dump format."""
    lines = ["Updated March 3rd, 2023 at 08:15 IST", "", title, "",
             f"A standfirst for {title.lower()}.", "", "Reported by: Ada Quill", ""]
    lines += [body, ""]
    lines += [f"READ: {link}\n" for link in links]
    lines += ["", "Published March 3rd, 2023 at 08:15 IST"]
    path = folder / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def link_targets(library: Library) -> dict[str, str | None]:
    """READ: line text -> the title it resolved to, or None."""
    titles = {row.id: row.title for row in library.iter_rows()}
    return {link.text: titles.get(link.target_id) for link in library.links()}


# -- READ: resolution, one rule at a time --------------------------------------------------

RULES = [
    # (what the page calls it, what the READ: line says)
    pytest.param("Ferry fares rise again", "Ferry Fares Rise Again", id="title-case"),
    pytest.param("Ferry Fares Rise Again", "Ferry fares rise again", id="sentence-case"),
    pytest.param("Harbour's new timetable starts", "Harbour’s New Timetable Starts",
                 id="curly-quote-in-link"),
    pytest.param("Harbour’s new timetable starts", "Harbour's New Timetable Starts",
                 id="straight-quote-in-link"),
    pytest.param("“Too dear,” say ferry users", '"Too Dear," Say Ferry Users',
                 id="double-quotes"),
    pytest.param("Who is standing in June?", "Who Is Standing In June", id="dropped-question"),
    pytest.param("Up at last! Ferry runs again", "Up At Last! Ferry Runs Again.",
                 id="added-full-stop"),
    pytest.param("Ferry runs again", "Ferry Runs Again!", id="added-exclamation"),
    pytest.param("Why the ferry took ten years", "Explainer: Why The Ferry Took Ten Years",
                 id="prefix-in-link"),
    pytest.param("Analysis: why the ferry took ten years", "Why The Ferry Took Ten Years",
                 id="prefix-in-title"),
    pytest.param("Lighthouse keeper retires", "LIGHTHOUSE KEEPER RETIRES", id="all-caps"),
]


@pytest.mark.parametrize(("title", "line"), RULES)
def test_a_read_line_finds_the_article_it_names(tmp_path: Path, title: str,
                                                 line: str) -> None:
    reader = write(tmp_path, "reader.txt", "Harbour news roundup", line)
    target = write(tmp_path, "target.txt", title)
    for order in ([reader, target], [target, reader]):
        with Library(tmp_path / f"{order[0].stem}.db") as fresh:
            for path in order:
                import_paths(fresh, [path])
            assert link_targets(fresh) == {line: title}


def test_a_line_naming_no_article_in_the_library_stays_unresolved(
        tmp_path: Path, library: Library) -> None:
    import_paths(library, [write(tmp_path, "reader.txt", "Harbour news roundup",
                                 "Ferry Company Sold To Rival"),
                           write(tmp_path, "other.txt", "Ferry fares rise again")])
    assert link_targets(library) == {"Ferry Company Sold To Rival": None}


def test_a_line_two_articles_answer_equally_stays_unresolved(
        tmp_path: Path, library: Library) -> None:
    import_paths(library, [write(tmp_path, "reader.txt", "Harbour news roundup",
                                 "Ferry Fares Rise Again"),
                           write(tmp_path, "first.txt", "Ferry fares rise again",
                                 body="One version of the story."),
                           write(tmp_path, "second.txt", "Ferry Fares Rise Again!",
                                 body="Another version of the story.")])
    assert link_targets(library) == {"Ferry Fares Rise Again": None}


def test_an_article_does_not_resolve_a_line_to_itself(tmp_path: Path,
                                                      library: Library) -> None:
    import_paths(library, [write(tmp_path, "self.txt", "Ferry fares rise again",
                                 "Ferry Fares Rise Again")])
    assert link_targets(library) == {"Ferry Fares Rise Again": None}


# -- the same story -----------------------------------------------------------------------

def seeded_ids(library: Library) -> dict[str, int]:
    """Seed prefix ("011") -> article id."""
    import_paths(library, [SEEDS])
    return {Path(row.source_path or "").name[:3]: row.id for row in library.iter_rows()}


def test_the_seeds_have_one_re_published_story(library: Library) -> None:
    ids = seeded_ids(library)
    pairs = {(prefix, other) for prefix, i in ids.items()
             for other in (p for p, j in ids.items() if j in same_story_ids(library, i))}
    assert pairs == {("011", "015"), ("015", "011")}
    article = library.get(ids["011"])
    assert article is not None
    assert same_story(library, article) == [(ids["015"], library.get(ids["015"]).title)]


def test_a_lightly_edited_copy_under_another_name_is_the_same_story(
        tmp_path: Path, library: Library) -> None:
    edited = BODY.replace("two thousand", "2,000").replace("Monday", "Tuesday") + (
        " The company did not respond to a request for comment.")
    import_paths(library, [
        write(tmp_path, "a.txt", "Ferry timetable changes after petition"),
        write(tmp_path, "b.txt", "Extra morning ferry for town workers", body=edited),
        write(tmp_path, "c.txt", "Lighthouse keeper retires after forty years",
              body="The keeper of the lighthouse on the point retired on Friday after forty"
                   " years, handing over the lamp to the automatic system installed by the"
                   " coastal authority. He said the quiet of the nights was what he would"
                   " miss most, and that the gulls had been the only company on the rock."),
    ])
    first, second, third = (row.id for row in library.rows())
    assert same_story_ids(library, first) == [second]
    assert same_story_ids(library, second) == [first]
    assert same_story_ids(library, third) == []


def test_short_pieces_never_match_on_a_stock_phrase(tmp_path: Path, library: Library) -> None:
    import_paths(library, [
        write(tmp_path, "a.txt", "Market report", body="Shares rose at the end of the day."),
        write(tmp_path, "b.txt", "Weather", body="Rain is due at the end of the day."),
    ])
    assert all(len(sketch(library.get(r.id).body)) < MIN_SHARED for r in library.rows())
    assert all(same_story_ids(library, r.id) == [] for r in library.rows())


def test_deleting_an_article_takes_its_sketch_and_reimporting_restores_it(
        tmp_path: Path, library: Library) -> None:
    original = write(tmp_path, "a.txt", "Ferry timetable changes after petition")
    copy = write(tmp_path, "b.txt", "Ferry timetable changes (updated)",
                 body=BODY + " This story has been updated.")
    import_paths(library, [original, copy])
    first, second = (row.id for row in library.rows())
    with library.transaction():
        library.conn.execute("DELETE FROM articles WHERE id = ?", (second,))
    assert library.conn.execute("SELECT count(*) FROM sketches WHERE article_id = ?",
                              (second,)).fetchone()[0] == 0
    assert same_story_ids(library, first) == []
    import_paths(library, [copy])
    again = next(row.id for row in library.rows() if row.id != first)
    assert same_story_ids(library, first) == [again]


def test_sketches_are_the_same_in_every_process() -> None:
    # crc32, not hash(): a sketch stored by the import's helper process must match later.
    code = ("import sys; from broadsheet.core.sketch import sketch;"
            " print(sketch(sys.stdin.read()))")
    runs = {subprocess.run([sys.executable, "-c", code], input=BODY, capture_output=True,
                           text=True, check=True, env={"PYTHONHASHSEED": str(seed)}).stdout
            for seed in (1, 2)}
    assert runs == {f"{sketch(BODY)}\n"}


@pytest.mark.corpus
def test_bbc_same_title_pairs_are_the_same_story_and_topics_never_mix(
        bbc_corpus: Path, library: Library) -> None:
    topics = ("business", "entertainment", "politics", "sport", "tech")
    import_paths(library, [bbc_corpus / topic for topic in topics])
    folder = {row.id: Path(row.source_path or "").parent.name for row in library.iter_rows()}
    by_title: dict[str, list[int]] = defaultdict(list)
    for row in library.iter_rows():
        by_title[title_key(row.title)].append(row.id)
    same_title = [ids for ids in by_title.values() if len(ids) == 2]
    assert len(same_title) == 30
    found = {i: same_story_ids(library, i) for i in folder}
    assert all(b in found[a] and a in found[b] for a, b in same_title)
    assert all(folder[a] == folder[b] for a, others in found.items() for b in others)


# -- more like this -----------------------------------------------------------------------

TRAMS = [
    ("Tram line opens in Carrowmere", "The first trams ran on the new Carrowmere line on"
     " Saturday, with passengers queueing at the depot before dawn. The tram line links the"
     " station with the harbour and the hospital, and trams will run every ten minutes."),
    ("Tram fares set at two crowns", "A single tram fare will cost two crowns, the transport"
     " board said, with a day ticket for the tram line at five crowns. Season tickets for"
     " the trams go on sale at the depot next week."),
    ("Tram depot flooded after storm", "Storm water flooded the tram depot overnight, and"
     " engineers said two trams had water in their motors. The tram line will run a reduced"
     " service from the depot until the trams are dried out."),
]
FOOTBALL = [
    ("Carrowmere Athletic sign new striker", "Carrowmere Athletic have signed a striker from"
     " Dunlin Rovers on a two-year contract, the football club said. The manager said the"
     " striker would play in the cup tie against Port Saltings on Saturday."),
    ("Cup tie ends in draw", "Carrowmere Athletic and Port Saltings drew in the cup, the"
     " striker scoring for Athletic before a late equaliser. The football club's manager"
     " said the replay would be at the Athletic ground next week."),
    ("Football club raises ticket prices", "Season tickets at Carrowmere Athletic will cost"
     " more next season, the football club said, blaming the cost of the new stand. The"
     " manager asked supporters to keep backing the club and its striker."),
]


def small_library(tmp_path: Path, library: Library) -> dict[str, int]:
    paths = [write(tmp_path, f"{n}.txt", title, body=body)
             for n, (title, body) in enumerate(TRAMS + FOOTBALL)]
    import_paths(library, paths)
    return {row.title: row.id for row in library.iter_rows()}


def test_more_like_this_ranks_the_same_subject_first(tmp_path: Path,
                                                     library: Library) -> None:
    ids = small_library(tmp_path, library)
    for group in (TRAMS, FOOTBALL):
        for title, _ in group:
            article = library.get(ids[title])
            assert article is not None
            found = similar(library, article, limit=2)
            assert {t for _, t, _ in found} == {t for t, _ in group if t != title}


def test_more_like_this_leaves_out_itself_and_what_it_is_told_to(
        tmp_path: Path, library: Library) -> None:
    ids = small_library(tmp_path, library)
    article = library.get(ids[TRAMS[0][0]])
    assert article is not None
    everything = similar(library, article, limit=8)
    assert len(everything) == 5
    assert article.id not in {i for i, _, _ in everything}
    scores = [s for _, _, s in everything]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 1 for s in scores)
    skipped = ids[TRAMS[1][0]]
    assert skipped not in {i for i, _, _ in similar(library, article, exclude=[skipped])}
    assert len(similar(library, article, limit=3)) == 3


def test_related_keeps_the_same_story_out_of_more_like_this(library: Library) -> None:
    ids = seeded_ids(library)
    article = library.get(ids["011"])
    assert article is not None
    found = related(library, article)
    assert [i for i, _ in found.same_story] == [ids["015"]]
    assert ids["015"] not in {i for i, _, _ in found.similar}
    assert 0 < len(found.similar) <= 8
    assert {i for i, _ in found.backlinks} == {ids["012"], ids["013"]}
    assert [link.target_id for link in found.read_links] == [ids["010"], ids["009"]]


def test_words_are_stemmed_as_the_library_index_stems_them(library: Library) -> None:
    seeded_ids(library)
    article = library.get(1)
    assert article is not None
    similar(library, article)
    vocabulary = similar_module._vocabulary(library)
    words = [w for r in library.iter_rows() for w in (library.get(r.id).body.lower().split())]
    vocabulary.learn(words)
    terms = {t for (t,) in library.conn.execute("SELECT term FROM articles_vocab")}
    stems = {s for s in vocabulary.stems.values() if s is not None}
    assert stems
    assert stems <= terms


def test_a_new_import_is_found_without_reopening(tmp_path: Path, library: Library) -> None:
    ids = small_library(tmp_path, library)
    article = library.get(ids[TRAMS[0][0]])
    assert article is not None
    similar(library, article)
    import_paths(library, [write(tmp_path, "new.txt", "Night trams for the festival",
                                 body="Trams on the Carrowmere tram line will run all night"
                                      " during the festival, with extra trams from the depot"
                                      " to the harbour, the tram board said.")])
    assert "Night trams for the festival" in {t for _, t, _ in similar(library, article, 3)}


def test_finding_related_articles_leaves_no_transaction_open(library: Library) -> None:
    ids = seeded_ids(library)
    article = library.get(ids["011"])
    assert article is not None
    related(library, article)
    assert not library.conn.in_transaction
    with library.transaction():  # BEGIN IMMEDIATE would fail inside an open one
        library.conn.execute("UPDATE articles SET title = title WHERE id = ?", (article.id,))


def test_an_article_of_numbers_alone_has_nothing_like_it(tmp_path: Path,
                                                        library: Library) -> None:
    small_library(tmp_path, library)
    (tmp_path / "numbers.txt").write_text("2023\n\n1 2 3 4\n\n5 6 7 8\n", encoding="utf-8")
    import_paths(library, [tmp_path / "numbers.txt"])
    empty = next(row.id for row in library.iter_rows() if row.title == "2023")
    article = library.get(empty)
    assert article is not None
    assert similar(library, article) == []
