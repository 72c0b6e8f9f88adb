"""The one place bleach is used: an allow-list for the HTML the reader shows (no Qt)."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import bleach
    from bleach.linkifier import Linker

ARTICLE_SCHEME = "broadsheet"
TAGS = frozenset({"h1", "h2", "p", "a", "span", "em", "strong", "div", "br", "hr",
                  "ul", "li", "small"})
PROTOCOLS = frozenset({"http", "https", ARTICLE_SCHEME})
_LINK_STARTS = ("http://", "https://", f"{ARTICLE_SCHEME}:article/")


def _link_attribute(tag: str, name: str, value: str) -> bool:
    """A link keeps its title and class, and an href only when it is absolute.

    bleach lets relative addresses ("//host/x", "page.html") through; the reader has no
    base address, so any such link could only mislead.
    """
    if name == "href":
        return value.strip().lower().startswith(_LINK_STARTS)
    return name in ("title", "class")


ATTRIBUTES = {"a": _link_attribute, "p": ["class"], "span": ["class"],
              "div": ["class"], "h1": ["class"], "h2": ["class"], "li": ["class"]}


def _only_typed_urls(attrs: dict, new: bool = False) -> dict | None:
    """Link only addresses written out with http(s)://, not every word with a dot in it."""
    if new and not str(attrs.get("_text", "")).lower().startswith(("http://", "https://")):
        return None
    return attrs


# bleach (with html5lib) is imported on first use, not at start-up: it takes about 70 ms,
# and the first paint of the list needs none of it.
@cache
def _linker() -> Linker:
    from bleach.linkifier import Linker

    return Linker(callbacks=[_only_typed_urls], parse_email=False, skip_tags={"a"})


# Escaped quotes and angle brackets end an address: bleach reads "&quot;&gt;" as part of
# the path, so <img src="http://x.org/a.png"> in a text would link to 'a.png">'.
_ADDRESS_END = re.compile(r"(&(?:quot|lt|gt|#x27|#39);)")


def linkify(html: str) -> str:
    """Turn written-out web addresses in already-escaped HTML into links."""
    if "://" not in html:
        return html  # nothing _only_typed_urls would keep; parsing it costs ~0.5 ms a paragraph
    parts = _ADDRESS_END.split(html)
    return "".join(part if n % 2 or "://" not in part else _linker().linkify(part)
                   for n, part in enumerate(parts))


@cache
def _cleaner() -> bleach.Cleaner:
    # Built once: bleach.clean() makes a new Cleaner, parser and filters on every call.
    import bleach

    return bleach.Cleaner(tags=TAGS, attributes=ATTRIBUTES, protocols=PROTOCOLS, strip=True,
                          strip_comments=True)


def warm_up() -> None:
    """Import bleach and build the cleaner and linker now (from a thread, ahead of need)."""
    _cleaner()
    _linker()


def clean(html: str) -> str:
    """Strip everything not on the allow-list: scripts, handlers, styles, images, odd schemes."""
    return _cleaner().clean(html)
