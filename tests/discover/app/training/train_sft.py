"""Supervised fine-tuning of the support model.

    python -m training.train_sft --model_name_or_path Qwen/Qwen2.5-7B-Instruct
"""

import argparse

from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, TrainingArguments


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_name_or_path", default="Qwen/Qwen2.5-0.5B-Instruct")
    parser.add_argument("--dataset-name", default="HuggingFaceH4/ultrachat_200k")
    parser.add_argument("--output_dir", default="outputs/sft")
    parser.add_argument("--seed", type=int, default=42)
    return parser.parse_args()


def main():
    args = parse_args()
    tokenizer = AutoTokenizer.from_pretrained(args.model_name_or_path)
    model = AutoModelForCausalLM.from_pretrained(args.model_name_or_path, torch_dtype="auto")
    train = load_dataset(args.dataset_name, split="train_sft")
    local = load_dataset("json", data_files="data/train.jsonl", split="train")
    training_args = TrainingArguments(
        output_dir=args.output_dir,
        push_to_hub=True,
        hub_model_id="acme-ai/support-sft",
    )
    model.push_to_hub("acme-ai/support-sft-final")
    return tokenizer, model, train, local, training_args


if __name__ == "__main__":
    main()
