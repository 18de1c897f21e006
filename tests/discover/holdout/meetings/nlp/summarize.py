from transformers import AutoModelForCausalLM, AutoTokenizer

from meetings.constants import Summarizer

PROMPT = "Summarise the meeting below in five bullet points.\n\n{transcript}"


def load_summarizer(quality: bool = False):
    name = Summarizer.QUALITY.value if quality else Summarizer.FAST.value
    tokenizer = AutoTokenizer.from_pretrained(name)
    model = AutoModelForCausalLM.from_pretrained(name, device_map="auto")
    return tokenizer, model
