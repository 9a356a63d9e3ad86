"""Hostile and large files for the input-limit tests and bench/hostile_inputs.py.

Each is small on disk and asks for a lot once parsed: YAML aliases, zip parts that unpack to
hundreds of megabytes, a shared-string table with millions of entries. The files are valid,
so a loader without limits really does the work (that is what the limits prevent).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
from reportlab.pdfgen import canvas

MB = 1024 * 1024


def alias_bomb(levels: int) -> str:
    """The classic 'billion laughs': each level lists the previous one nine times."""
    lines = ["---", "id: pommi", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi"[: levels - 1]:
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    lines += ["---", "Kaupunginhallitus kokoontui ja hyväksyi digiohjelman.", ""]
    return "\n".join(lines)


def write_zip_part(archive: zipfile.ZipFile, name: str, head: bytes, size: int) -> None:
    """A part of `size` bytes (head, then spaces), compressed in pieces to keep memory low."""
    with archive.open(name, "w", force_zip64=True) as part:
        part.write(head)
        left = size - len(head)
        block = b" " * MB
        while left > 0:
            part.write(block[: min(left, MB)])
            left -= MB


def small_docx(folder: Path, name: str = "raportti.docx") -> Path:
    document = docx.Document()
    document.add_paragraph("Kaupunginhallitus hyväksyi digiohjelman.")
    path = folder / name
    document.save(str(path))
    return path


def swap_part(path: Path, name: str, writer: Callable[[zipfile.ZipFile], None]) -> None:
    """Rewrite the zip at `path` with the part `name` written by `writer` instead."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != name:
                target.writestr(item, source.read(item.filename))
        writer(target)


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


def xlsx_with_strings(folder: Path, extra_strings: int, empty: bool = False) -> Path:
    """A valid workbook (2 rows) whose shared-string table holds `extra_strings` unused more."""
    path = folder / "kysely.xlsx"
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


def pdf_with_pages(path: Path, pages: int, text: str = "Kaupunginhallitus kokoontui.") -> Path:
    pdf = canvas.Canvas(str(path))
    for number in range(pages):
        pdf.drawString(72, 720, f"{text} Sivu {number + 1}.")
        pdf.showPage()
    pdf.save()
    return path


def docx_bomb(folder: Path, size: int = 300 * MB, name: str = "pommi.docx") -> Path:
    """A valid DOCX whose body holds `size` bytes of whitespace (about 1 MB on disk per GB)."""
    path = small_docx(folder, name)
    document_xml = zipfile.ZipFile(path).read("word/document.xml")
    body_end = document_xml.rindex(b"</w:body>")
    swap_part(
        path,
        "word/document.xml",
        lambda z: write_zip_part(z, "word/document.xml", document_xml[:body_end], size),
    )
    return path
