"""A real Chroma server for the tests that need one (the `chroma_server` marker)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import chromadb
import pytest

from tests.conftest import require_tool
from tests.e2e.server import free_port, stop

CHROMA = Path(sys.executable).parent / "chroma"
STARTUP_SECONDS = 60


@pytest.fixture(scope="session")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Chroma server (`chroma run`) on a free port, shared by the session's tests."""
    require_tool(CHROMA.exists(), f"the 'chroma' executable next to {sys.executable}")
    root = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    log = (root / "server.log").open("wb")
    process = subprocess.Popen(
        [
            str(CHROMA),
            "run",
            "--path",
            str(root / "db"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                log.flush()
                output = (root / "server.log").read_text(errors="replace")[-2000:]
                pytest.fail(f"chroma run exited with {process.returncode}:\n{output}")
            try:
                chromadb.HttpClient(host="127.0.0.1", port=port).heartbeat()
                break
            except Exception:
                if time.monotonic() > deadline:
                    pytest.fail(f"the Chroma server did not answer within {STARTUP_SECONDS} s")
                time.sleep(0.25)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process, timeout=15)
        log.close()
