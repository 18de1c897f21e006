"""Dependency scopes (pure): what `--scope` keeps, and the context a dev-only dependency is judged under."""

from __future__ import annotations

import pytest

from licensecheck.evaluate import evaluate_rule
from licensecheck.knowledge import load_knowledge
from licensecheck.model import Component, Context, Verdict
from licensecheck.scope import context_for, either_direct, select_scope, widest


def package(name: str, scope: str | None) -> Component:
    return Component(type="package", name=name, revision="1.0", scope=scope)


def test_scope_main_keeps_main_and_unknown_scopes_only():
    components = [package("a", "main"), package("b", "optional"), package("c", "dev"), package("d", None)]
    assert [c.name for c in select_scope(components, "main")] == ["a", "d"]
    assert [c.name for c in select_scope(components, "all")] == ["a", "b", "c", "d"]
    with pytest.raises(ValueError):
        select_scope(components, "dev")


def test_widest_scope_and_directness_when_sources_are_merged():
    assert widest("dev", "main") == "main"
    assert widest("optional", "dev") == "optional"
    assert widest(None, "dev") == "dev"  # a source that says nothing does not outweigh one that says
    assert widest(None, None) is None
    assert either_direct(False, True) is True
    assert either_direct(None, False) is False
    assert either_direct(None, None) is None


@pytest.mark.parametrize("distribution", ["network", "redistribute"])
def test_a_dev_dependency_is_judged_as_internal_use(distribution):
    context = Context(use="commercial", distribution=distribution)
    judged, note = context_for(package("pylint", "dev"), context)
    assert judged.distribution == "internal" and judged.use == "commercial"
    assert note.code == "dev-dependency"


def test_so_copyleft_duties_do_not_bind_a_dev_dependency_when_shipping():
    context = Context(use="commercial", distribution="redistribute")
    judged, _ = context_for(package("pylint", "dev"), context)
    gpl = load_knowledge().lookup("GPL-2.0-or-later")
    assert evaluate_rule(gpl, context).verdict is Verdict.CONDITIONAL
    assert evaluate_rule(gpl, judged).verdict is Verdict.ALLOWED


@pytest.mark.parametrize("scope", ["main", "optional", None])
def test_other_scopes_keep_the_run_context(scope):
    context = Context(distribution="redistribute")
    assert context_for(package("x", scope), context) == (context, None)
