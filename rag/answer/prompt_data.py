"""The sources, the conversation and the question as JSON data for the answer prompt.

Retrieved text is written by whoever wrote the document, and a client may send any history.
Both go into the prompt as JSON strings, so quotes and newlines in them are escaped, and every
``<``, ``>`` and ``&`` becomes a ``\\u`` escape: no text can close its string, add a field, or
write the ``</sources>`` tag that ends the data block and pose as the user.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol

# Turns older than these are not needed to read a follow-up question.
HISTORY_TURNS = 6

_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


class _Turn(Protocol):
    role: str
    text: str


def as_json_data(value: Any) -> str:
    """JSON whose text cannot close a tag or a string around it (escaped, still valid JSON)."""
    return json.dumps(value, ensure_ascii=False, indent=1).translate(_ESCAPES)


def sources_data(sources: Sequence[tuple[int, str, str, str]]) -> str:
    """(number, citation, part, text) of each source as one JSON array."""
    return as_json_data(
        [
            {"source": number, "citation": citation, "part": part, "text": text}
            for number, citation, part, text in sources
        ]
    )


def history_data(history: Sequence[_Turn]) -> str:
    """The last turns as a JSON array of {role, text}; roles other than the two are dropped."""
    turns = [t for t in history if t.role in ("user", "assistant")][-HISTORY_TURNS:]
    return as_json_data([{"role": t.role, "text": t.text} for t in turns])
