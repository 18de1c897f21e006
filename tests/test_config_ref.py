"""`--config-ref REF`: the policy and the baseline come from a git commit, not from the tree being judged.

Each test builds a real git repository: a base commit holding the organisation's
policy, then a working tree changed the way a pull request could change it to
loosen the gate. With `--config-ref BASE` the change does not count.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from cli_helpers import component, scan, scan_json

NC = "CohereForAI/c4ai-command-r-v01"  # cc-by-nc-4.0: denied for commercial use
EXCEPTION = (
    '[[exceptions]]\ncomponent = "CohereForAI/c4ai-command-r-v01"\nreason = "we say so, trust us"\n'
    'owner = "someone@example.com"\nexpires = 2999-12-31\n'
)
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Base Author",
    "GIT_AUTHOR_EMAIL": "base@example.invalid",
    "GIT_COMMITTER_NAME": "Base Author",
    "GIT_COMMITTER_EMAIL": "base@example.invalid",
}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], env={**os.environ, **GIT_ENV}, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def commit(repo: Path, files: dict[str, str], message: str = "base") -> str:
    """Write `files` (relative path: text) and commit everything; the new commit's id."""
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(fake_hub, tmp_path):
    fake_hub.add_model(NC, {"license": "cc-by-nc-4.0"})
    fake_hub.add_model("org/open", {"license": "apache-2.0"})
    fake_hub.add_model("org/silent", {})  # no licence: unknown
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    return repo


def test_an_exception_added_by_the_pull_request_does_not_count(repo):
    base = commit(repo, {"models.yaml": f"models:\n  - {NC}\n", "licensecheck.toml": 'distribution = "network"\n'})
    (repo / "licensecheck.toml").write_text('distribution = "network"\n' + EXCEPTION)
    assert scan(repo).exit_code == 0  # the working tree's policy waives the denial
    code, document = scan_json(repo, "--config-ref", base)
    assert code == 1 and component(document, NC)["verdict"] == "denied"
    assert document["context"]["config"] == f"{base}:licensecheck.toml"


def test_a_looser_usage_context_in_the_pull_request_does_not_count(repo):
    commit(repo, {"models.yaml": f"models:\n  - {NC}\n", "pyproject.toml": '[tool.licensecheck]\nuse = "commercial"\n'})
    (repo / "pyproject.toml").write_text('[tool.licensecheck]\nuse = "non-commercial"\n')
    assert scan(repo).exit_code == 0
    code, document = scan_json(repo, "--config-ref", "main")
    assert code == 1 and document["context"]["use"] == "commercial"
    assert document["context"]["config"] == "main:pyproject.toml"


def test_override_from_added_by_the_pull_request_does_not_count(repo):
    base = commit(repo, {"models.yaml": "models:\n  - org/open\n"})
    (repo / "licensecheck.toml").write_text('override_from = ["pr/models.yaml"]\n')
    (repo / "pr").mkdir()
    (repo / "pr" / "models.yaml").write_text(
        f"models:\n  - id: {NC}\n    license: apache-2.0\n    reason: checked by nobody at all\n"
    )
    assert scan(repo).exit_code == 0
    code, document = scan_json(repo, "--config-ref", base)
    assert code == 1
    assert {f["code"] for f in component(document, NC)["findings"]} == {"non-commercial", "override-not-allowed"}


def test_no_configuration_at_the_ref_means_the_defaults(repo):
    base = commit(repo, {"models.yaml": "models:\n  - org/silent\n"})
    (repo / "licensecheck.toml").write_text('unknown = "warn"\n')
    assert scan(repo).exit_code == 0
    code, document = scan_json(repo, "--config-ref", base)
    assert code == 3 and document["context"]["config"] is None
    [notice] = [n for n in document["notices"] if n["code"] == "config-ref"]
    assert notice == {
        "severity": "warning",
        "code": "config-ref",
        "message": f"the configuration in the working tree (licensecheck.toml) differs from the one at {base} "
        "(none: the defaults); the one at the ref is used, so a change to it takes effect once merged",
    }


def test_the_configuration_is_found_upwards_at_the_ref(repo):
    base = commit(
        repo,
        {
            "pyproject.toml": '[project]\nname = "x"\n\n[tool.licensecheck]\nunknown = "warn"\n',
            "svc/models.yaml": "models:\n  - org/silent\n",
        },
    )
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n')  # the pull request drops the table
    assert scan(repo / "svc").exit_code == 3
    code, document = scan_json(repo / "svc", "--config-ref", base)
    assert code == 0 and document["context"]["config"] == f"{base}:pyproject.toml"
    [notice] = [n for n in document["notices"] if n["code"] == "config-ref"]
    assert notice["severity"] == "warning"


def test_an_unchanged_configuration_is_said_once_as_information(repo):
    base = commit(repo, {"models.yaml": "models:\n  - org/open\n", "licensecheck.toml": 'unknown = "fail"\n'})
    code, document = scan_json(repo, "--config-ref", base)
    assert code == 0
    assert [n for n in document["notices"] if n["code"] == "config-ref"] == [
        {
            "severity": "info",
            "code": "config-ref",
            "message": f"policy read as it is at {base} (commit {base[:12]}): {base}:licensecheck.toml",
        }
    ]


def test_an_explicit_config_file_is_read_at_the_ref(repo):
    commit(repo, {"models.yaml": f"models:\n  - {NC}\n", "policy/strict.toml": 'use = "commercial"\n'})
    (repo / "policy" / "strict.toml").write_text('use = "non-commercial"\n')
    code, document = scan_json(repo, "--config", str(repo / "policy" / "strict.toml"), "--config-ref", "HEAD")
    assert code == 1 and document["context"]["config"] == "HEAD:policy/strict.toml"
    (repo / "policy" / "missing.toml").write_text('use = "non-commercial"\n')
    code, document = scan_json(repo, "--config", str(repo / "policy" / "missing.toml"), "--config-ref", "HEAD")
    assert code == 1 and document["context"]["config"] is None  # not at the ref: the defaults


def test_a_baseline_added_by_the_pull_request_does_not_count(repo, tmp_path):
    base = commit(repo, {"models.yaml": "models:\n  - org/open\n"})
    (repo / "models.yaml").write_text(f"models:\n  - org/open\n  - {NC}\n")
    baseline = repo / "licensecheck-baseline.json"
    assert scan(repo, "--write-baseline", str(baseline)).exit_code == 0
    assert scan(repo, "--baseline", str(baseline)).exit_code == 0
    code, document = scan_json(repo, "--baseline", str(baseline), "--config-ref", base)
    assert code == 1 and component(document, NC)["baselined"] is False
    [notice] = [n for n in document["notices"] if n["code"] == "baseline"]
    assert notice["message"].startswith(
        f"baseline {base}:licensecheck-baseline.json (not at the ref: nothing is baselined): "
    )


def test_the_baseline_at_the_ref_is_used_whatever_the_working_tree_says(repo):
    (repo / "models.yaml").write_text(f"models:\n  - {NC}\n")
    baseline = repo / "licensecheck-baseline.json"
    assert scan(repo, "--write-baseline", str(baseline)).exit_code == 0
    base = commit(repo, {})
    baseline.write_text('{"licensecheck_baseline": 1, "entries": []}\n')  # the working tree's copy: broken, or emptied
    code, document = scan_json(repo, "--baseline", str(baseline), "--config-ref", base)
    assert code == 0 and component(document, NC)["baselined"] is True


def test_an_invalid_configuration_at_the_ref_names_the_ref_file_and_line(repo):
    commit(
        repo, {"models.yaml": "models:\n  - org/open\n", "licensecheck.toml": 'use = "commercial"\nusers = "many"\n'}
    )
    result = scan(repo, "--config-ref", "main")
    assert result.exit_code == 2
    assert "main:licensecheck.toml:2: `users` must be a whole, non-negative number" in result.stderr


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("no-such-branch", "--config-ref 'no-such-branch': no such commit in the git repository at "),
        ("--output=/tmp/x", "--config-ref '--output=/tmp/x' is not a git revision"),
        ("main:licensecheck.toml", "--config-ref 'main:licensecheck.toml' is not a git revision"),
        ("main branch", "--config-ref 'main branch' is not a git revision"),
        ("", "--config-ref '' is not a git revision"),
    ],
)
def test_a_bad_ref_is_a_usage_error(repo, ref, message):
    commit(repo, {"models.yaml": "models:\n  - org/open\n"})
    result = scan(repo, "--config-ref", ref)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"licensecheck: error: {message}")
    assert "Traceback" not in result.output


def test_outside_a_git_repository_is_a_usage_error(fake_hub, tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # do not find a repository above tmp_path
    (tmp_path / "models.yaml").write_text("models:\n  - org/open\n")
    result = scan(tmp_path, "--config-ref", "main")
    assert result.exit_code == 2
    assert result.stderr == f"licensecheck: error: --config-ref needs a git repository: {tmp_path} is not in one\n"


def test_a_ref_is_not_needed_for_a_scan_outside_git(fake_hub, tmp_path):
    fake_hub.add_model("org/open", {"license": "apache-2.0"})
    (tmp_path / "models.yaml").write_text("models:\n  - org/open\n")
    code, document = scan_json(tmp_path)
    assert code == 0 and not [n for n in document["notices"] if n["code"] == "config-ref"]
    assert json.dumps(document).count("config-ref") == 0
