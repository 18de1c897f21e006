"""Licence families named without a version, and licences WITH an exception: judged, listed and exported."""

from __future__ import annotations

from datetime import date

import pytest

from licensecheck.evaluate import evaluate_expression
from licensecheck.expression import parse_expression
from licensecheck.knowledge import load_knowledge
from licensecheck.model import (
    PACKAGE,
    Component,
    ComponentResult,
    Context,
    LicenceInfo,
    Resolution,
    ScanResult,
    Verdict,
)
from licensecheck.policy import Policy, apply_policy
from licensecheck.report.common import spdx_licence

KNOWLEDGE = load_knowledge()
SHIPPED = Context(use="commercial", distribution="redistribute")


def package(expression: str, context: Context = SHIPPED) -> ComponentResult:
    return ComponentResult(
        Component(PACKAGE, "demo", revision="1.0"),
        Resolution(version="1.0", licence=LicenceInfo(expression, "pypi:license_expression")),
        evaluate_expression(parse_expression(expression), KNOWLEDGE.lookup, context),
    )


def judged(expression: str, **lists) -> ComponentResult:
    lists.setdefault("allow_origin", "licensecheck.toml")
    lists.setdefault("deny_origin", "licensecheck.toml")
    result = apply_policy(
        ScanResult(SHIPPED, (package(expression),)), Policy(**lists), KNOWLEDGE.lookup, date(2026, 12, 6)
    )
    (item,) = result.components
    return item


def messages(item: ComponentResult) -> list[str]:
    return [f.message for f in item.evaluation.findings if f.code in ("licence-denied", "licence-not-allowed")]


# -- deny and allow lists --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("declared", "member", "name"),
    [
        ("GPL", "gpl-2.0", "GNU General Public License family"),
        ("AGPL", "agpl-3.0", "GNU Affero General Public License family"),
        (
            "GPL-2.0-or-later WITH Bootloader-exception",
            "gpl-2.0",
            "GNU General Public License v2.0 or later with the PyInstaller Bootloader exception",
        ),
    ],
)
def test_a_denied_member_denies_the_family_and_the_licence_with_an_exception(declared, member, name):
    item = judged(declared, deny=frozenset({member}))
    assert item.evaluation.verdict is Verdict.DENIED
    assert messages(item) == [
        f"licence {declared} is on the deny list (as {member}, which {name} may be or builds on) (licensecheck.toml)"
    ]


def test_a_family_is_allowed_only_when_every_version_it_may_be_is():
    assert messages(judged("GPL", allow=frozenset({"gpl-2.0"}))) == [
        "licence GPL is not on the allow list (licensecheck.toml); add it there or ask for an exception"
    ]
    assert judged("GPL", allow=frozenset({"gpl-2.0", "gpl-3.0"})).evaluation.verdict is Verdict.CONDITIONAL
    assert judged("GPL", allow=frozenset({"gpl"})).evaluation.verdict is Verdict.CONDITIONAL


def test_a_licence_with_an_exception_is_allowed_with_the_licence_it_builds_on():
    torch_part = "Apache-2.0 WITH LLVM-exception"
    assert judged(torch_part, allow=frozenset({"apache-2.0"})).evaluation.verdict is Verdict.CONDITIONAL
    assert (
        judged(torch_part, allow=frozenset({"apache-2.0-with-llvm-exception"})).evaluation.verdict
        is Verdict.CONDITIONAL
    )
    assert judged(torch_part, deny=frozenset({"apache-2.0"})).evaluation.verdict is Verdict.DENIED


def test_the_saas_preset_denies_a_version_less_agpl():
    item = judged("AGPL", deny=frozenset({"agpl-3.0"}))  # rules/policies/saas.toml
    assert item.evaluation.verdict is Verdict.DENIED


# -- judging a licence WITH an exception -------------------------------------------------------


def test_a_known_exception_is_judged_by_its_own_terms():
    evaluation = package("Apache-2.0 WITH LLVM-exception").evaluation
    assert [duty.licence for duty in evaluation.duties] == ["apache-2.0-with-llvm-exception"] * 4
    assert "licence-exception" not in {f.code for f in evaluation.findings}
    assert any("embedded into your object code" in text for text in evaluation.obligations)


def test_an_unknown_exception_is_judged_as_its_licence_and_said_so():
    evaluation = package("GPL-2.0-only WITH Some-exception").evaluation
    assert {duty.licence for duty in evaluation.duties} == {"gpl-2.0"}
    (note,) = [f for f in evaluation.findings if f.code == "licence-exception"]
    assert (
        note.message == "gpl-2.0 WITH Some-exception: the exception may relax these terms; they are reported without it"
    )


@pytest.mark.parametrize(
    ("expression", "rule"),
    [
        ("GPL-2.0-only WITH Classpath-exception-2.0", "gpl-2.0-with-classpath-exception-2.0"),
        ("GPL-2.0-or-later WITH Bootloader-exception", "gpl-2.0-or-later-with-bootloader-exception"),
        ("Artistic-1.0-Perl", "artistic-1.0-perl"),
        ("CNRI-Python", "cnri-python"),
        ("Artistic-1.0", "artistic-1.0"),
    ],
)
def test_the_new_spdx_licences_are_known(expression, rule):
    evaluation = package(expression).evaluation
    assert evaluation.verdict is Verdict.CONDITIONAL
    assert {duty.licence for duty in evaluation.duties} == {rule}


# -- SBOMs ---------------------------------------------------------------------------------------


def test_an_exception_on_the_spdx_list_stays_an_spdx_exception_in_sboms():
    item = package("Apache-2.0 AND Apache-2.0 WITH LLVM-exception AND BSD-3-Clause")
    assert spdx_licence(item, KNOWLEDGE).expression == "Apache-2.0 AND Apache-2.0 WITH LLVM-exception AND BSD-3-Clause"
    pyinstaller = package("GPL-2.0-or-later WITH Bootloader-exception")
    assert spdx_licence(pyinstaller, KNOWLEDGE).expression == "GPL-2.0-or-later WITH Bootloader-exception"
