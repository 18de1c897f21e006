"""Regional terms end to end: `scan --region` on the Llama models whose use policy excludes the EU.

Llama 4 (all multimodal): no licence for individuals domiciled, or companies with
their principal place of business, in the EU -> denied there. Llama 3.2: only its
multimodal (Vision) models are excluded; the licence id does not say which model
it is, the model's card and tags do (issue 15): the Vision model is denied in the
EU, the text model is not affected. Without --region, the regional term of the
multimodal models stays an obligation to confirm. The Llama 3.2 cards are real
(tests/data/hub_cards/cards.json says where each comes from).
"""

from __future__ import annotations

import pytest
from cli_helpers import by_name, scan, scan_json, scan_report

LLAMA4 = "meta-llama/Llama-4-Scout-17B-16E-Instruct"
LLAMA32_VISION = "meta-llama/Llama-3.2-11B-Vision-Instruct"
LLAMA32_TEXT = "meta-llama/Llama-3.2-3B"
# region -> verdicts of (Llama 4, Llama 3.2 vision, Llama 3.2 text) as a SaaS with 2M users
TABLE = {
    "EU": ("denied", "denied", "conditional"),
    "FR": ("denied", "denied", "conditional"),
    "de": ("denied", "denied", "conditional"),  # case does not matter
    "US": ("conditional", "conditional", "conditional"),
    "CH": ("conditional", "conditional", "conditional"),  # in Europe, not in the EU
    None: ("conditional", "conditional", "conditional"),
}


@pytest.fixture
def llamas(fake_hub, tmp_path):
    fake_hub.add_model(LLAMA4, {"license": "llama4"}, gated="manual")
    fake_hub.add_recorded_model(LLAMA32_VISION)
    fake_hub.add_recorded_model(LLAMA32_TEXT)
    (tmp_path / "models.yaml").write_text(f"models:\n  - {LLAMA4}\n  - {LLAMA32_VISION}\n  - {LLAMA32_TEXT}\n")
    return tmp_path


def scan_in(path, region: str | None) -> tuple[int, dict[str, dict]]:
    """Exit code and components by name of a scan as a SaaS with 2M users, in `region` (None: not given)."""
    code, document = scan_json(path, "--users", "2M", *(["--region", region] if region else []))
    return code, by_name(document)


def eu_terms(component: dict) -> list[str]:
    return [o for o in component["obligations"] if "EU" in o] + [
        f["message"] for f in component["findings"] if f["code"] == "eu-multimodal"
    ]


@pytest.mark.parametrize("region", list(TABLE), ids=str)
def test_verdicts_by_region(llamas, region):
    code, components = scan_in(llamas, region)
    assert tuple(components[m]["verdict"] for m in (LLAMA4, LLAMA32_VISION, LLAMA32_TEXT)) == TABLE[region]
    assert code == (1 if "denied" in TABLE[region] else 0)


def test_in_the_eu_llama4_is_denied_with_the_reason_and_its_source(llamas):
    _, components = scan_in(llamas, "FR")
    (reason,) = [f for f in components[LLAMA4]["findings"] if f["code"] == "eu-multimodal"]
    assert reason["severity"] == "error" and "principal place of business" in reason["message"]
    assert "[llama4 Acceptable Use Policy" in reason["message"]
    # Llama 3.2: the Vision model is denied for its clause; the text model is not affected at all.
    (vision,) = [f for f in components[LLAMA32_VISION]["findings"] if f["code"] == "eu-multimodal"]
    assert vision["severity"] == "error" and "[llama3.2 Acceptable Use Policy" in vision["message"]
    assert eu_terms(components[LLAMA32_TEXT]) == []


def test_outside_the_eu_the_regional_term_disappears(llamas):
    _, components = scan_in(llamas, "US")
    assert all(eu_terms(components[m]) == [] for m in (LLAMA4, LLAMA32_VISION, LLAMA32_TEXT))


def test_without_region_the_regional_term_is_an_obligation_to_confirm(llamas):
    _, components = scan_in(llamas, None)
    for model in (LLAMA4, LLAMA32_VISION):
        (duty,) = eu_terms(components[model])
        assert duty.startswith("Applies in EU (give --region)")
    assert not any(f["severity"] == "error" for f in components[LLAMA4]["findings"])
    assert eu_terms(components[LLAMA32_TEXT]) == []  # its card says text-generation


def test_the_report_states_the_region(llamas):
    result = scan(llamas, "--region", "fr", "--users", "2M")
    assert "region FR" in result.stdout.splitlines()[0]
    document = scan_report(llamas, "--region", "fr", code=1)
    assert document["context"]["region"] == "FR"


@pytest.mark.parametrize("region", ["Europe", "E", "123", "EUR"])
def test_a_region_that_is_not_a_country_code_is_a_usage_error(llamas, region):
    result = scan(llamas, "--region", region)
    assert result.exit_code == 2 and "--region" in result.output
