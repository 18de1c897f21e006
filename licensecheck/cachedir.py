"""Where licensecheck keeps what it caches between runs (standard library only: the warm path reads it).

`$LICENSECHECK_CACHE_DIR` when set, else the platform's user cache directory:
`$XDG_CACHE_HOME/licensecheck` (default `~/.cache/licensecheck`) on Linux and
other Unix systems, `~/Library/Caches/licensecheck` on macOS and
`%LOCALAPPDATA%\\licensecheck\\Cache` on Windows, as platformdirs would say.
`LICENSECHECK_NO_CACHE=1` turns every cache off.
"""

from __future__ import annotations

import os
import sys

CACHE_DIR_VARIABLE = "LICENSECHECK_CACHE_DIR"
NO_CACHE_VARIABLE = "LICENSECHECK_NO_CACHE"


def cache_disabled() -> bool:
    return os.environ.get(NO_CACHE_VARIABLE, "").strip().lower() not in ("", "0", "false", "no")


def cache_root() -> str:
    override = os.environ.get(CACHE_DIR_VARIABLE, "").strip()
    if override:
        return os.path.abspath(os.path.expanduser(override))
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser(r"~\AppData\Local")
        return os.path.join(base, "licensecheck", "Cache")
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches/licensecheck")
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG specification: a relative value is ignored
        base = os.path.expanduser("~/.cache")
    return os.path.join(base, "licensecheck")
