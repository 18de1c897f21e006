"""A progress bar on stderr while licences are looked up: `[#####     ] 12/40 licences resolved`.

Drawn only when stderr is a terminal, never on stdout (reports go there), and
only once a scan has taken longer than a moment, so that warm scans (from the
lock file) and short ones never flash a bar. The line is cleared when done.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from threading import Lock
from typing import TextIO

WIDTH = 30


class ProgressBar:
    """Call with (done, total) as answers arrive; call `close()` at the end."""

    def __init__(
        self,
        stream: TextIO,
        *,
        label: str = "licences resolved",
        delay: float = 0.3,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._label = label
        self._delay = delay
        self._clock = clock
        self._started = clock()
        self._drawn = False
        self._lock = Lock()

    @classmethod
    def for_terminal(cls, stream: TextIO, **options) -> ProgressBar | None:
        """A bar when `stream` is a terminal; None (no bar at all) when it is a file or a pipe."""
        try:
            interactive = stream.isatty()
        except (AttributeError, ValueError):
            interactive = False
        return cls(stream, **options) if interactive else None

    def __call__(self, done: int, total: int) -> None:
        if total <= 0:
            return
        with self._lock:
            if not self._drawn and self._clock() - self._started < self._delay:
                return
            filled = WIDTH * min(done, total) // total
            self._stream.write(f"\r[{'#' * filled}{' ' * (WIDTH - filled)}] {done}/{total} {self._label}")
            self._stream.flush()
            self._drawn = True

    def close(self) -> None:
        """Erase the bar, so that what follows on stderr starts on a clean line."""
        with self._lock:
            if self._drawn:
                self._stream.write("\r\x1b[2K")
                self._stream.flush()
                self._drawn = False
