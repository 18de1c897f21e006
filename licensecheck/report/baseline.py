"""The baseline file (see baseline.py): sorted, indented JSON with no timestamps, so that it diffs well."""

from __future__ import annotations

import json
from dataclasses import asdict

from ..baseline import BASELINE_VERSION, BaselineEntry


def render_baseline(entries: list[BaselineEntry]) -> str:
    document = {"licensecheck_baseline": BASELINE_VERSION, "entries": [asdict(e) for e in entries]}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
