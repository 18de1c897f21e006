"""Output formats: each module renders a ScanResult for one audience.

Every format module exposes `render(result, options) -> str`. Formats are
imported only when asked for, so a text report never pays for a JSON or SPDX
writer. Adding a format is one module and one line in `FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from ..model import ScanResult

FORMATS = {
    "text": "licensecheck.report.text",
    "json": "licensecheck.report.json",
}


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    verbosity: int = 0  # -1 quiet, 0 normal, 1 verbose


def renderer(name: str) -> Callable[[ScanResult, RenderOptions], str]:
    return import_module(FORMATS[name]).render
