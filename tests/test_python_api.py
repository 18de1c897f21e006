"""licensecheck.api: README's example runs, and the API is the command line's (same report, typed errors, no output)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from licensecheck import api
from licensecheck.cli import main
from licensecheck.errors import LicensecheckError, UsageError

ROOT = Path(__file__).parent.parent
DEMO = ROOT / "examples" / "demo"


@pytest.fixture
def demo(tmp_path, monkeypatch):
    """A copy of the demo project (manifest, requirements, lock) as the working directory."""
    project = tmp_path / "demo"
    shutil.copytree(DEMO, project)
    monkeypatch.chdir(project)
    return project


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert len(blocks) == 1, "README's Python API section has one example"
    return blocks[0]


def test_the_readme_example_runs_and_says_what_the_command_line_says(demo, capsys):
    namespace: dict = {}
    exec(compile(readme_example(), "README.md", "exec"), namespace)  # noqa: S102 - our own README
    assert namespace["denied"] == ["CohereForAI/c4ai-command-r-v01", "Qwen/Qwen2.5-3B-Instruct"]
    assert namespace["counts"] == {"allowed": 10, "conditional": 6, "denied": 2, "unknown": 0}
    assert namespace["llama"].rule.id == "llama3.1"
    assert namespace["llama"].evaluation.verdict.value == "denied"  # 900M users: over Llama's 700M
    assert namespace["problem"] == ("region", "'Atlantis' is not an ISO 3166-1 country code or EU")
    assert capsys.readouterr() == ("", "")  # the library prints nothing
    cli = CliRunner().invoke(main, ["scan", ".", "--offline", "--users", "2M", "--format", "json"])
    assert cli.exit_code == 1
    assert namespace["report"] == cli.stdout
    # ...and is the JSON renderer's own document (the demo holds nothing to escape).
    from licensecheck.report import RenderOptions, renderer

    assert namespace["report"] == renderer("json")(namespace["result"], RenderOptions())
    assert json.loads(namespace["report"])["summary"] == namespace["counts"]


def test_context_keywords_are_checked(demo):
    with pytest.raises(UsageError) as unknown:
        api.scan(offline=True, colour="red")
    assert unknown.value.option == "colour"
    assert unknown.value.message == (
        "unknown usage-context keyword(s): colour (known: use, distribution, users, "
        "org_users, revenue, region, purpose)"
    )
    for keyword, value in (("users", -1), ("revenue", True), ("use", "personal"), ("distribution", "shipped")):
        with pytest.raises(UsageError) as bad:
            api.scan(offline=True, **{keyword: value})
        assert bad.value.option == keyword
    with pytest.raises(UsageError) as purpose:
        api.explain("mit", purpose="medcal-advice")
    assert purpose.value.option == "purpose"
    assert purpose.value.message.startswith(
        "'medcal-advice' is not a purpose licensecheck knows; did you mean medical-advice?"
    )
    for shape in (3, ["medical-advice", 4], {"medical-advice": True}):
        with pytest.raises(UsageError) as malformed:
            api.explain("mit", purpose=shape)
        assert (malformed.value.option, malformed.value.message) == (
            "purpose",
            f"purpose must be an id or a list of ids, not {shape!r}",
        )
    with pytest.raises(UsageError) as licence:
        api.explain("not-a-licence-at-all")
    assert licence.value.option is None and "is not a licence id" in licence.value.message
    with pytest.raises(UsageError) as contradiction:
        api.scan(offline=True, options=api.ScanOptions(verify_lock=True))
    assert contradiction.value.message.startswith("--verify-lock and --offline contradict each other")


def test_keywords_win_over_the_configuration_file_as_flags_do(demo):
    (demo / "licensecheck.toml").write_text('use = "non-commercial"\ndistribution = "internal"\n')
    from_file = api.scan(offline=True)
    assert (from_file.context.use, from_file.context.distribution) == ("non-commercial", "internal")
    assert from_file.context_sources["use"] == "config"
    given = api.scan(offline=True, use="commercial", region="fr", purpose=["medical-advice"])
    assert (given.context.use, given.context.distribution, given.context.region) == ("commercial", "internal", "FR")
    assert given.context.purposes == ("medical-advice",)
    assert (given.context_sources["use"], given.context_sources["distribution"]) == ("cli", "config")


def test_input_errors_are_typed_and_nothing_exits(tmp_path):
    (tmp_path / "models.yaml").write_text("models: [\n")
    with pytest.raises(LicensecheckError) as error:
        api.scan(tmp_path, offline=True)
    assert str(error.value).startswith("models.yaml:2: invalid YAML: ")
    with pytest.raises(UsageError) as missing:
        api.check_lock(tmp_path)
    assert missing.value.message == "licensecheck.lock: no lock file to check; run `licensecheck lock` first"


def test_render_writes_every_format_the_command_line_offers(demo):
    from licensecheck.report import FORMATS

    result = api.scan(offline=True)
    text = api.render(result, "text")
    assert text == CliRunner().invoke(main, ["scan", ".", "--offline", "--color", "never"]).stdout
    assert api.render(result, "sarif").startswith("{")
    assert set(FORMATS) == {"text", "json", "sarif", "markdown", "html", "spdx-json", "spdx", "cyclonedx-json"}
    with pytest.raises(UsageError) as unknown:
        api.render(result, "yaml")
    assert unknown.value.option == "format"
