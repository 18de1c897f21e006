"""`--format sarif`: valid SARIF 2.1.0, one rule per code with help, one located result per finding."""

from __future__ import annotations

import ast
import json
import re

import jsonschema
from reportkit import ROOT, SCHEMAS, invoke
from licensecheck.knowledge import load_knowledge
from licensecheck.report._help import HELP

SCHEMA = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text())
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def sarif(path, *args):
    result = invoke("scan", path, "--format", "sarif", *args)
    assert result.exit_code in (0, 1, 3), result.output
    document = json.loads(result.stdout)
    errors = sorted(VALIDATOR.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    return result.exit_code, document


def test_the_schema_is_the_official_one_and_rejects_bad_logs():
    assert SCHEMA["id"].endswith("/sarif-schema-2.1.0.json") and "oasis-open.org" in SCHEMA["id"]
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}
    assert list(VALIDATOR.iter_errors(bad))


def test_every_scan_gives_valid_sarif_with_consistent_rules(scanned):
    path, args = scanned
    _, document = sarif(path, *args)
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
    code, document = sarif(mixed_repo, "--users", "2M")
    assert code == 1
    results = document["runs"][0]["results"]
    cohere = next(r for r in results if r["properties"]["component"] == "CohereForAI/c4ai-command-r-v01")
    assert cohere["ruleId"] == "non-commercial" and cohere["level"] == "error"
    location = cohere["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "models.yaml"
    line = next(i for i, text in enumerate((mixed_repo / "models.yaml").read_text().splitlines(), 1) if "CohereForAI" in text)
    assert location["region"]["startLine"] == line
    assert {r["ruleId"] for r in results if r["properties"]["component"] == "acme/strange"} >= {"licence-unrecognised"}


def test_info_findings_are_notes_and_quiet_drops_them(fake_hub, mixed_repo, tmp_path):
    fake_hub.add_package("either", "1.0", license_expression="MIT OR Apache-2.0")
    (mixed_repo / "requirements.txt").write_text("either==1.0\n")
    _, document = sarif(mixed_repo)
    levels = {r["ruleId"]: r["level"] for r in document["runs"][0]["results"]}
    assert levels["licence-choice"] == "note"
    _, quiet = sarif(mixed_repo, "--quiet")
    assert "licence-choice" not in {r["ruleId"] for r in quiet["runs"][0]["results"]}


def test_a_licence_override_is_a_warning_even_when_quiet(mixed_repo, tmp_path):
    (mixed_repo / "models.yaml").write_text(
        "models:\n  - id: CohereForAI/c4ai-command-r-v01\n    license: apache-2.0\n    reason: bought a licence, LEG-7\n"
    )
    for flags in ((), ("--quiet",)):
        _, document = sarif(mixed_repo, *flags)
        levels = {r["ruleId"]: r["level"] for r in document["runs"][0]["results"]}
        assert levels["licence-override"] == "warning"


def test_locations_are_relative_to_the_repository_root(fake_hub, tmp_path):
    fake_hub.add_model("CohereForAI/c4ai-command-r-v01", {"license": "cc-by-nc-4.0"})
    (tmp_path / ".git").mkdir()
    service = tmp_path / "services" / "chat bot"
    service.mkdir(parents=True)
    (service / "models.yaml").write_text("models:\n  - CohereForAI/c4ai-command-r-v01\n")
    _, document = sarif(service)
    uri = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "services/chat%20bot/models.yaml"


def test_run_notices_are_tool_notifications(mixed_repo):
    _, document = sarif(mixed_repo, "--offline")
    notifications = document["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any(n["descriptor"]["id"] == "offline" for n in notifications)


# -- the help table covers every code the project can emit ---------------------------------


def _codes_in_source() -> set[str]:
    """Codes passed to Finding(...) and the resolvers' problem helpers, read from the source."""
    code = re.compile(r"[a-z]+(-[a-z0-9]+)*")
    found = set()
    for path in (ROOT / "licensecheck").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            candidates = []
            if name == "Finding" and len(node.args) > 1:
                candidates.append(node.args[1])
            if name in ("problem", "_problem", "_ResolveProblem") and node.args:
                candidates.append(node.args[0])
            candidates += [kw.value for kw in node.keywords if kw.arg == "code" and name == "Finding"]
            for arg in candidates:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and code.fullmatch(arg.value):
                    found.add(arg.value)
    return found


def test_every_finding_and_clause_code_has_help():
    clause_codes = {clause.code for rule in load_knowledge().rules for clause in rule.clauses}
    source_codes = _codes_in_source()
    assert {"non-commercial", "hub-not-found", "not-in-lock"} <= clause_codes | source_codes
    missing = sorted((clause_codes | source_codes) - set(HELP))
    assert not missing, f"add help texts to licensecheck/report/_help.py for: {missing}"


def test_a_code_without_help_still_gets_a_rule():
    from licensecheck.report._help import help_for

    title, text = help_for("some-new-code")
    assert title == "Some new code" and text


def test_help_texts_are_sentences():
    for code, (title, text) in HELP.items():
        assert title and title[0].isupper(), code
        assert text.endswith("."), code
