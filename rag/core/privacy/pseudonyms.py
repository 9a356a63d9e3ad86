"""Reversible pseudonyms for one request: the LLM sees ``[NAME_1]``, the reader the name.

The texts of one /ask request (its sources, question and conversation) are masked with one
`Pseudonyms` object. Each distinct value found by `find_pii` gets a numbered placeholder per
kind, and the same value the same placeholder in every text, so the model can still tell that
two sources and the question speak of the same person. The mapping lives only in this object,
in memory, for that request: it is never logged, stored or sent.

`restore` puts the values back into what the reader is shown. Only values of texts masked
here can come back, and the caller masks only texts this reader may receive; a placeholder
not in the mapping (made up by the model, or written into a document) stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.core.privacy import TAGS, find_pii
from rag.core.privacy.spans import replace_spans

# A placeholder of this module: a kind of `TAGS` and a number.
PLACEHOLDER = re.compile(r"\[(" + "|".join(TAGS) + r")_(\d+)\]")
# The tail of a streamed text that may still grow into a placeholder: "[", "[NA", "[NAME_1".
_UNFINISHED = re.compile(r"\[[A-Z]{0,7}(?:_\d{0,6})?$")


class Pseudonyms:
    """Numbered placeholders for the personal data of one request, and the way back."""

    def __init__(self) -> None:
        self._placeholders: dict[tuple[str, str], str] = {}
        self._values: dict[str, str] = {}
        self._counts: dict[str, int] = {}
        # Each source is masked again by every check that reads it; find_pii runs once.
        self._masked: dict[str, str] = {}

    def mask(self, text: str) -> str:
        """The text with each piece of personal data replaced by its numbered placeholder.

        Text that already looks like a placeholder is written with round brackets, so a
        document cannot forge one that would later be restored to somebody's data.
        """
        if text not in self._masked:
            self._masked[text] = self._mask(text)
        return self._masked[text]

    def _mask(self, text: str) -> str:
        text = PLACEHOLDER.sub(lambda m: f"({m.group(0)[1:-1]})", text)
        return replace_spans(
            text, find_pii(text), lambda span, value: self._placeholder(span.kind, value)
        )

    def restore(self, text: str) -> str:
        """The text with every known placeholder replaced by its original value."""
        return PLACEHOLDER.sub(lambda m: self._values.get(m.group(0), m.group(0)), text)

    def hide(self, text: str) -> str:
        """The text with every value of this request replaced by its kind's plain tag
        (``[NAME]``): a restored answer made safe to store, even where the masker would not
        recognise a value outside the context it was found in."""
        for placeholder, value in sorted(self._values.items(), key=lambda p: -len(p[1])):
            kind = placeholder[1:].split("_", 1)[0]
            text = text.replace(value, TAGS[kind])
        return text

    def unknown(self, text: str) -> list[str]:
        """Placeholders in the text that stand for nothing of this request."""
        return [m.group(0) for m in PLACEHOLDER.finditer(text) if m.group(0) not in self._values]

    def _placeholder(self, kind: str, value: str) -> str:
        key = (kind, " ".join(value.split()))
        if key not in self._placeholders:
            self._counts[kind] = self._counts.get(kind, 0) + 1
            placeholder = f"[{kind}_{self._counts[kind]}]"
            self._placeholders[key] = placeholder
            self._values[placeholder] = value
        return self._placeholders[key]


class StreamRestorer:
    """Restores placeholders in streamed text, holding back a tail that may be half of one."""

    def __init__(self, restore: Callable[[str], str]) -> None:
        self._restore = restore
        self._pending = ""

    def feed(self, token: str) -> str:
        """What can be shown now of the text received so far."""
        text = self._pending + token
        tail = _UNFINISHED.search(text)
        cut = tail.start() if tail else len(text)
        self._pending = text[cut:]
        return self._restore(text[:cut])

    def flush(self) -> str:
        """The held-back tail at the end of the stream (it did not become a placeholder)."""
        rest, self._pending = self._pending, ""
        return self._restore(rest)
