"""What goes in the attribution text a product must ship (a NOTICE file). Pure: no I/O.

`report/notice.py` writes the NOTICE from a scan with what this module picks out.

For each component: its name and version, its licence's name and the link to
its text, the fixed statements its licence requires (the words in quotes in a
`notice` or `attribution` clause: "Built with Llama", "Llama 3.1 is licensed
under..."), the acceptable-use policies that must be passed on, and the other
notice duties in words. Which duties apply depends on the usage context:
redistributing weights (`--distribution redistribute`) brings the most.

A component whose licence is unknown or that is denied is still listed, marked
for review: a NOTICE that silently left it out would look complete.
"""

from __future__ import annotations

import re

from .model import Obligation

# Clause codes whose duty is to show or ship a text with the product.
NOTICE_CODES = frozenset(
    {
        "notice",
        "notice-file",
        "notice-retention",
        "retain-notices",
        "licence-notice",
        "licence-copy",
        "attribution",
        "attribution-notice",
        "cosmos-attribution",
        "acknowledgement",
        "advertising-acknowledgement",
        "model-name-display",
        "model-name-display-revenue",
        "produced-work-notice",
        "modification-notice",
        "state-changes",
        "modified-files",
    }
)
# Clause codes whose duty is to pass use restrictions on to the product's users.
POLICY_CODES = frozenset(
    {
        "acceptable-use",
        "prohibited-use",
        "use-restrictions",
        "use-restrictions-flow-down",
        "restrictions-flow-down",
    }
)
_QUOTED = re.compile(r"[\"“]([^\"”]+)[\"”]")
# A quote, or quotes joined by "or": alternatives the licence lets you choose between
# ("Built with Qwen" or "Improved using Qwen"), of which one is required, not all.
_QUOTE_GROUP = re.compile(r"[\"“][^\"”]+[\"”](?:\s+or\s+[\"“][^\"”]+[\"”])*")


def required_statements(duty: Obligation) -> list[str]:
    """The fixed texts a notice or attribution duty asks to display: its quotes of three words or more.

    Rule files quote only the strings a licence requires verbatim (rules/README.md);
    shorter quotes name things ("Notice" file, a "Llama" name prefix). Alternatives
    come back as one line, "One of: A | B".
    """
    if duty.code not in NOTICE_CODES:
        return []
    statements = []
    for group in _QUOTE_GROUP.finditer(duty.text):
        options = [
            text
            for text in (q.strip() for q in _QUOTED.findall(group.group()))
            if len(text.split()) >= 3 and not text.startswith("[")
        ]
        if len(options) > 1:
            statements.append("One of: " + " | ".join(options))
        else:
            statements += options
    return statements
