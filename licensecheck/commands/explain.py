"""`licensecheck explain ID`: a licence's terms, their sources, and the verdict under a usage context."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from click.core import ParameterSource

from .common import EXIT_OK, api_errors, context_options, fail, load_knowledge_or_exit, write_output
from .configured import config_option

EPILOG = """\b
ID is a Hub licence id (llama3.1, cc-by-nc-4.0, other), an SPDX id (Apache-2.0) or an
alias (qwen-research, mrl, "MIT License"), in any case.
\b
ID may also be a component declared under --path (a model, dataset or package,
e.g. CohereForAI/c4ai-command-r-v01): then its verdict is retraced step by step
(licence, lineage, context and where each value was set, the terms that applied,
allow/deny, exception), with the configuration in force. An ID with a `/` is
looked up as a component first; any other ID as a licence first. An ID that
is a licence, or starts one (Apache, llama), is looked for in the project only
when --path is given.
\b
Exit codes:
  0  the licence was explained (whatever its verdict)
  2  unknown licence id (the closest known ids are suggested) or usage error"""


@click.command(epilog=EPILOG)
@click.argument("licence_id", metavar="ID")
@context_options
@click.option(
    "--format",
    "format_name",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write to a file instead of stdout."
)
@click.option(
    "--path",
    "project",
    type=click.Path(path_type=Path),
    default=".",
    show_default=True,
    help="For a component: the project that declares it.",
)
@config_option
@click.option("--offline", is_flag=True, help="For a component: never touch the network (the lock file only).")
def explain(
    licence_id,
    use,
    distribution,
    users,
    org_users,
    revenue,
    region,
    format_name,
    output,
    project,
    config_file,
    offline,
    purposes,
):
    """What licence ID permits and requires, each term with its source, and its verdict under your usage context."""
    from .. import api
    from ..errors import UsageError
    from ..explain_licence import names_a_licence
    from ..report.explain_licence import render_text, to_document

    knowledge = load_knowledge_or_exit()
    context = {
        "use": use,
        "distribution": distribution,
        "users": users,
        "org_users": org_users,
        "revenue": revenue,
        "region": region,
        "purpose": purposes,
    }
    with api_errors():
        api.context_of(api.context_given(context, knowledge))  # a bad flag fails before the project is read
    # Decided from ID alone: a licence, or a licence family (`Apache`) without an explicit
    # --path, never walks the project (a large tree takes long to walk).
    known = knowledge.lookup(licence_id) is not None
    family = not known and names_a_licence(licence_id, knowledge)
    path_given = click.get_current_context().get_parameter_source("project") is not ParameterSource.DEFAULT
    if "/" in licence_id or not (known or (family and not path_given)):
        from .explain_component import explain_component_if_declared

        explain_component_if_declared(licence_id, project, config_file, offline, knowledge, format_name, output)
    try:
        explanation = api.explain(licence_id, knowledge=knowledge, **context)
    except UsageError as error:  # the flags were checked above: the id is unknown
        hint = (
            f" (for a component of the project named {licence_id!r}, give --path)" if family and not path_given else ""
        )
        fail(error.message + hint)
    if format_name == "json":
        text = json.dumps(to_document(explanation), indent=2, ensure_ascii=False) + "\n"
    else:
        text = render_text(explanation)
    write_output(text, output)
    sys.exit(EXIT_OK)
