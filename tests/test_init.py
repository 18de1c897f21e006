"""`licensecheck init`: a commented starter configuration, never over an existing one."""

from __future__ import annotations

import tomllib

import pytest
from click.testing import CliRunner

from licensecheck.cli import main
from licensecheck.commands import init as init_command
from licensecheck.config import load_config, preset_names
from licensecheck.knowledge import load_knowledge


def init(path, *args, **kwargs):
    return CliRunner().invoke(main, ["init", str(path), *args], catch_exceptions=False, **kwargs)


@pytest.mark.parametrize("preset", preset_names())
def test_writes_licensecheck_toml_with_the_preset_and_it_loads(tmp_path, preset):
    result = init(tmp_path, "--preset", preset)
    assert result.exit_code == 0, result.output
    written = tmp_path / "licensecheck.toml"
    text = written.read_text()
    assert f'extends = "{preset}"' in text
    assert "# [[exceptions]]" in text and "# allow = [" in text and "# exclude = [" in text
    assert tomllib.loads(text) == {"extends": preset}  # everything else is a comment
    config = load_config(tmp_path, load_knowledge())
    assert config.extends == preset and config.file.endswith("licensecheck.toml")
    assert result.stderr == f"wrote {written} (preset {preset}): edit it, then run `licensecheck scan`\n"


def test_appends_a_table_to_an_existing_pyproject_and_keeps_its_content(tmp_path):
    original = '[project]\nname = "app"\nversion = "1"\ndependencies = ["requests"]\n\n[tool.ruff]\nline-length = 100\n'
    (tmp_path / "pyproject.toml").write_text(original)
    result = init(tmp_path, "--preset", "redistribution")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "pyproject.toml").read_text()
    assert text.startswith(original)
    data = tomllib.loads(text)
    assert data["tool"]["licensecheck"] == {"extends": "redistribution"}
    assert data["tool"]["ruff"] == {"line-length": 100} and data["project"]["name"] == "app"
    assert "# [[tool.licensecheck.exceptions]]" in text
    assert not (tmp_path / "licensecheck.toml").exists()


def test_pyproject_without_final_newline(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"')
    assert init(tmp_path, "--preset", "saas").exit_code == 0
    assert tomllib.loads((tmp_path / "pyproject.toml").read_text())["tool"]["licensecheck"]["extends"] == "saas"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("licensecheck.toml", 'use = "non-commercial"\n', "licensecheck.toml: a configuration already exists"),
        ("pyproject.toml", '[tool.licensecheck]\nuse = "non-commercial"\n', "already has a [tool.licensecheck] table"),
        ("pyproject.toml", "[project\n", "pyproject.toml:1: invalid TOML"),
    ],
)
def test_never_overwrites_nor_touches_a_broken_file(tmp_path, name, content, message):
    (tmp_path / name).write_text(content)
    result = init(tmp_path, "--preset", "saas")
    assert result.exit_code == 2 and message in result.stderr
    assert (tmp_path / name).read_text() == content
    assert {p.name for p in tmp_path.iterdir()} == {name}


def test_without_a_terminal_and_without_preset_it_uses_saas_and_says_so(tmp_path):
    result = init(tmp_path)
    assert result.exit_code == 0
    assert "no terminal to ask on: using preset saas" in result.stderr
    assert 'extends = "saas"' in (tmp_path / "licensecheck.toml").read_text()


def test_on_a_terminal_it_asks(tmp_path, monkeypatch):
    monkeypatch.setattr(init_command, "_is_terminal", lambda: True)
    result = init(tmp_path, input="sass\ninternal-research\n")
    assert result.exit_code == 0, result.output
    assert "internal-research: For research teams" in result.stdout  # each preset with what it is for
    assert "Preset" in result.stdout and "is not one of" in result.stdout  # a typo is asked again
    assert 'extends = "internal-research"' in (tmp_path / "licensecheck.toml").read_text()


def test_unknown_preset_flag_is_a_usage_error(tmp_path):
    result = init(tmp_path, "--preset", "enterprise")
    assert result.exit_code == 2 and not (tmp_path / "licensecheck.toml").exists()


def test_path_must_be_a_directory(tmp_path):
    result = init(tmp_path / "missing", "--preset", "saas")
    assert result.exit_code == 2 and "no such directory" in result.stderr
