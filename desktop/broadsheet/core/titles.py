"""Title keys: how a headline is compared when a READ: line names it."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "", "‘": "", "'": "", "`": "", "´": "", "ʼ": ""})
_WORDS = re.compile(r"\w+")
# "Explainer: ", "Analysis: ", "Watch live: " — a label pages put before a headline.
_LABEL = re.compile(r"^\s*[A-Za-z]+(?: [A-Za-z]+)?\s*:\s+(?=\S)")


def title_key(text: str) -> str:
    """Case, quotes, punctuation and spacing folded away: the words that identify a headline."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
    return " ".join(_WORDS.findall(folded))


def unlabelled_key(text: str) -> str | None:
    """The key without a leading "Label:" prefix, or None when there is no such prefix."""
    stripped = _LABEL.sub("", text, count=1)
    return title_key(stripped) if stripped != text else None
