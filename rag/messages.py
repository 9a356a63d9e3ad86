"""User-facing messages in Finnish, Swedish and English."""

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
    "document_not_found": {
        "fi": "Asiakirjaa '{doc_id}' ei ole.",
        "sv": "Dokumentet '{doc_id}' finns inte.",
        "en": "There is no document '{doc_id}'.",
    },
    "bad_request": {
        "fi": "Virheellinen pyyntö: {problem}",
        "sv": "Felaktig begäran: {problem}",
        "en": "Bad request: {problem}",
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
    "sources": {"fi": "Lähteet", "sv": "Källor", "en": "Sources"},
    "warnings": {"fi": "Huomiot", "sv": "Observera", "en": "Warnings"},
    # --- classify (offline classifier, LLM mode, evaluation) ---
    "classify_reason_theme": {
        "fi": "{theme}: lähin esimerkki ”{example}” (samankaltaisuus {similarity})",
        "sv": "{theme}: närmaste exempel ”{example}” (likhet {similarity})",
        "en": "{theme}: closest example “{example}” (similarity {similarity})",
    },
    "classify_reason_markers": {
        "fi": "digitaalinen osa: {terms}",
        "sv": "digital del: {terms}",
        "en": "digital element: {terms}",
    },
    "classify_reason_purpose": {
        "fi": "tarkoitus: {terms}",
        "sv": "syfte: {terms}",
        "en": "purpose: {terms}",
    },
    "classify_reason_none": {
        "fi": "Ei ehdotettua digitaalista osaa; lähin esimerkki ”{example}” "
        "(samankaltaisuus {similarity})",
        "sv": "Ingen föreslagen digital del; närmaste exempel ”{example}” (likhet {similarity})",
        "en": "No digital element proposed; closest example “{example}” (similarity {similarity})",
    },
    "classify_reason_decision": {
        "fi": "Sama ehdotus on luokiteltu käsin: {labels}",
        "sv": "Samma förslag har klassificerats manuellt: {labels}",
        "en": "The same proposal was classified by a person: {labels}",
    },
    "classify_llm_fallback": {
        "fi": "Kielimalliin ei saatu yhteyttä ({problem}); luokittelu tehtiin ilman kielimallia.",
        "sv": "Språkmodellen kunde inte nås ({problem}); klassificeringen gjordes "
        "utan språkmodell.",
        "en": "The language model could not be reached ({problem}); classified offline instead.",
    },
    "classify_no_llm": {
        "fi": "Kielimallia ei ole määritetty (TIEKARTTA_LLM_BASE_URL, TIEKARTTA_LLM_MODEL).",
        "sv": "Ingen språkmodell är konfigurerad (TIEKARTTA_LLM_BASE_URL, TIEKARTTA_LLM_MODEL).",
        "en": "No language model is configured (TIEKARTTA_LLM_BASE_URL, TIEKARTTA_LLM_MODEL).",
    },
    # -- background jobs (rag/jobs.py, api/routes/jobs.py) --
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
    # -- classify-batch: proposal files, jobs, decisions and the review queue ----------------
    "classify_summary": {
        "fi": "Luokiteltu {classified}, jo aiemmin luokiteltu {resumed}, toistuvia rivejä "
        "{repeats}, hylättyjä rivejä {rejected}, tarkistettavia {review}.",
        "sv": "Klassificerade {classified}, redan klassificerade {resumed}, upprepade rader "
        "{repeats}, avvisade rader {rejected}, att granska {review}.",
        "en": "Classified {classified}, already classified {resumed}, repeated rows {repeats}, "
        "rejected rows {rejected}, to review {review}.",
    },
    "classify_written": {
        "fi": "Tulokset: {path}",
        "sv": "Resultat: {path}",
        "en": "Results: {path}",
    },
    "classify_rejected_file": {
        "fi": "Hylätyt rivit syineen: {path}",
        "sv": "Avvisade rader med orsaker: {path}",
        "en": "Rejected rows with reasons: {path}",
    },
    "classify_rejected_row": {
        "fi": "Rivi {row}: {reason}",
        "sv": "Rad {row}: {reason}",
        "en": "Row {row}: {reason}",
    },
    "classify_more_rejected": {
        "fi": "… ja {count} muuta hylättyä riviä.",
        "sv": "… och {count} andra avvisade rader.",
        "en": "… and {count} more rejected rows.",
    },
    "classify_resuming": {
        "fi": "Jatketaan keskeytynyttä työtä {job_id}.",
        "sv": "Det avbrutna jobbet {job_id} fortsätter.",
        "en": "Resuming the interrupted job {job_id}.",
    },
    "reject_empty_text": {
        "fi": "tyhjä teksti (sarakkeet {columns})",
        "sv": "tom text (kolumnerna {columns})",
        "en": "empty text (columns {columns})",
    },
    "reject_too_long": {
        "fi": "liian pitkä teksti ({length} merkkiä, enintään {limit})",
        "sv": "för lång text ({length} tecken, högst {limit})",
        "en": "text too long ({length} characters, at most {limit})",
    },
    "reject_undecodable": {
        "fi": "tekstiä ei voi lukea merkistöllä {encoding}",
        "sv": "texten kan inte läsas med teckenkodningen {encoding}",
        "en": "text cannot be read as {encoding}",
    },
    "reject_invalid_json": {
        "fi": "rivi ei ole JSON-objekti",
        "sv": "raden är inte ett JSON-objekt",
        "en": "the line is not a JSON object",
    },
    "reject_id_conflict": {
        "fi": "tunnus {id} on jo rivillä {first_row} eri tekstillä",
        "sv": "id {id} finns redan på rad {first_row} med en annan text",
        "en": "id {id} is already used by row {first_row} with a different text",
    },
    "proposal_not_found": {
        "fi": "Ehdotusta '{proposal_id}' ei ole.",
        "sv": "Förslaget '{proposal_id}' finns inte.",
        "en": "There is no proposal '{proposal_id}'.",
    },
    "no_proposals": {
        "fi": "Ei ehdotuksia.",
        "sv": "Inga förslag.",
        "en": "No proposals.",
    },
    "decision_saved": {
        "fi": "Päätös tallennettu ehdotukselle {proposal_id}: {labels} (pääteema {primary}).",
        "sv": "Beslutet sparat för förslaget {proposal_id}: {labels} (huvudtema {primary}).",
        "en": "Decision stored for {proposal_id}: {labels} (primary {primary}).",
    },
    "classify_too_many": {
        "fi": "Enintään {limit} ehdotusta pyyntöä kohden; lähetä suurempi määrä tiedostona "
        "(se käsitellään taustatyönä).",
        "sv": "Högst {limit} förslag per begäran; skicka fler som en fil (den behandlas som "
        "ett bakgrundsjobb).",
        "en": "At most {limit} proposals per request; send more as a file (it runs as a "
        "background job).",
    },
    "classify_no_input": {
        "fi": "Lähetä joko JSON-lista ehdotuksista tai tiedosto (kenttä 'file').",
        "sv": "Skicka antingen en JSON-lista med förslag eller en fil (fältet 'file').",
        "en": "Send either a JSON list of proposals or a file (field 'file').",
    },
    "classify_bad_file": {
        "fi": "Tiedostoa ei voi käsitellä: {problem}",
        "sv": "Filen kan inte behandlas: {problem}",
        "en": "The file cannot be processed: {problem}",
    },
    "classify_empty_text": {
        "fi": "Ehdotuksen {index} teksti on tyhjä.",
        "sv": "Texten i förslag {index} är tom.",
        "en": "The text of proposal {index} is empty.",
    },
    "classify_text_too_long": {
        "fi": "Ehdotuksen {index} teksti on liian pitkä ({length} merkkiä, enintään {limit}).",
        "sv": "Texten i förslag {index} är för lång ({length} tecken, högst {limit}).",
        "en": "The text of proposal {index} is too long ({length} characters, at most {limit}).",
    },
    "bad_labels": {
        "fi": "Virheelliset teemat: {problem}",
        "sv": "Felaktiga teman: {problem}",
        "en": "Invalid labels: {problem}",
    },
}


def message(key: str, language: str, **values: str) -> str:
    """A message in the given language (English when the language is unknown)."""
    texts = MESSAGES[key]
    text = texts.get(language) or texts["en"]
    return text.format(**values) if values else text
