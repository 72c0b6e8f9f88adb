"""Small helpers the benchmark scripts share (run them as scripts: this folder is on the path)."""

from __future__ import annotations


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of the sorted values fall."""
    ordered = sorted(values)
    return ordered[min(int(share * len(ordered)), len(ordered) - 1)]
