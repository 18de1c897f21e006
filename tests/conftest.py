"""Fixtures shared by the test suite."""

from __future__ import annotations

import sys

import pytest
from fakehub import FakeHub


@pytest.fixture(autouse=True)
def private_cache(monkeypatch, tmp_path):
    """Every test has its own licensecheck cache (cache.py, fastpath.py): never the user's, never shared."""
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(tmp_path / "licensecheck-cache"))


@pytest.fixture
def fake_hub(monkeypatch, tmp_path):
    """A fake Hub + PyPI on 127.0.0.1, with the environment pointing at it and no token."""
    with FakeHub() as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        monkeypatch.setenv("LICENSECHECK_PYPI_URL", hub.url)
        monkeypatch.setenv("HF_HUB_DISABLE_TELEMETRY", "1")
        monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
        monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(tmp_path / "licensecheck-cache"))
        for name in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB_OFFLINE"):
            monkeypatch.delenv(name, raising=False)
        # huggingface_hub reads these once, at import: if an earlier test imported
        # it, patch the values it kept so that nothing leaves 127.0.0.1.
        constants = sys.modules.get("huggingface_hub.constants")
        if constants is not None:
            monkeypatch.setattr(constants, "ENDPOINT", hub.url)
            template = hub.url + "/{repo_id}/resolve/{revision}/{filename}"
            monkeypatch.setattr(constants, "HUGGINGFACE_CO_URL_TEMPLATE", template)
            monkeypatch.setattr(constants, "HF_HUB_DISABLE_TELEMETRY", True)
            monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
        yield hub


class FakeClock:
    """Stands in for licensecheck.retry's clock: retry waits are recorded and added, never slept."""

    def __init__(self) -> None:
        import time

        self._start = time.monotonic()
        self.offset = 0.0
        self.waits: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.offset += seconds

    def monotonic(self) -> float:
        import time

        return time.monotonic() + self.offset


@pytest.fixture(autouse=True)
def retry_clock(monkeypatch):
    """Retries run at full speed in every test: real time for requests, virtual time for the waits between them."""
    from licensecheck import retry

    clock = FakeClock()
    monkeypatch.setattr(retry, "sleep", clock.sleep)
    monkeypatch.setattr(retry, "monotonic", clock.monotonic)
    return clock
