# Databricks notebook source
# MAGIC %md
# MAGIC ## Train Dolly

# COMMAND ----------

import os
from training.consts import DEFAULT_INPUT_MODEL, SUGGESTED_INPUT_MODELS

dbutils.widgets.combobox("input_model", DEFAULT_INPUT_MODEL, SUGGESTED_INPUT_MODELS, "input_model")
dbutils.widgets.combobox("gpu_family", "a100", ["v100", "a10", "a100"])

# COMMAND ----------

input_model = dbutils.widgets.get("input_model")
gpu_family = dbutils.widgets.get("gpu_family")
deepspeed_config = os.path.join(os.getcwd(), "config", f"{gpu_family}_config.json")

# COMMAND ----------

!deepspeed {num_gpus_flag} \
    --module training.trainer \
    --input-model {input_model} \
    --deepspeed {deepspeed_config} \
    --epochs 2 \
    {bf16_flag}
