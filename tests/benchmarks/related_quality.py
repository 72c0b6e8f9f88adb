#!/usr/bin/env python3
"""Related links, measured: READ: resolution, the same story, more like this, and speed.

    python tests/benchmarks/related_quality.py --corpus DIR [--bbc DIR] [--library PATH]
        [--samples N] [--json]

--corpus is a make_corpus.py folder (with truth.jsonl). It is imported into a temporary
library unless --library names one already imported from it (a 100,000-article import
takes a minute; build it once with `python -m broadsheet import DIR --library PATH`).

- resolution: precision and recall of READ: lines against truth.jsonl.
- sketch cost: CPU time of the near-duplicate sketch per file (time.process_time, over the
  first 3,000 files, parsing excluded), and of storing it in a write transaction.
- latency: p50/p95 of related() (everything the sidebar shows) and of similar() alone, over
  random articles, in this fresh process; the first call, which reads the document
  frequencies once, is reported on its own.
- with --bbc: precision@5 of "more like this" (share of the top 5 in the same topic folder)
  next to a plain TF-IDF cosine baseline computed here from the same articles, and the
  same-story detection: same-title pairs, near-copies of the byte-identical pairs, and
  pairs across topic folders (which should be none).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from measure import percentile

from broadsheet.core.decode import decode
from broadsheet.core.importer import import_paths
from broadsheet.core.library import Library, prepare
from broadsheet.core.parse import parse
from broadsheet.core.related import related, same_story_ids, similar, store_sketches
from broadsheet.core.sketch import sketch
from broadsheet.core.titles import title_key

TOPICS = ("business", "entertainment", "politics", "sport", "tech")


def open_library(corpus: Path, library_path: Path | None, tmp: Path) -> Library:
    """The library to measure: the one given, or the corpus imported into a fresh one."""
    if library_path is not None:
        return Library(library_path, create=False)
    library = Library(tmp / "corpus.db")
    report = import_paths(library, [corpus])
    print(f"imported {report.imported} articles from {corpus} in {report.seconds:.1f} s",
          file=sys.stderr)
    return library


# -- resolution -------------------------------------------------------------------------

def resolution(library: Library, corpus: Path) -> dict:
    """Precision and recall of stored READ: links against truth.jsonl."""
    names = {row.id: Path(row.source_path or "").name for row in library.iter_rows()}
    stored = {(names[link.from_id], link.position): names.get(link.target_id)
              for link in library.links()}
    resolved = correct = with_target = checked = 0
    with open(corpus / "truth.jsonl", encoding="utf-8") as truth_file:
        for line in truth_file:
            truth = json.loads(line)
            for position, link in enumerate(truth["read_links"]):
                key = (truth["file"], position)
                if key not in stored:
                    continue  # the file was not imported (refused), so nothing to judge
                checked += 1
                with_target += link["target"] is not None
                if stored[key] is not None:
                    resolved += 1
                    correct += stored[key] == link["target"]
    return {"links": checked, "with_target": with_target, "resolved": resolved,
            "precision": correct / resolved if resolved else 1.0,
            "recall": correct / with_target if with_target else 1.0}


# -- sketch cost ------------------------------------------------------------------------

def sketch_cost(corpus: Path, tmp: Path, files: int = 3000) -> dict:
    """CPU ms per file that sketches add: in prepare() (the reading process, the body joined
    again included) and in storing them (the writer)."""
    paths = sorted(p for p in corpus.rglob("*.txt"))[:files]
    articles, prepared = [], []
    for path in paths:
        text = decode(path.read_bytes()).text
        article = parse(text, str(path))
        articles.append(article)
        prepared.append(prepare(article, text, "utf-8", len(text)))
    started = time.process_time()
    for article in articles:
        sketch(article.body)
    reading = (time.process_time() - started) / len(articles) * 1000
    with Library(tmp / "sketch_cost.db") as library, library.transaction():
        ids = library.add_articles(prepared)
        started = time.process_time()
        store_sketches(library, prepared, ids)
        writing = (time.process_time() - started) / len(prepared) * 1000
    sizes = [len(item.sketch) for item in prepared]
    return {"files": len(articles), "sketch_ms_per_file": reading,
            "store_ms_per_file": writing, "hashes_per_file": statistics.mean(sizes)}


# -- latency ----------------------------------------------------------------------------

def latency(library: Library, samples: int) -> dict:
    """related() and similar() timings over random articles, first call apart."""
    top = library.conn.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
    rng = random.Random(4)
    ids = rng.sample(range(1, top + 1), min(samples + 1, top))
    articles = [a for a in (library.get(i) for i in ids) if a is not None]
    started = time.perf_counter()
    related(library, articles[0])
    first = (time.perf_counter() - started) * 1000
    whole, alone = [], []
    for article in articles[1:]:
        started = time.perf_counter()
        found = related(library, article)
        whole.append((time.perf_counter() - started) * 1000)
        exclude = [i for i, _ in found.same_story]
        started = time.perf_counter()
        similar(library, article, exclude=exclude)
        alone.append((time.perf_counter() - started) * 1000)
    return {"articles": library.count(), "samples": len(whole), "first_call_ms": first,
            "related_p50_ms": percentile(whole, 0.5), "related_p95_ms": percentile(whole, 0.95),
            "similar_p50_ms": percentile(alone, 0.5), "similar_p95_ms": percentile(alone, 0.95)}


# -- BBC: more like this ----------------------------------------------------------------

def bbc_quality(bbc: Path, tmp: Path) -> dict:
    """precision@5 of similar() and of a TF-IDF cosine baseline, same exclusions."""
    library = Library(tmp / "bbc.db")
    import_paths(library, [bbc / topic for topic in TOPICS])
    rows = library.conn.execute(
        "SELECT id, title, summary, body, source_path FROM articles").fetchall()
    folder = {i: Path(path).parent.name for i, _, _, _, path in rows}
    copies = {i: same_story_ids(library, i) for i in folder}
    ours, base = [], []
    baseline = TfidfBaseline({i: f"{t}\n{s}\n{b}" for i, t, s, b, _ in rows})
    started = time.perf_counter()
    for article_id in folder:
        article = library.get(article_id)
        assert article is not None
        top = [i for i, _, _ in similar(library, article, 5, exclude=copies[article_id])]
        ours.append(_share(top, folder, article_id))
    ours_seconds = time.perf_counter() - started
    for article_id in folder:
        top = baseline.top(article_id, 5, exclude=copies[article_id])
        base.append(_share(top, folder, article_id))
    result = {"articles": len(folder), "precision_at_5": statistics.mean(ours),
              "baseline_precision_at_5": statistics.mean(base),
              "ms_per_article": ours_seconds / len(folder) * 1000}
    library.close()
    return result


def _share(top: list[int], folder: dict[int, str], article_id: int) -> float:
    return sum(folder[i] == folder[article_id] for i in top) / 5


class TfidfBaseline:
    """Plain TF-IDF cosine over every article, exact (scikit-learn's TfidfVectorizer with
    sublinear_tf=True: tokens of two or more word characters, smooth idf, l2 norm)."""

    _TOKEN = re.compile(r"\b\w\w+\b")

    def __init__(self, texts: dict[int, str]) -> None:
        counts = {i: Counter(self._TOKEN.findall(t.lower())) for i, t in texts.items()}
        df = Counter(term for c in counts.values() for term in c)
        n = len(texts)
        idf = {term: math.log((1 + n) / (1 + d)) + 1 for term, d in df.items()}
        self.vectors: dict[int, dict[str, float]] = {}
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, c in counts.items():
            weights = {term: (1 + math.log(x)) * idf[term] for term, x in c.items()}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            self.vectors[i] = {term: w / norm for term, w in weights.items()}
            for term, w in self.vectors[i].items():
                self.postings[term].append((i, w))

    def top(self, article_id: int, k: int, exclude: list[int]) -> list[int]:
        """The k articles with the highest cosine, itself and exclude left out."""
        scores: dict[int, float] = defaultdict(float)
        for term, weight in self.vectors[article_id].items():
            for other, w in self.postings[term]:
                scores[other] += weight * w
        for other in (article_id, *exclude):
            scores.pop(other, None)
        return sorted(scores, key=scores.__getitem__, reverse=True)[:k]


# -- BBC: the same story ----------------------------------------------------------------

def bbc_same_story(bbc: Path, tmp: Path) -> dict:
    """Same-title pairs, near-copies of byte-identical pairs, and cross-topic detections."""
    paths = sorted(p for topic in TOPICS for p in (bbc / topic).glob("*.txt"))
    by_text: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        by_text[hashlib.sha256(b" ".join(path.read_bytes().split())).hexdigest()].append(path)
    identical = [group for group in by_text.values() if len(group) > 1]
    copies = tmp / "near_copies"
    copies.mkdir()
    for n, group in enumerate(identical):
        (copies / f"{n:03d}.txt").write_text(_lightly_edited(group[1]), encoding="utf-8")
    library = Library(tmp / "bbc_same.db")
    import_paths(library, [bbc / topic for topic in TOPICS])
    import_paths(library, [copies])
    by_path = {row.source_path: row.id for row in library.iter_rows()}
    found = {i: set(same_story_ids(library, i)) for i in by_path.values()}
    near_found = 0
    for n, group in enumerate(identical):
        stored = next(by_path[str(p)] for p in group if str(p) in by_path)  # dedup kept one
        near_found += by_path[str(copies / f"{n:03d}.txt")] in found[stored]
    titles: dict[str, list[int]] = defaultdict(list)
    for row in library.iter_rows():
        if not row.source_path.startswith(str(copies)):
            titles[title_key(row.title)].append(row.id)
    same_title = [ids for ids in titles.values() if len(ids) == 2]
    title_found = sum(b in found[a] and a in found[b] for a, b in same_title)
    topic = {i: Path(p).parent.name for p, i in by_path.items()}
    pairs = {tuple(sorted((a, b))) for a, others in found.items() for b in others}
    originals = {p for p in pairs if topic[p[0]] in TOPICS and topic[p[1]] in TOPICS}
    cross = [p for p in originals if topic[p[0]] != topic[p[1]]]
    library.close()
    return {"byte_identical_pairs": len(identical), "near_copies_found": near_found,
            "same_title_pairs": len(same_title), "same_title_found": title_found,
            "pairs_detected": len(originals), "pairs_across_topics": len(cross)}


def _lightly_edited(path: Path) -> str:
    """A re-publication: a new title, one sentence reworded, one sentence added."""
    title, _, body = decode(path.read_bytes()).text.strip().partition("\n")
    body = body.replace(" said ", " told reporters ", 1)
    if " told reporters " not in body:
        body = body.replace(" the ", " this ", 1)
    return f"{title.strip()} (updated)\n{body}\n\nThis story has been updated.\n"


# -- report -----------------------------------------------------------------------------

def main() -> int:
    """Measure and print a table, or JSON with --json."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="make_corpus.py output")
    ap.add_argument("--bbc", type=Path, help="the BBC corpus (five topic folders)")
    ap.add_argument("--library", type=Path, help="a library already imported from --corpus")
    ap.add_argument("--samples", type=int, default=300, help="articles timed (default 300)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    document: dict = {"corpus": str(args.corpus)}
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        with open_library(args.corpus, args.library, tmp) as library:
            document["resolution"] = resolution(library, args.corpus)
            document["latency"] = latency(library, args.samples)
        document["sketch"] = sketch_cost(args.corpus, tmp)
        if args.bbc:
            document["bbc_similar"] = bbc_quality(args.bbc, tmp)
            document["bbc_same_story"] = bbc_same_story(args.bbc, tmp)
    if args.json:
        print(json.dumps(document, indent=1))
    else:
        print_table(document)
    return 0


def print_table(d: dict) -> None:
    """The measurements as a short table."""
    r, lat, sk = d["resolution"], d["latency"], d["sketch"]
    print(f"corpus {d['corpus']}")
    print(f"  READ: resolution   precision {r['precision']:.4f}   recall {r['recall']:.4f}"
          f"   ({r['resolved']} resolved of {r['links']} lines, {r['with_target']} with a"
          " target)")
    print(f"  latency ({lat['articles']} articles, {lat['samples']} samples)   related()"
          f" p50 {lat['related_p50_ms']:.1f} ms  p95 {lat['related_p95_ms']:.1f} ms   "
          f"similar() p50 {lat['similar_p50_ms']:.1f} ms  p95 {lat['similar_p95_ms']:.1f} ms"
          f"   first call {lat['first_call_ms']:.0f} ms")
    print(f"  sketch ({sk['files']} files)   compute {sk['sketch_ms_per_file']:.4f} ms/file"
          f"   store {sk['store_ms_per_file']:.4f} ms/file   {sk['hashes_per_file']:.1f}"
          " hashes/file")
    if "bbc_similar" in d:
        s, same = d["bbc_similar"], d["bbc_same_story"]
        print(f"BBC ({s['articles']} articles)")
        print(f"  more like this precision@5 {s['precision_at_5']:.4f}   TF-IDF cosine"
              f" baseline {s['baseline_precision_at_5']:.4f}   ({s['ms_per_article']:.1f}"
              " ms/article)")
        print(f"  same story   same-title pairs {same['same_title_found']}/"
              f"{same['same_title_pairs']}   near-copies of byte-identical pairs "
              f"{same['near_copies_found']}/{same['byte_identical_pairs']}   pairs found"
              f" {same['pairs_detected']}, across topics {same['pairs_across_topics']}")


if __name__ == "__main__":
    sys.exit(main())
