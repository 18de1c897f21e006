"""References in Jupyter notebooks: the code cells, read as one Python module.

Cells run in order and share their names, so the code cells are joined (a
constant set in cell 2 and loaded in cell 5 is followed). IPython's own syntax is
not Python: `!command` lines and `%%bash` / `%%sh` cells are read as shell
commands (`!huggingface-cli download ...`), other `%magic` lines are left out.
Markdown cells are prose and never read.

A reference's location is the notebook, the line of the .ipynb file where that
source line is written (a line SARIF and editors can point at), and the label
"cell N, line M", N counting every cell of the notebook from 1.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass

from ..model import Location
from .collect import Collector
from .container import scan_command_text
from .python import PythonProject

_SHELL_CELLS = ("%%bash", "%%sh", "%%script bash", "%%script sh", "%%shell")
_SHELL_ASSIGNMENT = re.compile(r"^\s*[\w.,\s]+=\s*[!%]")


@dataclass(frozen=True)
class _Line:
    cell: int
    line: int
    file_line: int

    def location(self, relative: str) -> Location:
        return Location(relative, self.file_line, f"cell {self.cell}, line {self.line}")


def scan_notebook(data: bytes, relative: str, directory: str, project: PythonProject, collector: Collector) -> None:
    try:
        text = data.decode("utf-8-sig")
        notebook = json.loads(text)
    except (UnicodeDecodeError, ValueError) as error:
        collector.unparsable(Location(relative, getattr(error, "lineno", None)), f"not a readable notebook ({_first(error)})")
        return
    cells = _cells(notebook)
    if cells is None:
        collector.unparsable(Location(relative), "not a notebook (no `cells`)")
        return
    finder = _LineFinder(text)
    python: list[tuple[str, _Line]] = []
    cell_ranges: list[tuple[int, int, int]] = []  # (cell, first, last) index into `python`
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict):
            continue
        pieces = cell.get("source", cell.get("input", ""))
        lines = finder.lines(pieces)
        if cell.get("cell_type") != "code" or not lines:
            continue
        first_text = lines[0][0].strip()
        if first_text.startswith(_SHELL_CELLS):
            for index, (source, file_line) in enumerate(lines[1:], start=2):
                _shell(source, _Line(number, index, file_line), relative, directory, collector)
            continue
        start = len(python)
        cell_magic = first_text.startswith("%%")
        for index, (source, file_line) in enumerate(lines, start=1):
            where = _Line(number, index, file_line)
            stripped = source.lstrip()
            if cell_magic and index == 1:
                source = ""
            elif stripped.startswith("!"):
                _shell(stripped[1:], where, relative, directory, collector)
                source = ""
            elif stripped.startswith("%") or _SHELL_ASSIGNMENT.match(source) or stripped.rstrip().endswith("?"):
                if "!" in source:
                    _shell(source.split("!", 1)[1], where, relative, directory, collector)
                source = ""
            python.append((source.rstrip("\n"), where))
        cell_ranges.append((number, start, len(python)))
    tree = _parse([s for s, _ in python])
    if tree is None:
        # One cell does not parse: leave out each cell that does not, say which, keep the rest.
        for number, first, last in cell_ranges:
            if _parse([s for s, _ in python[first:last]]) is None:
                collector.unparsable(python[first][1].location(relative) if last > first else Location(relative),
                                     f"cell {number} is not valid Python")
                for index in range(first, last):
                    python[index] = ("", python[index][1])
        tree = _parse([s for s, _ in python])
        if tree is None:
            return
    lines_by_number = [where for _, where in python]

    def locate(line: int) -> Location:
        if 1 <= line <= len(lines_by_number):
            return lines_by_number[line - 1].location(relative)
        return Location(relative)

    project.add_source(relative, directory, tree, locate)


def _parse(lines: list[str]) -> ast.Module | None:
    try:
        return compile("\n".join(lines) + "\n", "<notebook>", "exec",
                       flags=ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError):
        return None


def _shell(command: str, where: _Line, relative: str, directory: str, collector: Collector) -> None:
    location = where.location(relative)
    scan_command_text(command, collector, lambda _offset: location, directory, "notebook shell command")


def _cells(notebook: object) -> list | None:
    if not isinstance(notebook, dict):
        return None
    if isinstance(notebook.get("cells"), list):
        return notebook["cells"]
    worksheets = notebook.get("worksheets")  # nbformat 3
    if isinstance(worksheets, list):
        return [cell for sheet in worksheets if isinstance(sheet, dict) for cell in sheet.get("cells", [])]
    return None


class _LineFinder:
    """Finds, in document order, the line of the .ipynb file where each source line is written."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cursor = 0
        self.counted = 0  # newlines before `cursor` are counted up to here...
        self.newlines = 0  # ...and this is how many there are

    def _line_of(self, piece: str) -> int | None:
        for candidate in (json.dumps(piece, ensure_ascii=False), json.dumps(piece)):
            position = self.text.find(candidate, self.cursor)
            if position != -1:
                self.newlines += self.text.count("\n", self.counted, position)
                self.counted = position
                self.cursor = position + len(candidate)
                return self.newlines + 1
        return None

    def lines(self, pieces: object) -> list[tuple[str, int]]:
        """(source line, line in the file) for a cell's `source` (a list of lines or one string)."""
        if isinstance(pieces, str):
            line = self._line_of(pieces) or 1
            return [(text, line) for text in pieces.splitlines(keepends=True)]
        if not isinstance(pieces, list):
            return []
        found = []
        for piece in pieces:
            if not isinstance(piece, str):
                continue
            line = self._line_of(piece) or (found[-1][1] if found else 1)
            # A list item is normally one line; split in case a tool wrote several in one.
            found.extend((text, line) for text in piece.splitlines(keepends=True) or [""])
        return found


def _first(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
