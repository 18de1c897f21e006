"""The one walk of the scanned tree (licensecheck/walk.py) and its glob engine (licensecheck/globs.py).

Both readers of the tree, the input files and code discovery, take their files
from it: the rules are tested here once, and the end-to-end tests check that the
two readers agree.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from licensecheck.discover import discover
from licensecheck.globs import PathFilter
from licensecheck.sources.inputs import collect_inputs, find_input_files
from licensecheck.walk import walk

LOADER = "from transformers import AutoModel\nAutoModel.from_pretrained('{}')\n"


def tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def walked(root: Path, exclude=None, **options) -> list[str]:
    return [relative for _, relative in walk(str(root), exclude, **options)]


# -- .gitignore ---------------------------------------------------------------------------------


def test_gitignore_patterns(tmp_path):
    tree(
        tmp_path,
        {
            ".gitignore": "# comment\n*.log\n!keep.log\nbuild/\n/top.py\ndocs/**/*.tmp\n**/cache\n\\#hash.py\n",
            "a.log": "",
            "keep.log": "",
            "build/x.py": "",
            "lib/build": "",
            "top.py": "",
            "lib/top.py": "",
            "docs/a/b/c.tmp": "",
            "docs/a/c.txt": "",
            "src/cache/x.py": "",
            "#hash.py": "",
            "ok.py": "",
        },
    )
    assert walked(tmp_path) == ["keep.log", "ok.py", "docs/a/c.txt", "lib/build", "lib/top.py"]


def test_nested_gitignore_applies_below_its_folder_and_overrides(tmp_path):
    tree(
        tmp_path,
        {
            ".gitignore": "*.gen.py\n",
            "pkg/.gitignore": "!keep.gen.py\nlocal.py\n",
            "a.gen.py": "",
            "pkg/keep.gen.py": "",
            "pkg/b.gen.py": "",
            "pkg/local.py": "",
            "local.py": "",
        },
    )
    assert walked(tmp_path) == ["local.py", "pkg/keep.gen.py"]


def test_a_file_in_an_ignored_folder_cannot_be_brought_back(tmp_path):
    tree(tmp_path, {".gitignore": "build/\n!build/keep.py\n", "build/keep.py": "", "ok.py": ""})
    assert walked(tmp_path) == ["ok.py"]  # as git: a folder it ignores is not looked into


def test_git_info_exclude_applies_like_a_root_gitignore(tmp_path):
    tree(tmp_path, {".git/info/exclude": "secret.py\n", ".gitignore": "!secret.py\n", "secret.py": "", "ok.py": ""})
    assert walked(tmp_path) == ["ok.py", "secret.py"]  # and a .gitignore overrides it, as in git
    (tmp_path / ".gitignore").unlink()
    assert walked(tmp_path) == ["ok.py"]


def test_a_pattern_git_cannot_read_is_left_out_and_the_rest_applies(tmp_path):
    tree(tmp_path, {".gitignore": "[z-a]\n*.log\n", "a.log": "", "z": "", "ok.py": ""})
    assert walked(tmp_path) == ["ok.py", "z"]


# -- what is never walked --------------------------------------------------------------------------


def test_environments_caches_hidden_and_vendored_folders_are_skipped(tmp_path):
    tree(
        tmp_path,
        {
            "myenv/pyvenv.cfg": "",
            "myenv/lib/a.py": "",
            "conda/conda-meta/history": "",
            "conda/b.py": "",
            "cache/CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n",
            "cache/c.json": "",
            "oldenv/bin/activate": "",
            "oldenv/lib/python2.7/d.py": "",
            "winenv/Scripts/activate": "",
            "winenv/f.py": "",
            "env/requirements.txt": "",
            "src/env/e.py": "",
            "venv/bin/python": "",
            "venv/g.py": "",
            "node_modules/x/d.json": "",
            ".hidden/e.py": "",
            ".env.py": "",
            "pkg/__pycache__/f.py": "",
            "lib/site-packages/g.py": "",
            ".env": "",
            ".env.example": "",
            "ok.py": "",
        },
    )
    # A folder merely named env or venv is walked: projects keep real code in env/.
    assert walked(tmp_path) == [
        ".env.example",
        "ok.py",
        "env/requirements.txt",
        "src/env/e.py",
        "venv/g.py",
        "venv/bin/python",
    ]


def test_a_pyvenv_cfg_beside_a_projects_code_is_no_environment(tmp_path):
    """GOT-OCR2.0 committed the `pyvenv.cfg` of the environment it was made in at the top of its
    project folder: without an environment's own folders beside it, the folder is walked."""
    tree(
        tmp_path,
        {
            "GOT-master/pyvenv.cfg": "home = /usr/bin\n",
            "GOT-master/pyproject.toml": "",
            "GOT-master/GOT/demo/run.py": "",
            "env312/pyvenv.cfg": "home = /usr/bin\n",
            "env312/Lib/site.py": "",
        },
    )
    assert walked(tmp_path) == ["GOT-master/pyproject.toml", "GOT-master/pyvenv.cfg", "GOT-master/GOT/demo/run.py"]


def test_the_root_is_walked_whatever_it_holds_or_is_called(tmp_path):
    root = tmp_path / "venv"
    tree(root, {"pyvenv.cfg": "", "a.py": ""})
    assert walked(root) == ["a.py", "pyvenv.cfg"]


def test_symbolic_link_cycles_and_links_out_of_the_tree_are_not_followed(tmp_path):
    tree(tmp_path, {"root/pkg/a.py": "", "root/b.py": "", "outside.py": ""})
    root = tmp_path / "root"
    os.symlink(root, root / "pkg" / "loop")
    os.symlink(tmp_path / "outside.py", root / "pkg" / "out.py")
    os.symlink(root / "b.py", root / "pkg" / "in.py")
    os.symlink(root / "missing.py", root / "pkg" / "dangling.py")
    assert walked(root) == ["b.py", "pkg/a.py", "pkg/in.py"]
    # The input files ask for what cannot be read safely, to refuse it by name.
    os.mkfifo(root / "pipe.txt")
    assert walked(root) == ["b.py", "pkg/a.py", "pkg/in.py"]
    assert walked(root, with_unsafe=True) == [
        "b.py",
        "pipe.txt",
        "pkg/a.py",
        "pkg/dangling.py",
        "pkg/in.py",
        "pkg/out.py",
    ]


# -- exclude globs ---------------------------------------------------------------------------------


@pytest.mark.parametrize("exclude", [("tests/fixtures/**", "vendor"), "filter"])
def test_exclude_globs_and_the_configuration_filter(tmp_path, exclude):
    tree(
        tmp_path,
        {
            "tests/fixtures/a.py": "",
            "tests/b.py": "",
            "vendor/c.py": "",
            "src/vendor/d.py": "",
            "e.py": "",
            "pkg/.gitignore": "!*.py\n",
        },
    )
    if exclude == "filter":
        exclude = PathFilter(tmp_path, ["tests/fixtures/**", "vendor"])
    assert walked(tmp_path, exclude) == ["e.py", "tests/b.py"]


FILES = [
    "docs/vendor",
    "a/vendor/x.py",
    "vendor/y.py",
    "src/fixtures/z.py",
    "tests/fixtures/w.py",
    "keep.py",
    "skip.py",
]


@pytest.mark.parametrize(
    ("patterns", "excluded"),
    [
        # What README.md documents: `*` within a segment, `**` across folders, a name at any
        # depth, and a folder excludes everything below it.
        (["*.py"], {"a/vendor/x.py", "vendor/y.py", "src/fixtures/z.py", "tests/fixtures/w.py", "keep.py", "skip.py"}),
        (["vendor"], {"docs/vendor", "a/vendor/x.py", "vendor/y.py"}),
        (["**/fixtures"], {"src/fixtures/z.py", "tests/fixtures/w.py"}),
        (["tests/fixtures"], {"tests/fixtures/w.py"}),
        (["tests/fixtures/**"], {"tests/fixtures/w.py"}),
        (["s*.py"], {"skip.py"}),
        # Where gitignore's reading differs from the engine it replaced (globs.py before pathspec):
        (["/vendor"], {"vendor/y.py"}),  # a leading `/` anchors (was: any depth)
        (["./vendor"], {"vendor/y.py"}),  # and so does `./` (was: any depth)
        (["vendor/"], {"a/vendor/x.py", "vendor/y.py"}),  # a trailing `/`: folders only (was: the file too)
        (["*.py", "!keep.py"], {"a/vendor/x.py", "vendor/y.py", "src/fixtures/z.py", "tests/fixtures/w.py", "skip.py"}),
        (["#keep.py"], set()),  # a comment (was: a file named `#keep.py`)
        (["tests\\fixtures"], set()),  # `\` escapes the next character (was: a Windows separator)
        (
            ["vendor/", "!vendor/y.py"],
            {"a/vendor/x.py", "vendor/y.py"},
        ),  # as in git: nothing comes back from an excluded folder
    ],
)
def test_exclude_glob_semantics(tmp_path, patterns, excluded):
    tree(tmp_path, {name: "" for name in FILES})
    assert set(FILES) - set(walked(tmp_path, PathFilter(tmp_path, patterns))) == excluded


def test_exclude_globs_are_relative_to_their_base_and_spare_paths_outside_it(tmp_path):
    only = PathFilter(tmp_path / "services", ["vendor"])
    assert only(tmp_path / "services" / "api" / "vendor", is_dir=True)
    assert not only(tmp_path / "vendor", is_dir=True)
    assert not only(tmp_path / "services", is_dir=True)


# -- both readers walk the same tree ---------------------------------------------------------------


@pytest.fixture
def project(tmp_path):
    """A project whose `.gitignore` drops a folder holding a requirement file and code beside it."""
    tree(
        tmp_path,
        {
            ".gitignore": "scratch/\n*.local.txt\n",
            "requirements.txt": "requests==2.32.3\n",
            "train.py": LOADER.format("acme/kept"),
            "scratch/requirements.txt": "leftpad==1.0\n",
            "scratch/try.py": LOADER.format("acme/ignored"),
            "requirements.local.txt": "ignored-too==1.0\n",
            "env/bin/activate": "",  # an environment virtualenv < 20 made: no pyvenv.cfg
            "env/requirements.txt": "in-an-env==1.0\n",
            "env/setup.py": LOADER.format("acme/in-an-env"),
            "tool/pyvenv.cfg": "home = /usr/bin\n",
            "tool/bin/python": "",
            "tool/requirements.txt": "in-a-venv==1.0\n",
            "tool/run.py": LOADER.format("acme/in-a-venv"),
        },
    )
    return tmp_path


def test_a_gitignored_folder_is_read_by_neither_reader(project):
    inputs = collect_inputs(project)
    assert inputs.files == ("requirements.txt",)
    assert {(c.type, c.name) for c in inputs.components} == {("package", "requests"), ("model", "acme/kept")}
    assert {r.name for r in discover(project).references} == {"acme/kept"}


def test_both_readers_honour_the_configuration_exclude(project):
    tree(project, {"vendor/requirements.txt": "vendored==1.0\n", "vendor/load.py": LOADER.format("acme/vendored")})
    exclude = PathFilter(project, ["vendor"])
    inputs = collect_inputs(project, exclude)
    assert inputs.files == ("requirements.txt",)
    assert {c.name for c in inputs.components} == {"requests", "acme/kept"}
    assert [p.relative_to(project).as_posix() for p in find_input_files(project)] == [
        "requirements.txt",
        "vendor/requirements.txt",
    ]


def test_a_file_named_as_the_root_is_read_whatever_the_rules(project):
    (project / ".gitignore").write_text("requirements*.txt\n")
    assert find_input_files(project / "requirements.txt") == [project / "requirements.txt"]
    assert find_input_files(project) == []


def test_pathspec_is_imported_only_for_a_tree_with_patterns(tmp_path):
    tree(tmp_path, {"plain/requirements.txt": "x==1\n", "ignoring/.gitignore": "*.log\n", "ignoring/a.py": ""})
    probe = (
        "import sys\nfrom licensecheck.walk import walk\n"
        "list(walk(sys.argv[1])); print('pathspec' in sys.modules)\n"
        "list(walk(sys.argv[2])); print('pathspec' in sys.modules)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "plain"), str(tmp_path / "ignoring")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.split() == ["False", "True"]


# -- the one-regex prefilter of globs.py -------------------------------------------------------------

_SEGMENTS = ["a", "b", "build", "x.log", "keep.log", "vendor", "src", "node", "data-1", "é"]
_PATTERNS = [
    "*.log",
    "build/",
    "/vendor",
    "!keep.log",
    "a/**/b",
    "src/*",
    "**/data-?",
    "[ab]",
    "\\#x",
    "node/",
    "!src/b",
    "/a/",
    "*",
    "[z-a]",
    "b/**",
]


@given(
    patterns=st.lists(st.sampled_from(_PATTERNS), max_size=6),
    path=st.lists(st.sampled_from(_SEGMENTS), min_size=1, max_size=4),
    is_dir=st.booleans(),
)
@settings(max_examples=300, deadline=None)
def test_the_prefilter_never_changes_what_pathspec_decides(patterns, path, is_dir):
    from licensecheck.globs import compile_globs, verdict

    globs = compile_globs(patterns)
    relative = "/".join(path)
    assert verdict(globs, relative, is_dir) == globs.spec.check_file(relative + "/" if is_dir else relative).include


def test_the_walk_hands_over_the_listing_of_each_folder_it_enters(tmp_path):
    """Discovery asks whether an id's first part is a folder of the project: the walk's own
    listings answer, so no folder is listed twice (a skipped folder is not entered, nor listed)."""
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text("")
    (tmp_path / "pkg" / "data").mkdir()
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "x.py").write_text("")
    (tmp_path / "top.py").write_text("")
    listings: dict[str, frozenset[str]] = {}
    list(walk(str(tmp_path), listings=listings))
    assert listings == {
        str(tmp_path): frozenset({"pkg", "node_modules", "top.py"}),
        os.path.join(str(tmp_path), "pkg"): frozenset({"a.py", "data"}),
        os.path.join(str(tmp_path), "pkg", "data"): frozenset(),
    }


@pytest.mark.parametrize(
    "name",
    [
        "models.yaml",
        "models.yml",
        "pyproject.toml",
        "setup.cfg",
        "setup.py",
        "requirements.txt",
        "requirements-dev.txt",
        "base.txt",
        "uv.lock",
        "poetry.lock",
        "pylock.toml",
        "pylock.dev.toml",
        "Pipfile.lock",
        "Model-Q4_K_M.GGUF",
    ],
)
def test_the_cheap_name_test_lets_every_input_through(name):
    from licensecheck.sources.inputs import input_kind, may_be_input

    path = Path("requirements") / name  # a `.txt` under requirements/ is a requirements file
    assert input_kind(path) is not None
    assert may_be_input(name)


@pytest.mark.parametrize("name", ["module.py", "README.md", "config.yaml", "data.json", "Dockerfile", "x.lock"])
def test_the_cheap_name_test_passes_over_other_files(name):
    from licensecheck.sources.inputs import input_kind, may_be_input

    assert not may_be_input(name) and input_kind(Path(name)) is None
