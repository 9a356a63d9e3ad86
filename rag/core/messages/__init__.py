"""User-facing messages in Finnish, Swedish and English, one module per feature.

Call sites use :func:`message`; a new key goes into the module of its feature. Keys are unique
across modules (checked when the table is built), so the feature split never changes a lookup.
"""

from __future__ import annotations

from collections.abc import Mapping

from rag.core.messages.ask import ASK
from rag.core.messages.classify import CLASSIFY
from rag.core.messages.common import COMMON
from rag.core.messages.draft import DRAFT
from rag.core.messages.draft_review import DRAFT_REVIEW
from rag.core.messages.ingest import INGEST
from rag.core.messages.operations import OPERATIONS
from rag.core.messages.privacy import PRIVACY
from rag.core.messages.sources import SOURCES

Texts = dict[str, str]

# Feature name -> its table; the name says where a key lives (tests and errors use it).
FEATURE_TABLES: dict[str, Mapping[str, Texts]] = {
    "common": COMMON,
    "ask": ASK,
    "ingest": INGEST,
    "sources": SOURCES,
    "classify": CLASSIFY,
    "draft": DRAFT,
    "draft_review": DRAFT_REVIEW,
    "operations": OPERATIONS,
    "privacy": PRIVACY,
}


def merge_tables(tables: Mapping[str, Mapping[str, Texts]]) -> dict[str, Texts]:
    """One lookup table from the feature tables; a key defined twice is a programming error."""
    merged: dict[str, Texts] = {}
    owner: dict[str, str] = {}
    for feature, table in tables.items():
        for key, texts in table.items():
            if key in merged:
                raise ValueError(f"message key '{key}' is in both '{owner[key]}' and '{feature}'")
            merged[key] = texts
            owner[key] = feature
    return merged


MESSAGES: dict[str, Texts] = merge_tables(FEATURE_TABLES)


def message(key: str, language: str, **values: str) -> str:
    """A message in the given language (English when the language is unknown)."""
    texts = MESSAGES[key]
    text = texts.get(language) or texts["en"]
    return text.format(**values) if values else text
