"""Only values that reach a loader: the reproductions of issue 13, each with its exact expected references."""

from __future__ import annotations

import ast
import json
import textwrap
from pathlib import Path

from click.testing import CliRunner

from licensecheck.cli import main
from licensecheck.discover import discover


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def found(root: Path, files: dict[str, str]) -> set[tuple]:
    write(root, files)
    return {(r.type, r.name, r.location.path, r.location.line) for r in discover(root).references}


def notices(root: Path, code: str) -> list[str]:
    return [n.message for n in discover(root).notices if n.code == code]


# -- values as they are at the loader call --------------------------------------------------------


def test_a_self_referencing_reassignment_after_the_loader_gives_one_model(tmp_path):
    assert found(
        tmp_path,
        {
            "a.py": """
        from transformers import AutoModel
        name = "google-bert/bert-base-uncased"
        model = AutoModel.from_pretrained(name)
        name = name + "-finetuned"
        model.push_to_hub(name)
    """
        },
    ) == {("model", "google-bert/bert-base-uncased", "a.py", 2)}


def test_straight_line_order_branches_joined_and_loops_bounded(tmp_path):
    assert found(
        tmp_path,
        {
            "a.py": """
        from transformers import AutoModel, AutoTokenizer
        def load(big):
            name = "org/never-loaded"
            name = "org/small"
            if big:
                name = "org/big"
            model = AutoModel.from_pretrained(name)
            name = "org/after-the-loader"
            return model, name
        def grow():
            name = "org/base"
            for _ in range(10):
                name = name + "-more"
            return AutoTokenizer.from_pretrained(name)
        def later():
            for attempt in range(3):
                if attempt:
                    AutoTokenizer.from_pretrained(repo)
                repo = "org/set-at-the-end-of-an-iteration"
    """
        },
    ) == {
        ("model", "org/small", "a.py", 4),
        ("model", "org/big", "a.py", 6),
        # the loop's first round and one more: bounded, not grown to the limit
        ("model", "org/base", "a.py", 11),
        ("model", "org/base-more", "a.py", 13),
        ("model", "org/set-at-the-end-of-an-iteration", "a.py", 19),
    }


def test_a_branch_that_assigns_and_returns_does_not_reach_a_later_loader(tmp_path):
    assert found(
        tmp_path,
        {
            "a.py": """
        import sys
        from transformers import AutoModelForCausalLM
        def load(use_openai, local):
            model_name = "org/default"
            if use_openai:
                model_name = "gpt-3.5-turbo"
                return call_openai(model_name)
            if local:
                model_name = "org/only-in-a-branch-that-raises"
                raise SystemExit(model_name)
            elif local is None:
                model_name = "org/exits"
                sys.exit(model_name)
            return AutoModelForCausalLM.from_pretrained(model_name)
    """
        },
    ) == {("model", "org/default", "a.py", 4)}


def test_a_fact_known_in_one_branch_holds_in_the_same_test_later(tmp_path):
    # vlmeval's pattern: the ModelScope id is set and used under the same condition.
    assert found(
        tmp_path,
        {
            "a.py": """
        from huggingface_hub import snapshot_download
        def prepare(repo_id="OpenGVLab/MVBench"):
            if modelscope_flag_set():
                repo_id = "modelscope/MVBench"
            if modelscope_flag_set():
                from modelscope import dataset_snapshot_download
                return dataset_snapshot_download(dataset_id=repo_id)
            else:
                return snapshot_download(repo_id=repo_id, repo_type="dataset")
        def tokenizer(name):
            if not name:
                name = "org/fallback"
            elif name == "tiktoken":
                name = "tiktoken"
            if name == "tiktoken":
                return None
            return snapshot_download(name)
        tokenizer("org/passed")
    """
        },
    ) == {
        ("dataset", "OpenGVLab/MVBench", "a.py", 2),
        ("model", "org/fallback", "a.py", 12),
        ("model", "org/passed", "a.py", 18),
    }


def test_names_imported_in_a_branch_and_global_assignments(tmp_path):
    assert found(
        tmp_path,
        {
            "a.py": """
        from transformers import AutoModel
        MODEL = "org/before-main"
        def configure():
            global MODEL
            MODEL = "org/set-by-configure"
        def load():
            return AutoModel.from_pretrained(MODEL)
        MODEL = "org/module-end"
    """
        },
    ) == {("model", "org/set-by-configure", "a.py", 5), ("model", "org/module-end", "a.py", 8)}


# -- where a run writes is not a dependency -----------------------------------------------------------


def test_push_save_create_and_upload_targets_are_not_dependencies(tmp_path):
    assert found(
        tmp_path,
        {
            "a.py": """
        from huggingface_hub import HfApi, create_repo, upload_folder
        from transformers import AutoModel
        OUT = "acme/finetuned"
        model = AutoModel.from_pretrained("org/base")
        model.push_to_hub(OUT)
        model.save_pretrained("hf.co/acme/saved")
        create_repo("acme/new-repo", repo_type="dataset")
        upload_folder(repo_id="hf.co/acme/uploaded", folder_path="out")
        HfApi().upload_file(path_or_fileobj="a.bin", path_in_repo="a.bin", repo_id=OUT)
    """
        },
    ) == {("model", "org/base", "a.py", 4)}


# -- identifiers that are not Hugging Face ids ---------------------------------------------------


def test_modelscope_loaders_fetch_from_modelscope(tmp_path):
    write(
        tmp_path,
        {
            "a.py": """
        from modelscope import AutoModel, snapshot_download
        from modelscope.msdatasets import MsDataset
        path = snapshot_download("AI-ModelScope/bge-large-zh")
        model = AutoModel.from_pretrained("modelscope/Qwen2-7B")
        data = MsDataset.load("modelscope/chinese-poetry")
    """
        },
    )
    result = discover(tmp_path)
    assert result.references == ()
    assert [n.message for n in result.notices if n.code == "not-a-hub-reference"] == [
        "a.py:3: snapshot_download: 'AI-ModelScope/bge-large-zh' is fetched from ModelScope, not a Hub repository",
        "a.py:4: AutoModel.from_pretrained: 'modelscope/Qwen2-7B' is fetched from ModelScope, not a Hub repository",
        "a.py:5: MsDataset.load: 'modelscope/chinese-poetry' is fetched from ModelScope, not a Hub repository",
    ]
    assert all(n.severity.value == "info" for n in result.notices)


def test_other_services_names_and_other_hosts_urls_in_a_loader_are_info(tmp_path):
    write(
        tmp_path,
        {
            "a.py": """
        from transformers import AutoTokenizer
        for name in ["gpt-4o", "claude-3-5-sonnet-20240620", "anthropic/claude-3-haiku", "https://example.com/m.bin"]:
            AutoTokenizer.from_pretrained(name)
        AutoTokenizer.from_pretrained("/srv/models/local")
    """
        },
    )
    result = discover(tmp_path)
    assert result.references == ()
    assert sorted(n.message for n in result.notices if n.code == "not-a-hub-reference") == [
        "a.py:2: AutoTokenizer.from_pretrained: 'anthropic/claude-3-haiku' is another service's model name, not a Hub repository",
        "a.py:2: AutoTokenizer.from_pretrained: 'claude-3-5-sonnet-20240620' is another service's model name, not a Hub repository",
        "a.py:2: AutoTokenizer.from_pretrained: 'gpt-4o' is another service's model name, not a Hub repository",
        "a.py:2: AutoTokenizer.from_pretrained: 'https://example.com/m.bin' is a URL on example.com, not a Hub repository",
    ]


def test_the_scan_reports_no_component_for_them_and_says_why_with_verbose(tmp_path):
    write(
        tmp_path,
        {
            "a.py": """
        from modelscope import snapshot_download
        from transformers import AutoModel
        snapshot_download("AI-ModelScope/bge-large-zh")
        AutoModel.from_pretrained("gpt-3.5-turbo")
    """
        },
    )
    result = CliRunner().invoke(main, ["scan", str(tmp_path), "--offline", "--format", "json", "-v"])
    assert result.exit_code == 2 and "found no models.yaml" in result.output  # nothing else to scan: nothing invented


# -- shell scripts, Dockerfiles and environment files -------------------------------------------


def test_quoted_assignments_then_a_variable(tmp_path):
    assert found(
        tmp_path,
        {
            "train.sh": """
            MODEL="org/quoted"
            DATA='org/single-quoted-data'
            export BASE_MODEL="org/exported"
            python train.py --model_name_or_path "$MODEL" --dataset_name ${DATA} --base_model=$BASE_MODEL
        """,
            "Dockerfile": """
            FROM python:3.12-slim
            ENV MODEL_ID="org/docker-env"
            ARG TOKENIZER="org/docker-arg"
            ENV SERVED "org/space-form"
            CMD python serve.py --model $SERVED --tokenizer_name "${TOKENIZER}"
        """,
            ".env.example": """
            CHAT_LLM="org/from-env-example"
            ARGS="--model_name_or_path $CHAT_LLM"
        """,
        },
    ) == {
        ("model", "org/quoted", "train.sh", 1),
        ("dataset", "org/single-quoted-data", "train.sh", 2),
        ("model", "org/exported", "train.sh", 3),
        ("model", "org/docker-env", "Dockerfile", 2),
        ("model", "org/docker-arg", "Dockerfile", 3),
        ("model", "org/space-form", "Dockerfile", 4),
        ("model", "org/from-env-example", ".env.example", 1),
    }


def test_the_well_known_cli_flags_when_the_value_is_a_hub_id(tmp_path):
    assert found(
        tmp_path,
        {
            "run.sh": """
        python train.py \\
          --model_name_or_path lmsys/vicuna-7b-v1.5 \\
          --model org/model-flag \\
          --model_id org/model-id-flag \\
          --base_model org/base-model-flag \\
          --vision_tower openai/clip-vit-large-patch14-336 \\
          --tokenizer_name org/tokenizer-flag \\
          --dataset_name org/dataset-flag \\
          --data_path org/data-path-flag \\
          --output_dir ./checkpoints/out \\
          --data_path ./playground/data/llava_v1_5_mix665k.json \\
          --model gpt-4o
    """
        },
    ) == {
        ("model", "lmsys/vicuna-7b-v1.5", "run.sh", 2),
        ("model", "org/model-flag", "run.sh", 3),
        ("model", "org/model-id-flag", "run.sh", 4),
        ("model", "org/base-model-flag", "run.sh", 5),
        ("model", "openai/clip-vit-large-patch14-336", "run.sh", 6),
        ("model", "org/tokenizer-flag", "run.sh", 7),
        ("dataset", "org/dataset-flag", "run.sh", 8),
        ("dataset", "org/data-path-flag", "run.sh", 9),
    }


# -- sentence-transformers' own namespace ----------------------------------------------------------


def test_a_bare_sentence_transformers_name_is_the_repository_the_library_loads(tmp_path):
    assert found(
        tmp_path,
        {
            "a.py": """
            from sentence_transformers import SentenceTransformer
            from langchain_huggingface import HuggingFaceEmbeddings
            SentenceTransformer("all-MiniLM-L6-v2")
            SentenceTransformer("bert-base-uncased")
            SentenceTransformer("BAAI/bge-small-en-v1.5")
            SentenceTransformer("my-local-model")
            HuggingFaceEmbeddings(model_name="all-mpnet-base-v2")
        """,
            "my-local-model/config.json": "{}",
        },
    ) == {
        ("model", "sentence-transformers/all-MiniLM-L6-v2", "a.py", 3),
        ("model", "bert-base-uncased", "a.py", 4),
        ("model", "BAAI/bge-small-en-v1.5", "a.py", 5),
        ("model", "sentence-transformers/all-mpnet-base-v2", "a.py", 7),
    }


# -- notebooks ----------------------------------------------------------------------------------------


def notebook(*cells: list[str]) -> str:
    return json.dumps(
        {
            "cells": [
                {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": source}
                for source in cells
            ],
            "metadata": {},
            "nbformat": 4,
            "nbformat_minor": 5,
        },
        indent=1,
    )


def test_notebook_shell_lines_continued_by_a_backslash_are_read_and_the_python_kept(tmp_path):
    write(
        tmp_path,
        {
            "n.ipynb": notebook(
                [
                    "!pip install -q \\\n",
                    "    transformers \\\n",
                    "    accelerate\n",
                    "from transformers import AutoModel\n",
                    "model = AutoModel.from_pretrained('org/after-pip')\n",
                ],
                [
                    "%pip install \\\n",
                    "  peft\n",
                    "if download:\n",
                    "  !huggingface-cli download \\\n",
                    "     org/continued --local-dir m\n",
                    "  x = !ls\n",
                    "AutoModel.from_pretrained('org/after-if')\n",
                ],
                ["%%writefile notes.txt\n", "not python at all (\n"],
                ["%%time\n", "AutoModel.from_pretrained('org/timed')\n"],
            )
        },
    )
    result = discover(tmp_path)
    assert {(r.name, r.location.label) for r in result.references} == {
        ("org/after-pip", "cell 1, line 5"),
        ("org/continued", "cell 2, line 5"),
        ("org/after-if", "cell 2, line 7"),
        ("org/timed", "cell 4, line 2"),
    }
    assert result.notices == ()


# -- files CPython cannot compile ----------------------------------------------------------------------


def hostile_tree(root: Path) -> None:
    root.mkdir(exist_ok=True)
    (root / "sum.py").write_text(
        "from transformers import AutoModel\nX = " + " + ".join(['"a"'] * 3000) + "\nAutoModel.from_pretrained(X)\n"
    )
    (root / "names.py").write_text(
        "from transformers import AutoModel\nY = 'org/m'\nZ = "
        + " + ".join(["Y"] * 3000)
        + "\nAutoModel.from_pretrained(Z)\n"
    )
    (root / "deep.json").write_text('{"model": ' + "[" * 100_000 + "]" * 100_000 + "}")
    (root / "deep.toml").write_text("model = " + "[" * 100_000 + "]" * 100_000 + "\n")
    (root / "deep.yaml").write_text("model: " + "[" * 20_000 + "]" * 20_000 + "\n")
    (root / "deep.ipynb").write_text('{"cells": [], "model": ' + "[" * 100_000 + "]" * 100_000 + "}")
    (root / "cell.ipynb").write_text(
        notebook(
            [
                "from transformers import AutoModel\n",
                "x = " + " + ".join(['"a"'] * 3000) + "\n",
                "AutoModel.from_pretrained(x)\n",
            ]
        )
    )
    (root / "good.py").write_text("from transformers import AutoModel\nAutoModel.from_pretrained('org/still-found')\n")


def _libyaml_limits_nesting() -> bool:
    """Whether the installed PyYAML's libyaml stops deep nesting itself (its wheels do from 6.0.4; 6.0.1 does not)."""
    import yaml

    try:
        yaml.load("model: " + "[" * 20_000 + "]" * 20_000, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return True
    except RecursionError:
        return False
    return False


def test_a_file_python_cannot_compile_is_a_warning_naming_it_and_the_scan_goes_on(tmp_path):
    hostile_tree(tmp_path)
    result = discover(tmp_path)
    deep_yaml = (
        "deep.yaml:1: not valid YAML (exceeded maximum nesting depth)"
        if _libyaml_limits_nesting()
        else "deep.yaml: not readable YAML (nested too deeply)"
    )
    assert [r.name for r in result.references] == ["org/still-found"]
    assert sorted((n.severity.value, n.message) for n in result.notices) == [
        ("warning", "cell.ipynb:9 (cell 1, line 1): cell 1 is nested too deeply to analyse; discovery skipped it"),
        ("warning", "deep.ipynb: not a readable notebook (nested too deeply); discovery skipped it"),
        ("warning", "deep.json: not readable JSON (nested too deeply); discovery skipped it"),
        ("warning", "deep.toml: not readable TOML (nested too deeply); discovery skipped it"),
        ("warning", f"{deep_yaml}; discovery skipped it"),
        ("warning", "names.py: nested too deeply to analyse; discovery skipped it"),
        ("warning", "sum.py: nested too deeply to analyse; discovery skipped it"),
    ]


def test_memory_error_in_one_file_is_a_warning(tmp_path, monkeypatch):
    (tmp_path / "huge.py").write_text("from transformers import AutoModel\nAutoModel.from_pretrained('org/huge')\n")
    (tmp_path / "good.py").write_text("from transformers import AutoModel\nAutoModel.from_pretrained('org/good')\n")
    parse = ast.parse

    def exhausted(source, filename="<unknown>", *args, **kwargs):
        if filename == "huge.py":
            raise MemoryError
        return parse(source, filename, *args, **kwargs)

    monkeypatch.setattr(ast, "parse", exhausted)
    result = discover(tmp_path)
    assert [r.name for r in result.references] == ["org/good"]
    assert [(n.severity.value, n.message) for n in result.notices] == [
        ("warning", "huge.py: too large to analyse; discovery skipped it")
    ]


def test_the_scan_of_a_hostile_tree_ends_normally_never_with_an_internal_error(tmp_path):
    hostile_tree(tmp_path)
    result = CliRunner().invoke(main, ["scan", str(tmp_path), "--offline", "--format", "json"])
    assert result.exit_code == 3, result.output  # org/still-found is not in a lock: unknown, never a crash
    report = json.loads(result.output)
    assert [c["name"] for c in report["components"]] == ["org/still-found"]
    assert "internal error" not in result.output


# -- values through the project's own functions, tests and notebooks ---------------------------------


def test_a_parameter_that_is_part_of_the_value_is_evaluated_again_for_each_call(tmp_path):
    assert found(
        tmp_path,
        {
            "a.py": """
        from transformers import AutoModel
        def load(size, org="acme"):
            return AutoModel.from_pretrained(f"{org}/model-{size}")
        def card(name):
            return AutoModel.from_pretrained("h2oai/%s" % name)
        load("7b")
        load("13b", org="other")
        card("h2ogpt-oasst1-512-12b")
    """
        },
    ) == {
        ("model", "acme/model-7b", "a.py", 3),
        ("model", "other/model-13b", "a.py", 3),
        ("model", "h2oai/h2ogpt-oasst1-512-12b", "a.py", 5),
    }


def test_pytest_parametrize_rows_are_calls_and_an_early_return_is_a_fact(tmp_path):
    assert found(
        tmp_path,
        {
            "test_models.py": """
        import pytest
        from transformers import AutoTokenizer
        @pytest.mark.parametrize("base_model, fast", [("org/first", True), pytest.param("org/second", False)])
        def test_tokenizer(base_model, fast):
            AutoTokenizer.from_pretrained(base_model, use_fast=fast)
        @pytest.mark.parametrize("name", ["org/kept", "org/skipped"])
        def test_one(name):
            if name not in ["org/kept"]:
                return
            AutoTokenizer.from_pretrained(name)
    """
        },
    ) == {
        ("model", "org/first", "test_models.py", 3),
        ("model", "org/second", "test_models.py", 3),
        ("model", "org/kept", "test_models.py", 6),
    }


def test_an_attribute_or_key_of_a_parameter_is_read_from_each_argument(tmp_path):
    assert found(
        tmp_path,
        {
            "data.py": """
        from dataclasses import dataclass
        from datasets import load_dataset
        @dataclass
        class ScriptArguments:
            dataset_name: str = None
        def get_dataset(args):
            return load_dataset(args.dataset_name)
        def load_all(specs):
            for name, spec in specs.items():
                load_dataset(spec["path"])
        get_dataset(ScriptArguments(dataset_name="org/by-keyword"))
        load_all({"a": {"path": "org/from-a-dict", "split": "train"}})
    """
        },
    ) == {("dataset", "org/by-keyword", "data.py", 11), ("dataset", "org/from-a-dict", "data.py", 12)}


def test_a_value_the_loaders_test_excludes_is_not_a_reference(tmp_path):
    assert found(
        tmp_path,
        {
            "a.py": """
        from sentence_transformers import SentenceTransformer
        def embed(name):
            if name == "tiktoken":
                return None
            return SentenceTransformer(name)
        embed("tiktoken")
        embed("BAAI/bge-small-en-v1.5")
        def local(flag):
            model = "org/kept" if flag else "org/excluded"
            if model == "org/excluded":
                raise ValueError(model)
            chosen = model
            return SentenceTransformer(chosen)
    """
        },
    ) == {("model", "BAAI/bge-small-en-v1.5", "a.py", 7), ("model", "org/kept", "a.py", 9)}


def test_databricks_widgets_and_a_notebook_shell_line_with_python_values(tmp_path):
    assert found(
        tmp_path,
        {
            "train.py": """
            # Databricks notebook source
            MODELS = ["org/small", "org/large"]
            dbutils.widgets.combobox("input_model", "org/small", MODELS, "input_model")
            input_model = dbutils.widgets.get("input_model")
            !deepspeed --module trainer \\
                --input-model {input_model} --port {port}
        """,
            "n.ipynb": notebook(["base = 'org/from-a-variable'\n", "!python train.py --model_name_or_path {base}\n"]),
        },
    ) == {
        ("model", "org/small", "train.py", 3),
        ("model", "org/small", "train.py", 2),
        ("model", "org/large", "train.py", 2),
        ("model", "org/from-a-variable", "n.ipynb", 9),
    }


# -- what is not configuration -----------------------------------------------------------------------


def test_data_tables_json_lines_and_templates_are_not_configuration(tmp_path):
    rows = [{"base_model": f"org/benchmarked-{i}", "tokens_per_second": i} for i in range(30)]
    write(
        tmp_path,
        {
            "results.json": json.dumps(rows),
            "perf.json": '{"base_model": "org/line-one"}\n{"base_model": "org/line-two"}\n',
            "templates/deployment.yaml": "spec:\n  model: {{ .Values.model }}\n  {{- if .Values.gpu }}\n",
            "config.json": json.dumps([{"model": "org/a-short-list"}]),
        },
    )
    result = discover(tmp_path)
    assert {(r.name, r.location.path) for r in result.references} == {("org/a-short-list", "config.json")}
    assert result.notices == ()


def test_placeholders_are_not_repositories(tmp_path):
    assert found(
        tmp_path,
        {
            "a.py": """
        from huggingface_hub import snapshot_download
        from sentence_transformers import SentenceTransformer
        snapshot_download("test/model")
        snapshot_download("your-org/your-model")
        SentenceTransformer("fake")
        snapshot_download("org/real-one")
    """
        },
    ) == {("model", "org/real-one", "a.py", 6)}


def test_a_provider_prefix_is_another_service_only_for_its_models(tmp_path):
    assert found(
        tmp_path,
        {
            "a.py": """
            from datasets import load_dataset
            from transformers import AutoModel
            load_dataset("Anthropic/hh-rlhf")
            AutoModel.from_pretrained("databricks/dolly-v2-3b")
        """,
            "litellm.yaml": """
            model_list:
              - model: anthropic/claude-3-5-sonnet-20240620
              - model: groq/llama3-8b-8192
              - model: databricks/databricks-dbrx-instruct
              - model: databricks/dbrx-instruct
        """,
        },
    ) == {
        ("dataset", "Anthropic/hh-rlhf", "a.py", 3),
        ("model", "databricks/dolly-v2-3b", "a.py", 4),
        ("model", "databricks/dbrx-instruct", "litellm.yaml", 5),
    }


def test_a_model_name_without_an_organisation_is_a_folder_unless_canonical(tmp_path):
    write(
        tmp_path,
        {
            "a.py": """
        from transformers import AutoModelForCausalLM, AutoTokenizer
        merged = AutoModelForCausalLM.from_pretrained("Qwen/Qwen-7B-Chat")
        merged.save_pretrained("output_qwen_merged")
        AutoTokenizer.from_pretrained("output_qwen_merged")
        AutoTokenizer.from_pretrained("distilgpt2")
    """
        },
    )
    result = discover(tmp_path)
    assert {(r.name, r.location.line) for r in result.references} == {("Qwen/Qwen-7B-Chat", 2), ("distilgpt2", 5)}
    assert [n.message for n in result.notices if n.code == "not-a-hub-reference"] == [
        "a.py:4: AutoTokenizer.from_pretrained: 'output_qwen_merged' is a name without an organisation "
        "(a folder made at run time?), not a Hub repository"
    ]


def test_a_shell_variable_replaced_only_in_a_branch_keeps_its_first_value(tmp_path):
    assert found(
        tmp_path,
        {
            "finetune.sh": """
        MODEL="Qwen/Qwen-7B-Chat-Int4" # Set the path if you do not want to load from huggingface directly
        TOKENIZER="org/never-used"
        TOKENIZER="org/tokenizer"
        while [[ "$1" != "" ]]; do
            case $1 in
                -m | --model )
                    shift
                    MODEL=$1
                    ;;
            esac
            shift
        done
        python finetune.py --model_name_or_path $MODEL --tokenizer_name $TOKENIZER
    """
        },
    ) == {("model", "Qwen/Qwen-7B-Chat-Int4", "finetune.sh", 1), ("model", "org/tokenizer", "finetune.sh", 3)}
