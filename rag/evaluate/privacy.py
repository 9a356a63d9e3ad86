"""Scoring the personal-data masker on a labelled set of strings.

A labelled string lists the personal data in it (`pii`: kind and the exact text) and the
look-alikes that must survive (`keep`: dates, §, record numbers, sums, postal codes ...).
An item of personal data counts as found when every letter and digit of it lies inside some
masked span; a look-alike counts as a false positive when any masked span touches it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rag.core.privacy import NameRules, PiiSpan, find_pii


@dataclass
class LabelledString:
    id: str
    text: str
    pii: list[tuple[str, str]]  # (kind, value)
    keep: list[str]


@dataclass
class PiiScores:
    """Recall over items of personal data; false positives over look-alikes and clean strings."""

    strings: int = 0
    pii_items: int = 0
    found: int = 0
    keep_items: int = 0
    keep_masked: int = 0
    clean_strings: int = 0  # strings without personal data
    clean_masked: int = 0  # ... of which something was masked
    missed: list[str] = field(default_factory=list)  # "id: value" of every item not found
    false_positives: list[str] = field(default_factory=list)  # "id: masked text"

    @property
    def recall(self) -> float:
        return self.found / self.pii_items if self.pii_items else 1.0

    @property
    def lookalike_fp_rate(self) -> float:
        return self.keep_masked / self.keep_items if self.keep_items else 0.0

    @property
    def clean_fp_rate(self) -> float:
        return self.clean_masked / self.clean_strings if self.clean_strings else 0.0


def load_labelled(path: Path) -> list[LabelledString]:
    """Read a JSON-lines file of {"id", "text", "pii": [{"kind", "value"}], "keep": [...]}."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        raw = json.loads(line)
        item = LabelledString(
            id=raw["id"],
            text=raw["text"],
            pii=[(p["kind"], p["value"]) for p in raw.get("pii", [])],
            keep=list(raw.get("keep", [])),
        )
        for value in [v for _, v in item.pii] + item.keep:
            if value not in item.text:
                raise ValueError(f"{path}:{number}: {value!r} is not in the text")
        items.append(item)
    return items


def _covered(spans: list[PiiSpan], start: int, end: int, text: str) -> bool:
    return all(
        any(s.start <= i < s.end for s in spans) for i in range(start, end) if text[i].isalnum()
    )


def _touched(spans: list[PiiSpan], start: int, end: int) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def score_masking(
    items: list[LabelledString],
    names: NameRules | None = None,
    finder: Callable[[str], Sequence[PiiSpan]] | None = None,
) -> PiiScores:
    """Run find_pii on every string (with the name mechanisms ``names`` switches on; or
    ``finder``, another masker's find_pii, e.g. an older version) and count found items and
    false positives."""
    scores = PiiScores(strings=len(items))
    for item in items:
        spans = list(finder(item.text) if finder is not None else find_pii(item.text, names))
        for _, value in item.pii:
            start = item.text.index(value)
            scores.pii_items += 1
            if _covered(spans, start, start + len(value), item.text):
                scores.found += 1
            else:
                scores.missed.append(f"{item.id}: {value}")
        for value in item.keep:
            start = item.text.index(value)
            scores.keep_items += 1
            if _touched(spans, start, start + len(value)):
                scores.keep_masked += 1
                scores.false_positives.append(f"{item.id}: {value}")
        if not item.pii:
            scores.clean_strings += 1
            if spans:
                scores.clean_masked += 1
                masked = ", ".join(item.text[s.start : s.end] for s in spans)
                scores.false_positives.append(f"{item.id}: masked {masked!r} in a clean string")
    return scores
