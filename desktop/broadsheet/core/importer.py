"""Import: walk files and folders, decode, parse, drop duplicates, store in batches, report."""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import sqlite3
import stat
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from broadsheet.core.decode import NotText, decode
from broadsheet.core.library import Library, Prepared, describe, prepare
from broadsheet.core.parse import parse
from broadsheet.core.related import resolve_after_import, resolve_keys, store_sketches
from broadsheet.core.walk import Walker, count_files, os_reason, printable_path

log = logging.getLogger("broadsheet.import")

DEFAULT_SIZE_LIMIT = 5 * 1024 * 1024
BATCH_SIZE = 1000
# A bigger page cache while importing: index inserts stop re-reading pages (100k files:
# 72 s -> 54 s). Restored afterwards, so an open window keeps a small footprint.
IMPORT_CACHE_KIB = 64 * 1024

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that was not imported, and why, in a few words."""

    path: str
    reason: str


@dataclass(slots=True)
class ImportReport:
    """What an import did: counts, refusals, and whether it finished."""

    imported: int = 0
    duplicates: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    cancelled: bool = False
    error: str | None = None
    duplicate_paths: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        """The command line's JSON shape."""
        return {"imported": self.imported, "duplicates": self.duplicates,
                "skipped": [{"path": printable_path(s.path), "reason": s.reason}
                            for s in self.skipped],
                "seconds": round(self.seconds, 3)}


def read_article(path: str, size_limit: int = DEFAULT_SIZE_LIMIT) -> Prepared:
    """Read, decode, parse and prepare one file; raises NotText or OSError with the reason."""
    # Non-blocking, and checked once open: a file swapped for a pipe after the walk saw it
    # must not hang the import.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with open(fd, "rb") as handle:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise NotText("not a regular file")
        size = status.st_size
        if size > size_limit:
            raise NotText(f"too large ({_sizes(size, size_limit)})")
        data = handle.read(size_limit + 1)
    if len(data) > size_limit:
        raise NotText(f"too large (over {_megabytes(size_limit)})")
    decoded = decode(data)
    return prepare(parse(decoded.text, path), decoded.text, decoded.encoding, len(data))


def _megabytes(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1000:.1f} kB" if size >= 1000 else f"{size} bytes"


def _sizes(size: int, limit: int) -> str:
    """'6.1 MB; the limit is 5.2 MB', in bytes where rounding would make them look equal."""
    said, allowed = _megabytes(size), _megabytes(limit)
    if said == allowed:
        said, allowed = f"{size:,} bytes", f"{limit:,}"
    return f"{said}; the limit is {allowed}"


# Below this many files the reading stays in this process: a helper process costs more.
_PARALLEL_FROM = 200
_CHUNK = 100
_CHUNKS_AHEAD = 16  # enough read ahead that the reader never waits on a long commit
# Chunks this process may read beyond those: it helps while the helper starts and when it
# falls behind, and the whole read-ahead stays bounded (memory, and files read long before
# they are stored).
_READ_HERE_AHEAD = 4
_WORKERS = 1


def _read_one(path: str, size_limit: int) -> Prepared | Skipped:
    try:
        return read_article(path, size_limit)
    except NotText as error:
        return Skipped(path, str(error))
    except OSError as error:
        return Skipped(path, os_reason(error))


def _read_chunk(paths: list[str], size_limit: int) -> list[tuple[str, Prepared | Skipped]]:
    return [(path, _read_one(path, size_limit)) for path in paths]


def _read_all(paths: Iterator[str], size_limit: int,
              read_here: bool) -> Iterator[tuple[str, Prepared | Skipped]]:
    """Every file read and parsed, in walk order.

    Large imports parse in a helper process while this one writes to SQLite, so the two
    cores work at once; a bounded number of chunks in flight keeps memory flat. Reading
    costs more than writing, so with ``read_here`` this process reads a chunk itself
    whenever it would otherwise wait for the helper. Should the helper process die or fail
    to start, reading carries on here.
    """
    head = list(itertools.islice(paths, _PARALLEL_FROM))
    if len(head) < _PARALLEL_FROM:
        for path in head:  # one at a time, so progress moves with each file
            yield path, _read_one(path, size_limit)
        return
    chunks = _chunked(itertools.chain(head, paths), _CHUNK)
    context = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded Qt app
    pending: deque[tuple[list[str], Future]] = deque()
    try:
        with ProcessPoolExecutor(max_workers=_WORKERS, mp_context=context) as pool:
            try:
                for chunk in itertools.islice(chunks, _CHUNKS_AHEAD):
                    pending.append((chunk, pool.submit(_read_chunk, chunk, size_limit)))
                while pending:
                    if read_here and not pending[0][1].done() \
                            and len(pending) < _CHUNKS_AHEAD + _READ_HERE_AHEAD \
                            and (mine := next(chunks, None)) is not None:
                        pending.append((mine, _finished(_read_chunk(mine, size_limit))))
                        continue
                    results = pending[0][1].result()
                    pending.popleft()
                    if (chunk := next(chunks, None)) is not None:
                        pending.append((chunk, pool.submit(_read_chunk, chunk, size_limit)))
                    yield from results
            finally:
                for _, future in pending:
                    future.cancel()
    except (BrokenProcessPool, OSError) as error:
        log.warning("reading in this process: the helper process failed (%s)", error)
    for chunk in itertools.chain((c for c, _ in pending), chunks):
        yield from _read_chunk(chunk, size_limit)


def _finished(result: list[tuple[str, Prepared | Skipped]]) -> Future:
    future: Future = Future()
    future.set_result(result)
    return future


def _chunked(items: Iterator[str], size: int) -> Iterator[list[str]]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk


def import_paths(
    library: Library,
    paths: Iterable[str | Path],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    size_limit: int = DEFAULT_SIZE_LIMIT,
    batch_size: int = BATCH_SIZE,
    read_here: bool = True,
) -> ImportReport:
    """Import files and folders into the library; refusals are reported, never raised.

    ``read_here`` lets this thread read files too when it would wait for the helper process;
    a window passes False, since that reading would hold the interpreter its UI needs.
    """
    started = time.perf_counter()
    report = ImportReport()
    paths = list(paths)
    own_files = [library.path.with_name(library.path.name + suffix)
                 for suffix in ("", "-wal", "-shm")]
    total = count_files(paths, own_files) if progress else 0
    walker = Walker(paths, lambda path, reason: report.skipped.append(Skipped(path, reason)),
                    own_files)
    batch: list[Prepared] = []
    done = 0
    results = _read_all(iter(walker), size_limit, read_here)
    cache = library.conn.execute("PRAGMA cache_size").fetchone()[0]
    library.conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        for path, result in results:
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            done += 1
            if progress:
                progress(done, max(total, done), path)
            if isinstance(result, Skipped):
                report.skipped.append(result)
            else:
                batch.append(result)
            if len(batch) >= batch_size and not _store(library, batch, report):
                break
        if report.error is None:
            _store(library, batch, report)
    finally:
        results.close()
        library.conn.execute(f"PRAGMA cache_size = {int(cache)}")
    report.seconds = time.perf_counter() - started
    return report


def _store(library: Library, batch: list[Prepared], report: ImportReport) -> bool:
    """Write one batch in one transaction; on a disk error roll it back and say so."""
    if not batch:
        return True
    try:
        with library.transaction():
            # Inside the write lock: another importer cannot slip the same text in between.
            fresh, duplicates = split_duplicates(library, batch)
            new_ids = library.add_articles(fresh)
            store_links(library, fresh, new_ids)
            store_sketches(library, fresh, new_ids)
            resolve_after_import(library, new_ids)
    except sqlite3.Error as error:
        reason = describe(error)
        if reason is None:
            raise
        report.error = (f"stopped: {reason}; the last {len(batch)} files were not stored,"
                        f" everything imported before them is intact")
        log.error("import batch rolled back: %s", error)
        batch.clear()
        return False
    report.imported += len(new_ids)
    report.duplicates += len(duplicates)
    report.duplicate_paths.extend(duplicates[: max(0, 1000 - len(report.duplicate_paths))])
    batch.clear()
    return True


def split_duplicates(library: Library,
                     batch: list[Prepared]) -> tuple[list[Prepared], list[str]]:
    """The batch's new articles, and the paths of texts already stored (or twice in it)."""
    known = library.known_hashes(p.sha256 for p in batch)
    fresh: list[Prepared] = []
    duplicates: list[str] = []
    for item in batch:
        if item.sha256 in known:
            duplicates.append(item.source_path or "")
        else:
            known.add(item.sha256)
            fresh.append(item)
    return fresh, duplicates


def store_links(library: Library, items: list[Prepared], ids: list[int]) -> None:
    """Store the batch's READ: links already resolved against the library and the batch."""
    keyed = [(article_id, n, text, key, alt, after)
             for article_id, item in zip(ids, items, strict=True)
             for n, (text, key, alt, after) in enumerate(item.links)]
    targets = resolve_keys(library, [(key, alt) for _, _, _, key, alt, _ in keyed])
    library.add_links([(*row, None if target == row[0] else target)
                       for row, target in zip(keyed, targets, strict=True)])
