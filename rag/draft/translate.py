"""Machine translations of quotes for a draft in another language, with the chat model.

A quote stays verbatim in its own language (it is the evidence); the translation is shown
beside it, marked as a machine translation, so a Finnish reader of a Swedish passage sees what
it says. One prompt per quote and target language (prompts/draft/translate*.md), cached for
the run; when the model fails the quote keeps only its language marker.
"""

from __future__ import annotations

from pathlib import Path

from langchain_core.language_models import BaseChatModel

from rag.core.messages import message
from rag.draft.wording import Translate
from rag.draft.writer import ask


class LLMTranslator:
    def __init__(self, chat_model: BaseChatModel, prompts_dir: Path) -> None:
        self.chat_model = chat_model
        self.prompts_dir = prompts_dir
        self._cache: dict[tuple[str, str, str], str | None] = {}

    def translate(self, text: str, source: str, target: str) -> str | None:
        key = (text, source, target)
        if key not in self._cache:
            try:
                translated = ask(
                    self.chat_model,
                    self.prompts_dir,
                    ("translate_system", "translate"),
                    target,
                    source=message(f"draft_quote_in_{source}", target),
                    text=text,
                ).strip('”“"')
            except Exception:  # an unreachable model leaves the quote with its marker only
                translated = ""
            self._cache[key] = translated or None
        return self._cache[key]

    def into(self, target: str) -> Translate:
        """A translate(text, source_language) function into ``target``."""
        return lambda text, source: self.translate(text, source, target)
