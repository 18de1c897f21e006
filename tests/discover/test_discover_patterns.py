"""Discovery, one pattern and one decoy at a time: each case is a small file and what it references."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from licensecheck.discover import discover


def found(tmp_path: Path, files: dict[str, str]) -> set[tuple]:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return {(r.type, r.name, r.location.path, r.location.line) for r in discover(tmp_path).references}


# (name, files, expected references as (type, id, path, line))
PATTERNS = [
    (
        "transformers AutoModel.from_pretrained",
        {
            "a.py": """
        from transformers import AutoModelForCausalLM
        model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-7B-Instruct")
     """
        },
        {("model", "Qwen/Qwen2.5-7B-Instruct", "a.py", 2)},
    ),
    (
        "from_pretrained keyword",
        {
            "a.py": """
        import transformers
        tok = transformers.AutoTokenizer.from_pretrained(pretrained_model_name_or_path="google/gemma-2-2b-it")
     """
        },
        {("model", "google/gemma-2-2b-it", "a.py", 2)},
    ),
    (
        "legacy bare id in a loader",
        {
            "a.py": """
        from transformers import AutoModel
        AutoModel.from_pretrained("bert-base-uncased")
     """
        },
        {("model", "bert-base-uncased", "a.py", 2)},
    ),
    (
        "pipeline model keyword",
        {
            "a.py": """
        from transformers import pipeline
        pipe = pipeline("text-generation", model="gpt2", tokenizer="openai-community/gpt2")
     """
        },
        {("model", "gpt2", "a.py", 2), ("model", "openai-community/gpt2", "a.py", 2)},
    ),
    (
        "pipeline second positional",
        {
            "a.py": """
        from transformers import pipeline
        pipe = pipeline("summarization", "facebook/bart-large-cnn")
     """
        },
        {("model", "facebook/bart-large-cnn", "a.py", 2)},
    ),
    (
        "diffusers and a LoRA",
        {
            "a.py": """
        from diffusers import DiffusionPipeline
        pipe = DiffusionPipeline.from_pretrained("black-forest-labs/FLUX.1-dev")
        pipe.load_lora_weights("XLabs-AI/flux-RealismLora")
     """
        },
        {("model", "black-forest-labs/FLUX.1-dev", "a.py", 2), ("model", "XLabs-AI/flux-RealismLora", "a.py", 3)},
    ),
    (
        "sentence-transformers and CrossEncoder",
        {
            "a.py": """
        from sentence_transformers import CrossEncoder, SentenceTransformer
        embedder = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")
        reranker = CrossEncoder(model_name_or_path="cross-encoder/ms-marco-MiniLM-L-6-v2")
     """
        },
        {
            ("model", "sentence-transformers/all-MiniLM-L6-v2", "a.py", 2),
            ("model", "cross-encoder/ms-marco-MiniLM-L-6-v2", "a.py", 3),
        },
    ),
    (
        "peft adapter is the second argument",
        {
            "a.py": """
        from peft import PeftModel
        from transformers import AutoModelForCausalLM
        base = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B")
        model = PeftModel.from_pretrained(base, "acme/llama-lora")
     """
        },
        {("model", "meta-llama/Llama-3.1-8B", "a.py", 3), ("model", "acme/llama-lora", "a.py", 4)},
    ),
    (
        "vLLM LLM(model=...)",
        {
            "a.py": """
        from vllm import LLM
        llm = LLM(model="mistralai/Mistral-7B-Instruct-v0.3", tokenizer="mistralai/Mistral-7B-v0.3")
     """
        },
        {("model", "mistralai/Mistral-7B-Instruct-v0.3", "a.py", 2), ("model", "mistralai/Mistral-7B-v0.3", "a.py", 2)},
    ),
    (
        "hf_hub_download and snapshot_download",
        {
            "a.py": """
        from huggingface_hub import hf_hub_download, snapshot_download
        hf_hub_download(repo_id="TheBloke/Llama-2-7B-GGUF", filename="llama-2-7b.Q4_K_M.gguf")
        snapshot_download("HuggingFaceFW/fineweb", repo_type="dataset")
     """
        },
        {("model", "TheBloke/Llama-2-7B-GGUF", "a.py", 2), ("dataset", "HuggingFaceFW/fineweb", "a.py", 3)},
    ),
    (
        "load_dataset",
        {
            "a.py": """
        from datasets import load_dataset
        ds = load_dataset("allenai/c4", "en", split="train", streaming=True)
        squad = load_dataset(path="squad")
     """
        },
        {("dataset", "allenai/c4", "a.py", 2), ("dataset", "squad", "a.py", 3)},
    ),
    (
        "open_clip hf-hub prefix",
        {
            "a.py": """
        import open_clip
        open_clip.create_model_and_transforms("hf-hub:laion/CLIP-ViT-g-14-laion2B-s12B-b42K")
     """
        },
        {("model", "laion/CLIP-ViT-g-14-laion2B-s12B-b42K", "a.py", 2)},
    ),
    (
        "timm hf-hub and hf_hub prefixes",
        {
            "a.py": """
        import timm
        a = timm.create_model("hf-hub:timm/resnet50.a1_in1k", pretrained=True)
        b = timm.create_model("hf_hub:timm/convnext_tiny.fb_in22k", pretrained=True)
     """
        },
        {("model", "timm/resnet50.a1_in1k", "a.py", 2), ("model", "timm/convnext_tiny.fb_in22k", "a.py", 3)},
    ),
    (
        "llama-cpp Llama.from_pretrained",
        {
            "a.py": """
        from llama_cpp import Llama
        llm = Llama.from_pretrained(repo_id="Qwen/Qwen2.5-0.5B-Instruct-GGUF", filename="*q8_0.gguf")
     """
        },
        {("model", "Qwen/Qwen2.5-0.5B-Instruct-GGUF", "a.py", 2)},
    ),
    (
        "module constant",
        {
            "a.py": """
        from transformers import AutoModel
        MODEL = "intfloat/e5-large-v2"
        AutoModel.from_pretrained(MODEL)
     """
        },
        {("model", "intfloat/e5-large-v2", "a.py", 2)},
    ),
    (
        "class constant through self and the class",
        {
            "a.py": """
        from transformers import AutoModel
        class Encoder:
            NAME = "BAAI/bge-large-en-v1.5"
            def load(self):
                return AutoModel.from_pretrained(self.NAME)
            @classmethod
            def again(cls):
                return AutoModel.from_pretrained(Encoder.NAME)
     """
        },
        {("model", "BAAI/bge-large-en-v1.5", "a.py", 3)},
    ),
    (
        "f-string and concatenation of constants",
        {
            "a.py": """
        from transformers import AutoModel
        ORG = "Qwen"
        SIZE = "7B"
        AutoModel.from_pretrained(f"{ORG}/Qwen2.5-{SIZE}")
        AutoModel.from_pretrained(ORG + "/" + "QwQ-32B")
     """
        },
        {("model", "Qwen/Qwen2.5-7B", "a.py", 4), ("model", "Qwen/QwQ-32B", "a.py", 5)},
    ),
    (
        "constant imported from another module",
        {
            "settings.py": """
        CHAT = "microsoft/phi-4"
     """,
            "app.py": """
        from transformers import AutoModel
        from settings import CHAT
        import settings
        AutoModel.from_pretrained(CHAT)
        AutoModel.from_pretrained(settings.CHAT)
     """,
        },
        {("model", "microsoft/phi-4", "settings.py", 1)},
    ),
    (
        "function argument followed to its callers and default",
        {
            "a.py": """
        from transformers import AutoModel
        def load(name="google/flan-t5-base"):
            return AutoModel.from_pretrained(name)
        load("google/flan-t5-large")
        load()
     """
        },
        {("model", "google/flan-t5-base", "a.py", 2), ("model", "google/flan-t5-large", "a.py", 4)},
    ),
    (
        "constructor argument across files",
        {
            "embed.py": """
        from sentence_transformers import SentenceTransformer
        class Embedder:
            def __init__(self, model_id):
                self.model_id = model_id
            def load(self):
                return SentenceTransformer(self.model_id)
     """,
            "main.py": """
        from embed import Embedder
        e = Embedder("thenlper/gte-small")
     """,
        },
        {("model", "thenlper/gte-small", "main.py", 2)},
    ),
    (
        "dict of constants and a loop",
        {
            "a.py": """
        from datasets import load_dataset
        SETS = {"math": "openai/gsm8k", "code": "openai/openai_humaneval"}
        for key, repo in SETS.items():
            load_dataset(repo)
        load_dataset(SETS["math"], "main")
     """
        },
        {("dataset", "openai/gsm8k", "a.py", 2), ("dataset", "openai/openai_humaneval", "a.py", 2)},
    ),
    (
        "argparse default",
        {
            "a.py": """
        import argparse
        from transformers import AutoModel
        parser = argparse.ArgumentParser()
        parser.add_argument("--model-name", default="distilbert/distilbert-base-uncased")
        args = parser.parse_args()
        AutoModel.from_pretrained(args.model_name)
     """
        },
        {("model", "distilbert/distilbert-base-uncased", "a.py", 4)},
    ),
    (
        "environment variable with a default",
        {
            "a.py": """
        import os
        from transformers import AutoModel
        AutoModel.from_pretrained(os.environ.get("MODEL", "allenai/OLMo-2-1124-7B"))
     """
        },
        {("model", "allenai/OLMo-2-1124-7B", "a.py", 3)},
    ),
    (
        "hf:// dataset path",
        {
            "a.py": """
        import pandas as pd
        df = pd.read_parquet("hf://datasets/stanfordnlp/imdb/plain_text/train-00000-of-00001.parquet")
     """
        },
        {("dataset", "stanfordnlp/imdb", "a.py", 2)},
    ),
    (
        "LangChain wrapper",
        {
            "a.py": """
        from langchain_huggingface import HuggingFaceEmbeddings, HuggingFaceEndpoint
        e = HuggingFaceEmbeddings(model_name="sentence-transformers/all-mpnet-base-v2")
        llm = HuggingFaceEndpoint(repo_id="HuggingFaceH4/zephyr-7b-beta")
     """
        },
        {
            ("model", "sentence-transformers/all-mpnet-base-v2", "a.py", 2),
            ("model", "HuggingFaceH4/zephyr-7b-beta", "a.py", 3),
        },
    ),
    (
        "subprocess running huggingface-cli",
        {
            "a.py": """
        import subprocess
        subprocess.run(["huggingface-cli", "download", "openai/whisper-small"], check=True)
     """
        },
        {("model", "openai/whisper-small", "a.py", 2)},
    ),
    (
        "YAML config keys at any depth",
        {
            "c.yaml": """
        training:
          base_model: meta-llama/Llama-3.2-3B
          data:
            dataset_name: HuggingFaceH4/no_robots
          tokenizer_name: meta-llama/Llama-3.2-3B-Instruct
     """
        },
        {
            ("model", "meta-llama/Llama-3.2-3B", "c.yaml", 2),
            ("dataset", "HuggingFaceH4/no_robots", "c.yaml", 4),
            ("model", "meta-llama/Llama-3.2-3B-Instruct", "c.yaml", 5),
        },
    ),
    (
        "config keys in capitals (the text's hint words are looked for in any case)",
        {
            "c.yaml": """
        BASE_MODEL: meta-llama/Llama-3.2-3B
     """,
            "d.json": """
        {"EVAL_DATASET": "HuggingFaceH4/no_robots"}
     """,
        },
        {("model", "meta-llama/Llama-3.2-3B", "c.yaml", 1), ("dataset", "HuggingFaceH4/no_robots", "d.json", 1)},
    ),
    (
        "JSON config",
        {
            "c.json": """
        {"experiment": {"pretrained_model": "google/vit-base-patch16-224", "datasets": ["uoft-cs/cifar10"]}}
     """
        },
        {("model", "google/vit-base-patch16-224", "c.json", 1), ("dataset", "uoft-cs/cifar10", "c.json", 1)},
    ),
    (
        "TOML config",
        {
            "c.toml": """
        [model]
        model_id = "ibm-granite/granite-3.1-8b-instruct"
        [data]
        dataset = "HuggingFaceTB/smoltalk"
     """
        },
        {
            ("model", "ibm-granite/granite-3.1-8b-instruct", "c.toml", 2),
            ("dataset", "HuggingFaceTB/smoltalk", "c.toml", 4),
        },
    ),
    (
        "Dockerfile huggingface-cli and hf download",
        {
            "Dockerfile": """
        FROM python:3.12-slim
        RUN huggingface-cli download Qwen/Qwen2.5-1.5B-Instruct --local-dir /m \\
         && hf download HuggingFaceTB/cosmopedia --repo-type dataset
     """
        },
        {
            ("model", "Qwen/Qwen2.5-1.5B-Instruct", "Dockerfile", 2),
            ("dataset", "HuggingFaceTB/cosmopedia", "Dockerfile", 3),
        },
    ),
    (
        "Dockerfile --hf-repo",
        {
            "Dockerfile": """
        FROM ghcr.io/ggml-org/llama.cpp:server
        CMD ["--hf-repo", "ggml-org/gemma-3-1b-it-GGUF", "--port", "8080"]
     """
        },
        {("model", "ggml-org/gemma-3-1b-it-GGUF", "Dockerfile", 2)},
    ),
    (
        "Ollama Modelfile hf.co reference",
        {
            "Modelfile": """
        FROM hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M
        PARAMETER temperature 0.7
     """
        },
        {("model", "bartowski/Llama-3.2-1B-Instruct-GGUF", "Modelfile", 1)},
    ),
    (
        "Makefile variables and commands",
        {
            "Makefile": """
        MODEL ?= Qwen/Qwen2.5-0.5B
        train:
        \tpython train.py --model_name_or_path $(MODEL) --dataset_name HuggingFaceH4/no_robots
        \ttune download meta-llama/Llama-3.2-1B --output-dir /tmp/llama
     """
        },
        {
            ("model", "Qwen/Qwen2.5-0.5B", "Makefile", 1),
            ("dataset", "HuggingFaceH4/no_robots", "Makefile", 3),
            ("model", "meta-llama/Llama-3.2-1B", "Makefile", 4),
        },
    ),
    (
        "vllm serve and --model flags in a shell script",
        {
            "serve.sh": """
        vllm serve Qwen/Qwen2.5-7B-Instruct --port 8000 &
        text-generation-launcher --model-id=HuggingFaceH4/zephyr-7b-beta
        python -m sglang.launch_server --model-path deepseek-ai/DeepSeek-V3 --tp 8
     """
        },
        {
            ("model", "Qwen/Qwen2.5-7B-Instruct", "serve.sh", 1),
            ("model", "HuggingFaceH4/zephyr-7b-beta", "serve.sh", 2),
            ("model", "deepseek-ai/DeepSeek-V3", "serve.sh", 3),
        },
    ),
    (
        "a model named to an inference endpoint",
        {
            "a.py": """
        from huggingface_hub import InferenceClient
        from openai import OpenAI
        client = InferenceClient(provider="together")
        client.chat_completion([], model="deepseek-ai/DeepSeek-R1")
        OpenAI(base_url="http://vllm:8000/v1").chat.completions.create(model="Qwen/Qwen2.5-7B-Instruct", messages=[])
        OpenAI().chat.completions.create(model="gpt-4o-mini", messages=[])
     """,
            "hosted.py": """
        from openai import OpenAI
        from together import Together
        # (the same prompts go to a local vllm server elsewhere)
        def ask(vendor, model):
            client = Together() if vendor == "together" else OpenAI()
            return client.chat.completions.create(model=model, messages=[])
        ask("together", "meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo")
        class TogetherLLM:
            def __init__(self, config):
                if not config.model_path:
                    config.model_path = "MiniMaxAI/MiniMax-M3"
     """,
        },
        {("model", "deepseek-ai/DeepSeek-R1", "a.py", 4), ("model", "Qwen/Qwen2.5-7B-Instruct", "a.py", 5)},
    ),
    (
        "dict.get with a default",
        {
            "a.py": """
        from transformers import AutoModel
        SIZES = {"small": "google/gemma-2-2b", "large": "google/gemma-2-27b"}
        def load(size):
            return AutoModel.from_pretrained(SIZES.get(size, "google/gemma-2-9b"))
     """
        },
        {
            ("model", "google/gemma-2-2b", "a.py", 2),
            ("model", "google/gemma-2-27b", "a.py", 2),
            ("model", "google/gemma-2-9b", "a.py", 4),
        },
    ),
    (
        "a pydantic settings object from another module",
        {
            "config.py": """
        from pydantic_settings import BaseSettings
        class Settings(BaseSettings):
            embedding_model: str = "nomic-ai/nomic-embed-text-v1.5"
        settings = Settings()
     """,
            "app.py": """
        from sentence_transformers import SentenceTransformer
        from config import settings
        SentenceTransformer(settings.embedding_model, trust_remote_code=True)
     """,
        },
        {("model", "nomic-ai/nomic-embed-text-v1.5", "config.py", 3)},
    ),
    (
        "click and typer defaults",
        {
            "a.py": """
        import click
        import typer
        from transformers import AutoModel
        @click.command()
        @click.option("--model-name", default="allenai/longformer-base-4096")
        def main(model_name):
            AutoModel.from_pretrained(model_name)
        def cli(model: str = typer.Option("microsoft/deberta-v3-base")):
            AutoModel.from_pretrained(model)
     """
        },
        {("model", "allenai/longformer-base-4096", "a.py", 5), ("model", "microsoft/deberta-v3-base", "a.py", 8)},
    ),
    (
        "an Enum member's value",
        {
            "a.py": """
        from enum import Enum
        from transformers import AutoModel
        class Size(str, Enum):
            SMALL = "google/gemma-3-1b-it"
        AutoModel.from_pretrained(Size.SMALL.value)
     """
        },
        {("model", "google/gemma-3-1b-it", "a.py", 4)},
    ),
    (
        "the choices of a Streamlit select box",
        {
            "a.py": """
        import streamlit as st
        from transformers import pipeline
        name = st.selectbox("Model", ["distilbert/distilbert-base-uncased-finetuned-sst-2-english", "cardiffnlp/twitter-roberta-base-sentiment-latest"])
        pipeline("sentiment-analysis", model=name)
     """
        },
        {
            ("model", "distilbert/distilbert-base-uncased-finetuned-sst-2-english", "a.py", 3),
            ("model", "cardiffnlp/twitter-roberta-base-sentiment-latest", "a.py", 3),
        },
    ),
    (
        "llama.cpp -hf with a quantisation",
        {
            "run.sh": """
        llama-server -hf ggml-org/gemma-3-4b-it-GGUF:Q4_K_M --port 8080
     """
        },
        {("model", "ggml-org/gemma-3-4b-it-GGUF", "run.sh", 1)},
    ),
    (
        "an example environment file and role-named keys",
        {
            ".env.example": """
        HF_TOKEN=
        RERANK_MODEL=BAAI/bge-reranker-v2-m3
        EVAL_DATASET_NAME=openai/gsm8k
     """,
            "c.yaml": """
        asr_model_id: openai/whisper-large-v3
     """,
        },
        {
            ("model", "BAAI/bge-reranker-v2-m3", ".env.example", 2),
            ("dataset", "openai/gsm8k", ".env.example", 3),
            ("model", "openai/whisper-large-v3", "c.yaml", 1),
        },
    ),
    (
        "shell script with a variable",
        {
            "get.sh": """
        MODEL=deepseek-ai/DeepSeek-R1-Distill-Qwen-7B
        huggingface-cli download "$MODEL"
     """
        },
        {("model", "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", "get.sh", 1)},
    ),
    (
        "subclasses' constants read through self in the base's method",
        {
            "rerank.py": """
        from sentence_transformers import CrossEncoder
        class Reranker:
            MODEL_ID = "cross-encoder/ms-marco-MiniLM-L-6-v2"
            def __init__(self):
                self.model = CrossEncoder(self.MODEL_ID)
        class Multilingual(Reranker):
            MODEL_ID = "BAAI/bge-reranker-base"
        class Cached(Multilingual):
            def __init__(self):
                super().__init__()
     """,
            "extra.py": """
        from rerank import Reranker
        class Large(Reranker):
            MODEL_ID = "BAAI/bge-reranker-large"
     """,
        },
        {
            ("model", "cross-encoder/ms-marco-MiniLM-L-6-v2", "rerank.py", 3),
            ("model", "BAAI/bge-reranker-base", "rerank.py", 7),
            ("model", "BAAI/bge-reranker-large", "extra.py", 3),
        },
    ),
    (
        "a subclass's constant counts only where self reads it",
        {
            "rerank.py": """
        from sentence_transformers import CrossEncoder
        from vendor import Base
        class Reranker:
            MODEL_ID = "cross-encoder/ms-marco-MiniLM-L-6-v2"
            DOCS_ID = "cross-encoder/ms-marco-TinyBERT-L-2-v2"
            def __init__(self):
                self.model = CrossEncoder(Reranker.MODEL_ID)
        class Explicit(Reranker):
            MODEL_ID = "acme/never-loaded"
            DOCS_ID = "acme/never-loaded-either"
        class Loader:
            MODEL_ID = "BAAI/bge-reranker-base"
            def __init__(self):
                self.model = CrossEncoder(self.MODEL_ID)
        class Replaced(Loader):
            MODEL_ID = "acme/own-init-without-super"
            def __init__(self):
                self.model = None
        class Unrelated(Base):
            MODEL_ID = "acme/a-vendor-subclass"
     """
        },
        {
            ("model", "cross-encoder/ms-marco-MiniLM-L-6-v2", "rerank.py", 4),
            ("model", "BAAI/bge-reranker-base", "rerank.py", 12),
        },
    ),
    (
        "an Ollama hf.co model name held in a constant",
        {
            "a.py": """
        import requests
        OLLAMA_MODEL = "hf.co/bartowski/Llama-3.2-3B-Instruct-GGUF:Q4_K_M"
        def chat(prompt, model="hf.co/unsloth/gemma-3-1b-it-GGUF"):
            return requests.post("http://localhost:11434/api/generate", json={"model": OLLAMA_MODEL, "prompt": prompt})
     """
        },
        {
            ("model", "bartowski/Llama-3.2-3B-Instruct-GGUF", "a.py", 2),
            ("model", "unsloth/gemma-3-1b-it-GGUF", "a.py", 3),
        },
    ),
    (
        "a Hub address a loader receives",
        {
            "a.py": """
        from diffusers import StableDiffusionPipeline
        StableDiffusionPipeline.from_pretrained("https://huggingface.co/runwayml/stable-diffusion-v1-5")
     """
        },
        {("model", "runwayml/stable-diffusion-v1-5", "a.py", 2)},
    ),
    (
        "a Hub file downloaded through a table and a helper",
        {
            "llama/adapter.py": """
        import os
        import urllib.request

        _MODELS = {
            "7B": "https://huggingface.co/Cxxs/ImageBind-LLM/resolve/main/7B.pth",
            "knn": "https://huggingface.co/datasets/csuhan/knn/resolve/main/knn.index",
        }


        def _download(url, root):
            target = os.path.join(root, os.path.basename(url))
            urllib.request.urlretrieve(url, target)
            return target


        def load(name, root="ckpts"):
            return _download(_MODELS[name], root)
     """,
            "demo.py": """
        from llama.adapter import load
        load("7B")
     """,
        },
        {
            ("model", "Cxxs/ImageBind-LLM", "llama/adapter.py", 5),
            ("dataset", "csuhan/knn", "llama/adapter.py", 6),
        },
    ),
    (
        "torch.hub and diffusers' single files",
        {
            "a.py": """
        import torch
        from diffusers import StableDiffusionXLPipeline
        W = "https://huggingface.co/ZiyuG/ImageBind_w3D/resolve/main/imagebind_w3d.pth"
        torch.hub.download_url_to_file(W, "/tmp/w.pth")
        StableDiffusionXLPipeline.from_single_file("https://huggingface.co/org/sdxl/blob/main/sdxl.safetensors")
     """
        },
        {("model", "ZiyuG/ImageBind_w3D", "a.py", 3), ("model", "org/sdxl", "a.py", 5)},
    ),
    (
        "Hub files fetched and repositories cloned in scripts",
        {
            "get.sh": """
        wget -O w.pth https://huggingface.co/org/weights/resolve/main/w.pth
        git clone https://huggingface.co/datasets/laion/OIG data/OIG
        BASE=https://huggingface.co/org
        git lfs clone "$BASE/model-b"
     """
        },
        {
            ("model", "org/weights", "get.sh", 1),
            ("dataset", "laion/OIG", "get.sh", 2),
            ("model", "org/model-b", "get.sh", 4),
        },
    ),
    (
        "an import resolves to the nearest module of that name (several projects in one repository)",
        {
            "adapter/util/misc.py": """
        from transformers import AutoModel
        def fetch(name):
            return AutoModel.from_pretrained(name)
     """,
            "chat/util/misc.py": """
        def fetch(name):
            return name.upper()
     """,
            "adapter/run.py": """
        from util.misc import fetch
        fetch("org/adapter-model")
     """,
            "chat/run.py": """
        from util.misc import fetch
        fetch("org/chat-label")
     """,
        },
        {("model", "org/adapter-model", "adapter/run.py", 2)},
    ),
    (
        "Video-LLaVA's image and video towers in a training script",
        {
            "finetune.sh": """
        deepspeed videollava/train/train_mem.py \\
            --model_name_or_path lmsys/vicuna-7b-v1.5 \\
            --image_tower LanguageBind/LanguageBind_Image \\
            --video_tower LanguageBind/LanguageBind_Video_merge
     """
        },
        {
            ("model", "lmsys/vicuna-7b-v1.5", "finetune.sh", 2),
            ("model", "LanguageBind/LanguageBind_Image", "finetune.sh", 3),
            ("model", "LanguageBind/LanguageBind_Video_merge", "finetune.sh", 4),
        },
    ),
    (
        "an argparse option's choices, not only its default",
        {
            "demo.py": """
        import argparse
        from transformers import AutoModelForCausalLM
        parser = argparse.ArgumentParser()
        parser.add_argument("--model_name", default="fnlp/moss-moon-003-sft-int4",
                            choices=["fnlp/moss-moon-003-sft", "fnlp/moss-moon-003-sft-int8", "fnlp/moss-moon-003-sft-int4"])
        parser.add_argument("--size", default="7b", choices=["acme/not-a-model-option"])
        args = parser.parse_args()
        model = AutoModelForCausalLM.from_pretrained(args.model_name)
     """
        },
        {
            ("model", "fnlp/moss-moon-003-sft-int4", "demo.py", 4),
            ("model", "fnlp/moss-moon-003-sft", "demo.py", 5),
            ("model", "fnlp/moss-moon-003-sft-int8", "demo.py", 5),
        },
    ),
    (
        "training configs: datasets joined by +, tokenizer and model-path keys",
        {
            "configs/train.json": """
        {
            "train_dataset_name": "ylacombe/libritts_r_filtered+parler-tts/mls_eng",
            "description_tokenizer_name": "google/flan-t5-large",
            "asr_model_name_or_path": "distil-whisper/distil-large-v2",
            "train_split_name": "train.clean.360+train"
        }
     """,
            "configs/sample.yaml": """
        pretrained_model_path: "maxin-cn/Latte-1"
        save_model_path: "outputs/latte"
     """,
        },
        {
            ("dataset", "ylacombe/libritts_r_filtered", "configs/train.json", 2),
            ("dataset", "parler-tts/mls_eng", "configs/train.json", 2),
            ("model", "google/flan-t5-large", "configs/train.json", 3),
            ("model", "distil-whisper/distil-large-v2", "configs/train.json", 4),
            ("model", "maxin-cn/Latte-1", "configs/sample.yaml", 1),
        },
    ),
    (
        "a name unpacked from a table looked up by a key known at run time: every row",
        {
            "clip/utils.py": """
        from huggingface_hub import hf_hub_download
        _ORG = "OFA-Sys"
        _MODELS = {
            "ViT-B-16": ("chinese-clip-vit-base-patch16", "clip_cn_vit-b-16.pt"),
            "RN50": ("chinese-clip-rn50", "clip_cn_rn50.pt"),
        }
        def download(name, root):
            reponame, filename = _MODELS[name]
            return hf_hub_download(_ORG + "/" + reponame, filename=filename, local_dir=root)
        def first(pairs):
            (a, b), c = pairs()
            return hf_hub_download(a)
     """
        },
        {
            ("model", "OFA-Sys/chinese-clip-vit-base-patch16", "clip/utils.py", 9),  # built there
            ("model", "OFA-Sys/chinese-clip-rn50", "clip/utils.py", 9),
        },
    ),
    (
        "HfArgumentParser over dataclasses of another file: a field's default reaches the loader",
        {
            "training/arguments.py": """
        from dataclasses import dataclass, field
        @dataclass
        class ModelArguments:
            asr_model_name_or_path: str = field(default="distil-whisper/distil-large-v2")
        @dataclass
        class Other:
            asr_model_name_or_path: str = field(default="acme/not-this-class")
     """,
            "training/run.py": """
        from transformers import HfArgumentParser, pipeline
        from training.arguments import ModelArguments
        parser = HfArgumentParser((ModelArguments,))
        (model_args,) = parser.parse_args_into_dataclasses()
        asr = pipeline(model=model_args.asr_model_name_or_path)
     """,
        },
        {("model", "distil-whisper/distil-large-v2", "training/arguments.py", 4)},
    ),
    (
        "shell arrays and loops over them, datasets joined by + in a flag",
        {
            "sweep.sh": """
        DATASET_NAMES=("distil-whisper/voxpopuli" "distil-whisper/tedlium")
        names=("openai/whisper-large-v2" "openai/whisper-medium.en")
        names+=("patrickvonplaten/whisper-large-v2-32-2")
        for i in "${!DATASET_NAMES[@]}"; do
          python run.py --dataset_name "${DATASET_NAMES[i]}" --output_dir out
        done
        for name in "${names[@]}"; do
          python run_speed.py --model_name_or_path ${name} --dataset_name "google/fleurs+distil-whisper/chime4"
        done
        for size in small base; do
          python eval.py --model_name_or_path "openai/whisper-$size"
        done
     """
        },
        {
            ("dataset", "distil-whisper/voxpopuli", "sweep.sh", 1),
            ("dataset", "distil-whisper/tedlium", "sweep.sh", 1),
            ("model", "openai/whisper-large-v2", "sweep.sh", 2),
            ("model", "openai/whisper-medium.en", "sweep.sh", 2),
            ("model", "patrickvonplaten/whisper-large-v2-32-2", "sweep.sh", 3),
            ("dataset", "google/fleurs", "sweep.sh", 8),
            ("dataset", "distil-whisper/chime4", "sweep.sh", 8),
            ("model", "openai/whisper-small", "sweep.sh", 11),
            ("model", "openai/whisper-base", "sweep.sh", 11),
        },
    ),
    (
        "a loop over a list wrapped in a progress bar",
        {
            "compare.py": """
        from tqdm.auto import tqdm
        from transformers import AutoTokenizer
        TOKENIZERS = ["google/gemma-2-2b-it", "Qwen/Qwen2-0.5B-Instruct"]
        for name in tqdm(TOKENIZERS, desc="tokenizers"):
            tokenizer = AutoTokenizer.from_pretrained(name)
     """
        },
        {("model", "google/gemma-2-2b-it", "compare.py", 3), ("model", "Qwen/Qwen2-0.5B-Instruct", "compare.py", 3)},
    ),
    (
        "an option without a default that the code compares with constants",
        {
            "mine.py": """
        import argparse
        from sentence_transformers import SentenceTransformer
        parser = argparse.ArgumentParser()
        parser.add_argument("--model_name", type=str)
        parser.add_argument("--reranker", type=str)
        args = parser.parse_args()
        model_name = args.model_name
        model = SentenceTransformer(model_name, trust_remote_code=True)
        if model_name == "nvidia/NV-Embed-v2":
            model.max_seq_length = 32768
        elif model_name in ("dunzhang/stella_en_1.5B_v5", "Snowflake/snowflake-arctic-embed-l-v2.0"):
            model.max_seq_length = 8192
        reranker = SentenceTransformer(args.reranker)
        if args.reranker == "BAAI/bge-reranker-v2-m3":
            print("reranking")
     """
        },
        {
            ("model", "nvidia/NV-Embed-v2", "mine.py", 9),
            ("model", "dunzhang/stella_en_1.5B_v5", "mine.py", 11),
            ("model", "Snowflake/snowflake-arctic-embed-l-v2.0", "mine.py", 11),
            ("model", "BAAI/bge-reranker-v2-m3", "mine.py", 14),
        },
    ),
    (
        "a parameter an assertion restricts to a list",
        {
            "conditioners.py": """
        from transformers import T5EncoderModel
        class T5Conditioner:
            MODELS = ["t5-small", "google/flan-t5-base"]
            def __init__(self, name, **kwargs):
                assert name in self.MODELS, f"unknown T5 {name}"
                self.t5 = T5EncoderModel.from_pretrained(name)
     """
        },
        {("model", "t5-small", "conditioners.py", 3), ("model", "google/flan-t5-base", "conditioners.py", 3)},
    ),
    (
        "a parameter compared with a constant waits for its callers",
        {
            "a.py": """
        from transformers import AutoModel
        def load(name):
            if name == "org/special":
                print("special")
            return AutoModel.from_pretrained(name)
        load("org/real")
     """
        },
        {("model", "org/real", "a.py", 6)},
    ),
    (
        "an attribute of a task no call makes known: what the project's task classes set it to",
        {
            "tasks/vision.py": """
        class Task:
            dataset_name: str = None
            split = "test"
        class Cifar10Sample(Task):
            dataset_name: str = "acme-eval/cifar10-sample"
        class FoodSample(Task):
            dataset_name = "acme-eval/food101-sample"
            path = "org/not-a-dataset-name"
     """,
            "evaluators/prober.py": """
        from datasets import load_dataset
        def prober(task, args):
            support = load_dataset(task.dataset_name, split=task.split)
            query = load_dataset(task.path)
            return support, query
     """,
            "launch.py": """
        import importlib
        from evaluators.prober import prober
        def main(family, name):
            task_class = getattr(importlib.import_module(f"tasks.{family}"), name)
            prober(task_class(), None)
     """,
        },
        {
            ("dataset", "acme-eval/cifar10-sample", "tasks/vision.py", 5),
            ("dataset", "acme-eval/food101-sample", "tasks/vision.py", 7),
        },
    ),
    (
        "a file read for the classes that set an attribute is not read for loaders",
        {
            "load.py": """
        from transformers import AutoModel, AutoTokenizer
        def load(cfg):
            return AutoModel.from_pretrained(cfg.model)
        def tokenizer(name):
            return AutoTokenizer.from_pretrained(name)
        def helper(size):
            return tokenizer(size)
        helper("acme/tokenizer")
     """,
            "judge.py": """
        import openai
        client = openai.OpenAI(base_url="http://localhost:8000/v1")
        answer = client.chat.completions.create(
            model="acme/judge-llm",
            messages=[],
        )
     """,
        },
        {("model", "acme/tokenizer", "load.py", 8)},
    ),
    (
        "a class picked from a registry, its arguments unpacked from the dict under the same key",
        {
            "routers.py": """
        from datasets import load_dataset
        from transformers import AutoModel
        class TextRouter:
            def __init__(self, checkpoint, threshold=0.5):
                self.model = AutoModel.from_pretrained(checkpoint)
        class DataRouter:
            def __init__(self, checkpoint):
                self.table = load_dataset(checkpoint)
        class RandomRouter:
            def __init__(self):
                pass
        ROUTERS = {"text": TextRouter, "data": DataRouter, "random": RandomRouter}
     """,
            "controller.py": """
        from routers import ROUTERS
        CONFIG = {
            "text": {"checkpoint": "acme/text-router"},
            "data": {"checkpoint": "acme/router-battles"},
        }
        class Controller:
            def __init__(self, names, config=None):
                if config is None:
                    config = CONFIG
                self.routers = {name: ROUTERS[name](**config.get(name, {})) for name in names}
     """,
        },
        {("model", "acme/text-router", "controller.py", 3), ("dataset", "acme/router-battles", "controller.py", 4)},
    ),
    (
        "keyword arguments unpacked from a constant dict",
        {
            "a.py": """
        from transformers import AutoModel
        def build(model_name, dtype=None):
            return AutoModel.from_pretrained(model_name, torch_dtype=dtype)
        SETTINGS = {"model_name": "acme/encoder-base", "dtype": "bfloat16"}
        build(**SETTINGS)
     """,
        },
        {("model", "acme/encoder-base", "a.py", 4)},
    ),
    (
        "an organisation named like the project's own package, or a folder of its sources",
        {
            "routellm/__init__.py": "",
            "routellm/serve.py": """
        from transformers import AutoModel
        model = AutoModel.from_pretrained("routellm/bert_gpt4_augmented")
        local = AutoModel.from_pretrained("routellm/serve.py")
     """,
            "exp42/README.md": "filled by training",
            "eval.py": """
        from transformers import AutoModel
        model = AutoModel.from_pretrained("exp42/llama-run-1")
     """,
            "WizardLM/src/train.py": "import transformers\n",
            "WizardLM/README.md": "sources of the WizardLM models",
            "WizardLM/data/README.md": "a data folder of its own",
            "demo/wizardcoder_demo.py": """
        from vllm import LLM
        def main(base_model="WizardLM/WizardCoder-Python-34B-V1.0", data="WizardLM/data"):
            return LLM(model=base_model)
     """,
        },
        {
            ("model", "routellm/bert_gpt4_augmented", "routellm/serve.py", 2),
            ("model", "WizardLM/WizardCoder-Python-34B-V1.0", "demo/wizardcoder_demo.py", 2),
        },
    ),
    (
        "a Gradio input's choices and value reach the function an event calls",
        {
            "app.py": """
        import gradio as gr
        from transformers import AutoModel
        MODEL = None
        def load_model(version="acme/tts-small"):
            global MODEL
            MODEL = AutoModel.from_pretrained(version)
        def predict(model, text, steps):
            load_model(model)
            return MODEL(text)
        def echo(text):
            return AutoModel.from_pretrained(text)
        with gr.Blocks() as demo:
            model = gr.Radio(["acme/tts-medium", "acme/tts-large"], value="acme/tts-medium", label="Model")
            text = gr.Textbox(label="Text")
            steps = gr.Slider(1, 50)
            button = gr.Button("Go")
            button.click(lambda: None).then(predict, inputs=[model, text, steps], outputs=[])
            voice = gr.Dropdown(choices=[("Small", "acme/voice-small")], label="Voice")
            gr.Interface(echo, voice, "text")
     """,
        },
        {
            ("model", "acme/tts-small", "app.py", 4),
            ("model", "acme/tts-medium", "app.py", 13),
            ("model", "acme/tts-large", "app.py", 13),
            ("model", "acme/voice-small", "app.py", 18),
        },
    ),
    (
        "a shell variable set from an array inside a loop over its indexes",
        {
            "run.sh": """
        names=("openai/whisper-large-v2" "openai/whisper-medium.en")
        assistants=("acme/whisper-large-32-2" "openai/whisper-small")
        for (( i=0; i<${#names[*]}; ++i)); do
          name=${names[$i]}
          assistant="${assistants[$i]}"
          python run_speed.py --model_name_or_path ${name} --assistant_model_name_or_path ${assistant}
        done
     """,
        },
        {
            ("model", "openai/whisper-large-v2", "run.sh", 1),
            ("model", "openai/whisper-medium.en", "run.sh", 1),
            ("model", "acme/whisper-large-32-2", "run.sh", 2),
            ("model", "openai/whisper-small", "run.sh", 2),
        },
    ),
    (
        "a sweep's values for a model key",
        {
            "sweep.yaml": """
        method: grid
        parameters:
          model_name_or_path:
            values:
              - acme/student-32-16
              - acme/student-32-8
          teacher_model_name_or_path:
            value: openai/whisper-large-v2
          learning_rate:
            values: [0.0001, 0.0003]
     """,
        },
        {
            ("model", "acme/student-32-16", "sweep.yaml", 5),
            ("model", "acme/student-32-8", "sweep.yaml", 6),
            ("model", "openai/whisper-large-v2", "sweep.yaml", 8),
        },
    ),
    (
        "an option whose choices are a registry's keys, downloaded by a command line a helper runs",
        {
            "setup_env.py": """
        import argparse, subprocess
        SUPPORTED = {
            "acme/bitnet-large": {"model_name": "bitnet-large"},
            "acme/bitnet-3b": {"model_name": "bitnet-3b"},
        }
        def run_command(command, shell=False):
            subprocess.run(command, shell=shell, check=True)
        def prepare_model():
            hf_url = args.hf_repo
            if hf_url is not None:
                run_command(["huggingface-cli", "download", hf_url, "--local-dir", "models"])
        def parse_args():
            parser = argparse.ArgumentParser()
            parser.add_argument("--hf-repo", "-hr", type=str, choices=SUPPORTED.keys())
            return parser.parse_args()
        if __name__ == "__main__":
            args = parse_args()
            prepare_model()
     """,
        },
        {("model", "acme/bitnet-large", "setup_env.py", 3), ("model", "acme/bitnet-3b", "setup_env.py", 4)},
    ),
    (
        "an option's default written in a function, read where it is written",
        {
            "train.py": """
        import argparse
        from transformers import AutoModel
        DEFAULT_MODEL = "acme/encoder-default"
        def get_args():
            parser = argparse.ArgumentParser()
            parser.add_argument("--model_name", default=DEFAULT_MODEL)
            return parser.parse_args()
        def main():
            args = get_args()
            AutoModel.from_pretrained(args.model_name)
     """,
        },
        {("model", "acme/encoder-default", "train.py", 3)},
    ),
    (
        "the flags of a nested configuration, in a heredoc a launcher runs",
        {
            "train_sft.sh": """
        read -r -d '' training_commands <<EOF
        openrlhf.cli.train_sft \\
           --data.dataset Open-Orca/OpenOrca \\
           --data.max_len 2048 \\
           --model.model_name_or_path meta-llama/Meta-Llama-3-8B \\
           --ckpt.output_dir ./checkpoint/llama3-8b-sft \\
           --hub.model_id acme/pushed-here \\
           --eval.dataset acme/aime-2024
        EOF
        deepspeed --module $training_commands
     """,
        },
        {
            ("dataset", "Open-Orca/OpenOrca", "train_sft.sh", 3),
            ("model", "meta-llama/Meta-Llama-3-8B", "train_sft.sh", 5),
            ("dataset", "acme/aime-2024", "train_sft.sh", 8),
        },
    ),
    (
        "task classes two levels below the class that loads their dataset, one of them naming it bare",
        {
            "evalh/base.py": """
        from datasets import load_dataset
        class Task:
            DATASET_PATH: str = None
            def __init__(self):
                self.dataset = load_dataset(path=self.DATASET_PATH)
     """,
            "evalh/tasks/humaneval.py": """
        from evalh.base import Task
        class GeneralHumanEval(Task):
            DATASET_PATH = "openai_humaneval"
            def __init__(self, k=1):
                super().__init__()
     """,
            "evalh/tasks/humanevalplus.py": """
        from evalh.tasks.humaneval import GeneralHumanEval
        class GeneralHumanEvalPlus(GeneralHumanEval):
            DATASET_PATH = "evalplus/humanevalplus"
     """,
        },
        {
            ("dataset", "openai_humaneval", "evalh/tasks/humaneval.py", 3),
            ("dataset", "evalplus/humanevalplus", "evalh/tasks/humanevalplus.py", 3),
        },
    ),
    (
        "a Slurm job script",
        {
            "slurm/serve_r1.slurm": """
        #!/bin/bash
        #SBATCH --job-name=r1-server
        MODEL_PATH="deepseek-ai/DeepSeek-R1"
        srun vllm serve "$MODEL_PATH" --tensor-parallel-size 8
     """,
        },
        {("model", "deepseek-ai/DeepSeek-R1", "slurm/serve_r1.slurm", 3)},
    ),
    (
        "arrays over several lines: clones of Hub repositories in a loop, and arguments kept for a command",
        {
            "download.sh": """
        models=(
            "nlpconnect/vit-gpt2-image-captioning"
            "lllyasviel/sd-controlnet-canny"
        )
        datasets=("Matthijs/cmu-arctic-xvectors")
        for model in "${models[@]}"; do
            echo "----- Downloading from https://huggingface.co/${model} -----"
            git clone --recurse-submodules "https://huggingface.co/${model}" "${model}"
        done
        for dataset in "${datasets[@]}"; do
            git clone "https://huggingface.co/datasets/${dataset}" "${dataset}"
        done
     """,
            "train.sh": """
        DATASET_PATH="zhuzilin/dapo-math-17k"
        CKPT_ARGS=(
           --actor.model_name_or_path Qwen/Qwen3-4B-Thinking-2507
           --ckpt.output_dir ./exp
        )
        ROLLOUT_ARGS=(
           --data.prompt_dataset ${DATASET_PATH}
           --data.max_len 74240
        )
        python3 -m openrlhf.cli.train_ppo_ray ${CKPT_ARGS[@]} ${ROLLOUT_ARGS[@]}
     """,
        },
        {
            ("model", "nlpconnect/vit-gpt2-image-captioning", "download.sh", 2),
            ("model", "lllyasviel/sd-controlnet-canny", "download.sh", 3),
            ("dataset", "Matthijs/cmu-arctic-xvectors", "download.sh", 5),
            ("model", "Qwen/Qwen3-4B-Thinking-2507", "train.sh", 3),
            ("dataset", "zhuzilin/dapo-math-17k", "train.sh", 1),
        },
    ),
    (
        "faster-whisper's size names, also through the project's subclass of its model",
        {
            "asr.py": """
        import faster_whisper
        from faster_whisper import WhisperModel as FasterWhisper
        class WhisperModel(faster_whisper.WhisperModel):
            def transcribe_batch(self, audio):
                return audio
        def load_model(whisper_arch, device="cpu"):
            return WhisperModel(whisper_arch, device=device)
        tiny = FasterWhisper("tiny.en")
        own = FasterWhisper("acme/faster-whisper-custom")
     """,
            "cli.py": """
        import argparse
        from asr import load_model
        def transcribe_task(args):
            model_name = args.pop("model")
            return load_model(model_name)
        def cli():
            parser = argparse.ArgumentParser()
            parser.add_argument("--model", default="small")
            args = parser.parse_args().__dict__
            transcribe_task(args)
     """,
        },
        {
            ("model", "Systran/faster-whisper-tiny.en", "asr.py", 8),
            ("model", "acme/faster-whisper-custom", "asr.py", 9),
            ("model", "Systran/faster-whisper-small", "cli.py", 8),
        },
    ),
    (
        "a method a base class calls through self, overridden by a subclass that loads",
        {
            "handlers.py": """
        from transformers import AutoModelForCausalLM
        class BaseHandler:
            def setup(self, model_name="Qwen/Qwen3-4B-Instruct-2507", device="cuda"):
                self._load_model(model_name, device)
            def _load_model(self, model_name, device):
                raise NotImplementedError
        class LanguageModelHandler(BaseHandler):
            def _load_model(self, model_name, device):
                self.model = AutoModelForCausalLM.from_pretrained(model_name)
     """,
        },
        {("model", "Qwen/Qwen3-4B-Instruct-2507", "handlers.py", 3)},
    ),
    (
        "what a base class's __init__ keeps for its subclasses, through each subclass's own super() only",
        {
            "models.py": """
        import litellm
        import mlx_lm
        from huggingface_hub import InferenceClient
        class Model:
            def __init__(self, model_id=None):
                self.model_id = model_id
        class MLXModel(Model):
            def __init__(self, model_id, **kwargs):
                super().__init__(model_id=model_id, **kwargs)
                self.model, self.tokenizer = mlx_lm.load(self.model_id)
        class LiteLLMModel(Model):
            def __init__(self, model_id="groq/llama-3.3-70b"):
                super().__init__(model_id=model_id)
            def generate(self, messages):
                return litellm.completion(model=self.model_id, messages=messages)
        class ClientModel(Model):
            def __init__(self, model_id="acme/served-default", provider=None, client_kwargs=None):
                self.client_kwargs = {**(client_kwargs or {}), "model": model_id, "provider": provider}
                super().__init__(model_id=model_id)
            def create_client(self):
                return InferenceClient(**self.client_kwargs)
        MLXModel("mlx-community/acme-4bit")
        LiteLLMModel(model_id="groq/llama-3.3-70b-versatile")
     """,
        },
        {
            ("model", "mlx-community/acme-4bit", "models.py", 22),
            ("model", "acme/served-default", "models.py", 17),
        },
    ),
    (
        "an OpenCompass config: dict(type=...) built by the framework, over a list of models",
        {
            "eval_models.py": """
        from opencompass.models import HuggingFaceCausalLM, VLLM
        model_name_or_paths = [
            "YeungNLP/firefly-bloom-1b4",
            "OpenBuddy/openbuddy-llama2-13b-v8.1-fp16",
        ]
        models = []
        for model_name_or_path in model_name_or_paths:
            models.append(dict(type=HuggingFaceCausalLM, path=model_name_or_path, tokenizer_path=model_name_or_path))
        models.append(dict(type=VLLM, path="Qwen/Qwen2-7B-Instruct", max_out_len=100))
        other = dict(type="HuggingFaceCausalLM", path="acme/not-built")
     """,
            "pipeline.yaml": """
        model2path:
          e5: intfloat/e5-base-v2
          llama2-7B-chat: meta-llama/Llama-2-7b-chat-hf
          local: ./checkpoints/mine
     """,
        },
        {
            ("model", "YeungNLP/firefly-bloom-1b4", "eval_models.py", 3),
            ("model", "OpenBuddy/openbuddy-llama2-13b-v8.1-fp16", "eval_models.py", 4),
            ("model", "Qwen/Qwen2-7B-Instruct", "eval_models.py", 9),
            ("model", "intfloat/e5-base-v2", "pipeline.yaml", 2),
            ("model", "meta-llama/Llama-2-7b-chat-hf", "pipeline.yaml", 3),
        },
    ),
    (
        "a preset's download links, speechbrain's pretrained interfaces, whisperX's size names",
        {
            "presets/default.json": """
        {
            "default_model": "juggernautXL_v8Rundiffusion.safetensors",
            "checkpoint_downloads": {
                "juggernautXL_v8Rundiffusion.safetensors": "https://huggingface.co/lllyasviel/fav_models/resolve/main/fav/juggernautXL_v8Rundiffusion.safetensors"
            },
            "model_card": "https://huggingface.co/acme/card-only"
        }
     """,
            "speaker.py": """
        from speechbrain.inference.speaker import EncoderClassifier
        import whisperx
        encoder = EncoderClassifier.from_hparams("speechbrain/spkrec-ecapa-voxceleb", savedir="~/.cache/sb")
        asr = whisperx.load_model("medium.en", "cuda")
     """,
        },
        {
            ("model", "lllyasviel/fav_models", "presets/default.json", 4),
            ("model", "speechbrain/spkrec-ecapa-voxceleb", "speaker.py", 3),
            ("model", "Systran/faster-whisper-medium.en", "speaker.py", 4),
        },
    ),
    (
        "lm-eval's and lighteval's --model_args, in a loop; a script's argument with a default",
        {
            "eval.slurm": """
        #!/bin/bash
        MODELS=(
          "openai-community/gpt2"
          "HuggingFaceTB/cosmo2-1.7B-1T"
        )
        for model in "${MODELS[@]}"
        do
          accelerate launch run_evals_accelerate.py --model_args="pretrained=$model" --tasks "custom|hellaswag|0|1"
        done
        lm_eval --model hf --model_args pretrained=EleutherAI/pythia-160m,dtype=bfloat16,peft=acme/pythia-lora --tasks mmlu
     """,
            "gen.sh": """
        model_path=${1:-"meta-llama/Meta-Llama-3-8B-Instruct"}
        python gen.py --model_path ${model_path}
     """,
        },
        {
            ("model", "openai-community/gpt2", "eval.slurm", 3),
            ("model", "HuggingFaceTB/cosmo2-1.7B-1T", "eval.slurm", 4),
            ("model", "EleutherAI/pythia-160m", "eval.slurm", 10),
            ("model", "acme/pythia-lora", "eval.slurm", 10),
            ("model", "meta-llama/Meta-Llama-3-8B-Instruct", "gen.sh", 1),
        },
    ),
    (
        "a model of NVIDIA NIM's catalogue asked of an OpenAI-compatible endpoint is no repository",
        {
            "nim.py": """
        from openai import OpenAI
        from transformers import AutoTokenizer
        tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-70B-Instruct")
        client = OpenAI(base_url="https://integrate.api.nvidia.com/v1", api_key="$API_KEY")
        completion = client.chat.completions.create(model="meta/llama-3.1-70b-instruct", messages=[])
     """,
        },
        {("model", "meta-llama/Llama-3.1-70B-Instruct", "nim.py", 3)},
    ),
    (
        "a table in a data file of the project that the code reads",
        {
            "config/model2path.json": """
        {
            "GLM-4-9B-Chat": "THUDM/glm-4-9b-chat",
            "Llama-3.1-8B-Instruct": "meta-llama/Llama-3.1-8B-Instruct"
        }
     """,
            "settings.yaml": """
        encoder: acme/encoder-x
        batch: 8
     """,
            "pred.py": """
        import json
        import yaml
        from transformers import AutoTokenizer
        model_map = json.loads(open("config/model2path.json", encoding="utf-8").read())
        def load(model):
            return AutoTokenizer.from_pretrained(model_map[model])
        settings = yaml.safe_load(open("settings.yaml"))
        encoder = AutoTokenizer.from_pretrained(settings["encoder"])
        missing = json.load(open("config/absent.json"))
        other = AutoTokenizer.from_pretrained(missing["model"])
     """,
        },
        {
            ("model", "THUDM/glm-4-9b-chat", "config/model2path.json", 2),
            ("model", "meta-llama/Llama-3.1-8B-Instruct", "config/model2path.json", 3),
            ("model", "acme/encoder-x", "settings.yaml", 1),
        },
    ),
    (
        "lmdeploy's pipeline takes the model first",
        {
            "a.py": """
        from lmdeploy import TurbomindEngineConfig, pipeline
        pipe = pipeline("internlm/internlm2-chat-20b-4bits", backend_config=TurbomindEngineConfig(model_format="awq"))
     """
        },
        {("model", "internlm/internlm2-chat-20b-4bits", "a.py", 2)},
    ),
    (
        "distilabel's LLMs, reward model and embeddings",
        {
            "a.py": """
        from distilabel.embeddings import SentenceTransformerEmbeddings
        from distilabel.llms import InferenceEndpointsLLM, vLLM
        from distilabel.steps import RewardModelScore
        llm = vLLM(model="meta-llama/Llama-3.1-8B-Instruct", tokenizer="meta-llama/Llama-3.1-8B-Instruct")
        judge = InferenceEndpointsLLM(model_id="Qwen/Qwen2.5-72B-Instruct")
        score = RewardModelScore(model="RLHFlow/ArmoRM-Llama3-8B-v0.1")
        embed = SentenceTransformerEmbeddings(model="all-MiniLM-L6-v2")
     """
        },
        {
            ("model", "meta-llama/Llama-3.1-8B-Instruct", "a.py", 4),
            ("model", "Qwen/Qwen2.5-72B-Instruct", "a.py", 5),
            ("model", "RLHFlow/ArmoRM-Llama3-8B-v0.1", "a.py", 6),
            ("model", "sentence-transformers/all-MiniLM-L6-v2", "a.py", 7),
        },
    ),
    (
        "lighteval's task reads the dataset of hf_repo",
        {
            "tasks.py": """
        from lighteval.tasks.lighteval_task import LightevalTaskConfig
        TASKS = [
            LightevalTaskConfig(name="arc", prompt_function=None, hf_repo="allenai/ai2_arc", hf_subset="ARC-Easy"),
            LightevalTaskConfig(name="boolq", prompt_function=None, hf_repo="google/boolq", hf_subset="default"),
        ]
     """
        },
        {("dataset", "allenai/ai2_arc", "tasks.py", 3), ("dataset", "google/boolq", "tasks.py", 4)},
    ),
    (
        "MLC's engine fetches HF:// models, not its plain names",
        {
            "a.py": """
        from mlc_llm import MLCEngine
        engine = MLCEngine("HF://mlc-ai/SmolLM2-1.7B-Instruct-q4f16_1-MLC")
        local = MLCEngine("dist/SmolLM2-1.7B-q4f16_1")
     """
        },
        {("model", "mlc-ai/SmolLM2-1.7B-Instruct-q4f16_1-MLC", "a.py", 2)},
    ),
    (
        "an Enum member picked by a key known at run time, or by name",
        {
            "miner.py": """
        from enum import Enum
        from sentence_transformers import SentenceTransformer

        class DenseModels(str, Enum):
            en_small = "BAAI/bge-small-en-v1.5"
            zh_small = "thenlper/gte-small-zh"

            def label(self):
                return self.name

        class Sizes(Enum):
            tiny = "org/tiny-model"
            large = "org/large-model"

        def miner(language, size):
            hub_model = DenseModels[f"{language}_{size}"].value
            return SentenceTransformer(hub_model)

        fixed = SentenceTransformer(Sizes["large"].value)
        named = SentenceTransformer(Sizes.tiny.value)
     """
        },
        {
            ("model", "BAAI/bge-small-en-v1.5", "miner.py", 5),
            ("model", "thenlper/gte-small-zh", "miner.py", 6),
            ("model", "org/large-model", "miner.py", 13),
            ("model", "org/tiny-model", "miner.py", 12),
        },
    ),
    (
        "str methods with constant arguments, and a split into repository and file",
        {
            "app.py": """
        import argparse
        from huggingface_hub import hf_hub_download
        from transformers import AutoModel
        parser = argparse.ArgumentParser()
        parser.add_argument("--model_name", default="giga830M", choices=["giga330M", "giga830M"])
        args = parser.parse_args()
        name = f"{args.model_name}.pth"
        AutoModel.from_pretrained(f"pyp1/VoiceCraft_{name.replace('.pth', '')}")
        AutoModel.from_pretrained(" org/padded ".strip())

        def load_model(ref="collabora/whisperspeech:t2s-small-en+pl.model"):
            repo_id, filename = ref.split(":", 1)
            return hf_hub_download(repo_id=repo_id, filename=filename)

        def load_other(ref="org/other-repo:weights.bin"):
            return hf_hub_download(repo_id=ref.split(":")[0], filename=ref.split(":")[-1])
     """
        },
        {
            ("model", "pyp1/VoiceCraft_giga330M", "app.py", 8),
            ("model", "pyp1/VoiceCraft_giga830M", "app.py", 8),
            ("model", "org/padded", "app.py", 9),
            ("model", "collabora/whisperspeech", "app.py", 11),
            ("model", "org/other-repo", "app.py", 15),
        },
    ),
    (
        "a Gradio input's choices through an if/elif chain that renames some of them",
        {
            "app.py": """
        import gradio as gr
        from transformers import AutoModel

        def load_models(backend, name):
            if name == "330M":
                name = "giga330M"
            elif name == "830M":
                name = "giga830M"
            elif name == "330M_Enhanced":
                name = "330M_Enhanced"
            return AutoModel.from_pretrained(f"pyp1/VoiceCraft_{name}")

        with gr.Blocks() as demo:
            backend = gr.Radio(choices=["a", "b"], value="a")
            choice = gr.Radio(value="830M_Enhanced", choices=["330M", "830M", "330M_Enhanced", "830M_Enhanced"])
            gr.Button().click(fn=load_models, inputs=[backend, choice])
     """
        },
        {
            ("model", "pyp1/VoiceCraft_giga330M", "app.py", 11),
            ("model", "pyp1/VoiceCraft_giga830M", "app.py", 11),
            ("model", "pyp1/VoiceCraft_330M_Enhanced", "app.py", 11),
            ("model", "pyp1/VoiceCraft_830M_Enhanced", "app.py", 11),
        },
    ),
    (
        "what a project function or a property returns",
        {
            "names.py": """
        def embedding_model():
            return "BAAI/bge-small-en-v1.5"

        def sized(size="base"):
            if size == "large":
                return "org/large-" + size
            return f"org/model-{size}"

        def stream():
            yield "org/yielded"
            return "org/generated-not-returned"
     """,
            "app.py": """
        from sentence_transformers import SentenceTransformer
        from transformers import AutoModel
        from names import embedding_model, sized, stream

        class Task:
            @property
            def description(self):
                return {"name": "Banking77", "hf_hub_name": "mteb/banking77"}

            def load(self):
                return SentenceTransformer(self.description["hf_hub_name"])

        SentenceTransformer(embedding_model())
        AutoModel.from_pretrained(sized("small"))
        AutoModel.from_pretrained(sized("large"))
        AutoModel.from_pretrained(stream())
     """,
        },
        {
            ("model", "BAAI/bge-small-en-v1.5", "names.py", 2),
            ("model", "org/large-large", "names.py", 6),
            ("model", "org/model-small", "names.py", 7),
            ("model", "mteb/banking77", "app.py", 8),
        },
    ),
    (
        "names a module takes with `from x import *`, and a package that re-exports a class that way",
        {
            "settings.py": """
        MODEL_NAME = "org/star-model"
     """,
            "run.py": """
        from transformers import AutoModel
        from settings import *
        AutoModel.from_pretrained(MODEL_NAME)
     """,
            "tasks/__init__.py": "",
            "tasks/abstasks/__init__.py": """
        from .AbsTask import *
     """,
            "tasks/abstasks/AbsTask.py": """
        import datasets

        class AbsTask:
            def load_data(self):
                return datasets.load_dataset(self.description["hf_hub_name"])
     """,
            "tasks/Banking.py": """
        from .abstasks import AbsTask

        class Banking77(AbsTask):
            @property
            def description(self):
                return {"hf_hub_name": "mteb/banking77"}
     """,
        },
        {
            ("model", "org/star-model", "settings.py", 1),
            ("dataset", "mteb/banking77", "tasks/Banking.py", 6),
        },
    ),
    (
        "a recipe's dataset mixer, a Hydra model config's name_or_path, a shell script's dataset variable",
        {
            "recipes/sft.yaml": """
        model_name_or_path: alignment-handbook/zephyr-7b-sft-full
        dataset_mixer:
          HuggingFaceH4/ultrachat_200k: 1.0
          UCLA-AGI/SPIN_iter1: 0.5
        dataset_splits:
        - train
     """,
            "config/model/pythia28.yaml": """
        name_or_path: EleutherAI/pythia-2.8b
        tokenizer_name_or_path: null
     """,
            "scripts/run.sh": """
        input_dataset_path_or_name=${1:-"allenai/tulu-v2-sft-mixture"}
        python reformat.py --data $input_dataset_path_or_name
     """,
        },
        {
            ("model", "alignment-handbook/zephyr-7b-sft-full", "recipes/sft.yaml", 1),
            ("dataset", "HuggingFaceH4/ultrachat_200k", "recipes/sft.yaml", 3),
            ("dataset", "UCLA-AGI/SPIN_iter1", "recipes/sft.yaml", 4),
            ("model", "EleutherAI/pythia-2.8b", "config/model/pythia28.yaml", 1),
            ("dataset", "allenai/tulu-v2-sft-mixture", "scripts/run.sh", 1),
        },
    ),
    (
        "a Hub URL whose file is known only at run time, a dataset's Parquet listing, a Hub kernel",
        {
            "fetch.py": """
        import requests
        import urllib.request
        from kernels import get_kernel
        BASE_URL = "https://huggingface.co/datasets/karpathy/climbmix-400b-shuffle/resolve/main"

        def download(index):
            return requests.get(f"{BASE_URL}/shard_{index:05d}.parquet")

        def load_hub_dataset(repo_id, split):
            listing = f"https://huggingface.co/api/datasets/{repo_id}/parquet/default/{split}"
            return urllib.request.urlopen(listing)

        def elsewhere(name):
            return requests.get(f"https://huggingface.co/{name}/resolve/main/x.bin")

        load_hub_dataset("cais/mmlu", input("split? "))
        kernel = get_kernel("kernels-community/flash-attn3")
     """,
        },
        {
            ("dataset", "karpathy/climbmix-400b-shuffle", "fetch.py", 7),
            ("dataset", "cais/mmlu", "fetch.py", 10),
            ("model", "kernels-community/flash-attn3", "fetch.py", 17),
        },
    ),
    (
        "transformers' pipeline without a model: the task's default model",
        {
            "app.py": """
        import sys
        from transformers import pipeline
        classify = pipeline("sentiment-analysis")
        summarise = pipeline(task="summarization", model=None)
        generate = pipeline("text-generation", model="org/chosen")
        unknown_task = pipeline(sys.argv[1])

        def tagger(model=None):
            if isinstance(model, str):
                return pipeline("ner", model=model)

        def chosen(model="org/tagger"):
            return pipeline("token-classification", model=model)

        def passed_on(**kwargs):
            return pipeline("fill-mask", **kwargs)
     """
        },
        {
            ("model", "distilbert/distilbert-base-uncased-finetuned-sst-2-english", "app.py", 3),
            ("model", "sshleifer/distilbart-cnn-12-6", "app.py", 4),
            ("model", "org/chosen", "app.py", 5),
            ("model", "org/tagger", "app.py", 12),
        },
    ),
    (
        "a field with a default in the class body, given by keyword where an instance is made",
        {
            "util.py": """
        from dataclasses import dataclass
        from huggingface_hub import hf_hub_download

        @dataclass
        class ModelSpec:
            repo_id: str
            lora_repo_id: str | None = None
            ae_repo_id: str = "org/default-ae"

        configs = {
            "dev": ModelSpec(repo_id="org/dev"),
            "canny": ModelSpec(repo_id="org/dev", lora_repo_id="org/canny-lora"),
        }

        def load(name):
            config = configs[name]
            hf_hub_download(config.repo_id, "flow.safetensors")
            hf_hub_download(config.ae_repo_id, "ae.safetensors")
            if config.lora_repo_id is not None:
                hf_hub_download(config.lora_repo_id, "lora.safetensors")
     """
        },
        {
            ("model", "org/dev", "util.py", 11),
            ("model", "org/dev", "util.py", 12),
            ("model", "org/default-ae", "util.py", 8),
            ("model", "org/canny-lora", "util.py", 12),
        },
    ),
    (
        "an option's choices that a project function returns",
        {
            "asr.py": """
        import argparse
        from huggingface_hub import snapshot_download

        def get_models():
            sizes = ["medium", "large-v3"]
            return sizes

        parser = argparse.ArgumentParser()
        parser.add_argument("--model_size", default="medium", choices=get_models())
        size = parser.parse_args().model_size
        snapshot_download(f"Systran/faster-whisper-{size}")
     """
        },
        {
            ("model", "Systran/faster-whisper-medium", "asr.py", 11),
            ("model", "Systran/faster-whisper-large-v3", "asr.py", 11),
        },
    ),
    (
        "a function run by a process, a thread or an executor, and a parameter's dict read by a key known at run time",
        {
            "pred.py": """
        import sys
        import multiprocessing as mp
        from concurrent.futures import ThreadPoolExecutor
        from threading import Thread
        from transformers import AutoModel

        def load(path):
            return AutoModel.from_pretrained(path)

        def get_pred(rank, model2path, name):
            return load(model2path[name])

        def warm(model):
            return AutoModel.from_pretrained(model)

        def tokenizer(repo, revision="main"):
            return AutoModel.from_pretrained(repo, revision=revision)

        MODELS = {"a": "org/model-a", "b": "org/model-b"}
        mp.Process(target=get_pred, args=(0, MODELS, sys.argv[1])).start()
        Thread(target=warm, kwargs={"model": "org/threaded"}).start()
        ThreadPoolExecutor().submit(tokenizer, "org/submitted")
     """
        },
        {
            ("model", "org/model-a", "pred.py", 19),
            ("model", "org/model-b", "pred.py", 19),
            ("model", "org/threaded", "pred.py", 21),
            ("model", "org/submitted", "pred.py", 22),
        },
    ),
    (
        "a caller in a file with no loader and no id, passing a value another module holds",
        {
            "lcb/styles.py": """
        from dataclasses import dataclass

        @dataclass
        class LanguageModel:
            model_name: str
            model_repr: str

        MODELS = [LanguageModel("org/coder-base", "Coder"), LanguageModel("org/coder-instruct", "Coder-Ins")]
        STORE = {lm.model_name: lm for lm in MODELS}
     """,
            "lcb/runner.py": """
        from vllm import LLM

        def build_runner(args, model):
            return LLM(model=model.model_name)
     """,
            "lcb/main.py": """
        from lcb.styles import STORE
        from lcb.runner import build_runner

        def main(args):
            model = STORE[args.model]
            return build_runner(args, model)
     """,
        },
        {
            ("model", "org/coder-base", "lcb/styles.py", 8),
            ("model", "org/coder-instruct", "lcb/styles.py", 8),
        },
    ),
    (
        "a function taken with `from utils import *`, and a loader given `*src` from a list of tuples",
        {
            "utils.py": """
        def parse_model_name(name, from_remote=False):
            paths = {"qwen": ("Qwen/Qwen-7B", "base_models/Qwen-7B")}
            return paths[name][0] if from_remote else paths[name][1]
     """,
            "train.py": """
        import sys
        from transformers import AutoModel
        from utils import *
        model = AutoModel.from_pretrained(parse_model_name(sys.argv[1], True))
     """,
            "download.py": """
        import datasets
        DATASETS = [
            (("FinGPT/fingpt-ner", None), "fingpt-ner"),
            (("financial_phrasebank", "sentences_50agree"), "phrasebank"),
        ]
        for src, dest in DATASETS:
            datasets.load_dataset(*src).save_to_disk(dest)
     """,
        },
        {
            ("model", "Qwen/Qwen-7B", "utils.py", 2),
            ("dataset", "FinGPT/fingpt-ner", "download.py", 3),
            ("dataset", "financial_phrasebank", "download.py", 4),
        },
    ),
    (
        "a function called with **vars(args): each parameter is the option of its name",
        {
            "eval_retrieval.py": """
        from argparse import ArgumentParser
        from datasets import load_dataset

        def main(dataset_name_or_path, split):
            return load_dataset(dataset_name_or_path, split=split)

        if __name__ == "__main__":
            parser = ArgumentParser()
            parser.add_argument("--dataset_name_or_path", type=str, default="princeton-nlp/SWE-bench_bm25_13K")
            parser.add_argument("--split", type=str, default="test")
            args = parser.parse_args()
            main(**vars(args))
     """
        },
        {("dataset", "princeton-nlp/SWE-bench_bm25_13K", "eval_retrieval.py", 9)},
    ),
    (
        "what the project's shell scripts pass to its Python scripts' own options",
        {
            "script/depth/infer.py": """
        import argparse
        from diffusers import DiffusionPipeline
        from sentence_transformers import SentenceTransformer
        parser = argparse.ArgumentParser()
        parser.add_argument("--checkpoint", type=str, required=True)
        parser.add_argument("--retrieval_model_path", type=str)
        args = parser.parse_args()
        pipe = DiffusionPipeline.from_pretrained(args.checkpoint)
        retriever = SentenceTransformer(args.retrieval_model_path)
     """,
            "script/depth/eval.sh": """
        ckpt=${1:-"prs-eth/marigold-depth-v1-0"}
        python script/depth/infer.py \\
            --checkpoint $ckpt \\
            --retrieval_model_path retrieval_model
     """,
            "run_all.sh": """
        for c in prs-eth/marigold-iid-lighting-v1-1 prs-eth/marigold-normals-v1-1; do
            python -m script.depth.infer --checkpoint=$c
        done
     """,
        },
        {
            ("model", "prs-eth/marigold-depth-v1-0", "script/depth/eval.sh", 1),
            ("model", "prs-eth/marigold-iid-lighting-v1-1", "run_all.sh", 1),
            ("model", "prs-eth/marigold-normals-v1-1", "run_all.sh", 1),
        },
    ),
    (
        "a module a launcher runs (accelerate launch -m, torchrun -m, python -u -m, python -m torch.distributed.run)",
        {
            "angle/trainer.py": """
        import argparse
        from datasets import load_dataset
        parser = argparse.ArgumentParser()
        parser.add_argument("--train_name_or_path", type=str, required=True)
        args = parser.parse_args()
        ds = load_dataset(args.train_name_or_path)
     """,
            "train.py": """
        import argparse
        from datasets import load_dataset
        parser = argparse.ArgumentParser()
        parser.add_argument("--corpus", type=str)
        load_dataset(parser.parse_args().corpus)
     """,
            "bert.sh": """
        CUDA_VISIBLE_DEVICES=0,1 WANDB_MODE=disabled accelerate launch \\
        --multi_gpu --num_processes 4 --main_process_port 2345 \\
        -m angle.trainer \\
        --train_name_or_path SeanLee97/nli_for_simcse
        torchrun --nproc_per_node 8 -m angle.trainer --train_name_or_path org/torchrun-set
        python -u -m angle.trainer --train_name_or_path org/unbuffered-set
        python -m torch.distributed.run --nproc_per_node 2 train.py --corpus org/corpus
        tool -m angle.trainer --train_name_or_path org/not-a-launch
        deepspeed --num_gpus 8 --module angle.trainer --train_name_or_path org/deepspeed-set
        python --module angle.trainer --train_name_or_path org/not-a-python-flag
     """,
        },
        {
            ("dataset", "SeanLee97/nli_for_simcse", "bert.sh", 4),
            ("dataset", "org/torchrun-set", "bert.sh", 5),
            ("dataset", "org/unbuffered-set", "bert.sh", 6),
            ("dataset", "org/corpus", "bert.sh", 7),
            ("dataset", "org/deepspeed-set", "bert.sh", 9),
        },
    ),
    (
        "the options a script reads with getopts (-m org/x), from each script calling it; not for a hosted engine",
        {
            "zero_eval_local.sh": """
        model_name=""
        engine_name="vllm"
        while getopts ":d:m:f:" opt; do
          case $opt in
            d) DATA_NAME="$OPTARG"
            ;;
            m) model_name="$OPTARG"
            ;;
            f) engine_name="$OPTARG"
            ;;
          esac
        done
        if [[ $model_name == *"gemma-2"* ]]; then
            echo "gemma"
        fi
        python src/unified_infer.py --data_name $DATA_NAME --engine $engine_name --model_name $model_name
     """,
            "src/unified_infer.py": """
        import argparse
        from vllm import LLM
        parser = argparse.ArgumentParser()
        parser.add_argument("--data_name")
        parser.add_argument("--engine", default="vllm")
        parser.add_argument("--model_name")
        args = parser.parse_args()
        llm = LLM(model=args.model_name)
     """,
            "scripts/local/athena.sh": """
        bash zero_eval_local.sh -f vllm -d gsm -m Nexusflow/Athene-70B
        bash zero_eval_local.sh -d mmlu-redux -m google/gemma-2-27b-it
        bash zero_eval_local.sh -f google -d gsm -m google/gemini-1.5-pro
     """,
        },
        {
            ("model", "Nexusflow/Athene-70B", "scripts/local/athena.sh", 1),
            ("model", "google/gemma-2-27b-it", "scripts/local/athena.sh", 2),
        },
    ),
    (
        "a command line's model for a local engine (--engine vllm, hf), beside one for a hosted engine",
        {
            "src/unified_infer.py": """
        import argparse
        from vllm import LLM
        parser = argparse.ArgumentParser()
        parser.add_argument("--engine", default="vllm")
        parser.add_argument("--model_name")
        args = parser.parse_args()
        llm = LLM(model=args.model_name)
     """,
            "scripts/run.sh": """
        model_name="meta-llama/Llama-2-7b-chat-hf"
        python src/unified_infer.py --engine vllm --model_name $model_name
        python src/unified_infer.py --engine hf --model_name Qwen/Qwen2-72B-Instruct
        python src/unified_infer.py --engine together --model_name mistralai/Mixtral-8x7B-Instruct-v0.1
     """,
        },
        {
            ("model", "meta-llama/Llama-2-7b-chat-hf", "scripts/run.sh", 1),
            ("model", "Qwen/Qwen2-72B-Instruct", "scripts/run.sh", 3),
        },
    ),
    (
        "what a script passes to another script's arguments ($1, ${2}), where the caller writes it",
        {
            "scripts/train/gemma/train_gemma.sh": """
        LLM_VERSION=google/gemma-2b-it
        VT_VERSION=google/siglip-so400m-patch14-384
        bash scripts/train/gemma/pretrain_gemma.sh "$DATA_PATH" "$LLM_VERSION" "$VT_VERSION" > log.txt
     """,
            "scripts/train/gemma/pretrain_gemma.sh": """
        DATA_PATH="$1"
        LLM_VERSION="$2"
        deepspeed tinyllava/train/train.py --data_path $DATA_PATH \\
            --model_name_or_path $LLM_VERSION \\
            --vision_tower ${3}
     """,
            "eval/all.sh": """
        for m in Qwen/Qwen2-0.5B apple/OpenELM-270M-Instruct; do
            sh run_one.sh $m 2>&1
        done
     """,
            "eval/run_one.sh": """
        python -m eval.run --model_name_or_path $1 --dataset_name "${2:-lmms-lab/MME}"
     """,
            "eval/unused.sh": """
        python -m eval.run --model_name_or_path $1
     """,
        },
        {
            ("model", "google/gemma-2b-it", "scripts/train/gemma/train_gemma.sh", 1),
            ("model", "google/siglip-so400m-patch14-384", "scripts/train/gemma/train_gemma.sh", 2),
            ("model", "Qwen/Qwen2-0.5B", "eval/all.sh", 1),
            ("model", "apple/OpenELM-270M-Instruct", "eval/all.sh", 1),
            ("dataset", "lmms-lab/MME", "eval/run_one.sh", 1),
        },
    ),
    (
        "a split's last piece, a counter of range(N) in an f-string, and a value an if renames",
        {
            "check.py": """
        import sys
        from datasets import load_dataset
        from transformers import AutoTokenizer
        N_SHARDS = 3
        user = "terryyz"
        for i in range(N_SHARDS):
            load_dataset(f"{user}/overlap_{i}")
        for j in range(1, 3):
            load_dataset(f"org/part-{j}")
        LINK = "https://huggingface.co/Qwen/CodeQwen1.5-7B-Chat"
        AutoTokenizer.from_pretrained(LINK.split("https://huggingface.co/")[-1])
        extension = "txt" if len(sys.argv) > 1 else "org/from-hub"
        if extension == "txt":
            extension = "text"
        load_dataset(extension, data_files=sys.argv[1:])
     """
        },
        {
            ("dataset", "terryyz/overlap_0", "check.py", 7),
            ("dataset", "terryyz/overlap_1", "check.py", 7),
            ("dataset", "terryyz/overlap_2", "check.py", 7),
            ("dataset", "org/part-1", "check.py", 9),
            ("dataset", "org/part-2", "check.py", 9),
            ("model", "Qwen/CodeQwen1.5-7B-Chat", "check.py", 10),
            ("dataset", "org/from-hub", "check.py", 12),
        },
    ),
    (
        "a name built in a helper from its parameter, the parameter given by its caller's caller",
        {
            "audioldm/__init__.py": """
        from .pipeline import *
     """,
            "audioldm/utils.py": """
        from huggingface_hub import hf_hub_download

        def download_checkpoint(checkpoint_name="audioldm2-full"):
            if "audioldm2-speech" in checkpoint_name:
                model_id = "haoheliu/audioldm2-speech"
            else:
                model_id = "haoheliu/%s" % checkpoint_name
            return hf_hub_download(repo_id=model_id, filename=checkpoint_name + ".pth")
     """,
            "audioldm/pipeline.py": """
        from audioldm.utils import download_checkpoint

        def build_model(model_name="audioldm2-full"):
            return download_checkpoint(model_name)
     """,
            "app.py": """
        import argparse
        from audioldm import build_model
        parser = argparse.ArgumentParser()
        parser.add_argument("--model_name", default="audioldm_48k", choices=["audioldm_48k", "audioldm2-speech-ljspeech"])
        build_model(model_name=parser.parse_args().model_name)
     """,
        },
        {
            # every call passes the name: the defaults ("audioldm2-full") are not used
            ("model", "haoheliu/audioldm_48k", "audioldm/utils.py", 7),
            ("model", "haoheliu/audioldm2-speech", "audioldm/utils.py", 5),
        },
    ),
    (
        "what a startswith test says of a name where it is read",
        {
            "tts.py": """
        import sys
        from transformers import AutoModel

        def resolve(name):
            if name.startswith("mlx-community/"):
                return f"{name}-6bit"
            return name

        AutoModel.from_pretrained(resolve("Qwen/Qwen3-TTS"))
        AutoModel.from_pretrained(resolve("mlx-community/Qwen3-TTS"))
     """,
        },
        {
            ("model", "Qwen/Qwen3-TTS", "tts.py", 9),
            ("model", "mlx-community/Qwen3-TTS", "tts.py", 10),
            ("model", "mlx-community/Qwen3-TTS-6bit", "tts.py", 6),
        },
    ),
    (
        "a class of a module imported with `from pkg import models`, called as models.Name(...)",
        {
            "beir/__init__.py": "",
            "beir/retrieval/__init__.py": "",
            "beir/retrieval/models/__init__.py": """
        from .sentence_bert import SentenceBERT
     """,
            "beir/retrieval/models/sentence_bert.py": """
        from sentence_transformers import SentenceTransformer

        class SentenceBERT:
            def __init__(self, model_path, **kwargs):
                self.q_model = SentenceTransformer(model_path, **kwargs)
     """,
            "examples/evaluate.py": """
        from beir.retrieval import models
        model = models.SentenceBERT("NovaSearch/stella_en_400M_v5")
     """,
        },
        {("model", "NovaSearch/stella_en_400M_v5", "examples/evaluate.py", 2)},
    ),
    (
        "a configuration object set in code: an attribute named like a model or dataset key",
        {
            "ilql_hh.py": """
        import os
        from trlx.data.default_configs import default_ilql_config
        default_config = default_ilql_config()
        config_name = os.environ.get("CONFIG_NAME")
        if config_name == "1B":
            default_config.model.model_path = "EleutherAI/pythia-1.4b-deduped"
            default_config.tokenizer.tokenizer_path = "EleutherAI/gpt-neox-20b"
        default_config.train.checkpoint_dir = "checkpoints/ilql_hh_1B"
        default_config.method.dataset_name = "Anthropic/hh-rlhf"
     """,
        },
        {
            ("model", "EleutherAI/pythia-1.4b-deduped", "ilql_hh.py", 6),
            ("model", "EleutherAI/gpt-neox-20b", "ilql_hh.py", 7),
            ("dataset", "Anthropic/hh-rlhf", "ilql_hh.py", 9),
        },
    ),
    (
        "a test's fake given a model name in a private attribute is no configuration",
        {
            "tests/test_registry.py": """
        from transformers import AutoModel

        def test_registry(handler):
            handler._initial_model_name = "facebook/mms-tts-eng"
            return AutoModel.from_pretrained("org/real-model")
     """,
        },
        {("model", "org/real-model", "tests/test_registry.py", 5)},
    ),
    (
        "Python a shell script runs with python -c",
        {
            "prefetch.sh": """
        set -e
        python -c "from datasets import load_dataset; load_dataset('TIGER-Lab/MMLU-Pro'); load_dataset('truthful_qa', 'multiple_choice')"
        python3 -c 'from transformers import AutoTokenizer; AutoTokenizer.from_pretrained("$MODEL")'
     """,
        },
        {
            ("dataset", "TIGER-Lab/MMLU-Pro", "prefetch.sh", 2),
            ("dataset", "truthful_qa", "prefetch.sh", 2),
        },
    ),
    (
        "a model key given as a keyword to a configuration object or a trainer",
        {
            "examples/ppo_t5.py": """
        import trlx
        from trlx.data.configs import ModelConfig, TokenizerConfig
        config = TRLConfig(
            model=ModelConfig(model_path="t5-large", model_arch_type="seq2seq"),
            tokenizer=TokenizerConfig(tokenizer_path="google/flan-t5-large"),
        )
        trlx.train(model_path="architext/gptj-162M", config=config)
        similarity = BertSimilarity(model_name_or_path="shibing624/text2vec-base-multilingual")
        prompts = LoadDataFromHub(repo_id="argilla/10Kprompts-mini")
     """,
            "engines/neutts.py": """
        from neutts import NeuTTS
        class NeuTTSEngine:
            def __init__(self, backbone_repo: str = "neuphonic/neutts-nano", codec_repo: str = "neuphonic/neucodec"):
                self.tts = NeuTTS(backbone_repo=backbone_repo, codec_repo=codec_repo, device="cpu")
     """,
            "tests/test_engine.py": """
        from engines.neutts import NeuTTSEngine
        NeuTTSEngine(backbone_repo="org/made-up-for-the-test")
     """,
            "serve.py": """
        import os
        from watsonx import WatsonxLLM
        llm = WatsonxLLM(api_key=os.environ["KEY"], llm_model="ibm/granite-13b-chat-v2")
        enricher = Enricher(llm_client=llm, enrichment_model="ibm/granite-8b-japanese")
     """,
        },
        {
            ("model", "t5-large", "examples/ppo_t5.py", 4),
            ("model", "google/flan-t5-large", "examples/ppo_t5.py", 5),
            ("model", "architext/gptj-162M", "examples/ppo_t5.py", 7),
            ("model", "shibing624/text2vec-base-multilingual", "examples/ppo_t5.py", 8),
            ("dataset", "argilla/10Kprompts-mini", "examples/ppo_t5.py", 9),
            ("model", "neuphonic/neutts-nano", "engines/neutts.py", 3),
            ("model", "neuphonic/neucodec", "engines/neutts.py", 3),
        },
    ),
    (
        "the id field of a configuration class named for a dataset or a model, in a file with no loader",
        {
            "data/configs/voice.py": """
        from data import types
        CV_BASE_CONFIG = types.DatasetConfig(
            name="commonvoice",
            path="fixie-ai/common_voice_17_0",
        )
        ENCODER = ModelSpec(repo_id="openai/whisper-small", revision="main")
        RUNNER = Runner(path="org/not-a-config", model_dir="runs/x")
        NOMIC = DenseModelDescription(model="nomic-ai/nomic-embed-text-v1.5", sources=ModelSource(hf="nomic-ai/nomic-embed-text-v1.5"))
     """,
        },
        {
            ("dataset", "fixie-ai/common_voice_17_0", "data/configs/voice.py", 4),
            ("model", "openai/whisper-small", "data/configs/voice.py", 6),
            ("model", "nomic-ai/nomic-embed-text-v1.5", "data/configs/voice.py", 8),
        },
    ),
    (
        "an Enum's members: a loop over the class, and a parameter asserted to be in what a method lists of them",
        {
            "llm_wrapper.py": """
        from enum import Enum
        from transformers import AutoModelForCausalLM, AutoTokenizer

        class SupportedModelKeys(Enum):
            STARCODER_15B = "bigcode/starcoder"
            DEEPSEEK_CODER_1_3B = "deepseek-ai/deepseek-coder-1.3b-base"

            @staticmethod
            def all() -> list[str]:
                return [member.value for member in SupportedModelKeys]

        class Tokenizers(str, Enum):
            CODELLAMA = "codellama/CodeLlama-7b-Python-hf"

        def get_model_context(model_key: str):
            assert model_key in SupportedModelKeys.all(), model_key
            return AutoModelForCausalLM.from_pretrained(model_key)

        def tokenizer_for(name: str):
            for member in Tokenizers:
                if member.value == name:
                    return AutoTokenizer.from_pretrained(member.value)
     """,
        },
        {
            ("model", "bigcode/starcoder", "llm_wrapper.py", 5),
            ("model", "deepseek-ai/deepseek-coder-1.3b-base", "llm_wrapper.py", 6),
            ("model", "codellama/CodeLlama-7b-Python-hf", "llm_wrapper.py", 13),
        },
    ),
    (
        "a CI workflow step's commands (.github at the root), an option given by a long name its dest renames",
        {
            "diarize.py": """
        import argparse
        import faster_whisper
        parser = argparse.ArgumentParser()
        parser.add_argument("--whisper-model", dest="model_name", default="medium.en")
        args = parser.parse_args()
        model = faster_whisper.WhisperModel(args.model_name)
     """,
            ".github/workflows/test_run.yml": """
        jobs:
          test:
            steps:
              - name: Test running a file
                run: |
                  python diarize.py -a tests/assets/test.opus --whisper-model tiny.en
                  huggingface-cli download openai/whisper-tiny
     """,
            "vendored/.github/workflows/ci.yml": """
        jobs:
          test:
            steps:
              - run: huggingface-cli download org/vendored-ci-model
     """,
        },
        {
            ("model", "Systran/faster-whisper-medium.en", "diarize.py", 4),
            ("model", "Systran/faster-whisper-tiny.en", ".github/workflows/test_run.yml", 6),
            ("model", "openai/whisper-tiny", ".github/workflows/test_run.yml", 7),
        },
    ),
    (
        "a script's short options (-m for --model) and options kept in a variable, on its command line",
        {
            "eval/perplexity.py": """
        import argparse
        from datasets import load_dataset
        from transformers import AutoModelForCausalLM
        parser = argparse.ArgumentParser()
        parser.add_argument("-m", "--model", type=str)
        parser.add_argument("--tokenized", type=str)
        parser.add_argument("-s", "--samples", type=int)
        args = parser.parse_args()
        model = AutoModelForCausalLM.from_pretrained(args.model)
        data = load_dataset(args.tokenized)
     """,
            "eval.sh": """
        PROOFPILE="--tokenized emozilla/proofpile-test-tokenized --samples 50"
        python eval/perplexity.py \\
            ${PROOFPILE} \\
            -m NousResearch/CodeLlama-13b-hf
        python eval/perplexity.py -s 10 --model=togethercomputer/LLaMA-2-7B-32K
     """,
        },
        {
            ("dataset", "emozilla/proofpile-test-tokenized", "eval.sh", 1),
            ("model", "NousResearch/CodeLlama-13b-hf", "eval.sh", 4),
            ("model", "togethercomputer/LLaMA-2-7B-32K", "eval.sh", 5),
        },
    ),
    (
        "a pytest fixture's value, given to a fixture or test that names it, in its module or a conftest.py above (not a plain function's)",
        {
            "tests/conftest.py": """
        import pytest

        @pytest.fixture(scope="session")
        def processor_name() -> str:
            return "vidore/colpali-v1.3"
     """,
            "tests/models/test_modeling_colqwen2.py": """
        import pytest
        from transformers import AutoModel, AutoProcessor

        @pytest.fixture(scope="module")
        def model_name() -> str:
            return "vidore/colqwen2-v1.0"

        @pytest.fixture(scope="module")
        def model(model_name: str):
            yield AutoModel.from_pretrained(model_name)

        def test_processor(processor_name):
            assert AutoProcessor.from_pretrained(processor_name)

        def helper(model_name):
            return AutoModel.from_pretrained(model_name)
     """,
            "tests/test_loading.py": """
        from transformers import AutoModel

        def model_name():
            return "google-bert/bert-base-cased"

        def test_load(model_name):
            assert AutoModel.from_pretrained(model_name)
     """,
        },
        {
            ("model", "vidore/colpali-v1.3", "tests/conftest.py", 5),
            ("model", "vidore/colqwen2-v1.0", "tests/models/test_modeling_colqwen2.py", 6),
        },
    ),
    (
        "an OpenMMLab config's dict(type='Class', ...): the registry builds that project class with the entries",
        {
            "yolo_world/models/backbones/mm_backbone.py": """
        from transformers import AutoTokenizer, CLIPTextConfig

        class HuggingCLIPLanguageBackbone:
            def __init__(self, model_name, frozen_modules=()):
                self.tokenizer = AutoTokenizer.from_pretrained(model_name)
                self.config = CLIPTextConfig.from_pretrained(model_name)
     """,
            "configs/pretrain/yolo_world_v2_m.py": """
        text_model_name = 'openai/clip-vit-large-patch14-336'
        text_model_name = 'openai/clip-vit-base-patch32'
        model = dict(
            type='YOLOWorldDetector',
            backbone=dict(
                type='MultiModalYOLOBackbone',
                text_model=dict(type='HuggingCLIPLanguageBackbone', model_name=text_model_name, frozen_modules=['all'])))
        other = dict(type='SomethingElse', model_name='org/not-built-here')
     """,
        },
        {
            ("model", "openai/clip-vit-base-patch32", "configs/pretrain/yolo_world_v2_m.py", 2),
        },
    ),
    (
        "an mmengine config's dict(type='name', ...) of a class registered under that name (Open-Sora)",
        {
            "opensora/models/text/conditioner.py": """
        from transformers import T5EncoderModel
        from opensora.registry import MODELS

        @MODELS.register_module("text_embedder")
        class HFEmbedder:
            def __init__(self, from_pretrained, max_length):
                self.hf_module = T5EncoderModel.from_pretrained(from_pretrained)

        @MODELS.register_module(name="other_embedder")
        class OtherEmbedder:
            def __init__(self, from_pretrained):
                self.hf_module = T5EncoderModel.from_pretrained(from_pretrained)
     """,
            "configs/train/image.py": """
        t5 = dict(type="text_embedder", from_pretrained="google/t5-v1_1-xxl", max_length=512)
        clip = dict(type="other_embedder", from_pretrained="openai/clip-vit-large-patch14")
        vae = dict(type="not_registered", from_pretrained="org/not-built-here")
     """,
        },
        {
            ("model", "google/t5-v1_1-xxl", "configs/train/image.py", 1),
            ("model", "openai/clip-vit-large-patch14", "configs/train/image.py", 2),
        },
    ),
    (
        "a pretrained table's hf_hub entries are not read: most projects hold copies of open_clip's or timm's and use one entry",
        {
            "src/open_clip/pretrained.py": """
        import os
        from huggingface_hub import hf_hub_download

        def _pcfg(url='', hf_hub='', **kwargs):
            return {'url': url, 'hf_hub': hf_hub, **kwargs}

        _RN50 = dict(
            openai=_pcfg(hf_hub="timm/resnet50_clip.openai/", quick_gelu=True),
            yfcc15m=_pcfg(url="https://example.com/rn50.pt", hf_hub="timm/resnet50_clip.yfcc15m/"),
        )
        _VITB32 = dict(laion2b=_pcfg(hf_hub="laion/CLIP-ViT-B-32-laion2B-s34B-b79K/open_clip_model.safetensors"))
        _PRETRAINED = {"RN50": _RN50, "ViT-B-32": _VITB32}

        def download_pretrained(cfg):
            model_id, filename = os.path.split(cfg.get('hf_hub', ''))
            return hf_hub_download(model_id, filename=filename)
     """,
        },
        set(),
    ),
    (
        "repo_type given by a parameter whose default is 'dataset': a dataset",
        {
            "llava/data/dummy.py": """
        from huggingface_hub import hf_hub_download

        def hf_download_data(repo_id="org/demo-set", filename="cat.jpg", repo_type="dataset"):
            return hf_hub_download(repo_id=repo_id, filename=filename, repo_type=repo_type)

        def fetch_weights(repo_id, repo_type):
            return hf_hub_download(repo_id=repo_id, filename="model.bin", repo_type=repo_type)

        image = hf_download_data("org/demo-set", "cat.jpg")
        weights = fetch_weights("org/weights", "model")
     """,
        },
        {
            ("dataset", "org/demo-set", "llava/data/dummy.py", 3),
            ("dataset", "org/demo-set", "llava/data/dummy.py", 9),
            ("model", "org/weights", "llava/data/dummy.py", 10),
        },
    ),
    (
        "unbabel-comet's download_model fetches a Hub checkpoint; comet_ml is a logger",
        {
            "metrics/comet.py": """
        from comet import download_model, load_from_checkpoint
        import comet
        import comet_ml
        path = download_model("Unbabel/wmt22-comet-da")
        other = comet.download_model(model="Unbabel/wmt22-cometkiwi-da")
        experiment = comet_ml.Experiment(project_name="org/not-a-model")
     """,
            "tools/fetch.py": """
        def download_model(name):
            return name
        download_model("org/not-comet")
     """,
        },
        {
            ("model", "Unbabel/wmt22-comet-da", "metrics/comet.py", 4),
            ("model", "Unbabel/wmt22-cometkiwi-da", "metrics/comet.py", 5),
        },
    ),
    (
        "a method of an object a project function makes, its class picked at run time: the one class that defines it",
        {
            "evaluate/evaluator/base.py": """
        from datasets import load_dataset

        class Evaluator:
            def load_data(self, data, split=None):
                return load_dataset(data, split=split)

            def compute(self, data):
                return load_dataset(data)
     """,
            "evaluate/evaluator/__init__.py": """
        from .base import Evaluator

        TASKS = {"text-classification": Evaluator}

        def evaluator(task):
            return TASKS[task]()
     """,
            "evaluate/other.py": """
        class Metric:
            def compute(self, data):
                return data
     """,
            "tests/test_evaluator.py": """
        from unittest import TestCase
        from evaluate.evaluator import evaluator

        class TestEvaluator(TestCase):
            def setUp(self):
                self.evaluator = evaluator("text-classification")

            def test_data_loading(self):
                data = self.evaluator.load_data("evaluate/imdb-ci", split="test[:1]")
                task = evaluator("text-classification")
                task.load_data("evaluate/glue-ci")
                task.compute("org/two-classes-define-compute")
     """,
        },
        {
            ("dataset", "evaluate/imdb-ci", "tests/test_evaluator.py", 9),
            ("dataset", "evaluate/glue-ci", "tests/test_evaluator.py", 11),
        },
    ),
    (
        "within `if name in TABLE:` a value known at run time is one of the table's (a dict's keys, a list's items)",
        {
            "efficientvit/ae_model_zoo.py": """
        REGISTERED_DCAE_MODEL = {
            "dc-ae-f32c32-in-1.0": (1, None),
            "dc-ae-f64c128-in-1.0": (2, None),
        }
        VAES = ["stabilityai/sd-vae-ft-ema", "stabilityai/sd-vae-ft-mse"]
     """,
            "efficientvit/evaluator.py": """
        from diffusers import AutoencoderKL
        from huggingface_hub import PyTorchModelHubMixin
        from efficientvit.ae_model_zoo import REGISTERED_DCAE_MODEL, VAES

        class DCAE_HF(PyTorchModelHubMixin):
            pass

        def build(cfg, name):
            if cfg.autoencoder in REGISTERED_DCAE_MODEL:
                return DCAE_HF.from_pretrained(f"mit-han-lab/{cfg.autoencoder}")
            elif name in VAES:
                return AutoencoderKL.from_pretrained(name)
            return AutoencoderKL.from_pretrained(f"org/{name}")
     """,
        },
        {
            ("model", "mit-han-lab/dc-ae-f32c32-in-1.0", "efficientvit/evaluator.py", 10),
            ("model", "mit-han-lab/dc-ae-f64c128-in-1.0", "efficientvit/evaluator.py", 10),
            ("model", "stabilityai/sd-vae-ft-ema", "efficientvit/ae_model_zoo.py", 5),
            ("model", "stabilityai/sd-vae-ft-mse", "efficientvit/ae_model_zoo.py", 5),
        },
    ),
    (
        "random.sample and random.choice of a list: its items",
        {
            "lorahub/constant.py": """
        LORA_MODULE_NAMES = [
            "lorahub/flan_t5_large-ag_news_subset",
            "lorahub/flan_t5_large-qasc_is_correct_1",
        ]
        PROMPTS_DATASETS = ["org/prompts-a", "org/prompts-b"]
     """,
            "lorahub/algorithm.py": """
        from peft import PeftModel
        from tqdm import tqdm

        def load_modules(base_model, lora_module_list):
            for peft_model_id in tqdm(lora_module_list):
                PeftModel.from_pretrained(base_model, peft_model_id)
     """,
            "example.py": """
        import random
        from datasets import load_dataset
        from lorahub.algorithm import load_modules
        from lorahub.constant import LORA_MODULE_NAMES, PROMPTS_DATASETS

        def get_lora_module_list():
            return random.sample(LORA_MODULE_NAMES, 20)

        def main(base):
            load_modules(base, get_lora_module_list())
            return load_dataset(random.choice(PROMPTS_DATASETS))
     """,
        },
        {
            ("model", "lorahub/flan_t5_large-ag_news_subset", "lorahub/constant.py", 2),
            ("model", "lorahub/flan_t5_large-qasc_is_correct_1", "lorahub/constant.py", 3),
            ("dataset", "org/prompts-a", "lorahub/constant.py", 5),
            ("dataset", "org/prompts-b", "lorahub/constant.py", 5),
        },
    ),
    (
        "a parameter unpacked into names (repo, subset, split = hf_path): that element of each caller's tuple",
        {
            "src/utils/dataset_utils.py": """
        from datasets import load_dataset

        def load_hf_dataset(hf_path):
            repo, subset, split = hf_path
            return load_dataset(repo, subset, split=split)
     """,
            "src/data/visrag.py": """
        from src.utils.dataset_utils import load_hf_dataset

        EVAL_DATASET_HF_PATH = {
            "ViDoRe_arxivqa": ("vidore/arxivqa_test_subsampled_beir", None, "test"),
            "MSVD": ("VLM2Vec/MSVD", None, "test"),
        }

        def load_visrag_dataset(model_args, **kwargs):
            name = EVAL_DATASET_HF_PATH[kwargs["dataset_name"]][0]
            return load_hf_dataset((name, "qrels", "test"))

        corpus = load_hf_dataset(("org/const-corpus", "corpus", "test"))
     """,
        },
        {
            ("dataset", "vidore/arxivqa_test_subsampled_beir", "src/data/visrag.py", 4),
            ("dataset", "VLM2Vec/MSVD", "src/data/visrag.py", 5),
            ("dataset", "org/const-corpus", "src/data/visrag.py", 12),
        },
    ),
    (
        "MeloTTS's TTS(language): the language's repository, unless a checkpoint of its own is given",
        {
            "demo.py": """
        from melo.api import TTS
        for language in ["EN_NEWEST", "ES", "XX"]:
            model = TTS(language=language, device="cpu")
        local = TTS("FR", ckpt_path="checkpoints/fr.pth", config_path="checkpoints/config.json")
     """,
        },
        {
            ("model", "myshell-ai/MeloTTS-English-v3", "demo.py", 2),
            ("model", "myshell-ai/MeloTTS-Spanish", "demo.py", 2),
        },
    ),
    (
        "a config's dotted keys set on the command line: Hydra's key=value, and mmengine-style key value pairs",
        {
            "scripts/train_13b.sh": """
        repo_id=llava-hf/llava-v1.6-vicuna-13b-hf
        accelerate launch --main_process_port 6876 tasks/train/train.py tasks/train/config.py \\
            output_dir ${OUTPUT_DIR} \\
            model.pooling_method avg \\
            model.repo_id $repo_id \\
            data.dataset_name org/video-instructions \\
            optimizer.lr 2e-5
        python3 -m verl.trainer.main_ppo actor_rollout_ref.model.path=Qwen/Qwen2.5-0.5B-Instruct
        python -m pkg.train model.config.yaml
     """,
        },
        {
            ("model", "llava-hf/llava-v1.6-vicuna-13b-hf", "scripts/train_13b.sh", 1),
            ("dataset", "org/video-instructions", "scripts/train_13b.sh", 6),
            ("model", "Qwen/Qwen2.5-0.5B-Instruct", "scripts/train_13b.sh", 8),
        },
    ),
    (
        "a class built by the name of a subclass that keeps its __init__",
        {
            "src/deita/selection/scorer/base.py": """
        from transformers import AutoModelForCausalLM

        class Scorer:
            def __init__(self, model_name_or_path, is_vllm=False):
                self.model = AutoModelForCausalLM.from_pretrained(model_name_or_path)
     """,
            "src/deita/__init__.py": "",
            "src/deita/selection/__init__.py": "",
            "src/deita/selection/scorer/__init__.py": "from .llama_scorer import Llama_Scorer, Own_Scorer\n",
            "src/deita/selection/scorer/llama_scorer.py": """
        from .base import Scorer

        class Llama_Scorer(Scorer):
            def infer_complexity(self, text):
                return text

        class Own_Scorer(Scorer):
            def __init__(self, path):
                super().__init__("org/own-base")
     """,
            "examples/score_complexity.py": """
        from deita.selection.scorer import Llama_Scorer, Own_Scorer
        scorer = Llama_Scorer("hkust-nlp/deita-complexity-scorer")
        other = Own_Scorer("org/not-a-model-argument")
     """,
        },
        {
            ("model", "hkust-nlp/deita-complexity-scorer", "examples/score_complexity.py", 2),
            ("model", "org/own-base", "src/deita/selection/scorer/llama_scorer.py", 9),
        },
    ),
    (
        "a list grown with append and extend gives the items added; FunASR's AutoModel is ModelScope's unless hub='hf'",
        {
            "gradio_interface.py": """
        import gradio as gr
        from zonos.model import Zonos

        def load_model(model_choice):
            return Zonos.from_pretrained(model_choice)

        supported_models = []
        supported_models.append("Zyphra/Zonos-v0.1-transformer")
        supported_models.extend(["Zyphra/Zonos-v0.1-hybrid"])
        with gr.Blocks() as demo:
            choice = gr.Dropdown(choices=supported_models, value=supported_models[0])
            button = gr.Button()
            button.click(load_model, inputs=[choice])
     """,
            "webui.py": """
        from funasr import AutoModel
        model = AutoModel(model="iic/SenseVoiceSmall", vad_model="iic/speech_fsmn_vad_zh-cn-16k-common-pytorch")
        hf = AutoModel(model="FunAudioLLM/SenseVoiceSmall", hub="hf")
     """,
        },
        {
            ("model", "Zyphra/Zonos-v0.1-transformer", "gradio_interface.py", 8),
            ("model", "Zyphra/Zonos-v0.1-hybrid", "gradio_interface.py", 9),
            ("model", "FunAudioLLM/SenseVoiceSmall", "webui.py", 3),
        },
    ),
    (
        "a function of the project named like a library's loader: read like any of its functions",
        {
            "lavis/datasets/builders/__init__.py": """
        from lavis.common.registry import registry

        def load_dataset(name, cfg_path=None):
            return registry.get_builder_class(name)(cfg_path).build_datasets()
     """,
            "projects/predict_audio.py": """
        from lavis.datasets.builders import load_dataset
        ds = load_dataset("audio_video_discrn")["val"]
     """,
            "utils/data.py": """
        import datasets

        def load_dataset(name):
            return datasets.load_dataset(name, split="train")
     """,
            "train.py": """
        from utils.data import load_dataset
        train = load_dataset("allenai/c4")
     """,
        },
        {
            ("dataset", "allenai/c4", "train.py", 2),
        },
    ),
    (
        "a guard that a value starts with one of several prefixes (startswith or startswith)",
        {
            "download_evalsets.py": """
        import datasets
        TASKS = ["retrieval/flickr_1k_test_image_text_retrieval", "vtab/caltech101", "misc/winogavil"]
        for task in TASKS:
            if task.startswith("retrieval/") or task.startswith("misc/"):
                task = task.split("/", 1)[1]
                datasets.load_dataset(f"nlphuji/{task}", split="test")
     """,
        },
        {
            ("dataset", "nlphuji/flickr_1k_test_image_text_retrieval", "download_evalsets.py", 6),
            ("dataset", "nlphuji/winogavil", "download_evalsets.py", 6),
        },
    ),
    (
        "a data file read through the name a with-statement binds to its open()",
        {
            "bert/bert_models.json": """
        {
            "deberta-v2-large-japanese-char-wwm": {"repo_id": "ku-nlp/deberta-v2-large-japanese-char-wwm", "files": ["pytorch_model.bin"]},
            "chinese-roberta-wwm-ext-large": {"repo_id": "hfl/chinese-roberta-wwm-ext-large", "files": ["pytorch_model.bin"]}
        }
     """,
            "initialize.py": """
        import json
        from huggingface_hub import hf_hub_download

        def download_bert_models():
            with open("bert/bert_models.json", encoding="utf-8") as fp:
                models = json.load(fp)
            for k, v in models.items():
                for file in v["files"]:
                    hf_hub_download(v["repo_id"], file, local_dir=k)
     """,
        },
        {
            ("model", "ku-nlp/deberta-v2-large-japanese-char-wwm", "bert/bert_models.json", 2),
            ("model", "hfl/chinese-roberta-wwm-ext-large", "bert/bert_models.json", 3),
        },
    ),
    (
        "a setting the reader edits: the values an if/elif handles, not assignments commented out around it",
        {
            "standalone-olmo3.ipynb": json.dumps(
                {
                    "cells": [
                        {
                            "cell_type": "code",
                            "source": [
                                "# Select which model to use\n",
                                "\n",
                                '# USE_MODEL = "Olmo-3-1025-7B"\n',
                                'USE_MODEL = "Olmo-3-7B-Instruct"\n',
                                '# USE_MODEL = "Olmo-3-7B-Think"\n',
                                "\n",
                                '# OTHER = "Olmo-3-32B-Think"\n',
                            ],
                        },
                        {
                            "cell_type": "code",
                            "source": [
                                "from huggingface_hub import snapshot_download\n",
                                'snapshot_download(repo_id=f"allenai/{USE_MODEL}")\n',
                            ],
                        },
                    ]
                }
            ),
            "standalone_qwen3.py": """
        from huggingface_hub import snapshot_download
        CHOOSE_MODEL = "0.6B"
        if CHOOSE_MODEL == "0.6B":
            layers = 28
        elif CHOOSE_MODEL == "1.7B":
            layers = 28
        elif CHOOSE_MODEL == "4B":
            layers = 36
        snapshot_download(repo_id=f"Qwen/Qwen3-{CHOOSE_MODEL}")

        def tokenizer_kind(name):
            return "fast" if name == "gpt2" else "slow"

        SINGLE = "Qwen/Qwen2.5-7B"
        if SINGLE == "Qwen/Qwen2.5-72B":
            print("large")
        snapshot_download(repo_id=SINGLE)
     """,
        },
        {
            ("model", "allenai/Olmo-3-7B-Instruct", "standalone-olmo3.ipynb", 1),
            ("model", "Qwen/Qwen3-0.6B", "standalone_qwen3.py", 9),
            ("model", "Qwen/Qwen3-1.7B", "standalone_qwen3.py", 9),
            ("model", "Qwen/Qwen3-4B", "standalone_qwen3.py", 9),
            ("model", "Qwen/Qwen2.5-7B", "standalone_qwen3.py", 14),
        },
    ),
    (
        "the values a line's comment offers: a Colab form's @param list, alternatives after '# or'",
        {
            "notebook.ipynb": json.dumps(
                {
                    "cells": [
                        {
                            "cell_type": "code",
                            "source": [
                                'model_id = "paligemma2-3b-mix-224" # @param ["paligemma2-3b-mix-224", "paligemma2-3b-pt-896"]\n',
                                'model_id = f"google/{model_id}"\n',
                                "from transformers import AutoModel\n",
                                "model = AutoModel.from_pretrained(model_id)\n",
                            ],
                        }
                    ]
                }
            ),
            "train.py": """
        from transformers import AutoModelForCausalLM
        model_id = "google/gemma-3-1b-pt"  # or `google/gemma-3-4b-pt`, `google/gemma-3-12b-pt`
        output_dir = "gemma-sft"  # or checkpoints/run-2
        model = AutoModelForCausalLM.from_pretrained(model_id)
     """,
            "glue.py": """
        from transformers import AutoModel
        checkpoint = "answerdotai/ModernBERT-base"  # "answerdotai/ModernBERT-base", "answerdotai/ModernBERT-large"
        teacher = "org/teacher"  # "org/not-in-use", "org/other"
        AutoModel.from_pretrained(checkpoint)
        AutoModel.from_pretrained(teacher)
     """,
        },
        {
            ("model", "google/paligemma2-3b-mix-224", "notebook.ipynb", 1),
            ("model", "google/paligemma2-3b-pt-896", "notebook.ipynb", 1),
            ("model", "google/gemma-3-1b-pt", "train.py", 2),
            ("model", "google/gemma-3-4b-pt", "train.py", 2),
            ("model", "google/gemma-3-12b-pt", "train.py", 2),
            ("model", "answerdotai/ModernBERT-base", "glue.py", 2),
            ("model", "answerdotai/ModernBERT-large", "glue.py", 2),
            ("model", "org/teacher", "glue.py", 3),
        },
    ),
    (
        "a ComfyUI node's input list: what the user picks for the method FUNCTION names",
        {
            "nodes.py": """
        from huggingface_hub import snapshot_download

        class DownloadAndLoadFlorence2Model:
            @classmethod
            def INPUT_TYPES(s):
                return {"required": {
                    "model": (["microsoft/Florence-2-base", "thwri/CogFlorence-2.2-Large"], {"default": "microsoft/Florence-2-base"}),
                    "precision": (["fp16", "bf16"], {"default": "fp16"}),
                }}

            RETURN_TYPES = ("FL2MODEL",)
            FUNCTION = "loadmodel"

            def loadmodel(self, model, precision):
                snapshot_download(repo_id=model, local_dir="models/florence")

        class NotANode:
            @classmethod
            def INPUT_TYPES(s):
                return {"required": {"model": (["org/not-offered"], {})}}

            def load(self, model):
                snapshot_download(repo_id=model)
     """,
        },
        {
            ("model", "microsoft/Florence-2-base", "nodes.py", 7),
            ("model", "thwri/CogFlorence-2.2-Large", "nodes.py", 7),
        },
    ),
    (
        "each constant a parameter's Literal annotation allows, with its default or without",
        {
            "lora_diffusion/preprocess_files.py": """
        from typing import List, Literal
        import typing
        from transformers import CLIPSegProcessor, Swin2SRForImageSuperResolution

        def swin_ir_sr(images, model_id: Literal[
                "caidas/swin2SR-classical-sr-x2-64", "caidas/swin2SR-classical-sr-x4-48"
            ] = "caidas/swin2SR-classical-sr-x2-64"):
            return Swin2SRForImageSuperResolution.from_pretrained(model_id)

        def clipseg(images, model_id: typing.Literal["CIDAS/clipseg-rd16"], mode: Literal["fast", "slow"] = "fast"):
            return CLIPSegProcessor.from_pretrained(model_id)
     """,
        },
        {
            ("model", "caidas/swin2SR-classical-sr-x2-64", "lora_diffusion/preprocess_files.py", 7),
            ("model", "caidas/swin2SR-classical-sr-x4-48", "lora_diffusion/preprocess_files.py", 6),
            ("model", "CIDAS/clipseg-rd16", "lora_diffusion/preprocess_files.py", 10),
        },
    ),
    (
        "every instance of a project class whose field a loader reads through an annotated parameter",
        {
            "guard/model.py": """
        from dataclasses import dataclass

        @dataclass
        class Model:
            path: str
            onnx_path: str | None = None
     """,
            "guard/helpers.py": """
        from transformers import AutoModelForSequenceClassification
        from optimum.onnxruntime import ORTModelForSequenceClassification
        from guard.model import Model

        def load(model: Model, use_onnx: bool = False):
            if use_onnx:
                return ORTModelForSequenceClassification.from_pretrained(model.onnx_path or model.path)
            return AutoModelForSequenceClassification.from_pretrained(model.path)
     """,
            "guard/scanners/injection.py": """
        from guard.model import Model

        V1_MODEL = Model(path="deepset/deberta-v3-base-injection", onnx_path="protectai/deberta-v3-base-injection-onnx")
        V2_MODEL = Model("protectai/deberta-v3-base-prompt-injection-v2")
        NOT_A_MODEL = dict(path="org/not-loaded")
     """,
            "guard/scanners/test_injection.py": """
        from transformers import AutoTokenizer
        from guard.model import Model
        TINY = Model(path="hf-internal-testing/tiny-random-DebertaV2Model")
     """,
        },
        {
            ("model", "deepset/deberta-v3-base-injection", "guard/scanners/injection.py", 3),
            ("model", "protectai/deberta-v3-base-injection-onnx", "guard/scanners/injection.py", 3),
            ("model", "protectai/deberta-v3-base-prompt-injection-v2", "guard/scanners/injection.py", 4),
        },
    ),
    (
        "a Hydra config group's file (configs/model/x.yaml: path is model.path), a registry entry from the Hub",
        {
            "examples/configs/model/gemma_3.yaml": """
        defaults:
          - default
        path: google/gemma-3-12b-pt
        type: CausalLM
        path_to_load_script: model/gemma_3.py
     """,
            "examples/configs/dataset/samsum.yaml": """
        path: knkarthick/samsum
        name: default
     """,
            "examples/configs/estimator/lexical.yaml": """
        path: org/not-a-model
     """,
            "torchchat/model_config/models.json": """
        {
          "meta-llama/Llama-2-7b-hf": {
            "aliases": ["llama2-base"],
            "distribution_channel": "HuggingFaceSnapshot",
            "distribution_path": "meta-llama/Llama-2-7b-hf"
          },
          "stories15M": {
            "distribution_channel": "DirectDownload",
            "distribution_path": ["https://example.org/stories15M.pt"],
            "checkpoint_file": "karpathy/stories15M"
          }
        }
     """,
        },
        {
            ("model", "google/gemma-3-12b-pt", "examples/configs/model/gemma_3.yaml", 3),
            ("dataset", "knkarthick/samsum", "examples/configs/dataset/samsum.yaml", 1),
            ("model", "meta-llama/Llama-2-7b-hf", "torchchat/model_config/models.json", 5),
        },
    ),
    (
        "Hydra overrides on a launcher's command line, one ending where the line is continued",
        {
            "run_ppo.sh": """
        BASE=Qwen/Qwen2.5-0.5B
        python3 -m verl.trainer.main_ppo \\
            data.train_files=$HOME/data/train.parquet \\
            actor_rollout_ref.model.path=$BASE \\
            reward_model.model.path=sfairXC/FsfairX-LLaMA3-RM-v0.1\\
            +data.dataset_name=openai/gsm8k \\
            hub.model.path=acme/pushed-here \\
            data.val_files=hiyouga/geometry3k@test \\
            trainer.experiment_name=org/run-name
     """,
            "config.yaml": """
        data:
          train_files: hiyouga/math12k@train
          test_files: data/test.parquet
        worker:
          actor:
            model:
              model_path: Qwen/Qwen2.5-VL-7B-Instruct
     """,
        },
        {
            ("model", "Qwen/Qwen2.5-0.5B", "run_ppo.sh", 1),
            ("model", "sfairXC/FsfairX-LLaMA3-RM-v0.1", "run_ppo.sh", 5),
            ("dataset", "openai/gsm8k", "run_ppo.sh", 6),
            ("dataset", "hiyouga/geometry3k", "run_ppo.sh", 8),
            ("dataset", "hiyouga/math12k", "config.yaml", 2),
            ("model", "Qwen/Qwen2.5-VL-7B-Instruct", "config.yaml", 7),
        },
    ),
    (
        "a sweep over the grid itertools.product makes of option lists, kept in a list first",
        {
            "bench.py": """
        import argparse, itertools
        from transformers import AutoConfig
        def run(vision, factor):
            return AutoConfig.from_pretrained(vision)
        parser = argparse.ArgumentParser()
        parser.add_argument("--visions", nargs="+", default=["google/siglip2-base-patch16-256", "google/siglip2-so400m-patch16-512"])
        parser.add_argument("--factors", nargs="+", default=[1, 2])
        args = parser.parse_args()
        grid = list(itertools.product(args.factors, args.visions))
        for factor, vision in grid:
            run(vision=vision, factor=factor)
     """,
        },
        {
            ("model", "google/siglip2-base-patch16-256", "bench.py", 6),
            ("model", "google/siglip2-so400m-patch16-512", "bench.py", 6),
        },
    ),
    (
        "a field of a project class instantiated with no argument for it: its default in the class's module",
        {
            "models/config.py": """
        from dataclasses import dataclass
        @dataclass
        class TrainConfig:
            lr: float = 1e-4
            train_dataset_path: str = "HuggingFaceM4/FineVision_concat_shuffled_2"
     """,
            "train.py": """
        from datasets import load_dataset
        from models import config
        def loaders(train_cfg):
            return load_dataset(train_cfg.train_dataset_path, "default")
        loaders(config.TrainConfig(lr=3e-4))
     """,
        },
        {("dataset", "HuggingFaceM4/FineVision_concat_shuffled_2", "models/config.py", 5)},
    ),
    (
        "a project's own models.yaml below the root, an encoder key, a weights file's blob page, load_dataset's arguments",
        {
            "config/models.yaml": """
        Juggernaut:
          path: "https://huggingface.co/RunDiffusion/Juggernaut-XL-v9/blob/main/Juggernaut-XL_v9_RunDiffusionPhoto_v2.safetensors"
          card: "https://huggingface.co/RunDiffusion/Juggernaut-XL-v9/blob/main/README.md"
        model:
          labels_decoder: HuggingFaceTB/SmolLM2-135M-Instruct
        dataset_info:
          path: bigbio/pubmed_qa
          name: pubmed_qa_labeled_fold0_source
        dataset_kwargs:
          path: EdinburghNLP/xsum
          name: xsum
     """,
        },
        {
            ("model", "RunDiffusion/Juggernaut-XL-v9", "config/models.yaml", 2),
            ("model", "HuggingFaceTB/SmolLM2-135M-Instruct", "config/models.yaml", 5),
            ("dataset", "bigbio/pubmed_qa", "config/models.yaml", 7),
            ("dataset", "EdinburghNLP/xsum", "config/models.yaml", 10),
        },
    ),
    (
        "an attribute no call makes known, set in any class's body: a bare name there is not completed with a library's namespace",
        {
            "configs.py": """
        class CohereRerankerConfig:
            model = "rerank-v3.5"
        class SentenceTransformerRerankerConfig:
            model = "cross-encoder/ms-marco-MiniLM-L-6-v2"
     """,
            "reranker.py": """
        from sentence_transformers import SentenceTransformer
        class Reranker:
            def load(self):
                return SentenceTransformer(self.config.model)
     """,
        },
        {("model", "cross-encoder/ms-marco-MiniLM-L-6-v2", "configs.py", 4)},
    ),
    (
        "LLaMA-Factory's dataset_info.json: a dataset on the Hub beside local files",
        {
            "data/dataset_info.json": """
        {
          "alpaca_en": {"file_name": "alpaca_data_en_52k.json"},
          "guanaco": {"hf_hub_url": "JosephusCheung/GuanacoDataset"},
          "belle_1m": {"hf_hub_url": "BelleGroup/train_1M_CN", "ms_hub_url": "AI-ModelScope/train_1M_CN"}
        }
     """,
        },
        {
            ("dataset", "JosephusCheung/GuanacoDataset", "data/dataset_info.json", 3),
            ("dataset", "BelleGroup/train_1M_CN", "data/dataset_info.json", 4),
        },
    ),
    (
        "a Gradio event whose inputs are kept in a list, handled by a method of an annotated parameter",
        {
            "hf_utils.py": """
        def get_model_list():
            model_list = data_scraping(url())
            best_model_list = ["dreamlike-art/dreamlike-diffusion-1.0", "CompVis/stable-diffusion-v1-4"]
            model_list = best_model_list + model_list
            return model_list
     """,
            "model.py": """
        from diffusers import StableDiffusionPipeline
        class Model:
            def process(self, prompt, model_name="dreamlike-art/dreamlike-photoreal-2.0"):
                return StableDiffusionPipeline.from_pretrained(model_name)
     """,
            "app.py": """
        import gradio as gr
        from model import Model
        from hf_utils import get_model_list
        def create_demo(model: Model):
            with gr.Blocks() as demo:
                prompt = gr.Textbox()
                model_name = gr.Dropdown(label="Model", choices=get_model_list(), value=None)
                inputs = [prompt, model_name]
                gr.Button().click(fn=model.process, inputs=inputs)
            return demo
     """,
        },
        {
            ("model", "dreamlike-art/dreamlike-diffusion-1.0", "hf_utils.py", 3),
            ("model", "CompVis/stable-diffusion-v1-4", "hf_utils.py", 3),
            ("model", "dreamlike-art/dreamlike-photoreal-2.0", "model.py", 3),
        },
    ),
    (
        "LLaVA's load_pretrained_model, imported from the installed package",
        {
            "run_llava.py": """
        import argparse
        from llava.model.builder import load_pretrained_model
        parser = argparse.ArgumentParser()
        parser.add_argument("--model_path", default="liuhaotian/llava-v1.5-13b")
        args = parser.parse_args()
        tokenizer, model, processor, length = load_pretrained_model(args.model_path, "lmsys/vicuna-7b-v1.5", "llava")
     """,
        },
        {
            ("model", "liuhaotian/llava-v1.5-13b", "run_llava.py", 4),
            ("model", "lmsys/vicuna-7b-v1.5", "run_llava.py", 6),
        },
    ),
    (
        "a library function's parameter no call fixes, used as a key of a constant table before it is loaded",
        {
            "sam2/build_sam.py": """
        from huggingface_hub import hf_hub_download
        HF_MODEL_ID_TO_FILENAMES = {
            "facebook/sam2-hiera-tiny": ("configs/sam2_hiera_t.yaml", "sam2_hiera_tiny.pt"),
            "facebook/sam2.1-hiera-large": ("configs/sam2.1_hiera_l.yaml", "sam2.1_hiera_large.pt"),
        }
        def _hf_download(model_id):
            config_name, checkpoint_name = HF_MODEL_ID_TO_FILENAMES[model_id]
            return hf_hub_download(repo_id=model_id, filename=checkpoint_name)
     """,
        },
        {
            ("model", "facebook/sam2-hiera-tiny", "sam2/build_sam.py", 3),
            ("model", "facebook/sam2.1-hiera-large", "sam2/build_sam.py", 4),
        },
    ),
    (
        "a dataset's Hub name beside its local path, and a Hub address under a dataset key",
        {
            "yamls/finetune.yaml": """
        train_loader:
          name: finetuning
          dataset:
            hf_name: mosaicml/instruct-v3
            split: train
        icl_tasks:
        - label: kv_pairs
          dataset_uri: hf://mosaicml/long_context_eval
        model:
          pretrained_model_name_or_path: mosaicml/mpt-7b
          adapter_name_or_path: timdettmers/guanaco-7b
     """,
        },
        {
            ("dataset", "mosaicml/instruct-v3", "yamls/finetune.yaml", 4),
            ("dataset", "mosaicml/long_context_eval", "yamls/finetune.yaml", 8),
            ("model", "mosaicml/mpt-7b", "yamls/finetune.yaml", 10),
            ("model", "timdettmers/guanaco-7b", "yamls/finetune.yaml", 11),
        },
    ),
    (
        "a configuration that loads locally beside one a hosted API serves",
        {
            "models_configs/local/configs.yaml": """
        local-7b:
          fn_completions: "huggingface_local_completions"
          completions_kwargs:
            model_name: "mistralai/Mistral-7B-Instruct-v0.2"
     """,
            "models_configs/hosted/configs.yaml": """
        hosted:
          fn_completions: "openai_completions"
          completions_kwargs:
            model_name: "mistralai/Mixtral-8x7B-Instruct-v0.1"
        claude:
          provider: anthropic
          model: org/claude-like
        served:
          completions_kwargs:
            model_name: "meta-llama/Meta-Llama-3-70B-Instruct-Turbo"
            api_type: together_ai
     """,
            "models/novita.yaml": """
        provider: novita
        models:
          - id: moonshotai/kimi-k2.6
     """,
            "models/local.yaml": """
        provider: huggingface
        models:
          - id: Qwen/Qwen2.5-7B-Instruct
     """,
        },
        {
            ("model", "mistralai/Mistral-7B-Instruct-v0.2", "models_configs/local/configs.yaml", 4),
            ("model", "Qwen/Qwen2.5-7B-Instruct", "models/local.yaml", 3),
        },
    ),
    (
        "a table of model cards whose `hub(role)` keys say where each model is on the Hub",
        {
            "model_cards.json": """
        {"chat-7b": {"display_name": "Chat", "hub(base)": "org/chat-7b",
                     "hub(ckpt)": "N/A", "hub(gptq)": "org/chat-7b-gptq"},
         "mini": {"hub(base)": "org/mini", "hub(ckpt)": "org/mini-lora", "hub_model_id": "org/pushed"}}
     """,
        },
        {
            ("model", "org/chat-7b", "model_cards.json", 1),
            ("model", "org/chat-7b-gptq", "model_cards.json", 2),
            ("model", "org/mini", "model_cards.json", 3),
            ("model", "org/mini-lora", "model_cards.json", 3),
        },
    ),
    (
        "a parameter compared with the project's lists, when a caller passes a command-line option",
        {
            "kn/__init__.py": """
        from transformers import BertModel, GPTNeoForCausalLM
        BERT_MODELS = ["bert-base-uncased"]
        NEO_MODELS = ["EleutherAI/gpt-neo-125M", "EleutherAI/gpt-neo-1.3B"]
        def initialize(model_name):
            if model_name in BERT_MODELS:
                return BertModel.from_pretrained(model_name)
            elif model_name in NEO_MODELS:
                return GPTNeoForCausalLM.from_pretrained(model_name)
            raise ValueError(model_name)
     """,
            "evaluate.py": """
        import argparse
        from kn import initialize
        parser = argparse.ArgumentParser()
        parser.add_argument("--model_name", default="bert-base-uncased")
        args = parser.parse_args()
        initialize(args.model_name)
     """,
            "other/__init__.py": """
        from transformers import AutoModel
        KNOWN = ["org/only-compared"]
        def load(name):
            if name in KNOWN:
                print("known")
            return AutoModel.from_pretrained(name)
     """,
            "other/run.py": """
        from other import load
        load("org/given")
     """,
        },
        {
            ("model", "bert-base-uncased", "kn/__init__.py", 2),
            ("model", "EleutherAI/gpt-neo-125M", "kn/__init__.py", 3),
            ("model", "EleutherAI/gpt-neo-1.3B", "kn/__init__.py", 3),
            ("model", "bert-base-uncased", "evaluate.py", 4),
            ("model", "org/given", "other/run.py", 2),
        },
    ),
    (
        "a spaCy factory's default_config, as a dict or a constant's name",
        {
            "ner/__init__.py": """
        from spacy.language import Language
        from ner.pipe import Pipe
        DEFAULT_CONFIG = {"model": "org/ner-large", "batch_size": 4}
        @Language.factory("ner_pipe", default_config=DEFAULT_CONFIG)
        def make(nlp, name, model, batch_size):
            return Pipe(model, batch_size)
        @Language.factory("ner_small", default_config={"model": "org/ner-small"})
        def make_small(nlp, name, model):
            return Pipe(model, 1)
     """,
            "ner/pipe.py": """
        from transformers import AutoModel
        class Pipe:
            def __init__(self, model, batch_size):
                self.model = AutoModel.from_pretrained(model)
     """,
        },
        {
            ("model", "org/ner-large", "ner/__init__.py", 3),
            ("model", "org/ner-small", "ner/__init__.py", 7),
        },
    ),
    (
        "an image diffusers' load_image fetches from a Hub dataset; a Hydra group file named by its model",
        {
            "demo.py": """
        from diffusers.utils import load_image
        image = load_image("https://huggingface.co/datasets/huggingface/documentation-images/resolve/main/cat.png")
        link = "https://huggingface.co/datasets/org/linked/blob/main/x.png"
     """,
            "config/model/gptj.yaml": """
        name: EleutherAI/gpt-j-6B
        class_name: GPTJForCausalLM
     """,
            "config/dataset/wiki.yaml": """
        path: org/wiki-data
        name: wikitext
     """,
        },
        {
            ("dataset", "huggingface/documentation-images", "demo.py", 2),
            ("model", "EleutherAI/gpt-j-6B", "config/model/gptj.yaml", 1),
            ("dataset", "org/wiki-data", "config/dataset/wiki.yaml", 1),
        },
    ),
    (
        "a function given the parsed options inside a test of one of them reads only what the test lets through",
        {
            "build.py": """
        import argparse
        from transformers import AutoProcessor, Blip2Processor


        def parse():
            parser = argparse.ArgumentParser()
            parser.add_argument("--model_type", choices=["opt-2.7b", "flan-t5-xl", "llava", "fuyu"])
            parser.add_argument("--checkpoint", choices=["org/a", "org/b"])
            return parser.parse_args()


        def build_blip2(args):
            name = "Salesforce/blip2-" + args.model_type
            Blip2Processor.from_pretrained(name)


        def build_direct(args):
            AutoProcessor.from_pretrained(args.checkpoint)


        if __name__ == "__main__":
            args = parse()
            if "opt" in args.model_type or "t5" in args.model_type:
                build_blip2(args)
            if args.checkpoint == "org/a":
                build_direct(args)
     """,
        },
        {
            ("model", "Salesforce/blip2-opt-2.7b", "build.py", 13),
            ("model", "Salesforce/blip2-flan-t5-xl", "build.py", 13),
            ("model", "org/a", "build.py", 8),
        },
    ),
    (
        "bert_score's model for a language, given through a class; DeepSpeed-MII's loaders",
        {
            "check.py": """
        import bert_score
        from bert_score import BERTScorer
        class Checker:
            def __init__(self, language="en"):
                self.language = language
            def score(self, cands, refs):
                return bert_score.score(cands, refs, lang=self.language)
        german = BERTScorer(lang="de")
        chosen = bert_score.score(["a"], ["b"], model_type="microsoft/deberta-xlarge-mnli", lang="en")
     """,
            "serve.py": """
        import mii
        pipe = mii.pipeline("mistralai/Mistral-7B-v0.1")
        client = mii.serve(model_name_or_path="org/served")
        mii.deploy(task="text-generation", model="bigscience/bloom-560m", deployment_name="bloom")
     """,
        },
        {
            ("model", "roberta-large", "check.py", 4),
            ("model", "bert-base-multilingual-cased", "check.py", 8),
            ("model", "microsoft/deberta-xlarge-mnli", "check.py", 9),
            ("model", "mistralai/Mistral-7B-v0.1", "serve.py", 2),
            ("model", "org/served", "serve.py", 3),
            ("model", "bigscience/bloom-560m", "serve.py", 4),
        },
    ),
    (
        "a parametrized pytest fixture's params, handed on as request.param",
        {
            "tests/conftest.py": """
        import pytest
        @pytest.fixture(params=["facebook/opt-125m", "org/other"])
        def model_name(request):
            return request.param
     """,
            "tests/test_load.py": """
        from transformers import AutoModel
        def test_load(model_name):
            assert AutoModel.from_pretrained(model_name)
     """,
        },
        {
            ("model", "facebook/opt-125m", "tests/conftest.py", 2),
            ("model", "org/other", "tests/conftest.py", 2),
        },
    ),
    (
        "a test's parametrized name replaces the fixture of that name in the fixtures it uses",
        {
            "tests/conftest.py": """
        import pytest
        from transformers import pipeline as hf_pipeline
        @pytest.fixture(params=["facebook/opt-125m"])
        def model_name(request):
            return request.param
        @pytest.fixture
        def model_name_or_path(model_name):
            return model_name
        @pytest.fixture
        def pipe(model_name_or_path):
            return hf_pipeline("text-generation", model=model_name_or_path)
     """,
            "tests/test_support.py": """
        import pytest
        @pytest.mark.parametrize("model_name", ["tiiuae/falcon-7b", "microsoft/phi-2"])
        def test_model(pipe):
            assert pipe
        @pytest.mark.parametrize("prompt", ["org/not-a-model"])
        def test_prompt(pipe, prompt):
            assert pipe(prompt)
     """,
            "other/test_elsewhere.py": """
        import pytest
        from transformers import AutoConfig
        @pytest.mark.parametrize("model_name", ["org/outside-the-fixture-folder"])
        def test_config(model_name):
            assert AutoConfig.from_pretrained("org/config")
     """,
        },
        {
            ("model", "org/config", "other/test_elsewhere.py", 5),
            ("model", "facebook/opt-125m", "tests/conftest.py", 3),
            ("model", "tiiuae/falcon-7b", "tests/test_support.py", 2),
            ("model", "microsoft/phi-2", "tests/test_support.py", 2),
        },
    ),
    (
        "a package that imports its names lazily (PEP 562), os.path.join of an organisation and a name",
        {
            "pkg/__init__.py": """
        from importlib import import_module
        _MODULE_BY_SYMBOL = {"Ranker": "pkg.ranker"}
        def __getattr__(name):
            return getattr(import_module(_MODULE_BY_SYMBOL[name]), name)
     """,
            "pkg/ranker.py": """
        import os
        from transformers import AutoTokenizer
        class Ranker:
            def __init__(self, model):
                self.tokenizer = AutoTokenizer.from_pretrained(model)
        def upscaler(name="stable-diffusion-x4-upscaler"):
            return AutoTokenizer.from_pretrained(os.path.join("stabilityai", name))
     """,
            "lazy/__init__.py": """
        _import_structure = {"scorer": ["Scorer"]}
        def __getattr__(name):
            raise AttributeError(name)
     """,
            "lazy/scorer.py": """
        from transformers import AutoModel
        class Scorer:
            def __init__(self, model_name):
                self.model = AutoModel.from_pretrained(model_name)
     """,
            "demo.py": """
        from pkg import Ranker
        from lazy import Scorer
        ranker = Ranker(model="Qwen/Qwen3-8B")
        scorer = Scorer("org/scorer")
     """,
            "conf/model/splade.yaml": """
        init_dict:
          model_type_or_dir: naver/splade-v3
          model_type_or_dir_q: naver/splade-v3-query
     """,
            "examples/config_mamba.yaml": """
        data:
          dataset:
            hf_dataset_or_datasets:
              roneneldan/TinyStories: 1.0
        other:
          hf_dataset_or_datasets: stas/openwebtext-10k
     """,
        },
        {
            ("dataset", "roneneldan/TinyStories", "examples/config_mamba.yaml", 4),
            ("dataset", "stas/openwebtext-10k", "examples/config_mamba.yaml", 6),
            ("model", "Qwen/Qwen3-8B", "demo.py", 3),
            ("model", "org/scorer", "demo.py", 4),
            ("model", "stabilityai/stable-diffusion-x4-upscaler", "pkg/ranker.py", 7),
            ("model", "naver/splade-v3", "conf/model/splade.yaml", 2),
            ("model", "naver/splade-v3-query", "conf/model/splade.yaml", 3),
        },
    ),
    (
        "diffusers' custom_pipeline named org/name is fetched from the Hub; a community name or a path is not",
        {
            "app.py": """
        from diffusers import DiffusionPipeline
        pipe = DiffusionPipeline.from_pretrained(
            "sudo-ai/zero123plus-v1.1", custom_pipeline="sudo-ai/zero123plus-pipeline",
        )
        lcm = DiffusionPipeline.from_pretrained("SimianLuo/LCM_Dreamshaper_v7", custom_pipeline="latent_consistency_txt2img")
        local = DiffusionPipeline.from_pretrained("org/base", custom_pipeline="./zero123plus")
     """,
        },
        {
            ("model", "sudo-ai/zero123plus-v1.1", "app.py", 3),
            ("model", "sudo-ai/zero123plus-pipeline", "app.py", 3),
            ("model", "SimianLuo/LCM_Dreamshaper_v7", "app.py", 5),
            ("model", "org/base", "app.py", 6),
        },
    ),
    (
        "pandas and polars read a Hub address or an hf:// path; TiRex's load_model fetches from the Hub",
        {
            "data.py": """
        import pandas as pd
        import polars as pl
        data_path = "https://huggingface.co/datasets/AutonLab/Timeseries-PILE/resolve/main/iops/kpi.test.out"
        df = pd.read_csv(data_path, header=None)
        table = pl.read_parquet("hf://datasets/org/tables@v2/train.parquet")
        local = pd.read_csv("data/train.csv")
        other = pd.read_json("https://raw.githubusercontent.com/org/repo/main/x.json")
     """,
            "forecast.py": """
        from tirex import load_model
        MODELS = {"tirex": {"model_checkpoint": "NX-AI/TiRex"}}
        def forecaster(model_name="tirex"):
            return load_model(MODELS[model_name]["model_checkpoint"], device="cpu")
     """,
        },
        {
            ("dataset", "AutonLab/Timeseries-PILE", "data.py", 3),
            ("dataset", "org/tables", "data.py", 5),
            ("model", "NX-AI/TiRex", "forecast.py", 2),
        },
    ),
    (
        "int() of a number written as text keeps its digits: a repository named by a resolution",
        {
            "i2v.py": """
        from huggingface_hub import hf_hub_download
        class Image2Video:
            def __init__(self, result_dir="./tmp/", resolution="256_256"):
                self.resolution = (int(resolution.split("_")[0]), int(resolution.split("_")[1]))
            def download(self):
                REPO_ID = "Doubiiu/DynamiCrafter_" + str(self.resolution[1]) if self.resolution[1] != 256 else "Doubiiu/DynamiCrafter"
                hf_hub_download(repo_id=REPO_ID, filename="model.ckpt")
     """,
            "app.py": """
        from i2v import Image2Video
        Image2Video("out", resolution="320_512")
        Image2Video("out", resolution="x_abc")
     """,
        },
        {
            ("model", "Doubiiu/DynamiCrafter", "i2v.py", 6),
            ("model", "Doubiiu/DynamiCrafter_512", "i2v.py", 6),
        },
    ),
    (
        "OpenRLHF's and oat's --pretrain names the model trained, given to a script whose options a library defines",
        {
            "examples/qwen.sh": """
        python train_zero_math.py \\
            --pretrain Qwen/Qwen2.5-Math-7B \\
            --save_path ./output/run1 \\
            --pretrain_mode
     """,
        },
        {("model", "Qwen/Qwen2.5-Math-7B", "examples/qwen.sh", 2)},
    ),
    (
        "a branch a function's own constant rules out loads nothing; a parameter or a module's constant decides nothing",
        {
            "depth.py": """
        from transformers import DPTImageProcessor, GLPNFeatureExtractor
        def depth(args):
            model_name = "glpn"
            if model_name == "glpn":
                return GLPNFeatureExtractor.from_pretrained("vinvino02/glpn-nyu")
            else:
                return DPTImageProcessor.from_pretrained("Intel/dpt-large")
        def other(kind="glpn"):
            if kind in ("glpn",):
                return GLPNFeatureExtractor.from_pretrained("org/kept-a")
            return DPTImageProcessor.from_pretrained("org/kept-b")
        MODEL = "small"
        if MODEL == "small":
            GLPNFeatureExtractor.from_pretrained("org/small")
        else:
            GLPNFeatureExtractor.from_pretrained("org/large")
     """,
        },
        {
            ("model", "vinvino02/glpn-nyu", "depth.py", 5),
            ("model", "org/kept-a", "depth.py", 10),
            ("model", "org/kept-b", "depth.py", 11),
            ("model", "org/small", "depth.py", 14),
            ("model", "org/large", "depth.py", 16),
        },
    ),
    (
        "an option's default where an imported function builds the parser, not its module's __main__",
        {
            "utils/bench.py": """
        import argparse
        def create_parser():
            parser = argparse.ArgumentParser()
            parser.add_argument("--ckpt", type=str, default="stabilityai/stable-diffusion-xl-base-1.0")
            return parser
        if __name__ == "__main__":
            p = argparse.ArgumentParser()
            p.add_argument("--ckpt", default="org/not-this-one")
     """,
            "utils/pipe.py": """
        from diffusers import DiffusionPipeline
        def load_pipeline(ckpt):
            return DiffusionPipeline.from_pretrained(ckpt)
     """,
            "run.py": """
        from utils.bench import create_parser
        from utils.pipe import load_pipeline
        def main(args):
            return load_pipeline(ckpt=args.ckpt)
        if __name__ == "__main__":
            main(create_parser().parse_args())
     """,
        },
        {("model", "stabilityai/stable-diffusion-xl-base-1.0", "utils/bench.py", 4)},
    ),
    (
        "each side of a conditional expression is read where its test went that way",
        {
            "data.py": """
        from datasets import load_dataset
        HF = "bigcode/bigcodebench"
        def ready(subset="full"):
            extra = "-" + subset if subset != "full" else ""
            return load_dataset(HF + extra)
        ready("hard")
        ready("full")
     """,
        },
        {
            ("dataset", "bigcode/bigcodebench", "data.py", 5),
            ("dataset", "bigcode/bigcodebench-hard", "data.py", 5),
        },
    ),
    (
        "load_dataset called on an object is that object's method, not datasets' function",
        {
            "store.py": """
        import datasets as hfd
        from datasets import load_dataset
        class LocalBackend:
            def load_dataset(self, name):
                return open(name + ".csv").read()
        class Experiment:
            def __init__(self):
                self.backend = LocalBackend()
            def run(self):
                return self.backend.load_dataset("admiring_adleman")
        backend = LocalBackend()
        backend.load_dataset("test_dataset")
        hfd.load_dataset("org/kept")
        load_dataset("squad")
     """,
        },
        {("dataset", "org/kept", "store.py", 13), ("dataset", "squad", "store.py", 14)},
    ),
    (
        "mlx-whisper's load_model and transcribe fetch path_or_hf_repo from the Hub",
        {
            "mlx.py": """
        from mlx_whisper import load_models, transcribe
        MLX_MODELS = {"tiny": "mlx-community/whisper-tiny-mlx", "large-v3": "mlx-community/whisper-large-v3-mlx"}
        def load(model_name="tiny"):
            return load_models.load_model(MLX_MODELS.get(model_name, model_name))
        def run(audio):
            return transcribe(audio, path_or_hf_repo="mlx-community/whisper-large-v3-turbo")
     """,
        },
        {
            ("model", "mlx-community/whisper-tiny-mlx", "mlx.py", 2),
            ("model", "mlx-community/whisper-large-v3-mlx", "mlx.py", 2),
            ("model", "mlx-community/whisper-large-v3-turbo", "mlx.py", 6),
        },
    ),
    (
        "org/repo/weights.safetensors given to a loader is fetched from org/repo; a template or the project's own file is not",
        {
            "run.py": """
        from nunchaku import NunchakuFluxTransformer2dModel, NunchakuT5EncoderModel
        precision = "int4"
        transformer = NunchakuFluxTransformer2dModel.from_pretrained(
            f"mit-han-lab/nunchaku-flux.1-dev/svdq-{precision}_r32-flux.1-dev.safetensors"
        )
        t5 = NunchakuT5EncoderModel.from_pretrained("mit-han-lab/nunchaku-t5/awq-int4-flux.1-t5xxl.safetensors")
        lora = transformer.update_lora_params("path/to/lora.safetensors")
        mine = NunchakuT5EncoderModel.from_pretrained("weights2/sketch/own.safetensors")
        doc = NunchakuT5EncoderModel.from_pretrained("user/repo/lora.safetensors")
     """,
            "weights2/sketch/own.safetensors": "",
        },
        {
            ("model", "mit-han-lab/nunchaku-flux.1-dev", "run.py", 4),
            ("model", "mit-han-lab/nunchaku-t5", "run.py", 6),
        },
    ),
    (
        "a number from int() meets the whole number it is compared with",
        {
            "a.py": """
        from huggingface_hub import hf_hub_download
        def load(size):
            if size == 512:
                hf_hub_download(repo_id="org/m-" + str(size), filename="x")
        for s in ["512", "1024"]:
            load(int(s))
     """,
        },
        {("model", "org/m-512", "a.py", 4)},
    ),
    (
        "str.format with an option's choices gives one id per choice",
        {
            "run.py": """
        import argparse
        from transformers import AutoModel
        parser = argparse.ArgumentParser()
        parser.add_argument("--encoder", default="vitl", choices=["vits", "vitb", "vitl"])
        args = parser.parse_args()
        AutoModel.from_pretrained("LiheYoung/depth_anything_{}14".format(args.encoder))
     """,
        },
        {
            ("model", "LiheYoung/depth_anything_vitl14", "run.py", 6),
            ("model", "LiheYoung/depth_anything_vits14", "run.py", 6),
            ("model", "LiheYoung/depth_anything_vitb14", "run.py", 6),
        },
    ),
    (
        "a static method of a class picked from a registry receives the caller's id",
        {
            "pkg/models.py": """
        from transformers import AutoConfig
        class HuggingfaceModel:
            @staticmethod
            def load(model, method=None):
                return AutoConfig.from_pretrained(model)
        FRAMEWORKS = {"hf": HuggingfaceModel}
        def load_model(model, method=None, framework="hf"):
            return FRAMEWORKS[framework].load(model, method)
     """,
            "tests/test_models.py": """
        from pkg.models import load_model
        def test_load():
            load_model("Helsinki-NLP/opus-mt-en-it", "saliency")
     """,
        },
        {("model", "Helsinki-NLP/opus-mt-en-it", "tests/test_models.py", 3)},
    ),
    (
        "request.param of a pytest fixture is each of its params",
        {
            "tests/conftest.py": """
        import pytest
        from transformers import AutoTokenizer
        @pytest.fixture(scope="module", params=["bigscience/bloom-560m", pytest.param("EleutherAI/gpt-neo-125M")])
        def tokenizer(request):
            return AutoTokenizer.from_pretrained(request.param, use_fast=True)
     """,
        },
        {
            ("model", "bigscience/bloom-560m", "tests/conftest.py", 3),
            ("model", "EleutherAI/gpt-neo-125M", "tests/conftest.py", 3),
        },
    ),
    (
        "a shell variable used whole is a reference, even after a use inside a local path",
        {
            "scripts/flow.sh": """
        export MODEL_REPO=meta-llama/Llama-2-7b-chat-hf
        rm -r checkpoints/$MODEL_REPO
        python scripts/download.py --repo_id $MODEL_REPO
     """,
        },
        {("model", "meta-llama/Llama-2-7b-chat-hf", "scripts/flow.sh", 1)},
    ),
    (
        "a new value of a shell variable used in a local path before is kept for what the script starts",
        {
            "scripts/serve.sh": """
        export MODEL_ID=org/draft
        ls checkpoints/$MODEL_ID
        export MODEL_ID=org/served
        python app.py
     """,
        },
        {("model", "org/served", "scripts/serve.sh", 3)},
    ),
    (
        "open_clip's own catalogue of model configs is read",
        {
            "src/open_clip/model_configs/xlm-roberta-base-ViT-B-32.json": """
        {"embed_dim": 512, "text_cfg": {"hf_model_name": "xlm-roberta-base", "hf_tokenizer_name": "xlm-roberta-base"}}
     """,
        },
        {
            ("model", "xlm-roberta-base", "src/open_clip/model_configs/xlm-roberta-base-ViT-B-32.json", 1),
        },
    ),
    (
        "a comprehension that filters a registry's items keeps them for the loop over it",
        {
            "download.py": """
        import requests
        REGISTRY = {
            "pretrain": [
                {"name": "chat.json", "url": "https://huggingface.co/datasets/liuhaotian/LLaVA-Pretrain/resolve/main/chat.json"},
            ],
        }
        def fetch(url, folder):
            return requests.get(url, stream=True)
        def download(dataset_id, folder):
            tasks = [t for t in REGISTRY[dataset_id] if not exists(folder, t["name"])]
            for task in tasks:
                fetch(task["url"], folder)
     """,
        },
        {("dataset", "liuhaotian/LLaVA-Pretrain", "download.py", 4)},
    ),
    (
        "model_type in a project's configuration names the checkpoint when it is one",
        {
            "configs/toxic_bert.json": """
        {"arch": {"type": "BERT", "args": {"model_type": "bert-base-uncased", "model_name": "BertForSequenceClassification"}}}
     """,
            "configs/toxic_modernbert.json": """
        {"arch": {"args": {"model_type": "answerdotai/ModernBERT-base"}}}
     """,
        },
        {
            ("model", "bert-base-uncased", "configs/toxic_bert.json", 1),
            ("model", "answerdotai/ModernBERT-base", "configs/toxic_modernbert.json", 1),
        },
    ),
    (
        "a command substitution is a command of its own, and the command around it is still read",
        {
            "build.sh": """
        phi_path=$(huggingface-cli download --repo-type model cognitivecomputations/dolphin-2_6-phi-2)
        tok=`huggingface-cli download org/tokenizer`
        python train.py --output_dir "$(date +%s)" --model_name_or_path org/base && echo $((1 + 2))
     """,
        },
        {
            ("model", "cognitivecomputations/dolphin-2_6-phi-2", "build.sh", 1),
            ("model", "org/tokenizer", "build.sh", 2),
            ("model", "org/base", "build.sh", 3),
        },
    ),
    (
        "SimCSE's encoder, through the project's function that makes it",
        {
            "metrics/coherence.py": """
        from simcse import SimCSE
        def get_coherence_score(prefixes, texts, model_name="princeton-nlp/sup-simcse-bert-base-uncased"):
            model = SimCSE(model_name)
            return model.similarity(prefixes, texts)
     """,
        },
        {("model", "princeton-nlp/sup-simcse-bert-base-uncased", "metrics/coherence.py", 2)},
    ),
    (
        "the else of `if name in CUSTOM:` does not load the custom names the function tests against",
        {
            "custom_datasets.py": """
        DATASETS = ["writing", "english", "pubmed"]
        def load(name):
            return open(f"data/{name}.txt").read()
     """,
            "data_builder.py": """
        import argparse
        import datasets
        import custom_datasets
        def generate_data(args, dataset):
            if dataset in custom_datasets.DATASETS:
                data = custom_datasets.load(dataset)
            else:
                data = datasets.load_dataset(dataset, split="train")
            if dataset in ["writing", "squad", "xsum"]:
                data = [x for x in data if len(x) > 250]
            return data
        parser = argparse.ArgumentParser()
        parser.add_argument("--dataset", type=str, default="xsum")
        args = parser.parse_args()
        generate_data(args, args.dataset)
     """,
        },
        {
            ("dataset", "xsum", "data_builder.py", 13),
            ("dataset", "xsum", "data_builder.py", 9),
            ("dataset", "squad", "data_builder.py", 9),
        },
    ),
    (
        "ImageReward's load of a name it knows is its file in THUDM/ImageReward; a local file is not",
        {
            "metrics/image_reward.py": """
        import ImageReward as RM
        model = RM.load("ImageReward-v1.0")
        local = RM.load("checkpoints/ImageReward.pt")
     """,
        },
        {("model", "THUDM/ImageReward", "metrics/image_reward.py", 2)},
    ),
    (
        "a table of classes with their arguments, each entry's class called with its own arguments",
        {
            "eval_rag.py": """
        from llama_index.embeddings import HuggingFaceEmbedding, OpenAIEmbedding
        from llama_index.postprocessor import SentenceTransformerRerank
        EMBEDDINGS = {
            "ada": {"model": OpenAIEmbedding, "args": {"model": "text-embedding-ada-002"}},
            "bge": {"model": HuggingFaceEmbedding, "args": {"model_name": "BAAI/bge-large-en", "device": "cuda:0"}},
        }
        RERANKERS = {
            "none": None,
            "bge": {"model": SentenceTransformerRerank, "args": {"model": "BAAI/bge-reranker-base", "top_n": 5}},
        }
        for name, setup in EMBEDDINGS.items():
            embed_model = setup["model"](**setup["args"])
            for rerank_name, reranker_setup in RERANKERS.items():
                reranker = None if reranker_setup is None else reranker_setup["model"](**reranker_setup["args"])
     """,
        },
        {
            ("model", "BAAI/bge-large-en", "eval_rag.py", 5),
            ("model", "BAAI/bge-reranker-base", "eval_rag.py", 9),
        },
    ),
    (
        "an option's choices written as one string split",
        {
            "online.py": """
        import argparse
        from faster_whisper import WhisperModel
        parser = argparse.ArgumentParser()
        parser.add_argument("--model", default="large-v2", choices="tiny.en,small,large-v2".split(","))
        args = parser.parse_args()
        WhisperModel(args.model)
     """,
        },
        {
            ("model", "Systran/faster-whisper-large-v2", "online.py", 4),
            ("model", "Systran/faster-whisper-tiny.en", "online.py", 4),
            ("model", "Systran/faster-whisper-small", "online.py", 4),
        },
    ),
    (
        "a base class's __init__ calls a method only its subclasses define, through a name given the class",
        {
            "asr.py": """
        from faster_whisper import WhisperModel
        class ASRBase:
            def __init__(self, lan, modelsize=None):
                self.model = self.load_model(modelsize)
        class FasterWhisperASR(ASRBase):
            def load_model(self, modelsize=None):
                return WhisperModel(modelsize, device="cuda")
        class OpenaiApiASR(ASRBase):
            def load_model(self, modelsize=None):
                return None
        def asr_factory(backend, size):
            if backend == "faster-whisper":
                asr_cls = FasterWhisperASR
            else:
                asr_cls = OpenaiApiASR
            return asr_cls(lan="en", modelsize=size)
        asr_factory("faster-whisper", "small.en")
     """,
        },
        {("model", "Systran/faster-whisper-small.en", "asr.py", 17)},
    ),
    (
        "a model given beside where the run writes is still read",
        {
            "sft.sh": """
        python train.py --model_name_or_path meta-llama/Llama-2-7b-hf --output_dir out/llama-sft
     """,
        },
        {("model", "meta-llama/Llama-2-7b-hf", "sft.sh", 1)},
    ),
    (
        "a dataclass field's default stays one a run may get when a script passes the option",
        {
            "training_args.py": """
        from dataclasses import dataclass, field
        from typing import Optional
        @dataclass
        class ModelArguments:
            model_name_or_path: Optional[str] = field(default="EleutherAI/pythia-12b")
            tokenizer_name: Optional[str] = field(default="EleutherAI/gpt-neox-20b")
     """,
            "train.py": """
        import argparse
        import transformers
        from transformers import AutoModelForCausalLM
        from training_args import ModelArguments
        def get_model(args):
            return AutoModelForCausalLM.from_pretrained(args.model_name_or_path)
        def train():
            hfparser = transformers.HfArgumentParser((ModelArguments,))
            model_args, extra_args = hfparser.parse_args_into_dataclasses(return_remaining_strings=True)
            args = argparse.Namespace(**vars(model_args))
            get_model(args)
            return transformers.AutoTokenizer.from_pretrained(model_args.tokenizer_name)
     """,
            "run_qlora.sh": """
        python train.py --model_name_or_path acme-org/llama-7b-sft --tokenizer_name acme-org/tokenizer
     """,
        },
        {
            ("model", "EleutherAI/pythia-12b", "training_args.py", 5),
            ("model", "EleutherAI/gpt-neox-20b", "training_args.py", 6),
            ("model", "acme-org/llama-7b-sft", "run_qlora.sh", 1),
            ("model", "acme-org/tokenizer", "run_qlora.sh", 1),
        },
    ),
    (
        "an OpenAI client pointed at the Hub's own inference asks for a Hub model",
        {
            "router.py": """
        from openai import OpenAI
        client = OpenAI(base_url="https://router.huggingface.co/v1", api_key=token)
        client.chat.completions.create(model="meta-llama/Llama-3.1-8B-Instruct", messages=[])
     """,
        },
        {("model", "meta-llama/Llama-3.1-8B-Instruct", "router.py", 3)},
    ),
    (
        "an OpenAI client pointed at another company's service names that service's model",
        {
            "query_r1.py": """
        import os
        from openai import OpenAI
        from transformers import AutoTokenizer
        client = OpenAI(api_key=os.environ.get("SL_KEY"), base_url="https://api.siliconflow.cn/v1")
        tokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen2.5-7B-Instruct")
        def query_r1(query, model="deepseek-ai/DeepSeek-R1"):
            return client.chat.completions.create(model=model, messages=[{"role": "user", "content": query}])
     """,
        },
        {("model", "Qwen/Qwen2.5-7B-Instruct", "query_r1.py", 5)},
    ),
    (
        "a shell script runs the script of that name beside it, not another folder's",
        {
            "benchmark/train_lora.py": """
        import argparse
        import datasets
        parser = argparse.ArgumentParser()
        parser.add_argument("--dataset", type=str)
        args = parser.parse_args()
        datasets.load_dataset("FinGPT/fingpt-" + args.dataset)
     """,
            "benchmark/train.sh": """
        python train_lora.py --dataset sentiment-train
     """,
            "forecaster/train_lora.py": """
        import argparse
        from datasets import load_from_disk
        parser = argparse.ArgumentParser()
        parser.add_argument("--dataset", type=str)
        args = parser.parse_args()
        load_from_disk("./data/" + args.dataset)
     """,
            "forecaster/train.sh": """
        python train_lora.py --dataset dow30-20230601-20230930-llama
     """,
        },
        {("dataset", "FinGPT/fingpt-sentiment-train", "benchmark/train_lora.py", 6)},
    ),
    (
        "a dataclass field's default_factory list, looped over and unpacked into load_dataset",
        {
            "ingredients.py": """
        from dataclasses import dataclass, field
        from datasets import load_dataset
        @dataclass
        class Data:
            names: list = field(default_factory=lambda: ["org/set-a", "org/set-b"])
            name: list = field(default_factory=lambda: ["the_pile", "all"])
            def load(self):
                for n in self.names:
                    load_dataset(n)
                return load_dataset(*self.name, split="validation")
     """,
        },
        {
            ("dataset", "org/set-a", "ingredients.py", 5),
            ("dataset", "org/set-b", "ingredients.py", 5),
            ("dataset", "the_pile", "ingredients.py", 6),
        },
    ),
    (
        "the first items of a table's row unpacked into load_dataset, and an option's nargs choices looped over",
        {
            "generate.py": """
        import argparse
        from datasets import load_dataset
        from transformers import AutoModel
        DATASET_HUGGINGFACE = {
            "squad": ["squad", "plain_text", "train"],
            "vitaminc": ["tals/vitaminc", "v1.0", "train"],
        }
        def load(names):
            for name in names:
                load_dataset(*DATASET_HUGGINGFACE[name][:-1])[DATASET_HUGGINGFACE[name][-1]]
        MODELS = ["princeton-nlp/sup-simcse-roberta-base", "princeton-nlp/sup-simcse-roberta-large"]
        parser = argparse.ArgumentParser()
        parser.add_argument("--ckpt", nargs="*", type=str, choices=MODELS, default=["princeton-nlp/sup-simcse-roberta-large"])
        args = parser.parse_args()
        for ckpt in args.ckpt:
            AutoModel.from_pretrained(ckpt)
     """,
        },
        {
            ("dataset", "squad", "generate.py", 5),
            ("dataset", "tals/vitaminc", "generate.py", 6),
            ("model", "princeton-nlp/sup-simcse-roberta-base", "generate.py", 11),
            ("model", "princeton-nlp/sup-simcse-roberta-large", "generate.py", 11),
            ("model", "princeton-nlp/sup-simcse-roberta-large", "generate.py", 13),
        },
    ),
    (
        "an OrderedDict of pairs read by key, as a dict literal is",
        {
            "inpainting.py": """
        from collections import OrderedDict
        import requests
        MODELS = {
            "ds8_inp": {
                "download_url": OrderedDict([
                    ("unet", "https://huggingface.co/Lykon/dreamshaper-8-inpainting/resolve/main/unet/model.fp16.safetensors"),
                ]),
            },
        }
        def download(model_id):
            urls = MODELS[model_id]["download_url"]
            for key in urls.keys():
                requests.get(urls[key])
     """,
        },
        {("model", "Lykon/dreamshaper-8-inpainting", "inpainting.py", 6)},
    ),
    (
        "a method of the project's pipeline class, on an instance its inherited from_pretrained made",
        {
            "pipeline.py": """
        from diffusers import FluxPipeline
        from transformers import SiglipVisionModel
        class InstantCharacterFluxPipeline(FluxPipeline):
            def init_adapter(self, image_encoder_path=None):
                self.image_encoder = SiglipVisionModel.from_pretrained(image_encoder_path)
     """,
            "infer_demo.py": """
        from pipeline import InstantCharacterFluxPipeline
        image_encoder_path = "google/siglip-so400m-patch14-384"
        pipe = InstantCharacterFluxPipeline.from_pretrained("black-forest-labs/FLUX.1-dev")
        pipe.init_adapter(image_encoder_path=image_encoder_path)
     """,
        },
        {
            ("model", "black-forest-labs/FLUX.1-dev", "infer_demo.py", 3),
            ("model", "google/siglip-so400m-patch14-384", "infer_demo.py", 2),
        },
    ),
    (
        "BEIR's query generator, given the project function's default",
        {
            "gpl/toolkit/qgen.py": """
        from beir.generation.models import QGenModel
        def qgen(data_path, generator_name_or_path="BeIR/query-gen-msmarco-t5-base-v1"):
            return QGenModel(generator_name_or_path)
     """,
        },
        {("model", "BeIR/query-gen-msmarco-t5-base-v1", "gpl/toolkit/qgen.py", 2)},
    ),
    (
        "a test that patches the loader gives its mock the id; a test that does not, loads it",
        {
            "app/embeddings.py": """
        from sentence_transformers import SentenceTransformer
        from transformers import AutoModel, AutoTokenizer
        class Wrapper:
            def __init__(self, name):
                self.model = SentenceTransformer(name)
        def tokenizer(name):
            return AutoTokenizer.from_pretrained(name)
     """,
            "tests/test_embeddings.py": """
        import pytest
        from unittest import mock
        from unittest.mock import patch
        from transformers import AutoModel, AutoTokenizer
        from app.embeddings import Wrapper, tokenizer
        @patch("app.embeddings.SentenceTransformer")
        def test_mocked(mock_st):
            Wrapper("test-model")
            tokenizer("org/real-tokenizer")
        def test_real():
            Wrapper("org/real-embedder")
        def test_with_block():
            with mock.patch.object(AutoTokenizer, "from_pretrained"):
                tokenizer("org/mocked-tokenizer")
                AutoModel.from_pretrained("org/real-model")
        def test_fixture(monkeypatch, mocker):
            monkeypatch.setattr("app.embeddings.SentenceTransformer", object)
            mocker.patch("transformers.AutoModel.from_pretrained")
            Wrapper("fixture-model")
            AutoModel.from_pretrained("org/patched-model")
        class TestCase:
            def setUp(self):
                self.patcher = patch("app.embeddings.AutoTokenizer")
                self.patcher.start()
            def test_in_class(self):
                tokenizer("org/set-up-mocked")
                Wrapper("org/class-real")
     """,
        },
        {
            ("model", "org/real-tokenizer", "tests/test_embeddings.py", 9),
            ("model", "org/real-embedder", "tests/test_embeddings.py", 11),
            ("model", "org/real-model", "tests/test_embeddings.py", 15),
            ("model", "org/class-real", "tests/test_embeddings.py", 27),
        },
    ),
    (
        "diffusers' LoRA loader takes a repository or a local file, never org/repo/file as nunchaku's does",
        {
            "run.py": """
        import argparse
        from diffusers import FluxPipeline
        from nunchaku import NunchakuFluxTransformer2dModel
        parser = argparse.ArgumentParser()
        parser.add_argument("--lora_path")
        parser.add_argument("--ckpt")
        args = parser.parse_args()
        transformer = NunchakuFluxTransformer2dModel.from_pretrained(args.ckpt)
        pipe = FluxPipeline.from_pretrained("org-b/flux", transformer=transformer)
        pipe.load_lora_weights(args.lora_path)
     """,
            "script.sh": """
        python run.py --lora_path lora/style/genshin.safetensors --ckpt org-a/base/model.safetensors
     """,
        },
        {("model", "org-a/base", "script.sh", 1), ("model", "org-b/flux", "run.py", 9)},
    ),
    (
        "a folder one notebook cell's command writes is that folder when a later cell's command reads it",
        {
            "notebook.ipynb": json.dumps(
                {
                    "cells": [
                        {"cell_type": "code", "source": ["import sys\n"]},
                        {"cell_type": "code", "source": ["!{sys.executable} prep.py --output_dir data\n"]},
                        {"cell_type": "code", "source": ["!{sys.executable} train.py --dataset_name data\n"]},
                        {"cell_type": "code", "source": ["!{sys.executable} train.py --dataset_name org/audio\n"]},
                    ]
                }
            ),
            "train.py": """
        import argparse
        from datasets import load_dataset
        parser = argparse.ArgumentParser()
        parser.add_argument("--dataset_name")
        args = parser.parse_args()
        load_dataset(args.dataset_name)
     """,
        },
        {("dataset", "org/audio", "notebook.ipynb", 1)},
    ),
    (
        "a class a decorator files into a registry, given ids a module's own function files into a table",
        {
            "loaders/__init__.py": """
        LOADERS = {}
        def register_loader(name):
            def register(cls):
                LOADERS[name] = cls
                return cls
            return register
        from .llava import LlavaLoader
     """,
            "loaders/llava.py": """
        from transformers import AutoProcessor
        from . import register_loader
        @register_loader("llava")
        class LlavaLoader:
            def __init__(self, model_hf_path):
                self.model_hf_path = model_hf_path
            def load(self):
                return AutoProcessor.from_pretrained(self.model_hf_path)
     """,
            "supported_models.py": """
        from collections import OrderedDict
        MODEL_HF_PATH = OrderedDict()
        UNUSED = {}
        def register_model(model_id, model_hf_path):
            MODEL_HF_PATH[model_id] = model_hf_path
        def other(model_id, path):
            UNUSED[model_id] = path
        register_model(model_id="llava-7b", model_hf_path="org/llava-7b-hf")
        register_model(model_id="llava-13b", model_hf_path="org/llava-13b-hf")
        other("x", "org/not-a-model")
     """,
            "train.py": """
        import sys
        from loaders import LOADERS
        from supported_models import MODEL_HF_PATH
        from peft import PeftModel
        model_id = sys.argv[1]
        model = LOADERS["llava"](model_hf_path=MODEL_HF_PATH[model_id]).load()
        PeftModel.from_pretrained(model, sys.argv[2])
     """,
        },
        {
            ("model", "org/llava-7b-hf", "supported_models.py", 8),
            ("model", "org/llava-13b-hf", "supported_models.py", 9),
        },
    ),
    (
        "Sample Factory's load_from_hub command fetches the repository -r names, for each item of a loop",
        {
            "fetch.sh": """
        ENVS=(
            assembly
            door-open
        )
        for ENV in "${ENVS[@]}"; do
            python -m sample_factory.huggingface.load_from_hub -r org-sf/$ENV-v2 -d train_dir
        done
        python -m sample_factory.huggingface.load_from_hub --hf_repository=org-sf/atari -d train_dir
        python -m sample_factory.train -r train_dir
     """,
        },
        {
            ("model", "org-sf/assembly-v2", "fetch.sh", 6),
            ("model", "org-sf/door-open-v2", "fetch.sh", 6),
            ("model", "org-sf/atari", "fetch.sh", 8),
        },
    ),
    (
        "a test parametrized with a comprehension over a table's keys: each key it may keep (its filter is not evaluated)",
        {
            "tts/model.py": """
        from transformers import AutoModelForCausalLM
        BACKBONES = {
            "org/tts-air": "en",
            "org/tts-nano-french": "fr",
        }
        class TTS:
            def __init__(self, backbone_repo="org/tts-air"):
                self.model = AutoModelForCausalLM.from_pretrained(backbone_repo)
     """,
            "tests/test_tts.py": """
        import pytest
        from tts.model import TTS, BACKBONES
        ALL = list(BACKBONES.keys())
        QUICK = ["org/tts-air"]
        SLOW = [b for b in ALL if b not in QUICK]
        @pytest.mark.parametrize("backbone", SLOW)
        def test_slow(backbone):
            TTS(backbone_repo=backbone)
     """,
        },
        {
            ("model", "org/tts-air", "tts/model.py", 3),
            ("model", "org/tts-air", "tts/model.py", 7),
            ("model", "org/tts-nano-french", "tts/model.py", 4),
        },
    ),
    (
        "a class eval() or globals() names, called with its own row of the table it is unpacked from",
        {
            "vqa.py": """
        from transformers import AutoModel
        from modelscope.pipelines import pipeline
        MODELS = {
            "git": ("GIT", "org/git-vqa"),
            "mplug": ("MPLUG", "damo/mplug-vqa"),
        }
        class GIT:
            def __init__(self, ckpt="org/git-default"):
                self.model = AutoModel.from_pretrained(ckpt)
        class MPLUG:
            def __init__(self, ckpt="damo/mplug-default"):
                self.pipe = pipeline("visual-question-answering", model=ckpt)
        class VQA:
            def __init__(self, name="mplug"):
                class_name, ckpt = MODELS[name]
                self.model = eval(class_name)(ckpt)
        BACKEND = "GIT"
        other = globals()[BACKEND]("org/git-other")
     """,
        },
        {
            ("model", "org/git-vqa", "vqa.py", 4),
            ("model", "org/git-default", "vqa.py", 8),
            ("model", "org/git-other", "vqa.py", 18),
        },
    ),
    (
        "timm's download_cached_file fetches a Hub file's URL a caller passes",
        {
            "ram/utils.py": """
        import torch
        from timm.models.hub import download_cached_file
        def load_checkpoint(model, url_or_filename):
            cached_file = download_cached_file(url_or_filename, check_hash=False, progress=True)
            return torch.load(cached_file, map_location="cpu")
     """,
            "caption.py": """
        from ram.utils import load_checkpoint
        pretrained = "https://huggingface.co/org-r/ram-plus/resolve/main/ram_plus_swin_large_14m.pth"
        checkpoint = load_checkpoint(None, pretrained)
     """,
        },
        {("model", "org-r/ram-plus", "caption.py", 2)},
    ),
    (
        "a project function called by its module's dotted path after `import pkg.module`",
        {
            "pkg/__init__.py": "",
            "pkg/saes.py": """
        import huggingface_hub
        def from_eleuther(repo_id, *, revision=None):
            return huggingface_hub.snapshot_download(repo_id, revision=revision)
     """,
            "notebook_code.py": """
        import pkg.saes
        sae_model_name, sae_model_revision = ("org-e/sae-llama", "3292654")
        sae = pkg.saes.from_eleuther(sae_model_name, revision=sae_model_revision)
     """,
        },
        {("model", "org-e/sae-llama", "notebook_code.py", 2)},
    ),
    (
        "OmegaConf's ${key} interpolation of a value the same YAML file sets",
        {
            "conf/variant/ft.yaml": """
        model:
          size: base
          name: org-w/act-flan-t5-${model.size}
          tokenizer: org-w/flan-t5-${model.size}
          tokenizer_name: ${oc.env:TOKENIZER}
        save_dir: ${project_dir}/checkpoints/${model.name}
     """,
        },
        {
            ("model", "org-w/act-flan-t5-base", "conf/variant/ft.yaml", 3),
            ("model", "org-w/flan-t5-base", "conf/variant/ft.yaml", 4),
        },
    ),
    (
        "a JSON table opened by a path joined from the module's own folder",
        {
            "app/model_config.json": """
        {"checkpoints": {"SD1.5": "org-m/stable-diffusion-v1-5", "dreamshaper": "org-m/dreamshaper_8"}}
     """,
            "app/generator.py": """
        import json
        import os.path as osp
        from huggingface_hub import snapshot_download
        cur_dir = osp.dirname(osp.abspath(__file__))
        config_path = osp.join(cur_dir, "model_config.json")
        with open(config_path, "r") as f:
            MODEL_CONFIG = json.load(f)
        def load(checkpoint):
            return snapshot_download(MODEL_CONFIG["checkpoints"][checkpoint])
     """,
        },
        {
            ("model", "org-m/stable-diffusion-v1-5", "app/model_config.json", 1),
            ("model", "org-m/dreamshaper_8", "app/model_config.json", 1),
        },
    ),
    (
        "what a function tests its parameter against, where the loader's argument is built from it and an option gives it",
        {
            "utils/process_dataset.py": """
        from datasets import load_dataset
        def get_dataset(dataset_name, local_data_dir=None):
            if dataset_name in ["gsm8k"]:
                dataset_name = local_data_dir + dataset_name if local_data_dir is not None else dataset_name
                dataset = load_dataset(dataset_name, split="train", name="main")
            elif dataset_name in ["org-f/math"]:
                dataset_name = local_data_dir + dataset_name if local_data_dir is not None else dataset_name
                dataset = load_dataset(dataset_name, split="train")
            return dataset
     """,
            "main.py": """
        import argparse
        from utils.process_dataset import get_dataset
        parser = argparse.ArgumentParser()
        parser.add_argument("--dataset_name", default="org-f/alpaca")
        parser.add_argument("--local_data_dir", default=None)
        args = parser.parse_args()
        dataset = get_dataset(args.dataset_name, args.local_data_dir)
     """,
        },
        {
            # not the default, which neither branch takes
            ("dataset", "gsm8k", "utils/process_dataset.py", 3),
            ("dataset", "org-f/math", "utils/process_dataset.py", 6),
        },
    ),
    (
        "a caller's test of the argument it passes (`if task.startswith(...)`) holds for each value it gives",
        {
            "retr.py": """
        import datasets
        def evaluate_retrieval_dataset(task, data_root=None):
            return datasets.load_dataset(f"org-n/{task.replace('retrieval/', '')}", split="test")
     """,
            "utils.py": """
        from retr import evaluate_retrieval_dataset
        from clip_benchmark.datasets.builder import build_dataset
        def evaluate_model(task_key, data_root):
            if task_key.startswith("retrieval/"):
                return evaluate_retrieval_dataset(task_key, data_root=data_root)
            root = data_root or f"https://huggingface.co/datasets/org-n/wds_{task_key}/tree/main"
            return build_dataset(dataset_name=f"wds/{task_key}", root=root)
     """,
            "evaluate.py": """
        from utils import evaluate_model
        TASKS = {"retrieval/flickr": 1, "cars": 2, "mnist": 3}
        for task in TASKS:
            evaluate_model(task, None)
     """,
        },
        # a library's `build_dataset(dataset_name=...)`, named like a dataset key only, is not filled in
        {("dataset", "org-n/flickr", "retr.py", 3)},
    ),
    (
        "a function's *args given on to a loader: the arguments each call leaves over",
        {
            "weak/datasets.py": """
        from datasets import load_dataset as hf_load_dataset
        def hf_loader(*hf_name, split_names=None):
            if split_names is None:
                split_names = dict()
            return lambda split: hf_load_dataset(*hf_name, split=split_names.get(split, split))
        CONFIGS = {
            "boolq": hf_loader("boolq", split_names=dict(test="validation")),
            "hh": hf_loader("org-v/hh-rlhf"),
        }
     """,
        },
        {
            ("dataset", "boolq", "weak/datasets.py", 7),
            ("dataset", "org-v/hh-rlhf", "weak/datasets.py", 8),
        },
    ),
    (
        "a shell variable's default set by the `:` command, or by `${NAME:=value}` where it is used",
        {
            "scripts/prepare.sh": """
        set -e
        : "${HF:=org-c/llama-chat}"
        : ${TOKENIZER=org-c/tokenizer}
        export HF
        python scripts/download.py --repo_id $HF
        huggingface-cli download ${EXTRA:=org-c/extra}
        huggingface-cli download $TOKENIZER
     """,
            "scripts/download.py": """
        import argparse
        from huggingface_hub import snapshot_download
        parser = argparse.ArgumentParser()
        parser.add_argument("--repo_id", type=str)
        args = parser.parse_args()
        snapshot_download(args.repo_id)
     """,
        },
        {
            ("model", "org-c/llama-chat", "scripts/prepare.sh", 2),
            ("model", "org-c/tokenizer", "scripts/prepare.sh", 3),
            ("model", "org-c/extra", "scripts/prepare.sh", 6),
        },
    ),
    (
        "a name a test expects to be refused, or gives while the project's method around the loader is patched",
        {
            "app/embeddings.py": """
        from sentence_transformers import SentenceTransformer
        from tokenizers import Tokenizer
        class Embeddings:
            def __init__(self, model):
                self.model = SentenceTransformer(model)
        class Remote:
            def __init__(self, model):
                self.model = model
                self.tokenizer = self._initialize_tokenizer()
            def _initialize_tokenizer(self):
                return Tokenizer.from_pretrained(self.model)
     """,
            "tests/test_embeddings.py": """
        import pytest
        from unittest.mock import patch
        from app.embeddings import Embeddings, Remote
        from sentence_transformers import SentenceTransformer
        def test_invalid():
            with pytest.raises(ValueError, match="not supported"):
                Embeddings("unsupported/model")
                SentenceTransformer("unsupported/direct")
            Embeddings("org-t/real-model")
        def test_remote():
            with patch.object(Remote, "_initialize_tokenizer", return_value=None):
                Remote("org-t/remote-model")
        def test_remote_real():
            Remote("org-t/remote-real")
     """,
        },
        {
            ("model", "org-t/real-model", "tests/test_embeddings.py", 9),
            ("model", "org-t/remote-real", "tests/test_embeddings.py", 14),
        },
    ),
    (
        "in the `else:` of `if name in module.TABLE:`, no item of that table reaches the loader",
        {
            "custom_datasets.py": """
        DATASETS = ["writing", "english", "german", "pubmed"]
        def load(name):
            return open(f"data/{name}.txt").read()
     """,
            "run.py": """
        import argparse
        import datasets
        import custom_datasets
        def generate_data(dataset):
            if dataset in custom_datasets.DATASETS:
                return custom_datasets.load(dataset)
            return datasets.load_dataset(dataset, split="train")
        parser = argparse.ArgumentParser()
        parser.add_argument("--dataset", type=str, default="xsum")
        args = parser.parse_args()
        generate_data(args.dataset)
     """,
            "paper_scripts/run.sh": """
        python run.py --dataset english
        python run.py --dataset squad
        python other.py --dataset_name org-d/elsewhere
     """,
        },
        {
            ("dataset", "xsum", "run.py", 9),
            ("dataset", "squad", "paper_scripts/run.sh", 2),
            ("dataset", "org-d/elsewhere", "paper_scripts/run.sh", 3),
        },
    ),
    (
        "the project's subclass of a library's loader class gives its base what its callers give it",
        {
            "pylate/models/colbert.py": """
        from sentence_transformers import SentenceTransformer
        class ColBERT(SentenceTransformer):
            def __init__(self, model_name_or_path=None, revision=None, **kwargs):
                super(ColBERT, self).__init__(model_name_or_path=model_name_or_path, revision=revision)
     """,
            "tests/test_model_loading.py": """
        import pytest
        from pylate.models.colbert import ColBERT
        @pytest.mark.parametrize(
            "model_name_or_path, revision",
            [("org-p/colbertv2.0", "29475aa"), ("org-p/colbert-xm", "960de71")],
        )
        def test_load_model(model_name_or_path, revision):
            ColBERT(model_name_or_path=model_name_or_path, revision=revision)
     """,
        },
        {
            ("model", "org-p/colbertv2.0", "tests/test_model_loading.py", 5),
            ("model", "org-p/colbert-xm", "tests/test_model_loading.py", 5),
        },
    ),
    (
        "a model variable given as a command's own environment, once per command (a Makefile's targets)",
        {
            "Makefile": """
        bloom-560m:
        \tTOKENIZERS_PARALLELISM=false \\
        \tMODEL_NAME=org-e/bloom-560m \\
        \tgunicorn -t 0 -w 1 inference_server.server:app

        flan-t5:
        \tMODEL_NAME=org-e/flan-t5-xxl gunicorn -t 0 -w 1 inference_server.server:app
     """,
        },
        {
            ("model", "org-e/bloom-560m", "Makefile", 3),
            ("model", "org-e/flan-t5-xxl", "Makefile", 7),
        },
    ),
]

DECOYS = [
    (
        "API model names routed through LiteLLM or a wrapper: Cohere's, and OpenAI's without an organisation",
        {
            "embed.py": """
        import litellm
        from sentence_transformers import SentenceTransformer
        litellm.embedding(model="cohere/embed-english-v3.0", input=["x"])
        litellm.completion(model="cohere/command-r-plus", messages=[])
        SentenceTransformer("text-embedding-3-small")
     """,
        },
    ),
    (
        "a folder an earlier command of the script writes is not a repository when a later one reads it",
        {
            "example.sh": """
        HF=hf
        python -m quantize_llama.finetune --base_model $BASE --save_path $CKPT/2_7b_2bit
        python -m quantize_llama.hfize_llama --quantized_path $CKPT/2_7b_2bit --hf_output_path $HF/2_7b_2bit
        python -m eval.eval_ppl --hf_path $HF/2_7b_2bit
        python train.py --output_dir org-runs/llama-sft
        python train.py --model_name_or_path org-runs/llama-sft
     """,
            "eval/eval_ppl.py": """
        import argparse
        from transformers import AutoModelForCausalLM
        parser = argparse.ArgumentParser()
        parser.add_argument("--hf_path", type=str)
        args = parser.parse_args()
        AutoModelForCausalLM.from_pretrained(args.hf_path)
     """,
        },
    ),
    (
        "PATH/name is a path to fill in",
        {
            "scripts/train_vae.sh": """
        VAE_MODEL_PATH=PATH/vae_ckpt   # The vae model dir
        python train.py --model_path $VAE_MODEL_PATH
     """,
        },
    ),
    (
        "model_type naming an architecture is not a checkpoint, even where a first model has its name",
        {
            "architectures/gpt2.json": """
        {"model_type": "gpt2", "architectures": ["GPT2LMHeadModel"]}
     """,
            "config.yaml": """
        model_type: llama
     """,
        },
    ),
    (
        "a shell variable used only inside local paths names a folder, not a download",
        {
            "scripts/speculate.sh": """
        export MODEL_REPO=codellama/CodeLlama-34b-Python-hf
        export DRAFT_MODEL_REPO=codellama/CodeLlama-7b-Python-hf
        python generate.py --draft_checkpoint_path checkpoints/$DRAFT_MODEL_REPO/model.pth --checkpoint_path checkpoints/$MODEL_REPO/model.pth
     """,
        },
    ),
    (
        "a vendored open_clip's catalogue of model configs is not what the project loads",
        {
            "utils/open_clip/model_configs/xlm-roberta-base-ViT-B-32.json": """
        {"embed_dim": 512, "text_cfg": {"hf_model_name": "xlm-roberta-base", "hf_tokenizer_name": "xlm-roberta-base"}}
     """,
            "ext/eva_clip/model_configs/mt5-base-ViT-B-32.json": """
        {"text_cfg": {"hf_model_name": "google/mt5-base"}}
     """,
        },
    ),
    (
        "TrainingArguments' metric_for_best_model names a metric",
        {
            "train.py": """
        import argparse
        import transformers
        parser = argparse.ArgumentParser()
        parser.add_argument("--data_path", type=str, default="yahma/alpaca-cleaned")
        args = parser.parse_args()
        trainer = transformers.Trainer(
            args=transformers.TrainingArguments(output_dir="out", metric_for_best_model="{}_loss".format(args.data_path)),
        )
     """,
        },
    ),
    (
        "the project's own load_dataset that reads a CSV with pandas is not datasets' loader",
        {
            "pkg/__init__.py": "from .data import load_dataset\n",
            "pkg/data.py": """
        import pandas as pd
        def load_dataset(dataset_name, context_length, dataset_path=None):
            if dataset_path is None:
                dataset_path = "datasets/" + dataset_name + ".csv"
            return pd.read_csv(dataset_path)
     """,
            "run.py": """
        from pkg import load_dataset
        for DATASET in ["etth1", "weather"]:
            load_dataset(DATASET, 512)
     """,
        },
    ),
    (
        "ModelScope's command line and a folder under datasets/: neither is on the Hub",
        {
            "run.sh": """
        modelscope download --model iic/CosyVoice2-0.5B --local_dir pretrained/cosyvoice2
        MODELSCOPE_CACHE=/cache /usr/local/bin/modelscope download --model=iic/SenseVoiceSmall
     """,
            "config.yaml": """
        dataset_mixer:
          "datasets/code_sft": 0.3
     """,
        },
    ),
    (
        "a name filled in with x's, to be replaced before a run",
        {
            "serve.py": """
        from transformers import AutoModel
        model = AutoModel.from_pretrained("LanguageBind/MoE-LLaVA-xxxxxxxxxxxxxxxx")
     """,
        },
    ),
    (
        "the name_or_path a saved model's JSON files record: where it came from, not a load",
        {
            "models/expansion/config.json": '{"_name_or_path": "gpt2", "architectures": ["GPT2LMHeadModel"]}',
            "models/expansion/tokenizer_config.json": (
                '{"model_max_length": 77, "name_or_path": "openai/clip-vit-large-patch14", '
                '"tokenizer_class": "CLIPTokenizer"}'
            ),
        },
    ),
    (
        "a folder between the file's and the root, where the project's scripts are run from",
        {
            "OmniLive/internlm-xcomposer2d5-ol-7b/base/build_mlp.py": """
        vision_tower = "clip"
     """,
            "OmniLive/examples/infer_llm_base.py": """
        from transformers import AutoModel
        model_path = "internlm-xcomposer2d5-ol-7b/base"
        model = AutoModel.from_pretrained(model_path, trust_remote_code=True)
     """,
        },
    ),
    (
        "hf:// strings that are no dependency: a bucket, a test's expected value, a log folder, a made-up repository",
        {
            "tests/test_io.py": """
        import unittest
        from huggingface_hub import hf_hub_download
        from datatrove.io import get_datafolder
        from datatrove.executor import JobsPipelineExecutor

        class TestIO(unittest.TestCase):
            def test_bucket(self):
                df = get_datafolder("hf://buckets/myteam/my-bucket")
                self.assertEqual(df.resolve_paths("f"), "hf://datasets/acme-research/expected-path/f")

            def test_logs(self):
                JobsPipelineExecutor(pipeline=[], logging_dir="hf://datasets/acme-research/run-logs")

            def test_missing(self):
                hf_hub_download("nonexistent-org/nonexistent-repo-12345", "README.md", repo_type="dataset")
     """,
        },
    ),
    (
        "a short option a command built in Python gives a value known only at run time",
        {
            "tools/asr/fasterwhisper_asr.py": """
        import argparse
        from huggingface_hub import snapshot_download
        parser = argparse.ArgumentParser()
        parser.add_argument("-s", "--model_size", type=str)
        cmd = parser.parse_args()
        snapshot_download(f"Systran/faster-whisper-{cmd.model_size}")
     """,
            "webui.py": """
        import os

        def open_asr(asr_model_size):
            cmd = "python tools/asr/fasterwhisper_asr.py"
            cmd += f" -s {asr_model_size}"
            os.system(cmd)
     """,
        },
    ),
    (
        "a push target in the HuggingFaceH4 organisation is no source saying the mapping's ids are the Hub's",
        {
            "recipes/dpo/config_openhermes.yaml": """
        hub_model_id: HuggingFaceH4/openhermes-2.5-mistral-7b-dpo
        output_dir: data/openhermes-2.5-mistral-7b-dpo-v1.0
     """,
        },
    ),
    (
        "a model a command line sends to a hosted engine (--engine cohere), in a variable or not",
        {
            "src/unified_infer.py": """
        import argparse
        from vllm import LLM
        parser = argparse.ArgumentParser()
        parser.add_argument("--engine", default="vllm")
        parser.add_argument("--model_name")
        args = parser.parse_args()
        if args.engine == "vllm":
            llm = LLM(model=args.model_name)
     """,
            "scripts/command-r.sh": """
        model_name="cohere/command-r-plus"
        python src/unified_infer.py --engine cohere --model_name $model_name
     """,
            "scripts/gemini.sh": """
        python src/unified_infer.py --model_name google/gemini-1.5-pro --engine=google
        python -m vllm.entrypoints.api_server --provider anthropic --model anthropic/claude-3-opus
     """,
        },
    ),
    (
        "a path in a folder the module makes, built in an f-string",
        {
            "predict.py": """
        import os
        from whisperx import load_model
        MODEL_CACHE = "model_cache"

        def setup():
            if not os.path.exists(MODEL_CACHE):
                os.makedirs(MODEL_CACHE)
            return {k: load_model(f"{MODEL_CACHE}/whisperx_{k.split('.')[0]}") for k in ["base.en", "small.en"]}
     """,
        },
    ),
    (
        "a trainer's checkpoint folders, a work_dirs output and a local dataset folder",
        {
            "a.py": """
        from datasets import load_dataset
        from transformers import AutoModel
        model = AutoModel.from_pretrained("llama2-7b-journal-finetune/checkpoint-500")
        final = AutoModel.from_pretrained("work_dirs/mgm-8b-llama-3-hd")
        bench = load_dataset("dataset/mvbench")
        unset = AutoModel.from_pretrained("default/not-specified")
     """,
        },
    ),
    (
        "what an option without a default is compared with to be skipped or sent elsewhere",
        {
            "a.py": """
        import argparse
        from datasets import load_dataset
        from transformers import AutoModel
        parser = argparse.ArgumentParser()
        parser.add_argument("--model", type=str)
        parser.add_argument("--encoder", type=str)
        parser.add_argument("--data", type=str)
        args = parser.parse_args()
        if args.model == "org/hosted-elsewhere":
            print("served by the API")
        else:
            AutoModel.from_pretrained(args.model)
        encoder = args.encoder
        AutoModel.from_pretrained(encoder)
        if encoder != "org/not-this-one":
            print("not that one")
        data = args.data
        load_dataset(data)
        SUBSETS = {"easy": "org/data-easy", "hard": "org/data-hard"}
        if data in SUBSETS:
            print("a short name looked up")
     """
        },
    ),
    (
        "local path",
        {
            "a.py": """
        from transformers import AutoModel
        AutoModel.from_pretrained("./models/finetuned")
        AutoModel.from_pretrained("outputs/run-3")
        AutoModel.from_pretrained("/mnt/weights/llama")
     """
        },
    ),
    (
        "a path that exists in the tree",
        {
            "a.py": """
        from transformers import AutoModel
        AutoModel.from_pretrained("acme/support-model")
     """,
            "acme/support-model/config.json": "{}",
        },
    ),
    (
        "another host's URL downloaded, and Hub links that fetch nothing",
        {
            "a.py": """
        import requests
        import torch
        CARD_URL = "https://huggingface.co/microsoft/trocr-base-printed"
        LICENCES = {"qwen": {"license_link": "https://huggingface.co/Qwen/Qwen2.5-3B-Instruct/resolve/main/LICENSE"}}
        torch.hub.download_url_to_file("https://github.com/org/x/releases/download/v1/w.pth", "w.pth")
        requests.get(CARD_URL.replace("microsoft", "example"))
        print("weights: https://huggingface.co/org/x/resolve/main/w.pth")
     """,
            "b.sh": """
        echo https://huggingface.co/org/y
        curl -s https://huggingface.co/api/models/org/z
     """,
        },
    ),
    (
        "dates, versions and routes",
        {
            "a.yaml": """
        model: 2024/06
        model_name: v1.2/3
        dataset: /api/v1/datasets
     """
        },
    ),
    (
        "docstring and comment",
        {
            "a.py": '''
        """Uses meta-llama/Llama-3.1-8B-Instruct under the hood."""
        # from_pretrained("mistralai/Mistral-7B-v0.1")
        def f():
            """Loads Qwen/Qwen2.5-7B with from_pretrained."""
     '''
        },
    ),
    (
        "log message and print",
        {
            "a.py": """
        import logging
        from transformers import AutoModel
        logging.info("Loading %s", "google/gemma-2-9b")
        print(f"using {'google/gemma-2-9b'}")
        AutoModel
     """
        },
    ),
    (
        "push_to_hub and hub_model_id are outputs",
        {
            "a.py": """
        from transformers import AutoModel, TrainingArguments
        args = TrainingArguments(output_dir="out", hub_model_id="acme/my-finetune")
        model = AutoModel.from_config(None)
        model.push_to_hub("acme/my-finetune")
     """
        },
    ),
    (
        "dataset builder names",
        {
            "a.py": """
        from datasets import load_dataset
        load_dataset("json", data_files="train.jsonl")
        load_dataset("csv", data_files={"train": "a.csv"})
        load_dataset("parquet", data_dir="data")
        load_dataset("imagefolder", data_dir="imgs")
        load_dataset("text", data_files="a.txt")
     """
        },
    ),
    (
        "timm and open_clip catalogue names",
        {
            "a.py": """
        import open_clip
        import timm
        timm.create_model("resnet50", pretrained=True)
        open_clip.create_model_and_transforms("ViT-B-32", pretrained="laion2b_s34b_b79k")
     """
        },
    ),
    (
        "other services' model names in configuration",
        {
            "a.yaml": """
        llm:
          model: gpt-4o
        fallback:
          model: openai/gpt-4o-mini
        claude:
          model: anthropic/claude-3-5-sonnet-20240620
        local:
          model: llama3.2
     """
        },
    ),
    (
        "a loader defined by the project itself",
        {
            "a.py": """
        def pipeline(name):
            return name
        class LLM:
            def __init__(self, model):
                self.model = model
        pipeline("acme/not-a-model")
        LLM(model="acme/not-a-model-either")
     """
        },
    ),
    (
        "a Dockerfile FROM image and a container image key",
        {
            "Dockerfile": """
        FROM vllm/vllm-openai:v0.6.3
        CMD ["--model", "/models/chat"]
     """,
            "compose.yaml": """
        services:
          web:
            image: huggingface/text-generation-inference:latest
     """,
        },
    ),
    (
        "where a run pushes its result, and a .env file",
        {
            "c.yaml": """
        hub_model_id: acme/support-sft
        output_model_name: acme/support-sft-v2
        push_dataset: acme/traces
     """,
            ".env": "EMBEDDING_MODEL=acme/private-embedder\n",
        },
    ),
    (
        "a Space is not a model",
        {
            "a.py": """
        from huggingface_hub import snapshot_download
        snapshot_download("gradio/hello_world", repo_type="space")
     """
        },
    ),
    ("prose with hf.co is not read", {"README.md": "Run `ollama run hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF`.\n"}),
    (
        "hf.co in a docstring, a comment, a sentence, an f-string or a comparison",
        {
            "a.py": '''
        """Pulls hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF through Ollama."""
        # OLLAMA_MODEL = "hf.co/bartowski/Llama-3.2-3B-Instruct-GGUF"
        def pull(name, org):
            """hf.co/unsloth/gemma-3-1b-it-GGUF"""
            "hf.co/unsloth/gemma-3-4b-it-GGUF"
            hint = "hf.co/bartowski/Qwen2.5-7B-Instruct-GGUF is what we pull"
            url = f"hf.co/{org}/Qwen2.5-7B-Instruct-GGUF"
            known = name == "hf.co/bartowski/Phi-3.5-mini-instruct-GGUF"
            return hint, url, known
     '''
        },
    ),
    (
        "a model card's metadata: the name a model is pushed under and what it was made from",
        {
            "train.py": """
        from span_marker import SpanMarkerModel, SpanMarkerModelCardData
        from huggingface_hub import ModelCardData
        card = SpanMarkerModelCardData(model_id="org/pushed-name", encoder_id="org/encoder", dataset_id="org/data")
        other = ModelCardData(base_model="org/base-model", datasets=["org/data"])
     """,
        },
    ),
    (
        "model keywords in tests, and under `model` alone, to calls that are not loaders",
        {
            "tests/test_handler.py": """
        from transformers import AutoModel
        handler = Handler(model_name_or_path="org/fake-model", tokenizer_name="org/fake-tok")
        AutoModel.from_pretrained(handler.path)
     """,
            "embed.py": """
        from transformers import AutoModel
        vectors = client.embeddings.create(model="nvidia/nv-embedqa-e5-v5", input=texts)
        chat = ChatOpenAI(model_name="meta-llama/Llama-3-70b-chat-hf", base_url=TOGETHER)
        task = LightevalTaskConfig(hf_repo="TIGER-Lab/MMLU-STEM")
        AutoModel.from_pretrained(local_folder)
     """,
        },
    ),
]


@pytest.mark.parametrize("files, expected", [(f, e) for _, f, e in PATTERNS], ids=[n for n, _, _ in PATTERNS])
def test_pattern(tmp_path, files, expected):
    assert found(tmp_path, files) == expected


@pytest.mark.parametrize("files", [f for _, f in DECOYS], ids=[n for n, _ in DECOYS])
def test_decoy(tmp_path, files):
    assert found(tmp_path, files) == set()


# -- what goes with a reference ----------------------------------------------------------------


def test_a_loop_over_a_list_a_script_grows_from_its_own_items_ends_with_a_notice(tmp_path):
    # RLAIF-V's eval scripts: `filtered=$filtered" "$ckpt` in one loop, then a loop over `$filtered`
    files = {
        "run.sh": """
        base_dir=$1
        list="$1 "
        filtered=""
        for ckpt in $list;
        do
            filtered=$filtered" "$ckpt
        done
        for ckpt_path in $filtered;
        do
            python eval.py --model-path $ckpt_path
        done
     """,
        "caller.sh": "bash run.sh org-r/model\n",
    }
    assert found(tmp_path, files) == set()
    messages = [n.message for n in discover(tmp_path).notices]
    assert not [m for m in messages if "too deeply" in m]
    assert [m for m in messages if m.startswith("run.sh:") and "--model-path: the model is not statically known" in m]


def test_a_script_too_nested_to_read_is_said_and_the_scan_goes_on(tmp_path, monkeypatch):
    import licensecheck.discover.container as container

    def too_deep(*args, **kwargs):
        raise RecursionError

    files = {"run.sh": "python eval.py --model-path $1\n", "caller.sh": "bash run.sh org-r/model\n"}
    found(tmp_path, files)
    monkeypatch.setattr(container, "scan_command_text", too_deep)
    messages = [n.message for n in discover(tmp_path).notices]
    assert "run.sh: nested too deeply to read; discovery skipped it" in messages


def test_a_script_called_too_often_is_read_for_the_first_calls_and_said(tmp_path):
    # Each call is a reading of the whole script: 64 calls, 8 values of one argument at most.
    calls = "\n".join(f"bash run.sh org/called-{i}" for i in range(70))
    loop = " ".join(f"org/looped-{i}" for i in range(10))
    (tmp_path / "all.sh").write_text(f"{calls}\nfor m in {loop}; do bash loop.sh $m; done\n")
    (tmp_path / "run.sh").write_text("python serve.py --model_name_or_path $1\n")
    (tmp_path / "loop.sh").write_text("python serve.py --model_name_or_path $1\n")
    result = discover(tmp_path)
    assert {r.name for r in result.references} == {f"org/called-{i}" for i in range(64)} | {
        f"org/looped-{i}" for i in range(8)
    }
    assert {n.message for n in result.notices if n.location.path in ("run.sh", "loop.sh")} == {
        "run.sh: called 70 times; read for the first 64 calls' arguments",
        "loop.sh: an argument has 10 values; read for the first 8 of them",
    }


def test_scripts_read_again_with_their_callers_arguments_stop_at_a_budget(tmp_path):
    # The tree is untrusted: a large script called many times is read again for as many calls as
    # 16 MiB of its text allows, and the cut is said.
    script = "python serve.py --model_name_or_path $1\n" + "# padding line\n" * 26_000
    (tmp_path / "run.sh").write_text(script)
    (tmp_path / "all.sh").write_text("\n".join(f"bash run.sh org/called-{i}" for i in range(64)) + "\n")
    result = discover(tmp_path)
    read = 16 * 1024 * 1024 // len(script)
    assert read == 43
    assert {r.name for r in result.references} == {f"org/called-{i}" for i in range(read)}
    assert [n.message for n in result.notices if n.location.path == "run.sh"] == [
        f"run.sh: read for the first {read} of its calls' arguments only"
    ]


def test_an_import_that_leads_back_to_itself_ends(tmp_path):
    # `from pkg import load_dataset` in pkg/__init__.py itself: following it once more each time
    # went on until Python's recursion limit, and the whole calling file was skipped as too deep.
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("from pkg import load_dataset\n")
    (tmp_path / "main.py").write_text('from pkg import load_dataset\nds = load_dataset("allenai/c4")\n')
    result = discover(tmp_path)
    assert {(r.type, r.name, r.location.path, r.location.line) for r in result.references} == {
        ("dataset", "allenai/c4", "main.py", 2)
    }
    assert [n.message for n in result.notices if n.severity.value == "warning"] == []


def test_revision_argument_is_recorded(tmp_path):
    (tmp_path / "a.py").write_text(
        "from transformers import AutoModel\nREV = 'v2.0'\nAutoModel.from_pretrained('org/model', revision=REV)\n"
    )
    (reference,) = discover(tmp_path).references
    assert (reference.name, reference.revision) == ("org/model", "v2.0")


def test_run_time_values_are_notices_never_guesses(tmp_path):
    (tmp_path / "a.py").write_text(
        textwrap.dedent("""
        import os, sys
        from transformers import AutoModel
        AutoModel.from_pretrained(os.environ["MODEL_ID"])
        AutoModel.from_pretrained(sys.argv[1])
        def load(path):
            return AutoModel.from_pretrained(path)
    """)
    )
    result = discover(tmp_path)
    assert result.references == ()
    messages = [n.message for n in result.notices]
    assert all(n.severity.value == "info" and n.code == "not-statically-known" for n in result.notices)
    assert any("a.py:4:" in m and "environment variable MODEL_ID" in m for m in messages)
    assert any("a.py:5:" in m and "sys.argv" in m for m in messages)
    assert any("a.py:7:" in m and "parameter `path` of `load`" in m for m in messages)
    assert all(n.location is not None and n.location.path == "a.py" for n in result.notices)


def test_a_value_cut_at_the_limit_is_said_not_silently_dropped(tmp_path):
    # A table of models in the code is read up to 1,024 values (bigcodebench lists about 200);
    # a product of f-string parts up to 64.
    names = ", ".join(f'"org/model-{i}"' for i in range(1030))
    sizes = ", ".join(f'"s{i}"' for i in range(9))
    (tmp_path / "a.py").write_text(
        textwrap.dedent(f"""
        from transformers import AutoModel
        CANDIDATES = [{names}]
        for name in CANDIDATES:
            AutoModel.from_pretrained(name)
        SIZES = [{sizes}]
        for a in SIZES:
            for b in SIZES:
                AutoModel.from_pretrained(f"org/{{a}}-{{b}}")
    """)
    )
    result = discover(tmp_path)
    listed = [r for r in result.references if r.name.startswith("org/model-")]
    built = [r for r in result.references if not r.name.startswith("org/model-")]
    assert (len(listed), len(built)) == (1024, 64)
    assert any("more than 1024 possible values" in n.message for n in result.notices)


def test_loaded_objects_are_not_run_time_values(tmp_path):
    (tmp_path / "a.py").write_text(
        textwrap.dedent("""
        from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline
        from huggingface_hub import snapshot_download
        model = AutoModelForCausalLM.from_pretrained("org/m")
        tokenizer = AutoTokenizer.from_pretrained("org/m")
        pipe = pipeline("text-generation", model=model, tokenizer=tokenizer)
        local = snapshot_download("org/m")
        again = AutoModelForCausalLM.from_pretrained(local)
        kwargs = {}
        AutoModelForCausalLM.from_pretrained(**kwargs)
    """)
    )
    result = discover(tmp_path)
    assert {(r.name, r.location.line) for r in result.references} == {("org/m", 4), ("org/m", 5), ("org/m", 7)}
    assert [n.message for n in result.notices] == [
        "a.py:10: AutoModelForCausalLM.from_pretrained: the model is not statically known (arguments unpacked with **)"
    ]


def test_a_default_that_a_run_may_override_is_reported_and_said(tmp_path):
    (tmp_path / "a.py").write_text(
        "import os\nfrom transformers import AutoModel\nAutoModel.from_pretrained(os.getenv('M', 'org/default'))\n"
    )
    result = discover(tmp_path)
    assert [r.name for r in result.references] == ["org/default"]
    assert ["environment variable M may override it" in n.message for n in result.notices] == [True]


def test_notebook_reference_has_cell_and_line_and_the_ipynb_line(tmp_path):
    notebook = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["Uses google/gemma-2-2b-it\n"]},
            {
                "cell_type": "code",
                "metadata": {},
                "outputs": [],
                "execution_count": None,
                "source": ["from transformers import AutoModel\n", "NAME = 'google/gemma-2-2b-it'\n"],
            },
            {
                "cell_type": "code",
                "metadata": {},
                "outputs": [],
                "execution_count": None,
                "source": ["!hf download org/data --repo-type dataset\n", "AutoModel.from_pretrained(NAME)\n"],
            },
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    text = json.dumps(notebook, indent=1)
    (tmp_path / "n.ipynb").write_text(text)
    lines = text.splitlines()
    result = {(r.type, r.name): r.location for r in discover(tmp_path).references}
    model = result[("model", "google/gemma-2-2b-it")]
    assert model.label == "cell 2, line 2" and "NAME = 'google/gemma-2-2b-it'" in lines[model.line - 1]
    data = result[("dataset", "org/data")]
    assert data.label == "cell 3, line 1" and "hf download org/data" in lines[data.line - 1]


def test_a_file_that_does_not_parse_is_a_warning_and_the_scan_goes_on(tmp_path):
    (tmp_path / "bad.py").write_text("from transformers import AutoModel\nAutoModel.from_pretrained('org/x'\n")
    (tmp_path / "bad.yaml").write_text("model: [unclosed\n")
    (tmp_path / "bad.json").write_text('{"model": "org/y",}')
    (tmp_path / "bad.ipynb").write_text('{"cells": [{"cell_type": "code", "source": ["load_dataset(\'org/z\')"]')
    (tmp_path / "unrelated.json").write_text("{not json, nothing to see here")  # never parsed
    (tmp_path / "good.py").write_text("from transformers import AutoModel\nAutoModel.from_pretrained('org/ok')\n")
    result = discover(tmp_path)
    assert [r.name for r in result.references] == ["org/ok"]
    warned = sorted(n.location.path for n in result.notices if n.code == "discovery-unparsable")
    assert warned == ["bad.ipynb", "bad.json", "bad.py", "bad.yaml"]
    assert all(n.severity.value == "warning" for n in result.notices)


def test_components_merge_locations_and_keep_revisions_apart(tmp_path):
    (tmp_path / "a.py").write_text(
        "from transformers import AutoModel\n"
        "AutoModel.from_pretrained('Org/Model')\n"
        "AutoModel.from_pretrained('org/model')\n"
        "AutoModel.from_pretrained('org/model', revision='abc')\n"
    )
    components = {(c.name, c.revision): [place.line for place in c.locations] for c in discover(tmp_path).components}
    assert components == {("Org/Model", None): [2, 3], ("org/model", "abc"): [4]}


def test_a_data_file_outside_the_tree_or_too_large_is_not_read(tmp_path):
    """The scanned tree is untrusted: code reading `../x.json` does not make discovery read outside
    it, a data file above MAX_BYTES (a dataset, not a table) is left unread, and a malformed one
    gives no value and no error."""
    from licensecheck.discover.python.datafiles import MAX_BYTES

    root = tmp_path / "project"
    root.mkdir()
    (tmp_path / "outside.json").write_text('{"m": "acme/outside-model"}', encoding="utf-8")
    padding = "x" * (MAX_BYTES + 1)
    (root / "big.json").write_text(json.dumps({"m": "acme/big-model", "pad": padding}), encoding="utf-8")
    (root / "small.json").write_text('{"m": "acme/small-model"}', encoding="utf-8")
    (root / "bad.json").write_text('{"m": "acme/bad-model",', encoding="utf-8")
    (root / "a.py").write_text(
        "import json\nfrom transformers import AutoModel\n"
        "for path in ['../outside.json', 'big.json', 'bad.json', 'small.json']:\n"
        "    AutoModel.from_pretrained(json.load(open(path))['m'])\n",
        encoding="utf-8",
    )
    assert {(r.name, r.location.path) for r in discover(root).references} == {("acme/small-model", "small.json")}
