"""Old against new: CPU time per file of discovery, and of a whole offline scan, for two source trees.

    .venv/bin/python bench/discover_compare.py OLD_TREE NEW_TREE            # 1k and 10k files, 5 repetitions
    .venv/bin/python bench/discover_compare.py /tmp/speed-base . --sizes 10000 --repetitions 3

OLD_TREE and NEW_TREE are checkouts of licensecheck (e.g. `git worktree add
/tmp/base a9281d1`); each side runs with PYTHONPATH pointing at its tree, and
`python -P` so that the working folder cannot shadow it (each child says which
code it imported, and a child that imported the wrong side stops the run). Both
scan the same generated tree, built once per size by this tree's
bench/discover_bench.py (one generator, whatever the sides' own benches build).
Two figures per side and size:

  discovery   `discover(root)` in a child process: CPU time of the call alone
              (time.process_time around it; after one warm-up call that pays
              the imports, the fastest of three), so start-up is left out;
  scan        `python -m licensecheck scan ROOT --offline --format json` as a
              child process, every cache off (LICENSECHECK_NO_CACHE=1: older
              trees have no --no-cache): its whole CPU time, user and system
              (resource.getrusage(RUSAGE_CHILDREN)), start-up and report included.

The machine is shared, so absolute times drift with the load: the sides run
interleaved (old, new, old, new...), each figure is the fastest of the
repetitions, and what to read is the ratio new/old of CPU time per file.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from discover_bench import build  # noqa: E402

# Run in the child: one warm-up call (imports), then the fastest of three (discovery keeps no cache between calls).
_DISCOVERY = """
import json, sys, time
from pathlib import Path
import licensecheck
from licensecheck.discover import discover
root = Path(sys.argv[1])
discover(root)
times = []
for _ in range(3):
    started = time.process_time()
    result = discover(root)
    times.append(time.process_time() - started)
print(json.dumps({"cpu": min(times), "references": len(result.references), "code": licensecheck.__file__}))
"""


def _environment(tree: Path, cache: Path) -> dict[str, str]:
    environment = dict(
        os.environ,
        PYTHONPATH=str(tree.resolve()),
        LICENSECHECK_CACHE_DIR=str(cache),
        LICENSECHECK_NO_CACHE="1",
        HF_HUB_OFFLINE="1",
        NO_COLOR="1",
    )
    environment.pop("HF_TOKEN", None)
    return environment


def discovery_cpu(tree: Path, root: Path, cache: Path) -> tuple[float, int]:
    """(CPU seconds of one discover() call, references found) with `tree`'s code."""
    # -P: without it, `python -c` puts the working folder first on sys.path, and run from a
    # checkout both sides would import that checkout's code, whatever PYTHONPATH says.
    done = subprocess.run(
        [sys.executable, "-P", "-c", _DISCOVERY, str(root)],
        env=_environment(tree, cache),
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    )
    answer = json.loads(done.stdout)
    if not Path(answer["code"]).resolve().is_relative_to(tree.resolve()):
        raise SystemExit(f"the child meant to run {tree} imported {answer['code']}")
    return answer["cpu"], answer["references"]


def scan_cpu(tree: Path, root: Path, cache: Path) -> tuple[float, int]:
    """(CPU seconds of the whole `scan --offline` child, its exit code) with `tree`'s code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [
            sys.executable,
            "-P",
            "-m",
            "licensecheck",
            "scan",
            str(root),
            "--offline",
            "--format",
            "json",
            "-o",
            os.devnull,
        ],
        env=_environment(tree, cache),
        capture_output=True,
        text=True,
        cwd=root,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1, 3):
        raise SystemExit(f"scan with {tree} failed ({done.returncode}): {done.stderr[-2000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("old", type=Path, help="the old source tree (holds licensecheck/)")
    parser.add_argument("new", type=Path, help="the new source tree")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repetitions", type=int, default=5)
    options = parser.parse_args()
    sides = {"old": options.old, "new": options.new}
    for tree in sides.values():
        if not (tree / "licensecheck" / "__init__.py").is_file():
            parser.error(f"{tree}: no licensecheck/ package here")
    with tempfile.TemporaryDirectory() as work:
        cache = Path(work) / "cache"
        for size in options.sizes:
            root = Path(work) / f"tree-{size}"
            build(root, size)
            figures: dict[tuple[str, str], list[float]] = {}
            found: dict[str, set] = {"old": set(), "new": set()}
            for _ in range(options.repetitions):
                for side, tree in sides.items():  # interleaved: a burst of load hits both sides alike
                    cpu, references = discovery_cpu(tree, root, cache)
                    figures.setdefault((side, "discovery"), []).append(cpu)
                    found[side].add(references)
                    cpu, _code = scan_cpu(tree, root, cache)
                    figures.setdefault((side, "scan"), []).append(cpu)
            print(
                f"{size:,} files ({options.repetitions} repetitions, fastest shown; references old "
                f"{sorted(found['old'])}, new {sorted(found['new'])})"
            )
            for what in ("discovery", "scan"):
                old, new = min(figures[("old", what)]), min(figures[("new", what)])
                print(
                    f"  {what:<9}  old {old:7.3f} s CPU {old / size * 1e6:6.1f} µs/file   "
                    f"new {new:7.3f} s CPU {new / size * 1e6:6.1f} µs/file   new/old {new / old:.2f}"
                )
                for side in sides:
                    print(f"    {side} all: " + " ".join(f"{t:.3f}" for t in figures[(side, what)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
