"""SPDX 2.3 software bill of materials, JSON (`spdx-json`) or tag-value (`spdx`).

Written by spdx-tools and validated by it before a byte is returned. Models and
datasets are packages with a `pkg:huggingface/...` purl (the commit, lower-case,
when known) and purpose OTHER (SPDX 2.3 has no "model"); Python packages have a
`pkg:pypi/...` purl and purpose LIBRARY. A licence the SPDX list lacks
(`llama3.1`, a custom licence) is a `LicenseRef-` defined in the document with
its name and a link to its text. The document namespace is derived from the
content, so the same scan gives the same document (set `SOURCE_DATE_EPOCH` to
fix its creation time too). A link from a model card that spdx-tools would reject
(`http://localhost/...`) is left out, with a finding in the component's comment:
a card must not make the SBOM fail. Quoted text is made inert (`escape.plain`):
the tag-value form prints it as it is.

spdx-tools is imported here only, when an SBOM is asked for. Its file writers
open the target before validating and leave an empty file behind on an error,
so this module validates first and writes to memory; the command writes the
text to `--output` only once it is complete.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

from .. import __version__
from ..findings import SPDX_LINK_DROPPED
from ..model import PACKAGE, ComponentResult, Finding, ScanResult, Severity
from . import RenderOptions
from .common import (
    TYPE_WORDS,
    content_digest,
    creation_time,
    home_url,
    knowledge_of,
    ordered,
    purl,
    spdx_licence,
    version_of,
)
from .escape import plain

NAMESPACE_BASE = "https://spdx.org/spdxdocs/licensecheck"


class SpdxError(RuntimeError):
    """spdx-tools rejected the document: a bug in this module, reported with spdx-tools' messages."""


def _spdx_id(result: ComponentResult, taken: set[str]) -> str:
    base = "SPDXRef-" + re.sub(r"[^A-Za-z0-9.-]+", "-", f"{result.component.type}-{result.component.name}").strip("-")
    candidate, number = base, 2
    while candidate.lower() in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate.lower())
    return candidate


def _comment(result: ComponentResult, dropped: tuple[Finding, ...] = ()) -> str:
    evaluation = result.evaluation
    lines = [f"{TYPE_WORDS[result.component.type]}; licensecheck verdict: {evaluation.verdict.value}"]
    lines += [f"{f.severity.value}: {f.message} ({f.code})" for f in (*evaluation.findings, *dropped)]
    lines += [f"obligation: {o}" for o in evaluation.obligations]
    return "\n".join(plain(line) for line in lines)


def _accepted_url(url: str | None) -> str | None:
    """`url` when spdx-tools accepts it as a URL and it holds nothing to escape (`##[`), else None."""
    from spdx_tools.spdx.validation.uri_validators import validate_url

    return url if url and plain(url) == url and not validate_url(url) else None


def _link_dropped(name: str, url: str) -> Finding:
    return Finding(
        Severity.WARNING,
        SPDX_LINK_DROPPED,
        f"the link to the text of {name}, {url!r}, is left out of this SBOM: it is not a URL SPDX accepts",
    )


def build_document(result: ScanResult, options: RenderOptions):
    """The spdx-tools `Document` for a scan."""
    from spdx_tools.common.spdx_licensing import spdx_licensing
    from spdx_tools.spdx.model import (
        Actor,
        ActorType,
        CreationInfo,
        Document,
        ExternalPackageRef,
        ExternalPackageRefCategory,
        ExtractedLicensingInfo,
        Package,
        PackagePurpose,
        Relationship,
        RelationshipType,
        SpdxNoAssertion,
    )

    knowledge = knowledge_of(options)
    packages, relationships, extracted = [], [], {}
    dropped_links: dict[str, Finding] = {}  # LicenseRef id -> why its card link is not in the document
    taken: set[str] = set()
    ids_by_name: dict[str, str] = {}
    for item in ordered(result):
        component = item.component
        spdx_id = _spdx_id(item, taken)
        ids_by_name.setdefault(component.name.lower(), spdx_id)
        licence = spdx_licence(item, knowledge)
        for ref in licence.refs:
            if ref.id not in extracted:
                url = _accepted_url(ref.url)
                if ref.url and url is None:
                    dropped_links[ref.id] = _link_dropped(ref.name, ref.url)
                extracted[ref.id] = ExtractedLicensingInfo(
                    license_id=ref.id,
                    extracted_text=plain(f"The text of this licence is at {url}")
                    if url
                    else "The text of this licence was not found; see the component's source.",
                    license_name=plain(ref.name),
                    cross_references=[url] if url else [],
                )
        dropped = tuple(dropped_links[ref.id] for ref in licence.refs if ref.id in dropped_links)
        expression = spdx_licensing.parse(licence.expression) if licence.expression else SpdxNoAssertion()
        locator = purl(item)
        version = version_of(item)
        packages.append(
            Package(
                spdx_id=spdx_id,
                name=plain(component.name),
                download_location=home_url(item) or SpdxNoAssertion(),
                version=plain(version) if version else version,
                files_analyzed=False,
                homepage=home_url(item),
                license_concluded=expression,
                license_declared=expression,
                copyright_text=SpdxNoAssertion(),
                comment=_comment(item, dropped),
                external_references=[ExternalPackageRef(ExternalPackageRefCategory.PACKAGE_MANAGER, "purl", locator)]
                if locator
                else [],
                primary_package_purpose=PackagePurpose.LIBRARY if component.type == PACKAGE else PackagePurpose.OTHER,
                supplier=SpdxNoAssertion(),
            )
        )
        relationships.append(Relationship("SPDXRef-DOCUMENT", RelationshipType.DESCRIBES, spdx_id))
    for item in result.components:
        for base in item.component.base_models:
            base_id = ids_by_name.get(base.lower())
            own_id = ids_by_name.get(item.component.name.lower())
            if base_id and own_id and base_id != own_id:
                relationships.append(Relationship(own_id, RelationshipType.DESCENDANT_OF, base_id))
    digest = content_digest(result)
    info = CreationInfo(
        spdx_version="SPDX-2.3",
        spdx_id="SPDXRef-DOCUMENT",
        name="licensecheck dependencies",
        document_namespace=f"{NAMESPACE_BASE}-{digest[:32]}",
        creators=[Actor(ActorType.TOOL, f"licensecheck-{__version__}")],
        created=creation_time(),
        creator_comment=f"Models, datasets and Python packages; verdicts for {_context_words(result)}.",
    )
    return Document(
        info, packages=packages, relationships=relationships, extracted_licensing_info=list(extracted.values())
    )


def _context_words(result: ScanResult) -> str:
    from .text import describe_context

    return describe_context(result.context)


def _write(result: ScanResult, options: RenderOptions, writer: Callable) -> str:
    from spdx_tools.spdx.validation.document_validator import validate_full_spdx_document

    document = build_document(result, options)
    messages = validate_full_spdx_document(document)
    if messages:
        problems = "; ".join(m.validation_message for m in messages[:5])
        raise SpdxError(f"the SPDX document is not valid ({len(messages)} problem(s)): {problems}")
    stream = io.StringIO()
    writer(document, stream, validate=False)
    text = stream.getvalue()
    return text if text.endswith("\n") else text + "\n"


def render(result: ScanResult, options: RenderOptions) -> str:
    """SPDX 2.3 JSON."""
    from spdx_tools.spdx.writer.json.json_writer import write_document_to_stream

    return _write(result, options, write_document_to_stream)


def render_tag_value(result: ScanResult, options: RenderOptions) -> str:
    """SPDX 2.3 tag-value."""
    from spdx_tools.spdx.writer.tagvalue.tagvalue_writer import write_document_to_stream

    return _write(result, options, write_document_to_stream)
