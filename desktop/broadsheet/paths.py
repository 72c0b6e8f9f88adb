"""Where things live on this platform: the default library file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

LIBRARY_ENV = "BROADSHEET_LIBRARY"


def data_folder() -> Path:
    """The per-user data folder Broadsheet writes to."""
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / "Broadsheet"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Broadsheet"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "broadsheet"


def default_library() -> Path:
    """BROADSHEET_LIBRARY if set, else library.db in the data folder."""
    override = os.environ.get(LIBRARY_ENV)
    return Path(override).expanduser() if override else data_folder() / "library.db"
