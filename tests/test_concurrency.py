"""Concurrent runs and killed runs: the same answers, and never a corrupt lock file or cache.

Real processes (`python -m licensecheck`) against the fake Hub, sharing one
project and one cache directory (LICENSECHECK_CACHE_DIR), as CI jobs and a
developer's editor would.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from licensecheck.lockfile import LOCK_NAME, read_lock

ROOT = Path(__file__).resolve().parents[1]
MODELS = [f"org/model-{index}" for index in range(10)]
PACKAGES = ["alpha", "beta", "gamma"]


@pytest.fixture
def project(fake_hub, tmp_path):
    for index, repo_id in enumerate(MODELS):
        fake_hub.add_model(repo_id, {"license": "apache-2.0" if index % 2 else "mit"})
    for name in PACKAGES:
        fake_hub.add_package(name, "1.0", license_expression="MIT")
    root = tmp_path / "project"
    root.mkdir()
    (root / "models.yaml").write_text("models:\n" + "".join(f"  - {m}\n" for m in MODELS))
    (root / "requirements.txt").write_text("".join(f"{p}\n" for p in PACKAGES))
    return root


@pytest.fixture
def environment(fake_hub, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "HUGGING", "LICENSECHECK_"))}
    env.update(
        PYTHONPATH=str(ROOT),
        HF_ENDPOINT=fake_hub.url,
        LICENSECHECK_PYPI_URL=fake_hub.url,
        HF_HUB_DISABLE_TELEMETRY="1",
        HF_HOME=str(tmp_path / "hf-home"),
        LICENSECHECK_CACHE_DIR=str(tmp_path / "cache"),
    )
    return env


def start(env: dict, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "licensecheck", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    stdout, stderr = process.communicate(timeout=120)
    assert "Traceback" not in stderr, stderr
    return process.returncode, stdout, stderr


def answers(report: str) -> list[tuple]:
    """What a scan concluded, without what depends on timing (whether the lock was there yet)."""
    document = json.loads(report)
    return sorted(
        (c["type"], c["name"], c["version"], c["license"]["id"], c["verdict"], tuple(f["code"] for f in c["findings"]))
        for c in document["components"]
    )


def assert_cache_intact(cache: Path) -> None:
    """Every cache entry is whole: a JSON header whose checksum matches the answer after it."""
    entries = [p for p in cache.rglob("*.json")] if cache.exists() else []
    for path in entries:
        head, _, body = path.read_bytes().partition(b"\n")
        header = json.loads(head)
        if "sha256" in header:
            assert hashlib.sha256(body).hexdigest() == header["sha256"], path
        json.loads(body)


def assert_lock_intact(root: Path) -> None:
    lock = read_lock(root / LOCK_NAME)  # raises on anything half-written
    assert sorted(e.name for e in lock.entries) == sorted(MODELS + PACKAGES)
    # Temporary files of interrupted writes are never taken for the lock itself.
    assert [p.name for p in root.iterdir() if p.name.startswith(LOCK_NAME)] == [LOCK_NAME]


def test_eight_scans_and_a_lock_at_once_agree_and_leave_valid_files(fake_hub, project, environment, tmp_path):
    fake_hub.latency = 0.02  # long enough for the runs to overlap
    scans = [start(environment, "scan", str(project), "--format", "json") for _ in range(8)]
    locker = start(environment, "lock", str(project))
    results = [finish(process) for process in scans]
    code, _, stderr = finish(locker)
    assert code == 0, stderr
    assert {code for code, _, _ in results} == {0}
    first = answers(results[0][1])
    assert len(first) == len(MODELS) + len(PACKAGES)
    assert all(answers(stdout) == first for _, stdout, _ in results)
    assert_lock_intact(project)
    assert not list(project.glob("*.tmp")) and not list(project.glob(".*.tmp"))
    assert_cache_intact(tmp_path / "cache")

    # Without the lock, a new scan gets the same answers, from the metadata cache.
    (project / LOCK_NAME).unlink()
    fake_hub.requests.clear()
    code, stdout, _ = finish(start(environment, "scan", str(project), "--format", "json"))
    assert code == 0 and answers(stdout) == first
    assert fake_hub.requests == []


def wait_for_request(fake_hub, prefix: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while fake_hub.count(prefix) == 0:
        assert time.monotonic() < deadline, f"no request for {prefix}"
        time.sleep(0.02)


def test_runs_killed_part_way_leave_nothing_corrupt(fake_hub, project, environment, tmp_path):
    code, _, stderr = finish(start(environment, "lock", str(project)))
    assert code == 0, stderr
    before = (project / LOCK_NAME).read_bytes()

    # A lock and a scan killed while the Hub stalls: the old lock stays as it was.
    fake_hub.add_model("org/slow", {"license": "mit"})
    fake_hub.add_fault("org/slow", status=None, delay=30)
    with (project / "models.yaml").open("a") as manifest:
        manifest.write("  - org/slow\n")
    fake_hub.requests.clear()
    locker = start(environment, "lock", str(project), "--timeout", "60")
    scanner = start(environment, "scan", str(project), "--timeout", "60", "--format", "json")
    wait_for_request(fake_hub, "/api/models/org/slow")
    for process in (locker, scanner):
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert (project / LOCK_NAME).read_bytes() == before

    # What a kill between writing and renaming leaves: a temporary file beside the lock.
    (project / f".{LOCK_NAME}.x1y2z3.tmp").write_text('{"lock_version": 1, "compo')
    (project / "models.yaml").write_text("models:\n" + "".join(f"  - {m}\n" for m in MODELS))
    code, stdout, _ = finish(start(environment, "scan", str(project), "--offline", "--format", "json"))
    assert code == 0 and len(answers(stdout)) == len(MODELS) + len(PACKAGES)

    # Scans killed at different moments while they fill the cache.
    fake_hub.latency = 0.05
    for delay in (0.4, 0.9, 1.4):
        (project / LOCK_NAME).unlink(missing_ok=True)
        process = start(environment, "scan", str(project), "--jobs", "2")
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert_cache_intact(tmp_path / "cache")
    fake_hub.latency = 0.0
    code, stdout, _ = finish(start(environment, "scan", str(project), "--format", "json"))
    assert code == 0 and len(answers(stdout)) == len(MODELS) + len(PACKAGES)
    code, _, stderr = finish(start(environment, "lock", str(project)))
    assert code == 0, stderr
    read_lock(project / LOCK_NAME)
