"""Bounds on one network answer: a total deadline and a size cap, for the Hub and PyPI alike.

An HTTP library's timeout applies to each read, not to the answer: a server that
sends one byte every half second never trips it, and can hold a run for hours.
So every request here runs under `within(seconds, fetch)`: the caller gets its
answer, or `AnswerTooSlow` once `seconds` have passed, whatever phase the request
is in (connecting, waiting for the headers, reading the body). The request runs
in a thread of its own, which the caller leaves behind at the deadline; that
thread ends by itself soon after, because `read_capped` checks the same deadline
between chunks and the library's own timeout ends a silent connection.

`read_capped` also caps the size of what is read (a body is held in memory,
then parsed), so a huge or endless answer costs at most the cap.
"""

from __future__ import annotations

import contextvars
import threading
import time
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


class AnswerTooSlow(Exception):
    """The answer did not arrive in full before the deadline."""


class AnswerTooLarge(Exception):
    """The answer is larger than the cap; `limit` is the cap in bytes."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"larger than {limit} bytes")
        self.limit = limit


def read_capped(
    chunks: Iterable[bytes], *, deadline: float, max_bytes: int, clock: Callable[[], float] = time.monotonic
) -> bytes:
    """The body from `chunks`; `AnswerTooLarge` past `max_bytes`, `AnswerTooSlow` past `deadline` (on `clock`)."""
    body = bytearray()
    for chunk in chunks:
        body += chunk
        if len(body) > max_bytes:
            raise AnswerTooLarge(max_bytes)
        if clock() > deadline:
            raise AnswerTooSlow()
    return bytes(body)


def within(seconds: float, fetch: Callable[[], T]) -> T:
    """`fetch()`, or `AnswerTooSlow` when it has not returned after `seconds`; its exceptions propagate."""
    outcome: dict[str, object] = {}
    finished = threading.Event()
    context = contextvars.copy_context()  # the client's context variables, as in the calling thread

    def run() -> None:
        try:
            outcome["value"] = context.run(fetch)
        except BaseException as error:  # noqa: BLE001 - handed to the caller, who decides
            outcome["error"] = error
        finally:
            finished.set()

    # A daemon thread: one left behind at the deadline must not keep the process alive.
    threading.Thread(target=run, name="licensecheck-request", daemon=True).start()
    if not finished.wait(seconds):
        raise AnswerTooSlow()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
