"""What the Hub lists: a model's task, library and size, and the most downloaded models like it.

`suggest` (choose.py) asks two things the licence resolver (hub.py) does not:
the facts of the model to replace (`model_info` with `pipeline_tag`,
`library_name` and `safetensors`), and the Hub's model listing
(`GET /api/models`, the request `HfApi.list_models` sends, with the same query
parameters). Each licence is then resolved by the scan's own resolver.

The listing is requested here, not through `HfApi.list_models`: that method
takes no timeout (a stalled Hub would block for ever) and retries 429 and 5xx
itself with waits of up to 23 s, outside the retry budget. This module sends
the same request with the client's session, headers and error mapping, one page
at a time, under the run's timeout and retry policy (retry.py), and never more
than `max_pages` pages.

Everything in an answer is untrusted: ids that are not repository ids are
dropped, figures that are not whole non-negative numbers are unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from ..findings import HUB_GATED, HUB_INVALID_ID, HUB_NOT_FOUND, HUB_UNAUTHORIZED, OFFLINE
from ..model import MODEL, is_valid_repo_id
from ..retry import RetriesExhausted, RetryPolicy, call_with_retries
from .hub import MAX_METADATA_BYTES, fetch_repo_info, hub_error_finding, hub_transient

if TYPE_CHECKING:
    from huggingface_hub import HfApi

# What suggest needs about a model, from `model_info` and from each listed model.
FACTS_EXPAND = ["pipeline_tag", "library_name", "safetensors"]
LISTING_EXPAND = ["downloads", "safetensors", "pipeline_tag", "library_name"]
# Failures that are the user's to fix (the id, the token, offline mode), not the Hub's.
_REFUSALS = frozenset({HUB_NOT_FOUND, HUB_INVALID_ID, HUB_UNAUTHORIZED, HUB_GATED, OFFLINE})


@dataclass(frozen=True)
class HubModel:
    """A model as the Hub describes it: task, library, parameter count and downloads (None: not reported)."""

    id: str
    pipeline_tag: str | None = None
    library: str | None = None
    parameters: int | None = None
    downloads: int | None = None


@dataclass(frozen=True)
class ListingQuery:
    """One search of the listing: models of a task (and a library), most downloaded first."""

    pipeline_tag: str
    library: str | None = None
    page_size: int = 100

    def params(self) -> dict[str, Any]:
        """The query string `HfApi.list_models(filter=library, pipeline_tag=..., sort="downloads",
        limit=page_size, expand=LISTING_EXPAND)` sends, in its order."""
        params: dict[str, Any] = {}
        if self.library:
            params["filter"] = [self.library]
        params["pipeline_tag"] = self.pipeline_tag
        params["sort"] = "downloads"
        params["limit"] = self.page_size
        params["expand"] = list(LISTING_EXPAND)
        return params


class HubQueryError(Exception):
    """The Hub did not tell us what we asked. `refused`: the request itself is at fault (no such model,
    a token without access, offline mode); otherwise the Hub could not answer (rate limit, 5xx, timeout)."""

    def __init__(self, message: str, *, refused: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.refused = refused


def model_facts(api: HfApi, repo_id: str, *, timeout: float, retry: RetryPolicy) -> HubModel:
    """Task, library and size of one model: one metadata request (retried under `retry`), bounded like a scan's."""

    def fetch() -> Any:
        return fetch_repo_info(api, MODEL, repo_id, None, timeout=timeout, expand=FACTS_EXPAND)

    info = _asked(fetch, retry, what=("model", repo_id))
    model = hub_model(_as_dict(info)) if info is not None else None
    if model is None:
        raise HubQueryError(f"model {repo_id}: the Hub's answer does not have the expected shape")
    return model


def list_similar(
    api: HfApi, query: ListingQuery, *, timeout: float, retry: RetryPolicy, max_pages: int, enough=None
) -> tuple[list[HubModel], int]:
    """Models of the listing, page by page, at most `max_pages` pages; and the number of pages asked.

    `enough(models)` says when the pages read so far suffice: the next page is
    then not asked for.
    """
    import json

    from .hub_http import hub_get_page

    url: str | None = f"{api.endpoint}/api/models"
    params: dict[str, Any] | None = query.params()
    models: list[HubModel] = []
    pages = 0
    while url is not None and pages < max_pages:
        fetch = partial(hub_get_page, api, url, params=params, timeout=timeout, max_bytes=MAX_METADATA_BYTES)
        page = _asked(fetch, retry, what=None)
        pages += 1
        try:
            items = json.loads(page.body)
        except ValueError:
            items = None
        if not isinstance(items, list):
            raise HubQueryError("the Hub's model listing is not a list of models")
        models.extend(model for model in map(hub_model, items) if model is not None)
        next_url = page.next_url
        # The next page's link carries the query (the Hub's cursor included); it must stay on the Hub.
        url = next_url if isinstance(next_url, str) and next_url.startswith(f"{api.endpoint}/api/models?") else None
        params = None
        if enough is not None and enough(models):
            break
    return models, pages


def _asked(fetch, retry: RetryPolicy, *, what: tuple[str, str] | None) -> Any:
    """`fetch()` under the retry policy; any failure a HubQueryError in our words, never the client's."""
    try:
        return call_with_retries(fetch, hub_transient, retry)
    except RetriesExhausted as gave_up:
        raise HubQueryError(f"{_subject(what)}: {gave_up.describe()}; try again later") from None
    except Exception as error:  # noqa: BLE001 - every failure is a message, never a traceback
        repo_type, repo_id = what or ("model", "listing")
        finding = hub_error_finding(error, repo_type, repo_id, None)
        message = finding.message
        if what is None:  # the message names "model listing": say what was asked instead
            message = "the Hub's model listing" + message[len("model listing") :]
        raise HubQueryError(message, refused=finding.code in _REFUSALS and what is not None) from None


def _subject(what: tuple[str, str] | None) -> str:
    return f"{what[0]} {what[1]}" if what is not None else "the Hub's model listing"


def _as_dict(info: Any) -> dict:
    """A `ModelInfo` read back into the listing's keys."""
    safetensors = getattr(info, "safetensors", None)
    return {
        "id": getattr(info, "id", None),
        "pipeline_tag": getattr(info, "pipeline_tag", None),
        "library_name": getattr(info, "library_name", None),
        "safetensors": {"total": getattr(safetensors, "total", None)} if safetensors is not None else None,
        "downloads": getattr(info, "downloads", None),
    }


def hub_model(item: object) -> HubModel | None:
    """One model of a listing (a JSON object), or None when it has no valid repository id."""
    if not isinstance(item, dict) or not is_valid_repo_id(item.get("id")):
        return None
    safetensors = item.get("safetensors")
    total = safetensors.get("total") if isinstance(safetensors, dict) else None
    return HubModel(
        id=item["id"],
        pipeline_tag=_word(item.get("pipeline_tag")),
        library=_word(item.get("library_name")),
        parameters=_count(total),
        downloads=_count(item.get("downloads")),
    )


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _word(value: object) -> str | None:
    """A task or library name: short, one word of letters, digits, `-`, `_` or `.`; anything else is unknown."""
    if isinstance(value, str) and 0 < len(value) <= 64 and all(ch.isalnum() or ch in "-_." for ch in value):
        return value
    return None
