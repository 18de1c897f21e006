"""`compare`, `suggest` and `scan --suggest` end to end: real client, fake Hub on loopback.

The contract under test: a candidate's verdict in `compare` is its verdict in
`scan`; every suggestion is a model a scan under the same context allows; the
Hub is asked a bounded, exact number of times.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from choosing import NON_COMMERCIAL, POPULAR, add_market
from cli_helpers import CONTEXTS, SCHEMA, invoke, scan, scan_json, scan_report
from fakehub import LISTING, fake_sha
from realcards import REAL_MODELS

SCHEMAS = Path(__file__).parent.parent / "licensecheck" / "schemas"
COMPARE_SCHEMA = json.loads((SCHEMAS / "compare-v1.schema.json").read_text())
SUGGEST_SCHEMA = json.loads((SCHEMAS / "suggest-v1.schema.json").read_text())

# c4ai-command-r7b (8.0B, text-generation, transformers) under a SaaS context: the
# most downloaded models of 4.0B to 16.1B parameters that may be used. Left out:
# the GGUF (size not reported), Qwen 0.5B and Llama 70B (size), the fine-tune of
# the non-commercial model (its base denies it), mystery-8b (unknown licence),
# nc-research-8b (non-commercial), mlx-7b (another library), whisper (another task).
SAAS_ALTERNATIVES = [
    {
        "id": "Qwen/Qwen2.5-7B-Instruct",
        "license": "apache-2.0",
        "verdict": "allowed",
        "downloads": 9_800_000,
        "parameters": 7_615_616_512,
    },
    {
        "id": "meta-llama/Llama-3.1-8B-Instruct",
        "license": "llama3.1",
        "verdict": "conditional",
        "downloads": 6_100_000,
        "parameters": 8_030_261_248,
    },
    {
        "id": "mistralai/Mistral-7B-Instruct-v0.3",
        "license": "apache-2.0",
        "verdict": "allowed",
        "downloads": 1_900_000,
        "parameters": 7_248_023_552,
    },
    {
        "id": "google/gemma-2-9b-it",
        "license": "gemma",
        "verdict": "conditional",
        "downloads": 420_000,
        "parameters": 9_241_705_984,
    },
]
# What a suggestion for c4ai-command-r7b judges: the 7 similar listed models, by downloads.
JUDGED = [
    "Qwen/Qwen2.5-7B-Instruct",
    "meta-llama/Llama-3.1-8B-Instruct",
    "example-org/command-r7b-sft",
    "example-org/mystery-8b",
    "mistralai/Mistral-7B-Instruct-v0.3",
    "example-org/nc-research-8b",
    "google/gemma-2-9b-it",
]


def document_of(command: str, *args: str) -> dict:
    """The JSON of a `compare` or `suggest` that ran (exit 0), checked against its schema."""
    result = invoke(command, "--format", "json", "--timeout", "5", *args)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    jsonschema.validate(document, COMPARE_SCHEMA if command == "compare" else SUGGEST_SCHEMA)
    return document


def compare_json(*args: str) -> dict:
    return document_of("compare", *args)


def suggest_json(*args: str) -> dict:
    return document_of("suggest", *args)


@pytest.fixture
def market(fake_hub, tmp_path, monkeypatch):
    add_market(fake_hub)
    monkeypatch.chdir(tmp_path)  # no configuration or lock of the checkout's own
    return fake_hub


# -- compare: the verdict is the scan's ------------------------------------------------


@pytest.fixture
def real_and_derived(fake_hub, tmp_path, monkeypatch):
    """The real cards of test_scan_end_to_end, plus derivatives whose lineage decides."""
    for repo_id, (card, *_expected) in REAL_MODELS.items():
        fake_hub.add_model(repo_id, card, gated="manual" if repo_id.startswith("meta-llama/") else False)
    fake_hub.add_model(
        "acme/nc-adapter",
        {"license": "apache-2.0", "base_model": "CohereForAI/c4ai-command-r-v01", "base_model_relation": "adapter"},
    )
    fake_hub.add_model("acme/llama-tune", {"license": "llama3.1", "base_model": "meta-llama/Llama-3.1-8B-Instruct"})
    fake_hub.add_model("acme/orphan", {"license": "mit", "base_model": "acme/not-on-the-hub"})
    monkeypatch.chdir(tmp_path)
    return [*REAL_MODELS, "acme/nc-adapter", "acme/llama-tune", "acme/orphan"]


POLICY = """\
[tool.licensecheck]
deny = ["gemma"]

[[tool.licensecheck.exceptions]]
component = "CohereForAI/c4ai-command-r-v01"
reason = "Commercial agreement with Cohere"
owner = "legal@example.com"
expires = 2999-12-31
"""


@pytest.mark.parametrize("context", [*CONTEXTS, "policy"])
def test_compare_verdicts_are_the_scan_verdicts(real_and_derived, tmp_path, context):
    ids = real_and_derived
    flags = CONTEXTS.get(context, ["--users", "2M"])
    if context == "policy":
        (tmp_path / "pyproject.toml").write_text(POLICY)
    (tmp_path / "models.yaml").write_text("models:\n" + "".join(f"  - {repo_id}\n" for repo_id in ids))
    _, scanned = scan_json(tmp_path, *flags)
    compared = compare_json(*ids, *flags)
    scan_verdicts = {c["name"]: c["verdict"] for c in scanned["components"]}
    assert {c["id"]: c["verdict"] for c in compared["candidates"]} == scan_verdicts
    assert [c["id"] for c in compared["candidates"]] == ids
    assert compared["context"] == scanned["context"]
    # The derivatives are judged by their lineage, in both.
    expected = {
        "saas": ("denied", "conditional", "unknown"),
        "giant": ("denied", "denied", "unknown"),
        "research": ("conditional", "conditional", "unknown"),
        "onprem": ("denied", "conditional", "unknown"),
        "policy": ("denied", "conditional", "unknown"),
    }[context]
    assert tuple(scan_verdicts[name] for name in ("acme/nc-adapter", "acme/llama-tune", "acme/orphan")) == expected
    if context == "policy":
        assert scan_verdicts["google/gemma-2-9b-it"] == "denied"
        assert scan_verdicts["CohereForAI/c4ai-command-r-v01"] == "conditional"  # waived; its duties stay


def test_compare_a_manifest_judges_its_models_as_the_scan_does(fake_hub, tmp_path, monkeypatch):
    fake_hub.add_model("meta-llama/Llama-3.1-8B-Instruct", {"license": "llama3.1"}, gated="manual")
    fake_hub.add_model("CohereForAI/c4ai-command-r-v01", {"license": "cc-by-nc-4.0"})
    fake_hub.add_dataset("HuggingFaceFW/fineweb", {"license": "odc-by"})
    project = tmp_path / "project"
    project.mkdir()
    (project / "models.yaml").write_text(
        "models:\n"
        "  - meta-llama/Llama-3.1-8B-Instruct\n"
        "  - id: acme/support-bot\n    own: true\n    base_model: CohereForAI/c4ai-command-r-v01\n"
        "  - id: CohereForAI/c4ai-command-r-v01\n    license: apache-2.0\n    reason: signed contract with Cohere, ticket LEG-12\n"
        "datasets:\n  - HuggingFaceFW/fineweb\n"
    )
    monkeypatch.chdir(tmp_path)
    scanned = scan_report(project, "--users", "2M", "--no-discover", code=0)
    compared = compare_json("--manifest", str(project / "models.yaml"), "--users", "2M")
    models = {c["name"]: c["verdict"] for c in scanned["components"] if c["type"] == "model"}
    assert (
        {c["id"]: c["verdict"] for c in compared["candidates"]}
        == models
        == {
            "meta-llama/Llama-3.1-8B-Instruct": "conditional",
            "acme/support-bot": "allowed",  # its base's licence is overridden in the manifest
            "CohereForAI/c4ai-command-r-v01": "allowed",
        }
    )


def test_compare_table_columns(market):
    document = compare_json(*POPULAR, "--users", "2M", "--region", "FR")
    rows = {c["id"]: c for c in document["candidates"]}
    llama = rows["meta-llama/Llama-3.1-8B-Instruct"]
    assert (llama["license"], llama["verdict"], llama["gated"]) == ("llama3.1", "conditional", "manual")
    assert llama["duties"] == ["attribution", "naming", "use policy"]
    assert llama["thresholds"] == [
        # Llama's threshold counts the organisation's users: the product's 2M say nothing of them.
        {"license": "llama3.1", "figure": "org-users", "above": 700_000_000, "given": None, "status": "not given"}
    ]
    assert llama["reason"] == "may be used with 4 obligations" and len(llama["obligations"]) == 4
    gemma = rows["google/gemma-2-9b-it"]
    assert (gemma["gated"], gemma["duties"]) == ("auto", ["use policy", "use policy flow-down", "remote restriction"])
    qwen = rows["Qwen/Qwen2.5-7B-Instruct"]
    assert (qwen["verdict"], qwen["duties"], qwen["gated"]) == ("allowed", [], "no")
    assert qwen["reason"] == "may be used; nothing to do under this context"


def test_compare_shows_regional_terms_and_exceeded_thresholds(fake_hub, tmp_path, monkeypatch):
    fake_hub.add_model("meta-llama/Llama-3.2-11B-Vision-Instruct", {"license": "llama3.2"}, gated="manual")
    monkeypatch.chdir(tmp_path)
    rows = compare_json("meta-llama/Llama-3.2-11B-Vision-Instruct", "--users", "900M")["candidates"]
    (row,) = rows
    assert row["verdict"] == "denied"
    assert row["thresholds"][0]["status"] == "exceeded"
    assert row["reason"].startswith(
        "If the products or services made available by or for the licensee and its "
        "affiliates together had more than 700 million monthly active users"
    )
    assert row["regional"] == [{"license": "llama3.2", "regions": ["EU"], "region": None, "status": "not given"}]
    (row,) = compare_json("meta-llama/Llama-3.2-11B-Vision-Instruct", "--region", "DE")["candidates"]
    assert row["regional"] == [{"license": "llama3.2", "regions": ["EU"], "region": "DE", "status": "applies"}]
    (row,) = compare_json("meta-llama/Llama-3.2-11B-Vision-Instruct", "--region", "US")["candidates"]
    assert row["regional"] == []


def test_compare_text_fits_100_columns_and_never_cuts_a_verdict(fake_hub, tmp_path, monkeypatch):
    long_id = "an-organisation-with-a-long-name/" + "a-model-name-that-goes-on-" * 2 + "x"
    fake_hub.add_model(long_id, {"license": "cc-by-nc-4.0"})
    fake_hub.add_model("meta-llama/Llama-3.1-8B-Instruct", {"license": "llama3.1"}, gated="manual")
    monkeypatch.chdir(tmp_path)
    result = invoke("compare", long_id, "meta-llama/Llama-3.1-8B-Instruct")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= 100
    assert sum(" denied " in f" {line} " for line in lines) == 1
    assert sum(" conditional " in f" {line} " for line in lines) == 1
    joined = " ".join(line.strip() for line in lines)
    assert "NonCommercial purposes only" in joined  # the deciding reason, wrapped, whole


def test_compare_markdown_escapes_what_the_hub_says(fake_hub, tmp_path, monkeypatch):
    fake_hub.add_model("evil/model", {"license": "mit|<img src=x onerror=alert(1)>"})
    monkeypatch.chdir(tmp_path)
    result = invoke("compare", "evil/model", "--format", "markdown")
    assert result.exit_code == 0
    row = next(line for line in result.stdout.splitlines() if "evil/model" in line)
    assert "<img" not in row and "mit\\|&lt;img" in row
    assert row.count(" | ") == 7  # the licence's `|` did not add a column


def test_compare_text_shows_what_the_hub_says_inert(fake_hub, tmp_path, monkeypatch):
    fake_hub.add_model("evil/model", {"license": "mit\u202e\x1b[8m hidden\n::error::forged"})
    monkeypatch.chdir(tmp_path)
    result = invoke("compare", "evil/model")
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout and "\n::" not in result.stdout
    assert "mit\\u202e\\x1b[8m" in result.stdout  # shown, escaped, in the licence column


def test_compare_bad_input_is_exit_2(fake_hub, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args, message in (
        ((), "name the models to compare"),
        (("not a/valid/id",), "is not a Hub model id"),
        (("--manifest", "missing.yaml"), "missing.yaml: no such file"),
    ):
        result = invoke("compare", *args)
        assert result.exit_code == 2 and message in result.output
    (tmp_path / "models.yaml").write_text("models:\n  - id: x/y\n    colour: red\n")
    result = invoke("compare", "--manifest", "models.yaml")
    assert result.exit_code == 2 and "models.yaml:3" in result.output


def test_compare_offline_reads_the_lock(fake_hub, tmp_path, monkeypatch):
    fake_hub.add_model("Qwen/Qwen2.5-7B-Instruct", {"license": "apache-2.0"})
    (tmp_path / "models.yaml").write_text("models:\n  - Qwen/Qwen2.5-7B-Instruct\n")
    assert invoke("lock", str(tmp_path)).exit_code == 0
    monkeypatch.chdir(tmp_path)
    before = len(fake_hub.requests)
    rows = compare_json("Qwen/Qwen2.5-7B-Instruct", "google/gemma-2-9b-it", "--offline")["candidates"]
    assert [(r["verdict"], r["gated"]) for r in rows] == [("allowed", None), ("unknown", None)]
    assert len(fake_hub.requests) == before


# -- suggest ------------------------------------------------------------------------------


def test_suggest_for_a_non_commercial_model(market):
    document = suggest_json(NON_COMMERCIAL, "--users", "2M")
    assert document["model"] == NON_COMMERCIAL
    assert (document["task"], document["library"], document["parameters"]) == (
        "text-generation",
        "transformers",
        8_028_033_024,
    )
    assert document["alternatives"] == SAAS_ALTERNATIVES
    assert document["judged"] == len(JUDGED)


def test_suggest_asks_the_hub_an_exact_number_of_times(market):
    suggest_json(NON_COMMERCIAL, "--users", "2M")
    paths = [path for _, path in market.requests if not path.startswith("/api/agent-harnesses")]
    facts = f"/api/models/{NON_COMMERCIAL}?expand=pipeline_tag&expand=library_name&expand=safetensors"
    listing = (
        "/api/models?filter=transformers&pipeline_tag=text-generation&sort=downloads&limit=100"
        "&expand=downloads&expand=safetensors&expand=pipeline_tag&expand=library_name"
    )
    metadata = {
        f"/api/models/{repo_id}?expand=cardData&expand=sha&expand=tags&expand=gated&expand=siblings"
        for repo_id in [*JUDGED, NON_COMMERCIAL]
    }  # the fine-tune's base is judged too
    # The mystery model's card declares no licence: its README is read for a licence section.
    readme = f"/example-org/mystery-8b/resolve/{fake_sha('model', 'example-org/mystery-8b')}/README.md"
    assert paths[:2] == [facts, listing]
    assert sorted(paths[2:]) == sorted([*metadata, readme])
    assert len(paths) == 2 + 7 + 1 + 1


def test_our_listing_request_is_the_one_list_models_sends(market):
    from huggingface_hub import HfApi

    from licensecheck.resolve.hub_listing import ListingQuery

    query = ListingQuery("text-generation", "transformers", 100)
    list(
        HfApi(endpoint=market.url).list_models(
            filter="transformers",
            pipeline_tag="text-generation",
            sort="downloads",
            limit=100,
            expand=query.params()["expand"],
        )
    )
    suggest_json(NON_COMMERCIAL)
    listings = [path for _, path in market.requests if path.startswith("/api/models?")]
    assert len(listings) == 2 and listings[0] == listings[1]


@pytest.mark.parametrize("context", list(CONTEXTS))
def test_every_suggestion_is_allowed_by_a_scan_under_the_same_context(market, tmp_path, context):
    document = suggest_json(NON_COMMERCIAL, "--limit", "20", *CONTEXTS[context])
    suggested = {a["id"]: a["verdict"] for a in document["alternatives"]}
    (tmp_path / "models.yaml").write_text("models:\n" + "".join(f"  - {repo_id}\n" for repo_id in JUDGED))
    _, scanned = scan_json(tmp_path, *CONTEXTS[context])
    verdicts = {c["name"]: c["verdict"] for c in scanned["components"]}
    allowed = {name: verdict for name, verdict in verdicts.items() if verdict in ("allowed", "conditional")}
    assert suggested == allowed  # exactly the judged models a scan allows, with the scan's verdict
    assert [a["id"] for a in document["alternatives"]] == [name for name in JUDGED if name in allowed]
    never = {"example-org/mystery-8b"}  # unknown licence, in every context
    if context != "research":  # commercial: non-commercial licences and what derives from them
        never |= {"example-org/command-r7b-sft", "example-org/nc-research-8b"}
    if context == "giant":  # 900M users: above Llama's threshold
        never |= {"meta-llama/Llama-3.1-8B-Instruct"}
    assert not never & set(suggested)
    assert set(JUDGED) - never == set(suggested)


def test_suggest_honours_the_configuration(market, tmp_path):
    (tmp_path / "licensecheck.toml").write_text('deny = ["llama3.1"]\nallow = ["apache-2.0", "llama3.1", "gemma"]\n')
    ids = [a["id"] for a in suggest_json(NON_COMMERCIAL)["alternatives"]]
    assert ids == ["Qwen/Qwen2.5-7B-Instruct", "mistralai/Mistral-7B-Instruct-v0.3", "google/gemma-2-9b-it"]


def test_suggest_limit_and_a_second_page(market, monkeypatch):
    from licensecheck import suggest

    monkeypatch.setattr(suggest, "PAGE_SIZE", 3)
    document = suggest_json(NON_COMMERCIAL, "--limit", "1")
    assert [a["id"] for a in document["alternatives"]] == ["Qwen/Qwen2.5-7B-Instruct"]
    listings = [path for _, path in market.requests if path.startswith("/api/models?")]
    # Page 1 (by downloads: Qwen 7B, Llama 8B, gpt-oss 21B) holds 2 similar models, fewer than the 4 to
    # judge; page 2 (the GGUF, Qwen 0.5B, the sft) adds one; there is no third page.
    assert len(listings) == 2 and "limit=3" in listings[0] and "cursor=3" in listings[1]
    judged = [path for _, path in market.requests if "expand=cardData" in path]
    assert len(judged) == 3 + 1  # Qwen, Llama, the sft, and the sft's base


def test_suggest_reads_no_page_it_does_not_need(market, monkeypatch):
    from licensecheck import suggest

    monkeypatch.setattr(suggest, "PAGE_SIZE", 3)
    monkeypatch.setattr(suggest, "JUDGED_PER_SUGGESTION", 2)
    document = suggest_json(NON_COMMERCIAL, "--limit", "1")
    assert [a["id"] for a in document["alternatives"]] == ["Qwen/Qwen2.5-7B-Instruct"]
    # Page 1 holds Qwen 7B and Llama 8B: the 2 to judge. Page 2 is there, and not asked for.
    assert market.count("/api/models?") == 1
    assert market.count("/api/models/") == 1 + 2


def test_suggest_without_a_task_suggests_nothing(fake_hub, tmp_path, monkeypatch):
    fake_hub.add_model("acme/untagged", {"license": "cc-by-nc-4.0"})
    monkeypatch.chdir(tmp_path)
    document = suggest_json("acme/untagged")
    assert (document["task"], document["alternatives"]) == (None, [])
    result = invoke("suggest", "acme/untagged")
    assert result.exit_code == 0 and "the Hub gives no task (pipeline_tag)" in result.stdout
    assert fake_hub.count("/api/models?") == 0


def test_suggest_text_and_markdown(market):
    text = invoke("suggest", NON_COMMERCIAL, "--users", "2M").stdout
    assert max(map(len, text.splitlines())) <= 100
    assert (
        "alternatives to CohereForAI/c4ai-command-r7b-12-2024 (text-generation, transformers, 8.0B parameters), "
        "most downloaded first:"
    ) in " ".join(text.split())
    assert "Qwen/Qwen2.5-7B-Instruct            apache-2.0  allowed      9,800,000      7.6B" in text
    markdown = invoke("suggest", NON_COMMERCIAL, "--format", "markdown").stdout
    assert "| **google/gemma-2-9b-it** | gemma | conditional | 420,000 | 9.2B |" in markdown


def test_suggest_bad_input_and_offline_are_exit_2(market):
    for args, message in (
        (("nobody/nothing",), "the Hub has no such repository"),
        (("not a valid id",), "is not a Hub model id"),
        ((NON_COMMERCIAL, "--offline"), "suggestions need the Hub"),
    ):
        result = invoke("suggest", *args)
        assert result.exit_code == 2 and message in result.output, result.output
        assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "status, headers, reason",
    [
        (429, {"Retry-After": "3600"}, "rate-limiting requests (HTTP 429), and the wait it asked for (3600 s)"),
        (503, {}, "gave up after 4 attempts"),
    ],
)
def test_a_listing_the_hub_refuses_is_a_clear_message_and_exit_3(market, retry_clock, status, headers, reason):
    market.add_fault(LISTING, status=status, headers=headers)
    result = invoke("suggest", NON_COMMERCIAL)
    assert result.exit_code == 3 and "Traceback" not in result.output
    assert "licensecheck: error: the Hub's model listing: " in result.stderr and reason in result.stderr
    attempts = market.count("/api/models?")
    assert attempts == (1 if status == 429 else 4)
    assert market.count("/api/models/") == 1  # the model's facts; nothing judged


def test_a_listing_that_times_out_is_a_clear_message(market):
    market.add_fault(LISTING, status=None, delay=2)
    result = invoke("suggest", NON_COMMERCIAL, "--timeout", "0.2", "--retry-budget", "0")
    assert result.exit_code == 3
    assert "the Hub's model listing: the Hub did not answer in time" in result.stderr


@pytest.mark.parametrize(
    "fault",
    [
        {"trickle": 0.05},  # each read answered in time, the whole not: --timeout bounds the whole answer
        {"size": 64 * 1024 * 1024},  # a listing past the size cap is not read in full
    ],
)
def test_a_listing_that_trickles_or_never_ends_is_cut_off(market, fault):
    market.add_fault(LISTING, status=None, **fault)
    result = invoke("suggest", NON_COMMERCIAL, "--timeout", "1", "--retry-budget", "0")
    assert result.exit_code == 3 and "Traceback" not in result.output
    assert "licensecheck: error: the Hub's model listing: " in result.stderr


def test_a_hostile_listing_is_read_safely(market):
    # A next-page link to another host is not followed (the token would go with it).
    market.add_fault(
        LISTING,
        status=200,
        times=1,
        headers={"Link": '<http://127.0.0.2:9/api/models?x=1>; rel="next"'},
        body=[
            {"id": "../../etc"},
            {"id": "Qwen/Qwen2.5-7B-Instruct", "downloads": "many", "safetensors": {"total": 7_615_616_512}},
            "nonsense",
        ],
    )
    document = suggest_json(NON_COMMERCIAL, "--limit", "1")
    assert document["alternatives"] == [
        {
            "id": "Qwen/Qwen2.5-7B-Instruct",
            "license": "apache-2.0",
            "verdict": "allowed",
            "downloads": None,
            "parameters": 7_615_616_512,
        }
    ]
    assert market.count("/api/models?") == 1


# -- scan --suggest -----------------------------------------------------------------------


@pytest.fixture
def project(market, tmp_path):
    (tmp_path / "models.yaml").write_text(
        f"models:\n  - {NON_COMMERCIAL}\n  - Qwen/Qwen2.5-7B-Instruct\n  - acme/gone\n"
        "  - id: acme/bot\n    own: true\n    base_model: example-org/nc-research-8b\n"
    )
    return tmp_path


def test_scan_suggest_adds_alternatives_under_denied_and_unknown_models(project, market):
    code, document = scan_json(project, "--suggest", "--users", "2M")
    assert code == 1
    by_name = {c["name"]: c for c in document["components"]}
    assert by_name[NON_COMMERCIAL]["alternatives"] == [
        {key: a[key] for key in ("id", "license", "verdict")} for a in SAAS_ALTERNATIVES
    ]
    assert "alternatives" not in by_name["Qwen/Qwen2.5-7B-Instruct"]  # allowed: nothing to replace
    assert "alternatives" not in by_name["acme/bot"]  # the organisation's own model: not on the Hub
    assert by_name["acme/gone"]["verdict"] == "unknown" and by_name["acme/gone"]["alternatives"] == []
    notice = next(n for n in document["notices"] if n["code"] == "suggestions-unavailable")
    assert notice["message"].startswith("no alternatives to acme/gone: model acme/gone: the Hub has no such repository")
    plain = scan_report(project, "--users", "2M", code=1)
    assert [c["verdict"] for c in plain["components"]] == [c["verdict"] for c in document["components"]]
    assert all("alternatives" not in c for c in plain["components"])


def test_scan_suggest_in_text_markdown_and_html(project):
    text = scan(project, "--suggest", "--users", "2M").stdout
    assert "      instead: Qwen/Qwen2.5-7B-Instruct (apache-2.0, allowed)" in text
    assert "      instead: no alternative found" in text  # acme/gone
    markdown = scan(project, "--suggest", "--format", "markdown").stdout
    assert (
        "- instead of **CohereForAI/c4ai-command-r7b-12-2024**: Qwen/Qwen2.5-7B-Instruct (apache-2.0, allowed), "
        "meta-llama/Llama-3.1-8B-Instruct (llama3.1, conditional)"
    ) in markdown
    html = scan(project, "--suggest", "--format", "html").stdout
    assert (
        '<a href="https://huggingface.co/google/gemma-2-9b-it" rel="noopener noreferrer">google/gemma-2-9b-it</a>'
        " <code>gemma</code> conditional"
    ) in html


def test_scan_suggest_offline_is_a_usage_error(project):
    result = scan(project, "--suggest", "--offline")
    assert result.exit_code == 2 and "suggestions need the Hub" in result.output


def test_report_schema_describes_alternatives():
    alternative = SCHEMA["$defs"]["alternative"]
    assert alternative["required"] == ["id", "license", "verdict"]
    assert SCHEMA["$defs"]["component"]["properties"]["alternatives"]["items"] == {"$ref": "#/$defs/alternative"}


def test_help_documents_both_commands():
    for command, words in (("compare", "verdict here is its verdict in a scan"), ("suggest", "4 x --limit")):
        result = invoke(command, "--help")
        assert result.exit_code == 0 and words in " ".join(result.output.split())
    listing = invoke("--help").output
    assert "compare" in listing and "suggest" in listing
