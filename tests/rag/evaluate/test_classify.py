"""Classification metrics on a tiny hand-made gold file, the CV protocol and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli.main import app
from rag.core.classification import Classification
from rag.evaluate.classify import (
    GoldFileError,
    GoldItem,
    cross_validate,
    load_gold,
    score,
    train_and_test,
)
from tests.rag.classify.conftest import write
from tests.rag.evaluate.recorder import Recorder


def _line(id_: str, text: str, language: str, labels: list[str], primary: str) -> str:
    return json.dumps(
        {"id": id_, "text": text, "language": language, "labels": labels, "primary": primary}
    )


def _gold(tmp_path: Path) -> Path:
    lines = [
        _line("p1", "Sovellus", "fi", ["a"], "a"),
        _line("p2", "Verkkopalvelu", "fi", ["a", "c"], "a"),
        _line("p3", "Klimatapp", "sv", ["b"], "b"),
        _line("p4", "Bänkar", "sv", ["none"], "none"),
    ]
    return write(tmp_path / "gold.jsonl", "\n".join(lines) + "\n")


def _result(labels: list[str], confidence: float, review: bool = False) -> Classification:
    return Classification(labels, labels[0], confidence, "", review)


def test_metrics_by_hand(tmp_path: Path) -> None:
    items = load_gold(_gold(tmp_path))
    results = [
        _result(["a"], 0.9),
        _result(["b"], 0.6, review=True),
        _result(["b", "a"], 0.8),
        _result(["none"], 0.7),
    ]
    s = score(items, results)
    assert s.n == 4
    assert s.accuracy == 0.75
    # a: P 1/1 R 1/2; b: P 1/2 R 1/1; none: 1; c absent from gold and predictions.
    assert s.per_class["a"].precision == 1.0 and s.per_class["a"].recall == 0.5
    assert s.per_class["b"].precision == 0.5 and s.per_class["b"].recall == 1.0
    assert s.per_class["c"].support == 0
    assert s.macro_f1 == pytest.approx((2 / 3 + 2 / 3 + 1) / 3, abs=1e-4)
    # (item, label) pairs: tp 3, fp 2 ({b} for p2, {a} for p3), fn 2 ({a, c} for p2).
    assert s.multilabel_f1 == pytest.approx(6 / 10)
    # fi: a (F1 2/3) and b (predicted once, never gold: F1 0); sv: all right.
    assert s.per_language_macro_f1 == {"fi": pytest.approx(1 / 3, abs=1e-4), "sv": 1.0}
    assert s.confusion["a"] == {"a": 1, "b": 1, "c": 0, "none": 0}
    assert s.confusion["none"]["none"] == 1
    assert s.ece == pytest.approx((0.1 + 0.6 + 0.2 + 0.3) / 4)
    assert (s.review_share, s.accuracy_reviewed, s.accuracy_not_reviewed) == (0.25, 0.0, 1.0)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            '{"id": "x", "text": "t", "labels": ["d"], "primary": "d"}',
            "gold.jsonl:1: unknown label",
        ),
        ('{"id": "x", "text": "", "labels": ["a"]}', "gold.jsonl:1: field 'text'"),
        ('{"id": "x", "text": "t", "labels": ["a", "b"], "primary": "c"}', "field 'primary'"),
        ('{"id": "x", "text": "t", "labels": ["a"]}\n{bad', "gold.jsonl:2: invalid JSON"),
        (
            '{"id": "x", "text": "t", "labels": ["a"]}\n{"id": "x", "text": "u", "labels": ["b"]}',
            "gold.jsonl:2: duplicate id 'x'",
        ),
        ("", "no labelled items"),
    ],
)
def test_bad_gold_lines(tmp_path: Path, content: str, expected: str) -> None:
    with pytest.raises(GoldFileError, match=expected):
        load_gold(write(tmp_path / "gold.jsonl", content))


def test_cross_validation_never_scores_trained_items() -> None:
    items = [
        GoldItem(f"text {n}", (label,), label, source="train", id=f"i{n}")
        for n, label in enumerate(["a", "b", "none"] * 4)
    ]
    recorder = Recorder()
    results = cross_validate(items, recorder, folds=4)
    assert len(results) == 12 and len(recorder.trained) == 4
    assert all(len(t) == 9 for t in recorder.trained)
    with pytest.raises(ValueError, match="use --folds 4 or fewer"):
        cross_validate(items, recorder, folds=5)
    with pytest.raises(ValueError, match="also in the train file"):
        train_and_test(items[:2], items[1:3], recorder)


@pytest.mark.integration
def test_eval_classify_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIEKARTTA_DATA_DIR", str(tmp_path / "data"))
    gold = _gold(tmp_path)
    train = write(
        tmp_path / "train.jsonl",
        _line("t1", "Lisää roska-astioita rannalle", "fi", ["none"], "none") + "\n",
    )
    result = CliRunner().invoke(
        app, ["eval", "classify", "--gold", str(gold), "--train", str(train), "--json", "--details"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["n"] == 4 and set(data["per_class"]) == {"a", "b", "c", "none"}
    assert [item["id"] for item in data["items"]] == ["p1", "p2", "p3", "p4"]
    assert 0.0 <= data["macro_f1"] <= 1.0 and data["modes"] == {"offline": 4}

    bad = CliRunner().invoke(app, ["eval", "classify", "--gold", str(tmp_path / "nope.jsonl")])
    assert bad.exit_code == 1 and "file not found" in " ".join(bad.output.split())
