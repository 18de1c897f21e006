"""`licensecheck explain COMPONENT`: how a declared model, dataset or package got its verdict.

`explain ID` (commands/explain.py) explains a licence; when ID is not a licence
id, or names a Hub repository (it has a `/`), it is looked for among the
components declared under `--path`, and this module explains that component's
verdict with the configuration in force (licensecheck/explain_component.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from .common import EXIT_OK, fail, write_output
from .configured import setup_from_flags


def explain_component_if_declared(
    query: str, path: Path, config_file: Path | None, offline: bool, knowledge, format_name: str, output: str | None
) -> None:
    """Explain the component named `query` and exit; return when PATH declares none (ID may be a licence)."""
    from ..api import configured_scan
    from ..errors import LicensecheckError
    from ..explain_component import explain_component, find_components
    from ..model import ScanOptions
    from ..policy import normalised_name
    from ..report.explain_component import render_component_text
    from ..sources.inputs import collect_inputs

    setup = setup_from_flags(path, config_file, knowledge)
    try:
        # Reading the manifests costs no network: resolve only when the component is there.
        declared = collect_inputs(path, setup.config.path_filter(path)).components
    except LicensecheckError as error:
        if "/" in query:
            fail(str(error))
        return
    if not any(normalised_name(c.name, c.type) == normalised_name(query, c.type) for c in declared):
        if "/" in query and knowledge.lookup(query) is None:
            fail(f"{query!r} is not a component declared under {path} (nor a licence id)")
        return
    try:
        result = configured_scan(path, setup, ScanOptions(offline=offline), knowledge)
    except LicensecheckError as error:
        fail(str(error))
    documents = [explain_component(item, result, setup.config, knowledge) for item in find_components(result, query)]
    if format_name == "json":
        from ..report.escape import json_text

        text = json_text(documents[0] if len(documents) == 1 else documents)
    else:
        text = "\n".join(render_component_text(document) for document in documents)
    write_output(text, output)
    sys.exit(EXIT_OK)
