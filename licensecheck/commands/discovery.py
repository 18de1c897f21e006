"""`--no-discover`, shared by `scan` and `lock`: read only the declared inputs."""

from __future__ import annotations

import click

discover_option = click.option(
    "--discover/--no-discover",
    default=True,
    show_default=True,
    help="Also find the models and datasets the code, notebooks, configuration and container files use "
    "(--no-discover: only models.yaml, requirement and lock files).",
)
