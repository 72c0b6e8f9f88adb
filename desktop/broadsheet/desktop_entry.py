"""Installing Broadsheet into the user's desktop menu: the .desktop entry and the icons."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from broadsheet.ui.resources import resource_dir

ENTRY_NAME = "broadsheet.desktop"
ICON_NAME = "broadsheet"


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launcher() -> str:
    """The command that starts this Broadsheet, quoted for a desktop entry's Exec line."""
    script = Path(sys.executable).parent / "broadsheet"
    found = str(script) if script.is_file() else shutil.which("broadsheet")
    parts = [found] if found else [sys.executable, "-m", "broadsheet"]
    return " ".join(_quote(p) for p in parts)


def _quote(arg: str) -> str:
    if not any(c in arg for c in ' \t"\'\\><~|&;$*?#()`'):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def _icon_files(resources: Path) -> list[tuple[Path, Path]]:
    """(source, path under the icon theme) for every icon size shipped."""
    theme = resources / "icons" / "hicolor"
    return [(p, p.relative_to(resources / "icons")) for p in sorted(theme.glob("*/apps/*"))]


def install(home: Path | None = None) -> list[Path]:
    """Write the entry (Exec pointing at this installation) and icons; returns what was written."""
    home = home or data_home()
    resources = resource_dir()
    if resources is None:
        raise FileNotFoundError("the desktop file and icons are missing from this installation")
    written = []
    for source, relative in _icon_files(resources):
        target = home / "icons" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    entry = home / "applications" / ENTRY_NAME
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(_entry_text(resources / ENTRY_NAME, launcher()), encoding="utf-8")
    written.append(entry)
    _refresh_caches(home)
    return written


def _entry_text(template: Path, command: str) -> str:
    lines = []
    for line in template.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={command} %F"
        elif line.startswith("TryExec="):
            line = f"TryExec={command.split(' ')[0].strip(chr(34))}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what install wrote; returns what was removed."""
    home = home or data_home()
    candidates = [home / "applications" / ENTRY_NAME]
    candidates += sorted((home / "icons" / "hicolor").glob(f"*/apps/{ICON_NAME}.*"))
    removed = [p for p in candidates if p.is_file()]
    for path in removed:
        path.unlink()
    _refresh_caches(home)
    return removed


def _refresh_caches(home: Path) -> None:
    """Tell the menu and icon caches, where those tools exist; they are optional."""
    for command in (["update-desktop-database", str(home / "applications")],
                    ["gtk-update-icon-cache", "-q", "-t", str(home / "icons" / "hicolor")]):
        if shutil.which(command[0]) and Path(command[-1]).is_dir():
            subprocess.run(command, check=False, capture_output=True)
