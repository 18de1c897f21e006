"""Distillation: a large teacher into the small model we serve offline."""

from transformers import AutoModelForCausalLM, AutoTokenizer

TEACHER = "meta-llama/Llama-3.3-70B-Instruct"


def load_pair(teacher_id, student_id):
    teacher = AutoModelForCausalLM.from_pretrained(teacher_id, device_map="auto")
    student = AutoModelForCausalLM.from_pretrained(student_id)
    tokenizer = AutoTokenizer.from_pretrained(teacher_id)
    return teacher, student, tokenizer


def run(student="HuggingFaceTB/SmolLM2-360M-Instruct"):
    return load_pair(TEACHER, student)


def resume(checkpoint):
    return AutoModelForCausalLM.from_pretrained(checkpoint)
