"""The programme definition (themes, the `none` entry, labelled examples, roadmap statuses).

A municipality's programme is configuration: this module turns its YAML file into typed,
validated objects and fails with a message naming the file and the field when the file is
wrong, because a silently skipped theme or example would quietly change every result.
Both the classifier (themes, examples) and the roadmap draft (theme names, status words) read
the same file through this one loader, so the two can never disagree about a theme.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from rag.core.classification import NONE_LABEL, LabelledExample
from rag.core.languages import LANGUAGES

#: Languages a theme text may be written in; others are rejected so typos ("se") show up.
KNOWN_LANGUAGES = LANGUAGES

#: The canonical status ids of the roadmap, in the order the draft lists them.
STATUS_IDS = ("completed", "ongoing", "not_started")


class ProgrammeError(ValueError):
    """The programme file cannot be used; the message names the file, the field and why."""


@dataclass(frozen=True)
class Theme:
    """One label a proposal can get (a theme, or the `none` entry)."""

    id: str
    name: dict[str, str]
    description: dict[str, str]
    short_name: dict[str, str] = field(default_factory=dict)
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Words that state the theme's *purpose* (climate, the organisation's own work, residents);
    # the offline classifier counts them, because the labels follow the stated purpose.
    purpose_terms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Short phrases per language that say what belongs to the label; the offline classifier
    # compares a proposal with their mean (every language the same weight). Optional: the
    # name and description stand in when a programme gives none.
    prototypes: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def text(self, mapping: Mapping[str, str], language: str) -> str:
        """``mapping`` in ``language``, falling back to English, then to any language."""
        return mapping.get(language) or mapping.get("en") or next(iter(mapping.values()), "")

    def display_name(self, language: str) -> str:
        return self.text(self.short_name or self.name, language)

    def heading(self, language: str) -> str:
        """'a) Ihmislähtöiset sähköiset palvelut' in the given language (English fallback)."""
        names = self.short_name or self.name
        return f"{self.id}) {names.get(language) or names.get('en') or self.id}"

    def full_name(self, language: str) -> str:
        return self.name.get(language) or self.name.get("en") or self.id


@dataclass(frozen=True)
class Programme:
    """A digital programme: its themes (in file order), the `none` entry and the examples."""

    id: str
    name: dict[str, str]
    themes: tuple[Theme, ...]
    none: Theme
    examples: tuple[LabelledExample, ...]
    languages: tuple[str, ...]
    path: Path | None = None
    # Words that show a proposal puts forward a digital element (app, online, sensor ...);
    # the gate between `none` and the themes counts them.
    digital_markers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Phrases per language describing a proposed digital element (tool, data, online service,
    # automation); the none-vs-digital gate sees a proposal's similarity to them.
    digital_element: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Roadmap follow-up (used by the draft): status id -> {language: word}, e.g.
    # completed -> {fi: valmis, sv: slutförd, en: completed}, and the roadmap's own name.
    statuses: dict[str, dict[str, str]] = field(default_factory=dict)
    roadmap_name: dict[str, str] = field(default_factory=dict)

    @property
    def theme_ids(self) -> tuple[str, ...]:
        return tuple(theme.id for theme in self.themes)

    @property
    def label_ids(self) -> tuple[str, ...]:
        """Every label a classifier may output: the theme ids, then ``none``."""
        return (*self.theme_ids, NONE_LABEL)

    def label(self, label_id: str) -> Theme:
        for theme in (*self.themes, self.none):
            if theme.id == label_id:
                return theme
        raise KeyError(label_id)

    def theme(self, theme_id: str) -> Theme:
        """A theme (not `none`) by id; the error lists the programme's theme ids."""
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        known = ", ".join(self.theme_ids)
        raise ProgrammeError(f"unknown theme '{theme_id}' (the programme has: {known})")

    def status_word(self, status: str, language: str) -> str:
        words = self.statuses.get(status, {})
        return words.get(language) or words.get("en") or status.replace("_", " ")

    def require_roadmap(self) -> Programme:
        """Check the roadmap statuses a draft needs are all there (returns ``self``)."""
        missing = [s for s in STATUS_IDS if s not in self.statuses]
        if missing:
            source = self.path if self.path is not None else "<programme>"
            raise ProgrammeError(
                f"{source}: roadmap.statuses lacks {', '.join(missing)} "
                f"(needed: {', '.join(STATUS_IDS)})"
            )
        return self


class _Reader:
    """Validation helpers that know the file name, so every error can name it."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> ProgrammeError:
        return ProgrammeError(f"{self.source}: {where}: {problem}")

    def mapping(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected a mapping, got {type(value).__name__}")
        return value

    def text(self, value: Any, where: str) -> str:
        if not isinstance(value, str | int | float) or not str(value).strip():
            raise self.fail(where, "missing or empty text")
        return str(value).strip()

    def texts_by_language(self, value: Any, where: str, *, required: bool = True) -> dict[str, str]:
        if value is None and not required:
            return {}
        if value is None:
            raise self.fail(where, "missing (give the text per language, e.g. fi: ..., sv: ...)")
        values = self.mapping(value, where)
        result: dict[str, str] = {}
        for language, text in values.items():
            if language not in KNOWN_LANGUAGES:
                if language == "code":  # e.g. municipality code next to its names
                    continue
                raise self.fail(f"{where}.{language}", f"unknown language (use {KNOWN_LANGUAGES})")
            result[language] = self.text(text, f"{where}.{language}")
        if required and not result:
            raise self.fail(where, "no text in any language")
        return result

    def keywords(self, value: Any, where: str) -> dict[str, tuple[str, ...]]:
        if value is None:
            return {}
        result: dict[str, tuple[str, ...]] = {}
        for language, words in self.mapping(value, where).items():
            if language not in KNOWN_LANGUAGES:
                raise self.fail(f"{where}.{language}", f"unknown language (use {KNOWN_LANGUAGES})")
            if not isinstance(words, list):
                raise self.fail(f"{where}.{language}", "expected a list of keywords")
            result[language] = tuple(
                self.text(word, f"{where}.{language}[{i}]") for i, word in enumerate(words)
            )
        return result

    def theme(self, value: Any, where: str) -> Theme:
        data = self.mapping(value, where)
        theme_id = self.text(data.get("id"), f"{where}.id")
        where = f"{where} (id {theme_id!r})"
        return Theme(
            id=theme_id,
            name=self.texts_by_language(data.get("name"), f"{where}.name"),
            description=self.texts_by_language(data.get("description"), f"{where}.description"),
            short_name=self.texts_by_language(
                data.get("short_name"), f"{where}.short_name", required=False
            ),
            keywords=self.keywords(data.get("keywords"), f"{where}.keywords"),
            purpose_terms=self.keywords(data.get("purpose_terms"), f"{where}.purpose_terms"),
            prototypes=self.keywords(data.get("prototypes"), f"{where}.prototypes"),
        )

    def example(self, value: Any, where: str, known: tuple[str, ...]) -> LabelledExample:
        data = self.mapping(value, where)
        text = self.text(data.get("text"), f"{where}.text")
        language = data.get("language")
        if language is not None and language not in KNOWN_LANGUAGES:
            raise self.fail(f"{where}.language", f"unknown language {language!r}")
        labels = data.get("labels")
        if not isinstance(labels, list) or not labels:
            raise self.fail(f"{where}.labels", "expected a non-empty list of label ids")
        labels = [str(label) for label in labels]
        for label in labels:
            if label not in known:
                raise self.fail(f"{where}.labels", f"unknown label id {label!r} (known: {known})")
        if len(set(labels)) != len(labels):
            raise self.fail(f"{where}.labels", "a label is repeated")
        if NONE_LABEL in labels and len(labels) > 1:
            raise self.fail(f"{where}.labels", "'none' cannot be combined with themes")
        primary = str(data.get("primary") or (labels[0] if len(labels) == 1 else ""))
        if not primary:
            raise self.fail(f"{where}.primary", "missing (required when there are several labels)")
        if primary not in labels:
            raise self.fail(f"{where}.primary", f"{primary!r} is not one of the labels {labels}")
        return LabelledExample(
            text=text, labels=tuple(labels), primary=primary, language=language, source="programme"
        )

    def roadmap(self, value: Any) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
        """The roadmap's status words and name; optional (the classifier does not need them)."""
        if value is None:
            return {}, {}
        data = self.mapping(value, "roadmap")
        raw_statuses = data.get("statuses")
        statuses = {
            str(status): self.texts_by_language(words, f"roadmap.statuses.{status}")
            for status, words in (
                self.mapping(raw_statuses, "roadmap.statuses") if raw_statuses else {}
            ).items()
        }
        name = self.texts_by_language(data.get("name"), "roadmap.name", required=False)
        return statuses, name


def parse_programme(data: Any, source: str = "<programme>", path: Path | None = None) -> Programme:
    """Validate already-parsed YAML; ``source`` names the file in error messages."""
    reader = _Reader(source)
    root = reader.mapping(data, "top level")
    programme_id = reader.text(root.get("id"), "id")
    name = reader.texts_by_language(root.get("name"), "name")

    raw_themes = root.get("themes")
    if not isinstance(raw_themes, list) or not raw_themes:
        raise reader.fail("themes", "expected a non-empty list of themes")
    themes = tuple(reader.theme(raw, f"themes[{i}]") for i, raw in enumerate(raw_themes))
    seen: set[str] = set()
    for i, theme in enumerate(themes):
        if theme.id == NONE_LABEL:
            raise reader.fail(f"themes[{i}].id", "'none' is reserved for the top-level none entry")
        if theme.id in seen:
            raise reader.fail(f"themes[{i}].id", f"duplicate theme id {theme.id!r}")
        seen.add(theme.id)

    raw_none = root.get("none")
    if raw_none is None:
        raise reader.fail("none", "missing: the 'none' entry (not a digitalisation matter)")
    none_data = dict(reader.mapping(raw_none, "none"))
    none_data.setdefault("id", NONE_LABEL)
    none = reader.theme(none_data, "none")
    if none.id != NONE_LABEL:
        raise reader.fail("none.id", f"must be {NONE_LABEL!r}")

    known = (*(theme.id for theme in themes), NONE_LABEL)
    examples: list[LabelledExample] = []
    for i, raw in enumerate(raw_themes):
        for j, example in enumerate(raw.get("examples") or []):
            where = f"themes[{i}] (id {themes[i].id!r}).examples[{j}]"
            parsed = reader.example(example, where, known)
            if themes[i].id not in parsed.labels:
                raise reader.fail(
                    f"{where}.labels",
                    f"an example of theme {themes[i].id!r} "
                    f"must include {themes[i].id!r} (got {list(parsed.labels)})",
                )
            examples.append(parsed)
    for j, example in enumerate(none_data.get("examples") or []):
        parsed = reader.example(example, f"none.examples[{j}]", known)
        if parsed.labels != (NONE_LABEL,):
            raise reader.fail(f"none.examples[{j}].labels", "must be [none]")
        examples.append(parsed)

    languages = root.get("languages") or list(KNOWN_LANGUAGES)
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise reader.fail("languages", "expected a list of language codes")
    statuses, roadmap_name = reader.roadmap(root.get("roadmap"))
    return Programme(
        id=programme_id,
        name=name,
        themes=themes,
        none=none,
        examples=tuple(examples),
        languages=tuple(languages),
        path=path,
        digital_markers=reader.keywords(root.get("digital_markers"), "digital_markers"),
        digital_element=reader.keywords(root.get("digital_element"), "digital_element"),
        statuses=statuses,
        roadmap_name=roadmap_name,
    )


def load_programme(path: Path | str, *, need_roadmap: bool = False) -> Programme:
    """Read and validate a programme YAML file (``ProgrammeError`` names file and field).

    ``need_roadmap`` also requires every roadmap status (the draft lists them all).
    """
    path = Path(path)
    if not path.is_file():
        raise ProgrammeError(f"{path}: programme file not found")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ProgrammeError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise ProgrammeError(f"{path}: cannot read the programme file ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "YAML"
        raise ProgrammeError(f"{path}: {where}: invalid YAML ({exc})") from exc
    programme = parse_programme(data, str(path), path)
    return programme.require_roadmap() if need_roadmap else programme
