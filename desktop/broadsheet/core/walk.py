"""Walking the files and folders given to an import: which files, in what order, and refusals."""

from __future__ import annotations

import itertools
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
SORTED_FOLDER_LIMIT = 20_000

Refuse = Callable[[str, str], None]


class Walker:
    """Files under the given paths, depth first, each real folder once (no symlink loops)."""

    def __init__(self, paths: Iterable[str | Path], refuse: Refuse,
                 ignore: Iterable[Path] = ()) -> None:
        self.paths = [Path(p) for p in paths]
        self.refuse = refuse
        self.seen_dirs: set[tuple[int, int]] = set()
        # The library's own files may sit inside the folder being imported.
        self.ignore = {os.path.abspath(p) for p in ignore}

    def __iter__(self) -> Iterator[str]:
        for path in self.paths:
            yield from self._top(path)

    def _top(self, path: Path) -> Iterator[str]:
        try:
            info = path.stat()
        except OSError as error:
            self._skip(str(path), os_reason(error))
            return
        if stat.S_ISDIR(info.st_mode):
            yield from self._folder(str(path), info)
        elif not stat.S_ISREG(info.st_mode):
            self._skip(str(path), _special_reason(info.st_mode))
        elif _wanted(path.name):
            yield str(path)
        else:
            self._skip(str(path), _unwanted_reason(path.name))

    def _folder(self, folder: str, info: os.stat_result) -> Iterator[str]:
        key = (info.st_dev, info.st_ino)
        if key in self.seen_dirs:
            return
        self.seen_dirs.add(key)
        try:
            children = _listing(folder)
            for entry in children:
                if entry.name.startswith("."):
                    continue  # .git, .DS_Store and friends are not articles
                yield from self._entry(entry)
        except OSError as error:
            self._skip(folder, os_reason(error))

    def _entry(self, entry: os.DirEntry) -> Iterator[str]:
        try:
            is_dir = entry.is_dir()
            # Opening a pipe or a device would wait or read forever: only plain files pass.
            # is_file() costs no system call for a plain file; stat() finds out what else.
            child_info = entry.stat() if is_dir or not entry.is_file() else None
        except OSError as error:
            self._skip(entry.path, os_reason(error))
            return
        if is_dir and child_info is not None:
            yield from self._folder(entry.path, child_info)
        elif os.path.abspath(entry.path) in self.ignore:
            return
        elif child_info is not None:
            self._skip(entry.path, _special_reason(child_info.st_mode))
        elif _wanted(entry.name):
            yield entry.path
        else:
            self._skip(entry.path, _unwanted_reason(entry.name))

    def _skip(self, path: str, reason: str) -> None:
        self.refuse(path, reason)


def _listing(folder: str) -> Iterator[os.DirEntry]:
    """A folder's entries by name; a huge folder streams in the order the disk gives.

    Sorting a folder of a million files would hold every entry in memory at once.
    """
    with os.scandir(folder) as entries:
        head = list(itertools.islice(entries, SORTED_FOLDER_LIMIT))
        if len(head) < SORTED_FOLDER_LIMIT:
            yield from sorted(head, key=lambda e: e.name)
            return
        yield from head
        yield from entries


def _wanted(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in TEXT_SUFFIXES


_SPECIAL_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
                  (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def _special_reason(mode: int) -> str:
    kind = next((what for test, what in _SPECIAL_KINDS if test(mode)), "an unusual kind")
    return f"not a regular file ({kind})"


def _unwanted_reason(name: str) -> str:
    return f"not a text article ({os.path.splitext(name)[1].lower()} file)"


def printable_path(path: str) -> str:
    """A path as text that can be stored and shown: bytes that are not UTF-8 become U+FFFD.

    The OS hands such names over as lone surrogates, which SQLite and stdout refuse.
    """
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that did not come from the file system
        raw = path.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")


def os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "file not found (moved or deleted?)"
    if isinstance(error, PermissionError):
        return "permission denied"
    if error.errno == 40:  # ELOOP
        return "symbolic link loop"
    return error.strerror or str(error)


def count_files(paths: Iterable[str | Path], ignore: Iterable[Path] = ()) -> int:
    """How many files an import of these paths will look at (for progress)."""
    return sum(1 for _ in Walker(paths, lambda path, reason: None, ignore))
