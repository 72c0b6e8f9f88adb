"""More like this: articles whose words are closest to one article's, computed locally.

Two stages keep it fast on a large library. FTS5 first gathers a pool of candidates with an
OR of the article's most distinctive words, capped by how many postings those words have,
so the cost of the query stays bounded. The pool is then ranked by the cosine of tf-idf
vectors of stemmed words and word pairs, which ranks topics better than bm25 over a
handful of words, or a plain TF-IDF cosine, does (tests/benchmarks/related_quality.py).
"""

from __future__ import annotations

import heapq
import math
import operator
import re
import sqlite3
import weakref
from collections import Counter
from collections.abc import Collection, Iterable
from itertools import pairwise

from broadsheet.core import frequencies
from broadsheet.core.library import Library
from broadsheet.core.search import fts_string
from broadsheet.core.stems import stem_words

# Tuned on the BBC corpus (precision@5) and a 100,000-article library (latency); bm25 costs
# about 1.5 us a posting, and each candidate about 0.3 ms to weigh. On BBC a pool of 15 from
# 2000 postings scores 0.937; 25 from 3000 scored 0.941 for a third more time, and the
# sidebar has 30 ms at 100,000 articles, half of it gone on the key press and the paint.
QUERY_TERMS = 40  # words in the FTS5 query that gathers the pool
POSTINGS_BUDGET = 2000  # at most this many postings read by that query
POOL = 15  # candidates ranked by cosine
POOL_CHARS = 2500  # of each candidate's text: enough to say what it is about
QUERY_CHARS = 20000  # of the article itself, so one huge article cannot stall the sidebar
IDF_POWER = 0.6  # damped idf: a rare name shared by two articles is not the whole story
# The library grows by more than this share before document frequencies are read again.
STALE_SHARE = 0.05

_WORD = re.compile(r"[^\W_]+")  # what unicode61 counts as a token
_STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being
below between both but by can cannot could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself me more most my myself no nor not of off on once only or other ought our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why with would you your yours yourself yourselves said
says also mr mrs ms will one two three year years new last first
""".split())
# 1 + log(tf) for every count a text of QUERY_CHARS can hold (a counted word has two
# letters or more, then a separator): a list lookup instead of a log call per word.
_LOG_TF = [0.0, *(1.0 + math.log(n) for n in range(1, QUERY_CHARS // 2 + 1))]
_MAX_CACHED_STEMS = 300_000


class _Vocabulary:
    """Document frequencies and a stemmer for one open library (its own connection)."""

    def __init__(self, library: Library, kept: frequencies.Frequencies | None = None) -> None:
        self.db = library.conn
        if kept is None:
            # One pass over the FTS5 index (~1 s at 100,000 articles), then every lookup is
            # free; looking terms up one by one costs up to several ms each for common words.
            kept = frequencies.Frequencies(library.top_id(), library.count(), dict(
                self.db.execute("SELECT term, doc FROM articles_vocab WHERE doc > 1")))
            frequencies.save(library, kept)
        self.top_id, self.count, self.df = kept.top_id, max(kept.articles, 1), kept.df
        self.idf: dict[str, float] = {}
        # word -> its stem as the library's FTS5 tokenizer makes it, None when it is not used
        self.stems: dict[str, str | None] = {}

    def stale(self, library: Library) -> bool:
        """True once the library has grown enough to change the frequencies noticeably."""
        return _stale(self.top_id, library)

    def learn(self, words: Iterable[str]) -> None:
        """Stem the words not seen before with the library's own tokenizer (exact, no port)."""
        stems = self.stems
        if len(stems) > _MAX_CACHED_STEMS:
            stems.clear()
        new = set(words).difference(stems)
        if not new:
            return
        wanted = [w for w in new if len(w) > 1 and w not in _STOPWORDS and not w.isdigit()]
        stems.update(dict.fromkeys(new.difference(wanted)))
        stems.update(stem_words(self.db, wanted))

    def tokens(self, text: str) -> list[str]:
        """The stems of a text's words, in order, stopwords and numbers left out."""
        words = _WORD.findall(text.lower())
        self.learn(words)
        return list(filter(None, map(self.stems.__getitem__, words)))

    def weigh(self, tokens: list[str]) -> tuple[dict[object, float], float]:
        """Sublinear tf x damped idf for words and word pairs; the vector and its norm."""
        counts = Counter(tokens)
        idf = self.idf
        for term in [t for t in counts if t not in idf]:
            df = self.df.get(term, 1)
            idf[term] = (math.log((1 + self.count) / (1 + df)) + 1) ** IDF_POWER
        # map() over C functions: this runs for every candidate, so no Python-level loop.
        log_tf = _LOG_TF.__getitem__
        vector: dict[object, float] = dict(zip(counts, map(
            operator.mul, map(log_tf, counts.values()), map(idf.__getitem__, counts)),
            strict=True))
        if len(tokens) > 1:
            # Word pairs ("interest rates") say more about a topic than the words apart. A
            # pair's idf is unknown without a phrase query; the sum of its words' stands in.
            pairs = Counter(pairwise(tokens))
            firsts, seconds = zip(*pairs, strict=True)
            vector.update(zip(pairs, map(operator.mul, map(log_tf, pairs.values()), map(
                operator.add, map(idf.__getitem__, firsts), map(idf.__getitem__, seconds))),
                strict=True))
        norm = math.sqrt(sum(map(operator.mul, vector.values(), vector.values())))
        return vector, norm or 1.0


_vocabularies: weakref.WeakKeyDictionary[Library, _Vocabulary] = weakref.WeakKeyDictionary()


def _vocabulary(library: Library) -> _Vocabulary:
    found = _vocabularies.get(library)
    if found is not None and not found.stale(library):
        return found
    # The kept ones on first use, and only when fresh; once stale, worked out again.
    kept = None if found is not None else frequencies.load(
        library, lambda top_id: not _stale(top_id, library))
    fresh = _vocabularies[library] = _Vocabulary(library, kept)
    if found is not None:
        fresh.stems = found.stems  # stems do not change with the library, only counts
    return fresh


def _stale(top_id: int, library: Library) -> bool:
    """True once the library has grown past frequencies taken at ``top_id``."""
    top = library.top_id()
    return top != top_id and (top < 20_000 or top > top_id * (1 + STALE_SHARE))


def similar_ids(library: Library, article_id: int, limit: int = 8,
                exclude: Collection[int] = ()) -> list[tuple[int, float]]:
    """(id, cosine) of the articles most like this one, best first; never itself or exclude."""
    row = library.conn.execute("SELECT title, summary, body FROM articles_text WHERE id = ?",
                             (article_id,)).fetchone()
    if row is None:
        return []
    vocabulary = _vocabulary(library)
    words = _WORD.findall(" ".join(row)[:QUERY_CHARS].lower())
    vocabulary.learn(words)
    tokens = list(filter(None, map(vocabulary.stems.__getitem__, words)))
    if not tokens:
        return []
    query, norm = vocabulary.weigh(tokens)
    pool = _pool(library, vocabulary, words, query, {article_id, *exclude})
    scores = {}
    for candidate, title, summary, body in _texts(library, pool):
        vector, candidate_norm = vocabulary.weigh(
            vocabulary.tokens(f"{title} {summary} {body}"[:POOL_CHARS]))
        shared = query.keys() & vector.keys()
        dot = sum(map(operator.mul, map(query.__getitem__, shared),
                      map(vector.__getitem__, shared)))
        scores[candidate] = dot / (norm * candidate_norm)
    best = heapq.nlargest(limit, scores, key=scores.__getitem__)
    return [(i, round(scores[i], 4)) for i in best]


def _pool(library: Library, vocabulary: _Vocabulary, words: list[str],
          query: dict[object, float], exclude: set[int]) -> list[int]:
    """Candidates from FTS5: bm25 over the heaviest words, within the postings budget."""
    surface: dict[str, str] = {}  # a word as written for each stem: MATCH stems it again
    for word in words:
        stem = vocabulary.stems[word]
        if stem is not None and stem not in surface:
            surface[stem] = word
    chosen, spent = [], 0
    for stem in sorted(surface, key=query.__getitem__, reverse=True):
        df = vocabulary.df.get(stem, 1)
        if df < 2 or spent + df > POSTINGS_BUDGET:
            continue  # a word no other article has cannot find one
        chosen.append(fts_string(surface[stem]))
        spent += df
        if len(chosen) == QUERY_TERMS:
            break
    if not chosen:
        return []
    try:
        rows = library.conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
            " ORDER BY bm25(articles_fts) LIMIT ?",
            (" OR ".join(chosen), POOL + len(exclude))).fetchall()
    except sqlite3.OperationalError as error:
        if "fts5" not in str(error).lower():
            raise
        return []  # quoting makes every word a literal; this is only a safety net
    return [i for (i,) in rows if i not in exclude][:POOL]


def _texts(library: Library, ids: list[int]) -> list[tuple[int, str, str, str]]:
    if not ids:
        return []
    return library.conn.execute(
        "SELECT id, title, summary, substr(body, 1, ?) FROM articles_text"
        f" WHERE id IN ({','.join('?' * len(ids))})", (POOL_CHARS, *ids)).fetchall()
