"""Render the application icon's PNG sizes from the SVG (run after editing the SVG)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
HERE = Path(__file__).resolve().parent
SVG = HERE / "icons" / "hicolor" / "scalable" / "apps" / "broadsheet.svg"


def render(size: int) -> QImage:
    """The icon at one size, on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main() -> int:
    """Write icons/hicolor/NxN/apps/broadsheet.png for every size."""
    QGuiApplication(sys.argv[:1])
    for size in SIZES:
        target = HERE / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "broadsheet.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
