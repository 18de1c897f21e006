"""`licensecheck compare ID [ID ...]`: candidate models side by side, each judged as a scan would judge it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .choice import choice_options
from .common import EXIT_OK, fail, load_knowledge_or_exit, write_output

EPILOG = """\b
Each candidate is resolved and judged exactly as `scan` would judge it in a
models.yaml (its licence, its base models' licences, the usage context, the
configuration's allow and deny lists and exceptions), so its verdict here is
its verdict in a scan. The configuration and licensecheck.lock are those of
the manifest's directory with --manifest, else of the current directory.
\b
Columns: the licence, the verdict, the reason that decided it, the duties by
kind (attribution, naming, notices, use policy and its flow-down), each
threshold with the figure it tests, regional terms, and whether the Hub gates
the download.
\b
Exit codes:
  0  the candidates were compared (whatever their verdicts)
  2  usage or input error (an invalid id, a malformed manifest)"""


@click.command(epilog=EPILOG)
@click.argument("ids", nargs=-1, metavar="[ID]...")
@click.option(
    "--manifest",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    metavar="FILE",
    help="Compare the models a models.yaml declares (with the IDs given, if any).",
)
@choice_options("compare-v1.schema.json")
def compare(
    ids,
    manifest,
    offline,
    jobs,
    timeout,
    retry_budget,
    refresh,
    cache_ttl,
    format_name,
    output,
    config_file,
    **_context_flags,
):
    """Compare Hub models ID... side by side: licence, verdict, reason, duties, thresholds, regional terms, gating.

    The usage context and the configuration apply as in `scan`, e.g.
    `licensecheck compare meta-llama/Llama-3.1-8B-Instruct Qwen/Qwen2.5-7B-Instruct --users 2M`.
    """
    # The context flags are read by setup_from_flags from the command line (with the file's values under them).
    from ..choose import candidate_rows
    from ..errors import LicensecheckError
    from ..model import ScanOptions
    from ..report.choice import compare_json, compare_markdown, compare_text
    from .choice import candidates_judge
    from .configured import setup_from_flags

    knowledge = load_knowledge_or_exit()
    components, root = _candidates(ids, manifest)
    setup = setup_from_flags(root, config_file, knowledge)
    options = ScanOptions(
        offline=offline, jobs=jobs, timeout=timeout, retry_budget=retry_budget, refresh=refresh, cache_ttl=cache_ttl
    )
    try:
        result = candidates_judge(root, setup, options, knowledge)(components)
    except LicensecheckError as error:
        fail(str(error))
    rows = candidate_rows(result, knowledge.lookup)
    render = {"text": compare_text, "markdown": compare_markdown, "json": compare_json}[format_name]
    write_output(render(result, rows), output)
    sys.exit(EXIT_OK)


def _candidates(ids: tuple[str, ...], manifest: Path | None):
    """The models to compare, each once (the manifest's first, as declared), and the directory whose lock applies."""
    from ..errors import LicensecheckError
    from ..model import MODEL, Component, is_valid_repo_id
    from ..sources.inputs import merge_components

    if not ids and manifest is None:
        fail(
            "name the models to compare (e.g. `licensecheck compare meta-llama/Llama-3.1-8B-Instruct "
            "Qwen/Qwen2.5-7B-Instruct`), or give --manifest FILE"
        )
    components: list = []
    root = Path(".")
    if manifest is not None:
        from ..sources.manifest import read_manifest

        if not manifest.is_file():
            fail(f"{manifest}: no such file")
        root = manifest.parent
        try:
            components = [c for c in read_manifest(manifest, root) if c.type == MODEL]
        except LicensecheckError as error:
            fail(str(error))
        if not components and not ids:
            fail(f"{manifest}: declares no models to compare")
    for repo_id in ids:
        if not is_valid_repo_id(repo_id):
            fail(f"{repo_id!r} is not a Hub model id (owner/name, e.g. Qwen/Qwen2.5-7B-Instruct)")
        components.append(Component(type=MODEL, name=repo_id))
    return merge_components(components), root
