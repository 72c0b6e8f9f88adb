"""Running a search: rank first and cheaply, then rows and snippets only for what is shown."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from typing import NamedTuple

from broadsheet.core.library import ORDERS, Library
from broadsheet.core.query import (
    STATES,
    Query,
    add_state_filter,
    date_bounds,
    expression,
    fts_string,
    parse_query,
)
from broadsheet.core.stems import FOLD_TOKENIZE, stem_words

__all__ = ["HIT_END", "HIT_START", "STATES", "Hit", "Query", "Results", "count", "date_bounds",
           "find", "fts_string", "matched_words", "parse_query", "search", "snippets_for"]

# bm25 weights for title, summary, author and body: a hit in the title counts most.
RANK = "bm25(articles_fts, 10.0, 4.0, 2.0, 1.0)"
HIT_START, HIT_END = "\ue000", "\ue001"  # private-use marks; callers render them
_SNIPPET = f"snippet(articles_fts, -1, '{HIT_START}', '{HIT_END}', '…', 16)"
_HIGHLIGHTS = ", ".join(f"highlight(articles_fts, {c}, '{HIT_START}', '{HIT_END}')"
                        for c in range(4))
_MARKED = re.compile(re.escape(HIT_START) + "(.*?)" + re.escape(HIT_END), re.DOTALL)
_PREFIX = re.compile(r'"\*')
# Endings that take a stem back to a word that stems to it: porter's last step drops an "e"
# its other steps would have stopped at, so "e" answers nearly every case.
_ENDINGS = ("e", "s", "ed", "ing")
_ID = re.compile(r"\barticles\.id\b")
_OTHER_COLUMN = re.compile(r"\barticles\.\w+")

# bm25 costs time in proportion to the articles holding each term (about 2 µs each). A term
# in more articles than DENSE is too common to rank everywhere: a plain word like "the" is
# left out when other words narrow the search; otherwise title matches are ranked first, or
# when even those are too many, the best of the last WINDOW matches added (see _narrow).
DENSE = 1_500
WINDOW = 2_000  # matches ranked when a term is common even in titles: the ones added last
# bm25 gives no weight to a term in more than half the articles; one in more than this
# share of SAMPLES runs of SAMPLE_IDS ids is left out of the ranking (see _ranked_terms).
UBIQUITOUS = 0.6
SAMPLES, SAMPLE_IDS = 4, 500
COUNT_CAP = 10_000  # counts stop here: "10,000+ matches"
FILTERED_COUNT_CAP = 2_000  # with filters every match is checked, so these stop sooner
# A prefix that begins more index words than this is left to FTS5 (see _expand_prefix).
PREFIX_WORDS = 200
SNIPPETS = 12  # snippets worked out with the results (a screenful); the rest when shown
SEARCH_ORDERS = ("relevance", *(o for o in ORDERS if o != "library"))
# Narrow columns of articles, so filters and sorts need not read the wide rows.
FACETS = "articles_facets"


class Hit(NamedTuple):
    """One search result; the snippet marks matches with HIT_START/HIT_END ('' until fetched).

    A named tuple: a search makes up to 500 of these, and a frozen dataclass takes four
    times as long to build (0.5 ms of every search at 100,000 articles).
    """

    id: int
    title: str
    published: str | None
    snippet: str
    score: float
    author: str | None = None


@dataclass(slots=True)
class Results:
    """The best hits in the order asked for, how many articles match in all, and hints."""

    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    hints: list[str] = field(default_factory=list)
    match: str | None = None  # the FTS5 expression searched: for snippets and highlights
    capped: bool = False  # the count stopped at COUNT_CAP

    @property
    def total_text(self) -> str:
        """'1 match', '42 matches', '10,000+ matches'."""
        if self.capped:
            return f"{self.total:,}+ matches"
        return f"{self.total:,} match{'' if self.total == 1 else 'es'}"


def search(library: Library, text: str, limit: int = 50) -> list[Hit]:
    """Search the library; best first, every hit with its snippet."""
    return find(library, text, limit=limit, snippets=limit).hits


def find(library: Library, text: str, *, limit: int = 500, order: str = "relevance",
         state: str | None = None, snippets: int = SNIPPETS, dense: int = DENSE,
         window: int = WINDOW) -> Results:
    """The best ``limit`` hits in ``order``, how many articles match, and hints; never raises
    on what was typed.

    ``state`` ("unread", "starred") narrows to a view. Filters alone list newest first.
    A term in ``dense`` articles or more is too common to rank everywhere (see DENSE and
    WINDOW).
    Only the first ``snippets`` hits get their snippet here, and none for a prefix* search
    unless all are asked for: each costs a look into every word the prefix begins. The
    window fetches the others with ``snippets_for`` as they come into view.
    """
    query = _parse(library, text, state)
    if query.is_empty:
        return Results(hints=query.hints)
    try:
        return _find(library, query, limit, order, snippets, (dense, window))
    except sqlite3.OperationalError as error:
        if "fts5" not in str(error).lower():
            raise
        # Our quoting should make this unreachable; a bare-words retry is the safe answer.
        words = " ".join(re.findall(r"\w+", text))
        retry = _parse(library, words, state)
        results = (_find(library, retry, limit, order, snippets, (dense, window)) if words
                   else Results())
        results.hints.insert(0, "Searched for the plain words only.")
        return results


def count(library: Library, text: str, *, state: str | None = None) -> tuple[int, bool]:
    """How many articles a query finds, and True when counting stopped at a cap."""
    query = _parse(library, text, state)
    if query.is_empty:
        return 0, False
    try:
        if query.match is None:
            return _count_filtered(library, query, 1, 1)
        run = _Run(library, query, _has_facets(library))
        # The words the results use; an order other than relevance skips the ranking plans.
        positive, _plan = _narrow(run, [], "newest")
        return _count_matching(run, expression(positive, query.negative) or "", 1, 1)
    except sqlite3.OperationalError as error:
        if "fts5" not in str(error).lower():
            raise
        return 0, False


def _parse(library: Library, text: str, state: str | None) -> Query:
    query = parse_query(text)
    if state:
        add_state_filter(query, state)
    query.positive = [_expand_prefix(library, query, t) for t in query.positive]
    query.negative = [_expand_prefix(library, query, t) for t in query.negative]
    return query


def _expand_prefix(library: Library, query: Query, term: str) -> str:
    """A prefix* term as the index words that begin with it, or the term as it was.

    The index holds stems, and FTS5 stems a prefix too before it expands it: "sued*" became
    "su*", every word from "sub" to "suzuki", and "day*" took in "daily" and "dairy" as it
    read 900,000 articles' postings. What was typed means the words whose stems begin with
    it, and the typed word's own stem ("day*" finds "days"). Listing the words reads their
    postings once (fts5vocab counts them); the OR of them is then read lazily, where FTS5
    read a prefix's postings whole for every statement of a search.
    """
    if term not in query.prefixes:
        return term
    text, column = query.prefixes[term]
    # Folded by the index's own tokenizer (accents, case; "use'" is "use"), or None when
    # what was typed is more than one word: a phrase ending in a prefix, FTS5's own way.
    typed = stem_words(library.conn, [text], FOLD_TOKENIZE)[text]
    if typed is None:
        return term
    after = typed[:-1] + chr(ord(typed[-1]) + 1)
    words = [w for (w,) in library.conn.execute(
        "SELECT term FROM articles_vocab WHERE term >= ? AND term < ? LIMIT ?",
        (typed, after, PREFIX_WORDS + 1))]
    if len(words) > PREFIX_WORDS:
        return term
    stems = stem_words(library.conn, [typed, *words])
    written = {w: w for w in words if stems[w] == w}
    # MATCH stems each word again, and a stem is not always its own: "sued" (from suede)
    # would become "su". A word that stems to it is needed, and an ending usually makes one.
    again = [w for w in words if w not in written]
    tried = stem_words(library.conn, [w + e for w in again for e in _ENDINGS])
    for word in again:
        form = next((word + e for e in _ENDINGS if tried[word + e] == word), None)
        if form is None:
            return term  # FTS5's own way: more than was asked for, nothing less
        written[word] = form
    own = [] if stems[typed] in written or stems[typed] is None else [typed]
    if not own and not written:
        return term
    alternatives = " OR ".join(fts_string(w) for w in [*own, *written.values()])
    return f"{column} : ({alternatives})" if column else f"({alternatives})"


def _find(library: Library, query: Query, limit: int, order: str, snippets: int,
          bounds: tuple[int, int]) -> Results:
    results = Results(hints=list(query.hints))
    order = order if order in SEARCH_ORDERS else "relevance"
    if query.match is None:
        ids = _filtered(library, query, limit, "newest" if order == "relevance" else order)
        results.total, results.capped = _count_filtered(library, query, len(ids), limit)
        results.hits = _hits(library, ids, summaries=True)
        return results
    run = _Run(library, query, _has_facets(library), *bounds)
    positive, plan = _narrow(run, results.hints, order)
    match = expression(positive, query.negative)
    assert match is not None
    results.match = match
    relevance = order == "relevance"
    if plan == "newest":
        ids = _newest_added(run, match, limit, set())
    elif plan == "titles":
        in_titles = f"title : ({' AND '.join(positive)})"
        titles = expression([in_titles], query.negative)
        assert titles is not None
        one_word = len(positive) == 1  # nothing to leave out: ranked as it is, or not at all
        ranked = (_ranked_terms(run, positive, "title") if relevance and not one_word
                  else None) or positive
        ids = _matching(run, titles, limit, order,
                        rank=titles if ranked == positive else f"title : ({' AND '.join(ranked)})",
                        known=None if query.negative else run.found.get((in_titles, run.window)))
        ids += _newest_added(run, match, limit, {i for i, _ in ids})
    else:
        ranked = (_ranked_terms(run, positive) if relevance else None) or positive
        floor = _window_floor(run, match) if plan == "window" else None
        ids = _matching(run, match, limit, order, floor=floor,
                        rank=match if ranked == positive else " AND ".join(ranked))
    found = len(ids) if plan == "everywhere" else limit  # not all were looked at: count
    results.total, results.capped = _count_matching(run, match, found, limit)
    results.hits = _hits(library, ids)
    if (query.prefixed or _PREFIX.search(match)) and snippets < len(ids):
        snippets = 0
    if snippets:
        marked = snippets_for(library, match, [i for i, _ in ids[:snippets]])
        results.hits = [_with_snippet(h, marked.get(h.id, "")) for h in results.hits]
    return results


@dataclass(slots=True)
class _Run:
    """One search under way: the library, the query, and counts already made."""

    library: Library
    query: Query
    facets: bool  # the narrow index is there (libraries made before it lack it)
    dense: int = DENSE
    window: int = WINDOW
    counts: dict[tuple[str, int], int] = field(default_factory=dict)
    found: dict[tuple[str, int], list[int]] = field(default_factory=dict)  # by ids()
    top: int | None = None  # the newest article id, once asked for
    sampled: int | None = None  # the articles in _share's runs of ids, once counted
    shares: dict[str, float] = field(default_factory=dict)  # by _share()

    def count(self, match: str, cap: int = COUNT_CAP) -> int:
        """How many articles match, up to a cap; each expression counted once."""
        for (known, done), found in self.counts.items():
            if known == match and (done >= cap or found < done):
                return min(found, cap)  # counted as far, or counted them all
        found = self.library.conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?"
            " LIMIT ?)", (match, cap)).fetchone()[0]
        self.counts[(match, cap)] = found
        return found

    def ids(self, match: str, cap: int) -> list[int]:
        """The first ``cap`` articles that match, by id; read once, and counted too."""
        found = self.found.get((match, cap))
        if found is None:
            found = self.found[(match, cap)] = [i for (i,) in self.library.conn.execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?",
                (match, cap))]
            self.counts[(match, cap)] = len(found)
        return found


def _narrow(run: _Run, hints: list[str], order: str) -> tuple[list[str], str]:
    """The terms to search with, and how to rank them in time.

    "everywhere": every match is ranked. "titles": the terms are common, but not in titles:
    title matches are ranked, the rest follow newest added first. "window": common even in
    titles: the best of the WINDOW matches added last. "newest": every term is in most
    articles, so bm25 weighs none of them: the newest added first.
    """
    positive = run.query.positive
    dense = [t for t in positive if run.count(t, run.dense) >= run.dense]
    if not dense:
        return positive, "everywhere"
    common = [t for t in dense if t in run.query.plain]
    if common and len(common) < len(positive):
        positive = [t for t in positive if t not in common]
        dense = [t for t in dense if t not in common]
        names = ", ".join(f"“{t.strip(chr(34))}”" for t in common)
        hints.append(f"Left out {names}: in too many articles to help.")
    if len(dense) < len(positive):
        return positive, "everywhere"
    if len(positive) > 1 and run.count(" AND ".join(positive), run.dense) < run.dense:
        return positive, "everywhere"
    titles = f"title : ({' AND '.join(positive)})"
    # The title matches' ids serve to rank them without some words (_ranked_terms): with
    # one word there is none to leave out, and counting is cheaper than listing.
    if order == "relevance" and (len(run.ids(titles, run.window)) if len(positive) > 1
                                 else run.count(titles, run.window)) < run.window:
        hints.append("Common words: matches in titles first, then the newest added."
                     " Another word narrows the search.")
        return positive, "titles"
    if order == "relevance" and not _ranked_terms(run, positive):
        hints.append("In most articles: the newest added first. Another word narrows the"
                     " search.")
        return positive, "newest"
    hints.append(f"Too common to rank every match: the best of the {run.window:,} added last."
                 " Another word narrows the search.")
    return positive, "window"


def _ranked_terms(run: _Run, positive: list[str], column: str | None = None) -> list[str]:
    """The terms bm25 needs: not those in more than half the articles (none, if all are).

    bm25 gives such a term no weight (its idf is clamped to almost nothing), yet before the
    first score it reads the term's postings through to count them: 50 ms for "day" in
    900,000 of a million articles. How common a term is comes from samples of the library,
    counted in ``column`` alone when the ranking is: bm25 counts a phrase as it is matched.
    """
    return [t for t in positive
            if run.count(t, run.dense) < run.dense or _share(run, t, column) < UBIQUITOUS]


def _share(run: _Run, term: str, column: str | None = None) -> float:
    """Roughly what share of the articles hold a term: counted in a few runs of ids."""
    if column and not term.startswith(f"{column} : "):
        term = f"{column} : {term}"
    if term in run.shares:
        return run.shares[term]
    if run.top is None:
        run.top = run.library.top_id()
    top = run.top
    if top < SAMPLES * SAMPLE_IDS * 2:
        return 0.0  # small enough that reading every posting costs nothing
    runs = [(start, start + SAMPLE_IDS - 1) for start in (
        1 + part * (top - SAMPLE_IDS) // (SAMPLES - 1) for part in range(SAMPLES))]
    conn = run.library.conn
    if run.sampled is None:  # the same runs for every term
        articles = " + ".join("(SELECT count(*) FROM articles WHERE id BETWEEN ? AND ?)"
                              for _ in runs)
        run.sampled = conn.execute(f"SELECT {articles}",
                                   [b for pair in runs for b in pair]).fetchone()[0]
    held = " + ".join("(SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
                      " AND rowid BETWEEN ? AND ?)" for _ in runs)
    found = conn.execute(f"SELECT {held}",
                         [v for start, end in runs for v in (term, start, end)]).fetchone()[0]
    share = run.shares[term] = found / run.sampled if run.sampled else 0.0
    return share


def _window_floor(run: _Run, match: str) -> int | None:
    """The smallest id among the last ``run.window`` matches added."""
    row = run.library.conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC"
        " LIMIT 1 OFFSET ?", (match, run.window - 1)).fetchone()
    return None if row is None else row[0]


def _has_facets(library: Library) -> bool:
    return library.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                              (FACETS,)).fetchone() is not None


def _joined(query: Query, facets: bool, floor: int | None = None, join: bool = False) -> str:
    """FROM and WHERE for matches that must also pass the query's filters.

    Select ``articles_fts.rowid``. Filters on reading state alone need nothing from
    articles but the id, so unless ``join`` asks for its columns there is no join then.
    """
    window = f" AND articles_fts.rowid >= {int(floor)}" if floor is not None else ""
    if not join and not any(_OTHER_COLUMN.search(_ID.sub("", w)) for w in query.where):
        return (f" FROM articles_fts WHERE articles_fts MATCH ?{window}"
                + "".join(f" AND {_ID.sub('articles_fts.rowid', w)}" for w in query.where))
    indexed = f" INDEXED BY {FACETS}" if facets else ""
    return (f" FROM articles_fts JOIN articles{indexed} ON articles.id = articles_fts.rowid"
            f" WHERE articles_fts MATCH ?{window}" + "".join(f" AND {w}" for w in query.where))


def _matching(run: _Run, match: str, limit: int, order: str, floor: int | None = None,
              rank: str | None = None, known: list[int] | None = None) -> list[tuple[int, float]]:
    """(id, score) of the best matches: ranked first, rows and snippets only for these.

    ``rank``, the positive terms that weigh in bm25, is matched for the scores; ``match``
    then only says which articles qualify, or ``known`` lists them all when already read.
    Leaving out a term bm25 gives no weight, and the exclusions no article here holds,
    changes no score, and spares reading their postings.
    """
    query, facets = run.query, run.facets
    window = f" AND articles_fts.rowid >= {int(floor)}" if floor is not None else ""
    ranked_by, qualifying, qualifying_params = match, "", ()
    if order == "relevance" and rank is not None and rank != match:
        ranked_by = rank
        # The unary + keeps SQLite from handing the ids to FTS5 one by one, each of which
        # would start the query, and its counting for bm25, over again.
        if known is not None:
            qualifying = f" AND +articles_fts.rowid IN ({','.join(map(str, known))})"
        else:
            qualifying = (" AND +articles_fts.rowid IN (SELECT rowid FROM articles_fts"
                          f" WHERE articles_fts MATCH ?{window.replace('articles_fts.', '')})")
            qualifying_params = (match,)
    if order == "relevance" and not query.where:
        sql = (f"SELECT rowid, {RANK} AS score FROM articles_fts WHERE articles_fts MATCH ?"
               f"{window}{qualifying} ORDER BY score LIMIT ?")
        params: tuple = (ranked_by, *qualifying_params, limit)
    elif order == "relevance":
        sql = (f"SELECT articles_fts.rowid, {RANK} AS score{_joined(query, facets, floor)}"
               f"{qualifying} ORDER BY score LIMIT ?")
        params = (ranked_by, *query.params, *qualifying_params, limit)
    else:
        # Sorting by title needs the wide rows; the other orders read the narrow index.
        narrow = facets and not order.startswith("title")
        sql = (f"SELECT articles.id, 0.0{_joined(query, narrow, floor, join=True)}"
               f" ORDER BY {ORDERS[order]} LIMIT ?")
        params = (match, *query.params, limit)
    rows = run.library.conn.execute(sql, params).fetchall()
    return [(i, round(-score, 4) if score else 0.0) for i, score in rows]


def _newest_added(run: _Run, match: str, limit: int, seen: set[int]) -> list[tuple[int, float]]:
    """After the title matches, the other matches, most recently added first (cheap)."""
    query, facets = run.query, run.facets
    wanted = limit - len(seen)
    if wanted <= 0:
        return []
    if query.where:
        sql = (f"SELECT articles_fts.rowid{_joined(query, facets)}"
               " ORDER BY articles_fts.rowid DESC LIMIT ?")
    else:
        sql = ("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
               " ORDER BY rowid DESC LIMIT ?")
    rows = run.library.conn.execute(sql, (match, *query.params, limit)).fetchall()
    return [(i, 0.0) for (i,) in rows if i not in seen][:wanted]


def _count_matching(run: _Run, match: str, found: int, limit: int) -> tuple[int, bool]:
    if found < limit:
        return found, False
    if run.query.where:
        sql = f"SELECT count(*) FROM (SELECT 1{_joined(run.query, run.facets)} LIMIT ?)"
        total = run.library.conn.execute(
            sql, (match, *run.query.params, FILTERED_COUNT_CAP)).fetchone()[0]
        return total, total >= FILTERED_COUNT_CAP
    total = run.count(match)
    return total, total >= COUNT_CAP


def _conditions(query: Query) -> tuple[list[str], list[object]]:
    """SQL conditions on articles for a query without words to match: filters, exclusions."""
    where, params = list(query.where), list(query.params)
    if query.negative:
        where.append("articles.id NOT IN (SELECT rowid FROM articles_fts"
                     " WHERE articles_fts MATCH ?)")
        params.append(" OR ".join(query.negative))
    return where, params


def _filtered(library: Library, query: Query, limit: int, order: str) -> list[tuple[int, float]]:
    where, params = _conditions(query)
    sql = f"SELECT articles.id FROM articles{_where(where)} ORDER BY {ORDERS[order]} LIMIT ?"
    return [(i, 0.0) for (i,) in library.conn.execute(sql, (*params, limit))]


def _count_filtered(library: Library, query: Query, found: int,
                    limit: int) -> tuple[int, bool]:
    if found < limit:
        return found, False
    where, params = _conditions(query)
    total = library.conn.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM articles{_where(where)} LIMIT ?)",
        (*params, FILTERED_COUNT_CAP)).fetchone()[0]
    return total, total >= FILTERED_COUNT_CAP


def _hits(library: Library, ranked: list[tuple[int, float]], summaries: bool = False) -> list[Hit]:
    if not ranked:
        return []
    marks = ",".join("?" * len(ranked))
    extra = "summary" if summaries else "''"
    rows = {row[0]: row for row in library.conn.execute(
        f"SELECT id, title, published, author, {extra} FROM articles WHERE id IN ({marks})",
        [i for i, _ in ranked])}
    trim = _trim if summaries else str  # without summaries the column is ''
    return [Hit(i, rows[i][1], rows[i][2], trim(rows[i][4]), score, rows[i][3])
            for i, score in ranked if i in rows]


def _with_snippet(hit: Hit, snippet: str) -> Hit:
    if not snippet:
        return hit
    return Hit(hit.id, hit.title, hit.published, snippet, hit.score, hit.author)


def snippets_for(library: Library, match: str | None, ids: list[int]) -> dict[int, str]:
    """Snippets of these articles for a Results.match expression, matches marked."""
    if not match or not ids:
        return {}
    marks = ",".join("?" * len(ids))
    if _PREFIX.search(match):
        # Each rowid looked up on its own would expand the prefix again: walk the matches
        # once instead, working out snippets only for the rows asked for.
        sql = (f"SELECT rowid, CASE WHEN rowid IN ({marks}) THEN {_SNIPPET} END"
               " FROM articles_fts WHERE articles_fts MATCH ?")
        rows = library.conn.execute(sql, (*ids, match))
        return {i: s for i, s in rows if s is not None}
    return dict(library.conn.execute(
        f"SELECT rowid, {_SNIPPET} FROM articles_fts WHERE articles_fts MATCH ?"
        f" AND rowid IN ({marks})", (match, *ids)))


def matched_words(library: Library, match: str | None, article_id: int) -> list[str]:
    """The words and phrases of one article that a Results.match expression matched.

    Stemming and prefixes make "floods" and "Flood" matches for flood; the reader marks
    these strings, longest first.
    """
    if not match:
        return []
    try:
        row = library.conn.execute(
            f"SELECT {_HIGHLIGHTS} FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?",
            (match, article_id)).fetchone()
    except sqlite3.OperationalError:
        return []
    found = {" ".join(m.split()) for text in row or () if text for m in _MARKED.findall(text)}
    return sorted((w for w in found if w), key=lambda w: (-len(w), w.casefold()))


def _where(conditions: list[str]) -> str:
    return (" WHERE " + " AND ".join(conditions)) if conditions else ""


def _trim(text: str, words: int = 30) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")
