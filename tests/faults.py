"""Faults the fake Hub and PyPI can be told to answer with, and a tree that meets every one of them.

Shared by the reliability and secrets tests: one repository or package per fault,
with the finding code a scan must report for it and words its message must contain.
"""

from __future__ import annotations

import socket
from pathlib import Path


def closed_port_url() -> str:
    """A loopback URL nothing listens on: connections are refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# One repository per fault: (fault, the finding code expected, words the message must contain).
HUB_FAULTS = {
    "org/private": (
        {"status": 401, "headers": {"X-Error-Code": "RepoNotFound"}},
        "hub-not-found",
        "no such repository",
    ),
    "org/forbidden": ({"status": 403}, "hub-unauthorized", "HTTP 403"),
    "org/gated-file": ({"status": 403, "headers": {"X-Error-Code": "GatedRepo"}}, "hub-gated", "gated"),
    "org/missing": (
        {"status": 404, "headers": {"X-Error-Code": "RepoNotFound"}},
        "hub-not-found",
        "no such repository",
    ),
    "org/rate-limited": ({"status": 429, "headers": {"Retry-After": "600"}}, "hub-rate-limited", "HTTP 429"),
    "org/error-500": ({"status": 500}, "hub-server-error", "HTTP 500"),
    "org/error-502": ({"status": 502}, "hub-server-error", "HTTP 502"),
    "org/error-503": ({"status": 503}, "hub-server-error", "HTTP 503"),
    "org/stalled": ({"status": None, "delay": 30}, "hub-timeout", "did not answer in time"),
    "org/reset": ({"reset": True}, "hub-connection-error", "closed before it answered"),
    "org/not-json": ({"status": 200, "body": b"<html>oops</html>"}, "hub-invalid-response", "not JSON"),
    "org/wrong-shape": ({"status": 200, "body": {"id": 7}}, "hub-invalid-response", "expected shape"),
}
# Cards that are served fine but whose licence field is unusable.
ODD_CARDS = {
    "org/licence-list": ({"license": ["mit", "apache-2.0"]}, "licence-ambiguous", "several licences"),
    "org/licence-int": ({"license": 42}, "no-licence", "not a licence id"),
    "org/licence-dict": ({"license": {"id": "mit"}}, "no-licence", "not a licence id"),
    "org/licence-list-of-junk": ({"license": [None, 3]}, "no-licence", "not a licence id"),
}
PYPI_FAULTS = {
    "broken-index": ({"status": 503}, "pypi-http-error", "HTTP 503"),
    "forbidden-pkg": ({"status": 403}, "pypi-http-error", "HTTP 403"),
    "garbled-pkg": ({"status": 200, "body": b"\xff\xfe"}, "pypi-invalid-response", "not JSON"),
    "odd-shape-pkg": ({"status": 200, "body": {"info": None}}, "pypi-invalid-response", "expected shape"),
}


def build_faulty_tree(fake_hub, tmp_path: Path, bait: str = "") -> Path:
    """A tree with one repository or package per fault; `bait` is added to every fault's body and headers."""
    fake_hub.add_model("org/good", {"license": "mit"})
    fake_hub.add_model("org/base", {"license": "apache-2.0"}, revisions={"v1": "1" * 40})
    fake_hub.add_package("goodlib", "1.0", license_expression="MIT")
    for repo_id, (fault, _, _) in HUB_FAULTS.items():
        fake_hub.add_model(repo_id, {"license": "mit"})
        fake_hub.add_fault(repo_id, **_baited(fault, bait))
    for repo_id, (card, _, _) in ODD_CARDS.items():
        fake_hub.add_model(repo_id, card)
    for name, (fault, _, _) in PYPI_FAULTS.items():
        fake_hub.add_package(name, "1.0", license_expression="MIT")
        fake_hub.add_fault(name, repo_type="package", **_baited(fault, bait))
    models = ["org/good", *HUB_FAULTS, *ODD_CARDS]
    manifest = "models:\n" + "".join(f"  - {m}\n" for m in models)
    manifest += "  - id: org/base\n    revision: no-such-revision\n"
    (tmp_path / "models.yaml").write_text(manifest)
    (tmp_path / "requirements.txt").write_text("goodlib\n" + "".join(f"{name}\n" for name in PYPI_FAULTS))
    return tmp_path


def _baited(fault: dict, bait: str) -> dict:
    if not bait:
        return fault
    headers = {**fault.get("headers", {}), "X-Error-Message": bait, "X-Bait": bait}
    body = fault.get("body", {"error": bait})
    if isinstance(body, bytes):
        body += bait.encode()
    elif isinstance(body, dict):
        body = {**body, "error": bait, "message": bait}
    return {**fault, "headers": headers, "body": body}
