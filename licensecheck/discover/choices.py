"""Values a line's comment offers besides the one it assigns.

- A Colab form field, `model_id = "gemma-2b"  # @param ["gemma-2b", "gemma-7b"]`: the form
  lets the user pick any of the listed values.
- Alternatives the author names, `model_id = "google/gemma-3-1b-pt"  # or google/gemma-3-4b-pt`:
  what a user is told to put there instead; or lists with the value in use,
  `checkpoint = "answerdotai/ModernBERT-base"  # "answerdotai/ModernBERT-base", "answerdotai/ModernBERT-large"`.

Such a line is rewritten as a pick among the values, `model_id = ("gemma-2b", "gemma-7b")[_choice]`,
which value discovery reads as any of them, on the same line: each id keeps its place.

An assignment commented out (`# MODEL = "org/y"` above `MODEL = "org/x"`) is not an
alternative: it is code the author switched off, and notebooks keep many such lines.
"""

from __future__ import annotations

import ast
import re

# `name = value  # @param [...]`
_FORM_FIELD = re.compile(r"^(\s*[A-Za-z_]\w*\s*=\s*)(.+?)\s*#\s*@param\s*(\[.*\])\s*$")
# `name = "org/x"  # or org/y, `org/z``: a constant id, and a comment that starts with "or"
_NAMED_ALTERNATIVES = re.compile(r"""^(\s*[A-Za-z_]\w*\s*=\s*)(["'][\w.-]+/[\w.-]+["'])\s*#\s*or\b(.*)$""")
# `name = "org/x"  # "org/x", "org/y"`: a comment that is a list of quoted ids, the one assigned among them
_ID = r"""["'][\w.-]+/[\w.-]+["']"""
_LISTED_ALTERNATIVES = re.compile(rf"^(\s*[A-Za-z_]\w*\s*=\s*)({_ID})\s*#\s*((?:{_ID}\s*,\s*)+{_ID})\s*,?\s*$")
_ALTERNATIVE = re.compile(r"(?<![\w./-])([A-Za-z0-9][\w.-]*/[\w.-]*\w)(?![\w/])")


def offered_choices(line: str) -> str:
    """`line` as a pick among the values its comment offers; unchanged when it offers none."""
    if "@param" in line:
        match = _FORM_FIELD.match(line)
        if match is None:
            return line
        try:
            offered = ast.literal_eval(match.group(3))
            ast.parse(match.group(2), mode="eval")
        except (SyntaxError, ValueError, TypeError, RecursionError, MemoryError):
            return line
        if not isinstance(offered, list) or not offered or not all(isinstance(c, str) for c in offered):
            return line
        return _pick(match.group(1), match.group(2), offered)
    match = _NAMED_ALTERNATIVES.match(line)
    if match is not None:
        named = _ALTERNATIVE.findall(match.group(3))
        return _pick(match.group(1), match.group(2), named) if named else line
    match = _LISTED_ALTERNATIVES.match(line)
    if match is not None:
        listed = [item.strip()[1:-1] for item in match.group(3).split(",")]
        if match.group(2)[1:-1] in listed:  # a list of the values the line may hold, not a note on another
            return _pick(match.group(1), match.group(2), [item for item in listed if item != match.group(2)[1:-1]])
    return line


def _pick(assignment: str, value: str, offered: list[str]) -> str:
    return f"{assignment}({value}, {', '.join(map(repr, offered))})[_choice]"


def with_named_alternatives(data: bytes) -> bytes:
    """A Python file's source with each line that names alternatives in its comment rewritten
    (offered_choices); the same bytes when none does."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data
    lines = text.split("\n")
    changed = False
    for index, line in enumerate(lines):
        if "# or" in line or '# "' in line or "# '" in line:
            rewritten = offered_choices(line)
            if rewritten != line:
                lines[index] = rewritten
                changed = True
    return "\n".join(lines).encode("utf-8") if changed else data
