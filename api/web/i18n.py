"""The web app's words in Finnish, Swedish and English (``strings.yaml``), and the page language."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import yaml
from fastapi import Request

LANGUAGES = ("fi", "sv", "en")
LANGUAGE_COOKIE = "tk_lang"
STRINGS_FILE = Path(__file__).parent / "strings.yaml"

Translate = Callable[..., str]


@lru_cache(maxsize=1)
def strings() -> dict[str, dict[str, str]]:
    """Every UI string by key, then by language (checked complete by a test)."""
    data = yaml.safe_load(STRINGS_FILE.read_text(encoding="utf-8"))
    return {str(key): {str(k): str(v) for k, v in value.items()} for key, value in data.items()}


def translator(language: str) -> Translate:
    """``t(key, **values)`` in ``language``; a missing key fails loudly."""
    table = strings()

    def t(key: str, **values: object) -> str:
        text = table[key][language]
        return text.format(**values) if values else text

    return t


def page_language(request: Request) -> str:
    """The language the person chose (cookie), else the browser's first of fi/sv/en, else fi."""
    chosen = request.cookies.get(LANGUAGE_COOKIE, "")
    if chosen in LANGUAGES:
        return chosen
    for part in request.headers.get("accept-language", "").lower().split(","):
        code = part.split(";")[0].strip()[:2]
        if code in LANGUAGES:
            return code
    return "fi"
