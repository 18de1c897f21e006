"""Typed errors the command line turns into one clear message and an exit code."""

from __future__ import annotations


class LicensecheckError(Exception):
    """Base for errors that end a run with exit code 2 (usage or input error)."""


class InputError(LicensecheckError):
    """A file under the scanned tree is malformed. The message reads `path:line: message`."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class UsageError(LicensecheckError):
    """An argument the caller gave is not valid: a flag on the command line, a keyword of `licensecheck.api`.

    `option` names the context keyword or option it is about (`region`, `purpose`),
    so the command line can point at its flag; None when it is about no one option.
    """

    def __init__(self, message: str, option: str | None = None) -> None:
        self.message = message
        self.option = option
        super().__init__(message)
