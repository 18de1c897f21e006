"""How the fixtures in this folder were made (run by hand; tests never touch the network).

Each `NAME.json` is PyPI's real JSON API answer for a project
(`curl -s https://pypi.org/pypi/NAME/json`), trimmed to what licensecheck reads:
the latest release's licence fields (`license`, `license_expression`,
`license_files`, the `License ::` classifiers) and, for every release on the
project page, one file with whether the release is yanked (all its files yanked)
or has no file at all. Everything else (descriptions, URLs, digests) is dropped.

    python tests/resolve/pypi/trim.py answer.json > tests/resolve/pypi/NAME.json
"""

from __future__ import annotations

import json
import sys

_INFO_KEYS = ("name", "version", "license", "license_expression", "license_files", "summary")


def trim(answer: dict) -> dict:
    info = answer["info"]
    trimmed = {key: info.get(key) for key in _INFO_KEYS}
    trimmed["classifiers"] = [c for c in info.get("classifiers") or [] if c.startswith("License ::")]
    releases = {}
    for version, files in (answer.get("releases") or {}).items():
        if not files:
            releases[version] = []
            continue
        first = files[0]
        releases[version] = [
            {
                "filename": first.get("filename"),
                "packagetype": first.get("packagetype"),
                "yanked": all(f.get("yanked") is True for f in files),
            }
        ]
    return {"info": trimmed, "releases": releases}


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        print(json.dumps(trim(json.load(handle)), indent=1, sort_keys=True))
