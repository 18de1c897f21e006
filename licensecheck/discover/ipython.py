"""IPython's own syntax in Python source: `!command` lines and `%magic` lines.

Jupyter cells (notebook.py) and Databricks notebooks kept as .py files
(python/project.py) both hold it. A `!command` line (and the lines a trailing `\\`
continues it on) is read as a shell command; each such line, like a `%magic`
line, stands in the Python as `pass` at its indentation, so an `if` whose body
is a shell command still parses. A command with IPython's `{expression}`s
stands as `get_ipython().system(f"...")`, so the names are followed.
"""

from __future__ import annotations

import ast
import re
from bisect import bisect_right
from dataclasses import dataclass

from ..model import Location
from .choices import offered_choices
from .collect import Collector
from .container import scan_command_text

_SHELL_ASSIGNMENT = re.compile(r"^\s*[\w.,\s]+=\s*[!%]")


@dataclass(frozen=True)
class SourceLine:
    """Where a source line is written: its cell (1 for a plain file), its line in the cell, its line in the file."""

    cell: int
    line: int
    file_line: int

    def location(self, relative: str) -> Location:
        return Location(relative, self.file_line, f"cell {self.cell}, line {self.line}")


def python_lines(
    lines: list[tuple[str, SourceLine]], skip_first: bool, relative: str, directory: str, collector: Collector
) -> list[tuple[str, SourceLine]]:
    """A cell's lines as Python: IPython's `!command`, `%magic` and `x = !command` lines (with the
    lines a trailing `\\` continues) become `pass` at the same indentation, so the block around
    them still parses; their shell commands are read as commands."""
    result: list[tuple[str, SourceLine]] = []
    index = 0
    while index < len(lines):
        source, where = lines[index]
        stripped = source.lstrip()
        if skip_first and index == 0:
            result.append(("", where))
            index += 1
            continue
        shell_assignment = _SHELL_ASSIGNMENT.match(source)
        if not (stripped.startswith(("!", "%")) or shell_assignment or stripped.rstrip().endswith("?")):
            line = source.rstrip("\n")
            result.append((offered_choices(line) if "#" in line else line, where))
            index += 1
            continue
        indent = source[: len(source) - len(stripped)]
        first = len(result)
        result.append((indent + "pass", where))
        command = (
            [(stripped[1:] if stripped.startswith("!") else source.split("!", 1)[1], where)]
            if (stripped.startswith("!") or (shell_assignment and "!" in source))
            else []
        )
        while source.rstrip().endswith("\\") and index + 1 < len(lines):
            index += 1
            source, where = lines[index]
            result.append(("", where))
            if command:
                command.append((source, where))
        interpolated = _interpolated(command)
        if interpolated is not None:
            # `!train --model {name}`: IPython puts Python values in; the command is run like
            # os.system(f"..."), so the names are followed where they are assigned.
            result[first] = (f"{indent}get_ipython().system({interpolated})", result[first][1])
        elif command:
            scan_shell_lines(command, relative, directory, collector)
        index += 1
    return result


def _interpolated(command: list[tuple[str, SourceLine]]) -> str | None:
    """A shell line with IPython's `{expression}`s as the source of an f-string, or None."""
    text = "".join(piece.rstrip("\n") + "\n" for piece, _ in command).rstrip("\n")
    if "{" not in text or "}" not in text:
        return None
    literal = "f" + repr(text)
    try:
        tree = ast.parse(literal, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    if not any(isinstance(part, ast.FormattedValue) for part in getattr(tree.body, "values", ())):
        return None
    return literal


def ipython_source(text: str, relative: str, directory: str, collector: Collector) -> str:
    """A Python file written for IPython (a Databricks notebook's source): its `!` and `%` lines made Python."""
    lines = [(line, SourceLine(1, number, number)) for number, line in enumerate(text.splitlines(), start=1)]
    return "\n".join(source for source, _ in python_lines(lines, False, relative, directory, collector)) + "\n"


def scan_shell_lines(lines: list[tuple[str, SourceLine]], relative: str, directory: str, collector: Collector) -> None:
    """Shell command lines (a `\\` at the end of one continues it on the next), each word at its line."""
    if not lines:
        return
    text, starts = "", []
    for source, where in lines:
        starts.append((len(text), where.location(relative)))
        text += source.rstrip("\n") + "\n"

    def locate(offset: int) -> Location:
        return starts[bisect_right([s for s, _ in starts], offset) - 1][1]

    scan_command_text(text, collector, locate, directory, "notebook shell command")
