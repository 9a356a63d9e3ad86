"""Fixtures shared by the masker's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rag.core.privacy import first_names


@pytest.fixture
def without_other_origins() -> Iterator[None]:
    """The first-name lists without resident_names.txt: for tests of how the register judges
    names given abroad (with the list, many of them are known names)."""
    first_names.configure(other_origin=False)
    try:
        yield
    finally:
        first_names.configure(other_origin=True)
