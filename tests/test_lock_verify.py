"""The lock is a claim, not a fact: `scan --verify-lock` and `lock` against a forged lock file.

In CI the scanned tree is a pull request, `licensecheck.lock` included. Each attack
of issue 14 is a test here: a forged licence, an alias that answers for another
repository, forged ancestors, a forged entry kept by `lock` when the Hub refuses
the repository. Everything runs against the fake Hub on 127.0.0.1 through the real
client.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import component, lock, scan, scan_json
from fakehub import fake_sha
from faults import closed_port_url

COHERE = "CohereForAI/c4ai-command-r-v01"
COHERE_SHA = fake_sha("model", COHERE)
TOKENIZER = "acme/tokenizer-utils"
TOKENIZER_SHA = fake_sha("model", TOKENIZER)
SAAS = ("--use", "commercial", "--distribution", "network", "--users", "2M")


def models(path: Path, *entries: str) -> Path:
    (path / "models.yaml").write_text("models:\n" + "".join(f"  - {entry}\n" for entry in entries))
    return path


def read_lock_json(path: Path) -> dict:
    return json.loads((path / "licensecheck.lock").read_text())


def write_lock_json(path: Path, components: list[dict]) -> None:
    (path / "licensecheck.lock").write_text(json.dumps({"lock_version": 1, "components": components}))


def entry(name: str, licence: str, *, version: str | None = None, type_: str = "model", **more) -> dict:
    return {
        "type": type_,
        "name": name,
        "requested": None,
        "version": version,
        "license": {"id": licence, "source": "card"},
        "resolved_at": None,
        **more,
    }


def errors(document_component: dict, code: str) -> list[str]:
    return [f["message"] for f in document_component["findings"] if f["code"] == code and f["severity"] == "error"]


def forge(path: Path, name: str, **changes) -> None:
    """Edit the entry for `name` in the lock, as a pull request could."""
    data = read_lock_json(path)
    for each in data["components"]:
        if each["name"] == name:
            for key, value in changes.items():
                if key == "license_id":
                    each["license"]["id"] = value
                else:
                    each[key] = value
    (path / "licensecheck.lock").write_text(json.dumps(data))


@pytest.fixture
def cohere_tree(fake_hub, tmp_path):
    fake_hub.add_model(COHERE, {"license": "cc-by-nc-4.0"})
    fake_hub.add_model(TOKENIZER, {"license": "apache-2.0"})
    return models(tmp_path, COHERE)


# -- attack 1: a forged licence in the lock ---------------------------------------------------------


def test_a_forged_licence_passes_a_plain_scan_but_not_verify_lock(cohere_tree, fake_hub):
    assert lock(cohere_tree).exit_code == 0
    forge(cohere_tree, COHERE, license_id="apache-2.0")
    # Without --verify-lock the lock is trusted: this is what --offline and the pre-commit hook do.
    code, trusted = scan_json(cohere_tree, *SAAS)
    assert code == 0 and component(trusted, COHERE)["verdict"] == "allowed"

    fake_hub.requests.clear()
    code, document = scan_json(cohere_tree, *SAAS, "--verify-lock")
    cohere = component(document, COHERE)
    assert code == 1 and cohere["verdict"] == "denied"
    assert cohere["license"]["id"] == "cc-by-nc-4.0" and cohere["from_lock"] is False
    assert errors(cohere, "lock-mismatch") == [
        f"model {COHERE}: licensecheck.lock says license.id 'apache-2.0', the Hub says 'cc-by-nc-4.0' "
        "(the Hub's answer is used)"
    ]
    # One request for the entry, at the commit the lock pins.
    assert fake_hub.requests == [
        (
            "GET",
            f"/api/models/{COHERE}/revision/{COHERE_SHA}?expand=cardData&expand=sha"
            "&expand=tags&expand=gated&expand=siblings",
        )
    ]
    assert [n["code"] for n in document["notices"]] == ["lock-mismatch"]


def test_verify_lock_is_silent_when_the_lock_is_true(cohere_tree, fake_hub):
    assert lock(cohere_tree).exit_code == 0
    code, document = scan_json(cohere_tree, *SAAS, "--verify-lock")
    cohere = component(document, COHERE)
    assert code == 1 and cohere["verdict"] == "denied" and cohere["findings"][0]["code"] == "non-commercial"
    assert [f["code"] for f in cohere["findings"] if f["code"].startswith("lock-")] == []
    assert document["notices"] == []


def test_the_configuration_can_require_verification(cohere_tree):
    assert lock(cohere_tree).exit_code == 0
    forge(cohere_tree, COHERE, license_id="apache-2.0")
    (cohere_tree / "licensecheck.toml").write_text("verify_lock = true\n")
    code, document = scan_json(cohere_tree, *SAAS)
    assert code == 1 and errors(component(document, COHERE), "lock-mismatch")


def test_verify_lock_answers_for_a_pinned_commit_come_from_the_cache_the_second_time(cohere_tree, fake_hub):
    assert lock(cohere_tree).exit_code == 0
    fake_hub.requests.clear()
    assert scan_json(cohere_tree, *SAAS, "--verify-lock")[0] == 1
    assert len(fake_hub.requests) == 1
    assert scan_json(cohere_tree, *SAAS, "--verify-lock")[0] == 1
    assert len(fake_hub.requests) == 1  # an answer about a commit does not change


def test_an_entry_without_a_commit_is_asked_at_its_branch_and_never_from_the_cache(cohere_tree, fake_hub):
    write_lock_json(cohere_tree, [entry(COHERE, "apache-2.0")])
    for _ in range(2):
        code, document = scan_json(cohere_tree, *SAAS, "--verify-lock")
        assert code == 1 and component(document, COHERE)["verdict"] == "denied"
        # It pins no commit, so it claims none: only the licence differs.
        assert errors(component(document, COHERE), "lock-mismatch") == [
            f"model {COHERE}: licensecheck.lock says license.id 'apache-2.0', the Hub says 'cc-by-nc-4.0' "
            "(the Hub's answer is used)"
        ]
    assert fake_hub.count(f"/api/models/{COHERE}?") == 2


def test_verify_lock_and_offline_contradict_each_other(cohere_tree, fake_hub):
    result = scan(cohere_tree, "--verify-lock", "--offline")
    assert result.exit_code == 2
    assert "--verify-lock and --offline" in result.stderr
    assert fake_hub.requests == []


def test_offline_wins_over_the_configuration_and_says_so(cohere_tree, fake_hub):
    assert lock(cohere_tree).exit_code == 0
    (cohere_tree / "licensecheck.toml").write_text("verify_lock = true\n")
    fake_hub.requests.clear()
    code, document = scan_json(cohere_tree, *SAAS, "--offline")
    assert code == 1 and fake_hub.requests == []
    assert [(n["code"], n["message"]) for n in document["notices"]] == [
        (
            "lock-not-verified",
            "licensecheck.lock is trusted without checking it: --offline overrides "
            f"`verify_lock = true` in {cohere_tree / 'licensecheck.toml'}",
        )
    ]


def test_a_bad_verify_lock_setting_is_an_input_error(cohere_tree):
    (cohere_tree / "licensecheck.toml").write_text('verify_lock = "yes"\n')
    result = scan(cohere_tree)
    assert result.exit_code == 2
    assert "licensecheck.toml:1: `verify_lock` must be true or false, got a string" in result.stderr


def test_a_forged_package_licence_is_caught(fake_hub, tmp_path):
    fake_hub.add_package("gpl-lib", "1.0", license_expression="AGPL-3.0-only")
    (tmp_path / "requirements.txt").write_text("gpl-lib==1.0\n")
    (tmp_path / "licensecheck.toml").write_text('deny = ["agpl-3.0"]\n')
    assert lock(tmp_path).exit_code == 0
    forge(tmp_path, "gpl-lib", license_id="MIT")
    assert scan_json(tmp_path)[0] == 0
    code, document = scan_json(tmp_path, "--verify-lock")
    lib = component(document, "gpl-lib")
    assert code == 1 and lib["verdict"] == "denied"
    assert errors(lib, "lock-mismatch") == [
        "package gpl-lib: licensecheck.lock says license.id 'MIT', PyPI says 'AGPL-3.0-only' (PyPI's answer is used)"
    ]


# -- attack 2: an alias that answers for another repository -------------------------------------------


def test_an_alias_the_hub_does_not_confirm_is_not_honoured(cohere_tree, fake_hub):
    # An entry for a harmless repository claims to be what the Cohere model was renamed to.
    write_lock_json(cohere_tree, [entry(TOKENIZER, "apache-2.0", version=TOKENIZER_SHA, resolved_id=COHERE)])
    code, trusted = scan_json(cohere_tree, *SAAS)
    assert code == 0 and component(trusted, COHERE)["from_lock"]  # today's trust: the alias answers

    code, document = scan_json(cohere_tree, *SAAS, "--verify-lock")
    cohere = component(document, COHERE)
    assert code == 1 and cohere["verdict"] == "denied" and cohere["license"]["id"] == "cc-by-nc-4.0"
    assert errors(cohere, "lock-mismatch") == [
        f"model {TOKENIZER}: licensecheck.lock says resolved_id '{COHERE}', the Hub says none (not renamed) "
        f"(the entry is not used for model {COHERE}: it is resolved on its own)"
    ]
    # The entry was checked at its commit, then the model itself was asked for.
    assert fake_hub.count(f"/api/models/{TOKENIZER}/revision/{TOKENIZER_SHA}?") == 1
    assert fake_hub.count(f"/api/models/{COHERE}?") == 1


def test_an_alias_to_a_repository_that_does_not_exist_is_not_honoured(cohere_tree, fake_hub):
    write_lock_json(cohere_tree, [entry("acme/nothing-here", "apache-2.0", resolved_id=COHERE)])
    code, document = scan_json(cohere_tree, *SAAS, "--verify-lock")
    cohere = component(document, COHERE)
    assert code == 3 and cohere["verdict"] == "unknown"
    assert [f["code"] for f in cohere["findings"]] == ["lock-unverified", "hub-not-found"]
    assert "acme/nothing-here" in cohere["findings"][1]["message"]


def test_a_rename_the_hub_confirms_is_honoured(fake_hub, tmp_path):
    fake_hub.add_model("new-org/model", {"license": "apache-2.0"})
    fake_hub.add_rename("old-org/model", "new-org/model")
    models(tmp_path, "old-org/model")
    assert lock(tmp_path).exit_code == 0
    assert [(c["name"], c["resolved_id"]) for c in read_lock_json(tmp_path)["components"]] == [
        ("old-org/model", "new-org/model")
    ]
    for declared, findings in (("old-org/model", ["hub-renamed"]), ("new-org/model", [])):
        models(tmp_path, declared)
        code, document = scan_json(tmp_path, "--verify-lock")
        (only,) = document["components"]
        assert code == 0 and only["verdict"] == "allowed"
        assert [f["code"] for f in only["findings"]] == findings, declared


# -- attack 3: forged ancestors --------------------------------------------------------------------------


def test_ancestors_removed_from_the_lock_are_caught(fake_hub, tmp_path):
    fake_hub.add_model(COHERE, {"license": "cc-by-nc-4.0"})
    fake_hub.add_model("shady/ft", {"license": "apache-2.0", "base_model": COHERE, "base_model_relation": "finetune"})
    models(tmp_path, "shady/ft")
    assert lock(tmp_path).exit_code == 0
    forge(tmp_path, "shady/ft", base_models=[], relation=None)
    assert scan_json(tmp_path, *SAAS)[0] == 0  # trusted: the lineage is gone

    code, document = scan_json(tmp_path, *SAAS, "--verify-lock")
    ft = component(document, "shady/ft")
    assert code == 1 and ft["verdict"] == "denied"
    assert [e["name"] for e in ft["lineage"]] == [COHERE]
    assert errors(ft, "lock-mismatch") == [
        f"model shady/ft: licensecheck.lock says base_models [], the Hub says ['{COHERE}'] (the Hub's answer is used)",
        "model shady/ft: licensecheck.lock says relation none, the Hub says 'finetune' (the Hub's answer is used)",
    ]


def test_a_forged_ancestor_entry_is_caught_too(fake_hub, tmp_path):
    fake_hub.add_model(COHERE, {"license": "cc-by-nc-4.0"})
    fake_hub.add_model("shady/ft", {"license": "apache-2.0", "base_model": COHERE})
    models(tmp_path, "shady/ft")
    assert lock(tmp_path).exit_code == 0
    forge(tmp_path, COHERE, license_id="apache-2.0")
    code, document = scan_json(tmp_path, *SAAS, "--verify-lock")
    ft = component(document, "shady/ft")
    assert code == 1 and ft["verdict"] == "denied"
    assert any("lock-mismatch" == f["code"] and "license.id 'apache-2.0'" in f["message"] for f in ft["findings"])


# -- entries that cannot be verified ------------------------------------------------------------------------


def test_an_entry_that_cannot_be_verified_is_unknown(cohere_tree, fake_hub, retry_clock):
    fake_hub.add_model("org/ok", {"license": "mit"})
    models(cohere_tree, "org/ok", COHERE)
    assert lock(cohere_tree).exit_code == 0
    fake_hub.add_fault("org/ok", status=401)
    code, document = scan_json(cohere_tree, *SAAS, "--verify-lock", "--retry-budget", "0")
    ok = component(document, "org/ok")
    assert code == 1 and ok["verdict"] == "unknown" and ok["from_lock"] is False
    assert [f["code"] for f in ok["findings"]] == ["lock-unverified", "hub-unauthorized"]
    assert ok["findings"][0]["message"] == (
        "model org/ok: its entry in licensecheck.lock could not be checked (--verify-lock), so it is not used"
    )


def test_an_unreachable_hub_leaves_locked_components_unknown(cohere_tree, monkeypatch, retry_clock):
    assert lock(cohere_tree).exit_code == 0
    monkeypatch.setenv("HF_ENDPOINT", closed_port_url())
    code, document = scan_json(cohere_tree, *SAAS, "--verify-lock", "--retry-budget", "0")
    cohere = component(document, COHERE)
    assert code == 3 and cohere["verdict"] == "unknown"
    assert [f["code"] for f in cohere["findings"]] == ["lock-unverified", "hub-unreachable"]


def test_a_pinned_commit_the_hub_no_longer_has_is_a_mismatch(cohere_tree, fake_hub):
    assert lock(cohere_tree).exit_code == 0
    forge(cohere_tree, COHERE, version="f" * 40)
    code, document = scan_json(cohere_tree, *SAAS, "--verify-lock")
    cohere = component(document, COHERE)
    assert code == 1 and cohere["verdict"] == "denied" and cohere["version"] == COHERE_SHA
    assert errors(cohere, "lock-mismatch") == [
        f"model {COHERE}: licensecheck.lock says version '{'f' * 40}', the Hub says none (no such revision) "
        f"(the entry is not used for model {COHERE}: it is resolved on its own)"
    ]


# -- attack 4: `lock` keeps a forged entry when the Hub refuses the repository ----------------------------

REFUSALS = {
    "missing": ({"status": 404, "headers": {"X-Error-Code": "RepoNotFound"}}, "hub-not-found"),
    "private": ({"status": 401, "headers": {"X-Error-Code": "RepoNotFound"}}, "hub-not-found"),
    "gated": ({"status": 403, "headers": {"X-Error-Code": "GatedRepo"}}, "hub-gated"),
    "forbidden": ({"status": 403}, "hub-unauthorized"),
}


@pytest.mark.parametrize("refusal", list(REFUSALS))
def test_lock_drops_an_entry_for_a_repository_the_hub_refuses(fake_hub, tmp_path, refusal):
    fault, code = REFUSALS[refusal]
    fake_hub.add_model("org/ok", {"license": "mit"})
    fake_hub.add_fault(COHERE, **fault)
    models(tmp_path, "org/ok", COHERE)
    write_lock_json(tmp_path, [entry(COHERE, "apache-2.0", version=COHERE_SHA)])
    result = lock(tmp_path)
    assert result.exit_code == 3
    assert [c["name"] for c in read_lock_json(tmp_path)["components"]] == ["org/ok"]
    assert f"licensecheck: model {COHERE}: dropped from licensecheck.lock" in result.stderr
    assert f"({code})" in result.stderr


def test_lock_drops_an_entry_whose_card_lost_its_licence(fake_hub, tmp_path):
    fake_hub.add_model("org/m", {"license": "mit"})
    models(tmp_path, "org/m")
    assert lock(tmp_path).exit_code == 0
    fake_hub.add_model("org/m", {})
    result = lock(tmp_path, "--refresh")
    assert result.exit_code == 3 and read_lock_json(tmp_path)["components"] == []
    assert "model org/m: dropped from licensecheck.lock" in result.stderr


def test_lock_keeps_the_entry_when_the_hub_did_not_answer(fake_hub, tmp_path, retry_clock):
    fake_hub.add_model("org/m", {"license": "mit"})
    models(tmp_path, "org/m")
    assert lock(tmp_path).exit_code == 0
    before = read_lock_json(tmp_path)
    fake_hub.add_fault("org/m", status=503)
    result = lock(tmp_path, "--refresh", "--retry-budget", "0")
    assert result.exit_code == 3 and read_lock_json(tmp_path) == before
    assert "model org/m: kept from the previous licensecheck.lock" in result.stderr
