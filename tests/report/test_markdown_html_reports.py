"""`--format markdown` (PR comments, step summaries) and `--format html` (one file for the legal team)."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from reportkit import HOSTILE_NAME, invoke


def render(path, format_name, *args, code: int) -> str:
    """The report of a scan in `format_name`; `code` is the exit code the scan must end with."""
    result = invoke("scan", path, "--format", format_name, *args)
    assert result.exit_code == code, result.output
    return result.stdout


# -- markdown ------------------------------------------------------------------------------


# scanned repository -> the heading's denied, unknown, conditional, allowed (both exit 1: something is denied)
COUNTS = {"demo": ("2", "0", "6", "10"), "mixed": ("1", "1", "3", "3")}


def test_markdown_counts_then_action_then_obligations(scanned, request):
    path, args = scanned
    text = render(path, "markdown", *args, code=1)
    heading = re.match(r"## licensecheck: (\d+) denied, (\d+) unknown, (\d+) conditional, (\d+) allowed\n", text)
    assert heading and heading.groups() == COUNTS[request.node.callspec.params["scanned"]]
    assert text.index("### Needs action") < text.index("### Obligations") < text.index("<details>")
    table = text[text.index("### Needs action") : text.index("### Obligations")]
    assert "CohereForAI/c4ai-command-r-v01" in table and "(non-commercial)" in table
    assert "models.yaml:" in table
    assert "Built with Llama" in text[text.index("### Obligations") :]


def test_markdown_escapes_what_comes_from_model_cards(mixed_repo):
    text = render(mixed_repo, "markdown", "--users", "2M", code=1)
    row = next(line for line in text.splitlines() if "acme/strange" in line and line.startswith("| **unknown**"))
    assert "<script>" not in text and "&lt;script&gt;" in row
    assert row.count(" | ") == 4, "a | in a licence name must not add a column"


def test_markdown_says_an_own_model_is_bound_by_its_ancestors(mixed_repo):
    text = render(mixed_repo, "markdown", "--users", "2M", code=1)
    assert "**acme/support-bot** (own model, bound by its ancestors' licences)\n" in text
    assert (
        "| conditional | model **acme/support-bot** | own model, bound by its ancestors' licences | models.yaml:10 |"
        in text
    )
    assert "not determined" not in text


def test_markdown_quiet_keeps_only_what_needs_action(mixed_repo):
    text = render(mixed_repo, "markdown", "--quiet", code=1)
    assert "### Needs action" in text and "### Obligations" not in text and "<details>" not in text


# -- html ----------------------------------------------------------------------------------


class _Collector(HTMLParser):
    """Tags, attributes and text of a document, to check structure without a browser."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def parse(text: str) -> _Collector:
    collector = _Collector()
    collector.feed(text)
    return collector


def test_html_is_self_contained(scanned):
    path, args = scanned
    text = render(path, "html", *args, code=1)
    document = parse(text)
    for tag, attrs in document.tags:
        assert "src" not in attrs, f"<{tag}> loads {attrs['src']}"
        if tag == "link":
            pytest.fail(f"<link> to {attrs.get('href')}")
        if tag == "a":
            assert attrs["href"].startswith(("https://", "http://")), attrs
    assert "@import" not in text and "url(" not in text
    csp = next(attrs["content"] for tag, attrs in document.tags if attrs.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp


def test_html_lists_each_component_with_its_details(mixed_repo):
    text = render(mixed_repo, "html", "--users", "2M", code=1)
    document = parse(text)
    sections = [attrs for tag, attrs in document.tags if tag == "section"]
    names = {attrs["data-name"]: attrs["data-verdict"] for attrs in sections}
    assert names["cohereforai/c4ai-command-r-v01"] == "denied"
    assert names["qwen/qwen2.5-7b-instruct"] == "allowed"
    assert names["acme/strange"] == "unknown"
    assert len(sections) == 8
    llama = text[text.index('data-name="meta-llama/llama-3.1-8b-instruct"') :]
    llama = llama[: llama.index("</section>")]
    for label in ("Licence", "Verdict", "Obligations", "Sources", "Declared in"):
        assert f"<dt>{label}</dt>" in llama
    assert "Llama 3.1 Community License Agreement" in llama and "Built with Llama" in llama
    bot = text[text.index('data-name="acme/support-bot"') :]
    bot = bot[: bot.index("</section>")]
    assert "<dt>Lineage</dt>" in bot and "meta-llama/Llama-3.1-8B-Instruct" in bot
    # the filter: a button per verdict, and a script that reads them
    buttons = [attrs["data-verdict"] for tag, attrs in document.tags if tag == "button"]
    assert buttons == ["denied", "unknown", "conditional", "allowed"]
    assert "aria-pressed" in "".join(document.scripts)


def test_html_escapes_hostile_card_fields(mixed_repo):
    text = render(mixed_repo, "html", code=1)
    assert HOSTILE_NAME not in text and "<script>alert(1)" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert 'href="javascript:' not in text
    assert len(re.findall(r"<script>", text)) == 1  # ours, and only ours


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed (Debian: apt-get install chromium)")
def test_html_renders_in_headless_chromium(mixed_repo, tmp_path):
    text = render(mixed_repo, "html", "--users", "2M", code=1)
    page = tmp_path / "report.html"
    page.write_text(text, encoding="utf-8")
    shot = tmp_path / "report.png"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={shot}",
        "--window-size=1280,1600",
        page.as_uri(),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 1600)
    # a blank page compresses to almost nothing; the rendered report does not
    assert len(data) > 50_000
    # the DOM after scripts ran: every component is there and the filter script did not fail
    dom = subprocess.run(
        [*command[:-3], "--dump-dom", page.as_uri()], check=True, capture_output=True, timeout=60, text=True
    ).stdout
    assert dom.count('class="component ') == 8
    assert 'id="empty" class="empty" style="display: none;"' in dom
