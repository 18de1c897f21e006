"""Resolvers: each module finds the licence of one kind of component from one place."""

from datetime import UTC, datetime


def resolved_now() -> str:
    """When an answer was obtained, as the lock records it: UTC, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
