"""Fixtures shared by the masker's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rag.core.privacy import first_names


@pytest.fixture
def without_other_lists() -> Iterator[None]:
    """The first-name lists without resident_names.txt and the population registers' lists
    (population_names.py): for tests of how the register judges names given abroad, and of
    mechanisms for names that only the register knows (with the lists, many of them are
    plain known names)."""
    first_names.configure(other_origin=False, population=False)
    try:
        yield
    finally:
        first_names.configure(other_origin=True, population=True)
