"""Messages every feature shares: API keys and roles, request errors, jobs, the demo."""

from __future__ import annotations

COMMON: dict[str, dict[str, str]] = {
    "body_too_large": {
        "fi": "Pyynnön runko on liian suuri (enintään {limit} tavua).",
        "sv": "Förfrågans innehåll är för stort (högst {limit} byte).",
        "en": "The request body is too large (at most {limit} bytes).",
    },
    "missing_key": {
        "fi": "API-avain puuttuu: lähetä otsake 'Authorization: Bearer <avain>'.",
        "sv": "API-nyckel saknas: skicka rubriken 'Authorization: Bearer <nyckel>'.",
        "en": "API key missing: send the header 'Authorization: Bearer <key>'.",
    },
    "invalid_key": {
        "fi": "API-avain on virheellinen tai peruttu.",
        "sv": "API-nyckeln är ogiltig eller återkallad.",
        "en": "The API key is invalid or revoked.",
    },
    "forbidden_role": {
        "fi": "Tämä toiminto vaatii roolin '{required}'; avaimesi rooli on '{role}'.",
        "sv": "Åtgärden kräver rollen '{required}'; din nyckel har rollen '{role}'.",
        "en": "This action needs the role '{required}'; your key has the role '{role}'.",
    },
    "bad_request": {
        "fi": "Virheellinen pyyntö: {problem}",
        "sv": "Felaktig begäran: {problem}",
        "en": "Bad request: {problem}",
    },
    "body_unreadable": {
        "fi": "Virheellinen pyyntö: runkoa ei voitu lukea (odotettiin UTF-8-muotoista JSONia).",
        "sv": "Felaktig begäran: innehållet gick inte att läsa (JSON i UTF-8 förväntades).",
        "en": "Bad request: the body could not be read (JSON in UTF-8 was expected).",
    },
    "upload_too_large": {
        "fi": "Tiedosto '{name}' on liian suuri (enintään {limit} tavua).",
        "sv": "Filen '{name}' är för stor (högst {limit} byte).",
        "en": "The file '{name}' is too large (at most {limit} bytes).",
    },
    "no_files": {
        "fi": "Pyynnössä ei ollut yhtään tiedostoa (kenttä 'files').",
        "sv": "Begäran innehöll inga filer (fältet 'files').",
        "en": "The request contained no files (field 'files').",
    },
    "internal_error": {
        "fi": "Palvelussa tapahtui virhe; yritä uudelleen tai ota yhteys ylläpitoon.",
        "sv": "Ett fel inträffade i tjänsten; försök igen eller kontakta administratören.",
        "en": "The service hit an error; try again or contact the administrator.",
    },
    "service_unavailable": {
        "fi": "Palvelu ei ole käytettävissä: {problem}",
        "sv": "Tjänsten är inte tillgänglig: {problem}",
        "en": "The service is unavailable: {problem}",
    },
    "key_created": {
        "fi": "Uusi {role}-avain {key_id} (näytetään vain kerran):",
        "sv": "Ny {role}-nyckel {key_id} (visas bara en gång):",
        "en": "New {role} key {key_id} (shown only once):",
    },
    "key_revoked": {
        "fi": "Avain {key_id} peruttu.",
        "sv": "Nyckeln {key_id} återkallad.",
        "en": "Key {key_id} revoked.",
    },
    "error": {
        "fi": "Virhe: {problem}",
        "sv": "Fel: {problem}",
        "en": "Error: {problem}",
    },
    "demo_ready": {
        "fi": "Demo valmis. Kysy näin (toisessa päätteessä):",
        "sv": "Demon är klar. Fråga så här (i en annan terminal):",
        "en": "The demo is ready. Ask like this (in another terminal):",
    },
    "job_not_found": {
        "fi": "Työtä '{job_id}' ei löydy.",
        "sv": "Jobbet '{job_id}' finns inte.",
        "en": "No job '{job_id}'.",
    },
    "job_not_finished": {
        "fi": "Työ '{job_id}' ei ole valmis (tila: {state}); katso /jobs/{job_id}.",
        "sv": "Jobbet '{job_id}' är inte klart (status: {state}); se /jobs/{job_id}.",
        "en": "Job '{job_id}' is not finished (status: {state}); poll /jobs/{job_id}.",
    },
    "job_no_result": {
        "fi": "Työllä '{job_id}' ei ole ladattavaa tulostiedostoa.",
        "sv": "Jobbet '{job_id}' har ingen resultatfil att ladda ner.",
        "en": "Job '{job_id}' has no result file to download.",
    },
}
