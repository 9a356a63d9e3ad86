"""Several processes on one data directory: a lock both respect and a store generation.

Staff run `tiekartta ingest` while the server runs on the same data directory. Embedded
Chroma keeps its index in each process's memory, so a process that did not write sees ids
the other process has deleted ("Error finding id") until it reopens its client. The gate:

- writers take an exclusive lock on `<data dir>/store.lock` and bump the number in
  `<data dir>/store.generation` when they are done;
- readers take a shared lock, and when the generation differs from the one this process last
  saw, they first call the refresh callbacks (which reopen the Chroma client) under it.

The lock is `flock` on a file opened per use, so it works between threads as well as between
processes; a thread already inside the gate passes through (no self-deadlock). One gate per
data directory per process (`StoreGate.for_directory`), matching Chroma's one client per path.
"""

from __future__ import annotations

import fcntl
import os
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar


class GateUpgradeError(RuntimeError):
    """A thread that holds the shared (read) lock asked for the exclusive one."""


class StoreGate:
    """A cross-process reader/writer lock plus a generation number for one data directory."""

    _gates: ClassVar[dict[Path, StoreGate]] = {}
    _gates_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._lock_path = self.directory / "store.lock"
        self._generation_path = self.directory / "store.generation"
        self._refreshers: list[weakref.WeakMethod[Callable[[], None]]] = []
        self._refresh_lock = threading.Lock()
        self._local = threading.local()
        self._seen = self.generation()

    @classmethod
    def for_directory(cls, directory: Path) -> StoreGate:
        """The one gate of this process for the directory."""
        key = Path(directory).resolve()
        with cls._gates_lock:
            gate = cls._gates.get(key)
            if gate is None:
                gate = cls._gates[key] = cls(key)
            return gate

    def on_change(self, refresh: Callable[[], None]) -> None:
        """Call the bound method `refresh` before the next use after another process wrote.

        Held weakly: the gate lives as long as the process, a store may not.
        """
        self._refreshers.append(weakref.WeakMethod(refresh))  # type: ignore[arg-type]

    def generation(self) -> int:
        """The number of completed writes (by any process) so far."""
        try:
            return int(self._generation_path.read_text(encoding="ascii").strip() or 0)
        except (FileNotFoundError, ValueError):
            return 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Hold the shared lock; the stores are current with every finished write."""
        if self._mode() is not None:  # already inside the gate on this thread
            yield
            return
        with self._flock(fcntl.LOCK_SH, "read"):
            self._catch_up()
            yield

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the exclusive lock; the generation is bumped when the outermost write ends."""
        mode = self._mode()
        if mode == "write":
            yield
            return
        if mode == "read":
            raise GateUpgradeError("a store write inside a read of the same thread")
        with self._flock(fcntl.LOCK_EX, "write"):
            self._catch_up()
            try:
                yield
            finally:  # even a failed write may have changed part of the store
                self._bump()

    # -- internals ------------------------------------------------------------------------------
    def _mode(self) -> str | None:
        return getattr(self._local, "mode", None)

    @contextmanager
    def _flock(self, operation: int, mode: str) -> Iterator[None]:
        with open(self._lock_path, "a+b") as handle:
            fcntl.flock(handle.fileno(), operation)
            self._local.mode = mode
            try:
                yield
            finally:
                self._local.mode = None
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def _catch_up(self) -> None:
        current = self.generation()
        if current == self._seen:
            return
        with self._refresh_lock:
            if current != self._seen:  # another thread may have refreshed meanwhile
                for reference in list(self._refreshers):
                    refresh = reference()
                    if refresh is None:
                        self._refreshers.remove(reference)
                    else:
                        refresh()
                self._seen = current

    def _bump(self) -> None:
        # Written under the exclusive lock; the rename makes the number appear whole.
        new = self.generation() + 1
        temporary = self._generation_path.with_name(f"store.generation.{os.getpid()}")
        temporary.write_text(str(new), encoding="ascii")
        os.replace(temporary, self._generation_path)
        self._seen = new
