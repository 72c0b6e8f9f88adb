"""The command line: open the window, or import, list, show, search and inspect a library."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from broadsheet import __version__
from broadsheet.core.article import Article
from broadsheet.core.library import Library, LibraryError, describe, explain
from broadsheet.paths import LIBRARY_ENV, default_library

COMMANDS: dict[str, str] = {
    "open": "open the window (the default); PATHs are imported as if dropped",
    "import": "import files and folders of articles",
    "list": "list the articles in the library",
    "show": "print one article",
    "search": "search the library",
    "related": "what an article links to, what links to it, and similar articles",
    "links": "every READ: link in the library",
    "stats": "totals for the library",
    "install-desktop": "add Broadsheet to this user's desktop menu (Linux)",
    "backup": "copy the library to a backup file (next to it unless PATH says where)",
    "restore": "put a backup in the library's place; the library it replaces is kept",
}


class UsageError(Exception):
    """The command line's words are wrong (exit status 2)."""


class Failure(Exception):
    """The command could not do its job (exit status 1)."""


def _library_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--library", metavar="PATH", type=Path,
        default=argparse.SUPPRESS if not top else None,
        help=f"the library file (default: ${LIBRARY_ENV} or {default_library()})",
    )


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, one subparser per command."""
    parser = _Parser(prog="broadsheet", description="Read, search and follow an archive of "
                     "news articles saved as text files.")
    parser.add_argument("--version", action="version", version=f"broadsheet {__version__}")
    _library_option(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, help_text in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _library_option(sub, top=False)
        if name not in ("open", "install-desktop"):
            sub.add_argument("--json", action="store_true", help="print one JSON document")
        _ARGUMENTS.get(name, lambda p: None)(sub)
    return parser


def _args_open(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to import")


def _args_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of articles")
    p.add_argument("--max-size", type=float, default=5.0, metavar="MB",
                   help="refuse files larger than this (default 5 MB)")


def _args_show(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=int, metavar="ID", help="the article's id (see list)")
    p.add_argument("--raw", action="store_true", help="print the text as it was imported")


def _args_search(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="+", metavar="QUERY",
                   help='words, "phrases", -exclusions, prefix*, author:, before:, after:')
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N results")


def _args_related(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=int, metavar="ID", help="the article's id")


def _args_install_desktop(p: argparse.ArgumentParser) -> None:
    p.add_argument("--uninstall", action="store_true", help="remove the entry and icons")


def _args_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sort", choices=["library", "newest", "oldest", "title", "author"],
                   default="library", help="order (default: the order articles were added)")


def _args_backup(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", type=Path, metavar="PATH",
                   help="the backup file, or a folder to put it in (never overwritten)")


def _args_restore(p: argparse.ArgumentParser) -> None:
    p.add_argument("backup", type=Path, metavar="BACKUP", help="the backup file to restore")


_ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "open": _args_open, "import": _args_import, "show": _args_show, "search": _args_search,
    "related": _args_related, "list": _args_list, "install-desktop": _args_install_desktop,
    "backup": _args_backup, "restore": _args_restore,
}


def _with_default_command(argv: list[str]) -> list[str]:
    """Insert ``open`` when the first word is not a command: ``broadsheet seeds/`` opens."""
    for index, word in enumerate(argv):
        if word == "--library":
            continue
        if index > 0 and argv[index - 1] == "--library":
            continue
        if word.startswith("-"):
            if word in ("-h", "--help", "--version"):
                return argv
            continue
        if word in COMMANDS:
            return argv
        if not os.path.exists(word):
            raise UsageError(f"broadsheet: '{word}' is neither a command ("
                             f"{', '.join(COMMANDS)}) nor an existing file or folder")
        return [*argv[:index], "open", *argv[index:]]
    return [*argv, "open"]


_SEARCH_FLAGS = {"--json", "-h", "--help"}
_SEARCH_OPTIONS = {"--limit", "--library"}


def _search_words_last(argv: list[str]) -> list[str]:
    """In ``search``, "-word" excludes a word: pass every non-option after ``--``."""
    if "search" not in argv:
        return argv
    at = argv.index("search") + 1
    kept, words = argv[:at], []
    rest = iter(argv[at:])
    for word in rest:
        if word in _SEARCH_FLAGS or word.split("=", 1)[0] in _SEARCH_OPTIONS:
            kept.append(word)
            if word in _SEARCH_OPTIONS:
                kept.append(next(rest, ""))
        elif word != "--":
            words.append(word)
    return [*kept, "--", *words] if words else kept


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(_search_words_last(_with_default_command(argv)))
        library_path = args.library or default_library()
        return _HANDLERS[args.command](args, library_path)
    except UsageError as error:
        print(error, file=sys.stderr)
        print("try 'broadsheet --help'", file=sys.stderr)
        return 2
    except (Failure, LibraryError) as error:
        print(f"broadsheet: {error}", file=sys.stderr)
        return 1
    except sqlite3.Error as error:
        if describe(error) is None:
            raise
        # Damage found past opening (a page read mid-query): the same one-line refusal.
        print(f"broadsheet: {explain(library_path, error)}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        sys.stderr.close()  # `broadsheet list | head` is not an error
        return 0


def _emit(args: argparse.Namespace, document: Any, human: Callable[[], None]) -> None:
    if getattr(args, "json", False):
        json.dump(document, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        human()


def _open_existing(path: Path) -> Library:
    if not path.exists():
        raise Failure(f"{path}: no library here yet (import articles first: "
                      f"broadsheet import FOLDER --library {path})")
    return _noted(Library(path, create=False))


def _noted(library: Library) -> Library:
    """The library, having said on stderr if opening it updated its format."""
    note = library.migration_note()
    if note:
        print(f"broadsheet: {note}", file=sys.stderr)
    return library


def _cmd_open(args: argparse.Namespace, library_path: Path) -> int:
    from broadsheet.ui.launch import launch  # Qt is only loaded for the window

    return launch(library_path, [Path(p) for p in args.paths])


def _cmd_import(args: argparse.Namespace, library_path: Path) -> int:
    from broadsheet.core.importer import import_paths
    from broadsheet.terminal import ProgressBar

    if args.max_size <= 0:
        raise UsageError("broadsheet import: --max-size must be more than 0")
    bar = ProgressBar(sys.stderr)
    with _noted(Library(library_path)) as library:
        report = import_paths(library, args.paths, progress=bar.update if bar.enabled else None,
                              size_limit=int(args.max_size * 1_000_000))
    bar.finish()
    for item in report.skipped:
        print(f"skipped {item.path}: {item.reason}", file=sys.stderr)
    summary = (f"imported {report.imported}, duplicates {report.duplicates}, "
               f"skipped {len(report.skipped)} in {report.seconds:.1f} s into {library_path}")
    if report.error:
        print(f"broadsheet: {report.error}", file=sys.stderr)
    _emit(args, report.as_json(), lambda: print(summary))
    if args.json:
        print(summary, file=sys.stderr)
    return 1 if report.error else 0


def _cmd_list(args: argparse.Namespace, library_path: Path) -> int:
    with _open_existing(library_path) as library:
        rows = list(library.iter_rows(args.sort))
    document = [{"id": r.id, "title": r.title, "author": r.author, "published": r.published,
                 "source_path": r.source_path, "sha256": r.sha256} for r in rows]

    def human() -> None:
        for r in rows:
            date = (r.published or "")[:10]
            print(f"{r.id:>7}  {date:10}  {r.title}" + (f" — {r.author}" if r.author else ""))

    _emit(args, document, human)
    return 0


def article_json(article: Article) -> dict[str, Any]:
    """The whole article in the shape of ``show --json``."""
    return {
        "id": article.id, "title": article.title, "summary": article.summary,
        "author": article.author, "image_credit": article.image_credit,
        "updated": article.updated.isoformat() if article.updated else None,
        "published": article.published.isoformat() if article.published else None,
        "source_path": article.source_path, "sha256": article.sha256,
        "sections": [{"heading": s.heading, "paragraphs": list(s.paragraphs)}
                     for s in article.sections],
        "read_links": [{"text": link.text, "target_id": link.target_id}
                       for link in article.links],
    }


def _get(library: Library, article_id: int) -> Article:
    article = library.get(article_id)
    if article is None:
        raise Failure(f"no article {article_id} in {library.path}")
    return article


def _cmd_show(args: argparse.Namespace, library_path: Path) -> int:
    from broadsheet.terminal import format_article

    with _open_existing(library_path) as library:
        article = _get(library, args.id)
        raw = library.raw_text(args.id) if args.raw else None
    if raw is not None and not args.json:
        sys.stdout.write(raw)
        return 0
    _emit(args, article_json(article), lambda: print(format_article(article)))
    return 0


def _cmd_search(args: argparse.Namespace, library_path: Path) -> int:
    from broadsheet.core.search import HIT_END, HIT_START, parse_query, search

    text = " ".join(args.query)
    if args.limit < 1:
        raise UsageError("broadsheet search: --limit must be at least 1")
    with _open_existing(library_path) as library:
        hits = search(library, text, args.limit)
    for hint in parse_query(text).hints:
        print(f"note: {hint}", file=sys.stderr)

    def mark(snippet: str) -> str:
        return snippet.replace(HIT_START, "**").replace(HIT_END, "**")

    document = [{"id": h.id, "title": h.title, "published": h.published,
                 "snippet": mark(h.snippet), "score": h.score} for h in hits]

    def human() -> None:
        if not hits:
            print("no matches", file=sys.stderr)
        for h in hits:
            print(f"{h.id:>7}  {h.title}\n         {mark(h.snippet)}")

    _emit(args, document, human)
    return 0


def _cmd_related(args: argparse.Namespace, library_path: Path) -> int:
    from broadsheet.core.related import related

    with _open_existing(library_path) as library:
        article = _get(library, args.id)
        found = related(library, article)
    document = {
        "read_links": [{"text": link.text, "target_id": link.target_id}
                       for link in found.read_links],
        "backlinks": [{"id": i, "title": t} for i, t in found.backlinks],
        "same_story": [{"id": i, "title": t} for i, t in found.same_story],
        "similar": [{"id": i, "title": t, "score": s} for i, t, s in found.similar or []],
    }

    def human() -> None:
        print(f"{article.title}\n")
        for heading, items in (("In this article", document["read_links"]),
                               ("Linked from", document["backlinks"]),
                               ("Same story", document["same_story"]),
                               ("More like this", document["similar"])):
            print(heading)
            for item in items or [{"title": "(none)"}]:
                label = item.get("text") or item.get("title")
                target = item.get("target_id", item.get("id"))
                print(f"  {target if target is not None else '-':>7}  {label}")
            print()

    _emit(args, document, human)
    return 0


def _cmd_links(args: argparse.Namespace, library_path: Path) -> int:
    with _open_existing(library_path) as library:
        links = list(library.links())
    document = [{"from_id": link.from_id, "position": link.position, "text": link.text,
                 "target_id": link.target_id} for link in links]

    def human() -> None:
        for link in links:
            target = "-" if link.target_id is None else link.target_id
            print(f"{link.from_id:>7} {link.position:>3} -> {target!s:>7}  {link.text}")

    _emit(args, document, human)
    return 0


def _cmd_stats(args: argparse.Namespace, library_path: Path) -> int:
    with _open_existing(library_path) as library:
        stats = library.stats()
    document = {"articles": stats.articles, "authors": stats.authors,
                "earliest": stats.earliest, "latest": stats.latest, "bytes": stats.bytes}

    def human() -> None:
        print(f"{stats.articles} articles by {stats.authors} authors, "
              f"{stats.bytes / 1_000_000:.1f} MB of text\n"
              f"from {stats.earliest or '?'} to {stats.latest or '?'}\nlibrary: {library_path}")

    _emit(args, document, human)
    return 0


def _cmd_install_desktop(args: argparse.Namespace, library_path: Path) -> int:
    from broadsheet import desktop_entry

    if not sys.platform.startswith("linux"):
        raise Failure("install-desktop is for Linux desktops (freedesktop menus)")
    try:
        if args.uninstall:
            done = desktop_entry.uninstall()
            print(f"removed {len(done)} files" if done else "nothing to remove", file=sys.stderr)
        else:
            done = desktop_entry.install()
            print(f"installed {done[-1]} and {len(done) - 1} icons", file=sys.stderr)
    except OSError as error:
        raise Failure(f"install-desktop: {error}") from error
    return 0


def _cmd_backup(args: argparse.Namespace, library_path: Path) -> int:
    from broadsheet.core.backup import back_up_file

    done = back_up_file(library_path, args.path)
    _emit(args, {"backup": str(done.path), "articles": done.articles, "bytes": done.bytes},
          lambda: print(f"backed up {done.articles} articles to {done.path}"))
    return 0


def _cmd_restore(args: argparse.Namespace, library_path: Path) -> int:
    from broadsheet.core.backup import restore

    done = restore(args.backup, library_path)
    kept = f"; the library it replaced is kept at {done.kept}" if done.kept else ""
    _emit(args, {"restored": str(args.backup), "articles": done.articles,
                 "kept": None if done.kept is None else str(done.kept)},
          lambda: print(f"restored {done.articles} articles from {args.backup}{kept}"))
    return 0


_HANDLERS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "open": _cmd_open, "import": _cmd_import, "list": _cmd_list, "show": _cmd_show,
    "search": _cmd_search, "related": _cmd_related, "links": _cmd_links, "stats": _cmd_stats,
    "install-desktop": _cmd_install_desktop, "backup": _cmd_backup, "restore": _cmd_restore,
}
