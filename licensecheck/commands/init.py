"""`licensecheck init`: write a commented starter configuration.

Into `pyproject.toml` as a `[tool.licensecheck]` table when the project has one,
else into a new `licensecheck.toml`. Never overwrites: an existing configuration
is left alone and the command exits 2. The preset comes from `--preset`, else
from a question on a terminal, else (CI, pipes) it is `saas`, said so.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import click

from ..config import CONFIG_NAME, PYPROJECT_NAME, preset_names
from .common import EXIT_OK, fail, say

DEFAULT_PRESET = "saas"

_TEMPLATE = """\
# licensecheck settings: your usage context and your legal team's decisions, applied
# by every developer's hook and every CI run. Command-line flags override these
# values; these override the preset. Reference: README.md, "Configuration".

{description}
extends = "{preset}"

# Your usage context. Uncomment a line to set or change a value.
# use = "commercial"            # commercial | non-commercial
# distribution = "network"      # internal | network (SaaS, API) | redistribute (shipped)
# users = 2_000_000             # monthly active users of the product: user thresholds (Qwen: 100M)
# org_users = 2_000_000         # ... of the organisation and its affiliates together (Llama: 700M)
# revenue = 5_000_000           # annual revenue in USD: licences with revenue caps
# region = "EU"                 # ISO 3166 country code, or EU: regional terms
# purposes = ["medical-advice"] # what the models are used for (`licensecheck purposes`): use restrictions

# What a licence that cannot be determined does: "fail" (exit 3) or "warn" (exit 0).
# unknown = "fail"

# Licence ids (Hub ids, SPDX ids or aliases, any case). A list here replaces the preset's.
# With `allow`, every licence not listed is denied; `deny` always denies.
# allow = ["mit", "apache-2.0", "bsd-3-clause"]
# deny = ["cc-by-nc-4.0"]
# Whole categories of licence (rules/README.md): every licence of these is denied.
# deny_categories = ["network-copyleft"]

# Paths never scanned, relative to this file.
# exclude = ["tests/fixtures/**"]

# A decision of your legal team: this component may be used even though its licence
# or a list denies it, until the date. Every exception needs a reason, an owner and
# an expiry; an expired one fails again, and one that matches nothing is reported.
# [[{exceptions}]]
# component = "CohereForAI/c4ai-command-r-v01"
# revision = "..."              # optional: this commit or version only
# reason = "Commercial agreement with Cohere, contract 2025-117"
# owner = "legal@example.com"
# expires = 2026-12-31
"""


def starter_config(preset: str, in_pyproject: bool) -> str:
    """The commented configuration `init` writes (a table for pyproject.toml, else top-level keys)."""
    from ..config import preset_description, presets_dir

    values = [
        line.strip()
        for line in (presets_dir() / f"{preset}.toml").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    description = textwrap.fill(
        f"The preset: {preset_description(preset)} It sets {', '.join(values) or 'nothing'}.",
        width=86,
        initial_indent="# ",
        subsequent_indent="# ",
        break_long_words=False,
        break_on_hyphens=False,
    )
    body = _TEMPLATE.format(
        preset=preset,
        description=description,
        exceptions="tool.licensecheck.exceptions" if in_pyproject else "exceptions",
    )
    return f"[tool.licensecheck]\n{body}" if in_pyproject else body


def _is_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _choose_preset() -> str:
    from ..config import preset_description

    if not _is_terminal():
        say(f"licensecheck: no terminal to ask on: using preset {DEFAULT_PRESET} (choose one with --preset)")
        return DEFAULT_PRESET
    click.echo("Presets:")
    for name in preset_names():
        click.echo(f"  {name}: {preset_description(name)}")
    return click.prompt("Preset", type=click.Choice(preset_names()), default=DEFAULT_PRESET)


@click.command(epilog="Exit codes: 0 written; 2 a configuration already exists, or a usage error.")
@click.argument("path", type=click.Path(path_type=Path, file_okay=False), default=".")
@click.option(
    "--preset",
    type=click.Choice(preset_names()),
    default=None,
    help=f"The preset to extend. Default: asked on a terminal, else {DEFAULT_PRESET}.",
)
def init(path, preset):
    """Write a commented starter configuration for the project in PATH (default: .).

    Into pyproject.toml as [tool.licensecheck] when PATH has a pyproject.toml, else
    into a new licensecheck.toml. An existing configuration is never overwritten.
    """
    import tomllib

    from ..config import load_toml, shown_path, tool_table
    from ..errors import LicensecheckError
    from ..fsutil import write_atomically

    if not path.is_dir():
        fail(f"{path}: no such directory")
    dedicated, pyproject = path / CONFIG_NAME, path / PYPROJECT_NAME
    if dedicated.exists():
        fail(f"{shown_path(dedicated)}: a configuration already exists; edit it (init never overwrites)")
    existing = None
    if pyproject.is_file():
        try:
            existing, data = load_toml(pyproject)
        except LicensecheckError as error:
            fail(f"{error}; fix it before adding [tool.licensecheck] to it")
        if tool_table(data) is not None:
            fail(f"{shown_path(pyproject)}: already has a [tool.licensecheck] table; edit it (init never overwrites)")
    preset = preset or _choose_preset()
    if existing is not None:
        separator = "" if not existing else ("\n" if existing.endswith("\n") else "\n\n")
        target, text = pyproject, existing + separator + starter_config(preset, in_pyproject=True)
    else:
        target, text = dedicated, starter_config(preset, in_pyproject=False)
    try:  # what is written must parse, and appending must not break a pyproject.toml
        valid = tool_table(tomllib.loads(text)) is not None or target == dedicated
    except tomllib.TOMLDecodeError:
        valid = False
    if not valid:
        fail(f"{shown_path(pyproject)}: cannot add [tool.licensecheck] safely; add it by hand")
    try:
        write_atomically(target, text)
    except OSError as error:
        fail(f"{shown_path(target)}: cannot write ({error.strerror or type(error).__name__})")
    say(f"wrote {shown_path(target)} (preset {preset}): edit it, then run `licensecheck scan`")
    sys.exit(EXIT_OK)
