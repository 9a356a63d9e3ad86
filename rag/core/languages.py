"""The languages tiekartta works in, written once: answers, prompts, messages, drafts, stemming.

Adding a language means adding it here, then its prompts (prompts/<job>/*.<lang>.md), its
messages (every key of rag/core/messages/; a test checks) and, for lexical search, a stemmer
in rag/store/text_analysis.py.
"""

from __future__ import annotations

from typing import Literal, get_args

Language = Literal["fi", "sv", "en"]
LANGUAGES: tuple[str, ...] = get_args(Language)
