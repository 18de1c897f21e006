"""Untrusted text in every output: it is shown, never obeyed (licensecheck/report/escape.py).

A pull request controls the scanned tree (file names, models.yaml reasons, the
lock file) and a model card's author controls its fields. Each attack below goes
end to end: a fake Hub card or PyPI entry, or a hostile file name, through a real
scan, to the text a terminal, a job log or a PR comment would show.
"""

from __future__ import annotations

import json
import re

import pytest
from reportkit import invoke

from licensecheck.report.escape import plain

ESC = "\x1b"
# A card field that tries everything at once: a workflow command on a line of its own,
# the runner's older syntax mid-line, a terminal sequence that hides what follows, a
# carriage return that overwrites the line, a right-to-left override, a C1 control,
# and, for PR comments, a mention, an issue reference, a bare URL and emphasis.
HOSTILE = (
    "Evil\n::error file=x::pwned\r##[warning]legacy " + ESC + "[8mhidden" + ESC + "[0m \u202eevil\x9b "
    "@octocat #123 https://evil.example/x *bold* _em_ ~~struck~~"
)
HOSTILE_FILE = "requirements-\n::error::file" + ESC + "[8m.txt"
SHOWN_FILE = "requirements-\\n::error::file\\x1b[8m.txt"  # how the text report shows that name
LOCAL_LINK = "http://127.0.0.1:9/LICENSE"  # a link spdx-tools rejects: not a URL with a domain
# Any control character but the newline ending a line, the separators, the bidi controls.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
TEXT_FORMATS = ("text", "markdown", "html", "spdx")
JSON_FORMATS = ("json", "sarif", "spdx-json", "cyclonedx-json")


@pytest.fixture
def hostile_repo(fake_hub, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    fake_hub.add_model("acme/evil", {"license": "other", "license_name": HOSTILE, "license_link": LOCAL_LINK})
    fake_hub.add_package("requests", "2.32.3", license="MIT\n::error::from PyPI")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "models.yaml").write_text(
        "models:\n  - acme/evil\n"
        '  - id: acme/overridden\n    license: mit\n    reason: "checked\\n::error::override ' + "\\e[8m" + '"\n'
    )
    fake_hub.add_model("acme/overridden", {"license": "cc-by-nc-4.0"})
    (repo / HOSTILE_FILE).write_text("requests==2.32.3\n")
    return repo


def run(*args, code: int):
    """Run a command on the hostile repository; `code` is the exit code it must end with."""
    result = invoke(*args)
    assert result.exit_code == code, result.output
    return result


def assert_inert(text: str) -> None:
    """Nothing a terminal or a GitHub job log would act on: no command, no control character."""
    assert [line for line in text.splitlines() if line.lstrip().startswith("::")] == []
    assert "##[" not in text
    assert RAW.findall(text) == []


@pytest.mark.parametrize("format_name", TEXT_FORMATS + JSON_FORMATS)
def test_no_output_carries_a_command_or_a_control_character(hostile_repo, format_name):
    result = run("scan", hostile_repo, "--timeout", "5", "-v", "--format", format_name, code=3)
    assert result.exit_code == 3
    assert_inert(result.stdout)
    assert_inert(result.stderr)


def test_text_shows_what_was_there_as_visible_escapes(hostile_repo):
    text = run("scan", hostile_repo, "--timeout", "5", "-v", code=3).stdout
    assert f"      declared in {SHOWN_FILE}:1\n" in text
    assert (
        "license_name 'Evil\\n::error file=x::pwned\\r##\\x5bwarning]legacy \\x1b[8mhidden\\x1b[0m \\u202eevil\\x9b "
        "@octocat #123 https://evil.example/x *bold* _em_ ~~struck~~'"
    ) in text
    assert "licence set to 'mit' by an override (reason: 'checked\\n::error::override \\x1b[8m'), replacing" in text
    assert ESC not in text


def test_colour_comes_only_from_the_report(hostile_repo):
    text = run("scan", hostile_repo, "--timeout", "5", "-v", "--color", "always", code=3).stdout
    assert set(re.findall("\x1b.{0,4}", text)) == {"\x1b[33m", "\x1b[32m", "\x1b[0m"}  # the two headings
    assert "\\x1b[8mhidden" in text


def test_markdown_pings_no_one_and_links_nothing(hostile_repo):
    text = run("scan", hostile_repo, "--timeout", "5", "--format", "markdown", code=3).stdout
    assert re.findall(r".?@octocat.?", text) == ["`@octocat`"]
    assert re.findall(r".?#123.?", text) == ["`#123`"]
    assert re.findall(r".?https://evil\.example/x.?", text) == ["`https://evil.example/x`"]
    assert "\\*bold\\* \\_em\\_ \\~\\~struck\\~\\~" in text
    assert f"| {SHOWN_FILE.replace(chr(92), chr(92) * 2).replace('[', chr(92) + '[')}:1 |" in text


@pytest.mark.parametrize("format_name", JSON_FORMATS)
def test_json_formats_keep_the_values_exactly(hostile_repo, format_name):
    document = json.loads(run("scan", hostile_repo, "--timeout", "5", "--format", format_name, code=3).stdout)
    strings = set(_strings(document))
    if format_name == "json":
        assert HOSTILE in strings and HOSTILE_FILE in strings  # JSON's escapes: the very same values
    elif format_name == "spdx-json":  # its text is shown as tag-value too: made inert as there
        assert "Evil\\n::error file=x::pwned\\r##\\x5bwarning]legacy" in "".join(strings)
    elif format_name == "sarif":  # messages quote the name
        assert any("license_name 'Evil\\n::error file=x::pwned\\r##[warning]legacy" in s for s in strings)
    else:
        assert HOSTILE in strings


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_values_from_the_lock_file_are_escaped_too(hostile_repo):
    run("lock", hostile_repo, "--timeout", "5", code=3)
    locked = (hostile_repo / "licensecheck.lock").read_text()
    assert json.loads(locked) and "Evil" in locked
    text = run("scan", hostile_repo, "--offline", "-v", code=3).stdout
    assert "(from card, locked)" in text and "Evil\\n::error file=x::pwned" in text
    assert_inert(text)


@pytest.mark.parametrize(
    ("command", "code", "shown"),
    [
        (["notice"], 3, "acme/evil"),  # both components unknown: the notice says so, and exits 3
        (["explain", "acme/evil", "--path"], 0, "acme/evil"),
        (["explain", "requests", "--path"], 0, SHOWN_FILE),
    ],
)
def test_notice_and_explain_are_inert(hostile_repo, command, code, shown):
    result = run(*command, hostile_repo, code=code)
    assert_inert(result.stdout)
    assert_inert(result.stderr)
    assert shown in result.stdout


# -- SPDX never fails on a card's link -----------------------------------------------------


@pytest.mark.parametrize("link", [LOCAL_LINK, "https://licences.example/##[error]x"])
@pytest.mark.parametrize("format_name", ["spdx-json", "spdx"])
def test_a_link_spdx_rejects_is_left_out_with_a_finding(fake_hub, tmp_path, format_name, link):
    fake_hub.add_model("acme/local", {"license": "other", "license_name": "Acme Licence", "license_link": link})
    (tmp_path / "models.yaml").write_text("models:\n  - acme/local\n")
    result = invoke("scan", tmp_path, "--timeout", "5", "--format", format_name)
    assert result.exit_code == 3, result.output
    finding = (
        f"warning: the link to the text of Acme Licence, {plain(repr(link))}, is left out of this SBOM: "
        "it is not a URL SPDX accepts (spdx-link-dropped)"
    )
    if format_name == "spdx":
        assert finding + "</text>" in result.stdout
        assert "LicenseCrossReference" not in result.stdout
        return
    document = json.loads(result.stdout)
    [package] = document["packages"]
    assert package["comment"].endswith("\n" + finding)
    [licence] = document["hasExtractedLicensingInfos"]
    assert licence["name"] == "Acme Licence" and "seeAlsos" not in licence
    assert licence["extractedText"] == "The text of this licence was not found; see the component's source."
