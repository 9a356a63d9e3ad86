"""Messages of masking personal data kept in the database."""

from __future__ import annotations

PRIVACY: dict[str, dict[str, str]] = {
    "personal_data_masked": {
        "fi": (
            "Henkilötiedot peitetty yli {days} päivää vanhoista teksteistä: {audit} "
            "lokitapahtumaa, {turns} keskustelun viestiä, {proposals} aloitetta tai päätöstä, "
            "{feedback} palautteen kommenttia, {files} päättyneen työn tiedostoa."
        ),
        "sv": (
            "Personuppgifter maskerade i texter äldre än {days} dagar: {audit} "
            "logghändelser, {turns} samtalsinlägg, {proposals} förslag eller beslut, "
            "{feedback} kommentarer till svar, {files} filer från avslutade jobb."
        ),
        "en": (
            "Personal data masked in text older than {days} days: {audit} audit events, "
            "{turns} conversation turns, {proposals} proposals or decisions, "
            "{feedback} feedback comments, {files} files of ended jobs."
        ),
    },
    "abandoned_uploads_removed": {
        "fi": "Poistettu {count} ladattua aloitetiedostoa, joille ei koskaan aloitettu työtä.",
        "sv": "{count} uppladdade förslagsfiler som aldrig blev ett jobb har tagits bort.",
        "en": "Removed {count} uploaded proposal files that no job ever took up.",
    },
    "job_file_not_masked": {
        "fi": "Henkilötietoja ei voitu peittää tiedostosta {problem} (tiedosto jäi ennalleen).",
        "sv": "Personuppgifter kunde inte maskeras i filen {problem} (filen lämnades som den var).",
        "en": "Personal data could not be masked in the file {problem} (the file is unchanged).",
    },
}
