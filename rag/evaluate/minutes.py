"""Score the minutes parser against a gold file of meeting items.

The gold (`gold.jsonl`) has one object per item file `<id>.txt` with the fields the parser should
find; null means the text does not state it. Values are compared after whitespace normalisation
and casefolding; a null gold value is matched by a None prediction.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ingest.minutes.parser import parse_minutes
from rag.core.documents import MinutesItem

SCORED_FIELDS: tuple[str, ...] = ("body", "date", "section", "record_number", "title", "preparer")
FLAG_FIELDS: tuple[str, ...] = ("has_proposal", "has_decision", "doc_type")


@dataclass
class Mismatch:
    """One field of one item where the parser and the gold disagree."""

    item_id: str
    field: str
    gold: object
    predicted: object


@dataclass
class MinutesScore:
    """Per-field accuracy over the gold items, plus the mismatches for debugging."""

    n: int
    fields: dict[str, float]
    overall: float  # accuracy over all (item, field) pairs of SCORED_FIELDS
    flags: dict[str, float]  # has_proposal / has_decision / doc_type agreement
    flags_overall: float
    decision_text: float  # share of gold decisions that the predicted decision text starts with
    mismatches: list[Mismatch] = field(default_factory=list)

    def report(self) -> str:
        """A few lines for a person: per-field accuracy and the overall figures."""
        lines = [f"minutes parser on {self.n} items: overall {self.overall:.3f}"]
        lines += [f"  {name:<14} {acc:.3f}" for name, acc in self.fields.items()]
        lines += [f"  {name:<14} {acc:.3f}" for name, acc in self.flags.items()]
        lines.append(f"  {'flags overall':<14} {self.flags_overall:.3f}")
        lines.append(f"  {'decision_text':<14} {self.decision_text:.3f}")
        return "\n".join(lines)


def normalise(value: object) -> str | None:
    """Compare form: whitespace collapsed, casefolded; None stays None."""
    if value is None:
        return None
    text = re.sub(r"\s+", " ", str(value).replace("\xa0", " ")).strip().casefold()
    return text or None


def _predicted(item: MinutesItem | None, name: str) -> object:
    if item is None:
        return False if name.startswith("has_") else None
    return getattr(item, name)


def score_minutes(items_dir: Path, gold_path: Path) -> MinutesScore:
    """Run `parse_minutes` on every gold item's text and compare with the gold fields."""
    gold = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line.strip()]
    hits = {name: 0 for name in SCORED_FIELDS + FLAG_FIELDS}
    decision_total = decision_hits = 0
    mismatches: list[Mismatch] = []
    n = 0
    for record in gold:
        path = items_dir / f"{record['id']}.txt"
        if not path.exists():
            continue
        n += 1
        items = parse_minutes(path.read_text("utf-8"))
        # An item file holds one item; the first found is the one the gold describes.
        item = items[0] if items else None
        for name in SCORED_FIELDS + FLAG_FIELDS:
            predicted = _predicted(item, name)
            if normalise(predicted) == normalise(record.get(name)):
                hits[name] += 1
            else:
                mismatches.append(Mismatch(record["id"], name, record.get(name), predicted))
        if record.get("decision_text"):
            decision_total += 1
            predicted_text = normalise(item.decision_text if item else None) or ""
            if predicted_text.startswith(normalise(record["decision_text"]) or ""):
                decision_hits += 1
            else:
                shown = predicted_text[: len(record["decision_text"]) + 60]
                mismatches.append(
                    Mismatch(record["id"], "decision_text", record["decision_text"], shown)
                )
    fields = {name: hits[name] / n if n else 0.0 for name in SCORED_FIELDS}
    flags = {name: hits[name] / n if n else 0.0 for name in FLAG_FIELDS}
    return MinutesScore(
        n=n,
        fields=fields,
        overall=sum(fields.values()) / len(fields) if n else 0.0,
        flags=flags,
        flags_overall=sum(flags.values()) / len(flags) if n else 0.0,
        decision_text=decision_hits / decision_total if decision_total else 1.0,
        mismatches=mismatches,
    )
