"""The store gate: a shared/exclusive lock across threads and processes, and a generation."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from rag.store.gate import GateUpgradeError, StoreGate


class _Store:
    def __init__(self) -> None:
        self.refreshed = 0

    def refresh(self) -> None:
        self.refreshed += 1


def test_a_write_by_another_process_refreshes_this_one_before_its_next_read(
    tmp_path: Path,
) -> None:
    here, other = StoreGate(tmp_path), StoreGate(tmp_path)  # two processes' gates
    store = _Store()
    here.on_change(store.refresh)
    with here.reading():
        pass
    assert store.refreshed == 0
    with other.writing():
        pass
    assert other.generation() == 1
    with here.reading():
        assert store.refreshed == 1
    with here.reading():
        assert store.refreshed == 1  # once per change
    with here.writing():  # its own write needs no refresh
        pass
    with here.reading():
        assert store.refreshed == 1
    assert here.generation() == 2


def test_a_reader_waits_for_a_writer(tmp_path: Path) -> None:
    gate = StoreGate(tmp_path)
    events: list[str] = []
    writing = threading.Event()

    def reader() -> None:
        writing.wait()
        with StoreGate(tmp_path).reading():
            events.append("read")

    thread = threading.Thread(target=reader)
    thread.start()
    with gate.writing():
        writing.set()
        time.sleep(0.3)  # gives the reader the chance to (wrongly) get in
        events.append("write done")
    thread.join(timeout=30)
    assert events == ["write done", "read"]


def test_nested_use_passes_through_and_upgrading_is_refused(tmp_path: Path) -> None:
    gate = StoreGate(tmp_path)
    with gate.writing():
        with gate.reading(), gate.writing():
            pass
    assert gate.generation() == 1  # one outermost write
    with gate.reading(), pytest.raises(GateUpgradeError), gate.writing():
        pass


def test_one_gate_per_directory_and_process(tmp_path: Path) -> None:
    assert StoreGate.for_directory(tmp_path) is StoreGate.for_directory(tmp_path / ".")
