"""README.md tells the truth: its commands are the ones CI runs, its demo output is real."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from licensecheck.cli import main

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _shell_blocks(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S)]


def test_quick_start_has_the_two_commands_and_ci_runs_the_test_one():
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    install_and_scan, run_tests = _shell_blocks(quick_start)[:2]
    assert "licensecheck scan examples/demo" in install_and_scan
    assert "pytest" in run_tests
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert run_tests in ci.splitlines()


def test_demo_output_in_the_readme_is_what_the_demo_prints(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    block = re.search(r"```text\n\$ licensecheck scan examples/demo --users 2M\n(.*?)```", README, flags=re.S)
    assert block, "README lost its demo output"
    result = CliRunner().invoke(main, ["scan", str(ROOT / "examples" / "demo"), "--users", "2M", "--offline"])
    assert result.exit_code == 1
    assert result.stdout == block.group(1)


def test_choosing_a_model_examples_are_what_compare_and_suggest_print(fake_hub, tmp_path, monkeypatch):
    """README's compare and suggest examples, run against the fake Hub serving tests/choosing.py's market."""
    import shlex

    from choosing import add_market

    add_market(fake_hub)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    section = README.split("## Choosing a model", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```text\n\$ licensecheck ((?:compare|suggest) [^\n]*)\n(.*?)```", section, flags=re.S)
    assert [command.split()[0] for command, _ in blocks] == ["compare", "suggest"]
    for command, output in blocks:
        result = CliRunner().invoke(main, shlex.split(command))
        assert result.exit_code == 0, result.output
        assert result.stdout == output, command
