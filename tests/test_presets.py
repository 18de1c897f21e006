"""The policy presets keep their intent as the rules grow: checked over every rule, by category.

A preset names categories of licence (rules/README.md), not lists of ids, so that a licence
added later is caught by what it is. These tests enumerate the rules and check what each
preset refuses, and that the families a preset is about (every GPL, every AGPL, every
network copyleft) are classed so that it refuses them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from licensecheck.config import load_config
from licensecheck.evaluate import evaluate_rule
from licensecheck.knowledge import load_knowledge
from licensecheck.policy import list_refusal

KNOWLEDGE = load_knowledge()
RULES = [rule for rule in KNOWLEDGE.rules if rule.recognised]
GPL_FAMILY = re.compile(r"^a?gpl(-|$)")  # gpl, gpl-2.0, gpl-3.0, agpl-3.0 and any later version, not lgpl
# Licences with a network-use source duty that are deliberately not classed network-copyleft.
NETWORK_DUTY_NOT_NETWORK_COPYLEFT = {
    # The duty reaches only fine-tuned or merged models served to users, and the licence is the
    # OpenRAIL-compatible licence of Stable Diffusion derivatives: classed with them, so lineage
    # does not call an SDXL fine-tune under it laundered. Its network clause stays an obligation.
    "faipl-1.0-sd",
}


def _with_exception(rule) -> bool:
    """A licence WITH an exception, as one rule (rules/README.md, "Families and exceptions")."""
    return " WITH " in (rule.spdx or "")


def preset(tmp_path: Path, name: str):
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / "licensecheck.toml").write_text(f'extends = "{name}"\n', encoding="utf-8")
    return load_config(tmp_path, KNOWLEDGE)


def refused(config) -> set[str]:
    policy = config.policy
    return {rule.id for rule in RULES if list_refusal(rule.id, policy, KNOWLEDGE.lookup) is not None}


def of_categories(*categories: str) -> set[str]:
    return {rule.id for rule in RULES if rule.category in categories}


def test_saas_refuses_every_network_copyleft_licence_and_nothing_else(tmp_path):
    denied = refused(preset(tmp_path, "saas"))
    assert denied == of_categories("network-copyleft")
    assert {"agpl-3.0", "eupl-1.1", "eupl-1.2", "osl-3.0"} <= denied


def test_redistribution_refuses_every_gpl_and_agpl_version_and_all_strong_copyleft(tmp_path):
    denied = refused(preset(tmp_path, "redistribution"))
    assert denied == of_categories("copyleft", "network-copyleft")
    gpl_family = {rule.id for rule in RULES if GPL_FAMILY.match(rule.id) and not _with_exception(rule)}
    assert gpl_family == {"gpl", "gpl-2.0", "gpl-3.0", "agpl", "agpl-3.0"}
    assert gpl_family <= denied
    # However a card or a package spells them, version-less "GPL" included.
    for spelling in ("GPL", "GPL-2.0-or-later", "GPLv3+", "AGPL-3.0-only", "GNU General Public License"):
        assert list_refusal(spelling, preset(tmp_path, "redistribution").policy, KNOWLEDGE.lookup) is not None, spelling
    # Weak copyleft and share-alike for content and data stay allowed with their obligations.
    assert not denied & of_categories("weak-copyleft", "data-copyleft")
    assert {"cc-by-sa-4.0", "odbl", "lgpl-3.0"}.isdisjoint(denied)


def test_open_source_release_refuses_proprietary_terms_only(tmp_path):
    assert refused(preset(tmp_path, "open-source-release")) == {"proprietary"}


def test_internal_research_refuses_nothing_but_never_assumes_a_business_is_non_commercial(tmp_path):
    config = preset(tmp_path, "internal-research")
    assert refused(config) == set()
    context, _ = config.context({})
    # CC BY-NC 4.0 Section 1 / 3.0 4(b): NonCommercial is not about shipping; use by or for a business,
    # internal R&D included, is usually for its commercial advantage, so it is a condition to confirm.
    for rule in RULES:
        if rule.id.startswith("cc-by-nc"):
            evaluation = evaluate_rule(rule, context)
            assert evaluation.verdict.value == "conditional", rule.id
            assert "non-commercial-scope" in evaluation.clauses, rule.id


def test_every_gpl_family_rule_is_classed_where_the_presets_look():
    """A new GPL or AGPL version must be copyleft or network copyleft, or the redistribution preset misses it."""
    for rule in RULES:
        spdx = (rule.spdx or "").upper()
        if _with_exception(rule) and spdx.startswith(("GPL-", "AGPL-")):
            # GPL WITH a linking exception (Classpath, PyInstaller's bootloader) lets programs that link or
            # embed it keep their own terms: weak copyleft, like the LGPL, and allowed with its obligations.
            assert rule.category == "weak-copyleft", rule.id
            continue
        if GPL_FAMILY.match(rule.id) or spdx.startswith(("GPL-", "AGPL-")):
            assert rule.category in ("copyleft", "network-copyleft"), rule.id
        if rule.id.startswith("agpl") or spdx.startswith("AGPL-"):
            assert rule.category == "network-copyleft", rule.id


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_a_network_source_duty_is_network_copyleft_unless_explained(rule):
    """A licence added later with an AGPL-like clause is caught by the saas preset, or said here why not."""
    has_network_duty = any(clause.code == "network-copyleft" for clause in rule.clauses)
    if rule.id in NETWORK_DUTY_NOT_NETWORK_COPYLEFT:
        assert has_network_duty and rule.category != "network-copyleft"
    elif has_network_duty:
        assert rule.category == "network-copyleft", (
            f"{rule.id} has a network-copyleft clause: class it network-copyleft"
        )
