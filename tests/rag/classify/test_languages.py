"""Both classifier modes take an optional language per text, checked the same way."""

from __future__ import annotations

import pytest

from rag.core.classification import per_text_languages


def test_languages_default_to_detection_and_must_match_the_texts() -> None:
    assert per_text_languages(["a", "b"], None) == [None, None]
    assert per_text_languages(("a", "b"), ("fi", None)) == ["fi", None]
    with pytest.raises(ValueError, match="2 texts but 1 languages"):
        per_text_languages(["a", "b"], ["fi"])
