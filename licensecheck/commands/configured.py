"""The options of `scan`, `lock` and the others about the configuration file, and the context flags typed.

Reading the file, putting the flags over it and applying the policy is the
library's (licensecheck/api.py); this module says which flags the user typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .common import api_errors

if TYPE_CHECKING:
    pass

config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    metavar="FILE",
    help="Read settings from FILE (a licensecheck.toml, or a pyproject.toml with [tool.licensecheck]) "
    "instead of searching PATH and its parents up to the repository root.",
)

config_ref_option = click.option(
    "--config-ref",
    "config_ref",
    default=None,
    metavar="REF",
    help="Read the configuration and the --baseline file as they are at git commit REF (a branch, tag or commit), "
    "not from the working tree: in CI, the pull request's base, so that the change under review cannot "
    "loosen the gate that judges it. A file missing at REF means the defaults.",
)

# click's parameter name → the library's context keyword (api.CONTEXT_KEYWORDS).
_CONTEXT_FLAGS = {
    "use": "use",
    "distribution": "distribution",
    "users": "users",
    "revenue": "revenue",
    "region": "region",
    "org_users": "org_users",
    "purposes": "purpose",
}


def context_flags(ctx: click.Context) -> dict[str, Any]:  # Any: each value is passed on to api's checks
    """The usage-context flags the user typed (or set in the environment), not click's defaults, as api keywords."""
    from click.core import ParameterSource

    typed = (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)
    return {
        keyword: ctx.params[name]
        for name, keyword in _CONTEXT_FLAGS.items()
        if name in ctx.params and ctx.get_parameter_source(name) in typed
    }


def setup_from_flags(path: Path, config_file: Path | None, knowledge, config_ref: str | None = None):
    """The configuration governing PATH with this command line's context flags over it (api.load_setup)."""
    from ..api import load_setup

    with api_errors():
        return load_setup(
            path,
            knowledge,
            config=config_file,
            config_ref=config_ref,
            context=context_flags(click.get_current_context()),
        )


baseline_options = [
    click.option(
        "--baseline",
        "baseline_file",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        metavar="FILE",
        help="Report only what is new: components whose every problem FILE records "
        "are shown as baselined and do not fail the run.",
    ),
    click.option(
        "--write-baseline",
        "write_baseline",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        metavar="FILE",
        help="Record today's problems (denied and unknown components) in FILE, then report them as baselined.",
    ),
]
