"""SBOMs in: CycloneDX JSON 1.4-1.6 and SPDX 2.3 JSON.

assets/sbom/uv.cdx.json was written by `uv export --format cyclonedx1.5`;
models.cdx-1.6.json by cyclonedx-python-lib; service.spdx.json by spdx-tools
(validated on write).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from licensecheck.errors import InputError
from licensecheck.sources.sbom import read_sbom

ASSETS = Path(__file__).parent / "assets" / "sbom"


def test_uv_cyclonedx_export_lists_pypi_packages_with_versions():
    components, notices = read_sbom(ASSETS / "uv.cdx.json", "uv.cdx.json")
    found = {c.name: c.revision for c in components}
    assert found["requests"] == "2.34.2" and found["pyyaml"] == "6.0.4"
    assert "demo-service" not in found  # metadata.component: the product itself
    assert {c.type for c in components} == {"package"}
    assert notices == []
    lines = (ASSETS / "uv.cdx.json").read_text().split("\n")
    requests = next(c for c in components if c.name == "requests")
    assert '"purl": "pkg:pypi/requests@2.34.2"' in lines[requests.locations[0].line - 1]


def test_cyclonedx_models_datasets_and_what_is_not_checked():
    components, notices = read_sbom(ASSETS / "models.cdx-1.6.json", "sbom/models.cdx-1.6.json")
    found = {(c.type, c.name): c.revision for c in components}
    assert found == {
        ("model", "meta-llama/Llama-3.1-8B-Instruct"): "0e9e39f249a16976918f6564b8830bc894c89659",
        ("dataset", "allenai/c4"): None,
        ("package", "requests"): "2.32.3",
    }
    [notice] = notices
    assert notice.code == "sbom-not-checked"
    assert "sbom/models.cdx-1.6.json: 2 component(s) not checked" in notice.message
    assert "1 npm (e.g. left-pad)" in notice.message and "1 no purl (e.g. vendored-blob)" in notice.message


def test_spdx_packages_by_purl_without_the_described_product():
    components, notices = read_sbom(ASSETS / "service.spdx.json", "service.spdx.json")
    found = {(c.type, c.name): c.revision for c in components}
    assert found == {
        ("model", "google/gemma-2-9b-it"): "11c9b309abf73637e4b6f9a3fa1e92e615547819",
        ("package", "urllib3"): "2.2.3",
    }
    assert "1 maven (e.g. guava)" in notices[0].message


def test_nested_cyclonedx_components_and_dataset_namespaces(tmp_path):
    document = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.4",
        "components": [
            {
                "type": "application",
                "name": "bundle",
                "components": [
                    {
                        "type": "machine-learning-model",
                        "name": "gpt2",
                        "purl": "pkg:huggingface/gpt2@607a30d783dfa663caf39e06633721c8d4cfcd7e",
                    },
                    {"type": "data", "name": "wiki", "purl": "pkg:huggingface/datasets/wikimedia/wikipedia"},
                    {"type": "library", "name": "Foo_Bar", "purl": "pkg:pypi/Foo_Bar@1.0"},
                ],
            }
        ],
    }
    path = tmp_path / "bom.json"
    path.write_text(json.dumps(document))
    components, notices = read_sbom(path, "bom.json")
    assert [(c.type, c.name, c.revision) for c in components] == [
        ("model", "gpt2", "607a30d783dfa663caf39e06633721c8d4cfcd7e"),
        ("dataset", "wikimedia/wikipedia", None),
        ("package", "foo-bar", "1.0"),
    ]
    assert [n.message for n in notices] == [
        "bom.json: 1 component(s) not checked: licensecheck checks pkg:huggingface and pkg:pypi components only; not checked: 1 no purl (e.g. bundle)"
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('{"bomFormat": "CycloneDX", "specVersion": "1.4",\n "components": [\n', 3, "invalid JSON"),
        ("[1, 2]", None, "expected a JSON object"),
        ('{"name": "x"}', None, "neither a CycloneDX document"),
        ('{"bomFormat": "CycloneDX",\n "specVersion": "1.2"}', 2, "unsupported CycloneDX `specVersion` '1.2'"),
        ('{"bomFormat": "SWID", "specVersion": "1.5"}', None, "expected 'CycloneDX'"),
        (
            '{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": {"a": 1}}',
            None,
            "`components` must be a list",
        ),
        (
            '{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [3]}',
            None,
            "`components[0]` must be an object",
        ),
        (
            '{"bomFormat": "CycloneDX", "specVersion": "1.5",\n"components": [{"name": "x",\n"purl": "huggingface/x"}]}',
            3,
            "invalid package URL 'huggingface/x'",
        ),
        (
            '{"bomFormat": "CycloneDX", "specVersion": "1.5",\n"components": [{"name": "x",\n"purl": "pkg:huggingface/a/b/c"}]}',
            3,
            "does not name a Hub repository",
        ),
        ('{"spdxVersion": "SPDX-2.2", "packages": []}', 1, "reads SPDX 2.3 JSON"),
        (
            '{"spdxVersion": "SPDX-2.3", "packages": [{"name": "x", "externalRefs": {}}]}',
            1,
            "`packages[0].externalRefs` must be a list",
        ),
    ],
)
def test_malformed_sboms_are_input_errors(tmp_path, text, line, message):
    path = tmp_path / "bom.json"
    path.write_text(text)
    with pytest.raises(InputError) as raised:
        read_sbom(path, "bom.json")
    assert raised.value.path == "bom.json"
    assert raised.value.line == line
    assert message in raised.value.message
