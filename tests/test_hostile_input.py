"""Hostile and malformed input: never a crash, never a request built from an unvalidated name.

Property-based (hypothesis) over the four input kinds, plus the known attacks:
huge files, devices and pipes, alias bombs, deep nesting, include cycles,
symbolic links out of the scanned tree, hostile repository ids. The outcome is
always exit 0/1/3 with valid components, or exit 2 with `file[:line]: message`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from cli_helpers import scan
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licensecheck.errors import InputError, LicensecheckError
from licensecheck.model import PACKAGE, is_valid_repo_id
from licensecheck.sources.common import MAX_INPUT_BYTES
from licensecheck.sources.inputs import collect_inputs

ROOT = Path(__file__).resolve().parents[1]
INPUT_NAMES = ("models.yaml", "requirements.txt", "pyproject.toml", "setup.cfg")
FUZZ = settings(
    max_examples=40,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
FUZZ_SCANS = settings(
    max_examples=15,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
_PEP503_NAME = re.compile(r"^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$")
_UNSAFE_OUTPUT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Pieces that break naive parsers and naive URL building.
NASTY = st.sampled_from(
    [
        "..",
        "../..",
        "%2F",
        "%2e%2e",
        "/",
        "//",
        " ",
        "\t",
        "\x00",
        "\x1b[2J",
        "\u202e",
        "\r",
        "\\",
        "?",
        "#",
        "@",
        ":",
        "a" * 97,
        "é",
        "--",
        "-",
        ".",
        "~",
        "$HOME",
        "${HF_TOKEN}",
        "&",
        "*",
        "!!python/object",
        "\ufeff",
    ]
)
ID_LIKE = st.lists(st.one_of(NASTY, st.from_regex(r"[A-Za-z0-9_.-]{1,8}", fullmatch=True)), min_size=1, max_size=6).map(
    "".join
)


def read_tree(files: dict[str, bytes]) -> tuple[str, object]:
    """("ok", Inputs) or ("error", message) for a fresh tree holding `files`; anything else propagates."""
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        for name, data in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)
        try:
            return "ok", collect_inputs(root)
        except LicensecheckError as error:
            return "error", str(error)


def assert_sane(outcome: tuple[str, object], names) -> None:
    kind, value = outcome
    if kind == "error":
        assert re.match(r"^(" + "|".join(re.escape(n) for n in names) + r")(:\d+)?: \S", value), value
        return
    for component in value.components:
        if component.type == PACKAGE:
            assert component.direct_reference or _PEP503_NAME.match(component.name), component
        elif not component.own:
            assert is_valid_repo_id(component.name), component
            revision = component.revision
            assert revision is None or (".." not in revision and revision.isprintable() and " " not in revision)


# -- property-based: each reader, from raw bytes and from near-valid text ----------------------------


@FUZZ
@given(name=st.sampled_from(INPUT_NAMES), data=st.binary(max_size=400))
def test_random_bytes(name, data):
    assert_sane(read_tree({name: data}), [name])


@FUZZ
@given(
    name=st.sampled_from(INPUT_NAMES),
    text=st.text(max_size=300),
    encoding=st.sampled_from(["utf-16", "utf-32", "latin-1", "cp1252", "utf-8"]),
)
def test_text_in_any_encoding(name, text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", errors="surrogatepass")
    assert_sane(read_tree({name: data}), [name])


YAML_PIECES = st.sampled_from(
    [
        "models:",
        "datasets:",
        "\n",
        "  - ",
        "- ",
        "id: ",
        "revision: ",
        "license: ",
        "reason: ",
        "own: true",
        "base_model: ",
        "relation: ",
        "&a ",
        "*a",
        "<<: *a",
        "[",
        "]",
        "{",
        "}",
        ", ",
        ": ",
        "'",
        '"',
        "!!python/name:os.system",
        "? ",
        "|",
        ">",
        "~",
        "null",
        "1.0",
        "0x1F",
        "    ",
        "#",
        "---",
        "...",
    ]
)


@FUZZ
@given(pieces=st.lists(st.one_of(YAML_PIECES, ID_LIKE), max_size=40))
def test_near_yaml_manifests(pieces):
    assert_sane(read_tree({"models.yaml": "".join(pieces).encode("utf-8", "surrogatepass")}), ["models.yaml"])


@FUZZ
@given(
    entries=st.lists(st.fixed_dictionaries({"id": ID_LIKE}, optional={"revision": ID_LIKE}), max_size=5),
    datasets=st.lists(ID_LIKE, max_size=3),
)
def test_manifests_with_hostile_ids_and_revisions(entries, datasets):
    import yaml

    text = yaml.safe_dump({"models": entries, "datasets": datasets}, allow_unicode=True)
    assert_sane(read_tree({"models.yaml": text.encode("utf-8", "surrogatepass")}), ["models.yaml"])


REQUIREMENT_PIECES = st.sampled_from(
    [
        "\n",
        " ",
        "\\\n",
        "#",
        "-r ",
        "-c ",
        "-e ",
        "--hash=sha256:00",
        "--index-url ",
        "==",
        ">=",
        "~=",
        "===",
        "!=",
        ",",
        ";",
        " python_version < '3'",
        "[extra]",
        "@ ",
        "file:///etc/passwd",
        "https://x/y.whl",
        "./local",
        "/etc/passwd",
        "../outside.txt",
        "requirements.txt",
        "other.txt",
        "1.0",
        "*",
        "pkg",
        "Pkg.Name_2",
    ]
)


@FUZZ
@given(
    pieces=st.lists(st.one_of(REQUIREMENT_PIECES, ID_LIKE), max_size=30),
    other=st.lists(st.one_of(REQUIREMENT_PIECES, ID_LIKE), max_size=10),
)
def test_near_requirement_files_with_includes(pieces, other):
    files = {
        "requirements.txt": "".join(pieces).encode("utf-8", "surrogatepass"),
        "other.txt": "".join(other).encode("utf-8", "surrogatepass"),
    }
    assert_sane(read_tree(files), ["requirements.txt", "other.txt"])


@FUZZ
@given(
    dependencies=st.lists(st.one_of(ID_LIKE, st.integers(), st.none(), st.booleans()), max_size=5),
    key=st.sampled_from(["dependencies", "optional-dependencies", "dynamic", "name"]),
)
def test_pyproject_with_hostile_values(dependencies, key):
    import json

    value = json.dumps(dependencies, ensure_ascii=True).replace("null", '"null"')
    text = f"[project]\nname = 'x'\n{key} = {value}\n[dependency-groups]\ndev = {value}\n"
    assert_sane(read_tree({"pyproject.toml": text.encode()}), ["pyproject.toml"])


@FUZZ
@given(values=st.lists(st.one_of(ID_LIKE, REQUIREMENT_PIECES), max_size=8), one_line=st.booleans())
def test_setup_cfg_with_hostile_values(values, one_line):
    body = "; ".join(values) if one_line else "\n    " + "\n    ".join(values)
    text = f"[options]\ninstall_requires = {body}\n[options.extras_require]\nx = {body}\n"
    assert_sane(read_tree({"setup.cfg": text.encode("utf-8", "surrogatepass")}), ["setup.cfg"])


@FUZZ_SCANS
@given(entries=st.lists(ID_LIKE, min_size=1, max_size=4), packages=st.lists(ID_LIKE, max_size=4))
def test_no_request_is_built_from_an_unvalidated_name(fake_hub, entries, packages):
    """Whatever the manifest and requirements say, every URL asked for names a valid repository or package."""
    import yaml

    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        (root / "models.yaml").write_text(
            yaml.safe_dump({"models": entries}, allow_unicode=True), errors="surrogatepass"
        )
        (root / "requirements.txt").write_text("\n".join(packages) + "\n", errors="surrogatepass")
        result = scan(root, "--timeout", "2", "--retry-budget", "0")
    assert result.exit_code in (0, 1, 2, 3), result.output
    assert "Traceback" not in result.output and not _UNSAFE_OUTPUT.search(result.output.replace("\r", ""))
    if result.exit_code == 2:
        assert re.search(r"error: (models\.yaml|requirements\.txt)(:\d+)?: ", result.stderr), result.stderr
    for _, path in fake_hub.requests:
        assert_safe_request(path)


def assert_safe_request(path: str) -> None:
    route, _, _ = path.partition("?")
    hub = re.fullmatch(r"/api/(models|datasets)/([^/]+(?:/[^/]+)?)(?:/revision/([^/]+))?", route)
    pypi = re.fullmatch(r"/pypi/([^/]+)(?:/([^/]+))?/json", route)
    assert hub or pypi, path
    if hub:
        assert is_valid_repo_id(unquote(hub.group(2))), path
        assert hub.group(3) is None or ".." not in unquote(hub.group(3)), path
    else:
        assert _PEP503_NAME.match(unquote(pypi.group(1)).lower()), path


# -- known attacks -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", INPUT_NAMES)
def test_huge_files_are_refused_without_reading_them_whole(tmp_path, name):
    with (tmp_path / name).open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)  # sparse: costs no disk
    result = scan(tmp_path)
    assert result.exit_code == 2
    assert f"{name}: is larger than 10 MiB" in result.stderr


def test_a_file_just_under_the_limit_is_read(tmp_path):
    line = b"# padding " + b"x" * 1013 + b"\n"
    tail = b"pkg==1.0\n"
    (tmp_path / "requirements.txt").write_bytes(line * ((MAX_INPUT_BYTES - len(tail)) // len(line)) + tail)
    inputs = collect_inputs(tmp_path)
    assert [c.name for c in inputs.components] == ["pkg"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_named_like_an_input_is_refused_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "requirements.txt")
    result = scan(tmp_path)
    assert result.exit_code == 2 and "requirements.txt: is not a regular file" in result.stderr


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
models: [*g,*g,*g,*g,*g,*g,*g,*g,*g]
"""


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("models.yaml", BILLION_LAUGHS, "models.yaml:1: "),
        ("models.yaml", "models:\n  - " + "[" * 5000 + "]" * 5000 + "\n", "models.yaml"),
        ("models.yaml", "models:\n" + "".join("  " * i + "- \n" for i in range(1, 3000)), "models.yaml"),
        ("pyproject.toml", "[project]\ndependencies = " + "[" * 5000 + "]" * 5000 + "\n", "pyproject.toml"),
        ("pyproject.toml", "[project]\ndependencies = " + "{a=" * 3000 + "1" + "}" * 3000 + "\n", "pyproject.toml"),
        ("models.yaml", "models: !!python/object/apply:os.system ['echo pwned']\n", "models.yaml:1: "),
    ],
)
def test_bombs_and_deep_nesting_are_input_errors(tmp_path, name, text, message):
    (tmp_path / name).write_text(text)
    result = scan(tmp_path)
    assert result.exit_code == 2 and message in result.stderr
    assert "internal error" not in result.stderr


DEEP_JSON = "[" * 100_000 + "]" * 100_000
DEEP_TOML = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "Pipfile.lock",
            '{"_meta": {}, "default": {"a": ' + DEEP_JSON + "}}",
            "Pipfile.lock: invalid JSON: nested too deeply",
        ),
        (
            "uv.lock",
            "version = 1\n[[package]]\nname = 'a'\nx = " + DEEP_TOML + "\n",
            "uv.lock: invalid TOML: nested too deeply",
        ),
        (
            "poetry.lock",
            "[[package]]\nname = 'a'\nx = " + DEEP_TOML + "\n",
            "poetry.lock: invalid TOML: nested too deeply",
        ),
        (
            "pylock.toml",
            "lock-version = '1.0'\nx = " + DEEP_TOML + "\n",
            "pylock.toml: invalid TOML: nested too deeply",
        ),
        (
            "licensecheck.lock",
            '{"lock_version": 1, "components": ' + DEEP_JSON + "}",
            "licensecheck.lock: lock file is not valid JSON: nested too deeply; delete it and run `licensecheck lock`",
        ),
    ],
)
def test_every_json_and_toml_input_nested_too_deeply_is_an_input_error(tmp_path, name, text, message):
    (tmp_path / name).write_text(text)
    if name == "licensecheck.lock":
        (tmp_path / "requirements.txt").write_text("pkg==1.0\n")
    result = scan(tmp_path, "--offline", "--no-discover")
    assert (result.exit_code, result.stderr) == (2, f"licensecheck: error: {message}\n")


def test_a_baseline_nested_too_deeply_is_an_input_error(tmp_path):
    (tmp_path / "requirements.txt").write_text("pkg==1.0\n")
    (tmp_path / "baseline.json").write_text('{"licensecheck_baseline": ' + DEEP_JSON + "}")
    result = scan(tmp_path, "--offline", "--no-discover", "--baseline", str(tmp_path / "baseline.json"))
    assert result.exit_code == 2
    assert result.stderr.endswith("baseline.json: not a baseline: invalid JSON (nested too deeply)\n")


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (RecursionError, "cannot be read: nested too deeply"),
        (MemoryError, "cannot be read: parsing it needs more memory than there is"),
    ],
)
def test_a_reader_out_of_stack_or_memory_is_an_input_error_naming_the_file(tmp_path, monkeypatch, error, message):
    # Every reader is guarded, not only those whose parser is known to recurse: stand one in that fails.
    import licensecheck.sources.setupcfg as setupcfg

    def exhausted(path, root):
        raise error()

    monkeypatch.setattr(setupcfg, "read_setup_cfg", exhausted)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "setup.cfg").write_text("[options]\ninstall_requires = x\n")
    result = scan(tmp_path, "--offline", "--no-discover")
    assert (result.exit_code, result.stderr) == (2, f"licensecheck: error: sub/setup.cfg: {message}\n")


def test_include_cycles_end(tmp_path):
    (tmp_path / "requirements.txt").write_text("-r a.txt\nroot-pkg\n")
    (tmp_path / "a.txt").write_text("-r b.txt\n-c requirements.txt\na-pkg\n")
    (tmp_path / "b.txt").write_text("-r a.txt\n-r requirements.txt\nb-pkg\n")
    assert sorted(c.name for c in collect_inputs(tmp_path).components) == ["a-pkg", "b-pkg", "root-pkg"]


# -- files outside the scanned tree ----------------------------------------------------------------


@pytest.fixture
def outside(tmp_path):
    """A directory beside the scanned one, holding what an attacker would like read."""
    secret_dir = tmp_path / "outside"
    secret_dir.mkdir()
    (secret_dir / "requirements.txt").write_text("leaked-first-line\n")
    (secret_dir / "models.yaml").write_text("models:\n  - org/elsewhere\n")
    project = tmp_path / "project"
    project.mkdir()
    return project, secret_dir


@pytest.mark.parametrize("include", ["../outside/requirements.txt", "{outside}/requirements.txt", "link.txt"])
def test_includes_out_of_the_tree_are_refused(outside, include):
    project, secret_dir = outside
    (project / "link.txt").symlink_to(secret_dir / "requirements.txt")
    (project / "requirements.txt").write_text(f"ok-pkg\n-r {include.format(outside=secret_dir)}\n")
    result = scan(project, "--offline")
    assert result.exit_code == 2
    assert "requirements.txt:2: included file" in result.stderr and "outside the scanned directory" in result.stderr
    assert "leaked-first-line" not in result.output


def test_symlinked_inputs_out_of_the_tree_are_refused(outside):
    project, secret_dir = outside
    (project / "models.yaml").symlink_to(secret_dir / "models.yaml")
    result = scan(project, "--offline")
    assert result.exit_code == 2
    assert "models.yaml: is a symbolic link to a file outside the scanned directory" in result.stderr


def test_setup_cfg_file_references_out_of_the_tree_are_refused(outside):
    project, _ = outside
    (project / "setup.cfg").write_text("[options]\ninstall_requires = file: ../outside/requirements.txt\n")
    result = scan(project, "--offline")
    assert (
        result.exit_code == 2
        and "setup.cfg:2: file: " in result.stderr
        and "outside the scanned directory" in result.stderr
    )


def test_symlinks_that_stay_inside_the_tree_are_fine(outside):
    project, _ = outside
    (project / "shared").mkdir()
    (project / "shared" / "base.txt").write_text("base-pkg\n")
    (project / "requirements.txt").write_text("-r link.txt\n")
    (project / "link.txt").symlink_to(project / "shared" / "base.txt")
    assert [c.name for c in collect_inputs(project).components] == ["base-pkg"]


def test_a_symlink_loop_is_an_input_error(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "requirements.txt").write_text("-r a.txt\n")
    with pytest.raises(InputError, match=r"^requirements\.txt:1: "):
        collect_inputs(tmp_path)


# -- hostile repository ids ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "repo_id",
    [
        "../../etc/passwd",
        "org/..",
        "org%2Fmodel",
        "org/model%2F..%2F..",
        "org/my model",
        "org/model\x00",
        "org/\x1b[2Jmodel",
        "org/model\nid",
        "org/model?x=1",
        "org/model#x",
        "https://evil.example/x",
        "a/b/c",
        "/org/model",
    ],
)
def test_hostile_repository_ids_exit_2_before_any_request(fake_hub, tmp_path, repo_id):
    import json

    (tmp_path / "models.yaml").write_text("models:\n  - org/fine\n  - " + json.dumps(repo_id) + "\n")
    result = scan(tmp_path)
    assert result.exit_code == 2 and "models.yaml:3: " in result.stderr
    assert not _UNSAFE_OUTPUT.search(result.stderr)
    assert fake_hub.requests == []


# -- through the real entry point, in a fresh process ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("models.yaml", bytes(range(256)) * 4),
        ("models.yaml", BILLION_LAUGHS.encode()),
        ("requirements.txt", "é\n".encode("latin-1")),
        ("pyproject.toml", b"[project]\ndependencies = " + b"[" * 3000),
        ("setup.cfg", b"[options\ninstall_requires = x\n"),
    ],
)
def test_the_command_line_exits_2_without_a_traceback(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "LICENSECHECK_"))}
    env.update(PYTHONPATH=str(ROOT), HF_ENDPOINT="http://127.0.0.1:9", LICENSECHECK_PYPI_URL="http://127.0.0.1:9")
    done = subprocess.run(
        [sys.executable, "-m", "licensecheck", "scan", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=tmp_path,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"licensecheck: error: {name}") and "Traceback" not in done.stderr
    assert done.stdout == ""
