"""`--purpose`, `purposes = [...]` and `licensecheck purposes`, end to end through the fake Hub.

A project declares what it uses its models for; the licences' use restrictions and
output terms decide. The models carry their real cards' licence fields.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import component, scan, scan_json, scan_report
from click.testing import CliRunner

from licensecheck.cli import main

SD = "runwayml/stable-diffusion-v1-5"  # creativeml-openrail-m
LLAMA3 = "meta-llama/Meta-Llama-3-8B-Instruct"  # llama3
LLAMA3_FINETUNE = "acme/llama3-chat-finetune"  # a Hub fine-tune declaring llama3 itself, base_model LLAMA3
LLAMA31 = "meta-llama/Llama-3.1-8B-Instruct"  # llama3.1
PHI = "microsoft/phi-4"  # mit
WHISPER = "openai/whisper-large-v3"  # apache-2.0
ALL_PURPOSES = [
    "medical-advice",
    "legal-advice",
    "financial-advice",
    "military",
    "surveillance",
    "biometric-identification",
    "law-enforcement",
    "automated-decisions",
    "critical-infrastructure",
    "train-other-models",
    "synthetic-content-undisclosed",
    "minors",
]


@pytest.fixture
def project(fake_hub, tmp_path):
    fake_hub.add_model(SD, {"license": "creativeml-openrail-m"})
    fake_hub.add_model(LLAMA3, {"license": "llama3"}, gated="manual")
    fake_hub.add_model(
        LLAMA3_FINETUNE, {"license": "apache-2.0", "base_model": LLAMA3, "base_model_relation": "finetune"}
    )
    fake_hub.add_model(LLAMA31, {"license": "llama3.1"}, gated="manual")
    fake_hub.add_model(PHI, {"license": "mit"})
    fake_hub.add_model(WHISPER, {"license": "apache-2.0"})
    (tmp_path / "models.yaml").write_text(
        "models:\n" + "".join(f"  - {m}\n" for m in (SD, LLAMA3, LLAMA3_FINETUNE, LLAMA31, PHI, WHISPER))
    )
    return tmp_path


def purposes(*ids: str) -> list[str]:
    return [arg for purpose in ids for arg in ("--purpose", purpose)]


def test_medical_advice_with_creativeml_openrail_m_is_denied_by_attachment_a(project):
    code, document = scan_json(project, *purposes("medical-advice"))
    assert code == 1
    sd = component(document, SD)
    assert sd["verdict"] == "denied"
    (reason,) = [f for f in sd["findings"] if f["severity"] == "error"]
    assert reason == {
        "severity": "error",
        "code": "purpose-medical-advice",
        "message": "Declared purpose medical-advice: Attachment A forbids using the model or its derivatives to provide "
        "medical advice or to interpret medical results. [creativeml-openrail-m Attachment A (10th "
        "restriction); https://github.com/CompVis/stable-diffusion/blob/main/LICENSE]",
    }
    assert document["context"]["purposes"] == ["medical-advice"]
    assert document["context"]["sources"]["purposes"] == "cli"
    assert "purposes_unchecked" not in document
    # Llama 3 forbids only the unlicensed practice of medicine: to confirm, not denied.
    assert component(document, LLAMA3)["verdict"] == "conditional"
    assert any(
        o.startswith("Applies to declared purpose medical-advice, if the practice is unauthorised or unlicensed")
        for o in component(document, LLAMA3)["obligations"]
    )


def test_training_other_models_denied_by_llama3_and_its_finetune_conditional_under_llama31(project):
    code, document = scan_json(project, *purposes("train-other-models"))
    assert code == 1
    verdicts = {c["name"]: c["verdict"] for c in document["components"]}
    assert verdicts == {
        SD: "conditional",
        LLAMA3: "denied",
        LLAMA3_FINETUNE: "denied",
        LLAMA31: "conditional",
        PHI: "allowed",
        WHISPER: "allowed",
    }
    finetune = component(document, LLAMA3_FINETUNE)
    assert [f["message"] for f in finetune["findings"] if f["code"] == "purpose-training-other-llms"] == [
        f"from {LLAMA3} (llama3): Declared purpose train-other-models: Using Meta Llama 3, or its outputs or results, "
        "to improve any other large language model is not licensed; only Meta Llama 3 and its derivative works may be "
        "improved with them. [llama3 1.b.v; https://github.com/meta-llama/llama3/blob/main/LICENSE]"
    ]
    assert any(
        "Declared purpose train-other-models" in o and 'name must begin with "Llama"' in o
        for o in component(document, LLAMA31)["obligations"]
    )


def test_mit_and_apache_models_are_unaffected_by_every_purpose(project):
    plain = scan_report(project, code=0)
    declared = scan_report(project, *purposes(*ALL_PURPOSES), code=1)
    judged = ("license", "verdict", "obligations", "findings")
    for name in (PHI, WHISPER):
        assert {key: component(declared, name)[key] for key in judged} == {
            key: component(plain, name)[key] for key in judged
        }
        assert component(declared, name)["verdict"] == "allowed" and not component(declared, name)["findings"]
    assert declared["context"]["purposes"] == sorted(ALL_PURPOSES)


def test_without_a_purpose_the_report_is_unchanged_and_names_what_was_not_checked(project):
    code, document = scan_json(project)
    assert code == 0
    assert "purposes" not in document["context"] and "purposes" not in document["context"]["sources"]
    assert [(e["license"], e["components"]) for e in document["purposes_unchecked"]] == [
        ("creativeml-openrail-m", [SD]),
        ("llama3", [LLAMA3_FINETUNE, LLAMA3]),
        ("llama3.1", [LLAMA31]),
    ]
    assert document["purposes_unchecked"][0]["purposes"] == [
        "automated-decisions",
        "biometric-identification",
        "law-enforcement",
        "medical-advice",
        "minors",
        "surveillance",
        "train-other-models",
    ]
    text = scan(project).stdout
    assert "no purpose declared" not in text and "purpose" not in text.splitlines()[0]
    verbose = scan(project, "-v").stdout.splitlines()
    start = verbose.index(
        "info: no purpose declared, so these licences' use restrictions and output terms were not checked (declare "
        "them with --purpose ID or `purposes` in the configuration; `licensecheck purposes` lists the ids):"
    )
    assert verbose[start + 1] == (
        f"  creativeml-openrail-m ({SD}): automated-decisions, biometric-identification, law-enforcement, "
        "medical-advice, minors, surveillance, train-other-models"
    )


def test_the_text_report_names_the_declared_purposes_in_its_context_line(project):
    result = scan(project, *purposes("military", "minors"))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].endswith("region not given, for military and minors")
    assert "no purpose declared" not in scan(project, "-v", *purposes("minors")).stdout


def test_purposes_from_the_configuration_and_the_flags_over_them(project):
    (project / "licensecheck.toml").write_text('purposes = ["train-other-models"]\n')
    document = scan_report(project, code=1)
    assert document["context"]["purposes"] == ["train-other-models"]
    assert document["context"]["sources"]["purposes"] == "config"
    assert component(document, LLAMA3)["verdict"] == "denied"
    flagged = scan_report(project, *purposes("minors"), code=0)
    assert flagged["context"]["purposes"] == ["minors"]
    assert flagged["context"]["sources"]["purposes"] == "cli"
    assert component(flagged, LLAMA3)["verdict"] == "conditional"


def test_an_unknown_purpose_is_a_usage_error_with_the_closest_ids(project):
    result = scan(project, "--purpose", "medcal-advice")
    assert result.exit_code == 2
    assert "'medcal-advice' is not a purpose licensecheck knows; did you mean medical-advice?" in result.output
    (project / "licensecheck.toml").write_text('use = "commercial"\npurposes = [\n  "minors",\n  "milltary",\n]\n')
    result = scan(project)
    assert result.exit_code == 2
    assert (
        "licensecheck.toml:4: `purposes` names an unknown purpose: 'milltary' is not a purpose licensecheck "
        "knows; did you mean military?"
    ) in result.output


def test_an_exception_waives_a_purpose_denial(project):
    (project / "licensecheck.toml").write_text(
        'purposes = ["train-other-models"]\n'
        '[[exceptions]]\ncomponent = "meta-llama/Meta-Llama-3-8B-Instruct"\nreason = "Meta agreement LEG-7"\n'
        'owner = "legal@acme.example"\nexpires = 2099-12-31\n'
    )
    document = scan_report(project, code=1)
    llama3 = component(document, LLAMA3)
    assert llama3["verdict"] == "conditional"
    assert llama3["exception"] == {
        "reason": "Meta agreement LEG-7",
        "owner": "legal@acme.example",
        "expires": "2099-12-31",
    }
    waived = [f for f in llama3["findings"] if f["code"] == "purpose-training-other-llms"]
    assert [f["severity"] for f in waived] == ["info"] and waived[0]["message"].startswith(
        "waived by exception: Declared"
    )
    assert component(document, LLAMA3_FINETUNE)["verdict"] == "denied"  # the exception names the base only


def test_explain_component_shows_the_purpose_decision(project):
    result = CliRunner().invoke(
        main,
        ["explain", LLAMA3_FINETUNE, "--path", str(project), "--purpose", "train-other-models"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "  purposes: train-other-models (from the command line)" in lines
    assert (
        f"  llama3 of {LLAMA3} purpose-training-other-llms [deny] when: for declared purpose train-other-models"
        in lines
    )
    assert "Verdict: DENIED" in lines


def test_explain_licence_with_a_purpose(fake_hub):
    result = CliRunner().invoke(
        main, ["explain", "gemma", "--purpose", "automated-decisions", "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["verdict"] == "denied" and document["context"]["purposes"] == ["automated-decisions"]
    term = next(t for t in document["terms"] if t["code"] == "purpose-automated-decisions")
    assert term["status"] == "applies" and term["source"] == "https://ai.google.dev/gemma/prohibited_use_policy"


def test_purposes_command_lists_the_taxonomy(fake_hub):
    runner = CliRunner()
    text = runner.invoke(main, ["purposes"], catch_exceptions=False)
    assert text.exit_code == 0
    lines = text.stdout.splitlines()
    assert (
        lines[
            lines.index("critical-infrastructure: Operating critical infrastructure, transport or heavy machinery.") + 1
        ]
        == "  prohibited by: fair-noncommercial-research-license, llama2, llama3, llama3.1, llama3.2, llama3.3, llama4"
    )
    one = runner.invoke(main, ["purposes", "minors", "--format", "json"], catch_exceptions=False)
    assert one.exit_code == 0
    assert json.loads(one.stdout) == {
        "schema_version": 1,
        "purposes": [
            {
                "id": "minors",
                "description": "A product or service directed at children.",
                "prohibited_by": [],
                "conditioned_by": [
                    "bigcode-openrail-m",
                    "bigscience-bloom-rail-1.0",
                    "bigscience-openrail-m",
                    "creativeml-openrail-m",
                    "deepseek",
                    "faipl-1.0-sd",
                    "fair-noncommercial-research-license",
                    "falcon-180b",
                    "llama2",
                    "llama3",
                    "llama3.1",
                    "llama3.2",
                    "llama3.3",
                    "llama4",
                    "minicpm-model",
                    "openrail",
                    "openrail++",
                    "tencent-hunyuan-community",
                ],
            }
        ],
    }
    unknown = runner.invoke(main, ["purposes", "survelance"])
    assert unknown.exit_code == 2
    assert "'survelance' is not a purpose licensecheck knows; did you mean surveillance?" in unknown.output


def test_the_readme_worked_example_is_what_the_demo_prints(monkeypatch):
    """README's excerpt: every line shown is printed, in that order ("[...]" stands for lines left out)."""
    monkeypatch.setenv("NO_COLOR", "1")
    root = Path(__file__).parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Purposes (intended use)", 1)[1].split("\n## ", 1)[0]
    command = "$ licensecheck scan examples/demo --users 2M --purpose medical-advice\n"
    excerpt = section.split("```text\n" + command, 1)[1].split("```", 1)[0].splitlines()
    result = CliRunner().invoke(
        main, ["scan", str(root / "examples" / "demo"), "--users", "2M", "--purpose", "medical-advice", "--offline"]
    )
    assert result.exit_code == 1
    printed = iter(result.stdout.splitlines())
    shown = [line for line in excerpt if line != "[...]"]
    assert len(shown) == 7
    for line in shown:
        assert any(line == candidate for candidate in printed), line
