from pathlib import Path

import pytest

from licensecheck.errors import InputError
from licensecheck.model import Component, LicenceOverride, Location, is_valid_repo_id
from licensecheck.sources.manifest import read_manifest

ASSETS = Path(__file__).parent / "assets"


def read(directory: Path, text: str, name: str = "models.yaml"):
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return read_manifest(path, directory)


def error_of(directory: Path, text: str) -> str:
    with pytest.raises(InputError) as caught:
        read(directory, text)
    return str(caught.value)


def test_asset_manifest_short_and_long_forms():
    where = "manifest/models.yaml"
    assert read_manifest(ASSETS / "manifest" / "models.yaml", ASSETS) == [
        Component(type="model", name="meta-llama/Llama-3.1-8B-Instruct", locations=(Location(where, 2),)),
        Component(
            type="model",
            name="Qwen/Qwen2.5-7B-Instruct",
            revision="a09a35458c702b33eeacc393d103063234e8bc28",
            override=LicenceOverride("apache-2.0", "checked by legal, ticket LEG-12", Location(where, 5)),
            locations=(Location(where, 3),),
        ),
        Component(
            type="model",
            name="acme/support-bot",
            own=True,
            base_models=("meta-llama/Llama-3.1-8B-Instruct",),
            relation="finetune",
            locations=(Location(where, 7),),
        ),
        Component(type="dataset", name="HuggingFaceFW/fineweb", locations=(Location(where, 12),)),
        Component(type="dataset", name="allenai/c4", revision="main", locations=(Location(where, 13),)),
    ]


def test_empty_file_and_empty_lists_yield_nothing(tmp_path):
    assert read(tmp_path, "") == []
    assert read(tmp_path, "# nothing yet\n") == []
    assert read(tmp_path, "models: []\ndatasets: []\n") == []
    assert read(tmp_path, "models:\n# - gpt2\n") == []


def test_yml_extension_legacy_ids_base_model_list_and_duplicates(tmp_path):
    text = (
        "models:\n"
        "  - gpt2\n"
        "  - id: acme/merged\n"
        "    own: yes\n"
        "    base_model: [org/a, org/b]\n"
        "    relation: merge\n"
        "  - gpt2\n"
    )
    components = read(tmp_path, text, name="models.yml")
    assert [(c.name, c.own, c.base_models, c.relation, c.locations) for c in components] == [
        ("gpt2", False, (), None, (Location("models.yml", 2),)),
        ("acme/merged", True, ("org/a", "org/b"), "merge", (Location("models.yml", 3),)),
        ("gpt2", False, (), None, (Location("models.yml", 7),)),
    ]


def test_own_model_without_base_model_is_allowed(tmp_path):
    [component] = read(tmp_path, "models:\n  - id: acme/scratch\n    own: true\n")
    assert (component.own, component.base_models, component.relation) == (True, (), None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("models: [gpt2\n", "models.yaml:2: invalid YAML: "),
        ("models:\n  - a/b\n - c/d\n", "models.yaml:3: invalid YAML: "),
        ("models: []\n---\ndatasets: []\n", "models.yaml:2: invalid YAML: "),
        ("- gpt2\n", "models.yaml:1: the manifest must be a mapping"),
        ("just text\n", "models.yaml:1: the manifest must be a mapping"),
        (
            "models: []\nmodel: [gpt2]\n",
            "models.yaml:2: unknown key 'model' at the top level: did you mean 'models'? valid keys are models, datasets",
        ),
        ("models:\n  id: gpt2\n", "models.yaml:2: `models` must be a list of entries, got a mapping"),
        ("datasets: allenai/c4\n", "models.yaml:1: `datasets` must be a list of entries, got a string"),
        ("models: []\nmodels: []\n", "models.yaml:2: key 'models' appears twice (first on line 1)"),
        (
            "models:\n  - 42\n",
            "models.yaml:2: a model entry must be a repository id or a mapping with `id:`, got a number",
        ),
        (
            "models:\n  - [a/b]\n",
            "models.yaml:2: a model entry must be a repository id or a mapping with `id:`, got a list",
        ),
        (
            "models:\n  - id: a/b\n    licence: mit\n",
            "models.yaml:3: unknown key 'licence' in a model entry: did you mean 'license'? "
            "valid keys are id, revision, license, reason, own, base_model, relation",
        ),
        (
            "models:\n  - id: a/b\n    base_models: [c/d]\n",
            "models.yaml:3: unknown key 'base_models' in a model entry: did you mean 'base_model'?",
        ),
        ("models:\n  - revision: main\n", "models.yaml:2: this model entry has no `id:`"),
        ("models:\n  - id: a/b\n    id: c/d\n", "models.yaml:3: key 'id' appears twice (first on line 2)"),
        (
            "models:\n  - id: a/b\n    revision: 1.0\n",
            'models.yaml:3: `revision` must be a string, got a number (quote it: revision: "1.0")',
        ),
        ("models:\n  - id: a/b\n    revision:\n", "models.yaml:3: `revision` must be a string, got nothing"),
        ("models:\n  - id: [a/b]\n", "models.yaml:2: `id` must be a string, got a list"),
        ("models:\n  - id: a/b\n    own: 'true'\n", "models.yaml:3: `own` must be true or false, got a string"),
        ("models:\n  - id: a/b\n    license: 2\n    reason: x\n", "models.yaml:3: `license` must be a string"),
        ("models:\n  - id: a/b\n\n    license: mit\n", "models.yaml:4: a `license` override needs a `reason:`"),
        ("models:\n  - id: a/b\n    reason: legal said so\n", "models.yaml:3: `reason` explains a `license` override"),
        ("models:\n  - id: a/b\n    license: mit\n    reason: '  '\n", "models.yaml:4: `reason` is empty"),
        ("models:\n  - id: a/b\n    license: ''\n    reason: r\n", "models.yaml:3: `license` is empty"),
        (
            "models:\n  - id: a/b\n    base_model: c/d\n",
            "models.yaml:3: `base_model` describes how your own model derives from others: add `own: true`",
        ),
        (
            "models:\n  - id: a/b\n    own: false\n    base_model: c/d\n    relation: finetune\n",
            "models.yaml:4: `base_model` describes how your own model derives from others: add `own: true`",
        ),
        (
            "models:\n  - id: a/b\n    relation: adapter\n",
            "models.yaml:3: `relation` describes how your own model derives from others: add `own: true`",
        ),
        (
            "models:\n  - id: a/b\n    own: true\n    relation: adapter\n",
            "models.yaml:4: `relation` needs a `base_model`",
        ),
        (
            "models:\n  - id: a/b\n    own: true\n    base_model: c/d\n    relation: distilled\n",
            "models.yaml:5: invalid relation 'distilled': expected one of finetune, adapter, quantized, merge",
        ),
        ("models:\n  - id: a/b\n    own: true\n    base_model: []\n", "models.yaml:4: `base_model` is an empty list"),
        (
            "models:\n  - id: a/b\n    own: true\n    base_model:\n      - c/d\n      - ../etc\n",
            "models.yaml:6: invalid repository id '../etc' in `base_model`",
        ),
        ("datasets:\n  - id: a/b\n    own: true\n", "models.yaml:3: `own` applies to models only"),
        ("datasets:\n  - id: a/b\n    base_model: c/d\n", "models.yaml:3: `base_model` applies to models only"),
        ("datasets:\n  - id: a/b\n    relation: merge\n", "models.yaml:3: `relation` applies to models only"),
        (
            "datasets:\n  - id: a/b\n    revison: main\n",
            "models.yaml:3: unknown key 'revison' in a dataset entry: did you mean 'revision'? "
            "valid keys are id, revision, license, reason",
        ),
        (
            "models:\n  - org/a/b\n",
            "models.yaml:2: invalid repository id 'org/a/b' in `id`: expected a Hub repository id",
        ),
        ("models:\n  - id: 'org%2Fname'\n", "models.yaml:2: invalid repository id 'org%2Fname'"),
        ("datasets:\n  - 'has space/x'\n", "models.yaml:2: invalid repository id 'has space/x'"),
        ("models:\n  - id: a/b\n    revision: 'main branch'\n", "models.yaml:3: invalid revision 'main branch'"),
        ("models:\n  - id: a/b\n    revision: '../../etc'\n", "models.yaml:3: invalid revision '../../etc'"),
        ('models:\n  - id: a/b\n    revision: "v1\\x07"\n', "models.yaml:3: invalid revision 'v1\\x07'"),
        ("models:\n  - id: a/b\n    revision: ''\n", "models.yaml:3: invalid revision ''"),
        ("models:\n  - &m gpt2\n  - *m\n", "models.yaml:2: anchors and aliases are not supported"),
        ("models:\n  - gpt2\n  - *m\n", "models.yaml:3: anchors and aliases are not supported"),
        ("models:\n  - id: a/b\n  - ? [x]\n    : y\n", "models.yaml:3: keys must be plain names"),
    ],
)
def test_errors_name_file_and_line(tmp_path, text, expected):
    assert error_of(tmp_path, text).startswith(expected)


def test_billion_laughs_is_refused_before_expansion(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        previous = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [{','.join(['*' + previous] * 9)}]")
    assert error_of(tmp_path, "\n".join(lines) + "\n") == (
        "models.yaml:1: anchors and aliases are not supported: write each value out in full"
    )


def test_non_printable_character_is_a_yaml_error_with_its_line(tmp_path):
    assert error_of(tmp_path, "models:\n  - gpt2\n  - a\x01b\n").startswith("models.yaml:3: invalid YAML: ")


def test_python_tags_are_not_constructed(tmp_path):
    message = error_of(tmp_path, "models:\n  - !!python/object/apply:os.system ['true']\n")
    assert message.startswith("models.yaml:2: a model entry must be a repository id or a mapping")


@pytest.mark.parametrize(
    "text",
    [
        "gpt2",
        "bert-base-uncased",
        "meta-llama/Llama-3.1-8B-Instruct",
        "a/b",
        "_x/y_",
        "org/" + "n" * 96,
        "Org.Name/Model_v2.5",
    ],
)
def test_valid_repo_ids(text):
    assert is_valid_repo_id(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "/",
        "a/",
        "/b",
        "a/b/c",
        "..",
        "a/..",
        "../a",
        "a/b..c",
        "a--b/c",
        "-a/b",
        "a/b-",
        ".a/b",
        "a/b.",
        "org%2Fname",
        "a b/c",
        "a/b\n",
        "a\tb",
        "a/b\x00",
        "org/" + "n" * 97,
        "ørg/model",
        "a\\b",
        None,
        3,
    ],
)
def test_invalid_repo_ids(text):
    assert not is_valid_repo_id(text)


def test_wrong_encoding_names_the_line(tmp_path):
    path = tmp_path / "models.yaml"
    path.write_bytes("models:\n  - gpt2  # modèle\n".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_manifest(path, tmp_path)
    assert str(caught.value) == "models.yaml:2: not valid UTF-8 (byte 0xe8 at offset 23): save the file as UTF-8"


def test_directory_is_an_input_error(tmp_path):
    (tmp_path / "models.yaml").mkdir()
    with pytest.raises(InputError, match=r"^models\.yaml: is a directory, expected a file$"):
        read_manifest(tmp_path / "models.yaml", tmp_path)


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_raise_input_error(tmp_path, seed):
    import random

    path = tmp_path / "models.yaml"
    path.write_bytes(random.Random(seed).randbytes(512))
    with pytest.raises(InputError):
        read_manifest(path, tmp_path)


def test_deep_nesting_is_an_input_error(tmp_path):
    assert (
        error_of(tmp_path, "models: " + "[" * 50_000 + "]" * 50_000 + "\n")
        == "models.yaml: invalid YAML: nested too deeply"
    )
