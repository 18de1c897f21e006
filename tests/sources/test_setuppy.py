"""setup.py: requirements read from a literal setup() call, never by running the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from licensecheck.errors import InputError
from licensecheck.model import Finding, Location, Severity
from licensecheck.sources.inputs import collect_inputs
from licensecheck.sources.setuppy import read_setup_py

LITERAL = """\
from setuptools import setup, find_packages

BASE = [
    "requests>=2",
    "numpy==1.26.4; python_version >= '3.9'",
]

setup(
    name="demo",
    packages=find_packages(),
    install_requires=BASE + [] if False else BASE,
    extras_require={
        "dev": ["pytest", "pytest-cov>=4"],
        "docs": "sphinx==7.2.6\\n# a comment\\nmyst-parser",
    },
)
"""


def read(directory: Path, text: str):
    path = directory / "setup.py"
    path.write_text(text, encoding="utf-8")
    return read_setup_py(path, directory)


def summary(read_result):
    return [(c.name, c.revision, c.requirement, c.locations) for c in read_result.components]


def test_literal_lists_strings_and_module_constants(tmp_path):
    text = LITERAL.replace("install_requires=BASE + [] if False else BASE", "install_requires=BASE")
    found = read(tmp_path, text)
    assert summary(found) == [
        ("requests", None, ">=2", (Location("setup.py", 4),)),
        ("numpy", "1.26.4", "==1.26.4", (Location("setup.py", 5),)),
        ("pytest", None, None, (Location("setup.py", 13),)),
        ("pytest-cov", None, ">=4", (Location("setup.py", 13),)),
        ("sphinx", "7.2.6", "==7.2.6", (Location("setup.py", 14),)),
        ("myst-parser", None, None, (Location("setup.py", 14),)),
    ]
    assert found.notices == ()


def test_a_triple_quoted_string_keeps_its_lines(tmp_path):
    found = read(tmp_path, 'setup(install_requires="""\nrequests\n  # pinned below\nnumpy==2.1\n""")\n')
    assert [(c.name, c.locations[0].line) for c in found.components] == [("requests", 2), ("numpy", 4)]


def test_a_computed_value_is_a_warning_naming_the_file_and_line(tmp_path):
    found = read(tmp_path, LITERAL)  # install_requires is an expression: only extras are read
    assert [c.name for c in found.components] == ["pytest", "pytest-cov", "sphinx", "myst-parser"]
    (notice,) = found.notices
    assert (notice.severity, notice.code, notice.location) == (
        Severity.WARNING,
        "setup-py-dynamic",
        Location("setup.py", 11),
    )
    assert notice.message.startswith("setup.py:11: `install_requires` is computed when setup.py runs (an expression); ")
    assert "without running it" in notice.message


@pytest.mark.parametrize(
    ("code", "what"),
    [
        (
            'setup(install_requires=parse_requirements("requirements.txt"))',
            "the result of calling parse_requirements()",
        ),
        ("setup(install_requires=[r for r in open('r.txt')])", "a list comprehension"),
        ("REQS = ['a']\nREQS.append('b')\nsetup(install_requires=REQS)", "the variable REQS, which is not a literal"),
        ("REQS = ['a']\nREQS += ['b']\nsetup(install_requires=REQS)", "the variable REQS, which is not a literal"),
        (
            "REQS = ['a']\nif x:\n    REQS = ['b']\nsetup(install_requires=REQS)",
            "the variable REQS, which is not a literal",
        ),
        ("setup(install_requires=['a', VERSIONED])", "an expression"),
    ],
)
def test_what_is_computed_is_not_guessed(tmp_path, code, what):
    found = read(tmp_path, code + "\n")
    assert found.components == []
    (notice,) = found.notices
    assert notice.code == "setup-py-dynamic" and what in notice.message


def test_kwargs_and_computed_extras(tmp_path):
    code = "config = load()\nsetup(**config, extras_require={'a': ['x'], 'b': make(), **more})\n"
    found = read(tmp_path, code)
    assert found.components == []
    assert [n.message.split(" is computed")[0] for n in found.notices] == [
        "setup.py:2: the setup() arguments",
        "setup.py:2: `extras_require`",
    ]


def test_setup_py_is_never_run(tmp_path):
    marker = tmp_path / "ran"
    code = f"open({str(marker)!r}, 'w').write('x')\nfrom setuptools import setup\nsetup(install_requires=['a'])\n"
    assert [c.name for c in read(tmp_path, code).components] == ["a"]
    assert not marker.exists()


@pytest.mark.parametrize(
    "call", ["setuptools.setup(install_requires=['a'])", "distutils.core.setup(install_requires=['a'])"]
)
def test_qualified_setup_calls(tmp_path, call):
    assert [c.name for c in read(tmp_path, f"import setuptools, distutils.core\n{call}\n").components] == ["a"]


def test_a_shim_without_requirements_says_nothing(tmp_path):
    found = read(tmp_path, "from setuptools import setup\nsetup()\n")
    assert (found.components, found.notices) == ([], ())


def test_python_2_or_unparsable_is_a_warning_not_a_failure(tmp_path):
    found = read(tmp_path, "print 'hello'\nsetup(install_requires=['a'])\n")
    (notice,) = found.notices
    assert (notice.severity, notice.code, notice.location) == (
        Severity.WARNING,
        "setup-py-unreadable",
        Location("setup.py", 1),
    )
    assert found.components == []
    deep = read(tmp_path, "x = " + "(" * 5000 + ")" * 5000 + "\n")
    assert [n.code for n in deep.notices] == ["setup-py-unreadable"]


def test_an_invalid_requirement_is_an_input_error_with_its_line(tmp_path):
    with pytest.raises(InputError) as caught:
        read(tmp_path, "setup(\n    install_requires=['requests>=>2'],\n)\n")
    assert str(caught.value).startswith("setup.py:2: invalid requirement 'requests>=>2'")


def test_collect_inputs_reads_setup_py_and_keeps_its_notices(tmp_path):
    (tmp_path / "setup.py").write_text("setup(install_requires=['torch>=2'], extras_require=EXTRAS)\n")
    inputs = collect_inputs(tmp_path, discover=False)
    assert inputs.files == ("setup.py",)
    assert [(c.name, c.requirement) for c in inputs.components] == [("torch", ">=2")]
    assert [(n.code, n.location) for n in inputs.notices] == [("setup-py-dynamic", Location("setup.py", 1))]
    assert isinstance(inputs.notices[0], Finding)
