"""ids.hub_reference's edges: what a repository id may look like, and the prefixes it strips."""

from __future__ import annotations

import pytest

from licensecheck.discover.ids import HubId, hub_reference

# The shape of an id (model.is_valid_repo_id) decides before anything else: one or two parts of
# 1 to 96 letters, digits, `_`, `.`, `-`, neither starting nor ending with `.` or `-`, no `--` or `..`.
SHAPES = {
    "org/name": HubId("model", "org/name"),
    "o/n": HubId("model", "o/n"),
    "org/_name_": HubId("model", "org/_name_"),
    "a" * 96 + "/b": HubId("model", "a" * 96 + "/b"),
    "org/" + "b" * 96: HubId("model", "org/" + "b" * 96),
    "a" * 97 + "/b": None,
    "org/" + "b" * 97: None,
    "org/na--me": None,
    "org/na..me": None,
    "-org/name": None,
    "org./name": None,
    "org/.name": None,
    "org/name-": None,
    "org/name/more": None,
    "org//name": None,
    "org/": None,
    "./org/name": None,
    "../org/name": None,
    "~/org/name": None,
    "/org/name": None,
    "C:\\org\\name": None,
    "org\\name": None,
    "s3://bucket/key": None,
    "org/na me": None,
    "orgé/name": None,
    "org/name\n": None,
    "2023/10": None,
    "org/v1.2": None,
}

PREFIXED = {
    "hf.co/org/name:Q4_K_M": HubId("model", "org/name"),
    "huggingface/org/name": HubId("model", "org/name"),
    "hf-hub:org/name": HubId("model", "org/name"),
    "hf://datasets/org/set@v1/train.csv": HubId("dataset", "org/set", "v1"),
    "HF://org/name": HubId("model", "org/name"),
    "https://huggingface.co/org/name/resolve/abc123/model.bin": HubId("model", "org/name", "abc123"),
    "https://huggingface.co/docs/hub": None,
}


@pytest.mark.parametrize(("text", "expected"), SHAPES.items())
def test_the_shape_of_an_id_decides_first(text, expected):
    assert hub_reference(text, "model", None) == expected


@pytest.mark.parametrize(("text", "expected"), PREFIXED.items())
def test_prefixes_are_stripped_with_or_without_a_colon(text, expected):
    assert hub_reference(text, "model", None) == expected
    # a loader that reaches the Hub only through a prefix takes these all the same
    assert hub_reference(text, "model", None, prefixed_only=True) == expected


def test_a_plain_id_is_refused_where_only_prefixed_names_reach_the_hub():
    assert hub_reference("org/name", "model", None, prefixed_only=True) is None


def test_every_key_and_suffix_holds_a_word_the_key_prefilter_looks_for():
    """key_type refuses a key without one of _KEY_WORD's words before it is normalised: a key or
    suffix added to the tables without such a word would never be recognised."""
    from licensecheck.discover import keys

    names = (
        keys.MODEL_KEYS
        | keys.DATASET_KEYS
        | keys.MIXER_KEYS
        | keys.TABLE_KEYS
        | {"role" + suffix for suffix in keys._MODEL_SUFFIXES + keys._DATASET_SUFFIXES}
    )
    assert sorted(name for name in names if keys._KEY_WORD.search(name) is None) == []
    assert sorted(name for name in names if keys.key_type(name) is None) == []


def test_a_bare_name_in_capitals_is_a_placeholder_and_not_applicable_is_no_repository():
    """`--dataset="DATASET_PATH"` in a launcher stands for a value to fill in; a table's `N/A` for none."""
    assert hub_reference("DATASET_PATH", "dataset", None) is None
    assert hub_reference("YOUR_MODEL_NAME", "model", None) is None
    assert hub_reference("N/A", "model", None) is None
    # what is not such a placeholder is still read
    assert hub_reference("squad", "dataset", None) == HubId("dataset", "squad", None)
    assert hub_reference("GAIR/LIMO", "dataset", None) == HubId("dataset", "GAIR/LIMO", None)
    assert hub_reference("ORG-X/MODEL_Y", "model", None) == HubId("model", "ORG-X/MODEL_Y", None)


@pytest.mark.parametrize("text", ["pathto/data", "path-to/model"])
def test_path_to_run_together_is_a_placeholder(text):
    # `DATA="pathto/data"` in a fine-tuning script: the reader is to put their path there
    assert hub_reference(text, "dataset", None) is None
    assert hub_reference("pathways/model", "model", None) == HubId("model", "pathways/model")


def test_a_namespace_with_an_underscore_is_a_folder_unless_a_hub_prefix_says_otherwise():
    """Hub user and organisation names are letters, digits and dashes; repository names may hold `_`."""
    assert hub_reference("hugging_cache/llama-2-7b", "model", None) is None
    assert hub_reference("_org/_name_", "model", None) is None
    assert hub_reference("org/_name_", "model", None) == HubId("model", "org/_name_")
    assert hub_reference("hf-hub:acme_lab/vit-b", "model", None) == HubId("model", "acme_lab/vit-b")


@pytest.mark.parametrize("text", ["datasets/code_sft", "spaces/demo", "Datasets/nlvr2"])
def test_a_path_under_datasets_or_spaces_is_a_folder_since_the_hub_reserves_those_names(text):
    # On the Hub `datasets/` and `spaces/` start a URL path; no user or organisation has either name
    assert hub_reference(text, "dataset", None) is None
    assert hub_reference("hf://datasets/org/set", "dataset", None) == HubId("dataset", "org/set")
