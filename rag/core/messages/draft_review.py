"""Messages of the draft review workflow: states, edits, comments, export, the draft CLI."""

from __future__ import annotations

DRAFT_REVIEW: dict[str, dict[str, str]] = {
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
    "draft_self_approval": {
        "fi": "Et voi hyväksyä luonnoksen {draft_id} versiota {version} itse: olet ({actor}) sen "
        "viimeisin muokkaaja tai lähettäjä. Toisen hyväksyjän on hyväksyttävä se (yhden hengen "
        "toimistossa asetus TIEKARTTA_ALLOW_SELF_APPROVAL=true sallii tämän).",
        "sv": "Du kan inte själv godkänna version {version} av utkastet {draft_id}: du ({actor}) "
        "redigerade eller skickade den senast. En annan godkännare måste godkänna den (på ett "
        "enmanskontor tillåter inställningen TIEKARTTA_ALLOW_SELF_APPROVAL=true detta).",
        "en": "You cannot approve version {version} of draft {draft_id} yourself: you ({actor}) "
        "last edited or submitted it. Another approver must approve it (a one-person office "
        "can allow this with TIEKARTTA_ALLOW_SELF_APPROVAL=true).",
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
}
