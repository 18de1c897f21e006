"""The pure core of `compare` and `suggest` (licensecheck/choose.py) and their text layout."""

from __future__ import annotations

from licensecheck.choose import candidate_row, deciding_reason, pick_alternatives, similar
from licensecheck.findings import EXCEPTION_APPLIED, LICENCE_LAUNDERING
from licensecheck.knowledge import load_knowledge
from licensecheck.model import (
    MODEL,
    Code,
    Component,
    ComponentResult,
    Context,
    Evaluation,
    Finding,
    LicenceInfo,
    Obligation,
    Resolution,
    ScanResult,
    Severity,
    Verdict,
)
from licensecheck.resolve.hub_listing import HubModel, hub_model

KNOWLEDGE = load_knowledge()


def judged(name: str, licence: str | None, verdict: Verdict, **evaluation) -> ComponentResult:
    return ComponentResult(
        Component(MODEL, name),
        Resolution(licence=LicenceInfo(licence, "card") if licence else None),
        Evaluation(verdict, **evaluation),
    )


def test_similar_keeps_sizes_within_a_factor_of_two_and_the_most_downloaded_first():
    model = HubModel("org/model", parameters=8_000)
    listed = [
        HubModel("a/half", parameters=4_000, downloads=1),
        HubModel("a/under", parameters=3_999, downloads=9),
        HubModel("a/double", parameters=16_000, downloads=5),
        HubModel("a/over", parameters=16_001, downloads=9),
        HubModel("a/unsized", downloads=9),
        HubModel("ORG/MODEL", parameters=8_000, downloads=9),
        HubModel("A/HALF", parameters=4_000, downloads=3),
    ]
    assert [m.id for m in similar(listed, model)] == ["a/double", "a/half"]
    assert [m.id for m in similar(listed, HubModel("org/model"))] == [
        "a/under",
        "a/over",
        "a/unsized",
        "a/double",
        "a/half",
    ]


def test_pick_alternatives_keeps_allowed_and_conditional_in_order_up_to_the_limit():
    candidates = [
        HubModel(name, downloads=d, parameters=7)
        for name, d in (("a/1", 9), ("a/2", 8), ("a/3", 7), ("a/4", 6), ("a/5", 5))
    ]
    result = ScanResult(
        Context(),
        (
            judged("a/1", None, Verdict.UNKNOWN),
            judged("a/2", "llama3.1", Verdict.CONDITIONAL),
            judged("a/3", "cc-by-nc-4.0", Verdict.DENIED),
            judged("A/4", "mit", Verdict.ALLOWED),
            judged("a/5", "mit", Verdict.ALLOWED),
        ),
    )
    picked = pick_alternatives(candidates, result, 2)
    assert [(a.id, a.licence, a.verdict, a.downloads) for a in picked] == [
        ("a/2", "llama3.1", Verdict.CONDITIONAL, 8),
        ("a/4", "mit", Verdict.ALLOWED, 6),
    ]


def test_deciding_reason():
    deny = Finding(Severity.ERROR, Code("non-commercial"), "commercial use is not allowed")
    laundering = Finding(Severity.ERROR, LICENCE_LAUNDERING, "declares a looser licence")
    item = judged("a/b", "x", Verdict.DENIED, findings=(laundering, deny), clauses=("non-commercial",))
    assert deciding_reason(item) == "commercial use is not allowed"
    applied = Finding(Severity.INFO, EXCEPTION_APPLIED, "allowed by exception: 'contract'")
    duty = (Obligation("attribution", "o", "x"),)
    assert deciding_reason(judged("a/b", "x", Verdict.CONDITIONAL, findings=(applied,), duties=duty)) == applied.message
    assert deciding_reason(judged("a/b", "x", Verdict.CONDITIONAL, duties=duty)) == "may be used with 1 obligation"
    assert deciding_reason(judged("a/b", None, Verdict.UNKNOWN)) == "the licence could not be determined"


def test_candidate_row_thresholds_regions_and_duties():
    from licensecheck.evaluate import evaluate_rule

    rule = KNOWLEDGE.lookup("llama3.2")
    context = Context(users=None, region=None)
    evaluation = evaluate_rule(rule, context)
    item = ComponentResult(
        Component(MODEL, "meta-llama/Llama-3.2-3B"),
        Resolution(licence=LicenceInfo("llama3.2", "card"), gated="manual"),
        evaluation,
    )
    row = candidate_row(item, context, KNOWLEDGE.lookup)
    assert [t.describe() for t in row.thresholds] == [
        "llama3.2: monthly active users of the organisation and its affiliates above 700,000,000 (not given: confirm)"
    ]
    assert [t.describe() for t in row.regional] == ["llama3.2: in EU (region not given: confirm)"]
    assert row.duties == ("attribution", "naming", "use policy")  # the threshold and the EU term have their columns
    assert row.gated == "manual"


def test_hub_model_reads_only_what_it_can_trust():
    assert hub_model(
        {
            "id": "a/b",
            "downloads": 5,
            "safetensors": {"total": 7},
            "pipeline_tag": "text-generation",
            "library_name": "transformers",
        }
    ) == HubModel("a/b", "text-generation", "transformers", 7, 5)
    assert hub_model(
        {
            "id": "a/b",
            "downloads": -1,
            "safetensors": {"total": True},
            "pipeline_tag": "x\x1b[2J",
            "library_name": ["x"],
        }
    ) == HubModel("a/b")
    assert hub_model({"id": "../etc/passwd"}) is None and hub_model("a/b") is None


def test_compare_text_wraps_within_100_columns():
    from licensecheck.choose import candidate_rows
    from licensecheck.report.choice import compare_text

    long_name = "org/" + "very-long-model-name-" * 5
    reason = Finding(Severity.ERROR, Code("non-commercial"), "word " * 80)
    result = ScanResult(
        Context(),
        (
            judged(
                long_name,
                "cc-by-nc-4.0-but-longer-than-the-column",
                Verdict.DENIED,
                findings=(reason,),
                clauses=("non-commercial",),
            ),
        ),
    )
    text = compare_text(result, candidate_rows(result, KNOWLEDGE.lookup))
    lines = text.splitlines()
    assert max(map(len, lines)) <= 100
    assert " denied " in next(line + " " for line in lines if line.startswith("org/"))
    assert " ".join(text.split()).count("word") == 80  # wrapped, never cut


def test_candidate_row_names_the_declared_purpose_a_duty_comes_from():
    from licensecheck.evaluate import evaluate_rule

    context = Context(purposes=("train-other-models",))
    evaluation = evaluate_rule(KNOWLEDGE.lookup("llama3.1"), context)
    item = ComponentResult(
        Component(MODEL, "meta-llama/Llama-3.1-8B-Instruct"),
        Resolution(licence=LicenceInfo("llama3.1", "card")),
        evaluation,
    )
    row = candidate_row(item, context, KNOWLEDGE.lookup)
    assert row.duties == ("attribution", "naming", "use policy", "purpose: train-other-models")
