"""Where the icon, stylesheet and sample articles are, in a checkout or an installed package."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
_CHECKOUT = _PACKAGE.parent.parent  # desktop/broadsheet -> the repository root

ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def resource_dir() -> Path | None:
    """The resources folder: bundled in the package, else the repository's."""
    for candidate in (_PACKAGE / "resources", _CHECKOUT / "resources"):
        if (candidate / "broadsheet.desktop").is_file():
            return candidate
    return None


def resource(name: str) -> Path | None:
    """One file from the resources folder, or None when it is not there."""
    folder = resource_dir()
    path = folder / name if folder else None
    return path if path is not None and path.is_file() else None


def icon_files() -> list[Path]:
    """The application icon: the SVG first, then every PNG size that exists."""
    names = ["icons/hicolor/scalable/apps/broadsheet.svg"]
    names += [f"icons/hicolor/{n}x{n}/apps/broadsheet.png" for n in ICON_SIZES]
    return [p for p in map(resource, names) if p is not None]


def sample_folder() -> Path | None:
    """The sample articles (seeds/) when this is a checkout; installed copies have none."""
    for candidate in (_PACKAGE / "seeds", _CHECKOUT / "seeds"):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    return None
