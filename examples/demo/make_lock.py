"""Rebuild examples/demo/licensecheck.lock.

These machines cannot reach the Hugging Face Hub, so the models' and dataset's
licences come from a local stand-in Hub (the tests' fake Hub) serving the
licence fields of the real model cards; packages are resolved against the real
PyPI. Commit shas are recorded only where the real one is known (Llama 3.2 3B,
pinned in models.yaml); the others are left null rather than invented.

    python examples/demo/make_lock.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "tests"))

from fakehub import FakeHub  # noqa: E402

LLAMA_32_SHA = "13afe5124825b4f3751f836b40dafda64c1ed062"
CARDS = {
    "meta-llama/Llama-3.2-3B": ({"license": "llama3.2"}, "manual"),
    "meta-llama/Llama-3.1-8B-Instruct": ({"license": "llama3.1"}, "manual"),
    "google/gemma-2-2b-it": ({"license": "gemma"}, "manual"),
    "Qwen/Qwen2.5-3B-Instruct": (
        {
            "license": "other",
            "license_name": "qwen-research",
            "license_link": "https://huggingface.co/Qwen/Qwen2.5-3B-Instruct/blob/main/LICENSE",
        },
        False,
    ),
    "stabilityai/stable-diffusion-xl-base-1.0": ({"license": "openrail++"}, False),
    "sentence-transformers/all-MiniLM-L6-v2": ({"license": "apache-2.0"}, False),
    "openai/whisper-large-v3": ({"license": "apache-2.0"}, False),
    "microsoft/Phi-3-mini-4k-instruct": (
        {
            "license": "mit",
            "license_link": "https://huggingface.co/microsoft/Phi-3-mini-4k-instruct/resolve/main/LICENSE",
        },
        False,
    ),
    "CohereForAI/c4ai-command-r-v01": ({"license": "cc-by-nc-4.0"}, False),
}
DATASETS = {"HuggingFaceFW/fineweb": {"license": "odc-by"}}


def main() -> int:
    with FakeHub() as hub:
        for repo_id, (card, gated) in CARDS.items():
            revisions = {LLAMA_32_SHA: LLAMA_32_SHA} if repo_id == "meta-llama/Llama-3.2-3B" else None
            hub.add_model(repo_id, card, gated=gated, sha=LLAMA_32_SHA if revisions else None, revisions=revisions)
        for repo_id, card in DATASETS.items():
            hub.add_dataset(repo_id, card)
        env = dict(os.environ, HF_ENDPOINT=hub.url, HF_HUB_DISABLE_TELEMETRY="1")
        env.pop("LICENSECHECK_PYPI_URL", None)
        done = subprocess.run([sys.executable, "-m", "licensecheck", "lock", str(HERE)], env=env)
    lock_path = HERE / "licensecheck.lock"
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    for entry in lock["components"]:
        if entry["type"] != "package" and entry["version"] != LLAMA_32_SHA:
            entry["version"] = None  # the stand-in's sha is not the real one: do not record it
    lock_path.write_text(json.dumps(lock, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
