"""References in Jupyter notebooks: the code cells, read as one Python module.

Cells run in order and share their names, so the code cells are joined (a
constant set in cell 2 and loaded in cell 5 is followed). IPython's own syntax is
not Python: `!command` lines (and the lines a trailing `\\` continues them on) and
`%%bash` / `%%sh` cells are read as shell commands (`!huggingface-cli download ...`);
each such line, like a `%magic` line, stands in the Python as `pass` at its
indentation, so an `if` whose body is a shell command still parses (ipython.py). Cells whose
magic makes them something else than Python (`%%html`, `%%writefile notes.txt`) are
not read. Markdown cells are prose and never read.

A reference's location is the notebook, the line of the .ipynb file where that
source line is written (a line SARIF and editors can point at), and the label
"cell N, line M", N counting every cell of the notebook from 1.
"""

from __future__ import annotations

import ast
import json
import re

from ..model import Location
from .collect import Collector
from .ipython import SourceLine, python_lines, scan_shell_lines
from .python import PythonProject

_SHELL_CELLS = ("%%bash", "%%sh", "%%script bash", "%%script sh", "%%shell")
# Cell magics whose body is Python (`%%time`, `%%capture`...); the other cells hold HTML,
# JavaScript, SQL or a file's text and are not read.
_PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug", "python", "python3"})
_PREFIXED = re.compile(r"hf-hub:|hf_hub:|hf\.co/|hf://")
# json.dumps(piece, ensure_ascii=False), without the encoder json.dumps makes per call for that option.
_AS_WRITTEN = json.JSONEncoder(ensure_ascii=False).encode


def scan_notebook(data: bytes, relative: str, directory: str, project: PythonProject, collector: Collector) -> None:
    try:
        text = data.decode("utf-8-sig")
        notebook = json.loads(text)
    except (UnicodeDecodeError, ValueError) as error:
        collector.unparsable(
            Location(relative, getattr(error, "lineno", None)), f"not a readable notebook ({_first(error)})"
        )
        return
    except RecursionError:
        collector.unparsable(Location(relative), "not a readable notebook (nested too deeply)")
        return
    cells = _cells(notebook)
    if cells is None:
        collector.unparsable(Location(relative), "not a notebook (no `cells`)")
        return
    finder = _LineFinder(text)
    python: list[tuple[str, SourceLine]] = []
    cell_ranges: list[tuple[int, int, int]] = []  # (cell, first, last) index into `python`
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict):
            continue
        pieces = cell.get("source", cell.get("input", ""))
        lines = [
            (source, SourceLine(number, index, file_line))
            for index, (source, file_line) in enumerate(finder.lines(pieces), start=1)
        ]
        if cell.get("cell_type") != "code" or not lines:
            continue
        body = _cell_body(lines[0][0].strip())
        if body == "shell":
            scan_shell_lines(lines[1:], relative, directory, collector)
            continue
        if body == "other":
            continue
        start = len(python)
        python.extend(python_lines(lines, body == "python after magic", relative, directory, collector))
        cell_ranges.append((number, start, len(python)))
    tree, why = _parse([s for s, _ in python])
    if tree is None:
        # One cell does not parse: leave out each cell that does not, say which, keep the rest.
        for number, first, last in cell_ranges:
            cell_tree, why = _parse([s for s, _ in python[first:last]])
            if cell_tree is None:
                collector.unparsable(
                    python[first][1].location(relative) if last > first else Location(relative),
                    f"cell {number} is {why}",
                )
                for index in range(first, last):
                    python[index] = ("", python[index][1])
        tree, why = _parse([s for s, _ in python])
        if tree is None:
            collector.unparsable(Location(relative), f"its code is {why}")
            return
    lines_by_number = [where for _, where in python]

    def locate(line: int) -> Location:
        if 1 <= line <= len(lines_by_number):
            return lines_by_number[line - 1].location(relative)
        return Location(relative)

    project.add_source(relative, directory, tree, locate, has_prefix=_PREFIXED.search(text) is not None)


def _cell_body(first: str) -> str:
    """What a code cell holds, by its first line: "python", "python after magic", "shell" or "other"."""
    if not first.startswith("%%"):
        return "python"
    if first.startswith(_SHELL_CELLS):
        return "shell"
    magic, _, argument = first[2:].partition(" ")
    if magic in ("writefile", "file"):
        target = argument.split()[-1] if argument.split() else ""
        return "python after magic" if target.endswith(".py") else ("shell" if target.endswith(".sh") else "other")
    if magic == "script" and argument.startswith("python"):
        return "python after magic"
    return "python after magic" if magic in _PYTHON_CELL_MAGICS else "other"


def _parse(lines: list[str]) -> tuple[ast.Module | None, str]:
    """The module, or None and why not."""
    try:
        return compile(
            "\n".join(lines) + "\n",
            "<notebook>",
            "exec",
            flags=ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
            dont_inherit=True,
        ), ""
    except (SyntaxError, ValueError):
        return None, "not valid Python"
    except RecursionError:
        return None, "nested too deeply to analyse"
    except MemoryError:
        return None, "too large to analyse"


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
        # As written by a tool that keeps non-ASCII text, else by one that escapes it: the
        # second made only when the first is not found (most lines are found at once).
        candidate = _AS_WRITTEN(piece)
        position = self.text.find(candidate, self.cursor)
        if position == -1:
            candidate = json.dumps(piece)
            position = self.text.find(candidate, self.cursor)
            if position == -1:
                return None
        self.newlines += self.text.count("\n", self.counted, position)
        self.counted = position
        self.cursor = position + len(candidate)
        return self.newlines + 1

    def lines(self, pieces: object) -> list[tuple[str, int]]:
        """(source line, line in the file) for a cell's `source` (a list of lines or one string)."""
        if isinstance(pieces, str):
            line = self._line_of(pieces) or 1
            return [(text, line) for text in pieces.splitlines(keepends=True)]
        if not isinstance(pieces, list):
            return []
        found: list[tuple[str, int]] = []
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
