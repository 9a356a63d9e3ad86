"""Write the sample resident survey export: corpus/sample/asukaskysely-2025.csv.

The file imitates what Finnish Excel saves as "CSV (puolipistein erotettu)": `;` as the
delimiter, Windows-1252 (cp1252) encoding without a BOM, CRLF line endings, Finnish dates
(d.m.yyyy) and fields quoted only when they contain `;`, `"` or a line break. The answers are
fictional, written for this project in Finnish and Swedish; some concern digital services,
some do not.

Run:  /work/venv/bin/python corpus/tools/make_sample_csv.py [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "sample" / "asukaskysely-2025.csv"

HEADER = ["vastaus_id", "pvm", "alue", "ikäryhmä", "vastaus"]

# (id, date, area, age group, open answer). Comments: language / topic (not in the file).
ROWS: list[tuple[str, str, str, str, str]] = [
    # fi, e-services; an Alt+Enter line break inside the cell
    (
        "1001",
        "2.9.2025",
        "Keskusta",
        "65+",
        "Kaupungin sivuilta on vaikea löytää oikeaa lomaketta.\n"
        "Toivoisin, että kaikki asiat voisi hoitaa yhdessä paikassa ja että neuvontaa saisi "
        "myös puhelimitse.",
    ),
    # fi, e-services
    (
        "1002",
        "2.9.2025",
        "Kevätkumpu",
        "25–44",
        "Päiväkotihakemus pitäisi voida tehdä kokonaan netissä. Nyt liitteet piti viedä "
        "paperilla toimistoon.",
    ),
    # sv, not digital
    (
        "1003",
        "3.9.2025",
        "Kevätkumpu",
        "45–64",
        "Det behövs fler bänkar och bättre belysning längs strandpromenaden.",
    ),
    # fi, chat service
    (
        "1004",
        "4.9.2025",
        "Hamari",
        "25–44",
        "Chat-palvelu on kätevä, mutta ruotsiksi vastaus tulee selvästi hitaammin kuin suomeksi.",
    ),
    # fi, not digital; contains a semicolon, so the field is quoted
    (
        "1005",
        "5.9.2025",
        "Pellinki",
        "65+",
        "Saaristoon tarvitaan parempi lauttayhteys talvella; nettiä en juuri käytä.",
    ),
    # fi, energy data (climate + digital)
    (
        "1006",
        "8.9.2025",
        "Tolkkinen",
        "45–64",
        "Kaupungin rakennusten energiankulutusnäkymä on kiinnostava. Samanlainen palvelu "
        "kotitalouksille auttaisi säästämään sähköä.",
    ),
    # fi, cycling without a digital element
    (
        "1007",
        "9.9.2025",
        "Keskusta",
        "18–24",
        "Lisää pyöräparkkeja torin ja linja-autoaseman ympärille.",
    ),
    # sv, online booking + SMS reminder
    (
        "1008",
        "10.9.2025",
        "Kerkkoo",
        "25–44",
        "Jag vill kunna boka tid till rådgivningen på nätet och få en påminnelse per sms.",
    ),
    # sv, not digital (asks for print); contains quotes, which are doubled in the file
    (
        "1009",
        "11.9.2025",
        "Kevätkumpu",
        "65+",
        'Staden borde informera om evenemang också i tidningen, alla läser inte "porvoo.fi".',
    ),
    # fi, digital support at the library
    (
        "1010",
        "12.9.2025",
        "Näsi",
        "65+",
        "Kirjaston digituesta sain apua pankkitunnusten kanssa. Kiitos! Aukioloaikoja voisi "
        "olla enemmän.",
    ),
    # fi, not digital
    (
        "1011",
        "15.9.2025",
        "Hinthaara",
        "25–44",
        "Koulumatkat ovat liian pitkiä pienille lapsille, koulukyytejä pitäisi lisätä.",
    ),
    # sv, real-time map of snow ploughing
    (
        "1012",
        "16.9.2025",
        "Hamari",
        "45–64",
        "Det vore bra om man kunde följa snöplogningen på en karta i realtid. Vår väg plogas "
        "alltid sist.",
    ),
    # fi, parking app; euro sign and a semicolon
    (
        "1013",
        "17.9.2025",
        "Keskusta",
        "25–44",
        "Pysäköinti keskustassa maksaa jo 2 € tunnilta; maksaminen sovelluksella olisi "
        "silti helpompaa kuin automaatilla.",
    ),
]


def render() -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in ROWS:
        # Excel writes a line break inside a cell as a bare LF within the quoted field.
        writer.writerow(row)
    return buf.getvalue().encode("cp1252")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = render()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(ROWS)} answers, {len(data)} bytes, cp1252)")


if __name__ == "__main__":
    main()
