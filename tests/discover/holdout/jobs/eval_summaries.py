import argparse

import evaluate
from datasets import load_dataset
from transformers import pipeline


def run(model_name: str, dataset_name: str = "knkarthick/dialogsum"):
    data = load_dataset(dataset_name, split="test")
    rouge = evaluate.load("rouge")
    summarizer = pipeline("summarization", model=model_name)
    predictions = [summarizer(d)[0]["summary_text"] for d in data["dialogue"][:50]]
    return rouge.compute(predictions=predictions, references=data["summary"][:50])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="philschmid/bart-large-cnn-samsum")
    parser.add_argument("--also-samsum", action="store_true")
    args = parser.parse_args()
    print(run(args.model))
    if args.also_samsum:
        print(run(args.model, "Samsung/samsum"))
