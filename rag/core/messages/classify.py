"""Messages of classifying proposals: reasons, proposal files, rejected rows, decisions."""

from __future__ import annotations

CLASSIFY: dict[str, dict[str, str]] = {
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
