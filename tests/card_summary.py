"""What a real card resolves to, in one word: the summary the real-card corpus pins.

tests/data/hub_cards/corpus.json's `expected` table holds, for every card, `summary()` of its
component and its verdict under `EXPECTED_CONTEXT`; bench/real_cards.py writes the table
(`--write-expected`) and prints figures from the same summaries, and
tests/test_real_card_corpus.py holds licensecheck to it.
"""

from __future__ import annotations

# The context the expected verdicts are judged in: a commercial network service with 2M users.
EXPECTED_CONTEXT = ("--use", "commercial", "--distribution", "network", "--users", "2M")

# The findings that say why a card's own licence could not be identified.
IDENTIFICATION_CODES = ("licence-unknown-id", "licence-unrecognised", "licence-ambiguous", "no-licence")
_PLACEHOLDERS = (None, "other", "unknown")


def summary(component: dict) -> str:
    """What the card resolves to: `<id>`, `conflict:<id>`, `base:<id>[+<id>]` or `unknown:<code>`.

    The identification only: a component whose own licence is known but whose ancestor
    could not be resolved still summarises as its own licence."""
    # An ancestor's findings (lineage.py prefixes them "from <ancestor> (<licence>)") say
    # nothing about how this card's own licence was identified.
    own = [finding for finding in component["findings"] if not finding["message"].startswith("from ")]
    codes = [finding["code"] for finding in own]
    licence_id = component["license"]["id"]
    if "licence-conflict" in codes:
        return f"conflict:{licence_id}"
    if "licence-from-base" in codes:
        bases = sorted({entry["license"]["id"] or "?" for entry in component["lineage"] if entry["depth"] == 1})
        return "base:" + "+".join(bases)
    errors = [f["code"] for f in own if f["severity"] == "error" and f["code"] in IDENTIFICATION_CODES]
    if licence_id not in _PLACEHOLDERS and not errors:
        return licence_id
    warned = [code for code in IDENTIFICATION_CODES if code in codes]
    other_errors = [f["code"] for f in own if f["severity"] == "error" and f["code"] != "lineage-unresolved"]
    return "unknown:" + (errors or warned or other_errors or ["?"])[0]


def expectation(component: dict) -> str:
    """The corpus's `expected` entry for a component scanned under EXPECTED_CONTEXT."""
    return f"{summary(component)} {component['verdict']}"
