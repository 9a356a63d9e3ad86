"""Input limits: a small hostile file is refused early, with a clear error and flat memory.

Memory is measured with tracemalloc (Python allocations, which include what lxml, PyYAML and
zipfile hand back to Python); a refused file must not grow it by more than a few megabytes.
"""

from __future__ import annotations

import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

from ingest.loaders import load_file
from ingest.loaders.base import LoadOptions
from ingest.pipeline import IngestPipeline
from rag.core.documents import IngestError
from rag.core.limits import InputLimits
from tests.fakes.hostile_files import (
    MB,
    alias_bomb,
    docx_bomb,
    pdf_with_pages,
    small_docx,
    swap_part,
    write_zip_part,
    xlsx_with_strings,
)


def _peak_growth(action: Callable[[], Any]) -> tuple[Any, int]:
    """Run the action; return (its result or the exception it raised, peak bytes allocated)."""
    tracemalloc.start()
    try:
        start, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        try:
            result: Any = action()
        except Exception as exc:
            result = exc
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak - start


def _refused(path: Path, limits: InputLimits | None = None) -> tuple[IngestError, int]:
    options = LoadOptions(limits=limits or InputLimits())
    outcome, growth = _peak_growth(lambda: load_file(path, options))
    assert isinstance(outcome, IngestError), f"{path.name} was not refused: {outcome!r}"
    return outcome, growth


# -- YAML front matter ---------------------------------------------------------------------


def test_yaml_alias_bomb_is_refused_with_flat_memory(tmp_path: Path) -> None:
    path = tmp_path / "pommi.md"
    path.write_text(alias_bomb(levels=9), encoding="utf-8")
    assert path.stat().st_size <= 420  # the 411-byte upload of the probe, give or take
    error, growth = _refused(path)
    assert error.key == "front_matter_alias"
    assert "alias" in error.reason and "line 4" in error.reason
    assert "viittaus" in error.localised("fi")
    assert growth < 2 * MB


def test_alias_bomb_through_the_pipeline_is_one_failed_file(
    hash_pipeline: IngestPipeline, tmp_path: Path
) -> None:
    # Six levels (9**6 strings) so that code which expands the aliases (hashing the front
    # matter for the content hash) grows by tens of megabytes, not gigabytes, before failing.
    bomb = tmp_path / "docs" / "pommi.md"
    bomb.parent.mkdir()
    bomb.write_text(alias_bomb(levels=6), encoding="utf-8")
    good = bomb.parent / "hyva.md"
    good.write_text("---\nid: hyva\n---\nKaupunginhallitus kokoontui.\n", encoding="utf-8")
    report, growth = _peak_growth(lambda: hash_pipeline.ingest([bomb.parent]))
    assert [f.path for f in report.failed] == [str(bomb)]
    assert "alias" in report.failed[0].reason
    assert report.ingested == ["hyva"]
    assert growth < 20 * MB


def test_oversized_and_deep_front_matter_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "iso.md"
    big.write_text("---\nnote: " + "x" * 70_000 + "\n---\nTeksti.\n", encoding="utf-8")
    error, _ = _refused(big)
    assert error.key == "limit_front_matter_bytes"
    assert "65 536" in error.reason

    deep = tmp_path / "syva.md"
    deep.write_text("---\nx: " + "[" * 200 + "]" * 200 + "\n---\nTeksti.\n", encoding="utf-8")
    error, _ = _refused(deep)
    assert error.key == "front_matter_nesting"


def test_anchors_without_aliases_and_plain_front_matter_still_load(tmp_path: Path) -> None:
    path = tmp_path / "ok.md"
    path.write_text("---\nid: ok\ntitle: &t Otsikko\n---\nTeksti.\n", encoding="utf-8")
    [doc] = load_file(path)
    assert doc.doc_id == "ok" and doc.title == "Otsikko"


# -- DOCX / XLSX (zip containers) ------------------------------------------------------------


def test_docx_zip_bomb_is_refused_by_declared_size_before_parsing(tmp_path: Path) -> None:
    # 300 MB of whitespace inside the body: valid XML that python-docx would read whole.
    path = docx_bomb(tmp_path, 300 * MB)
    assert path.stat().st_size < 2 * MB
    error, growth = _refused(path)
    assert error.key == "limit_archive_bytes"
    assert growth < 5 * MB


def test_docx_with_one_oversized_part_or_too_many_parts_is_refused(tmp_path: Path) -> None:
    path = small_docx(tmp_path)
    limits = InputLimits(max_archive_part_bytes=1 * MB)
    swap_part(
        path,
        "word/document.xml",
        lambda z: write_zip_part(z, "word/document.xml", b"<?xml version='1.0'?>", 2 * MB),
    )
    error, _ = _refused(path, limits)
    assert error.key == "limit_archive_part" and "word/document.xml" in error.reason

    many = small_docx(tmp_path, "monta.docx")

    def extra_parts(archive: zipfile.ZipFile) -> None:
        for number in range(30):
            archive.writestr(f"customXml/extra{number}.xml", "<x/>")

    swap_part(many, "customXml/none", extra_parts)  # keeps every part, adds 30
    error, _ = _refused(many, InputLimits(max_archive_entries=20))
    assert error.key == "limit_archive_entries"


def test_xlsx_with_six_million_shared_strings_is_refused(tmp_path: Path) -> None:
    path = xlsx_with_strings(tmp_path, 6_000_000)
    error, growth = _refused(path)
    assert error.key in {"limit_archive_part", "limit_archive_bytes", "limit_shared_strings"}
    assert growth < 5 * MB


def test_xlsx_shared_strings_are_counted_when_the_part_is_small_enough(tmp_path: Path) -> None:
    path = xlsx_with_strings(tmp_path, 3_000, empty=True)
    error, growth = _refused(path, InputLimits(max_shared_strings=2_000))
    assert error.key == "limit_shared_strings"
    assert growth < 5 * MB
    [doc] = load_file(path, LoadOptions(limits=InputLimits(max_shared_strings=5_000)))
    assert "pyöräteitä" in doc.text  # the same file loads under a higher limit


def test_xlsx_cells_are_counted_as_they_stream(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for number in range(200):
        sheet.append([str(number), f"Ehdotus {number}", "a", "b", "c"])
    path = tmp_path / "solut.xlsx"
    workbook.save(path)
    error, _ = _refused(path, InputLimits(max_sheet_cells=500))
    assert error.key == "limit_sheet_cells"
    assert len(load_file(path)) == 199


# -- PDF, HTML, text length ------------------------------------------------------------------


def test_pdf_page_limit(tmp_path: Path) -> None:
    path = pdf_with_pages(tmp_path / "pitka.pdf", pages=12)
    error, _ = _refused(path, InputLimits(max_pdf_pages=10))
    assert error.key == "limit_pdf_pages" and "12" in error.reason
    assert len(load_file(path)[0].segments) == 12


def test_html_size_and_element_limits(tmp_path: Path) -> None:
    path = tmp_path / "sivu.html"
    path.write_text(
        "<html><body>" + "<p>Kaupunki tiedottaa.</p>" * 3_000 + "</body></html>", encoding="utf-8"
    )
    error, growth = _refused(path, InputLimits(max_html_elements=2_000))
    assert error.key == "limit_html_elements"
    assert growth < 2 * MB  # refused before BeautifulSoup builds a tree
    error, _ = _refused(path, InputLimits(max_html_bytes=10_000))
    assert error.key == "limit_file_bytes"
    assert load_file(path)[0].text.count("Kaupunki tiedottaa.") == 3_000


def test_document_text_length_limit_for_text_pdf_and_csv(tmp_path: Path) -> None:
    limits = InputLimits(max_document_chars=1_000)
    text = tmp_path / "pitka.txt"
    text.write_text("Sana. " * 400, encoding="utf-8")
    error, _ = _refused(text, limits)
    assert error.key == "limit_document_chars" and "2 400" in error.reason
    assert "liian pitkä" in error.localised("fi") and "för lång" in error.localised("sv")

    pdf = pdf_with_pages(tmp_path / "pitka.pdf", pages=40)
    error, _ = _refused(pdf, limits)
    assert error.key == "limit_document_chars"

    tiny = InputLimits(max_document_chars=10)
    csv = tmp_path / "kysely.csv"
    csv.write_text("id;text\n1;" + "pitkä teksti " * 10 + "\n", encoding="utf-8")
    error, _ = _refused(csv, tiny)
    assert error.key in {"limit_file_bytes", "limit_document_chars"}


def test_errors_do_not_show_the_server_path(tmp_path: Path) -> None:
    fake = tmp_path / "uploads" / "fake.docx"
    fake.parent.mkdir()
    fake.write_text("tämä ei ole Word-tiedosto", encoding="utf-8")
    error, _ = _refused(fake)
    assert "fake.docx" in error.reason
    assert str(tmp_path) not in error.reason and "uploads" not in error.reason


def test_limits_come_from_the_settings(tmp_path: Path) -> None:
    from tests.conftest import make_settings

    settings = make_settings(tmp_path, max_pdf_pages=7, max_document_chars=123)
    limits = InputLimits.from_settings(settings)
    assert limits.max_pdf_pages == 7 and limits.max_document_chars == 123
    assert InputLimits.from_settings(make_settings(tmp_path)) == InputLimits()


def test_proposal_and_register_readers_refuse_the_same_workbook_bomb(tmp_path: Path) -> None:
    """Proposal files (POST /proposals/classify) and measures registers are inputs too."""
    from rag.classify.batch_io import BatchFileError, read_proposals
    from rag.draft.register import RegisterError, read_rows

    path = xlsx_with_strings(tmp_path, 6_000_000)
    outcome, growth = _peak_growth(lambda: read_proposals(path, ["text"]))
    assert isinstance(outcome, BatchFileError) and "sharedStrings" in outcome.problem
    assert growth < 5 * MB
    outcome, growth = _peak_growth(lambda: read_rows(path))
    assert isinstance(outcome, RegisterError) and "sharedStrings" in outcome.problems[0]
    assert growth < 5 * MB
