"""The lawyer-readable verdict tables (tests/data/verdicts/*.tsv): reading them, and filling in their codes.

Each data line names a licence, a usage context, the verdict worked out by hand
and the codes of exactly the clauses that apply (or stay to be confirmed) under
that context. tests/test_verdict_table.py checks every line against the evaluator.

When a licence gains a clause, the rows it applies to need its code. Run

    .venv/bin/python tests/verdict_tables.py

to append the codes the evaluator finds but a row does not list (each one is
printed, for review against the licence text). It never touches a verdict, a
comment or a code already listed: a row whose verdict differs, or which lists a
code that does not apply, is printed as a problem and the exit status is 1.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from licensecheck.evaluate import evaluate_rule
from licensecheck.knowledge import Knowledge, load_knowledge
from licensecheck.model import Context, Evaluation, ModelFacts
from licensecheck.model_facts import MODEL_FACTS

TABLES = Path(__file__).parent / "data" / "verdicts"
COLUMNS = ["licence", "use", "distribution", "users", "revenue", "region", "verdict", "codes"]
# Tables about the organisation's size and the model's own facts (issue 15) have two columns more.
EXTENDED_COLUMNS = [
    "licence",
    "use",
    "distribution",
    "users",
    "org_users",
    "revenue",
    "region",
    "facts",
    "verdict",
    "codes",
]
NONE = "-"


@dataclass(frozen=True)
class Row:
    """One data line of a verdict table: the cells by column name, and where it is."""

    table: Path
    line: int  # 1-based, in the file
    cells: dict[str, str]

    @property
    def label(self) -> str:
        """The cells before verdict and codes, joined: the row's test id within its table."""
        return "/".join(list(self.cells.values())[:-2])

    @property
    def codes(self) -> list[str]:
        return [] if self.cells["codes"] == NONE else self.cells["codes"].split(",")


def _is_data(line: str) -> bool:
    return bool(line.strip()) and not line.startswith("#")


def read_table(table: Path) -> list[Row]:
    lines = table.read_text(encoding="utf-8").splitlines()
    data = [(number, line.split("\t")) for number, line in enumerate(lines, start=1) if _is_data(line)]
    (_, header), *body = data
    if header not in (COLUMNS, EXTENDED_COLUMNS):
        raise ValueError(f"{table.name}: header must be {COLUMNS} or {EXTENDED_COLUMNS}")
    for number, cells in body:
        if len(cells) != len(header):
            raise ValueError(f"{table.name}:{number}: {len(cells)} cells, the header has {len(header)}")
    return [Row(table, number, dict(zip(header, cells))) for number, cells in body]


def all_rows() -> list[Row]:
    return [row for table in sorted(TABLES.glob("*.tsv")) for row in read_table(table)]


def _figure(text: str) -> int | None:
    return None if text == NONE else int(text)


def context_of(row: Row) -> Context:
    cells = row.cells
    return Context(
        use=cells["use"],
        distribution=cells["distribution"],
        users=_figure(cells["users"]),
        revenue=_figure(cells["revenue"]),
        region=None if cells["region"] == NONE else cells["region"],
        org_users=_figure(cells.get("org_users", NONE)),
    )


def facts_of(row: Row) -> ModelFacts | None:
    """'-': the model's facts were not read; 'none': read, none holds; else the facts that hold."""
    text = row.cells.get("facts", NONE)
    if text == NONE:
        return None
    holds = () if text == "none" else tuple(sorted(text.split(",")))
    return ModelFacts(holds=holds, known=MODEL_FACTS)


def evaluate_row(row: Row, knowledge: Knowledge) -> Evaluation:
    rule = knowledge.lookup(row.cells["licence"])
    if rule is None:
        raise LookupError(f"{row.table.name}:{row.line}: no rule for {row.cells['licence']}")
    return evaluate_rule(rule, context_of(row), facts_of(row))


def complete_codes(table: Path, knowledge: Knowledge) -> tuple[str, list[str], list[str]]:
    """The table's text with each row's missing clause codes appended (in the order the
    licence lists its clauses), what was added, and the problems left for a person."""
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    added: list[str] = []
    problems: list[str] = []
    for row in read_table(table):
        where = f"{table.name}:{row.line} {row.label}"
        evaluation = evaluate_row(row, knowledge)
        applied = list(dict.fromkeys(evaluation.clauses))
        if evaluation.verdict.value != row.cells["verdict"]:
            problems.append(
                f"{where}: verdict {row.cells['verdict']} in the table, {evaluation.verdict.value} from the rules"
            )
            continue
        listed_but_not_applied = [code for code in row.codes if code not in applied]
        if listed_but_not_applied:
            problems.append(f"{where}: lists codes that do not apply: {','.join(listed_but_not_applied)}")
            continue
        missing = [code for code in applied if code not in row.codes]
        if not missing:
            continue
        added.append(f"{where}: + {','.join(missing)}")
        cells = list(row.cells.values())
        cells[-1] = ",".join(row.codes + missing)
        ending = lines[row.line - 1][len(lines[row.line - 1].rstrip("\r\n")) :]
        lines[row.line - 1] = "\t".join(cells) + ending
    return "".join(lines), added, problems


def main() -> int:
    knowledge = load_knowledge()
    all_problems: list[str] = []
    for table in sorted(TABLES.glob("*.tsv")):
        text, added, problems = complete_codes(table, knowledge)
        for message in added + problems:
            print(message)
        all_problems += problems
        if added:
            table.write_text(text, encoding="utf-8")
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main())
