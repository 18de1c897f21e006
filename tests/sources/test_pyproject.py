from pathlib import Path

import pytest

from licensecheck.errors import InputError
from licensecheck.model import Location
from licensecheck.sources.pyproject import read_pyproject

ASSETS = Path(__file__).parent / "assets"


def read(directory: Path, text: str):
    path = directory / "pyproject.toml"
    path.write_text(text, encoding="utf-8")
    return read_pyproject(path, directory)


def error_of(directory: Path, text: str) -> str:
    with pytest.raises(InputError) as caught:
        read(directory, text)
    return str(caught.value)


def test_asset_dependencies_extras_and_groups_with_lines():
    components = read_pyproject(ASSETS / "pyproject" / "pyproject.toml", ASSETS)
    where = "pyproject/pyproject.toml"
    assert [(c.type, c.name, c.revision, c.requirement, c.locations) for c in components] == [
        ("package", "requests", None, ">=2", (Location(where, 8),)),
        ("package", "numpy", "1.26.4", "==1.26.4", (Location(where, 9),)),
        ("package", "sphinx", "7.2.6", "==7.2.6", (Location(where, 13),)),
        ("package", "uvicorn", None, None, (Location(where, 15),)),
        ("package", "pytest", None, ">=8", (Location(where, 19),)),
        ("package", "ruff", "0.4.1", "===0.4.1", (Location(where, 20),)),
    ]


def test_same_requirement_in_several_places_gets_each_its_own_line(tmp_path):
    text = (
        "[project]\n"
        'dependencies = ["six", "six"]\n'
        "[project.optional-dependencies]\n"
        'a = [\n  "six",\n]\n'
        "[dependency-groups]\n"
        'dev = [\n  "attrs",\n  "six",\n]\n'
    )
    assert [(c.name, c.locations[0].line) for c in read(tmp_path, text)] == [
        ("six", 2),
        ("six", 2),
        ("six", 5),
        ("attrs", 9),
        ("six", 10),
    ]


def test_dotted_keys_and_inline_tables_are_located(tmp_path):
    text = (
        'project.name = "x"\n'
        'project.dependencies = ["alpha"]\n'
        'project.optional-dependencies = { extra = ["beta==1"] }\n'
    )
    assert [(c.name, c.revision, c.locations[0].line) for c in read(tmp_path, text)] == [
        ("alpha", None, 2),
        ("beta", "1", 3),
    ]


def test_no_project_and_no_groups_yields_nothing(tmp_path):
    assert read(tmp_path, "[tool.black]\nline-length = 100\n") == []
    assert read(tmp_path, "") == []
    assert read(tmp_path, '[project]\nname = "x"\ndynamic = ["dependencies"]\n') == []


def test_include_group_must_name_a_group(tmp_path):
    text = '[dependency-groups]\ntest = [\n  "pytest",\n  {include-group = "lnt"},\n]\nlint = ["ruff"]\n'
    assert error_of(tmp_path, text) == (
        "pyproject.toml:4: include-group 'lnt' names no dependency group (groups: lint, test)"
    )


def test_include_group_names_are_compared_normalised(tmp_path):
    text = '[dependency-groups]\nTest_Suite = [{include-group = "Lint.Tools"}]\nlint-tools = ["ruff"]\n'
    assert [c.name for c in read(tmp_path, text)] == ["ruff"]


def test_include_group_cycle_is_an_error(tmp_path):
    text = '[dependency-groups]\na = [{include-group = "b"}]\nb = ["x", {include-group = "a"}]\n'
    assert error_of(tmp_path, text) == "pyproject.toml:2: dependency groups include each other in a cycle: a -> b -> a"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[project]\nname = "x"\ndependencies = "requests"\n',
            "pyproject.toml:3: `project.dependencies` must be a list of requirement strings, got a string",
        ),
        (
            '[project]\nname = "x"\n\ndependencies = [\n  "a",\n  3,\n]\n',
            "pyproject.toml:4: `project.dependencies` must be a list of requirement strings, got a list with an integer",
        ),
        (
            '[project]\noptional-dependencies = ["a"]\n',
            "pyproject.toml:2: `project.optional-dependencies` must be a table of lists",
        ),
        (
            '[project.optional-dependencies]\nname = "x"\ndev = "pytest"\n',
            "pyproject.toml:2: `project.optional-dependencies.name` must be a list of requirement strings, got a string",
        ),
        ("project = 3\n", "pyproject.toml:1: `project` must be a table"),
        ('dependency-groups = ["a"]\n', "pyproject.toml:1: `dependency-groups` must be a table of lists"),
        (
            '[dependency-groups]\n\ndev = "pytest"\n',
            "pyproject.toml:3: `dependency-groups.dev` must be a list, got a string",
        ),
        (
            '[dependency-groups]\ndev = [{include = "x"}]\n',
            "pyproject.toml:2: `dependency-groups.dev` entries must be requirement strings or "
            '{include-group = "<group>"} tables, got a table',
        ),
        (
            '[dependency-groups]\ndev = ["a"]\nDev = ["b"]\n',
            "pyproject.toml:3: dependency group 'Dev' is declared twice (group names are compared normalised)",
        ),
    ],
)
def test_wrong_types_point_at_the_key(tmp_path, text, expected):
    assert error_of(tmp_path, text) == expected


def test_invalid_requirement_points_at_its_string(tmp_path):
    text = '[project]\ndependencies = [\n  "ok",\n  "not valid!",\n]\n'
    assert error_of(tmp_path, text).startswith("pyproject.toml:4: invalid requirement 'not valid!': ")


def test_malformed_toml_reports_the_parser_line(tmp_path):
    text = '[project]\nname = "x"\ndependencies = [\n  "a"\n  "b",\n]\n'
    assert error_of(tmp_path, text).startswith("pyproject.toml:5: invalid TOML: ")


def test_duplicate_table_is_malformed(tmp_path):
    assert error_of(tmp_path, '[project]\nname = "a"\n[project]\nname = "b"\n').startswith(
        "pyproject.toml:3: invalid TOML: "
    )


def test_wrong_encoding_names_the_line(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_bytes('[project]\nname = "x"\ndescription = "café"\n'.encode("utf-16"))
    with pytest.raises(InputError) as caught:
        read_pyproject(path, tmp_path)
    assert str(caught.value) == "pyproject.toml:1: not valid UTF-8 (byte 0xff at offset 0): save the file as UTF-8"


def test_directory_is_an_input_error(tmp_path):
    (tmp_path / "pyproject.toml").mkdir()
    with pytest.raises(InputError, match=r"^pyproject\.toml: is a directory, expected a file$"):
        read_pyproject(tmp_path / "pyproject.toml", tmp_path)


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_raise_input_error(tmp_path, seed):
    import random

    path = tmp_path / "pyproject.toml"
    path.write_bytes(random.Random(seed).randbytes(512))
    with pytest.raises(InputError):
        read_pyproject(path, tmp_path)


def test_deep_nesting_is_an_input_error(tmp_path):
    assert (
        error_of(tmp_path, "a = " + "[" * 50_000 + "]" * 50_000 + "\n")
        == "pyproject.toml: invalid TOML: nested too deeply"
    )
