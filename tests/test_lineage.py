"""Lineage: derivatives are held to their ancestors' terms, laundering is caught.

End to end through the CLI against the fake Hub (real `huggingface_hub` client),
plus pure tests of the combination and of the walker's scheduling.
"""

from __future__ import annotations

import json
from concurrent.futures import Future
from pathlib import Path

import pytest
from cli_helpers import CONTEXTS, component, lock, scan, scan_json, scan_report

from licensecheck.findings import HUB_NOT_FOUND
from licensecheck.judge import judge_component
from licensecheck.knowledge import load_knowledge
from licensecheck.lineage import MAX_BASES, MAX_DEPTH, lineage_chains, link_lineage
from licensecheck.lineage_walk import AncestorWalker
from licensecheck.model import (
    MODEL,
    Component,
    ComponentResult,
    Context,
    Finding,
    LicenceInfo,
    LicenceOverride,
    Resolution,
    Resolved,
    Severity,
)

LLAMA = "meta-llama/Llama-3.1-8B-Instruct"
LLAMA_BASE = "meta-llama/Llama-3.1-8B"
GEMMA = "google/gemma-2-9b-it"
NC_BASE = "CohereForAI/c4ai-command-r-v01"
APACHE_BASE = "Qwen/Qwen2.5-7B-Instruct"

BUILT_WITH_LLAMA = 'Display "Built with Llama"'
LLAMA_NAMING = 'must have a name beginning with "Llama"'


def add_bases(hub) -> None:
    """Root models with their real cards' licence fields, and Llama's own chain."""
    hub.add_model(LLAMA_BASE, {"license": "llama3.1"}, gated="manual")
    hub.add_model(LLAMA, {"license": "llama3.1", "base_model": LLAMA_BASE}, gated="manual")
    hub.add_model(GEMMA, {"license": "gemma"}, gated="manual")
    hub.add_model(NC_BASE, {"license": "cc-by-nc-4.0"})
    hub.add_model(APACHE_BASE, {"license": "apache-2.0"})


def manifest(path: Path, *entries: str) -> Path:
    (path / "models.yaml").write_text("models:\n" + "".join(f"  - {entry}\n" for entry in entries))
    return path


def codes(entry: dict) -> list[str]:
    return [f["code"] for f in entry["findings"]]


def metadata_requests(hub, repo_id: str) -> int:
    """Metadata requests for exactly `repo_id` (not for repositories whose id it prefixes)."""
    return sum(1 for _, path in hub.requests if path.split("?")[0] == f"/api/models/{repo_id}")


@pytest.fixture
def hub(fake_hub):
    add_bases(fake_hub)
    return fake_hub


# -- derivatives under every usage context --------------------------------------------------

# (base, the derivative's card, verdicts under saas / giant / research / onprem)
DERIVATIVES = {
    "llama-finetune": (
        LLAMA,
        {"license": "llama3.1", "base_model": LLAMA, "base_model_relation": "finetune"},
        ("conditional", "denied", "conditional", "conditional"),
    ),
    "llama-apache-finetune": (
        LLAMA,
        {"license": "apache-2.0", "base_model": LLAMA},
        ("conditional", "denied", "conditional", "conditional"),
    ),
    "gemma-adapter": (
        GEMMA,
        {"license": "gemma", "base_model": GEMMA, "base_model_relation": "adapter"},
        ("conditional", "conditional", "conditional", "conditional"),
    ),
    "gemma-mit-finetune": (
        GEMMA,
        {"license": "mit", "base_model": GEMMA},
        ("conditional", "conditional", "conditional", "conditional"),
    ),
    # Research use of a CC BY-NC ancestor is a condition to confirm: NonCommercial excludes use by or
    # for a business even internally (CC BY-NC 4.0 Section 1, 2(a)(1)).
    "nc-adapter": (
        NC_BASE,
        {"license": "apache-2.0", "base_model": NC_BASE, "base_model_relation": "adapter"},
        ("denied", "denied", "conditional", "denied"),
    ),
    "nc-quantised": (
        NC_BASE,
        {"license": "cc-by-nc-4.0", "base_model": NC_BASE, "base_model_relation": "quantized"},
        ("denied", "denied", "conditional", "denied"),
    ),
}


@pytest.mark.parametrize("context", list(CONTEXTS))
def test_derivatives_get_their_ancestors_verdicts_under_every_context(hub, tmp_path, context):
    for name, (_base, card, _expected) in DERIVATIVES.items():
        hub.add_model(f"someone/{name}", card)
    manifest(tmp_path, *(f"someone/{name}" for name in DERIVATIVES))
    code, document = scan_json(tmp_path, *CONTEXTS[context])
    column = list(CONTEXTS).index(context)
    for name, (base, card, expected) in DERIVATIVES.items():
        entry = component(document, f"someone/{name}")
        assert entry["verdict"] == expected[column], (name, entry)
        assert entry["lineage"][0]["name"] == base
        laundering = "licence-laundering" in codes(entry)
        assert laundering == (card["license"] in ("apache-2.0", "mit")), (name, codes(entry))
    assert code == (1 if any(row[2][column] == "denied" for row in DERIVATIVES.values()) else 0)


def test_apache_finetune_of_llama_is_laundering_and_keeps_llama_terms(hub, tmp_path):
    hub.add_model(
        "shady/llama-apache", {"license": "apache-2.0", "base_model": LLAMA, "base_model_relation": "finetune"}
    )
    manifest(tmp_path, "shady/llama-apache")
    code, document = scan_json(tmp_path, *CONTEXTS["saas"])
    entry = component(document, "shady/llama-apache")
    assert code == 0 and entry["verdict"] == "conditional"
    assert entry["license"]["id"] == "apache-2.0"  # what the card says stays visible
    laundering = [f for f in entry["findings"] if f["code"] == "licence-laundering"]
    assert len(laundering) == 1 and laundering[0]["severity"] == "error"
    assert all(part in laundering[0]["message"] for part in ("apache-2.0", "llama3.1", LLAMA))
    built = [o for o in entry["obligations"] if BUILT_WITH_LLAMA in o]
    naming = [o for o in entry["obligations"] if LLAMA_NAMING in o]
    # The nearest ancestor under llama3.1 says it, once, with where it comes from.
    assert built == [f"from {LLAMA} (llama3.1): " + built[0].split(": ", 1)[1]]
    assert len(naming) == 1 and naming[0].startswith(f"from {LLAMA} (llama3.1): ")

    code, document = scan_json(tmp_path, *CONTEXTS["giant"])
    entry = component(document, "shady/llama-apache")
    assert code == 1 and entry["verdict"] == "denied"
    threshold = [f for f in entry["findings"] if f["code"] == "user-threshold"]
    assert threshold and threshold[0]["severity"] == "error" and threshold[0]["message"].startswith(f"from {LLAMA} ")

    text = scan(tmp_path, *CONTEXTS["saas"]).output
    assert f"lineage: shady/llama-apache → {LLAMA} (llama3.1) → {LLAMA_BASE} (llama3.1)" in text
    assert "(licence-laundering)" in text


def test_mit_card_on_gemma_base_is_laundering_with_gemma_obligations(hub, tmp_path):
    hub.add_model("shady/gemma-mit", {"license": "mit", "base_model": GEMMA})
    manifest(tmp_path, "shady/gemma-mit")
    document = scan_report(tmp_path, *CONTEXTS["onprem"], code=0)
    entry = component(document, "shady/gemma-mit")
    assert entry["verdict"] == "conditional"
    message = next(f["message"] for f in entry["findings"] if f["code"] == "licence-laundering")
    assert "mit" in message and "gemma" in message and GEMMA in message
    assert any(o.startswith(f"from {GEMMA} (gemma): ") and "Prohibited Use Policy" in o for o in entry["obligations"])
    assert any(o.startswith(f"from {GEMMA} (gemma): ") and "Notice" in o for o in entry["obligations"])


def test_adapter_on_non_commercial_base_is_denied_for_commercial_use(hub, tmp_path):
    hub.add_model(
        "someone/nc-lora", {"license": "cc-by-nc-4.0", "base_model": NC_BASE, "base_model_relation": "adapter"}
    )
    manifest(tmp_path, "someone/nc-lora")
    code, document = scan_json(tmp_path, *CONTEXTS["saas"])
    entry = component(document, "someone/nc-lora")
    assert code == 1 and entry["verdict"] == "denied"
    assert "licence-laundering" not in codes(entry)  # same licence as the base
    assert entry["lineage"] == [
        {
            "name": NC_BASE,
            "relation": "adapter",
            "depth": 1,
            "via": "someone/nc-lora",
            "verdict": "denied",
            "license": {
                "id": "cc-by-nc-4.0",
                "name": "Creative Commons Attribution-NonCommercial 4.0 International",
                "source": "card",
                "link": None,
            },
        },
    ]


def test_gguf_quantisation_restating_its_base_licence_is_not_laundering(hub, tmp_path):
    # GGUF repositories usually leave the relation to the Hub's tags.
    hub.add_model(
        "bartowski/Llama-3.1-8B-Instruct-GGUF",
        {"license": "llama3.1"},
        tags=["gguf", f"base_model:quantized:{LLAMA}", f"base_model:{LLAMA}"],
    )
    manifest(tmp_path, "bartowski/Llama-3.1-8B-Instruct-GGUF")
    document = scan_report(tmp_path, *CONTEXTS["saas"], code=0)
    entry = component(document, "bartowski/Llama-3.1-8B-Instruct-GGUF")
    assert entry["verdict"] == "conditional"
    assert not [f for f in entry["findings"] if f["severity"] == "error"]
    assert [(e["name"], e["relation"], e["depth"]) for e in entry["lineage"]] == [
        (LLAMA, "quantized", 1),
        (LLAMA_BASE, None, 2),
    ]
    # Its own licence already says the Llama terms: they are not repeated per ancestor.
    assert sum(BUILT_WITH_LLAMA in o for o in entry["obligations"]) == 1


def test_quantisation_of_a_laundered_model_is_flagged_and_says_where_it_changed(hub, tmp_path):
    hub.add_model("shady/llama-apache", {"license": "apache-2.0", "base_model": LLAMA})
    hub.add_model(
        "quant/llama-apache-AWQ",
        {"license": "apache-2.0", "base_model": "shady/llama-apache", "base_model_relation": "quantized"},
    )
    manifest(tmp_path, "quant/llama-apache-AWQ")
    document = scan_report(tmp_path, *CONTEXTS["saas"], code=0)
    entry = component(document, "quant/llama-apache-AWQ")
    message = next(f["message"] for f in entry["findings"] if f["code"] == "licence-laundering")
    assert LLAMA in message and "restating its base shady/llama-apache" in message


def test_merge_of_permissive_and_non_commercial_parents_is_non_commercial(hub, tmp_path):
    hub.add_model(
        "merger/frankenmerge",
        {"license": "apache-2.0", "base_model": [APACHE_BASE, NC_BASE], "base_model_relation": "merge"},
    )
    manifest(tmp_path, "merger/frankenmerge")
    code, document = scan_json(tmp_path, *CONTEXTS["saas"])
    entry = component(document, "merger/frankenmerge")
    assert code == 1 and entry["verdict"] == "denied"
    assert [(e["name"], e["relation"], e["verdict"]) for e in entry["lineage"]] == [
        (APACHE_BASE, "merge", "allowed"),
        (NC_BASE, "merge", "denied"),
    ]
    laundering = [f["message"] for f in entry["findings"] if f["code"] == "licence-laundering"]
    assert len(laundering) == 1 and NC_BASE in laundering[0]  # the apache parent is not laundered
    assert any(
        f["code"] == "non-commercial" and f["message"].startswith(f"from {NC_BASE} (cc-by-nc-4.0): ")
        for f in entry["findings"]
    )
    research = scan_report(tmp_path, *CONTEXTS["research"], code=0)
    # The NC parent's research use is a condition to confirm (CC BY-NC 4.0 Section 1: not for a business).
    assert component(research, "merger/frankenmerge")["verdict"] == "conditional"


def test_chain_of_depth_three(hub, tmp_path):
    hub.add_model(
        "org/gemma-instruct-tuned", {"license": "gemma", "base_model": GEMMA, "base_model_relation": "finetune"}
    )
    hub.add_model(
        "org/gemma-medical",
        {"license": "gemma", "base_model": "org/gemma-instruct-tuned", "base_model_relation": "finetune"},
    )
    hub.add_model(
        "org/gemma-medical-lora",
        {"license": "gemma", "base_model": "org/gemma-medical", "base_model_relation": "adapter"},
    )
    manifest(tmp_path, "org/gemma-medical-lora")
    document = scan_report(tmp_path, *CONTEXTS["saas"], code=0)
    entry = component(document, "org/gemma-medical-lora")
    assert [(e["name"], e["relation"], e["depth"], e["via"]) for e in entry["lineage"]] == [
        ("org/gemma-medical", "adapter", 1, "org/gemma-medical-lora"),
        ("org/gemma-instruct-tuned", "finetune", 2, "org/gemma-medical"),
        (GEMMA, "finetune", 3, "org/gemma-instruct-tuned"),
    ]
    assert entry["verdict"] == "conditional" and "licence-laundering" not in codes(entry)
    text = scan(tmp_path, *CONTEXTS["saas"]).output
    assert (
        "lineage: org/gemma-medical-lora → org/gemma-medical (gemma) → org/gemma-instruct-tuned (gemma) "
        f"→ {GEMMA} (gemma)"
    ) in text


def test_laundering_is_caught_however_far_up(hub, tmp_path):
    hub.add_model("a/step1", {"license": "cc-by-nc-4.0", "base_model": NC_BASE})
    hub.add_model("a/step2", {"license": "cc-by-nc-4.0", "base_model": "a/step1"})
    hub.add_model("a/step3", {"license": "mit", "base_model": "a/step2"})
    manifest(tmp_path, "a/step3")
    document = scan_report(tmp_path, *CONTEXTS["saas"], code=1)
    entry = component(document, "a/step3")
    assert entry["verdict"] == "denied"
    laundering = [f["message"] for f in entry["findings"] if f["code"] == "licence-laundering"]
    # One finding per stricter licence, naming the nearest ancestor under it.
    assert len(laundering) == 1 and "a/step2" in laundering[0] and "cc-by-nc-4.0" in laundering[0]


def test_lineage_read_from_tags_when_the_card_is_silent(hub, tmp_path):
    hub.add_model(
        "someone/tagged", {"license": "apache-2.0"}, tags=[f"base_model:finetune:{NC_BASE}", f"base_model:{NC_BASE}"]
    )
    manifest(tmp_path, "someone/tagged")
    document = scan_report(tmp_path, *CONTEXTS["saas"], code=1)
    entry = component(document, "someone/tagged")
    assert entry["verdict"] == "denied"
    assert [(e["name"], e["relation"]) for e in entry["lineage"]] == [(NC_BASE, "finetune")]
    assert "licence-laundering" in codes(entry)


# -- ends safely ------------------------------------------------------------------------------


def test_cycle_stops_with_a_finding_and_is_unknown(hub, tmp_path):
    hub.add_model("loop/a", {"license": "apache-2.0", "base_model": "loop/b"})
    hub.add_model("loop/b", {"license": "apache-2.0", "base_model": "loop/a"})
    manifest(tmp_path, "loop/a")
    code, document = scan_json(tmp_path)
    entry = component(document, "loop/a")
    assert code == 3 and entry["verdict"] == "unknown"
    cycle = [f for f in entry["findings"] if f["code"] == "lineage-cycle"]
    assert len(cycle) == 1 and "loop/a → loop/b → loop/a" in cycle[0]["message"]
    assert metadata_requests(hub, "loop/a") == 1 and metadata_requests(hub, "loop/b") == 1


def test_cycle_above_the_model_is_found_too(hub, tmp_path):
    hub.add_model("loop/x", {"license": "mit", "base_model": "loop/y"})
    hub.add_model("loop/y", {"license": "mit", "base_model": "loop/z"})
    hub.add_model("loop/z", {"license": "mit", "base_model": "loop/y"})
    manifest(tmp_path, "loop/x")
    document = scan_report(tmp_path, code=3)
    entry = component(document, "loop/x")
    assert entry["verdict"] == "unknown"
    assert any("loop/y → loop/z → loop/y" in f["message"] for f in entry["findings"] if f["code"] == "lineage-cycle")


def test_a_model_naming_itself_as_its_base_is_a_warning_only(hub, tmp_path):
    hub.add_model("self/ref", {"license": "apache-2.0", "base_model": "self/ref"})
    manifest(tmp_path, "self/ref")
    code, document = scan_json(tmp_path)
    entry = component(document, "self/ref")
    assert code == 0 and entry["verdict"] == "allowed" and entry["lineage"] == []
    assert [(f["severity"], f["code"]) for f in entry["findings"]] == [("warning", "lineage-self")]


def test_missing_ancestor_makes_the_derivative_unknown(hub, tmp_path):
    hub.add_model("someone/orphan", {"license": "apache-2.0", "base_model": "deleted/base-model"})
    manifest(tmp_path, "someone/orphan")
    code, document = scan_json(tmp_path)
    entry = component(document, "someone/orphan")
    assert code == 3 and entry["verdict"] == "unknown"
    finding = next(f for f in entry["findings"] if f["code"] == "lineage-unresolved")
    assert finding["severity"] == "error" and "deleted/base-model" in finding["message"]
    assert entry["lineage"][0]["license"]["id"] is None and entry["lineage"][0]["verdict"] == "unknown"
    assert "deleted/base-model (licence not determined)" in scan(tmp_path).output


@pytest.mark.parametrize("card", [{"base_model": LLAMA}, {"license": "other", "license_name": "acme-secret-7"}])
def test_ancestor_without_a_known_licence_makes_the_derivative_unknown(hub, tmp_path, card):
    hub.add_model("vague/base", card)
    hub.add_model("someone/child", {"license": "apache-2.0", "base_model": "vague/base"})
    manifest(tmp_path, "someone/child")
    code, document = scan_json(tmp_path)
    entry = component(document, "someone/child")
    assert code == 3 and entry["verdict"] == "unknown"
    assert any("vague/base" in f["message"] and f["severity"] == "error" for f in entry["findings"])


def test_ancestor_failure_never_allows_even_when_denied_elsewhere(hub, tmp_path):
    hub.add_fault("broken/base", status=403)  # not retried: keeps the test fast
    hub.add_model("someone/two-parents", {"license": "cc-by-nc-4.0", "base_model": ["broken/base", NC_BASE]})
    manifest(tmp_path, "someone/two-parents")
    document = scan_report(tmp_path, *CONTEXTS["research"], code=3)
    entry = component(document, "someone/two-parents")
    assert entry["verdict"] == "unknown"  # the NC parent allows research, the broken one is unknown
    assert any(f["code"] == "lineage-unresolved" and "broken/base" in f["message"] for f in entry["findings"])


def test_invalid_base_model_id_is_unresolved_without_a_request(hub, tmp_path):
    hub.add_model("someone/odd", {"license": "apache-2.0", "base_model": "../../etc/passwd"})
    manifest(tmp_path, "someone/odd")
    document = scan_report(tmp_path, code=3)
    entry = component(document, "someone/odd")
    assert entry["verdict"] == "unknown" and "lineage-unresolved" in codes(entry)
    assert not [path for _, path in hub.requests if "passwd" in path]


def test_depth_is_bounded_with_a_finding(hub, tmp_path):
    chain = [f"deep/m{i}" for i in range(MAX_DEPTH + 3)]
    for child, parent in zip(chain, chain[1:]):
        hub.add_model(child, {"license": "apache-2.0", "base_model": parent})
    hub.add_model(chain[-1], {"license": "apache-2.0"})
    manifest(tmp_path, chain[0])
    code, document = scan_json(tmp_path)
    entry = component(document, chain[0])
    assert code == 3 and entry["verdict"] == "unknown"
    assert [e["depth"] for e in entry["lineage"]] == list(range(1, MAX_DEPTH + 1))
    finding = next(f for f in entry["findings"] if f["code"] == "lineage-too-deep")
    assert chain[MAX_DEPTH] in finding["message"] and chain[MAX_DEPTH + 1] in finding["message"]
    # The root and MAX_DEPTH ancestors were fetched; nothing beyond the cut.
    assert [metadata_requests(hub, name) for name in chain] == [1] * (MAX_DEPTH + 1) + [0, 0]


def test_a_card_naming_too_many_bases_is_cut_and_unknown(hub, tmp_path):
    bases = [f"wide/base{i}" for i in range(MAX_BASES + 5)]
    for base in bases:
        hub.add_model(base, {"license": "mit"})
    hub.add_model("someone/megamerge", {"license": "mit", "base_model": bases, "base_model_relation": "merge"})
    manifest(tmp_path, "someone/megamerge")
    code, document = scan_json(tmp_path)
    entry = component(document, "someone/megamerge")
    assert code == 3 and entry["verdict"] == "unknown"
    assert any(f["code"] == "lineage-too-wide" and str(MAX_BASES + 5) in f["message"] for f in entry["findings"])
    # Only the first MAX_BASES parents were fetched.
    assert sum(metadata_requests(hub, name) for name in bases) == MAX_BASES


def test_a_run_looks_up_at_most_its_budget_of_ancestors(hub, tmp_path, monkeypatch):
    import licensecheck.lineage as lineage

    monkeypatch.setattr(lineage, "MAX_ANCESTORS", 5)
    # Cards that each name new bases: depth and width limits alone would allow thousands.
    bases = [f"fan/b{i}" for i in range(10)]
    grandparents = {base: [f"{base}-c{j}" for j in range(2)] for base in bases}
    for base, parents in grandparents.items():
        hub.add_model(base, {"license": "mit", "base_model": parents})
        for parent in parents:
            hub.add_model(parent, {"license": "mit"})
    hub.add_model("fan/root", {"license": "mit", "base_model": bases, "base_model_relation": "merge"})
    manifest(tmp_path, "fan/root")
    code, document = scan_json(tmp_path)
    entry = component(document, "fan/root")
    assert code == 3 and entry["verdict"] == "unknown"
    # Exactly the budget was looked up, each once. Which ones depends on when answers
    # arrive (a base's answer may let its own bases in before the last of the root's).
    ancestors = bases + [name for parents in grandparents.values() for name in parents]
    looked_up = {name for name in ancestors if metadata_requests(hub, name)}
    assert len(looked_up) == 5 and all(metadata_requests(hub, name) == 1 for name in looked_up)
    assert "fan/b0" in looked_up and "fan/b9" not in looked_up
    reached = set(bases) | {name for base in looked_up & set(bases) for name in grandparents[base]}
    refused = {
        f["message"].split(" ")[1]
        for f in entry["findings"]
        if f["code"] == "lineage-unresolved" and "not looked up" in f["message"]
    }
    assert refused == reached - looked_up
    assert (
        "ancestor fan/b9 (base of fan/root) could not be resolved, so its terms are unknown: model fan/b9: "
        "not looked up: this run already looked up 5 ancestors, the most it follows; its terms are unknown"
    ) in [f["message"] for f in entry["findings"]]
    [notice] = [n for n in document["notices"] if n["code"] == "lineage-budget"]
    assert notice["message"] == (
        f"lineage: this run looked up 5 ancestors, the most it follows, and left {len(refused)} more unresolved; the "
        "models that descend from them are unknown (base models that each name many new bases are broken or hostile cards)"
    )


def test_within_the_budget_there_is_no_notice(hub, tmp_path):
    manifest(tmp_path, LLAMA)
    _, document = scan_json(tmp_path)
    assert [n for n in document["notices"] if n["code"] == "lineage-budget"] == []


# -- the organisation's own models ------------------------------------------------------------


def test_own_model_takes_its_ancestors_terms_and_is_never_fetched(hub, tmp_path):
    (tmp_path / "models.yaml").write_text(
        "models:\n"
        "  - id: acme/support-bot\n    own: true\n    base_model: meta-llama/Llama-3.1-8B-Instruct\n    relation: finetune\n"
    )
    code, document = scan_json(tmp_path, *CONTEXTS["saas"])
    entry = component(document, "acme/support-bot")
    assert code == 0 and entry["verdict"] == "conditional"
    assert not [path for _, path in hub.requests if "acme" in path]
    assert metadata_requests(hub, LLAMA) == 1 and metadata_requests(hub, LLAMA_BASE) == 1
    assert any(BUILT_WITH_LLAMA in o for o in entry["obligations"])
    assert "licence-laundering" not in codes(entry) and not entry["findings"]
    assert [(e["name"], e["relation"]) for e in entry["lineage"]] == [(LLAMA, "finetune"), (LLAMA_BASE, None)]
    text = scan(tmp_path, *CONTEXTS["saas"]).output
    assert "model acme/support-bot: own model, bound by its ancestors' licences" in text
    assert f"lineage: acme/support-bot → {LLAMA} (llama3.1)" in text
    giant = scan_report(tmp_path, *CONTEXTS["giant"], code=1)
    assert component(giant, "acme/support-bot")["verdict"] == "denied"


def test_own_model_declaring_a_looser_licence_is_laundering(hub, tmp_path):
    (tmp_path / "models.yaml").write_text(
        "models:\n"
        "  - id: acme/support-bot\n    own: true\n    base_model: google/gemma-2-9b-it\n"
        "    license: apache-2.0\n    reason: we trained it\n"
    )
    document = scan_report(tmp_path, *CONTEXTS["saas"], code=0)
    entry = component(document, "acme/support-bot")
    assert entry["verdict"] == "conditional" and "licence-laundering" in codes(entry)


def test_own_model_built_on_another_own_model(hub, tmp_path):
    (tmp_path / "models.yaml").write_text(
        "models:\n"
        "  - id: acme/base\n    own: true\n    base_model: CohereForAI/c4ai-command-r-v01\n"
        "  - id: acme/bot\n    own: true\n    base_model: acme/base\n    relation: adapter\n"
    )
    code, document = scan_json(tmp_path, *CONTEXTS["saas"])
    bot = component(document, "acme/bot")
    assert code == 1 and bot["verdict"] == "denied"
    assert [(e["name"], e["license"]["source"], e["verdict"]) for e in bot["lineage"]] == [
        ("acme/base", "own", "denied"),
        (NC_BASE, "card", "denied"),
    ]
    assert not [path for _, path in hub.requests if "acme" in path]
    assert "acme/bot → acme/base (own model) → CohereForAI/c4ai-command-r-v01 (cc-by-nc-4.0)" in scan(tmp_path).output


def test_own_model_with_neither_licence_nor_base_is_unknown(hub, tmp_path):
    (tmp_path / "models.yaml").write_text("models:\n  - id: acme/mystery\n    own: true\n")
    code, document = scan_json(tmp_path)
    entry = component(document, "acme/mystery")
    assert code == 3 and entry["verdict"] == "unknown"
    assert "neither `license`" in entry["findings"][0]["message"]


def test_manifest_override_of_an_ancestor_is_honoured(hub, tmp_path):
    hub.add_model("vague/base", {"license": "other"})
    hub.add_model("someone/child", {"license": "apache-2.0", "base_model": "vague/base"})
    (tmp_path / "models.yaml").write_text(
        "models:\n  - someone/child\n  - id: vague/base\n    license: mit\n    reason: LEG-7 confirmed MIT\n"
    )
    code, document = scan_json(tmp_path)
    assert code == 0 and component(document, "someone/child")["verdict"] == "allowed"
    assert metadata_requests(hub, "vague/base") == 1


# -- one request per repository, lock and offline ---------------------------------------------


def test_each_repository_is_fetched_once_however_many_share_it(hub, tmp_path):
    for index in range(4):
        hub.add_model(f"tuners/llama-ft-{index}", {"license": "llama3.1", "base_model": LLAMA})
    hub.add_model(
        "merger/llama-merge",
        {
            "license": "llama3.1",
            "base_model": ["tuners/llama-ft-0", "tuners/llama-ft-1"],
            "base_model_relation": "merge",
        },
    )
    names = [f"tuners/llama-ft-{index}" for index in range(4)] + ["merger/llama-merge", LLAMA]
    manifest(tmp_path, *names)
    code, document = scan_json(tmp_path, *CONTEXTS["saas"])
    assert code == 0
    for name in [*names, LLAMA_BASE]:
        assert metadata_requests(hub, name) == 1, name
    assert len(hub.requests) == len(names) + 1
    merge = component(document, "merger/llama-merge")
    # The diamond (two parents, one grandparent) lists the grandparent once.
    assert [(e["name"], e["depth"]) for e in merge["lineage"]] == [
        ("tuners/llama-ft-0", 1),
        ("tuners/llama-ft-1", 1),
        (LLAMA, 2),
        (LLAMA_BASE, 3),
    ]


def test_lock_records_ancestors_and_offline_scan_needs_no_network(hub, tmp_path):
    hub.add_model(
        "shady/llama-apache", {"license": "apache-2.0", "base_model": LLAMA, "base_model_relation": "finetune"}
    )
    (tmp_path / "models.yaml").write_text(
        "models:\n  - shady/llama-apache\n  - id: acme/bot\n    own: true\n    base_model: google/gemma-2-9b-it\n"
    )
    online = scan_report(tmp_path, *CONTEXTS["giant"], code=1)
    result = lock(tmp_path)
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "licensecheck.lock").read_text())
    locked = {entry["name"]: entry for entry in data["components"]}
    assert set(locked) == {"shady/llama-apache", LLAMA, LLAMA_BASE, GEMMA}  # own models are not locked
    assert locked["shady/llama-apache"]["base_models"] == [LLAMA]
    assert locked["shady/llama-apache"]["relation"] == "finetune"
    assert locked[LLAMA]["base_models"] == [LLAMA_BASE] and "base_models" not in locked[LLAMA_BASE]

    before = len(hub.requests)
    code, offline = scan_json(tmp_path, *CONTEXTS["giant"], "--offline")
    assert len(hub.requests) == before
    assert code == 1
    for name in ("shady/llama-apache", "acme/bot"):
        assert component(offline, name)["verdict"] == component(online, name)["verdict"]
        assert component(offline, name)["lineage"] == [
            {**entry, "license": {**entry["license"]}} for entry in component(online, name)["lineage"]
        ]
        assert codes(component(offline, name)) == codes(component(online, name))


def test_offline_without_the_ancestors_in_the_lock_is_unknown(hub, tmp_path):
    hub.add_model("someone/ft", {"license": "gemma", "base_model": GEMMA})
    manifest(tmp_path, "someone/ft")
    assert lock(tmp_path).exit_code == 0
    data = json.loads((tmp_path / "licensecheck.lock").read_text())
    data["components"] = [entry for entry in data["components"] if entry["name"] != GEMMA]
    (tmp_path / "licensecheck.lock").write_text(json.dumps(data))
    code, document = scan_json(tmp_path, "--offline")
    entry = component(document, "someone/ft")
    assert code == 3 and entry["verdict"] == "unknown"
    assert any(
        f["code"] == "lineage-unresolved" and "run `licensecheck lock`" in f["message"] for f in entry["findings"]
    )


def test_lock_reports_an_unresolvable_ancestor(hub, tmp_path):
    hub.add_model("someone/orphan", {"license": "apache-2.0", "base_model": "deleted/base-model"})
    manifest(tmp_path, "someone/orphan")
    result = lock(tmp_path)
    assert result.exit_code == 3
    assert "deleted/base-model" in result.stderr


# -- pure ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def test_every_category_but_unknown_has_a_permissiveness_level(knowledge):
    levels = {category.id: knowledge.permissiveness(category.id) for category in knowledge.categories}
    assert levels == {
        "public-domain": 0,
        "permissive": 1,
        "data-permissive": 1,
        "weak-copyleft": 2,
        "copyleft": 3,
        "data-copyleft": 3,
        "network-copyleft": 4,
        "responsible-ai": 5,
        "community": 5,
        "no-derivatives": 6,
        "non-commercial": 7,
        "research-only": 7,
        "proprietary": 8,
        "unknown": None,
    }
    assert {rule.category for rule in knowledge.rules} <= set(levels)


def _link(
    knowledge,
    declared: list[Component],
    graph: dict[str, tuple[str | None, tuple[str, ...], str | None]],
    context: Context = Context(),
) -> dict[str, ComponentResult]:
    """Run the pure step on a hand-made graph: name -> (licence id, bases, relation)."""
    answers: dict[tuple, Resolved] = {}
    for name, (licence, bases, relation) in graph.items():
        info = LicenceInfo(id=licence, source="card") if licence else None
        problem = None if licence else Finding(Severity.ERROR, HUB_NOT_FOUND, f"model {name}: no such repository")
        answers[(MODEL, name.lower(), None)] = Resolved(Resolution(licence=info, problem=problem), bases, relation)
    for item in declared:
        if item.own:
            answers[item.key] = Resolved(Resolution(), item.base_models, item.relation)

    def judge_one(component: Component, resolved: Resolved) -> ComponentResult:
        return judge_component(component, resolved, knowledge, context)

    results = [judge_one(c, answers[c.key]) for c in declared]
    return {r.component.name: r for r in link_lineage(results, answers, judge_one, knowledge)}


def test_pure_identical_licence_and_same_level_are_not_laundering(knowledge):
    results = _link(
        knowledge,
        [Component(MODEL, "x/same"), Component(MODEL, "x/sideways")],
        {
            "x/same": ("llama3.1", ("base/llama",), "finetune"),
            "x/sideways": ("gemma", ("base/llama",), "finetune"),  # different terms, not looser ones
            "base/llama": ("llama3.1", (), None),
        },
    )
    for result in results.values():
        assert not [f for f in result.evaluation.findings if f.code == "licence-laundering"]
    # Both licences bind the sideways one: gemma's own duties and llama's, prefixed.
    sideways = results["x/sideways"].evaluation.obligations
    assert any(o.startswith("from base/llama (llama3.1): ") for o in sideways)
    assert any("Gemma" in o and not o.startswith("from ") for o in sideways)


def test_pure_stricter_derivative_is_not_laundering_and_verdict_is_most_restrictive(knowledge):
    results = _link(
        knowledge,
        [Component(MODEL, "x/nc")],
        {
            "x/nc": ("cc-by-nc-4.0", ("base/apache",), "finetune"),
            "base/apache": ("apache-2.0", (), None),
        },
    )
    evaluation = results["x/nc"].evaluation
    assert evaluation.verdict.value == "denied"
    assert not [f for f in evaluation.findings if f.code == "licence-laundering"]


def test_pure_unresolved_ancestor_and_obligation_prefixes(knowledge):
    results = _link(
        knowledge,
        [Component(MODEL, "x/child")],
        {
            "x/child": ("mit", ("gone/base", "base/gemma"), "merge"),
            "gone/base": (None, (), None),
            "base/gemma": ("gemma", (), None),
        },
    )
    result = results["x/child"]
    assert result.evaluation.verdict.value == "unknown"
    unresolved = [f for f in result.evaluation.findings if f.code == "lineage-unresolved"]
    assert (
        len(unresolved) == 1 and "gone/base" in unresolved[0].message and "no such repository" in unresolved[0].message
    )
    assert all(o.startswith("from base/gemma (gemma): ") for o in result.evaluation.obligations)
    assert [(e.name, e.depth, e.via, e.relation) for e in result.lineage] == [
        ("gone/base", 1, "x/child", "merge"),
        ("base/gemma", 1, "x/child", "merge"),
    ]
    assert lineage_chains(result) == ["x/child → gone/base (licence not determined)", "x/child → base/gemma (gemma)"]
    # The structured duties say the same, with the clause they come from.
    duties = result.evaluation.duties
    assert duties and [d.text for d in duties] == list(result.evaluation.obligations)


def test_pure_own_model_with_override_is_held_to_ancestors(knowledge):
    own = Component(
        MODEL,
        "acme/bot",
        own=True,
        base_models=("base/llama",),
        relation="finetune",
        override=LicenceOverride("mit", "we say so"),
    )
    results = _link(knowledge, [own], {"base/llama": ("llama3.1", (), None)}, Context(users=900_000_000))
    evaluation = results["acme/bot"].evaluation
    assert evaluation.verdict.value == "denied"
    assert [f.code for f in evaluation.findings] == ["licence-override", "licence-laundering", "user-threshold"]


def test_pure_models_without_bases_are_unchanged(knowledge):
    results = _link(knowledge, [Component(MODEL, "plain/model")], {"plain/model": ("apache-2.0", (), None)})
    assert results["plain/model"].lineage == () and results["plain/model"].evaluation.verdict.value == "allowed"


def test_walker_submits_an_ancestor_as_soon_as_its_child_answers():
    """No level-by-level barrier: a chain moves on while other components are still in flight."""
    futures: dict[str, Future] = {}
    started: list[str] = []

    def start(component: Component) -> Future:
        started.append(component.name)
        return futures.setdefault(component.name, Future())

    slow, chained = Component(MODEL, "slow/model"), Component(MODEL, "chain/child")
    walker = AncestorWalker(start, [slow, chained])
    for each in (slow, chained):
        walker.follow(start(each))
    futures["chain/child"].set_result(Resolved(Resolution(), ("chain/parent",), "finetune"))
    assert started[-1] == "chain/parent"  # while slow/model has not answered
    futures["chain/parent"].set_result(Resolved(Resolution(), ("chain/root",), None))
    assert started[-1] == "chain/root"
    futures["chain/root"].set_result(Resolved(Resolution(), (), None))
    futures["slow/model"].set_result(Resolved(Resolution(), ("chain/root",), None))  # shared: not started again
    ancestors = walker.wait()
    assert started == ["slow/model", "chain/child", "chain/parent", "chain/root"]
    assert set(ancestors) == {(MODEL, "chain/parent", None), (MODEL, "chain/root", None)}


def test_walker_goes_further_when_an_ancestor_is_reached_closer(knowledge):
    """An ancestor first seen at the depth limit is walked on when another path reaches it sooner."""
    answers = {
        "far/a": Resolved(Resolution(), ("far/b",), None),
        "far/b": Resolved(Resolution(), ("shared/x",), None),
        "near/a": Resolved(Resolution(), ("shared/x",), None),
        "shared/x": Resolved(Resolution(), ("shared/root",), None),
        "shared/root": Resolved(Resolution(), (), None),
    }
    started: list[str] = []

    def start(component: Component) -> Resolved:
        started.append(component.name)
        return answers[component.name]

    walker = AncestorWalker(start, [], max_depth=2)
    walker.follow(start(Component(MODEL, "far/a")))  # shared/x at depth 2: its base is cut
    assert "shared/root" not in started
    walker.follow(start(Component(MODEL, "near/a")))  # shared/x at depth 1: its base is walked
    assert started.count("shared/x") == 1 and "shared/root" in started
    walker.wait()
