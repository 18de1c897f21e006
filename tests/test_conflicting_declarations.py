"""Cards whose fields disagree, or say nothing, about the licence (issue 15), end to end.

- `license_name` and `license_link` (or `license` and `license_name`) naming different
  licences: judged under the stricter, with a `licence-conflict` warning naming both.
- A quantisation or merge whose own card says `other`, `unknown` or nothing: judged
  under its bases' licences, with the relation in a `licence-from-base` warning.
- A card without `license` but with `license_name` / `license_link`: read from those.
- A gate heading ("Access Llama 2 on Hugging Face") or the card's License section
  naming the licence the metadata leaves open.
The cards are real: tests/data/hub_cards/cards.json says where each comes from.
"""

from __future__ import annotations

import pytest
from cli_helpers import component, scan_json, scan_report

from licensecheck.card import card_licence_sections
from licensecheck.evaluate import evaluate_conflict, evaluate_rule
from licensecheck.identify import identify_hub_licence, licence_named_in_card_body
from licensecheck.knowledge import load_knowledge
from licensecheck.model import Context, LicenceInfo, Verdict

SAAS = ("--users", "2M", "--org-users", "2M")


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def project(fake_hub, tmp_path, *repo_ids, bases=()):
    for repo_id in (*repo_ids, *bases):
        fake_hub.add_recorded_model(repo_id)
    (tmp_path / "models.yaml").write_text("models:\n" + "".join(f"  - {repo_id}\n" for repo_id in repo_ids))
    return tmp_path


def conflict_finding(entry: dict) -> dict:
    (finding,) = [f for f in entry["findings"] if f["code"] == "licence-conflict"]
    assert finding["severity"] == "warning"
    return finding


# -- license_name against license_link, license against license_name --------------------------


def test_qwen25_3b_name_and_link_disagree_judged_under_the_research_licence(fake_hub, tmp_path):
    root = project(fake_hub, tmp_path, "Qwen/Qwen2.5-3B")
    code, document = scan_json(root, *SAAS)
    entry = component(document, "Qwen/Qwen2.5-3B")
    assert code == 1 and entry["verdict"] == "denied" and entry["license"]["id"] == "qwen-research"
    assert conflict_finding(entry)["message"] == (
        "the card names different licences (license_name names qwen, license_link names qwen-research): judged under "
        "the stricter, qwen-research (from license_link); ask the publisher which applies"
    )
    # Research use: both licences allow it; the research licence still binds more.
    document = scan_report(root, "--use", "non-commercial", "--distribution", "internal", code=0)
    entry = component(document, "Qwen/Qwen2.5-3B")
    assert entry["verdict"] == "conditional" and entry["license"]["id"] == "qwen-research"


@pytest.mark.parametrize(
    ("repo_id", "declared", "named"),
    [
        ("01-ai/Yi-VL-6B", "apache-2.0", "yi-license"),
        ("cognitivecomputations/dolphin-2_6-phi-2", "mit", "microsoft-research-license"),
    ],
)
def test_license_against_license_name_fails_closed(fake_hub, tmp_path, knowledge, repo_id, declared, named):
    code, document = scan_json(project(fake_hub, tmp_path, repo_id), *SAAS)
    entry = component(document, repo_id)
    message = conflict_finding(entry)["message"]
    named_rule = knowledge.lookup(named)  # rules for these licences may come: the conflict stays either way
    shown = named_rule.id if named_rule is not None else named
    assert message.startswith(
        f"the card names different licences (license names {declared}, license_name names {shown}): "
    )
    if named_rule is None:
        # No rule knows the named licence yet: it is unknown, so the verdict fails closed.
        assert entry["verdict"] == "unknown" and code == 3
        assert f"judged under the stricter, {named} (from license_name)" in message
        assert any(f["code"] == "licence-unknown-id" for f in entry["findings"])
    else:
        permissive = evaluate_rule(knowledge.lookup(declared), Context(users=2_000_000, org_users=2_000_000))
        assert Verdict(entry["verdict"]).rank >= permissive.verdict.rank and entry["verdict"] != "allowed"


def test_the_stricter_is_the_worse_verdict_then_the_longer_list_of_duties(knowledge):
    internal = Context(use="commercial", distribution="internal")
    # Both allow internal use without a duty: the less permissive kind of licence is the stricter.
    for declarations in (
        (("license", "mit"), ("license_name", "gpl-3.0")),
        (("license", "gpl-3.0"), ("license_name", "mit")),
    ):
        evaluation, chosen = evaluate_conflict(declarations, knowledge, internal)
        assert (chosen, evaluation.verdict) == ("gpl-3.0", Verdict.ALLOWED)
    evaluation, chosen = evaluate_conflict((("license", "mit"), ("license_name", "cc-by-nc-4.0")), knowledge, Context())
    assert (chosen, evaluation.verdict) == ("cc-by-nc-4.0", Verdict.DENIED)
    evaluation, chosen = evaluate_conflict(
        (("license", "cc-by-nc-4.0"), ("license_name", "no-such-licence")), knowledge, Context()
    )
    assert (chosen, evaluation.verdict) == ("cc-by-nc-4.0", Verdict.DENIED)  # denied is worse than unknown
    evaluation, chosen = evaluate_conflict(
        (("license", "apache-2.0"), ("license_name", "no-such-licence")), knowledge, Context()
    )
    assert (chosen, evaluation.verdict) == ("no-such-licence", Verdict.UNKNOWN)


@pytest.mark.parametrize(
    ("info", "conflict"),
    [
        (
            LicenceInfo("apache-2.0", "card", declared="yi-license"),
            (("license", "apache-2.0"), ("license_name", "yi-license")),
        ),
        (LicenceInfo("mit", "card", declared="MIT License"), ()),  # the same licence, spelt otherwise
        (LicenceInfo("llama3", "card", declared="llama3", link="LICENSE"), ()),  # Meta's own cards
        (LicenceInfo("mit", "card", link="https://example.com/LICENSE"), ()),  # an unrecognised link names nothing
        (LicenceInfo("other", "card", declared="other", link="https://mistral.ai/licenses/MRL-0.1.md"), ()),
        (LicenceInfo("unknown", "card", declared="qwen"), ()),  # `unknown` names nothing: the name settles it
        (LicenceInfo("mit", "override", declared="llama2"), ()),  # the manifest's override is the word
        (
            LicenceInfo(
                "other", "card", declared="qwen", link="https://huggingface.co/Qwen/Qwen2.5-3B/blob/main/LICENSE"
            ),
            (("license_name", "qwen"), ("license_link", "qwen-research")),
        ),
        (
            LicenceInfo(
                "llama3.1", "card", link="https://huggingface.co/meta-llama/Llama-3.2-1B/blob/main/LICENSE.txt"
            ),
            (("license", "llama3.1"), ("license_link", "llama3.2")),
        ),
    ],
)
def test_which_fields_conflict(info, conflict, knowledge):
    assert identify_hub_licence(info, knowledge).conflict == conflict


# -- quantisations and merges whose own card leaves the licence open ---------------------------


def test_thebloke_ggml_with_model_link_is_judged_under_llama2(fake_hub, tmp_path):
    root = project(fake_hub, tmp_path, "TheBloke/Llama-2-7B-Chat-GGML", bases=["meta-llama/Llama-2-7b-chat-hf"])
    code, document = scan_json(root, *SAAS)
    entry = component(document, "TheBloke/Llama-2-7B-Chat-GGML")
    assert code == 0 and entry["verdict"] == "conditional"
    assert [(e["name"], e["relation"], e["license"]["id"]) for e in entry["lineage"]] == [
        ("meta-llama/Llama-2-7b-chat-hf", "quantized", "llama2")
    ]
    (from_base,) = [f for f in entry["findings"] if f["code"] == "licence-from-base"]
    assert from_base["severity"] == "warning" and from_base["message"].startswith(
        "TheBloke/Llama-2-7B-Chat-GGML is a quantisation of meta-llama/Llama-2-7b-chat-hf (llama2) and its card does not say"
    )
    (own,) = [f for f in entry["findings"] if f["code"] == "licence-unrecognised"]
    assert own["severity"] == "warning"  # still said, no longer an error: the bases' terms decide
    assert any("[llama2 " in o for o in entry["obligations"])


def test_an_early_ggml_card_naming_no_base_stays_unknown(fake_hub, tmp_path):
    root = project(fake_hub, tmp_path, "TheBloke/Llama-2-70B-Chat-GGML")
    code, document = scan_json(root, *SAAS)
    entry = component(document, "TheBloke/Llama-2-70B-Chat-GGML")
    assert code == 3 and entry["verdict"] == "unknown" and entry["lineage"] == []


def test_a_quantisation_declaring_nothing_is_judged_under_its_base(fake_hub, tmp_path):
    root = project(fake_hub, tmp_path, "MaziyarPanahi/Qwen3-4B-GGUF", bases=["Qwen/Qwen3-4B"])
    code, document = scan_json(root, *SAAS)
    entry = component(document, "MaziyarPanahi/Qwen3-4B-GGUF")
    assert code == 0 and entry["verdict"] == "allowed"
    codes = {(f["code"], f["severity"]) for f in entry["findings"]}
    assert codes == {("licence-from-base", "warning"), ("no-licence", "warning")}
    assert not any(f["severity"] == "error" for f in entry["findings"])


def test_a_self_merge_is_judged_under_its_base(fake_hub, tmp_path):
    root = project(
        fake_hub, tmp_path, "mlabonne/Meta-Llama-3-120B-Instruct", bases=["meta-llama/Meta-Llama-3-70B-Instruct"]
    )
    document = scan_report(root, *SAAS, code=0)
    entry = component(document, "mlabonne/Meta-Llama-3-120B-Instruct")
    assert entry["verdict"] == "conditional"
    (from_base,) = [f for f in entry["findings"] if f["code"] == "licence-from-base"]
    assert "is a merge of meta-llama/Meta-Llama-3-70B-Instruct (llama3)" in from_base["message"]
    document = scan_report(root, "--users", "2M", "--org-users", "900M", code=1)
    assert component(document, "mlabonne/Meta-Llama-3-120B-Instruct")["verdict"] == "denied"


def test_a_quantisation_whose_base_cannot_be_resolved_stays_unknown(fake_hub, tmp_path):
    root = project(fake_hub, tmp_path, "MaziyarPanahi/Qwen3-4B-GGUF")  # Qwen/Qwen3-4B not on the Hub
    code, document = scan_json(root, *SAAS)
    entry = component(document, "MaziyarPanahi/Qwen3-4B-GGUF")
    assert code == 3 and entry["verdict"] == "unknown"
    assert not any(f["code"] == "licence-from-base" for f in entry["findings"])


def test_a_quantisation_the_hub_did_not_answer_for_stays_unknown(fake_hub, tmp_path):
    root = project(fake_hub, tmp_path, "MaziyarPanahi/Qwen3-4B-GGUF", bases=["Qwen/Qwen3-4B"])
    fake_hub.add_fault(
        "MaziyarPanahi/Qwen3-4B-GGUF", status=404, body={"error": "gone"}, headers={"X-Error-Code": "RepoNotFound"}
    )
    code, document = scan_json(root, *SAAS)
    assert code == 3 and component(document, "MaziyarPanahi/Qwen3-4B-GGUF")["verdict"] == "unknown"


def test_falcon_gguf_says_unknown_and_its_card_names_the_licence(fake_hub, tmp_path):
    root = project(fake_hub, tmp_path, "TheBloke/Falcon-180B-Chat-GGUF", bases=["tiiuae/falcon-180B-chat"])
    document = scan_report(root, *SAAS, code=0)
    entry = component(document, "TheBloke/Falcon-180B-Chat-GGUF")
    assert entry["license"]["id"] == "falcon-180b"
    own, base = [f["message"] for f in entry["findings"] if f["code"] == "licence-recognised"]
    assert (
        own
        == "licence declared 'unknown', recognised as Falcon 180B TII License 1.0 from the License section of its card (README.md)"
    )
    assert base.startswith(
        "from tiiuae/falcon-180B-chat (falcon-180b): licence declared 'unknown', recognised as Falcon 180B"
    )
    assert [(e["name"], e["relation"], e["license"]["id"]) for e in entry["lineage"]] == [
        ("tiiuae/falcon-180B-chat", "quantized", "falcon-180b")
    ]


# -- no `license`, but license_name / license_link; "declares no licence" only when nothing -----


def test_baichuan2_is_read_from_license_name_and_link(fake_hub, tmp_path, knowledge):
    root = project(fake_hub, tmp_path, "baichuan-inc/Baichuan2-7B-Chat")
    document = scan_report(root, *SAAS, code=1)
    entry = component(document, "baichuan-inc/Baichuan2-7B-Chat")
    messages = " ".join(f["message"] for f in entry["findings"])
    assert "declares no licence" not in messages
    rule = knowledge.lookup("baichuan2-community-license")
    if rule is None:
        assert entry["verdict"] == "unknown"
        assert (
            "custom licence (no `license` field, license_name 'baichuan2-community-license', license_link " in messages
        )
    else:
        assert entry["license"]["id"] == rule.id and "no `license` field licence recognised as" in messages


def test_a_card_declaring_nothing_at_all_says_so(fake_hub, tmp_path):
    fake_hub.add_model("acme/silent", {"language": ["en"]})
    (tmp_path / "models.yaml").write_text("models:\n  - acme/silent\n")
    code, document = scan_json(tmp_path, *SAAS)
    (problem,) = [f for f in component(document, "acme/silent")["findings"] if f["code"] == "no-licence"]
    assert code == 3 and problem["message"] == (
        "model acme/silent: declares no licence (no `license`, `license_name` or `license_link` in its card, and no "
        "licence tag); ask the publisher or declare an override"
    )


# -- the gate heading and the card's License section --------------------------------------------


def test_the_llama2_gate_heading_identifies_the_licence(fake_hub, tmp_path):
    root = project(fake_hub, tmp_path, "PericlesSavio/llama2-13b-chat-hf-finetuned")
    code, document = scan_json(root, *SAAS)
    entry = component(document, "PericlesSavio/llama2-13b-chat-hf-finetuned")
    assert code == 0 and entry["license"]["id"] == "llama2" and entry["verdict"] == "conditional"
    (note,) = [f for f in entry["findings"] if f["code"] == "licence-recognised"]
    assert note["message"] == (
        "no licence declared in the card's metadata; recognised as Llama 2 Community License Agreement from the gated "
        "repository's access prompt (extra_gated_heading, extra_gated_prompt)"
    )


def test_a_license_section_naming_the_licence_decides_an_other_card(fake_hub, tmp_path):
    readme = b"---\nlicense: other\n---\n# Acme 7B\n\n## License\n\nReleased under the [Llama 3.1 Community License](https://llama.meta.com/llama3_1/license/).\n"
    fake_hub.add_model("acme/acme-7b", {"license": "other"}, files={"README.md": readme})
    (tmp_path / "models.yaml").write_text("models:\n  - acme/acme-7b\n")
    document = scan_report(tmp_path, *SAAS, code=0)
    entry = component(document, "acme/acme-7b")
    assert entry["license"]["id"] == "llama3.1"
    assert any("from the License section of its card (README.md)" in f["message"] for f in entry["findings"])


SECTION_CASES = [
    ("## License\n\nThis model is released under the Apache 2.0 license.\n", "apache-2.0"),
    (
        "## 📄 Licence\nSee https://www.llama.com/llama3/license/ for the terms.\n## Usage\nApache 2.0 elsewhere\n",
        "llama3",
    ),
    (
        "- **License:** [Falcon-180B TII License](https://huggingface.co/tiiuae/falcon-180B-chat/blob/main/LICENSE.txt)\n",
        "falcon-180b",
    ),
    ("**License** MIT License\n", "mit"),
    # Two licences named: the section does not say which binds the model.
    ("## License\nThe code is under the MIT License; the weights under the Llama 3.1 Community License.\n", None),
    ("## License\nSee the LICENSE file.\n", None),
    ("## Usage\nThis model is released under the Apache 2.0 license.\n", None),  # not a License section
    ("---\nlicense: mit\n---\nNo section at all, MIT License mentioned in passing.\n", None),
]


@pytest.mark.parametrize(("text", "expected"), SECTION_CASES)
def test_licence_named_in_the_card_body(text, expected, knowledge):
    assert licence_named_in_card_body(text, knowledge) == expected


def test_card_licence_sections_stop_at_the_next_heading_of_the_same_level():
    text = "# Model\n## License\nline one\n### Details\nline two\n## Citation\nline three\n"
    assert card_licence_sections(text) == ["line one\n### Details\nline two"]


@pytest.mark.parametrize("closing", ["---", "..."])
def test_card_licence_sections_skip_the_front_matter_as_the_card_reader_delimits_it(closing):
    """The body starts where card.py's front matter ends (YAML's `...` closes it too): a
    `# License` comment in the metadata is not a section."""
    text = f"\ufeff---\n# License: see below\nlicense: other\n{closing}\n# Model\n## License\nApache 2.0\n"
    assert card_licence_sections(text) == ["Apache 2.0"]
