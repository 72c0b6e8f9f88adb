"""Before Qt starts: is there a display, and are the system libraries Qt needs installed?"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Callable, Mapping

# What Qt's xcb platform plugin loads, and the Debian/Ubuntu package that provides it.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
# What QtGui itself loads; a missing one makes ``import PySide6.QtWidgets`` fail.
GUI_LIBRARIES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
}
ALL_XCB_PACKAGES = sorted(set(XCB_LIBRARIES.values()))
_SONAME = re.compile(r"(lib[\w.+-]+\.so(?:\.\d+)*)")
# Platforms that need no display server at all.
_HEADLESS = {"offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay", "minimalegl"}

Loader = Callable[[str], object]


def apt_command(packages: list[str]) -> str:
    """The one line that installs these packages on Debian and Ubuntu."""
    return "sudo apt-get install " + " ".join(packages)


def missing_libraries(names: Mapping[str, str], load: Loader = ctypes.CDLL) -> list[str]:
    """The packages whose shared library cannot be loaded."""
    missing = []
    for soname, package in names.items():
        try:
            load(soname)
        except OSError:
            missing.append(package)
    return sorted(set(missing))


def platform_name(env: Mapping[str, str]) -> str:
    """The Qt platform plugin this environment will ask for."""
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb"


def display_problem(env: Mapping[str, str] | None = None, platform: str = sys.platform,
                    load: Loader = ctypes.CDLL) -> str | None:
    """Why the window cannot open here, with the fix, or None when it should open."""
    env = os.environ if env is None else env
    if not platform.startswith("linux"):
        return None
    name = platform_name(env)
    if name in _HEADLESS or name.startswith("wayland"):
        return None
    missing = missing_libraries(XCB_LIBRARIES, load)
    if missing:
        return ("Broadsheet cannot open its window: Qt's X11 (xcb) platform plugin needs"
                f" system libraries that are not installed: {', '.join(missing)}.\n"
                f"Install them with:\n    {apt_command(missing)}")
    if not env.get("DISPLAY"):
        return ("Broadsheet cannot open its window: no graphical display (DISPLAY is not set).\n"
                "Start it from a desktop session, over ssh with -X, or headless with:\n"
                "    xvfb-run broadsheet ...\n"
                "The command line works without a display: broadsheet --help")
    return None


def import_problem(error: ImportError) -> str:
    """A plain explanation for PySide6 failing to import."""
    text = str(error)
    soname = _SONAME.search(text)
    if soname:
        library = soname.group(1)
        package = {**GUI_LIBRARIES, **XCB_LIBRARIES}.get(library)
        fix = apt_command([package]) if package else f"install the package that provides {library}"
        return (f"Broadsheet cannot start Qt: the system library {library} is missing.\n"
                f"Install it with:\n    {fix}")
    return ("Broadsheet cannot start Qt: PySide6 is not installed or is broken"
            f" ({text}).\nInstall it with:\n    python -m pip install 'PySide6-Essentials>=6.6'")


def qt_failure(messages: list[str], started: bool = False) -> str:
    """Our explanation when Qt gives up: at start, its platform plugin; later, the display."""
    said = " ".join(m.strip() for m in messages if m.strip())
    if started:
        # Not a missing library: the window was up when the display went away (an ssh -X
        # session dropped, the X server stopped). Writes are transactions, so nothing is lost.
        return ("Broadsheet lost its connection to the display and had to close.\n"
                f"Qt said: {said[:400]}\n"
                "The library is safe. An import that was running kept what it had finished;"
                " import the same files again to complete it.")
    if "could not connect to display" in said:
        return ("Broadsheet cannot open its window: the display could not be reached"
                f" (DISPLAY={os.environ.get('DISPLAY', '')!r}).\n"
                "Check that the X server is running, or start headless with: xvfb-run broadsheet")
    return ("Broadsheet cannot open its window: Qt could not start a platform plugin.\n"
            f"Qt said: {said[:400]}\n"
            f"On Debian or Ubuntu this is usually fixed by:\n    {apt_command(ALL_XCB_PACKAGES)}")
