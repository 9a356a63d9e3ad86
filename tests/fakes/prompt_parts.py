"""Reading the parts of an answer prompt back, as a test sees what the model received."""

from __future__ import annotations

import json
from typing import Any


def tagged(user_message: str, tag: str) -> str:
    """The text between <tag> and </tag>; each tag must occur exactly once."""
    assert user_message.count(f"<{tag}>") == 1 and user_message.count(f"</{tag}>") == 1
    return user_message.split(f"<{tag}>", 1)[1].split(f"</{tag}>", 1)[0]


def sent_sources(user_message: str) -> list[dict[str, Any]]:
    """The JSON array of sources in a user message."""
    sources: list[dict[str, Any]] = json.loads(tagged(user_message, "sources"))
    return sources
