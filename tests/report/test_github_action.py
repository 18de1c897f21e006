"""action.yml: its shape, and its shell steps run as GitHub would run them, on the demo."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from reportkit import DEMO, ROOT

ACTION = yaml.safe_load((ROOT / "action.yml").read_text())
STEPS = {step.get("id") or step.get("name"): step for step in ACTION["runs"]["steps"]}
LICENSECHECK = shutil.which("licensecheck", path=str(Path(sys.executable).parent)) or shutil.which("licensecheck")


def test_composite_action_installs_scans_uploads_and_summarises():
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {
        "path",
        "args",
        "config-ref",
        "fail",
        "format",
        "python-version",
        "upload-sarif",
        "verify-lock",
    }
    assert '"$GITHUB_ACTION_PATH"' in STEPS["Install licensecheck"]["run"]
    upload = STEPS["Upload SARIF to code scanning"]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "${{ steps.scan.outputs.sarif-file }}"
    assert "$GITHUB_STEP_SUMMARY" in STEPS["scan"]["run"]
    for step in ACTION["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            subprocess.run(["bash", "-n"], input=step["run"], text=True, check=True)


def step_environment(tmp_path: Path, path: Path, args: str, verify_lock: str) -> dict[str, str]:
    """What the runner gives the scan step: the action's inputs, and files for outputs and the summary."""
    return {
        **os.environ,
        "PATH": f"{Path(LICENSECHECK).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_OUTPUT": str(tmp_path / "github_output"),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "step_summary"),
        "INPUT_PATH": str(path),
        "INPUT_ARGS": args,
        "INPUT_FORMAT": "text",
        "INPUT_VERIFY_LOCK": verify_lock,
    }


def run_step(name: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    script = STEPS[name]["run"]
    return subprocess.run(
        ["bash", "-eo", "pipefail", "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120
    )


@pytest.mark.skipif(LICENSECHECK is None, reason="the licensecheck command is not installed (pip install .)")
def test_scan_step_keeps_the_exit_code_and_writes_sarif_and_summary(tmp_path):
    output, summary = tmp_path / "github_output", tmp_path / "step_summary"
    # The demo's lock is trusted (verify-lock false): this test has no network.
    env = {
        **step_environment(tmp_path, DEMO, "--offline --users 2M", "false"),
        "LICENSECHECK_CACHE_DIR": str(tmp_path / "cache"),
    }
    step = run_step("scan", env, tmp_path)
    assert step.returncode == 0, step.stderr  # the step records the code; a later step fails
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    assert outputs["exit-code"] == "1"  # the demo has denied models
    sarif = json.loads(Path(outputs["sarif-file"]).read_text())
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    assert summary.read_text().startswith("## licensecheck: 2 denied")
    assert "DENIED (2)" in step.stdout, "the log shows the --format report"

    failing = run_step("Fail on a violation", {**env, "CODE": outputs["exit-code"]}, tmp_path)
    assert failing.returncode == 1
    assert "::error title=licensecheck::" in failing.stdout


def test_the_action_verifies_the_lock_by_default():
    assert ACTION["inputs"]["verify-lock"]["default"] == "true"
    assert "INPUT_VERIFY_LOCK: ${{ inputs.verify-lock }}" in (ROOT / "action.yml").read_text()


@pytest.mark.skipif(LICENSECHECK is None, reason="the licensecheck command is not installed (pip install .)")
def test_a_forged_lock_in_the_pull_request_does_not_pass_the_action(fake_hub, tmp_path):
    """Issue 14's first attack, through the action: a lock entry edited to a permissive licence."""
    fake_hub.add_model("CohereForAI/c4ai-command-r-v01", {"license": "cc-by-nc-4.0"})
    tree = tmp_path / "pr"
    tree.mkdir()
    (tree / "models.yaml").write_text("models:\n  - CohereForAI/c4ai-command-r-v01\n")
    (tree / "licensecheck.lock").write_text(
        json.dumps(
            {
                "lock_version": 1,
                "components": [
                    {
                        "type": "model",
                        "name": "CohereForAI/c4ai-command-r-v01",
                        "requested": None,
                        "version": None,
                        "license": {"id": "apache-2.0", "source": "card"},
                        "resolved_at": None,
                    }
                ],
            }
        )
    )
    env = step_environment(tmp_path, tree, "--users 2M", ACTION["inputs"]["verify-lock"]["default"])
    step = run_step("scan", env, tmp_path)
    assert step.returncode == 0, step.stderr
    outputs = dict(line.split("=", 1) for line in (tmp_path / "github_output").read_text().splitlines())
    assert outputs["exit-code"] == "1"
    assert "(lock-mismatch)" in step.stdout


def test_config_ref_defaults_to_the_pull_requests_base_and_nothing_on_push():
    assert ACTION["inputs"]["config-ref"]["default"] == "${{ github.event.pull_request.base.sha }}"
    step = STEPS["scan"]
    assert step["env"]["INPUT_CONFIG_REF"] == "${{ inputs.config-ref }}"
    assert 'args+=(--config-ref "$INPUT_CONFIG_REF")' in step["run"]


@pytest.mark.skipif(LICENSECHECK is None, reason="the licensecheck command is not installed (pip install .)")
def test_a_pull_request_cannot_loosen_the_policy_the_action_applies(tmp_path):
    git_env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "a",
        "GIT_AUTHOR_EMAIL": "a@example.invalid",
        "GIT_COMMITTER_NAME": "a",
        "GIT_COMMITTER_EMAIL": "a@example.invalid",
    }
    repo = tmp_path / "repo"
    shutil.copytree(DEMO, repo)
    (repo / "licensecheck.toml").write_text('use = "commercial"\n')
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "base"]):
        subprocess.run(["git", "-C", str(repo), *args], env=git_env, check=True, capture_output=True)
    base = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "HEAD"], env=git_env, check=True, capture_output=True, text=True
    ).stdout.strip()
    # The pull request waives both denials in the configuration it brings.
    waivers = "".join(
        f'[[exceptions]]\ncomponent = "{name}"\nreason = "trust me on this"\nowner = "pr@example.com"\nexpires = 2999-01-01\n'
        for name in ("CohereForAI/c4ai-command-r-v01", "Qwen/Qwen2.5-3B-Instruct")
    )
    (repo / "licensecheck.toml").write_text('use = "commercial"\n' + waivers)
    env = {
        **step_environment(tmp_path, repo, "--offline --users 2M", "false"),  # the demo's lock: no network
        "INPUT_CONFIG_REF": base,
        "LICENSECHECK_CACHE_DIR": str(tmp_path / "cache"),
    }
    step = run_step("scan", env, tmp_path)
    assert step.returncode == 0, step.stderr
    outputs = dict(line.split("=", 1) for line in (tmp_path / "github_output").read_text().splitlines())
    assert outputs["exit-code"] == "1"  # the base's policy: no waivers
    assert "DENIED (2)" in step.stdout
