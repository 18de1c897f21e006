import argparse
import os
from fastapi import FastAPI, Request
import torch
import warnings
import uvicorn, json, datetime
import uuid

from huggingface_hub import snapshot_download
from transformers.generation.utils import logger
from accelerate import init_empty_weights, load_checkpoint_and_dispatch
try:
    from transformers import MossForCausalLM, MossTokenizer
except (ImportError, ModuleNotFoundError):
    from models.modeling_moss import MossForCausalLM
    from models.tokenization_moss import MossTokenizer
    from models.configuration_moss import MossConfig

logger.setLevel("ERROR")
warnings.filterwarnings("ignore")

parser = argparse.ArgumentParser()
parser.add_argument("--model_name", default="fnlp/moss-moon-003-sft-int4", 
                    choices=["fnlp/moss-moon-003-sft", 
                             "fnlp/moss-moon-003-sft-int8", 
                             "fnlp/moss-moon-003-sft-int4"], type=str)
parser.add_argument("--gpu", default="0", type=str)
args = parser.parse_args()
os.environ["CUDA_VISIBLE_DEVICES"] = args.gpu
num_gpus = len(args.gpu.split(","))

if args.model_name in ["fnlp/moss-moon-003-sft-int8", "fnlp/moss-moon-003-sft-int4"] and num_gpus > 1:
    raise ValueError("Quantized models do not support model parallel. Please run on a single GPU (e.g., --gpu 0) or use `fnlp/moss-moon-003-sft`")

model_path = args.model_name
if not os.path.exists(model_path):
    model_path = snapshot_download(model_path)
print(model_path)

config = MossConfig.from_pretrained(model_path)
tokenizer = MossTokenizer.from_pretrained(model_path)

