"""Every card of the real-card corpus resolves to what the corpus's `expected` table says.

tests/data/hub_cards/corpus.json holds the licence metadata of 1427 real Hugging Face model
cards (its `_about` says where each copy came from). The fake Hub serves them all; one scan
judges them as a commercial network service with 2M users, and each card's summary
(tests/card_summary.py: the licence it resolves to, or why it stays unknown) and verdict must
equal its `expected` entry. A change to identification, an alias or link pattern in rules/, or
a clause that moves a verdict shows here card by card: rewrite the table with
`bench/real_cards.py --write-expected` and review its diff by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from card_summary import EXPECTED_CONTEXT, expectation
from cli_helpers import scan

CORPUS = json.loads((Path(__file__).parent / "data" / "hub_cards" / "corpus.json").read_text(encoding="utf-8"))


@pytest.fixture
def corpus_scan(fake_hub, tmp_path) -> dict[str, dict]:
    """{repo id: component} of one scan of every repository in the corpus."""
    for repo_id in CORPUS["models"]:
        fake_hub.add_recorded_model(repo_id, corpus="corpus.json")
    (tmp_path / "models.yaml").write_text("models:\n" + "".join(f"  - {repo_id}\n" for repo_id in CORPUS["models"]))
    # Not schema-checked (2 s for 1427 components): the report's shape is other tests' concern.
    result = scan(tmp_path, "--format", "json", "--timeout", "30", *EXPECTED_CONTEXT)
    assert result.exit_code == 1, result.output[-2000:]  # denied components (1) outrank unknown ones (3)
    return {component["name"]: component for component in json.loads(result.stdout)["components"]}


def test_every_real_card_resolves_as_expected(corpus_scan):
    assert set(CORPUS["expected"]) == set(CORPUS["models"]) >= set(CORPUS["_review_notes"])
    changed = {
        repo_id: {"expected": expected, "now": expectation(corpus_scan[repo_id])}
        for repo_id, expected in CORPUS["expected"].items()
        if expectation(corpus_scan[repo_id]) != expected
    }
    assert changed == {}
