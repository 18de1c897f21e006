"""Warm the model cache on a new GPU node."""

from huggingface_hub import snapshot_download

from meetings.constants import ASR_LARGE, DIARIZATION, SEGMENTATION_REVISION

REPOS = [ASR_LARGE, DIARIZATION]

for repo in REPOS:
    snapshot_download(repo)

snapshot_download("pyannote/segmentation-3.0", revision=SEGMENTATION_REVISION)
snapshot_download(repo_id="knkarthick/dialogsum", repo_type="dataset")
