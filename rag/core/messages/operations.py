"""Messages of running an installation: database upgrade and copy, workers, backup and restore."""

from __future__ import annotations

OPERATIONS: dict[str, dict[str, str]] = {
    "db_upgraded": {
        "fi": "Tietokanta {where} on ajan tasalla (skeeman versio {revision}).",
        "sv": "Databasen {where} är uppdaterad (schemaversion {revision}).",
        "en": "Database {where} is up to date (schema revision {revision}).",
    },
    "db_copied_table": {
        "fi": "{table}: {rows} riviä",
        "sv": "{table}: {rows} rader",
        "en": "{table}: {rows} rows",
    },
    "db_copied": {
        "fi": "Kopioitu {rows} riviä {tables} taulusta kohteeseen {where}; määrät täsmäävät.",
        "sv": "Kopierade {rows} rader ur {tables} tabeller till {where}; antalen stämmer.",
        "en": "Copied {rows} rows of {tables} tables to {where}; the counts match.",
    },
    "worker_started": {
        "fi": "Työntekijä {worker} odottaa töitä tietokannassa {where} (Ctrl-C lopettaa).",
        "sv": "Arbetaren {worker} väntar på jobb i databasen {where} (Ctrl-C avslutar).",
        "en": "Worker {worker} is waiting for jobs in {where} (Ctrl-C stops it).",
    },
    "backup_written": {
        "fi": "Varmuuskopio kirjoitettu tiedostoon {path} ({size} tavua).",
        "sv": "Säkerhetskopian skrevs till {path} ({size} byte).",
        "en": "Backup written to {path} ({size} bytes).",
    },
    "restored": {
        "fi": "Palautettu {path} tietohakemistoon {data_dir}.",
        "sv": "Återställde {path} till datakatalogen {data_dir}.",
        "en": "Restored {path} into the data directory {data_dir}.",
    },
}
