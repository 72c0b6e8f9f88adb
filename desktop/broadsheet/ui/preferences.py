"""The Preferences dialog: theme, typography, layout and the read-after dwell, applied at once."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from broadsheet.ui import typography as type_
from broadsheet.ui.signals import emit
from broadsheet.ui.typography import Typography

THEME_NAMES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"),
               ("sepia", "Sepia"))
FAMILY_NAMES = (("serif", "Serif"), ("sans", "Sans serif"))
DWELL_RANGE_S = (0.0, 60.0)


@dataclass(frozen=True, slots=True)
class Choices:
    """Everything the dialog sets."""

    theme: str = "system"
    typography: Typography = field(default_factory=Typography)
    list_above: bool = False
    sidebar: bool = True
    dwell_ms: int = 1500


def _combo(items: tuple[tuple[str, str], ...], current: str) -> QComboBox:
    box = QComboBox()
    for value, label in items:
        box.addItem(label, value)
    box.setCurrentIndex(max(box.findData(current), 0))
    return box


def _number(bounds: tuple[float, float], value: float, step: float, suffix: str,
            decimals: int = 1) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(*bounds)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setSuffix(suffix)
    box.setValue(value)
    return box


def _whole(bounds: tuple[int, int], value: int, step: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(*bounds)
    box.setSingleStep(step)
    box.setSuffix(suffix)
    box.setValue(value)
    return box


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("preferencesHeading")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 6, 0, 0)
    return label


class PreferencesDialog(QDialog):
    """Every change applies at once (``changed``); Close keeps them, Restore Defaults resets."""

    changed = Signal(object)  # Choices

    def __init__(self, choices: Choices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.choices = choices
        self._building = True
        self._build()
        self._show(choices)
        self._building = False

    def _build(self) -> None:
        text = Typography()
        self.theme = _combo(THEME_NAMES, "system")
        self.family = _combo(FAMILY_NAMES, text.family)
        self.size = _number(type_.SIZE_RANGE, text.size, 0.5, " pt")
        self.line_height = _whole(type_.LINE_HEIGHT_RANGE, text.line_height, 5, " %")
        self.measure = _whole(type_.MEASURE_RANGE, text.measure, 2, " characters")
        self.list_size = _number(type_.LIST_SIZE_RANGE, text.list_size, 0.5, " pt")
        self.list_size.setSpecialValueText("As the desktop")
        self.layout_box = _combo((("beside", "List beside the reader"),
                                  ("above", "List above the reader")), "beside")
        self.sidebar = QCheckBox("Show the related-articles sidebar")
        self.dwell = _number(DWELL_RANGE_S, 1.5, 0.5, " s")
        self.dwell.setSpecialValueText("At once")
        self.dwell.setToolTip("How long an article stays open before it counts as read")

        form = QFormLayout()
        form.addRow(_heading("Reading"))
        form.addRow("&Theme:", self.theme)
        form.addRow("T&ypeface:", self.family)
        form.addRow("Text &size:", self.size)
        form.addRow("Line &height:", self.line_height)
        form.addRow("Line &length:", self.measure)
        form.addRow("L&ist text size:", self.list_size)
        form.addRow(_heading("Window"))
        form.addRow("L&ayout:", self.layout_box)
        form.addRow("", self.sidebar)
        form.addRow("Mark as &read after:", self.dwell)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.RestoreDefaults
                                   | QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.setAutoDefault(False)  # Return in a field must never reset everything
        restore.clicked.connect(self.restore_defaults)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(buttons)
        for combo in (self.theme, self.family, self.layout_box):
            combo.currentIndexChanged.connect(self._edited)
        for spin in (self.size, self.line_height, self.measure, self.list_size, self.dwell):
            spin.valueChanged.connect(self._edited)
        self.sidebar.toggled.connect(self._edited)

    def _show(self, choices: Choices) -> None:
        text = choices.typography
        self.theme.setCurrentIndex(max(self.theme.findData(choices.theme), 0))
        self.family.setCurrentIndex(max(self.family.findData(text.family), 0))
        self.size.setValue(text.size)
        self.line_height.setValue(text.line_height)
        self.measure.setValue(text.measure)
        self.list_size.setValue(text.list_size)
        self.layout_box.setCurrentIndex(1 if choices.list_above else 0)
        self.sidebar.setChecked(choices.sidebar)
        self.dwell.setValue(choices.dwell_ms / 1000)

    def _read(self) -> Choices:
        return Choices(
            theme=self.theme.currentData(),
            typography=Typography(family=self.family.currentData(), size=self.size.value(),
                                  line_height=self.line_height.value(),
                                  measure=self.measure.value(),
                                  list_size=self.list_size.value()),
            list_above=self.layout_box.currentData() == "above",
            sidebar=self.sidebar.isChecked(),
            dwell_ms=round(self.dwell.value() * 1000))

    def _edited(self) -> None:
        if self._building:
            return
        choices = self._read()
        if choices != self.choices:
            self.choices = choices
            emit(self.changed, choices)

    def restore_defaults(self) -> None:
        """Theme and typography back to how Broadsheet comes; layout and dwell are kept."""
        defaults = replace(self.choices, theme="system", typography=Typography())
        self._building = True
        self._show(defaults)
        self._building = False
        self._edited()
