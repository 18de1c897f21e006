"""SBOMs: SPDX 2.3 (JSON and tag-value) checked by spdx-tools, CycloneDX 1.6 by its schema."""

from __future__ import annotations

import json

import pytest
from reportkit import APACHE_SHA, DEMO, invoke

from licensecheck.knowledge import load_knowledge
from licensecheck.model import (
    PACKAGE,
    Component,
    ComponentResult,
    Context,
    Evaluation,
    LicenceInfo,
    Resolution,
    ScanResult,
    Verdict,
)
from licensecheck.report import RenderOptions, renderer


def scan_text(path, format_name, *args, code: int):
    """The report of a scan in `format_name`; `code` is the exit code the scan must end with."""
    result = invoke("scan", path, "--format", format_name, *args)
    assert result.exit_code == code, result.output
    return result.stdout


# -- SPDX ------------------------------------------------------------------------------------


def parse_spdx(text: str, suffix: str, tmp_path):
    """Read the document back with spdx-tools' own parser and validate it."""
    from spdx_tools.spdx.parser.parse_anything import parse_file
    from spdx_tools.spdx.validation.document_validator import validate_full_spdx_document

    path = tmp_path / f"sbom{suffix}"
    path.write_text(text, encoding="utf-8")
    document = parse_file(str(path))
    messages = validate_full_spdx_document(document)
    assert not messages, [m.validation_message for m in messages]
    return document


@pytest.mark.parametrize("format_name, suffix", [("spdx-json", ".spdx.json"), ("spdx", ".spdx")])
def test_spdx_documents_validate(scanned, format_name, suffix, tmp_path):
    path, args = scanned
    document = parse_spdx(scan_text(path, format_name, *args, code=1), suffix, tmp_path)
    assert document.creation_info.spdx_version == "SPDX-2.3"
    assert document.packages
    described = {r.related_spdx_element_id for r in document.relationships if r.relationship_type.name == "DESCRIBES"}
    assert described == {p.spdx_id for p in document.packages}


def test_spdx_purls_licence_refs_and_lineage(mixed_repo, tmp_path):
    document = parse_spdx(scan_text(mixed_repo, "spdx-json", code=1), ".spdx.json", tmp_path)
    packages = {p.name: p for p in document.packages}

    def purl(name):
        return next(ref.locator for ref in packages[name].external_references if ref.reference_type == "purl")

    assert purl("Qwen/Qwen2.5-7B-Instruct") == f"pkg:huggingface/Qwen/Qwen2.5-7B-Instruct@{APACHE_SHA.lower()}"
    assert purl("HuggingFaceFW/fineweb").endswith("?repository_type=dataset")
    assert purl("requests") == "pkg:pypi/requests@2.32.3"
    assert packages["requests"].primary_package_purpose.name == "LIBRARY"
    assert packages["CohereForAI/c4ai-command-r-v01"].primary_package_purpose.name == "OTHER"
    assert str(packages["Qwen/Qwen2.5-7B-Instruct"].license_declared) == "Apache-2.0"
    assert str(packages["numpy"].license_declared) == "BSD-3-Clause AND MIT"
    assert str(packages["meta-llama/Llama-3.1-8B-Instruct"].license_declared) == "LicenseRef-llama3.1"
    extracted = {info.license_id: info for info in document.extracted_licensing_info}
    llama = extracted["LicenseRef-llama3.1"]
    assert llama.license_name == "Llama 3.1 Community License Agreement"
    assert llama.cross_references == ["https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE"]
    # a licence with no usable link (javascript:) is defined without one, and still validates
    strange = next(info for info in extracted.values() if "evil" in info.license_id)
    assert strange.cross_references == []
    # the own model has no licence of its own: no assertion, never a guess
    assert type(packages["acme/support-bot"].license_declared).__name__ == "SpdxNoAssertion"
    bot = next(p.spdx_id for p in document.packages if p.name == "acme/support-bot")
    assert any(r.spdx_element_id == bot and r.relationship_type.name == "DESCENDANT_OF" for r in document.relationships)


def test_spdx_is_reproducible(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first = scan_text(DEMO, "spdx-json", "--offline", code=1)
    second = scan_text(DEMO, "spdx-json", "--offline", code=1)
    assert first == second
    assert json.loads(first)["creationInfo"]["created"] == "2026-01-01T00:00:00Z"
    other_context = scan_text(DEMO, "spdx-json", "--offline", "--use", "non-commercial", code=0)
    assert json.loads(other_context)["documentNamespace"] != json.loads(first)["documentNamespace"]


def test_spdx_writer_never_leaves_an_empty_file(tmp_path, monkeypatch):
    """An invalid document is an error before anything is written, not an empty --output file."""
    from licensecheck.report import spdx

    monkeypatch.setattr(spdx, "NAMESPACE_BASE", "not a uri")
    out = tmp_path / "sbom.spdx.json"
    with pytest.raises(spdx.SpdxError, match="document_namespace"):  # the CLI turns it into exit 2
        invoke("scan", DEMO, "--offline", "--format", "spdx-json", "--output", out)
    assert not out.exists()


# -- CycloneDX -------------------------------------------------------------------------------


def validate_cyclonedx(text: str) -> dict:
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    error = JsonStrictValidator(SchemaVersion.V1_6).validate_str(text)
    assert error is None, str(error)
    return json.loads(text)


def test_cyclonedx_validator_rejects_a_broken_bom():
    with pytest.raises(AssertionError):
        validate_cyclonedx(
            json.dumps({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"type": "model"}]})
        )


def test_cyclonedx_validates(scanned):
    path, args = scanned
    bom = validate_cyclonedx(scan_text(path, "cyclonedx-json", *args, code=1))
    assert bom["specVersion"] == "1.6" and bom["serialNumber"].startswith("urn:uuid:")
    for component in bom["components"]:
        names = [p["name"] for p in component["properties"]]
        assert names.count("licensecheck:verdict") == 1


def test_cyclonedx_types_licences_and_properties(mixed_repo):
    bom = validate_cyclonedx(scan_text(mixed_repo, "cyclonedx-json", "--users", "2M", code=1))
    components = {c["name"]: c for c in bom["components"]}
    assert components["meta-llama/Llama-3.1-8B-Instruct"]["type"] == "machine-learning-model"
    assert components["HuggingFaceFW/fineweb"]["type"] == "data"
    assert components["requests"]["type"] == "library"
    assert components["requests"]["purl"] == "pkg:pypi/requests@2.32.3"
    assert components["Qwen/Qwen2.5-7B-Instruct"]["purl"].endswith("@" + APACHE_SHA.lower())
    assert components["Qwen/Qwen2.5-7B-Instruct"]["licenses"][0]["license"]["id"] == "Apache-2.0"
    assert components["numpy"]["licenses"] == [{"expression": "BSD-3-Clause AND MIT", "acknowledgement": "declared"}]
    llama = components["meta-llama/Llama-3.1-8B-Instruct"]
    assert llama["licenses"][0]["license"]["name"] == "Llama 3.1 Community License Agreement"
    properties = [(p["name"], p["value"]) for p in llama["properties"]]
    assert ("licensecheck:verdict", "conditional") in properties
    assert any(name == "licensecheck:obligation" and "Built with Llama" in value for name, value in properties)
    cohere = dict((p["name"], p["value"]) for p in components["CohereForAI/c4ai-command-r-v01"]["properties"])
    assert cohere["licensecheck:verdict"] == "denied"
    assert {"name": "licensecheck:context:users", "value": "2000000"} in bom["metadata"]["properties"]


def test_every_spdx_id_in_the_rules_is_a_valid_cyclonedx_and_spdx_licence(tmp_path):
    """Each rule's SPDX id, as a package licence, must pass both validators (their SPDX lists differ in age)."""
    knowledge = load_knowledge()
    results = tuple(
        ComponentResult(
            Component(PACKAGE, f"pkg-{index}", revision="1.0"),
            Resolution(version="1.0", licence=LicenceInfo(id=rule.spdx, source="pypi:license_expression")),
            Evaluation(Verdict.ALLOWED),
        )
        for index, rule in enumerate(r for r in knowledge.rules if r.spdx)
    )
    result = ScanResult(Context(), results)
    options = RenderOptions(knowledge=knowledge)
    validate_cyclonedx(renderer("cyclonedx-json")(result, options))
    parse_spdx(renderer("spdx-json")(result, options), ".spdx.json", tmp_path)
