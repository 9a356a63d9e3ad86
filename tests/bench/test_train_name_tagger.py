"""Training the name tagger (bench/train_name_tagger.py) and its real-prose sentences
(bench/tagger_prose.py): the same inputs give the same model, the real documents split by
document, and the weak labels follow the protocol (the rules' names are names, a sentence
without one is a negative unless a person may hide in it)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bench.tagger_prose import (
    SOURCES,
    Document,
    labelled_sentence,
    quarter_of,
    real_documents,
    split_of,
    weak_sentences,
)
from bench.train_name_tagger import Options, inner_folds, prepare, train, train_final
from rag.core.privacy import NameRules, PiiSpan
from rag.core.privacy.name_tagger import NameTagger, TaggerSettings, read_settings
from rag.core.privacy.tagger_features import GROUPS, tokenize

RULES = NameRules(tagger=False)


def test_the_same_inputs_train_the_same_model(tmp_path: Path) -> None:
    strings = prepare(["dev"])["dev"]
    options = Options(prose=False)
    first, second = tmp_path / "first.crfsuite", tmp_path / "second.crfsuite"
    train(strings, options, first)
    train(strings, options, second)
    assert first.read_bytes() == second.read_bytes()
    # and the model it writes loads and tags
    tagger = NameTagger(first, TaggerSettings(0.5, options.groups))
    text = "Terveisin Maija Koski"
    assert len(tagger.probabilities(text, [])) == 3


def test_the_threshold_is_chosen_on_folds_that_cover_every_part_once() -> None:
    parts = [f"part{i}" for i in range(7)]
    assert inner_folds(parts, 0) == [[p] for p in parts]
    folds = inner_folds(parts, 3)
    assert folds == [["part0", "part3", "part6"], ["part1", "part4"], ["part2", "part5"]]
    assert sorted(p for fold in folds for p in fold) == parts
    # more folds than parts: one part each
    assert inner_folds(parts[:2], 5) == [["part0"], ["part1"]]


def test_the_real_documents_split_by_document(shared_data: Path) -> None:
    documents = real_documents(shared_data)
    assert len({(d.source, d.id) for d in documents}) == len(documents)  # each once
    halves = Counter((d.source, split_of(d)) for d in documents)
    for source in SOURCES:
        assert halves[(source, "train")] > 0
        assert halves[(source, "measure")] > 0
    # the split is by the id alone: the same document in another text falls the same way
    first = documents[0]
    assert split_of(Document(first.source, first.id, "other text")) == split_of(first)


def test_the_measuring_half_splits_again_by_document(shared_data: Path) -> None:
    measuring = [d for d in real_documents(shared_data) if split_of(d) == "measure"]
    quarters = Counter(quarter_of(d) for d in measuring)
    assert set(quarters) == {1, 2}
    # neither part is a sliver: a setting chosen on one is reported on a comparable other
    assert min(quarters.values()) > len(measuring) // 3
    first = measuring[0]
    assert quarter_of(Document(first.source, first.id, "other text")) == quarter_of(first)


def test_a_name_the_rules_find_is_a_positive() -> None:
    document = Document("corpus pages", "t", "Kokouksen avasi puheenjohtaja Maija Koski.")
    (sentence,) = weak_sentences(document, RULES)
    words = [sentence.text[a:b] for a, b in sentence.tokens]
    assert sentence.positive
    assert dict(zip(words, sentence.labels, strict=True))["Maija"] == "B"
    assert dict(zip(words, sentence.labels, strict=True))["Koski"] == "I"


def test_a_sentence_without_a_name_is_a_negative() -> None:
    text = "Meri kutsuu uimaan Aurinkolahdessa."
    sentence = labelled_sentence(text, 0, [])
    assert sentence is not None
    assert not sentence.positive
    assert set(sentence.labels) == {"O"}
    # an English phrase beside a first name stays a negative
    phrase = labelled_sentence("Urban Farming brings neighbours together.", 0, [])
    assert phrase is not None and set(phrase.labels) == {"O"}


def test_a_possible_person_the_rules_missed_is_dropped() -> None:
    # two words with a name's evidence side by side, and no name from the rules: not taught
    # as a negative
    assert labelled_sentence("Paikalla oli myös Aino Lindholm vieraana.", 0, []) is None
    # with the rules' name it is a positive
    found = labelled_sentence(
        "Paikalla oli myös Aino Lindholm vieraana.", 0, [PiiSpan(18, 31, "NAME")]
    )
    assert found is not None and found.positive


def test_a_sentence_without_a_word_with_a_name_evidence_is_left_out() -> None:
    assert labelled_sentence("Porvoon kaupunki tiedottaa.", 0, []) is None


def test_a_model_with_word_vectors_stores_their_evidence_beside_it(tmp_path: Path) -> None:
    options = Options(groups=frozenset(GROUPS) - {"rules"}, prose=False, vector_evidence=True)
    model = tmp_path / "vectors.crfsuite"
    train_final(prepare(["dev", "heldout"]), options, model)
    settings = read_settings(model.with_suffix(".json"))
    assert "vector" in settings.groups
    assert settings.vector_evidence is not None
    tagger = NameTagger(model, settings)
    text = "Kiitos avusta! Terveisin Oluwaseun Adeyemi"
    assert len(tagger.probabilities(text, [])) == len(tokenize(text))
    # the words the evidence was fitted on read as the labelled strings say
    assert settings.vector_evidence.says_name("Virtanen")
    assert not settings.vector_evidence.says_name("Kaupunginhallitus")
