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
    # -- draft-core: roadmap follow-up drafts (rag/draft, api/cli_draft.py) -------------------
    "draft_marker": {
        "fi": "LUONNOS IHMISEN TARKASTETTAVAKSI – ei hyväksytty eikä julkaistu. "
        "Tarkista jokainen väite lähteestä.",
        "sv": "UTKAST FÖR GRANSKNING AV EN MÄNNISKA – inte godkänt eller publicerat. "
        "Kontrollera varje påstående mot källan.",
        "en": "DRAFT FOR HUMAN REVIEW – not approved or published. Check every claim against "
        "its source.",
    },
    "draft_title": {
        "fi": "Digitiekartan seuranta {period}",
        "sv": "Uppföljning av färdplanen för digitaliseringen {period}",
        "en": "Digital roadmap follow-up {period}",
    },
    "draft_section_summary": {"fi": "Yhteenveto", "sv": "Sammanfattning", "en": "Summary"},
    "draft_section_progress": {
        "fi": "Eteneminen kaudella",
        "sv": "Framsteg under perioden",
        "en": "Progress during the period",
    },
    "draft_section_measures": {
        "fi": "Toimenpiteet tilan mukaan",
        "sv": "Åtgärder enligt läge",
        "en": "Measures by status",
    },
    "draft_section_proposals": {
        "fi": "Asukkaiden ehdotukset",
        "sv": "Invånarnas förslag",
        "en": "What residents proposed",
    },
    "draft_section_new": {
        "fi": "Ehdotetut uudet toimenpiteet (EHDOTUKSIA)",
        "sv": "Föreslagna nya åtgärder (FÖRSLAG)",
        "en": "Proposed new measures (SUGGESTIONS)",
    },
    "draft_section_open": {
        "fi": "Avoimet kohdat tarkastajalle",
        "sv": "Öppna frågor för granskaren",
        "en": "Open points for the reviewer",
    },
    "draft_flag_no_evidence": {
        "fi": "Toimenpiteestä {measure} ei löytynyt kaudella päivättyä näyttöä.",
        "sv": "För åtgärden {measure} hittades inga belägg daterade under perioden.",
        "en": "No evidence dated in the period was found for the measure {measure}.",
    },
    "draft_flag_conflict": {
        "fi": "Toimenpiteen {measure} tila: rekisterissä '{register}', asiakirjassa '{stated}'.",
        "sv": "Läget för åtgärden {measure}: '{register}' i registret, '{stated}' i dokumentet.",
        "en": "Status of the measure {measure}: '{register}' in the register, '{stated}' in "
        "the document.",
    },
    "draft_flag_undated": {
        "fi": "Päiväämätön asiakirja mainitsee toimenpiteen {measure}; tarkista, kuuluuko se "
        "kauteen.",
        "sv": "Ett odaterat dokument nämner åtgärden {measure}; kontrollera om det hör till "
        "perioden.",
        "en": "An undated document mentions the measure {measure}; check whether it belongs to "
        "the period.",
    },
    "draft_flag_unsupported": {
        "fi": "Lauseella ei ole lähdeviitettä: {sentence}",
        "sv": "Meningen saknar källhänvisning: {sentence}",
        "en": "The sentence has no citation: {sentence}",
    },
    "draft_flag_bad_citation": {
        "fi": "Lause viittaa lähteeseen, jota ei ole aineistossa ([{number}]): {sentence}",
        "sv": "Meningen hänvisar till en källa som inte finns i materialet ([{number}]): "
        "{sentence}",
        "en": "The sentence cites a source that is not in the evidence ([{number}]): {sentence}",
    },
    "draft_flag_weak_support": {
        "fi": "Lähde ei tue lausetta riittävästi ({reason}): {sentence}",
        "sv": "Källan stöder inte meningen tillräckligt ({reason}): {sentence}",
        "en": "The source does not support the sentence well enough ({reason}): {sentence}",
    },
    "draft_flag_llm_failed": {
        "fi": "Kielimalli ei vastannut ({problem}); osio on koottu suoraan asiakirjoista.",
        "sv": "Språkmodellen svarade inte ({problem}); avsnittet är sammanställt direkt ur "
        "dokumenten.",
        "en": "The language model did not answer ({problem}); the section was assembled from "
        "the documents.",
    },
    "draft_weak_numbers": {
        "fi": "luku {numbers} puuttuu lähteestä",
        "sv": "talet {numbers} saknas i källan",
        "en": "the number {numbers} is not in the source",
    },
    "draft_weak_overlap": {
        "fi": "vähän yhteisiä sanoja lähteen kanssa",
        "sv": "få gemensamma ord med källan",
        "en": "few words shared with the source",
    },
    "draft_written": {
        "fi": "Luonnos kirjoitettu: {path} ({sections} osiota, {flags} tarkastettavaa kohtaa).",
        "sv": "Utkastet skrevs: {path} ({sections} avsnitt, {flags} punkter att granska).",
        "en": "Draft written: {path} ({sections} sections, {flags} points to review).",
    },
    "draft_stored": {
        "fi": "Luonnos tallennettu tarkastettavaksi, tunnus {draft_id}.",
        "sv": "Utkastet sparades för granskning, id {draft_id}.",
        "en": "Draft stored for review, id {draft_id}.",
    },
    "draft_not_stored": {
        "fi": "Luonnosta ei tallennettu tarkastustyönkulkuun (ei käytettävissä tässä versiossa).",
        "sv": "Utkastet sparades inte i granskningsflödet (finns inte i denna version).",
        "en": "The draft was not stored in the review workflow (not available in this version).",
    },
    "draft_label_register": {"fi": "rekisteri", "sv": "registret", "en": "register"},
    "draft_label_documents": {"fi": "asiakirjat", "sv": "dokumenten", "en": "documents"},
    "draft_label_not_stated": {
        "fi": "ei tilamainintaa",
        "sv": "inget läge nämns",
        "en": "no status stated",
    },
    "draft_label_no_evidence": {
        "fi": "ei näyttöä kaudella",
        "sv": "inga belägg under perioden",
        "en": "no evidence in the period",
    },
    "draft_suggest_obligation": {
        "fi": "**EHDOTUS** (uusi velvoite) – arvioi, tarvitaanko toimenpide:",
        "sv": "**FÖRSLAG** (ny skyldighet) – bedöm om en åtgärd behövs:",
        "en": "**SUGGESTION** (new obligation) – consider whether a measure is needed:",
    },
    "draft_suggest_proposal": {
        "fi": "**EHDOTUS** (asukasehdotus {id}, ei rekisterissä):",
        "sv": "**FÖRSLAG** (invånarförslag {id}, finns inte i registret):",
        "en": "**SUGGESTION** (resident proposal {id}, not in the register):",
    },
    "draft_no_open_points": {
        "fi": "Ei avoimia kohtia.",
        "sv": "Inga öppna frågor.",
        "en": "No open points.",
    },
    "draft_flags_heading": {
        "fi": "Tarkastettavat kohdat",
        "sv": "Punkter att granska",
        "en": "Points to review",
    },
    "draft_unsupported_marker": {
        "fi": "⚠ TARKISTA",
        "sv": "⚠ KONTROLLERA",
        "en": "⚠ CHECK",
    },
}


def message(key: str, language: str, **values: str) -> str:
    """A message in the given language (English when the language is unknown)."""
    texts = MESSAGES[key]
    text = texts.get(language) or texts["en"]
    return text.format(**values) if values else text
