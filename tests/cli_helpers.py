"""Running the CLI in tests (in-process, click's CliRunner) and checking a scan's JSON against the schema.

The one place tests run `licensecheck scan` and `lock`: a test asserts the exact exit code it
expects; `scan_json` only refuses what is never a judgement (2, a crash, bad JSON).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from licensecheck.cli import main

SCHEMA = json.loads((Path(__file__).parent.parent / "licensecheck" / "schemas" / "report-v1.schema.json").read_text())

# The four usage contexts of the end-to-end tables, as scan flags:
#   saas     commercial, offered as a network service, 2M monthly active users
#   giant    commercial, network service, 900M monthly active users
#   research non-commercial, internal use
#   onprem   commercial, weights or software shipped to customers (users not given)
CONTEXTS = {
    "saas": ["--use", "commercial", "--distribution", "network", "--users", "2M"],
    "giant": ["--use", "commercial", "--distribution", "network", "--users", "900M"],
    "research": ["--use", "non-commercial", "--distribution", "internal"],
    "onprem": ["--use", "commercial", "--distribution", "redistribute"],
}


def invoke(*args, env: dict[str, str] | None = None):
    """Run the CLI in-process; stdout and stderr kept apart, exceptions raised. `env` is set for this run only."""
    return CliRunner(env=env).invoke(main, [str(arg) for arg in args], catch_exceptions=False)


def scan(path: Path, *args: str, env: dict[str, str] | None = None):
    """`licensecheck scan PATH --timeout 5 ARGS` (a later --timeout in ARGS wins)."""
    return invoke("scan", path, "--timeout", "5", *args, env=env)


def lock(path: Path, *args: str, env: dict[str, str] | None = None):
    """`licensecheck lock PATH --timeout 5 ARGS` (a later --timeout in ARGS wins)."""
    return invoke("lock", path, "--timeout", "5", *args, env=env)


def report(result) -> dict:
    """The JSON report a `--format json` run printed, checked against the schema."""
    assert "Traceback" not in result.output, result.output
    document = json.loads(result.stdout)
    jsonschema.validate(document, SCHEMA)
    return document


def scan_json(path: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, dict]:
    """Exit code and report of a scan that must succeed in judging (0, 1 or 3), schema-checked.

    Callers assert the exact exit code they expect."""
    result = scan(path, "--format", "json", *args, env=env)
    assert result.exit_code in (0, 1, 3), result.output
    return result.exit_code, report(result)


def scan_report(path: Path, *args: str, code: int, env: dict[str, str] | None = None) -> dict:
    """The report of a scan that must end with exit code `code` (0, 1 or 3), schema-checked."""
    result = scan(path, "--format", "json", *args, env=env)
    assert result.exit_code == code, result.output
    return report(result)


def component(document: dict, name: str) -> dict:
    return next(c for c in document["components"] if c["name"] == name)


def by_name(document: dict) -> dict[str, dict]:
    return {c["name"]: c for c in document["components"]}
