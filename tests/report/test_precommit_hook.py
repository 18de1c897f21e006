"""The pre-commit hook, run by the real `pre-commit` tool (`pre-commit try-repo`).

pre-commit installs the hook's repository (this working tree) into a virtual
environment of its own with pip, which fetches licensecheck's dependencies from
the package index: the test needs pre-commit, git and the index. Without any of
them it is skipped, saying which. The scan the hook runs reads licences from the
test repository's lock file: the fake Hub must see no request.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from reportkit import ROOT, invoke

_SKIPPED_DIRS = {".git", ".venv", ".ci-venv", "venv", "build", "dist", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache"}


def _index_reachable() -> bool:
    url = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple")
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)), timeout=3):
            return True
    except OSError:
        return False


def _why_not() -> str | None:
    if importlib.util.find_spec("pre_commit") is None:
        return "pre-commit is not installed (pip install pre-commit)"
    if shutil.which("git") is None:
        return "git is not installed"
    if not _index_reachable():
        return "the package index is unreachable: pre-commit cannot install the hook's dependencies"
    return None


pytestmark = pytest.mark.skipif(_why_not() is not None, reason=_why_not() or "")


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def _project_files() -> list[Path]:
    """The working tree as it is (tracked and new files), without environments and caches."""
    try:
        listed = git("ls-files", "--cached", "--others", "--exclude-standard", "-z", cwd=ROOT).split("\0")
        files = [ROOT / name for name in listed if name]
    except (subprocess.CalledProcessError, FileNotFoundError):
        files = [p for p in ROOT.rglob("*") if p.is_file()]
    return [p for p in files if p.is_file() and not _SKIPPED_DIRS & set(p.relative_to(ROOT).parts)]


@pytest.fixture
def hook_repository(tmp_path) -> Path:
    """A committed copy of this working tree: what `try-repo` installs the hook from."""
    copy = tmp_path / "licensecheck-src"
    for source in _project_files():
        target = copy / source.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    git("init", "-q", cwd=copy)
    git("add", "-A", cwd=copy)
    git("commit", "-q", "-m", "snapshot", cwd=copy)
    return copy


def test_hook_fails_the_commit_on_a_non_commercial_model(fake_hub, tmp_path, hook_repository):
    fake_hub.add_model("CohereForAI/c4ai-command-r-v01", {"license": "cc-by-nc-4.0"})
    fake_hub.add_model("Qwen/Qwen2.5-7B-Instruct", {"license": "apache-2.0"})
    project = tmp_path / "product"
    project.mkdir()
    (project / "models.yaml").write_text("models:\n  - Qwen/Qwen2.5-7B-Instruct\n  - CohereForAI/c4ai-command-r-v01\n")
    assert invoke("lock", project).exit_code == 0
    git("init", "-q", cwd=project)
    git("add", "-A", cwd=project)
    requests_before = fake_hub.count("/api/")

    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}
    run = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repository), "licensecheck", "--all-files", "--verbose"],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "Failed" in output and "- exit code: 1" in output, "exit 1: denied (2 would be an error)"
    assert "CohereForAI/c4ai-command-r-v01" in output and "DENIED" in output
    assert "Qwen/Qwen2.5-7B-Instruct" not in output.split("DENIED", 1)[1], "--quiet shows only what needs action"
    assert fake_hub.count("/api/") == requests_before, "the hook must read the lock, not the Hub"

    # the same repository in a non-commercial context passes
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repository}\n    rev: HEAD\n    hooks:\n"
        "      - id: licensecheck\n        args: [--quiet, --use, non-commercial, --distribution, internal]\n"
    )
    rev = git("rev-parse", "HEAD", cwd=hook_repository).strip()
    (project / ".pre-commit-config.yaml").write_text(
        (project / ".pre-commit-config.yaml").read_text().replace("rev: HEAD", f"rev: {rev}")
    )
    passing = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "licensecheck", "--all-files"],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
