"""The warm path (licensecheck/fastpath.py), run as a user runs it: a fresh `python -m licensecheck` each time.

A replay must be byte for byte what the full scan printed, with the same exit
code, and anything that could change the result must make the next run a miss.
Each run appends what happened to $LICENSECHECK_FASTPATH_TRACE ("hit",
"miss: why", "stored", "not stored: why"): the tests read it rather than time.
"""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from hashlib import blake2b
from pathlib import Path

import pytest

from licensecheck.report import FORMATS

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "demo"
HEAVY = {"click", "yaml", "packaging", "tomllib", "huggingface_hub", "spdx_tools", "license_expression", "httpx2"}
STORED = ["miss: no recorded run", "stored"]


@dataclass
class Run:
    code: int
    out: bytes
    err: bytes
    trace: list[str]

    @property
    def shown(self) -> tuple[int, bytes, bytes]:
        return self.code, self.out, self.err


class Project:
    """A copy of examples/demo, its own cache directory, and a way to run licensecheck on it."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.dir = base / "demo"
        self.dir.mkdir()
        for name in ("models.yaml", "requirements.txt", "licensecheck.lock"):
            shutil.copy(DEMO / name, self.dir / name)
        self.trace = base / "trace"
        self.cwd = base / "cwd"  # `python -m` imports from the working directory: an empty one
        self.cwd.mkdir()
        self.env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("HF_", "LICENSECHECK_", "HUGGING")) and k not in ("NO_COLOR", "FORCE_COLOR")
        }
        self.env.update(
            LICENSECHECK_CACHE_DIR=str(base / "cache"),
            LICENSECHECK_FASTPATH_TRACE=str(self.trace),
            HF_HOME=str(base / "hf-home"),
            HF_HUB_DISABLE_TELEMETRY="1",
            # Nothing listens there: a run that tried the network would fail at once, never leave loopback.
            HF_ENDPOINT="http://127.0.0.1:9",
            LICENSECHECK_PYPI_URL="http://127.0.0.1:9",
        )
        settle()

    def run(self, *args: str, python: tuple[str, ...] = (), env: dict | None = None, stdout=subprocess.PIPE) -> Run:
        seen = self.traced()
        done = subprocess.run(
            [sys.executable, *python, "-m", "licensecheck", *args],
            env={**self.env, **(env or {})},
            cwd=self.cwd,
            stdout=stdout,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        return Run(done.returncode, done.stdout or b"", done.stderr, self.traced()[len(seen) :])

    def traced(self) -> list[str]:
        return self.trace.read_text().splitlines() if self.trace.exists() else []

    def scan(self, *args: str, **options) -> Run:
        return self.run("scan", str(self.dir), *args, **options)


def settle() -> None:
    """Let files just written age past the window in which a run is not recorded (fastpath.RACY_SECONDS)."""
    time.sleep(0.15)


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path)


def assert_replayed(project: Project, *args: str, **options) -> Run:
    first = project.scan(*args, **options)
    assert first.trace == STORED, (first.trace, first.err.decode(errors="replace"))
    second = project.scan(*args, **options)
    assert second.trace == ["hit"], second.trace
    assert second.shown == first.shown
    return first


FLAG_SETS = [
    (),
    ("--quiet", "--use", "non-commercial", "--distribution", "internal"),
    ("--verbose", "--distribution", "redistribute", "--users", "2M", "--revenue", "5M", "--region", "EU"),
    ("--offline", "--users", "900M"),
]


@pytest.mark.parametrize("flags", FLAG_SETS, ids=lambda flags: " ".join(flags) or "defaults")
@pytest.mark.parametrize("format_name", ["text", "json"])
def test_a_replay_is_byte_for_byte_the_full_scan(project, flags, format_name):
    first = assert_replayed(project, "--format", format_name, *flags)
    assert first.code in (0, 1, 3) and first.out


@pytest.mark.parametrize("format_name", sorted(set(FORMATS) - {"text", "json"}))
def test_every_report_format_replays_identically(project, format_name):
    # A fixed SOURCE_DATE_EPOCH: formats that carry a creation time repeat it exactly.
    assert_replayed(project, "--format", format_name, env={"SOURCE_DATE_EPOCH": "1700000000"})


def test_a_report_carrying_the_time_is_never_replayed(project):
    first = project.scan("--format", "cyclonedx-json")
    assert first.trace == ["miss: no recorded run", "not stored: the report carries the time it was made"]
    assert project.scan("--format", "cyclonedx-json").trace[0].startswith("miss")


def test_an_input_error_is_replayed_with_its_message(project):
    (project.dir / "models.yaml").write_text("models:\n  - id: [not, a, string]\n")
    settle()
    first = assert_replayed(project)
    assert first.code == 2 and b"models.yaml:2" in first.err


def edit_same_size(project: Project) -> None:
    path = project.dir / "requirements.txt"
    text = path.read_text()
    path.write_text(text.replace("numpy==2.5.5", "numpy==2.5.4"))
    assert len(path.read_text()) == len(text)


def add_requirements_file(project: Project) -> None:
    (project.dir / "requirements-dev.txt").write_text("pytest==8.0.0\n")


def remove_requirements_file(project: Project) -> None:
    (project.dir / "requirements.txt").unlink()


def edit_lock(project: Project) -> None:
    path = project.dir / "licensecheck.lock"
    path.write_text(path.read_text().replace('"cc-by-nc-4.0"', '"apache-2.0"'))


def add_config_file(project: Project) -> None:
    (project.dir / "licensecheck.toml").write_text('use = "non-commercial"\n')


def touch_manifest(project: Project) -> None:
    os.utime(project.dir / "models.yaml")  # same bytes, newer time: a miss is the safe answer


@pytest.mark.parametrize(
    "change",
    [edit_same_size, add_requirements_file, remove_requirements_file, edit_lock, add_config_file, touch_manifest],
)
def test_any_changed_input_is_a_miss(project, change):
    first = assert_replayed(project, "--offline", "--format", "json")
    change(project)
    after = project.scan("--offline", "--format", "json")
    assert after.trace[0].startswith("miss: ") and after.trace[0] != "miss: no recorded run"
    if change is not touch_manifest:
        assert after.shown != first.shown


def test_changed_rules_are_a_miss(project):
    rules = project.base / "rules"
    shutil.copytree(ROOT / "rules", rules)
    env = {"LICENSECHECK_RULES_DIR": str(rules)}
    settle()
    first = assert_replayed(project, "--format", "json", env=env)
    path = rules / "licences" / "cc-by-nc-4.0.toml"
    path.write_text(path.read_text() + "\n# reviewed again\n")
    after = project.scan("--format", "json", env=env)
    assert after.trace[0] == f"miss: {path} changed"
    assert after.shown == first.shown  # a comment changes nothing but the file: still the full scan


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("--use", "non-commercial"), {}),
        (("--format", "json"), {}),
        ((), {"NO_COLOR": "1"}),
        ((), {"LICENSECHECK_TODAY": "2030-01-01"}),
        ((), {"HF_ENDPOINT": "http://127.0.0.1:10"}),
        ((), {"SOME_UNRELATED_VARIABLE": "x"}),  # the secret masking reads every variable: a miss
    ],
)
def test_any_other_flag_or_variable_is_a_miss(project, args, env):
    assert_replayed(project)
    assert project.scan(*args, env=env).trace[0].startswith("miss")


def test_a_damaged_recorded_run_is_discarded(project):
    first = assert_replayed(project)
    (entry,) = (project.base / "cache" / "results").iterdir()
    entry.write_bytes(entry.read_bytes().replace(b"DENIED", b"ALLOWED"))
    again = project.scan()
    assert again.trace == STORED and again.shown == first.shown
    assert project.scan().trace == ["hit"]


def test_a_run_that_used_the_network_is_not_recorded(project, fake_hub):
    fake_hub.add_model("org/new-model", {"license": "mit"})
    manifest = project.dir / "models.yaml"
    manifest.write_text(manifest.read_text().replace("models:\n", "models:\n  - org/new-model\n", 1))
    settle()
    env = {"HF_ENDPOINT": fake_hub.url, "LICENSECHECK_PYPI_URL": fake_hub.url}
    assert project.scan(env=env).trace == ["miss: no recorded run", "not stored: used the network"]
    # The answer is now in the metadata cache, whose entries expire: still not recorded.
    cached = project.scan(env=env)
    assert cached.trace == [
        "miss: no recorded run",
        "not stored: answered from the metadata cache, whose answers expire",
    ]
    assert b"org/new-model" in cached.out


def test_writing_the_report_to_a_file_is_not_recorded(project):
    report = project.base / "report.txt"
    first = project.scan("--output", str(report))
    assert first.trace == ["miss: no recorded run", "not stored: wrote a file"]
    report.unlink()
    assert project.scan("--output", str(report)).trace[0] == "miss: no recorded run"
    assert report.read_text().startswith("licensecheck ")


def test_colour_on_a_terminal_is_part_of_the_key(project):
    def scan_on_terminal(env: dict | None = None) -> tuple[bytes, list[str]]:
        leader, follower = pty.openpty()
        try:
            run = project.scan(stdout=follower, env=env)
            os.close(follower)
            follower = -1
            out = b""
            while True:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                out += chunk
            return out, run.trace
        finally:
            os.close(leader)
            if follower >= 0:
                os.close(follower)

    first, trace = scan_on_terminal()
    assert trace == STORED and b"\x1b[31m" in first
    second, trace = scan_on_terminal()
    assert trace == ["hit"] and second == first
    plain, trace = scan_on_terminal({"NO_COLOR": "1"})
    assert trace[0] == "miss: no recorded run" and b"\x1b[" not in plain
    piped = project.scan()
    assert piped.trace == STORED and b"\x1b[" not in piped.out


def imported_modules(stderr: bytes) -> set[str]:
    modules = set()
    for line in stderr.decode(errors="replace").splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            modules.add(line.rsplit("|", 1)[1].strip())
    return modules


def test_the_warm_path_imports_nothing_heavy(project):
    python = ("-X", "importtime")
    assert project.scan(python=python).trace == STORED
    warm = project.scan(python=python)
    assert warm.trace == ["hit"]
    modules = imported_modules(warm.err)
    assert "licensecheck.fastpath" in modules
    assert {m for m in modules if m.split(".")[0] in HEAVY} == set()
    assert {m for m in modules if m.startswith("licensecheck")} == {
        "licensecheck",
        "licensecheck.cli",
        "licensecheck.fastpath",
        "licensecheck.cachedir",
        "licensecheck.signals",
    }


def test_importing_the_command_line_does_not_import_click():
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import licensecheck.cli"], capture_output=True, timeout=60
    )
    modules = imported_modules(done.stderr)
    assert "licensecheck.cli" in modules and "click" not in modules


def test_the_no_cache_switch_turns_the_warm_path_off(project):
    env = {"LICENSECHECK_NO_CACHE": "1"}
    assert project.scan(env=env).trace == []
    assert project.scan(env=env).trace == []
    assert not (project.base / "cache").exists()


@pytest.mark.parametrize(
    ("payload", "code", "said"),
    [
        # A broken spdx-tools install: the run ends in exit 2, "internal error"; a replay
        # must never turn that into a pass.
        ('raise RuntimeError("a broken install")\n', 2, b"internal error (RuntimeError)"),
        # Ctrl-C while the report is written: exit 130, and the next run is a full scan again.
        ("raise KeyboardInterrupt\n", 130, b"licensecheck: interrupted\n"),
    ],
    ids=["internal error", "interrupt"],
)
def test_a_run_that_did_not_end_with_its_own_exit_code_is_never_recorded(project, payload, code, said):
    broken = project.base / "broken"
    (broken / "spdx_tools").mkdir(parents=True)
    (broken / "spdx_tools" / "__init__.py").write_text(payload)
    settle()
    env = {"PYTHONPATH": str(broken)}
    first = project.scan("--format", "spdx-json", env=env)
    assert first.code == code and said in first.err
    assert first.trace == ["miss: no recorded run", "not stored: the run did not end with its own exit code"]
    second = project.scan("--format", "spdx-json", env=env)
    assert second.shown == first.shown and second.trace == first.trace


def test_a_recorded_run_forged_with_its_public_digest_recomputed_is_not_replayed(project):
    first = assert_replayed(project)
    assert first.code == 1
    (entry,) = (project.base / "cache" / "results").iterdir()
    head, _, body = entry.read_bytes().partition(b"\n")
    body = body.replace(b"DENIED", b"ALLOWED").replace(b'"exit": 1', b'"exit": 0')
    header = json.loads(head)
    header["digest"] = blake2b(body, digest_size=20).hexdigest()  # what anyone can compute, without the key
    entry.write_bytes(json.dumps(header).encode() + b"\n" + body)
    again = project.scan()
    assert again.trace == STORED and again.shown == first.shown


def test_a_recorded_run_from_another_cache_is_not_replayed(project):
    first = assert_replayed(project)
    (project.base / "cache" / "key").unlink()  # as if someone else's cache: their entries, not our key
    again = project.scan()
    assert again.trace[0] == "miss: no recorded run" and again.shown == first.shown


def test_no_cache_on_the_command_line_neither_replays_nor_records(project):
    assert_replayed(project)
    assert project.scan("--no-cache").trace == []
    assert project.scan("--no-cache").trace == []


# -- the mechanism, contained ------------------------------------------------------------------


def _interpreter_state() -> tuple:
    environ = type(os.environ)
    return (os.stat, os.lstat, os.scandir, environ.__getitem__, environ.__iter__, sys.stdout, sys.stderr, sys.stdin)


def test_the_interpreter_is_patched_only_while_the_command_runs(monkeypatch, tmp_path):
    from licensecheck import fastpath

    monkeypatch.setenv("LICENSECHECK_FASTPATH_TRACE", str(tmp_path / "trace"))
    before = _interpreter_state()
    during = []

    def command() -> int:
        during.append([now is then for now, then in zip(_interpreter_state(), before)])
        return 0

    def failing() -> int:
        raise RuntimeError("a bug")

    assert fastpath.recorded(["scan", str(tmp_path)], command) == 0
    assert during == [[False] * len(before)]
    assert _interpreter_state() == before
    with pytest.raises(RuntimeError):
        fastpath.recorded(["scan", str(tmp_path)], failing)
    assert _interpreter_state() == before
    assert (tmp_path / "trace").read_text().splitlines() == [
        "stored",
        "not stored: the run did not end with its own exit code",
    ]
    # A command the warm path does not serve runs as it is.
    assert fastpath.recorded(["lock", str(tmp_path)], lambda: 3) == 3 and _interpreter_state() == before


def test_a_module_says_its_output_is_not_repeatable_without_knowing_who_listens(monkeypatch, tmp_path):
    from licensecheck import fastpath
    from licensecheck.signals import not_repeatable

    monkeypatch.setenv("LICENSECHECK_FASTPATH_TRACE", str(tmp_path / "trace"))

    def command() -> int:
        not_repeatable("the answer expires")
        not_repeatable("a second reason")
        return 1

    assert fastpath.recorded(["scan", str(tmp_path)], command) == 1
    not_repeatable("no one records now: nothing happens")
    assert (tmp_path / "trace").read_text().splitlines() == ["not stored: the answer expires"]


def test_only_the_command_line_knows_the_warm_path():
    """cache.py, report/ and the rest raise signals (signals.py); only cli.py calls fastpath.py."""
    import ast

    package = ROOT / "licensecheck"
    importers = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = {node.module or ""} | {f"{node.module or ''}.{a.name}".lstrip(".") for a in node.names}
            elif isinstance(node, ast.Import):
                names = {a.name for a in node.names}
            else:
                continue
            if any(name.split(".")[-1] == "fastpath" for name in names):
                importers.add(path.relative_to(package).as_posix())
    assert importers == {"cli.py"}


def test_a_run_is_not_replayed_once_git_tracks_a_file_gitignore_skipped(project):
    # Tracked files are walked whatever .gitignore says (gitindex.py): the index is an input.
    def git(*args: str) -> None:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        subprocess.run(["git", *args], cwd=project.dir, env=env, check=True, capture_output=True)

    (project.dir / ".gitignore").write_text("scripts/\n")
    (project.dir / "scripts").mkdir()
    (project.dir / "scripts" / "run.sh").write_text('python run.py --model_path "openbmb/MiniCPM4-Survey"\n')
    git("init", "-q")
    git("add", ".")
    settle()
    first = assert_replayed(project, "--offline", "--format", "json")
    git("add", "-f", "scripts/run.sh")  # only the index changes
    settle()
    after = project.scan("--offline", "--format", "json")
    assert after.trace[0].startswith("miss: ") and after.trace[0] != "miss: no recorded run"
    assert b"openbmb/MiniCPM4-Survey" in after.out and b"openbmb/MiniCPM4-Survey" not in first.out
