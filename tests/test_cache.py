"""The metadata cache (licensecheck/cache.py): hits, misses, expiry, --refresh, damaged entries, atomic writes."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from cli_helpers import by_name, scan_json, scan_report
from click.testing import CliRunner

from licensecheck import fsutil
from licensecheck.cache import MetadataCache, decode, encode, hub_key, package_key
from licensecheck.cachedir import cache_key, cache_root, seal, unseal
from licensecheck.cli import main
from licensecheck.findings import HUB_RENAMED
from licensecheck.model import Finding, LicenceInfo, Resolution, Resolved, Severity

COMMIT = "13afe5124825b4f3751f836b40dafda64c1ed062"


def answer(**changes) -> Resolved:
    licence = LicenceInfo(
        id="other",
        source="card",
        name="Qwen",
        link="https://example.org/LICENSE",
        declared="qwen-research",
        file="LICENSE",
        file_id="qwen-research",
        file_sha256="ab" * 32,
    )
    resolution = Resolution(
        version=COMMIT,
        licence=licence,
        resolved_at="2026-01-02T03:04:05Z",
        notes=(Finding(Severity.WARNING, HUB_RENAMED, "renamed"),),
        licence_text="Qwen licence text",
    )
    return Resolved(
        **{
            "resolution": resolution,
            "base_models": ("a/b", "c/d"),
            "relation": "finetune",
            "resolved_id": "Org/Model",
            **changes,
        }
    )


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("LICENSECHECK_NO_CACHE", raising=False)
    return tmp_path / "cache"


def put(key, value, **options) -> None:
    with MetadataCache(Resolved, **options) as cache:
        cache.store(key, value)


def entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "metadata").rglob("*.json"))


def test_an_answer_comes_back_exactly_as_stored(cache_dir):
    cache = MetadataCache(Resolved)
    key = hub_key("model", "Org/Model", None)
    assert cache.load(key) is None
    cache.store(key, answer())
    cache.close()  # the write happens in the background
    assert cache.load(key) == answer()
    assert MetadataCache(Resolved).load(hub_key("model", "org/model", None)) == answer()  # ids ignore case
    assert (cache_dir / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")


def test_keys_separate_revisions_endpoints_rules_and_versions(cache_dir, monkeypatch):
    cache = MetadataCache(Resolved)
    put(hub_key("model", "org/m", "main"), answer())
    assert cache.load(hub_key("model", "org/m", None)) is None
    assert cache.load(hub_key("dataset", "org/m", "main")) is None
    assert cache.load(hub_key("model", "org/m", "main", rules="other rules")) is None
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:1")
    assert cache.load(hub_key("model", "org/m", "main")) is None
    put(package_key("Foo_Bar", "1.0"), answer())
    assert cache.load(package_key("foo-bar", "1.0")) == answer()  # PEP 503 names
    assert cache.load(package_key("foo-bar", "1.1")) is None
    assert cache.load(package_key("foo-bar", None)) is None


def test_unpinned_answers_expire_and_pinned_ones_do_not(cache_dir):
    put(hub_key("model", "org/m", "main"), answer())
    put(hub_key("model", "org/m", COMMIT), answer())
    put(package_key("foo", None), answer())
    put(package_key("foo", "1.0"), answer())
    fresh, stale = MetadataCache(Resolved, ttl=3600), MetadataCache(Resolved, ttl=0)
    assert fresh.load(hub_key("model", "org/m", "main")) == answer()
    assert stale.load(hub_key("model", "org/m", "main")) is None
    assert stale.load(hub_key("model", "org/m", COMMIT)) == answer()
    assert fresh.load(package_key("foo", None)) == answer() and stale.load(package_key("foo", None)) is None
    assert stale.load(package_key("foo", "1.0")) == answer()


def rewrite(path: Path, header_changes: dict | None = None, body=None) -> None:
    """Change an entry as only its owner can: sealed again with the cache's own key (cachedir.py)."""
    secret = cache_key()
    header, old_body = unseal(b"metadata", path.read_bytes(), secret)
    header.update(header_changes or {})
    path.write_bytes(seal(b"metadata", header, old_body if body is None else body, secret))


def test_an_entry_stored_a_day_ago_has_expired(cache_dir):
    key = hub_key("model", "org/m", None)
    put(key, answer())
    (path,) = entries(cache_dir)
    stored_at = json.loads(path.read_bytes().partition(b"\n")[0])["stored_at"]
    rewrite(path, {"stored_at": stored_at - (24 * 3600 + 1)})
    assert MetadataCache(Resolved).load(key) is None
    assert MetadataCache(Resolved, ttl=2 * 24 * 3600).load(key) == answer()


def test_refresh_ignores_the_cache(cache_dir):
    key = hub_key("model", "org/m", COMMIT)
    put(key, answer())
    assert MetadataCache(Resolved, refresh=True).load(key) is None


def test_no_cache_variable_turns_it_off(cache_dir, monkeypatch):
    monkeypatch.setenv("LICENSECHECK_NO_CACHE", "1")
    put(hub_key("model", "org/m", None), answer())
    assert entries(cache_dir) == []


def damage_checksum(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data.replace(b"Qwen licence text", b"MIT! licence text"))


def damage_truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-20])


def damage_garbage(path: Path) -> None:
    path.write_bytes(b"\x00\xffnot json at all")


def damage_shape(path: Path) -> None:
    document = json.loads(path.read_bytes().partition(b"\n")[2])
    document["resolution"]["licence"]["id"] = 42  # not a string, and the MAC made to match
    rewrite(path, body=json.dumps(document).encode() + b"\n")


def damage_schema(path: Path) -> None:
    rewrite(path, {"schema": "0" * 64})  # written by a version whose dataclasses had other fields


def damage_key(path: Path) -> None:
    """The entry of another repository copied under this one's name."""
    put(hub_key("model", "org/other", None), answer(relation="merge"))
    other_path = next(p for p in entries(path.parents[2]) if p != path)
    path.write_bytes(other_path.read_bytes())


@pytest.mark.parametrize(
    "damage", [damage_checksum, damage_truncate, damage_garbage, damage_shape, damage_schema, damage_key]
)
def test_a_damaged_entry_is_discarded_never_trusted(cache_dir, damage):
    key = hub_key("model", "org/m", None)
    put(key, answer())
    (path,) = entries(cache_dir)
    damage(path)
    assert MetadataCache(Resolved).load(key) is None
    assert not path.exists()


def test_decode_checks_every_field_and_type():
    raw = encode(answer())
    assert decode(Resolved, raw) == answer()
    for broken in (
        {**raw, "unexpected": 1},
        {k: v for k, v in raw.items() if k != "relation"},
        {**raw, "base_models": "a/b"},
        {**raw, "resolution": {**raw["resolution"], "from_lock": "yes"}},
        {**raw, "resolution": {**raw["resolution"], "notes": [{"severity": "fatal", "code": "x", "message": "y"}]}},
    ):
        with pytest.raises(ValueError):
            decode(Resolved, broken)


def test_writes_are_atomic_and_leave_no_temporary_files(tmp_path, monkeypatch):
    target = tmp_path / "entry.json"
    fsutil.write_atomically(target, "old\n")

    def broken_replace(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        fsutil.write_atomically(target, "new\n")
    monkeypatch.undo()
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entry.json"]


def test_a_reader_sees_one_whole_version_or_the_other(tmp_path):
    target = tmp_path / "entry.json"
    versions = [(str(n) * 50_000).encode() for n in range(4)]
    fsutil.write_bytes_atomically(target, versions[0], durable=False)
    seen, stop = set(), threading.Event()

    def read() -> None:
        while not stop.is_set():
            seen.add(target.read_bytes())

    reader = threading.Thread(target=read)
    reader.start()
    for round_ in range(100):
        fsutil.write_bytes_atomically(target, versions[round_ % 4], durable=False)
    stop.set()
    reader.join()
    assert seen <= set(versions)


def test_default_location_follows_the_platform(monkeypatch, tmp_path):
    monkeypatch.delenv("LICENSECHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == str(tmp_path / "xdg" / "licensecheck")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    assert cache_root() == str(tmp_path / ".cache" / "licensecheck")
    monkeypatch.setattr("sys.platform", "darwin")
    assert cache_root() == str(tmp_path / "Library" / "Caches" / "licensecheck")
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", "~/elsewhere")
    assert cache_root() == str(tmp_path / "elsewhere")


# -- through the command line, against the fake Hub and PyPI -------------------------------------


@pytest.fixture
def project(fake_hub, tmp_path):
    fake_hub.add_model("org/licensed", {"license": "apache-2.0"})
    fake_hub.add_model("org/silent", {}, siblings=())  # no licence, no README to read one from: a failure, never cached
    fake_hub.add_model("org/pinned", {"license": "mit"}, sha=COMMIT)
    fake_hub.add_package("requests", "2.32.3", license="Apache-2.0")
    (tmp_path / "models.yaml").write_text(
        f"models:\n  - org/licensed\n  - org/silent\n  - id: org/pinned\n    revision: {COMMIT}\n"
    )
    (tmp_path / "requirements.txt").write_text("requests\n")
    return tmp_path


def asked_since(fake_hub, before: int) -> list[str]:
    return [path.split("?")[0] for _, path in fake_hub.requests[before:]]


def test_a_second_scan_asks_only_for_what_failed(fake_hub, project):
    first_code, first = scan_json(project)
    assert len(asked_since(fake_hub, 0)) == 4
    before = len(fake_hub.requests)
    second_code, second = scan_json(project)
    assert asked_since(fake_hub, before) == ["/api/models/org/silent"]
    cached = second["components"]
    assert [c.pop("resolution", None) for c in cached] == [{"cached": True}, None, {"cached": True}, {"cached": True}]
    assert first["components"] == cached
    assert first_code == second_code == 3


def test_refresh_and_ttl_zero_ask_again(fake_hub, project):
    scan_json(project)
    asked = len(fake_hub.requests)
    scan_json(project, "--cache-ttl", "0")  # the pinned model is still answered from the cache
    again = [p for _, p in fake_hub.requests[asked:]]
    assert len(again) == 3 and not any("org/pinned" in p for p in again)
    asked = len(fake_hub.requests)
    scan_json(project, "--refresh")
    assert len(fake_hub.requests) - asked == 4


def test_a_changed_answer_is_seen_after_refresh(fake_hub, project):
    scan_json(project)
    fake_hub.add_model("org/licensed", {"license": "cc-by-nc-4.0"})
    cached = {c["name"]: c["license"]["id"] for c in scan_report(project, code=3)["components"]}
    refreshed = {c["name"]: c["license"]["id"] for c in scan_report(project, "--refresh", code=1)["components"]}
    assert cached["org/licensed"] == "apache-2.0" and refreshed["org/licensed"] == "cc-by-nc-4.0"
    assert {c["name"]: c["license"]["id"] for c in scan_report(project, code=1)["components"]} == refreshed


def test_a_damaged_entry_is_refetched_and_replaced(fake_hub, project):
    scan_json(project)
    cache_dir = Path(os.environ["LICENSECHECK_CACHE_DIR"])
    for path in entries(cache_dir):
        path.write_bytes(path.read_bytes()[:30])
    before = len(fake_hub.requests)
    document = scan_report(project, code=3)
    assert len(asked_since(fake_hub, before)) == 4
    assert by_name(document)["org/licensed"]["verdict"] == "allowed"
    before = len(fake_hub.requests)
    scan_json(project)
    assert asked_since(fake_hub, before) == ["/api/models/org/silent"]  # the replacements are good


def test_lock_uses_the_cache_and_refresh(fake_hub, project):
    runner = CliRunner()
    scan_json(project)
    asked = len(fake_hub.requests)
    runner.invoke(main, ["lock", str(project), "--quiet"], catch_exceptions=False)
    assert len(fake_hub.requests) - asked == 1  # only the one that failed before
    asked = len(fake_hub.requests)
    runner.invoke(main, ["lock", str(project), "--quiet", "--refresh"], catch_exceptions=False)
    assert len(fake_hub.requests) - asked == 4


def test_tokens_are_never_cached(fake_hub, project, monkeypatch):
    token = "hf_" + "Q" * 34
    monkeypatch.setenv("HF_TOKEN", token)
    fake_hub.add_model("org/leaky", {"license": "apache-2.0", "license_link": f"https://example.org/{token}"})
    (project / "models.yaml").write_text("models:\n  - org/licensed\n  - org/leaky\n")
    document = scan_report(project, code=0)
    assert by_name(document)["org/leaky"]["verdict"] == "allowed"
    cache_dir = Path(os.environ["LICENSECHECK_CACHE_DIR"])
    stored = b"".join(p.read_bytes() for p in cache_dir.rglob("*") if p.is_file())
    assert token.encode() not in stored
    # org/leaky's answer quotes the token: it is not stored at all.
    assert [p.parent.name for p in entries(cache_dir)] == ["hub", "pypi"]


@pytest.mark.parametrize(
    ("given", "seconds"), [("90m", 5400.0), ("12h", 43200.0), ("1d", 86400.0), ("3600", 3600.0), ("0", 0.0)]
)
def test_cache_ttl_values(given, seconds):
    from licensecheck.commands.common import Duration

    assert Duration().convert(given, None, None) == seconds


def test_a_bad_cache_ttl_is_a_usage_error(tmp_path):
    (tmp_path / "requirements.txt").write_text("requests\n")
    result = CliRunner().invoke(main, ["scan", str(tmp_path), "--cache-ttl", "soon"])
    assert result.exit_code == 2 and "soon" in result.output
