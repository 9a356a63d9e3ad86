"""Measure the thresholds of fi/sv version linking on an ingested data directory.

    PYTHONPATH=$PWD /work/venv/bin/python -m bench.version_links --data-dir D [--top 40]

Prints every cross-language document pair whose document vectors have a cosine above
`--floor`, best first, with both dates and titles, and marks which pairs the current linker
links. Reading where the true versions (same decision page in Finnish and Swedish) end and the
look-alikes (two different weekly decision pages) begin gives the thresholds in
ingest/versions.py. `--relink` recomputes the stored links with the current thresholds first.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from bench.common import arguments, bench_app


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--floor", type=float, default=0.85)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--relink", action="store_true")
    args = parser.parse_args()
    service = bench_app(args.data_dir)
    registry = service.registry
    service.pipeline.store_missing_vectors()
    if args.relink:
        service.pipeline.relink()
    stored = registry.versions.document_vectors()
    linked = {(link.doc_id, link.other_id): link for link in registry.versions.all_versions()}
    matrix = np.stack([v.vector for v in stored])
    sims = matrix @ matrix.T
    pairs = []
    for i, a in enumerate(stored):
        for j in range(i + 1, len(stored)):
            b = stored[j]
            if a.language != b.language and sims[i, j] >= args.floor:
                pairs.append((float(sims[i, j]), a, b))
    pairs.sort(key=lambda p: p[0], reverse=True)
    for cosine, a, b in pairs[: args.top]:
        key = (min(a.doc_id, b.doc_id), max(a.doc_id, b.doc_id))
        link = linked.get(key)
        ta = (registry.documents.get_document(a.doc_id) or a).title if hasattr(a, "doc_id") else ""
        tb = (registry.documents.get_document(b.doc_id) or b).title if hasattr(b, "doc_id") else ""
        print(
            f"{cosine:.4f} {'LINK ' + link.reason if link else '-':<15} "
            f"{a.doc_id} {a.language} {a.date or '-':<10} | {b.doc_id} {b.language} "
            f"{b.date or '-':<10} | {str(ta)[:45]} | {str(tb)[:45]}"
        )
    print(f"{len(linked)} links stored")


if __name__ == "__main__":
    main()
