"""A repository's pyproject alone sets the context and the decisions: scan, lock and explain."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from cli_helpers import component, scan, scan_json
from click.testing import CliRunner

from licensecheck.cli import main

NC_MODEL = "CohereForAI/c4ai-command-r-v01"

CONFIG = """
[project]
name = "support-bot"
version = "1.0"

[tool.licensecheck]
use = "commercial"
distribution = "network"
users = 2_000_000

[[tool.licensecheck.exceptions]]
component = "CohereForAI/c4ai-command-r-v01"
reason = "Commercial agreement with Cohere, contract 2025-117"
owner = "legal@example.com"
expires = 2026-12-31
"""


@pytest.fixture
def repo(fake_hub, tmp_path):
    (tmp_path / ".git").mkdir()
    fake_hub.add_model(NC_MODEL, {"license": "cc-by-nc-4.0"})
    fake_hub.add_model("microsoft/phi-4", {"license": "mit"})
    fake_hub.add_model("Qwen/Qwen2.5-7B-Instruct", {"license": "apache-2.0"})
    fake_hub.add_package("requests", "2.32.3", license_expression="Apache-2.0")
    (tmp_path / "models.yaml").write_text(
        f"models:\n  - {NC_MODEL}\n  - microsoft/phi-4\n  - Qwen/Qwen2.5-7B-Instruct\n"
    )
    return tmp_path


def set_config(repo: Path, text: str) -> None:
    (repo / "pyproject.toml").write_text(textwrap.dedent(text).lstrip())


def test_done_when_denied_then_excepted_then_expired(repo, monkeypatch):
    # 1. Commercial context from the pyproject alone, no exception yet: denied.
    set_config(repo, CONFIG.split("[[tool.licensecheck.exceptions]]")[0])
    code, document = scan_json(repo)
    assert code == 1
    assert component(document, NC_MODEL)["verdict"] == "denied"
    assert document["context"]["users"] == 2_000_000
    assert document["context"]["sources"] == {
        "use": "config",
        "distribution": "config",
        "users": "config",
        "revenue": "default",
        "region": "default",
        "org_users": "default",
    }
    assert document["context"]["config"].endswith("pyproject.toml")

    # 2. The exception in force: it passes, reported as allowed by exception.
    set_config(repo, CONFIG)
    monkeypatch.setenv("LICENSECHECK_TODAY", "2026-06-01")
    code, document = scan_json(repo)
    assert code == 0
    cohere = component(document, NC_MODEL)
    assert cohere["verdict"] == "conditional"  # the licence's attribution still applies
    assert cohere["exception"] == {
        "reason": "Commercial agreement with Cohere, contract 2025-117",
        "owner": "legal@example.com",
        "expires": "2026-12-31",
    }
    assert any(f["code"] == "exception-applied" for f in cohere["findings"])
    text = scan(repo).stdout
    assert "allowed by exception: 'Commercial agreement with Cohere, contract 2025-117'" in text

    # 3. Due within 30 days: still passes, with a warning.
    monkeypatch.setenv("LICENSECHECK_TODAY", "2026-12-20")
    code, document = scan_json(repo)
    assert code == 0
    assert any(f["code"] == "exception-expiring" for f in component(document, NC_MODEL)["findings"])

    # 4. Expired: fails again, and the finding names the owner and the date.
    monkeypatch.setenv("LICENSECHECK_TODAY", "2027-01-01")
    code, document = scan_json(repo)
    assert code == 1
    cohere = component(document, NC_MODEL)
    assert cohere["verdict"] == "denied" and "exception" not in cohere
    (expired,) = [f for f in cohere["findings"] if f["code"] == "exception-expired"]
    assert "2026-12-31" in expired["message"] and "legal@example.com" in expired["message"]


def test_command_line_flags_override_the_file(repo):
    set_config(repo, CONFIG.split("[[tool.licensecheck.exceptions]]")[0])
    code, document = scan_json(repo, "--use", "non-commercial", "--distribution", "internal")
    assert code == 0
    assert document["context"]["sources"]["use"] == "cli" and document["context"]["use"] == "non-commercial"
    assert document["context"]["sources"]["users"] == "config"


def test_preset_sets_the_context(repo):
    set_config(repo, '[tool.licensecheck]\nextends = "internal-research"\n')
    code, document = scan_json(repo)
    assert code == 0
    assert (document["context"]["use"], document["context"]["sources"]["use"]) == ("non-commercial", "preset")


def test_verbose_text_says_where_values_came_from(repo):
    set_config(repo, '[tool.licensecheck]\nextends = "internal-research"\nusers = 5\n')
    text = scan(repo, "-v").stdout
    assert [line for line in text.splitlines() if line.startswith("context: ")] == [
        "context: use from preset, distribution from preset, users from config, revenue from default, region from default, "
        f"org_users from default (configuration: {repo / 'pyproject.toml'})"
    ]


def test_deny_list(repo):
    set_config(repo, '[tool.licensecheck]\ndeny = ["MIT"]\n')
    code, document = scan_json(repo)
    assert code == 1
    phi = component(document, "microsoft/phi-4")
    assert phi["verdict"] == "denied" and any(f["code"] == "licence-denied" for f in phi["findings"])
    assert component(document, "Qwen/Qwen2.5-7B-Instruct")["verdict"] == "allowed"


def test_allow_list(repo):
    set_config(repo, '[tool.licensecheck]\nuse = "non-commercial"\nallow = ["mit", "cc-by-nc-4.0"]\n')
    code, document = scan_json(repo)
    assert code == 1
    assert component(document, "Qwen/Qwen2.5-7B-Instruct")["verdict"] == "denied"
    assert any(f["code"] == "licence-not-allowed" for f in component(document, "Qwen/Qwen2.5-7B-Instruct")["findings"])
    assert component(document, "microsoft/phi-4")["verdict"] == "allowed"
    assert component(document, NC_MODEL)["verdict"] == "conditional"  # on the list; its attribution still binds


def test_unknown_warn_exits_0_but_keeps_unknown(repo, fake_hub):
    fake_hub.add_model("acme/mystery", {"license": "acme-9"})
    (repo / "models.yaml").write_text("models:\n  - acme/mystery\n")
    assert scan(repo).exit_code == 3
    set_config(repo, '[tool.licensecheck]\nunknown = "warn"\n')
    code, document = scan_json(repo)
    assert code == 0
    assert component(document, "acme/mystery")["verdict"] == "unknown"
    assert any(n["code"] == "unknown-warn" for n in document["notices"])


def test_unused_exception_is_reported(repo):
    set_config(repo, CONFIG.replace(NC_MODEL, "acme/retired-model"))
    code, document = scan_json(repo)
    assert code == 1
    assert any(n["code"] == "exception-unused" and "acme/retired-model" in n["message"] for n in document["notices"])


def test_exclude_globs_keep_paths_out_of_scan_and_lock(repo):
    fixtures = repo / "tests" / "fixtures"
    fixtures.mkdir(parents=True)
    (fixtures / "requirements.txt").write_text("this is not a requirement ===\n")
    (fixtures / "models.yaml").write_text(f"models:\n  - {NC_MODEL}\n")
    assert scan(repo).exit_code == 2  # the broken fixture is read
    set_config(repo, '[tool.licensecheck]\nuse = "non-commercial"\nexclude = ["tests/fixtures/**"]\n')
    code, document = scan_json(repo)
    assert code == 0
    assert all(place["path"] == "models.yaml" for c in document["components"] for place in c["locations"])
    locked = CliRunner().invoke(main, ["lock", str(repo)], catch_exceptions=False)
    assert locked.exit_code == 0, locked.output


def test_exclude_globs_are_relative_to_the_configuration_file(repo):
    service = repo / "services" / "api"
    (service / "vendor").mkdir(parents=True)
    (service / "models.yaml").write_text("models:\n  - microsoft/phi-4\n")
    (service / "vendor" / "requirements.txt").write_text("broken ===\n")
    set_config(repo, '[tool.licensecheck]\nexclude = ["services/api/vendor"]\n')
    code, document = scan_json(service)
    assert code == 0 and [c["name"] for c in document["components"]] == ["microsoft/phi-4"]


def test_explicit_config_flag(repo, tmp_path_factory):
    other = tmp_path_factory.mktemp("elsewhere") / "licensecheck.toml"
    other.write_text('deny = ["mit"]\n')
    set_config(repo, '[tool.licensecheck]\nuse = "non-commercial"\n')
    code, document = scan_json(repo, "--config", str(other))
    assert code == 1 and document["context"]["use"] == "commercial"


# --- explain COMPONENT ----------------------------------------------------------


def explain(*args: str):
    return CliRunner().invoke(main, ["explain", *args], catch_exceptions=False)


def test_explain_a_component_retraces_the_verdict(repo, monkeypatch):
    monkeypatch.setenv("LICENSECHECK_TODAY", "2026-06-01")
    set_config(repo, CONFIG.replace("users = 2_000_000", 'users = 2_000_000\ndeny = ["agpl-3.0"]'))
    result = explain(NC_MODEL.lower(), "--path", str(repo))
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert (
        "1. Licence\n  cc-by-nc-4.0 (Creative Commons Attribution-NonCommercial 4.0 International), found in card"
        in text
    )
    assert "2. Lineage\n  no ancestors declared" in text
    assert f"use: commercial (from {repo / 'pyproject.toml'})" in text and "revenue: not given (default)" in text
    assert "cc-by-nc-4.0 non-commercial [deny] when: commercial use" in text
    assert "https://creativecommons.org/licenses/by-nc/4.0/legalcode" in text
    assert "pyproject.toml): agpl-3.0" in text and "cc-by-nc-4.0: on no list" in text
    assert (
        "in force: 'Commercial agreement with Cohere, contract 2025-117' (owner legal@example.com, expires 2026-12-31"
        in text
    )
    assert "Verdict: CONDITIONAL" in text


def test_explain_a_component_as_json_with_flags_over_the_file(repo):
    set_config(repo, '[tool.licensecheck]\ndeny = ["mit"]\n')
    result = explain("microsoft/phi-4", "--path", str(repo), "--format", "json", "--use", "non-commercial")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["verdict"] == "denied"
    assert document["context"]["use"] == {"value": "non-commercial", "source": "cli"}
    assert document["lists"]["decisions"] == [{"licence": "mit", "of": "microsoft/phi-4", "decision": "licence-denied"}]


def test_explain_a_component_names_the_denied_category(repo):
    set_config(repo, '[tool.licensecheck]\ndeny_categories = ["permissive"]\n')
    text = explain("microsoft/phi-4", "--path", str(repo)).stdout
    assert f"deny categories ({repo / 'pyproject.toml'}): permissive" in text
    assert "mit: on the deny list or of a denied category: denied" in text
    document = json.loads(explain("microsoft/phi-4", "--path", str(repo), "--format", "json").stdout)
    assert document["verdict"] == "denied" and document["lists"]["deny_categories"] == ["permissive"]
    (finding,) = [f for f in document["findings"] if f["code"] == "licence-denied"]
    assert (
        finding["message"]
        == f"licence mit is permissive, a category the configuration denies ({repo / 'pyproject.toml'})"
    )


def test_explain_still_explains_licence_ids(repo):
    result = explain("mit", "--path", str(repo))
    assert result.exit_code == 0 and result.stdout.startswith("mit: MIT License")


def test_explain_an_unknown_component_is_exit_2(repo):
    result = explain("acme/not-declared", "--path", str(repo))
    assert result.exit_code == 2 and "'acme/not-declared' is not a component declared under" in result.stderr


@pytest.fixture
def walks(monkeypatch):
    """The roots the project was walked from to find declared components."""
    import licensecheck.sources.inputs

    seen, collect = [], licensecheck.sources.inputs.collect_inputs

    def spy(root, *args, **kwargs):
        seen.append(Path(root))
        return collect(root, *args, **kwargs)

    monkeypatch.setattr(licensecheck.sources.inputs, "collect_inputs", spy)
    return seen


def test_explain_a_licence_family_never_walks_the_project(repo, monkeypatch, walks):
    monkeypatch.chdir(repo)
    result = explain("Apache")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "licensecheck: error: 'Apache' is not a licence id, SPDX id or alias licensecheck knows; did you mean "
        "apache-2.0, apache-1.1? (for a component of the project named 'Apache', give --path)\n"
    )
    assert explain("mit").exit_code == 0 and explain("llama").exit_code == 2
    assert walks == []


def test_explain_a_package_is_looked_for_in_the_project(repo, monkeypatch, walks):
    (repo / "requirements.txt").write_text("requests==2.32.3\n")
    monkeypatch.chdir(repo)
    result = explain("requests", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["component"] == {
        "type": "package",
        "name": "requests",
        "version": "2.32.3",
        "locations": [{"path": "requirements.txt", "line": 1}],
    }
    assert walks == [Path(".")]


def test_explain_a_licence_family_with_a_path_looks_in_the_project(repo, walks):
    result = explain("Apache", "--path", str(repo))
    assert result.exit_code == 2 and "did you mean apache-2.0, apache-1.1?\n" in result.stderr
    assert walks == [repo]
