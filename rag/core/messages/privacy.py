"""Messages of masking personal data kept in the database."""

from __future__ import annotations

PRIVACY: dict[str, dict[str, str]] = {
    "personal_data_masked": {
        "fi": (
            "Henkilötiedot peitetty yli {days} päivää vanhoista teksteistä: {audit} "
            "lokitapahtumaa, {turns} keskustelun viestiä, {proposals} aloitetta tai päätöstä, "
            "{feedback} palautteen kommenttia."
        ),
        "sv": (
            "Personuppgifter maskerade i texter äldre än {days} dagar: {audit} "
            "logghändelser, {turns} samtalsinlägg, {proposals} förslag eller beslut, "
            "{feedback} kommentarer till svar."
        ),
        "en": (
            "Personal data masked in text older than {days} days: {audit} audit events, "
            "{turns} conversation turns, {proposals} proposals or decisions, "
            "{feedback} feedback comments."
        ),
    },
}
