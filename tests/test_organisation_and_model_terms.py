"""Terms that depend on the organisation's size or on the model itself (issue 15), end to end.

Llama's 700M threshold (section 2 of every Llama community licence) counts the monthly
active users of all products or services of the licensee and its affiliates, on the
version's release date: `--org-users` (config `org_users`). Qwen's 100M threshold
(Qwen LICENSE AGREEMENT 4) counts the product's, `--users`. Llama 3.2's use policy
withholds the licence in the EU for its multimodal models only, which the model's card
tells (the `eu-multimodal` clause); NVIDIA's "Built on NVIDIA Cosmos" is for Cosmos
models only (`cosmos-attribution`). Real cards: tests/data/hub_cards/cards.json.
"""

from __future__ import annotations

import json

import pytest
from cli_helpers import component, scan, scan_json, scan_report
from click.testing import CliRunner

from licensecheck.cli import main
from licensecheck.evaluate import evaluate_rule
from licensecheck.knowledge import load_knowledge
from licensecheck.lockfile import LOCK_NAME
from licensecheck.model import Context, ModelFacts
from licensecheck.model_facts import MULTIMODAL, NVIDIA_COSMOS, derive_model_facts

LLAMA31 = "meta-llama/Llama-3.1-8B-Instruct"
QWEN = "Qwen/Qwen2.5-72B-Instruct"
VISION = "meta-llama/Llama-3.2-11B-Vision-Instruct"
VISION_90B = "meta-llama/Llama-3.2-90B-Vision"
TEXT = "meta-llama/Llama-3.2-3B"
COSMOS = "nvidia/Cosmos-1.0-Diffusion-7B-Text2World"
NEMOTRON = "nvidia/Nemotron-4-340B-Reward"
# Llama's release dates, on which section 2 counts the organisation's users.
RELEASE_DATES = {
    "llama2": "2023-07-18",
    "llama3": "2024-04-18",
    "llama3.1": "2024-07-23",
    "llama3.2": "2024-09-25",
    "llama3.3": "2024-12-06",
    "llama4": "2025-04-05",
}


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


@pytest.fixture
def project(fake_hub, tmp_path):
    fake_hub.add_model(LLAMA31, {"license": "llama3.1"}, gated="manual")
    fake_hub.add_model(QWEN, {"license": "other", "license_name": "qwen"})
    (tmp_path / "models.yaml").write_text(f"models:\n  - {LLAMA31}\n  - {QWEN}\n")
    return tmp_path


# -- the organisation's users: section 2 of the Llama licences ------------------------------


def test_every_llama_threshold_tests_the_organisation_on_its_release_date(knowledge):
    for licence_id, day in RELEASE_DATES.items():
        (clause,) = [c for c in knowledge.lookup(licence_id).clauses if c.code == "user-threshold"]
        assert (clause.users_above, clause.org_users_above, clause.org_users_counted_on) == (None, 700_000_000, day)
        assert "affiliates" in clause.text and "release date" in clause.text


def test_qwen_thresholds_test_the_product_as_their_text_says(knowledge):
    for licence_id in ("qwen", "tongyi-qianwen"):
        (clause,) = [c for c in knowledge.lookup(licence_id).clauses if c.code == "user-threshold"]
        assert (clause.users_above, clause.org_users_above) == (100_000_000, None)
        assert "product or service" in clause.text


def test_a_group_of_900m_users_with_a_2m_user_product_is_denied_llama(project):
    code, document = scan_json(project, "--users", "2M", "--org-users", "900M")
    assert code == 1
    llama, qwen = component(document, LLAMA31), component(document, QWEN)
    assert llama["verdict"] == "denied"
    (reason,) = [f for f in llama["findings"] if f["code"] == "user-threshold"]
    assert "licensee and its affiliates together" in reason["message"] and "July 23, 2024" in reason["message"]
    # Qwen counts the product: 2M is below its 100M, whatever the group's size.
    assert qwen["verdict"] == "conditional" and not any(f["code"] == "user-threshold" for f in qwen["findings"])
    assert document["context"]["org_users"] == 900_000_000 and document["context"]["sources"]["org_users"] == "cli"


def test_without_the_organisation_figure_the_threshold_is_to_confirm(project):
    code, document = scan_json(project, "--users", "2M")
    assert code == 0
    llama = component(document, LLAMA31)
    assert llama["verdict"] == "conditional"
    (duty,) = [o for o in llama["obligations"] if "700,000,000" in o]
    assert duty.startswith(
        "Applies above 700,000,000 monthly active users of the organisation and its affiliates together, "
        "counted on 2024-07-23 (give --org-users): "
    )
    assert document["context"]["org_users"] is None


def test_a_product_above_the_threshold_proves_the_organisation_is(project):
    code, document = scan_json(project, "--users", "900M")
    assert code == 1 and component(document, LLAMA31)["verdict"] == "denied"


def test_an_organisation_below_the_threshold_drops_it(project):
    document = scan_report(project, "--users", "2M", "--org-users", "600M", code=0)
    llama = component(document, LLAMA31)
    assert llama["verdict"] == "conditional"
    assert not [o for o in llama["obligations"] if "700,000,000" in o]


def test_the_organisation_figure_from_the_configuration(project):
    (project / "licensecheck.toml").write_text("org_users = 900_000_000\nusers = 2_000_000\n")
    code, document = scan_json(project)
    assert code == 1 and component(document, LLAMA31)["verdict"] == "denied"
    assert (document["context"]["org_users"], document["context"]["sources"]["org_users"]) == (900_000_000, "config")


def test_a_bad_organisation_figure_in_the_configuration_names_the_key(project):
    (project / "licensecheck.toml").write_text('org_users = "lots"\n')
    result = scan(project)
    assert result.exit_code == 2 and "org_users" in result.stderr and "licensecheck.toml" in result.stderr


def test_the_text_report_names_the_organisation_figure_only_when_given(project):
    with_it = scan(project, "--users", "2M", "--org-users", "900M").stdout.splitlines()[0]
    assert with_it.endswith(
        "commercial use, offered as a network service, 2,000,000 monthly active users, 900,000,000 across the "
        "organisation, revenue not given, region not given"
    )
    without = scan(project, "--users", "2M").stdout.splitlines()[0]
    assert without.endswith(
        "commercial use, offered as a network service, 2,000,000 monthly active users, revenue not given, region not given"
    )


def test_a_negative_organisation_figure_is_a_usage_error(project):
    result = CliRunner().invoke(main, ["scan", str(project), "--org-users", "-5"])
    assert result.exit_code == 2 and "--org-users" in result.output


# -- facts of the model: Llama 3.2's multimodal models in the EU ----------------------------


@pytest.fixture
def llama32(fake_hub, tmp_path):
    for repo_id in (VISION, VISION_90B, TEXT):
        fake_hub.add_recorded_model(repo_id)
    (tmp_path / "models.yaml").write_text(f"models:\n  - {VISION}\n  - {VISION_90B}\n  - {TEXT}\n")
    return tmp_path


def test_llama32_vision_in_the_eu_is_denied_and_the_text_model_is_not_affected(llama32):
    code, document = scan_json(llama32, "--users", "2M", "--org-users", "2M", "--region", "DE")
    assert code == 1
    for vision in (VISION, VISION_90B):
        entry = component(document, vision)
        assert entry["verdict"] == "denied"
        (reason,) = [f for f in entry["findings"] if f["code"] == "eu-multimodal"]
        assert reason["severity"] == "error" and "11B and 90B Vision" in reason["message"]
    text = component(document, TEXT)
    assert text["verdict"] == "conditional"
    assert "eu-multimodal" not in json.dumps(text)


def test_the_lock_records_the_model_facts_and_an_old_lock_leaves_them_to_confirm(llama32):
    assert CliRunner().invoke(main, ["lock", str(llama32)], catch_exceptions=False).exit_code == 0
    lock = json.loads((llama32 / LOCK_NAME).read_text())
    facts = {entry["name"]: entry["model_facts"] for entry in lock["components"]}
    assert facts[VISION] == {"holds": [MULTIMODAL], "known": [MULTIMODAL, NVIDIA_COSMOS]}
    assert facts[TEXT] == {"holds": [], "known": [MULTIMODAL, NVIDIA_COSMOS]}
    code, document = scan_json(llama32, "--offline", "--org-users", "2M", "--region", "EU")
    assert code == 1 and component(document, TEXT)["verdict"] == "conditional"
    assert "eu-multimodal" not in json.dumps(component(document, TEXT))
    # A lock written before facts were recorded: the text model's card is not read
    # again, so its term stays to confirm (its name does not say).
    for entry in lock["components"]:
        del entry["model_facts"]
    (llama32 / LOCK_NAME).write_text(json.dumps(lock))
    code, document = scan_json(llama32, "--offline", "--org-users", "2M", "--region", "EU")
    text = component(document, TEXT)
    assert text["verdict"] == "conditional"
    (duty,) = [o for o in text["obligations"] if "multimodal" in o]
    assert duty.startswith("Applies if the model is multimodal (its card and tags do not say): ")
    assert component(document, VISION)["verdict"] == "denied"  # its name says Vision


def test_a_card_without_tags_leaves_the_fact_to_confirm(fake_hub, tmp_path):
    fake_hub.add_model("acme/llama-3.2-finetune", {"license": "llama3.2"})
    (tmp_path / "models.yaml").write_text("models:\n  - acme/llama-3.2-finetune\n")
    document = scan_report(tmp_path, "--org-users", "2M", "--region", "FR", code=0)
    entry = component(document, "acme/llama-3.2-finetune")
    assert entry["verdict"] == "conditional"
    assert any(
        o.startswith("Applies if the model is multimodal (its card and tags do not say): ")
        for o in entry["obligations"]
    )


def test_llama33_has_no_eu_term(knowledge):
    assert "eu-multimodal" not in {clause.code for clause in knowledge.lookup("llama3.3").clauses}
    evaluation = evaluate_rule(knowledge.lookup("llama3.3"), Context(users=2_000_000, org_users=2_000_000, region="EU"))
    assert evaluation.clauses == ("acceptable-use", "attribution", "derivative-naming")


# -- NVIDIA: "Built on NVIDIA Cosmos" for Cosmos models only ---------------------------------


def test_cosmos_notice_only_for_cosmos_models(fake_hub, tmp_path):
    for repo_id in (COSMOS, NEMOTRON):
        fake_hub.add_recorded_model(repo_id)
    (tmp_path / "models.yaml").write_text(f"models:\n  - {COSMOS}\n  - {NEMOTRON}\n")
    document = scan_report(tmp_path, "--distribution", "redistribute", code=0)
    cosmos, nemotron = component(document, COSMOS), component(document, NEMOTRON)
    assert (cosmos["license"]["id"], nemotron["license"]["id"]) == ("nvidia-open-model", "nvidia-open-model")
    assert [o for o in cosmos["obligations"] if "Built on NVIDIA Cosmos" in o]
    assert not [o for o in nemotron["obligations"] if "Cosmos" in o]


# -- the facts, from the card -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "pipeline", "tags", "holds", "known"),
    [
        ("meta-llama/Llama-3.2-11B-Vision-Instruct", "image-text-to-text", [], {MULTIMODAL}, {MULTIMODAL}),
        ("acme/model", None, ["mllama"], {MULTIMODAL}, {MULTIMODAL}),
        ("acme/model", None, ["Vision"], {MULTIMODAL}, {MULTIMODAL}),
        ("acme/Llama-3.2-11B-Vision", None, None, {MULTIMODAL}, {MULTIMODAL}),
        ("acme/visionary-7b", "text-generation", None, set(), {MULTIMODAL}),  # "vision" inside a word says nothing
        ("meta-llama/Llama-3.2-3B", None, ["transformers", "text-generation"], set(), {MULTIMODAL}),
        ("meta-llama/Llama-3.2-3B", None, ["transformers", "llama"], set(), set()),  # no pipeline: undecided
        ("meta-llama/Llama-3.2-3B", None, None, set(), set()),
        ("nvidia/Cosmos-Reason1-7B", "image-text-to-text", [], {MULTIMODAL, NVIDIA_COSMOS}, {MULTIMODAL}),
        ("someone/Cosmos-1.0-Diffusion-7B-Text2World-GGUF", None, None, {NVIDIA_COSMOS}, set()),
        ("nvidia/Nemotron-4-340B-Reward", None, None, set(), set()),
    ],
)
def test_model_facts_from_name_pipeline_and_tags(name, pipeline, tags, holds, known):
    facts = derive_model_facts(name, pipeline, tags)
    assert facts == ModelFacts(holds=tuple(sorted(holds)), known=tuple(sorted(known | {NVIDIA_COSMOS})))


@pytest.mark.parametrize("facts", [["multimodal"], {"holds": "multimodal"}, {"holds": [], "known": [], "extra": []}])
def test_malformed_model_facts_in_the_lock_name_the_file_and_component(tmp_path, facts):
    from licensecheck.errors import InputError
    from licensecheck.lockfile import read_lock

    entry = {"type": "model", "name": "org/m", "license": {"id": "mit", "source": "card"}, "model_facts": facts}
    (tmp_path / LOCK_NAME).write_text(json.dumps({"lock_version": 1, "components": [entry]}))
    with pytest.raises(InputError) as caught:
        read_lock(tmp_path / LOCK_NAME, LOCK_NAME)
    assert str(caught.value) == (
        f"{LOCK_NAME}: component 1 (org/m): model_facts must be an object with lists `holds` and `known`"
    )
