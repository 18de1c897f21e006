"""Fine-tune Flan-T5 to extract invoice fields from OCR text.

    python -m train.train_layout --model_name_or_path google/flan-t5-base --dataset_name nielsr/funsd
"""
from __future__ import annotations

import argparse

from datasets import load_dataset
from transformers import (
    AutoModelForSeq2SeqLM,
    AutoTokenizer,
    DataCollatorForSeq2Seq,
    Seq2SeqTrainer,
    Seq2SeqTrainingArguments,
)


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Fine-tune a seq2seq model on invoice fields")
    p.add_argument("--model_name_or_path", default="google/flan-t5-base")
    p.add_argument("--dataset_name", default="nielsr/funsd")
    p.add_argument("--output_dir", default="outputs/flan-invoice")
    p.add_argument("--hub_model_id", default="docuflow/flan-invoice-extractor")
    p.add_argument("--resume_from", default=None, help="checkpoint folder or Hub id to start from")
    p.add_argument("--max_steps", type=int, default=-1)
    p.add_argument("--push", action="store_true")
    return p.parse_args()


def build_examples(tokenizer, batch):
    inputs = ["extract fields: " + " ".join(words) for words in batch["words"]]
    targets = [" | ".join(map(str, tags)) for tags in batch["ner_tags"]]
    enc = tokenizer(inputs, max_length=512, truncation=True)
    enc["labels"] = tokenizer(text_target=targets, max_length=128, truncation=True)["input_ids"]
    return enc


def main() -> None:
    args = parse_args()
    tokenizer = AutoTokenizer.from_pretrained(args.model_name_or_path)
    if args.resume_from:
        model = AutoModelForSeq2SeqLM.from_pretrained(args.resume_from)
    else:
        model = AutoModelForSeq2SeqLM.from_pretrained(args.model_name_or_path)

    raw = load_dataset(args.dataset_name)
    data = raw.map(lambda b: build_examples(tokenizer, b), batched=True, remove_columns=raw["train"].column_names)

    training_args = Seq2SeqTrainingArguments(
        output_dir=args.output_dir,
        max_steps=args.max_steps,
        learning_rate=3e-4,
        per_device_train_batch_size=8,
        predict_with_generate=True,
        push_to_hub=args.push,
        hub_model_id=args.hub_model_id,
    )
    trainer = Seq2SeqTrainer(
        model=model,
        args=training_args,
        train_dataset=data["train"],
        eval_dataset=data["test"],
        data_collator=DataCollatorForSeq2Seq(tokenizer, model=model),
    )
    trainer.train()
    if args.push:
        model.push_to_hub("docuflow/flan-invoice-extractor")
        tokenizer.push_to_hub(args.hub_model_id)


if __name__ == "__main__":
    main()
