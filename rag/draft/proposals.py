"""Classified citizen proposals for the draft: the file `tiekartta classify` writes.

JSONL (one object a line) or CSV/XLSX with the text and ``labels``; ``primary``, ``id`` and
``language`` are used when present. The text is the column named by the caller, else a column
called ``text`` (or ``title`` and ``texts``, ...), else, in a file `tiekartta classify` wrote
(it keeps the input's own columns and adds ``labels ... needs_review``), the input column with
the most text. ``labels`` may be a JSON
list or theme ids joined with ``;``, ``,`` or ``|``. Problems are reported with file, row and
column; a row that cannot be read stops the draft rather than silently changing the counts.

Only settled classifications feed the draft's counts and suggestions: a row whose
``needs_review`` says yes is listed for review instead, unless a person decided it (a
``decision`` column with the labels a reviewer chose, which then replace the classifier's).
A file without ``needs_review`` (hand-labelled proposals) counts as settled. A date column
(``date``, ``pvm``, ``päivämäärä``, ``datum``) is the proposal's date: ISO or d.m.yyyy.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rag.core.classification import LabelledExample
from rag.core.documents import IngestError
from rag.core.privacy import mask_personal_data
from rag.core.tables import read_table
from rag.draft.period import DATE_COLUMNS, date_column, parse_date

_TEXT_COLUMNS = ("text", "teksti", "texts", "proposal", "ehdotus", "förslag")
_TITLE_COLUMNS = ("title", "otsikko", "rubrik")
# The columns `tiekartta classify` adds to the input's own; never the proposal's text.
_CLASSIFY_COLUMNS = ("labels", "primary", "confidence", "reason", "needs_review")
_NOT_TEXT = (*_CLASSIFY_COLUMNS, "decision", "id", "language", "kieli", "språk", *DATE_COLUMNS)
_YES = {"yes", "true", "1", "kyllä", "ja", "y"}
_NO = {"no", "false", "0", "ei", "nej", "n", ""}


def proposal_title(proposal: LabelledExample) -> str:
    """First line, cut at a word boundary, personal data masked: the draft's example."""
    text = mask_personal_data(proposal.text).strip()
    first = text.splitlines()[0] if text else ""
    return first if len(first) <= 140 else first[:140].rsplit(" ", 1)[0] + " …"


@dataclass(frozen=True)
class ClassifiedProposal(LabelledExample):
    """A classified proposal read back for a draft: the labelled text, plus what the draft
    needs to decide whether it counts (review state, a person's decision) and when it was made."""

    confidence: float | None = None
    needs_review: bool = False  # the classifier was unsure and no person has decided yet
    decided: bool = False  # a person chose the labels
    date: str | None = None  # ISO date from the file's date column

    @property
    def settled(self) -> bool:
        """Decided by a person or confidently classified: counted in the draft."""
        return self.decided or not self.needs_review


class ProposalsError(ValueError):
    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path, self.problems = path, problems
        super().__init__(f"proposals file {path}: {'; '.join(problems[:20])}")


def _labels(value: Any) -> list[str] | None:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value or "").strip()
    if text.startswith("["):
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError:
            return None
        return _labels(parsed) if isinstance(parsed, list) else None
    return [p.strip() for p in re.split(r"[;,|]", text) if p.strip()]


def _guess_text_column(records: list[tuple[int, dict[str, Any]]]) -> str | None:
    """In a file written by `tiekartta classify`, the input column holding the most text."""
    columns = {str(k).strip().lower() for _, r in records for k in r}
    if not set(_CLASSIFY_COLUMNS) <= columns or columns & {*_TEXT_COLUMNS, *_TITLE_COLUMNS}:
        return None
    totals: dict[str, int] = {}
    for _, record in records:
        for key, value in record.items():
            name = str(key).strip().lower()
            if name not in _NOT_TEXT and not name.endswith("_id"):
                totals[name] = totals.get(name, 0) + len(str(value or "").strip())
    return max(totals, key=lambda k: totals[k]) if totals else None


def _flag(value: Any) -> bool | None:
    """yes/no (also true/false, kyllä/ei, ja/nej, 1/0) as a bool; None when unreadable."""
    if isinstance(value, bool):
        return value
    text = str(value if value is not None else "").strip().lower()
    return True if text in _YES else False if text in _NO else None


def _record_id(lowered: dict[str, Any], number: int) -> str:
    """``id``, else the input's own id column (``vastaus_id``, ``tunnus``), else the row."""
    for key in ("id", *sorted(k for k in lowered if k.endswith("_id")), "tunnus", "nummer"):
        if str(lowered.get(key) or "").strip():
            return str(lowered[key]).strip()
    return str(number)


def _record(
    number: int,
    record: dict[str, Any],
    allowed: set[str],
    problems: list[str],
    text_column: str | None = None,
) -> ClassifiedProposal | None:
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    if text_column:
        text_key: str | None = text_column
        title_key = None
    else:
        text_key = next((k for k in _TEXT_COLUMNS if str(lowered.get(k) or "").strip()), None)
        title_key = next((k for k in _TITLE_COLUMNS if str(lowered.get(k) or "").strip()), None)
    parts = [str(lowered.get(k) or "").strip() for k in (title_key, text_key) if k]
    text = "\n".join(dict.fromkeys(p for p in parts if p))
    labels = _labels(lowered.get("labels"))
    before = len(problems)
    if not text:
        problems.append(f"row {number}, column '{text_column or 'text'}': empty")
    if not labels:
        problems.append(f"row {number}, column 'labels': empty or unreadable")
    elif unknown := [label for label in labels if label not in allowed]:
        problems.append(
            f"row {number}, column 'labels': unknown label(s) {', '.join(unknown)} "
            f"(use {', '.join(sorted(allowed))})"
        )
    primary = str(lowered.get("primary") or "").strip() or (labels[0] if labels else "")
    if labels and primary not in labels and len(problems) == before:
        problems.append(f"row {number}, column 'primary': '{primary}' is not one of the labels")
    decided = _labels(lowered.get("decision")) if lowered.get("decision") else None
    if decided is not None and (not decided or any(d not in allowed for d in decided)):
        problems.append(
            f"row {number}, column 'decision': not labels of {', '.join(sorted(allowed))}"
        )
    needs_review = _flag(lowered.get("needs_review"))
    if needs_review is None:
        problems.append(f"row {number}, column 'needs_review': not yes or no")
    confidence = None
    if str(lowered.get("confidence") or "").strip():
        try:
            confidence = float(str(lowered["confidence"]).replace(",", "."))
        except ValueError:
            problems.append(f"row {number}, column 'confidence': not a number")
    when = None
    if found := date_column(lowered):
        try:
            when = parse_date(found[1])
        except ValueError:
            problems.append(
                f"row {number}, column '{found[0]}': '{found[1]}' is not a date "
                "(use 2025-09-02 or 2.9.2025)"
            )
    if len(problems) > before or not labels:
        return None
    if decided:  # a person's labels replace the classifier's
        labels = decided
        primary = primary if primary in decided else decided[0]
    language = str(lowered.get("language") or "").strip() or None
    return ClassifiedProposal(
        text=text,
        labels=tuple(labels),
        primary=primary,
        language=language,
        source="classified",
        id=_record_id(lowered, number),
        confidence=confidence,
        needs_review=bool(needs_review),
        decided=bool(decided),
        date=when,
    )


def _records(path: Path, problems: list[str]) -> list[tuple[int, dict[str, Any]]]:
    """(row number, values) of every row; JSONL lines that are not objects become problems."""
    jsonl = path.suffix.lower() in (".jsonl", ".json", ".ndjson")
    try:
        table = read_table(path, "jsonl" if jsonl else None)
    except IngestError as exc:
        raise ProposalsError(path, [exc.reason]) from None
    problems.extend(f"row {bad.number}: {bad.detail}" for bad in table.bad_lines)
    if jsonl:
        return [(row.number, row.values) for row in table.rows]
    return [(row.number, {c.lower(): row.text(c) for c in table.columns}) for row in table.rows]


def load_proposals(
    path: Path, theme_ids: Sequence[str], text_column: str | None = None
) -> list[ClassifiedProposal]:
    """Read a classified proposals file; labels must be programme themes or ``none``.

    ``text_column`` names the column with the proposal's text (default: found, see above).
    """
    if not path.is_file():
        raise ProposalsError(path, ["file not found"])
    problems: list[str] = []
    records = _records(path, problems)
    allowed = {*theme_ids, "none"}
    column = text_column.strip().lower() if text_column else _guess_text_column(records)
    if (
        column
        and records
        and all(column not in {str(k).strip().lower() for k in r} for _, r in records)
    ):
        raise ProposalsError(path, [f"no column '{column}'"])
    proposals = [
        p for n, r in records if (p := _record(n, r, allowed, problems, column)) is not None
    ]
    if problems:
        raise ProposalsError(path, problems)
    return proposals
