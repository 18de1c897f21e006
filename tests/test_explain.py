"""`licensecheck explain ID`: every Hub licence id, aliases, the usage context, unknown ids."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from licensecheck.cli import main
from licensecheck.evaluate import evaluate_rule
from licensecheck.explain_licence import UnknownLicenceId, explain_licence, find_licence
from licensecheck.knowledge import load_knowledge
from licensecheck.model import Context
from licensecheck.report.explain_licence import render_text, to_document
from licensecheck.rules_check import hub_licence_ids

HUB_IDS = hub_licence_ids()  # the list shipped with the package


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def explain(*args: str):
    return CliRunner().invoke(main, ["explain", *args], catch_exceptions=False)


def explain_json(*args: str) -> dict:
    result = explain(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_there_are_83_hub_ids():
    assert len(HUB_IDS) == 83 and "other" in HUB_IDS and "unknown" in HUB_IDS


@pytest.mark.parametrize("hub_id", HUB_IDS)
def test_every_hub_id_is_explained(hub_id, knowledge):
    document = explain_json(hub_id.upper(), "--users", "2M")  # ids are matched case-insensitively
    rule = knowledge.lookup(hub_id)
    assert document["licence"]["id"] == rule.id and document["licence"]["url"].startswith("https://")
    assert document["licence"]["checked"]
    assert document["verdict"] == evaluate_rule(rule, Context(users=2_000_000)).verdict.value
    assert len(document["terms"]) == len(rule.clauses)
    for term in document["terms"]:
        assert term["source"].startswith(("https://", "http://")) and term["section"]
        assert term["status"] in ("applies", "to-confirm", "not-applicable")
    assert {(p["use"], p["distribution"]) for p in document["permits"]} == {
        (use, distribution)
        for use in ("commercial", "non-commercial")
        for distribution in ("internal", "network", "redistribute")
    }
    if not rule.recognised:  # other, unknown
        assert document["verdict"] == "unknown" and document["terms"] == []


@pytest.mark.parametrize("hub_id", HUB_IDS)
def test_every_hub_id_has_a_text_explanation(hub_id, knowledge):
    rule = knowledge.lookup(hub_id)
    text = render_text(explain_licence(rule, Context()))
    assert text.startswith(f"{rule.id}: {rule.name}\n")
    assert rule.url in text and "What it permits" in text
    for clause in rule.clauses:
        assert clause.source in text and f"section {clause.section}" in text


@pytest.mark.parametrize(
    ("query", "licence"),
    [
        ("Apache-2.0", "apache-2.0"),  # SPDX id
        ("APACHE-2.0", "apache-2.0"),
        ("mit license", "mit"),  # alias
        ("MRL", "mistral-research"),
        ("qwen-research", "qwen-research"),
        ("Qwen", "qwen"),
        ("tongyi-qianwen", "tongyi-qianwen"),
        ("  Llama3.1 ", "llama3.1"),
        ("coqui-public-model-license", "coqui-cpml"),
        ("stabilityai-ai-community", "stabilityai-community"),
    ],
)
def test_spdx_ids_and_aliases(query, licence):
    assert explain_json(query)["licence"]["id"] == licence


def test_qwen_spellings_are_not_one_licence(knowledge):
    ids = {
        find_licence(name, knowledge).id
        for name in ("qwen", "qwen-research", "tongyi-qianwen", "qwen-community-license-1.0")
    }
    assert len(ids) == 4


def test_unknown_id_exits_2_with_the_closest_ids():
    result = explain("lama3.1")
    assert result.exit_code == 2
    assert "'lama3.1' is not a licence id" in result.stderr and "llama3.1" in result.stderr
    assert result.stdout == ""


def test_unknown_id_without_anything_close(knowledge):
    with pytest.raises(UnknownLicenceId) as caught:
        find_licence("zzzzzzzzzz", knowledge)
    assert caught.value.suggestions == ()
    assert explain("").exit_code == 2


def test_the_context_flags_decide_the_verdict():
    assert explain_json("llama3.1", "--users", "2M")["verdict"] == "conditional"
    giant = explain_json("llama3.1", "--users", "900M")
    assert giant["verdict"] == "denied"
    assert any(f["code"] == "user-threshold" for f in giant["findings"])
    undecided = explain_json("llama3.1")
    threshold = next(t for t in undecided["terms"] if t["code"] == "user-threshold")
    # Llama's threshold counts the organisation's users: without --org-users (or --users
    # above it) it stays to confirm, and says when the figure counts.
    assert threshold["status"] == "to-confirm" and "give --org-users" in threshold["undecided"][0]
    assert "counted on 2024-07-23" in threshold["undecided"][0]
    assert explain_json("llama3.1", "--users", "2M", "--org-users", "900M")["verdict"] == "denied"
    assert explain_json("llama3.1", "--users", "2M", "--org-users", "600M")["context"]["org_users"] == 600_000_000
    # CC BY-NC 4.0 Section 1: declared non-commercial use is still to confirm (not by or for a business).
    assert (
        explain_json("cc-by-nc-4.0", "--use", "non-commercial", "--distribution", "internal")["verdict"]
        == "conditional"
    )
    assert explain_json("cc-by-nc-4.0")["verdict"] == "denied"


def test_permits_grid_answers_every_usage():
    grid = {(p["use"], p["distribution"]): p["verdict"] for p in explain_json("cc-by-nc-4.0")["permits"]}
    assert grid[("commercial", "network")] == "denied"
    assert grid[("non-commercial", "internal")] == "conditional"  # NonCommercial scope to confirm
    assert grid[("non-commercial", "redistribute")] == "conditional"


@pytest.mark.parametrize(("region", "verdict"), [("EU", "denied"), ("fr", "denied"), ("US", "conditional")])
def test_region(region, verdict):
    document = explain_json("llama4", "--users", "2M", "--region", region)
    assert document["verdict"] == verdict and document["context"]["region"] == region.upper()
    eu = next(t for t in document["terms"] if t["code"] == "eu-multimodal")
    assert eu["status"] == ("applies" if verdict == "denied" else "not-applicable")


def test_without_region_the_regional_term_is_to_confirm():
    document = explain_json("llama4", "--users", "2M")
    assert document["verdict"] == "conditional"
    assert any("EU" in o and "--region" in o for o in document["obligations"])


def test_text_output_shows_verdict_terms_and_sources():
    result = explain("llama3.2", "--users", "900M", "--region", "US")
    assert result.exit_code == 0
    assert "Under your context" in result.stdout and "DENIED" in result.stdout
    assert (
        "source: https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/LICENSE, section 2."
        in result.stdout
    )
    assert "eu-multimodal [deny] when: in EU; the model is multimodal" in result.stdout


def test_output_file_and_bad_flags(tmp_path):
    out = tmp_path / "mit.json"
    assert explain("mit", "--format", "json", "--output", str(out)).exit_code == 0
    assert json.loads(out.read_text())["licence"]["spdx"] == "MIT"
    assert explain("mit", "--region", "Europe").exit_code == 2
    assert explain().exit_code == 2


def test_explanation_is_a_value_other_commands_can_use(knowledge):
    explanation = explain_licence(knowledge.lookup("qwen"), Context(users=150_000_000))
    document = to_document(explanation)
    assert document["verdict"] == "denied" and document["schema_version"] == 1
    assert json.loads(json.dumps(document)) == document


def test_help_names_the_exit_codes():
    result = CliRunner().invoke(main, ["explain", "--help"])
    assert result.exit_code == 0 and "Exit codes" in result.output
