"""Action items: a zero-shot classifier over sentences, and named entities."""

from transformers import pipeline

LABELS = ["action item", "decision", "question", "other"]


def classifier():
    return pipeline("zero-shot-classification", model="facebook/bart-large-mnli")


def entities():
    return pipeline("ner", model="dslim/bert-base-NER", aggregation_strategy="simple")


def keyphrases():
    import spacy

    return spacy.load("en_core_web_sm")
