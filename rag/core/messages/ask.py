"""Messages of answering questions: not found, quotes, citations, language versions."""

from __future__ import annotations

ASK: dict[str, dict[str, str]] = {
    "not_found": {
        "fi": "Asiakirjoista ei löytynyt vastausta tähän kysymykseen.",
        "sv": "Svaret på frågan hittades inte i dokumenten.",
        "en": "The answer was not found in the documents.",
    },
    "extractive_intro": {
        "fi": "Asiakirjoissa todetaan:",
        "sv": "I dokumenten konstateras:",
        "en": "The documents state:",
    },
    "page": {"fi": "s.", "sv": "s.", "en": "p."},
    "unsupported_claim": {
        "fi": "Poistettu vastauksesta, koska sitä ei voitu varmentaa lähteestä: {claim}",
        "sv": "Borttaget ur svaret eftersom det inte kunde verifieras mot källan: {claim}",
        "en": "Removed from the answer because it could not be verified in the sources: {claim}",
    },
    "server_busy": {
        "fi": "Palvelin on juuri nyt varattu. Yritä uudelleen {seconds} sekunnin kuluttua.",
        "sv": "Servern är upptagen just nu. Försök igen om {seconds} sekunder.",
        "en": "The server is busy right now. Try again in {seconds} seconds.",
    },
    "llm_unavailable": {
        "fi": "Kielimalliin ei saatu yhteyttä; vastaus on poimittu suoraan asiakirjoista.",
        "sv": "Språkmodellen kunde inte nås; svaret är hämtat direkt ur dokumenten.",
        "en": "The language model could not be reached; the answer is quoted from the documents.",
    },
    "sources": {"fi": "Lähteet", "sv": "Källor", "en": "Sources"},
    "warnings": {"fi": "Huomiot", "sv": "Observera", "en": "Warnings"},
    "version_also": {
        "fi": "sama asia toisella kielellä: {citation}",
        "sv": "samma ärende på ett annat språk: {citation}",
        "en": "the same item in another language: {citation}",
    },
    "versions_label": {"fi": "Kieliversiot", "sv": "Språkversioner", "en": "Language versions"},
}
