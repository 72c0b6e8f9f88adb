#!/usr/bin/env python3
"""Search speed: from a query to the results the list shows, against `grep -ril` in one run.

Times the job the window's worker runs for each pause in typing (search.find for the best
500 with snippets for the first screen, plus their reading state), over a query mix drawn
from the library itself: words and word pairs from headlines, phrases, prefixes, authors,
dates, exclusions, title:, is:unread, words half typed, and a few very common words. The
baseline is what anyone has without Broadsheet: `grep -ril WORD` over the same files.

    python tests/benchmarks/search_speed.py --corpus DIR --library DB [--queries N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from measure import spread

# What the query mix holds, in shares: roughly what people type into a news archive.
MIX = {"word": 30, "two words": 18, "phrase": 8, "prefix": 6, "author": 5, "date": 6,
       "exclusion": 5, "title": 5, "unread": 5, "half typed": 8, "common": 4}
STOPWORDS = set("""a an and are as at be by for from has have in is it its of on or that the
to was were will with after over new says say said up out into not no more than""".split())


def summary(values: list[float]) -> dict:
    return {"n": len(values), **spread(values)}


def query_mix(library, count: int, seed: int) -> list[tuple[str, str]]:
    """(kind, query) pairs drawn from the library's headlines, authors and dates."""
    rng = random.Random(seed)
    # Drawn by the seed, not by SQL's random(), so that two runs time the same queries.
    top = library.top_id()
    picked = sorted(rng.sample(range(1, top + 1), min(5000, top)))
    marks = ",".join("?" * len(picked))
    rows = library.conn.execute(
        f"SELECT title, author, local_date FROM articles WHERE id IN ({marks}) ORDER BY id",
        picked).fetchall()
    titles = [re.findall(r"[A-Za-z][A-Za-z'-]{2,}", t) for t, _, _ in rows]
    titles = [[w for w in t if w.lower() not in STOPWORDS] for t in titles]
    titles = [t for t in titles if len(t) >= 2]
    words = [w for t in titles for w in t]
    authors = [a.split()[-1] for _, a, _ in rows if a]
    years = sorted({d[:4] for _, _, d in rows if d})
    common = [w for w, _ in Counter(
        w.lower() for t, _, _ in rows for w in re.findall(r"[A-Za-z]+", t)).most_common(8)]

    def make(kind: str) -> str:
        title = rng.choice(titles)
        word = rng.choice(words)
        if kind == "word":
            return word
        if kind == "two words":
            return " ".join(rng.sample(title, 2))
        if kind == "phrase":
            start = rng.randrange(len(title) - 1)
            return f'"{title[start]} {title[start + 1]}"'
        if kind == "prefix":
            return word[:max(4, len(word) - 3)] + "*"
        if kind == "author":
            return f"author:{rng.choice(authors)}" if authors else word
        if kind == "date":
            return f"{word} after:{rng.choice(years)}" if years else word
        if kind == "exclusion":
            return f"{title[0]} -{title[1]}"
        if kind == "title":
            return f"title:{word}"
        if kind == "unread":
            return f"{word} is:unread"
        if kind == "half typed":
            return word[:rng.randint(3, max(3, len(word) - 1))]
        return rng.choice(common)

    kinds = [k for k, share in MIX.items() for _ in range(share)]
    return [(kind, make(kind)) for kind in (rng.choice(kinds) for _ in range(count))]


def time_searches(library, mix: list[tuple[str, str]], order: str, view: str) -> dict:
    """Milliseconds per query for the window's own search job: wall clock, and the CPU time
    of the thread (what the wall clock would be on a machine nothing else is using)."""
    from broadsheet.ui.window_search import search_job

    for _kind, text in mix[:20]:  # warm the page cache as a session in use has it
        search_job(text, order, view)(library)
    times: list[float] = []
    cpu: list[float] = []
    by_kind: dict[str, list[float]] = {}
    slowest: list[tuple[float, str]] = []
    for kind, text in mix:
        started, started_cpu = time.perf_counter(), time.thread_time()
        search_job(text, order, view)(library)
        elapsed = (time.perf_counter() - started) * 1000
        cpu.append((time.thread_time() - started_cpu) * 1000)
        times.append(elapsed)
        by_kind.setdefault(kind, []).append(elapsed)
        slowest.append((elapsed, text))
    result = summary(times)
    result["cpu"] = summary(cpu)
    result["by_kind"] = {k: summary(v) for k, v in sorted(by_kind.items())}
    result["slowest"] = [{"ms": round(ms, 1), "query": q} for ms, q in sorted(slowest)[-5:]]
    return result


def time_grep(corpus: Path, words: list[str]) -> dict:
    """Seconds-scale baseline: grep -ril WORD over the corpus folder, once per word."""
    times = []
    for word in words:
        started = time.perf_counter()
        subprocess.run(["grep", "-ril", "--", word, str(corpus)], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - started) * 1000)
    return summary(times)


def main() -> int:
    """Run the mix, then grep; print a table or one JSON document."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="the folder the library holds")
    ap.add_argument("--library", type=Path, required=True)
    ap.add_argument("--queries", type=int, default=400)
    ap.add_argument("--grep-words", type=int, default=5)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from broadsheet.core.library import Library

    load_before = os.getloadavg()[0]
    with Library(args.library, create=False) as library:
        articles = library.count()
        mix = query_mix(library, args.queries, args.seed)
        relevance = time_searches(library, mix, "relevance", "all")
        newest = time_searches(library, mix, "newest", "all")
        unread_view = time_searches(library, mix, "relevance", "unread")
    grep_words = [q for kind, q in mix if kind == "word"][:args.grep_words]
    grep = time_grep(args.corpus, grep_words)
    load = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    document = {"library": str(args.library), "articles": articles, "corpus": str(args.corpus),
                "queries": len(mix), "cpus": os.cpu_count(), "load_average": load,
                "mix": MIX, "relevance": relevance,
                "newest_first": newest, "unread_view": unread_view,
                "grep": dict(grep, words=grep_words),
                "speedup_p50": round(grep["p50_ms"] / max(relevance["p50_ms"], 0.001))}
    if args.json:
        print(json.dumps(document, indent=1))
        return 0
    print(f"{len(mix)} queries on {articles:,} articles ({args.library}); load average"
          f" {load[0]} then {load[1]} on {os.cpu_count()} CPUs")
    print(f"{'':28}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    rows = (("search, best first", relevance), ("  CPU time of the thread", relevance["cpu"]),
            ("search, newest first", newest), ("  CPU time of the thread", newest["cpu"]),
            ("search, unread view", unread_view), ("  CPU time of the thread", unread_view["cpu"]),
            (f"grep -ril ({len(grep_words)} words)", grep))
    for name, row in rows:
        print(f"{name:28}{row['p50_ms']:>10}{row['p95_ms']:>10}{row['max_ms']:>10}")
    print("\nbest first, by kind of query:")
    for kind, row in relevance["by_kind"].items():
        print(f"  {kind:22}{row['p50_ms']:>10}{row['p95_ms']:>10}{row['max_ms']:>10}"
              f"   ({row['n']})")
    print("slowest:", ", ".join(f"{s['query']} {s['ms']} ms" for s in relevance["slowest"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
