"""User-facing messages in Finnish, Swedish and English (fi and en always; sv where residents meet them)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
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
        "fi": "Väitettä ei voitu tarkistaa lähteestä: {claim}",
        "sv": "Påståendet kunde inte kontrolleras mot källan: {claim}",
        "en": "The claim could not be checked against its source: {claim}",
    },
    "llm_unavailable": {
        "fi": "Kielimalliin ei saatu yhteyttä; vastaus on poimittu suoraan asiakirjoista.",
        "sv": "Språkmodellen kunde inte nås; svaret är hämtat direkt ur dokumenten.",
        "en": "The language model could not be reached; the answer is quoted from the documents.",
    },
}


def message(key: str, language: str, **values: str) -> str:
    """A message in the given language (English when the language is unknown)."""
    texts = MESSAGES[key]
    text = texts.get(language) or texts["en"]
    return text.format(**values) if values else text
