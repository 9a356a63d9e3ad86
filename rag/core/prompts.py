"""Prompt templates from `prompts/<job>/<name>.<lang>.md`, rendered with `$placeholders`.

`string.Template` is used rather than str.format because document text is full of braces.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from string import Template


class PromptError(Exception):
    """A prompt file is missing or cannot be rendered."""


@lru_cache(maxsize=256)
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def load_prompt(prompts_dir: Path, job: str, name: str, language: str) -> str:
    """The template text for a job, falling back to English when a language is missing."""
    stem = f"{name}.{language}" if name else language
    candidates = [prompts_dir / job / f"{stem}.md"]
    if language != "en":
        candidates.append(prompts_dir / job / (f"{name}.en.md" if name else "en.md"))
    for path in candidates:
        if path.is_file():
            return _read(path)
    raise PromptError(f"prompt '{job}/{stem}.md' not found in {prompts_dir}")


def render_prompt(prompts_dir: Path, job: str, name: str, language: str, **values: str) -> str:
    """Load and fill a template; a missing placeholder value is an error, not silent."""
    template = Template(load_prompt(prompts_dir, job, name, language))
    try:
        return template.substitute(**values)
    except KeyError as exc:
        raise PromptError(f"prompt '{job}/{name}.{language}' needs the value {exc}") from exc
