"""The roadmap measures register: a CSV or XLSX file, one measure per row.

Columns (header names are case-insensitive; Finnish and Swedish names are accepted too):

| column | required | meaning |
| --- | --- | --- |
| id | yes | the measure's identifier, unique in the file (e.g. ``A-03``) |
| theme | yes | programme theme id (``a``, ``b``, ``c``) |
| title | yes | the measure's name, as the documents call it (used to find evidence) |
| owner | no | responsible unit or person |
| planned_year | no | year the measure is planned to be done (four digits) |
| status | yes | ``completed``/``ongoing``/``not_started`` or the programme file's words for them |
| notes | no | free text |
| title_sv, title_en | no | the title in Swedish / English, for the drafts and for evidence search |

Every problem is reported with the file, the row (as a spreadsheet shows it, header = row 1)
and the column, all at once, so a person can fix the file in one go.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rag.core.documents import IngestError
from rag.core.programme import STATUS_IDS, Programme
from rag.core.tables import read_table, table_format

COLUMNS = ("id", "theme", "title", "owner", "planned_year", "status", "notes")
REQUIRED = ("id", "theme", "title", "status")
OPTIONAL_TITLES = ("title_sv", "title_en")
_ALIASES = {
    "id": ("tunnus", "nro", "nr"),
    "theme": ("teema", "tema"),
    "title": ("toimenpide", "otsikko", "nimi", "åtgärd", "rubrik", "namn", "measure"),
    "owner": ("vastuutaho", "vastuu", "omistaja", "ansvarig", "ägare"),
    "planned_year": ("suunniteltu_vuosi", "vuosi", "planerat_år", "år", "year"),
    "status": ("tila", "tilanne", "läge", "status"),
    "notes": ("huomiot", "lisätiedot", "anmärkningar", "kommentar"),
}
# Words people write for a status besides the programme file's own words.
_STATUS_SYNONYMS = {
    "completed": ("valmistunut", "valmistui", "slutförts", "slutfört", "done", "finished"),
    "ongoing": ("käynnissä oleva", "pågår", "in progress", "started"),
    "not_started": ("aloittamatta", "ei aloitettu", "inte påbörjad", "ej påbörjad", "not started"),
}


@dataclass(frozen=True)
class Measure:
    """One roadmap measure; ``row`` is the file row it came from (for messages)."""

    id: str
    theme: str
    title: str
    status: str  # one of STATUS_IDS
    owner: str = ""
    planned_year: int | None = None
    notes: str = ""
    titles: dict[str, str] = field(default_factory=dict)  # language -> title, when given
    row: int = 0

    def title_in(self, language: str) -> str:
        return self.titles.get(language) or self.title


@dataclass
class Register:
    """The validated measures of one register file."""

    path: Path
    measures: list[Measure]

    def for_theme(self, theme: str) -> list[Measure]:
        return [m for m in self.measures if m.theme == theme]

    def counts(self, theme: str | None = None) -> dict[str, int]:
        """Measures per status (every status present, zero when none)."""
        chosen = self.measures if theme is None else self.for_theme(theme)
        return {s: sum(1 for m in chosen if m.status == s) for s in STATUS_IDS}


class RegisterError(ValueError):
    """The register cannot be used; ``problems`` lists every row/column problem found."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        shown = "; ".join(problems[:20])
        more = f" (+{len(problems) - 20} more)" if len(problems) > 20 else ""
        super().__init__(f"measures register {path}: {shown}{more}")


def status_vocabulary(programme: Programme) -> dict[str, str]:
    """Every accepted status word (lower case) -> canonical status id."""
    words: dict[str, str] = {}
    for status in STATUS_IDS:
        candidates = [status, status.replace("_", " "), status.replace("_", "-")]
        candidates += list(programme.statuses.get(status, {}).values())
        candidates += list(_STATUS_SYNONYMS.get(status, ()))
        for word in candidates:
            words[word.strip().lower()] = status
    return words


def read_rows(path: Path) -> list[tuple[int, list[str]]]:
    """(row number, cells as text) of the header and every non-empty row of a CSV or XLSX."""
    if table_format(path) not in ("csv", "xlsx"):
        raise RegisterError(path, [f"unsupported file type '{path.suffix}' (use .csv or .xlsx)"])
    try:
        table = read_table(path)
    except IngestError as exc:
        raise RegisterError(path, [exc.reason]) from None
    rows = [(row.number, [row.text(c) for c in table.columns]) for row in table.rows]
    return [(table.header_row, table.header), *rows]


def _header_map(header: list[str], path: Path) -> dict[str, int]:
    """Column name -> index, accepting the aliases; unknown extra columns are ignored."""
    names = [h.strip().lower().replace(" ", "_") for h in header]
    found: dict[str, int] = {}
    for column in (*COLUMNS, *OPTIONAL_TITLES):
        for candidate in (column, *_ALIASES.get(column, ())):
            if candidate in names:
                found[column] = names.index(candidate)
                break
    missing = [c for c in REQUIRED if c not in found]
    if missing:
        raise RegisterError(
            path,
            [
                f"row 1: missing column(s) {', '.join(missing)} "
                f"(header has: {', '.join(h for h in header if h.strip()) or 'nothing'})"
            ],
        )
    return found


def _parse_row(
    number: int,
    cells: list[str],
    columns: dict[str, int],
    programme: Programme,
    vocabulary: dict[str, str],
    problems: list[str],
) -> Measure | None:
    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    before = len(problems)
    for name in REQUIRED:
        if not cell(name):
            problems.append(f"row {number}, column '{name}': empty")
    theme = cell("theme").lower().rstrip(")")
    if theme and theme not in programme.theme_ids:
        problems.append(
            f"row {number}, column 'theme': unknown theme '{cell('theme')}' "
            f"(use {', '.join(programme.theme_ids)})"
        )
    status = vocabulary.get(" ".join(cell("status").lower().split()))
    if cell("status") and status is None:
        words = ", ".join(sorted(set(vocabulary) - set(STATUS_IDS)))
        problems.append(
            f"row {number}, column 'status': unknown status '{cell('status')}' "
            f"(use {', '.join(STATUS_IDS)} or {words})"
        )
    year: int | None = None
    if cell("planned_year"):
        raw_year = cell("planned_year").removesuffix(".0")
        if raw_year.isdigit() and len(raw_year) == 4:
            year = int(raw_year)
        else:
            problems.append(
                f"row {number}, column 'planned_year': '{cell('planned_year')}' is not a year"
            )
    if len(problems) > before or status is None:
        return None
    titles = {"fi": cell("title")}
    titles.update({c.split("_")[1]: cell(c) for c in OPTIONAL_TITLES if cell(c)})
    return Measure(
        id=cell("id"),
        theme=theme,
        title=cell("title"),
        status=status,
        owner=cell("owner"),
        planned_year=year,
        notes=cell("notes"),
        titles=titles,
        row=number,
    )


def parse_register(
    rows: Iterable[tuple[int, list[str]]], path: Path, programme: Programme
) -> Register:
    """Validate rows (header first) into a Register, or raise RegisterError with every problem."""
    rows = [(n, cells) for n, cells in rows if any(c.strip() for c in cells)]
    if not rows:
        raise RegisterError(path, ["the file is empty (a header row and measures are needed)"])
    columns = _header_map(rows[0][1], path)
    vocabulary = status_vocabulary(programme)
    problems: list[str] = []
    measures: list[Measure] = []
    first_row: dict[str, int] = {}
    for number, cells in rows[1:]:
        measure = _parse_row(number, cells, columns, programme, vocabulary, problems)
        if measure is None:
            continue
        if measure.id in first_row:
            problems.append(
                f"row {number}, column 'id': '{measure.id}' repeats row {first_row[measure.id]}"
            )
            continue
        first_row[measure.id] = number
        measures.append(measure)
    if problems:
        raise RegisterError(path, problems)
    if not measures:
        raise RegisterError(path, ["no measures (only a header row)"])
    return Register(path=path, measures=measures)


def load_register(path: Path, programme: Programme) -> Register:
    """Read and validate a measures register (CSV in any common encoding, or XLSX)."""
    if not path.is_file():
        raise RegisterError(path, ["file not found"])
    return parse_register(read_rows(path), path, programme)
