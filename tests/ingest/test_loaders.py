"""Loaders for every supported format, on files generated in tmp_path (and one real CSV)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import docx
import openpyxl
import pytest
from pypdf import PdfWriter
from reportlab.pdfgen import canvas

from ingest.loaders import LoadOptions, dedupe_records, load_file, loader_for
from ingest.loaders.html import HtmlLoader
from ingest.loaders.pdf import PdfLoader
from ingest.loaders.tabular import CsvLoader
from ingest.loaders.text import TextLoader
from rag.core.documents import IngestError
from rag.core.encoding import decode_bytes

PAGES = [
    "Porvoon kaupunginhallitus kokoontui maanantaina.",
    "Kaupunginhallitus hyväksyi talousarvion vuodelle 2024.",
    "Päätökset tulevat voimaan heti.",
]


def reason(exc_info: pytest.ExceptionInfo[IngestError]) -> str:
    return exc_info.value.reason


def make_pdf(path: Path, pages: list[str], title: str | None = None) -> Path:
    pdf = canvas.Canvas(str(path))
    if title:
        pdf.setTitle(title)
    for text in pages:
        pdf.drawString(72, 720, text)
        pdf.showPage()
    pdf.save()
    return path


# --- PDF -------------------------------------------------------------------------------------


def test_pdf_one_segment_per_page_with_page_numbers(tmp_path: Path) -> None:
    docs = load_file(make_pdf(tmp_path / "minutes.pdf", PAGES))
    assert len(docs) == 1
    doc = docs[0]
    assert doc.format == "pdf" and doc.doc_id == "minutes"
    assert [s.page for s in doc.segments] == [1, 2, 3]
    for segment, text in zip(doc.segments, PAGES, strict=True):
        assert segment.text == text
    # reportlab writes the placeholder title "untitled": the first line is the better title.
    assert doc.title == PAGES[0]


def test_pdf_metadata_title_is_used_when_meaningful(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "a.pdf", PAGES, title="Kaupunginhallituksen pöytäkirja")
    assert load_file(path)[0].title == "Kaupunginhallituksen pöytäkirja"
    path = make_pdf(tmp_path / "b.pdf", PAGES, title="Microsoft Word - poytakirja.docx")
    assert load_file(path)[0].title == PAGES[0]


def test_pdf_with_user_password_is_rejected(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", PAGES)
    writer = PdfWriter(clone_from=plain)
    writer.encrypt("salainen")
    writer.write(tmp_path / "secret.pdf")
    with pytest.raises(IngestError) as err:
        load_file(tmp_path / "secret.pdf")
    assert reason(err) == "encrypted PDF: cannot read without a password"


def test_pdf_with_only_owner_password_is_read(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", PAGES)
    writer = PdfWriter(clone_from=plain)
    writer.encrypt("", owner_password="omistaja")
    writer.write(tmp_path / "owner.pdf")
    assert [s.page for s in load_file(tmp_path / "owner.pdf")[0].segments] == [1, 2, 3]


def test_truncated_pdf_is_corrupt(tmp_path: Path) -> None:
    data = make_pdf(tmp_path / "full.pdf", PAGES).read_bytes()
    (tmp_path / "broken.pdf").write_bytes(data[: len(data) // 2])
    with pytest.raises(IngestError) as err:
        load_file(tmp_path / "broken.pdf")
    assert "corrupt or unreadable PDF" in reason(err)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    pdf = canvas.Canvas(str(tmp_path / "scan.pdf"))
    pdf.rect(100, 100, 300, 400, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(IngestError) as err:
        load_file(tmp_path / "scan.pdf")
    assert reason(err) == "no text layer (scanned PDF?)"


def test_empty_pdf_file(tmp_path: Path) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    with pytest.raises(IngestError) as err:
        load_file(tmp_path / "empty.pdf")
    assert reason(err) == "empty file"
    with pytest.raises(IngestError, match="empty file"):  # the loader alone checks it too
        PdfLoader().load(tmp_path / "empty.pdf", LoadOptions())


# --- DOCX ------------------------------------------------------------------------------------


def test_docx_heading_blocks_and_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Johdanto ennen otsikoita.")
    document.add_heading("Talousarvio", level=1)
    document.add_paragraph("Kaupunginvaltuusto hyväksyi talousarvion.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Toimiala", "Määräraha"
    table.cell(1, 0).text, table.cell(1, 1).text = "Sivistys", "120 000 €"
    document.add_heading("Investoinnit", level=2)
    document.add_paragraph("Koulun peruskorjaus alkaa keväällä.")
    document.save(str(tmp_path / "budget.docx"))

    doc = load_file(tmp_path / "budget.docx")[0]
    assert doc.format == "docx"
    assert [s.heading for s in doc.segments] == [None, "Talousarvio", "Investoinnit"]
    assert "Toimiala | Määräraha" in doc.segments[1].text
    assert "Sivistys | 120 000 €" in doc.segments[1].text
    assert doc.segments[2].text.startswith("Investoinnit\n")
    assert doc.title == "Talousarvio"  # no core title: the first heading


def test_docx_core_title_and_corrupt_file(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Hallintosääntö"
    document.add_paragraph("Teksti.")
    document.save(str(tmp_path / "rules.docx"))
    assert load_file(tmp_path / "rules.docx")[0].title == "Hallintosääntö"

    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(IngestError, match="corrupt or unreadable DOCX"):
        load_file(tmp_path / "bad.docx")


# --- HTML ------------------------------------------------------------------------------------


HTML = """<!DOCTYPE html>
<html lang="fi-FI"><head>
<meta charset="windows-1252">
<title>Kaupunginhallituksen päätökset</title>
<link rel="canonical" href="https://www.porvoo.fi/uutiset/paatokset/">
<style>body { color: red; }</style>
<script>var tracking = "älä näytä";</script>
</head><body>
<header>Porvoon kaupunki – sivuston otsake</header>
<nav><a href="/">Etusivu</a> <a href="/uutiset">Uutiset</a></nav>
<h1>Päätökset 6.11.2023</h1>
<p>Kaupunginhallitus kokoontui <b>maanantaina</b>.</p>
<h2>Tuloveroprosentti</h2>
<p>Tuloveroprosentiksi esitetään 7,1 %.</p><!-- kommentti -->
<table><tr><td>Rakennukset</td><td>1,30 %</td></tr></table>
<h4>Lisätieto</h4><p>Kysy kirjaamosta.</p>
<footer>© Porvoon kaupunki</footer>
</body></html>"""


def test_html_drops_chrome_and_splits_at_headings(tmp_path: Path) -> None:
    path = tmp_path / "news.html"
    path.write_bytes(HTML.encode("cp1252"))  # the declared charset, not UTF-8
    doc = load_file(path)[0]
    assert doc.title == "Kaupunginhallituksen päätökset"
    assert doc.language == "fi"
    assert doc.url == "https://www.porvoo.fi/uutiset/paatokset/"
    assert [s.heading for s in doc.segments] == ["Päätökset 6.11.2023", "Tuloveroprosentti"]
    text = doc.text
    for dropped in ("tracking", "color", "Etusivu", "sivuston otsake", "©", "kommentti"):
        assert dropped not in text
    assert "Kaupunginhallitus kokoontui maanantaina." in text
    assert "Rakennukset | 1,30 %" in text
    assert "Lisätieto\nKysy kirjaamosta." in doc.segments[1].text  # h4 does not split


def test_html_without_declared_charset_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    body = "<html><body><h1>Ölandin päivä</h1><p>Hyvää päivää kaikille lukijoille, ääkköset.</p>"
    path.write_bytes((body + "</body></html>").encode("utf-8"))
    doc = HtmlLoader().load(path, LoadOptions())[0]
    assert doc.title == "Ölandin päivä"  # no <title>: the first h1
    assert "ääkköset" in doc.text


def test_html_article_header_is_content_and_wrong_charset_label_falls_back(
    tmp_path: Path,
) -> None:
    page = (
        '<html><head><meta charset="us-ascii"></head><body><header>Sivuston valikko</header>'
        "<main><article><header><h1>Torin kunnostus</h1><p>Julkaistu 1.3.2024</p></header>"
        "<p>Torin kiveys uusitaan kesällä 2024 ja työt kestävät kolme kuukautta.</p>"
        "</article></main></body></html>"
    )
    path = tmp_path / "tori.html"
    path.write_bytes(page.encode("utf-8"))  # labelled ASCII, really UTF-8
    doc = load_file(path)[0]
    assert "Sivuston valikko" not in doc.text
    assert doc.segments[0].heading == "Torin kunnostus"
    assert doc.segments[0].text.splitlines()[:2] == ["Torin kunnostus", "Julkaistu 1.3.2024"]
    assert "kesällä" in doc.text


# --- text / Markdown -------------------------------------------------------------------------


FRONT_MATTER_MD = """---
id: "porvoo-9999"
title: "Stadsstyrelsens beslut"
url: "https://www.porvoo.fi/sv/nyheter/x/"
date: 22.1.2024
language: "sv"
kind: "news"
organisation: "Borgå stad"
access: internal
tags: [ekonomi, skatt]
reviewed: 2024-01-23
---

Inledning före rubrikerna.

# Skattesats

Stadsstyrelsen beslöt föreslå en skattesats på 7,1 procent.

```
# inte en rubrik, kod
```

## Budget 2024

Budgeten godkändes.
"""


def test_markdown_front_matter_and_heading_segments(tmp_path: Path) -> None:
    path = tmp_path / "beslut.md"
    path.write_text(FRONT_MATTER_MD, encoding="utf-8")
    doc = load_file(path)[0]
    assert (doc.doc_id, doc.title, doc.format) == (
        "porvoo-9999",
        "Stadsstyrelsens beslut",
        "markdown",
    )
    assert (doc.url, doc.date, doc.language) == (
        "https://www.porvoo.fi/sv/nyheter/x/",
        "2024-01-22",
        "sv",
    )
    assert (doc.kind, doc.organisation, doc.access) == ("news", "Borgå stad", "internal")
    assert doc.extra == {"tags": ["ekonomi", "skatt"], "reviewed": "2024-01-23"}
    assert [s.heading for s in doc.segments] == [None, "Skattesats", "Budget 2024"]
    assert "# inte en rubrik" in doc.segments[1].text  # a '#' inside a code fence is code


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        (
            "title: [unclosed",
            "invalid YAML in front matter at line 3: expected ',' or ']', but got '<stream end>'"
            " (while parsing a flow sequence started at line 2)",
        ),
        ("title: a\n  bad: indent: here", "invalid YAML in front matter at line 3"),
        ("date: 31.2.2024", "front matter field 'date': '31.2.2024' is not a valid date"),
        ("date: next tuesday", "front matter field 'date': cannot read 'next tuesday'"),
        ("date: 2024-02-30", "invalid value in front matter"),
        ("access: secret", "front matter field 'access': 'secret' is not one of public"),
        ("language: de", "front matter field 'language'"),
        ("- just\n- a list", "front matter must be a mapping"),
    ],
)
def test_bad_front_matter(tmp_path: Path, front_matter: str, expected: str) -> None:
    path = tmp_path / "bad.md"
    path.write_text(f"---\n{front_matter}\n---\n\nTeksti.\n", encoding="utf-8")
    with pytest.raises(IngestError) as err:
        load_file(path)
    assert expected in reason(err)


def test_unclosed_front_matter(tmp_path: Path) -> None:
    (tmp_path / "open.md").write_text("---\ntitle: x\n\nTeksti ilman loppua.\n", encoding="utf-8")
    with pytest.raises(IngestError, match="no closing '---'"):
        load_file(tmp_path / "open.md")


def test_plain_text_defaults_and_encodings(tmp_path: Path) -> None:
    text = "Kokouskutsu\n\nKaupunginvaltuusto kokoontuu keskiviikkona. Äänestys klo 18.\n"
    (tmp_path / "kutsu.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    doc = load_file(tmp_path / "kutsu.txt")[0]
    assert (doc.doc_id, doc.title, doc.format, doc.access) == (
        "kutsu",
        "Kokouskutsu",
        "text",
        "public",
    )
    assert doc.text == text.strip()  # BOM removed
    assert len(doc.segments) == 1 and doc.segments[0].heading is None

    (tmp_path / "ansi.txt").write_bytes(text.encode("cp1252"))
    assert load_file(tmp_path / "ansi.txt")[0].text == text.strip()
    (tmp_path / "wide.txt").write_bytes(text.encode("utf-16"))
    assert load_file(tmp_path / "wide.txt")[0].text == text.strip()


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 40,
        b"\x00\x01\x02\x03PK\x00\x00binary\x00\xff\xfe\x00" * 200,
        os.urandom(4096),
    ],
)
def test_binary_text_file_is_undecodable(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "blob.txt").write_bytes(data)
    with pytest.raises(IngestError) as err:
        load_file(tmp_path / "blob.txt")
    assert reason(err).startswith("undecodable text")


def test_decode_bytes_prefers_cp1252_for_short_finnish_text() -> None:
    assert decode_bytes("Hyvää yötä, Åbo".encode("cp1252"), "x.txt") == "Hyvää yötä, Åbo"


# --- registry --------------------------------------------------------------------------------


def test_unknown_extension_and_empty_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as err:
        load_file(tmp_path / "data.xyz")
    assert reason(err).startswith("unknown format '.xyz' (supported: .pdf, .docx")
    (tmp_path / "empty.md").write_bytes(b"")
    with pytest.raises(IngestError) as err:
        load_file(tmp_path / "empty.md")
    assert reason(err) == "empty file"
    with pytest.raises(IngestError, match="file not found"):
        load_file(tmp_path / "missing.txt")


def test_loader_for_is_case_insensitive() -> None:
    assert isinstance(loader_for("REPORT.PDF"), PdfLoader)
    assert isinstance(loader_for("notes.Markdown"), TextLoader)
    assert isinstance(loader_for("x.tsv"), CsvLoader)


def test_unexpected_loader_exception_becomes_ingest_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(self: TextLoader, path: Path, options: LoadOptions) -> list:
        raise RuntimeError("boom")

    monkeypatch.setattr(TextLoader, "load", explode)
    (tmp_path / "a.txt").write_text("Teksti", encoding="utf-8")
    with pytest.raises(IngestError) as err:
        load_file(tmp_path / "a.txt")
    assert reason(err) == "cannot read file: RuntimeError: boom"


def test_options_override_access_and_language(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Teksti on suomea.", encoding="utf-8")
    doc = load_file(tmp_path / "a.txt", LoadOptions(access="restricted", language="sv-FI"))[0]
    assert (doc.access, doc.language) == ("restricted", "sv")
    with pytest.raises(IngestError, match="access 'top' is not one of"):
        load_file(tmp_path / "a.txt", LoadOptions(access="top"))


# --- CSV / XLSX ------------------------------------------------------------------------------


def test_cp1252_semicolon_csv_with_auto_detection(tmp_path: Path) -> None:
    path = tmp_path / "aloitteet.csv"
    rows = [
        "tunnus;otsikko;kuvaus;äänet;alue",
        "101;Leikkipuisto Näsinmäelle;Toivomme uutta leikkipuistoa ja hiekkalaatikkoa.;12;Länsi",
        "102;Penkkejä rantaan;Rantaraitille lisää penkkejä ikäihmisille ja lapsiperheille;7;Itä",
        "103;Ålandsvägen;Bättre belysning på Ålandsvägen behövs, särskilt på vintern.;3;",
    ]
    path.write_text("\r\n".join(rows) + "\r\n", encoding="cp1252")
    docs = load_file(path)
    assert [d.doc_id for d in docs] == ["aloitteet-101", "aloitteet-102", "aloitteet-103"]
    first = docs[0]
    assert first.title == "Leikkipuisto Näsinmäelle"
    assert [s.text for s in first.segments] == [
        "Leikkipuisto Näsinmäelle",
        "Toivomme uutta leikkipuistoa ja hiekkalaatikkoa.",
    ]
    assert first.extra == {"tunnus": "101", "äänet": "12", "alue": "Länsi"}
    assert (first.kind, first.format) == ("record", "csv")
    assert "alue" not in docs[2].extra  # empty cells are skipped
    assert docs[2].title == "Ålandsvägen"


def test_utf8_comma_csv_with_options_and_kind_column(tmp_path: Path) -> None:
    path = tmp_path / "ideas.csv"
    path.write_text(
        'round,id,title,texts,kind\n1,7,"Park benches","More benches, please",idea\n'
        '2,7,Lights,"Better lights\non the bridge",\n',
        encoding="utf-8",
    )
    options = LoadOptions(text_columns=["title", "texts"], id_columns=["round", "id"])
    docs = load_file(path, options)
    assert [d.doc_id for d in docs] == ["ideas-1-7", "ideas-2-7"]
    assert docs[0].text == "Park benches\n\nMore benches, please"
    assert docs[1].segments[1].text == "Better lights\non the bridge"
    assert [d.kind for d in docs] == ["idea", "record"]
    # without options: ids repeat across rounds, so the round joins the id
    assert [d.doc_id for d in load_file(path)] == ["ideas-1-7", "ideas-2-7"]


def test_unknown_option_columns_list_the_available_ones(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("id,title\n1,Hello\n", encoding="utf-8")
    with pytest.raises(IngestError) as err:
        load_file(path, LoadOptions(text_columns=["body"]))
    assert reason(err) == "unknown text column(s) 'body' (available: id, title)"


def test_rows_without_id_column_use_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "notes.tsv"
    path.write_text("päivä\tmuistiinpano\n1.2.2024\tKokous siirtyi.\n2.2.2024\tUusi aika.\n")
    docs = load_file(path)
    assert [d.doc_id for d in docs] == ["notes-1", "notes-2"]
    assert docs[1].title == "Uusi aika."


def test_xlsx_rows(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["ID", "Otsikko", "Kuvaus", "Summa"])
    sheet.append([938, "Kirjasto auki pidempään", "Kirjaston aukioloaikoja pidennetään.", 1500.0])
    sheet.append([939.0, "Uimaranta", "Uimarannalle uusi laituri.", None])
    workbook.save(tmp_path / "ideat.xlsx")
    docs = load_file(tmp_path / "ideat.xlsx")
    assert [d.doc_id for d in docs] == ["ideat-938", "ideat-939"]
    assert docs[0].title == "Kirjasto auki pidempään"
    assert docs[0].extra == {"ID": "938", "Summa": "1500"}
    assert docs[1].format == "xlsx" and docs[1].extra == {"ID": "939"}

    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(IngestError, match="corrupt or unreadable Excel file"):
        load_file(tmp_path / "broken.xlsx")


def test_repeated_and_conflicting_rows(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(
        "id,title,state\n1,Puisto,open\n1,Puisto,open\n2,Silta,open\n2,Silta,closed\n"
        "2,Silta,open\n2,Silta,draft\n3,Tie,open\n",
        encoding="utf-8",
    )
    docs = load_file(path, LoadOptions(text_columns=["title"]))
    assert len(docs) == 7  # the loader returns every row; dedupe is a separate step
    result = dedupe_records(docs)
    assert [d.doc_id for d in result.unique] == ["p-1", "p-2", "p-3"]
    assert result.unique[1].extra["state"] == "open"  # the first row wins
    assert result.identical_repeats == 2
    assert result.conflicts == ["p-2", "p-2"]
    assert result.conflicting_ids == ["p-2"]


def test_csv_header_only_and_empty(tmp_path: Path) -> None:
    (tmp_path / "header.csv").write_text("id;title\n\n", encoding="utf-8")
    with pytest.raises(IngestError, match="no data rows"):
        load_file(tmp_path / "header.csv")
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(IngestError, match="empty file"):
        load_file(tmp_path / "empty.csv")


def test_real_omastadi_proposals_csv(shared_data: Path) -> None:
    proposals_csv = shared_data / "omastadi" / "proposals.csv"
    options = LoadOptions(text_columns=["title", "texts"], id_columns=["round", "id"])
    started = time.perf_counter()
    docs = load_file(proposals_csv, options)
    elapsed = time.perf_counter() - started
    assert len(docs) == 4778
    assert elapsed < 10  # thousands of rows must load quickly (about 0.3 s here)
    assert all(d.doc_id == f"proposals-{d.extra['round']}-{d.extra['id']}" for d in docs)
    assert "proposals-2-938" in {d.doc_id for d in docs}
    assert all(d.title for d in docs)

    result = dedupe_records(docs)
    assert len(result.unique) + result.identical_repeats + len(result.conflicts) == len(docs)
    assert len({d.doc_id for d in result.unique}) == len(result.unique)
    assert set(result.conflicting_ids) <= {d.doc_id for d in result.unique}
    # auto-detection picks the same record ids (id repeats across rounds)
    assert [d.doc_id for d in load_file(proposals_csv)] == [d.doc_id for d in docs]
