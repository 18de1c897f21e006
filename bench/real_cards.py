"""How licensecheck identifies the licences that real Hugging Face model cards declare.

    .venv/bin/python bench/real_cards.py [--rules DIR] [--list unknown|all] [--write-expected]

Serves every repository of tests/data/hub_cards/corpus.json (real card metadata; the
file says where each copy came from) through the fake Hub (tests/fakehub.py, on
127.0.0.1), scans them all in one `licensecheck scan --format json` run per context,
and prints:

- the corpus: how many cards, from which source, declaring their licence how;
- identification: how many cards resolve to a known licence (by their metadata, by
  `license_name`, `license_link`, the gate's text, the card's License section), how
  many are judged under the stricter of conflicting fields or under their bases'
  licences, and how many stay unknown, grouped by the finding that says why;
- verdicts, per context (a commercial network service with 2M users; non-commercial
  internal use), and how many components are unknown only because of an ancestor
  (its licence unrecognised, or not in the corpus: `lineage-unresolved`, a gap of
  the corpus), not their own identification;
- with `--list unknown`, every card that stays unknown with what it declares.

`--rules DIR` measures another copy of rules/ (LICENSECHECK_RULES_DIR), e.g. the
rules before a change: `git archive main rules | tar -x -C /tmp/before`.
`--write-expected` rewrites the corpus's `expected` table from this run: per card, what
it resolves to (tests/card_summary.py) and its verdict as a commercial SaaS with 2M
users, which tests/test_real_card_corpus.py pins. Review the diff by hand.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "hub_cards" / "corpus.json"
CONTEXTS = {
    "commercial SaaS, 2M users": ["--use", "commercial", "--distribution", "network", "--users", "2M"],
    "non-commercial, internal": ["--use", "non-commercial", "--distribution", "internal"],
}


def load_module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def scan_corpus(repo_ids: list[str], contexts: dict[str, list[str]]) -> dict[str, dict[str, dict]]:
    """{context: {repo id: component}} from one scan of every repository per context."""
    fakehub = load_module("fakehub", ROOT / "tests" / "fakehub.py")
    work = Path(tempfile.mkdtemp(prefix="real-cards-"))
    (work / "models.yaml").write_text("models:\n" + "".join(f"  - {repo_id}\n" for repo_id in repo_ids))
    results = {}
    with fakehub.FakeHub() as hub:
        os.environ.update(
            HF_ENDPOINT=hub.url,
            HF_HUB_DISABLE_TELEMETRY="1",
            HF_HOME=str(work / "hf-home"),
            LICENSECHECK_CACHE_DIR=str(work / "cache"),
            LICENSECHECK_NO_CACHE="1",
        )
        for name in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB_OFFLINE"):
            os.environ.pop(name, None)
        for repo_id in repo_ids:
            hub.add_recorded_model(repo_id, corpus=CORPUS.name)
        from click.testing import CliRunner

        from licensecheck.cli import main

        for context, flags in contexts.items():
            started = time.perf_counter()
            result = CliRunner().invoke(main, ["scan", str(work), "--format", "json", "--timeout", "30", *flags])
            if result.exit_code not in (0, 1, 3):
                raise SystemExit(f"scan failed ({result.exit_code}): {result.output[-2000:]}")
            document = json.loads(result.stdout)
            results[context] = {component["name"]: component for component in document["components"]}
            print(
                f"[{context}: {len(repo_ids)} repositories scanned in {time.perf_counter() - started:.1f} s]",
                file=sys.stderr,
            )
    return results


def how(component: dict) -> str:
    """Which part of the card named the licence (for known licences)."""
    for finding in component["findings"]:
        message = finding["message"]
        if finding["code"] != "licence-recognised" or message.startswith("from "):
            continue
        for needle, said in (
            ("license_name", "license_name"),
            ("license_link", "license_link"),
            ("access prompt", "gate text"),
            ("README.md", "card's License section"),
            ("licence file", "licence file"),
        ):
            if needle in message:
                return said
    return "metadata (license field or tag)"


def declared(entry: dict) -> str:
    card = entry.get("card") or {}
    parts = [f"{key}={card[key]!r}" for key in card if "licen" in key.lower()]
    tags = [tag for tag in entry.get("tags", []) if tag.startswith(("license:", "base_model:"))]
    if tags:
        parts.append("tags=" + ",".join(tags))
    if "base_model" in card:
        parts.append(f"base_model={card['base_model']!r}")
    if card.get("extra_gated_heading"):
        parts.append(f"gate={card['extra_gated_heading']!r}")
    if "readme_excerpt" in entry:
        parts.append("README License section")
    return "; ".join(parts) or "nothing"


def shape(entry: dict) -> str:
    """How the card declares its licence, in the Hub's terms."""
    card = entry.get("card")
    if card is None:
        return "Hub tags only (card not recorded)"
    licence = card.get("license")
    named = bool(card.get("license_name") or card.get("license_link"))
    if isinstance(licence, list):
        return "`license` list"
    if licence in (None, ""):
        return "`license_name`/`license_link` without `license`" if named else "no licence field"
    if str(licence).lower() in ("other", "unknown"):
        return f"`{licence}` with name or link" if named else f"`{licence}` alone"
    return "`license` id with name or link" if named else "`license` id"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rules", type=Path, help="another copy of rules/ to measure")
    parser.add_argument("--list", choices=("unknown", "all"), help="list the cards that stay unknown, or every card")
    parser.add_argument(
        "--write-expected", action="store_true", help="rewrite the corpus's `expected` table from this run"
    )
    options = parser.parse_args()
    if options.rules:
        os.environ["LICENSECHECK_RULES_DIR"] = str(options.rules.resolve())
    sys.path.insert(0, str(ROOT))
    card_summary = load_module("card_summary", ROOT / "tests" / "card_summary.py")
    summary = card_summary.summary
    # The first context is the one the corpus's `expected` verdicts are judged in.
    assert tuple(next(iter(CONTEXTS.values()))) == card_summary.EXPECTED_CONTEXT
    corpus = json.loads(CORPUS.read_text(encoding="utf-8"))
    models = corpus["models"]
    results = scan_corpus(list(models), CONTEXTS)
    first = next(iter(results.values()))

    print(f"Corpus: {len(models)} real model cards (tests/data/hub_cards/corpus.json)")
    for label, count in Counter(entry["group"].split(":")[0] for entry in models.values()).most_common():
        print(f"  {count:5d}  {label}")
    print("How the cards declare their licence:")
    for label, count in Counter(shape(entry) for entry in models.values()).most_common():
        print(f"  {count:5d}  {label}")

    summaries = {repo_id: summary(first[repo_id]) for repo_id in models}
    kinds = Counter(s.split(":", 1)[0] if ":" in s else "known" for s in summaries.values())
    known = [repo_id for repo_id, s in summaries.items() if ":" not in s]
    print(f"\nIdentification ({len(models)} cards):")
    print(f"  {kinds['known']:5d}  resolve to a known licence id from their own card")
    for label, count in Counter(how(first[repo_id]) for repo_id in known).most_common():
        print(f"  {'':5s}  {count:5d}  by {label}")
    print(f"  {kinds['conflict']:5d}  fields name different licences: judged under the stricter (licence-conflict)")
    print(f"  {kinds['base']:5d}  quantisation or merge judged under its bases' licences (licence-from-base)")
    print(f"  {kinds['unknown']:5d}  unknown:")
    for label, count in Counter(
        s.split(":", 1)[1] for s in summaries.values() if s.startswith("unknown:")
    ).most_common():
        print(f"  {'':5s}  {count:5d}  {label}")
    licences = Counter(s.split(":", 1)[-1] for s in summaries.values() if not s.startswith("unknown:"))
    print(f"  licences resolved to ({len(licences)}): " + ", ".join(f"{k} {v}" for k, v in licences.most_common()))

    for context, components in results.items():
        verdicts = Counter(components[repo_id]["verdict"] for repo_id in models)
        own_known = [
            repo_id
            for repo_id in models
            if components[repo_id]["verdict"] == "unknown" and ":" not in summaries[repo_id]
        ]
        outside = sum(
            1
            for repo_id in own_known
            if any(f["code"] == "lineage-unresolved" for f in components[repo_id]["findings"])
        )
        print(
            f"\nVerdicts, {context}: "
            + ", ".join(f"{verdict} {verdicts[verdict]}" for verdict in ("allowed", "conditional", "denied", "unknown"))
        )
        print(
            f"  of the unknown, {len(own_known)} have a known licence of their own but an ancestor whose terms "
            f"are unknown ({outside} with an ancestor outside the corpus: lineage-unresolved)"
        )

    if options.list:
        print()
        for repo_id in sorted(models, key=lambda r: (summaries[r], r)):
            if options.list == "all" or summaries[repo_id].startswith("unknown:"):
                print(f"{summaries[repo_id]:32s} {repo_id}  [{declared(models[repo_id])}]")
    if options.write_expected:
        corpus["expected"] = {repo_id: card_summary.expectation(first[repo_id]) for repo_id in sorted(models)}
        CORPUS.write_text(json.dumps(corpus, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {len(summaries)} expectations to {CORPUS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
