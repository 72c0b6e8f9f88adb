"""Back and forward through the articles read, like a browser (no Qt)."""

from __future__ import annotations


class History:
    """A list of article ids with a cursor; visiting drops the forward part."""

    def __init__(self, limit: int = 500) -> None:
        self.items: list[int] = []
        self.index = -1
        self.limit = limit

    def visit(self, article_id: int) -> None:
        """Record that an article was opened (not by going back or forward)."""
        if self.index >= 0 and self.items[self.index] == article_id:
            return
        del self.items[self.index + 1:]
        self.items.append(article_id)
        if len(self.items) > self.limit:
            del self.items[0]
        self.index = len(self.items) - 1

    def can_go_back(self) -> bool:
        """True when there is an article before this one."""
        return self.index > 0

    def can_go_forward(self) -> bool:
        """True when back was used and there is somewhere to return to."""
        return self.index < len(self.items) - 1

    def back(self) -> int | None:
        """Step back; the article to show, or None."""
        if not self.can_go_back():
            return None
        self.index -= 1
        return self.items[self.index]

    def forward(self) -> int | None:
        """Step forward; the article to show, or None."""
        if not self.can_go_forward():
            return None
        self.index += 1
        return self.items[self.index]
