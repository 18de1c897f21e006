"""The pre-commit hook, installed and run by the real `pre-commit`, without a package index.

pre-commit installs the hook's repository (here a committed copy of this working
tree) into a virtual environment of its own: virtualenv seeds pip from the wheels
it embeds, then pip builds licensecheck from source and installs its dependencies.
Nothing is fetched: pip is pointed at a folder of wheels made here (`wheelhouse`)
from the distributions installed in this very environment, plus the setuptools
wheel virtualenv embeds, for the build; every proxy points at a closed port, so a
stray request fails rather than leaves the machine. pre-commit comes with the test
extra; without it or git the test is skipped, saying which.

One environment is installed (about 30 s): both runs are `pre-commit run` with a
configuration naming the hook repository and its commit, as a user's does
(`try-repo` would install a second environment, in its own temporary store).
The scan the hook runs reads licences from the project's lock file: the fake Hub
must see no request.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import importlib.util
import io
import os
import shutil
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version
from reportkit import ROOT, invoke

_SKIPPED_DIRS = {
    ".git",
    ".venv",
    ".ci-venv",
    "venv",
    "build",
    "dist",
    "node_modules",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
}
DISTRIBUTION = "licensecheck-ml"
# The least setuptools that builds a wheel by itself (pyproject.toml asks for no `wheel` package).
SETUPTOOLS_BUILDS_WHEELS = Version("70.1")


def _embedded_setuptools() -> Path | None:
    """The newest setuptools wheel virtualenv carries (it seeds environments from these, offline)."""
    spec = importlib.util.find_spec("virtualenv")
    if spec is None or spec.origin is None:
        return None
    wheels = Path(spec.origin).parent / "seed" / "wheels" / "embed"
    found = sorted(wheels.glob("setuptools-*.whl"), key=lambda p: Version(p.name.split("-")[1]))
    return found[-1] if found else None


def _why_not() -> str | None:
    if importlib.util.find_spec("pre_commit") is None:
        return "pre-commit is not installed (it is in the test extra: pip install '.[test]')"
    if shutil.which("git") is None:
        return "git is not installed: pre-commit clones the hook's repository with it"
    setuptools = _embedded_setuptools()
    if setuptools is None or Version(setuptools.name.split("-")[1]) < SETUPTOOLS_BUILDS_WHEELS:
        return f"virtualenv embeds no setuptools >= {SETUPTOOLS_BUILDS_WHEELS}: licensecheck cannot be built offline"
    return None


pytestmark = pytest.mark.skipif(_why_not() is not None, reason=_why_not() or "")


def git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def _project_files() -> list[Path]:
    """The working tree as it is (tracked and new files), without environments and caches."""
    try:
        listed = git("ls-files", "--cached", "--others", "--exclude-standard", "-z", cwd=ROOT).split("\0")
        files = [ROOT / name for name in listed if name]
    except (subprocess.CalledProcessError, FileNotFoundError):
        files = [p for p in ROOT.rglob("*") if p.is_file()]
    return [p for p in files if p.is_file() and not _SKIPPED_DIRS & set(p.relative_to(ROOT).parts)]


# -- wheels, offline -------------------------------------------------------------------------------


def _dependencies(name: str) -> list[metadata.Distribution]:
    """The installed distributions `name` needs, with their own, on this interpreter (markers evaluated)."""
    seen: set[str] = {canonicalize_name(name)}
    found: list[metadata.Distribution] = []
    pending = list(metadata.distribution(name).requires or [])
    while pending:
        requirement = Requirement(pending.pop())
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        key = canonicalize_name(requirement.name)
        if key in seen:
            continue
        seen.add(key)
        distribution = metadata.distribution(requirement.name)
        found.append(distribution)
        for text in distribution.requires or []:
            needed = Requirement(text)
            wanted = needed.marker is None or any(needed.marker.evaluate({"extra": e}) for e in requirement.extras)
            if wanted or needed.marker.evaluate({"extra": ""}):
                pending.append(text)
    return found


def _repack(distribution: metadata.Distribution, folder: Path) -> Path:
    """The wheel an installed distribution came from, made again from its files.

    An installed distribution holds its wheel's files under site-packages, listed
    in its RECORD, and the wheel's tags in WHEEL. What the installer added
    (INSTALLER, REQUESTED, direct_url.json, scripts, bytecode) is left out, and
    a RECORD with the files' digests is written, as the wheel format asks.
    """
    tags = [
        line.split(":", 1)[1].strip()
        for line in (distribution.read_text("WHEEL") or "").splitlines()
        if line.startswith("Tag:")
    ]
    python, abi, platform = (".".join(sorted({tag.split("-")[i] for tag in tags})) for i in range(3))
    name = canonicalize_name(distribution.metadata["Name"]).replace("-", "_")
    target = folder / f"{name}-{distribution.version}-{python}-{abi}-{platform}.whl"
    site = Path(distribution.locate_file(""))
    record, info = [], None
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as wheel:
        for file in distribution.files or []:
            path = file.as_posix()
            parts = path.split("/")
            if parts[0] == ".." or "__pycache__" in parts:
                continue
            if parts[0].endswith(".dist-info"):
                info = parts[0]
                if parts[-1] in ("RECORD", "INSTALLER", "REQUESTED", "direct_url.json"):
                    continue
            data = (site / path).read_bytes()
            wheel.writestr(path, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.append((path, f"sha256={digest}", len(data)))
        listing = io.StringIO()
        csv.writer(listing, lineterminator="\n").writerows([*record, (f"{info}/RECORD", "", "")])
        wheel.writestr(f"{info}/RECORD", listing.getvalue())
    return target


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory) -> Path:
    """Every wheel the hook's environment needs but licensecheck itself (built from the repository)."""
    folder = tmp_path_factory.mktemp("wheelhouse")
    for distribution in _dependencies(DISTRIBUTION):
        _repack(distribution, folder)
    shutil.copy(_embedded_setuptools(), folder)
    return folder


# -- the hook ------------------------------------------------------------------------------------


@pytest.fixture
def hook_repository(tmp_path) -> Path:
    """A committed copy of this working tree: what pre-commit installs the hook from."""
    copy = tmp_path / "licensecheck-src"
    for source in _project_files():
        target = copy / source.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    git("init", "-q", cwd=copy)
    git("add", "-A", cwd=copy)
    git("commit", "-q", "-m", "snapshot", cwd=copy)
    return copy


def _offline(tmp_path: Path, wheelhouse: Path) -> dict[str, str]:
    closed = "http://127.0.0.1:9"  # nothing listens: whatever tries to go out fails at once
    return {
        **{k: v for k, v in os.environ.items() if not k.upper().startswith(("PIP_", "VIRTUALENV_"))},
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PRE_COMMIT_COLOR": "never",
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheelhouse),
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
        "HTTP_PROXY": closed,
        "HTTPS_PROXY": closed,
        "ALL_PROXY": closed,
        "http_proxy": closed,
        "https_proxy": closed,
        "all_proxy": closed,
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }


def test_hook_fails_the_commit_on_a_non_commercial_model(fake_hub, tmp_path, hook_repository, wheelhouse):
    fake_hub.add_model("CohereForAI/c4ai-command-r-v01", {"license": "cc-by-nc-4.0"})
    fake_hub.add_model("Qwen/Qwen2.5-7B-Instruct", {"license": "apache-2.0"})
    project = tmp_path / "product"
    project.mkdir()
    (project / "models.yaml").write_text("models:\n  - Qwen/Qwen2.5-7B-Instruct\n  - CohereForAI/c4ai-command-r-v01\n")
    assert invoke("lock", project).exit_code == 0
    rev = git("rev-parse", "HEAD", cwd=hook_repository).strip()
    config = f"repos:\n  - repo: {hook_repository}\n    rev: {rev}\n    hooks:\n      - id: licensecheck\n"
    (project / ".pre-commit-config.yaml").write_text(config)
    git("init", "-q", cwd=project)
    git("add", "-A", cwd=project)
    requests_before = fake_hub.count("/api/")
    env = _offline(tmp_path, wheelhouse)

    def pre_commit_run() -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "licensecheck", "--all-files", "--verbose"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    # The hook as .pre-commit-hooks.yaml defines it: `licensecheck scan --quiet`, commercial use.
    run = pre_commit_run()
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "Failed" in output and "- exit code: 1" in output, "exit 1: denied (2 would be an error)"
    assert "CohereForAI/c4ai-command-r-v01" in output and "DENIED" in output
    assert "Qwen/Qwen2.5-7B-Instruct" not in output.split("DENIED", 1)[1], "--quiet shows only what needs action"

    # The same hook with the user's `args`, in a non-commercial context: it passes (same environment).
    (project / ".pre-commit-config.yaml").write_text(
        config + "        args: [--quiet, --use, non-commercial, --distribution, internal]\n"
    )
    passing = pre_commit_run()
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
    assert fake_hub.count("/api/") == requests_before, "the hook must read the lock, not the Hub"
