"""The cold path: requests in flight at once, one request per repository, nothing else on the wire."""

from __future__ import annotations

import json
import threading

import pytest
from click.testing import CliRunner

from licensecheck.cli import main


class InFlight:
    """Counts the model requests the fake Hub is answering at the same moment, and holds them back.

    Each request waits until `expected` are outstanding at once and every worker
    thread of the scan (scan.Resolver's pool names them `licensecheck_<n>`) has
    sent one; then all go on. So on a machine however loaded, a scan that keeps
    `expected` requests in flight is seen to reach that many, and one whose pool
    allows more has them all in flight before any is answered. No latency, no timing.
    """

    TIMEOUT = 60.0  # seconds: only a scan that never reaches `expected` in flight waits this long, and fails

    def __init__(self, expected: int) -> None:
        self.expected = expected
        self.now = 0
        self.most = 0
        self.released = False
        self.timed_out = False
        self._changed = threading.Condition()
        self._threads_before = {thread.ident for thread in threading.enumerate()}  # idle pools of earlier tests

    def workers(self) -> int:
        """The worker threads of the scan under test (scan.Resolver's pool)."""
        return sum(
            1
            for thread in threading.enumerate()
            if thread.name.startswith("licensecheck_") and thread.ident not in self._threads_before
        )

    def around(self, answer):
        def counting(method, raw_path, headers):
            if not raw_path.startswith("/api/models/"):
                return answer(method, raw_path, headers)
            with self._changed:
                self.now += 1
                self.most = max(self.most, self.now)
                if self.now >= max(self.expected, self.workers()):
                    self.released = True
                    self._changed.notify_all()
                if not self._changed.wait_for(lambda: self.released, timeout=self.TIMEOUT):
                    self.released = self.timed_out = True  # let the rest through: the test fails once, not per request
                    self._changed.notify_all()
            try:
                return answer(method, raw_path, headers)
            finally:
                with self._changed:
                    self.now -= 1

        return counting


def manifest(fake_hub, tmp_path, count: int):
    for number in range(count):
        fake_hub.add_model(f"org/model-{number}", {"license": "mit"})
    (tmp_path / "models.yaml").write_text("models:\n" + "".join(f"  - org/model-{n}\n" for n in range(count)))
    return tmp_path


@pytest.mark.parametrize(("flags", "expected"), [((), 16), (("--jobs", "4"), 4)])
def test_requests_in_flight_are_bounded_by_jobs(fake_hub, tmp_path, monkeypatch, flags, expected):
    in_flight = InFlight(expected)
    monkeypatch.setattr(fake_hub, "answer", in_flight.around(fake_hub.answer))
    result = CliRunner().invoke(
        main, ["scan", str(manifest(fake_hub, tmp_path, 2 * expected)), *flags], catch_exceptions=False
    )
    assert result.exit_code == 0
    assert not in_flight.timed_out, f"never {expected} requests in flight at once (at most {in_flight.most})"
    assert in_flight.most == expected


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
