"""The retry policy (licensecheck/retry.py): pure decisions, and the loop under a fake clock."""

from __future__ import annotations

import pytest

from licensecheck.retry import (
    Reachability,
    RetriesExhausted,
    RetryPolicy,
    Transient,
    backoff_delay,
    call_with_retries,
    next_wait,
    parse_retry_after,
)


@pytest.fixture
def clock(retry_clock):
    return retry_clock


class Flaky(Exception):
    pass


class Final(Exception):
    pass


def failing(errors, result="ok"):
    """A fetch that raises each of `errors` in turn, then returns `result`."""
    pending = list(errors)
    calls = []

    def fetch():
        calls.append(1)
        if pending:
            raise pending.pop(0)
        return result

    fetch.calls = calls
    return fetch


def classify(error):
    if isinstance(error, Flaky):
        return Transient("the server answered HTTP 503", getattr(error, "retry_after", None))
    return None


# -- pure decisions -------------------------------------------------------------------------


def test_backoff_grows_exponentially_with_jitter_and_a_cap():
    policy = RetryPolicy(base_delay=0.5, max_delay=4.0)
    assert [backoff_delay(n, policy, rng=lambda: 0.0) for n in (1, 2, 3, 4, 5)] == [0.25, 0.5, 1.0, 2.0, 2.0]
    assert [backoff_delay(n, policy, rng=lambda: 1.0) for n in (1, 2, 3, 4, 5)] == [0.5, 1.0, 2.0, 4.0, 4.0]


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("30", 30.0),
        (" 0 ", 0.0),
        ("Wed, 21 Oct 2015 07:28:10 GMT", 10.0),
        ("soon", None),
        ("-5", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_in_seconds_or_as_a_date(header, seconds):
    now = 1445412480.0  # Wed, 21 Oct 2015 07:28:00 GMT
    assert parse_retry_after(header, now=now) == seconds


def test_a_date_in_the_past_means_now():
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=2e9) == 0.0


def test_retry_after_is_honoured_within_the_budget():
    wait, _ = next_wait(Transient("429", retry_after=3), attempt=1, elapsed=0.0, policy=RetryPolicy(budget=10))
    assert wait == 3


def test_retry_after_beyond_the_budget_ends_at_once_and_says_why():
    wait, reason = next_wait(
        Transient("HTTP 429", retry_after=60), attempt=1, elapsed=0.0, policy=RetryPolicy(budget=10)
    )
    assert wait is None
    assert "HTTP 429" in reason and "60 s" in reason and "retry budget (10 s" in reason


def test_no_wait_that_would_end_past_the_budget():
    policy = RetryPolicy(budget=2.0)
    assert next_wait(Transient("x"), attempt=1, elapsed=1.9, policy=policy, rng=lambda: 1.0)[0] is None
    assert next_wait(Transient("x"), attempt=1, elapsed=0.0, policy=policy, rng=lambda: 1.0)[0] == 0.5


def test_attempts_are_bounded():
    policy = RetryPolicy(max_attempts=3, budget=1000)
    assert next_wait(Transient("x"), attempt=2, elapsed=0, policy=policy)[0] is not None
    assert next_wait(Transient("x"), attempt=3, elapsed=0, policy=policy)[0] is None


@pytest.mark.parametrize("fields", [{"budget": -1}, {"max_attempts": 0}, {"base_delay": 5, "max_delay": 1}])
def test_nonsense_policies_are_refused(fields):
    with pytest.raises(ValueError):
        RetryPolicy(**fields)


# -- the loop -------------------------------------------------------------------------------


def test_success_after_transient_failures(clock):
    fetch = failing([Flaky(), Flaky()])
    assert call_with_retries(fetch, classify, RetryPolicy()) == "ok"
    assert len(fetch.calls) == 3 and len(clock.waits) == 2
    assert 0.25 <= clock.waits[0] <= 0.5 and 0.5 <= clock.waits[1] <= 1.0


def test_final_failures_are_never_retried(clock):
    fetch = failing([Final()])
    with pytest.raises(Final):
        call_with_retries(fetch, classify, RetryPolicy())
    assert len(fetch.calls) == 1 and clock.waits == []


def test_a_final_failure_after_transient_ones_propagates_as_is(clock):
    fetch = failing([Flaky(), Final()])
    with pytest.raises(Final):
        call_with_retries(fetch, classify, RetryPolicy())
    assert len(fetch.calls) == 2


def test_giving_up_says_how_often_over_how_long_and_why(clock):
    fetch = failing([Flaky()] * 10)
    with pytest.raises(RetriesExhausted) as caught:
        call_with_retries(fetch, classify, RetryPolicy(max_attempts=4, budget=100))
    gave_up = caught.value
    assert len(fetch.calls) == 4 and gave_up.attempts == 4
    assert isinstance(gave_up.last_error, Flaky)
    assert gave_up.elapsed == pytest.approx(sum(clock.waits), abs=0.05)
    assert gave_up.describe() == f"gave up after 4 attempts over {gave_up.elapsed:.1f} s: the server answered HTTP 503"


def test_the_budget_bounds_the_total_time(clock):
    fetch = failing([Flaky()] * 100)
    with pytest.raises(RetriesExhausted):
        call_with_retries(fetch, classify, RetryPolicy(max_attempts=100, budget=5, max_delay=4))
    assert sum(clock.waits) < 5


def test_a_budget_of_zero_means_one_attempt_and_the_original_error(clock):
    fetch = failing([Flaky()])
    with pytest.raises(Flaky):
        call_with_retries(fetch, classify, RetryPolicy(budget=0))
    assert len(fetch.calls) == 1 and clock.waits == []


def test_retry_after_is_waited_for(clock):
    error = Flaky()
    error.retry_after = 2.0
    assert call_with_retries(failing([error]), classify, RetryPolicy()) == "ok"
    assert clock.waits == [2.0]


def test_reachability():
    service = Reachability()
    assert not service.down
    service.record(connected=False)
    assert service.down
    service.record(connected=True)
    assert not service.down  # it answered once: it is there, failures are its own
    service.record(connected=False)
    assert not service.down
