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
    # -- roadmap follow-up drafts (rag/draft, api/cli/draft.py) -------------------
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
    # Counted nouns: "one form|other form", {n} is the number (rag/draft/wording.py).
    "draft_n_measures": {
        "fi": "{n} toimenpide|{n} toimenpidettä",
        "sv": "{n} åtgärd|{n} åtgärder",
        "en": "{n} measure|{n} measures",
    },
    "draft_n_measures_elative": {
        "fi": "{n} toimenpiteestä|{n} toimenpiteestä",
        "sv": "{n} åtgärd|{n} åtgärder",
        "en": "{n} measure|{n} measures",
    },
    "draft_n_measures_inessive": {
        "fi": "{n} toimenpiteessä|{n} toimenpiteessä",
        "sv": "{n} åtgärd|{n} åtgärder",
        "en": "{n} measure|{n} measures",
    },
    "draft_n_proposals": {
        "fi": "{n} ehdotus|{n} ehdotusta",
        "sv": "{n} förslag|{n} förslag",
        "en": "{n} proposal|{n} proposals",
    },
    "draft_n_concern": {
        "fi": "{n} koskee|{n} koskee",
        "sv": "{n} gäller|{n} gäller",
        "en": "{n} concerns|{n} concern",
    },
    # "(ruotsiksi)": the language of a quote that is not in the draft's language.
    "draft_quote_in_fi": {"fi": "suomeksi", "sv": "på finska", "en": "in Finnish"},
    "draft_quote_in_sv": {"fi": "ruotsiksi", "sv": "på svenska", "en": "in Swedish"},
    "draft_quote_in_en": {"fi": "englanniksi", "sv": "på engelska", "en": "in English"},
    "draft_quote_translation": {
        "fi": "konekäännös",
        "sv": "maskinöversättning",
        "en": "machine translation",
    },
    "draft_figures_heading": {
        "fi": "Asiakirjoissa todetut luvut",
        "sv": "Siffror som dokumenten anger",
        "en": "Figures stated in the documents",
    },
    "draft_figures_none": {
        "fi": "Kaudella päivätyistä asiakirjoista ei löytynyt lukuja tiekartan toimenpiteistä.",
        "sv": "I dokument daterade under perioden hittades inga siffror om färdplanens åtgärder.",
        "en": "Documents dated in the period state no figures about the roadmap's measures.",
    },
    "draft_figure_all": {"fi": "Koko tiekartta", "sv": "Hela färdplanen", "en": "Whole roadmap"},
    "draft_figure_total": {
        "fi": "toimenpiteitä yhteensä",
        "sv": "åtgärder sammanlagt",
        "en": "measures in all",
    },
    "draft_figure_new": {
        "fi": "uusia toimenpiteitä",
        "sv": "nya åtgärder",
        "en": "new measures",
    },
    "draft_figure_indicators": {"fi": "Mittarit", "sv": "Indikatorer", "en": "Indicators"},
    "draft_figure_register": {"fi": "rekisterissä", "sv": "i registret", "en": "register"},
    "draft_flag_figure_conflict": {
        "fi": "{scope}: asiakirjan mukaan {what} {stated}, rekisterissä {register}.",
        "sv": "{scope}: enligt dokumentet {what} {stated}, i registret {register}.",
        "en": "{scope}: the document states {what} {stated}, the register {register}.",
    },
    "draft_n_proposals_wait": {
        "fi": "{n} ehdotus odottaa|{n} ehdotusta odottaa",
        "sv": "{n} förslag väntar|{n} förslag väntar",
        "en": "{n} proposal awaits|{n} proposals await",
    },
    "draft_proposals_to_review": {
        "fi": "{waiting} tarkastusta (luokittelu epävarma, ei päätöstä): {ids}. Niitä ei "
        "ole laskettu mukaan eikä ehdotettu toimenpiteiksi.",
        "sv": "{waiting} på granskning (osäker klassificering, inget beslut): {ids}. De har "
        "inte räknats med eller föreslagits som åtgärder.",
        "en": "{waiting} review (uncertain classification, no decision): {ids}. They are "
        "neither counted nor suggested as measures.",
    },
    "draft_n_proposals_dated": {
        "fi": "{n} ehdotus on päivätty|{n} ehdotusta on päivätty",
        "sv": "{n} förslag är daterat|{n} förslag är daterade",
        "en": "{n} proposal is dated|{n} proposals are dated",
    },
    "draft_proposals_outside": {
        "fi": "{dated} kauden ulkopuolelle, eikä niitä laskettu.",
        "sv": "{dated} utanför perioden och räknades inte.",
        "en": "{dated} outside the period and not counted.",
    },
    "draft_supports_measure": {
        "fi": "tukee toimenpidettä {measure}",
        "sv": "stöder åtgärden {measure}",
        "en": "supports {measure}",
    },
    "draft_proposals_supporting": {
        "fi": "Rekisterin toimenpiteitä tukevat ehdotukset (ei uusia toimenpiteitä):",
        "sv": "Förslag som stöder åtgärder i registret (inga nya åtgärder):",
        "en": "Proposals supporting measures of the register (not new measures):",
    },
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
    # --- draft review workflow: rag/store/drafts.py, api/routes/drafts.py ---
    "draft_not_found": {
        "fi": "Luonnosta {draft_id} ei ole.",
        "sv": "Utkastet {draft_id} finns inte.",
        "en": "There is no draft {draft_id}.",
    },
    "draft_version_not_found": {
        "fi": "Luonnoksella {draft_id} ei ole versiota {version} (uusin on {current}).",
        "sv": "Utkastet {draft_id} har ingen version {version} (den senaste är {current}).",
        "en": "Draft {draft_id} has no version {version} (the latest is {current}).",
    },
    "draft_section_not_found": {
        "fi": "Luonnoksessa ei ole osiota '{section}' kielellä '{lang}'. Osiot: {known}",
        "sv": "Utkastet har inget avsnitt '{section}' på språket '{lang}'. Avsnitt: {known}",
        "en": "The draft has no section '{section}' in language '{lang}'. Sections: {known}",
    },
    "draft_frozen": {
        "fi": "Luonnos {draft_id} on hyväksytty ja lukittu: sitä ei voi enää muuttaa eikä "
        "kommentoida. Aloita uusi luonnos (kopioi tämä: POST /drafts/{draft_id}/copy tai "
        "tiekartta drafts copy {draft_id}).",
        "sv": "Utkastet {draft_id} är godkänt och låst: det kan inte längre ändras eller "
        "kommenteras. Påbörja ett nytt utkast (kopiera detta: POST /drafts/{draft_id}/copy "
        "eller tiekartta drafts copy {draft_id}).",
        "en": "Draft {draft_id} is approved and frozen: it can no longer be changed or "
        "commented on. Start a new draft (copy this one: POST /drafts/{draft_id}/copy or "
        "tiekartta drafts copy {draft_id}).",
    },
    "draft_not_editable": {
        "fi": "Luonnos {draft_id} on tarkastettavana ({state}), joten sen tekstiä ei voi "
        "muuttaa. Peru tarkastus (withdraw) tai odota hyväksyjän päätöstä.",
        "sv": "Utkastet {draft_id} granskas ({state}), så texten kan inte ändras. Dra "
        "tillbaka det från granskning (withdraw) eller vänta på godkännarens beslut.",
        "en": "Draft {draft_id} is in review ({state}), so its text cannot be changed. "
        "Withdraw it from review or wait for the approver's decision.",
    },
    "draft_bad_transition": {
        "fi": "Toimintoa '{action}' ei voi tehdä luonnokselle {draft_id}, jonka tila on "
        "'{state}' (sallittu tiloissa: {allowed}).",
        "sv": "Åtgärden '{action}' kan inte göras för utkastet {draft_id} med status "
        "'{state}' (tillåten i: {allowed}).",
        "en": "The action '{action}' cannot be done on draft {draft_id} in status "
        "'{state}' (allowed in: {allowed}).",
    },
    "draft_bad_action": {
        "fi": "Tuntematon toiminto '{action}'; käytä: {actions}.",
        "sv": "Okänd åtgärd '{action}'; använd: {actions}.",
        "en": "Unknown action '{action}'; use: {actions}.",
    },
    "draft_bad_status": {
        "fi": "Tuntematon tila '{state}'; käytä: {statuses}.",
        "sv": "Okänd status '{state}'; använd: {statuses}.",
        "en": "Unknown status '{state}'; use: {statuses}.",
    },
    "draft_role": {
        "fi": "Toiminto '{action}' vaatii roolin '{required}'; roolisi on '{role}'.",
        "sv": "Åtgärden '{action}' kräver rollen '{required}'; din roll är '{role}'.",
        "en": "The action '{action}' needs the role '{required}'; your role is '{role}'.",
    },
    "draft_stale_version": {
        "fi": "Luonnosta {draft_id} on muutettu: muokkasit versiota {base}, uusin on "
        "{current}. Hae uusin versio ja tee muutos siihen.",
        "sv": "Utkastet {draft_id} har ändrats: du redigerade version {base}, den senaste är "
        "{current}. Hämta den senaste versionen och gör ändringen i den.",
        "en": "Draft {draft_id} has changed: you edited version {base}, the latest is "
        "{current}. Fetch the latest version and make your change there.",
    },
    "draft_unknown_citation": {
        "fi": "Osion '{section}' ({lang}) tekstissä on lähdeviitteitä, joita osiossa ei "
        "ole: {numbers}. Käytettävissä: {known}.",
        "sv": "Texten i avsnittet '{section}' ({lang}) hänvisar till källor som avsnittet "
        "saknar: {numbers}. Tillgängliga: {known}.",
        "en": "The text of section '{section}' ({lang}) cites sources the section does "
        "not have: {numbers}. Available: {known}.",
    },
    "draft_text_unchanged": {
        "fi": "Osion '{section}' ({lang}) teksti on sama kuin versiossa {version}; "
        "mitään ei tallennettu.",
        "sv": "Texten i avsnittet '{section}' ({lang}) är densamma som i version "
        "{version}; inget sparades.",
        "en": "The text of section '{section}' ({lang}) is the same as in version "
        "{version}; nothing was saved.",
    },
    "draft_empty_text": {
        "fi": "Osion '{section}' ({lang}) uusi teksti on tyhjä.",
        "sv": "Den nya texten i avsnittet '{section}' ({lang}) är tom.",
        "en": "The new text of section '{section}' ({lang}) is empty.",
    },
    "draft_empty_comment": {
        "fi": "Kommentti on tyhjä.",
        "sv": "Kommentaren är tom.",
        "en": "The comment is empty.",
    },
    "draft_text_too_long": {
        "fi": "Teksti on liian pitkä (enintään {limit} merkkiä).",
        "sv": "Texten är för lång (högst {limit} tecken).",
        "en": "The text is too long (at most {limit} characters).",
    },
    "draft_reason_required": {
        "fi": "Toiminto '{action}' vaatii perustelun (kenttä 'reason').",
        "sv": "Åtgärden '{action}' kräver en motivering (fältet 'reason').",
        "en": "The action '{action}' needs a reason (field 'reason').",
    },
    "draft_no_sections": {
        "fi": "Luonnoksessa ei ole yhtään osiota; mitään ei tallennettu.",
        "sv": "Utkastet har inga avsnitt; inget sparades.",
        "en": "The draft has no sections; nothing was stored.",
    },
    "draft_bad_format": {
        "fi": "Tuntematon vientimuoto '{fmt}'; käytä: {formats}.",
        "sv": "Okänt exportformat '{fmt}'; använd: {formats}.",
        "en": "Unknown export format '{fmt}'; use: {formats}.",
    },
    "draft_export_status": {
        "fi": "Tarkastuksen tila: {state} — versio {version}/{current}.",
        "sv": "Granskningsstatus: {state} — version {version}/{current}.",
        "en": "Review status: {state} — version {version} of {current}.",
    },
    "draft_export_approved": {
        "fi": "Hyväksyjä {actor}, {at}.",
        "sv": "Godkänd av {actor}, {at}.",
        "en": "Approved by {actor} on {at}.",
    },
    "draft_marker_approved": {
        "fi": "HYVÄKSYTTY VERSIO – hyväksyjä {actor}, {at}. Koneellisesti koottu luonnos, jonka "
        "ihminen on tarkastanut; tiekartta ei julkaise sitä.",
        "sv": "GODKÄND VERSION – godkänd av {actor}, {at}. Maskinellt sammanställt utkast som "
        "granskats av en människa; tiekartta publicerar det inte.",
        "en": "APPROVED VERSION – approved by {actor} on {at}. A machine-assembled draft reviewed "
        "by a person; tiekartta does not publish it.",
    },
    "draft_cli_header": {
        "fi": "tila {state}, versio {version}/{current}, kausi {period}, laatinut {actor} {at}",
        "sv": "status {state}, version {version}/{current}, period {period}, "
        "skapat av {actor} {at}",
        "en": "status {state}, version {version} of {current}, period {period}, "
        "created by {actor} {at}",
    },
    "draft_cli_approved": {
        "fi": "hyväksytty versio {version}, hyväksyjä {actor} {at}",
        "sv": "godkänd version {version}, godkänd av {actor} {at}",
        "en": "approved version {version} by {actor} {at}",
    },
    "draft_cli_versions": {"fi": "versiot", "sv": "versioner", "en": "versions"},
    "draft_cli_comments": {"fi": "kommentit", "sv": "kommentarer", "en": "comments"},
    "draft_cli_history": {"fi": "tilahistoria", "sv": "statushistorik", "en": "status history"},
    "draft_cli_generated": {"fi": "laadittu", "sv": "genererat", "en": "generated"},
    "draft_cli_saved": {
        "fi": "Luonnos {draft_id}: versio {version} tallennettu ({section}, {lang}).",
        "sv": "Utkast {draft_id}: version {version} sparad ({section}, {lang}).",
        "en": "Draft {draft_id}: version {version} saved ({section}, {lang}).",
    },
    "draft_cli_commented": {
        "fi": "Luonnos {draft_id}: kommentti #{comment_id} osioon {section} (versio {version}).",
        "sv": "Utkast {draft_id}: kommentar #{comment_id} till {section} (version {version}).",
        "en": "Draft {draft_id}: comment #{comment_id} on {section} (version {version}).",
    },
    "draft_cli_status": {
        "fi": "Luonnos {draft_id}: {state} (versio {version}).",
        "sv": "Utkast {draft_id}: {state} (version {version}).",
        "en": "Draft {draft_id}: {state} (version {version}).",
    },
    "draft_cli_exported": {
        "fi": "Luonnoksen {draft_id} versio {version} kirjoitettu: {path}",
        "sv": "Version {version} av utkast {draft_id} skriven: {path}",
        "en": "Draft {draft_id} version {version} written to {path}",
    },
    "draft_cli_copied": {
        "fi": "Uusi luonnos {draft_id} kopioitiin luonnoksesta {source}.",
        "sv": "Nytt utkast {draft_id} kopierat från utkast {source}.",
        "en": "New draft {draft_id} copied from draft {source}.",
    },
    "draft_status_draft": {"fi": "luonnos", "sv": "utkast", "en": "draft"},
    "draft_status_in_review": {
        "fi": "tarkastettavana",
        "sv": "under granskning",
        "en": "in review",
    },
    "draft_status_approved": {"fi": "hyväksytty", "sv": "godkänd", "en": "approved"},
    "draft_status_rejected": {"fi": "palautettu", "sv": "återförvisad", "en": "rejected"},
    "draft_bad_field": {
        "fi": "Kenttä '{field}': {problem}",
        "sv": "Fältet '{field}': {problem}",
        "en": "Field '{field}': {problem}",
    },
    # -- retrieval: fi/sv version linking (issue 3) -----------------------------------------
    "version_also": {
        "fi": "sama asia toisella kielellä: {citation}",
        "sv": "samma ärende på ett annat språk: {citation}",
        "en": "the same item in another language: {citation}",
    },
    "versions_label": {"fi": "Kieliversiot", "sv": "Språkversioner", "en": "Language versions"},
    # -- proposal files, jobs, decisions and the review queue ----------------
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
    # -- input limits (ingest/limits.py): the reason after "FAILED <file>:" ---------------
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
    # -- sources and sync ------------------------------------------------------------------
    "sync_source_summary": {
        "fi": "{source}: uusia {new}, muuttuneita {changed}, ennallaan {unchanged}, "
        "poistettuja {removed}, epäonnistui {failed} ({requests} pyyntöä, joista {not_modified} "
        "ilman muutoksia).",
        "sv": "{source}: nya {new}, ändrade {changed}, oförändrade {unchanged}, "
        "borttagna {removed}, misslyckade {failed} ({requests} förfrågningar, varav "
        "{not_modified} utan ändringar).",
        "en": "{source}: new {new}, changed {changed}, unchanged {unchanged}, removed {removed}, "
        "failed {failed} ({requests} requests, {not_modified} not modified).",
    },
    "sync_linked": {
        "fi": "Kieliversioita linkitetty: {count}.",
        "sv": "Språkversioner länkade: {count}.",
        "en": "Language versions linked: {count}.",
    },
    "sync_busy": {
        "fi": "Toinen synkronointi on jo käynnissä tässä datahakemistossa; yritä myöhemmin.",
        "sv": "En annan synkronisering körs redan i den här datakatalogen; försök senare.",
        "en": "Another sync is already running on this data directory; try again later.",
    },
    "no_sources": {
        "fi": "Lähteitä ei ole määritelty: lisää lähde komennolla 'tiekartta sources add'.",
        "sv": "Inga källor har angetts: lägg till en med 'tiekartta sources add'.",
        "en": "No sources are configured: add one with 'tiekartta sources add'.",
    },
    "source_added": {
        "fi": "Lähde '{name}' lisätty; hae sen asiakirjat komennolla 'tiekartta sync {name}'.",
        "sv": "Källan '{name}' har lagts till; hämta dess dokument med 'tiekartta sync {name}'.",
        "en": "Source '{name}' added; fetch its documents with 'tiekartta sync {name}'.",
    },
    "source_removed": {
        "fi": "Lähde '{name}' poistettu; asiakirjoja poistettiin {count}.",
        "sv": "Källan '{name}' har tagits bort; {count} dokument togs bort.",
        "en": "Source '{name}' removed; {count} documents removed.",
    },
    "source_not_found": {
        "fi": "Lähdettä '{name}' ei ole.",
        "sv": "Källan '{name}' finns inte.",
        "en": "There is no source '{name}'.",
    },
}


def message(key: str, language: str, **values: str) -> str:
    """A message in the given language (English when the language is unknown)."""
    texts = MESSAGES[key]
    text = texts.get(language) or texts["en"]
    return text.format(**values) if values else text
