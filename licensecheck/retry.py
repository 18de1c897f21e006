"""When to repeat a failed request, and how long to wait: one policy for the Hub and PyPI.

A request is repeated only when the failure is transient: HTTP 429 (after the
`Retry-After` the server asks for), 500/502/503/504, a timeout, a connection
closed before the answer. Never on 401/403/404 or a malformed answer: asking
again would get the same answer. Waits grow exponentially with jitter (so that
many clients do not retry in step), and a per-repository `budget` bounds the
whole affair: no new attempt starts once it is spent, and a `Retry-After`
longer than what is left ends the retries at once rather than overrunning it.

The decisions (`backoff_delay`, `parse_retry_after`, `next_wait`) are pure.
`call_with_retries` runs them through `sleep` and `monotonic`, which are module
attributes so that tests replace them and never really wait.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

DEFAULT_BUDGET = 10.0
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

# Replaced by tests (see tests/test_retry.py): the real clock and a real wait.
sleep: Callable[[float], None] = time.sleep
monotonic: Callable[[], float] = time.monotonic

T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try one repository or package.

    `budget` is in seconds, for all attempts and waits together; 0 means one
    attempt only. One attempt can still take up to the request timeout: the
    budget decides whether another one starts.
    """

    budget: float = DEFAULT_BUDGET
    max_attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 4.0

    def __post_init__(self) -> None:
        if self.budget < 0 or self.max_attempts < 1 or self.base_delay < 0 or self.max_delay < self.base_delay:
            raise ValueError(f"invalid retry policy: {self}")


@dataclass(frozen=True)
class Transient:
    """A failure that may not happen again: why, in plain words, and the wait the server asked for."""

    reason: str  # e.g. "the Hub answered HTTP 503"
    retry_after: float | None = None


class RetriesExhausted(Exception):
    """A transient failure that persisted until the attempts or the budget ran out."""

    def __init__(self, last_error: BaseException, attempts: int, elapsed: float, reason: str) -> None:
        super().__init__(reason)
        self.last_error = last_error
        self.attempts = attempts
        self.elapsed = elapsed
        self.reason = reason

    def describe(self) -> str:
        """`gave up after 4 attempts over 9.6 s: the Hub answered HTTP 503`"""
        plural = "s" if self.attempts != 1 else ""
        return f"gave up after {self.attempts} attempt{plural} over {self.elapsed:.1f} s: {self.reason}"


def backoff_delay(attempt: int, policy: RetryPolicy, rng: Callable[[], float] = random.random) -> float:
    """The wait after failed attempt number `attempt` (1-based): exponential, half of it random."""
    ceiling = min(policy.max_delay, policy.base_delay * 2 ** (attempt - 1))
    return ceiling / 2 + rng() * ceiling / 2


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date); None if unusable."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def next_wait(
    transient: Transient, attempt: int, elapsed: float, policy: RetryPolicy, rng: Callable[[], float] = random.random
) -> tuple[float | None, str]:
    """(seconds to wait before attempt `attempt + 1`, or None to give up; the reason to give when giving up)."""
    if attempt >= policy.max_attempts:
        return None, transient.reason
    remaining = policy.budget - elapsed
    if transient.retry_after is not None:
        if transient.retry_after > remaining:
            return None, (
                f"{transient.reason}, and the wait it asked for ({transient.retry_after:g} s) "
                f"would overrun the retry budget ({policy.budget:g} s, --retry-budget)"
            )
        wait = transient.retry_after
    else:
        wait = backoff_delay(attempt, policy, rng)
    if wait >= remaining:
        return None, transient.reason
    return wait, transient.reason


def call_with_retries(
    fetch: Callable[[], T],
    classify: Callable[[BaseException], Transient | None],
    policy: RetryPolicy,
) -> T:
    """`fetch()`, repeated under `policy` while `classify` calls its failure transient.

    A failure that is not transient propagates as it is, at any attempt, and
    so does a transient one when the policy allows no second attempt (a budget
    of 0). A transient failure that outlasts retries, or whose `Retry-After`
    exceeds the budget, raises `RetriesExhausted` (from the last error), which
    says how many attempts were made over how long and why.
    """
    started = monotonic()
    attempt = 0
    while True:
        attempt += 1
        try:
            return fetch()
        except Exception as error:  # noqa: BLE001 - classify decides; anything else is re-raised
            transient = classify(error)
            if transient is None:
                raise
            elapsed = monotonic() - started
            wait, reason = next_wait(transient, attempt, elapsed, policy)
            if wait is None:
                if attempt == 1 and reason == transient.reason:
                    raise  # nothing was retried and nothing refused: the failure speaks for itself
                raise RetriesExhausted(error, attempt, elapsed, reason) from error
        sleep(wait)


class Reachability:
    """Whether a service has been reached in this run; shared by the threads of one run.

    When the first requests cannot even connect, asking hundreds more would
    only repeat the same failure slowly (a connect timeout each). Once one
    request failed to connect and none has ever been answered, `down` is true
    and callers report the component unknown without a request. Any answer
    (even an error status) proves the service is there and clears it.
    """

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._answered = False
        self._unreachable = False

    def record(self, *, connected: bool) -> None:
        with self._guard:
            if connected:
                self._answered = True
            else:
                self._unreachable = True

    @property
    def down(self) -> bool:
        with self._guard:
            return self._unreachable and not self._answered
