"""The loader contract for each format."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from reportlab.pdfgen import canvas

from ingest.loaders.base import Loader
from ingest.loaders.docx import DocxLoader
from ingest.loaders.html import HtmlLoader
from ingest.loaders.pdf import PdfLoader
from ingest.loaders.tabular import CsvLoader, XlsxLoader
from ingest.loaders.text import TextLoader
from tests.contracts.loaders import LoaderContract

SENTENCE = "Kaupunginhallitus hyväksyi digiohjelman toimenpiteet kokouksessaan."


class TestMarkdown(LoaderContract):
    suffix = ".md"

    @pytest.fixture
    def loader(self) -> Loader:
        return TextLoader()

    @pytest.fixture
    def sample(self, tmp_path: Path) -> Path:
        path = tmp_path / "paatos.md"
        path.write_text(f"---\ntitle: Päätös\n---\n\n# Päätös\n\n{SENTENCE}\n", encoding="utf-8")
        return path


class TestHtml(LoaderContract):
    suffix = ".html"

    @pytest.fixture
    def loader(self) -> Loader:
        return HtmlLoader()

    @pytest.fixture
    def sample(self, tmp_path: Path) -> Path:
        path = tmp_path / "paatos.html"
        path.write_text(
            f"<html><head><title>Päätös</title></head><body><main><h1>Päätös</h1>"
            f"<p>{SENTENCE}</p></main></body></html>",
            encoding="utf-8",
        )
        return path


class TestDocx(LoaderContract):
    suffix = ".docx"

    @pytest.fixture
    def loader(self) -> Loader:
        return DocxLoader()

    @pytest.fixture
    def sample(self, tmp_path: Path) -> Path:
        document = docx.Document()
        document.add_heading("Päätös", level=1)
        document.add_paragraph(SENTENCE)
        path = tmp_path / "paatos.docx"
        document.save(str(path))
        return path


class TestPdf(LoaderContract):
    suffix = ".pdf"

    @pytest.fixture
    def loader(self) -> Loader:
        return PdfLoader()

    @pytest.fixture
    def sample(self, tmp_path: Path) -> Path:
        path = tmp_path / "paatos.pdf"
        page = canvas.Canvas(str(path))
        page.drawString(72, 720, SENTENCE)
        page.save()
        return path


class TestCsv(LoaderContract):
    suffix = ".csv"

    @pytest.fixture
    def loader(self) -> Loader:
        return CsvLoader()

    @pytest.fixture
    def sample(self, tmp_path: Path) -> Path:
        path = tmp_path / "ehdotukset.csv"
        path.write_text(f"id,otsikko,kuvaus\n1,Päätös,{SENTENCE}\n", encoding="utf-8")
        return path


class TestXlsx(LoaderContract):
    suffix = ".xlsx"

    @pytest.fixture
    def loader(self) -> Loader:
        return XlsxLoader()

    @pytest.fixture
    def sample(self, tmp_path: Path) -> Path:
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["id", "otsikko", "kuvaus"])
        sheet.append([1, "Päätös", SENTENCE])
        path = tmp_path / "ehdotukset.xlsx"
        workbook.save(path)
        return path
