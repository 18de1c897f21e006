"""`licensecheck scan` and `lock` end to end: real client, fake Hub and PyPI on loopback."""

from __future__ import annotations

import json

import pytest
from cli_helpers import CONTEXTS, lock, scan, scan_json, scan_report
from click.testing import CliRunner
from realcards import REAL_MODELS

from licensecheck.cli import main


def verdicts(document: dict) -> dict[str, str]:
    return {c["name"]: c["verdict"] for c in document["components"]}


@pytest.fixture
def real_world_repo(fake_hub, tmp_path):
    for repo_id, (card, *_expected) in REAL_MODELS.items():
        fake_hub.add_model(repo_id, card, gated="manual" if repo_id.startswith("meta-llama/") else False)
    (tmp_path / "models.yaml").write_text("models:\n" + "".join(f"  - {repo_id}\n" for repo_id in REAL_MODELS))
    return tmp_path


@pytest.mark.parametrize("context", list(CONTEXTS))
def test_real_world_models_under_each_context(real_world_repo, context):
    code, document = scan_json(real_world_repo, *CONTEXTS[context])
    column = list(CONTEXTS).index(context) + 1
    expected = {repo_id: row[column] for repo_id, row in REAL_MODELS.items()}
    assert verdicts(document) == expected
    assert code == (1 if "denied" in expected.values() else 0)


def test_llama_obligations_and_threshold_reason(real_world_repo):
    saas = scan_report(real_world_repo, *CONTEXTS["saas"], code=1)
    llama = next(c for c in saas["components"] if c["name"] == "meta-llama/Llama-3.1-8B-Instruct")
    assert llama["license"] == {
        "id": "llama3.1",
        "name": "Llama 3.1 Community License Agreement",
        "source": "card",
        "link": None,
    }
    assert any("Built with Llama" in o for o in llama["obligations"])
    giant = scan_report(real_world_repo, *CONTEXTS["giant"], code=1)
    llama = next(c for c in giant["components"] if c["name"] == "meta-llama/Llama-3.1-8B-Instruct")
    assert any(f["code"] == "user-threshold" and f["severity"] == "error" for f in llama["findings"])


def test_thresholds_without_figures_are_obligations(real_world_repo):
    document = scan_report(real_world_repo, "--use", "commercial", "--distribution", "network", code=1)
    llama = next(c for c in document["components"] if c["name"] == "meta-llama/Llama-3.1-8B-Instruct")
    assert llama["verdict"] == "conditional"
    assert any("700,000,000" in o for o in llama["obligations"])
    context = {key: document["context"][key] for key in ("use", "distribution", "users", "revenue", "region")}
    assert context == {"use": "commercial", "distribution": "network", "users": None, "revenue": None, "region": None}


def test_other_licence_recognised_by_name_is_reported_with_our_id(real_world_repo):
    document = scan_report(real_world_repo, *CONTEXTS["saas"], code=1)
    flux = next(c for c in document["components"] if c["name"] == "black-forest-labs/FLUX.1-dev")
    assert flux["license"]["id"] == "flux-1-dev-non-commercial"
    assert flux["license"]["declared"] == "flux-1-dev-non-commercial-license"
    assert any(f["code"] == "licence-recognised" for f in flux["findings"])


def test_unrecognised_other_licence_is_unknown_and_quotes_name_and_link(fake_hub, tmp_path):
    fake_hub.add_model(
        "acme/custom", {"license": "other", "license_name": "acme-license-7", "license_link": "https://acme.example/l"}
    )
    (tmp_path / "models.yaml").write_text("models:\n  - acme/custom\n")
    code, document = scan_json(tmp_path)
    (component,) = document["components"]
    assert code == 3 and component["verdict"] == "unknown"
    message = " ".join(f["message"] for f in component["findings"])
    assert "acme-license-7" in message and "https://acme.example/l" in message


def test_licence_from_tags_when_the_card_is_silent(fake_hub, tmp_path):
    fake_hub.add_model("org/tagged", {}, tags=["license:apache-2.0"])
    (tmp_path / "models.yaml").write_text("models:\n  - org/tagged\n")
    document = scan_report(tmp_path, code=0)
    assert document["components"][0]["license"]["source"] == "tags"
    assert document["components"][0]["verdict"] == "allowed"


def test_dataset_and_packages(fake_hub, tmp_path):
    fake_hub.add_dataset("HuggingFaceFW/fineweb", {"license": "odc-by"})
    fake_hub.add_package("requests", "2.32.3", license="Apache-2.0")
    fake_hub.add_package("numpy", "2.1.0", license_expression="BSD-3-Clause AND 0BSD AND MIT")
    fake_hub.add_package("mystery", "1.0", license="Proprietary. All rights reserved.")
    fake_hub.add_package(
        "gplthing", "1.0", classifiers=["License :: OSI Approved :: GNU General Public License v3 (GPLv3)"]
    )
    fake_hub.add_package("dual", "1.0", license_expression="GPL-3.0-only OR MIT")
    (tmp_path / "models.yaml").write_text("datasets:\n  - HuggingFaceFW/fineweb\n")
    (tmp_path / "requirements.txt").write_text("requests>=2\nnumpy==2.1.0\nmystery==1.0\ngplthing\ndual\n")
    code, document = scan_json(tmp_path, "--distribution", "redistribute")
    by_name = {c["name"]: c for c in document["components"]}
    assert by_name["HuggingFaceFW/fineweb"]["type"] == "dataset"
    assert by_name["requests"]["version"] == "2.32.3" and by_name["requests"]["requirement"] == ">=2"
    assert by_name["numpy"]["license"]["id"] == "BSD-3-Clause AND 0BSD AND MIT"
    assert by_name["numpy"]["verdict"] == "conditional"
    # "Proprietary. All rights reserved." is never read as a permissive licence: no rule names it.
    assert by_name["mystery"]["verdict"] == "unknown"
    assert [f["code"] for f in by_name["mystery"]["findings"]] == ["licence-unrecognised"]
    assert by_name["gplthing"]["license"]["id"] == "GPL-3.0-only"
    assert by_name["gplthing"]["verdict"] == "conditional"
    assert any("[gpl-3.0" in o for o in by_name["gplthing"]["obligations"])
    # OR: the most favourable option under the context (MIT's notice beats GPL's copyleft).
    assert by_name["dual"]["verdict"] == "conditional"
    assert not any("GPL" in o for o in by_name["dual"]["obligations"])
    assert [loc["line"] for loc in by_name["numpy"]["locations"]] == [2]
    # Nothing is denied under redistribution (GPL is conditional): the one unknown decides the exit code.
    assert verdicts(document) == {
        "HuggingFaceFW/fineweb": "conditional",
        "requests": "conditional",
        "numpy": "conditional",
        "mystery": "unknown",
        "gplthing": "conditional",
        "dual": "conditional",
    }
    assert code == 3


def test_direct_references_are_unknown(fake_hub, tmp_path):
    (tmp_path / "requirements.txt").write_text("-e ./localpkg\nhttps://example.invalid/pkg-1.0-py3-none-any.whl\n")
    code, document = scan_json(tmp_path)
    assert code == 3
    assert {c["verdict"] for c in document["components"]} == {"unknown"}
    assert all(f["code"] == "unresolvable-reference" for c in document["components"] for f in c["findings"])
    assert fake_hub.requests == []


def test_override_is_reported_with_its_reason(fake_hub, tmp_path):
    fake_hub.add_model("org/model", {"license": "other", "license_name": "weird"})
    (tmp_path / "models.yaml").write_text(
        "models:\n  - id: org/model\n    license: apache-2.0\n    reason: checked by legal, LEG-12\n"
    )
    code, document = scan_json(tmp_path)
    (component,) = document["components"]
    assert code == 0
    assert component["license"]["source"] == "override" and component["license"]["id"] == "apache-2.0"
    assert any(f["code"] == "licence-override" and "LEG-12" in f["message"] for f in component["findings"])


@pytest.mark.parametrize(
    ("fault", "code"),
    [
        ({"status": 500}, "hub-server-error"),
        ({"status": 404, "headers": {"X-Error-Code": "RepoNotFound"}}, "hub-not-found"),
        ({"status": 200, "body": b"not json"}, "hub-invalid-response"),
    ],
)
def test_hub_faults_are_unknown_never_allowed_and_do_not_affect_others(fake_hub, tmp_path, fault, code):
    fake_hub.add_model("org/good", {"license": "mit"})
    fake_hub.add_model("org/bad", {"license": "mit"})
    fake_hub.add_fault("org/bad", **fault)
    (tmp_path / "models.yaml").write_text("models:\n  - org/good\n  - org/bad\n")
    exit_code, document = scan_json(tmp_path)
    assert exit_code == 3
    assert verdicts(document) == {"org/good": "allowed", "org/bad": "unknown"}
    bad = next(c for c in document["components"] if c["name"] == "org/bad")
    assert bad["findings"][0]["code"] == code and "org/bad" in bad["findings"][0]["message"]


def test_gated_repository_licence_is_read_without_accepting_terms(fake_hub, tmp_path):
    fake_hub.add_model("meta-llama/Llama-3.1-8B", {"license": "llama3.1"}, gated="manual")
    (tmp_path / "models.yaml").write_text("models:\n  - meta-llama/Llama-3.1-8B\n")
    document = scan_report(tmp_path, "--users", "5000", code=0)
    assert document["components"][0]["license"]["id"] == "llama3.1"


# -- lock file and offline -----------------------------------------------------------------


def test_lock_round_trip_and_offline_scan(real_world_repo, fake_hub):
    (real_world_repo / "requirements.txt").write_text("requests==2.32.3\n")
    fake_hub.add_package("requests", "2.32.3", license="Apache-2.0")
    result = lock(real_world_repo)
    assert result.exit_code == 0, result.output
    lock_text = (real_world_repo / "licensecheck.lock").read_text()
    data = json.loads(lock_text)
    assert len(data["components"]) == len(REAL_MODELS) + 1
    names = [(c["type"], c["name"].lower()) for c in data["components"]]
    assert names == sorted(names)

    online = scan_report(real_world_repo, *CONTEXTS["saas"], "--timeout", "5", code=1)
    requests_before = len(fake_hub.requests)
    offline = scan_report(real_world_repo, *CONTEXTS["saas"], "--offline", code=1)
    assert len(fake_hub.requests) == requests_before  # --offline: not one request
    assert verdicts(offline) == verdicts(online)
    assert all(c["from_lock"] for c in offline["components"])

    # A second lock with nothing changed writes the same bytes (resolved_at kept).
    assert lock(real_world_repo).exit_code == 0
    assert (real_world_repo / "licensecheck.lock").read_text() == lock_text


def test_scan_uses_the_lock_without_network_for_what_it_holds(real_world_repo, fake_hub):
    assert lock(real_world_repo).exit_code == 0
    fake_hub.add_model("org/new", {"license": "mit"})
    with (real_world_repo / "models.yaml").open("a") as manifest:
        manifest.write("  - org/new\n")
    fake_hub.requests.clear()
    # --no-cache: the lock run filled the metadata cache, which would answer too.
    document = scan_report(real_world_repo, *CONTEXTS["saas"], "--no-cache", code=1)  # FLUX.1-dev and Command R: denied
    assert [path.split("?")[0] for _, path in fake_hub.requests] == ["/api/models/org/new"]
    assert verdicts(document)["org/new"] == "allowed"


def test_offline_without_lock_is_unknown_and_says_so_once(fake_hub, tmp_path):
    (tmp_path / "models.yaml").write_text("models:\n  - org/a\n  - org/b\n")
    result = scan(tmp_path, "--offline")
    assert result.exit_code == 3
    assert result.output.count("run `licensecheck lock`") == 1
    assert result.output.count("offline: 2 component(s)") == 1
    assert fake_hub.requests == []


def test_pinned_revision_does_not_take_another_revisions_lock_entry(fake_hub, tmp_path):
    fake_hub.add_model("org/m", {"license": "mit"})
    (tmp_path / "models.yaml").write_text("models:\n  - org/m\n")
    assert lock(tmp_path).exit_code == 0
    (tmp_path / "models.yaml").write_text("models:\n  - id: org/m\n    revision: v2\n")
    code, document = scan_json(tmp_path, "--offline")
    assert code == 3 and document["components"][0]["findings"][0]["code"] == "not-in-lock"


def test_lock_reports_failures_and_exits_3(fake_hub, tmp_path):
    fake_hub.add_model("org/ok", {"license": "mit"})
    (tmp_path / "models.yaml").write_text("models:\n  - org/ok\n  - org/missing\n")
    result = lock(tmp_path)
    assert result.exit_code == 3
    assert "org/missing" in result.stderr
    data = json.loads((tmp_path / "licensecheck.lock").read_text())
    assert [c["name"] for c in data["components"]] == ["org/ok"]


def test_a_failure_while_relocking_keeps_the_previous_answer(fake_hub, tmp_path):
    fake_hub.add_model("org/ok", {"license": "mit"})
    (tmp_path / "models.yaml").write_text("models:\n  - org/ok\n")
    assert lock(tmp_path).exit_code == 0
    fake_hub.add_fault("org/ok", status=503)
    result = lock(tmp_path, "--refresh")  # past the answer cached by the first lock (cache.py)
    assert result.exit_code == 3 and "org/ok" in result.stderr
    data = json.loads((tmp_path / "licensecheck.lock").read_text())
    assert [c["name"] for c in data["components"]] == ["org/ok"]


def test_malformed_lock_is_an_input_error(fake_hub, tmp_path):
    (tmp_path / "models.yaml").write_text("models:\n  - org/a\n")
    (tmp_path / "licensecheck.lock").write_text("{not json\n")
    result = scan(tmp_path)
    assert result.exit_code == 2
    assert "licensecheck.lock:1:" in result.stderr and "Traceback" not in result.output


# -- command line -----------------------------------------------------------------------------


def test_malformed_manifest_exits_2_with_file_and_line(tmp_path):
    (tmp_path / "models.yaml").write_text("models:\n  - id: org/a\n    licence: mit\n")
    result = scan(tmp_path)
    assert result.exit_code == 2
    assert "models.yaml:3:" in result.stderr
    assert "Traceback" not in result.output


def test_invalid_repository_id_exits_2(tmp_path):
    (tmp_path / "models.yaml").write_text("models:\n  - ../../etc/passwd\n")
    result = scan(tmp_path)
    assert result.exit_code == 2 and "models.yaml:2:" in result.stderr


def test_nothing_to_scan_is_a_usage_error(tmp_path):
    result = scan(tmp_path)
    assert result.exit_code == 2 and "found no models.yaml" in result.stderr


def test_missing_path_is_a_usage_error(tmp_path):
    result = scan(tmp_path / "nope")
    assert result.exit_code == 2
    assert result.stderr == f"licensecheck: error: {tmp_path / 'nope'}: no such file or directory\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--users", "lots"], "Invalid value for '--users': 'lots' is not a number (examples: 2000000, 2M, 1.5B)"),
        (
            ["--use", "sometimes"],
            "Invalid value for '--use': 'sometimes' is not one of 'commercial', 'non-commercial'.",
        ),
        (["--region", "Europe"], "Invalid value for --region: 'Europe' is not an ISO 3166-1 country code or EU"),
        (["--region", "ZZ"], "Invalid value for --region: 'ZZ' is not an ISO 3166-1 country code or EU"),
        (["--region", "xx"], "Invalid value for --region: 'xx' is not an ISO 3166-1 country code or EU"),
        (
            ["--region", "UK"],
            "Invalid value for --region: 'UK' is not an ISO 3166-1 country code or EU (for that country, give GB)",
        ),
        (["--users", "-5"], "Invalid value for '--users': '-5' must be a whole, non-negative number"),
    ],
)
def test_bad_flags_exit_2(tmp_path, args, message):
    (tmp_path / "models.yaml").write_text("models: []\n")
    result = scan(tmp_path, *args)
    assert result.exit_code == 2
    assert result.stderr.endswith(f"\n\nError: {message}\n") and result.stdout == ""


def test_empty_manifest_passes(tmp_path):
    (tmp_path / "models.yaml").write_text("models: []\n")
    result = scan(tmp_path)
    assert result.exit_code == 0 and "0 components" in result.output


def test_output_file_and_quiet(fake_hub, tmp_path):
    fake_hub.add_model("org/a", {"license": "mit"})
    (tmp_path / "models.yaml").write_text("models:\n  - org/a\n")
    out = tmp_path / "report.json"
    result = scan(tmp_path, "--format", "json", "--output", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["summary"]["allowed"] == 1
    quiet = scan(tmp_path, "-q")
    assert "org/a" not in quiet.stdout and "1 allowed" in quiet.stdout


def test_no_colour_when_not_a_terminal_or_with_no_color(fake_hub, tmp_path, monkeypatch):
    fake_hub.add_model("org/a", {"license": "cc-by-nc-4.0"})
    (tmp_path / "models.yaml").write_text("models:\n  - org/a\n")
    assert "\x1b[" not in scan(tmp_path).stdout
    monkeypatch.setenv("NO_COLOR", "1")
    from licensecheck.commands.common import use_colour

    assert use_colour(None) is False


def test_version_and_help_name_the_exit_codes():
    runner = CliRunner()
    assert runner.invoke(main, ["--version"]).output.startswith("licensecheck, version ")
    for command in ([], ["scan"], ["lock"]):
        result = runner.invoke(main, [*command, "--help"])
        assert result.exit_code == 0 and "Exit codes" in result.output


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2000000", 2_000_000),
        ("2M", 2_000_000),
        ("1.5B", 1_500_000_000),
        ("2_000", 2000),
        ("5k", 5000),
        ("2,000,000", 2_000_000),
    ],
)
def test_quantities(text, value):
    from licensecheck.commands.common import Quantity

    assert Quantity().convert(text, None, None) == value
