"""The lexical BM25 index: Finnish/Swedish analysis, identifiers, persistence and repair."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from rag.core.documents import Chunk
from rag.store.lexical import LexicalIndex, LexicalOptions
from rag.store.text_analysis import analyze_document, analyze_query, tokenize


def chunk(doc_id: str, text: str, language: str = "fi", index: int = 0, title: str = "") -> Chunk:
    return Chunk(f"{doc_id}:{index}", doc_id, index, text, language, title or doc_id)


CHUNKS = [
    chunk(
        "digi",
        "Kaupunginhallitus hyväksyi digitiekartan vuosille 2024–2026. Digitiekartta sisältää "
        "kaksikymmentä toimenpidettä, joilla asiointia sujuvoitetaan.",
    ),
    chunk(
        "tie",
        "Liikenneviraston tiekartta kertoo, mitkä maantiet kunnostetaan ensi kesänä.",
    ),
    chunk(
        "plan",
        "Stadsstyrelsen godkände färdplan för digitaliseringen. Planen innehåller konkreta "
        "åtgärder för bättre e-tjänster.",
        "sv",
    ),
    chunk(
        "kh",
        "Kaupunginhallitus § 25, dnro 118/07.01.02/2024. Kokous pidettiin 22.1.2024. "
        "Valtionavustusta myönnettiin 42 000 euroa kirjaston verkkomaksamiseen.",
    ),
    chunk(
        "other",
        "Kaupunginhallitus § 26, dnro 117/07.01.02/2024. Kokous pidettiin 23.1.2024. "
        "Koulun pihan kunnostukseen varattiin 118 000 euroa.",
    ),
    chunk("library", "Kirjasto on auki arkisin kello yhdeksästä kahdeksaan.", index=1),
]


@pytest.fixture
def index(tmp_path: Path) -> LexicalIndex:
    lexical = LexicalIndex(tmp_path / "lexical")
    lexical.rebuild(CHUNKS)
    return lexical


def top_docs(
    index: LexicalIndex, query: str, k: int = 3, languages: list[str] | None = None
) -> list[str]:
    """Document ids of the hits, best first."""
    return [cid.split(":")[0] for cid, _ in index.search(query, k, languages=languages)]


# -- analysis ---------------------------------------------------------------------------------
def test_identifiers_are_kept_whole_in_one_normal_form() -> None:
    exact, words = tokenize(
        "KH § 25 ja 26 §, dnro 118/07.01.02/2024, 22.1.2024 / 2024-01-22 / 22. tammikuuta "
        "2024 / 22 januari 2024 / January 22, 2024; 42 000 euroa ja 1 200 000 €; 7,10 %"
    )
    assert exact.count("2024-01-22") == 5
    assert {"§25", "§26", "118/07.01.02/2024", "42000", "1200000", "7.10"} <= set(exact)
    assert "07" not in exact and "118" not in exact  # no loose parts of the record number
    assert "ja" not in words and "euroa" in words  # stop words dropped


def test_documents_are_stemmed_in_their_language_and_queries_in_all() -> None:
    assert "färdplan" in analyze_document("Färdplanen", "sv")
    assert "digitiekart" in analyze_document("Digitiekartan", "fi")
    word = analyze_query("färdplanen")[0]
    assert "färdplan" in word.variants  # the Swedish stem is among fi/sv/en stems
    assert analyze_query("färdplanen", ["fi"])[0].variants == ("färdplan",)
    assert analyze_query("Vilka är de och the of on ja") == []


# -- search -----------------------------------------------------------------------------------
def test_inflected_finnish_query_finds_the_base_forms(index: LexicalIndex) -> None:
    assert top_docs(index, "digitiekartan toimenpiteet")[0] == "digi"
    assert top_docs(index, "Mitä toimenpiteitä digitiekartassa on?")[0] == "digi"
    # -us/-uksen: "kaupunginhallituksen kokouksessa" finds "Kaupunginhallitus ... Kokous"
    assert top_docs(index, "kaupunginhallituksen kokouksessa")[:2] in (
        ["kh", "other"],
        ["other", "kh"],
    )


def test_swedish_inflection(index: LexicalIndex) -> None:
    assert top_docs(index, "färdplanen")[0] == "plan"
    assert top_docs(index, "Vilka är åtgärderna?")[0] == "plan"


def test_compounds_match_their_head_both_ways(index: LexicalIndex) -> None:
    # "tiekartan" also finds the compound "digitiekartta", below the exact "tiekartta"
    assert top_docs(index, "tiekartan") == ["tie", "digi"]
    assert set(top_docs(index, "digitiekartasta")) == {"digi", "tie"}
    assert top_docs(index, "digitiekartasta")[0] == "digi"
    sv = LexicalIndex(index.path.parent / "sv")
    sv.rebuild([chunk("d", "Borgå stads digitaliseringsfärdplan godkändes i maj.", "sv")])
    assert top_docs(sv, "färdplanen") == ["d"]


def test_record_number_and_section_queries(index: LexicalIndex) -> None:
    assert top_docs(index, "118/07.01.02/2024") == ["kh"]
    assert top_docs(index, "dnro 118/07.01.02/2024")[0] == "kh"
    assert top_docs(index, "§ 25") == ["kh"]
    assert top_docs(index, "25 §") == ["kh"]
    assert top_docs(index, "§26") == ["other"]


def test_dates_in_both_forms(index: LexicalIndex) -> None:
    assert top_docs(index, "2024-01-22") == ["kh"]
    assert top_docs(index, "22.1.2024") == ["kh"]
    assert top_docs(index, "22. tammikuuta 2024") == ["kh"]
    index.add([chunk("iso", "Päätös annettiin 2024-03-05 ja julkaistiin heti.")])
    assert top_docs(index, "5.3.2024") == ["iso"]


def test_numbers_with_spaces(index: LexicalIndex) -> None:
    assert top_docs(index, "42000 euroa")[0] == "kh"
    assert top_docs(index, "42 000") == ["kh"]
    assert "other" not in top_docs(index, "42 000")  # 118 000 is another number


def test_allowed_filter_and_k(index: LexicalIndex) -> None:
    assert set(top_docs(index, "kaupunginhallitus", k=5)) == {"kh", "other", "digi"}
    hits = index.search("kaupunginhallitus", 5, allowed=lambda cid: not cid.startswith("kh"))
    assert [h[0] for h in hits] and all(not h[0].startswith("kh") for h in hits)
    assert len(index.search("kaupunginhallitus", 1)) == 1
    assert index.search("kaupunginhallitus", 0) == []
    scores = [score for _, score in index.search("kaupunginhallitus kokous", 5)]
    assert scores == sorted(scores, reverse=True) and all(s > 0 for s in scores)


def test_query_languages_restrict_stemming(index: LexicalIndex) -> None:
    assert top_docs(index, "åtgärderna", languages=["sv"]) == ["plan"]
    assert top_docs(index, "åtgärderna", languages=["en"]) == []  # unstemmed: no match


def test_empty_index_and_empty_query(tmp_path: Path) -> None:
    lexical = LexicalIndex(tmp_path / "empty")
    assert lexical.search("digitiekartta", 5) == []
    assert lexical.count() == 0
    assert lexical.query_coverage("digitiekartta", []) == 0.0
    lexical.add([chunk("stop", "ja on ei se")])  # only stop words: nothing to index
    assert lexical.search("ja", 5) == []


# -- changes ----------------------------------------------------------------------------------
def test_delete_document_removes_it_from_search(index: LexicalIndex) -> None:
    assert "kh" in top_docs(index, "kaupunginhallitus", k=5)
    index.delete_document("kh")
    assert "kh" not in top_docs(index, "kaupunginhallitus", k=5)
    assert top_docs(index, "118/07.01.02/2024") == []
    assert index.doc_chunk_ids("kh") == []
    index.delete_document("no-such-document")
    assert index.count() == len(CHUNKS) - 1


def test_add_replaces_a_chunk_with_the_same_id(index: LexicalIndex) -> None:
    index.add([chunk("library", "Kirjastoauto pysähtyy torilla.", index=1)])
    assert index.count() == len(CHUNKS)
    assert index.doc_chunk_ids("library") == ["library:1"]
    assert top_docs(index, "arkisin") == []
    assert top_docs(index, "kirjastoauto") == ["library"]


def test_clear(index: LexicalIndex) -> None:
    index.clear()
    assert index.count() == 0
    assert index.search("digitiekartta", 5) == []


# -- persistence and repair -------------------------------------------------------------------
def test_a_new_instance_loads_the_saved_build(
    index: LexicalIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = index.search("digitiekartan toimenpiteet", 5)
    reopened = LexicalIndex(index.path)
    assert not reopened.needs_rebuild
    monkeypatch.setattr(reopened, "_build", lambda generation: pytest.fail("rebuilt"))
    assert reopened.search("digitiekartan toimenpiteet", 5) == expected
    assert reopened.count() == len(CHUNKS)


def test_changes_by_another_instance_are_seen(index: LexicalIndex) -> None:
    other = LexicalIndex(index.path)
    assert top_docs(other, "kirjastoauto") == []
    index.add([chunk("bus", "Kirjastoauto kiertää kylissä.")])
    assert top_docs(other, "kirjastoauto") == ["bus"]
    other.delete_document("bus")
    assert top_docs(index, "kirjastoauto") == []


def test_missing_corpus_needs_rebuild_from_chroma(tmp_path: Path) -> None:
    path = tmp_path / "lexical"
    fresh = LexicalIndex(path)
    assert fresh.needs_rebuild  # a new index may lag behind an existing Chroma
    fresh.rebuild(CHUNKS)
    assert not fresh.needs_rebuild
    (path / "corpus.sqlite3").unlink()
    missing = LexicalIndex(path)
    assert missing.needs_rebuild
    assert missing.search("digitiekartta", 5) == []  # an old build is not trusted
    missing.rebuild(CHUNKS)
    assert top_docs(missing, "digitiekartan toimenpiteet")[0] == "digi"
    assert not LexicalIndex(path).needs_rebuild


def test_corrupt_corpus_is_set_aside_and_rebuilt(index: LexicalIndex) -> None:
    (index.path / "corpus.sqlite3").write_bytes(b"this is not a database" * 100)
    broken = LexicalIndex(index.path)
    assert broken.needs_rebuild
    assert broken.count() == 0
    assert list(index.path.glob("corpus.corrupt-*"))
    broken.rebuild(CHUNKS)
    assert top_docs(broken, "färdplanen")[0] == "plan"


@pytest.mark.parametrize("damage", ["pointer", "arrays", "build-dir"])
def test_damaged_build_is_rebuilt_from_the_corpus(index: LexicalIndex, damage: str) -> None:
    expected = index.search("digitiekartan toimenpiteet", 5)
    build_dir = index.path / "bm25"
    builds = [d for d in build_dir.iterdir() if d.is_dir()]
    assert len(builds) == 1
    if damage == "pointer":
        (build_dir / "current.json").write_text("{not json")
    elif damage == "arrays":
        for f in builds[0].glob("*.npy"):
            f.write_bytes(b"garbage")
    else:
        for f in builds[0].iterdir():
            f.unlink()
        builds[0].rmdir()
    reopened = LexicalIndex(index.path)
    assert not reopened.needs_rebuild
    assert reopened.search("digitiekartan toimenpiteet", 5) == expected
    assert [d for d in build_dir.iterdir() if d.is_dir()]  # a fresh build was saved


def test_other_options_do_not_reuse_a_build(index: LexicalIndex) -> None:
    index.refresh()
    grams = LexicalIndex(index.path, LexicalOptions(expansion_weight=0.0, ngram=4))
    assert top_docs(grams, "digitiekartan toimenpiteet")[0] == "digi"
    assert top_docs(grams, "tiekartan")[:2] == ["tie", "digi"]


# -- evidence for 'not found' -----------------------------------------------------------------
def test_query_coverage(index: LexicalIndex) -> None:
    assert index.query_coverage("kaupunginhallituksen digitiekartta", ["digi:0"]) == pytest.approx(
        1.0
    )
    assert index.query_coverage("kaupunginhallituksen digitiekartta", ["library:1"]) == 0.0
    # toimenpiteet / toimenpidettä: a consonant-gradation match counts half
    assert 0.5 < index.query_coverage("digitiekartan toimenpiteet", ["digi:0"]) < 1.0
    # "copilot" occurs nowhere: its high IDF keeps coverage low even where the rest matches
    partial = index.query_coverage("digitiekartta copilot", ["digi:0"])
    assert 0.2 < partial < 0.6
    assert index.idf("copilot") > index.idf("kaupunginhallitus") > 0


def test_concurrent_adds_and_searches(index: LexicalIndex) -> None:
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(10):
                index.add([chunk(f"w{n}", f"Uusi asiakirja numero {i} kirjastosta.", index=i)])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def read() -> None:
        try:
            for _ in range(20):
                index.search("kirjasto asiakirja", 5)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(3)]
    threads += [threading.Thread(target=read) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert index.count() == len(CHUNKS) + 30
