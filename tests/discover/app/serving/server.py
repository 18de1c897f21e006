"""OpenAI-compatible chat endpoint.

Example request: {"model": "meta-llama/Llama-3.1-8B-Instruct", "messages": [...]}
"""

import logging

from transformers import AutoTokenizer
from vllm import LLM, SamplingParams

from . import settings
from .settings import CHAT_MODEL, CHAT_REVISION

log = logging.getLogger(__name__)


class ChatService:
    def __init__(self):
        log.info("loading %s", "meta-llama/Llama-3.1-8B-Instruct")  # a log message, not a load
        self.tokenizer = AutoTokenizer.from_pretrained(CHAT_MODEL, revision=CHAT_REVISION)
        self.llm = LLM(model=settings.CHAT_MODEL, revision=CHAT_REVISION, max_model_len=8192)
        self.params = SamplingParams(temperature=0.2, max_tokens=512)

    def route(self):
        return settings.API_PREFIX

    def reply(self, messages):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False)
        return self.llm.generate([prompt], self.params)[0].outputs[0].text
