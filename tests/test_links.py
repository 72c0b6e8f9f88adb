"""READ: lines resolve to the article they name, whatever order the files arrive in."""

from __future__ import annotations

import itertools
from pathlib import Path

from broadsheet.core.importer import import_paths
from broadsheet.core.library import Library


def _article(folder: Path, name: str, title: str, *links: str) -> Path:
    lines = ["Updated March 3rd, 2023 at 08:15 IST", "", title, "",
             f"A standfirst for {title.lower()}.", "", "Reported by: Ada Quill", "",
             "The first paragraph of the body says something.", ""]
    lines += [f"READ: {link}\n" for link in links]
    lines += ["A closing paragraph ends the story.", "", "Published March 3rd, 2023 at 08:15 IST"]
    path = folder / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _targets(library: Library) -> dict[tuple[str, int], str | None]:
    titles = {row.id: row.title for row in library.iter_rows()}
    sources = {row.id: Path(row.source_path or "").name for row in library.iter_rows()}
    return {(sources[link.from_id], link.position): titles.get(link.target_id)
            for link in library.links()}


def _import_in_order(db_path: Path, files: list[Path]) -> dict[tuple[str, int], str | None]:
    with Library(db_path) as library:
        for path in files:
            import_paths(library, [path])
        return _targets(library)


def test_a_later_exact_title_wins_over_an_earlier_labelled_one(tmp_path: Path) -> None:
    reader = _article(tmp_path, "reader.txt", "Harbour news roundup", "Ferry Fares Rise Again")
    labelled = _article(tmp_path, "labelled.txt", "Analysis: Ferry fares rise again")
    exact = _article(tmp_path, "exact.txt", "Ferry fares rise again")
    links = _import_in_order(tmp_path / "a.db", [reader, labelled])
    assert links[("reader.txt", 0)] == "Analysis: Ferry fares rise again"
    with Library(tmp_path / "a.db") as library:
        import_paths(library, [exact])
        assert _targets(library)[("reader.txt", 0)] == "Ferry fares rise again"


def test_a_second_labelled_match_makes_the_link_ambiguous(tmp_path: Path) -> None:
    reader = _article(tmp_path, "reader.txt", "Harbour news roundup", "Lighthouse Keeper Retires")
    first = _article(tmp_path, "first.txt", "Analysis: Lighthouse keeper retires")
    second = _article(tmp_path, "second.txt", "Update: Lighthouse keeper retires")
    assert _import_in_order(tmp_path / "a.db", [reader, first])[("reader.txt", 0)] == \
        "Analysis: Lighthouse keeper retires"
    # Two articles answer equally well: a wrong link is worse than none.
    assert _import_in_order(tmp_path / "b.db", [reader, first, second])[("reader.txt", 0)] is None


def test_every_import_order_gives_the_same_links(tmp_path: Path) -> None:
    files = [
        _article(tmp_path, "a.txt", "Tram line opens in Carrowmere", "Tram Fares Set At Two Crowns",
                 "Explainer: Why The Tram Took Ten Years"),
        _article(tmp_path, "b.txt", "Tram fares set at two crowns",
                 "Tram Line Opens In Carrowmere"),
        _article(tmp_path, "c.txt", "Explainer: why the tram took ten years"),
        _article(tmp_path, "d.txt", "Analysis: Tram fares set at two crowns",
                 "Council Debates Tram Extension"),
    ]
    results = [_import_in_order(tmp_path / f"order{n}.db", list(order))
               for n, order in enumerate(itertools.permutations(files))]
    assert all(result == results[0] for result in results)
    assert results[0] == {
        ("a.txt", 0): "Tram fares set at two crowns",
        ("a.txt", 1): "Explainer: why the tram took ten years",
        ("b.txt", 0): "Tram line opens in Carrowmere",
        ("d.txt", 0): None,
    }
