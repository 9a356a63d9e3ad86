"""Check a roadmap draft against the issue's done-when, on an ingested corpus.

    PYTHONPATH=. .venv/bin/python -m bench.draft_check --data-dir D --period 2025 \
        [--register corpus/registers/digitiekartta-toimenpiteet-2025.csv]

Builds the draft as `tiekartta draft` does (template mode unless an LLM is configured) and
reports: languages and themes present, every citation looked up in Chroma (same document,
title and date; every quoted sentence found in the stored chunk), the status counts of each
measures table against the register, the figures the documents state (by kind), the flags per
kind, and the quoted sentences that carry a hand label of bench/draft_evidence_labels.tsv (on
../shared/data: P progress, R procedural, F page furniture, T list of themes, O other).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from api.container import Tiekartta
from bench.common import arguments
from bench.draft_evidence import LABELS, sentence_key
from rag.core.programme import STATUS_IDS, load_programme
from rag.core.sentences import split_sentences
from rag.core.settings import Settings
from rag.draft.drafter import DraftOptions, build_draft
from rag.draft.evidence import clean_quote
from rag.draft.register import load_register


def _normal(text: str) -> str:
    return " ".join(clean_quote(text).split())


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--period", default="2025")
    parser.add_argument("--register", type=Path)
    parser.add_argument("--lang", default="fi,sv")
    args = parser.parse_args()
    service = Tiekartta(Settings(data_dir=args.data_dir))
    languages = args.lang.split(",")
    draft = build_draft(
        service, DraftOptions(period=args.period, languages=languages, register=args.register)
    )
    programme = load_programme(service.settings.programme_file, need_roadmap=True)
    register = load_register(args.register, programme) if args.register else None
    citations = [c for s in draft.sections for c in s.citations]
    stored = {
        c.chunk_id: c for c in service.vectors.get_chunks(sorted({c.chunk_id for c in citations}))
    }
    resolved = 0
    for c in citations:
        chunk = stored.get(c.chunk_id)
        if chunk is None or (chunk.doc_id, chunk.title, chunk.date) != (c.doc_id, c.title, c.date):
            continue
        sentences = [s for q in c.quote.split(" … ") for s in re.split(r"(?<=[.!?])\s+", q)]
        if all(_normal(s) in _normal(chunk.text) for s in sentences):
            resolved += 1
    count_mismatches = 0
    for language in languages if register else []:
        for theme in draft.themes:
            section = next(
                s
                for s in draft.sections
                if s.key == f"theme-{theme}-measures" and s.language == language
            )
            counts = register.counts(theme) if register else {}
            for status in STATUS_IDS:
                word = programme.status_word(status, language)
                if f"| {word} | {counts[status]} |" not in section.text:
                    count_mismatches += 1
    flags: dict[str, int] = {}
    for section in draft.sections:
        for flag in section.flags:
            flags[flag.kind] = flags.get(flag.kind, 0) + 1
    labels = {
        (doc_id, key): label
        for doc_id, _index, key, label in (
            line.split("\t")
            for line in LABELS.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        )
    }
    quoted: dict[str, int] = {}
    for c in citations:
        for sentence in (s for q in c.quote.split(" … ") for s in split_sentences(q)):
            label = labels.get((c.doc_id, sentence_key(sentence)), "unlabelled")
            quoted[label] = quoted.get(label, 0) + 1
    report = {
        "languages": sorted({s.language for s in draft.sections}),
        "themes": sorted({s.theme for s in draft.sections if s.theme}),
        "sections": len(draft.sections),
        "citations": len(citations),
        "citations_resolved": resolved,
        "register_measures": len(register.measures) if register else None,
        "count_mismatches": count_mismatches,
        "figures_stated": draft.meta.get("figures"),
        "flags": flags,
        "quoted_sentences_by_label": quoted,
        "queries": draft.meta.get("queries"),
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
