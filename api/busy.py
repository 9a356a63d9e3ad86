"""Bounded answer time: a busy server says so at once (503 + Retry-After) instead of queueing.

At most ``capacity`` answers are worked on at a time; a request waits for a free slot at most
``wait_seconds`` and is then refused. Waiting requests are served first come, first served: a
slot given back goes straight to the oldest waiter, so a newcomer cannot take it from someone
who has waited for seconds (the earlier polling gate let any poller win, which stretched the
95th percentile up to the wait limit and refused requests that had waited longest). A waiting
request holds no worker thread (it awaits a future), and a slot can be given back from the
thread that streams an answer.
"""

from __future__ import annotations

import asyncio
import math
import threading
from collections import deque
from collections.abc import Callable

_Waiter = tuple[asyncio.AbstractEventLoop, "asyncio.Future[None]"]


class Slot:
    """One held place; giving it back twice (stream end and response cleanup) is harmless."""

    def __init__(self, give_back: Callable[[], None]) -> None:
        self._give_back = give_back
        self._lock = threading.Lock()
        self._held = True

    def release(self) -> None:
        with self._lock:
            if not self._held:
                return
            self._held = False
        self._give_back()


class BusyGate:
    """A fixed number of slots, handed out in arrival order, each waited for no longer than
    ``wait_seconds``."""

    def __init__(self, capacity: int, wait_seconds: float) -> None:
        self._lock = threading.Lock()
        self._free = capacity
        self._waiters: deque[_Waiter] = deque()
        self.wait_seconds = wait_seconds
        # A slot frees within about one answer time; the wait already given is a fair guess.
        self.retry_after_seconds = max(1, math.ceil(wait_seconds))

    async def enter(self) -> Slot | None:
        """A slot, or None when none came free in time."""
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._free > 0 and not self._waiters:
                self._free -= 1
                return Slot(self._give_back)
            waiter: _Waiter = (loop, loop.create_future())
            self._waiters.append(waiter)
        try:
            await asyncio.wait_for(asyncio.shield(waiter[1]), self.wait_seconds)
        except TimeoutError:
            if self._leave(waiter):
                return None
            # The slot was handed over just as the time ran out: it is ours.
        except asyncio.CancelledError:  # the client left while waiting
            if not self._leave(waiter):
                self._give_back()  # handed over already: pass it on
            raise
        return Slot(self._give_back)

    def _leave(self, waiter: _Waiter) -> bool:
        """Stop waiting; False when a slot had already been handed to this waiter."""
        with self._lock:
            if waiter in self._waiters:
                self._waiters.remove(waiter)
                return True
            return False

    def _give_back(self) -> None:
        with self._lock:
            if not self._waiters:
                self._free += 1
                return
            loop, future = self._waiters.popleft()
        # The waiter's loop may be another thread's (a stream ends in a worker thread).
        try:
            loop.call_soon_threadsafe(_hand_over, future)
        except RuntimeError:  # that loop has closed: nobody is waiting there any more
            self._give_back()


def _hand_over(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)
