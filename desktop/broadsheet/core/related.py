"""READ: resolution, backlinks, the same story and more like this, for one article."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from broadsheet.core.article import Article, Link
from broadsheet.core.library import Library, Prepared
from broadsheet.core.similar import similar_ids
from broadsheet.core.sketch import MIN_SHARED, SAME_STORY, resemblance

# Pairs of (link key column, title key column) through which a new title answers an old link.
_ANSWERS = (("key", "title_key"), ("key", "title_alt_key"), ("alt_key", "title_key"))


def _unique_titles(library: Library, column: str, keys: set[str]) -> dict[str, int | None]:
    """key -> the one article with that key, or None where several share it (ambiguous)."""
    found: dict[str, int | None] = {}
    keys_list = sorted(keys)
    for chunk in _chunks(keys_list, 500):
        for key, count, article_id in library.conn.execute(
                f"SELECT {column}, count(*), max(id) FROM articles"
                f" WHERE {column} IN ({','.join('?' * len(chunk))}) GROUP BY {column}", chunk):
            found[key] = article_id if count == 1 else None
    return found


def resolve_keys(library: Library, pairs: Sequence[tuple[str, str | None]]) -> list[int | None]:
    """For each (key, alt_key) of a READ: line, the one article it names, or None.

    The exact title comes first, then the title without a "Label:" prefix, then the line
    without its own prefix. A key naming more than one article is ambiguous and resolves to
    nothing: a wrong link is worse than none.
    """
    keys = {k for k, _ in pairs}
    alts = {a for _, a in pairs if a}
    by_title = _unique_titles(library, "title_key", keys | alts)
    by_unlabelled = _unique_titles(library, "title_alt_key", keys)
    results: list[int | None] = []
    for key, alt in pairs:
        if key in by_title:
            results.append(by_title[key])
        elif key in by_unlabelled:
            results.append(by_unlabelled[key])
        else:
            results.append(by_title.get(alt) if alt else None)
    return results


def resolve_after_import(library: Library, new_ids: Sequence[int]) -> int:
    """Re-resolve every stored link whose answer new articles can change; returns how many moved.

    A new title can answer an unresolved link, give a link a better (exact) match than the
    unlabelled one it had, or make a match ambiguous. Every link whose keys meet a new
    article's keys is resolved again, so the result does not depend on import order. Only
    those links are looked at (through indexes): the cost grows with the batch, not the
    library.
    """
    db = library.conn
    moved = 0
    for chunk in _chunks(new_ids, 500):
        marks = ",".join("?" * len(chunk))
        candidates: set[tuple[int, int, str, str | None, int | None]] = set()
        for link_column, title_column in _ANSWERS:
            candidates.update(db.execute(
                f"SELECT from_id, position, key, alt_key, target_id FROM links"
                f" WHERE {link_column} IN"
                f" (SELECT {title_column} FROM articles WHERE id IN ({marks}))", chunk))
        ordered = sorted(candidates)
        targets = resolve_keys(library, [(key, alt) for _, _, key, alt, _ in ordered])
        updates = []
        for (from_id, position, _, _, old), target in zip(ordered, targets, strict=True):
            new = None if target == from_id else target
            if new != old:
                updates.append((new, from_id, position))
        db.executemany(
            "UPDATE links SET target_id = ? WHERE from_id = ? AND position = ?", updates)
        moved += len(updates)
    return moved


def _chunks(items: Sequence, size: int) -> list[Sequence]:
    return [items[i:i + size] for i in range(0, len(items), size)]


@dataclass(frozen=True, slots=True)
class Related:
    """Everything the sidebar shows for one article."""

    read_links: list[Link]
    backlinks: list[tuple[int, str]]
    same_story: list[tuple[int, str]]
    similar: list[tuple[int, str, float]] | None  # None: not worked out (see connections)


def related(library: Library, article: Article, limit: int = 8,
            same_story_limit: int = 20) -> Related:
    """READ: links, backlinks, near-duplicates and similar articles for one stored article."""
    found, copies = _connections(library, article, same_story_limit)
    # Every copy is left out, not only those listed: a re-publication is not "more".
    return replace(found, similar=similar(library, article, limit, exclude=copies))


def connections(library: Library, article: Article, same_story_limit: int = 20) -> Related:
    """All but "more like this" (``similar`` is None): a few index lookups, always quick.

    More like this needs the library's word frequencies first, which takes seconds on a
    large library the first time; the window shows these without waiting for that.
    """
    return _connections(library, article, same_story_limit)[0]


def _connections(library: Library, article: Article,
                 same_story_limit: int) -> tuple[Related, list[int]]:
    assert article.id is not None
    copies = same_story_ids(library, article.id)
    return Related(read_links=list(article.links), backlinks=library.backlinks(article.id),
                   same_story=_titled(library, copies[:same_story_limit]),
                   similar=None), copies


# -- same story ---------------------------------------------------------------------------

def store_sketches(library: Library, items: Sequence[Prepared], ids: Sequence[int]) -> None:
    """Store the near-duplicate sketches of newly added articles (inside the batch)."""
    library.conn.executemany(
        "INSERT INTO sketches (article_id, hash) VALUES (?, ?)",
        [(article_id, h) for article_id, item in zip(ids, items, strict=True)
         for h in item.sketch])


def same_story_ids(library: Library, article_id: int) -> list[int]:
    """The articles that are this one re-published with edits, closest first.

    Candidates share at least MIN_SHARED sketch hashes (found through the hash index); each
    is kept when the estimated resemblance of the two texts reaches SAME_STORY.
    """
    size = library.conn.execute("SELECT count(*) FROM sketches WHERE article_id = ?",
                              (article_id,)).fetchone()[0]
    if size < MIN_SHARED:
        return []
    rows = library.conn.execute(
        "SELECT s.article_id, count(*),"
        " (SELECT count(*) FROM sketches t WHERE t.article_id = s.article_id)"
        " FROM sketches s WHERE s.hash IN (SELECT hash FROM sketches WHERE article_id = ?)"
        " AND s.article_id != ? GROUP BY s.article_id HAVING count(*) >= ?",
        (article_id, article_id, MIN_SHARED))
    scored = [(resemblance(shared, size, theirs), other) for other, shared, theirs in rows]
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [other for score, other in scored if score >= SAME_STORY]


def same_story(library: Library, article: Article) -> list[tuple[int, str]]:
    """(id, title) of the near-duplicates of a stored article, closest first."""
    assert article.id is not None
    return _titled(library, same_story_ids(library, article.id))


# -- more like this -----------------------------------------------------------------------

def similar(library: Library, article: Article, limit: int = 8,
            exclude: Collection[int] = ()) -> list[tuple[int, str, float]]:
    """(id, title, score) of the articles most like this one by content, best first."""
    assert article.id is not None
    found = similar_ids(library, article.id, limit, exclude)
    titles = dict(_titled(library, [i for i, _ in found]))
    return [(i, titles[i], score) for i, score in found if i in titles]


def _titled(library: Library, ids: Sequence[int]) -> list[tuple[int, str]]:
    """(id, title) for ids, in the order given."""
    if not ids:
        return []
    titles = dict(library.conn.execute(
        f"SELECT id, title FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids))
    return [(i, titles[i]) for i in ids if i in titles]
