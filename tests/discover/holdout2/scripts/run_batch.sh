#!/usr/bin/env bash
# Pre-fetch what the batch harness needs into the local HF cache, then run a smoke
# training job and the evaluation harness.
# Usage: scripts/run_batch.sh [--with-gguf]
set -euo pipefail

CACHE_DIR="${HF_HOME:-$HOME/.cache/huggingface}"
echo "Caching into ${CACHE_DIR} (OCR: microsoft/trocr-base-printed)"

huggingface-cli download microsoft/layoutlmv3-base
huggingface-cli download naver-clova-ix/donut-base-finetuned-docvqa --revision main
hf download HuggingFaceM4/DocumentVQA --repo-type dataset --include "data/validation-*"
# hf download facebook/nougat-base   # evaluated in Q2, not used
if [[ "${1:-}" == "--with-gguf" ]]; then
  huggingface-cli download Qwen/Qwen2.5-0.5B-Instruct-GGUF qwen2.5-0.5b-instruct-q4_k_m.gguf
fi
echo "See https://huggingface.co/docs/huggingface_hub/guides/cli for more options"

python -m train.train_layout --model_name_or_path google/flan-t5-small --output_dir outputs/smoke --max_steps 10
python -m eval.harness --out "results/$(date +%Y/%m/%d)"
