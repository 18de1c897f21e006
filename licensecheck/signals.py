"""What a run says about itself for whoever listens, without knowing who does.

Today one signal, and one listener: the warm path (fastpath.py) stores a run's
output to repeat it while its inputs are unchanged; a run whose output depends
on something else (the time of day, a cached answer that expires) says so here,
and is not stored. Standard library only: the warm path imports this module.

A signal is a Python audit event (`sys.audit`, PEP 578): it costs next to nothing
when no one listens, and a listener is an audit hook that checks the event's name.
"""

from __future__ import annotations

import sys

NOT_REPEATABLE = "licensecheck.not-repeatable"


def not_repeatable(reason: str) -> None:
    """Say that this run's output depends on something its inputs do not show: it must not be repeated."""
    sys.audit(NOT_REPEATABLE, reason)
