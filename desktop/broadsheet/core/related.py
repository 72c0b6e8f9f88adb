"""READ: resolution and backlinks: which article in the library a headline names."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from broadsheet.core.article import Article, Link
from broadsheet.core.library import Library
from broadsheet.core.search import RANK, fts_string
from broadsheet.core.titles import title_key

_WORD = re.compile(r"[^\W\d_][\w']+")
_STOPWORDS = frozenset("""
the and for that with was were are has have had not but from this they their them said says
its it's his her she him who which what when where will would could should been also more than
into about after before over under there then one two three year years last new first
mr mrs ms can may might just some such other very only most many much any all our out off
""".split())

# Pairs of (link key column, title key column) through which a new title answers an old link.
_ANSWERS = (("key", "title_key"), ("key", "title_alt_key"), ("alt_key", "title_key"))


def _unique_titles(library: Library, column: str, keys: set[str]) -> dict[str, int | None]:
    """key -> the one article with that key, or None where several share it (ambiguous)."""
    found: dict[str, int | None] = {}
    keys_list = sorted(keys)
    for chunk in _chunks(keys_list, 500):
        for key, count, article_id in library.db.execute(
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


def resolve_key(library: Library, key: str, alt_key: str | None) -> int | None:
    """The one article a READ: line's keys name, or None when none or several do."""
    return resolve_keys(library, [(key, alt_key)])[0]


def resolve_after_import(library: Library, new_ids: Sequence[int]) -> int:
    """Re-resolve every stored link whose answer new articles can change; returns how many moved.

    A new title can answer an unresolved link, give a link a better (exact) match than the
    unlabelled one it had, or make a match ambiguous. Every link whose keys meet a new
    article's keys is resolved again, so the result does not depend on import order. Only
    those links are looked at (through indexes): the cost grows with the batch, not the
    library.
    """
    db = library.db
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
        db.conn.executemany(
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
    similar: list[tuple[int, str, float]]


def related(library: Library, article: Article, limit: int = 8) -> Related:
    """READ: links, backlinks, near-duplicates and similar articles for one stored article."""
    assert article.id is not None
    return Related(
        read_links=list(article.links),
        backlinks=library.backlinks(article.id),
        same_story=same_story(library, article),
        similar=similar(library, article, limit),
    )


def same_story(library: Library, article: Article) -> list[tuple[int, str]]:
    """Other articles with the same title key: the same report stored again with edits."""
    return list(library.db.execute(
        "SELECT id, title FROM articles WHERE title_key = ? AND id != ? ORDER BY sort_date, id",
        (title_key(article.title), article.id)))


def similar(library: Library, article: Article, limit: int = 8) -> list[tuple[int, str, float]]:
    """The articles that share most of this one's distinctive words, by bm25 through FTS5."""
    terms = distinctive_terms(library, article)
    if not terms:
        return []
    exclude = {article.id, *(i for i, _ in same_story(library, article))}
    rows = library.db.execute(
        f"SELECT rowid, {RANK} FROM articles_fts WHERE articles_fts MATCH ?"
        f" ORDER BY {RANK} LIMIT ?",
        (" OR ".join(fts_string(t) for t in terms), limit + len(exclude)),
    ).fetchall()
    picked = [(i, round(-r, 4)) for i, r in rows if i not in exclude][:limit]
    titles = dict(library.db.execute(
        f"SELECT id, title FROM articles WHERE id IN ({','.join('?' * len(picked))})",
        [i for i, _ in picked])) if picked else {}
    return [(i, titles[i], s) for i, s in picked]


def distinctive_terms(library: Library, article: Article, count: int = 24) -> list[str]:
    """The words of an article that are frequent in it and rare in the library (tf-idf)."""
    words = _WORD.findall(f"{article.title} {article.title} {article.summary} {article.body}"
                          .lower())
    tf = Counter(w for w in words if len(w) > 2 and w not in _STOPWORDS and not w.isdigit())
    if not tf:
        return []
    total = max(library.count(), 1)
    candidates = [w for w, _ in tf.most_common(count * 3)]
    df = dict(library.db.execute(
        "SELECT term, doc FROM articles_vocab WHERE term IN"
        f" ({','.join('?' * len(candidates))})", candidates)) if _has_vocab(library) else {}
    scored = sorted(candidates, key=lambda w: -tf[w] * math.log(1 + total / (1 + df.get(w, 0))))
    return scored[:count]


def _has_vocab(library: Library) -> bool:
    return "articles_vocab" in library.db.table_names()
