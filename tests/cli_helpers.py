"""Running `licensecheck scan` in tests and checking its JSON against the schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from licensecheck.cli import main

SCHEMA = json.loads((Path(__file__).parent.parent / "licensecheck" / "schemas" / "report-v1.schema.json").read_text())


def scan(path: Path, *args: str):
    return CliRunner().invoke(main, ["scan", str(path), "--timeout", "5", *args], catch_exceptions=False)


def scan_json(path: Path, *args: str) -> tuple[int, dict]:
    """Exit code and report of a scan that must succeed in judging (0, 1 or 3), schema-checked."""
    result = scan(path, "--format", "json", *args)
    assert result.exit_code in (0, 1, 3), result.output
    document = json.loads(result.stdout)
    jsonschema.validate(document, SCHEMA)
    return result.exit_code, document


def component(document: dict, name: str) -> dict:
    return next(c for c in document["components"] if c["name"] == name)
