"""`licensecheck suggest ID`: models like ID that the licence rules allow under the usage context.

`scan --suggest` (commands/scan.py) adds the same suggestions under each denied
or unknown model of a scan, judged the same way (commands/choice.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .choice import candidates_judge, choice_options
from .common import EXIT_OK, EXIT_UNKNOWN, fail, load_knowledge_or_exit, say, write_output

EPILOG = """\b
Asks the Hub for the model's task (pipeline_tag), library and size, then for
the most downloaded models of that task and library (one listing page, two at
most) whose size is within a factor of two of it when the Hub reports sizes.
The most downloaded of them (4 x --limit) are judged as `scan` would judge them
(licence, base models, context, the configuration's lists and exceptions) and
only `allowed` and `conditional` ones are suggested: never one whose licence is
unknown, denied, or bound by a denied base model. Needs the Hub: --offline is
a usage error.
\b
Exit codes:
  0  the Hub was asked (whether or not alternatives were found)
  2  usage or input error (an invalid id, a model the Hub does not have, --offline)
  3  the Hub could not answer (rate limit, server error, timeout, unreachable)"""

DEFAULT_LIMIT = 5


def offline_refused(flag: str = "") -> None:
    fail(f"suggestions need the Hub (its model listing and each candidate's licence): drop --offline{flag}")


@click.command(epilog=EPILOG)
@click.argument("model_id", metavar="ID")
@click.option(
    "--limit",
    type=click.IntRange(1, 20),
    default=DEFAULT_LIMIT,
    show_default=True,
    help="Suggest at most this many models.",
)
@choice_options("suggest-v1.schema.json")
def suggest(
    model_id,
    limit,
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
    """Suggest Hub models like ID (same task, similar size) that you may use under your usage context.

    For a model a scan denied or could not resolve, e.g.
    `licensecheck suggest CohereForAI/c4ai-command-r-v01 --users 2M`.
    """
    # The context flags are read by setup_from_flags from the command line (with the file's values under them).
    from ..errors import LicensecheckError
    from ..model import ScanOptions, ScanResult, is_valid_repo_id
    from ..report.choice import suggest_json, suggest_markdown, suggest_text
    from ..suggest import HubQueryError, suggest_alternatives
    from .configured import setup_from_flags

    if offline:
        offline_refused()
    if not is_valid_repo_id(model_id):
        fail(f"{model_id!r} is not a Hub model id (owner/name, e.g. CohereForAI/c4ai-command-r-v01)")
    knowledge = load_knowledge_or_exit()
    root = Path(".")
    setup = setup_from_flags(root, config_file, knowledge)
    options = ScanOptions(jobs=jobs, timeout=timeout, retry_budget=retry_budget, refresh=refresh, cache_ttl=cache_ttl)
    try:
        suggestions = suggest_alternatives(
            model_id,
            candidates_judge(root, setup, options, knowledge),
            limit=limit,
            timeout=timeout,
            retry_budget=retry_budget,
        )
    except LicensecheckError as error:
        fail(str(error))
    except HubQueryError as error:
        if error.refused:
            fail(error.message)
        say(f"licensecheck: error: {error.message}")
        sys.exit(EXIT_UNKNOWN)
    result = suggestions.result or ScanResult(
        setup.context,
        (),
        notices=setup.config.notices,
        context_sources=dict(setup.sources),
        config_file=setup.config.file,
    )
    render = {"text": suggest_text, "markdown": suggest_markdown, "json": suggest_json}[format_name]
    write_output(render(result, suggestions), output)
    sys.exit(EXIT_OK)
