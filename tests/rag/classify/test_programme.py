"""The programme file: the bundled definition loads; bad files fail naming file and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rag.core.programme import ProgrammeError, load_programme
from rag.core.settings import Settings
from tests.rag.classify.conftest import write


def _minimal() -> dict:
    theme = {
        "name": {"fi": "Teema", "en": "Theme"},
        "description": {"fi": "Kuvaus", "en": "Description"},
    }
    return {
        "id": "test-programme",
        "name": {"fi": "Testiohjelma"},
        "digital_markers": {"en": ["app$", "*online"]},
        "themes": [
            {**theme, "id": "a", "examples": [{"text": "An app", "labels": ["a"], "primary": "a"}]},
            {
                **theme,
                "id": "b",
                "examples": [
                    {"text": "Online", "language": "en", "labels": ["b", "a"], "primary": "b"}
                ],
            },
        ],
        "none": {**theme, "examples": [{"text": "A bench", "labels": ["none"]}]},
    }


def _load(tmp_path: Path, data: object) -> object:
    return load_programme(write(tmp_path / "prog.yaml", yaml.safe_dump(data, allow_unicode=True)))


def test_bundled_programme_loads() -> None:
    programme = load_programme(Settings(_env_file=None).programme_file)  # type: ignore[call-arg]
    assert programme.label_ids == ("a", "b", "c", "none")
    assert programme.label("b").name["sv"].startswith("Att utnyttja digitaliseringen")
    for label in programme.label_ids:
        assert any(ex.primary == label for ex in programme.examples)
    assert all(ex.primary in ex.labels for ex in programme.examples)
    assert any(len(ex.labels) > 1 for ex in programme.examples)
    assert {ex.language for ex in programme.examples} == {"fi", "sv", "en"}
    assert programme.digital_markers["fi"] and programme.themes[2].purpose_terms["sv"]
    # Prototype phrases: every label and the digital element in fi, sv and en, the same
    # number of phrases in each language (no language outweighs another).
    for phrases in [*(programme.label(x).prototypes for x in programme.label_ids)] + [
        programme.digital_element
    ]:
        assert set(phrases) == {"fi", "sv", "en"}
        assert len({len(texts) for texts in phrases.values()}) == 1


def test_minimal_programme(tmp_path: Path) -> None:
    programme = _load(tmp_path, _minimal())
    assert programme.label_ids == ("a", "b", "none")  # type: ignore[attr-defined]
    examples = programme.examples  # type: ignore[attr-defined]
    assert [ex.primary for ex in examples] == ["a", "b", "none"]
    assert examples[1].labels == ("b", "a") and examples[1].language == "en"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["themes"][0].pop("name"), "themes[0] (id 'a').name: missing"),
        (
            lambda d: d["themes"][1].update(description={"fi": " "}),
            "description.fi: missing or empty",
        ),
        (
            lambda d: d["themes"][1]["examples"][0].update(primary="c"),
            "examples[0].primary: 'c' is not one of the labels",
        ),
        (
            lambda d: d["themes"][0]["examples"][0].update(labels=["x"]),
            "examples[0].labels: unknown label id 'x'",
        ),
        (lambda d: d["themes"][1].update(id="a"), "themes[1].id: duplicate theme id 'a'"),
        (lambda d: d.pop("none"), "none: missing"),
        (
            lambda d: d["none"]["examples"][0].update(labels=["a"]),
            "none.examples[0].labels: must be [none]",
        ),
        (
            lambda d: d["themes"][0]["examples"][0].update(labels=["a", "none"], primary="a"),
            "'none' cannot be combined",
        ),
        (lambda d: d["themes"][0]["name"].update(se="Tema"), "name.se: unknown language"),
        (lambda d: d.update(themes=[]), "themes: expected a non-empty list"),
        (
            lambda d: d["themes"][0]["examples"][0].update(labels=["b"], primary="b"),
            "an example of theme 'a' must include 'a'",
        ),
        (
            lambda d: d["themes"][0].update(prototypes={"fi": "yksi lause"}),
            "themes[0] (id 'a').prototypes.fi: expected a list",
        ),
        (lambda d: d.update(digital_element={"xx": ["app"]}), "digital_element.xx: unknown"),
    ],
)
def test_bad_programme_names_file_and_field(tmp_path: Path, change, expected: str) -> None:  # type: ignore[no-untyped-def]
    data = _minimal()
    change(data)
    with pytest.raises(ProgrammeError) as error:
        _load(tmp_path, data)
    assert str(tmp_path / "prog.yaml") in str(error.value)
    assert expected in str(error.value)


def test_invalid_yaml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProgrammeError, match=r"prog\.yaml: line 3: invalid YAML"):
        load_programme(write(tmp_path / "prog.yaml", "id: x\nthemes: [a\n  b: c\n"))
    with pytest.raises(ProgrammeError, match="programme file not found"):
        load_programme(tmp_path / "missing.yaml")
