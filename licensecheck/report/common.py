"""What several report formats share: ordering, purls, licence facts, lineage, stable ids.

Pure functions of a `ScanResult` (and the rules), except `repository_prefix`,
which the command calls at the edge to place SARIF locations in the repository.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TypeGuard
from urllib.parse import quote

from ..model import DATASET, MODEL, PACKAGE, ComponentResult, ScanResult, Verdict
from ..signals import not_repeatable
from . import RenderOptions

# Worst first: what needs action comes before what does not.
VERDICT_ORDER = (Verdict.DENIED, Verdict.UNKNOWN, Verdict.CONDITIONAL, Verdict.ALLOWED)
HUB_URL = "https://huggingface.co"
PYPI_URL = "https://pypi.org"
TYPE_WORDS = {MODEL: "model", DATASET: "dataset", PACKAGE: "Python package"}


def web_url(url: str | None) -> str | None:
    """An http(s) URL, else None: links come from model cards, which anyone can write (`javascript:`)."""
    if url and url.strip().lower().startswith(("https://", "http://")) and not any(ch.isspace() for ch in url.strip()):
        return url.strip()
    return None


def ordered(result: ScanResult) -> list[ComponentResult]:
    """Components worst verdict first, then by type and name."""
    rank = {verdict: index for index, verdict in enumerate(VERDICT_ORDER)}
    return sorted(
        result.components,
        key=lambda r: (rank[r.evaluation.verdict], r.component.type, r.component.name.lower()),
    )


def version_of(result: ComponentResult) -> str | None:
    """The resolved commit or version, else what was requested."""
    return result.resolution.version or result.component.revision


def is_commit(text: str | None) -> TypeGuard[str]:
    return text is not None and re.fullmatch(r"[0-9a-fA-F]{40}", text) is not None


def purl(result: ComponentResult) -> str | None:
    """The package URL: `pkg:pypi/name@version`, `pkg:huggingface/owner/name@commit`.

    Hub versions are commits, lower-case as the purl spec asks; a branch or tag
    is not a version and is left out. Datasets carry `repository_type=dataset`,
    since the `huggingface` purl type names models by default. The
    organisation's own models and path/URL requirements have no purl.
    """
    component = result.component
    if component.own or component.direct_reference:
        return None
    version = version_of(result)
    if component.type == PACKAGE:
        name = re.sub(r"[-_.]+", "-", component.name).lower()
        return f"pkg:pypi/{quote(name)}" + (f"@{quote(version)}" if version else "")
    owner, _, name = component.name.rpartition("/")
    path = f"{quote(owner)}/{quote(name)}" if owner else quote(name)
    text = f"pkg:huggingface/{path}"
    if is_commit(version):
        text += f"@{version.lower()}"
    if component.type == DATASET:
        text += "?repository_type=dataset"
    return text


def home_url(result: ComponentResult) -> str | None:
    """Where a person can look the component up."""
    component = result.component
    if component.own or component.direct_reference:
        return None
    if component.type == PACKAGE:
        return f"{PYPI_URL}/project/{quote(component.name)}/"
    prefix = "datasets/" if component.type == DATASET else ""
    return f"{HUB_URL}/{prefix}{component.name}"


@lru_cache(maxsize=1)
def _installed_knowledge():
    from ..knowledge import load_knowledge

    return load_knowledge()


def knowledge_of(options: RenderOptions):
    """The rules the scan used, or the installed ones."""
    return options.knowledge if options.knowledge is not None else _installed_knowledge()


# -- licences ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LicenceRef:
    """A licence that is not on the SPDX list, defined in the SBOM itself."""

    id: str  # LicenseRef-...
    name: str
    url: str | None


@dataclass(frozen=True)
class SpdxLicence:
    """A component's licence in SPDX terms: an expression (None: no assertion) and the refs it uses."""

    expression: str | None
    refs: tuple[LicenceRef, ...] = ()


@dataclass(frozen=True)
class LicenceFacts:
    """What a reader needs to know about a component's licence: its name, its text, its terms' sources."""

    id: str | None
    name: str | None
    url: str | None
    sources: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _spdx_licensing():
    from license_expression import get_spdx_licensing

    return get_spdx_licensing()


@lru_cache(maxsize=4096)
def spdx_id(text: str) -> str | None:
    """The canonical SPDX spelling of a licence (or exception) id on the SPDX list, else None."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9.+-]*", text) or text.lower().startswith("licenseref-"):
        return None
    licensing = _spdx_licensing()
    if licensing.validate(text).errors:
        return None
    return str(licensing.parse(text))


@lru_cache(maxsize=256)
def spdx_exception_id(text: str) -> str | None:
    """The canonical SPDX spelling of a licence exception id (`LLVM-exception`) on the SPDX list, else None."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9.+-]*", text) or text.lower().startswith("licenseref-"):
        return None
    licensing = _spdx_licensing()
    probe = f"MIT WITH {text}"  # an exception is only valid after WITH
    if licensing.validate(probe).errors:
        return None
    return str(licensing.parse(probe).exception_symbol.key)


def licence_ref_id(text: str) -> str:
    """A valid `LicenseRef-` id for any licence name: letters, digits, `.` and `-` only."""
    if text.lower().startswith("licenseref-"):
        text = text[len("licenseref-") :]
    cleaned = re.sub(r"[^A-Za-z0-9.-]+", "-", text).strip("-") or "unnamed"
    return f"LicenseRef-{cleaned}"


def spdx_licence(result: ComponentResult, knowledge) -> SpdxLicence:
    """The component's licence as an SPDX expression over SPDX ids and `LicenseRef-`s.

    A Hub id with an SPDX equivalent (`apache-2.0`) becomes that id; a licence
    the SPDX list lacks (`llama3.1`, a recognised `other`, an unknown id) becomes
    a `LicenseRef-` defined with its name and the link to its text. No licence
    at all is None (NOASSERTION): never a guess.
    """
    from ..expression import ExpressionError, LicenceId, parse_expression, render

    licence = result.resolution.licence
    if licence is None:
        return SpdxLicence(None)
    declared_text = licence.declared or licence.name
    if not licence.id or licence.id.lower() in ("other", "unknown"):
        if not declared_text and not licence.link:
            return SpdxLicence(None)
        ref = LicenceRef(
            licence_ref_id(declared_text or "unrecognised"),
            declared_text or "unrecognised licence",
            web_url(licence.link),
        )
        return SpdxLicence(ref.id, (ref,))
    refs: dict[str, LicenceRef] = {}

    def leaf(node: LicenceId) -> LicenceId:
        rule = knowledge.lookup(node.id)
        # A package's own SPDX id stays: GPL-2.0-or-later is not GPL-2.0-only, though one rule covers both.
        declared = spdx_id(node.id) if result.component.type == PACKAGE else None
        known = declared or spdx_id((rule.spdx if rule is not None else None) or node.id)
        exception = spdx_exception_id(node.exception) if node.exception else None
        if known is not None and (node.exception is None or exception is not None):
            return LicenceId(known, exception)
        whole = f"{node.id} WITH {node.exception}" if node.exception else node.id
        if rule is not None:
            ref = LicenceRef(licence_ref_id(rule.id), rule.name, rule.url)
        else:
            ref = LicenceRef(licence_ref_id(whole), licence.name or whole, web_url(licence.link))
        refs.setdefault(ref.id, ref)
        return LicenceId(ref.id)

    def walk(node):
        if isinstance(node, LicenceId):
            return leaf(node)
        return type(node)(tuple(walk(term) for term in node.terms))

    if result.component.type == PACKAGE:
        try:
            tree = parse_expression(licence.id)
        except ExpressionError:
            tree = LicenceId(licence.id)
    else:
        tree = LicenceId(licence.id)  # Hub ids are single ids, and may contain `+`
    return SpdxLicence(render(walk(tree)), tuple(refs.values()))


def licence_facts(result: ComponentResult, knowledge) -> LicenceFacts:
    """Name, text URL and the sources of the applied terms, for people."""
    licence = result.resolution.licence
    sources = tuple(dict.fromkeys(duty.source for duty in result.evaluation.duties if duty.source))
    if licence is None or not licence.id:
        declared = licence.declared if licence else None
        return LicenceFacts(None, declared, web_url(licence.link) if licence else None, sources)
    rule = knowledge.lookup(licence.id)
    url = web_url(licence.link) or (rule.url if rule is not None else None)
    if result.component.type == PACKAGE and rule is None and url is None:
        known = spdx_id(licence.id)
        url = f"https://spdx.org/licenses/{known}.html" if known else None
    return LicenceFacts(licence.id, licence.name or (rule.name if rule else None), url, sources)


# -- lineage -----------------------------------------------------------------------------


def lineage_lines(result: ComponentResult) -> list[str]:
    """The component's ancestry in words: what the scan found (`lineage`), else what the manifest declares."""
    found = getattr(result, "lineage", None)
    if found:
        return [_describe_ancestor(entry) for entry in found]
    component = result.component
    if component.base_models:
        relation = f" ({component.relation})" if component.relation else ""
        return [f"derived from {name}{relation}" for name in component.base_models]
    return []


def _describe_ancestor(entry: object) -> str:
    """`LineageEntry` in words; read by attribute so that a change of its shape degrades, not breaks."""
    name = getattr(entry, "name", None)
    if not isinstance(name, str):
        return str(entry)
    via, relation = getattr(entry, "via", None), getattr(entry, "relation", None)
    how = f"{relation} base of {via}" if relation and via else (f"base of {via}" if via else "base")
    licence = getattr(entry, "licence", None)
    licence_id = getattr(licence, "id", None) or "licence not determined"
    verdict = getattr(entry, "verdict", None)
    verdict_text = f", {getattr(verdict, 'value', verdict)}" if verdict is not None else ""
    return f"{name} ({how}): {licence_id}{verdict_text}"


# -- stable identifiers and time ---------------------------------------------------------


def content_digest(result: ScanResult) -> str:
    """A SHA-256 of what the report says, so that the same scan gives the same document ids."""
    from .json import to_document

    document = to_document(result)
    document.pop("tool", None)
    return hashlib.sha256(json.dumps(document, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def creation_time() -> datetime:
    """Now, or `SOURCE_DATE_EPOCH` when set: reproducible builds fix the time of their documents."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    not_repeatable("the report carries the time it was made")  # a replay would repeat an old time
    return datetime.now(UTC).replace(microsecond=0)


# -- locations ---------------------------------------------------------------------------


def repository_prefix(scanned: Path) -> str:
    """The scanned directory relative to the root of the git work tree holding it ("" at the root or outside git).

    Code hosts (GitHub code scanning) read SARIF paths relative to the repository,
    while locations in a scan are relative to the scanned directory.
    """
    try:
        directory = scanned.resolve()
    except OSError:
        return ""
    if not directory.is_dir():
        directory = directory.parent
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists():
            relative = directory.relative_to(candidate).as_posix()
            return "" if relative == "." else relative
    return ""
