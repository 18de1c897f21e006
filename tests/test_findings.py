"""The registry of finding codes (licensecheck/findings.py) and the clause help in rules/.

Every code a finding can carry has a title and help: the program's codes are the
registry's constants (a finding refuses any other string), and every clause code of
the rules has an entry in rules/clause-help.toml. Code scanning's rules are built
from both (tests/report/test_sarif_report.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from licensecheck import findings
from licensecheck.findings import HUB_NOT_FOUND, REGISTRY, help_for
from licensecheck.knowledge import CLAUSE_HELP_FILE, load_clause_help, load_knowledge, rules_dir
from licensecheck.model import Clause, Code, Finding, Severity

PACKAGE = Path(findings.__file__).resolve().parent
KEBAB = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def constant(code: str) -> str:
    return code.upper().replace("-", "_")


def test_every_entry_has_its_constant_a_severity_a_title_and_help():
    assert len(REGISTRY) == 92
    for code, entry in REGISTRY.items():
        assert KEBAB.fullmatch(code) and entry.code == code and type(entry.code) is Code
        assert getattr(findings, constant(code)) is entry.code
        assert isinstance(entry.severity, Severity)
        assert entry.title[0].isupper() and not entry.title.endswith("."), code
        assert entry.help.endswith("."), code
    assert (
        REGISTRY["hub-not-found"].severity,
        REGISTRY["hub-renamed"].severity,
        REGISTRY["licence-choice"].severity,
    ) == (Severity.ERROR, Severity.WARNING, Severity.INFO)


def test_a_finding_refuses_a_code_that_is_not_registered():
    with pytest.raises(TypeError, match="finding code 'hub-not-fonud' is a bare string"):
        Finding(Severity.ERROR, "hub-not-fonud", "no such repository")
    with pytest.raises(TypeError, match="finding code 'hub-not-found' is a bare string"):
        Finding(Severity.ERROR, "hub-not-found", "the right spelling, but not the registry's constant")
    assert Finding(Severity.ERROR, HUB_NOT_FOUND, "no such repository").code == "hub-not-found"


def test_a_clause_brings_its_own_code():
    clause = Clause("any-term", "deny", "text", "https://example.org/licence", "1")
    assert type(clause.code) is Code and clause.code == "any-term"
    assert Finding(Severity.ERROR, clause.code, "denied").code == "any-term"


def test_every_clause_code_of_the_rules_has_help_and_no_help_is_left_over():
    codes = {clause.code for rule in load_knowledge().rules for clause in rule.clauses}
    clause_help = load_clause_help(rules_dir() / CLAUSE_HELP_FILE)
    assert sorted(code for code in codes if code not in clause_help and code not in REGISTRY) == []
    assert set(clause_help) == codes - set(REGISTRY)  # nothing unused, nothing the registry already has
    assert codes & set(REGISTRY) == {"licence-ambiguous"}  # raised by the Hub resolver and by clauses
    for code, (title, text) in clause_help.items():
        assert title[0].isupper() and text.endswith("."), code
        assert help_for(code) == (title, text)


def test_every_registered_code_is_raised_somewhere():
    """An entry that no module names is dead: its constant appears outside findings.py."""
    sources = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if p.name != "findings.py")
    assert sorted(code for code in REGISTRY if not re.search(rf"\b{constant(code)}\b", sources)) == []


def test_help_for_answers_from_the_registry_then_the_rules_then_the_code():
    assert help_for("hub-gated") == (REGISTRY["hub-gated"].title, REGISTRY["hub-gated"].help)
    assert help_for("non-commercial")[0] == "Non-commercial licence"
    assert help_for("some-new-code") == (
        "Some new code",
        "Some new code: see the message and the licence section it cites.",
    )


def test_a_broken_clause_help_file_leaves_clause_findings_a_title(tmp_path, monkeypatch):
    (tmp_path / CLAUSE_HELP_FILE).write_text("[non-commercial]\ntitle = 3\n")
    monkeypatch.setenv("LICENSECHECK_RULES_DIR", str(tmp_path))
    assert help_for("non-commercial") == (
        "Non commercial",
        "Non commercial: see the message and the licence section it cites.",
    )
    assert help_for("hub-gated")[0] == "Gated repository"  # the program's own codes do not depend on rules/
