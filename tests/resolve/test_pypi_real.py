"""Real PyPI answers (trimmed, tests/resolve/pypi/, see trim.py there) read end to end.

Each fixture is what pypi.org's JSON API answered for a popular package; the fake
PyPI serves it as is. The table is what a careful person reading the same
metadata concludes: the licence, where it was read, and the verdict for a
commercial network service.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import component, scan_json

from licensecheck.judge import judge_component
from licensecheck.knowledge import load_knowledge
from licensecheck.model import PACKAGE, Component, Context, Resolved
from licensecheck.resolve.pypi import newest_matching, resolve_package

FIXTURES = Path(__file__).parent / "pypi"
KNOWLEDGE = load_knowledge()
NETWORK = Context(use="commercial", distribution="network")
READING_CODES = {
    "pypi-licence-unrecognised",
    "licence-classifiers-combined",
    "licence-version-from-classifier",
    "licence-read-from-text",
    "licence-sources-disagree",
    "licence-recognised",
    "pypi-licence-text",
    "no-licence",
    "licence-unknown-id",
    "licence-unrecognised",
}

# (fixture, version, licence as reported, where it was read, verdict, what the reading says)
TABLE = [
    # The issue's table: a short `license` field that is no licence does not hide the classifiers.
    ("accelerate", "1.16.0", "Apache-2.0", "pypi:classifier", "allowed", ["pypi-licence-unrecognised"]),
    ("peft", "0.21.2", "Apache-2.0", "pypi:classifier", "allowed", ["pypi-licence-unrecognised"]),
    (
        "python-dateutil",
        "4.0.0",
        "Apache-2.0 AND BSD",
        "pypi:classifier",
        "conditional",
        ["licence-classifiers-combined", "pypi-licence-unrecognised"],
    ),
    ("reportlab", "5.1.0", "BSD", "pypi:classifier", "conditional", ["pypi-licence-unrecognised"]),
    ("jamo", "0.4.1", "Apache-2.0", "pypi:classifier", "allowed", ["pypi-licence-unrecognised"]),
    ("mysql-connector-python", "26.10.0", "GPL", "pypi:classifier", "allowed", ["pypi-licence-unrecognised"]),
    # Families without a version, refined by a classifier; the AGPL named in words.
    ("unidecode", "1.4.0", "GPL-2.0-or-later", "pypi:classifier", "allowed", ["licence-version-from-classifier"]),
    ("text-unidecode", "1.3", "Artistic", "pypi:license", "allowed", ["licence-sources-disagree"]),
    ("pymupdf", "2.1", "AGPL-3.0-only", "pypi:license", "conditional", ["licence-read-from-text"]),
    ("psycopg2", "2.9.13", "LGPL WITH exceptions", "pypi:license", "allowed", []),
    # SPDX licences and WITH exceptions the rules now know.
    ("regex", "2026.12.2", "Apache-2.0 AND CNRI-Python", "pypi:license_expression", "allowed", []),
    ("pyinstaller", "6.22.3", "GPL-2.0-or-later WITH Bootloader-exception", "pypi:license", "allowed", []),
    (
        "torch",
        "2.15.0",
        "Apache-2.0 AND Apache-2.0 WITH LLVM-exception AND BSD-2-Clause AND BSD-3-Clause AND BSL-1.0 AND ISC AND MIT AND Zlib",
        "pypi:license_expression",
        "allowed",
        [],
    ),
    ("typing-extensions", "4.16.0", "PSF-2.0", "pypi:license_expression", "allowed", []),
    ("pillow", "13.0.0", "MIT-CMU", "pypi:license_expression", "allowed", []),
    # Whole licence texts pasted into the `license` field, recognised by their wording.
    ("tiktoken", "0.14.0", "MIT", "pypi:license", "allowed", ["licence-recognised"]),
    ("wandb", "0.31.0", "MIT", "pypi:license", "allowed", ["licence-recognised"]),
    ("liger-kernel", "0.8.5", "BSD-2-Clause", "pypi:license", "allowed", ["licence-recognised"]),
    ("replicate", "1.0.7", "Apache-2.0", "pypi:license", "allowed", ["licence-recognised"]),
    # Fields that were already read, read the same.
    ("numpy", "2.5.5", "BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0", "pypi:license_expression", "allowed", []),
    ("packaging", "26.4", "Apache-2.0 OR BSD-2-Clause", "pypi:license_expression", "allowed", []),
    ("paramiko", "5.1.0", "LGPL-2.1", "pypi:license_expression", "allowed", []),
    ("requests", "2.34.2", "Apache-2.0", "pypi:license", "allowed", []),
    ("transformers", "5.25.0", "Apache-2.0", "pypi:license", "allowed", []),
    ("deepspeed", "0.19.8", "Apache-2.0", "pypi:license", "allowed", []),
    ("certifi", "2026.10.19.post1", "MPL-2.0", "pypi:license", "allowed", []),
    ("tqdm", "4.70.1", "MPL-2.0 AND MIT", "pypi:license", "allowed", []),
    ("protobuf", "7.36.2", "BSD-3-Clause", "pypi:license", "allowed", []),
    ("parameterized", "0.9.0", "FreeBSD", "pypi:license", "allowed", []),
    # Still unknown, and rightly: "Apache" with no classifier names no version; a "Public Domain"
    # classifier is not a licence.
    ("hf-doc-builder", "0.5.0", "Apache", "pypi:license", "unknown", ["licence-unknown-id"]),
    ("docutils", "0.23.1", None, "pypi:classifier", "unknown", ["licence-unrecognised"]),
]


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def test_every_fixture_is_in_the_table():
    assert sorted(path.stem for path in FIXTURES.glob("*.json")) == sorted(row[0] for row in TABLE)


@pytest.mark.parametrize(
    ("name", "version", "licence", "source", "verdict", "reading"), TABLE, ids=[row[0] for row in TABLE]
)
def test_real_metadata_reads_as_a_careful_person_reads_it(fake_hub, name, version, licence, source, verdict, reading):
    body = fixture(name)
    fake_hub.add_package_json(body)
    resolution = resolve_package(body["info"]["name"], None, timeout=5.0, knowledge=KNOWLEDGE)
    result = judge_component(Component(PACKAGE, name), Resolved(resolution), KNOWLEDGE, NETWORK)
    shown = result.resolution.licence
    assert (result.resolution.version, shown.id if shown else None, shown.source if shown else None) == (
        version,
        licence,
        source,
    )
    assert result.evaluation.verdict.value == verdict
    assert sorted({f.code for f in result.evaluation.findings} & READING_CODES) == reading


def test_the_issue_table_through_a_scan_with_the_saas_preset(fake_hub, tmp_path):
    for name in ("accelerate", "peft", "python-dateutil", "reportlab", "unidecode", "pymupdf"):
        fake_hub.add_package_json(fixture(name))
    (tmp_path / "requirements.txt").write_text(
        "accelerate\npeft>=0.10\npython-dateutil\nreportlab\nUnidecode\npymupdf\n"
    )
    (tmp_path / "licensecheck.toml").write_text('extends = "saas"\n')
    code, document = scan_json(tmp_path)
    licences = {c["name"]: (c["license"]["id"], c["verdict"]) for c in document["components"]}
    assert licences == {
        "accelerate": ("Apache-2.0", "allowed"),
        "peft": ("Apache-2.0", "allowed"),
        "python-dateutil": ("Apache-2.0 AND BSD", "conditional"),
        "reportlab": ("BSD", "conditional"),
        "unidecode": ("GPL-2.0-or-later", "allowed"),
        "pymupdf": ("AGPL-3.0-only", "denied"),  # the saas preset denies network copyleft
    }
    assert code == 1
    messages = " ".join(f["message"] for f in component(document, "pymupdf")["findings"])
    assert "licence AGPL-3.0-only is network-copyleft, a category the configuration denies (preset saas)" in messages


def test_the_newest_release_a_requirement_allows_from_a_real_release_list():
    from packaging.specifiers import SpecifierSet

    body = fixture("numpy")
    releases, latest = body["releases"], body["info"]["version"]
    assert newest_matching(releases, SpecifierSet(">=1.23,<2"), latest) == "1.26.4"
    # 0.9.6 and 0.9.8 are listed without a file: nothing to install, so nothing below 1.0 matches.
    assert releases["0.9.8"] == [] and newest_matching(releases, SpecifierSet("<1.0"), latest) is None
    assert newest_matching(releases, SpecifierSet(""), latest) == latest
    torch = fixture("torch")
    assert newest_matching(torch["releases"], SpecifierSet("==2.1.*"), torch["info"]["version"]) == "2.1.2"
