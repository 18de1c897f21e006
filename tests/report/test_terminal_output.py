"""Progress bar on stderr for cold scans on a terminal; colours per --color and NO_COLOR."""

from __future__ import annotations

import io

from reportkit import DEMO, invoke

from licensecheck.progress import ProgressBar


class Terminal(io.StringIO):
    def isatty(self):
        return True


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_bar_is_drawn_after_a_moment_and_erased():
    stream, clock = Terminal(), Clock()
    bar = ProgressBar.for_terminal(stream, clock=clock, delay=0.3)
    bar(1, 4)
    assert stream.getvalue() == "", "a quick scan never flashes a bar"
    clock.now = 1.0
    bar(2, 4)
    assert stream.getvalue().endswith(f"\r[{'#' * 15}{' ' * 15}] 2/4 licences resolved")
    bar(4, 4)
    assert "4/4" in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\r\x1b[2K")


def test_no_bar_when_stderr_is_not_a_terminal():
    assert ProgressBar.for_terminal(io.StringIO()) is None


def test_cold_scan_reports_progress_and_keeps_stdout_clean(fake_hub, tmp_path, monkeypatch):
    """The scan tells the bar (done, total) as answers arrive; stdout holds only the report."""
    calls = []

    class Recorder:
        def __call__(self, done, total):
            calls.append((done, total))

        def close(self):
            calls.append("closed")

    monkeypatch.setattr(ProgressBar, "for_terminal", classmethod(lambda cls, stream, **kw: Recorder()))
    for index in range(3):
        fake_hub.add_model(f"acme/model-{index}", {"license": "mit"})
    (tmp_path / "models.yaml").write_text("models:\n" + "".join(f"  - acme/model-{i}\n" for i in range(3)))
    result = invoke("scan", tmp_path, "--format", "json")
    assert result.exit_code == 0, result.output
    assert calls[:3] == [(1, 3), (2, 3), (3, 3)] and calls[-1] == "closed"
    assert result.stdout.lstrip().startswith("{")


def test_piped_scan_prints_no_bar(fake_hub, tmp_path, monkeypatch):
    """A cold scan asks the bar to draw at every answer; on a pipe there is no bar to draw."""
    monkeypatch.setitem(ProgressBar.__init__.__kwdefaults__, "delay", 0.0)  # a bar would show at the first answer
    for index in range(3):
        fake_hub.add_model(f"acme/model-{index}", {"license": "mit"})
    (tmp_path / "models.yaml").write_text("models:\n" + "".join(f"  - acme/model-{i}\n" for i in range(3)))
    result = invoke("scan", tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.startswith("licensecheck ") and "ALLOWED (3)" in result.stdout


def test_colour_modes(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[31m" in invoke("scan", DEMO, "--offline", "--color", "always").stdout
    assert "\x1b[" not in invoke("scan", DEMO, "--offline", "--color", "never").stdout
    assert "\x1b[" not in invoke("scan", DEMO, "--offline").stdout, "auto: not a terminal, no colour"
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in invoke("scan", DEMO, "--offline", "--color", "auto").stdout
    assert "\x1b[31m" in invoke("scan", DEMO, "--offline", "--color", "always").stdout, "an explicit flag wins"


def test_use_colour_on_a_terminal(monkeypatch):
    from licensecheck.commands.common import use_colour

    monkeypatch.setattr("sys.stdout", Terminal())
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(None) is True
    assert use_colour("report.txt") is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_colour(None) is False


def test_quiet_output_starts_with_what_needs_action(fake_hub, tmp_path):
    quiet = invoke("scan", DEMO, "--offline", "-q")
    assert quiet.stdout.startswith("DENIED (2)\n  model CohereForAI/c4ai-command-r-v01: ")
    assert quiet.stdout.endswith("\n\nsummary: 2 denied, 0 unknown, 6 conditional, 10 allowed (18 components)\n")
    fake_hub.add_model("acme/model", {"license": "mit"})
    (tmp_path / "models.yaml").write_text("models:\n  - acme/model\n")
    nothing = invoke("scan", tmp_path, "-q")
    assert nothing.stdout == "summary: 0 denied, 0 unknown, 0 conditional, 1 allowed (1 components)\n"
