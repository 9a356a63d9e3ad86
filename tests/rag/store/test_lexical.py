"""The lexical BM25 index beyond the contract (tests/contracts/lexical_search.py): text
analysis, the local build cache and its repair, and the upgrade from the corpus file of
installs made before the corpus moved into the database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rag.core.documents import Chunk
from rag.store.lexical import LexicalIndex, LexicalOptions, index_text
from rag.store.text_analysis import ANALYZER_VERSION, analyze_document, analyze_query, tokenize
from tests.contracts.lexical_search import CHUNKS, top_docs


@pytest.fixture
def index(tmp_path: Path) -> LexicalIndex:
    lexical = LexicalIndex.open(tmp_path / "registry.sqlite3", tmp_path / "lexical")
    lexical.rebuild(CHUNKS)
    return lexical


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


# -- the local build cache ------------------------------------------------------------------
@pytest.mark.parametrize("damage", ["pointer", "arrays", "build-dir"])
def test_damaged_build_is_rebuilt_from_the_corpus(
    index: LexicalIndex, damage: str, tmp_path: Path
) -> None:
    expected = index.search("digitiekartan toimenpiteet", 5)
    build_dir = index._build_dir
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
    reopened = LexicalIndex(index.corpus.db, tmp_path / "lexical")
    assert not reopened.needs_rebuild
    assert reopened.search("digitiekartan toimenpiteet", 5) == expected
    assert [d for d in build_dir.iterdir() if d.is_dir()]  # a fresh build was saved


def test_other_options_do_not_reuse_a_build(index: LexicalIndex, tmp_path: Path) -> None:
    index.refresh()
    options = LexicalOptions(expansion_weight=0.0, ngram=4)
    grams = LexicalIndex(index.corpus.db, tmp_path / "lexical", options)
    assert top_docs(grams, "digitiekartan toimenpiteet")[0] == "digi"
    assert top_docs(grams, "tiekartan")[:2] == ["tie", "digi"]


def test_without_a_cache_directory_the_build_stays_in_memory(tmp_path: Path) -> None:
    memory = LexicalIndex.open(tmp_path / "registry.sqlite3")
    memory.rebuild(CHUNKS)
    assert top_docs(memory, "färdplanen")[0] == "plan"
    assert not any(p.is_dir() for p in tmp_path.iterdir())


# -- upgrade: the corpus file of earlier installs ---------------------------------------------
def write_old_corpus(
    path: Path, chunks: list[Chunk] = CHUNKS, analyzer: str = ANALYZER_VERSION
) -> None:
    """`corpus.sqlite3` exactly as LexicalIndex wrote it before revision 0003."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = sqlite3.connect(path)
    raw.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "CREATE TABLE chunks (chunk_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL,"
        " tokens TEXT NOT NULL);"
        "CREATE INDEX chunks_doc ON chunks (doc_id);"
        "INSERT INTO meta VALUES ('generation', 7);"
    )
    raw.execute("INSERT INTO meta VALUES ('analyzer', ?)", [analyzer])
    tokens = [" ".join(analyze_document(index_text(c), c.language)) for c in chunks]
    raw.executemany(
        "INSERT INTO chunks VALUES (?, ?, ?)",
        [(c.chunk_id, c.doc_id, t) for c, t in zip(chunks, tokens, strict=True)],
    )
    raw.commit()
    raw.close()


def test_an_old_corpus_file_moves_into_the_database_once(tmp_path: Path) -> None:
    old = tmp_path / "lexical" / "corpus.sqlite3"
    write_old_corpus(old)
    index = LexicalIndex.open(tmp_path / "registry.sqlite3", tmp_path / "lexical")
    assert index.count() == 0
    assert index.adopt_file_corpus(old) == len(CHUNKS)
    assert index.count() == len(CHUNKS) and not index.needs_rebuild
    assert top_docs(index, "118/07.01.02/2024") == ["kh"]
    assert not old.exists() and len(list(old.parent.glob("corpus.sqlite3.adopted-*"))) == 1
    assert index.adopt_file_corpus(old) == 0  # read once
    assert index.count() == len(CHUNKS)


def test_an_old_corpus_of_another_analyzer_is_not_moved(tmp_path: Path) -> None:
    old = tmp_path / "lexical" / "corpus.sqlite3"
    write_old_corpus(old, analyzer="0-older")
    index = LexicalIndex.open(tmp_path / "registry.sqlite3", tmp_path / "lexical")
    assert index.adopt_file_corpus(old) == 0
    assert index.count() == 0  # the caller rebuilds from Chroma (count differs from Chroma's)
    assert not old.exists()


def test_an_old_corpus_does_not_overwrite_a_filled_database(
    index: LexicalIndex, tmp_path: Path
) -> None:
    index.delete_document("kh")
    old = tmp_path / "lexical" / "corpus.sqlite3"
    write_old_corpus(old)
    assert index.adopt_file_corpus(old) == 0
    assert index.count() == len(CHUNKS) - 1


def test_an_unreadable_old_corpus_is_set_aside(tmp_path: Path) -> None:
    old = tmp_path / "lexical" / "corpus.sqlite3"
    old.parent.mkdir()
    old.write_bytes(b"this is not a database" * 100)
    index = LexicalIndex.open(tmp_path / "registry.sqlite3", tmp_path / "lexical")
    assert index.adopt_file_corpus(old) == 0
    assert list(old.parent.glob("corpus.sqlite3.unreadable-*")) and not old.exists()


def test_rows_of_an_older_analyzer_need_a_rebuild(index: LexicalIndex, tmp_path: Path) -> None:
    with index.corpus.transaction() as conn:
        conn.execute("UPDATE lexical_chunks SET analyzer = 'old' WHERE doc_id = 'kh'")
    reopened = LexicalIndex(index.corpus.db, tmp_path / "lexical")
    assert reopened.needs_rebuild
    reopened.rebuild(CHUNKS)
    assert not reopened.needs_rebuild
    assert not LexicalIndex(index.corpus.db, tmp_path / "lexical").needs_rebuild
