"""Speaker diarisation with pyannote (gated: accept the conditions on the Hub first)."""

import os

from pyannote.audio import Pipeline

from meetings.constants import DIARIZATION


def diarizer():
    return Pipeline.from_pretrained(DIARIZATION, use_auth_token=os.environ["HF_TOKEN"])
