"""Alternatives to a model: the most downloaded models like it that the licence rules allow.

Wires the Hub's listing (resolve/hub_listing.py) to the scan's judging: the
model's task, library and size (one request); the listing of models of that task
and library, most downloaded first (one page, a second only when the first has
too few models of a similar size); then the `judged_per_suggestion × limit` most
downloaded similar models, judged together by `judge` (the caller passes the
configured scan of a list of components, api.configured_components), so that each
candidate's licence, lineage and the organisation's policy decide exactly as in
a scan; one metadata request per candidate and per ancestor, concurrent,
through the scan's resolver, its cache and its retry policy.

Never prints, never exits: failures are `HubQueryError`s for the caller to word.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .choose import pick_alternatives, similar
from .findings import SUGGESTIONS_UNAVAILABLE
from .model import (
    MODEL,
    Alternative,
    Component,
    ComponentResult,
    Finding,
    ScanResult,
    Severity,
    Verdict,
    is_valid_repo_id,
)
from .resolve.hub_listing import HubModel, HubQueryError, ListingQuery

MAX_PAGES = 2  # listing pages asked at most per model
PAGE_SIZE = 100  # models per listing page
JUDGED_PER_SUGGESTION = 4  # candidates judged for each suggestion asked for (--limit)
MAX_LIMIT = 20

__all__ = ["HubQueryError", "Suggestions", "suggest_alternatives", "with_alternatives"]


@dataclass(frozen=True)
class Suggestions:
    """The alternatives found for `model`, and what it took: listing pages read, candidates judged."""

    model: HubModel
    alternatives: tuple[Alternative, ...]
    pages: int = 0
    judged: int = 0
    result: ScanResult | None = None  # the candidates as judged (None: none was)


def suggest_alternatives(
    model_id: str,
    judge: Callable[[Sequence[Component]], ScanResult],
    *,
    limit: int = 5,
    timeout: float = 10.0,
    retry_budget: float = 10.0,
) -> Suggestions:
    """At most `limit` alternatives to `model_id`, each judged `allowed` or `conditional` by `judge`.

    A model whose task the Hub does not know has no alternatives to look for:
    the answer is empty. Raises HubQueryError when the Hub does not answer.
    """
    from .resolve.hub import make_hub_api
    from .resolve.hub_listing import list_similar, model_facts
    from .retry import RetryPolicy

    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be between 1 and {MAX_LIMIT}")
    api = make_hub_api()
    retry = RetryPolicy(budget=retry_budget)
    facts = model_facts(api, model_id, timeout=timeout, retry=retry)
    model = replace(facts, id=model_id)  # as asked: a renamed model is left out under both names
    if model.pipeline_tag is None:
        return Suggestions(model, ())
    wanted = JUDGED_PER_SUGGESTION * limit
    listed, pages = list_similar(
        api,
        ListingQuery(model.pipeline_tag, model.library, PAGE_SIZE),
        timeout=timeout,
        retry=retry,
        max_pages=MAX_PAGES,
        enough=lambda models: len(similar(models, model)) >= wanted,
    )
    candidates = similar([m for m in listed if m.id.lower() != facts.id.lower()], model)[:wanted]
    if not candidates:
        return Suggestions(model, (), pages)
    judged = judge([Component(type=MODEL, name=candidate.id) for candidate in candidates])
    return Suggestions(model, pick_alternatives(candidates, judged, limit), pages, len(candidates), judged)


def wants_alternatives(item: ComponentResult) -> bool:
    """A Hub model the scan denied or could not judge (the organisation's own and local models have no Hub entry)."""
    component = item.component
    return (
        component.type == MODEL
        and item.evaluation.verdict in (Verdict.DENIED, Verdict.UNKNOWN)
        and not component.own
        and component.path is None
        and is_valid_repo_id(component.name)
    )


def with_alternatives(result: ScanResult, judge: Callable[[Sequence[Component]], ScanResult], **asked) -> ScanResult:
    """`scan --suggest`: each denied or unknown Hub model with its alternatives (`suggest_alternatives(**asked)`).

    A model the Hub cannot answer about gets none, and a warning says why: the
    scan's verdicts and exit code do not depend on the suggestions.
    """
    found: dict[str, tuple[Alternative, ...]] = {}
    notices: list[Finding] = []
    components = []
    for item in result.components:
        if not wants_alternatives(item):
            components.append(item)
            continue
        key = item.component.name.lower()
        if key not in found:
            try:
                found[key] = suggest_alternatives(item.component.name, judge, **asked).alternatives
            except HubQueryError as error:
                found[key] = ()
                notices.append(
                    Finding(
                        Severity.WARNING,
                        SUGGESTIONS_UNAVAILABLE,
                        f"no alternatives to {item.component.name}: {error.message}",
                    )
                )
        components.append(replace(item, alternatives=found[key]))
    return replace(result, components=tuple(components), notices=result.notices + tuple(notices))
