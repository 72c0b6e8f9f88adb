"""The desktop files: icon at every size, a valid .desktop entry, a stylesheet that loads."""

from __future__ import annotations

import shutil
import subprocess
from configparser import RawConfigParser

import pytest
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from broadsheet.ui.resources import ICON_SIZES, icon_files, resource, sample_folder
from conftest import ROOT

DESKTOP = ROOT / "resources" / "broadsheet.desktop"


def test_the_icon_exists_as_svg_and_every_png_size(qapp) -> None:
    files = icon_files()
    assert files[0].suffix == ".svg"
    assert QSvgRenderer(str(files[0])).isValid()
    sizes = sorted(QImage(str(p)).width() for p in files[1:])
    assert sizes == sorted(ICON_SIZES)
    assert all(QImage(str(p)).hasAlphaChannel() for p in files[1:])


def test_the_desktop_entry_opens_text_files_with_broadsheet() -> None:
    entry = RawConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP)
    section = entry["Desktop Entry"]
    assert section["Exec"] == "broadsheet %F"
    assert section["Icon"] == "broadsheet"
    assert "text/plain;" in section["MimeType"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (apt-get install "
                           "desktop-file-utils)")
def test_the_desktop_entry_is_valid() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


def test_stylesheet_and_samples_are_found() -> None:
    assert resource("broadsheet.qss") is not None
    assert resource("no-such-file") is None
    assert sample_folder() is not None
