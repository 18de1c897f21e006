"""The command line: parse options, call the library, render, exit. No licence logic here.

Exit codes (a contract for CI gates):
  0  nothing denied and nothing unknown
  1  at least one component is denied
  2  usage or input error (bad flag, malformed file, invalid rules)
  3  nothing denied, but at least one component's licence is unknown

Subcommands live in `licensecheck/commands/`, one module each, and are imported
only when invoked: `licensecheck scan` does not pay for the code of `explain`.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module

import click

from . import __version__
from .commands.common import EXIT_CODES_HELP, EXIT_ERROR

# name -> "module:attribute". Adding a command is one module and one line here.
COMMANDS = {
    "scan": "licensecheck.commands.scan:scan",
    "lock": "licensecheck.commands.lock:lock",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attribute = target.split(":")
        return getattr(import_module(module), attribute)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES_HELP)
@click.version_option(__version__, "--version", prog_name="licensecheck")
def main() -> None:
    """Licence compliance for the models, datasets and Python packages a project depends on.

    Reads models.yaml, requirements*.txt, pyproject.toml and setup.cfg, resolves each
    dependency's licence (Hugging Face Hub, PyPI, or the lock file) and judges it under
    your usage context.
    """


def run() -> None:
    """Entry point: turn anything unexpected into exit 2 with a message, never a traceback."""
    try:
        main(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("licensecheck: interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # a bug of ours: still a defined exit code, and a hint
        if os.environ.get("LICENSECHECK_DEBUG"):
            raise
        click.echo(
            f"licensecheck: internal error ({type(error).__name__}); rerun with LICENSECHECK_DEBUG=1 for details",
            err=True,
        )
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":
    run()
