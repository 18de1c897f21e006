"""What a licence permits and requires, term by term, and what it means under a usage context.

Pure: a `LicenceRule` from `rules/` and a `Context` in, an `Explanation` out. No I/O.
`report/explain_licence.py` renders it (text for people, a JSON document for tools).
`licensecheck explain ID` is a thin command over `find_licence` and
`explain_licence`; other commands (a component's lineage, a report) can call
them too.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace

from .evaluate import clause_conditions, evaluate_rule
from .knowledge import Knowledge, normalise_id
from .model import DISTRIBUTIONS, USES, Clause, Context, Evaluation, LicenceRule, Verdict
from .model_facts import FACT_WORDS

STATUS_APPLIES, STATUS_TO_CONFIRM, STATUS_NOT_APPLICABLE = "applies", "to-confirm", "not-applicable"
# A clause about purposes when the context declares none: not judged either way.
STATUS_NOT_CHECKED = "not-checked"
_USE_WORDS = {"commercial": "commercial use", "non-commercial": "non-commercial use"}
_DISTRIBUTION_WORDS = {
    "internal": "used inside the organisation",
    "network": "offered as a network service",
    "redistribute": "redistributed",
}


class UnknownLicenceId(LookupError):
    """No rule answers to the id; `suggestions` are the closest known ids."""

    def __init__(self, query: str, suggestions: tuple[str, ...]) -> None:
        super().__init__(query)
        self.query = query
        self.suggestions = suggestions

    def message(self) -> str:
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        return f"{self.query!r} is not a licence id, SPDX id or alias licensecheck knows{hint}"


@dataclass(frozen=True)
class TermExplained:
    """One clause, its conditions in words, and whether it binds under the context."""

    clause: Clause
    conditions: tuple[str, ...]
    status: str
    undecided: tuple[str, ...] = ()


@dataclass(frozen=True)
class UsageVerdict:
    use: str
    distribution: str
    verdict: Verdict


@dataclass(frozen=True)
class Explanation:
    rule: LicenceRule
    context: Context
    evaluation: Evaluation
    terms: tuple[TermExplained, ...]
    # The verdict for every use and distribution, with the context's figures and region:
    # what the licence permits at a glance.
    permits: tuple[UsageVerdict, ...]


def find_licence(query: str, knowledge: Knowledge) -> LicenceRule:
    """The rule for a Hub id, SPDX id or alias (any case); `UnknownLicenceId` with suggestions otherwise."""
    rule = knowledge.lookup(query) if query.strip() else None
    if rule is None:
        raise UnknownLicenceId(query, closest_licences(query, knowledge))
    return rule


def names_a_licence(query: str, knowledge: Knowledge) -> bool:
    """Whether `query` reads as a licence rather than a component, without looking at any project.

    A licence id, SPDX id or alias, or the start of one up to a version or a
    word break (`Apache` of `apache-2.0`, `llama` of `llama3.1`, `cc-by` of
    `cc-by-4.0`): what people type for a licence family. Package names such as
    `numpy`, or `apache-beam`, are none of these.
    """
    if knowledge.lookup(query) is not None:
        return True
    family = normalise_id(query)
    if len(family) < 2 or "/" in family:
        return False
    return any(
        name.startswith(family) and len(name) > len(family) and not name[len(family)].isalpha()
        for name in knowledge.known_names()
    )


def closest_licences(query: str, knowledge: Knowledge, limit: int = 5) -> tuple[str, ...]:
    """The ids of the rules whose ids or aliases are spelt most like `query`."""
    names = knowledge.known_names()
    close = difflib.get_close_matches(normalise_id(query), names, n=limit * 4, cutoff=0.6)
    ids: dict[str, None] = {}
    for name in close:
        rule = knowledge.lookup(name)
        if rule is not None:
            ids.setdefault(rule.id, None)
    return tuple(ids)[:limit]


def describe_conditions(clause: Clause) -> tuple[str, ...]:
    """A clause's conditions in words; empty when it always applies."""
    words = []
    if clause.uses is not None:
        words.append(" or ".join(_USE_WORDS[use] for use in USES if use in clause.uses))
    if clause.distributions is not None:
        words.append(" or ".join(_DISTRIBUTION_WORDS[d] for d in DISTRIBUTIONS if d in clause.distributions))
    if clause.users_above is not None:
        words.append(f"above {clause.users_above:,} monthly active users")
    if clause.org_users_above is not None:
        counted = f" on {clause.org_users_counted_on}" if clause.org_users_counted_on else ""
        words.append(f"above {clause.org_users_above:,} monthly active users of the organisation{counted}")
    if clause.revenue_above is not None:
        words.append(f"above USD {clause.revenue_above:,} annual revenue")
    if clause.regions is not None:
        words.append(f"in {', '.join(sorted(clause.regions))}")
    for fact in sorted(clause.model_facts or ()):
        words.append(f"the model is {FACT_WORDS.get(fact, fact)}")
    if clause.purposes is not None:
        words.append(f"for declared purpose {' or '.join(sorted(clause.purposes))}")
    if clause.qualification is not None:
        words.append(clause.qualification)
    return tuple(words)


def explain_licence(rule: LicenceRule, context: Context) -> Explanation:
    """Every term of `rule` with its status under `context`, the verdict, and the verdict per usage."""
    terms = []
    for clause in rule.clauses:
        applies, undecided = clause_conditions(clause, context)
        if not applies and clause.purposes is not None and not context.purposes:
            status = STATUS_NOT_CHECKED
        elif not applies:
            status = STATUS_NOT_APPLICABLE
        elif undecided:
            status = STATUS_TO_CONFIRM
        else:
            status = STATUS_APPLIES
        terms.append(TermExplained(clause, describe_conditions(clause), status, tuple(undecided)))
    permits = tuple(
        UsageVerdict(
            use, distribution, evaluate_rule(rule, replace(context, use=use, distribution=distribution)).verdict
        )
        for use in USES
        for distribution in DISTRIBUTIONS
    )
    return Explanation(rule, context, evaluate_rule(rule, context), tuple(terms), permits)
