import torch
from transformers import AutoModelForSpeechSeq2Seq, AutoProcessor, pipeline

from meetings.constants import ASR_LARGE, ASR_SMALL


class Transcriber:
    def __init__(self, model_id: str = ASR_LARGE, device: str = "cuda"):
        self.model_id = model_id
        self.device = device

    def build(self):
        model = AutoModelForSpeechSeq2Seq.from_pretrained(
            self.model_id, torch_dtype=torch.float16, low_cpu_mem_usage=True
        )
        processor = AutoProcessor.from_pretrained(self.model_id)
        return pipeline(
            "automatic-speech-recognition",
            model=model,
            tokenizer=processor.tokenizer,
            feature_extractor=processor.feature_extractor,
            device=self.device,
        )


def cpu_transcriber():
    return Transcriber(ASR_SMALL, device="cpu")
