"""Read an SBOM (CycloneDX JSON 1.4-1.6, SPDX 2.3 JSON) into the components it names.

Components are recognised by their package URL (purl):

- `pkg:huggingface/<namespace>/<name>@<commit>`: a Hub model (a dataset when
  the CycloneDX component's type is `data`, or when the namespace starts with
  `datasets/`); the version is the revision and is kept;
- `pkg:pypi/<name>@<version>`: a Python package at that exact version.

Anything else (npm, maven, a component without a purl) is not checked: the
reader lists it in a notice, never drops it silently. The document's own
subject (CycloneDX `metadata.component`, SPDX packages the document DESCRIBES)
is the product, not a dependency, and is not read. A document that is not
valid JSON, not one of these formats or versions, or holds a malformed purl is
an `InputError` naming the file, the line and what is wrong.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import NoReturn

from ..errors import InputError
from ..findings import SBOM_NOT_CHECKED
from ..model import DATASET, MODEL, PACKAGE, Component, Finding, Location, Severity, is_valid_repo_id
from .common import line_at, read_text

CYCLONEDX_VERSIONS = ("1.4", "1.5", "1.6")
SPDX_VERSIONS = ("SPDX-2.3",)
_MAX_NESTING = 32


class _Document:
    """The file's text and where things are in it, for messages that name a line."""

    def __init__(self, where: str, text: str) -> None:
        self.where = where
        self.text = text

    def line_of(self, value: str | None) -> int | None:
        if not value:
            return None
        at = self.text.find(json.dumps(value))
        return line_at(self.text, at) if at >= 0 else None

    def fail(self, message: str, value: str | None = None) -> NoReturn:
        raise InputError(self.where, self.line_of(value), message)


def read_sbom(path: Path, where: str) -> tuple[list[Component], list[Finding]]:
    """(components to check, notices about what is not checked) for one SBOM file."""
    text = read_text(path, where)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            where, error.lineno, f"invalid JSON: {error.msg} (an SBOM must be CycloneDX or SPDX JSON)"
        ) from None
    except RecursionError:
        raise InputError(where, None, "invalid JSON: nested too deeply") from None
    document = _Document(where, text)
    if not isinstance(data, dict):
        document.fail("expected a JSON object: a CycloneDX or SPDX document")
    if "bomFormat" in data:
        entries = _cyclonedx_entries(data, document)
    elif "spdxVersion" in data:
        entries = _spdx_entries(data, document)
    else:
        document.fail("neither a CycloneDX document (no `bomFormat`) nor an SPDX document (no `spdxVersion`)")
    components: list[Component] = []
    unchecked: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for purl_text, label, kind_hint in entries:
        if purl_text is None:
            unchecked["no purl"] += 1
            examples.setdefault("no purl", label)
            continue
        component, purl_type = _component(purl_text, kind_hint, document)
        if component is None:
            unchecked[purl_type] += 1
            examples.setdefault(purl_type, label)
            continue
        components.append(component)
    notices = []
    if unchecked:
        listed = ", ".join(f"{count} {kind} (e.g. {examples[kind]})" for kind, count in sorted(unchecked.items()))
        notices.append(
            Finding(
                Severity.WARNING,
                SBOM_NOT_CHECKED,
                f"{where}: {sum(unchecked.values())} component(s) not checked: licensecheck checks "
                f"pkg:huggingface and pkg:pypi components only; not checked: {listed}",
            )
        )
    return components, notices


def _cyclonedx_entries(data: dict, document: _Document) -> list[tuple[str | None, str, str | None]]:
    if data.get("bomFormat") != "CycloneDX":
        document.fail(f"`bomFormat` is {data.get('bomFormat')!r}, expected 'CycloneDX'")
    version = data.get("specVersion")
    if version not in CYCLONEDX_VERSIONS:
        document.fail(
            f"unsupported CycloneDX `specVersion` {version!r}: this licensecheck reads {', '.join(CYCLONEDX_VERSIONS)}",
            version if isinstance(version, str) else None,
        )
    entries: list[tuple[str | None, str, str | None]] = []

    def walk(items: object, trail: str, depth: int) -> None:
        if items is None:
            return
        if not isinstance(items, list):
            document.fail(f"`{trail}` must be a list of components")
        if depth > _MAX_NESTING:
            document.fail("components are nested too deeply")
        for index, item in enumerate(items):
            here = f"{trail}[{index}]"
            if not isinstance(item, dict):
                document.fail(f"`{here}` must be an object")
            purl = item.get("purl")
            given_name = item.get("name")
            if purl is not None and not isinstance(purl, str):
                document.fail(f"`{here}.purl` must be a string", given_name if isinstance(given_name, str) else None)
            name = given_name if isinstance(given_name, str) else here
            entries.append((purl, name, "data" if item.get("type") == "data" else None))
            walk(item.get("components"), f"{here}.components", depth + 1)

    walk(data.get("components"), "components", 0)
    return entries


def _spdx_entries(data: dict, document: _Document) -> list[tuple[str | None, str, str | None]]:
    version = data.get("spdxVersion")
    if version not in SPDX_VERSIONS:
        document.fail(
            f"unsupported `spdxVersion` {version!r}: this licensecheck reads SPDX 2.3 JSON",
            version if isinstance(version, str) else None,
        )
    packages = data.get("packages", [])
    if not isinstance(packages, list):
        document.fail("`packages` must be a list")
    subjects = _spdx_subjects(data)
    entries: list[tuple[str | None, str, str | None]] = []
    for index, package in enumerate(packages):
        if not isinstance(package, dict):
            document.fail(f"`packages[{index}]` must be an object")
        if package.get("SPDXID") in subjects:
            continue
        name = package.get("name")
        if not isinstance(name, str):
            name = f"packages[{index}]"
        refs = package.get("externalRefs", [])
        if not isinstance(refs, list) or not all(isinstance(ref, dict) for ref in refs):
            document.fail(f"`packages[{index}].externalRefs` must be a list of objects", name)
        purls = [
            ref.get("referenceLocator")
            for ref in refs
            if ref.get("referenceType") == "purl"
            and str(ref.get("referenceCategory", "")).replace("_", "-") == "PACKAGE-MANAGER"
        ]
        for purl in purls:
            if not isinstance(purl, str):
                document.fail(f"`packages[{index}]`: a purl `referenceLocator` must be a string", name)
        purpose = package.get("primaryPackagePurpose")
        hint = "data" if purpose == "DATA" else None
        entries += [(purl, name, hint) for purl in purls] or [(None, name, hint)]
    return entries


def _spdx_subjects(data: dict) -> set[str]:
    """The SPDX ids the document describes: the product itself."""
    subjects = {s for s in data.get("documentDescribes", []) or [] if isinstance(s, str)}
    for relation in data.get("relationships", []) or []:
        if (
            isinstance(relation, dict)
            and relation.get("spdxElementId") == "SPDXRef-DOCUMENT"
            and relation.get("relationshipType") == "DESCRIBES"
            and isinstance(relation.get("relatedSpdxElement"), str)
        ):
            subjects.add(relation["relatedSpdxElement"])
    return subjects


def _component(purl_text: str, kind_hint: str | None, document: _Document) -> tuple[Component | None, str]:
    """The component a purl names, or (None, its type) when licensecheck does not check that type."""
    from packageurl import PackageURL

    try:
        purl = PackageURL.from_string(purl_text)
    except ValueError as error:
        document.fail(f"invalid package URL {purl_text!r}: {error}", purl_text)
    location = (Location(path=document.where, line=document.line_of(purl_text)),)
    if purl.type == "pypi":
        from packaging.utils import canonicalize_name

        return Component(
            type=PACKAGE, name=canonicalize_name(purl.name), revision=purl.version, locations=location
        ), "pypi"
    if purl.type == "huggingface":
        namespace = purl.namespace or ""
        kind = DATASET if kind_hint == "data" else MODEL
        if namespace == "datasets" or namespace.startswith("datasets/"):
            kind, namespace = DATASET, namespace.removeprefix("datasets").strip("/")
        repo_id = f"{namespace}/{purl.name}" if namespace else purl.name
        if not is_valid_repo_id(repo_id):
            document.fail(
                f"package URL {purl_text!r} does not name a Hub repository ({repo_id!r} is not a repository id)",
                purl_text,
            )
        return Component(type=kind, name=repo_id, revision=purl.version, locations=location), "huggingface"
    return None, purl.type
