"""Baselines: record today's problems, then fail only on what is new."""

from __future__ import annotations

import json

import pytest
from cli_helpers import by_name, scan, scan_json

from licensecheck.baseline import BaselineEntry, apply_baseline, baseline_entries, read_baseline
from licensecheck.errors import InputError
from licensecheck.findings import HUB_UNREACHABLE, LICENCE_DENIED
from licensecheck.model import (
    MODEL,
    Code,
    Component,
    ComponentResult,
    Context,
    Evaluation,
    Finding,
    LicenceInfo,
    Resolution,
    ScanResult,
    Severity,
    Verdict,
)
from licensecheck.report.baseline import render_baseline


@pytest.fixture
def project(fake_hub, tmp_path):
    (tmp_path / ".git").mkdir()
    fake_hub.add_model("CohereForAI/c4ai-command-r-v01", {"license": "cc-by-nc-4.0"})
    fake_hub.add_model("acme/mystery", {"license": "acme-proprietary-9"})
    fake_hub.add_model("microsoft/phi-4", {"license": "mit"})
    fake_hub.add_model(
        "black-forest-labs/FLUX.1-dev", {"license": "other", "license_name": "flux-1-dev-non-commercial-license"}
    )
    (tmp_path / "models.yaml").write_text(
        "models:\n  - CohereForAI/c4ai-command-r-v01\n  - acme/mystery\n  - microsoft/phi-4\n"
    )
    return tmp_path


def test_round_trip_records_today_and_fails_only_on_what_is_new(project):
    baseline = project / "licensecheck-baseline.json"
    assert scan(project).exit_code == 1  # before: the gate fails

    written = scan(project, "--write-baseline", str(baseline))
    assert written.exit_code == 0, written.output
    assert written.stderr == f"wrote {baseline}: 2 problem(s) recorded\n"
    document = json.loads(baseline.read_text())
    assert document == {
        "entries": [
            {
                "code": "licence-unknown-id",
                "component": "acme/mystery",
                "license": "acme-proprietary-9",
                "type": "model",
            },
            {
                "code": "non-commercial",
                "component": "cohereforai/c4ai-command-r-v01",
                "license": "cc-by-nc-4.0",
                "type": "model",
            },
        ],
        "licensecheck_baseline": 1,
    }
    # Stable: the same scan writes the same bytes.
    before = baseline.read_bytes()
    scan(project, "--write-baseline", str(baseline))
    assert baseline.read_bytes() == before

    code, report = scan_json(project, "--baseline", str(baseline))
    assert code == 0
    components = by_name(report)
    assert components["CohereForAI/c4ai-command-r-v01"]["verdict"] == "denied"  # still reported as it is...
    assert components["CohereForAI/c4ai-command-r-v01"]["baselined"] is True  # ...but known
    assert components["acme/mystery"]["baselined"] is True
    assert components["microsoft/phi-4"]["baselined"] is False
    assert any(n["code"] == "baseline" and "2 component(s)" in n["message"] for n in report["notices"])

    # Something new: a second non-commercial model. Only it fails the run.
    (project / "models.yaml").write_text(
        "models:\n  - CohereForAI/c4ai-command-r-v01\n  - acme/mystery\n  - microsoft/phi-4\n  - black-forest-labs/FLUX.1-dev\n"
    )
    code, report = scan_json(project, "--baseline", str(baseline))
    assert code == 1
    components = by_name(report)
    assert components["black-forest-labs/FLUX.1-dev"]["baselined"] is False
    assert components["CohereForAI/c4ai-command-r-v01"]["baselined"] is True


def test_text_report_marks_baselined_components_and_quiet_hides_them(project):
    baseline = project / "b.json"
    scan(project, "--write-baseline", str(baseline))
    text = scan(project, "--baseline", str(baseline)).stdout
    assert "model CohereForAI/c4ai-command-r-v01" in text and "[baselined]" in text
    quiet = scan(project, "--baseline", str(baseline), "-q").stdout
    assert "CohereForAI" not in quiet


def test_a_licence_change_is_new(project, fake_hub, monkeypatch, tmp_path_factory):
    baseline = project / "b.json"
    scan(project, "--write-baseline", str(baseline))
    fake_hub.add_model("CohereForAI/c4ai-command-r-v01", {"license": "cc-by-nc-sa-4.0"})
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(tmp_path_factory.mktemp("fresh-cache")))
    code, report = scan_json(project, "--baseline", str(baseline))
    assert code == 1 and by_name(report)["CohereForAI/c4ai-command-r-v01"]["baselined"] is False
    assert any(n["code"] == "baseline-stale" for n in report["notices"])


def test_fixed_problems_are_reported_as_stale(project):
    baseline = project / "b.json"
    scan(project, "--write-baseline", str(baseline))
    (project / "models.yaml").write_text("models:\n  - microsoft/phi-4\n")
    code, report = scan_json(project, "--baseline", str(baseline))
    assert code == 0
    (stale,) = [n for n in report["notices"] if n["code"] == "baseline-stale"]
    assert "2 recorded problem(s) no longer occur" in stale["message"]


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "not a baseline: invalid JSON"),
        ('{"entries": []}', "not a licensecheck baseline"),
        ('{"licensecheck_baseline": 1, "entries": [{"type": "model"}]}', "entry 1 must have"),
    ],
)
def test_a_bad_baseline_is_exit_2_naming_the_file(project, content, message):
    baseline = project / "bad.json"
    baseline.write_text(content)
    result = scan(project, "--baseline", str(baseline))
    assert result.exit_code == 2 and "bad.json" in result.stderr and message in result.stderr


def test_a_missing_baseline_is_exit_2(project):
    result = scan(project, "--baseline", str(project / "nope.json"))
    assert result.exit_code == 2 and "nope.json" in result.stderr


def _item(name: str, verdict: Verdict, *findings: Finding, licence: str | None = "x") -> ComponentResult:
    return ComponentResult(
        Component(MODEL, name),
        Resolution(licence=LicenceInfo(licence, "card") if licence else None),
        Evaluation(verdict, findings=findings),
    )


def test_network_failures_are_never_recorded():
    result = ScanResult(
        Context(),
        (
            _item("a/unreachable", Verdict.UNKNOWN, Finding(Severity.ERROR, HUB_UNREACHABLE, "no"), licence=None),
            _item("a/denied", Verdict.DENIED, Finding(Severity.ERROR, Code("non-commercial"), "no")),
        ),
    )
    assert baseline_entries(result) == [BaselineEntry(MODEL, "a/denied", "non-commercial", "x")]
    marked = apply_baseline(result, frozenset(baseline_entries(result)), "b.json")
    assert [i.baselined for i in marked.components] == [False, True]


def test_a_component_is_baselined_only_when_every_problem_is_recorded():
    two = _item(
        "a/b",
        Verdict.DENIED,
        Finding(Severity.ERROR, Code("non-commercial"), "x"),
        Finding(Severity.ERROR, LICENCE_DENIED, "y"),
    )
    partial = frozenset({BaselineEntry(MODEL, "a/b", "non-commercial", "x")})
    assert apply_baseline(ScanResult(Context(), (two,)), partial, "b").components[0].baselined is False


def test_render_and_read_round_trip(tmp_path):
    entries = [BaselineEntry(MODEL, "a/b", "c", None), BaselineEntry("package", "z", "licence-denied", "MIT")]
    path = tmp_path / "b.json"
    path.write_text(render_baseline(entries))
    assert read_baseline(path, "b.json") == frozenset(entries)
    path.write_text('{"licensecheck_baseline": 1, "entries": "x"}')
    with pytest.raises(InputError, match="b.json: `entries` must be a list"):
        read_baseline(path, "b.json")
