"""Tokens never leave the program: not in stdout, stderr, any report format, the lock file or the cache.

Sentinel secrets sit where real ones do (HF_TOKEN, the token file in HF_HOME, an
unrelated `*_API_KEY`), and the fake Hub baits every fault with them: error
bodies and headers, a card's licence name and link, a PyPI licence text. The
findings must never quote the client's messages; where they quote what a
server or an input file said, the redaction net (licensecheck/redact.py) must
mask the secret.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from faults import build_faulty_tree

from licensecheck.cli import main
from licensecheck.redact import MASK, redact, secret_values
from licensecheck.report import FORMATS

ENV_TOKEN = "lcSentinelEnvToken7a9b3c1d"
FILE_TOKEN = "lcSentinelFileToken4d5e6f2a"
API_KEY = "lcSentinelApiKey1x2y3z9w"
SECRETS = (ENV_TOKEN, FILE_TOKEN, API_KEY)
BAIT = f"token={ENV_TOKEN} file={FILE_TOKEN} key={API_KEY} Authorization: Bearer {ENV_TOKEN}"


@pytest.fixture
def secrets_everywhere(fake_hub, tmp_path, monkeypatch):
    """HF_TOKEN, a saved token file and an API key set; a tree whose every fault is baited with them."""
    hf_home = tmp_path / "hf-home"
    hf_home.mkdir(exist_ok=True)
    (hf_home / "token").write_text(FILE_TOKEN + "\n")
    monkeypatch.setenv("HF_HOME", str(hf_home))
    monkeypatch.setenv("HF_TOKEN", ENV_TOKEN)
    monkeypatch.setenv("ACME_API_KEY", API_KEY)
    project = tmp_path / "project"
    project.mkdir()
    tree = build_faulty_tree(fake_hub, project, bait=BAIT)
    # What a hostile or careless server could echo back, quoted by our findings.
    fake_hub.add_model(
        "org/echo",
        {
            "license": "other",
            "license_name": f"licence-{ENV_TOKEN}",
            "license_link": f"https://example.org/{FILE_TOKEN}?k={API_KEY}",
        },
    )
    fake_hub.add_package("echolib", "1.0", license=f"Proprietary, key {API_KEY}\n\nAll rights reserved {ENV_TOKEN}.")
    fake_hub.add_model("org/new-name", {"license": "mit"})
    fake_hub.add_rename("org/old-name", "org/new-name")
    with (tree / "models.yaml").open("a") as manifest:
        manifest.write("  - org/echo\n  - org/old-name\n")
    with (tree / "requirements.txt").open("a") as requirements:
        requirements.write("echolib\n")
    return tree


def assert_no_secret(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret} leaked into {where}"


def files_under(path: Path) -> list[Path]:
    return [p for p in path.rglob("*") if p.is_file()] if path.exists() else []


@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_no_report_format_leaks_a_secret(secrets_everywhere, fake_hub, retry_clock, tmp_path, format_name):
    result = CliRunner().invoke(
        main, ["scan", str(secrets_everywhere), "--format", format_name, "--timeout", "0.5", "--retry-budget", "0"]
    )
    assert result.exit_code == 3, result.output
    assert_no_secret(result.stdout, f"{format_name} on stdout")
    assert_no_secret(result.stderr, "stderr")
    # The bait did reach the report, masked: the net is what stopped it.
    assert MASK in result.stdout
    # The token was really in play: the client sent it to the (fake) Hub.
    assert any(h.get("authorization") == f"Bearer {ENV_TOKEN}" for h in fake_hub.seen_headers)
    for path in files_under(tmp_path / "licensecheck-cache"):
        assert_no_secret(path.read_text(errors="replace"), f"cache file {path.name}")


def test_report_file_lock_file_and_lock_messages_leak_nothing(secrets_everywhere, retry_clock, tmp_path):
    out = tmp_path / "report.json"
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "scan",
            str(secrets_everywhere),
            "--format",
            "json",
            "-o",
            str(out),
            "--timeout",
            "0.5",
            "--retry-budget",
            "0",
        ],
    )
    assert result.exit_code == 3
    assert_no_secret(out.read_text(), "--output file")
    result = runner.invoke(main, ["lock", str(secrets_everywhere), "--timeout", "0.5", "--retry-budget", "0"])
    assert result.exit_code == 3 and "org/not-json" in result.stderr
    assert_no_secret(result.output, "lock's messages")
    lock_text = (secrets_everywhere / "licensecheck.lock").read_text()
    assert_no_secret(lock_text, "the lock file")
    assert "org/echo" in lock_text and MASK in lock_text  # locked, with the echoed secret masked
    result = runner.invoke(main, ["scan", str(secrets_everywhere), "--offline", "--format", "json"])
    assert_no_secret(result.output, "an offline scan")
    for path in files_under(tmp_path / "licensecheck-cache"):
        assert_no_secret(path.read_text(errors="replace"), f"cache file {path.name}")


def test_the_saved_token_file_is_used_and_never_shown(fake_hub, tmp_path, monkeypatch):
    hf_home = tmp_path / "hf-home"
    hf_home.mkdir(exist_ok=True)
    (hf_home / "token").write_text(FILE_TOKEN)
    monkeypatch.setenv("HF_HOME", str(hf_home))
    monkeypatch.setenv("HF_TOKEN_PATH", str(hf_home / "token"))
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_TOKEN_PATH", str(hf_home / "token"))
    fake_hub.add_fault("org/private", status=401, headers={"X-Error-Message": f"bad token {FILE_TOKEN}"})
    fake_hub.add_model("org/echo", {"license": "other", "license_name": FILE_TOKEN})
    (tmp_path / "models.yaml").write_text("models:\n  - org/private\n  - org/echo\n")
    result = CliRunner().invoke(main, ["scan", str(tmp_path), "-v"])
    assert result.exit_code == 3
    assert any(h.get("authorization") == f"Bearer {FILE_TOKEN}" for h in fake_hub.seen_headers)
    assert FILE_TOKEN not in result.output and MASK in result.stdout


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("requirements.txt", f"{ENV_TOKEN} !! @@\n"),
        ("requirements.txt", f"-r {ENV_TOKEN}.txt\n"),
        ("models.yaml", f"models:\n  - 'org/{ENV_TOKEN}!'\n"),
        ("models.yaml", f"models:\n  - id: org/a\n    {ENV_TOKEN}: 1\n"),
        ("pyproject.toml", f"[project]\nname = 'x'\ndependencies = ['{ENV_TOKEN} !!']\n"),
    ],
)
def test_input_errors_quoting_a_secret_mask_it(fake_hub, tmp_path, monkeypatch, name, text):
    monkeypatch.setenv("HF_TOKEN", ENV_TOKEN)
    (tmp_path / name).write_text(text)
    result = CliRunner().invoke(main, ["scan", str(tmp_path)])
    assert result.exit_code == 2 and f"{name}:" in result.stderr
    assert ENV_TOKEN not in result.output and MASK in result.stderr
    assert fake_hub.requests == []


# -- the redaction net itself -------------------------------------------------------------------


def test_known_secrets(tmp_path):
    (tmp_path / "token").write_text(f"{FILE_TOKEN}\n")
    (tmp_path / "stored_tokens").write_text(f"[work]\nhf_token = {API_KEY}\n")
    env = {
        "HF_TOKEN": ENV_TOKEN,
        "HF_HOME": str(tmp_path),
        "GITHUB_TOKEN": "ghp_abcdefghijkl",
        "PIP_INDEX_URL": "https://alice:s3cretpassw0rd@pypi.example/simple",
        "SHORT_TOKEN": "1",  # too short to be a secret: masking it would garble everything
        "HF_TOKEN_PATH_UNUSED_DIR": "/tmp/not-a-secret",
        "HOME": "/home/alice",
    }
    assert secret_values(env) == {ENV_TOKEN, FILE_TOKEN, API_KEY, "ghp_abcdefghijkl", "s3cretpassw0rd"}


def test_every_text_file_written_masks_known_secrets(tmp_path, monkeypatch):
    """The lock, a baseline and a configuration all go through fsutil.write_atomically: one writer, one net."""
    from licensecheck.fsutil import write_atomically

    monkeypatch.setenv("HF_TOKEN", ENV_TOKEN)
    write_atomically(tmp_path / "written.txt", f'licence_name = "see {ENV_TOKEN}"\n')
    assert (tmp_path / "written.txt").read_text() == f'licence_name = "see {MASK}"\n'


def test_redact_masks_plain_json_escaped_and_url_quoted_forms():
    secret = 'p@ss"word/with\\odd'
    text = f"a {secret} b {secret.replace(chr(92), chr(92) * 2).replace(chr(34), chr(92) + chr(34))} c p%40ss%22word%2Fwith%5Codd"
    assert redact(text, {secret}) == f"a {MASK} b {MASK} c {MASK}"


def test_redact_masks_anything_shaped_like_a_hub_token():
    token = "hf_" + "a1B2c3D4e5" * 4
    assert redact(f"leaked {token}!", set()) == f"leaked {MASK}!"
    assert redact("hf_short and hf_hub_download", set()) == "hf_short and hf_hub_download"


def test_an_unreachable_endpoint_with_credentials_in_its_url_leaks_nothing(fake_hub, tmp_path, monkeypatch):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("HF_TOKEN", ENV_TOKEN)
    monkeypatch.setenv("HF_ENDPOINT", f"http://robot:{API_KEY}@127.0.0.1:{port}")
    monkeypatch.setenv("LICENSECHECK_PYPI_URL", f"http://robot:{FILE_TOKEN}@127.0.0.1:{port}")
    (tmp_path / "models.yaml").write_text("models:\n  - org/a\n")
    (tmp_path / "requirements.txt").write_text("lib\n")
    for command in (["scan", str(tmp_path), "--format", "json"], ["lock", str(tmp_path)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 3
        assert "could not" in result.output
        assert_no_secret(result.output, " ".join(command[:1]))


def test_redact_masks_a_secret_cut_short_to_8_characters_or_more():
    text = f"cut {ENV_TOKEN[:8]}... longer {ENV_TOKEN[:15]}, whole {ENV_TOKEN}, too short {ENV_TOKEN[:7]}"
    assert redact(text, {ENV_TOKEN}) == f"cut {MASK}... longer {MASK}, whole {MASK}, too short {ENV_TOKEN[:7]}"


def test_a_debug_traceback_goes_through_the_same_filter(tmp_path):
    """LICENSECHECK_DEBUG=1 prints the traceback of an internal error: masked and escaped like any output."""
    import os
    import subprocess
    import sys

    broken = tmp_path / "broken" / "spdx_tools"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text(
        f'raise RuntimeError("token {ENV_TOKEN} cut {ENV_TOKEN[:10]}...\\n::error::pwned \\x1b[8mhidden")\n'
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "LICENSECHECK_"))}
    env.update(
        PYTHONPATH=str(broken.parent),
        HF_TOKEN=ENV_TOKEN,
        LICENSECHECK_DEBUG="1",
        LICENSECHECK_NO_CACHE="1",
        HF_ENDPOINT="http://127.0.0.1:9",
        LICENSECHECK_PYPI_URL="http://127.0.0.1:9",
    )
    demo = Path(__file__).resolve().parent.parent / "examples" / "demo"
    done = subprocess.run(
        [sys.executable, "-m", "licensecheck", "scan", str(demo), "--offline", "--format", "spdx-json"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("Traceback (most recent call last):\n")
    assert done.stderr.endswith(f"RuntimeError: token {MASK} cut {MASK}...\n\\x3a:error::pwned \\x1b[8mhidden\n")
    assert ENV_TOKEN[:8] not in done.stderr
