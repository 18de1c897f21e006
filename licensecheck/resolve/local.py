"""Resolve a model on this machine (a folder or a GGUF file) from its own files.

Nothing is fetched. Where the licence comes from, in order (the source named
in reports):

1. `local-card`: the model card's front matter (`license`, `license_name`,
   `license_link`), read as the Hub reads a card;
2. `gguf-metadata`: a GGUF file's `general.license`, `general.license.name`,
   `general.license.link`;
3. `local-licence-file`: the folder's LICENSE/LICENCE file, recognised by its
   text (as `other`, for `identify` to name or to refuse).

When the card says `other` (or `unknown`) the LICENSE file's text goes along
too, so that `identify` can recognise what the name and link do not. A file
that exists but cannot be read or parsed makes the licence unknown, never
silently absent. The ancestors are the component's own (`base_models`,
`relation`, set when the path was read): lineage resolves them on the Hub.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..card import licence_from_metadata
from ..findings import LOCAL_LICENCE_FILE, NO_LICENCE
from ..model import Component, Finding, LicenceInfo, Resolution, Resolved, Severity
from ..sources.local import ModelFiles, read_model_files

CARD_SOURCE = "local-card"
GGUF_SOURCE = "gguf-metadata"
FILE_SOURCE = "local-licence-file"
_OPEN_IDS = ("other", "unknown")


def resolve_local_model(component: Component):
    """The licence of a local model component (one with `path` set), as a `Resolved`.

    From the files read when the component was made; a component made without
    them (by hand) has its folder read now, confined to that folder.
    """
    files = component.local_files
    if not isinstance(files, ModelFiles):
        assert component.path is not None  # only local components come here
        files = read_model_files(Path(component.path), component.name)
    return Resolved(local_resolution(files), component.base_models, component.relation)


def local_resolution(files: ModelFiles) -> Resolution:
    """Pure: what the files say, as a Resolution (licence or problem)."""
    what = f"model {files.shown}"
    if files.problems:
        return Resolution(problem=files.problems[0], notes=files.problems[1:])
    if files.card and _declares_licence(files.card):
        return _with_file(*_from_metadata(files.card, what, CARD_SOURCE), files)
    if files.gguf and _declares_licence(gguf_card := _gguf_as_card(files.gguf)):
        return _with_file(*_from_metadata(gguf_card, f"{what} ({files.gguf_file})", GGUF_SOURCE), files)
    if files.licence_file:
        note = Finding(
            Severity.INFO,
            LOCAL_LICENCE_FILE,
            f"{what} declares no licence in a model card; its licence is read from {files.licence_file}",
        )
        licence = LicenceInfo(id="other", source=FILE_SOURCE, file=files.licence_file)
        return Resolution(licence=licence, licence_text=files.licence_text, notes=(note,))
    places = "no model card with `license`" if not files.card_file else f"no `license` in {files.card_file}"
    if files.gguf_file:
        places += f", no `general.license` in {files.gguf_file}"
    return Resolution(
        problem=Finding(
            Severity.ERROR,
            NO_LICENCE,
            f"{what} declares no licence ({places}, no LICENSE file): add `license:` to its card, "
            "or declare `license` with a `reason` in models.yaml",
        )
    )


def _declares_licence(card: dict) -> bool:
    return card.get("license") not in (None, "", [])


def _from_metadata(card: dict, what: str, source: str) -> tuple[LicenceInfo | None, Finding | None]:
    licence, problem = licence_from_metadata(card, [], what)
    return (replace(licence, source=source) if licence is not None else None), problem


def _with_file(licence: LicenceInfo | None, problem: Finding | None, files: ModelFiles) -> Resolution:
    """The licence, with the LICENSE text attached when the declared id leaves it open."""
    if licence is not None and files.licence_file and (licence.id or "").strip().lower() in _OPEN_IDS:
        return Resolution(
            licence=replace(licence, file=files.licence_file), problem=problem, licence_text=files.licence_text
        )
    return Resolution(licence=licence, problem=problem)


def _gguf_as_card(metadata: dict) -> dict:
    """The GGUF licence keys in a card's terms; a comma-joined list is several licences."""
    raw = metadata.get("general.license")
    licence: object = raw
    if isinstance(raw, str) and "," in raw:
        licence = [part.strip() for part in raw.split(",") if part.strip()]
    return {
        "license": licence,
        "license_name": metadata.get("general.license.name"),
        "license_link": metadata.get("general.license.link"),
    }
