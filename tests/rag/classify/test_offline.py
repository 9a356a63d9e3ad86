"""The offline classifier with the real bundled e5 model: labels, probabilities, reasons."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from rag.classify.offline import ClassifierTrainingError, OfflineClassifier, language_balanced
from rag.core.classification import NONE_LABEL, LabelledExample
from rag.core.programme import Programme
from rag.embeddings.cache import EmbeddingCache

pytestmark = pytest.mark.integration

TEXTS = {
    "fi": "Pysäköintisovellus keskustaan\nSovellus, jolla voi maksaa pysäköinnin puhelimella ja "
    "nähdä vapaat paikat kartalla.",
    "sv": "Boka bastun på nätet\nStadens allmänna bastu borde gå att boka och betala i en app "
    "eller på webbplatsen.",
    "en": "More benches in the harbour park\nPlease put more wooden benches and litter bins along "
    "the harbour path.",
}


def test_results_are_calibrated_and_consistent(offline_classifier: OfflineClassifier) -> None:
    results = offline_classifier.classify(list(TEXTS.values()), list(TEXTS))
    assert len(results) == 3
    for result in results:
        assert set(result.scores) == {"a", "b", "c", "none"}
        assert all(0.0 <= p <= 1.0 for p in result.scores.values())
        assert sum(result.scores.values()) == pytest.approx(1.0, abs=1e-3)
        assert result.primary in result.labels
        assert result.confidence == pytest.approx(result.scores[result.primary])
        assert result.needs_review == (result.confidence < 0.6)
        assert result.mode == "offline"
        assert result.reason
        if NONE_LABEL in result.labels:
            assert result.labels == [NONE_LABEL]


def test_digital_service_and_none(offline_classifier: OfflineClassifier) -> None:
    fi, sv, en = offline_classifier.classify(list(TEXTS.values()), list(TEXTS))
    assert fi.primary == "a"
    assert sv.primary == "a"
    assert en.labels == [NONE_LABEL]


def test_reason_is_in_the_proposal_language(offline_classifier: OfflineClassifier) -> None:
    fi, sv, en = offline_classifier.classify(list(TEXTS.values()), list(TEXTS))
    assert "lähin esimerkki" in fi.reason and "Sovellus" in fi.reason  # the digital word found
    assert "närmaste exempel" in sv.reason
    assert en.reason.startswith("No digital element proposed; closest example “")
    # Without a stated language the language is detected.
    (detected,) = offline_classifier.classify([TEXTS["sv"]])
    assert "närmaste exempel" in detected.reason


def test_multi_label_threshold(
    programme: Programme, e5_cache: EmbeddingCache, offline_classifier: OfflineClassifier
) -> None:
    text = (
        "Reaaliaikainen joukkoliikennesovellus\nSovellus näyttäisi bussien sijainnin ja "
        "esteettömät pysäkit, jotta ikäihmiset pääsevät liikkumaan ja autoilu ja päästöt vähenevät."
    )
    config = offline_classifier.config
    loose = OfflineClassifier(programme, e5_cache, config=replace(config, secondary_threshold=0.05))
    strict = OfflineClassifier(programme, e5_cache, config=replace(config, secondary_threshold=1.0))
    (many,) = loose.classify([text], ["fi"])
    (one,) = strict.classify([text], ["fi"])
    assert many.primary == one.primary != NONE_LABEL
    assert len(many.labels) >= 2 and many.labels[0] == many.primary
    assert NONE_LABEL not in many.labels
    assert one.labels == [one.primary]


def test_a_decision_changes_the_next_result(
    programme: Programme, e5_cache: EmbeddingCache, offline_classifier: OfflineClassifier
) -> None:
    text = TEXTS["en"]
    (before,) = offline_classifier.classify([text], ["en"])
    assert before.primary == NONE_LABEL
    decision = LabelledExample(text, ("b", "a"), "b", "en", source="decision")
    after_classifier = OfflineClassifier(programme, e5_cache, [decision])
    (after,) = after_classifier.classify(["  " + text.replace("\n", "\n ") + " "], ["en"])
    assert (after.primary, after.labels) == ("b", ["b", "a"])
    assert after.confidence == 1.0 and not after.needs_review
    assert after.reason == "The same proposal was classified by a person: b, a"
    # A decision also trains the heads: the gate's probability for similar text moves.
    near = text.replace("wooden", "new")
    (near_before,) = offline_classifier.classify([near], ["en"])
    (near_after,) = after_classifier.classify([near], ["en"])
    assert near_after.scores["none"] < near_before.scores["none"]


def test_train_examples_outside_the_labels_are_refused(
    programme: Programme, e5_cache: EmbeddingCache
) -> None:
    bad = LabelledExample("Teksti", ("d",), "d", "fi", source="train")
    with pytest.raises(ClassifierTrainingError, match="outside the programme's labels"):
        OfflineClassifier(programme, e5_cache, [bad])


def test_progress_is_reported(offline_classifier: OfflineClassifier) -> None:
    calls: list[tuple[int, int]] = []
    offline_classifier.classify(list(TEXTS.values()), progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (3, 3)


def test_self_training_adds_only_confident_pool_texts(
    programme: Programme, e5_cache: EmbeddingCache, offline_classifier: OfflineClassifier
) -> None:
    pool = [*TEXTS.values(), "Kävelykatu torin ympärille\nAutot pois torin ympäriltä kesäksi."]
    config = replace(offline_classifier.config, pool_weight=0.5, pool_confidence=0.5)
    trained = OfflineClassifier(programme, e5_cache, config=config, unlabelled=pool)
    assert 1 <= trained.pseudo_labelled <= len(pool)
    # The pseudo-labelled texts train the heads but are never cited as labelled examples.
    assert len(trained.examples) == len(programme.examples)
    (result,) = trained.classify([TEXTS["fi"]], ["fi"])
    assert result.primary == "a" and sum(result.scores.values()) == pytest.approx(1.0, abs=1e-3)
    nothing = OfflineClassifier(
        programme, e5_cache, config=replace(config, pool_confidence=1.01), unlabelled=pool
    )
    assert nothing.pseudo_labelled == 0


def test_the_default_does_not_read_the_word_lists(
    programme: Programme, e5_cache: EmbeddingCache, offline_classifier: OfflineClassifier
) -> None:
    # The word lists were written while looking at the dev set (issue 13): switched off by
    # default, so emptying them changes no probability.
    themes = tuple(replace(theme, purpose_terms={}) for theme in programme.themes)
    bare = replace(programme, digital_markers={}, themes=themes)
    without = OfflineClassifier(bare, e5_cache, config=offline_classifier.config)
    texts = list(TEXTS.values())
    features = offline_classifier.features.build(texts)
    assert np.allclose(offline_classifier.probabilities(features), without.probabilities(features))


def test_languages_weigh_the_same() -> None:
    weights = language_balanced(["fi", "fi", "fi", "sv", "en", "en", None])
    assert weights.mean() == pytest.approx(1.0)
    totals = {
        lang: weights[
            [i for i, x in enumerate(["fi", "fi", "fi", "sv", "en", "en", "?"]) if x == lang]
        ].sum()
        for lang in ("fi", "sv", "en", "?")
    }
    assert len({round(t, 9) for t in totals.values()}) == 1


def test_none_threshold_decides_none(
    programme: Programme, e5_cache: EmbeddingCache, offline_classifier: OfflineClassifier
) -> None:
    config = offline_classifier.config
    always = OfflineClassifier(programme, e5_cache, config=replace(config, none_threshold=0.0))
    never = OfflineClassifier(programme, e5_cache, config=replace(config, none_threshold=1.01))
    texts, languages = list(TEXTS.values()), list(TEXTS)
    assert [r.primary for r in always.classify(texts, languages)] == [NONE_LABEL] * 3
    for result in never.classify(texts, languages):
        assert result.primary != NONE_LABEL and NONE_LABEL not in result.labels
        assert result.confidence == pytest.approx(result.scores[result.primary])
