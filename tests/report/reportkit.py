"""What the report tests share: paths, the mixed repository's manifest, running the CLI."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import invoke  # noqa: F401  (re-exported: the report tests run the CLI through it)

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo"
SCHEMAS = Path(__file__).parent / "schemas"

# An upper-case commit: the Hub's are lower-case, but purls must be lower-case whatever comes in.
APACHE_SHA = "A" * 8 + "0123456789abcdef0123456789abcdef"
MIXED_MODELS = """\
models:
  # gated, community licence with obligations
  - meta-llama/Llama-3.1-8B-Instruct
  # permissive
  - id: Qwen/Qwen2.5-7B-Instruct
    revision: main
  # non-commercial
  - CohereForAI/c4ai-command-r-v01
  # the organisation's own fine-tune of a gated model
  - id: acme/support-bot
    own: true
    base_model: meta-llama/Llama-3.1-8B-Instruct
    relation: finetune
  # a custom licence nobody recognises, with hostile text in its name and link
  - acme/strange
datasets:
  - HuggingFaceFW/fineweb
"""
HOSTILE_NAME = "evil|<script>alert(1)</script>"
HOSTILE_LINK = "javascript:alert(1)"
