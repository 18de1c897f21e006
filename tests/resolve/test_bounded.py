"""The bounds on one network answer (resolve/bounded.py): a total deadline and a size cap."""

from __future__ import annotations

import contextvars
import threading

import pytest

from licensecheck.resolve.bounded import AnswerTooLarge, AnswerTooSlow, read_capped, within


class Ticks:
    """A clock that moves one second each time it is read."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def test_read_capped_joins_the_chunks():
    assert read_capped([b"ab", b"", b"cd"], deadline=10.0, max_bytes=4, clock=Ticks()) == b"abcd"


def test_read_capped_stops_at_the_deadline_between_chunks():
    # Each chunk arrives in time for the library (one a second), the whole does not.
    sent: list[bytes] = []

    def trickle():
        for byte in b"0123456789":
            sent.append(bytes([byte]))
            yield bytes([byte])

    with pytest.raises(AnswerTooSlow):
        read_capped(trickle(), deadline=3.5, max_bytes=100, clock=Ticks())
    assert b"".join(sent) == b"0123"  # not one chunk more is asked for


def test_read_capped_stops_past_the_cap_without_reading_on():
    sent: list[bytes] = []

    def endless():
        while True:
            sent.append(b"x" * 10)
            yield b"x" * 10

    with pytest.raises(AnswerTooLarge) as raised:
        read_capped(endless(), deadline=1e9, max_bytes=25, clock=Ticks())
    assert raised.value.limit == 25
    assert len(sent) == 3


def test_within_returns_the_value_and_raises_the_error():
    assert within(5.0, lambda: 42) == 42

    def fails():
        raise KeyError("boom")

    with pytest.raises(KeyError, match="boom"):
        within(5.0, fails)


def test_within_gives_up_at_the_deadline_whatever_the_call_is_doing():
    released = threading.Event()
    try:
        with pytest.raises(AnswerTooSlow):
            within(0.05, released.wait)  # blocked, as on a connection that trickles its headers
    finally:
        released.set()  # the thread left behind ends


def test_within_runs_the_call_with_the_callers_context_variables():
    flag = contextvars.ContextVar("flag", default="unset")
    flag.set("set by the caller")
    assert within(5.0, flag.get) == "set by the caller"
