"""The verdict of every licence under each usage context, from tables a lawyer can read.

Each row of `tests/data/verdicts/*.tsv` names a licence, a usage context, the
expected verdict and the clause codes that must have applied. The rows are
worked out by hand from the licence texts; the evaluator must agree.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from licensecheck.evaluate import evaluate_rule
from licensecheck.knowledge import load_knowledge
from licensecheck.model import Context, ModelFacts
from licensecheck.model_facts import MODEL_FACTS

DATA = Path(__file__).parent / "data"
COLUMNS = ["licence", "use", "distribution", "users", "revenue", "region", "verdict", "codes"]
# Tables about the organisation's size and the model's own facts (issue 15) have two columns more.
EXTENDED_COLUMNS = ["licence", "use", "distribution", "users", "org_users", "revenue", "region", "facts", "verdict", "codes"]
STANDARD_CONTEXTS = {
    ("commercial", "network", "2000000"),
    ("commercial", "network", "900000000"),
    ("non-commercial", "internal", "-"),
    ("commercial", "redistribute", "-"),
}


def _rows():
    for table in sorted((DATA / "verdicts").glob("*.tsv")):
        lines = [line for line in table.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
        reader = csv.reader(lines, delimiter="\t")
        header = next(reader)
        assert header in (COLUMNS, EXTENDED_COLUMNS), f"{table.name}: header must be {COLUMNS} or {EXTENDED_COLUMNS}"
        for number, row in enumerate(reader, start=2):
            assert len(row) == len(header), f"{table.name} row {number}: {row}"
            yield pytest.param(dict(zip(header, row)), id=f"{table.stem}:{'/'.join(row[:len(header) - 2])}")


ROWS = list(_rows())


def _figure(text: str) -> int | None:
    return None if text == "-" else int(text)


def _facts(text: str) -> ModelFacts | None:
    """'-': the model's facts were not read; 'none': read, none holds; else the facts that hold."""
    if text == "-":
        return None
    holds = () if text == "none" else tuple(sorted(text.split(",")))
    return ModelFacts(holds=holds, known=MODEL_FACTS)


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


@pytest.mark.parametrize("row", ROWS)
def test_verdict(row, knowledge):
    rule = knowledge.lookup(row["licence"])
    assert rule is not None, f"no rule for {row['licence']}"
    context = Context(
        use=row["use"],
        distribution=row["distribution"],
        users=_figure(row["users"]),
        revenue=_figure(row["revenue"]),
        region=None if row["region"] == "-" else row["region"],
        org_users=_figure(row.get("org_users", "-")),
    )
    evaluation = evaluate_rule(rule, context, _facts(row.get("facts", "-")))
    assert evaluation.verdict.value == row["verdict"], (evaluation.obligations, evaluation.findings)
    expected_codes = set() if row["codes"] == "-" else set(row["codes"].split(","))
    assert expected_codes <= set(evaluation.clauses)


def test_every_hub_licence_has_a_rule_and_all_standard_contexts(knowledge):
    hub_ids = [entry["id"] for entry in json.loads((DATA / "hub_licenses.json").read_text())["licenses"]]
    assert len(hub_ids) == 83
    missing_rules = [hub_id for hub_id in hub_ids if knowledge.lookup(hub_id) is None]
    assert not missing_rules
    covered: dict[str, set] = {}
    for param in ROWS:
        row = param.values[0]
        covered.setdefault(row["licence"], set()).add((row["use"], row["distribution"], row["users"]))
    lacking = [hub_id for hub_id in hub_ids if not STANDARD_CONTEXTS <= covered.get(hub_id, set())]
    assert not lacking, f"Hub ids without the four standard contexts: {lacking}"
