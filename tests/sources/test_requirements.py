from pathlib import Path

import pytest

from licensecheck.errors import InputError
from licensecheck.model import Location
from licensecheck.sources.requirements import read_requirements

ASSETS = Path(__file__).parent / "assets"


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def read(directory: Path, text: str, name: str = "requirements.txt"):
    return read_requirements(write(directory, name, text), directory)


def error_of(directory: Path, text: str, name: str = "requirements.txt") -> str:
    with pytest.raises(InputError) as caught:
        read(directory, text, name)
    return str(caught.value)


def summary(components):
    return [(c.name, c.revision, c.requirement, c.direct_reference, c.locations) for c in components]


def test_asset_tree_with_include_cycle_constraints_and_hashes():
    root = ASSETS
    components = read_requirements(root / "requirements" / "requirements.txt", root)
    main, dev = "requirements/requirements.txt", "requirements/requirements-dev.txt"
    assert summary(components) == [
        # pinned by constraints.txt, and the pin satisfies >=2.31
        ("requests", "2.31.0", ">=2.31", None, (Location(main, 5),)),
        # the continuation with two hashes is one requirement, at its first line
        ("django", "4.2.11", "==4.2.11", None, (Location(main, 6),)),
        ("numpy", "1.26.4", None, None, (Location(main, 9),)),
        # from the included file, with its own location; its own pin wins over the constraint
        ("pytest", "8.1.1", "===8.1.1", None, (Location(dev, 3),)),
        ("my-tool", None, None, "git+https://github.com/example/My_Repo.git@v1.0#egg=my-tool", (Location(main, 12),)),
        ("foo-bar", None, None, "https://files.example.org/foo_bar-2.0-py3-none-any.whl", (Location(main, 13),)),
    ]
    assert {c.type for c in components} == {"package"}


def test_names_are_canonicalised_and_only_exact_pins_are_revisions(tmp_path):
    components = read(
        tmp_path,
        "Foo.Bar_Baz==1.0\nwild==1.*\nrange>=1,<2\nextra[socks]==2.0 ; sys_platform == 'linux'\n",
    )
    assert summary(components) == [
        ("foo-bar-baz", "1.0", "==1.0", None, (Location("requirements.txt", 1),)),
        ("wild", None, "==1.*", None, (Location("requirements.txt", 2),)),
        ("range", None, "<2,>=1", None, (Location("requirements.txt", 3),)),
        ("extra", "2.0", "==2.0", None, (Location("requirements.txt", 4),)),
    ]


def test_comments_blank_lines_and_global_options_are_skipped(tmp_path):
    text = (
        "# heading\n"
        "\n"
        "   # indented comment\n"
        "-i https://pypi.org/simple\n"
        "--index-url=https://pypi.org/simple\n"
        "--find-links ./wheels\n"
        "--trusted-host example.org\n"
        "--no-binary :all:\n"
        "--only-binary=:none:\n"
        "--prefer-binary\n"
        "--require-hashes\n"
        "six  # trailing comment\n"
    )
    assert summary(read(tmp_path, text)) == [("six", None, None, None, (Location("requirements.txt", 12),))]


def test_continuation_located_at_first_line_with_hashes_on_following_lines(tmp_path):
    text = "a==1\nb==2 \\\n  --hash=sha256:abc \\\n  --hash sha256:def\nc\n"
    components = read(tmp_path, text)
    assert [(c.name, c.locations[0].line) for c in components] == [("a", 1), ("b", 2), ("c", 5)]


def test_comment_line_ends_a_continuation(tmp_path):
    components = read(tmp_path, "a \\\n# note \\\nb\n")
    assert [(c.name, c.locations[0].line) for c in components] == [("a", 1), ("b", 3)]


def test_direct_references_take_their_names_from_the_target(tmp_path):
    (tmp_path / "tools" / "my_lib").mkdir(parents=True)
    text = (
        "-e ./tools/my_lib\n"
        "--editable=git+https://github.com/org/thing.git@main#egg=Thing[cli]\n"
        "git+https://github.com/org/Other.git@v2\n"
        "./tools/my_lib[extra]\n"
        "https://example.org/dist/pkg_name-1.0.tar.gz ; python_version >= '3.9'\n"
        "file:///opt/wheels/wheelie-3.0-py3-none-any.whl\n"
        "attrs @ https://${TOKEN}@example.org/attrs.tar.gz\n"
        "-e .\n"
    )
    components = read(tmp_path, text)
    assert [(c.name, c.direct_reference, c.requirement, c.revision) for c in components] == [
        ("my-lib", "./tools/my_lib", None, None),
        # extras are not part of the target
        ("thing", "git+https://github.com/org/thing.git@main#egg=Thing", None, None),
        ("other", "git+https://github.com/org/Other.git@v2", None, None),
        ("my-lib", "./tools/my_lib", None, None),
        ("pkg-name", "https://example.org/dist/pkg_name-1.0.tar.gz", None, None),
        ("wheelie", "file:///opt/wheels/wheelie-3.0-py3-none-any.whl", None, None),
        ("attrs", "https://${TOKEN}@example.org/attrs.tar.gz", None, None),
        # `-e .` is named after the directory the requirements file is in
        (tmp_path.name.lower().replace("_", "-"), ".", None, None),
    ]


def test_target_without_a_usable_name_is_an_error(tmp_path):
    message = error_of(tmp_path, "ok\nhttps://example.org/\n")
    assert message.startswith("requirements.txt:2: cannot tell the project name of 'https://example.org/'")
    assert "#egg=" in message


def test_include_keeps_locations_of_the_included_file_and_paths_are_relative_to_it(tmp_path):
    write(tmp_path, "reqs/base.txt", "alpha\n-r nested/more.txt\n")
    write(tmp_path, "reqs/nested/more.txt", "# more\nbeta==2\n")
    components = read(tmp_path, "--requirement reqs/base.txt\ngamma\n")
    assert [(c.name, c.locations) for c in components] == [
        ("alpha", (Location("reqs/base.txt", 1),)),
        ("beta", (Location("reqs/nested/more.txt", 2),)),
        ("gamma", (Location("requirements.txt", 2),)),
    ]


def test_self_include_and_mutual_cycles_read_each_file_once(tmp_path):
    write(tmp_path, "b.txt", "-r requirements.txt\nbee\n")
    components = read(tmp_path, "-r requirements.txt\n-r b.txt\n-rb.txt\nay\n")
    assert [c.name for c in components] == ["bee", "ay"]


def test_missing_include_is_an_error_at_the_including_line(tmp_path):
    message = error_of(tmp_path, "a\n\n-r missing.txt\n")
    assert message == "requirements.txt:3: included file 'missing.txt' not found (looked for missing.txt)"
    message = error_of(tmp_path, "-c sub/none.txt\n")
    assert message == "requirements.txt:1: included file 'sub/none.txt' not found (looked for sub/none.txt)"


def test_include_of_a_directory_or_url_is_an_error(tmp_path):
    (tmp_path / "dir").mkdir()
    assert error_of(tmp_path, "-r dir\n").startswith("requirements.txt:1: included 'dir' (dir) is a directory")
    assert error_of(tmp_path, "x\n-r https://example.org/r.txt\n").startswith(
        "requirements.txt:2: cannot include 'https://example.org/r.txt': only local files"
    )


def test_errors_inside_an_included_file_name_that_file(tmp_path):
    write(tmp_path, "sub/inner.txt", "ok\nnot a requirement!\n")
    message = error_of(tmp_path, "-r sub/inner.txt\n")
    assert message.startswith("sub/inner.txt:2: invalid requirement 'not a requirement!': ")


def test_constraints_add_no_components_and_only_pin_compatible_unpinned_requirements(tmp_path):
    write(tmp_path, "c.txt", "a==1.5\nb==3.0\nc==2.0\nd>=1\nunused==9\n")
    components = read(tmp_path, "-c c.txt\na\nb<3\nc==1.0\nd\n")
    assert [(c.name, c.revision) for c in components] == [
        ("a", "1.5"),
        ("b", None),  # 3.0 does not satisfy <3: no invented version
        ("c", "1.0"),  # an explicit pin is kept
        ("d", None),  # a range in a constraints file pins nothing
    ]


def test_invalid_requirement_names_the_line_and_packaging_reason(tmp_path):
    from packaging.requirements import InvalidRequirement, Requirement

    # packaging words its reason differently from one release to the next: ask it.
    with pytest.raises(InvalidRequirement) as raised:
        Requirement("foo==1.0 bar")
    reason = str(raised.value).splitlines()[0]
    assert reason.startswith("Expected ")
    message = error_of(tmp_path, "ok\n\nfoo==1.0 bar\n")
    assert message == f"requirements.txt:3: invalid requirement 'foo==1.0 bar': {reason}"


def test_unset_variable_in_a_version_is_an_invalid_requirement(tmp_path):
    assert error_of(tmp_path, "foo==${VERSION}\n").startswith(
        "requirements.txt:1: invalid requirement 'foo==${VERSION}'"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("--frobnicate\n", "requirements.txt:1: unknown option '--frobnicate'"),
        ("a\n-r\n", "requirements.txt:2: option -r needs a value"),
        ("--pre=yes\n", "requirements.txt:1: option --pre takes no value"),
        ("--hash=sha256:abc\n", "requirements.txt:1: option --hash belongs to a requirement"),
        ("foo --pre\n", "requirements.txt:1: option --pre cannot follow a requirement"),
        ("foo --bogus=1\n", "requirements.txt:1: unknown option '--bogus'"),
        ("-r a.txt stray\n", "requirements.txt:1: unexpected 'stray'"),
        ('-r "unterminated\n', "requirements.txt:1: cannot split"),
        ("foo \\\n  --hash\n", "requirements.txt:1: option --hash needs a value"),
    ],
)
def test_option_errors(tmp_path, text, expected):
    write(tmp_path, "a.txt", "")
    assert error_of(tmp_path, text).startswith(expected)


def test_hash_after_editable_is_accepted(tmp_path):
    components = read(tmp_path, "-e ./pkg --hash=sha256:abc\n")
    assert [(c.name, c.direct_reference) for c in components] == [("pkg", "./pkg")]


def test_empty_file_yields_nothing(tmp_path):
    assert read(tmp_path, "") == []
    assert read(tmp_path, "# only a comment\n\n") == []


def test_crlf_line_endings(tmp_path):
    path = tmp_path / "requirements.txt"
    path.write_bytes(b"a==1\r\nb \\\r\n  --hash=sha256:0\r\n")
    components = read_requirements(path, tmp_path)
    assert [(c.name, c.revision, c.locations[0].line) for c in components] == [("a", "1", 1), ("b", None, 2)]


def test_wrong_encoding_names_the_line(tmp_path):
    path = tmp_path / "requirements.txt"
    path.write_bytes("requests\nnumpy  # café\n".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_requirements(path, tmp_path)
    assert str(caught.value) == "requirements.txt:2: not valid UTF-8 (byte 0xe9 at offset 21): save the file as UTF-8"


def test_directory_and_missing_file_are_input_errors(tmp_path):
    (tmp_path / "requirements.txt").mkdir()
    with pytest.raises(InputError, match=r"^requirements\.txt: is a directory, expected a file$"):
        read_requirements(tmp_path / "requirements.txt", tmp_path)
    with pytest.raises(InputError, match=r"^nope\.txt: cannot read the file: No such file or directory$"):
        read_requirements(tmp_path / "nope.txt", tmp_path)


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_raise_input_error(tmp_path, seed):
    import random

    path = tmp_path / "requirements.txt"
    path.write_bytes(random.Random(seed).randbytes(512))
    with pytest.raises(InputError):
        read_requirements(path, tmp_path)


@pytest.mark.parametrize("seed", range(20))
def test_random_text_gives_components_or_input_error(tmp_path, seed):
    import random

    rng = random.Random(seed)
    pieces = [
        "a",
        "b==1",
        "-r",
        "-c",
        "-e",
        " ",
        "\n",
        "\\\n",
        "#",
        "@",
        "/",
        ".",
        "[",
        "]",
        ";",
        "--hash=",
        '"',
        "${X}",
    ]
    text = "".join(rng.choice(pieces) for _ in range(200))
    try:
        components = read(tmp_path, text)
    except InputError as error:
        assert str(error).startswith("requirements.txt")
    else:
        assert all(c.type == "package" and c.name for c in components)


def test_reader_modules_do_not_import_heavy_parsers():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import licensecheck.sources.requirements, licensecheck.sources.pyproject\n"
        "import licensecheck.sources.setupcfg, licensecheck.sources.manifest\n"
        "print(sorted(m for m in ('packaging', 'yaml', 'tomllib', 'configparser') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path(__file__).parents[2]
    )
    assert result.stdout.strip() == "[]"


def test_malformed_url_is_an_input_error(tmp_path):
    assert error_of(tmp_path, "a\nhttps://[::1/pkg-1.0.tar.gz\n").startswith(
        "requirements.txt:2: invalid URL 'https://[::1/pkg-1.0.tar.gz': "
    )


def _include_chain(directory: Path, length: int) -> None:
    """requirements.txt includes r1.txt, which includes r2.txt, ... r{length}.txt, which names a package."""
    write(directory, "requirements.txt", "-r r1.txt\n")
    for index in range(1, length):
        write(directory, f"r{index}.txt", f"pkg-{index}\n-r r{index + 1}.txt\n")
    write(directory, f"r{length}.txt", "last\n")


def test_a_chain_of_includes_at_the_depth_limit_is_read(tmp_path):
    from licensecheck.sources.requirements import MAX_INCLUDE_DEPTH

    _include_chain(tmp_path, MAX_INCLUDE_DEPTH)
    components = read_requirements(tmp_path / "requirements.txt", tmp_path)
    assert [c.name for c in components] == [f"pkg-{i}" for i in range(1, MAX_INCLUDE_DEPTH)] + ["last"]


def test_a_thousand_deep_chain_of_includes_is_an_error_about_the_depth(tmp_path):
    from click.testing import CliRunner

    from licensecheck.cli import main

    _include_chain(tmp_path, 1000)
    expected = (
        "r32.txt:2: includes are nested more than 32 files deep (-r/-c): 'r33.txt' is not read; "
        "include the files from fewer levels"
    )
    with pytest.raises(InputError) as caught:
        read_requirements(tmp_path / "requirements.txt", tmp_path)
    assert str(caught.value) == expected
    result = CliRunner().invoke(main, ["scan", str(tmp_path), "--offline", "--no-discover"])
    assert result.exit_code == 2
    assert result.stderr == f"licensecheck: error: {expected}\n"


def test_a_name_that_does_not_end_with_a_letter_or_digit_is_an_error(tmp_path):
    # packaging accepts `pkg_`; PEP 508 and PyPI do not, and it would canonicalise to `pkg-`.
    assert error_of(tmp_path, "ok\npkg_==1.0\n") == (
        "requirements.txt:2: invalid requirement 'pkg_==1.0': 'pkg_' is not a project name "
        "(it must start and end with a letter or digit)"
    )
