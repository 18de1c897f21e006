"""What the discovery readers produce, and the one place they hand it in."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import DISCOVERY_UNPARSABLE, NOT_A_HUB_REFERENCE, NOT_STATICALLY_KNOWN
from ..model import Code, Finding, Location, Severity
from .ids import HubId, Tree, foreign, hub_reference

_SHOWN = 120  # characters of a value quoted in a notice


@dataclass(frozen=True)
class Reference:
    """One place a model or dataset is referenced: the repository, where, and through what."""

    type: str
    name: str
    revision: str | None
    location: Location
    via: str


@dataclass
class Collector:
    """Gathers references and notices from every reader of one discovery run."""

    tree: Tree
    references: list[Reference] = field(default_factory=list)
    notices: list[Finding] = field(default_factory=list)
    # Paths handed to a loader that exist in the tree (as written, absolute, where):
    # local models and datasets, for the reader of local model folders.
    local_loads: list[tuple[str, str, Location]] = field(default_factory=list)
    # What shell scripts pass to the project's Python scripts: the script as written (`script/infer.py`,
    # or `pkg/mod.py` for `python -m pkg.mod`) → option (as argparse names it) → (value, where written).
    # Python discovery takes them as values the option may have (PythonProject, Evaluator).
    launches: dict[str, dict[str, list[tuple[str, Location]]]] = field(default_factory=dict)
    # `python -c "from datasets import load_dataset; load_dataset('org/x')"` in a shell script:
    # (the code, where the command is written, the script's folder), for Python discovery to read
    inline_python: list[tuple[str, Location, str | None]] = field(default_factory=list)
    # Shell scripts that read their arguments (`$1`, `${2}`), read once every script is:
    # (text, path, folder, kind). What callers pass them decides what they load.
    argument_scripts: list[tuple[str, str, str, str]] = field(default_factory=list)
    # `bash scripts/pretrain.sh "$MODEL" data.json`: the script as written → (the caller's folder,
    # each argument's possible values with where each is written), one entry per call.
    script_calls: dict[str, list[tuple[str, list[list[tuple[str, Location]]]]]] = field(default_factory=dict)
    _seen_notices: set[tuple[str, str]] = field(default_factory=set)
    # What hub_reference said of a string: a tokenizer and its model, a default and the call
    # that passes it again, ask about the same string in the same folder; the tree does not
    # change during a run, so the answer does not either.
    _answers: dict[tuple, HubId | None] = field(default_factory=dict)

    def add(self, found: HubId, location: Location, via: str, revision: str | None = None) -> None:
        self.references.append(Reference(found.type, found.name, found.revision or revision, location, via))

    def consider(
        self,
        text: str,
        kind: str,
        location: Location,
        via: str,
        *,
        directory: str | None = None,
        revision: str | None = None,
        bare: str = "any",
        prefixed_only: bool = False,
        explain: bool = False,
    ) -> bool:
        """Record `text` if it names a repository; a path that exists in the tree is a local load.

        `explain`: `text` reached a loader, so another service's model name or a URL on
        another host is said in an info notice rather than dropped in silence.
        """
        question = (text, kind, directory, bare, prefixed_only)
        try:
            found = self._answers[question]
        except KeyError:
            found = self._answers[question] = hub_reference(
                text, kind, self.tree, directory, bare=bare, prefixed_only=prefixed_only
            )
        except TypeError:  # a value that cannot be a key is no repository id either
            found = None
        if found is not None:
            self.add(found, location, via, revision)
            return True
        if explain:
            what = foreign(text, kind)
            if what is not None:
                self.not_hub(location, via, text, what)
                return False
        if text and not prefixed_only and "://" not in text:
            local = self.tree.local_path(text, directory)
            if local is not None:
                self.local_loads.append((text, local, location))
        return False

    def launch(self, script: str, option: str, value: str, location: Location) -> None:
        """A shell script runs `script` (a .py path as written) with `--option value`."""
        self.launches.setdefault(script, {}).setdefault(option, []).append((value, location))

    def notice(self, severity: Severity, code: Code, location: Location, message: str) -> None:
        where = f"{location.path}:{location.line}" if location.line else location.path
        if location.label:
            where += f" ({location.label})"
        text = f"{where}: {message}"
        if (code, text) in self._seen_notices:
            return
        self._seen_notices.add((code, text))
        self.notices.append(Finding(severity, code, text, location=location))

    def unknown(self, location: Location, message: str) -> None:
        """A loader argument whose value exists only at run time: said, never guessed."""
        self.notice(Severity.INFO, NOT_STATICALLY_KNOWN, location, message)

    def not_hub(self, location: Location, via: str, text: str, what: str) -> None:
        """A loader's argument that names something other than a Hub repository: said with -v, never a component."""
        shown = text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."
        self.notice(Severity.INFO, NOT_A_HUB_REFERENCE, location, f"{via}: {shown!r} is {what}, not a Hub repository")

    def unparsable(self, location: Location, message: str) -> None:
        self.notice(Severity.WARNING, DISCOVERY_UNPARSABLE, location, f"{message}; discovery skipped it")
