"""A committed `datasets` cache is data, not configuration: its records name no dependency.

The fixture is a trimmed extract of MiniCPM's `quantize/quantize_data` (OpenBMB/MiniCPM
0fcc3d0): download records and `dataset_info.json` files as `datasets` wrote them (the
JSON files copied, their split and checksum lists cut to one entry), the lock files,
arrow tables and downloads as empty files of the same names.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from licensecheck.discover import discover

CACHE = Path(__file__).parent / "datasets_cache"
QUANTIZE = "quantize_data"
ALPACA_RECORD = "alpaca/downloads/69e71f4ebbd3d7f8f822d46b759228b3fb785d2c74d87f14126cf8da4f403610"
ALPACA_BUILD = "alpaca/tatsu-lab___alpaca/default/0.0.0/dce01c9b08f87459cf36a430d809084718273017"
WIKITEXT_BUILD = "wikitext/wikitext/wikitext-2-raw-v1/0.0.0/b08601e04326c79dfdd32d625aee71d232d685c3"


def found(root: Path) -> set[tuple[str, str, str]]:
    return {(r.type, r.name, r.location.path) for r in discover(root).references}


@pytest.fixture
def cache(tmp_path) -> Path:
    shutil.copytree(CACHE, tmp_path / "tree")
    return tmp_path / "tree" / QUANTIZE


def test_a_committed_datasets_cache_is_not_read_as_references(cache):
    assert found(cache.parent) == set()


# Without the files beside it that make the layout a cache's, each record is read like any JSON file.
@pytest.mark.parametrize(
    "companions, expected",
    [
        ([f"{ALPACA_RECORD}.lock"], ("dataset", "tatsu-lab/alpaca", f"{QUANTIZE}/{ALPACA_RECORD}.json")),
        (
            [f"{WIKITEXT_BUILD}/wikitext-test.arrow"],
            ("dataset", "wikitext", f"{QUANTIZE}/{WIKITEXT_BUILD}/dataset_info.json"),
        ),
    ],
)
def test_the_layout_not_the_name_marks_a_cache(cache, companions, expected):
    for companion in companions:
        (cache / companion).unlink()
    assert found(cache.parent) == {expected}


def test_a_dataset_info_json_outside_a_cache_is_configuration(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "dataset_info.json").write_text('{"dataset_name": "org/data"}\n')
    assert found(tmp_path) == {("dataset", "org/data", "data/dataset_info.json")}


def test_a_build_that_stopped_before_its_tables_is_recognised_by_its_lock_files(cache):
    from licensecheck.discover.datasets_cache import is_cache_bookkeeping

    info = str(cache / ALPACA_BUILD / "dataset_info.json")
    assert is_cache_bookkeeping(info, "dataset_info.json") is True
    for marker in ("_builder.lock", ".incomplete_info.lock"):
        (cache / f"{ALPACA_BUILD}{marker}").unlink()
    assert is_cache_bookkeeping(info, "dataset_info.json") is False
