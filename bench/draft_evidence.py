"""Precision of "progress evidence" on hand-labelled sentences of the real documents.

The draft quotes a sentence as progress only when ``ProgressReader`` reads it as progress. This
script splits the documents of ``../shared/data`` (corpus/*.md, minutes/items/*.txt) into
sentences exactly as the draft sees them (ingest chunks, then sentences), joins the labels of
``bench/draft_evidence_labels.tsv`` (label P = progress) and reports precision and recall of the
reader on two parts split by document: the *selection* part, on which the rule and its word lists
were chosen, and the *held-out* part, which was only scored. Related documents (a story and its
translation, versions of one page) are kept in one part.

    PYTHONPATH=. python -m bench.draft_evidence [--data ../shared/data] [--part selection]
        [--errors]

``--errors`` lists the selection part's misreadings (never the held-out part's).
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.common import arguments
from ingest.chunker import chunk_document, page_offsets
from ingest.loaders import load_file
from ingest.minutes.parser import parse_minutes
from rag.core.language import detect_language
from rag.core.programme import load_programme
from rag.core.sentences import split_sentences
from rag.draft.progress_signals import ProgressReader

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench" / "draft_evidence_labels.tsv"
PROGRAMME = ROOT / "corpus" / "programme" / "digiohjelma-2024-2026.yaml"
# Documents that tell the same story (translations, page versions, one process) go together.
GROUPS = (
    ("porvoo-0028", "porvoo-0097"),
    ("porvoo-0024", "mi-0004"),
    ("porvoo-0007", "porvoo-0011", "porvoo-0054"),
    ("porvoo-0012", "porvoo-0099"),
    ("porvoo-0038", "porvoo-0041"),
    ("porvoo-0036", "porvoo-0045"),
    ("porvoo-0068", "porvoo-0073"),
    ("porvoo-0058", "porvoo-0060", "porvoo-0063", "porvoo-0064", "porvoo-0065", "porvoo-0066"),
    ("mi-0022", "mi-0024"),
)


@dataclass
class Labelled:
    doc_id: str
    index: int
    sentence: str
    label: str


def sentence_key(sentence: str) -> str:
    """The label file's name for a sentence: SHA-1 of its whitespace-collapsed text, 10 hex."""
    return hashlib.sha1(" ".join(sentence.split()).encode()).hexdigest()[:10]


def part_of(doc_id: str) -> str:
    """'selection' or 'held-out', fixed by the document's group (not by its content)."""
    group = next((g[0] for g in GROUPS if doc_id in g), doc_id)
    return "selection" if int(hashlib.sha1(group.encode()).hexdigest()[0], 16) < 8 else "held-out"


def document_sentences(path: Path) -> dict[str, list[str]]:
    """Distinct sentences per document, in order, as the ingest chunks split them."""
    found: dict[str, list[str]] = {}
    for doc in load_file(path):
        items = parse_minutes(doc.text, page_offsets(doc))
        language = doc.language or detect_language(doc.text[:4000])
        seen: set[str] = set()
        for chunk in chunk_document(doc, items, 1000, 150, language):
            for sentence in split_sentences(chunk.text):
                key = sentence_key(sentence)
                if key not in seen:
                    seen.add(key)
                    found.setdefault(chunk.doc_id, []).append(sentence)
    return found


def load_labelled(data: Path) -> tuple[list[Labelled], int]:
    labels: dict[tuple[str, str], str] = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        doc_id, _index, key, label = line.split("\t")
        labels[(doc_id, key)] = label
    files = sorted((data / "corpus").glob("*.md")) + sorted(
        (data / "minutes" / "items").glob("*.txt")
    )
    rows: list[Labelled] = []
    for path in files:
        for doc_id, sentences in document_sentences(path).items():
            for index, sentence in enumerate(sentences):
                label = labels.pop((doc_id, sentence_key(sentence)), None)
                if label is not None:
                    rows.append(Labelled(doc_id, index, sentence, label))
    return rows, len(labels)  # labels left over: sentences the data no longer has


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--errors", action="store_true", help="list the selection part's errors")
    parser.add_argument(
        "--part", choices=("selection", "held-out", "both"), default="both", help="parts to score"
    )
    args = parser.parse_args()
    if not (args.data / "corpus").is_dir():
        sys.exit(f"no data at {args.data} (give --data ../shared/data)")
    programme = load_programme(PROGRAMME)
    names = [n for t in programme.themes for n in (*t.name.values(), *t.short_name.values())]
    reader = ProgressReader(names)
    rows, missing = load_labelled(args.data)
    print(f"{len(rows)} labelled sentences found in the data ({missing} labels unmatched)")
    print("part       sentences  labelled P  read as P  correct  precision  recall")
    for part in ("selection", "held-out") if args.part == "both" else (args.part,):
        chosen = [r for r in rows if part_of(r.doc_id) == part]
        readings = [(r, reader.read(r.sentence)) for r in chosen]
        predicted = [r for r, reading in readings if reading.is_progress]
        correct = sum(1 for r in predicted if r.label == "P")
        positives = sum(1 for r in chosen if r.label == "P")
        precision = correct / len(predicted) if predicted else 0.0
        recall = correct / positives if positives else 0.0
        print(
            f"{part:<10} {len(chosen):>9}  {positives:>10}  {len(predicted):>9}  {correct:>7}"
            f"  {precision:>9.3f}  {recall:>6.3f}"
        )
        wrong = Counter(r.label for r in predicted if r.label != "P")
        print(f"           read as P but labelled: {dict(wrong) or '-'}")
        if args.errors and part == "selection":
            for r, reading in readings:
                if reading.is_progress != (r.label == "P"):
                    where = f"{r.doc_id}#{r.index}"
                    print(f"  {r.label} {reading.kind:<10} {where}: {r.sentence[:150]}")


if __name__ == "__main__":
    main()
