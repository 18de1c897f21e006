"""Keep secrets out of everything licensecheck prints or writes.

The first defence is to never put a token anywhere: findings are written in our
own words, never in the HTTP client's (whose messages can carry URLs and
headers). This module is the safety net behind it: `redact(text)` replaces every
known secret value with `***`, and it is applied where text leaves the program:
the report (stdout or `--output`), error messages, `LICENSECHECK_DEBUG=1`
tracebacks, the lock file and any other text written through
`fsutil.write_atomically`.

Known secrets are read afresh on each call (cheap: the environment and two
small files), so a token set after start-up is still caught:

- `HF_TOKEN` and every environment variable whose name says it holds a secret
  (`*TOKEN*`, `*SECRET*`, `*PASSWORD*`, `*API_KEY*`...), except `*_PATH`/`*_FILE`/`*_DIR`;
- the token files `huggingface_hub` reads: `HF_TOKEN_PATH` (default
  `$HF_HOME/token`, i.e. `~/.cache/huggingface/token`) and `stored_tokens` beside it;
- the user name and password of URLs in the environment (a private index such as
  `https://user:secret@pypi.example/simple`);
- anything shaped like a Hugging Face access token (`hf_` and 30+ letters/digits).

Values shorter than 8 characters are not treated as secrets: masking "1" or
"true" everywhere would only garble the report.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

MASK = "***"
MIN_SECRET_LENGTH = 8
_SECRET_NAME = re.compile(r"TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL", re.I)
_NOT_A_SECRET_NAME = re.compile(r"_(PATH|FILE|DIR)$", re.I)
_HF_TOKEN_SHAPE = re.compile(r"\bhf_[A-Za-z0-9]{30,}")
_MAX_TOKEN_FILE = 64 * 1024


def secret_values(environ: dict[str, str] | None = None) -> set[str]:
    """Every value that must never appear in output, as found now."""
    env = os.environ if environ is None else environ
    found: set[str] = set()
    for name, value in env.items():
        if _SECRET_NAME.search(name) and not _NOT_A_SECRET_NAME.search(name):
            found.add(value.strip())
        if "://" in value and "@" in value:
            found.update(_url_credentials(value))
    for path in _token_files(env):
        found.update(_read_token_file(path))
    return {value for value in found if len(value) >= MIN_SECRET_LENGTH}


def redact(text: str, secrets: set[str] | None = None) -> str:
    """`text` with every secret (as is, JSON-escaped or URL-quoted) replaced by `***`.

    A part of a secret is masked too when it is its first 8 characters or more:
    messages and tracebacks cut long values short (`hf_abcdefgh...`).
    """
    values = secret_values() if secrets is None else secrets
    forms = set()
    for value in values:
        forms.update(
            {value, json.dumps(value, ensure_ascii=False)[1:-1], json.dumps(value)[1:-1], quote(value, safe="")}
        )
    for form in sorted((f for f in forms if len(f) >= MIN_SECRET_LENGTH), key=len, reverse=True):
        text = _mask_prefixes(text, form)
    return _HF_TOKEN_SHAPE.sub(MASK, text)


def _mask_prefixes(text: str, secret: str) -> str:
    """`text` with each run that begins like `secret` (its first MIN_SECRET_LENGTH characters or more) masked."""
    head = secret[:MIN_SECRET_LENGTH]
    start = text.find(head)
    while start != -1:
        end = start + len(head)
        while end - start < len(secret) and end < len(text) and text[end] == secret[end - start]:
            end += 1
        text = text[:start] + MASK + text[end:]
        start = text.find(head, start + len(MASK))
    return text


# Control characters, except newline, tab and, when the output is coloured on purpose,
# the colour codes (SGR: ESC [ digits m) the text report paints with: anything else
# could move the cursor, retitle the terminal or hide text. Renderers escape quoted
# input themselves (report/escape.py); this is the net behind them.
_UNSAFE_CONTROL = re.compile(r"\x1b(?!\[[0-9;]*m)|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f]")
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe_for_terminal(text: str, *, colours: bool = False) -> str:
    """`text` with every control character but newline and tab (and colour codes, with `colours`) shown escaped (`\\x1b`)."""
    unsafe = _UNSAFE_CONTROL if colours else _ANY_CONTROL
    return unsafe.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def _url_credentials(value: str) -> set[str]:
    found: set[str] = set()
    for word in value.split():
        try:
            parts = urlsplit(word)
            found.update(part for part in (parts.username, parts.password) if part)
        except ValueError:
            continue
    return found


def _token_files(env) -> list[Path]:
    """Where huggingface_hub looks for a saved token (same rules as its `constants`)."""
    if env.get("HF_TOKEN_PATH"):
        token = Path(env["HF_TOKEN_PATH"]).expanduser()
    else:
        cache = env.get("XDG_CACHE_HOME") or os.path.join("~", ".cache")
        home = env.get("HF_HOME") or os.path.join(cache, "huggingface")
        token = Path(home).expanduser() / "token"
    return [token, token.parent / "stored_tokens"]


def _read_token_file(path: Path) -> set[str]:
    """The token in `token` (the whole file), or every `name = value` value in `stored_tokens` (INI)."""
    try:
        with path.open("rb") as handle:
            text = handle.read(_MAX_TOKEN_FILE).decode("utf-8", errors="replace")
    except OSError:
        return set()
    if path.name != "stored_tokens":
        return {text.strip()}
    values = set()
    for line in text.splitlines():
        name, equals, value = line.partition("=")
        if equals and not name.strip().startswith(("#", ";", "[")):
            values.add(value.strip())
    return values
