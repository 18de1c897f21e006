"""SPDX 2.3 software bill of materials, JSON (`spdx-json`) or tag-value (`spdx`).

Written by spdx-tools and validated by it before a byte is returned. Models and
datasets are packages with a `pkg:huggingface/...` purl (the commit, lower-case,
when known) and purpose OTHER (SPDX 2.3 has no "model"); Python packages have a
`pkg:pypi/...` purl and purpose LIBRARY. A licence the SPDX list lacks
(`llama3.1`, a custom licence) is a `LicenseRef-` defined in the document with
its name and a link to its text. The document namespace is derived from the
content, so the same scan gives the same document (set `SOURCE_DATE_EPOCH` to
fix its creation time too).

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
from ..model import PACKAGE, ComponentResult, ScanResult
from . import RenderOptions
from ._common import (
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


def _comment(result: ComponentResult) -> str:
    evaluation = result.evaluation
    lines = [f"{TYPE_WORDS[result.component.type]}; licensecheck verdict: {evaluation.verdict.value}"]
    lines += [f"{f.severity.value}: {f.message} ({f.code})" for f in evaluation.findings]
    lines += [f"obligation: {o}" for o in evaluation.obligations]
    return "\n".join(lines)


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
    taken: set[str] = set()
    ids_by_name: dict[str, str] = {}
    for item in ordered(result):
        component = item.component
        spdx_id = _spdx_id(item, taken)
        ids_by_name.setdefault(component.name.lower(), spdx_id)
        licence = spdx_licence(item, knowledge)
        for ref in licence.refs:
            extracted.setdefault(
                ref.id,
                ExtractedLicensingInfo(
                    license_id=ref.id,
                    extracted_text=f"The text of this licence is at {ref.url}" if ref.url else
                    "The text of this licence was not found; see the component's source.",
                    license_name=ref.name,
                    cross_references=[ref.url] if ref.url else [],
                ),
            )
        expression = spdx_licensing.parse(licence.expression) if licence.expression else SpdxNoAssertion()
        locator = purl(item)
        version = version_of(item)
        packages.append(
            Package(
                spdx_id=spdx_id,
                name=component.name,
                download_location=home_url(item) or SpdxNoAssertion(),
                version=version,
                files_analyzed=False,
                homepage=home_url(item),
                license_concluded=expression,
                license_declared=expression,
                copyright_text=SpdxNoAssertion(),
                comment=_comment(item),
                external_references=[
                    ExternalPackageRef(ExternalPackageRefCategory.PACKAGE_MANAGER, "purl", locator)
                ] if locator else [],
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
    return Document(info, packages=packages, relationships=relationships, extracted_licensing_info=list(extracted.values()))


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
