"""How many of real projects' Python packages resolve to a known licence, against the real PyPI.

Run by hand, never by the test suite (it needs the network):

    .venv/bin/python bench/real_packages.py DIR [DIR ...]

Each DIR is a checkout of a real project (its requirement files, pyproject.toml,
setup.cfg, setup.py). Every DIR is scanned with `licensecheck scan --no-discover
--format json` against pypi.org with the metadata cache turned off, and the
package components are counted: a package "resolves" when its verdict is not
`unknown`. The unknown ones are listed with the finding that says why. Set
PYTHONPATH to another checkout of licensecheck to measure that version instead.

`--release-pages-from-metadata` puts a small proxy on 127.0.0.1 in front of the
index, for a mirror that serves only project pages (`/pypi/NAME/json`) and
answers 404 for a release's (`/pypi/NAME/VERSION/json`): it builds the release
page from that release's wheel metadata (PEP 658 `.metadata`: License-Expression,
License, Classifier, License-File), which is where pypi.org takes those fields from.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter


def scan(directory: str, index: str | None = None) -> list[dict]:
    environment = {**os.environ, "LICENSECHECK_NO_CACHE": "1"}
    if index:
        environment["LICENSECHECK_PYPI_URL"] = index
    completed = subprocess.run(
        [sys.executable, "-m", "licensecheck", "scan", directory, "--no-discover", "--format", "json", "--jobs", "8"]
        + (["--timeout", "120"] if index else []),  # the proxy may read METADATA out of a large wheel
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


def excluded(package: dict) -> bool:
    """Whether the package was judged at a version its requirement does not allow."""
    from packaging.specifiers import SpecifierSet

    wanted, version = package.get("requirement"), package.get("version")
    return bool(wanted and version) and not SpecifierSet(wanted).contains(version, prereleases=True)


def main(directories: list[str], index: str | None = None) -> None:
    total = resolved = wrong_version = 0
    unknown: dict[str, str] = {}
    seen: dict[str, str] = {}
    for directory in directories:
        packages = scan(directory, index)
        known = [p for p in packages if p["verdict"] != "unknown"]
        print(
            f"{os.path.basename(directory.rstrip('/'))}: {len(known)}/{len(packages)} packages resolve to a known licence"
        )
        total += len(packages)
        resolved += len(known)
        wrong_version += sum(1 for p in known if excluded(p))
        for package in packages:
            seen[package["name"]] = package["verdict"]
            if package["verdict"] == "unknown":
                unknown[f"{package['name']} {package['version'] or ''}".strip()] = why_unknown(package)
    distinct = Counter(verdict != "unknown" for verdict in seen.values())
    print(
        f"all: {resolved}/{total} package entries ({resolved / max(total, 1):.1%}); "
        f"distinct packages {distinct[True]}/{len(seen)} ({distinct[True] / max(len(seen), 1):.1%}); "
        f"judged at a version the requirement excludes: {wrong_version}"
    )
    for name, reason in sorted(unknown.items()):
        print(f"  unknown {name}: {reason[:200]}")


UPSTREAM = "https://pypi.org"


def release_page_proxy() -> str:
    """Start the proxy described in the module docstring; its base URL."""
    import email.parser
    import threading
    import urllib.error
    import urllib.request
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    def get(url: str) -> bytes:
        with urllib.request.urlopen(
            urllib.request.Request(url, headers={"User-Agent": "licensecheck-bench"}), timeout=30
        ) as answer:
            return answer.read()

    def metadata_in_wheel(url: str) -> bytes:
        """A wheel's .dist-info/METADATA, read with HTTP range requests (the wheel can be gigabytes)."""
        import io
        import zipfile

        class Remote(io.RawIOBase):
            def __init__(self) -> None:
                head = urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=30)
                self.size, self.position = int(head.headers["Content-Length"]), 0

            def seekable(self) -> bool:
                return True

            def readable(self) -> bool:
                return True

            def seek(self, offset: int, whence: int = 0) -> int:
                self.position = {0: offset, 1: self.position + offset, 2: self.size + offset}[whence]
                return self.position

            def tell(self) -> int:
                return self.position

            def readinto(self, buffer) -> int:
                if self.position >= self.size or not len(buffer):
                    return 0
                end = min(self.position + len(buffer), self.size) - 1
                request = urllib.request.Request(url, headers={"Range": f"bytes={self.position}-{end}"})
                with urllib.request.urlopen(request, timeout=60) as answer:
                    data = answer.read()
                buffer[: len(data)] = data
                self.position += len(data)
                return len(data)

        with zipfile.ZipFile(io.BufferedReader(Remote(), buffer_size=256 * 1024)) as wheel:
            member = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
            return wheel.read(member)

    def release_from_metadata(name: str, version: str) -> bytes | None:
        project = json.loads(get(f"{UPSTREAM}/pypi/{name}/json"))
        wheels = [f for f in project.get("releases", {}).get(version, []) if f["filename"].endswith(".whl")]
        if not wheels:
            return None
        url = wheels[0]["url"]
        url = UPSTREAM + "/packages/" + url.split("packages/", 1)[1] if url.startswith("../") else url
        try:
            metadata = get(url + ".metadata")
        except urllib.error.HTTPError:  # no PEP 658 file for this wheel: read METADATA out of it
            metadata = metadata_in_wheel(url)
        headers = email.parser.BytesParser().parsebytes(metadata, headersonly=True)

        def one(key: str) -> str | None:
            value = headers.get(key)
            return str(value) if value is not None else None

        def every(key: str) -> list[str]:
            return [str(value) for value in headers.get_all(key) or []]

        info = {
            "name": one("Name") or name,
            "version": version,
            "license": one("License"),
            "license_expression": one("License-Expression"),
            "classifiers": every("Classifier"),
            "license_files": every("License-File") or None,
        }
        return json.dumps({"info": info, "urls": []}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server name
            parts = self.path.strip("/").split("/")
            body, status = None, 200
            try:
                body = get(UPSTREAM + self.path)
            except urllib.error.HTTPError as error:
                status = error.code
                if error.code == 404 and len(parts) == 4 and parts[0] == "pypi":
                    try:
                        body = release_from_metadata(parts[1], parts[2])
                        status = 200 if body else 404
                    except (urllib.error.URLError, OSError, ValueError, KeyError, StopIteration, TypeError):
                        status = 404
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body or b"{}")
            except OSError:  # the scan gave up waiting
                pass

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}"


if __name__ == "__main__":
    arguments = sys.argv[1:]
    emulate = "--release-pages-from-metadata" in arguments
    main([a for a in arguments if not a.startswith("--")], release_page_proxy() if emulate else None)
