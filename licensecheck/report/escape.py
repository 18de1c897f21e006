"""Untrusted text on its way out: what a report quotes must not act on where it is shown.

Almost everything a report says about a component came from someone else: model
card fields, PyPI metadata, lock file values, file and folder names, override
reasons, and the findings that quote them. In CI the scanned tree is a pull
request, and the output goes to places where text can act:

- a job log, where a line starting with `::` is a GitHub workflow command
  (`::error::`, `::add-mask::`, `::stop-commands::`) and where the runner's
  older syntax, `##[command]`, is obeyed anywhere in a line;
- a terminal, where escape sequences recolour, hide (`ESC[8m`) or rewrite text,
  and carriage returns overwrite a line;
- a pull-request comment, where `@name` pings a person, `#123` links an issue,
  and `*`, `_` or `~` restyle what follows.

`plain` is for text and HTML, `markdown_text` for Markdown, `json_text` for the
JSON formats; `command_lines_neutralised` is the net over a whole output.
Visible escapes look like Python's (`\\n`, `\\x1b`, `\\u202e`), so a reader sees
that something was there.
"""

from __future__ import annotations

import json
import re

# C0 and C1 controls and DEL, the line and paragraph separators, the byte-order mark and
# the bidirectional controls that reorder what a reader sees (CVE-2021-42574, "Trojan source").
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_LEGACY_COMMAND = "##["  # the runner's old workflow-command syntax, obeyed anywhere in a line
_COMMAND_LINE = re.compile(r"^([^\S\n]*):(?=:)", re.MULTILINE)  # a line that starts, after spaces, with `::`


def _visible(match: re.Match) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def plain(text: object) -> str:
    """`text` as one inert line: control characters as visible escapes, workflow commands broken.

    For text and HTML reports. A leading `::` becomes `\\x3a:` and `##[` becomes
    `##\\x5b`: nothing else changes, so ordinary names and licences read as they are.
    """
    text = _INVISIBLE.sub(_visible, str(text)).replace(_LEGACY_COMMAND, "##\\x5b")
    return _COMMAND_LINE.sub(r"\1\\x3a", text)


def command_lines_neutralised(text: str) -> str:
    """A whole output with no line starting with `::`: no report writes one of its own.

    The net behind `plain`: a line that starts so can only come from quoted input.
    It leaves JSON alone (no JSON line can start with `:`).
    """
    return _COMMAND_LINE.sub(r"\1\\x3a", text)


# -- Markdown ----------------------------------------------------------------------------

# What GitHub turns into a ping, a cross-reference or a link: such a piece is shown as
# code, where GitHub neither links nor notifies.
_ACTIVE = re.compile(
    r"(?:(?:https?|ftp)://|www\.)[^\s<>|`]*[^\s<>|`.,:;!?'\")\]]"  # a URL (as GFM, not its final punctuation)
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address (a mailto: link)
    r"|(?<![\w`])@[A-Za-z0-9][A-Za-z0-9-]*(?:/[A-Za-z0-9][\w.-]*)?"  # @user, @org/team
    r"|(?<![\w`])[\w.-]+/[\w.-]+#\d+"  # owner/repo#123
    r"|(?<![\w&`])(?:#|GH-)\d+"  # #123, GH-123
)
# Characters Markdown (or the HTML it may hold) would read as syntax, and the escape
# that shows them as they are. `\\` first: the other escapes add backslashes.
_MARKDOWN_ESCAPES = {
    "\\": "\\\\",
    "|": "\\|",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "~": "\\~",
    "[": "\\[",
    "]": "\\]",
    "<": "&lt;",
    ">": "&gt;",
    "&": "&amp;",
}


def markdown_text(text: object) -> str:
    """`text` made inert inside a Markdown table cell or paragraph (GitHub-flavoured).

    Control characters become visible escapes (`plain`), runs of spaces one space;
    URLs, e-mail addresses, `@mentions` and issue references become code spans,
    which GitHub neither links nor notifies; emphasis markers, brackets, `|` and
    HTML are escaped.
    """
    text = re.sub(" {2,}", " ", plain(text)).strip()
    pieces, last = [], 0
    for match in _ACTIVE.finditer(text):
        pieces.append(_escape_markdown(text[last : match.start()]))
        pieces.append(f"`{match.group()}`")  # inside a code span nothing is markup: no escapes
        last = match.end()
    pieces.append(_escape_markdown(text[last:]))
    return "".join(pieces)


def _escape_markdown(text: str) -> str:
    return "".join(_MARKDOWN_ESCAPES.get(char, char) for char in text)


# -- JSON --------------------------------------------------------------------------------

# json.dumps escapes C0 controls but, with ensure_ascii=False, leaves DEL, C1, the
# separators and the bidi controls raw: escaped as \u, the decoded value is the same.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


def json_text(document: object, *, indent: int | None = 2) -> str:
    """`document` as JSON (UTF-8 text, `\\n` at the end) with no raw control character and no `##[`.

    Both escapes are JSON's own (`\\u009b`, `#\\u0023[`): a reader decodes the very
    same values, while a terminal or a job log showing the text sees nothing to obey.
    """
    text = json.dumps(document, indent=indent, ensure_ascii=False)
    text = _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return text.replace(_LEGACY_COMMAND, "#\\u0023[") + "\n"
