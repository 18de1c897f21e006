"""Read a repository's licence file when its card does not say which licence it is.

A card that declares `license: other` names its licence in `license_name` and
`license_link`; when neither is one licensecheck recognises (or when the card
says `unknown`), the repository's own LICENSE file may: this module fetches it
(the file the `license_link` names in the repository, else the one the
repository lists) at the resolved commit and records what it is, so that the
pure core can judge it and the lock can remember it.

The file is fetched with one GET through the client's own HTTP session
(`hf_hub_url` + resolve/hub_http.py), not `hf_hub_download`: an uncached
`hf_hub_download` retries with backoff for about 23 s before it gives up, writes
into the user's Hugging Face cache, and reads files of any size. Here there is
one request, the run's timeout for the whole of it, a cap on the size, and
`HF_TOKEN` is sent only to the Hub endpoint, as the client does.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from ..findings import (
    CARD_LICENCE_UNCLEAR,
    CARD_UNREADABLE,
    LICENCE_FILE_GATED,
    LICENCE_FILE_MISSING,
    LICENCE_FILE_TOO_LARGE,
    NO_LICENCE,
)
from ..identify import read_card_licence, recognise_by_link, recognise_by_text, text_fingerprint
from ..model import DATASET, Finding, LicenceInfo, Resolution, Severity
from .bounded import AnswerTooLarge
from .hub import HubRecord, hub_error_finding

if TYPE_CHECKING:
    from huggingface_hub import HfApi

    from ..knowledge import Knowledge

MAX_LICENCE_BYTES = 512 * 1024  # the longest licence texts are about 100 KB
_HUB_HOSTS = ("huggingface.co", "hf.co")


def licence_file_wanted(licence: LicenceInfo | None, knowledge: Knowledge) -> bool:
    """Whether the card leaves the licence open: `unknown`, or `other` (or no
    `license` at all beside a `license_name` or `license_link`) that neither
    `license_name` nor `license_link` identifies."""
    if licence is None or not (licence.id or licence.declared or licence.link):
        return False
    declared = (licence.id or "other").strip().lower()
    if declared == "unknown":
        return True
    if declared != "other":
        return False
    if licence.declared:
        rule = knowledge.lookup(licence.declared)
        if rule is not None and rule.recognised:
            return False
    return recognise_by_link(licence.link, knowledge.recognisers) is None


def repo_file_from_link(link: str | None, repo_type: str, repo_id: str) -> str | None:
    """The path of a file in this repository that `license_link` points at, if it does.

    `LICENSE`, `./LICENSE.md` (the Hub's convention for a file in the repository),
    or a Hub URL of this same repository (`https://huggingface.co/<id>/blob/<rev>/LICENSE`).
    """
    if not link or not link.strip():
        return None
    text = link.strip()
    if "://" not in text:
        path = text
        while path.startswith(("./", "/")):
            path = path[2:] if path.startswith("./") else path[1:]
        parts = path.split("/")
        if not path or any(part in ("", ".", "..") for part in parts) or any(c.isspace() for c in path):
            return None
        return path
    parsed = urlsplit(text)
    if (parsed.hostname or "").lower() not in _HUB_HOSTS:
        return None
    segments = [unquote(s) for s in parsed.path.strip("/").split("/")]
    if repo_type == DATASET:
        if segments[:1] != ["datasets"]:
            return None
        segments = segments[1:]
    if len(segments) < 5 or "/".join(segments[:2]).lower() != repo_id.lower():
        return None
    if segments[2] not in ("blob", "resolve", "raw"):
        return None
    return "/".join(segments[4:]) or None


def fetch_licence_text(
    api: HfApi, repo_type: str, repo_id: str, revision: str | None, filename: str, *, timeout: float
) -> str:
    """One GET of a (small) repository file; raises what the client raises, or `AnswerTooLarge`/`AnswerTooSlow`."""
    from huggingface_hub import hf_hub_url

    from .hub_http import hub_get

    url = hf_hub_url(
        repo_id,
        filename,
        repo_type=DATASET if repo_type == DATASET else None,
        revision=revision,
        endpoint=api.endpoint,
    )
    body = hub_get(api, url, timeout=timeout, max_bytes=MAX_LICENCE_BYTES)
    return body.decode("utf-8", errors="replace")


def declares_nothing(resolution: Resolution) -> bool:
    """A card with no `license`, `license_name`, `license_link` or licence tag (card.py's `no-licence`)."""
    problem = resolution.problem
    return resolution.licence is None and problem is not None and problem.code == NO_LICENCE


def licence_left_open(resolution: Resolution, knowledge: Knowledge) -> bool:
    """Whether the repository's own texts are worth reading for its licence: the card
    declares nothing, or declares a licence that does not say which it is."""
    if declares_nothing(resolution):
        return True
    return resolution.problem is None and licence_file_wanted(resolution.licence, knowledge)


def with_licence_file(
    api: HfApi, record: HubRecord, repo_type: str, repo_id: str, knowledge: Knowledge, *, timeout: float
) -> HubRecord:
    """The record, completed from the repository's own texts when the card leaves the licence open.

    In order, until one names a licence: the gate's heading and prompt (no
    request), the licence file (the one `license_link` names, else the one the
    repository lists), the "License" section of README.md. Recognised or not,
    the licence file's path and fingerprint go on the `LicenceInfo` (and so into
    the lock) and its text on the `Resolution` for `identify`; README.md is
    recorded only when its section names a licence. A gated repository, a
    timeout or a server error on the licence file make the component's licence
    a problem (unknown, retried next run, never locked); a file that is missing
    or too large, and any failure on README.md, are only noted. A card that
    declares nothing keeps its `no-licence` problem unless one of them names a
    licence.
    """
    if not licence_left_open(record.resolution, knowledge):
        return record
    silent = declares_nothing(record.resolution)
    before = record
    if silent:  # read the texts as for an empty declaration
        record = replace(
            record, resolution=replace(record.resolution, licence=LicenceInfo(id=None, source="card"), problem=None)
        )
    found = _from_gated_prompt(record, knowledge)
    if found is None:
        found = _from_licence_file(api, record, repo_type, repo_id, knowledge, timeout=timeout)
        resolution = found.resolution
        if resolution.problem is None and not _file_licence(resolution) and record.has_readme:
            found = _from_card_body(api, found, repo_type, repo_id, knowledge, timeout=timeout)
    if silent and (found.resolution.problem is not None or not _file_licence(found.resolution)):
        return replace(before, resolution=replace(before.resolution, notes=found.resolution.notes))
    return found


def _file_licence(resolution: Resolution) -> str | None:
    """The licence a text of the repository names (LicenceInfo.file_id), if any."""
    return resolution.licence.file_id if resolution.licence is not None else None


def _from_licence_file(
    api: HfApi, record: HubRecord, repo_type: str, repo_id: str, knowledge: Knowledge, *, timeout: float
) -> HubRecord:
    resolution = record.resolution
    licence = resolution.licence
    if licence is None:  # not left open (with_licence_file makes an empty one for a silent card)
        return record
    filename = repo_file_from_link(licence.link, repo_type, repo_id) or record.has_licence_file
    if filename is None:
        return record
    revision = resolution.version  # the commit the metadata came from: text and licence agree
    what = f"{repo_type} {repo_id}"
    try:
        text = fetch_licence_text(api, repo_type, repo_id, revision, filename, timeout=timeout)
    except Exception as error:  # noqa: BLE001 - every failure is a finding, never a traceback
        failure = _read_failure(error, what, licence, filename, repo_type, repo_id, revision)
        if failure.severity is Severity.ERROR:
            return replace(record, resolution=replace(resolution, problem=failure))
        return replace(record, resolution=replace(resolution, notes=resolution.notes + (failure,)))
    found = recognise_by_text(text, knowledge.recognisers)
    rule = knowledge.lookup(found) if found else None
    recorded = replace(
        licence,
        file=filename,
        file_sha256=text_fingerprint(text),
        file_id=rule.id if rule is not None else None,
    )
    return replace(record, resolution=replace(resolution, licence=recorded, licence_text=text))


README = "README.md"


def _from_card_body(
    api: HfApi, record: HubRecord, repo_type: str, repo_id: str, knowledge: Knowledge, *, timeout: float
) -> HubRecord:
    """The licence the card's own text names in its "License" section, when it names exactly one;
    else, when it has such a section, a note saying what it says and why that names no licence."""
    resolution = record.resolution
    try:
        text = fetch_licence_text(api, repo_type, repo_id, resolution.version, README, timeout=timeout)
    except Exception as error:  # noqa: BLE001 - a card body that cannot be read is only noted
        reason = hub_error_finding(error, repo_type, repo_id, resolution.version)
        note = Finding(
            Severity.WARNING,
            CARD_UNREADABLE,
            f"{repo_type} {repo_id}: its README.md, read for the licence its metadata leaves open, could not be read "
            f"({reason.message.removeprefix(f'{repo_type} {repo_id}: ')})",
        )
        return replace(record, resolution=replace(resolution, notes=resolution.notes + (note,)))
    read = read_card_licence(text, knowledge)
    if read.id is None:
        if read.unclear is None:  # no License section
            return record
        note = Finding(Severity.WARNING, CARD_LICENCE_UNCLEAR, f"{repo_type} {repo_id}: {read.unclear}")
        return replace(record, resolution=replace(resolution, notes=resolution.notes + (note,)))
    if resolution.licence is None:
        return record
    recorded = replace(resolution.licence, file=README, file_sha256=None, file_id=read.id)
    return replace(record, resolution=replace(resolution, licence=recorded, licence_text=None))


GATED_PROMPT = "extra_gated_prompt"
_URL = re.compile(r"https?://[^\s)\]>\"']+")


def _from_gated_prompt(record: HubRecord, knowledge: Knowledge) -> HubRecord | None:
    """A gated repository's access prompt often holds its licence text or link.

    It comes with the metadata (no request, no access needed), so it is tried
    before the licence file. Only a single, unambiguous match counts: by the
    text's distinctive phrases, or by exactly one licence whose link patterns
    match the URLs the prompt contains.
    """
    prompt = record.gated_prompt
    if not prompt:
        return None
    found = recognise_by_text(prompt, knowledge.recognisers)
    if found is None:
        by_link = {recognise_by_link(url, knowledge.recognisers) for url in _URL.findall(prompt)} - {None}
        found = by_link.pop() if len(by_link) == 1 else None
    resolution = record.resolution
    if found is None or resolution.licence is None:
        return None
    recorded = replace(resolution.licence, file=GATED_PROMPT, file_sha256=text_fingerprint(prompt), file_id=found)
    return replace(record, resolution=replace(resolution, licence=recorded, licence_text=prompt))


def _declared(licence: LicenceInfo) -> str:
    parts = [f"license {licence.id!r}" if licence.id else "no `license`"]
    if licence.declared:
        parts.append(f"license_name {licence.declared!r}")
    if licence.link:
        parts.append(f"license_link {licence.link!r}")
    return ", ".join(parts)


def _read_failure(
    error: BaseException,
    what: str,
    licence: LicenceInfo,
    filename: str,
    repo_type: str,
    repo_id: str,
    revision: str | None,
) -> Finding:
    """Why a licence file could not be read: an error (the licence is a problem) or a warning (a note)."""
    from huggingface_hub.errors import EntryNotFoundError, GatedRepoError

    declared = _declared(licence)
    if isinstance(error, GatedRepoError):
        return Finding(
            Severity.ERROR,
            LICENCE_FILE_GATED,
            f"{what}: declares {declared}, and its licence file {filename} could not be read because the "
            "repository is gated: accept its terms on the Hub and set HF_TOKEN, or declare an override with a reason",
        )
    if isinstance(error, EntryNotFoundError):
        return Finding(
            Severity.WARNING,
            LICENCE_FILE_MISSING,
            f"{what}: declares {declared}, but the repository has no file {filename} to read the licence from",
        )
    if isinstance(error, AnswerTooLarge):
        return Finding(
            Severity.WARNING,
            LICENCE_FILE_TOO_LARGE,
            f"{what}: its licence file {filename} is larger than {MAX_LICENCE_BYTES // 1024} KB; not read",
        )
    reason = hub_error_finding(error, repo_type, repo_id, revision)
    detail = reason.message.removeprefix(f"{what}: ")
    return Finding(
        Severity.ERROR,
        reason.code,
        f"{what}: declares {declared}, and its licence file {filename} could not be read ({detail})",
    )
