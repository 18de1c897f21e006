FROM ghcr.io/huggingface/text-generation-inference:3.0
ENV MODEL_ID=Qwen/Qwen2.5-14B-Instruct
ENV QUANTIZE=awq
