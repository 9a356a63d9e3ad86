"""Bounded answer time: a busy server says so at once (503 + Retry-After) instead of queueing.

At most ``capacity`` answers are worked on at a time; a request waits for a free slot at most
``wait_seconds`` and is then refused. The wait polls a thread semaphore from the event loop,
so a waiting request holds no worker thread, and a slot can be given back from the thread
that streams an answer.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time


class Slot:
    """One held place; giving it back twice (stream end and response cleanup) is harmless."""

    def __init__(self, semaphore: threading.BoundedSemaphore) -> None:
        self._semaphore = semaphore
        self._lock = threading.Lock()
        self._held = True

    def release(self) -> None:
        with self._lock:
            if self._held:
                self._held = False
                self._semaphore.release()


class BusyGate:
    """A fixed number of slots, each waited for no longer than ``wait_seconds``."""

    POLL_SECONDS = 0.02

    def __init__(self, capacity: int, wait_seconds: float) -> None:
        self._semaphore = threading.BoundedSemaphore(capacity)
        self.wait_seconds = wait_seconds
        # A slot frees within about one answer time; the wait already given is a fair guess.
        self.retry_after_seconds = max(1, math.ceil(wait_seconds))

    async def enter(self) -> Slot | None:
        """A slot, or None when none came free in time."""
        deadline = time.monotonic() + self.wait_seconds
        while not self._semaphore.acquire(blocking=False):
            if time.monotonic() >= deadline:
                return None
            await asyncio.sleep(self.POLL_SECONDS)
        return Slot(self._semaphore)
