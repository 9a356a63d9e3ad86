"""Words that depend on a number or a language: "1 åtgärd" / "2 åtgärder", and the marker of a
quote in another language than the draft's ("(ruotsiksi)")."""

from __future__ import annotations

from collections.abc import Callable

from rag.core.language import SUPPORTED_LANGUAGES
from rag.core.messages import message
from rag.draft.citing import quoted

# translate(text, from_language) -> the text in the draft's language, or None.
Translate = Callable[[str, str], str | None]


def counted(key: str, n: int, language: str) -> str:
    """The message ``key`` ("one form|other form" with {n}) in the form the number takes."""
    one, other = message(key, language).split("|")
    return (one if n == 1 else other).format(n=n)


def quoted_in(
    text: str,
    source_language: str | None,
    language: str,
    translate: Translate | None = None,
) -> str:
    """A verbatim quote; one in another language is marked with it ("(ruotsiksi)") and, when
    a translator is given, followed by a machine translation marked as such."""
    quote = quoted(text, language)
    if source_language == language or source_language not in SUPPORTED_LANGUAGES:
        return quote
    label = message(f"draft_quote_in_{source_language}", language)
    translation = translate(text, source_language) if translate else None
    if translation:
        label += (
            f"; {message('draft_quote_translation', language)}: {quoted(translation, language)}"
        )
    return f"{quote} ({label})"
