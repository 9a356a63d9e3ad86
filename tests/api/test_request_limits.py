"""Request bodies and answer time are bounded: 413 for a large JSON body, 503 when busy."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from api.busy import BusyGate
from api.container import Tiekartta
from rag.core.messages import message
from tests.api.helpers import Api, api_for

QUESTION = "Kuinka monta toimenpidettä teemassa a on valmistunut?"
LIMIT = 1024 * 1024  # the default TIEKARTTA_MAX_JSON_BODY_BYTES


@pytest.fixture(scope="module")
def api(sample_service: Tiekartta) -> Api:
    return api_for(sample_service, roles=("reader",), label="limits")


def test_a_json_body_over_the_limit_is_refused_unread(api: Api) -> None:
    history = [{"role": "user", "text": "x" * 1000}] * (LIMIT // 1000 + 10)
    response = api.post("/ask", "reader", json={"question": QUESTION, "history": history})
    assert response.status_code == 413
    assert response.json() == {"detail": message("body_too_large", "en", limit=str(LIMIT))}


def test_a_body_without_length_is_counted_as_it_arrives(api: Api) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"question": "' + b"a" * 4096
        for _ in range(LIMIT // 4096 + 2):
            yield b"a" * 4096
        yield b'"}'

    response = api.client.post(
        "/ask",
        content=chunks(),
        headers=api.headers("reader", **{"Content-Type": "application/json"}),
    )
    assert response.status_code == 413


def test_a_small_body_still_goes_through(api: Api) -> None:
    response = api.post("/ask", "reader", json={"question": QUESTION})
    assert response.status_code == 200 and response.json()["found"] is True


def test_a_busy_server_answers_503_with_retry_after(api: Api) -> None:
    gate = BusyGate(capacity=1, wait_seconds=0.2)
    api.client.app.state.ask_gate = gate  # type: ignore[attr-defined]
    held = asyncio.run(gate.enter())
    assert held is not None
    headers = api.headers("reader", **{"Accept-Language": "fi"})
    busy = api.client.post("/ask", json={"question": QUESTION}, headers=headers)
    assert busy.status_code == 503
    assert busy.headers["Retry-After"] == "1"
    assert busy.json() == {"detail": message("server_busy", "fi", seconds="1")}
    held.release()
    # A streamed answer gives its slot back too: the JSON request after it is served.
    stream = api.client.post("/ask", json={"question": QUESTION, "stream": True}, headers=headers)
    assert stream.status_code == 200 and "event: done" in stream.text
    after = api.client.post("/ask", json={"question": QUESTION}, headers=headers)
    assert after.status_code == 200


def test_waiting_requests_get_slots_first_come_first_served() -> None:
    async def scenario() -> list[int]:
        gate = BusyGate(capacity=1, wait_seconds=30)
        order: list[int] = []

        async def ask(n: int) -> None:
            slot = await gate.enter()
            assert slot is not None
            order.append(n)
            await asyncio.sleep(0)  # the answer
            slot.release()

        first = await gate.enter()
        assert first is not None
        waiting = [asyncio.create_task(ask(n)) for n in range(3)]
        await asyncio.sleep(0)  # all three are queued
        first.release()
        late = asyncio.create_task(ask(99))  # arrives as the slot comes free: queues behind
        await asyncio.gather(*waiting, late)
        return order

    assert asyncio.run(scenario()) == [0, 1, 2, 99]


def test_a_waiter_that_times_out_or_leaves_does_not_lose_the_slot() -> None:
    async def scenario() -> None:
        gate = BusyGate(capacity=1, wait_seconds=0.05)
        held = await gate.enter()
        assert held is not None
        assert await gate.enter() is None  # timed out, and no longer queued
        leaving = asyncio.create_task(gate.enter())
        await asyncio.sleep(0)
        leaving.cancel()  # a client that went away while waiting
        with pytest.raises(asyncio.CancelledError):
            await leaving
        held.release()
        again = await gate.enter()  # the one slot is free again
        assert again is not None
        again.release()

    asyncio.run(scenario())
