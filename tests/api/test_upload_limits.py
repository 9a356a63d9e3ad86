"""Hostile uploads through the HTTP API: refused in the caller's language, memory flat."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from api.container import Tiekartta
from tests.api.helpers import Api, api_for
from tests.conftest import make_settings
from tests.fakes.hostile_files import MB, alias_bomb


@pytest.fixture
def api(tmp_path: Path) -> Api:
    return api_for(Tiekartta(make_settings(tmp_path / "data")))


def test_yaml_bomb_upload_is_refused_in_finnish_without_growing_the_server(api: Api) -> None:
    files = [("files", ("pommi.md", alias_bomb(levels=9).encode(), "text/markdown"))]
    tracemalloc.start()
    try:
        response = api.client.post(
            "/documents", files=files, headers=api.headers("editor", **{"Accept-Language": "fi"})
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code < 500
    [failed] = response.json()["failed"]
    assert failed["path"] == "pommi.md"
    assert "viittaus" in failed["reason"] and "rivillä 4" in failed["reason"]
    assert peak < 50 * MB  # the probe saw 4.5 GB


def test_upload_errors_name_the_file_not_the_server_path(api: Api) -> None:
    files = [("files", ("fake.docx", b"not a zip at all", "application/octet-stream"))]
    response = api.client.post("/documents", files=files, headers=api.headers("editor"))
    [failed] = response.json()["failed"]
    assert failed["path"] == "fake.docx"
    data_dir = str(api.service.settings.data_dir)
    assert data_dir not in failed["reason"] and "uploads" not in failed["reason"]
    assert "fake.docx" in failed["reason"]
