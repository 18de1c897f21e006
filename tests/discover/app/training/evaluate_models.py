"""Download what the evaluation harness needs."""

from huggingface_hub import hf_hub_download, snapshot_download

JUDGE_ORG = "prometheus-eval"
JUDGE = JUDGE_ORG + "/" + "prometheus-7b-v2.0"


def fetch():
    snapshot_download(repo_id="cais/mmlu", repo_type="dataset", revision="c30699e8356da336a370243923dbaf21066bb9fe")
    hf_hub_download("google/gemma-2-2b-it", "config.json")
    snapshot_download(JUDGE, allow_patterns=["*.json", "*.safetensors"])
    snapshot_download(repo_id="gradio/hello_world", repo_type="space")


def judge_path(name):
    return snapshot_download(name)
