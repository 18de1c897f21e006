"""Lineage: a derivative model is held to its ancestors' terms.

A fine-tune, adapter, quantisation or merge declares its bases (the card's
`base_model` and `base_model_relation`, or the Hub's `base_model:` tags; for the
organisation's own models, `models.yaml`). Whatever licence a derivative
declares, every ancestor's licence still binds it.

This module is the pure half: `link_lineage` takes the already-judged ancestors
and gives each model its effective terms: the most restrictive verdict, the
union of obligations (each saying which ancestor it comes from), and findings
for laundering, unresolved ancestors, cycles and chains cut at `MAX_DEPTH`. The
resolution half, `lineage_walk.AncestorWalker`, follows the bases through the
run's resolver as answers arrive.

Both halves decide which component stands for an ancestor id the same way
(`ancestor_component`): the manifest's declaration when there is one (so an
override or an `own: true` model is honoured as a base too), else the Hub
repository at its default revision.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from .findings import (
    LICENCE_FROM_BASE,
    LICENCE_LAUNDERING,
    LINEAGE_BUDGET,
    LINEAGE_CYCLE,
    LINEAGE_SELF,
    LINEAGE_TOO_DEEP,
    LINEAGE_TOO_WIDE,
    LINEAGE_UNRESOLVED,
    NO_LICENCE,
)
from .knowledge import Knowledge
from .model import (
    MODEL,
    Component,
    ComponentResult,
    Evaluation,
    Finding,
    LicenceInfo,
    LineageEntry,
    Resolved,
    Severity,
    Verdict,
    is_valid_repo_id,
)

# How far up a chain is followed. Real chains are 1-4 deep (base → instruct →
# fine-tune → quantisation); anything deeper is cut with a finding, and the
# derivative is unknown, because the terms above the cut were never read.
MAX_DEPTH = 8
# Real merges name a handful of parents; a card naming hundreds is broken or
# hostile. Beyond this many, the rest are not fetched and the model is unknown.
MAX_BASES = 32
# Depth and width alone still allow 32^8 ancestors: hostile cards that each name
# 32 new bases. A run looks up at most this many ancestors in all (a large
# repository's models share a few dozen); the rest are unknown, and said so.
MAX_ANCESTORS = 500

QUANTIZED = "quantized"
MERGE = "merge"
# Derivatives that add nothing of their own to the weights' terms: when their card
# leaves the licence open, their bases' licences are the terms (`_judged_by_bases`).
_CARRIES_BASES_TERMS = (QUANTIZED, MERGE)
# Why a model's own licence is undetermined rather than unavailable: its card says
# `other`/`unknown` without naming the terms, or nothing at all.
_UNDETERMINED_CODES = frozenset({"licence-unrecognised", "no-licence"})
# The licence source shown for the organisation's own model that has no licence of its own.
OWN_SOURCE = "own"


# -- which component stands for an ancestor --------------------------------------------


def declared_models(components: Iterable[Component]) -> dict[str, Component]:
    """The manifest's models by lower-case id; an unpinned declaration wins over a pinned one."""
    declared: dict[str, Component] = {}
    for component in components:
        if component.type != MODEL:
            continue
        name = component.name.lower()
        if name not in declared or (component.revision is None and declared[name].revision is not None):
            declared[name] = component
    return declared


def ancestor_component(name: str, declared: Mapping[str, Component]) -> Component:
    """The component resolved and judged for the ancestor `name`."""
    return declared.get(name.lower()) or Component(type=MODEL, name=name)


def budget_notices(answers: Mapping[tuple, Resolved]) -> tuple[Finding, ...]:
    """A notice for the top of the report when the run reached its budget of ancestors."""
    skipped = sum(
        1 for a in answers.values() if a.resolution.problem is not None and a.resolution.problem.code == LINEAGE_BUDGET
    )
    if not skipped:
        return ()
    message = (
        f"lineage: this run looked up {MAX_ANCESTORS} ancestors, the most it follows, and left {skipped} more "
        "unresolved; the models that descend from them are unknown (base models that each name many new "
        "bases are broken or hostile cards)"
    )
    return (Finding(Severity.ERROR, LINEAGE_BUDGET, message),)


def ancestor_components(components: Iterable[Component], answers: Mapping[tuple, Resolved]) -> list[Component]:
    """Every ancestor reached from `components` that is not itself declared (for the lock)."""
    components = list(components)
    declared = declared_models(components)
    listed = {component.key for component in components}
    found: list[Component] = []
    queue = [answers.get(c.key) for c in components if c.type == MODEL]
    while queue:
        answer = queue.pop()
        for base in answer.base_models if answer is not None else ():
            ancestor = ancestor_component(base, declared)
            if is_valid_repo_id(base) and ancestor.key not in listed and ancestor.key in answers:
                listed.add(ancestor.key)
                found.append(ancestor)
                queue.append(answers.get(ancestor.key))
    return found


# -- linking ---------------------------------------------------------------------------------


def link_lineage(
    results: Iterable[ComponentResult],
    answers: Mapping[tuple, Resolved],
    judge_one: Callable[[Component, Resolved], ComponentResult],
    knowledge: Knowledge,
    max_depth: int = MAX_DEPTH,
) -> tuple[ComponentResult, ...]:
    """Each model's result with its ancestors' terms combined in; other results unchanged.

    `results` are the components judged on their own licence; `answers` holds
    every resolved component and ancestor by component key; `judge_one` judges
    an ancestor (the same pure step as for components).
    """
    results = tuple(results)
    declared = declared_models(result.component for result in results)
    judged: dict[tuple, ComponentResult] = {result.component.key: result for result in results}

    def ancestor(name: str) -> ComponentResult | None:
        component = ancestor_component(name, declared)
        if component.key not in judged:
            answer = answers.get(component.key)
            if answer is None:
                return None
            judged[component.key] = judge_one(component, answer)
        return judged[component.key]

    return tuple(
        _with_lineage(result, answers, ancestor, knowledge, max_depth) if result.component.type == MODEL else result
        for result in results
    )


@dataclass(frozen=True)
class _Node:
    """An ancestor as the walk found it: the entry to report, its judged licence, its bases."""

    entry: LineageEntry
    result: ComponentResult | None
    bases: tuple[str, ...]


def _bases_of(answer: Resolved | None) -> tuple[tuple[str, ...], str | None]:
    return (answer.base_models, answer.relation) if answer is not None else ((), None)


def _within_limit(name: str, bases: tuple[str, ...], findings: list[Finding]) -> tuple[str, ...]:
    if len(bases) <= MAX_BASES:
        return bases
    findings.append(
        Finding(
            Severity.ERROR,
            LINEAGE_TOO_WIDE,
            f"{name} names {len(bases)} base models; only the first {MAX_BASES} were followed, so the terms of the rest are unknown",
        )
    )
    return bases[:MAX_BASES]


def _has_own_terms(component: Component) -> bool:
    """The organisation's own model has no licence unless the manifest gives one."""
    return not component.own or component.override is not None


def _walk(
    root: ComponentResult,
    answers: Mapping[tuple, Resolved],
    ancestor: Callable[[str], ComponentResult | None],
    max_depth: int,
) -> tuple[list[_Node], list[Finding]]:
    """Breadth first from the root: each ancestor once, at the smallest depth it is reached."""
    root_bases, root_relation = _bases_of(answers.get(root.component.key))
    root_name = root.component.name
    findings: list[Finding] = []
    nodes: list[_Node] = []
    seen = {root_name.lower()}
    root_bases = _within_limit(root_name, root_bases, findings)
    queue = [(base, 1, root_name, root_relation) for base in root_bases]
    edges: dict[str, list[str]] = {root_name.lower(): []}
    for base, depth, via, relation in queue:  # the queue grows while it is read
        if base.lower() == via.lower():
            findings.append(
                Finding(
                    Severity.WARNING,
                    LINEAGE_SELF,
                    f"{via} declares itself as its own base model; that declaration is ignored",
                )
            )
            continue
        edges.setdefault(via.lower(), []).append(base.lower())
        if base.lower() in seen:
            continue
        seen.add(base.lower())
        if not is_valid_repo_id(base):
            findings.append(
                Finding(
                    Severity.ERROR,
                    LINEAGE_UNRESOLVED,
                    f"{via} declares the base model {base[:120]!r}, which is not a valid repository id: its terms are unknown",
                )
            )
            nodes.append(_Node(LineageEntry(base[:120], depth, via, relation), None, ()))
            continue
        result = ancestor(base)
        answer = answers.get(result.component.key) if result is not None else None
        bases, base_relation = _bases_of(answer)
        entry = LineageEntry(base, depth, via, relation)
        if result is not None and not _has_own_terms(result.component):
            entry = replace(entry, licence=LicenceInfo(id=None, source=OWN_SOURCE))
        elif result is not None:
            entry = replace(entry, licence=result.resolution.licence, verdict=result.evaluation.verdict)
        nodes.append(_Node(entry, result, bases))
        if not bases:
            continue
        if depth >= max_depth:
            findings.append(
                Finding(
                    Severity.ERROR,
                    LINEAGE_TOO_DEEP,
                    f"lineage deeper than {max_depth} levels: the bases of {base} ({', '.join(bases)}) were not followed, so their terms are unknown",
                )
            )
            continue
        queue.extend((parent, depth + 1, base, base_relation) for parent in _within_limit(base, bases, findings))
    findings.extend(_cycles(root_name, edges, {node.entry.name.lower(): node.entry.name for node in nodes}))
    return nodes, findings


def _cycles(root: str, edges: dict[str, list[str]], names: dict[str, str]) -> list[Finding]:
    """A finding for each loop in the declared bases (A → B → A): such a chain has no root."""
    names = {root.lower(): root, **names}
    findings: list[Finding] = []
    reported: set[frozenset[str]] = set()
    done: set[str] = set()
    # Depth first without recursion: a wide hostile graph must not hit the recursion limit.
    path: list[str] = [root.lower()]
    pending = [iter(edges.get(root.lower(), ()))]
    while pending:
        parent = next(pending[-1], None)
        if parent is None:
            done.add(path.pop())
            pending.pop()
        elif parent in path:
            loop = path[path.index(parent) :] + [parent]
            if frozenset(loop) not in reported:
                reported.add(frozenset(loop))
                shown = " → ".join(names.get(n, n) for n in loop)
                findings.append(
                    Finding(
                        Severity.ERROR,
                        LINEAGE_CYCLE,
                        f"the declared base models loop ({shown}): the chain has no root, so its terms cannot be determined",
                    )
                )
        elif parent not in done:
            path.append(parent)
            pending.append(iter(edges.get(parent, ())))
    return findings


def _unresolved(node: _Node) -> Finding | None:
    """Why an ancestor imposes unknown terms, or None when its terms are known."""
    result, name, via = node.result, node.entry.name, node.entry.via
    if result is None:
        return Finding(
            Severity.ERROR,
            LINEAGE_UNRESOLVED,
            f"ancestor {name} (base of {via}) was not resolved, so its terms are unknown",
        )
    if not _has_own_terms(result.component):
        if node.bases:
            return None  # its own bases are walked: their terms are its terms
        return Finding(
            Severity.ERROR,
            LINEAGE_UNRESOLVED,
            f"ancestor {name} (base of {via}) is your own model but declares neither `license` nor `base_model` in the manifest, so its terms are unknown",
        )
    problem = result.resolution.problem
    if problem is not None or result.resolution.licence is None:
        why = problem.message if problem is not None else "no licence was found"
        if problem is not None and problem.code == "not-in-lock":
            why += "; run `licensecheck lock` to record the lineage"
        return Finding(
            Severity.ERROR,
            LINEAGE_UNRESOLVED,
            f"ancestor {name} (base of {via}) could not be resolved, so its terms are unknown: {why}",
        )
    return None


def _prefix(entry: LineageEntry) -> str:
    licence = entry.licence.id if entry.licence is not None and entry.licence.id else "licence not determined"
    return f"from {entry.name} ({licence})"


def _laundering(root: ComponentResult, nodes: list[_Node], knowledge: Knowledge) -> list[Finding]:
    """An error for each stricter licence up the chain than the one the model declares."""
    declared = root.resolution.licence
    own_rule = knowledge.lookup(declared.id) if declared is not None and declared.id else None
    own_level = knowledge.permissiveness(own_rule.category) if own_rule is not None else None
    if own_rule is None or own_level is None:
        return []
    component = root.component
    findings: list[Finding] = []
    reported: set[str] = set()
    for node in nodes:  # nearest first: name the closest ancestor under each stricter licence
        licence = node.entry.licence
        rule = knowledge.lookup(licence.id) if licence is not None and licence.id else None
        if rule is None or rule.id == own_rule.id or rule.id in reported or node.result is None:
            continue
        if not _has_own_terms(node.result.component):
            continue
        level = knowledge.permissiveness(rule.category)
        if level is None or level <= own_level:
            continue
        reported.add(rule.id)
        restated = _restated_from(component, nodes, own_rule.id, knowledge)
        upstream = (
            f"; {component.name} is a quantisation restating its base {restated}'s licence, so the change was made upstream"
            if restated
            else ""
        )
        findings.append(
            Finding(
                Severity.ERROR,
                LICENCE_LAUNDERING,
                f"{component.name} declares {own_rule.id} ({own_rule.category}), more permissive than {rule.id} "
                f"({rule.category}) of its ancestor {node.entry.name}: a derivative stays bound by its ancestors' "
                f"licences, so the {rule.id} terms apply{upstream}",
            )
        )
    return findings


def _restated_from(component: Component, nodes: list[_Node], licence_id: str, knowledge: Knowledge) -> str | None:
    """The base whose licence a quantisation copied, when it copied it unchanged."""
    parents = [node for node in nodes if node.entry.depth == 1]
    if len(parents) != 1 or parents[0].entry.relation != QUANTIZED:
        return None
    licence = parents[0].entry.licence
    rule = knowledge.lookup(licence.id) if licence is not None and licence.id else None
    return parents[0].entry.name if rule is not None and rule.id == licence_id else None


def _with_lineage(
    root: ComponentResult,
    answers: Mapping[tuple, Resolved],
    ancestor: Callable[[str], ComponentResult | None],
    knowledge: Knowledge,
    max_depth: int,
) -> ComponentResult:
    component = root.component
    own_terms = _has_own_terms(component)
    nodes, walk_findings = _walk(root, answers, ancestor, max_depth)
    if not nodes and not walk_findings:
        if own_terms:
            return root
        finding = Finding(
            Severity.ERROR,
            NO_LICENCE,
            f"{component.name} is your own model but declares neither `license` (with a `reason`) nor `base_model` "
            "in the manifest, so its terms are unknown",
        )
        return replace(root, evaluation=Evaluation(Verdict.UNKNOWN, findings=(finding,)))
    own = root.evaluation
    relation = _bases_of(answers.get(component.key))[1]
    by_bases = own_terms and _judged_by_bases(root, relation, nodes, walk_findings)
    if by_bases:
        # Its own findings stay, as warnings: the licence is still undetermined on its card.
        own = replace(
            own,
            findings=tuple(
                replace(f, severity=Severity.WARNING) if f.code in _UNDETERMINED_CODES else f for f in own.findings
            )
            + (_from_bases_finding(component.name, relation, nodes),),
        )
    verdicts = [own.verdict] if own_terms and not by_bases else []
    duties = dict.fromkeys(own.duties if own_terms else ())
    findings: dict[Finding, None] = dict.fromkeys(own.findings if own_terms else ())
    clauses: dict[str, None] = dict.fromkeys(own.clauses if own_terms else ())
    findings.update(dict.fromkeys(walk_findings))
    if own_terms:
        findings.update(dict.fromkeys(_laundering(root, nodes, knowledge)))
    if any(f.severity is Severity.ERROR for f in walk_findings):
        verdicts.append(Verdict.UNKNOWN)
    said: set[str] = {duty.text for duty in duties} | {finding.message for finding in findings}
    for node in nodes:
        problem = _unresolved(node)
        if problem is not None:
            findings[problem] = None
            verdicts.append(Verdict.UNKNOWN)
            continue
        if node.result is None or not _has_own_terms(node.result.component):
            continue
        evaluation, prefix = node.result.evaluation, _prefix(node.entry)
        verdicts.append(evaluation.verdict)
        # Ancestors under the same licence impose the same terms: the nearest one says them.
        for duty in evaluation.duties:
            if duty.text not in said:
                duties[replace(duty, text=f"{prefix}: {duty.text}")] = None
        for finding in evaluation.findings:
            if finding.message not in said:
                findings[replace(finding, message=f"{prefix}: {finding.message}")] = None
        said.update(evaluation.obligations)
        said.update(finding.message for finding in evaluation.findings)
        clauses.update(dict.fromkeys(evaluation.clauses))
    if not verdicts:  # an own model whose ancestors are all own models without licences
        verdicts.append(Verdict.UNKNOWN)
    verdict = max(verdicts, key=lambda v: v.rank)
    evaluation = Evaluation(verdict, tuple(findings), tuple(clauses), tuple(duties))
    entries = tuple(_pass_through_verdicts(nodes))
    return replace(root, evaluation=evaluation, lineage=entries)


def _judged_by_bases(
    root: ComponentResult, relation: str | None, nodes: list[_Node], walk_findings: list[Finding]
) -> bool:
    """A quantisation or merge whose card leaves its licence open (`other` or `unknown`
    not naming the terms, or nothing) is judged under its bases' licences, when every
    ancestor's terms are known: quantising or merging adds no terms of its own."""
    if relation not in _CARRIES_BASES_TERMS or root.evaluation.verdict is not Verdict.UNKNOWN:
        return False
    codes = {finding.code for finding in root.evaluation.findings if finding.severity is Severity.ERROR}
    if not codes or not codes <= _UNDETERMINED_CODES:
        return False  # unknown for another reason (the Hub did not answer): that stays unknown
    if any(finding.severity is Severity.ERROR for finding in walk_findings):
        return False
    return bool(nodes) and all(_unresolved(node) is None for node in nodes)


def _from_bases_finding(name: str, relation: str | None, nodes: list[_Node]) -> Finding:
    bases = [node for node in nodes if node.entry.depth == 1]
    named = ", ".join(
        f"{node.entry.name} ({node.entry.licence.id if node.entry.licence and node.entry.licence.id else 'own model'})"
        for node in bases
    )
    what = "a quantisation" if relation == QUANTIZED else "a merge"
    return Finding(
        Severity.WARNING,
        LICENCE_FROM_BASE,
        f"{name} is {what} of {named} and its card does not say under which licence: it is judged under "
        "its base models' licences, which bind it whatever it declares",
    )


def _pass_through_verdicts(nodes: list[_Node]) -> Iterable[LineageEntry]:
    """Entries to report; an own model without a licence shows its own bases' worst verdict."""
    below: dict[str, list[_Node]] = {}
    for node in nodes:
        below.setdefault(node.entry.via.lower(), []).append(node)

    def worst(node: _Node) -> Verdict:
        if node.result is None or _has_own_terms(node.result.component) or _unresolved(node) is not None:
            return node.entry.verdict
        children = below.get(node.entry.name.lower(), [])
        return max((worst(child) for child in children), key=lambda v: v.rank, default=Verdict.UNKNOWN)

    for node in nodes:
        yield replace(node.entry, verdict=worst(node))


# -- presentation ------------------------------------------------------------------------------


def lineage_chains(result: ComponentResult) -> list[str]:
    """One line per path from the model to a root: `acme/bot → meta-llama/Llama-3.1-8B (llama3.1)`."""
    children: dict[str, list[LineageEntry]] = {}
    for entry in result.lineage:
        children.setdefault(entry.via.lower(), []).append(entry)

    def label(entry: LineageEntry) -> str:
        if entry.licence is not None and entry.licence.id:
            return f"{entry.name} ({entry.licence.id})"
        if entry.licence is not None and entry.licence.source == OWN_SOURCE:
            return f"{entry.name} (own model)"
        return f"{entry.name} (licence not determined)"

    chains: list[str] = []

    def extend(name: str, text: str) -> None:
        below = children.get(name.lower(), [])
        if not below:
            chains.append(text)
        for entry in below:
            extend(entry.name, f"{text} → {label(entry)}")

    extend(result.component.name, result.component.name)
    return chains if result.lineage else []
