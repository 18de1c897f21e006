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

from . import __version__

EXIT_ERROR = 2  # as commands/common.py, which imports click: this module must not

# name -> "module:attribute". Adding a command is one module and one line here.
COMMANDS = {
    "scan": "licensecheck.commands.scan:scan",
    "lock": "licensecheck.commands.lock:lock",
    "init": "licensecheck.commands.init:init",
    "explain": "licensecheck.commands.explain:explain",
    "rules": "licensecheck.commands.rules:rules",
    "notice": "licensecheck.commands.notice:notice",
    "compare": "licensecheck.commands.compare:compare",
    "suggest": "licensecheck.commands.suggest:suggest",
    "purposes": "licensecheck.commands.purposes:purposes",
}


def _build_main():
    """The click group. Built on first use: importing click costs more than a warm scan (fastpath.py)."""
    import click

    from .commands.common import EXIT_CODES_HELP

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

        Reads models.yaml, requirements*.txt, pyproject.toml, setup.cfg and setup.py, resolves each
        dependency's licence (Hugging Face Hub, PyPI, or the lock file) and judges it under
        your usage context.
        """

    return main


def _main():
    if "main" not in globals():
        globals()["main"] = _build_main()
    return globals()["main"]


def __getattr__(name: str):
    """`licensecheck.cli.main`, built when first asked for (PEP 562)."""
    if name == "main":
        return _main()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _command_exit_code() -> int | str | None:
    """Run the command line; the exit code the command itself ended with.

    Click's standalone mode would turn an interrupt into `sys.exit(1)`, which
    cannot be told from a denial: here an interrupt (or end of input at a
    prompt) propagates as KeyboardInterrupt, and a usage error is shown as
    click shows it, with its exit code.
    """
    import click

    try:
        returned = _main()(standalone_mode=False)
    except click.exceptions.Abort as abort:
        raise KeyboardInterrupt from abort
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except SystemExit as exit:  # the commands end with sys.exit(code)
        return 0 if exit.code is None else exit.code
    return returned if isinstance(returned, int) else 0  # --help, --version: click's Exit(0)


def _print_traceback() -> None:
    """The traceback of the exception being handled, through the same filter as every output.

    A traceback quotes exception messages and source lines, which may hold a token
    or hostile text: its secrets are masked and its control characters escaped.
    """
    import traceback

    from .redact import redact, safe_for_terminal
    from .report.escape import command_lines_neutralised

    sys.stderr.write(command_lines_neutralised(safe_for_terminal(redact(traceback.format_exc()))))


def run() -> None:
    """Entry point: turn anything unexpected into exit 2 with a message, never a traceback.

    A scan whose inputs have not changed since an earlier identical run is
    answered from that run's recorded output, before click is even imported
    (fastpath.py); any other run goes through the full command line, recorded.
    Only a run that ended with its command's own exit code is stored: an
    internal error or an interrupt raises through `recorded`, and is never replayed.
    """
    from . import fastpath

    try:
        replayed = fastpath.replay(sys.argv[1:])
        if replayed is not None:
            sys.exit(replayed)
        exit_code = fastpath.recorded(sys.argv[1:], _command_exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("licensecheck: interrupted\n")
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - a bug of ours: still a defined exit code, and a hint
        if os.environ.get("LICENSECHECK_DEBUG"):
            _print_traceback()
        else:
            sys.stderr.write(
                f"licensecheck: internal error ({type(error).__name__}); rerun with LICENSECHECK_DEBUG=1 for details\n"
            )
        sys.exit(EXIT_ERROR)
    sys.exit(exit_code)


if __name__ == "__main__":
    run()
