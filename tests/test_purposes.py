"""Declared purposes against licence terms: the taxonomy, the evaluator, and the purposes view of the verdict tables.

`tests/data/verdicts/purposes/licences.tsv` says, licence by licence, which purposes the
licence prohibits, which it conditions, and (by omission) which it is silent on,
worked out by hand from the texts the clauses cite. The evaluator must agree for
every licence in rules/ and every purpose of the taxonomy.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from licensecheck.evaluate import evaluate_rule
from licensecheck.explain_licence import describe_conditions
from licensecheck.knowledge import RulesError, load_knowledge, parse_rule
from licensecheck.model import Clause, Context, LicenceRule, Verdict
from licensecheck.purposes import (
    CONDITIONS,
    PROHIBITS,
    UnknownPurpose,
    check_purposes,
    closest_purposes,
    licence_purposes,
    purpose_terms,
    to_document,
)

TABLE = Path(__file__).parent / "data" / "verdicts" / "purposes" / "licences.tsv"
ISSUE_IDS = {
    "medical-advice",
    "legal-advice",
    "financial-advice",
    "military",
    "surveillance",
    "biometric-identification",
    "law-enforcement",
    "automated-decisions",
    "critical-infrastructure",
    "train-other-models",
    "synthetic-content-undisclosed",
    "minors",
}
# A context no purpose-free clause denies in: purposes are then the only difference.
BASE = Context(use="non-commercial", distribution="internal")


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def _table() -> dict[str, tuple[set[str], set[str]]]:
    lines = [
        line for line in TABLE.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")
    ]
    reader = csv.reader(lines, delimiter="\t")
    assert next(reader) == ["licence", "prohibited", "conditioned"]
    rows = {}
    for row in reader:
        assert len(row) == 3, row
        licence, prohibited, conditioned = row
        assert licence not in rows, f"{licence} listed twice"
        rows[licence] = tuple(set() if cell == "-" else set(cell.split(",")) for cell in (prohibited, conditioned))
    return rows


TABLE_ROWS = _table()


def _stance(rule: LicenceRule, purpose: str) -> str:
    """What declaring `purpose` does to the licence's verdict under BASE: prohibits, conditions or silent."""
    before = evaluate_rule(rule, BASE)
    after = evaluate_rule(rule, replace(BASE, purposes=(purpose,)))
    if after == before:
        return "silent"
    if after.verdict is Verdict.DENIED and before.verdict is not Verdict.DENIED:
        return PROHIBITS
    assert after.verdict is Verdict.CONDITIONAL, (rule.id, purpose, after)
    assert set(after.obligations) > set(before.obligations) and after.findings == before.findings
    return CONDITIONS


def test_the_taxonomy_has_the_issue_ids_each_with_a_description(knowledge):
    ids = [purpose.id for purpose in knowledge.purposes]
    assert set(ids) == ISSUE_IDS and len(ids) == len(set(ids))
    assert all(purpose.description.endswith(".") and len(purpose.description) > 20 for purpose in knowledge.purposes)


def test_table_names_only_known_licences_and_purposes(knowledge):
    for licence, (prohibited, conditioned) in TABLE_ROWS.items():
        rule = knowledge.lookup(licence)
        assert rule is not None and rule.id == licence, licence
        assert (prohibited | conditioned) <= ISSUE_IDS, licence
        assert not prohibited & conditioned, licence


@pytest.mark.parametrize("licence", sorted(rule.id for rule in load_knowledge().rules))
def test_each_licence_prohibits_conditions_or_is_silent_as_the_table_says(knowledge, licence):
    rule = knowledge.lookup(licence)
    prohibited, conditioned = TABLE_ROWS.get(licence, (set(), set()))
    found = {purpose: _stance(rule, purpose) for purpose in sorted(ISSUE_IDS)}
    expected = {
        purpose: PROHIBITS if purpose in prohibited else CONDITIONS if purpose in conditioned else "silent"
        for purpose in sorted(ISSUE_IDS)
    }
    assert found == expected


def test_the_licences_with_purpose_terms_are_exactly_the_table(knowledge):
    mapped = {rule.id for rule in knowledge.rules if licence_purposes(rule)}
    assert mapped == set(TABLE_ROWS)
    assert len(mapped) == 39


@pytest.mark.parametrize("licence", ["mit", "apache-2.0", "bsd-3-clause", "cc-by-4.0", "openmdw-1.0"])
def test_permissive_licences_are_unaffected_by_every_purpose(knowledge, licence):
    rule = knowledge.lookup(licence)
    for context in (BASE, Context(), Context(distribution="redistribute")):
        assert evaluate_rule(rule, replace(context, purposes=tuple(sorted(ISSUE_IDS)))) == evaluate_rule(rule, context)


def test_without_a_declared_purpose_every_licence_evaluates_as_before_purposes_existed(knowledge):
    contexts = [Context(), BASE, Context(distribution="redistribute", users=900_000_000, region="FR")]
    for rule in knowledge.rules:
        without = replace(rule, clauses=tuple(c for c in rule.clauses if c.purposes is None))
        for context in contexts:
            assert evaluate_rule(rule, context) == evaluate_rule(without, context), rule.id


def test_a_prohibited_purpose_denies_with_the_clause_its_source_and_section(knowledge):
    evaluation = evaluate_rule(knowledge.lookup("creativeml-openrail-m"), Context(purposes=("medical-advice",)))
    assert evaluation.verdict is Verdict.DENIED
    (finding,) = [f for f in evaluation.findings if f.code == "purpose-medical-advice"]
    assert finding.message == (
        "Declared purpose medical-advice: Attachment A forbids using the model or its derivatives to provide medical "
        "advice or to interpret medical results. [creativeml-openrail-m Attachment A (10th restriction); "
        "https://github.com/CompVis/stable-diffusion/blob/main/LICENSE]"
    )


def test_a_qualified_restriction_is_conditional_with_the_qualification_to_confirm(knowledge):
    evaluation = evaluate_rule(knowledge.lookup("llama3"), Context(purposes=("legal-advice", "medical-advice")))
    assert evaluation.verdict is Verdict.CONDITIONAL
    assert "purpose-unlicensed-practice" in evaluation.clauses
    (duty,) = [d for d in evaluation.duties if d.code == "purpose-unlicensed-practice"]
    assert duty.text.startswith(
        "Applies to declared purposes legal-advice, medical-advice, if the practice is unauthorised or unlicensed "
        "(confirm a professional licensed where the law requires one answers for the service): The Meta Llama 3 "
        "Acceptable Use Policy forbids"
    )
    assert duty.source == "https://llama.meta.com/llama3/use-policy"
    assert duty.section == "Acceptable Use Policy, Prohibited Uses 1.d"


def test_output_terms_llama3_forbids_training_llama31_names_gemma_derives(knowledge):
    train = Context(purposes=("train-other-models",))
    llama3 = evaluate_rule(knowledge.lookup("llama3"), train)
    assert llama3.verdict is Verdict.DENIED
    assert [f.code for f in llama3.findings] == ["purpose-training-other-llms"]
    llama31 = evaluate_rule(knowledge.lookup("llama3.1"), train)
    assert llama31.verdict is Verdict.CONDITIONAL
    assert any(
        'its name must begin with "Llama"' in text and "Declared purpose train-other-models" in text
        for text in llama31.obligations
    )
    gemma = evaluate_rule(knowledge.lookup("gemma"), train)
    assert gemma.verdict is Verdict.CONDITIONAL and "purpose-model-derivative" in gemma.clauses
    assert evaluate_rule(knowledge.lookup("mit"), train) == evaluate_rule(knowledge.lookup("mit"), Context())


def test_a_purpose_the_licence_is_silent_on_changes_nothing(knowledge):
    rule = knowledge.lookup("llama3")
    assert evaluate_rule(rule, Context(purposes=("law-enforcement",))) == evaluate_rule(rule, Context())


def test_purpose_conditions_are_described_for_explain():
    clause = Clause(
        "c", "deny", "t", "https://x", "1", purposes=frozenset({"minors", "military"}), qualification="if so"
    )
    assert describe_conditions(clause) == ("for declared purpose military or minors", "if so")


def test_check_purposes_sorts_and_suggests(knowledge):
    assert check_purposes(["minors", "military", "minors"], knowledge) == ("military", "minors")
    with pytest.raises(UnknownPurpose) as raised:
        check_purposes(["medcal-advice"], knowledge)
    assert raised.value.suggestions == ("medical-advice",)
    assert closest_purposes("training-other-models", knowledge) == ("train-other-models",)
    assert closest_purposes("zzz", knowledge) == ()


def test_purpose_terms_name_the_licences_restricting_each_purpose(knowledge):
    terms = {term.purpose.id: term for term in purpose_terms(knowledge)}
    assert list(terms) == [purpose.id for purpose in knowledge.purposes]
    assert terms["critical-infrastructure"].prohibited_by == (
        "fair-noncommercial-research-license",
        "llama2",
        "llama3",
        "llama3.1",
        "llama3.2",
        "llama3.3",
        "llama4",
    )
    assert terms["critical-infrastructure"].conditioned_by == ("tencent-hunyuan-community",)
    assert terms["train-other-models"].prohibited_by == (
        "grok2-community",
        "llama2",
        "llama3",
        "minicpm-model",
        "stabilityai-community",
        "tencent-hunyuan-community",
        "tongyi-qianwen",
        "tongyi-qianwen-research",
    )
    document = to_document(tuple(terms.values()))
    assert document["schema_version"] == 1
    assert document["purposes"][0] == {
        "id": "medical-advice",
        "description": "Providing medical advice or interpreting medical results (diagnosis, triage, treatment suggestions).",
        "prohibited_by": [
            "bigscience-bloom-rail-1.0",
            "bigscience-openrail-m",
            "creativeml-openrail-m",
            "faipl-1.0-sd",
            "openrail++",
        ],
        "conditioned_by": [
            "bigcode-openrail-m",
            "fair-noncommercial-research-license",
            "gemma",
            "llama2",
            "llama3",
            "llama3.1",
            "llama3.2",
            "llama3.3",
            "llama4",
            "openrail",
            "tencent-hunyuan-community",
        ],
    }


@pytest.mark.parametrize(
    ("clause", "problem"),
    [
        ({"purposes": []}, "`purposes` must be a non-empty list"),
        ({"purposes": "minors"}, "`purposes` must be a non-empty list"),
        ({"qualification": "if so"}, "`qualification` qualifies a `purposes` condition"),
        ({"purposes": ["minors"], "qualification": " "}, "`qualification` must be a non-empty string"),
    ],
)
def test_malformed_purpose_conditions_are_rules_errors(clause, problem):
    raw = {
        "id": "x",
        "name": "X",
        "url": "https://x",
        "category": "permissive",
        "clauses": [{"code": "c", "effect": "deny", "text": "t", "source": "https://x", "section": "1", **clause}],
    }
    with pytest.raises(RulesError, match=problem):
        parse_rule(raw, "x.toml", ("permissive",))


def test_a_clause_naming_an_unknown_purpose_fails_the_load_and_the_check(tmp_path):
    from licensecheck.rules_check import check_rules

    (tmp_path / "licences").mkdir()
    (tmp_path / "categories.toml").write_text('[[category]]\nid = "permissive"\nlevel = 1\nwords = "permissive"\n')
    (tmp_path / "clause-help.toml").write_text('[c]\ntitle = "C"\nhelp = "C."\n')
    (tmp_path / "purposes.toml").write_text('[[purpose]]\nid = "minors"\ndescription = "Children."\n')
    (tmp_path / "licences" / "x.toml").write_text(
        'id = "x"\nname = "X"\nurl = "https://x"\ncategory = "permissive"\nchecked = "2026-01-01"\n'
        '[[clauses]]\ncode = "c"\neffect = "deny"\npurposes = ["minor"]\ntext = "t"\nsource = "https://x"\nsection = "1"\n'
    )
    with pytest.raises(RulesError, match="names purpose\\(s\\) minor, which purposes.toml does not define"):
        load_knowledge(tmp_path)
    report = check_rules(tmp_path, hub_ids=[])
    assert [(p.kind, p.message) for p in report.problems] == [
        ("invalid file", "names purpose(s) minor, which purposes.toml does not define")
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[[purpose]]\nid = "Minors"\ndescription = "x"\n', "must be kebab-case"),
        ('[[purpose]]\nid = "a"\ndescription = "x"\n[[purpose]]\nid = "a"\ndescription = "y"\n', "defined twice"),
        ('[[purpose]]\nid = "a"\n', "needs exactly the keys id and description"),
        ("other = 1\n", "expected only an array of \\[\\[purpose\\]\\] tables"),
    ],
)
def test_a_broken_taxonomy_is_a_rules_error(tmp_path, text, problem):
    from licensecheck.knowledge import load_purposes

    (tmp_path / "purposes.toml").write_text(text)
    with pytest.raises(RulesError, match=problem):
        load_purposes(tmp_path / "purposes.toml")


def test_explain_marks_purpose_terms_not_checked_when_no_purpose_is_declared(knowledge):
    from licensecheck.explain_licence import explain_licence

    def statuses(context):
        return {term.clause.code: term.status for term in explain_licence(knowledge.lookup("llama3"), context).terms}

    assert statuses(Context())["purpose-military"] == "not-checked"
    assert statuses(Context())["user-threshold"] == "to-confirm"
    declared = statuses(Context(purposes=("minors",)))
    assert (declared["purpose-military"], declared["purpose-minors"]) == ("not-applicable", "to-confirm")


def test_explain_json_keeps_its_statuses_and_says_a_purpose_term_was_not_checked(knowledge):
    from licensecheck.explain_licence import explain_licence
    from licensecheck.report.explain_licence import to_document

    terms = {t["code"]: t for t in to_document(explain_licence(knowledge.lookup("llama3"), Context()))["terms"]}
    assert terms["purpose-military"]["status"] == "not-applicable" and terms["purpose-military"]["purpose_not_checked"]
    assert "purpose_not_checked" not in terms["user-threshold"]
