"""`--format sarif`: valid SARIF 2.1.0, one rule per code with help, one located result per finding."""

from __future__ import annotations

import json

import jsonschema
from reportkit import SCHEMAS, invoke

from licensecheck.findings import REGISTRY, help_for
from licensecheck.knowledge import CLAUSE_HELP_FILE, load_clause_help, rules_dir
from licensecheck.model import Severity

SCHEMA = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text())
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def sarif(path, *args, code: int) -> dict:
    """The SARIF of a scan, checked against the SARIF schema; `code` is the exit code the scan must end with."""
    result = invoke("scan", path, "--format", "sarif", *args)
    assert result.exit_code == code, result.output
    document = json.loads(result.stdout)
    errors = sorted(VALIDATOR.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    return document


def test_the_schema_is_the_official_one_and_rejects_bad_logs():
    assert SCHEMA["id"].endswith("/sarif-schema-2.1.0.json") and "oasis-open.org" in SCHEMA["id"]
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    bad = {
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}],
    }
    assert list(VALIDATOR.iter_errors(bad))


def test_every_scan_gives_valid_sarif_with_consistent_rules(scanned):
    path, args = scanned
    document = sarif(path, *args, code=1)
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids))
    for rule in rules:
        assert rule["help"]["text"] and rule["shortDescription"]["text"]
    assert run["results"], "both repositories have denied components"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        assert result["partialFingerprints"]["licensecheck/v1"]


def test_results_point_at_the_declaring_line(mixed_repo):
    document = sarif(mixed_repo, "--users", "2M", code=1)
    results = document["runs"][0]["results"]
    cohere = next(r for r in results if r["properties"]["component"] == "CohereForAI/c4ai-command-r-v01")
    assert cohere["ruleId"] == "non-commercial" and cohere["level"] == "error"
    location = cohere["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "models.yaml"
    line = next(
        i for i, text in enumerate((mixed_repo / "models.yaml").read_text().splitlines(), 1) if "CohereForAI" in text
    )
    assert location["region"]["startLine"] == line
    assert {r["ruleId"] for r in results if r["properties"]["component"] == "acme/strange"} == {
        "licence-file-missing",
        "licence-unrecognised",
    }


def test_info_findings_are_notes_and_quiet_drops_them(fake_hub, mixed_repo, tmp_path):
    fake_hub.add_package("either", "1.0", license_expression="MIT OR Apache-2.0")
    (mixed_repo / "requirements.txt").write_text("either==1.0\n")
    document = sarif(mixed_repo, code=1)
    levels = {r["ruleId"]: r["level"] for r in document["runs"][0]["results"]}
    assert levels["licence-choice"] == "note"
    quiet = sarif(mixed_repo, "--quiet", code=1)
    assert "licence-choice" not in {r["ruleId"] for r in quiet["runs"][0]["results"]}


def test_a_licence_override_is_a_warning_even_when_quiet(mixed_repo, tmp_path):
    (mixed_repo / "models.yaml").write_text(
        "models:\n  - id: CohereForAI/c4ai-command-r-v01\n    license: apache-2.0\n    reason: bought a licence, LEG-7\n"
    )
    for flags in ((), ("--quiet",)):
        document = sarif(mixed_repo, *flags, code=0)  # the override allows the only model
        levels = {r["ruleId"]: r["level"] for r in document["runs"][0]["results"]}
        assert levels["licence-override"] == "warning"


def test_locations_are_relative_to_the_repository_root(fake_hub, tmp_path):
    fake_hub.add_model("CohereForAI/c4ai-command-r-v01", {"license": "cc-by-nc-4.0"})
    (tmp_path / ".git").mkdir()
    service = tmp_path / "services" / "chat bot"
    service.mkdir(parents=True)
    (service / "models.yaml").write_text("models:\n  - CohereForAI/c4ai-command-r-v01\n")
    document = sarif(service, code=1)
    uri = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "services/chat%20bot/models.yaml"


def test_run_notices_are_tool_notifications(mixed_repo):
    document = sarif(mixed_repo, "--offline", code=3)  # no lock: every component unknown
    notifications = document["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["descriptor"]["id"] for n in notifications] == ["offline"]


# -- rules and their help come from the registry of codes --------------------------------------


def test_the_rules_are_the_codes_of_the_results_with_the_registrys_text(scanned):
    path, args = scanned
    run = sarif(path, *args, code=1)["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert set(rules) == {result["ruleId"] for result in run["results"]}
    clause_help = load_clause_help(rules_dir() / CLAUSE_HELP_FILE)
    for code, rule in rules.items():
        title, text = (REGISTRY[code].title, REGISTRY[code].help) if code in REGISTRY else clause_help[code]
        assert (rule["shortDescription"]["text"], rule["fullDescription"]["text"]) == (title, text)
        assert rule["help"] == {"text": text, "markdown": f"**{title}**\n\n{text}"}
    rank = {"note": 0, "warning": 1, "error": 2}
    for result in run["results"]:  # no code is raised more severe than its entry says
        if result["ruleId"] in REGISTRY:
            assert rank[result["level"]] <= rank[SARIF_LEVEL[REGISTRY[result["ruleId"]].severity]], result["ruleId"]
    # one program code and one clause code at least, so both sources of help are exercised
    assert (
        set(rules)
        == {
            ("--offline",): {"licence-recognised", "non-commercial"},  # the demo
            ("--users", "2M"): {"licence-file-missing", "licence-unrecognised", "non-commercial"},
        }[args]
    )


SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def test_a_code_without_help_still_gets_a_rule():
    title, text = help_for("some-new-code")
    assert title == "Some new code" and text == "Some new code: see the message and the licence section it cites."
