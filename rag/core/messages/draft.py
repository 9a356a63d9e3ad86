"""Messages of roadmap follow-up draft text: titles, sections, flags, counted nouns, figures."""

from __future__ import annotations

DRAFT: dict[str, dict[str, str]] = {
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
    "draft_proposals_none_to_review": {
        "fi": "{waiting} tarkastusta ilman teemaa (luokittelu epävarma, ei päätöstä): {ids}. "
        "Tarkastaja voi vielä liittää ne teemaan.",
        "sv": "{waiting} på granskning utan tema (osäker klassificering, inget beslut): {ids}. "
        "Granskaren kan ännu knyta dem till ett tema.",
        "en": "{waiting} review without a theme (uncertain classification, no decision): "
        "{ids}. A reviewer may still give them a theme.",
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
}
