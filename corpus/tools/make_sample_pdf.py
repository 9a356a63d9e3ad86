"""Write the sample city board minutes PDF (corpus/sample/kaupunginhallitus-2024-01-22-...pdf).

The minutes are fictional demo text written for this project (names of persons are invented);
only the date, the section number and the three themes of the Digital Programme 2024–2026 are
taken from the City of Porvoo's public decision. Each § follows the text layout of a Dynasty
meeting item (body line, "Pöytäkirja dd.mm.yyyy/Pykälä N", title, "<body> <date> § N",
record number, "Valmistelu ja lisätiedot", preparer, text, "Esittelijä", "Päätösehdotus",
"Päätös"), and every § starts on a new page as in Dynasty minutes PDFs.

Run:  /work/venv/bin/python corpus/tools/make_sample_pdf.py [--out PATH]

The output is deterministic (reportlab invariant mode), uses the standard Helvetica font
(WinAnsi encoding, so ä, ö, å, §, – and € survive text extraction) and is ~15 KB.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

OUT = Path(__file__).resolve().parents[1] / "sample" / "kaupunginhallitus-2024-01-22-poytakirja.pdf"

BODY = "Kaupunginhallitus"
DATE = "22.01.2024"
MEETING_NO = "3/2024"
HEADER = f"Porvoon kaupunki  |  {BODY}  |  Pöytäkirja {MEETING_NO}"

# --- content ------------------------------------------------------------------------------
# A block is (kind, text). Kinds: label (a heading line such as "Päätös"), line (one short
# line), para (a paragraph that may wrap), title (the item title), bigtitle (cover page).

COVER: list[tuple[str, str]] = [
    ("bigtitle", "PORVOON KAUPUNKI"),
    ("line", BODY),
    ("bigtitle", f"PÖYTÄKIRJA {MEETING_NO}"),
    ("label", "Kokousaika"),
    ("line", f"{DATE} klo 16.00–18.35"),
    ("label", "Kokouspaikka"),
    ("line", "Kaupungintalo, kaupunginhallituksen kokoushuone, Raatihuoneenkatu 3"),
    ("label", "Saapuvilla olleet jäsenet"),
    ("line", "Laine Katariina, puheenjohtaja"),
    ("line", "Westerholm Johan, 1. varapuheenjohtaja"),
    ("line", "Heikkinen Päivi, 2. varapuheenjohtaja"),
    ("line", "Backman Tove"),
    ("line", "Grönroos Anders"),
    ("line", "Korhonen Liisa"),
    ("line", "Lehtinen Jussi"),
    ("line", "Nyström Eva"),
    ("line", "Ojala Tapani"),
    ("line", "Räsänen Hanna"),
    ("line", "Söderlund Mikael"),
    ("line", "Åkerlund Mårten"),
    ("label", "Muut saapuvilla olleet"),
    ("line", "Salo Mikko, vt. kaupunginjohtaja, esittelijä"),
    ("line", "Aaltonen Heidi, hallintojohtaja, pöytäkirjanpitäjä"),
    ("line", "Laaksonen Tomi, tietohallintojohtaja, asiantuntija, poistui 17.10"),
    ("label", "Laillisuus ja päätösvaltaisuus"),
    ("para", "Kokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi."),
    ("label", "Käsitellyt asiat"),
    ("line", "§:t 23–26"),
    ("label", "Pöytäkirjan tarkastus"),
    (
        "para",
        "Pöytäkirja on tarkastettu sähköisesti 24.01.2024. Pöytäkirjantarkastajina toimivat "
        "Tove Backman ja Jussi Lehtinen.",
    ),
    ("label", "Pöytäkirja yleisesti nähtävänä"),
    ("line", "Porvoon kaupungin verkkosivuilla 29.01.2024"),
]

ITEMS: list[dict] = [
    {
        "section": "23",
        "title": "Lausunto Itä-Uudenmaan liikennejärjestelmäsuunnitelman luonnoksesta",
        "record": "1672/08.00.00/2023",
        "preparer": "liikennesuunnittelupäällikkö Jari Koskela, etunimi.sukunimi@porvoo.fi",
        "preparation": [
            (
                "para",
                "Itä-Uudenmaan kunnat ja Uudenmaan ELY-keskus ovat valmistelleet yhdessä "
                "liikennejärjestelmäsuunnitelmaa, joka ulottuu vuoteen 2035. Suunnitelma "
                "kokoaa alueen yhteiset tavoitteet liikenneturvallisuudelle, joukkoliikenteelle "
                "sekä kävelylle ja pyöräilylle ja nimeää toimenpiteet, joihin kunnat ja valtio "
                "sitoutuvat.",
            ),
            (
                "para",
                "Suunnitelman luonnos on lausunnolla 31.1.2024 saakka. Porvoon kannalta "
                "keskeisiä ovat valtatie 7:n eritasoliittymien parantaminen, Porvoon ja "
                "Helsingin välisen työmatkaliikenteen vuorotarjonta sekä keskustan ja "
                "Kevätkummun välisen pyöräilyn pääreitin toteuttaminen.",
            ),
            (
                "para",
                "Lausuntoluonnoksessa kaupunki pitää suunnitelman tavoitteita hyvinä, mutta "
                "esittää, että pyöräilyn pääreitin rahoitusvastuu ja aikataulu kirjataan "
                "suunnitelmaan nykyistä tarkemmin. Lisäksi kaupunki korostaa saaristoalueen "
                "kutsuliikenteen merkitystä.",
            ),
            ("label", "Liitteet"),
            ("line", "Liite 1 Lausuntoluonnos"),
        ],
        "proposal": [
            (
                "para",
                "Kaupunginhallitus päättää antaa Itä-Uudenmaan liikennejärjestelmäsuunnitelman "
                "luonnoksesta liitteen 1 mukaisen lausunnon.",
            )
        ],
        "decision": [("para", "Hyväksyttiin.")],
        "notify": "Uudenmaan ELY-keskus, kaupunkikehityksen toimiala",
    },
    {
        "section": "24",
        "title": "Väistötilojen vuokrasopimuksen jatkaminen, Näsinmäen päiväkoti",
        "record": "58/10.03.02/2024",
        "preparer": "tilapalvelupäällikkö Anne Mäkelä, etunimi.sukunimi@porvoo.fi",
        "preparation": [
            (
                "para",
                "Näsinmäen päiväkodin toiminta on ollut peruskorjauksen ajan väistötiloissa, "
                "jotka kaupunki on vuokrannut moduulirakennuksena 1.8.2022 alkaen. "
                "Vuokrasopimus päättyy 31.7.2024.",
            ),
            (
                "para",
                "Peruskorjauksen valmistuminen siirtyy urakoitsijasta johtuvista syistä "
                "noin puolella vuodella. Jotta lasten hoito voi jatkua keskeytyksettä, "
                "vuokrasopimusta on tarpeen jatkaa 31.1.2025 saakka. Kuukausivuokra on "
                "jatkokaudella 18 400 euroa (alv 0 %), ja se sisältyy kasvun ja oppimisen "
                "toimialan vuoden 2024 talousarvioon.",
            ),
        ],
        "proposal": [
            (
                "para",
                "Kaupunginhallitus päättää jatkaa Näsinmäen päiväkodin väistötilojen "
                "vuokrasopimusta 31.1.2025 saakka ja valtuuttaa tilapalvelupäällikön "
                "allekirjoittamaan sopimuksen.",
            )
        ],
        "decision": [("para", "Hyväksyttiin.")],
        "notify": "Tilapalvelut, kasvun ja oppimisen toimiala",
    },
    {
        "section": "25",
        "title": "Digiohjelma 2024–2026",
        "record": "1234/00.01.02/2023",
        "preparer": (
            "tietohallintojohtaja Tomi Laaksonen, digikehittämispäällikkö Sara Lindberg, "
            "etunimi.sukunimi@porvoo.fi"
        ),
        "preparation": [
            ("label", "Taustaa"),
            (
                "para",
                "Kaupunginhallitus hyväksyi edellisen digiohjelman vuosille 2020–2023 "
                "30.3.2020. Ohjelmakausi päättyi vuoden 2023 lopussa. Suurin osa sen "
                "tiekartan toimenpiteistä on toteutettu, ja keskeneräiset toimenpiteet on "
                "siirretty osaksi toimialojen tavanomaista kehittämistyötä.",
            ),
            (
                "para",
                "Uusi digiohjelma vuosille 2024–2026 pohjautuu kaupunkistrategiaan ja jatkaa "
                "edellisen ohjelman työtä. Ohjelma kuvaa, miten digitalisaatiota hyödynnetään "
                "kaupungin palveluissa ja omassa toiminnassa, ja se ohjaa digitaalisiin "
                "hankkeisiin käytettävien voimavarojen kohdentamista. Ohjelma on valmisteltu "
                "syksyn 2023 aikana Digitalisaation ohjausryhmässä yhdessä toimialojen, "
                "liikelaitosten ja tytäryhtiöiden kanssa. Asukkaiden näkemyksiä kerättiin "
                "verkkokyselyllä, johon vastasi 412 asukasta, ja henkilöstölle järjestettiin "
                "kaksi työpajaa.",
            ),
            ("label", "Ohjelman teemat"),
            ("para", "Digiohjelmassa on kolme teemaa. Kaupungin tavoitteena on"),
            ("line", "a) palvella asiakkaita kattavasti ihmislähtöisillä sähköisillä palveluilla,"),
            (
                "line",
                "b) hyödyntää digitalisoitumista päivittäisten ilmastotekojen toteuttamiseksi ja",
            ),
            ("line", "c) ketteröittää ja automatisoida toimintaa hyödyllisempään ajankäyttöön."),
            (
                "para",
                "Ensimmäisen teeman keskiössä ovat asukkaiden, yritysten ja yhdistysten "
                "käyttämät sähköiset palvelut. Palvelujen on oltava saavutettavia ja "
                "toimittava sekä suomeksi että ruotsiksi, ja niiden rinnalla tarjotaan "
                "digitukea niille, jotka sitä tarvitsevat.",
            ),
            (
                "para",
                "Toinen teema on ohjelmassa uusi. Sen avulla tuetaan kaupungin "
                "ilmastotavoitteita esimerkiksi energiankulutuksen seurannalla, kestävää "
                "liikkumista tukevalla tiedolla ja jakamista helpottavilla palveluilla.",
            ),
            (
                "para",
                "Kolmas teema koskee kaupungin omaa toimintaa. Rutiinitehtäviä "
                "automatisoidaan, järjestelmiä yhdistetään ja paperisia prosesseja korvataan "
                "sähköisillä, jotta henkilöstön aikaa vapautuu asiakastyöhön ja kehittämiseen.",
            ),
            ("label", "Digitiekartta"),
            (
                "para",
                "Ohjelman liitteenä on digitiekartta, johon on koottu ohjelmakauden "
                "toimenpiteet. Tiekartassa on 30 toimenpidettä: teemassa a 12, teemassa b 8 "
                "ja teemassa c 10 toimenpidettä. Jokaiselle toimenpiteelle on nimetty "
                "vastuutaho, aikataulu ja mittari.",
            ),
            (
                "para",
                "Tiekartta on elävä asiakirja. Kaupunginhallitus seuraa sen toteutumista ja "
                "päivittää sitä vuosittain syksyllä. Digitalisaation ohjausryhmä raportoi "
                "toimenpiteiden etenemisestä kaupunginhallitukselle ennen päivitystä.",
            ),
            ("label", "Rahoitus"),
            (
                "para",
                "Toimenpiteet toteutetaan vuoden 2024 talousarvion ja vuosien 2024–2026 "
                "taloussuunnitelman puitteissa. Tietohallinnon investointimäärärahoista on "
                "varattu ohjelman toimenpiteisiin 450 000 euroa vuodelle 2024. Lisäksi "
                "haetaan valtionavustuksia ja muuta hankerahoitusta.",
            ),
            ("label", "Mittarit"),
            (
                "para",
                "Ohjelman toteutumista seurataan neljällä mittarilla: sähköisen asioinnin "
                "osuus kaikista asiointitapahtumista, asiakkaiden tyytyväisyys sähköisiin "
                "palveluihin, valmistuneiden tiekartan toimenpiteiden määrä sekä "
                "automatisoinnilla vapautunut työaika.",
            ),
            ("label", "Liitteet"),
            ("line", "Liite 1 Digiohjelma 2024–2026"),
            ("line", "Liite 2 Digitiekartta 2024–2026"),
        ],
        "proposal": [
            ("para", "Kaupunginhallitus päättää"),
            (
                "line",
                "1. hyväksyä Porvoon kaupungin digiohjelman 2024–2026 ja sen liitteenä "
                "olevan digitiekartan sekä",
            ),
            (
                "line",
                "2. että digitiekartan toteutumista seurataan ja tiekartta päivitetään "
                "kaupunginhallituksessa vuosittain syksyllä.",
            ),
        ],
        "decision": [("para", "Hyväksyttiin.")],
        "notify": "Toimialat, liikelaitokset, Digitalisaation ohjausryhmä",
    },
    {
        "section": "26",
        "title": "Edustajan nimeäminen kaupunkikehityslautakuntaan",
        "record": "112/00.00.01/2024",
        "preparer": "hallintojohtaja Heidi Aaltonen, etunimi.sukunimi@porvoo.fi",
        "preparation": [
            (
                "para",
                "Hallintosäännön mukaan kaupunginhallitus voi nimetä jäsenistään edustajan "
                "lautakuntiin. Edustajalla on lautakunnan kokouksissa läsnäolo- ja puheoikeus.",
            ),
            (
                "para",
                "Kaupunginhallituksen edustajana kaupunkikehityslautakunnassa toiminut Jussi "
                "Lehtinen on pyytänyt vapautusta tehtävästä työtehtäviensä vuoksi. "
                "Kaupunginhallituksen on nimettävä hänen tilalleen uusi edustaja "
                "toimikauden loppuun.",
            ),
        ],
        "proposal": [
            (
                "para",
                "Kaupunginhallitus päättää vapauttaa Jussi Lehtisen kaupunginhallituksen "
                "edustajan tehtävästä kaupunkikehityslautakunnassa ja nimetä tilalle uuden "
                "edustajan toimikauden loppuun.",
            )
        ],
        "handling": [
            (
                "para",
                "Puheenjohtaja Katariina Laine ehdotti edustajaksi Liisa Korhosta. Muita "
                "ehdotuksia ei tehty.",
            )
        ],
        "decision": [
            (
                "para",
                "Kaupunginhallitus vapautti yksimielisesti Jussi Lehtisen tehtävästä ja "
                "nimesi edustajakseen kaupunkikehityslautakuntaan Liisa Korhosen "
                "toimikauden loppuun.",
            )
        ],
        "notify": "Kaupunkikehityslautakunta, valitut",
    },
]

PRESENTER = "vt. kaupunginjohtaja Mikko Salo"


# --- layout -------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "base", fontName="Helvetica", fontSize=10, leading=13.5, alignment=TA_LEFT
    )
    return {
        "para": ParagraphStyle("para", parent=base, spaceAfter=6),
        "line": ParagraphStyle("line", parent=base, spaceAfter=1),
        "label": ParagraphStyle(
            "label",
            parent=base,
            fontName="Helvetica-Bold",
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=13,
            leading=16,
            spaceBefore=8,
            spaceAfter=8,
        ),
        "bigtitle": ParagraphStyle(
            "bigtitle",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=16,
            leading=20,
            spaceBefore=4,
            spaceAfter=8,
        ),
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=11),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _story() -> list:
    st = _styles()
    story: list = []

    def add(blocks: list[tuple[str, str]]) -> None:
        for kind, text in blocks:
            story.append(Paragraph(_esc(text), st[kind]))

    add(COVER)
    for item in ITEMS:
        story.append(PageBreak())
        sec = item["section"]
        add(
            [
                ("line", BODY),
                ("line", f"Pöytäkirja {DATE}/Pykälä {sec}"),
                ("title", item["title"]),
                ("line", f"{BODY} {DATE} § {sec}"),
                ("line", item["record"]),
                ("label", "Valmistelu ja lisätiedot"),
                ("para", item["preparer"]),
            ]
        )
        story.append(Spacer(1, 3))
        add(item["preparation"])
        add([("label", "Esittelijä"), ("para", PRESENTER), ("label", "Päätösehdotus")])
        add(item["proposal"])
        if item.get("handling"):
            add([("label", "Käsittely")])
            add(item["handling"])
        add([("label", "Päätös")])
        add(item["decision"])
        add([("label", "Tiedoksi"), ("para", item["notify"])])
    return story


def build(out: Path, total_pages: int | None = None) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    pages = {"n": 0}

    def on_page(canvas, doc) -> None:  # header: drawn before the page's text
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, A4[1] - 14 * mm, HEADER)
        canvas.restoreState()

    def on_page_end(canvas, doc) -> None:  # footer: drawn after the page's text
        pages["n"] = doc.page
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        total = f" ({total_pages})" if total_pages else ""
        canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, f"Sivu {doc.page}{total}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=20 * mm,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
        title=f"{BODY} – Pöytäkirja {MEETING_NO} – {DATE}",
        author="Porvoon kaupunki (esimerkkiaineisto / sample data)",
        subject="Esimerkkipöytäkirja, tiekartta-projektin demoaineisto",
        invariant=1,
        pageCompression=1,
    )
    doc.build(
        _story(),
        onFirstPage=on_page,
        onLaterPages=on_page,
        canvasmaker=_canvas_with_end(on_page_end),
    )
    return pages["n"]


def _canvas_with_end(on_page_end):
    """A Canvas that calls on_page_end(canvas, doc) just before each page is finished."""
    from reportlab.pdfgen.canvas import Canvas

    class _EndCanvas(Canvas):
        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            on_page_end(self, _PageInfo(self.getPageNumber()))
            super().showPage()

    return _EndCanvas


class _PageInfo:
    def __init__(self, page: int) -> None:
        self.page = page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    n = build(args.out)  # first pass: count pages
    build(args.out, total_pages=n)
    print(f"wrote {args.out} ({n} pages, {args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
