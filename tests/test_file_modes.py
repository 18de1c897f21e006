"""Files licensecheck writes for the project (lock, configuration, baseline) get the mode a plain write gives.

An existing file keeps its mode; a new one gets 0666 less the umask, as `open()`
would. Only private files (cache entries, recorded runs) are 0600.
"""

from __future__ import annotations

import os
import stat
import sys

import pytest
from cli_helpers import invoke

from licensecheck.fsutil import write_atomically

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


@pytest.fixture
def umask():
    """Set the process umask for one test, and put it back."""
    saved = os.umask(0o022)

    def set_to(value: int) -> None:
        os.umask(value)

    yield set_to
    os.umask(saved)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_the_umask_mode(tmp_path, umask, mask, expected):
    umask(mask)
    write_atomically(tmp_path / "new.txt", "x\n")
    assert mode(tmp_path / "new.txt") == expected
    assert [p.name for p in tmp_path.iterdir()] == ["new.txt"]  # no temporary file left behind


@pytest.mark.parametrize("existing", [0o644, 0o640, 0o664, 0o755, 0o600])
def test_an_existing_file_keeps_its_mode(tmp_path, umask, existing):
    umask(0o077)  # the umask applies to new files only
    path = tmp_path / "kept.txt"
    path.write_text("old\n")
    os.chmod(path, existing)
    write_atomically(path, "new\n")
    assert mode(path) == existing and path.read_text() == "new\n"


def test_private_files_are_for_their_owner_only(tmp_path, umask):
    umask(0o000)
    write_atomically(tmp_path / "entry.json", "{}", private=True)
    assert mode(tmp_path / "entry.json") == 0o600


def test_init_appending_to_pyproject_keeps_its_mode(tmp_path, umask):
    umask(0o077)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "app"\n')
    os.chmod(pyproject, 0o644)
    assert invoke("init", tmp_path, "--preset", "saas").exit_code == 0
    assert mode(pyproject) == 0o644 and "[tool.licensecheck]" in pyproject.read_text()


def test_init_and_baseline_give_new_files_the_umask_mode(tmp_path, umask):
    umask(0o022)
    assert invoke("init", tmp_path, "--preset", "saas").exit_code == 0
    assert mode(tmp_path / "licensecheck.toml") == 0o644
    (tmp_path / "models.yaml").write_text("models: []\n")
    baseline = tmp_path / "licensecheck-baseline.json"
    assert invoke("scan", tmp_path, "--offline", "--write-baseline", baseline).exit_code == 0
    assert mode(baseline) == 0o644
    os.chmod(baseline, 0o664)
    assert invoke("scan", tmp_path, "--offline", "--write-baseline", baseline).exit_code == 0
    assert mode(baseline) == 0o664


def test_lock_keeps_the_lock_file_mode(fake_hub, tmp_path, umask):
    umask(0o022)
    fake_hub.add_model("acme/model", {"license": "mit"})
    (tmp_path / "models.yaml").write_text("models:\n  - acme/model\n")
    assert invoke("lock", tmp_path, "--timeout", "5").exit_code == 0
    lock = tmp_path / "licensecheck.lock"
    assert mode(lock) == 0o644
    os.chmod(lock, 0o640)
    assert invoke("lock", tmp_path, "--timeout", "5").exit_code == 0
    assert mode(lock) == 0o640
