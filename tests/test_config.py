"""The configuration file: where it is found, every key, presets, precedence, every error."""

from __future__ import annotations

import configparser
import textwrap
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from licensecheck.cli import main
from licensecheck.config import (
    CONTEXT_KEYS,
    Config,
    find_config,
    load_config,
    load_preset,
    preset_description,
    preset_names,
    presets_dir,
    run_date,
)
from licensecheck.errors import InputError, LicensecheckError
from licensecheck.knowledge import load_knowledge

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


@pytest.fixture
def repo(tmp_path):
    """A repository root (it holds .git), so that the search for a configuration stops here."""
    (tmp_path / ".git").mkdir()
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def pyproject(repo: Path, body: str, project: str = "") -> Path:
    return write(repo / "pyproject.toml", f"{project}\n[tool.licensecheck]\n{textwrap.dedent(body)}")


# --- finding the file ---------------------------------------------------------


def test_no_configuration_gives_the_defaults(repo, knowledge):
    config = load_config(repo, knowledge)
    assert config == Config()
    context, sources = config.context({})
    assert (context.use, context.distribution, context.users) == ("commercial", "network", None)
    assert sources == dict.fromkeys(CONTEXT_KEYS, "default")
    assert config.policy.allow is None and config.policy.deny == frozenset() and config.policy.unknown == "fail"


def test_pyproject_table_in_the_scanned_directory(repo, knowledge):
    pyproject(repo, 'use = "non-commercial"\n')
    config = load_config(repo, knowledge)
    assert config.file.endswith("pyproject.toml") and config.values["use"] == "non-commercial"
    assert config.sources["use"] == "config"


def test_found_in_a_parent_up_to_the_repository_root(repo, knowledge):
    write(repo / "licensecheck.toml", 'distribution = "internal"\n')
    nested = repo / "services" / "api"
    nested.mkdir(parents=True)
    assert load_config(nested, knowledge).values["distribution"] == "internal"


def test_search_stops_at_the_repository_root(tmp_path, knowledge):
    write(tmp_path / "licensecheck.toml", 'distribution = "internal"\n')  # above the repository: not ours
    inner = tmp_path / "checkout"
    (inner / ".git").mkdir(parents=True)
    assert find_config(inner) == (None, ())
    assert load_config(inner, knowledge).values["distribution"] == "network"


def test_a_pyproject_without_the_table_is_passed_over(repo, knowledge):
    write(repo / "licensecheck.toml", 'use = "non-commercial"\n')
    sub = repo / "pkg"
    write(sub / "pyproject.toml", '[project]\nname = "pkg"\n')
    assert load_config(sub, knowledge).values["use"] == "non-commercial"


def test_licensecheck_toml_wins_over_pyproject_in_one_directory_and_says_so(repo, knowledge):
    pyproject(repo, 'use = "non-commercial"\n')
    write(repo / "licensecheck.toml", 'distribution = "internal"\n')
    config = load_config(repo, knowledge)
    assert config.file.endswith("licensecheck.toml")
    assert config.values["use"] == "commercial"
    assert [n.code for n in config.notices] == ["config-shadowed"]


def test_explicit_config_file(repo, knowledge, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("shared") / "team.toml"
    write(elsewhere, "users = 5\n")
    pyproject(repo, "users = 1\n")
    assert load_config(repo, knowledge, explicit=elsewhere).values["users"] == 5


def test_explicit_pyproject_without_table_is_an_error(repo, knowledge):
    path = write(repo / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(InputError, match=r"pyproject.toml: has no \[tool.licensecheck\] table"):
        load_config(repo, knowledge, explicit=path)


def test_explicit_missing_file_is_an_error(repo, knowledge):
    with pytest.raises(InputError, match="nope.toml: configuration file not found"):
        load_config(repo, knowledge, explicit=repo / "nope.toml")


# --- every key ----------------------------------------------------------------


def test_every_key_is_read(repo, knowledge):
    pyproject(
        repo,
        """
        extends = "saas"
        use = "non-commercial"
        distribution = "redistribute"
        users = 2_000_000
        org_users = 900_000_000
        revenue = 5000000
        region = "fr"
        unknown = "warn"
        allow = ["MIT", "Apache 2.0", "cc-by-nc-4.0"]
        deny = ["CC-BY-NC-4.0", "llama3.1"]
        deny_categories = ["copyleft"]
        exclude = ["tests/fixtures/**", "vendor"]

        [[tool.licensecheck.exceptions]]
        component = "CohereForAI/c4ai-command-r-v01"
        revision = "abc1234"
        reason = "Commercial agreement with Cohere, contract 2025-117"
        owner = "legal@example.com"
        expires = 2026-12-31
    """,
    )
    config = load_config(repo, knowledge)
    values = config.values
    assert config.extends == "saas"
    assert (values["use"], values["distribution"], values["users"], values["revenue"]) == (
        "non-commercial",
        "redistribute",
        2_000_000,
        5_000_000,
    )
    assert values["region"] == "FR"
    assert values["org_users"] == 900_000_000
    policy = config.policy
    assert policy.unknown == "warn"
    # Ids are matched case-insensitively and by alias, and kept as the rules' ids.
    assert policy.allow == {"mit", "apache-2.0", "cc-by-nc-4.0"}
    assert policy.deny == {"cc-by-nc-4.0", "llama3.1"}  # the file's deny replaces the preset's
    assert policy.deny_categories == {"copyleft"}  # and so do its categories
    assert config.exclude == ("tests/fixtures/**", "vendor")
    (exception,) = policy.exceptions
    assert exception.component == "CohereForAI/c4ai-command-r-v01" and exception.revision == "abc1234"
    assert exception.owner == "legal@example.com" and exception.expires == date(2026, 12, 31)
    assert exception.where.endswith("pyproject.toml:16")
    assert set(config.sources.values()) == {"config"}


def test_licensecheck_toml_takes_the_same_keys_at_top_level(repo, knowledge):
    write(
        repo / "licensecheck.toml",
        """
        deny = ["agpl-3.0"]
        [[exceptions]]
        component = "x/y"
        reason = "r"
        owner = "o"
        expires = "2027-01-31"
    """,
    )
    config = load_config(repo, knowledge)
    assert config.policy.deny == {"agpl-3.0"}
    assert config.policy.exceptions[0].expires == date(2027, 1, 31)  # a quoted date is accepted


def test_inline_exception_tables(repo, knowledge):
    pyproject(repo, 'exceptions = [{component = "x/y", reason = "r", owner = "o", expires = 2027-01-01}]\n')
    assert load_config(repo, knowledge).policy.exceptions[0].component == "x/y"


# --- presets and precedence ---------------------------------------------------


def test_presets_exist_load_and_say_what_they_are_for(knowledge):
    assert preset_names() == ["internal-research", "open-source-release", "redistribution", "saas"]
    for name in preset_names():
        assert preset_description(name), name  # the leading comment
        settings = load_preset(name, knowledge)
        assert settings["use"] in ("commercial", "non-commercial")
    assert load_preset("internal-research", knowledge)["unknown"] == "warn"
    assert load_preset("saas", knowledge)["deny_categories"] == ("network-copyleft",)
    assert load_preset("redistribution", knowledge)["deny_categories"] == ("copyleft", "network-copyleft")


def test_presets_are_packaged():
    parser = configparser.ConfigParser()
    parser.read(ROOT / "setup.cfg")
    assert "policies/*.toml" in parser["options.package_data"]["licensecheck.rules"]
    # Installed (wheel) or editable: the presets the program finds are the repository's.
    shipped = sorted(path.name for path in presets_dir().glob("*.toml"))
    assert shipped == sorted(path.name for path in (ROOT / "rules" / "policies").glob("*.toml")) and len(shipped) == 4


def test_precedence_default_preset_config_cli(repo, knowledge):
    pyproject(repo, 'extends = "internal-research"\nusers = 10\n')
    config = load_config(repo, knowledge)
    context, sources = config.context({"region": "EU"})
    assert (context.use, sources["use"]) == ("non-commercial", "preset")  # preset over default
    assert (context.users, sources["users"]) == (10, "config")  # file over preset/default
    assert (context.revenue, sources["revenue"]) == (None, "default")
    assert (context.region, sources["region"]) == ("EU", "cli")  # flag over everything
    context, sources = config.context({"use": "commercial", "users": 99})
    assert (context.use, sources["use"], context.users, sources["users"]) == ("commercial", "cli", 99, "cli")


def test_file_overrides_its_preset(repo, knowledge):
    pyproject(repo, 'extends = "internal-research"\nuse = "commercial"\nunknown = "fail"\n')
    config = load_config(repo, knowledge)
    assert config.values["use"] == "commercial" and config.sources["use"] == "config"
    assert config.values["distribution"] == "internal" and config.sources["distribution"] == "preset"
    assert config.policy.unknown == "fail"
    assert config.origin("distribution") == "preset internal-research"


def test_the_clock_for_tests():
    assert run_date({"LICENSECHECK_TODAY": "2026-12-31"}) == date(2026, 12, 31)
    assert run_date({}) == date.today()
    with pytest.raises(LicensecheckError, match="LICENSECHECK_TODAY='31/12/2026' is not a date"):
        run_date({"LICENSECHECK_TODAY": "31/12/2026"})


# --- every configuration error: the file, the line and the key -----------------

ERRORS = [
    ('alow = ["mit"]\n', 2, r"`tool.licensecheck.alow` is not a licensecheck setting; did you mean `allow`\?"),
    ('extend = "saas"\n', 2, r"did you mean `extends`\?"),
    ('extends = "sass"\n', 2, r"`tool.licensecheck.extends` names no preset 'sass'; presets: .*did you mean `saas`\?"),
    ("extends = 3\n", 2, r"`tool.licensecheck.extends` must be the name of a preset .* got an integer"),
    (
        'use = "comercial"\n',
        2,
        r"`tool.licensecheck.use` must be one of commercial, non-commercial, not 'comercial'; did you mean `commercial`\?",
    ),
    ("use = true\n", 2, r"`tool.licensecheck.use` must be a string .* got a boolean"),
    ('distribution = "saas"\n', 2, r"`tool.licensecheck.distribution` must be one of internal, network, redistribute"),
    ('users = "2M"\n', 2, r"`tool.licensecheck.users` must be a whole, non-negative number .* got a string"),
    ("users = -1\n", 2, r"`tool.licensecheck.users` must be a whole, non-negative number"),
    ("revenue = 1.5\n", 2, r"`tool.licensecheck.revenue` must be a whole, non-negative number .* got a float"),
    ('region = "Europe"\n', 2, r"`tool.licensecheck.region` must be an ISO 3166-1 country code or EU, not 'Europe'"),
    ('region = "ZZ"\n', 2, r"`tool.licensecheck.region` must be an ISO 3166-1 country code or EU, not 'ZZ'$"),
    (
        'region = "uk"\n',
        2,
        r"`tool.licensecheck.region` must be an ISO 3166-1 country code or EU, not 'uk' \(for that country, give GB\)$",
    ),
    ('unknown = "ignore"\n', 2, r"`tool.licensecheck.unknown` must be one of fail, warn, not 'ignore'"),
    ('allow = "mit"\n', 2, r"`tool.licensecheck.allow` must be a list of non-empty strings, got a string"),
    (
        'allow = [\n  "mit",\n  "apache-2.1",\n]\n',
        4,
        r"`tool.licensecheck.allow` names licence 'apache-2.1', which licensecheck does not know; closest: apache-2.0",
    ),
    (
        'deny = ["cc-by-nc-5.0"]\n',
        2,
        r"`tool.licensecheck.deny` names licence 'cc-by-nc-5.0', which licensecheck does not know",
    ),
    (
        'deny_categories = [\n  "copyleft",\n  "network-copyleftt",\n]\n',
        4,
        r"`tool.licensecheck.deny_categories` names no licence category 'network-copyleftt'; categories: .*did you mean `network-copyleft`\?",
    ),
    (
        'deny_categories = "copyleft"\n',
        2,
        r"`tool.licensecheck.deny_categories` must be a list of non-empty strings, got a string",
    ),
    ("exclude = [1]\n", 2, r"`tool.licensecheck.exclude` must be a list of non-empty strings"),
    ('exceptions = "none"\n', 2, r"`tool.licensecheck.exceptions` must be an array of tables"),
    (
        '[[tool.licensecheck.exceptions]]\ncomponent = "x/y"\nowner = "o"\nexpires = 2026-01-01\n',
        1,
        r"`tool.licensecheck.exceptions.reason` \(exception 1\) is missing: every exception needs why it is allowed",
    ),
    (
        '[[tool.licensecheck.exceptions]]\ncomponent = "x/y"\nreason = "r"\nexpires = 2026-01-01\n',
        1,
        r"`tool.licensecheck.exceptions.owner` \(exception 1\) is missing: every exception needs who answers for it",
    ),
    (
        '[[tool.licensecheck.exceptions]]\ncomponent = "x/y"\nreason = "r"\nowner = "o"\n',
        1,
        r"`tool.licensecheck.exceptions.expires` \(exception 1\) is missing: every exception needs an expiry date",
    ),
    (
        '[[tool.licensecheck.exceptions]]\nreason = "r"\nowner = "o"\nexpires = 2026-01-01\n',
        1,
        r"`tool.licensecheck.exceptions.component` \(exception 1\) is missing",
    ),
    (
        '[[tool.licensecheck.exceptions]]\ncomponent = "x/y"\nreason = "  "\nowner = "o"\nexpires = 2026-01-01\n',
        3,
        r"`tool.licensecheck.exceptions.reason` \(exception 1\) must not be empty",
    ),
    (
        '[[tool.licensecheck.exceptions]]\ncomponent = "x/y"\nreason = "r"\nowner = "o"\nexpires = "2026-02-30"\n',
        5,
        r"`tool.licensecheck.exceptions.expires` \(exception 1\) is not a date: '2026-02-30'",
    ),
    (
        '[[tool.licensecheck.exceptions]]\ncomponent = "x/y"\nreason = "r"\nowner = "o"\nexpires = 2026-02-01T10:00:00\n',
        5,
        r"`tool.licensecheck.exceptions.expires` \(exception 1\) must be a date without a time",
    ),
    (
        '[[tool.licensecheck.exceptions]]\ncomponent = "x/y"\nreason = "r"\nowner = "o"\nexpires = 2026-01-01\n'
        '[[tool.licensecheck.exceptions]]\ncomponent = "a/b"\nreason = "r"\nownr = "o"\nexpires = 2026-01-01\n',
        9,
        r"`tool.licensecheck.exceptions.ownr` \(exception 2\) is not an exception key; did you mean `owner`\?",
    ),
    (
        '[[tool.licensecheck.exceptions]]\ncomponent = "x/y"\nreason = "r"\nowner = "o"\nexpires = 2026-01-01\nrevision = 7\n',
        6,
        r"`tool.licensecheck.exceptions.revision` \(exception 1\) must be a non-empty string",
    ),
]


@pytest.mark.parametrize("body, line, message", ERRORS, ids=[e[2][:40] for e in ERRORS])
def test_configuration_errors_name_file_line_and_key(repo, knowledge, body, line, message):
    write(repo / "pyproject.toml", "[tool.licensecheck]\n" + body if not body.startswith("[[") else body)
    with pytest.raises(InputError) as raised:
        load_config(repo, knowledge)
    error = raised.value
    assert error.path.endswith("pyproject.toml")
    assert error.line == line, str(error)
    assert __import__("re").search(message, error.message), error.message


def test_invalid_toml_names_the_line(repo, knowledge):
    write(repo / "licensecheck.toml", 'use = "commercial"\nusers = = 3\n')
    with pytest.raises(InputError) as raised:
        load_config(repo, knowledge)
    assert raised.value.line == 2 and "invalid TOML" in raised.value.message


def test_tool_licensecheck_must_be_a_table(repo, knowledge):
    write(repo / "pyproject.toml", '[tool]\nlicensecheck = "saas"\n')
    with pytest.raises(InputError, match="`tool.licensecheck` must be a table"):
        load_config(repo, knowledge)


def test_configuration_error_is_exit_2_with_file_line_and_closest_key(repo):
    write(repo / "models.yaml", "models: []\n")
    pyproject(repo, 'extends = "saas"\ndny = ["mit"]\n')
    result = CliRunner().invoke(main, ["scan", str(repo)])
    assert result.exit_code == 2
    assert (
        "pyproject.toml:3: `tool.licensecheck.dny` is not a licensecheck setting; did you mean `deny`?" in result.stderr
    )
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", [["scan"], ["lock"], ["explain", "acme/x"]])
def test_every_command_reads_the_configuration(repo, command):
    write(repo / "models.yaml", "models: []\n")
    write(repo / "licensecheck.toml", 'unknown = "maybe"\n')
    args = [*command, str(repo)] if command[0] != "explain" else [*command, "--path", str(repo)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "licensecheck.toml:1: `unknown` must be one of fail, warn" in result.stderr


def test_bad_clock_variable_is_exit_2(repo, monkeypatch):
    write(repo / "models.yaml", "models: []\n")
    monkeypatch.setenv("LICENSECHECK_TODAY", "tomorrow")
    result = CliRunner().invoke(main, ["scan", str(repo)])
    assert result.exit_code == 2 and "LICENSECHECK_TODAY='tomorrow' is not a date" in result.stderr


def test_the_readme_example_is_a_valid_configuration(repo, knowledge):
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Configuration", 1)[1]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    write(repo / "pyproject.toml", example)
    config = load_config(repo, knowledge)
    assert config.extends == "saas" and config.policy.exceptions[0].owner == "legal@example.com"
    assert "apache-2.0" in config.policy.allow and "llama3.1" in config.policy.deny
