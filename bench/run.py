"""How fast is licensecheck? Prints each figure beside its limit (issue 7), and checks the answers.

    .venv/bin/python bench/run.py            # everything, about a minute
    .venv/bin/python bench/run.py --quick    # smaller cold and growth runs, for a smoke test

Starts its own fake Hub and PyPI (tests/fakehub.py) on 127.0.0.1 with a latency
per request, builds its inputs in a temporary directory, and runs the installed
`licensecheck` command as a user would, each run in a fresh process:

- warm: `licensecheck scan examples/demo` with every licence in the lock file,
  against `python -c pass`, median of 7 runs each, interleaved; the warm runs
  must all be replays (fastpath.py) whose output is byte for byte the full
  scan's. Limit: 5x the floor.
- cold: 500 models, none cached, fake Hub answering each request after 50 ms;
  the time beyond a cold scan of one model, against 50 ms x (ceil(500/16) - 1),
  the least that 16 requests in flight allow. Limit: 1.3x that. Also: one
  request per repository and nothing else, and a second scan asks nothing
  (metadata cache). The answers must equal a sequential (--jobs 1), cache-less
  (--refresh) scan's, and the cached scan's, JSON reports compared without
  timestamps.
- growth: a repository of 1,000 and of 10,000 source files, with 200 and 2,000
  requirement lines (all locked), scanned from nothing cached (wall time: median
  of 5; CPU time: the least of 5, as other processes barely disturb it); CPU per
  file beyond a one-line project at 10k against 1k (limit 1.3: linear), peak
  memory, and the same scan again unchanged (a replay).

Exit status 0 when every figure is within its limit and every check holds.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "demo"
LATENCY = 0.05
IN_FLIGHT = 16
_TIMESTAMP_KEY = re.compile(r"(_at|time|timestamp|date|created)$", re.IGNORECASE)


def load_fakehub():
    spec = importlib.util.spec_from_file_location("fakehub", ROOT / "tests" / "fakehub.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["fakehub"] = module
    spec.loader.exec_module(module)
    return module


def licensecheck_command() -> list[str]:
    script = Path(sys.executable).parent / "licensecheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "licensecheck"]


class Runner:
    """Runs commands in fresh processes with a given environment; measures wall time and peak memory."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env

    def run(self, command: list[str], **env: str) -> tuple[float, int, bytes, bytes, object]:
        """(seconds, exit code, stdout, stderr, resource usage: CPU time, peak memory in KiB)."""
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            process = subprocess.Popen(command, stdout=out, stderr=err, env={**self.env, **env}, cwd=ROOT)
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            return elapsed, process.returncode, out.read(), err.read(), usage


def base_environment(cache_dir: Path, hub_url: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "LICENSECHECK_"))}
    env.update(
        LICENSECHECK_CACHE_DIR=str(cache_dir),
        HF_HUB_DISABLE_TELEMETRY="1",
        HF_HOME=str(cache_dir / "hf-home"),
        NO_COLOR="1",
    )
    if hub_url:
        env.update(HF_ENDPOINT=hub_url, LICENSECHECK_PYPI_URL=hub_url)
    return env


def without_timestamps(document: object) -> object:
    """The report without what says when or how an answer was obtained (times, `resolution.cached`)."""
    if isinstance(document, dict):
        return {
            k: without_timestamps(v) for k, v in document.items() if not _TIMESTAMP_KEY.search(k) and k != "resolution"
        }
    if isinstance(document, list):
        return [without_timestamps(v) for v in document]
    return document


class Report:
    def __init__(self) -> None:
        self.failures: list[str] = []

    def figure(self, name: str, value: float, limit: float, unit: str = "", detail: str = "") -> None:
        ratio = value / limit if limit else float("inf")
        verdict = "ok" if value <= limit else "OVER"
        if value > limit:
            self.failures.append(name)
        print(
            f"  {name:<44} {value:>9.3f}{unit:<3} limit {limit:>8.3f}{unit:<3} ratio {ratio:5.2f}  {verdict}  {detail}"
        )

    def info(self, name: str, text: str) -> None:
        print(f"  {name:<44} {text}")

    def check(self, name: str, ok: bool, detail: str = "") -> None:
        if not ok:
            self.failures.append(name)
        print(f"  {name:<44} {'ok' if ok else 'FAILED'}  {detail}")


# -- warm ------------------------------------------------------------------------------------


def bench_warm(report: Report, work: Path, runs: int = 7) -> None:
    print("warm: licensecheck scan examples/demo, everything in the lock file, no network")
    cache = work / "warm-cache"
    trace = work / "warm-trace"
    runner = Runner({**base_environment(cache), "LICENSECHECK_FASTPATH_TRACE": str(trace)})
    command = licensecheck_command() + ["scan", "examples/demo"]
    # The reference: the full scan, nothing cached.
    _, full_code, full_out, full_err, _ = runner.run(command, LICENSECHECK_NO_CACHE="1")
    # Prime: a run is recorded once its inputs are older than the racy window (fastpath.py).
    for _ in range(3):
        runner.run(command)
    trace.write_text("")
    floor, warm = [], []
    outputs = set()
    for _ in range(runs):
        floor.append(runner.run([sys.executable, "-c", "pass"])[0])
        elapsed, code, out, err, _ = runner.run(command)
        warm.append(elapsed)
        outputs.add((code, out, err))
    lines = trace.read_text().splitlines()
    hits = lines.count("hit")
    misses = sorted({line for line in lines if line.startswith("miss")})
    floor_median, warm_median = statistics.median(floor), statistics.median(warm)
    report.info("python -c pass (median of 7)", f"{floor_median * 1000:.1f} ms")
    report.figure(
        "warm scan (median of 7) vs 5x floor",
        warm_median * 1000,
        5 * floor_median * 1000,
        "ms",
        f"= {warm_median / floor_median:.2f}x the floor",
    )
    report.check("every warm run was a replay", hits == runs, f"{hits}/{runs} hits {'; '.join(misses)}")
    report.check(
        "replay is byte for byte the full scan",
        outputs == {(full_code, full_out, full_err)},
        f"exit {full_code}, {len(full_out)} bytes",
    )


# -- cold ------------------------------------------------------------------------------------


def build_models(hub, directory: Path, count: int) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    licences = ["apache-2.0", "mit", "llama3.1", "gemma", "cc-by-nc-4.0", "openrail++"]
    lines = ["models:"]
    for number in range(count):
        repo_id = f"bench-org{number % 37}/model-{number}"
        hub.add_model(repo_id, {"license": licences[number % len(licences)]})
        lines.append(f"  - {repo_id}")
    (directory / "models.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def bench_cold(report: Report, work: Path, fakehub, count: int, repeats: int = 3) -> None:
    limit_base = LATENCY * (math.ceil(count / IN_FLIGHT) - 1)
    print(f"cold: {count} models, none cached, fake Hub answering each request after {LATENCY * 1000:.0f} ms")
    with fakehub.FakeHub() as hub:
        hub.latency = LATENCY
        one, many = work / "cold-1", work / f"cold-{count}"
        build_models(hub, one, 1)
        build_models(hub, many, count)
        command = licensecheck_command() + ["scan", "--format", "json"]

        def cold_run(directory: Path, *flags: str) -> tuple[float, bytes, int]:
            runner = Runner(base_environment(Path(tempfile.mkdtemp(dir=work)), hub.url))
            before = len(hub.requests)
            elapsed, code, out, err, _ = runner.run(command + [str(directory), *flags])
            if code not in (0, 1, 3):
                raise SystemExit(f"cold scan failed ({code}): {err.decode(errors='replace')}")
            return elapsed, out, len(hub.requests) - before

        single = statistics.median(cold_run(one)[0] for _ in range(repeats))
        runs = [cold_run(many) for _ in range(repeats)]
        total = statistics.median(r[0] for r in runs)
        requests = hub.requests[-runs[-1][2] :]
        report.info("cold scan of 1 model (median of 3)", f"{single:.3f} s")
        report.info(f"cold scan of {count} models (median of 3)", f"{total:.3f} s")
        report.figure(
            f"time beyond 1 model vs 1.3 x {limit_base:.2f} s",
            total - single,
            1.3 * limit_base,
            "s",
            f"= {(total - single) / limit_base:.2f}x the latency limit",
        )
        prefix = "/api/models/"
        asked = [path.split("?")[0] for _, path in requests]
        repositories = {path[len(prefix) :].lower() for path in asked if path.startswith(prefix)}
        report.check(
            "one request per repository, nothing else",
            len(asked) == count == len(repositories),
            f"{len(asked)} requests for {len(repositories)} repositories, all {prefix}<id>",
        )

        # The same scan again, sharing a cache directory: the second asks nothing.
        cache = Path(tempfile.mkdtemp(dir=work))
        runner = Runner(base_environment(cache, hub.url))
        first = runner.run(command + [str(many)])
        before = len(hub.requests)
        second = runner.run(command + [str(many)])
        report.info("second cold scan, metadata cached", f"{second[0]:.3f} s, {len(hub.requests) - before} requests")
        report.check("second scan asks the Hub nothing", len(hub.requests) == before)

        # Identical to a sequential, cache-less scan (latency off: it only makes this slower).
        hub.latency = 0.0
        sequential = runner.run(command + [str(many), "--jobs", "1", "--refresh"])
        documents = [without_timestamps(json.loads(r[2])) for r in (first, second, sequential)]
        report.check(
            "parallel, cached and sequential --refresh agree",
            documents[0] == documents[1] == documents[2],
            "JSON reports without timestamps",
        )


# -- growth ----------------------------------------------------------------------------------


def build_repository(hub, directory: Path, files: int, requirements: int) -> None:
    """`files` Python sources in nested packages, and `requirements` pinned packages over 10 files."""
    for number in range(files):
        package = directory / "src" / f"pkg{number // 1000}" / f"sub{number // 100 % 10}"
        package.mkdir(parents=True, exist_ok=True)
        (package / f"module_{number}.py").write_text(
            f'"""Module {number}."""\n\nimport os\n\n\ndef handler_{number}(event):\n    return os.path.join("a", str(event))\n',
            encoding="utf-8",
        )
    requirements_dir = directory / "requirements"
    requirements_dir.mkdir(parents=True, exist_ok=True)
    per_file = max(1, requirements // 10)
    for part in range(math.ceil(requirements / per_file)):
        lines = []
        for number in range(part * per_file, min(requirements, (part + 1) * per_file)):
            name = f"bench-package-{number}"
            hub.add_package(name, "1.0.0", license_expression="MIT" if number % 3 else "Apache-2.0")
            lines.append(f"{name}==1.0.0  # pinned")
        (requirements_dir / f"part{part}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def bench_growth(report: Report, work: Path, fakehub, sizes: list[tuple[int, int]]) -> None:
    print("growth: source files and requirement lines, every package locked, nothing cached")
    results = {}
    with fakehub.FakeHub() as hub:
        for files, requirements in [(0, 1), *sizes]:
            directory = work / f"growth-{files}"
            build_repository(hub, directory, files, requirements)
            runner = Runner(base_environment(Path(tempfile.mkdtemp(dir=work)), hub.url))
            _, code, _, err, _ = runner.run(licensecheck_command() + ["lock", str(directory), "--quiet"])
            if code != 0:
                raise SystemExit(f"lock failed ({code}): {err.decode(errors='replace')}")
            measured = []
            for _ in range(5):  # a fresh cache each time: the full scan, not a replay
                runner = Runner(base_environment(Path(tempfile.mkdtemp(dir=work)), hub.url))
                elapsed, code, out, err, usage = runner.run(
                    licensecheck_command() + ["scan", str(directory), "--offline", "--format", "json"]
                )
                if code not in (0, 1, 3):
                    raise SystemExit(f"growth scan failed ({code}): {err.decode(errors='replace')}")
                measured.append((elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss))
            components = len(json.loads(out)["components"])
            elapsed, cpu = statistics.median(m[0] for m in measured), min(m[1] for m in measured)
            peak = max(m[2] for m in measured)
            results[files] = (elapsed, cpu, peak)
            what = f"{files:,} files + {requirements:,} requirements" if files else "baseline (1 requirement)"
            report.info(
                what, f"{elapsed:.3f} s (CPU {cpu:.3f} s), peak memory {peak / 1024:.0f} MiB, {components} component(s)"
            )
            if files:  # the same scan again, nothing changed: a replay, which stats every file the scan read
                trace = work / f"growth-trace-{files}"
                replays = [
                    runner.run(
                        licensecheck_command() + ["scan", str(directory), "--offline", "--format", "json"],
                        LICENSECHECK_FASTPATH_TRACE=str(trace),
                    )
                    for _ in range(3)
                ]
                hits = trace.read_text().splitlines().count("hit")
                report.info(
                    "  unchanged, scanned again (median of 3)",
                    f"{statistics.median(r[0] for r in replays):.3f} s, {hits}/3 replays",
                )
    # CPU time rather than wall time: it is what grows with the work, and other
    # processes on the machine barely disturb it.
    base = results[0][1]
    (small, _), (large, _) = sizes[0], sizes[-1]
    per_small = (results[small][1] - base) / small
    per_large = (results[large][1] - base) / large
    report.figure(
        f"CPU per file at {large:,} vs at {small:,}",
        per_large / per_small,
        1.3,
        "x",
        f"({per_small * 1e6:.0f} us vs {per_large * 1e6:.0f} us per file + 0.2 requirement)",
    )
    report.info("peak memory at the largest size", f"{results[large][2] / 1024:.0f} MiB")


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller cold and growth runs (not the issue's figures)")
    parser.add_argument("--only", choices=("warm", "cold", "growth"), help="run one part")
    options = parser.parse_args()
    fakehub = load_fakehub()
    report = Report()
    print(f"machine: {machine()}")
    work = Path(tempfile.mkdtemp(prefix="licensecheck-bench-"))
    try:
        if options.only in (None, "warm"):
            bench_warm(report, work)
        if options.only in (None, "cold"):
            bench_cold(report, work, fakehub, 100 if options.quick else 500)
        if options.only in (None, "growth"):
            sizes = [(100, 20), (1000, 200)] if options.quick else [(1000, 200), (10000, 2000)]
            bench_growth(report, work, fakehub, sizes)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("all within limits" if not report.failures else f"FAILED: {', '.join(report.failures)}")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
