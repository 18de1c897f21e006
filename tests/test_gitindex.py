"""Tracked files are walked whatever `.gitignore` says, as in git: the index is read, never git run.

Each repository here is made by the real git (`git init`, `git add`), so the
index formats read are the ones git writes.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from licensecheck.discover import discover
from licensecheck.gitindex import MAX_INDEX_BYTES, parse_index, tracked_files
from licensecheck.walk import walk

GIT_ENV = {
    **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.com",
}
RUN_SH = 'python run.py --model_path "openbmb/MiniCPM4-Survey"\n'
UNTRACKED_SH = 'python run.py --model_path "org/untracked-model"\n'
# Walked whatever the index says; the tracked files the ignore rules match; what stays ignored.
PLAIN = {"main.py"}
TRACKED_IGNORED = {"demo/scripts/run.sh", "deep/build/keep/a.py", "notes.log"}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, env=GIT_ENV, check=True, capture_output=True, text=True).stdout


def make_repo(repo: Path) -> Path:
    """MiniCPM's case: root `.gitignore` has `scripts/`; one script under it is committed, one beside it is not."""
    repo.mkdir()
    files = {
        ".gitignore": "scripts/\nbuild/\n*.log\n",
        "main.py": "x = 1\n",
        "demo/scripts/run.sh": RUN_SH,
        "deep/build/keep/a.py": "y = 2\n",
        "notes.log": "tracked log\n",
    }
    for relative, text in files.items():
        (repo / relative).parent.mkdir(parents=True, exist_ok=True)
        (repo / relative).write_text(text)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "add", "-f", *sorted(TRACKED_IGNORED))
    # Untracked, under the same rules: still ignored.
    (repo / "demo/scripts/other.sh").write_text(UNTRACKED_SH)
    (repo / "deep/build/keep/b.py").write_text("z = 3\n")
    (repo / "deep/build/out").mkdir()
    (repo / "deep/build/out/c.py").write_text("w = 4\n")
    (repo / "other.log").write_text("untracked log\n")
    (repo / "scripts").mkdir()
    (repo / "scripts/untracked.sh").write_text(UNTRACKED_SH)
    return repo


def walked(root: Path) -> set[str]:
    return {relative for _, relative in walk(str(root))}


def test_a_tracked_file_under_an_ignored_folder_is_walked_and_an_untracked_one_beside_it_is_not(tmp_path):
    repo = make_repo(tmp_path / "repo")
    assert walked(repo) == PLAIN | TRACKED_IGNORED
    names = {(c.type, c.name) for c in discover(repo).components}
    assert names == {("model", "openbmb/MiniCPM4-Survey")}


def test_without_an_index_the_ignore_rules_apply_as_before(tmp_path):
    repo = make_repo(tmp_path / "repo")
    (repo / ".git" / "index").unlink()
    assert tracked_files(str(repo)) is None
    assert walked(repo) == PLAIN


def test_the_index_is_read_only_when_a_rule_skips_a_path(tmp_path, monkeypatch):
    repo = make_repo(tmp_path / "repo")
    (repo / ".gitignore").write_text("nothing-matches-this\n")
    import licensecheck.walk as walk_module

    def refuse(root):
        raise AssertionError("the index was read")

    monkeypatch.setattr(walk_module, "tracked_files", refuse)
    assert "demo/scripts/other.sh" in walked(repo)


def test_index_version_4_with_prefix_compressed_paths(tmp_path):
    repo = make_repo(tmp_path / "repo")
    # A path longer than the entry's 12-bit name length field, in the index only (no file system takes it).
    blob = git(repo, "hash-object", "-w", "main.py").strip()
    long = "deep/build/keep/" + "/".join(["n" * 200] * 25)
    git(repo, "update-index", "--add", "--cacheinfo", f"100644,{blob},{long}")
    listed = git(repo, "ls-files", "-z").split("\0")[:-1]
    assert parse_index((repo / ".git/index").read_bytes()) == listed
    git(repo, "update-index", "--index-version", "4")
    data = (repo / ".git/index").read_bytes()
    assert data[4:8] == (4).to_bytes(4, "big")
    assert parse_index(data) == listed
    assert walked(repo) == PLAIN | TRACKED_IGNORED


def test_index_version_3_with_extended_flags(tmp_path):
    repo = make_repo(tmp_path / "repo")
    git(repo, "add", "-N", "-f", "other.log")  # intent-to-add: an extended flag, so git writes version 3
    data = (repo / ".git/index").read_bytes()
    assert data[4:8] == (3).to_bytes(4, "big")
    assert set(parse_index(data)) == TRACKED_IGNORED | PLAIN | {".gitignore", "other.log"}


@pytest.mark.parametrize("damage", ["flip", "truncate", "signature", "empty"])
def test_a_corrupt_index_falls_back_to_the_ignore_rules_without_error(tmp_path, damage):
    repo = make_repo(tmp_path / "repo")
    index = repo / ".git" / "index"
    data = bytearray(index.read_bytes())
    if damage == "flip":
        data[40] ^= 0xFF
    elif damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "signature":
        data[:4] = b"XXXX"
    else:
        data = bytearray()
    index.write_bytes(bytes(data))
    assert parse_index(bytes(data)) is None
    assert walked(repo) == PLAIN


def test_an_index_larger_than_the_cap_is_not_read(tmp_path):
    repo = make_repo(tmp_path / "repo")
    with open(repo / ".git" / "index", "r+b") as handle:
        handle.truncate(MAX_INDEX_BYTES + 1)  # sparse: no disk used
    assert tracked_files(str(repo)) is None
    assert walked(repo) == PLAIN


def test_a_worktree_whose_git_is_a_file_reads_its_own_index(tmp_path):
    repo = make_repo(tmp_path / "repo")
    git(repo, "commit", "-q", "-m", "first")
    worktree = tmp_path / "worktree"
    git(repo, "worktree", "add", "-q", str(worktree))
    assert (worktree / ".git").is_file()
    assert walked(worktree) == PLAIN | TRACKED_IGNORED


def test_a_git_file_naming_nothing_readable_falls_back(tmp_path):
    repo = make_repo(tmp_path / "repo")
    os.rename(repo / ".git", tmp_path / "elsewhere")
    (repo / ".git").write_text("gitdir: ../missing\n")
    assert walked(repo) == PLAIN
    (repo / ".git").write_text("gitdir: ../elsewhere\n")  # relative to the work tree, as git writes it
    assert walked(repo) == PLAIN | TRACKED_IGNORED
