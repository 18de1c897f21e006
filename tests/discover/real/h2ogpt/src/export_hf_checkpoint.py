import os
import json


def do_export():
    BASE_MODEL = 'h2oai/h2ogpt-4096-llama2-13b-chat'
    LORA_WEIGHTS = 'Llama-2-13b-chat-hf.h2oaiopenassistant_oasst1_h2ogpt_llama2_chat.1_epochs.b2aed9250804d815c258976c98ce968bacd88389.7'
    OUTPUT_NAME = "h2ogpt-oasst1-4096-llama2-13b"

    BASE_MODEL = 'meta-llama/Llama-2-7b-chat-hf'
    LORA_WEIGHTS = 'Llama-2-7b-chat-hf.h2oaiopenassistant_oasst1_h2ogpt_llama2_chat.1_epochs.0c6b906f73b5639fd1d53c74fecbc9cf64f0f225.8'
    OUTPUT_NAME = "h2ogpt-oasst1-4096-llama2-7b"

    BASE_MODEL = 'meta-llama/Llama-2-70b-chat-hf'
    LORA_WEIGHTS = 'Llama-2-70b-chat-hf.h2oaiopenassistant_oasst1_h2ogpt_llama2_chat.1_epochs.0c6b906f73b5639fd1d53c74fecbc9cf64f0f225.6'
    OUTPUT_NAME = "h2ogpt-oasst1-4096-llama2-70b"

    base_model = os.getenv('BASE_MODEL')
    output = os.getenv('MODEL')
    # for testing
    if base_model and output:
        BASE_MODEL = base_model
        LORA_WEIGHTS = output + ".lora"
        OUTPUT_NAME = output

    llama_type = "llama" in BASE_MODEL
    as_pytorch = False  # False -> HF

    from loaders import get_loaders
    model_loader, tokenizer_loader, conditional_type = (
        get_loaders(model_name=BASE_MODEL, reward_type=False, llama_type=llama_type))

    tokenizer = tokenizer_loader.from_pretrained(
        BASE_MODEL,
        local_files_only=False,
        resume_download=True,
    )
