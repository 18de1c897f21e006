"""The Hub resolver, driven through the real huggingface_hub client against the fake Hub."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fakehub import fake_sha
from faults import closed_port_url

from licensecheck import __version__
from licensecheck.model import ModelFacts, Severity
from licensecheck.resolve.hub import hub_error_finding, make_hub_api, resolve_hub_repo

ROOT = Path(__file__).resolve().parents[2]
TOKEN_SENTINEL = "hf_SENTINELtokenThatMustNeverBePrinted"

# Shaped like the real answer for microsoft/Phi-3-mini-4k-instruct (trimmed).
PHI3_CARD = {
    "license": "mit",
    "license_link": "https://huggingface.co/microsoft/Phi-3-mini-4k-instruct/resolve/main/LICENSE",
    "language": ["en"],
    "inference": {"parameters": {"temperature": 0}},
}
PHI3_SIBLINGS = ("LICENSE", "NOTICE.md", "README.md", "config.json", "model-00001-of-00002.safetensors")


def resolve(repo_id, revision=None, *, repo_type="model", timeout=5.0):
    return resolve_hub_repo(make_hub_api(), repo_type, repo_id, revision, timeout=timeout)


# -- the licence --------------------------------------------------------------------


def test_licence_from_card(fake_hub):
    fake_hub.add_model("microsoft/Phi-3-mini-4k-instruct", PHI3_CARD, siblings=PHI3_SIBLINGS, tags=("license:mit",))
    record = resolve("microsoft/Phi-3-mini-4k-instruct")
    resolution = record.resolution
    assert resolution.ok
    assert resolution.licence.id == "mit"
    assert resolution.licence.source == "card"
    assert resolution.licence.link == PHI3_CARD["license_link"]
    assert resolution.licence.declared is None
    assert resolution.version == fake_sha("model", "microsoft/Phi-3-mini-4k-instruct")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", resolution.resolved_at)
    assert record.has_licence_file == "LICENSE"
    assert record.gated is None
    assert record.resolved_id == "microsoft/Phi-3-mini-4k-instruct"
    assert resolution.notes == ()


def test_asks_for_exactly_the_fields_it_reads(fake_hub):
    fake_hub.add_model("org/model", {"license": "mit"})
    resolve("org/model")
    ((method, path),) = fake_hub.requests
    assert method == "GET" and path.startswith("/api/models/org/model?")
    assert sorted(re.findall(r"expand=(\w+)", path)) == ["cardData", "gated", "sha", "siblings", "tags"]


def test_licence_from_tags_when_the_card_has_none(fake_hub):
    fake_hub.add_model("org/tagged", None, tags=("transformers", "license:apache-2.0", "region:us"))
    licence = resolve("org/tagged").resolution.licence
    assert (licence.id, licence.source) == ("apache-2.0", "tags")


def test_card_licence_wins_over_tags(fake_hub):
    fake_hub.add_model("org/both", {"license": "mit"}, tags=("license:apache-2.0",))
    assert resolve("org/both").resolution.licence.id == "mit"


def test_other_licence_keeps_name_and_link(fake_hub):
    card = {"license": "other", "license_name": "qwen-community-1.0", "license_link": "LICENSE"}
    fake_hub.add_model("Qwen/Some-Model", card, siblings=("README.md", "LICENSE"), tags=("license:other",))
    record = resolve("Qwen/Some-Model")
    licence = record.resolution.licence
    assert record.resolution.ok
    assert (licence.id, licence.declared, licence.link, licence.name) == (
        "other",
        "qwen-community-1.0",
        "LICENSE",
        None,
    )
    assert record.has_licence_file == "LICENSE"


def test_several_licences_in_the_card_are_ambiguous(fake_hub):
    fake_hub.add_model("org/dual", {"license": ["mit", "cc-by-nc-4.0"]})
    resolution = resolve("org/dual").resolution
    assert not resolution.ok
    assert resolution.problem.severity is Severity.ERROR
    assert resolution.problem.code == "licence-ambiguous"
    assert "org/dual" in resolution.problem.message
    assert "mit" in resolution.problem.message and "cc-by-nc-4.0" in resolution.problem.message
    assert resolution.licence.id is None
    assert resolution.licence.declared == "mit; cc-by-nc-4.0"


def test_several_licence_tags_are_ambiguous(fake_hub):
    fake_hub.add_model("org/two-tags", None, tags=("license:mit", "license:gpl-3.0"))
    assert resolve("org/two-tags").resolution.problem.code == "licence-ambiguous"


def test_a_one_element_list_is_that_licence(fake_hub):
    fake_hub.add_model("org/single", {"license": ["apache-2.0"]})
    resolution = resolve("org/single").resolution
    assert resolution.ok
    assert resolution.licence.id == "apache-2.0"


@pytest.mark.parametrize("value", [3, {"id": "mit"}, [None, "mit"], True])
def test_a_licence_that_is_not_text_is_a_problem(fake_hub, value):
    fake_hub.add_model("org/odd", {"license": value}, tags=("license:mit",))
    resolution = resolve("org/odd").resolution
    assert not resolution.ok
    assert resolution.problem.code == "no-licence"
    assert "org/odd" in resolution.problem.message


def test_no_licence_anywhere(fake_hub):
    fake_hub.add_model("org/bare", {"language": ["en"]}, tags=("transformers",))
    resolution = resolve("org/bare").resolution
    assert not resolution.ok
    assert resolution.licence is None
    assert resolution.problem.code == "no-licence"
    assert "org/bare" in resolution.problem.message
    assert resolution.version is not None  # the Hub answered: the commit is still known


def test_dataset(fake_hub):
    fake_hub.add_dataset("org/corpus", {"license": "cc-by-4.0", "pretty_name": "Corpus"}, sha="d" * 40)
    fake_hub.add_model("org/corpus", {"license": "mit"})  # same id, other kind: must not be used
    record = resolve("org/corpus", repo_type="dataset")
    assert record.resolution.licence.id == "cc-by-4.0"
    assert record.resolution.version == "d" * 40
    assert fake_hub.count("/api/datasets/org/corpus") == 1
    assert fake_hub.count("/api/models/") == 0


def test_dataset_with_several_licences(fake_hub):
    fake_hub.add_dataset("org/mixed", {"license": ["cc-by-4.0", "odc-by"]})
    assert resolve("org/mixed", repo_type="dataset").resolution.problem.code == "licence-ambiguous"


def test_unknown_repo_type_is_a_programming_error(fake_hub):
    with pytest.raises(ValueError):
        resolve("org/x", repo_type="space")


# -- revisions and ids ----------------------------------------------------------------------


def test_revision_with_a_slash(fake_hub):
    fake_hub.add_model("org/model", {"license": "mit"}, revisions={"refs/pr/1": "1" * 40, "v1.0": "2" * 40})
    assert resolve("org/model", "refs/pr/1").resolution.version == "1" * 40
    assert resolve("org/model", "v1.0").resolution.version == "2" * 40
    assert fake_hub.count("/api/models/org/model/revision/refs%2Fpr%2F1") == 1


def test_unknown_revision(fake_hub):
    fake_hub.add_model("org/model", {"license": "mit"})
    resolution = resolve("org/model", "no-such-branch").resolution
    assert resolution.problem.code == "hub-revision-not-found"
    assert "org/model" in resolution.problem.message
    assert "no-such-branch" in resolution.problem.message


def test_unknown_repository(fake_hub):
    resolution = resolve("org/missing").resolution
    assert resolution.problem.code == "hub-not-found"
    assert "org/missing" in resolution.problem.message
    assert not resolution.ok


def test_ids_match_case_insensitively_without_a_rename_note(fake_hub):
    fake_hub.add_model("Org/Model", {"license": "mit"})
    record = resolve("org/model")
    assert record.resolution.ok
    assert record.resolved_id == "Org/Model"
    assert record.resolution.notes == ()


def test_renamed_repository(fake_hub):
    fake_hub.add_model("new-org/new-name", {"license": "apache-2.0"}, revisions={"v2": "3" * 40})
    fake_hub.add_rename("old-org/old-name", "new-org/new-name")
    record = resolve("old-org/old-name", "v2")
    assert record.resolution.ok
    assert record.resolution.licence.id == "apache-2.0"
    assert record.resolution.version == "3" * 40
    assert record.resolved_id == "new-org/new-name"
    (note,) = record.resolution.notes
    assert (note.severity, note.code) == (Severity.WARNING, "hub-renamed")
    assert "old-org/old-name" in note.message and "now at new-org/new-name" in note.message
    assert fake_hub.count("/api/models/new-org/new-name/revision/v2?expand=") == 1


def test_invalid_repository_id(fake_hub):
    resolution = resolve("not a valid id!!").resolution
    assert resolution.problem.code == "hub-invalid-id"
    assert fake_hub.requests == []


# -- gated repositories ---------------------------------------------------------------------


def test_gated_repository_metadata_is_readable(fake_hub):
    fake_hub.add_model(
        "meta-llama/Llama-3.2-3B",
        {"license": "llama3.2", "extra_gated_prompt": "### LLAMA 3.2 COMMUNITY LICENSE AGREEMENT"},
        gated="manual",
        siblings=("LICENSE.txt", "README.md", "USE_POLICY.md", "original/LICENSE"),
        tags=("license:llama3.2",),
    )
    record = resolve("meta-llama/Llama-3.2-3B")
    assert record.resolution.ok
    assert record.resolution.licence.id == "llama3.2"
    assert record.gated == "manual"
    assert record.has_licence_file == "LICENSE.txt"


def test_gated_repository_downloads_need_the_accepted_token(fake_hub, tmp_path):
    # The fake must refuse downloads as the Hub does, or gated tests prove nothing.
    from huggingface_hub import hf_hub_download
    from huggingface_hub.errors import GatedRepoError

    fake_hub.add_model("org/gated", {"license": "llama3.1"}, gated="auto", files={"LICENSE": b"terms\n"})
    with pytest.raises(GatedRepoError):
        hf_hub_download("org/gated", "LICENSE", cache_dir=tmp_path, endpoint=fake_hub.url, token=False)
    path = hf_hub_download(
        "org/gated", "LICENSE", cache_dir=tmp_path, endpoint=fake_hub.url, token=fake_hub.accepted_token
    )
    assert Path(path).read_bytes() == b"terms\n"
    assert fake_hub.count("/org/gated/resolve/main/LICENSE") >= 2


def test_gated_answer_on_metadata_is_reported_as_gated(fake_hub):
    fake_hub.add_model("org/locked", {"license": "mit"})
    fake_hub.add_fault("org/locked", status=403, headers={"X-Error-Code": "GatedRepo"})
    assert resolve("org/locked").resolution.problem.code == "hub-gated"


# -- server failures --------------------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_error(fake_hub, status):
    fake_hub.add_model("org/model", {"license": "mit"})
    fake_hub.add_fault("org/model", status=status)
    problem = resolve("org/model").resolution.problem
    assert problem.code == "hub-server-error"
    assert f"HTTP {status}" in problem.message and "org/model" in problem.message
    assert (
        fake_hub.count("/api/models/org/model") == 1
    )  # without a retry policy, one request (tests/test_reliability.py retries)


@pytest.mark.parametrize("status", [401, 403])
def test_unauthorised(fake_hub, status):
    fake_hub.add_fault("org/private", status=status)
    problem = resolve("org/private").resolution.problem
    assert problem.code == "hub-unauthorized"
    assert f"HTTP {status}" in problem.message


def test_rate_limited(fake_hub):
    fake_hub.add_model("org/model", {"license": "mit"})
    fake_hub.add_fault("org/model", status=429, headers={"Retry-After": "30"}, times=1)
    problem = resolve("org/model").resolution.problem
    assert problem.code == "hub-rate-limited"
    assert "429" in problem.message
    assert fake_hub.count("/api/models/org/model") == 1
    assert resolve("org/model").resolution.ok  # the fault was for one request only


def test_other_http_status(fake_hub):
    fake_hub.add_fault("org/teapot", status=418)
    problem = resolve("org/teapot").resolution.problem
    assert problem.code == "hub-http-error"
    assert "418" in problem.message


@pytest.mark.parametrize("body", [b"<html>Bad gateway</html>", b"", b"\xff\xfe not utf-8"])
def test_body_that_is_not_json(fake_hub, body):
    fake_hub.add_fault("org/model", status=200, body=body, headers={"Content-Type": "text/html"})
    problem = resolve("org/model").resolution.problem
    assert problem.code == "hub-invalid-response"
    assert "org/model" in problem.message


@pytest.mark.parametrize(
    "body",
    [
        [1, 2, 3],
        "just a string",
        {"sha": "a" * 40},  # no id
        {"id": "org/model", "cardData": ["license", "mit"]},
        {"id": "org/model", "siblings": [{"name": "README.md"}]},
        {"id": "org/model", "tags": "license:mit"},
        {"id": 42},
    ],
)
def test_json_of_the_wrong_shape(fake_hub, body):
    fake_hub.add_fault("org/model", status=200, body=body)
    resolution = resolve("org/model").resolution
    assert resolution.problem.code == "hub-invalid-response"
    assert resolution.licence is None


def test_stalled_server_times_out(fake_hub):
    fake_hub.add_model("org/slow", {"license": "mit"})
    fake_hub.add_fault("org/slow", status=None, delay=30)
    started = time.monotonic()
    problem = resolve("org/slow", timeout=0.5).resolution.problem
    assert time.monotonic() - started < 5
    assert problem.code == "hub-timeout"
    assert "org/slow" in problem.message


@pytest.mark.parametrize(
    "trickle",
    [dict(trickle_headers=False), dict(endless_head=True)],
    ids=["the-body", "headers-that-never-end"],
)
def test_an_answer_trickled_a_byte_at_a_time_is_cut_off_at_the_timeout(fake_hub, trickle):
    # Every read is answered well within the timeout; the whole answer would take a minute, or for ever.
    fake_hub.add_model("org/trickle", {"license": "mit"})
    fake_hub.add_fault("org/trickle", status=None, trickle=0.1, **trickle)
    problem = resolve("org/trickle", timeout=1.0).resolution.problem
    assert (problem.code, problem.message) == ("hub-timeout", "model org/trickle: the Hub did not answer in time")


@pytest.mark.parametrize("declare_length", [True, False], ids=["with-content-length", "without"])
def test_a_metadata_answer_over_the_cap_is_refused(fake_hub, declare_length):
    from licensecheck.resolve.hub import MAX_METADATA_BYTES

    fake_hub.add_fault("org/huge", status=200, size=MAX_METADATA_BYTES + 1, declare_length=declare_length)
    problem = resolve("org/huge").resolution.problem
    assert (problem.code, problem.message) == (
        "hub-invalid-response",
        "model org/huge: the Hub's answer is larger than 16 MiB",
    )


def test_a_metadata_answer_at_the_cap_is_read(fake_hub):
    from licensecheck.resolve.hub import MAX_METADATA_BYTES

    fake_hub.add_fault("org/huge", status=200, size=MAX_METADATA_BYTES, declare_length=False)
    record = resolve("org/huge")
    # The padded object is read and parsed: it is a repository without a card or licence.
    assert (record.resolved_id, record.resolution.problem.code) == ("org/huge", "no-licence")


def test_a_huge_error_answer_is_not_read_but_still_classified(fake_hub):
    fake_hub.add_fault("org/model", status=503, size=100 * 1024 * 1024)
    problem = resolve("org/model").resolution.problem
    assert (problem.code, problem.message) == (
        "hub-server-error",
        "model org/model: the Hub failed to answer (HTTP 503); try again later",
    )


def test_metadata_nested_too_deeply_is_an_invalid_answer(fake_hub):
    fake_hub.add_fault("org/deep", status=200, body="[" * 100_000 + "]" * 100_000)
    problem = resolve("org/deep").resolution.problem
    assert (problem.code, problem.message) == (
        "hub-invalid-response",
        "model org/deep: the Hub's answer is nested too deeply to read",
    )


def test_the_http_library_is_the_one_huggingface_hub_is_built_on():
    from huggingface_hub.utils import get_session

    from licensecheck.resolve.hub_http import http_library

    assert http_library().__name__ == type(get_session()).__module__.partition(".")[0]
    assert http_library().__name__ in ("httpx", "httpx2")


def test_failures_of_the_clients_http_library_are_classified(fake_hub):
    from licensecheck.resolve.bounded import AnswerTooSlow
    from licensecheck.resolve.hub import hub_transient
    from licensecheck.resolve.hub_http import http_library

    library = http_library()
    cases = {
        library.ConnectTimeout("x"): ("hub-unreachable", None),
        library.ConnectError("x"): ("hub-unreachable", None),
        library.ReadTimeout("x"): ("hub-timeout", "the Hub did not answer in time"),
        AnswerTooSlow(): ("hub-timeout", "the Hub did not answer in time"),
        library.RemoteProtocolError("x"): (
            "hub-connection-error",
            "the connection to the Hub was closed before it answered",
        ),
        library.ReadError("x"): ("hub-connection-error", "the connection to the Hub was closed before it answered"),
        library.TooManyRedirects("x"): ("hub-http-error", None),
    }
    for error, (code, transient) in cases.items():
        assert hub_error_finding(error, "model", "org/m", None).code == code, error
        found = hub_transient(error)
        assert (found.reason if found else None) == transient, error


def test_no_module_imports_an_http_library_by_name():
    # huggingface_hub 1.x brings httpx and 2.x httpx2: naming one breaks the other.
    importing = re.compile(r"^\s*(import|from)\s+(httpx2?|requests)\b", re.MULTILINE)
    found = [
        path.name
        for path in (ROOT / "licensecheck").rglob("*.py")
        if importing.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_slow_but_in_time(fake_hub):
    fake_hub.add_model("org/slowish", {"license": "mit"})
    fake_hub.add_fault("org/slowish", status=None, delay=0.2)
    assert resolve("org/slowish", timeout=5).resolution.ok


def test_connection_refused(fake_hub, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", closed_port_url())
    problem = resolve("org/model").resolution.problem
    assert problem.code == "hub-unreachable"
    assert "org/model" in problem.message


def test_offline_mode(fake_hub, monkeypatch):
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    fake_hub.add_model("org/model", {"license": "mit"})
    assert resolve("org/model").resolution.problem.code == "offline"
    assert fake_hub.requests == []


def test_unexpected_errors_become_a_generic_finding_without_their_text():
    error = RuntimeError(f"boom http://user:{TOKEN_SENTINEL}@hub/api?token={TOKEN_SENTINEL}")
    finding = hub_error_finding(error, "model", "org/model", None)
    assert (finding.severity, finding.code) == (Severity.ERROR, "hub-error")
    assert "org/model" in finding.message and "RuntimeError" in finding.message
    assert TOKEN_SENTINEL not in finding.message


# -- lineage ----------------------------------------------------------------------------------


def test_base_model_from_card_string(fake_hub):
    fake_hub.add_model("org/ft", {"license": "llama3.1", "base_model": "meta-llama/Llama-3.1-8B"})
    record = resolve("org/ft")
    assert record.base_models == ("meta-llama/Llama-3.1-8B",)
    assert record.relation is None


def test_base_model_from_card_list_with_relation(fake_hub):
    card = {"license": "apache-2.0", "base_model": ["a/one", "b/two", "a/one"], "base_model_relation": "merge"}
    fake_hub.add_model("org/merged", card, tags=("base_model:merge:a/one", "base_model:merge:b/two"))
    record = resolve("org/merged")
    assert record.base_models == ("a/one", "b/two")
    assert record.relation == "merge"


def test_base_model_from_tags(fake_hub):
    # Shaped like a real GGUF re-upload: the Hub computed the ancestor and the relation.
    tags = (
        "transformers",
        "gguf",
        "base_model:JetBrains/Mellum2-12B-A2.5B-Thinking",
        "base_model:quantized:JetBrains/Mellum2-12B-A2.5B-Thinking",
        "license:apache-2.0",
    )
    fake_hub.add_model("mradermacher/Mellum2-12B-A2.5B-Thinking-i1-GGUF", None, tags=tags)
    record = resolve("mradermacher/Mellum2-12B-A2.5B-Thinking-i1-GGUF")
    assert record.base_models == ("JetBrains/Mellum2-12B-A2.5B-Thinking",)
    assert record.relation == "quantized"
    assert record.resolution.licence.source == "tags"


def test_card_base_model_takes_the_relation_from_tags(fake_hub):
    tags = ("base_model:org/base", "base_model:adapter:org/base")
    fake_hub.add_model("org/lora", {"license": "mit", "base_model": "org/base"}, tags=tags)
    record = resolve("org/lora")
    assert (record.base_models, record.relation) == (("org/base",), "adapter")


def test_no_base_model(fake_hub):
    fake_hub.add_model("org/root", {"license": "mit"}, tags=("license:mit",))
    record = resolve("org/root")
    assert (record.base_models, record.relation) == ((), None)


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        (
            "https://huggingface.co/meta-llama/Llama-2-7b-chat-hf",
            "meta-llama/Llama-2-7b-chat-hf",
        ),  # TheBloke's early GGUF cards
        ("https://hf.co/org/base/", "org/base"),
        ("http://huggingface.co/org/base?x=1", "org/base"),
        (
            "https://huggingface.co/org/base/tree/main",
            "https://huggingface.co/org/base/tree/main",
        ),  # not a repository link
        ("https://example.com/org/base", "https://example.com/org/base"),
    ],
)
def test_a_base_model_written_as_a_hub_link_is_its_id(fake_hub, base, expected):
    fake_hub.add_model("org/quant", {"license": "llama2", "base_model": base})
    assert resolve("org/quant").base_models == (expected,)


def test_thebloke_model_link_and_quantized_by_name_the_base(fake_hub):
    fake_hub.add_recorded_model("TheBloke/Llama-2-7B-Chat-GGML")
    record = resolve("TheBloke/Llama-2-7B-Chat-GGML")
    assert (record.base_models, record.relation) == (("meta-llama/Llama-2-7b-chat-hf",), "quantized")


def test_model_link_alone_is_not_a_base(fake_hub):
    fake_hub.add_model("org/page", {"license": "mit", "model_link": "https://huggingface.co/org/other"})
    assert resolve("org/page").base_models == ()


@pytest.mark.parametrize(
    ("card", "tags", "relation"),
    [
        ({"base_model": "org/base", "quantized_by": "someone"}, (), "quantized"),
        ({"base_model": ["org/base", "org/base"], "tags": ["mergekit", "merge"]}, (), "merge"),
        ({"base_model": "org/base"}, ("merge",), "merge"),
        ({"base_model": "org/base", "base_model_relation": "finetune", "quantized_by": "someone"}, (), "finetune"),
        ({"base_model": "org/base"}, (), None),
    ],
)
def test_the_relation_a_card_implies(fake_hub, card, tags, relation):
    fake_hub.add_model("org/derived", card, tags=tags)
    assert resolve("org/derived").relation == relation


def test_license_name_and_link_without_license_are_read(fake_hub):
    fake_hub.add_recorded_model("baichuan-inc/Baichuan2-7B-Chat")
    resolution = resolve("baichuan-inc/Baichuan2-7B-Chat").resolution
    assert resolution.problem is None
    assert (resolution.licence.id, resolution.licence.declared) == (None, "baichuan2-community-license")
    assert resolution.licence.link.endswith("Community%20License%20for%20Baichuan2%20Model.pdf")


def test_the_gate_heading_and_prompt_are_read_together(fake_hub):
    fake_hub.add_recorded_model("PericlesSavio/llama2-13b-chat-hf-finetuned")
    record = resolve("PericlesSavio/llama2-13b-chat-hf-finetuned")
    assert record.gated_prompt.startswith("Access Llama 2 on Hugging Face\n\n**Your Hugging Face account email address")
    assert record.has_readme is True


def test_the_model_facts_come_with_the_answer(fake_hub):
    fake_hub.add_recorded_model("meta-llama/Llama-3.2-3B")  # a recorded real answer
    fake_hub.add_recorded_model("meta-llama/Llama-3.2-11B-Vision-Instruct")
    fake_hub.add_dataset("org/corpus", {"license": "mit", "pipeline_tag": "image-text-to-text"})
    assert resolve("meta-llama/Llama-3.2-3B").resolution.model_facts == ModelFacts(
        holds=(), known=("multimodal", "nvidia-cosmos")
    )
    vision = resolve("meta-llama/Llama-3.2-11B-Vision-Instruct").resolution.model_facts
    assert vision == ModelFacts(holds=("multimodal",), known=("multimodal", "nvidia-cosmos"))
    assert resolve("org/corpus", repo_type="dataset").resolution.model_facts is None


# -- what the client sends ---------------------------------------------------------------------


def test_user_agent_names_licensecheck(fake_hub):
    fake_hub.add_model("org/model", {"license": "mit"})
    resolve("org/model")
    (headers,) = fake_hub.seen_headers
    assert f"licensecheck/{__version__}" in headers["user-agent"]
    assert "authorization" not in headers  # HF_TOKEN is unset


def test_token_never_appears_in_findings(fake_hub, monkeypatch):
    monkeypatch.setenv("HF_TOKEN", TOKEN_SENTINEL)
    leak = f"token {TOKEN_SENTINEL} for http://x?token={TOKEN_SENTINEL}"
    cases = {
        "org/s500": dict(status=500, body={"error": leak}, headers={"X-Error-Message": leak}),
        "org/s401": dict(status=401, body={"error": leak}, headers={"X-Error-Message": leak}),
        "org/s404": dict(status=404, body={"error": leak}, headers={"X-Error-Code": "RepoNotFound"}),
        "org/gated": dict(status=403, body={"error": leak}, headers={"X-Error-Code": "GatedRepo"}),
        "org/s429": dict(status=429, body={"error": leak}, headers={"Retry-After": "1", "X-Error-Message": leak}),
        "org/badjson": dict(status=200, body=f"not json {leak}"),
        "org/shape": dict(status=200, body=[leak]),
        "org/stall": dict(status=None, delay=30),
    }
    for repo_id, fault in cases.items():
        fake_hub.add_fault(repo_id, **fault)
    api = make_hub_api()
    findings = []
    for repo_id in cases:
        resolution = resolve_hub_repo(api, "model", repo_id, None, timeout=0.5).resolution
        assert resolution.problem is not None, repo_id
        findings += [resolution.problem, *resolution.notes]
    assert all(headers.get("authorization") == f"Bearer {TOKEN_SENTINEL}" for headers in fake_hub.seen_headers)
    for finding in findings:
        assert TOKEN_SENTINEL not in finding.message, finding
        assert "http://" not in finding.message, finding


def test_many_concurrent_resolutions(fake_hub):
    # One shared client, many threads: the fake must keep up (backlog, keep-alive).
    fake_hub.latency = 0.05
    for index in range(48):
        fake_hub.add_model(f"org/m{index}", {"license": "mit"})
    api = make_hub_api()
    with ThreadPoolExecutor(max_workers=16) as pool:
        records = list(pool.map(lambda i: resolve_hub_repo(api, "model", f"org/m{i}", None, timeout=10), range(48)))
    assert all(record.resolution.ok for record in records)


# -- process-level behaviour ---------------------------------------------------------------------

_SUBPROCESS_SCRIPT = """
import json, sys
from licensecheck.resolve.hub import make_hub_api, resolve_hub_repo
record = resolve_hub_repo(make_hub_api(), "model", "org/model", None, timeout=5)
print(json.dumps({"ok": record.resolution.ok, "problem": str(record.resolution.problem)}))
"""


def _run_resolver_process(fake_hub, tmp_path, **extra_env):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("HF_", "HUGGING"))}
    env.update(HF_ENDPOINT=fake_hub.url, HF_HOME=str(tmp_path / "hf-home"), PYTHONPATH=str(ROOT), **extra_env)
    done = subprocess.run(
        [sys.executable, "-c", _SUBPROCESS_SCRIPT], env=env, capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_no_telemetry_request_in_a_fresh_process(fake_hub, tmp_path):
    fake_hub.add_model("org/model", {"license": "mit"})
    assert _run_resolver_process(fake_hub, tmp_path)["ok"]
    assert fake_hub.count("/api/models/org/model") == 1
    assert fake_hub.count("/api/agent-harnesses") == 0


def test_telemetry_would_be_seen_if_the_user_turned_it_on(fake_hub, tmp_path):
    # Control for the test above: the fake does see the client's telemetry request.
    import huggingface_hub.constants

    if not hasattr(huggingface_hub.constants, "AGENT_HARNESSES_PATH"):
        pytest.skip("this huggingface_hub has no agent-harness registry, so it sends no such request")
    fake_hub.add_model("org/model", {"license": "mit"})
    assert _run_resolver_process(fake_hub, tmp_path, HF_HUB_DISABLE_TELEMETRY="0")["ok"]
    assert fake_hub.count("/api/agent-harnesses") >= 1


def test_importing_the_resolvers_does_not_import_the_hub_client():
    script = (
        "import sys, licensecheck.resolve.hub, licensecheck.resolve.pypi;"
        "print([m for m in sys.modules if m.split('.')[0] in ('huggingface_hub', 'httpx2', 'httpx')])"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
