"""The unlabelled pool: reading it (cut, distinct, limited) and the setting that enables it."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.classify.factory import ClassifierConfigError, make_classifier, offline_candidates
from rag.classify.offline import OfflineClassifier
from rag.classify.pool import MAX_CHARS, cut, read_pool
from rag.core.programme import Programme
from tests.conftest import make_settings
from tests.rag.classify.conftest import write


def test_cut_ends_at_a_sentence() -> None:
    long = "Ensimmäinen lause on tässä. " * 40
    short = cut(long)
    assert len(short) <= MAX_CHARS and short.endswith(".")
    assert cut("Lyhyt teksti") == "Lyhyt teksti"
    assert cut("sana " * 300).endswith("sana")


def test_read_pool_keeps_distinct_texts_up_to_the_limit(tmp_path: Path) -> None:
    csv = write(
        tmp_path / "pool.csv",
        "title,body\nPenkit,Lisää penkkejä\nPenkit,Lisää penkkejä\nSovellus,Uusi sovellus\n"
        ",\nApp,En app\n",
    )
    assert read_pool(csv, ["title", "body"], 10) == [
        "Penkit\nLisää penkkejä",
        "Sovellus\nUusi sovellus",
        "App\nEn app",
    ]
    assert len(read_pool(csv, ["title", "body"], 2)) == 2


@pytest.mark.integration
def test_the_pool_setting_self_trains_the_offline_classifier(
    tmp_path: Path, programme: Programme
) -> None:
    pool = write(
        tmp_path / "pool.jsonl",
        '{"text": "Pysäköintisovellus keskustaan\\nMaksa pysäköinti puhelimella."}\n'
        '{"text": "Penkkejä rantaan\\nLisää penkkejä ja roska-astioita rantaan."}\n',
    )
    settings = make_settings(tmp_path / "data", classify_pool_file=pool)
    classifier = make_classifier(settings, programme, mode="offline")
    assert isinstance(classifier, OfflineClassifier)
    assert len(classifier.unlabelled) == 2 and classifier.config.pool_weight == 0.3
    # One default setting, nothing chosen: nested CV is plain CV of the shipped classifier.
    assert list(offline_candidates(settings)) == ["default"]
    assert offline_candidates(settings)["default"].pool_weight == 0.3
    missing = make_settings(tmp_path / "data", classify_pool_file=tmp_path / "nope.csv")
    with pytest.raises(ClassifierConfigError, match="nope.csv: file not found"):
        make_classifier(missing, programme, mode="offline")
