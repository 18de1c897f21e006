"""`licensecheck lock`: what it says it did, and `lock --check`, the licence-drift watch."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from cli_helpers import lock
from click.testing import CliRunner
from fakehub import fake_sha
from faults import closed_port_url

from licensecheck.cli import main

CHECK_SCHEMA = json.loads(
    (Path(__file__).parent.parent / "licensecheck" / "schemas" / "lock-check-v1.schema.json").read_text()
)


def check_json(path: Path, *args: str) -> tuple[int, dict]:
    result = lock(path, "--check", "--format", "json", *args)
    assert result.exit_code in (0, 1, 3), result.output
    document = json.loads(result.stdout)
    jsonschema.validate(document, CHECK_SCHEMA)
    return result.exit_code, document


def tree(path: Path, models: list[str], packages: list[str] = ()) -> Path:
    (path / "models.yaml").write_text("models:\n" + "".join(f"  - {m}\n" for m in models))
    if packages:
        (path / "requirements.txt").write_text("".join(f"{p}\n" for p in packages))
    return path


@pytest.fixture
def locked(fake_hub, tmp_path):
    fake_hub.add_model("org/base", {"license": "apache-2.0"})
    fake_hub.add_model("org/ft", {"license": "apache-2.0", "base_model": "org/base"})
    fake_hub.add_model("org/plain", {"license": "mit"})
    fake_hub.add_package("lib", "1.0", license_expression="MIT")
    tree(tmp_path, ["org/ft", "org/plain"], ["lib"])
    assert lock(tmp_path).exit_code == 0
    return tmp_path


# -- issue 13: help, counts and messages ---------------------------------------------------------------


def test_help_says_a_lock_with_unresolved_entries_is_written():
    result = CliRunner().invoke(main, ["lock", "--help"])
    text = " ".join(result.output.split())
    assert "3 some could not be resolved (not written)" not in text
    assert "3 some could not be resolved: the lock is written with the others" in text


def test_counts_add_up_to_the_components(fake_hub, tmp_path):
    fake_hub.add_model("org/base", {"license": "apache-2.0"})
    fake_hub.add_model("org/ft", {"license": "apache-2.0", "base_model": "org/base"})
    fake_hub.add_model("org/a", {"license": "mit"})
    fake_hub.add_package("lib", "1.0", license_expression="MIT")
    tree(tmp_path, ["org/ft", "org/a", "org/missing", "id: acme/own\n    own: true\n    base_model: org/base"], ["lib"])
    result = lock(tmp_path)
    assert result.exit_code == 3
    assert result.stderr.splitlines()[-1] == (
        f"wrote {tmp_path / 'licensecheck.lock'}: 5 component(s): 3 locked, 1 unresolved, 1 not lockable "
        "(own, local or a path or URL); 1 ancestor(s) locked"
    )
    assert len(json.loads((tmp_path / "licensecheck.lock").read_text())["components"]) == 4


def test_counts_say_what_was_kept_from_the_previous_lock(fake_hub, tmp_path, retry_clock):
    fake_hub.add_model("org/a", {"license": "mit"})
    fake_hub.add_model("org/b", {"license": "mit"})
    fake_hub.add_package("lib", "1.0", license_expression="MIT")
    tree(tmp_path, ["org/a", "org/b"], ["lib"])
    assert lock(tmp_path).exit_code == 0
    fake_hub.add_fault("org/b", status=503)
    result = lock(tmp_path, "--refresh", "--retry-budget", "0")
    assert result.exit_code == 3
    assert result.stderr.splitlines()[-1] == (
        f"wrote {tmp_path / 'licensecheck.lock'}: 3 component(s): 2 locked, 1 unresolved (1 kept from the previous lock)"
    )


def test_an_unreachable_hub_is_named_alone_when_pypi_answered(fake_hub, tmp_path, monkeypatch, retry_clock):
    fake_hub.add_package("lib", "1.0", license_expression="MIT")
    tree(tmp_path, ["org/a", "org/b"], ["lib"])
    monkeypatch.setenv("HF_ENDPOINT", closed_port_url())
    result = lock(tmp_path, "--retry-budget", "0")
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        "licensecheck: could not reach the Hugging Face Hub: 2 component(s) not resolved; "
        "check the network, proxy settings or HF_ENDPOINT",
        f"wrote {tmp_path / 'licensecheck.lock'}: 3 component(s): 1 locked, 2 unresolved",
    ]


def test_an_unreachable_index_is_named_alone_when_the_hub_answered(fake_hub, tmp_path, monkeypatch, retry_clock):
    fake_hub.add_model("org/a", {"license": "mit"})
    tree(tmp_path, ["org/a"], ["lib", "other"])
    monkeypatch.setenv("LICENSECHECK_PYPI_URL", closed_port_url())
    result = lock(tmp_path, "--retry-budget", "0")
    assert result.exit_code == 3
    assert result.stderr.splitlines()[0] == (
        "licensecheck: could not reach the package index: 2 component(s) not resolved; "
        "check the network, proxy settings or LICENSECHECK_PYPI_URL"
    )


# -- lock --check ----------------------------------------------------------------------------------------


def test_check_with_nothing_changed_exits_0_and_writes_nothing(locked, fake_hub):
    before = (locked / "licensecheck.lock").stat()
    result = lock(locked, "--check")
    assert result.exit_code == 0, result.output
    assert result.stdout == "licensecheck.lock: 4 entries checked, nothing changed\n"
    code, document = check_json(locked)
    assert code == 0
    assert document == {"schema_version": 1, "lock": "licensecheck.lock", "checked": 4, "changes": [], "unchecked": []}
    after = (locked / "licensecheck.lock").stat()
    assert (after.st_mtime_ns, after.st_ino) == (before.st_mtime_ns, before.st_ino)


def test_check_asks_each_entry_once_and_never_the_cache(locked, fake_hub):
    fake_hub.requests.clear()
    assert lock(locked, "--check").exit_code == 0
    assert lock(locked, "--check").exit_code == 0
    assert len(fake_hub.requests) == 8


def test_a_relicensed_model_is_a_change_and_exits_1(locked, fake_hub):
    fake_hub.add_model("org/plain", {"license": "cc-by-nc-4.0"})
    before = (locked / "licensecheck.lock").read_bytes()
    code, document = check_json(locked)
    assert code == 1
    assert document["changes"] == [
        {"component": "org/plain", "type": "model", "field": "license.id", "locked": "mit", "live": "cc-by-nc-4.0"},
    ]
    assert (locked / "licensecheck.lock").read_bytes() == before
    text = lock(locked, "--check")
    assert text.exit_code == 1
    assert text.stdout.splitlines() == [
        "licensecheck.lock: 4 entries checked, 1 change",
        "  model org/plain: license.id: 'mit' → 'cc-by-nc-4.0'",
    ]


def test_a_new_ancestor_is_a_change(locked, fake_hub):
    fake_hub.add_model("org/plain", {"license": "mit", "base_model": "org/base", "base_model_relation": "merge"})
    code, document = check_json(locked)
    assert code == 1
    assert [(c["component"], c["field"], c["locked"], c["live"]) for c in document["changes"]] == [
        ("org/plain", "base_models", [], ["org/base"]),
        ("org/plain", "relation", None, "merge"),
    ]


def test_a_repository_gone_is_a_change(locked, fake_hub):
    fake_hub.add_fault("org/plain", status=404, headers={"X-Error-Code": "RepoNotFound"})
    code, document = check_json(locked)
    assert code == 1
    (change,) = document["changes"]
    assert {k: change[k] for k in ("component", "field", "locked", "live")} == {
        "component": "org/plain",
        "field": "repository",
        "locked": "present",
        "live": "hub-not-found",
    }
    assert "no such repository" in change["message"]
    text = lock(locked, "--check")
    assert text.exit_code == 1
    assert text.stdout.splitlines()[1] == (
        "  model org/plain: gone: the Hub has no such repository (or it is private and no authorised token was sent); "
        "check the id"
    )


def test_a_package_gone_is_a_change(locked, fake_hub):
    fake_hub.add_fault("lib", status=404, repo_type="package")
    code, document = check_json(locked)
    assert code == 1
    assert [(c["component"], c["type"], c["field"], c["live"]) for c in document["changes"]] == [
        ("lib", "package", "repository", "pypi-not-found"),
    ]


def test_a_new_commit_or_release_is_listed_but_does_not_fail(locked, fake_hub):
    fake_hub.add_model("org/plain", {"license": "mit"}, sha="2" * 40)
    fake_hub.add_package("lib", "1.1", license_expression="MIT")
    code, document = check_json(locked)
    assert code == 0
    assert [(c["component"], c["field"], c["locked"], c["live"]) for c in document["changes"]] == [
        ("org/plain", "version", fake_sha("model", "org/plain"), "2" * 40),
        ("lib", "version", "1.0", "1.1"),
    ]


def test_a_rename_is_listed(locked, fake_hub):
    fake_hub.add_model("new/plain", {"license": "mit"}, sha=fake_sha("model", "org/plain"))
    fake_hub.add_rename("org/plain", "new/plain")
    code, document = check_json(locked)
    assert code == 0
    assert [(c["component"], c["field"], c["locked"], c["live"]) for c in document["changes"]] == [
        ("org/plain", "resolved_id", None, "new/plain"),
    ]


def test_entries_that_cannot_be_checked_exit_3(locked, fake_hub, retry_clock):
    fake_hub.add_fault("org/plain", status=503)
    code, document = check_json(locked, "--retry-budget", "0")
    assert code == 3 and document["changes"] == []
    assert [(u["component"], u["type"], u["code"]) for u in document["unchecked"]] == [
        ("org/plain", "model", "hub-server-error")
    ]
    text = lock(locked, "--check", "--retry-budget", "0")
    assert text.exit_code == 3
    assert text.stdout.splitlines() == [
        "licensecheck.lock: 4 entries checked, nothing changed, 1 could not be checked",
        "  model org/plain: not checked: the Hub failed to answer (HTTP 503); try again later",
    ]


def test_a_change_wins_over_an_entry_that_could_not_be_checked(locked, fake_hub, retry_clock):
    fake_hub.add_fault("org/plain", status=503)
    fake_hub.add_package("lib", "1.0", license_expression="GPL-3.0-only")
    code, document = check_json(locked, "--retry-budget", "0")
    assert code == 1 and len(document["unchecked"]) == 1
    # One change: `declared` only repeats a PyPI expression, so it is not a second one.
    assert document["changes"] == [
        {"component": "lib", "type": "package", "field": "license.id", "locked": "MIT", "live": "GPL-3.0-only"},
    ]


def test_check_without_a_lock_is_a_usage_error(fake_hub, tmp_path):
    result = lock(tmp_path, "--check")
    assert result.exit_code == 2
    assert "licensecheck.lock: no lock file to check; run `licensecheck lock` first" in result.stderr


def test_format_needs_check(fake_hub, tmp_path):
    result = lock(tmp_path, "--format", "json")
    assert result.exit_code == 2 and "--format is for --check" in result.stderr


# -- the comparison itself (pure) --------------------------------------------------------------------------


def test_ids_compare_without_case_and_a_changed_declared_name_is_a_change():
    from licensecheck.lockcheck import entry_changes
    from licensecheck.lockfile import LockEntry
    from licensecheck.model import LicenceInfo, Resolution, Resolved

    entry = LockEntry(
        "model",
        "old/m",
        None,
        "a" * 40,
        LicenceInfo("other", "card", declared="acme-1"),
        None,
        base_models=("Org/Base",),
        relation="finetune",
        resolved_id="New/M",
    )
    live = Resolved(
        Resolution(version="a" * 40, licence=LicenceInfo("other", "tags", declared="acme-1")),
        ("Org/Base",),
        "finetune",
        "new/m",
    )
    assert entry_changes(entry, live) == ()
    relicensed = Resolved(
        Resolution(version="a" * 40, licence=LicenceInfo("other", "card", declared="acme-2")),
        ("Org/Base",),
        "finetune",
        "NEW/M",
    )
    assert [(c.field, c.locked, c.live) for c in entry_changes(entry, relicensed)] == [
        ("license.declared", "acme-1", "acme-2"),
    ]
