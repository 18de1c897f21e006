"""Licence terms corrected against the licence texts (issue 15), one test per clause.

The verdict tables (tests/data/verdicts/) check verdicts and the clauses that applied;
these tests check what the tables cannot: what a clause says, and that a clause does
not apply where the licence does not reach.
"""

from __future__ import annotations

import pytest

from licensecheck.evaluate import evaluate_rule
from licensecheck.knowledge import load_knowledge
from licensecheck.model import Context

KNOWLEDGE = load_knowledge()
SAAS = Context(use="commercial", distribution="network", users=2_000_000)
RESEARCH = Context(use="non-commercial", distribution="internal")
FREE_SERVICE = Context(use="non-commercial", distribution="network")
SHIPPED = Context(use="commercial", distribution="redistribute")


def clause(licence: str, code: str):
    (found,) = [c for c in KNOWLEDGE.lookup(licence).clauses if c.code == code]
    return found


def judged(licence: str, context: Context):
    return evaluate_rule(KNOWLEDGE.lookup(licence), context)


def test_bloom_rail_disclosure_of_machine_generated_content_applies_in_any_context():
    # BigScience RAIL License v1.0, Attachment A item 5: "in any context (e.g. posts, articles, tweets, chatbots...)".
    disclosure = clause("bigscience-bloom-rail-1.0", "machine-generated-disclosure")
    assert disclosure.distributions is None and disclosure.uses is None  # not only "public" contexts
    assert "chatbots" in disclosure.text and disclosure.section == "Attachment A, item 5"
    assert "machine-generated-disclosure" in judged("bigscience-bloom-rail-1.0", RESEARCH).clauses


def test_bloom_rail_impersonation_has_no_consent_exception_and_updates_bind():
    # Attachment A item 7 forbids impersonating others, full stop; paragraph 7 reserves remote restriction and updates.
    restrictions = clause("bigscience-bloom-rail-1.0", "use-restrictions").text
    assert "impersonating or attempting to impersonate others, with no exception for consent" in restrictions
    assert "without consent" not in restrictions
    remote = clause("bigscience-bloom-rail-1.0", "remote-restriction")
    assert remote.section == "7. Updates and Runtime Restrictions" and "latest version" in remote.text


@pytest.mark.parametrize("licence", ["flux-1-dev-non-commercial", "flux-non-commercial-v2"])
def test_flux_non_commercial_service_to_end_users_is_denied(licence):
    # Section 1.c: use "in direct interactions with or that has impact on end users" is not a Non-Commercial Purpose.
    served = judged(licence, FREE_SERVICE)
    assert served.verdict.value == "denied" and "no-hosted-service" in served.clauses
    assert judged(licence, RESEARCH).verdict.value == "conditional"  # internal testing stays licensed
    assert clause(licence, "no-hosted-service").section == "1.c, 2.b"


def test_agpl_network_clause_names_what_triggers_it():
    # AGPL-3.0 section 0 ("modify" includes copying or adapting into another work) and section 13.
    network = clause("agpl-3.0", "network-copyleft")
    assert network.section == "0 (modify, work based on), 13"
    assert "incorporates the program (an AGPL library it imports or links" in network.text
    assert "Only running the program unmodified, as a separate program" in network.text


@pytest.mark.parametrize("licence", ["llama2", "llama3", "llama3.1", "llama3.2", "llama3.3", "llama4"])
def test_llama_acceptable_use_binds_the_users_of_a_service(licence):
    # Acceptable Use Policy, Prohibited Uses: "You agree you will not use, or allow others to use, ...".
    acceptable = clause(licence, "acceptable-use")
    assert "or to allow others to use it, for the prohibited uses" in acceptable.text
    assert "must bind its users to the policy" in acceptable.text
    assert "acceptable-use" in judged(licence, SAAS).clauses


def test_deepseek_attachment_a_is_complete_and_remote_restriction_applies():
    # DeepSeek License Agreement v1.0, Attachment A (eleven items) and paragraph 7.
    restrictions = clause("deepseek", "use-restrictions").text
    assert "inappropriate content that applicable regulations restrict" in restrictions
    assert "discrimination based on legally protected characteristics" in restrictions
    assert clause("deepseek", "remote-restriction").section == "7. Updates and Runtime Restrictions"
    assert "remote-restriction" in judged("deepseek", RESEARCH).clauses


def test_apple_notice_only_for_unmodified_redistribution_and_no_patent_rights():
    # Apple Sample Code License: the notice proviso covers redistribution "in its entirety and without
    # modifications"; "no other rights ... including but not limited to any patent rights".
    notice = clause("apple-ascl", "notice")
    assert notice.distributions == {"redistribute"} and "whole and without modifications" in notice.text
    assert "Modified or partial redistributions carry no such duty" in notice.text
    for context in (SAAS, RESEARCH, SHIPPED):
        assert "no-patent-licence" in judged("apple-ascl", context).clauses
    assert "notice" not in judged("apple-ascl", SAAS).clauses


def test_stability_termination_above_usd_1m_reaches_non_commercial_use_as_a_condition():
    # Stability AI Community License III: above USD 1M "any licenses granted to You under this Agreement shall terminate".
    rich = judged("stabilityai-community", Context(use="non-commercial", distribution="internal", revenue=5_000_000))
    assert rich.verdict.value == "conditional" and "revenue-termination" in rich.clauses
    assert any("includes the research and non-commercial licence of section II" in o for o in rich.obligations)
    small = judged("stabilityai-community", Context(use="non-commercial", distribution="internal", revenue=500_000))
    assert "revenue-termination" not in small.clauses
    unknown = judged("stabilityai-community", RESEARCH)
    assert any(o.startswith("Applies above USD 1,000,000 annual revenue (give --revenue)") for o in unknown.obligations)
    # Commercial use above the figure is still denied by the commercial clause.
    assert (
        judged(
            "stabilityai-community", Context(use="commercial", distribution="network", revenue=5_000_000)
        ).verdict.value
        == "denied"
    )


def test_tencent_hunyuan_territory_and_thresholds_by_release():
    # Tencent Hunyuan Community License 1.l / 4: the EU is excluded by every release; the UK and South Korea, and
    # the 1M threshold of Hunyuan3D 2.0, depend on the release, so they are conditions, not denials.
    def verdict(**context) -> str:
        return judged(
            "tencent-hunyuan-community", Context(use="commercial", distribution="network", **context)
        ).verdict.value

    assert verdict(users=2_000_000, region="DE") == "denied"
    assert verdict(users=2_000_000, region="GB") == "conditional"
    assert verdict(users=500_000, region="US") == "conditional"
    assert verdict(users=200_000_000, region="US") == "denied"
    us = judged(
        "tencent-hunyuan-community", Context(use="commercial", distribution="network", users=2_000_000, region="US")
    )
    assert "user-threshold-by-release" in us.clauses and "territory-by-release" not in us.clauses
