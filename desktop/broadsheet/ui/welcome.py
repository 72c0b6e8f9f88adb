"""The first thing a new library shows: what Broadsheet is and how to fill it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomeView(QWidget):
    """Three buttons instead of three empty panes."""

    import_files_clicked = Signal()
    import_folder_clicked = Signal()
    sample_clicked = Signal()

    def __init__(self, icon: QIcon, sample_available: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setAccessibleName("Welcome")
        self.setAccessibleDescription("The library is empty: import articles to begin")
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.setSpacing(14)
        logo = QLabel()
        logo.setPixmap(icon.pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        logo.setAccessibleName("Broadsheet icon")
        title = QLabel("Your library is empty")
        title.setObjectName("welcomeTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel("Broadsheet keeps news articles saved as text files, and lets you read,\n"
                      "search and follow the links between them. Drop files or folders\n"
                      "anywhere on this window, or:")
        text.setObjectName("welcomeText")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (logo, title, text):
            layout.addWidget(widget)
        self.files_button = self._button("Import files…", self.import_files_clicked, layout)
        self.folder_button = self._button("Import folder…", self.import_folder_clicked, layout)
        self.sample_button = self._button("Open the sample library", self.sample_clicked, layout)
        self.sample_button.setEnabled(sample_available)
        if not sample_available:
            self.sample_button.setToolTip("The sample articles are not installed with this copy")

    def _button(self, text: str, signal: Signal, layout: QVBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.rstrip("…"))
        button.setMinimumWidth(260)
        button.setMinimumHeight(36)
        button.setAutoDefault(True)  # Enter presses the focused button, as in a dialog
        button.clicked.connect(signal)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        return button
