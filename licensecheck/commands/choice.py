"""What `compare` and `suggest` (and `scan --suggest`) share: their options, and how they judge candidates."""

from __future__ import annotations

from pathlib import Path

import click

from .common import cache_options, context_options, network_options
from .configured import config_option

FORMATS = ("text", "markdown", "json")


def choice_options(schema: str):
    """The usage context, network, cache, output and configuration options; `schema` names the JSON schema."""
    options = [
        context_options,
        network_options,
        cache_options,
        click.option(
            "--format",
            "format_name",
            type=click.Choice(FORMATS),
            default="text",
            show_default=True,
            help=f"Output format (json: schema licensecheck/schemas/{schema}).",
        ),
        click.option(
            "--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write to a file instead of stdout."
        ),
        config_option,
    ]

    def decorate(function):
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


def candidates_judge(root: Path, setup, options, knowledge):
    """How candidates are judged: the configured scan of a list of components, with `root`'s lock."""
    from ..api import configured_components

    return lambda components: configured_components(components, root, setup, options, knowledge)
