"""Input limits: a small hostile file is refused early, with a clear error and flat memory.

Memory is measured with tracemalloc (Python allocations, which include what lxml, PyYAML and
zipfile hand back to Python); a refused file must not grow it by more than a few megabytes.
"""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import chromadb
import openpyxl
import pytest
from reportlab.pdfgen import canvas

from ingest.limits import InputLimits
from ingest.loaders import load_file
from ingest.loaders.base import LoadOptions
from ingest.pipeline import IngestPipeline
from rag.core.documents import IngestError
from rag.store.registry import Registry
from rag.store.vectors import ChromaVectorStore
from tests.fakes.embeddings import HashEmbeddings

MB = 1024 * 1024


def _alias_bomb(levels: int) -> str:
    """The classic 'billion laughs': each level lists the previous one nine times."""
    lines = ["---", "id: pommi", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi"[: levels - 1]:
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    lines += ["---", "Kaupunginhallitus kokoontui ja hyväksyi digiohjelman.", ""]
    return "\n".join(lines)


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


@pytest.fixture
def pipeline(tmp_path: Path) -> IngestPipeline:
    registry = Registry(tmp_path / "registry.sqlite3")
    embedder = HashEmbeddings()
    client = chromadb.PersistentClient(path=str(tmp_path / "chroma"))
    vectors = ChromaVectorStore(client, "limits", embedder.name, embedder.dimension)
    return IngestPipeline(registry, vectors, embedder)


# -- YAML front matter ---------------------------------------------------------------------


def test_yaml_alias_bomb_is_refused_with_flat_memory(tmp_path: Path) -> None:
    path = tmp_path / "pommi.md"
    path.write_text(_alias_bomb(levels=9), encoding="utf-8")
    assert path.stat().st_size <= 420  # the 411-byte upload of the probe, give or take
    error, growth = _refused(path)
    assert error.key == "front_matter_alias"
    assert "alias" in error.reason and "line 4" in error.reason
    assert "viittaus" in error.localised("fi")
    assert growth < 2 * MB


def test_alias_bomb_through_the_pipeline_is_one_failed_file(
    pipeline: IngestPipeline, tmp_path: Path
) -> None:
    # Six levels (9**6 strings) so that code which expands the aliases (hashing the front
    # matter for the content hash) grows by tens of megabytes, not gigabytes, before failing.
    bomb = tmp_path / "docs" / "pommi.md"
    bomb.parent.mkdir()
    bomb.write_text(_alias_bomb(levels=6), encoding="utf-8")
    good = bomb.parent / "hyva.md"
    good.write_text("---\nid: hyva\n---\nKaupunginhallitus kokoontui.\n", encoding="utf-8")
    report, growth = _peak_growth(lambda: pipeline.ingest([bomb.parent]))
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


def _write_zip_part(archive: zipfile.ZipFile, name: str, head: bytes, size: int) -> None:
    """A part of `size` bytes (head, then spaces), compressed in pieces to keep memory low."""
    with archive.open(name, "w", force_zip64=True) as part:
        part.write(head)
        left = size - len(head)
        block = b" " * MB
        while left > 0:
            part.write(block[: min(left, MB)])
            left -= MB


def _docx(tmp_path: Path, name: str = "raportti.docx") -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Kaupunginhallitus hyväksyi digiohjelman.")
    path = tmp_path / name
    document.save(str(path))
    return path


def _swap_part(path: Path, name: str, writer: Callable[[zipfile.ZipFile], None]) -> None:
    """Rewrite the zip at `path` with the part `name` written by `writer` instead."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != name:
                target.writestr(item, source.read(item.filename))
        writer(target)


def test_docx_zip_bomb_is_refused_by_declared_size_before_parsing(tmp_path: Path) -> None:
    path = _docx(tmp_path, "pommi.docx")
    document_xml = zipfile.ZipFile(path).read("word/document.xml")
    body_end = document_xml.rindex(b"</w:body>")
    # 300 MB of whitespace inside the body: valid XML that python-docx would read whole.
    _swap_part(
        path,
        "word/document.xml",
        lambda z: _write_zip_part(z, "word/document.xml", document_xml[:body_end], 300 * MB),
    )
    assert path.stat().st_size < 2 * MB
    error, growth = _refused(path)
    assert error.key == "limit_archive_bytes"
    assert growth < 5 * MB


def test_docx_with_one_oversized_part_or_too_many_parts_is_refused(tmp_path: Path) -> None:
    path = _docx(tmp_path)
    limits = InputLimits(max_archive_part_bytes=1 * MB)
    _swap_part(
        path,
        "word/document.xml",
        lambda z: _write_zip_part(z, "word/document.xml", b"<?xml version='1.0'?>", 2 * MB),
    )
    error, _ = _refused(path, limits)
    assert error.key == "limit_archive_part" and "word/document.xml" in error.reason

    many = _docx(tmp_path, "monta.docx")

    def extra_parts(archive: zipfile.ZipFile) -> None:
        for number in range(30):
            archive.writestr(f"customXml/extra{number}.xml", "<x/>")

    _swap_part(many, "customXml/none", extra_parts)  # keeps every part, adds 30
    error, _ = _refused(many, InputLimits(max_archive_entries=20))
    assert error.key == "limit_archive_entries"


_SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_XLSX_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        f'ContentType="{_TYPE}.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        f'ContentType="{_TYPE}.sharedStrings+xml"/></Types>'
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_PKG_REL_NS}"><Relationship Id="rId1" '
        f'Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_SHEET_NS}" xmlns:r="{_REL_NS}"><sheets>'
        '<sheet name="Kysely" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{_REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    ),
    "xl/worksheets/sheet1.xml": (
        f'<worksheet xmlns="{_SHEET_NS}"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>'
        "</sheetData></worksheet>"
    ),
}


def _xlsx_with_strings(tmp_path: Path, extra_strings: int, empty: bool = False) -> Path:
    """A valid workbook (2 rows) whose shared-string table holds `extra_strings` unused more."""
    path = tmp_path / "kysely.xlsx"
    used = "".join(f"<si><t>{s}</t></si>" for s in ("id", "text", "1", "Lisää pyöräteitä."))
    filler = b"<si><t/></si>" if empty else b"<si><t>s</t></si>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in _XLSX_PARTS.items():
            archive.writestr(name, xml)
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(f'<sst xmlns="{_SHEET_NS}">{used}'.encode())
            left = extra_strings
            while left > 0:
                step = min(left, 100_000)
                part.write(filler * step)
                left -= step
            part.write(b"</sst>")
    return path


def test_xlsx_with_six_million_shared_strings_is_refused(tmp_path: Path) -> None:
    path = _xlsx_with_strings(tmp_path, 6_000_000)
    error, growth = _refused(path)
    assert error.key in {"limit_archive_part", "limit_archive_bytes", "limit_shared_strings"}
    assert growth < 5 * MB


def test_xlsx_shared_strings_are_counted_when_the_part_is_small_enough(tmp_path: Path) -> None:
    path = _xlsx_with_strings(tmp_path, 3_000, empty=True)
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


def _pdf(path: Path, pages: int, text: str = "Kaupunginhallitus kokoontui.") -> Path:
    pdf = canvas.Canvas(str(path))
    for number in range(pages):
        pdf.drawString(72, 720, f"{text} Sivu {number + 1}.")
        pdf.showPage()
    pdf.save()
    return path


def test_pdf_page_limit(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "pitka.pdf", pages=12)
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

    pdf = _pdf(tmp_path / "pitka.pdf", pages=40)
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

    path = _xlsx_with_strings(tmp_path, 6_000_000)
    outcome, growth = _peak_growth(lambda: read_proposals(path, ["text"]))
    assert isinstance(outcome, BatchFileError) and "sharedStrings" in outcome.problem
    assert growth < 5 * MB
    outcome, growth = _peak_growth(lambda: read_rows(path))
    assert isinstance(outcome, RegisterError) and "sharedStrings" in outcome.problems[0]
    assert growth < 5 * MB
