"""OCR for PDF pages without a text layer: PDFium renders the page, Tesseract reads it.

Tesseract comes from the system (Debian: ``tesseract-ocr`` with ``-fin``, ``-swe``, ``-eng``);
without it scanned pages stay unread and the loader says so. Only pages whose text layer is
empty are read, so a born-digital PDF costs nothing extra.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

DEFAULT_LANGUAGES = "fin+swe+eng"
RENDER_DPI = 300
OCR_TIMEOUT_S = 300


class OcrError(Exception):
    """OCR could not run on a file (the message is for a person)."""


@dataclass(frozen=True)
class OcrPage:
    """The text read from one page and the engine's mean word confidence (0-100)."""

    text: str
    confidence: float


class PageReader(Protocol):
    """Reads the given 1-based pages of a PDF as images; pages with no text are left out."""

    def read_pages(self, path: Path, pages: list[int]) -> dict[int, OcrPage]: ...


# --- "§" misreads ---------------------------------------------------------------------------
# Tesseract reads the section mark as "$", "S", "8", "&" or "§§". It is only repaired where the
# layout says it is one: at the start of a heading line before the § number, after a meeting
# date ("22.01.2024 $ 25"), or before a Finnish case ending ("110 $:n").
_MARK = r"(?:\$|S|&|§§)"
_LINE_START = re.compile(rf"^(\s*){_MARK}\s?(\d{{1,4}})(?=\s*$|\s+[A-ZÅÄÖ])", re.MULTILINE)
_LINE_START_8 = re.compile(r"^(\s*)8 (\d{1,4})(?=\s*$|\s+[A-ZÅÄÖ][a-zåäö])", re.MULTILINE)
_AFTER_DATE = re.compile(rf"(\b\d{{1,2}}\.\d{{1,2}}\.\d{{4}}\s+)(?:{_MARK}|8)\s?(\d{{1,4}})\b")
_CASE_ENDING = re.compile(r"(\b\d{1,4}\s?)\$(?=:\w)")
_DOLLAR_NUMBER = re.compile(r"(?<![\w$])\$\s?(\d{1,4})(?![\d.,])")


def repair_section_marks(text: str) -> str:
    """Put back "§" where OCR misread it and the layout shows a section mark."""
    text = _LINE_START.sub(r"\1§ \2", text)
    text = _LINE_START_8.sub(r"\1§ \2", text)
    text = _AFTER_DATE.sub(r"\1§ \2", text)
    text = _CASE_ENDING.sub(r"\1§", text)
    # "$ 25" or "$25" alone: minutes never price in dollars, and the mark is a "§" there.
    return _DOLLAR_NUMBER.sub(r"§ \1", text)


# --- Tesseract ------------------------------------------------------------------------------


def _words_to_text(tsv: str) -> OcrPage:
    """Lines and paragraphs from Tesseract's TSV output, with the mean word confidence."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences: list[float] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        word = (row.get("text") or "").strip()
        try:
            conf = float(row.get("conf") or -1)
        except ValueError:
            continue
        if not word or conf < 0:
            continue
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        lines.setdefault(key, []).append(word)
        confidences.append(conf)
    paragraphs: list[list[str]] = []
    last_par: tuple[int, int] | None = None
    for (block, par, _line), words in sorted(lines.items()):
        if (block, par) != last_par:
            paragraphs.append([])
            last_par = (block, par)
        paragraphs[-1].append(" ".join(words))
    text = "\n\n".join("\n".join(p) for p in paragraphs)
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrPage(repair_section_marks(text), round(mean, 1))


class TesseractOcr:
    """Renders pages with pypdfium2 and runs the ``tesseract`` command on each image."""

    def __init__(
        self,
        languages: str = DEFAULT_LANGUAGES,
        dpi: int = RENDER_DPI,
        binary: str = "tesseract",
        min_confidence: float = 30.0,
    ) -> None:
        self.languages = languages
        self.dpi = dpi
        self.binary = binary
        # Below this mean confidence the "text" is noise read from a picture or a stain.
        self.min_confidence = min_confidence

    @property
    def available(self) -> bool:
        return shutil.which(self.binary) is not None

    def read_pages(self, path: Path, pages: list[int]) -> dict[int, OcrPage]:
        if not pages:
            return {}
        if not self.available:
            raise OcrError(f"'{self.binary}' is not installed (apt-get install tesseract-ocr)")
        import pypdfium2  # imported here: only scans need the renderer

        found: dict[int, OcrPage] = {}
        document = pypdfium2.PdfDocument(str(path))
        try:
            with tempfile.TemporaryDirectory(prefix="tiekartta-ocr-") as tmp:
                for number in pages:
                    image = Path(tmp) / f"page-{number}.png"
                    page = document[number - 1]
                    page.render(scale=self.dpi / 72).to_pil().save(image)
                    page.close()
                    result = self._read_image(image)
                    if result.text.strip() and result.confidence >= self.min_confidence:
                        found[number] = result
        finally:
            document.close()
        return found

    def _read_image(self, image: Path) -> OcrPage:
        command = [self.binary, str(image), "stdout", "-l", self.languages, "tsv"]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=OCR_TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired:
            raise OcrError(f"tesseract took longer than {OCR_TIMEOUT_S} s on a page") from None
        if done.returncode != 0:
            problem = done.stderr.strip().splitlines()[-1:] or ["no message"]
            raise OcrError(f"tesseract failed: {problem[0]}")
        return _words_to_text(done.stdout)
