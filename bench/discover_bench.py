"""How fast is discovery? Files per second and peak memory on generated trees of 1,000 and 10,000 files.

    .venv/bin/python bench/discover_bench.py              # 1k and 10k files, median of 5 runs each
    .venv/bin/python bench/discover_bench.py --sizes 1000 10000 50000

Each tree is a realistic mix, per 100 files: 70 Python modules without a loader
(some with path-like strings), 10 with loaders (module constants, a function whose
parameter reaches `from_pretrained` and its callers in other modules), 5 YAML and
5 JSON configurations (half with model keys), 2 notebooks, 2 shell scripts, a
Dockerfile and 5 Markdown or text files; plus a .gitignore'd folder and a virtual
environment that must not be read. Discovery runs in this process (`discover()`),
so the figure is discovery alone: no interpreter start-up, no scan. Prints the wall
and CPU time and files per second at each size, the ratio of CPU time per file at
the largest size to the smallest (1.0 is linear; CPU time because other processes
on the machine barely disturb it), and peak memory (tracemalloc: Python allocations
during the run; ru_maxrss: the process).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from licensecheck.discover import discover  # noqa: E402

PLAIN = '''"""Module {n}: request handlers."""

import os

ROUTE = "/api/v1/items/{n}"
DATA_DIR = "data/shard-{n}"


def handler_{n}(event):
    path = os.path.join(DATA_DIR, str(event))
    return {{"route": ROUTE, "path": path, "status": "ok"}}
'''
LOADER = '''"""Model loading for component {n}."""

from transformers import AutoModelForCausalLM, AutoTokenizer

MODEL_{n} = "org-{o}/model-{n}"


def load_{n}(name=MODEL_{n}, revision=None):
    tokenizer = AutoTokenizer.from_pretrained(name, revision=revision)
    return AutoModelForCausalLM.from_pretrained(name, revision=revision), tokenizer
'''
CALLER = """from pkg{p}.loaders_{n} import load_{n}

ALT = "org-{o}/alt-{n}"


def main():
    return load_{n}(ALT)
"""
YAML = "model:\n  name: org-{o}/served-{n}\n  max_len: 4096\nserver:\n  route: /v1/chat\n"
YAML_PLAIN = "logging:\n  level: info\n  format: json\nworkers: 4\n"
JSON = '{{"model_name_or_path": "org-{o}/eval-{n}", "dataset_name": "org-{o}/set-{n}", "batch": 8}}\n'
JSON_PLAIN = '{{"zero_optimization": {{"stage": 2}}, "bf16": {{"enabled": true}}}}\n'
SHELL = "#!/bin/sh\nset -e\nhuggingface-cli download org-{o}/weights-{n} --local-dir /models/{n}\n"
DOCKER = "FROM python:3.12-slim\nARG MODEL=org-{o}/docker-{n}\nRUN huggingface-cli download $MODEL\n"
MARKDOWN = "# Notes {n}\n\nWe tried org-{o}/prose-{n} and it was fine.\n"


def notebook(n: int, o: int) -> str:
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": [f"# Experiment {n}\n"]},
        {
            "cell_type": "code",
            "metadata": {},
            "outputs": [],
            "execution_count": None,
            "source": ["from datasets import load_dataset\n", f"ds = load_dataset('org-{o}/nb-{n}')\n"],
        },
    ]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)


def build(root: Path, files: int) -> int:
    """A tree of `files` files (and a few that must be skipped); returns the references expected."""
    expected = 0
    root.mkdir(parents=True)
    (root / ".gitignore").write_text("outputs/\n")
    for skipped in ("outputs/run", "venv-bench"):
        (root / skipped).mkdir(parents=True)
        (root / skipped / "x.py").write_text(LOADER.format(n=0, o=0))
    (root / "venv-bench" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (root / "venv-bench" / "bin").mkdir()  # what makes it an environment, beside its pyvenv.cfg
    for n in range(files):
        o, slot = n % 97, n % 100
        package = root / f"pkg{n // 500}"
        package.mkdir(exist_ok=True)
        if slot < 70:
            name, text = f"module_{n}.py", PLAIN.format(n=n)
        elif slot < 75:
            name, text = f"loaders_{n}.py", LOADER.format(n=n, o=o)
            expected += 1
        elif slot < 80:
            # calls the loader module written five files earlier
            name, text = f"caller_{n}.py", CALLER.format(p=(n - 5) // 500, n=n - 5, o=o)
            expected += 1
        elif slot < 85:
            name, text = f"config_{n}.yaml", (YAML if slot % 2 else YAML_PLAIN).format(n=n, o=o)
            expected += slot % 2
        elif slot < 90:
            name, text = f"config_{n}.json", (JSON if slot % 2 else JSON_PLAIN).format(n=n, o=o)
            expected += 2 * (slot % 2)
        elif slot < 92:
            name, text = f"explore_{n}.ipynb", notebook(n, o)
            expected += 1
        elif slot < 94:
            name, text = f"fetch_{n}.sh", SHELL.format(n=n, o=o)
            expected += 1
        elif slot < 95:
            name, text = f"Dockerfile.{n}", DOCKER.format(n=n, o=o)
            expected += 1
        else:
            name, text = f"notes_{n}.md", MARKDOWN.format(n=n, o=o)
        (package / name).write_text(text, encoding="utf-8")
    (root / "__init__.py").write_text("")
    for package in root.glob("pkg*"):
        (package / "__init__.py").write_text("")
    return expected


def measure(root: Path) -> tuple[float, int, int, int]:
    """(seconds, files read, references, tracemalloc peak bytes) of one discovery run."""
    tracemalloc.start()
    started = time.perf_counter()
    result = discover(root)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, result.files, len(result.references), peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for size in options.sizes:
            root = Path(work) / f"tree-{size}"
            expected = build(root, size)
            runs, cpu = [], []
            for _ in range(options.runs):
                # Untraced runs for the time; tracemalloc slows allocation-heavy code.
                started, started_cpu = time.perf_counter(), time.process_time()
                result = discover(root)
                runs.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
            _, files, references, peak = measure(root)
            elapsed, cpu_time = statistics.median(runs), min(cpu)
            if references != expected or result.files != files:
                print(f"  {size}: found {references} references, expected {expected}", file=sys.stderr)
                return 1
            rows.append((size, cpu_time))
            print(
                f"{size:>7,} files: {elapsed:.3f} s wall (median of {options.runs}), {cpu_time:.3f} s CPU "
                f"(fastest), {cpu_time / size * 1e6:.1f} µs CPU per file, {files / elapsed:,.0f} files/s, "
                f"{references:,} references, tracemalloc peak {peak / 2**20:.1f} MiB"
            )
    (small, small_time), (large, large_time) = rows[0], rows[-1]
    ratio = (large_time / large) / (small_time / small)
    print(f"CPU time per file at {large:,} vs {small:,} files: {ratio:.2f}x (1.0 = linear)")
    print(f"process peak memory (ru_maxrss): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
