"""A file that takes too long fails with an error naming it; the other files go in."""

from __future__ import annotations

from itertools import count
from pathlib import Path

from api.container import Tiekartta
from rag.core.messages import message
from tests.conftest import make_settings


def test_a_file_past_its_time_fails_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lyhyt.md").write_text("Kirjasto on auki arkisin kello 10–20.\n", encoding="utf-8")
    long_text = " ".join(f"Lause numero {i} kertoo asiasta numero {i}." for i in range(3000))
    (folder / "pitka.md").write_text(long_text, encoding="utf-8")
    # A clock that moves one second at every check: the time a file takes is its number of
    # steps (load, each document, each embedding batch), so the test does not depend on speed.
    service = Tiekartta(make_settings(tmp_path / "data", max_file_seconds=5.5))
    ticks = count()
    service.pipeline.clock = lambda: float(next(ticks))

    report = service.documents.ingest([folder])

    assert report.ingested == ["lyhyt"]
    (failed,) = report.failed
    assert Path(failed.path).name == "pitka.md"
    assert failed.reason == message("file_too_slow", "en", seconds="5.5")
    assert [d.doc_id for d in service.registry.documents.list_documents()] == ["lyhyt"]
