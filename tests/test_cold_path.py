"""The cold path: requests in flight at once, one request per repository, nothing else on the wire."""

from __future__ import annotations

import json
import threading

import pytest
from click.testing import CliRunner

from licensecheck.cli import main


@pytest.fixture
def in_flight(fake_hub, monkeypatch):
    """Counts the requests the fake Hub is answering at the same moment; keeps the highest count."""
    state = {"now": 0, "most": 0}
    guard = threading.Lock()
    answer = fake_hub.answer

    def counting(*args, **kwargs):
        with guard:
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
        try:
            return answer(*args, **kwargs)
        finally:
            with guard:
                state["now"] -= 1

    monkeypatch.setattr(fake_hub, "answer", counting)
    fake_hub.latency = 0.3  # long enough that every request of a batch is outstanding at once
    return state


def manifest(fake_hub, tmp_path, count: int):
    for number in range(count):
        fake_hub.add_model(f"org/model-{number}", {"license": "mit"})
    (tmp_path / "models.yaml").write_text("models:\n" + "".join(f"  - org/model-{n}\n" for n in range(count)))
    return tmp_path


@pytest.mark.parametrize(("flags", "expected"), [((), 16), (("--jobs", "4"), 4)])
def test_requests_in_flight_are_bounded_by_jobs(fake_hub, tmp_path, in_flight, flags, expected):
    result = CliRunner().invoke(main, ["scan", str(manifest(fake_hub, tmp_path, 2 * expected)), *flags],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert in_flight["most"] == expected


def test_one_request_per_repository_and_nothing_else(fake_hub, tmp_path):
    path = manifest(fake_hub, tmp_path, 30)
    with open(path / "models.yaml", "a") as handle:  # the same repository twice, in two spellings
        handle.write("  - ORG/model-0\n")
    result = CliRunner().invoke(main, ["scan", str(path), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0 and len(json.loads(result.stdout)["components"]) == 30
    paths = [path.split("?")[0] for _, path in fake_hub.requests]
    assert sorted(paths) == sorted(f"/api/models/org/model-{n}" for n in range(30))
    queries = {path.split("?")[1] for _, path in fake_hub.requests}
    assert queries == {"expand=cardData&expand=sha&expand=tags&expand=gated&expand=siblings"}
    assert all(headers.get("authorization") is None for headers in fake_hub.seen_headers)
