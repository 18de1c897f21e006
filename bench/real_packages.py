"""How many of real projects' Python packages resolve to a known licence, against the real PyPI.

Run by hand, never by the test suite (it needs the network):

    .venv/bin/python bench/real_packages.py DIR [DIR ...]

Each DIR is a checkout of a real project (its requirement files, pyproject.toml,
setup.cfg, setup.py). Every DIR is scanned with `licensecheck scan --no-discover
--format json` against pypi.org with the metadata cache turned off, and the
package components are counted: a package "resolves" when its verdict is not
`unknown`. The unknown ones are listed with the finding that says why. Set
PYTHONPATH to another checkout of licensecheck to measure that version instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter


def scan(directory: str) -> list[dict]:
    environment = {**os.environ, "LICENSECHECK_NO_CACHE": "1"}
    completed = subprocess.run(
        [sys.executable, "-m", "licensecheck", "scan", directory, "--no-discover", "--format", "json", "--jobs", "8"],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    if completed.returncode == 2:
        print(f"{directory}: {completed.stderr.strip()}", file=sys.stderr)
        return []
    report = json.loads(completed.stdout)
    return [c for c in report["components"] if c["type"] == "package"]


def why_unknown(component: dict) -> str:
    errors = [f for f in component["findings"] if f["severity"] == "error"]
    finding = errors[0] if errors else (component["findings"][0] if component["findings"] else None)
    return f"{finding['code']}: {finding['message']}" if finding else "no finding"


def main(directories: list[str]) -> None:
    total = resolved = 0
    unknown: dict[str, str] = {}
    seen: dict[str, str] = {}
    for directory in directories:
        packages = scan(directory)
        known = [p for p in packages if p["verdict"] != "unknown"]
        print(f"{os.path.basename(directory.rstrip('/'))}: {len(known)}/{len(packages)} packages resolve to a known licence")
        total += len(packages)
        resolved += len(known)
        for package in packages:
            seen[package["name"]] = package["verdict"]
            if package["verdict"] == "unknown":
                unknown[f"{package['name']} {package['version'] or ''}".strip()] = why_unknown(package)
    distinct = Counter(verdict != "unknown" for verdict in seen.values())
    print(f"all: {resolved}/{total} package entries ({resolved / max(total, 1):.1%}); "
          f"distinct packages {distinct[True]}/{len(seen)} ({distinct[True] / max(len(seen), 1):.1%})")
    for name, reason in sorted(unknown.items()):
        print(f"  unknown {name}: {reason[:200]}")


if __name__ == "__main__":
    main(sys.argv[1:])
