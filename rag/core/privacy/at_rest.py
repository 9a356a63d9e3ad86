"""The masked form of people's free text, as it is stored and logged (one masker for all)."""

from __future__ import annotations

from typing import Any

from rag.core.privacy import mask_pii


def mask_text(text: str) -> str:
    """The text with personal data replaced by neutral tags (``[EMAIL]``, ``[PHONE]`` ...)."""
    return mask_pii(text).text


# Audit-detail keys whose values are people's own words; ids, citations, labels and file
# names stay as they are, so the log still says what was touched.
FREE_TEXT_KEYS = frozenset({"question", "query", "note", "reason", "comment", "text"})


def mask_detail(detail: Any) -> Any:
    """An audit event's detail with the strings under :data:`FREE_TEXT_KEYS` masked, at any
    depth."""
    if isinstance(detail, list):
        return [mask_detail(v) for v in detail]
    if isinstance(detail, dict):
        return {
            k: mask_text(v) if k in FREE_TEXT_KEYS and isinstance(v, str) else mask_detail(v)
            for k, v in detail.items()
        }
    return detail
