"""The serving side: an OpenAI-compatible endpoint over vLLM, and retrieval."""
