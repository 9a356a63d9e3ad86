"""OCR of scanned PDFs: pages rendered to images in the test (no text layer), read by Tesseract."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import reportlab
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader

from api.container import Tiekartta
from ingest.loaders import load_file
from ingest.loaders.base import LoadOptions
from ingest.loaders.ocr import OcrError, TesseractOcr, repair_section_marks
from ingest.loaders.pdf import PdfLoader
from rag.core.documents import IngestError
from tests.conftest import make_settings, require_tool

# Outside CI a missing Tesseract skips; in CI the tests run and fail, since .ci/run installs it.
needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None and not os.environ.get("CI"),
    reason="tesseract-ocr is not installed (.ci/run installs it)",
)
# Bitstream Vera ships with reportlab and has the Finnish and Swedish letters and "§".
FONT = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"

FI_PAGES = [
    [
        "Kaupunginhallitus 12.02.2024 § 41",
        "",
        "Kirjaston avoimen datan palvelu",
        "",
        "Kaupunginhallitus käsitteli kirjaston palveluja.",
    ],
    [
        "Päätös",
        "",
        "Kaupunginhallitus päätti, että kirjaston",
        "lainaustilastot julkaistaan avoimena datana",
        "maaliskuusta 2024 alkaen.",
    ],
]
SV_PAGE = [
    "Stadsstyrelsen 12.02.2024 § 41",
    "",
    "Beslut",
    "",
    "Stadsstyrelsen beslutade att bibliotekets",
    "utlåningsstatistik publiceras som öppna data",
    "från och med mars 2024.",
]


def scanned_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF of page images only, like a scanner makes (A4 at 150 dpi)."""
    font = ImageFont.truetype(str(FONT), 36)
    images = []
    for lines in pages:
        image = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(image)
        for number, line in enumerate(lines):
            draw.text((110, 150 + 56 * number), line, fill=0, font=font)
        images.append(image)
    images[0].save(path, save_all=True, append_images=images[1:], resolution=150)
    return path


def test_section_mark_misreads_are_repaired_where_the_layout_says_so() -> None:
    assert repair_section_marks("Kaupunginhallitus 22.01.2024 $ 25") == (
        "Kaupunginhallitus 22.01.2024 § 25"
    )
    assert repair_section_marks("Stadsstyrelsen 22.1.2024 S 25") == "Stadsstyrelsen 22.1.2024 § 25"
    assert repair_section_marks("$ 25 Digiohjelma 2024-2026") == "§ 25 Digiohjelma 2024-2026"
    assert repair_section_marks("8 25 Digiohjelma") == "§ 25 Digiohjelma"
    assert repair_section_marks("Kuntalain 110 $:n mukaan") == "Kuntalain 110 §:n mukaan"
    # Not a section mark: counts, prices and words keep their characters.
    for text in ("8 kappaletta", "Sivu 8 25 euroa", "S-ryhmä", "hinta $12.50", "8 25 kpl"):
        assert repair_section_marks(text) == text


def test_without_tesseract_a_scan_is_reported_with_the_reason(tmp_path: Path) -> None:
    pdf = scanned_pdf(tmp_path / "scan.pdf", FI_PAGES[:1])
    loader = PdfLoader(ocr=TesseractOcr(binary="tesseract-not-installed"))
    with pytest.raises(IngestError) as err:
        loader.load(pdf, LoadOptions())
    assert "no text layer" in err.value.reason and "not installed" in err.value.reason


@needs_tesseract
def test_ocr_reads_only_the_pages_without_text(tmp_path: Path) -> None:
    pdf = scanned_pdf(tmp_path / "poytakirja.pdf", FI_PAGES)
    assert not any((p.extract_text() or "").strip() for p in PdfReader(pdf).pages)
    doc = load_file(pdf)[0]
    assert [s.page for s in doc.segments] == [1, 2]
    assert all(s.ocr_confidence is not None and s.ocr_confidence > 50 for s in doc.segments)
    assert doc.extra["ocr_pages"] == [1, 2]
    assert "§ 41" in doc.segments[0].text
    assert "lainaustilastot julkaistaan avoimena datana" in doc.segments[1].text


@needs_tesseract
def test_a_broken_engine_leaves_a_scan_reported(tmp_path: Path) -> None:
    pdf = scanned_pdf(tmp_path / "scan.pdf", FI_PAGES[:1])
    with pytest.raises(OcrError):
        TesseractOcr(languages="xxx").read_pages(pdf, [1])


@pytest.fixture(scope="module")
def scans_service(tmp_path_factory: pytest.TempPathFactory) -> Tiekartta:
    require_tool(shutil.which("tesseract") is not None, "tesseract-ocr")
    folder = tmp_path_factory.mktemp("scans")
    scanned_pdf(folder / "kh-2024-02-12-poytakirja.pdf", FI_PAGES)
    scanned_pdf(folder / "ss-2024-02-12-protokoll.pdf", [SV_PAGE])
    service = Tiekartta(make_settings(tmp_path_factory.mktemp("scans-data")))
    report = service.documents.ingest([folder])
    assert not report.failed, report.failed
    return service


SCAN_QUESTIONS = [
    # (question, document, page of the answer, answer language, words the answer quotes)
    (
        "Mistä alkaen kirjaston lainaustilastot julkaistaan avoimena datana?",
        "kh-2024-02-12-poytakirja",
        2,
        "fi",
        "maaliskuusta 2024",
    ),
    (
        "Från när publiceras bibliotekets utlåningsstatistik som öppna data?",
        "ss-2024-02-12-protokoll",
        1,
        "sv",
        "mars 2024",
    ),
]


@pytest.mark.integration
@pytest.mark.parametrize(("question", "doc_id", "page", "language", "quoted"), SCAN_QUESTIONS)
def test_question_about_a_scan_is_answered_with_its_page(
    scans_service: Tiekartta, question: str, doc_id: str, page: int, language: str, quoted: str
) -> None:
    answer = scans_service.questions.ask(question)
    assert answer.found, answer.answer
    top = answer.sources[0]
    assert (top.doc_id, top.page, answer.language) == (doc_id, page, language)
    assert quoted in answer.answer


@pytest.mark.integration
def test_scan_chunks_are_marked_as_ocr_and_keep_the_section(scans_service: Tiekartta) -> None:
    doc_id = "kh-2024-02-12-poytakirja"
    chunks = [c for c in scans_service.vectors.all_chunks() if c.doc_id == doc_id]
    assert chunks and all(c.ocr_confidence is not None for c in chunks)
    # The "§" read from the image made the scan a minutes item with its section.
    assert [i.section for i in scans_service.registry.documents.items_for(doc_id)] == ["41"]
