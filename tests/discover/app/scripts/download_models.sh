#!/usr/bin/env bash
# Pre-fetch weights onto the GPU nodes.
set -euo pipefail

export MODEL_NAME=Qwen/Qwen2.5-Coder-7B-Instruct
huggingface-cli download "$MODEL_NAME" --include "*.safetensors" --local-dir /models/coder
huggingface-cli download openai/whisper-large-v3 --revision 06f233fe06e710322aca913c1bc4249a0d71fce1

# ollama pull llama3.2   (not on the Hub)
python -m training.train_sft --model_name_or_path "$MODEL_NAME" --output_dir outputs/coder
