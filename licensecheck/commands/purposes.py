"""`licensecheck purposes [ID]`: the purposes a project can declare, and the licences that restrict each."""

from __future__ import annotations

import json
import sys

import click

from .common import EXIT_OK, fail, load_knowledge_or_exit, write_output

EPILOG = """\b
A purpose is prohibited by a licence that forbids it outright, and conditioned by one
that allows it under a duty (a naming rule, a model derivative's terms) or forbids it
only in some cases to confirm (unlicensed practice of a profession).
\b
Exit codes:
  0  listed
  2  unknown purpose id (the closest ids are suggested) or usage error"""


@click.command(epilog=EPILOG)
@click.argument("purpose_id", metavar="[ID]", required=False)
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
def purposes(purpose_id, format_name, output):
    """List the purposes (intended uses) for --purpose: id, description, and which licences restrict each."""
    from ..purposes import UnknownPurpose, check_purposes, purpose_terms, render_text, to_document

    knowledge = load_knowledge_or_exit()
    terms = purpose_terms(knowledge)
    if purpose_id is not None:
        try:
            (wanted,) = check_purposes([purpose_id], knowledge)
        except UnknownPurpose as error:
            fail(error.message())
        terms = tuple(term for term in terms if term.purpose.id == wanted)
    if format_name == "json":
        text = json.dumps(to_document(terms), indent=2, ensure_ascii=False) + "\n"
    else:
        text = render_text(terms)
    write_output(text, output)
    sys.exit(EXIT_OK)
