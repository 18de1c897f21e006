"""Document summaries: a LoRA-tuned seq2seq model, vLLM and GGUF fallbacks."""
