"""The escapes themselves (licensecheck/report/escape.py), value by value."""

from __future__ import annotations

import json

import pytest

from licensecheck.report.escape import command_lines_neutralised, json_text, markdown_text, plain


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("meta-llama/Llama-3.1-8B", "meta-llama/Llama-3.1-8B"),  # ordinary text is left as it is
        ("a\nb\rc\td", "a\\nb\\rc\\td"),
        ("\x1b[8mhidden\x1b[0m", "\\x1b[8mhidden\\x1b[0m"),
        ("\x00\x7f\x9b", "\\x00\\x7f\\x9b"),
        ("\u202eevil\u2066\u2028\ufeff", "\\u202eevil\\u2066\\u2028\\ufeff"),
        ("::error::x", "\\x3a:error::x"),
        ("  ::error::x", "  \\x3a:error::x"),
        ("a ::not at the start", "a ::not at the start"),
        ("x ##[error]y", "x ##\\x5berror]y"),
        ("C:\\Users\\me", "C:\\Users\\me"),  # backslashes are not doubled
        (42, "42"),
    ],
)
def test_plain(text, shown):
    assert plain(text) == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("apache-2.0", "apache-2.0"),
        ("@octocat and @org/team", "`@octocat` and `@org/team`"),
        ("see #123, GH-9 and a/b#4", "see `#123`, `GH-9` and `a/b#4`"),
        ("mail me@example.com", "mail `me@example.com`"),
        ("(https://x.example/a_b?c=d&e) and www.y.example.", "(`https://x.example/a_b?c=d&e`) and `www.y.example`."),
        ("*a* _b_ ~c~ `d` [e](f) <g> & | \\", "\\*a\\* \\_b\\_ \\~c\\~ \\`d\\` \\[e\\](f) &lt;g&gt; &amp; \\| \\\\"),
        ("two\nlines  and   spaces ", "two\\\\nlines and spaces"),
        ("\x1b[8m", "\\\\x1b\\[8m"),
        ("C# and name@v1", "C# and name@v1"),  # no reference, no address
    ],
)
def test_markdown_text(text, shown):
    assert markdown_text(text) == shown


def test_json_text_escapes_as_json_does_and_decodes_to_the_same_value():
    value = {"name": "x\x1b\x9b\u2028\u202e ##[error] é"}
    text = json_text(value)
    assert text == '{\n  "name": "x\\u001b\\u009b\\u2028\\u202e #\\u0023[error] é"\n}\n'
    assert json.loads(text) == value


def test_command_lines_neutralised_touches_only_lines_starting_with_two_colons():
    text = "ok\n  ::error::x\n::warning::y\nnot ::z\n"
    assert command_lines_neutralised(text) == "ok\n  \\x3a:error::x\n\\x3a:warning::y\nnot ::z\n"
