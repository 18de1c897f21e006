"""The licence a card's License section states, read only when it states exactly one.

The texts are real: each case reads the License section recorded for that repository in
tests/data/hub_cards/corpus.json (`readme_excerpt`), where a measurement over 1427 cards found
the card body read wrongly (issue 15, "the licence stated in the card's body"). The rule fails
closed: the section identifies a licence only when it names one licence licensecheck knows, as
whole words not negated or qualified ("Non-commercial license" is not a "commercial license"),
with link text read apart from its target, a family beside its member counting as the member,
and nothing else named as a licence and no use-limited grant; otherwise the licence stays
unknown and a `card-licence-unclear` note quotes what the section says.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import component, scan_json

from licensecheck.identify import read_card_licence
from licensecheck.knowledge import load_knowledge

CORPUS = json.loads((Path(__file__).parent / "data" / "hub_cards" / "corpus.json").read_text(encoding="utf-8"))
SAAS = ("--users", "2M", "--org-users", "2M")
SECTION = "the License section of its card (README.md)"


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def card_text(repo_id: str) -> str:
    return CORPUS["models"][repo_id]["readme_excerpt"]


@pytest.mark.parametrize(
    ("repo_id", "unknown"),
    [
        # "you must comply with the Apache 2.0 License and the [License Agreement for Large Language Models Nanbeige](...)"
        (
            "Nanbeige/Nanbeige-16B-Base",
            "'南北阁大语言模型许可协议', 'License Agreement for Large Language Models Nanbeige'",
        ),
        (
            "Nanbeige/Nanbeige-16B-Chat",
            "'南北阁大语言模型许可协议', 'License Agreement for Large Language Models Nanbeige'",
        ),
        # Apache-2.0 for the code, a community licence for the weights: neither apache-2.0 alone, nor proprietary
        # read out of the COMMERCIAL_LICENSE link target.
        (
            "cognitivecomputations/yayi2-30b-llama",
            "'雅意YAYI 2 模型社区许可协议', '雅意 YAYI 2 模型商用许可协议', 'YAYI 2 Community License'",
        ),
    ],
)
def test_apache_beside_a_licence_no_rule_knows_is_not_apache_alone(repo_id, unknown, knowledge):
    read = read_card_licence(card_text(repo_id), knowledge)
    assert read.id is None
    assert read.unclear.startswith(
        f"{SECTION} names apache-2.0 and something no licence rule knows ({unknown}), so it does not identify the "
        f"licence; it says '{card_text(repo_id).split(chr(10), 2)[2][:20]}"
    )


def test_a_grant_for_personal_and_academic_use_only_is_not_the_licence(knowledge):
    read = read_card_licence(card_text("dreamgen/opus-v0-7b"), knowledge)
    assert read == type(read)(
        None,
        f"{SECTION} names apache-2.0 but qualifies the grant ('personal and academic use'), so it does not identify the "
        "licence; it says '- For personal and academic use: Same license as the base model, in this case Apache 2.0. "
        "- For commercial use: Please reach out to hello@dreamgen.com.'",
    )


def test_non_commercial_license_is_not_the_proprietary_commercial_license(knowledge):
    read = read_card_licence(card_text("lmsys/vicuna-33b-v1.3"), knowledge)
    assert (read.id, read.unclear) == (
        None,
        f"{SECTION} qualifies the grant ('non commercial'), so it does not identify the licence; it says "
        "'- **License:** Non-commercial license'",
    )


@pytest.mark.parametrize("repo_id", ["augtoma/qCammel-13", "augtoma/qCammel-70-x", "codellama/CodeLlama-70b-Python-hf"])
def test_metas_custom_commercial_license_line_is_not_the_proprietary_licence(repo_id, knowledge):
    # "**License** A custom commercial license is available at: [https://ai.meta.com/...llama-downloads/](...)"
    read = read_card_licence(card_text(repo_id), knowledge)
    assert read.id is None
    assert read.unclear == (
        f"{SECTION} names no licence licensecheck knows, so it does not identify the licence; it says '**License** A "
        "custom commercial license is available at: [https://ai.meta.com/resources/models-and-libraries/llama-downloads/]"
        "(https://ai.meta.com/resources/mo…'"
    )


@pytest.mark.parametrize("repo_id", ["allenai/tulu-2-7b", "allenai/tulu-2-13b", "allenai/tulu-2-dpo-7b"])
def test_a_linked_name_reads_as_the_words_around_it(repo_id, knowledge):
    # "- **License:** [AI2 ImpACT](https://allenai.org/impact-license) Low-risk license."
    assert read_card_licence(card_text(repo_id), knowledge).id == "ai2-impact-lr"


def test_a_family_named_beside_its_member_is_the_member(knowledge):
    # "Non-Commercial Creative Commons license ([CC BY-NC-4.0](...))": cc and cc-by-nc-4.0 are one licence, and
    # "Non-Commercial" is what that licence grants, not a limit on it.
    read = read_card_licence(card_text("upstage/Llama-2-70b-instruct-v2"), knowledge)
    assert (read.id, read.unclear) == ("cc-by-nc-4.0", None)
    assert read_card_licence("## License\nCreative Commons license (CC BY-SA 4.0)\n", knowledge).id == "cc-by-sa-4.0"


def test_the_licence_of_the_base_weights_is_not_the_models(knowledge):
    read = read_card_licence(card_text("garage-bAInd/Camel-Platypus2-13B"), knowledge)
    assert read.id is None and "names cc-by-nc-4.0 but qualifies the grant ('for base weights')" in read.unclear


def test_a_link_that_only_points_names_nothing_of_its_own(knowledge):
    # "- **License:** Yi License [Link](https://huggingface.co/01-ai/Yi-6B/blob/main/LICENSE)"
    assert read_card_licence(card_text("llmware/dragon-yi-6b-v0"), knowledge).id == "yi-license"


@pytest.mark.parametrize(
    "text",
    [
        "## License\nThis model is released under the MIT License; see [LICENSE](LICENSE).\n",
        "## License\nThis model is released under the MIT License; see [the license file](./LICENSE.md).\n",
    ],
)
def test_a_link_to_the_licence_file_is_a_pointer_not_another_licence(text, knowledge):
    assert read_card_licence(text, knowledge).id == "mit"


def test_a_url_is_a_link_not_words_of_the_section(knowledge):
    # yayi2's "[...](https://github.com/wenge-research/YAYI2/blob/main/COMMERCIAL_LICENSE)" once read as the words
    # "commercial license" (the proprietary rule); a bare URL is no different.
    text = "## License\nApache 2.0; the text is at https://example.com/terms/commercial-license/ too.\n"
    assert read_card_licence(text, knowledge).id == "apache-2.0"
    text = "## License\nApache 2.0; the text is at [our site](docs/commercial-license/) too.\n"
    assert read_card_licence(text, knowledge).id == "apache-2.0"


def test_the_quote_is_escaped_and_cut_short(knowledge):
    text = "## License\nSee \x1b[31mour terms\u202e " + "x" * 300 + "\n"
    read = read_card_licence(text, knowledge)
    quoted = "See \x1b[31mour terms\u202e " + "x" * 300
    assert read.unclear == (
        f"{SECTION} names no licence licensecheck knows, so it does not identify the licence; it says "
        f"{quoted[:159] + '…'!r}"
    )
    assert "\x1b" not in read.unclear and "\u202e" not in read.unclear


def test_a_card_without_a_license_section_says_nothing(knowledge):
    assert read_card_licence("# Model\n\nApache 2.0 mentioned in passing.\n", knowledge) == type(
        read_card_licence("", knowledge)
    )(None, None)


# -- through the resolver: the note reaches the report, the licence stays unknown -----------------


@pytest.mark.parametrize(
    ("repo_id", "declares", "start"),
    [
        (
            "Nanbeige/Nanbeige-16B-Base",
            "licence-unrecognised",
            "names apache-2.0 and something no licence rule knows ('南北阁",
        ),
        ("dreamgen/opus-v0-7b", "no-licence", "names apache-2.0 but qualifies the grant ('personal and academic use')"),
        ("lmsys/vicuna-33b-v1.3", "no-licence", "qualifies the grant ('non commercial')"),
        ("augtoma/qCammel-13", "licence-unrecognised", "names no licence licensecheck knows"),
    ],
)
def test_an_unclear_license_section_leaves_the_licence_unknown_with_a_note(
    fake_hub, tmp_path, repo_id, declares, start
):
    fake_hub.add_recorded_model(repo_id, corpus="corpus.json")
    (tmp_path / "models.yaml").write_text(f"models:\n  - {repo_id}\n")
    code, document = scan_json(tmp_path, *SAAS)
    entry = component(document, repo_id)
    assert (code, entry["verdict"]) == (3, "unknown")
    assert declares in {f["code"] for f in entry["findings"]}
    (note,) = [f for f in entry["findings"] if f["code"] == "card-licence-unclear"]
    assert note["severity"] == "warning"
    assert note["message"].startswith(f"model {repo_id}: {SECTION} {start}")
    assert "so it does not identify the licence; it says '" in note["message"]
