"""Classified citizen proposals for the draft: the file `tiekartta classify` writes.

JSONL (one object a line) or CSV/XLSX with at least ``text`` (or ``title`` and ``texts``) and
``labels``; ``primary``, ``id`` and ``language`` are used when present. ``labels`` may be a JSON
list or theme ids joined with ``;``, ``,`` or ``|``. Problems are reported with file, row and
column; a row that cannot be read stops the draft rather than silently changing the counts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.loaders.text import decode_bytes
from ingest.models import IngestError
from rag.draft.register import read_rows
from rag.privacy import mask_personal_data

_TEXT_COLUMNS = ("text", "teksti", "texts", "proposal", "ehdotus", "förslag")
_TITLE_COLUMNS = ("title", "otsikko", "rubrik")


@dataclass(frozen=True)
class ClassifiedProposal:
    id: str
    text: str
    labels: tuple[str, ...]
    primary: str
    language: str | None = None

    @property
    def title(self) -> str:
        """First line, cut at a word boundary, personal data masked: the draft's example."""
        text = mask_personal_data(self.text).strip()
        first = text.splitlines()[0] if text else ""
        return first if len(first) <= 140 else first[:140].rsplit(" ", 1)[0] + " …"


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


def _record(
    number: int, record: dict[str, Any], allowed: set[str], problems: list[str]
) -> ClassifiedProposal | None:
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    text_key = next((k for k in _TEXT_COLUMNS if str(lowered.get(k) or "").strip()), None)
    title_key = next((k for k in _TITLE_COLUMNS if str(lowered.get(k) or "").strip()), None)
    parts = [str(lowered[k]).strip() for k in (title_key, text_key) if k]
    text = "\n".join(dict.fromkeys(parts))
    labels = _labels(lowered.get("labels"))
    before = len(problems)
    if not text:
        problems.append(f"row {number}, column 'text': empty")
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
    if len(problems) > before or not labels:
        return None
    language = str(lowered.get("language") or "").strip() or None
    return ClassifiedProposal(
        id=str(lowered.get("id") or number),
        text=text,
        labels=tuple(labels),
        primary=primary,
        language=language,
    )


def _jsonl(path: Path, problems: list[str]) -> list[tuple[int, dict[str, Any]]]:
    try:
        text = decode_bytes(path.read_bytes(), path)
    except IngestError as exc:
        raise ProposalsError(path, [exc.reason]) from None
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"row {number}: not JSON ({exc.msg})")
            continue
        if not isinstance(value, dict):
            problems.append(f"row {number}: not a JSON object")
            continue
        records.append((number, value))
    return records


def load_proposals(path: Path, theme_ids: Sequence[str]) -> list[ClassifiedProposal]:
    """Read a classified proposals file; labels must be programme themes or ``none``."""
    if not path.is_file():
        raise ProposalsError(path, ["file not found"])
    problems: list[str] = []
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        records = _jsonl(path, problems)
    else:
        try:
            rows = [(n, c) for n, c in read_rows(path) if any(x.strip() for x in c)]
        except ValueError as exc:  # RegisterError names the same problems
            raise ProposalsError(path, [str(exc).split(": ", 1)[-1]]) from None
        if not rows:
            raise ProposalsError(path, ["the file is empty"])
        header = [h.strip().lower() for h in rows[0][1]]
        records = [(n, dict(zip(header, cells, strict=False))) for n, cells in rows[1:]]
    allowed = {*theme_ids, "none"}
    proposals = [p for n, r in records if (p := _record(n, r, allowed, problems)) is not None]
    if problems:
        raise ProposalsError(path, problems)
    return proposals
