"""Resolve a Hugging Face Hub model or dataset: its licence, commit and declared ancestors.

One metadata request per repository (`model_info` / `dataset_info`), read from the
card data the Hub parsed and from the tags it computed. Every failure becomes a
`Finding` in our own words: the client's exception text can carry URLs and
headers, so it never reaches a report.

`huggingface_hub` costs about a second to import; it is imported inside the
functions that need it, so commands that never touch the Hub do not pay for it.
The concerns are split (`fetch_repo_info`, `hub_error_finding`,
`record_from_info`) so that the retry policy (licensecheck/retry.py) wraps the
fetch alone: `hub_transient` tells it which failures are worth another attempt.

The request goes through the client's session with a total deadline and a cap
on the answer's size (resolve/hub_http.py). Failures are classified by the
client's public error types and by the exception classes of the HTTP library
the client is built on (httpx for huggingface_hub 1.x, httpx2 for 2.x), found at
run time: both versions behave the same.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..card import field_text, gated_prompt, licence_from_metadata, lineage_from_metadata
from ..findings import (
    HUB_CONNECTION_ERROR,
    HUB_ERROR,
    HUB_GATED,
    HUB_HTTP_ERROR,
    HUB_INVALID_ID,
    HUB_INVALID_RESPONSE,
    HUB_NOT_FOUND,
    HUB_RATE_LIMITED,
    HUB_RENAMED,
    HUB_REVISION_NOT_FOUND,
    HUB_SERVER_ERROR,
    HUB_TIMEOUT,
    HUB_UNAUTHORIZED,
    HUB_UNREACHABLE,
    OFFLINE,
)
from ..model import DATASET, MODEL, Code, Finding, Resolution, Severity, is_valid_repo_id
from ..retry import RETRY_STATUSES, RetriesExhausted, RetryPolicy, Transient, call_with_retries, parse_retry_after
from . import resolved_now

if TYPE_CHECKING:
    from huggingface_hub import HfApi

# What we ask the Hub for: with `expand`, nothing else comes back. All five are
# valid expand properties for both models and datasets in huggingface_hub 2.4.
EXPAND = ["cardData", "sha", "tags", "gated", "siblings"]

_LICENCE_FILE_PREFIXES = ("license", "licence")
# The largest real metadata answers (a dataset listing 100,000 files) are a few MB.
MAX_METADATA_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class HubRecord:
    """What the Hub says about one repository.

    `resolved_id` is the id the Hub answered with (None when it did not answer):
    it differs from the declared one after a rename. `gated` is the gating mode
    ("auto" or "manual"), None for an open repository. `has_licence_file` is the
    path of a LICENSE/LICENCE file in the repository, if there is one.
    """

    resolution: Resolution
    base_models: tuple[str, ...] = ()
    relation: str | None = None
    resolved_id: str | None = None
    gated: str | None = None
    has_licence_file: str | None = None
    # The card's `extra_gated_heading` and `extra_gated_prompt`: the text a gated
    # repository shows before access, which often names, is or links to its
    # licence ("Access Llama 2 on Hugging Face"). Readable without access.
    gated_prompt: str | None = None
    # Whether the repository has a README.md: its "License" section may name the
    # licence the metadata leaves open (licence_text.py reads it).
    has_readme: bool = False


def make_hub_api() -> HfApi:
    """One client for the whole run: it shares a connection pool across calls and threads."""
    # The client reads this when it is imported; without it, every new process
    # first asks the Hub for a telemetry registry (up to 3 s).
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    from huggingface_hub import HfApi

    return HfApi(
        endpoint=os.environ.get("HF_ENDPOINT") or None,
        library_name="licensecheck",
        library_version=__version__,
    )


def resolve_hub_repo(
    api: HfApi,
    repo_type: str,
    repo_id: str,
    revision: str | None,
    *,
    timeout: float,
    retry: RetryPolicy | None = None,
) -> HubRecord:
    """The licence and lineage of one model or dataset; problems come back as findings.

    With a `retry` policy, transient failures (429, 5xx, timeouts, dropped
    connections) are retried under it; without one, there is one request.
    """
    if repo_type not in (MODEL, DATASET):
        raise ValueError(f"repo_type must be {MODEL!r} or {DATASET!r}, not {repo_type!r}")

    def fetch() -> Any:
        return fetch_repo_info(api, repo_type, repo_id, revision, timeout=timeout)

    try:
        info = fetch() if retry is None else call_with_retries(fetch, hub_transient, retry)
    except RetriesExhausted as gave_up:
        finding = hub_error_finding(gave_up.last_error, repo_type, repo_id, revision)
        message = f"{repo_type} {repo_id}: {gave_up.describe()}; try again later"
        return HubRecord(Resolution(problem=replace(finding, message=message)))
    except Exception as error:  # noqa: BLE001 - every failure is a finding, never a traceback
        return HubRecord(Resolution(problem=hub_error_finding(error, repo_type, repo_id, revision)))
    return record_from_info(info, repo_type, repo_id)


def fetch_repo_info(
    api: HfApi, repo_type: str, repo_id: str, revision: str | None, *, timeout: float, expand: list[str] = EXPAND
) -> Any:
    """One metadata request, as `model_info`/`dataset_info` make it but bounded; raises what the client raises.

    The answer is read in full within `timeout` and up to `MAX_METADATA_BYTES`
    (`AnswerTooSlow`, `AnswerTooLarge` otherwise), then given to the client's own
    `ModelInfo`/`DatasetInfo`.
    """
    import json
    from urllib.parse import quote

    from huggingface_hub import DatasetInfo, ModelInfo
    from huggingface_hub.utils import validate_repo_id

    from .hub_http import hub_get

    validate_repo_id(repo_id)
    url = f"{api.endpoint}/api/{'models' if repo_type == MODEL else 'datasets'}/{repo_id}"
    if revision is not None:
        url += f"/revision/{quote(revision, safe='')}"
    body = hub_get(api, url, params={"expand": expand}, timeout=timeout, max_bytes=MAX_METADATA_BYTES)
    data = json.loads(body)
    if not isinstance(data, dict):
        raise TypeError(f"expected a JSON object, got {type(data).__name__}")
    return (ModelInfo if repo_type == MODEL else DatasetInfo)(**data)


def hub_transient(error: BaseException) -> Transient | None:
    """Whether asking the Hub again may help, and why the attempt failed (None: it would not help).

    401/403/404, a malformed answer and a refused connection are final; 429 and
    5xx (with any `Retry-After` they carry), read timeouts and connections
    dropped before the answer are not.
    """
    from huggingface_hub.errors import HfHubHTTPError

    from .bounded import AnswerTooSlow
    from .hub_http import transport_errors

    if isinstance(error, HfHubHTTPError):
        status = _status_of(error)
        if status not in RETRY_STATUSES:
            return None
        headers = getattr(getattr(error, "response", None), "headers", None) or {}
        retry_after = parse_retry_after(headers.get("Retry-After"))
        if status == 429:
            return Transient("the Hub is rate-limiting requests (HTTP 429)", retry_after)
        return Transient(f"the Hub answered HTTP {status}", retry_after)
    if isinstance(error, transport_errors("ConnectTimeout", "ConnectError")):
        return None  # the Hub is not there: see Reachability, not worth a wait
    if isinstance(error, (AnswerTooSlow, *transport_errors("TimeoutException"))):
        return Transient("the Hub did not answer in time")
    if isinstance(error, transport_errors("RemoteProtocolError", "ReadError", "WriteError")):
        return Transient("the connection to the Hub was closed before it answered")
    return None


def hub_error_finding(error: BaseException, repo_type: str, repo_id: str, revision: str | None) -> Finding:
    """An error finding for a failed request, in our words: never the client's message."""
    import json

    from huggingface_hub.errors import (
        GatedRepoError,
        HfHubHTTPError,
        HFValidationError,
        OfflineModeIsEnabled,
        RepositoryNotFoundError,
        RevisionNotFoundError,
    )

    from .bounded import AnswerTooLarge, AnswerTooSlow
    from .hub_http import transport_errors

    what = f"{repo_type} {repo_id}"
    at = f" at revision {revision}" if revision else ""

    def problem(code: Code, message: str) -> Finding:
        return Finding(Severity.ERROR, code, message)

    # Order matters: GatedRepoError is a RepositoryNotFoundError, every
    # HfHubHTTPError is an HTTPError of the HTTP library and an OSError, and
    # OfflineModeIsEnabled is a ConnectionError.
    if isinstance(error, OfflineModeIsEnabled):
        return problem(OFFLINE, f"{what}: offline mode is on (HF_HUB_OFFLINE) and there is no recorded licence for it")
    if isinstance(error, GatedRepoError):
        return problem(
            HUB_GATED,
            f"{what}: the Hub refused access because the repository is gated; "
            "accept its terms on the Hub and set HF_TOKEN",
        )
    if isinstance(error, RepositoryNotFoundError):
        return problem(
            HUB_NOT_FOUND,
            f"{what}: the Hub has no such repository (or it is private and no authorised token was sent); check the id",
        )
    if isinstance(error, RevisionNotFoundError):
        return problem(HUB_REVISION_NOT_FOUND, f"{what}: the Hub has no revision {revision or 'main'} for it")
    if isinstance(error, HfHubHTTPError):
        status = _status_of(error)
        if status in (401, 403):
            return problem(
                HUB_UNAUTHORIZED,
                f"{what}: the Hub refused the request (HTTP {status}); check that HF_TOKEN is valid for it",
            )
        if status == 429:
            return problem(
                HUB_RATE_LIMITED,
                f"{what}: the Hub is rate-limiting requests (HTTP 429); wait a few minutes or set HF_TOKEN",
            )
        if status is not None and 500 <= status < 600:
            return problem(HUB_SERVER_ERROR, f"{what}: the Hub failed to answer (HTTP {status}); try again later")
        return problem(HUB_HTTP_ERROR, f"{what}: the Hub answered HTTP {status}{at}")
    if isinstance(error, transport_errors("ConnectTimeout")):
        return problem(
            HUB_UNREACHABLE, f"{what}: could not connect to the Hub in time; check the network or HF_ENDPOINT"
        )
    if isinstance(error, (AnswerTooSlow, *transport_errors("TimeoutException"))):
        return problem(HUB_TIMEOUT, f"{what}: the Hub did not answer in time{at}")
    if isinstance(error, transport_errors("RemoteProtocolError", "ReadError", "WriteError")):
        return problem(HUB_CONNECTION_ERROR, f"{what}: the connection to the Hub was closed before it answered{at}")
    if isinstance(error, transport_errors("TooManyRedirects")):
        return problem(HUB_HTTP_ERROR, f"{what}: the Hub redirected too many times{at}")
    if isinstance(error, (*transport_errors("TransportError"), ConnectionError)):
        return problem(HUB_UNREACHABLE, f"{what}: could not connect to the Hub; check the network or HF_ENDPOINT")
    if isinstance(error, HFValidationError):
        return problem(HUB_INVALID_ID, f"{what}: not a valid Hub repository id or revision")
    if isinstance(error, AnswerTooLarge):
        return problem(
            HUB_INVALID_RESPONSE, f"{what}: the Hub's answer is larger than {error.limit // (1024 * 1024)} MiB{at}"
        )
    if isinstance(error, (json.JSONDecodeError, UnicodeDecodeError)):
        return problem(HUB_INVALID_RESPONSE, f"{what}: the Hub's answer is not JSON{at}")
    if isinstance(error, RecursionError):
        return problem(HUB_INVALID_RESPONSE, f"{what}: the Hub's answer is nested too deeply to read{at}")
    if isinstance(error, (TypeError, KeyError, ValueError, AttributeError)):
        return problem(HUB_INVALID_RESPONSE, f"{what}: the Hub's answer does not have the expected shape{at}")
    return problem(HUB_ERROR, f"{what}: the Hub request failed ({type(error).__name__}){at}")


def _status_of(error: BaseException) -> int | None:
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None)
    return status if isinstance(status, int) else None


def record_from_info(info: Any, repo_type: str, repo_id: str) -> HubRecord:
    """Read licence, commit and lineage from a `ModelInfo` / `DatasetInfo`."""
    what = f"{repo_type} {repo_id}"
    card = _card_dict(info)
    tags = getattr(info, "tags", None)
    siblings = getattr(info, "siblings", None)
    resolved_id = getattr(info, "id", None)
    sha = getattr(info, "sha", None)
    if (
        card is None
        or not is_valid_repo_id(resolved_id)
        or not _is_list_of(tags, str, allow_none=True)
        or not isinstance(siblings, (list, type(None)))
        or not isinstance(sha, (str, type(None)))
    ):
        return HubRecord(
            Resolution(
                problem=Finding(
                    Severity.ERROR,
                    HUB_INVALID_RESPONSE,
                    f"{what}: the Hub's answer does not have the expected shape",
                )
            )
        )
    tags = tags or []
    licence, problem = licence_from_metadata(card, tags, what)
    notes: tuple[Finding, ...] = ()
    if resolved_id.lower() != repo_id.lower():
        notes = (renamed_note(repo_type, repo_id, resolved_id),)
    base_models, relation = lineage_from_metadata(card, tags)
    gated = getattr(info, "gated", None)
    facts = None
    if repo_type == MODEL:
        from ..model_facts import derive_model_facts

        card_tags = card.get("tags")
        card_tags = [tag for tag in card_tags if isinstance(tag, str)] if isinstance(card_tags, list) else []
        facts = derive_model_facts(resolved_id, field_text(card, "pipeline_tag"), [*tags, *card_tags])
    gated = str(gated) if gated not in (None, False, "false", "") else None
    return HubRecord(
        resolution=Resolution(
            version=sha,
            licence=licence,
            problem=problem,
            resolved_at=resolved_now(),
            notes=notes,
            model_facts=facts,
            gated=_gating(gated),
        ),
        base_models=base_models,
        relation=relation,
        resolved_id=resolved_id,
        gated=gated,
        has_licence_file=licence_file(siblings or []),
        gated_prompt=gated_prompt(card),
        has_readme=any(getattr(sibling, "rfilename", None) == "README.md" for sibling in siblings or []),
    )


def _gating(gated: str | None) -> str:
    """The gating mode as reported: "no", "auto", "manual", or "yes" for a mode we do not know (never its text)."""
    if gated is None:
        return "no"
    return gated if gated in ("auto", "manual") else "yes"


def renamed_note(repo_type: str, declared: str, resolved_id: str) -> Finding:
    """The warning for a repository the Hub now serves under another id (a 307 it followed)."""
    return Finding(
        Severity.WARNING,
        HUB_RENAMED,
        f"{repo_type} {declared} has been renamed: it is now at {resolved_id}; update the declaration",
    )


def _card_dict(info: Any) -> dict | None:
    """The card metadata as a plain dict ({} when there is none); None when malformed."""
    card = getattr(info, "card_data", None)
    if card is None:
        return {}
    if isinstance(card, dict):
        return card
    to_dict = getattr(card, "__dict__", None)  # CardData keeps every key as an attribute
    return dict(to_dict) if isinstance(to_dict, dict) else None


def _is_list_of(value: object, kind: type, *, allow_none: bool = False) -> bool:
    if value is None:
        return allow_none
    return isinstance(value, list) and all(isinstance(item, kind) for item in value)


def licence_file(siblings: list[Any]) -> str | None:
    """The repository's LICENSE/LICENCE file: a top-level one first, else the first nested one."""
    names: list[Any] = [getattr(sibling, "rfilename", None) for sibling in siblings]
    names = [name for name in names if isinstance(name, str)]
    matches = [name for name in names if name.rsplit("/", 1)[-1].lower().startswith(_LICENCE_FILE_PREFIXES)]
    top_level = [name for name in matches if "/" not in name]
    return (top_level or matches or [None])[0]
