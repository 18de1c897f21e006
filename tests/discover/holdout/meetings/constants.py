"""Model identifiers in one place."""

from enum import Enum

HF_ORG = "openai"
ASR_SMALL = f"{HF_ORG}/whisper-small"
ASR_LARGE = HF_ORG + "/whisper-large-v3-turbo"
DIARIZATION = "pyannote/speaker-diarization-3.1"
SEGMENTATION_REVISION = "2.1"


class Summarizer(str, Enum):
    FAST = "meta-llama/Llama-3.2-3B-Instruct"
    QUALITY = "Qwen/Qwen2.5-14B-Instruct"


SUPPORTED_LANGUAGES = ["en", "fr", "de"]
DOCS_URL = "https://huggingface.co/docs/transformers/main/en/model_doc/whisper"
