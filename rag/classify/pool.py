"""Unlabelled proposals the offline classifier self-trains on (``TIEKARTTA_CLASSIFY_POOL_FILE``).

Off by default. The idea: a city's own past proposals show the heads the words and topics its
residents use, which ~130 written examples cannot. Measured on the dev set (README, "Approaches
compared"), it changed nothing yet: with the calibrated heads no pool text reached the 0.9
confidence a pseudo-label needs. The file is any proposal export the batch reader takes (CSV,
XLSX, JSONL); each distinct text is cut like the labelled examples (~800 characters, at a
sentence end) to bound the embedding cost, and only the first ``limit`` texts are used.
Vectors go through the embedding cache, so a pool is embedded once.
"""

from __future__ import annotations

import re
from pathlib import Path

from rag.classify.batch_io import read_proposals

MAX_CHARS = 800
_SENTENCE_END = re.compile(r"[.!?](?=\s)")


def cut(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` up to ``limit`` characters, ending at the last sentence end (or word) before."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    if ends and ends[-1] > limit // 2:
        return head[: ends[-1]]
    return head.rsplit(" ", 1)[0]


def read_pool(path: Path, text_columns: list[str], limit: int) -> list[str]:
    """The first ``limit`` distinct texts of a proposal file, cut to ``MAX_CHARS``.

    Unreadable rows are skipped (the pool is a help, not data to report on); a file that
    cannot be read at all raises :class:`~rag.classify.batch_io.BatchFileError`.
    """
    texts: list[str] = []
    seen: set[str] = set()
    for row in read_proposals(path, text_columns).rows:
        text = cut(row.text.strip())
        if text and text not in seen:
            seen.add(text)
            texts.append(text)
            if len(texts) >= limit:
                break
    return texts
