"""The one place bleach is used: an allow-list for the HTML the reader shows (no Qt)."""

from __future__ import annotations

import bleach
from bleach.linkifier import Linker

ARTICLE_SCHEME = "broadsheet"
TAGS = frozenset({"h1", "h2", "p", "a", "span", "em", "strong", "div", "br", "hr",
                  "ul", "li", "small"})
ATTRIBUTES = {"a": ["href", "title", "class"], "p": ["class"], "span": ["class"],
              "div": ["class"], "h1": ["class"], "h2": ["class"], "li": ["class"]}
PROTOCOLS = frozenset({"http", "https", ARTICLE_SCHEME})


def _only_typed_urls(attrs: dict, new: bool = False) -> dict | None:
    """Link only addresses written out with http(s)://, not every word with a dot in it."""
    if new and not str(attrs.get("_text", "")).lower().startswith(("http://", "https://")):
        return None
    return attrs


_LINKER = Linker(callbacks=[_only_typed_urls], parse_email=False, skip_tags={"a"})


def linkify(html: str) -> str:
    """Turn written-out web addresses in already-escaped HTML into links."""
    return _LINKER.linkify(html)


def clean(html: str) -> str:
    """Strip everything not on the allow-list: scripts, handlers, styles, images, odd schemes."""
    return bleach.clean(html, tags=TAGS, attributes=ATTRIBUTES, protocols=PROTOCOLS,
                        strip=True, strip_comments=True)
