"""Python lock files: uv.lock, poetry.lock, pylock.toml, Pipfile.lock.

The files under assets/locks/ were written by the tools themselves (uv 0.13 `uv lock`
and `uv export --format pylock.toml --all-extras`, Poetry 2.5 `poetry lock`, Pipenv
`pipenv lock`) for the same small project: `requests` (main), `pyyaml` (the extra
`yaml`), `pylint` (the dependency group `dev`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from licensecheck.errors import InputError
from licensecheck.sources.inputs import collect_inputs
from licensecheck.sources.pipfilelock import read_pipfile_lock
from licensecheck.sources.poetrylock import read_poetry_lock
from licensecheck.sources.pylock import read_pylock
from licensecheck.sources.uvlock import read_uv_lock

ASSETS = Path(__file__).parent / "assets" / "locks"

VERSIONS = {
    "astroid": "4.3.4",
    "certifi": "2026.10.19.post1",
    "charset-normalizer": "3.5.3",
    "colorama": "0.4.6",
    "dill": "0.4.1",
    "idna": "3.20",
    "isort": "9.0.2",
    "mccabe": "0.7.0",
    "mypy-extensions": "1.2.0",
    "platformdirs": "4.14.8",
    "pylint": "4.1.4",
    "pyyaml": "6.0.4",
    "requests": "2.34.2",
    "tomlkit": "0.15.2",
    "urllib3": "2.8.0",
}
MAIN = {"requests", "certifi", "charset-normalizer", "idna", "urllib3"}
DEV = {"pylint", "astroid", "colorama", "dill", "isort", "mccabe", "mypy-extensions", "platformdirs", "tomlkit"}
DIRECT = {"requests", "pyyaml", "pylint"}


def expected_scope(name: str) -> str:
    return "main" if name in MAIN else "dev" if name in DEV else "optional"


def by_name(components):
    return {c.name: c for c in components}


@pytest.mark.parametrize(
    ("reader", "relative"),
    [(read_uv_lock, "uv/uv.lock"), (read_poetry_lock, "poetry/poetry.lock")],
)
def test_uv_and_poetry_locks_record_versions_direct_and_scope(reader, relative):
    components = by_name(reader(ASSETS / relative, ASSETS))
    assert {name: c.revision for name, c in components.items()} == VERSIONS
    for name, component in components.items():
        assert component.scope == expected_scope(name), name
        assert component.direct is (name in DIRECT), name
        assert component.type == "package" and component.direct_reference is None
        assert component.locations[0].path == relative


def test_uv_lock_lines_point_at_the_package_entry():
    components = by_name(read_uv_lock(ASSETS / "uv" / "uv.lock", ASSETS))
    lines = (ASSETS / "uv" / "uv.lock").read_text().split("\n")
    for name, component in components.items():
        line = component.locations[0].line
        assert lines[line - 1] == "[[package]]" and lines[line] == f'name = "{name}"'


def test_pipfile_lock_records_default_and_develop():
    components = by_name(read_pipfile_lock(ASSETS / "pipenv" / "Pipfile.lock", ASSETS))
    assert {name: c.revision for name, c in components.items()} == {
        name: version
        for name, version in VERSIONS.items()
        if name != "colorama"  # Linux-only resolution
    }
    assert components["pyyaml"].scope == "main"  # Pipenv has no extras: it is in [packages]
    assert components["astroid"].scope == "dev" and components["requests"].scope == "main"
    assert {name for name, c in components.items() if c.direct} == DIRECT
    lines = (ASSETS / "pipenv" / "Pipfile.lock").read_text().split("\n")
    assert '"pylint": {' in lines[components["pylint"].locations[0].line - 1]


def test_pylock_takes_direct_and_scope_from_pyproject_and_leaves_the_rest_unknown():
    components = by_name(read_pylock(ASSETS / "pylock" / "pylock.toml", ASSETS))
    assert {name: c.revision for name, c in components.items()} == VERSIONS
    assert (components["requests"].direct, components["requests"].scope) == (True, "main")
    assert (components["pyyaml"].direct, components["pyyaml"].scope) == (True, "optional")
    assert (components["pylint"].direct, components["pylint"].scope) == (True, "dev")
    # uv's export records no graph and no markers for them: not known, not guessed
    assert (components["astroid"].direct, components["astroid"].scope) == (None, None)


def test_without_the_project_file_direct_is_not_known(tmp_path):
    shutil.copy(ASSETS / "poetry" / "poetry.lock", tmp_path / "poetry.lock")
    components = by_name(read_poetry_lock(tmp_path / "poetry.lock", tmp_path))
    assert components["requests"].direct is None
    assert components["requests"].scope == "main"  # the lock's own `groups`


def test_pylock_markers_and_dependency_graph(tmp_path):
    (tmp_path / "pylock.toml").write_text(
        """lock-version = "1.0"
created-by = "hand"
extras = ["plot"]
dependency-groups = ["test"]

[[packages]]
name = "app-lib"
version = "1.0"
dependencies = [{ name = "helper" }]

[[packages]]
name = "helper"
version = "2.0"

[[packages]]
name = "matplotlib"
version = "3.9.0"
marker = "'plot' in extras"

[[packages]]
name = "pytest"
version = "8.0.0"
marker = "'test' in dependency_groups"

[[packages]]
name = "demo"
directory = { path = ".", editable = true }

[[packages]]
name = "vendored"
archive = { url = "https://example.com/vendored-1.0.tar.gz" }
"""
    )
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "demo"\nversion = "0"\ndependencies = ["app-lib"]\n')
    components = by_name(read_pylock(tmp_path / "pylock.toml", tmp_path))
    assert "demo" not in components  # the project itself
    assert (components["app-lib"].direct, components["app-lib"].scope) == (True, "main")
    assert (components["helper"].direct, components["helper"].scope) == (False, "main")
    assert components["matplotlib"].scope == "optional"
    assert components["pytest"].scope == "dev"
    assert components["vendored"].direct_reference == "https://example.com/vendored-1.0.tar.gz"


def test_poetry_lock_1_1_uses_category(tmp_path):
    (tmp_path / "poetry.lock").write_text(
        """[[package]]
name = "click"
version = "8.1.7"
description = ""
category = "main"
optional = false
python-versions = ">=3.7"

[[package]]
name = "black"
version = "24.1.0"
description = ""
category = "dev"
optional = false
python-versions = ">=3.8"

[package.dependencies]
click = ">=8.0.0"

[[package]]
name = "mylib"
version = "0.1.0"
description = ""
category = "main"
optional = false
python-versions = "*"

[package.source]
type = "git"
url = "https://github.com/acme/mylib.git"
reference = "main"
resolved_reference = "abc123"

[metadata]
lock-version = "1.1"
python-versions = "^3.11"
content-hash = "0"
"""
    )
    components = by_name(read_poetry_lock(tmp_path / "poetry.lock", tmp_path))
    assert components["click"].scope == "main" and components["black"].scope == "dev"
    assert components["mylib"].direct_reference == "git+https://github.com/acme/mylib.git"


def test_uv_workspace_members_are_roots_and_git_sources_are_references(tmp_path):
    (tmp_path / "uv.lock").write_text(
        """version = 1
requires-python = ">=3.11"

[manifest]
members = ["app", "lib"]

[[package]]
name = "app"
version = "0.1.0"
source = { virtual = "." }
dependencies = [{ name = "lib" }, { name = "tool-from-git" }]

[[package]]
name = "lib"
version = "0.1.0"
source = { editable = "packages/lib" }
dependencies = [{ name = "numpy", version = "2.1.0" }]

[[package]]
name = "numpy"
version = "1.26.4"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "numpy"
version = "2.1.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "tool-from-git"
version = "0.3.0"
source = { git = "https://github.com/acme/tool?rev=v0.3#0123abcd" }
"""
    )
    components = read_uv_lock(tmp_path / "uv.lock", tmp_path)
    found = {(c.name, c.revision): c for c in components}
    assert set(found) == {("numpy", "1.26.4"), ("numpy", "2.1.0"), ("tool-from-git", "0.3.0")}
    assert found[("numpy", "2.1.0")].direct is True  # a member's own dependency
    assert found[("numpy", "1.26.4")].scope is None  # reached from nothing: not guessed
    assert found[("tool-from-git", "0.3.0")].direct_reference == "https://github.com/acme/tool?rev=v0.3#0123abcd"


# -- malformed lock files: exit 2 with the file, the line and what is wrong ---------------------


@pytest.mark.parametrize(
    ("name", "text", "line", "message"),
    [
        ("uv.lock", "version = 1\n[[package]\nname = 'x'\n", 2, "invalid TOML"),
        ("uv.lock", "version = 7\n", 1, "unsupported uv.lock version 7"),
        (
            "uv.lock",
            'version = 1\n\n[[package]]\nname = "x"\nsource = { registry = "r" }\n',
            3,
            "package 'x' has no `version`",
        ),
        (
            "uv.lock",
            'version = 1\n\n[[package]]\nname = "x"\nversion = "1"\ndependencies = "y"\n',
            3,
            "`dependencies` must be a list",
        ),
        ("poetry.lock", '[[package]]\nname = "x"\nversion = "1"\n', None, "no `[metadata]` table"),
        ("poetry.lock", '[metadata]\nlock-version = "9.0"\n', 1, "unsupported poetry.lock `lock-version` '9.0'"),
        (
            "poetry.lock",
            '[[package]]\nname = "x"\n\n[metadata]\nlock-version = "2.1"\n',
            1,
            "package 'x' has no `version`",
        ),
        ("pylock.toml", 'lock-version = "2.0"\n', 1, "unsupported `lock-version` '2.0'"),
        ("pylock.toml", 'created-by = "x"\n', None, "no `lock-version`"),
        ("pylock.toml", 'lock-version = "1.0"\n[[packages]]\nname = "x"\n', 2, "neither a `version` nor"),
        (
            "Pipfile.lock",
            '{"_meta": {"pipfile-spec": 6}, "default": {"x": {"version": ">=1"}}}',
            1,
            "not an exact `==` pin",
        ),
        ("Pipfile.lock", '{\n"_meta": {"pipfile-spec": 6},\n"default": {\n}\n', 5, "invalid JSON"),
        ("Pipfile.lock", '{"default": {}}', None, "no `_meta` object"),
        ("Pipfile.lock", '{"_meta": {"pipfile-spec": 5}}', 1, "unsupported `pipfile-spec` 5"),
    ],
)
def test_malformed_lock_files_are_input_errors(tmp_path, name, text, line, message):
    (tmp_path / name).write_text(text)
    with pytest.raises(InputError) as raised:
        collect_inputs(tmp_path)
    assert raised.value.path == name
    assert raised.value.line == line
    assert message in raised.value.message


# -- a lock and a requirement file that disagree: the lock wins, a finding says so -------------


def test_the_lock_wins_over_a_requirement_pin_and_says_so(tmp_path):
    shutil.copy(ASSETS / "uv" / "uv.lock", tmp_path / "uv.lock")
    shutil.copy(ASSETS / "uv" / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "requirements.txt").write_text("requests==2.31.0\nidna>=3\n")
    components = {c.name: c for c in collect_inputs(tmp_path).components if c.type == "package"}
    requests = components["requests"]
    assert requests.revision == "2.34.2"
    assert [place.path for place in requests.locations] == ["uv.lock", "pyproject.toml", "requirements.txt"]
    [note] = requests.notes
    assert note.code == "lock-overrides-requirement" and note.severity.value == "warning"
    assert "requirements.txt:1 asks for requests==2.31.0, but uv.lock locks 2.34.2" in note.message
    # a range the locked version satisfies merges silently
    assert components["idna"].revision == "3.20" and components["idna"].notes == ()
    assert len([c for c in collect_inputs(tmp_path).components if c.name == "requests"]) == 1


def test_a_lock_does_not_govern_requirement_files_outside_its_directory(tmp_path):
    (tmp_path / "service").mkdir()
    shutil.copy(ASSETS / "uv" / "uv.lock", tmp_path / "service" / "uv.lock")
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "requirements.txt").write_text("requests==2.31.0\n")
    versions = sorted(c.revision for c in collect_inputs(tmp_path).components if c.name == "requests")
    assert versions == ["2.31.0", "2.34.2"]
