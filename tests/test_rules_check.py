"""`licensecheck rules check`: the real rules pass; each kind of breakage is reported, all at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from licensecheck.cli import main
from licensecheck.knowledge import rules_dir
from licensecheck.rules_check import check_rules, hub_licence_ids

REAL_RULES = rules_dir()


def check(*args: str):
    return CliRunner().invoke(main, ["rules", "check", *args], catch_exceptions=False)


@pytest.fixture
def rules(tmp_path) -> Path:
    """A copy of the real rules, to break."""
    copy = tmp_path / "rules"
    shutil.copytree(REAL_RULES, copy)
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_real_rules_pass():
    result = check()
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output and "83 Hub licence id(s)" in result.output


def test_the_shipped_hub_list_has_the_83_ids_the_hub_accepts():
    """The tests read this one copy (licensecheck/data/hub_licenses.json): there is no other."""
    ids = hub_licence_ids()
    assert len(ids) == 83 and len(set(ids)) == 83
    assert {"apache-2.0", "llama3.1", "cc-by-nc-4.0", "other", "unknown"} <= set(ids)


def test_rules_dir_option_and_environment(rules, monkeypatch):
    assert check("--rules-dir", str(rules)).exit_code == 0
    edit(rules / "licences" / "mit.toml", 'checked = "2026-11-25"\n', "")
    monkeypatch.setenv("LICENSECHECK_RULES_DIR", str(rules))
    assert check().exit_code == 1


def test_not_a_rules_directory_exits_2(tmp_path):
    result = check("--rules-dir", str(tmp_path))
    assert result.exit_code == 2 and "not a rules directory" in result.stderr


BREAKAGES = {
    "clause without section": (
        lambda r: edit(r / "licences" / "mit.toml", 'section = "paragraph 2"\n', ""),
        "clause 1 (notice)",
        "no `section`",
    ),
    "no checked date": (
        lambda r: edit(r / "licences" / "mit.toml", 'checked = "2026-11-25"\n', ""),
        "mit.toml",
        "no `checked` date",
    ),
    "malformed checked date": (
        lambda r: edit(r / "licences" / "mit.toml", 'checked = "2026-11-25"', 'checked = "last week"'),
        "mit.toml",
        "`checked` must be a date",
    ),
    "clause without source": (
        lambda r: edit(r / "licences" / "mit.toml", 'source = "https://spdx.org/licenses/MIT.html"\n', ""),
        "mit.toml",
        "clause needs a non-empty string `source`",
    ),
    "source that is not a URL": (
        lambda r: edit(
            r / "licences" / "mit.toml", 'source = "https://spdx.org/licenses/MIT.html"', 'source = "the MIT text"'
        ),
        "mit.toml",
        "source must be the URL",
    ),
    "Hub id without a rule": (
        lambda r: (r / "licences" / "wtfpl.toml").unlink(),
        "licences",
        "the Hub licence id 'wtfpl' has no rule",
    ),
    "alias naming two licences": (
        lambda r: edit(r / "licences" / "isc.toml", "aliases = [", 'aliases = ["Expat", '),
        "licences",
        "'expat' names isc and mit",
    ),
    "invalid TOML": (
        lambda r: (r / "licences" / "mit.toml").write_text("id = \n"),
        "mit.toml",
        "not valid TOML",
    ),
    "unknown key": (
        lambda r: edit(r / "licences" / "mit.toml", 'category = "permissive"', 'category = "permissive"\nfree = true'),
        "mit.toml",
        "unknown key(s) free",
    ),
    "file name is not the id": (
        lambda r: (r / "licences" / "mit.toml").rename(r / "licences" / "expat.toml"),
        "expat.toml",
        "file name must be the licence id 'mit'",
    ),
    "family member that does not exist": (
        lambda r: edit(
            r / "licences" / "gpl.toml", 'members = ["gpl-2.0", "gpl-3.0"]', 'members = ["gpl-2.0", "gpl-4.0"]'
        ),
        "gpl.toml",
        "member 'gpl-4.0' is no licence file",
    ),
    "family member named by an alias": (
        lambda r: edit(
            r / "licences" / "gpl.toml", 'members = ["gpl-2.0", "gpl-3.0"]', 'members = ["GPL-2.0-only", "gpl-3.0"]'
        ),
        "gpl.toml",
        "member 'GPL-2.0-only' is an alias",
    ),
    "members that are not a list of ids": (
        lambda r: edit(r / "licences" / "gpl.toml", 'members = ["gpl-2.0", "gpl-3.0"]', 'members = "gpl-2.0"'),
        "gpl.toml",
        "`members` must be a list of licence ids",
    ),
    "recogniser for a licence that does not exist": (
        lambda r: edit(r / "recognise.toml", 'id = "coqui-cpml"', 'id = "coqui-cpml-9"'),
        "recognise.toml",
        "'coqui-cpml-9' has no licence file",
    ),
    "recogniser naming an alias": (
        lambda r: edit(r / "recognise.toml", 'id = "coqui-cpml"', 'id = "cpml"'),
        "recognise.toml",
        "'cpml' is an alias",
    ),
    "recogniser for a licence without terms": (
        lambda r: edit(r / "recognise.toml", 'id = "coqui-cpml"', 'id = "unknown"'),
        "recognise.toml",
        "'unknown' has no terms",
    ),
    "two recognisers claiming one link": (
        lambda r: edit(
            r / "recognise.toml",
            'link_patterns = ["coqui.ai/cpml*"',
            'link_patterns = ["*mistral.ai/*mrl-0.1*", "coqui.ai/cpml*"',
        ),
        "recognise.toml",
        "claim the same links",
    ),
    "overlapping link patterns": (
        lambda r: edit(r / "recognise.toml", 'link_patterns = ["coqui.ai/cpml*"', 'link_patterns = ["*mistral.ai/*"'),
        "recognise.toml",
        "'*mistral.ai/*mrl-0.1*' (mistral-research) and '*mistral.ai/*' (coqui-cpml) claim the same links",
    ),
    "one fingerprint for two licences": (
        lambda r: edit(
            r / "recognise.toml",
            'text_markers = ["coqui public model license"]',
            'text_sha256 = ["95f35d79ea3bab75c250549d6a03cef242e0547d78c99e26fcede49936fb0184"]',
        ),
        "recognise.toml",
        "claimed by apache-2.0 and coqui-cpml",
    ),
    "one set of markers for two licences": (
        lambda r: edit(r / "recognise.toml", '"coqui public model license"', '"gemma terms of use"'),
        "recognise.toml",
        "text_markers 'gemma terms of use' claimed by coqui-cpml and gemma",
    ),
    # Issue 15: which user figure a threshold tests, when it counts, and the model facts a term needs.
    "threshold testing both user figures": (
        lambda r: edit(
            r / "licences" / "llama3.1.toml",
            "org_users_above = 700_000_000",
            "org_users_above = 700_000_000\nusers_above = 700_000_000",
        ),
        "llama3.1.toml: clause 1",
        "either the product's users (`users_above`) or the organisation's",
    ),
    "day counted without the organisation's threshold": (
        lambda r: edit(r / "licences" / "llama3.1.toml", "org_users_above = 700_000_000\n", ""),
        "llama3.1.toml: clause 1",
        "`org_users_counted_on` needs `org_users_above`",
    ),
    "day counted that is not a date": (
        lambda r: edit(
            r / "licences" / "llama3.1.toml",
            "org_users_counted_on = 2024-07-23",
            'org_users_counted_on = "release day"',
        ),
        "llama3.1.toml: clause 1",
        "`org_users_counted_on` must be a date (YYYY-MM-DD), not 'release day'",
    ),
    "day counted after the licence was checked": (
        lambda r: edit(
            r / "licences" / "llama3.1.toml", "org_users_counted_on = 2024-07-23", "org_users_counted_on = 2027-07-23"
        ),
        "llama3.1.toml: clause 1 (user-threshold)",
        "`org_users_counted_on` 2027-07-23 is after the licence was checked",
    ),
    "unknown model fact": (
        lambda r: edit(r / "licences" / "llama3.2.toml", 'model_facts = ["multimodal"]', 'model_facts = ["vision"]'),
        "llama3.2.toml: clause 3",
        "`model_facts` has vision; expected multimodal, nvidia-cosmos",
    ),
    # Issue 17: categories and clause help are data in rules/ too.
    "licence in a category categories.toml does not define": (
        lambda r: edit(r / "licences" / "mit.toml", 'category = "permissive"', 'category = "lenient"'),
        "mit.toml",
        "category 'lenient' is not one of public-domain, permissive,",
    ),
    "category without words": (
        lambda r: edit(r / "categories.toml", 'words = "public domain: no conditions"\n', ""),
        "categories.toml",
        "category 1: needs exactly the keys id and words, and may have level",
    ),
    "category level that is not a number": (
        lambda r: edit(r / "categories.toml", "level = 0\n", 'level = "lowest"\n'),
        "categories.toml",
        "category 1: `level` must be a non-negative integer",
    ),
    "clause code without help": (
        lambda r: edit(r / "clause-help.toml", "[no-standalone-sale]\n", "[no-standalone-sales]\n"),
        "ofl-1.1.toml: clause 1 (no-standalone-sale)",
        "code 'no-standalone-sale' has no title and help: add a [no-standalone-sale] table to clause-help.toml",
    ),
    "help for a code no clause uses": (
        lambda r: edit(
            r / "clause-help.toml",
            '[notice]\ntitle = "Notice file"\n',
            '[notice]\ntitle = "Notice file"\nhelp = "Ship it."\n\n[notices]\ntitle = "Notice file"\n',
        ),
        "clause-help.toml: [notices]",
        "no clause uses this code",
    ),
    "clause help for a code licensecheck defines": (
        lambda r: edit(
            r / "clause-help.toml", "[notice]\n", '[no-licence]\ntitle = "No licence"\nhelp = "None."\n\n[notice]\n'
        ),
        "clause-help.toml: [no-licence]",
        "licensecheck defines this code's help itself",
    ),
    "malformed clause help": (
        lambda r: edit(r / "clause-help.toml", '[notice]\ntitle = "Notice file"\n', '[notice]\ntitle = ""\n'),
        "clause-help.toml",
        "[notice]: title and help must be non-empty strings",
    ),
    "malformed recognise.toml": (
        lambda r: edit(r / "recognise.toml", 'id = "coqui-cpml"', 'id = "coqui-cpml"\nweight = 3'),
        "recognise.toml",
        "keys are id",
    ),
}


@pytest.mark.parametrize("name", list(BREAKAGES))
def test_each_problem_is_reported(rules, name):
    breakage, where, message = BREAKAGES[name]
    breakage(rules)
    result = check("--rules-dir", str(rules))
    assert result.exit_code == 1, result.output
    line = next((text for text in result.output.splitlines() if message in text), None)
    assert line is not None, result.output
    assert where in line
    assert "problem(s)" in result.output.splitlines()[-1]


def test_every_problem_is_listed_not_only_the_first(rules):
    licences = rules / "licences"
    edit(licences / "zlib.toml", 'section = "condition 2"\n', "")
    (licences / "wtfpl.toml").unlink()
    edit(licences / "isc.toml", "aliases = [", 'aliases = ["Expat", ')
    (licences / "0bsd.toml").write_text("id = \n")
    edit(rules / "recognise.toml", 'id = "coqui-cpml"', 'id = "coqui-cpml-9"')
    report = check_rules(rules)
    assert [problem.kind for problem in report.problems] == [
        "invalid file",
        "fact without a source",
        "Hub licence id without a rule",
        "alias naming two licences",
        "recogniser problem",
    ]
    result = check("--rules-dir", str(rules))
    assert result.exit_code == 1
    assert result.output.splitlines()[-1].startswith(
        "rules check: 5 problem(s): 1 invalid file, 1 fact without a source"
    )


def test_report_groups_by_kind_with_counts(rules):
    edit(rules / "licences" / "mit.toml", 'section = "paragraph 2"\n', "")
    edit(rules / "licences" / "isc.toml", 'checked = "2026-11-25"\n', "")
    output = check("--rules-dir", str(rules)).output
    assert "fact without a source (1):" in output and "licence without a `checked` date (1):" in output
    assert output.splitlines()[-1].startswith("rules check: 2 problem(s): 1 fact without a source, 1 licence without")
