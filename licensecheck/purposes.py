"""Declared purposes (intended uses) and the licence terms that restrict them.

Pure: no I/O. The taxonomy is data (rules/purposes.toml, read by
`knowledge.load_purposes`); licence clauses name its ids in their `purposes`
condition and the evaluator applies them (evaluate.purpose_conditions). This
module answers the questions around them: whether the ids a user declared
exist (and which are close when not), which licences prohibit or condition
each purpose (`licensecheck purposes`), and which purpose terms a run left
unchecked because it declared no purpose.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from .knowledge import Knowledge
from .model import Clause, ComponentResult, Context, LicenceRule, Purpose, UncheckedPurposes
from .policy import bound_licences

PROHIBITS, CONDITIONS = "prohibits", "conditions"
PURPOSES_SCHEMA_VERSION = 1


class UnknownPurpose(ValueError):
    """A declared purpose id the taxonomy does not define; `suggestions` are the closest ids."""

    def __init__(self, purpose_id: str, suggestions: tuple[str, ...]) -> None:
        super().__init__(purpose_id)
        self.purpose_id = purpose_id
        self.suggestions = suggestions

    def message(self) -> str:
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        return f"{self.purpose_id!r} is not a purpose licensecheck knows{hint} (`licensecheck purposes` lists them)"


def closest_purposes(query: str, knowledge: Knowledge, limit: int = 3) -> tuple[str, ...]:
    """The ids spelt most like `query`: the best match and any nearly as close (`medcal-advice`: medical-advice only)."""
    query = query.strip().lower()
    scored = sorted(
        ((difflib.SequenceMatcher(None, query, purpose.id).ratio(), purpose.id) for purpose in knowledge.purposes),
        key=lambda pair: (-pair[0], pair[1]),
    )
    if not scored or scored[0][0] < 0.5:
        return ()
    best = scored[0][0]
    return tuple(purpose_id for ratio, purpose_id in scored[:limit] if ratio >= best - 0.1)


def check_purposes(declared: Iterable[str], knowledge: Knowledge) -> tuple[str, ...]:
    """The declared ids, sorted and without repeats; `UnknownPurpose` for the first the taxonomy lacks."""
    ids = sorted({purpose.strip() for purpose in declared})
    for purpose_id in ids:
        if knowledge.purpose(purpose_id) is None:
            raise UnknownPurpose(purpose_id, closest_purposes(purpose_id, knowledge))
    return tuple(ids)


def clause_stance(clause: Clause) -> str:
    """What a purpose clause does to its purposes: prohibits them, or conditions them (a duty, or a qualification to confirm)."""
    return PROHIBITS if clause.effect == "deny" and clause.qualification is None else CONDITIONS


def licence_purposes(rule: LicenceRule) -> dict[str, str]:
    """Each purpose the licence's clauses name, and whether it prohibits or conditions it (prohibits wins)."""
    stances: dict[str, str] = {}
    for clause in rule.clauses:
        for purpose_id in sorted(clause.purposes or ()):
            if stances.get(purpose_id) != PROHIBITS:
                stances[purpose_id] = clause_stance(clause)
    return stances


@dataclass(frozen=True)
class PurposeTerms:
    """One purpose of the taxonomy and the licences that prohibit or condition it."""

    purpose: Purpose
    prohibited_by: tuple[str, ...]
    conditioned_by: tuple[str, ...]


def purpose_terms(knowledge: Knowledge) -> tuple[PurposeTerms, ...]:
    """Every purpose, in taxonomy order, with the licence ids that restrict it."""
    stances = {rule.id: licence_purposes(rule) for rule in knowledge.rules}
    return tuple(
        PurposeTerms(
            purpose,
            tuple(sorted(licence for licence, by in stances.items() if by.get(purpose.id) == PROHIBITS)),
            tuple(sorted(licence for licence, by in stances.items() if by.get(purpose.id) == CONDITIONS)),
        )
        for purpose in knowledge.purposes
    )


def unchecked_purposes(
    results: Iterable[ComponentResult], knowledge: Knowledge, context: Context
) -> tuple[UncheckedPurposes, ...]:
    """With no purpose declared: each licence binding a component whose purpose terms went unchecked.

    A derivative is bound by its ancestors' licences, so their terms count for it
    too. Empty when the context declares purposes: then every purpose term was
    either checked or concerns a purpose the project does not have.
    """
    if context.purposes:
        return ()
    components: dict[str, dict[str, None]] = {}
    purposes: dict[str, dict[str, str]] = {}
    for item in results:
        for licence_id, _whose in bound_licences(item):
            rule = knowledge.lookup(licence_id)
            if rule is not None and (stances := licence_purposes(rule)):
                components.setdefault(rule.id, {})[item.component.name] = None
                purposes[rule.id] = stances
    return tuple(
        UncheckedPurposes(licence, tuple(sorted(purposes[licence])), tuple(sorted(names)))
        for licence, names in sorted(components.items())
    )


def to_document(terms: tuple[PurposeTerms, ...]) -> dict:
    """`licensecheck purposes --format json` (`schema_version` 1: later versions add keys, never remove one)."""
    return {
        "schema_version": PURPOSES_SCHEMA_VERSION,
        "purposes": [
            {
                "id": term.purpose.id,
                "description": term.purpose.description,
                "prohibited_by": list(term.prohibited_by),
                "conditioned_by": list(term.conditioned_by),
            }
            for term in terms
        ],
    }


def render_text(terms: tuple[PurposeTerms, ...]) -> str:
    """The taxonomy for people: each id, what it means, and which licences restrict it."""
    lines: list[str] = []
    for term in terms:
        lines.append(f"{term.purpose.id}: {term.purpose.description}")
        lines.append(f"  prohibited by: {', '.join(term.prohibited_by) or 'none'}")
        lines.append(f"  conditioned by: {', '.join(term.conditioned_by) or 'none'}")
    lines += [
        "",
        "Declare what a project does with --purpose ID (repeatable) or `purposes = [...]` in the configuration;",
        "`licensecheck explain LICENCE --purpose ID` shows the terms behind an entry.",
    ]
    return "\n".join(lines) + "\n"
