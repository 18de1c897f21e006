"""LoRA fine-tuning with TRL, configured through dataclasses."""

from dataclasses import dataclass, field

from peft import LoraConfig
from transformers import HfArgumentParser
from trl import SFTConfig, SFTTrainer

from datasets import load_dataset


@dataclass
class ModelArguments:
    model_name_or_path: str = field(default="mistralai/Mistral-7B-v0.3")
    lora_r: int = field(default=16)


@dataclass
class DataArguments:
    dataset_name: str = "OpenAssistant/oasst1"
    max_samples: int = 10_000


def main():
    model_args, data_args = HfArgumentParser((ModelArguments, DataArguments)).parse_args_into_dataclasses()
    dataset = load_dataset(data_args.dataset_name, split="train")
    trainer = SFTTrainer(
        model=model_args.model_name_or_path,
        train_dataset=dataset,
        args=SFTConfig(output_dir="outputs/lora"),
        peft_config=LoraConfig(r=model_args.lora_r),
    )
    trainer.train()


def dpo_reference():
    # the reference model for DPO is the SFT model we pushed: acme-ai/support-sft
    return SFTTrainer(model="acme-ai/support-sft-final", train_dataset=None)
