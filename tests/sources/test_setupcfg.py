from pathlib import Path

import pytest

from licensecheck.errors import InputError
from licensecheck.model import Location
from licensecheck.sources.setupcfg import read_setup_cfg

SETUP_CFG = """\
[metadata]
name = demo

[options]
packages = find:
install_requires =
    requests>=2
    # a comment line
    ; another comment line

    numpy==1.26.4; python_version >= "3.9"
    Click  # trailing comment

[options.extras_require]
dev =
    pytest
    pytest-cov>=4
docs = sphinx==7.2.6
"""


def read(directory: Path, text: str):
    path = directory / "setup.cfg"
    path.write_text(text, encoding="utf-8")
    return read_setup_cfg(path, directory)


def error_of(directory: Path, text: str) -> str:
    with pytest.raises(InputError) as caught:
        read(directory, text)
    return str(caught.value)


def test_install_requires_and_extras_with_lines(tmp_path):
    components = read(tmp_path, SETUP_CFG)
    assert [(c.type, c.name, c.revision, c.requirement, c.locations) for c in components] == [
        ("package", "requests", None, ">=2", (Location("setup.cfg", 7),)),
        ("package", "numpy", "1.26.4", "==1.26.4", (Location("setup.cfg", 11),)),
        ("package", "click", None, None, (Location("setup.cfg", 12),)),
        ("package", "pytest", None, None, (Location("setup.cfg", 16),)),
        ("package", "pytest-cov", None, ">=4", (Location("setup.cfg", 17),)),
        ("package", "sphinx", "7.2.6", "==7.2.6", (Location("setup.cfg", 18),)),
    ]


def test_no_options_yields_nothing(tmp_path):
    assert read(tmp_path, "[metadata]\nname = demo\n") == []
    assert read(tmp_path, "") == []


def test_percent_signs_are_not_interpolated(tmp_path):
    text = "[options]\ninstall_requires =\n    pkg @ https://example.org/a%20b/pkg-1.0.tar.gz\n"
    [component] = read(tmp_path, text)
    assert (component.name, component.direct_reference) == ("pkg", "https://example.org/a%20b/pkg-1.0.tar.gz")


def test_single_line_value_is_split_at_semicolons_like_setuptools(tmp_path):
    assert [c.name for c in read(tmp_path, "[options]\ninstall_requires = a; b>=1\n")] == ["a", "b"]
    message = error_of(tmp_path, '[options]\ninstall_requires = a; python_version < "3.8"\n')
    assert message.startswith("setup.cfg:2: invalid requirement 'python_version < \"3.8\"': ")
    assert "put a requirement with a marker on its own line" in message


def test_file_directive_reads_requirements_files(tmp_path):
    (tmp_path / "requirements.txt").write_text("alpha==1\n", encoding="utf-8")
    (tmp_path / "extra.txt").write_text("beta\n", encoding="utf-8")
    components = read(tmp_path, "[options]\ninstall_requires = file: requirements.txt, extra.txt\n")
    assert [(c.name, c.revision, c.locations) for c in components] == [
        ("alpha", "1", (Location("requirements.txt", 1),)),
        ("beta", None, (Location("extra.txt", 1),)),
    ]
    assert error_of(tmp_path, "[options]\n\ninstall_requires = file: nope.txt\n") == (
        "setup.cfg:3: file: 'nope.txt' not found (looked for nope.txt)"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("install_requires = a\n", "setup.cfg:1: text before the first section header"),
        ("[options]\ninstall_requires = a\n[options]\n", "setup.cfg:3: section [options] appears twice"),
        ("[options]\nx = 1\nx = 2\n", "setup.cfg:3: key 'x' appears twice in [options]"),
        ("[options]\nthis line has no delimiter\n", "setup.cfg:2: cannot parse this line"),
        (
            "[options]\ninstall_requires =\n    ok\n    not valid!\n",
            "setup.cfg:4: invalid requirement 'not valid!': ",
        ),
        (
            "[options.extras_require]\ndev =\n    pytest\n    ===\n",
            "setup.cfg:4: invalid requirement '===': ",
        ),
    ],
)
def test_errors_name_the_line(tmp_path, text, expected):
    assert error_of(tmp_path, text).startswith(expected)


def test_wrong_encoding_names_the_line(tmp_path):
    path = tmp_path / "setup.cfg"
    path.write_bytes("[metadata]\nauthor = Zoë\n".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_setup_cfg(path, tmp_path)
    assert str(caught.value) == "setup.cfg:2: not valid UTF-8 (byte 0xeb at offset 22): save the file as UTF-8"


def test_directory_is_an_input_error(tmp_path):
    (tmp_path / "setup.cfg").mkdir()
    with pytest.raises(InputError, match=r"^setup\.cfg: is a directory, expected a file$"):
        read_setup_cfg(tmp_path / "setup.cfg", tmp_path)


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_raise_input_error(tmp_path, seed):
    import random

    path = tmp_path / "setup.cfg"
    path.write_bytes(random.Random(seed).randbytes(512))
    with pytest.raises(InputError):
        read_setup_cfg(path, tmp_path)
