"""Messages of ingesting documents: summaries, input limits, front matter, write policy."""

from __future__ import annotations

INGEST: dict[str, dict[str, str]] = {
    "file_too_slow": {
        "fi": "tiedoston käsittely kesti yli {seconds} s (raja TIEKARTTA_MAX_FILE_SECONDS); "
        "siitä ei tallennettu enempää, muut tiedostot käsitellään",
        "sv": "behandlingen av filen tog över {seconds} s (gräns TIEKARTTA_MAX_FILE_SECONDS); "
        "inget mer av den sparades, de andra filerna behandlas",
        "en": "ingesting the file took over {seconds} s (limit TIEKARTTA_MAX_FILE_SECONDS); "
        "nothing more of it was stored, the other files go on",
    },
    "document_not_found": {
        "fi": "Asiakirjaa '{doc_id}' ei ole.",
        "sv": "Dokumentet '{doc_id}' finns inte.",
        "en": "There is no document '{doc_id}'.",
    },
    "ingest_summary": {
        "fi": "Tallennettu {ingested}, ennallaan {unchanged}, epäonnistui {failed}, "
        "osia {chunks}, toistuvia rivejä {repeats}, korjattu {repaired}.",
        "sv": "Inlästa {ingested}, oförändrade {unchanged}, misslyckade {failed}, "
        "delar {chunks}, upprepade rader {repeats}, reparerade {repaired}.",
        "en": "Ingested {ingested}, unchanged {unchanged}, failed {failed}, "
        "chunks {chunks}, repeated rows {repeats}, repaired {repaired}.",
    },
    "ingest_failed_file": {
        "fi": "EPÄONNISTUI {path}: {reason}",
        "sv": "MISSLYCKADES {path}: {reason}",
        "en": "FAILED {path}: {reason}",
    },
    "ingest_conflict": {
        "fi": "RISTIRIITA: sama tunnus, eri sisältö (ensimmäinen säilytettiin): {what}",
        "sv": "KONFLIKT: samma id, olika innehåll (det första behölls): {what}",
        "en": "CONFLICT: same id, different content (the first was kept): {what}",
    },
    "removed": {
        "fi": "Asiakirja '{doc_id}' poistettiin.",
        "sv": "Dokumentet '{doc_id}' togs bort.",
        "en": "Document '{doc_id}' removed.",
    },
    "no_documents": {
        "fi": "Ei asiakirjoja. Lisää niitä: tiekartta ingest POLKU",
        "sv": "Inga dokument. Lägg till: tiekartta ingest SÖKVÄG",
        "en": "No documents yet. Add some: tiekartta ingest PATH",
    },
    "limit_document_chars": {
        "fi": "teksti on liian pitkä ({chars} merkkiä, enintään {limit})",
        "sv": "texten är för lång ({chars} tecken, högst {limit})",
        "en": "the text is too long ({chars} characters, at most {limit})",
    },
    "limit_file_bytes": {
        "fi": "tiedosto on liian suuri ({size} tavua, enintään {limit})",
        "sv": "filen är för stor ({size} byte, högst {limit})",
        "en": "the file is too large ({size} bytes, at most {limit})",
    },
    "limit_archive_entries": {
        "fi": "tiedostopaketissa on liikaa osia ({count}, enintään {limit})",
        "sv": "filpaketet har för många delar ({count}, högst {limit})",
        "en": "the file package has too many parts ({count}, at most {limit})",
    },
    "limit_archive_bytes": {
        "fi": "tiedosto purkautuisi liian suureksi ({size} tavua, enintään {limit})",
        "sv": "filen skulle packas upp till för stor storlek ({size} byte, högst {limit})",
        "en": "the file would unpack to too much data ({size} bytes, at most {limit})",
    },
    "limit_archive_part": {
        "fi": "tiedoston osa {part} on liian suuri ({size} tavua purettuna, enintään {limit})",
        "sv": "delen {part} av filen är för stor ({size} byte uppackad, högst {limit})",
        "en": "the part {part} of the file is too large ({size} bytes unpacked, at most {limit})",
    },
    "limit_shared_strings": {
        "fi": "taulukossa on liikaa eri tekstiarvoja (yli {limit})",
        "sv": "arbetsboken har för många olika textvärden (över {limit})",
        "en": "the workbook has too many distinct text values (over {limit})",
    },
    "limit_sheet_cells": {
        "fi": "taulukossa on liikaa soluja (yli {limit})",
        "sv": "kalkylbladet har för många celler (över {limit})",
        "en": "the worksheet has too many cells (over {limit})",
    },
    "limit_pdf_pages": {
        "fi": "PDF-tiedostossa on liikaa sivuja ({pages}, enintään {limit})",
        "sv": "PDF-filen har för många sidor ({pages}, högst {limit})",
        "en": "the PDF has too many pages ({pages}, at most {limit})",
    },
    "limit_html_elements": {
        "fi": "HTML-sivulla on liikaa elementtejä (yli {limit})",
        "sv": "HTML-sidan har för många element (över {limit})",
        "en": "the HTML page has too many elements (over {limit})",
    },
    "limit_front_matter_bytes": {
        "fi": "alun YAML-tiedot ovat liian pitkät ({size} tavua, enintään {limit})",
        "sv": "YAML-huvudet är för långt ({size} byte, högst {limit})",
        "en": "the front matter is too long ({size} bytes, at most {limit})",
    },
    "front_matter_alias": {
        "fi": "alun YAML-tiedoissa on viittaus (&/*) rivillä {line}; viittauksia ei sallita",
        "sv": "YAML-huvudet har en referens (&/*) på rad {line}; referenser är inte tillåtna",
        "en": "the front matter uses a YAML alias (&/*) at line {line}; aliases are not allowed",
    },
    "write_not_cleared": {
        "fi": "tunnusta '{doc_id}' ei voi käyttää tällä avaimella; valitse toinen tunnus",
        "sv": "id:t '{doc_id}' kan inte användas med den här nyckeln; välj ett annat id",
        "en": "the id '{doc_id}' cannot be used with this key; choose another id",
    },
    "write_lowers_access": {
        "fi": "asiakirjan '{doc_id}' käyttötasoa ei voi laskea tasolta '{old}' tasolle '{new}'; "
        "vain ylläpitäjä voi",
        "sv": "åtkomstnivån för dokumentet '{doc_id}' kan inte sänkas från '{old}' till '{new}'; "
        "bara en administratör kan",
        "en": "the access of document '{doc_id}' cannot be lowered from '{old}' to '{new}'; "
        "only an admin can",
    },
    "front_matter_id": {
        "fi": "alun YAML-tietojen tunnus 'id' ({value}) ei kelpaa: ei '/', '\\', ':' eikä alun "
        "pistettä, enintään 200 merkkiä",
        "sv": "id:t i YAML-huvudet ({value}) duger inte: inga '/', '\\', ':' eller inledande "
        "punkt, högst 200 tecken",
        "en": "the front matter 'id' ({value}) is not allowed: no '/', '\\', ':' or leading "
        "dot, at most 200 characters",
    },
    "front_matter_url": {
        "fi": "alun YAML-tietojen kenttä 'url' ({value}) ei ole http- tai https-osoite",
        "sv": "fältet 'url' i YAML-huvudet ({value}) är inte en http- eller https-adress",
        "en": "the front matter field 'url' ({value}) is not an http or https address",
    },
    "front_matter_nesting": {
        "fi": "alun YAML-tiedot ovat liian syvälle sisäkkäin (enintään {limit} tasoa)",
        "sv": "YAML-huvudet är för djupt nästlat (högst {limit} nivåer)",
        "en": "the front matter is nested too deeply (at most {limit} levels)",
    },
}
