"""The cache is not a source of truth for others: entries are authenticated with a key only its owner holds.

A cache directory shared with, or restored from, someone else (another user on
the machine, a CI cache written by a job that ran a pull request's code) must
not decide a verdict. Each entry carries a MAC made with a key that is created
with the cache directory (mode 0600); an entry without a valid MAC is discarded
and asked again. `--no-cache` neither reads nor writes the cache; the JSON report
says which components were answered from it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import sys
from pathlib import Path

import pytest
from cli_helpers import invoke, scan_json, scan_report

NC = "CohereForAI/c4ai-command-r-v01"
# A scan of `project` with nothing cached: three models, one package, and the README of
# the model whose card declares no licence (read for a licence section).
ALL_REQUESTS = 5


def cached_in(cache: Path) -> dict[str, str]:
    """The environment of a run whose cache is `cache`."""
    return {"LICENSECHECK_CACHE_DIR": str(cache)}


@pytest.fixture
def project(fake_hub, tmp_path):
    fake_hub.add_model(NC, {"license": "cc-by-nc-4.0"})
    fake_hub.add_model("org/open", {"license": "apache-2.0"})
    fake_hub.add_model("org/silent", {})  # no licence: a failure, never cached

    fake_hub.add_package("requests", "2.32.3", license="Apache-2.0")
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "models.yaml").write_text(f"models:\n  - {NC}\n  - org/open\n  - org/silent\n")
    (tmp_path / "project" / "requirements.txt").write_text("requests==2.32.3\n")
    return tmp_path / "project"


def metadata_entries(cache: Path) -> list[Path]:
    return sorted((cache / "metadata").rglob("*.json"))


def test_entries_another_cache_wrote_are_discarded(fake_hub, project, tmp_path):
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    scan_json(project, env=cached_in(mine))  # my cache, with my key
    shutil.rmtree(mine / "metadata")
    # Someone else's cache, filled while the Hub said something else for the model.
    fake_hub.add_model(NC, {"license": "apache-2.0"})
    scan_json(project, env=cached_in(theirs))
    fake_hub.add_model(NC, {"license": "cc-by-nc-4.0"})
    # Their entries are copied into mine (a shared directory, a restored CI cache); their key is not.
    shutil.copytree(theirs / "metadata", mine / "metadata")
    before = len(fake_hub.requests)
    code, document = scan_json(project, env=cached_in(mine))
    assert code == 1
    assert {c["name"]: c["license"]["id"] for c in document["components"]}[NC] == "cc-by-nc-4.0"
    assert len(fake_hub.requests) - before == ALL_REQUESTS  # every answer asked again
    assert all("resolution" not in c for c in document["components"])


def test_an_entry_edited_with_its_checksums_recomputed_is_discarded(fake_hub, project, tmp_path):
    cache = tmp_path / "cache"
    scan_json(project, env=cached_in(cache))
    [entry] = [p for p in metadata_entries(cache) if b"cc-by-nc-4.0" in p.read_bytes()]
    head, _, body = entry.read_bytes().partition(b"\n")
    body = body.replace(b"cc-by-nc-4.0", b"apache-2.0")
    header = json.loads(head)
    header["sha256"] = hashlib.sha256(body).hexdigest()  # anything public about the entry, made to match
    entry.write_bytes(json.dumps(header).encode() + b"\n" + body)
    code, document = scan_json(project, env=cached_in(cache))
    assert code == 1
    assert {c["name"]: c["license"]["id"] for c in document["components"]}[NC] == "cc-by-nc-4.0"
    assert "resolution" not in next(c for c in document["components"] if c["name"] == NC)


def test_a_component_answered_from_the_cache_says_so(fake_hub, project, tmp_path):
    cache = tmp_path / "cache"
    first = scan_report(project, env=cached_in(cache), code=1)
    assert [c.get("resolution") for c in first["components"]] == [None] * 4
    before = len(fake_hub.requests)
    second = scan_report(project, env=cached_in(cache), code=1)
    assert len(fake_hub.requests) - before == 2  # the failure is asked again: its metadata and README
    assert {c["name"]: c.get("resolution") for c in second["components"]} == {
        NC: {"cached": True},
        "org/open": {"cached": True},
        "org/silent": None,
        "requests": {"cached": True},
    }
    refreshed = scan_report(project, "--refresh", env=cached_in(cache), code=1)
    assert [c.get("resolution") for c in refreshed["components"]] == [None] * 4


def test_the_key_is_created_with_the_cache_private_to_its_owner(project, tmp_path):
    cache = tmp_path / "cache"
    scan_json(project, env=cached_in(cache))
    key = cache / "key"
    assert key.is_file() and len(key.read_bytes()) == 32
    if sys.platform != "win32":
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    made = key.read_bytes()
    scan_json(project, env=cached_in(cache))
    assert key.read_bytes() == made  # kept, never replaced
    assert sorted(p.name for p in cache.iterdir()) == ["CACHEDIR.TAG", "key", "metadata"]  # no temporary file left


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_key_others_can_read_is_not_trusted(fake_hub, project, tmp_path):
    cache = tmp_path / "cache"
    scan_json(project, env=cached_in(cache))
    (cache / "key").chmod(0o644)
    before = len(fake_hub.requests)
    document = scan_report(project, env=cached_in(cache), code=1)
    assert len(fake_hub.requests) - before == ALL_REQUESTS
    assert all("resolution" not in c for c in document["components"])


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_a_key_that_is_a_symbolic_link_is_not_trusted(fake_hub, project, tmp_path):
    cache = tmp_path / "cache"
    scan_json(project, env=cached_in(cache))
    elsewhere = tmp_path / "planted-key"
    shutil.move(cache / "key", elsewhere)
    (cache / "key").symlink_to(elsewhere)
    before = len(fake_hub.requests)
    scan_json(project, env=cached_in(cache))
    assert len(fake_hub.requests) - before == ALL_REQUESTS


def test_no_cache_neither_reads_nor_writes_the_cache(fake_hub, project, tmp_path):
    cache = tmp_path / "cache"
    scan_json(project, env=cached_in(cache))
    stored = {p: p.read_bytes() for p in metadata_entries(cache)}
    fake_hub.add_model("org/open", {"license": "mit"})
    before = len(fake_hub.requests)
    code, document = scan_json(project, "--no-cache", env=cached_in(cache))
    assert len(fake_hub.requests) - before == ALL_REQUESTS
    assert {c["name"]: c["license"]["id"] for c in document["components"]}["org/open"] == "mit"
    assert {p: p.read_bytes() for p in metadata_entries(cache)} == stored
    fresh = tmp_path / "fresh"
    scan_json(project, "--no-cache", env=cached_in(fresh))
    assert not fresh.exists()


def test_lock_with_no_cache_asks_again_and_stores_nothing(fake_hub, project, tmp_path):
    cache = tmp_path / "cache"
    scan_json(project, env=cached_in(cache))
    stored = {p: p.read_bytes() for p in metadata_entries(cache)}
    before = len(fake_hub.requests)
    result = invoke("lock", project, "--quiet", "--no-cache", env=cached_in(cache))
    assert result.exit_code == 3  # org/silent has no licence
    assert len(fake_hub.requests) - before == ALL_REQUESTS
    assert {p: p.read_bytes() for p in metadata_entries(cache)} == stored


def test_a_key_another_run_made_meanwhile_stands(tmp_path):
    from licensecheck.cachedir import _make_key, cache_key

    first = cache_key(create=True, root=str(tmp_path))
    _make_key(str(tmp_path / "key"))  # a second run, which found no key a moment before the first made it
    assert cache_key(root=str(tmp_path)) == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["key"]
