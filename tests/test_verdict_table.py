"""The verdict of every licence under each usage context, from tables a lawyer can read.

Each row of `tests/data/verdicts/*.tsv` names a licence, a usage context, the
expected verdict and exactly the clause codes that apply (or stay to be
confirmed). The rows are worked out by hand from the licence texts; the
evaluator must agree. `python tests/verdict_tables.py` appends the codes of a
newly added clause to the rows it applies to (see there).
"""

from __future__ import annotations

import pytest
from verdict_tables import all_rows, complete_codes, evaluate_row

from licensecheck.knowledge import load_knowledge
from licensecheck.rules_check import hub_licence_ids

STANDARD_CONTEXTS = {
    ("commercial", "network", "2000000"),
    ("commercial", "network", "900000000"),
    ("non-commercial", "internal", "-"),
    ("commercial", "redistribute", "-"),
}

ROWS = [pytest.param(row, id=f"{row.table.stem}:{row.label}") for row in all_rows()]


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


@pytest.mark.parametrize("row", ROWS)
def test_verdict(row, knowledge):
    evaluation = evaluate_row(row, knowledge)
    assert evaluation.verdict.value == row.cells["verdict"], (evaluation.obligations, evaluation.findings)
    assert set(evaluation.clauses) == set(row.codes)
    assert len(row.codes) == len(set(row.codes)), "a code listed twice"


def test_every_hub_licence_has_a_rule_and_all_standard_contexts(knowledge):
    hub_ids = hub_licence_ids()
    assert len(hub_ids) == 83
    missing_rules = [hub_id for hub_id in hub_ids if knowledge.lookup(hub_id) is None]
    assert not missing_rules
    covered: dict[str, set] = {}
    for param in ROWS:
        cells = param.values[0].cells
        covered.setdefault(cells["licence"], set()).add((cells["use"], cells["distribution"], cells["users"]))
    lacking = [hub_id for hub_id in hub_ids if not STANDARD_CONTEXTS <= covered.get(hub_id, set())]
    assert not lacking, f"Hub ids without the four standard contexts: {lacking}"


def test_completing_a_table_appends_missing_codes_and_leaves_verdicts_and_comments_to_a_person(knowledge, tmp_path):
    table = tmp_path / "table.tsv"
    table.write_text(
        "# a comment stays\n"
        "licence\tuse\tdistribution\tusers\trevenue\tregion\tverdict\tcodes\n"
        "apache-2.0\tcommercial\tredistribute\t-\t-\t-\tconditional\tnotice\n"
        "mit\tcommercial\tredistribute\t-\t-\t-\tallowed\t-\n"
        "mit\tnon-commercial\tinternal\t-\t-\t-\tallowed\tnotice\n",
        encoding="utf-8",
    )
    text, added, problems = complete_codes(table, knowledge)
    assert text == (
        "# a comment stays\n"
        "licence\tuse\tdistribution\tusers\trevenue\tregion\tverdict\tcodes\n"
        "apache-2.0\tcommercial\tredistribute\t-\t-\t-\tconditional\tnotice,licence-copy,state-changes,notice-file\n"
        "mit\tcommercial\tredistribute\t-\t-\t-\tallowed\t-\n"
        "mit\tnon-commercial\tinternal\t-\t-\t-\tallowed\tnotice\n"
    )
    assert added == ["table.tsv:3 apache-2.0/commercial/redistribute/-/-/-: + licence-copy,state-changes,notice-file"]
    assert problems == [
        "table.tsv:4 mit/commercial/redistribute/-/-/-: verdict allowed in the table, conditional from the rules",
        "table.tsv:5 mit/non-commercial/internal/-/-/-: lists codes that do not apply: notice",
    ]
