"""The parts of the programme file a draft needs: theme names, keywords and roadmap statuses.

The programme YAML (corpus/programme/*.yaml) is configuration; this reads only what the draft
uses and fails with the file and the missing field named, so another municipality's file can be
checked quickly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# The canonical status ids of the roadmap, in the order the draft lists them.
STATUS_IDS = ("completed", "ongoing", "not_started")


class ProgrammeError(ValueError):
    """The programme file is missing, unreadable or lacks a field the draft needs."""


@dataclass(frozen=True)
class Theme:
    id: str
    name: dict[str, str]
    short_name: dict[str, str]
    keywords: dict[str, tuple[str, ...]]

    def label(self, language: str) -> str:
        """'a) Ihmislähtöiset sähköiset palvelut' in the given language (English fallback)."""
        names = self.short_name or self.name
        return f"{self.id}) {names.get(language) or names.get('en') or self.id}"

    def full_name(self, language: str) -> str:
        return self.name.get(language) or self.name.get("en") or self.id


@dataclass(frozen=True)
class Programme:
    id: str
    name: dict[str, str]
    themes: tuple[Theme, ...]
    # status id -> {language: word}, e.g. completed -> {fi: valmis, sv: slutförd, en: completed}
    statuses: dict[str, dict[str, str]] = field(default_factory=dict)
    roadmap_name: dict[str, str] = field(default_factory=dict)

    def theme(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        known = ", ".join(t.id for t in self.themes)
        raise ProgrammeError(f"unknown theme '{theme_id}' (the programme has: {known})")

    @property
    def theme_ids(self) -> list[str]:
        return [t.id for t in self.themes]

    def status_word(self, status: str, language: str) -> str:
        words = self.statuses.get(status, {})
        return words.get(language) or words.get("en") or status.replace("_", " ")


def _texts(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def load_programme(path: Path) -> Programme:
    """Read the programme file; the `none` pseudo-theme of the classifier is left out."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProgrammeError(f"{path}: cannot read the programme file ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise ProgrammeError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list):
        raise ProgrammeError(f"{path}: the programme file needs a 'themes' list")
    themes = []
    for index, raw in enumerate(data["themes"], start=1):
        if not isinstance(raw, dict) or not raw.get("id") or not _texts(raw.get("name")):
            raise ProgrammeError(f"{path}: theme #{index} needs an 'id' and a 'name' per language")
        keywords = {
            str(lang): tuple(str(w) for w in words or ())
            for lang, words in (raw.get("keywords") or {}).items()
        }
        themes.append(
            Theme(
                id=str(raw["id"]),
                name=_texts(raw["name"]),
                short_name=_texts(raw.get("short_name")),
                keywords=keywords,
            )
        )
    roadmap = data.get("roadmap") or {}
    statuses = {str(k): _texts(v) for k, v in (roadmap.get("statuses") or {}).items()}
    missing = [s for s in STATUS_IDS if s not in statuses]
    if missing:
        raise ProgrammeError(
            f"{path}: roadmap.statuses lacks {', '.join(missing)} (needed: {', '.join(STATUS_IDS)})"
        )
    return Programme(
        id=str(data.get("id") or path.stem),
        name=_texts(data.get("name")),
        themes=tuple(t for t in themes if t.id != "none"),
        statuses=statuses,
        roadmap_name=_texts(roadmap.get("name")),
    )
