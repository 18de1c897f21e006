"""Output formats: each module renders a ScanResult for one audience.

Every format module exposes `render(result, options) -> str`. Formats are
imported only when asked for, so a text report never pays for a JSON or SPDX
writer. Adding a format is one module and one line in `FORMATS` (a module
that writes two variants names the function: "module:function").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from ..model import ScanResult

if TYPE_CHECKING:
    from ..knowledge import Knowledge

FORMATS = {
    "text": "licensecheck.report.text",
    "json": "licensecheck.report.json",
    "sarif": "licensecheck.report.sarif",
    "markdown": "licensecheck.report.markdown",
    "html": "licensecheck.report.html",
    "spdx-json": "licensecheck.report.spdx:render",
    "spdx": "licensecheck.report.spdx:render_tag_value",
    "cyclonedx-json": "licensecheck.report.cyclonedx",
}


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    verbosity: int = 0  # -1 quiet, 0 normal, 1 verbose
    # The rules the scan used: licence names and URLs for SBOMs and the HTML
    # report. None: the formats that need them load the installed rules.
    knowledge: Knowledge | None = None
    # The scanned directory relative to the repository root ("" at the root):
    # code hosts read SARIF locations relative to the repository.
    source_prefix: str = ""


def renderer(name: str) -> Callable[[ScanResult, RenderOptions], str]:
    """The function that writes format `name`: "module" means its `render`, "module:function" another one."""
    module, _, function = FORMATS[name].partition(":")
    return getattr(import_module(module), function or "render")
