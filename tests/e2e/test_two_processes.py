"""A CLI ingest while the server runs on the same data directory (embedded Chroma).

The repro of the probe: serve, then `tiekartta --data-dir D ingest ...` in another process,
then /search and /ask. The server must answer without a 5xx and find the new document; the
ingest here also changes a document the server has already searched (its old chunks are
deleted), which is what broke the server's embedded Chroma ("Error finding id").
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import httpx

from rag.store.registry import Registry
from tests.e2e.server import free_port, stop, wait_for_health
from tests.e2e.test_cli import TIEKARTTA, clean_env, run_cli

LIBRARY = """---
id: kirjasto
title: Kirjaston aukioloajat
language: fi
---
Pääkirjasto on avoinna arkisin kello 10–20. Lauantaisin kirjasto on avoinna kello 10–16.
"""
POOL = """---
id: uimahalli
title: Uimahallin kesäsulku
language: fi
---
Uimahalli on suljettu huoltotöiden vuoksi 1.6.–30.6.2025. Kuntosali on auki koko kesän.
"""
HARBOUR = """---
id: satama
title: Vierasvenesataman maksut
language: fi
---
Vierasvenesataman laituripaikka maksaa 25 euroa vuorokaudelta. Sähkö sisältyy hintaan.
"""


def _ask(base: str, headers: dict[str, str], question: str) -> dict[str, Any]:
    response = httpx.post(f"{base}/ask", json={"question": question}, headers=headers, timeout=120)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def _search(base: str, headers: dict[str, str], query: str) -> list[str]:
    response = httpx.post(
        f"{base}/search", json={"query": query, "k": 3}, headers=headers, timeout=120
    )
    assert response.status_code == 200, response.text
    return [hit["doc_id"] for hit in response.json()["results"]]


def test_cli_ingest_while_the_server_runs(tmp_path: Path) -> None:
    data_dir, docs = tmp_path / "data", tmp_path / "docs"
    docs.mkdir()
    (docs / "kirjasto.md").write_text(LIBRARY, encoding="utf-8")
    (docs / "uimahalli.md").write_text(POOL, encoding="utf-8")
    first = run_cli(data_dir, "ingest", str(docs))
    assert first.returncode == 0, first.stderr
    with Registry(data_dir / "registry.sqlite3") as registry:
        headers = {"Authorization": f"Bearer {registry.keys.create_key('reader', 'two').secret}"}

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(TIEKARTTA), "--data-dir", str(data_dir), "serve", "--port", str(port)],
        cwd=tmp_path,
        env=clean_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_health(base, server)
        assert _search(base, headers, "Milloin uimahalli on suljettu?")[0] == "uimahalli"

        # Another process changes one document (its chunks are replaced) and adds one.
        (docs / "uimahalli.md").write_text(
            POOL.replace("1.6.–30.6.2025", "1.7.–31.7.2025"), encoding="utf-8"
        )
        (docs / "satama.md").write_text(HARBOUR, encoding="utf-8")
        second = run_cli(data_dir, "ingest", str(docs))
        assert second.returncode == 0, second.stdout + second.stderr
        assert "Ingested 2" in second.stdout

        for _ in range(3):  # more than once: a reopened store must stay usable
            assert (
                _search(base, headers, "Paljonko vierasvenesataman laituripaikka maksaa?")[0]
                == "satama"
            )
            assert _search(base, headers, "Milloin uimahalli on suljettu?")[0] == "uimahalli"
        harbour = _ask(base, headers, "Paljonko vierasvenesataman laituripaikka maksaa?")
        assert "satama" in {s["doc_id"] for s in harbour["sources"]}
        pool = _ask(base, headers, "Milloin uimahalli on suljettu huoltotöiden vuoksi?")
        assert "31.7.2025" in pool["answer"]
    finally:
        stop(server)
