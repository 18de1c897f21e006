"""allow / deny / exceptions applied to judged components: pure, with a fixed clock."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from licensecheck.evaluate import evaluate_expression, evaluate_rule
from licensecheck.expression import parse_expression
from licensecheck.knowledge import load_knowledge
from licensecheck.model import (
    MODEL,
    PACKAGE,
    Component,
    ComponentResult,
    Context,
    LicenceInfo,
    LineageEntry,
    PolicyException,
    Resolution,
    ScanResult,
    Severity,
    Verdict,
)
from licensecheck.policy import Policy, apply_policy

TODAY = date(2026, 6, 15)
COMMERCIAL = Context(use="commercial", distribution="network")
KNOWLEDGE = load_knowledge()


def model(
    name: str, licence: str, context: Context = COMMERCIAL, revision: str | None = None, **extra
) -> ComponentResult:
    rule = KNOWLEDGE.lookup(licence)
    return ComponentResult(
        Component(MODEL, name, revision=revision),
        Resolution(version=revision, licence=LicenceInfo(rule.id, "card")),
        evaluate_rule(rule, context),
        **extra,
    )


def package(name: str, expression: str, version: str = "1.0") -> ComponentResult:
    return ComponentResult(
        Component(PACKAGE, name, revision=version),
        Resolution(version=version, licence=LicenceInfo(expression, "pypi:license_expression")),
        evaluate_expression(parse_expression(expression), KNOWLEDGE.lookup, COMMERCIAL),
    )


def unresolved(name: str) -> ComponentResult:
    from licensecheck.evaluate import evaluate_unresolved

    return ComponentResult(Component(MODEL, name), Resolution(), evaluate_unresolved(None))


def run(*items: ComponentResult, today: date = TODAY, context: Context = COMMERCIAL, **policy) -> ScanResult:
    policy.setdefault("allow_origin", "pyproject.toml")
    policy.setdefault("deny_origin", "pyproject.toml")
    return apply_policy(ScanResult(context, tuple(items)), Policy(**policy), KNOWLEDGE.lookup, today)


def only(result: ScanResult) -> ComponentResult:
    (item,) = result.components
    return item


def codes(item: ComponentResult, severity: Severity | None = None) -> list[str]:
    return [f.code for f in item.evaluation.findings if severity is None or f.severity is severity]


def exception(
    component: str = "CohereForAI/c4ai-command-r-v01", expires: date = date(2026, 12, 31), **extra
) -> PolicyException:
    return PolicyException(
        component,
        "Commercial agreement, contract 2025-117",
        "legal@example.com",
        expires,
        where="pyproject.toml:12",
        **extra,
    )


NC_MODEL = "CohereForAI/c4ai-command-r-v01"


# --- no policy, deny, allow -----------------------------------------------------


def test_an_empty_policy_changes_nothing():
    items = (model(NC_MODEL, "cc-by-nc-4.0"), model("microsoft/phi-4", "mit"), package("numpy", "BSD-3-Clause"))
    result = run(*items)
    assert result.components == items and result.notices == () and result.unknown_fails


def test_deny_list_denies_a_licence_its_terms_allow():
    item = only(run(model("microsoft/phi-4", "mit"), deny=frozenset({"mit"})))
    assert item.evaluation.verdict is Verdict.DENIED
    (finding,) = [f for f in item.evaluation.findings if f.code == "licence-denied"]
    assert finding.severity is Severity.ERROR and "licence mit is on the deny list (pyproject.toml)" in finding.message


def test_a_denied_category_denies_every_licence_of_it_and_says_which_category():
    strong = frozenset({"copyleft", "network-copyleft"})
    result = run(
        package("gpl-lib", "GPL-2.0-or-later"),
        package("agpl-lib", "AGPL-3.0-only"),
        package("bare-gpl", "GPL"),
        package("lgpl-lib", "LGPL-3.0-only"),
        package("either", "GPL-3.0-only OR MIT"),
        deny_categories=strong,
        deny_categories_origin="preset redistribution",
    )
    gpl, agpl, bare, lgpl, either = result.components
    for item in (gpl, agpl, bare):
        assert item.evaluation.verdict is Verdict.DENIED, item.component.name
    (finding,) = [f for f in gpl.evaluation.findings if f.code == "licence-denied"]
    assert (
        finding.message
        == "licence GPL-2.0-or-later is copyleft, a category the configuration denies (preset redistribution)"
    )
    assert "is network-copyleft, a category" in " ".join(f.message for f in agpl.evaluation.findings)
    assert lgpl.evaluation.verdict is not Verdict.DENIED  # weak copyleft is another category
    # An OR choice is judged on the options the categories leave.
    assert either.evaluation.verdict is Verdict.ALLOWED and "licence-choice-narrowed" in codes(either)


def test_allow_list_denies_every_licence_not_listed():
    result = run(model("microsoft/phi-4", "mit"), model("Qwen/Qwen2.5-7B", "apache-2.0"), allow=frozenset({"mit"}))
    phi, qwen = result.components
    assert phi.evaluation.verdict is Verdict.ALLOWED and codes(phi) == []
    assert qwen.evaluation.verdict is Verdict.DENIED and codes(qwen, Severity.ERROR) == ["licence-not-allowed"]


def test_allow_list_does_not_lift_the_licences_own_denial():
    item = only(run(model(NC_MODEL, "cc-by-nc-4.0"), allow=frozenset({"cc-by-nc-4.0"})))
    assert item.evaluation.verdict is Verdict.DENIED and codes(item, Severity.ERROR) == ["non-commercial"]


def test_deny_wins_over_allow():
    item = only(run(model("microsoft/phi-4", "mit"), allow=frozenset({"mit"}), deny=frozenset({"mit"})))
    assert codes(item, Severity.ERROR) == ["licence-denied"]


def test_lists_match_package_ids_by_spdx_id_and_alias():
    # The package declares the SPDX id; the lists hold rule ids: they are the same licence.
    item = only(run(package("requests", "Apache-2.0"), deny=frozenset({"apache-2.0"})))
    assert item.evaluation.verdict is Verdict.DENIED


def test_or_expression_is_judged_on_the_options_the_lists_leave():
    # MIT OR GPL-3.0, shipped: the evaluator picks MIT; with MIT denied, GPL-3.0's copyleft is what remains.
    shipped = Context(use="commercial", distribution="redistribute")
    dual = package("dual", "MIT OR GPL-3.0-only")
    dual = ComponentResult(
        dual.component,
        dual.resolution,
        evaluate_expression(parse_expression("MIT OR GPL-3.0-only"), KNOWLEDGE.lookup, shipped),
    )
    assert "copyleft" not in dual.evaluation.clauses
    item = only(run(dual, context=shipped, deny=frozenset({"mit"})))
    assert item.evaluation.verdict is Verdict.CONDITIONAL
    assert "copyleft" in item.evaluation.clauses
    assert "licence-choice-narrowed" in codes(item)
    struck = [f for f in item.evaluation.findings if f.code == "licence-denied"]
    assert struck and struck[0].severity is Severity.INFO  # a struck option is information, not a failure


def test_or_expression_with_every_option_refused_is_denied():
    item = only(run(package("dual", "MIT OR Apache-2.0"), allow=frozenset({"bsd-3-clause"})))
    assert item.evaluation.verdict is Verdict.DENIED
    assert codes(item, Severity.ERROR) == ["licence-not-allowed", "licence-not-allowed"]


def test_and_expression_is_denied_when_one_part_is_refused():
    item = only(run(package("numpy", "BSD-3-Clause AND MIT AND Zlib"), deny=frozenset({"zlib"})))
    assert item.evaluation.verdict is Verdict.DENIED
    (finding,) = [f for f in item.evaluation.findings if f.code == "licence-denied"]
    assert "Zlib" in finding.message


def test_and_expression_passes_when_every_part_is_allowed():
    item = only(run(package("numpy", "BSD-3-Clause AND MIT"), allow=frozenset({"bsd-3-clause", "mit"})))
    assert item.evaluation.verdict is Verdict.ALLOWED


def test_an_unknown_licence_is_on_no_list_and_stays_unknown():
    result = run(unresolved("acme/mystery"), package("odd", "Acme-Licence-1.0"), allow=frozenset({"mit"}))
    assert [i.evaluation.verdict for i in result.components] == [Verdict.UNKNOWN, Verdict.UNKNOWN]


def test_lists_apply_to_a_derivatives_ancestors():
    ancestor = LineageEntry(
        "CohereForAI/c4ai-command-r-v01", 1, "acme/bot", "finetune", LicenceInfo("cc-by-nc-4.0", "card"), Verdict.DENIED
    )
    item = model("acme/bot", "apache-2.0", lineage=(ancestor,))
    denied = only(
        run(item, context=Context(use="non-commercial", distribution="internal"), deny=frozenset({"cc-by-nc-4.0"}))
    )
    assert denied.evaluation.verdict is Verdict.DENIED
    assert any(
        f.message.startswith("ancestor CohereForAI/c4ai-command-r-v01: licence cc-by-nc-4.0 is on the deny list")
        for f in denied.evaluation.findings
    )


# --- exceptions ---------------------------------------------------------------


def test_exception_in_force_waives_the_denial_and_keeps_the_obligations():
    item = only(run(model(NC_MODEL, "cc-by-nc-4.0"), exceptions=(exception(),)))
    assert item.evaluation.verdict is Verdict.CONDITIONAL  # CC-BY-NC's attribution still binds
    assert [d.code for d in item.evaluation.duties] == ["attribution"]
    assert item.exception == exception()
    assert codes(item, Severity.ERROR) == []
    applied = [f for f in item.evaluation.findings if f.code == "exception-applied"]
    assert applied and "contract 2025-117" in applied[0].message and "legal@example.com" in applied[0].message
    assert "2026-12-31" in applied[0].message
    waived = [f for f in item.evaluation.findings if f.code == "non-commercial"]
    assert waived[0].severity is Severity.INFO and waived[0].message.startswith("waived by exception:")


def test_exception_without_obligations_left_is_allowed():
    internal = Context(use="commercial", distribution="internal")
    item = only(run(model(NC_MODEL, "cc-by-nc-4.0", context=internal), context=internal, exceptions=(exception(),)))
    assert item.evaluation.verdict is Verdict.ALLOWED and item.exception is not None


def test_exception_wins_over_the_deny_list():
    item = only(
        run(model("microsoft/phi-4", "mit"), deny=frozenset({"mit"}), exceptions=(exception("microsoft/phi-4"),))
    )
    assert item.evaluation.verdict is Verdict.ALLOWED
    assert [f.severity for f in item.evaluation.findings if f.code == "licence-denied"] == [Severity.INFO]


def test_exception_wins_over_the_allow_list():
    item = only(
        run(
            model("Qwen/Qwen2.5-7B", "apache-2.0"), allow=frozenset({"mit"}), exceptions=(exception("qwen/qwen2.5-7b"),)
        )
    )
    assert item.evaluation.verdict is Verdict.ALLOWED  # component ids match case-insensitively


@pytest.mark.parametrize("offset, applied", [(-1, True), (0, True), (1, False), (400, False)])
def test_expiry_on_both_sides_of_the_date(offset, applied):
    expires = date(2026, 12, 31)
    today = expires + timedelta(days=offset)
    item = only(run(model(NC_MODEL, "cc-by-nc-4.0"), today=today, exceptions=(exception(expires=expires),)))
    if applied:
        assert item.evaluation.verdict is Verdict.CONDITIONAL and item.exception is not None
        assert "exception-expired" not in codes(item)
    else:
        assert item.evaluation.verdict is Verdict.DENIED and item.exception is None
        (expired,) = [f for f in item.evaluation.findings if f.code == "exception-expired"]
        assert expired.severity is Severity.ERROR
        assert "expired on 2026-12-31" in expired.message and "legal@example.com" in expired.message


def test_a_renewed_exception_after_an_expired_one_applies():
    old = exception(expires=date(2026, 1, 31))
    new = exception(expires=date(2027, 1, 31))
    item = only(run(model(NC_MODEL, "cc-by-nc-4.0"), exceptions=(old, new)))
    assert item.exception == new and "exception-expired" in codes(item)
    assert item.evaluation.verdict is Verdict.CONDITIONAL and codes(item, Severity.ERROR) == []


@pytest.mark.parametrize("days_left, warned", [(0, True), (1, True), (30, True), (31, False), (200, False)])
def test_exception_due_within_30_days_is_a_warning(days_left, warned):
    expires = TODAY + timedelta(days=days_left)
    item = only(run(model(NC_MODEL, "cc-by-nc-4.0"), exceptions=(exception(expires=expires),)))
    assert item.exception is not None
    expiring = [f for f in item.evaluation.findings if f.code == "exception-expiring"]
    assert bool(expiring) is warned
    if warned:
        assert expiring[0].severity is Severity.WARNING
        assert f"in {days_left} day(s)" in expiring[0].message and "legal@example.com" in expiring[0].message


def test_unused_exception_is_a_notice():
    result = run(model("microsoft/phi-4", "mit"), exceptions=(exception("acme/gone"),))
    (notice,) = result.notices
    assert notice.code == "exception-unused" and notice.severity is Severity.WARNING
    assert "acme/gone (pyproject.toml:12) matched no component" in notice.message


def test_expired_unused_exception_says_both():
    result = run(model("microsoft/phi-4", "mit"), exceptions=(exception("acme/gone", expires=date(2020, 1, 1)),))
    assert "(pyproject.toml:12, expired on 2020-01-01) matched no component" in result.notices[0].message


def test_exception_for_a_component_that_is_not_denied_is_reported_as_not_needed():
    result = run(model("microsoft/phi-4", "mit"), exceptions=(exception("microsoft/phi-4"),))
    assert only(result).exception is None
    assert [n.code for n in result.notices] == ["exception-unused"]
    assert "was not needed" in result.notices[0].message


def test_exception_pinned_to_a_revision():
    sha = "0123456789abcdef0123456789abcdef01234567"
    pinned = exception(revision="0123456")  # a commit prefix
    assert only(run(model(NC_MODEL, "cc-by-nc-4.0", revision=sha), exceptions=(pinned,))).exception == pinned
    other = only(run(model(NC_MODEL, "cc-by-nc-4.0", revision="f" * 40), exceptions=(pinned,)))
    assert other.exception is None and other.evaluation.verdict is Verdict.DENIED
    assert "exception-revision-mismatch" in codes(other)


def test_exception_matches_a_package_by_its_normalised_name_and_version():
    gpl = package("Some_Lib", "GPL-3.0-only", version="2.0")
    redistribute = Context(use="commercial", distribution="redistribute")
    result = run(
        gpl, context=redistribute, deny=frozenset({"gpl-3.0"}), exceptions=(exception("some.lib", revision="2.0"),)
    )
    assert only(result).exception is not None


def test_exception_does_not_make_an_unknown_licence_known():
    result = run(unresolved("acme/mystery"), exceptions=(exception("acme/mystery"),))
    item = only(result)
    assert item.evaluation.verdict is Verdict.UNKNOWN and item.exception is None
    assert "exception-not-applicable" in codes(item)
    assert result.notices == ()  # it matched: not "unused"


# --- unknown = "warn" -----------------------------------------------------------


def test_unknown_warn_keeps_the_verdict_and_adds_a_notice():
    result = run(unresolved("acme/mystery"), unknown="warn")
    assert only(result).evaluation.verdict is Verdict.UNKNOWN
    assert result.unknown_fails is False
    assert [n.code for n in result.notices] == ["unknown-warn"]


def test_unknown_fail_is_the_default():
    result = run(unresolved("acme/mystery"))
    assert result.unknown_fails is True and result.notices == ()


def test_exit_codes_follow_the_policy():
    from licensecheck.commands.common import exit_code_for

    assert exit_code_for(run(unresolved("acme/mystery"))) == 3
    assert exit_code_for(run(unresolved("acme/mystery"), unknown="warn")) == 0
    assert exit_code_for(run(model(NC_MODEL, "cc-by-nc-4.0"), unresolved("a/b"), unknown="warn")) == 1
    assert exit_code_for(run(model(NC_MODEL, "cc-by-nc-4.0"), exceptions=(exception(),))) == 0
