"""Messages of document sources and their sync."""

from __future__ import annotations

SOURCES: dict[str, dict[str, str]] = {
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
