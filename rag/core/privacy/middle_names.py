"""A known first name standing alone between two names found (thirty-eighth round,
``middle_names``): "Nguyen [Van] Minh". A middle name that is also a word or a place ("Van")
is left out by the rules' guards, which split a three-word name into two masks with the
middle word readable between them.
Between two names on one line, with one space or tab on each side, a known first name is
the same person's middle name: the three words become one mask.

It joins only spans the rules already hold to be names, and only across a first name of the
lists (first_names.py), so a place or a word between two names ("Virtanen Porvoo Berg")
stays as it is.
"""

from __future__ import annotations

import re

from rag.core.privacy.addresses import NAME_WORD
from rag.core.privacy.first_names import is_first_name
from rag.core.privacy.spans import PiiSpan

# One name word between two single runs of spaces or tabs.
_BETWEEN = re.compile(rf"[ \t](?P<word>{NAME_WORD})[ \t]\Z")


def with_middle_names(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """``spans`` with each pair of names that a lone known first name separates joined into
    one name, the first name with them."""
    ordered = sorted(spans, key=lambda s: s.start)
    joined: list[PiiSpan] = []
    for span in ordered:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind == "NAME"
            and span.kind == "NAME"
            and 0 < span.start - previous.end <= 40
        ):
            between = _BETWEEN.fullmatch(text, previous.end, span.start)
            if between is not None and is_first_name(between.group("word")):
                joined[-1] = PiiSpan(previous.start, span.end, "NAME")
                continue
        joined.append(span)
    return joined


__all__ = ["with_middle_names"]
