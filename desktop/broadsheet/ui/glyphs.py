"""Small icons drawn in code, so they follow no icon theme and need no files."""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF


@cache
def star_icon(size: int = 16) -> QIcon:
    """A gold five-pointed star."""
    pixmap = QPixmap(size * 2, size * 2)  # drawn at 2x so it stays crisp on HiDPI
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    centre, outer, inner = size, size * 0.9, size * 0.38
    points = []
    for step in range(10):
        radius = outer if step % 2 == 0 else inner
        angle = math.pi / 2 + step * math.pi / 5
        points.append(QPointF(centre + radius * math.cos(angle),
                              centre - radius * math.sin(angle)))
    painter.setPen(QColor("#9a6b00"))
    painter.setBrush(QColor("#f2b705"))
    painter.drawPolygon(QPolygonF(points))
    painter.end()
    pixmap.setDevicePixelRatio(2.0)
    return QIcon(pixmap)
