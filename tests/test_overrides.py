"""Licence overrides (`license:` + `reason:` in models.yaml): where they are honoured, and how they are shown.

In CI the scanned tree is a pull request. An override is a claim the PR makes
about a licence, so it is honoured only from the manifests the configuration
names (`override_from`, default: models.yaml / models.yml at the scan root), and
every override that is applied is a warning in every report a reviewer reads.
"""

from __future__ import annotations

import json

import pytest
from cli_helpers import component, scan, scan_json

NC = "CohereForAI/c4ai-command-r-v01"  # cc-by-nc-4.0: denied for commercial use
REASON = "bought a commercial licence, contract LEG-7"


@pytest.fixture
def hub(fake_hub):
    fake_hub.add_model(NC, {"license": "cc-by-nc-4.0"})
    fake_hub.add_model("acme/child", {"license": "apache-2.0", "base_model": NC})
    fake_hub.add_model("org/open", {"license": "apache-2.0"})
    return fake_hub


def override(name: str, licence: str = "apache-2.0", reason: str = REASON) -> str:
    return f"  - id: {name}\n    license: {licence}\n    reason: {reason}\n"


def test_an_override_in_a_nested_manifest_is_an_error_and_not_applied(hub, tmp_path):
    (tmp_path / "models.yaml").write_text("models:\n  - org/open\n")
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "models.yaml").write_text("models:\n" + override(NC))
    code, document = scan_json(tmp_path)
    entry = component(document, NC)
    assert code == 1 and entry["verdict"] == "denied"
    assert (entry["license"]["id"], entry["license"]["source"]) == ("cc-by-nc-4.0", "card")
    [refused] = [f for f in entry["findings"] if f["code"] == "override-not-allowed"]
    assert refused["severity"] == "error"
    assert refused["location"] == {"path": "team/models.yaml", "line": 3}
    assert refused["message"] == (
        f"team/models.yaml:3: the licence override of {NC} ('apache-2.0') is not applied: overrides are "
        "honoured only from models.yaml or models.yml at the scanned root (`override_from` in the configuration)"
    )
    assert "licence-override" not in {f["code"] for f in entry["findings"]}


def test_a_nested_manifest_cannot_override_an_ancestors_licence(hub, tmp_path):
    (tmp_path / "models.yaml").write_text("models:\n  - acme/child\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "models.yml").write_text("models:\n" + override(NC, "mit"))
    code, document = scan_json(tmp_path)
    child = component(document, "acme/child")
    assert code == 1 and child["verdict"] == "denied"
    assert [(e["name"], e["license"]["id"], e["license"]["source"]) for e in child["lineage"]] == [
        (NC, "cc-by-nc-4.0", "card")
    ]
    assert any(f["code"] == "override-not-allowed" for f in child["findings"])


def test_override_from_names_the_manifests_that_may_override(hub, tmp_path):
    (tmp_path / "licensecheck.toml").write_text('override_from = ["legal/models.yaml"]\n')
    (tmp_path / "models.yaml").write_text("models:\n" + override("org/open", "mit"))
    (tmp_path / "legal").mkdir()
    (tmp_path / "legal" / "models.yaml").write_text("models:\n" + override(NC))
    code, document = scan_json(tmp_path)
    assert code == 0
    assert component(document, NC)["license"]["source"] == "override"
    opened = component(document, "org/open")
    assert opened["license"]["source"] == "card"
    [refused] = [f for f in opened["findings"] if f["code"] == "override-not-allowed"]
    assert "honoured only from legal/models.yaml" in refused["message"]


def test_an_empty_override_from_honours_no_override(hub, tmp_path):
    (tmp_path / "licensecheck.toml").write_text("override_from = []\n")
    (tmp_path / "models.yaml").write_text("models:\n" + override(NC))
    code, document = scan_json(tmp_path)
    assert code == 1
    [refused] = [f for f in component(document, NC)["findings"] if f["code"] == "override-not-allowed"]
    assert "overrides are honoured from no file (`override_from` in the configuration is empty)" in refused["message"]


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('override_from = "models.yaml"', "`override_from` must be a list of non-empty strings, got a string"),
        ('override_from = ["/etc/models.yaml"]', "`override_from` names '/etc/models.yaml': paths are relative to"),
    ],
)
def test_a_bad_override_from_is_an_input_error(hub, tmp_path, setting, message):
    (tmp_path / "licensecheck.toml").write_text(setting + "\n")
    (tmp_path / "models.yaml").write_text("models:\n  - org/open\n")
    result = scan(tmp_path)
    assert result.exit_code == 2
    assert "licensecheck.toml:1: " + message in result.stderr


def applied_override_message(where: str) -> str:
    return (
        f"{where}: licence set to 'apache-2.0' by an override (reason: {REASON!r}), replacing 'cc-by-nc-4.0', "
        "which the Hub declares: the override makes the licence more permissive than the Hub's declaration "
        "(apache-2.0 is permissive, cc-by-nc-4.0 is non-commercial)"
    )


def test_an_applied_override_is_a_warning_in_the_default_text_output(hub, tmp_path):
    (tmp_path / "models.yaml").write_text("models:\n" + override(NC))
    result = scan(tmp_path)
    assert result.exit_code == 0
    assert f"      warning: {applied_override_message('models.yaml:3')} (licence-override)\n" in result.stdout


def test_an_override_that_changes_nothing_says_what_it_replaces_without_alarm(hub, tmp_path):
    (tmp_path / "models.yaml").write_text("models:\n" + override("org/open", "mit"))
    code, document = scan_json(tmp_path)
    [finding] = [f for f in component(document, "org/open")["findings"] if f["code"] == "licence-override"]
    assert finding == {
        "severity": "warning",
        "code": "licence-override",
        "message": f"models.yaml:3: licence set to 'mit' by an override (reason: {REASON!r}), replacing "
        "'apache-2.0', which the Hub declares",
        "location": {"path": "models.yaml", "line": 3},
    }


def test_an_applied_override_is_in_the_markdown_report(hub, tmp_path):
    (tmp_path / "models.yaml").write_text("models:\n" + override(NC))
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "models.yaml").write_text("models:\n" + override("org/open", "mit"))
    result = scan(tmp_path, "--format", "markdown")
    assert result.exit_code == 0
    text = result.stdout
    section = text[text.index("### Licence overrides") :]
    assert section.splitlines()[2] == (
        f"- **warning** model **{NC}**: models.yaml:3: licence set to 'apache-2.0' by an override (reason: "
        "'bought a commercial licence, contract LEG-7'), replacing 'cc-by-nc-4.0', which the Hub declares: the "
        "override makes the licence more permissive than the Hub's declaration (apache-2.0 is permissive, "
        "cc-by-nc-4.0 is non-commercial)"
    )
    assert section.splitlines()[3].startswith(
        "- **error** model **org/open**: team/models.yaml:3: the licence override of org/open ('mit') is not applied"
    )


def test_an_applied_override_is_a_sarif_warning_at_its_line(hub, tmp_path):
    (tmp_path / "models.yaml").write_text("models:\n  - org/open\n" + override(NC))
    for flags in ((), ("--quiet",)):
        document = json.loads(scan(tmp_path, "--format", "sarif", *flags).stdout)
        [result] = [r for r in document["runs"][0]["results"] if r["ruleId"] == "licence-override"]
        assert result["level"] == "warning"
        assert result["message"]["text"] == f"model {NC}: {applied_override_message('models.yaml:4')}"
        regions = [place["physicalLocation"]["region"]["startLine"] for place in result["locations"]]
        assert regions == [4, 3]  # the `license:` line, then the entry


@pytest.mark.parametrize("reason", [".", "ok", "LEG-12", "legal said"])
def test_a_reason_must_be_a_few_words(hub, tmp_path, reason):
    (tmp_path / "models.yaml").write_text("models:\n  - org/open\n" + override(NC, reason=repr(reason)))
    result = scan(tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"licensecheck: error: models.yaml:5: `reason` must say in a few words who checked the licence and why "
        f'(e.g. "checked by legal, ticket LEG-12"), not {reason!r}\n'
    )
