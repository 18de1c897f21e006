"""The organisation's settings: `[tool.licensecheck]` in pyproject.toml, or licensecheck.toml.

Found in the scanned directory, then in its parents up to the repository root
(the directory holding `.git`) or the filesystem root; `--config FILE` names one
explicitly. In one directory `licensecheck.toml` wins over pyproject.toml.

Values are layered, each layer overriding the one before: licensecheck's
defaults, the preset named by `extends` (`rules/policies/NAME.toml`, same keys),
the file, then command-line flags. A key set in the file replaces the preset's
value whole (a file's `deny` replaces the preset's `deny`). `Config.sources`
says which layer each value came from; the report shows it.

Every problem is an `InputError` naming the file, the line and the key: unknown
keys (with the closest valid one), wrong types, unknown presets, licence ids the
rules do not know, incomplete exceptions, bad dates.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .errors import InputError, LicensecheckError
from .findings import CONFIG_REF, CONFIG_SHADOWED
from .globs import PathFilter
from .knowledge import Knowledge, normalise_id, rules_dir
from .model import DISTRIBUTIONS, USES, Context, Finding, PolicyException, Severity
from .policy import Policy

# tomllib gives no line numbers; the pyproject reader's locator finds them in the text.
from .sources.common import read_text
from .sources.toml_lines import TomlLocator, dotted_key, parse_toml, type_name

CONFIG_NAME = "licensecheck.toml"
PYPROJECT_NAME = "pyproject.toml"
TABLE = ("tool", "licensecheck")

CONTEXT_KEYS = ("use", "distribution", "users", "revenue", "region", "org_users")
SETTING_KEYS = (
    "extends",
    *CONTEXT_KEYS,
    "unknown",
    "allow",
    "deny",
    "deny_categories",
    "exclude",
    "exceptions",
    "verify_lock",
    "override_from",
    "purposes",
)
# Declared purposes (rules/purposes.toml ids) are part of the usage context, but kept
# out of CONTEXT_KEYS and DEFAULTS: a run that declares none reports as before.
PURPOSES_KEY = "purposes"
EXCEPTION_KEYS = ("component", "revision", "reason", "owner", "expires")
UNKNOWN_MODES = ("fail", "warn")
# Settings are Any: each key holds the type its reader (_SettingsReader) checked.
DEFAULTS: dict[str, Any] = {
    "use": "commercial",
    "distribution": "network",
    "users": None,
    "revenue": None,
    "region": None,
    "org_users": None,
    "unknown": "fail",
}
# Where a value came from, as the report names it.
CLI, CONFIG, PRESET, DEFAULT = "cli", "config", "preset", "default"
TODAY_VARIABLE = "LICENSECHECK_TODAY"


@dataclass(frozen=True)
class Config:
    """The effective settings (defaults, preset and file merged) and where each came from."""

    file: str | None = None  # as shown in messages and reports
    directory: Path | None = None  # exclude globs are relative to it
    extends: str | None = None
    values: Mapping[str, Any] = field(default_factory=lambda: dict(DEFAULTS))
    sources: Mapping[str, str] = field(default_factory=lambda: dict.fromkeys(DEFAULTS, DEFAULT))
    notices: tuple[Finding, ...] = ()

    def origin(self, key: str) -> str:
        """Where `key`'s value was set, in words: the file, the preset, or the default."""
        source = self.sources.get(key, DEFAULT)
        if source == CONFIG:
            return self.file or "configuration"
        if source == PRESET:
            return f"preset {self.extends}"
        return source

    @property
    def policy(self) -> Policy:
        allow = self.values.get("allow")
        return Policy(
            allow=frozenset(allow) if allow is not None else None,
            deny=frozenset(self.values.get("deny") or ()),
            deny_categories=frozenset(self.values.get("deny_categories") or ()),
            exceptions=tuple(self.values.get("exceptions") or ()),
            unknown=str(self.values.get("unknown", "fail")),
            allow_origin=self.origin("allow"),
            deny_origin=self.origin("deny"),
            deny_categories_origin=self.origin("deny_categories"),
        )

    @property
    def verify_lock(self) -> bool:
        """`verify_lock = true`: scans check every lock entry they use (scan --verify-lock)."""
        return self.values.get("verify_lock") is True

    @property
    def exclude(self) -> tuple[str, ...]:
        return tuple(self.values.get("exclude") or ())

    @property
    def override_from(self) -> tuple[str, ...] | None:
        """The manifests whose licence overrides are honoured, as absolute paths; None: the default (overrides.py)."""
        names = self.values.get("override_from")
        if names is None:
            return None
        return tuple(os.path.abspath(os.path.join(self.directory or os.curdir, name)) for name in names)

    def path_filter(self, scanned: Path) -> PathFilter | None:
        """The exclude globs, rooted at the configuration's directory (else the scanned one)."""
        if not self.exclude:
            return None
        base = self.directory or (scanned if scanned.is_dir() else scanned.parent)
        return PathFilter(base, self.exclude)

    def context(self, given: Mapping[str, Any]) -> tuple[Context, dict[str, str]]:
        """The usage context: command-line values (`given`) over the configuration's."""
        values: dict[str, Any] = {}
        sources: dict[str, str] = {}
        for key in CONTEXT_KEYS:
            if key in given:
                values[key], sources[key] = given[key], CLI
            else:
                values[key], sources[key] = self.values.get(key, DEFAULTS[key]), self.sources.get(key, DEFAULT)
        purposes, source = self.purposes(given)
        if purposes:
            sources[PURPOSES_KEY] = source
        return Context(**values, purposes=purposes), sources

    def purposes(self, given: Mapping[str, Any]) -> tuple[tuple[str, ...], str]:
        """The declared purposes and where they came from: the flags replace the configuration's whole."""
        if given.get(PURPOSES_KEY):
            return tuple(sorted(set(given[PURPOSES_KEY]))), CLI
        return tuple(self.values.get(PURPOSES_KEY) or ()), self.sources.get(PURPOSES_KEY, DEFAULT)


def run_date(environ: Mapping[str, str] = os.environ) -> date:
    """Today, or `$LICENSECHECK_TODAY` (YYYY-MM-DD): a fixed clock, for tests."""
    text = environ.get(TODAY_VARIABLE, "").strip()
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise LicensecheckError(f"{TODAY_VARIABLE}={text!r} is not a date (YYYY-MM-DD)") from None


def shown_path(path: Path) -> str:
    """A path as messages show it: relative to the working directory when below it."""
    relative = os.path.relpath(os.path.abspath(path))
    return Path(relative).as_posix() if not relative.startswith("..") else str(Path(os.path.abspath(path)))


# --- finding the file ---------------------------------------------------------


class _WorkingTree:
    """Configuration files as they are on disk. `gitref.GitRevision` answers the same
    questions about a commit (`--config-ref`), so that the policy can come from there."""

    def exists(self, path: Path) -> bool:
        return path.exists()

    def is_file(self, path: Path) -> bool:
        return path.is_file()

    def read(self, path: Path) -> str:
        return read_text(path, shown_path(path))

    def peek(self, path: Path) -> str:
        return path.read_text(encoding="utf-8-sig", errors="replace")

    def shown(self, path: Path) -> str:
        return shown_path(path)


WORKING_TREE = _WorkingTree()


def load_toml(path: Path, files=WORKING_TREE) -> tuple[str, dict]:
    """(text, data) of a TOML file, from the working tree or a git revision; `InputError` naming the line."""
    text = files.read(path)
    return text, parse_toml(text, files.shown(path))


def tool_table(data: dict) -> object | None:
    tool = data.get("tool")
    return tool.get("licensecheck") if isinstance(tool, dict) else None


def _pyproject_has_table(path: Path, files=WORKING_TREE) -> bool:
    try:
        head = files.peek(path)
    except OSError:
        return False
    if "licensecheck" not in head:  # most pyproject files: no need to parse them
        return False
    return tool_table(load_toml(path, files)[1]) is not None


def find_config(start: Path, files=WORKING_TREE) -> tuple[Path | None, tuple[Finding, ...]]:
    """The configuration file that governs `start`, searching upwards to the repository root."""
    directory = Path(os.path.abspath(start if start.is_dir() else start.parent))
    for current in (directory, *directory.parents):
        dedicated = current / CONFIG_NAME
        pyproject = current / PYPROJECT_NAME
        has_table = files.is_file(pyproject) and _pyproject_has_table(pyproject, files)
        if files.is_file(dedicated):
            notices: tuple[Finding, ...] = ()
            if has_table:
                notices = (
                    Finding(
                        Severity.WARNING,
                        CONFIG_SHADOWED,
                        f"{files.shown(dedicated)} is used; [tool.licensecheck] in {files.shown(pyproject)} is ignored",
                    ),
                )
            return dedicated, notices
        if has_table:
            return pyproject, ()
        if (current / ".git").exists():
            break
    return None, ()


def load_config(start: Path, knowledge: Knowledge, explicit: Path | None = None, files=WORKING_TREE) -> Config:
    """The configuration for a scan of `start` (or the file `explicit` names); defaults if none.

    `files` is where the files are read: the working tree, or a `gitref.GitRevision`
    (`--config-ref`), where a file that does not exist means the defaults.
    """
    notices: tuple[Finding, ...] = ()
    if explicit is None:
        path, notices = find_config(start, files)
        if path is None:
            return Config()
    else:
        path = explicit
        if not files.exists(path):
            if files is not WORKING_TREE:
                return Config()
            raise InputError(shown_path(path), None, "configuration file not found")
    where = files.shown(path)
    text, data = load_toml(path, files)
    table = tool_table(data)
    prefix: tuple[str, ...] = TABLE
    if table is None:
        if path.name == PYPROJECT_NAME:
            raise InputError(where, None, "has no [tool.licensecheck] table")
        table, prefix = data, ()
    if not isinstance(table, dict):
        raise InputError(where, TomlLocator(text).key_line(prefix), f"`{dotted_key(prefix)}` must be a table")
    settings = _SettingsReader(where, text, prefix, knowledge).read(table)
    preset = settings.get("extends")
    layers = [(PRESET, load_preset(preset, knowledge))] if preset else []
    layers.append((CONFIG, settings))
    values, sources = dict(DEFAULTS), dict.fromkeys(DEFAULTS, DEFAULT)
    for source, layer in layers:
        for key, value in layer.items():
            if key != "extends":
                values[key], sources[key] = value, source
    return Config(where, Path(os.path.abspath(path)).parent, preset, values, sources, notices)


def load_config_at(revision, start: Path, knowledge: Knowledge, explicit: Path | None = None) -> Config:
    """`load_config` from the commit `revision` (a `gitref.GitRevision`), with a notice saying so.

    The notice is a warning when the working tree's configuration differs from the
    commit's: the author of a pull request that changes the policy learns why the
    change has no effect yet.
    """
    config = load_config(start, knowledge, explicit, revision)
    theirs = explicit if explicit is not None else find_config(start, revision)[0]
    if theirs is not None and not revision.exists(theirs):
        theirs = None
    ours: Path | None = None
    try:
        ours = explicit if explicit is not None else find_config(start)[0]
        if ours is not None and not ours.exists():
            ours = None
        same = ours == theirs and (ours is None or read_text(ours, shown_path(ours)) == revision.read(ours))
    except LicensecheckError:
        same = False  # unreadable in the working tree: it is not what the commit holds
    if same:
        notice = Finding(
            Severity.INFO,
            CONFIG_REF,
            f"policy read as it is at {revision.ref} (commit {revision.commit[:12]}): "
            + (config.file or "no configuration file, so the defaults"),
        )
    else:
        working = (revision.relative(ours) or str(ours)) if ours is not None else "none"
        notice = Finding(
            Severity.WARNING,
            CONFIG_REF,
            f"the configuration in the working tree ({working}) differs from the one at {revision.ref} "
            f"({config.file or 'none: the defaults'}); the one at the ref is used, so a change to it takes "
            "effect once merged",
        )
    return replace(config, notices=(notice, *config.notices))


# --- presets ------------------------------------------------------------------


def presets_dir() -> Path:
    return rules_dir() / "policies"


def preset_names() -> list[str]:
    return sorted(path.stem for path in presets_dir().glob("*.toml"))


def preset_description(name: str) -> str:
    """The comment at the top of a preset file: what the preset is for."""
    lines = []
    for line in (presets_dir() / f"{name}.toml").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return " ".join(lines)


def load_preset(name: str, knowledge: Knowledge) -> dict[str, Any]:
    path = presets_dir() / f"{name}.toml"
    text, data = load_toml(path)
    settings = _SettingsReader(shown_path(path), text, (), knowledge).read(data)
    if "extends" in settings:
        raise InputError(shown_path(path), TomlLocator(text).key_line(("extends",)), "a preset cannot extend another")
    return settings


# --- validation ---------------------------------------------------------------


def _closest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return f"; did you mean `{matches[0]}`?" if matches else ""


class _SettingsReader:
    """Validates one table of settings; errors name the file, the line and the key."""

    def __init__(self, where: str, text: str, prefix: tuple[str, ...], knowledge: Knowledge) -> None:
        self.where = where
        self.locator = TomlLocator(text)
        self.prefix = prefix
        self.knowledge = knowledge

    def _error(self, key: tuple[str, ...], message: str, line: int | None = None) -> InputError:
        full = (*self.prefix, *key)
        return InputError(self.where, line or self.locator.key_line(full), f"`{dotted_key(full)}` {message}")

    def read(self, table: dict) -> dict[str, Any]:
        settings: dict[str, Any] = {}
        for key, value in table.items():
            if key not in SETTING_KEYS:
                raise self._error((key,), f"is not a licensecheck setting{_closest(key, SETTING_KEYS)}")
            settings[key] = getattr(self, "_" + key)(value)
        return settings

    def _choice(self, key: str, value: object, choices: tuple[str, ...]) -> str:
        if not isinstance(value, str):
            raise self._error((key,), f"must be a string ({', '.join(choices)}), got {type_name(value)}")
        if value not in choices:
            raise self._error((key,), f"must be one of {', '.join(choices)}, not {value!r}{_closest(value, choices)}")
        return value

    def _extends(self, value: object) -> str:
        names = preset_names()
        if not isinstance(value, str):
            raise self._error(
                ("extends",), f"must be the name of a preset ({', '.join(names)}), got {type_name(value)}"
            )
        if value not in names:
            raise self._error(
                ("extends",), f"names no preset {value!r}; presets: {', '.join(names)}{_closest(value, names)}"
            )
        return value

    def _use(self, value: object) -> str:
        return self._choice("use", value, USES)

    def _distribution(self, value: object) -> str:
        return self._choice("distribution", value, DISTRIBUTIONS)

    def _unknown(self, value: object) -> str:
        return self._choice("unknown", value, UNKNOWN_MODES)

    def _figure(self, key: str, value: object) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self._error((key,), f"must be a whole, non-negative number (e.g. 2_000_000), got {type_name(value)}")
        return value

    def _users(self, value: object) -> int:
        return self._figure("users", value)

    def _revenue(self, value: object) -> int:
        return self._figure("revenue", value)

    def _org_users(self, value: object) -> int:
        return self._figure("org_users", value)

    def _region(self, value: object) -> str:
        if not isinstance(value, str):
            raise self._error(("region",), f"must be an ISO 3166-1 country code or EU, got {type_name(value)}")
        from .regions import RegionError, parse_region

        try:
            return parse_region(value)
        except RegionError as error:
            raise self._error(
                ("region",), f"must be an ISO 3166-1 country code or EU, not {value!r}{error.hint}"
            ) from None

    def _strings(self, key: str, value: object) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise self._error((key,), f"must be a list of non-empty strings, got {type_name(value)}")
        return value

    def _licences(self, key: str, value: object) -> tuple[str, ...]:
        ids = []
        for item in self._strings(key, value):
            rule = self.knowledge.lookup(item)
            if rule is None:
                names = self.knowledge.known_names()
                matches = difflib.get_close_matches(normalise_id(item), names, n=3, cutoff=0.6)
                hint = f"; closest: {', '.join(matches)}" if matches else ""
                line = self.locator.string_line((*self.prefix, key), item)
                raise self._error((key,), f"names licence {item!r}, which licensecheck does not know{hint}", line)
            ids.append(rule.id)
        return tuple(sorted(set(ids)))

    def _allow(self, value: object) -> tuple[str, ...]:
        return self._licences("allow", value)

    def _deny(self, value: object) -> tuple[str, ...]:
        return self._licences("deny", value)

    def _purposes(self, value: object) -> tuple[str, ...]:
        from .purposes import UnknownPurpose, check_purposes

        items = self._strings(PURPOSES_KEY, value)
        try:
            return check_purposes(items, self.knowledge)
        except UnknownPurpose as error:
            line = self.locator.string_line((*self.prefix, PURPOSES_KEY), error.purpose_id)
            raise self._error((PURPOSES_KEY,), f"names an unknown purpose: {error.message()}", line) from None

    def _verify_lock(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise self._error(("verify_lock",), f"must be true or false, got {type_name(value)}")
        return value

    def _deny_categories(self, value: object) -> tuple[str, ...]:
        categories = self._strings("deny_categories", value)
        known = self.knowledge.category_ids()
        for category in categories:
            if category not in known:
                line = self.locator.string_line((*self.prefix, "deny_categories"), category)
                raise self._error(
                    ("deny_categories",),
                    f"names no licence category {category!r}; categories: {', '.join(known)}"
                    f"{_closest(category, known)}",
                    line,
                )
        return tuple(sorted(set(categories)))

    def _exclude(self, value: object) -> tuple[str, ...]:
        return tuple(self._strings("exclude", value))

    def _override_from(self, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise self._error(("override_from",), f"must be a list of non-empty strings, got {type_name(value)}")
        for item in value:
            if os.path.isabs(item) or item.startswith(("/", "\\")):
                raise self._error(
                    ("override_from",),
                    f"names {item!r}: paths are relative to the configuration file's directory",
                    self.locator.string_line((*self.prefix, "override_from"), item),
                )
        return tuple(item.strip() for item in value)

    def _exceptions(self, value: object) -> tuple[PolicyException, ...]:
        if not isinstance(value, list):
            raise self._error(("exceptions",), f"must be an array of tables ([[exceptions]]), got {type_name(value)}")
        return tuple(self._exception(index, entry) for index, entry in enumerate(value))

    def _exception_line(self, index: int, key: str | None = None) -> int | None:
        """The line of the index-th `[[...exceptions]]` table, or of `key` inside it."""
        import re

        wanted = (*self.prefix, "exceptions")
        starts = [line for line, parts in self.locator.headers if parts == wanted]
        if index >= len(starts):
            return self.locator.key_line(wanted)  # inline tables: the key's line will do
        start = starts[index]
        if key is not None:
            end = next((line for line, _ in self.locator.headers if line > start), len(self.locator.lines))
            pattern = re.compile(r"^\s*['\"]?" + re.escape(key) + r"['\"]?\s*=")
            for line in range(start + 1, end):
                if pattern.match(self.locator.lines[line]):
                    return line + 1
        return start + 1

    def _exception(self, index: int, entry: object) -> PolicyException:
        label = ("exceptions",)
        number = f"exception {index + 1}"
        if not isinstance(entry, dict):
            raise self._error(label, f"({number}) must be a table, got {type_name(entry)}", self._exception_line(index))
        for key in entry:
            if key not in EXCEPTION_KEYS:
                raise self._error(
                    (*label, key),
                    f"({number}) is not an exception key{_closest(key, EXCEPTION_KEYS)}",
                    self._exception_line(index, key),
                )
        fields: dict[str, Any] = {}
        for key in ("component", "reason", "owner"):
            text = entry.get(key)
            if not isinstance(text, str) or not text.strip():
                problem = (
                    "is missing"
                    if key not in entry
                    else "must not be empty"
                    if isinstance(text, str)
                    else f"must be a string, got {type_name(text)}"
                )
                why = {
                    "component": "the model, dataset or package it is for",
                    "reason": "why it is allowed (a contract, a ticket)",
                    "owner": "who answers for it",
                }[key]
                raise self._error(
                    (*label, key),
                    f"({number}) {problem}: every exception needs {why}",
                    self._exception_line(index, key if key in entry else None),
                )
            fields[key] = text.strip()
        revision = entry.get("revision")
        if revision is not None and (not isinstance(revision, str) or not revision.strip()):
            raise self._error(
                (*label, "revision"),
                f"({number}) must be a non-empty string, got {type_name(revision)}",
                self._exception_line(index, "revision"),
            )
        fields["expires"] = self._expiry(index, number, entry.get("expires"))
        where = f"{self.where}:{self._exception_line(index)}"
        return PolicyException(revision=revision.strip() if revision else None, where=where, **fields)

    def _expiry(self, index: int, number: str, value: object) -> date:
        key = ("exceptions", "expires")
        line = self._exception_line(index, "expires" if value is not None else None)
        if value is None:
            raise self._error(
                key, f"({number}) is missing: every exception needs an expiry date (expires = 2026-12-31)", line
            )
        if isinstance(value, datetime):
            raise self._error(
                key, f"({number}) must be a date without a time (expires = {value.date().isoformat()})", line
            )
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
            raise self._error(key, f"({number}) is not a date: {value!r} (write expires = 2026-12-31)", line)
        raise self._error(key, f"({number}) must be a date (expires = 2026-12-31), got {type_name(value)}", line)
