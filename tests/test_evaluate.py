"""The pure core, driven with plain values: clauses and contexts in, verdicts out."""

from __future__ import annotations

import pytest

from licensecheck.evaluate import evaluate_expression, evaluate_rule, evaluate_unresolved, region_matches
from licensecheck.expression import AllOf, AnyOf, LicenceId, parse_expression
from licensecheck.model import Clause, Context, LicenceRule, ModelFacts, Verdict

SOURCE = "https://example.invalid/licence"


def rule(rule_id: str, *clauses: Clause, category: str = "permissive") -> LicenceRule:
    return LicenceRule(id=rule_id, name=rule_id.upper(), url=SOURCE, category=category, spdx=None, clauses=clauses)


def clause(code: str, effect: str = "oblige", **conditions) -> Clause:
    for key in ("uses", "distributions", "regions"):
        if key in conditions:
            conditions[key] = frozenset(conditions[key])
    return Clause(code=code, effect=effect, text=f"text of {code}", source=SOURCE, section="1", **conditions)


THRESHOLD = rule("capped", clause("user-threshold", "deny", users_above=700_000_000), clause("aup"))
NON_COMMERCIAL = rule(
    "nc", clause("non-commercial", "deny", uses=["commercial"]), clause("attribution", distributions=["redistribute"])
)
NOTICE_ONLY = rule("notice", clause("notice", distributions=["redistribute"]))


def test_clause_with_no_conditions_always_applies():
    evaluation = evaluate_rule(THRESHOLD, Context(users=10))
    assert evaluation.verdict is Verdict.CONDITIONAL
    assert evaluation.clauses == ("aup",)
    assert evaluation.obligations == ("text of aup [capped 1]",)


def test_threshold_exceeded_denies_with_the_reason():
    evaluation = evaluate_rule(THRESHOLD, Context(users=900_000_000))
    assert evaluation.verdict is Verdict.DENIED
    assert [f.code for f in evaluation.findings] == ["user-threshold"]
    assert evaluation.findings[0].severity.value == "error"


def test_threshold_is_strict():
    assert evaluate_rule(THRESHOLD, Context(users=700_000_000)).verdict is Verdict.CONDITIONAL


def test_unknown_figure_makes_the_threshold_an_obligation_not_a_denial():
    evaluation = evaluate_rule(THRESHOLD, Context(users=None))
    assert evaluation.verdict is Verdict.CONDITIONAL
    assert "user-threshold" in evaluation.clauses
    assert any("700,000,000 monthly active users" in o and "--users" in o for o in evaluation.obligations)


def test_revenue_threshold():
    capped = rule("rev", clause("revenue-threshold", "deny", revenue_above=1_000_000))
    assert evaluate_rule(capped, Context(revenue=500_000)).verdict is Verdict.ALLOWED
    assert evaluate_rule(capped, Context(revenue=5_000_000)).verdict is Verdict.DENIED
    assert evaluate_rule(capped, Context()).verdict is Verdict.CONDITIONAL


@pytest.mark.parametrize(
    ("use", "distribution", "verdict"),
    [
        ("commercial", "network", Verdict.DENIED),
        ("commercial", "internal", Verdict.DENIED),
        ("non-commercial", "internal", Verdict.ALLOWED),
        ("non-commercial", "redistribute", Verdict.CONDITIONAL),
    ],
)
def test_use_and_distribution_conditions(use, distribution, verdict):
    assert evaluate_rule(NON_COMMERCIAL, Context(use=use, distribution=distribution)).verdict is verdict


def test_permissive_notice_only_on_redistribution():
    assert evaluate_rule(NOTICE_ONLY, Context(distribution="network")).verdict is Verdict.ALLOWED
    assert evaluate_rule(NOTICE_ONLY, Context(distribution="redistribute")).verdict is Verdict.CONDITIONAL


def test_regions_and_eu_membership():
    regional = rule("regional", clause("eu-exclusion", "deny", regions=["EU"]))
    assert evaluate_rule(regional, Context(region="FR")).verdict is Verdict.DENIED
    assert evaluate_rule(regional, Context(region="EU")).verdict is Verdict.DENIED
    assert evaluate_rule(regional, Context(region="US")).verdict is Verdict.ALLOWED
    unknown_region = evaluate_rule(regional, Context())
    assert unknown_region.verdict is Verdict.CONDITIONAL
    assert "--region" in unknown_region.obligations[0]
    assert region_matches("de", ["EU"]) and not region_matches("CH", ["EU"])


def test_unrecognised_category_is_unknown_never_allowed():
    other = rule("other", category="unknown")
    evaluation = evaluate_rule(other, Context())
    assert evaluation.verdict is Verdict.UNKNOWN
    assert [(f.severity.value, f.code) for f in evaluation.findings] == [("error", "licence-unrecognised")]


RULES = {r.id.lower(): r for r in (THRESHOLD, NON_COMMERCIAL, NOTICE_ONLY)}


def lookup(licence_id: str):
    return RULES.get(licence_id.lower())


def test_or_takes_the_most_favourable_option():
    evaluation = evaluate_expression(AnyOf((LicenceId("nc"), LicenceId("notice"))), lookup, Context())
    assert evaluation.verdict is Verdict.ALLOWED
    assert any(f.code == "licence-choice" and "notice" in f.message for f in evaluation.findings)


def test_and_keeps_every_licence():
    evaluation = evaluate_expression(AllOf((LicenceId("nc"), LicenceId("notice"))), lookup, Context())
    assert evaluation.verdict is Verdict.DENIED


def test_unknown_id_under_and_is_unknown_and_under_or_can_be_avoided():
    assert (
        evaluate_expression(AllOf((LicenceId("notice"), LicenceId("mystery"))), lookup, Context()).verdict
        is Verdict.UNKNOWN
    )
    assert (
        evaluate_expression(AnyOf((LicenceId("notice"), LicenceId("mystery"))), lookup, Context()).verdict
        is Verdict.ALLOWED
    )


def test_exception_is_noted():
    evaluation = evaluate_expression(
        LicenceId("notice", exception="Classpath-exception-2.0"), lookup, Context(distribution="redistribute")
    )
    assert evaluation.verdict is Verdict.CONDITIONAL
    assert any(f.code == "licence-exception" for f in evaluation.findings)


def test_unresolved_is_unknown_with_a_reason():
    evaluation = evaluate_unresolved(None)
    assert evaluation.verdict is Verdict.UNKNOWN and evaluation.findings[0].code == "no-licence"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MIT", LicenceId("MIT")),
        ("MIT OR Apache-2.0", AnyOf((LicenceId("MIT"), LicenceId("Apache-2.0")))),
        ("GPL-2.0-or-later WITH Classpath-exception-2.0", LicenceId("GPL-2.0-or-later", "Classpath-exception-2.0")),
        (
            "(MIT AND BSD-3-Clause) OR Apache-2.0",
            AnyOf((AllOf((LicenceId("MIT"), LicenceId("BSD-3-Clause"))), LicenceId("Apache-2.0"))),
        ),
    ],
)
def test_parse_expression(text, expected):
    assert parse_expression(text) == expected


@pytest.mark.parametrize("text", ["", "MIT AND", "Apache 2.0", "(MIT"])
def test_parse_expression_rejects(text):
    from licensecheck.expression import ExpressionError

    with pytest.raises(ExpressionError):
        parse_expression(text)


def test_context_validates():
    with pytest.raises(ValueError):
        Context(use="sometimes")
    with pytest.raises(ValueError):
        Context(users=-1)


# -- issue 15: the organisation's users, and facts of the model --------------------------------

ORG_CAPPED = rule(
    "org-capped",
    clause("user-threshold", "deny", org_users_above=700_000_000, org_users_counted_on="2024-07-23"),
    clause("aup"),
)
ORG_DUTY = (
    "Applies above 700,000,000 monthly active users of the organisation and its affiliates together, counted on "
    "2024-07-23 (give --org-users): text of user-threshold [org-capped 1]"
)


@pytest.mark.parametrize(
    ("users", "org_users", "verdict", "clauses", "obligations"),
    [
        (None, None, Verdict.CONDITIONAL, ("user-threshold", "aup"), (ORG_DUTY, "text of aup [org-capped 1]")),
        # The product below the threshold does not say the organisation is.
        (2_000_000, None, Verdict.CONDITIONAL, ("user-threshold", "aup"), (ORG_DUTY, "text of aup [org-capped 1]")),
        # The organisation's figure is at least the product's.
        (900_000_000, None, Verdict.DENIED, ("user-threshold", "aup"), ("text of aup [org-capped 1]",)),
        (2_000_000, 900_000_000, Verdict.DENIED, ("user-threshold", "aup"), ("text of aup [org-capped 1]",)),
        (2_000_000, 600_000_000, Verdict.CONDITIONAL, ("aup",), ("text of aup [org-capped 1]",)),
        (None, 700_000_000, Verdict.CONDITIONAL, ("aup",), ("text of aup [org-capped 1]",)),  # strict
        # An organisation figure below the product's is read as the product's.
        (900_000_000, 2_000_000, Verdict.DENIED, ("user-threshold", "aup"), ("text of aup [org-capped 1]",)),
    ],
)
def test_the_organisation_threshold(users, org_users, verdict, clauses, obligations):
    evaluation = evaluate_rule(ORG_CAPPED, Context(users=users, org_users=org_users))
    assert (evaluation.verdict, evaluation.clauses, evaluation.obligations) == (verdict, clauses, obligations)


def test_the_product_threshold_ignores_the_organisation():
    assert evaluate_rule(THRESHOLD, Context(users=2_000_000, org_users=900_000_000)).verdict is Verdict.CONDITIONAL
    assert evaluate_rule(THRESHOLD, Context(users=2_000_000, org_users=900_000_000)).clauses == ("aup",)


def test_a_negative_organisation_figure_is_refused():
    with pytest.raises(ValueError, match="org_users cannot be negative"):
        Context(org_users=-1)


EU_MULTIMODAL = rule(
    "mm",
    Clause(
        code="eu-multimodal",
        effect="deny",
        text="no licence",
        source=SOURCE,
        section="AUP",
        regions=frozenset({"EU"}),
        model_facts=frozenset({"multimodal"}),
    ),
)


@pytest.mark.parametrize(
    ("facts", "region", "verdict", "obligations"),
    [
        (ModelFacts(holds=("multimodal",), known=("multimodal",)), "FR", Verdict.DENIED, ()),
        (ModelFacts(holds=(), known=("multimodal",)), "FR", Verdict.ALLOWED, ()),
        (ModelFacts(holds=("multimodal",), known=("multimodal",)), "US", Verdict.ALLOWED, ()),
        (
            None,
            "FR",
            Verdict.CONDITIONAL,
            ("Applies if the model is multimodal (its card and tags do not say): no licence [mm AUP]",),
        ),
        (
            ModelFacts(holds=(), known=()),
            "FR",
            Verdict.CONDITIONAL,
            ("Applies if the model is multimodal (its card and tags do not say): no licence [mm AUP]",),
        ),
        (
            ModelFacts(holds=("multimodal",), known=("multimodal",)),
            None,
            Verdict.CONDITIONAL,
            ("Applies in EU (give --region): no licence [mm AUP]",),
        ),
        (
            None,
            None,
            Verdict.CONDITIONAL,
            (
                "Applies if the model is multimodal (its card and tags do not say) and in EU (give --region): no licence [mm AUP]",
            ),
        ),
    ],
)
def test_a_term_that_depends_on_the_model(facts, region, verdict, obligations):
    evaluation = evaluate_rule(EU_MULTIMODAL, Context(region=region), facts)
    assert (evaluation.verdict, evaluation.obligations) == (verdict, obligations)


def test_model_facts_reach_every_licence_of_an_expression():
    lookup = {"mm": EU_MULTIMODAL, "notice": NOTICE_ONLY}.get
    facts = ModelFacts(holds=("multimodal",), known=("multimodal",))
    expression = AllOf((LicenceId("mm"), LicenceId("notice")))
    assert evaluate_expression(expression, lookup, Context(region="DE"), facts).verdict is Verdict.DENIED
    assert evaluate_expression(expression, lookup, Context(region="DE")).verdict is Verdict.CONDITIONAL
