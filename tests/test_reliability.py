"""Hub and PyPI faults: retries, budgets, the fault matrix end to end, renames in the lock, offline.

Everything runs against the fake Hub on 127.0.0.1 through the real clients.
Waits between retries are virtual (the `retry_clock` fixture); request
timeouts are real but short.
"""

from __future__ import annotations

import json
import time

import pytest
from cli_helpers import by_name, report, scan, scan_json
from click.testing import CliRunner
from faults import HUB_FAULTS, ODD_CARDS, PYPI_FAULTS, build_faulty_tree, closed_port_url

from licensecheck.cli import main
from licensecheck.lockfile import read_lock
from licensecheck.resolve.hub import make_hub_api, resolve_hub_repo
from licensecheck.resolve.pypi import resolve_package
from licensecheck.retry import RetryPolicy


def hub(repo_id, *, policy=RetryPolicy(), timeout=5.0, revision=None):
    return resolve_hub_repo(make_hub_api(), "model", repo_id, revision, timeout=timeout, retry=policy).resolution


def pypi(name, version=None, *, policy=RetryPolicy(), timeout=5.0):
    return resolve_package(name, version, timeout=timeout, retry=policy)


# -- retries at the Hub -------------------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_hub_server_errors_are_retried_until_they_pass(fake_hub, retry_clock, status):
    fake_hub.add_model("org/m", {"license": "mit"})
    fake_hub.add_fault("org/m", status=status, times=2)
    resolution = hub("org/m")
    assert resolution.ok and resolution.licence.id == "mit"
    assert fake_hub.count("/api/models/org/m") == 3
    assert len(retry_clock.waits) == 2 and retry_clock.waits[0] < retry_clock.waits[1]  # backoff grows


def test_hub_server_errors_that_persist_give_up_with_attempts_and_cause(fake_hub, retry_clock):
    fake_hub.add_fault("org/down", status=503)
    problem = hub("org/down", policy=RetryPolicy(max_attempts=4, budget=10)).problem
    assert problem.code == "hub-server-error"
    assert problem.message.startswith("model org/down: gave up after 4 attempts over ")
    assert "the Hub answered HTTP 503" in problem.message
    assert fake_hub.count("/api/models/org/down") == 4


def test_hub_rate_limit_honours_retry_after(fake_hub, retry_clock):
    fake_hub.add_model("org/m", {"license": "mit"})
    fake_hub.add_fault("org/m", status=429, headers={"Retry-After": "7"}, times=1)
    assert hub("org/m").ok
    assert retry_clock.waits == [7.0]


def test_hub_rate_limit_longer_than_the_budget_gives_up_at_once(fake_hub, retry_clock):
    fake_hub.add_fault("org/m", status=429, headers={"Retry-After": "300"})
    problem = hub("org/m", policy=RetryPolicy(budget=10)).problem
    assert problem.code == "hub-rate-limited"
    assert "gave up after 1 attempt " in problem.message and "300 s" in problem.message
    assert retry_clock.waits == [] and fake_hub.count("/api/models/org/m") == 1


@pytest.mark.parametrize(
    ("fault", "code"),
    [
        ({"status": 401, "headers": {"X-Error-Code": "RepoNotFound"}}, "hub-not-found"),
        ({"status": 401}, "hub-unauthorized"),
        ({"status": 403}, "hub-unauthorized"),
        ({"status": 403, "headers": {"X-Error-Code": "GatedRepo"}}, "hub-gated"),
        ({"status": 404, "headers": {"X-Error-Code": "RepoNotFound"}}, "hub-not-found"),
        ({"status": 404, "headers": {"X-Error-Code": "RevisionNotFound"}}, "hub-revision-not-found"),
        ({"status": 200, "body": b"<html>maintenance</html>"}, "hub-invalid-response"),
        ({"status": 200, "body": {"id": ["not", "a", "string"]}}, "hub-invalid-response"),
        ({"status": 200, "body": {"id": "org/../../etc", "cardData": {"license": "mit"}}}, "hub-invalid-response"),
    ],
)
def test_hub_answers_that_would_not_change_are_never_retried(fake_hub, retry_clock, fault, code):
    fake_hub.add_fault("org/m", **fault)
    problem = hub("org/m").problem
    assert problem.code == code and "org/m" in problem.message
    assert fake_hub.count("/api/models/org/m") == 1 and retry_clock.waits == []


def test_hub_connection_reset_is_retried(fake_hub, retry_clock):
    fake_hub.add_model("org/m", {"license": "mit"})
    fake_hub.add_fault("org/m", reset=True, times=1)
    assert hub("org/m").ok
    assert fake_hub.count("/api/models/org/m") == 2


def test_hub_connection_reset_that_persists(fake_hub, retry_clock):
    fake_hub.add_fault("org/m", reset=True)
    problem = hub("org/m").problem
    assert problem.code == "hub-connection-error"
    assert "gave up after" in problem.message and "closed before it answered" in problem.message


def test_hub_stall_is_bounded_by_timeout_and_budget(fake_hub):
    fake_hub.add_fault("org/stalled", status=None, delay=30)
    started = time.monotonic()
    problem = hub("org/stalled", timeout=0.3, policy=RetryPolicy(budget=0.5)).problem
    assert time.monotonic() - started < 3
    assert problem.code == "hub-timeout" and "org/stalled" in problem.message


def test_hub_connection_refused_is_not_retried(fake_hub, retry_clock, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", closed_port_url())
    problem = hub("org/m").problem
    assert problem.code == "hub-unreachable" and retry_clock.waits == []


# -- retries at PyPI ----------------------------------------------------------------------------


def test_pypi_server_errors_are_retried(fake_hub, retry_clock):
    fake_hub.add_package("lib", "1.0", license_expression="MIT")
    fake_hub.add_fault("lib", status=503, times=2, repo_type="package")
    assert pypi("lib").ok
    assert fake_hub.count("/pypi/lib/json") == 3


def test_pypi_rate_limit_honours_retry_after(fake_hub, retry_clock):
    fake_hub.add_package("lib", "1.0", license_expression="MIT")
    fake_hub.add_fault("lib", status=429, headers={"Retry-After": "3"}, times=1, repo_type="package")
    assert pypi("lib").ok and retry_clock.waits == [3.0]


def test_pypi_errors_that_persist_give_up(fake_hub, retry_clock):
    fake_hub.add_fault("lib", status=502, repo_type="package")
    problem = pypi("lib", policy=RetryPolicy(max_attempts=3)).problem
    assert problem.code == "pypi-http-error"
    assert problem.message.startswith("package lib: gave up after 3 attempts")
    assert "PyPI answered HTTP 502" in problem.message


@pytest.mark.parametrize("status", [401, 403, 404])
def test_pypi_final_statuses_are_not_retried(fake_hub, retry_clock, status):
    fake_hub.add_fault("lib", status=status, repo_type="package")
    assert not pypi("lib").ok
    assert fake_hub.count("/pypi/lib/") == 1 and retry_clock.waits == []


def test_pypi_connection_reset_is_retried(fake_hub, retry_clock):
    fake_hub.add_package("lib", "1.0", license_expression="MIT")
    fake_hub.add_fault("lib", reset=True, times=1, repo_type="package")
    assert pypi("lib").ok


def test_pypi_connection_reset_that_persists(fake_hub, retry_clock):
    fake_hub.add_fault("lib", reset=True, repo_type="package")
    problem = pypi("lib").problem
    assert problem.code == "pypi-connection-error" and "gave up after" in problem.message


def test_pypi_stall_times_out_and_is_retried_within_the_budget(fake_hub):
    fake_hub.add_package("lib", "1.0", license_expression="MIT")
    fake_hub.add_fault("lib", status=None, delay=30, times=1, repo_type="package")
    started = time.monotonic()
    assert pypi("lib", timeout=0.3, policy=RetryPolicy(budget=3)).ok
    assert time.monotonic() - started < 3


# -- the fault matrix, end to end ---------------------------------------------------------------


@pytest.fixture
def faulty_tree(fake_hub, tmp_path):
    return build_faulty_tree(fake_hub, tmp_path)


def test_every_fault_is_unknown_with_a_clear_finding_and_no_pass(faulty_tree, fake_hub, retry_clock):
    started = time.monotonic()
    result = scan(faulty_tree, "--format", "json", "--timeout", "0.5", "--retry-budget", "1")
    document = report(result)
    assert time.monotonic() - started < 20
    assert result.exit_code == 3 and result.stderr == ""
    components = by_name(document)
    assert components["org/good"]["verdict"] == "allowed" and components["goodlib"]["verdict"] == "allowed"
    expected = {**HUB_FAULTS, **ODD_CARDS, **PYPI_FAULTS}
    for name, (_, finding_code, words) in expected.items():
        component = components[name]
        assert component["verdict"] == "unknown", name
        errors = [f for f in component["findings"] if f["severity"] == "error"]
        assert [f["code"] for f in errors][:1] == [finding_code], (name, component["findings"])
        assert name in errors[0]["message"] and words in errors[0]["message"], errors[0]["message"]
        assert "http://" not in errors[0]["message"]  # our words, not the client's
    revision = components["org/base"]
    assert revision["verdict"] == "unknown" and revision["findings"][0]["code"] == "hub-revision-not-found"
    assert "no-such-revision" in revision["findings"][0]["message"]
    # Not a pass among them, and nothing looked unreachable: no notice at the top.
    assert document["summary"]["allowed"] == 2 and document["notices"] == []


def test_text_report_of_the_fault_matrix_never_shows_a_traceback(faulty_tree, fake_hub, retry_clock):
    result = scan(faulty_tree, "--timeout", "0.5", "--retry-budget", "1")
    assert result.exit_code == 3
    assert "Traceback" not in result.output and "summary: 0 denied, " in result.stdout
    for name in [*HUB_FAULTS, *ODD_CARDS, *PYPI_FAULTS]:
        assert f" {name}" in result.stdout


def test_a_denied_component_beside_the_faults_makes_exit_1(faulty_tree, fake_hub, retry_clock):
    fake_hub.add_model("org/nc", {"license": "cc-by-nc-4.0"})
    with (faulty_tree / "models.yaml").open("a") as manifest:
        manifest.write("  - org/nc\n")
    code, document = scan_json(faulty_tree, "--timeout", "0.5", "--retry-budget", "0")
    assert code == 1 and by_name(document)["org/nc"]["verdict"] == "denied"


def test_lock_with_faults_exits_3_and_locks_only_answers(faulty_tree, fake_hub, retry_clock):
    result = CliRunner().invoke(main, ["lock", str(faulty_tree), "--timeout", "0.5", "--retry-budget", "0"])
    assert result.exit_code == 3 and "Traceback" not in result.output
    locked = {entry.name for entry in read_lock(faulty_tree / "licensecheck.lock").entries}
    assert locked == {"org/good", "goodlib"}
    for name in HUB_FAULTS:
        line = next(line for line in result.stderr.splitlines() if f" {name}:" in line)
        assert line.count(name) == 1, line  # the component is named once, not twice


# -- renames ------------------------------------------------------------------------------------


def test_a_renamed_repository_is_followed_reported_and_locked_under_both_ids(fake_hub, tmp_path):
    fake_hub.add_model("new-org/model", {"license": "apache-2.0"})
    fake_hub.add_rename("old-org/model", "new-org/model")
    (tmp_path / "models.yaml").write_text("models:\n  - old-org/model\n")
    code, document = scan_json(tmp_path)
    (component,) = document["components"]
    assert code == 0 and component["verdict"] == "allowed"
    assert [f["code"] for f in component["findings"]] == ["hub-renamed"]
    assert "now at new-org/model" in component["findings"][0]["message"]

    assert CliRunner().invoke(main, ["lock", str(tmp_path)]).exit_code == 0
    raw = json.loads((tmp_path / "licensecheck.lock").read_text())["components"]
    assert [(c["name"], c["resolved_id"]) for c in raw] == [("old-org/model", "new-org/model")]

    fake_hub.requests.clear()
    # The declaration is not updated yet: the lock answers, and the rename is still reported.
    code, document = scan_json(tmp_path, "--offline")
    (component,) = document["components"]
    assert code == 0 and component["from_lock"] and component["findings"][0]["code"] == "hub-renamed"
    # The declaration now uses the new id: the same entry answers, and there is nothing to report.
    (tmp_path / "models.yaml").write_text("models:\n  - new-org/model\n")
    code, document = scan_json(tmp_path, "--offline")
    (component,) = document["components"]
    assert code == 0 and component["from_lock"] and component["findings"] == []
    assert fake_hub.requests == []


def test_a_lock_with_an_invalid_resolved_id_is_an_input_error(fake_hub, tmp_path):
    (tmp_path / "models.yaml").write_text("models:\n  - org/a\n")
    lock = {
        "lock_version": 1,
        "components": [
            {
                "type": "model",
                "name": "org/a",
                "requested": None,
                "version": None,
                "license": {"id": "mit", "source": "card"},
                "resolved_at": None,
                "resolved_id": "../../etc",
            }
        ],
    }
    (tmp_path / "licensecheck.lock").write_text(json.dumps(lock))
    result = scan(tmp_path)
    assert result.exit_code == 2 and "resolved_id must be a Hub repository id" in result.stderr


# -- offline and unreachable: said once, at the top ------------------------------------------------


def test_unreachable_hub_is_said_once_at_the_top(fake_hub, tmp_path, monkeypatch, retry_clock):
    monkeypatch.setenv("HF_ENDPOINT", closed_port_url())
    fake_hub.add_package("goodlib", "1.0", license_expression="MIT")
    (tmp_path / "models.yaml").write_text("models:\n" + "".join(f"  - org/m{i}\n" for i in range(40)))
    (tmp_path / "requirements.txt").write_text("goodlib\n")
    result = scan(tmp_path, "--jobs", "1")
    assert result.exit_code == 3
    assert result.stdout.count("could not reach") == 1
    assert "could not reach the Hugging Face Hub: 40 component(s) are unknown" in result.stdout
    assert "goodlib" in result.stdout and "1 allowed" in result.stdout
    code, document = scan_json(tmp_path, "--jobs", "1")
    assert [n["code"] for n in document["notices"]].count("unreachable") == 1
    messages = [c["findings"][0]["message"] for c in document["components"] if c["type"] == "model"]
    # The first failure says what happened; the rest were not even tried.
    assert sum("not looked up" in m for m in messages) == 39
    assert all(len(m) < 120 for m in messages)
    assert retry_clock.waits == []


def test_offline_is_said_once_at_the_top(fake_hub, tmp_path):
    (tmp_path / "models.yaml").write_text("models:\n" + "".join(f"  - org/m{i}\n" for i in range(30)))
    result = scan(tmp_path, "--offline")
    assert result.exit_code == 3 and fake_hub.requests == []
    assert result.stdout.count("offline: 30 component(s)") == 1
    assert result.stdout.count("run `licensecheck lock`") == 1


def test_hf_hub_offline_is_said_once_at_the_top(fake_hub, tmp_path, monkeypatch):
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    (tmp_path / "models.yaml").write_text("models:\n  - org/a\n  - org/b\n")
    code, document = scan_json(tmp_path)
    assert code == 3 and fake_hub.requests == []
    assert [n["code"] for n in document["notices"]] == ["offline"]
    assert "HF_HUB_OFFLINE" in document["notices"][0]["message"]


def test_lock_says_once_that_the_hub_is_unreachable(fake_hub, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", closed_port_url())
    (tmp_path / "models.yaml").write_text("models:\n" + "".join(f"  - org/m{i}\n" for i in range(20)))
    result = CliRunner().invoke(main, ["lock", str(tmp_path), "--jobs", "1"])
    assert result.exit_code == 3
    assert result.stderr.count("could not reach") == 1 and "20 component(s) not resolved" in result.stderr
    assert "org/m1" not in result.stderr
