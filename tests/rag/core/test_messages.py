"""Every user-facing message exists in every configured language with the same placeholders,
and every key the code uses (also keys built at run time) is in the table."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from rag.core.drafts import DRAFT_STATUSES
from rag.core.languages import LANGUAGES
from rag.core.messages import FEATURE_TABLES, MESSAGES, merge_tables
from tests.conftest import REPO

# Calls whose argument at this position is a message key.
KEY_ARGUMENT = {"message": 0, "ApiError": 1, "DraftError": 0}


def _calls(name: str) -> Iterator[tuple[Path, ast.Call]]:
    for package in ("ingest", "rag", "api"):
        for path in sorted((REPO / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call):
                    func = node.func
                    called = (
                        func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                    )
                    if called == name:
                        yield path, node


def _literal_arguments(name: str, position: int) -> set[str]:
    return {
        call.args[position].value
        for _, call in _calls(name)
        if len(call.args) > position
        and isinstance(call.args[position], ast.Constant)
        and isinstance(call.args[position].value, str)
    }


# Keys built at run time: prefix -> every value the code can put after it.
RUN_TIME_KEYS = {
    "draft_status_": set(DRAFT_STATUSES),
    "reject_": _literal_arguments("RejectedRow", 1),
    "draft_section_": _literal_arguments("section_title", 2),
    "draft_quote_in_": set(LANGUAGES),
}


def _used_keys() -> tuple[set[str], set[str]]:
    """(literal keys, prefixes of keys built with an f-string)."""
    literal: set[str] = set()
    prefixes: set[str] = set()
    for name, position in KEY_ARGUMENT.items():
        for _, call in _calls(name):
            if len(call.args) <= position:
                continue
            argument = call.args[position]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                literal.add(argument.value)
            elif isinstance(argument, ast.JoinedStr) and isinstance(
                argument.values[0], ast.Constant
            ):
                prefixes.add(str(argument.values[0].value))
    return literal, prefixes


def test_every_message_has_every_language_with_the_same_placeholders() -> None:
    for key, texts in MESSAGES.items():
        assert set(texts) >= set(LANGUAGES), f"{key}: missing {set(LANGUAGES) - set(texts)}"
        fields = {lang: set(re.findall(r"{(\w+)}", texts[lang])) for lang in LANGUAGES}
        assert len({frozenset(f) for f in fields.values()}) == 1, f"{key}: {fields}"


def test_every_key_the_code_uses_is_in_the_table() -> None:
    literal, prefixes = _used_keys()
    assert len(literal) > 50  # the scan found the calls
    assert prefixes == set(RUN_TIME_KEYS), "a new key built at run time: list its values above"
    built = {prefix + value for prefix, values in RUN_TIME_KEYS.items() for value in values}
    assert all(values for values in RUN_TIME_KEYS.values())
    missing = sorted((literal | built) - set(MESSAGES))
    assert missing == []


def test_every_feature_module_is_part_of_the_table() -> None:
    package = REPO / "rag" / "core" / "messages"
    modules = {path.stem for path in package.glob("*.py")} - {"__init__"}
    assert modules == set(FEATURE_TABLES)
    assert len(MESSAGES) == sum(len(table) for table in FEATURE_TABLES.values())


def test_a_key_in_two_features_is_refused_naming_both() -> None:
    texts = {"fi": "x", "sv": "x", "en": "x"}
    with pytest.raises(ValueError, match="'same'.*'ask'.*'draft'"):
        merge_tables({"ask": {"same": texts}, "draft": {"same": texts}})
