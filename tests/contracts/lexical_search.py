"""The contract every lexical index keeps on every database (written once, subclassed per
database in test_lexical_search.py): Finnish/Swedish word search, identifiers, the word
statistics of the 'not found' decision, changes, and the corpus shared through the database:
an index of another process (another data directory, the same database) sees every change at
its next search, and concurrent writers lose no chunk."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from rag.core.documents import Chunk
from rag.store.lexical import LexicalIndex


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

Opener = Callable[[str], LexicalIndex]


def top_docs(
    index: LexicalIndex, query: str, k: int = 3, languages: list[str] | None = None
) -> list[str]:
    """Document ids of the hits, best first."""
    return [cid.split(":")[0] for cid, _ in index.search(query, k, languages=languages)]


class LexicalSearchContract:
    @pytest.fixture
    def target(self) -> str:
        """A path or URL of an empty database (a subclass provides it)."""
        raise NotImplementedError

    @pytest.fixture
    def open_index(self, target: str, tmp_path: Path) -> Iterator[Opener]:
        """Opens an index on the test's database with a data (cache) directory of that name,
        each on its own connection pool, as another process would."""
        opened: list[LexicalIndex] = []

        def at(cache: str) -> LexicalIndex:
            opened.append(LexicalIndex.open(target, tmp_path / cache))
            return opened[-1]

        yield at
        for index in opened:
            index.corpus.db.close()

    @pytest.fixture
    def index(self, open_index: Opener) -> LexicalIndex:
        lexical = open_index("process-1")
        lexical.rebuild(CHUNKS)
        return lexical

    # -- search -------------------------------------------------------------------------------
    def test_inflected_finnish_query_finds_the_base_forms(self, index: LexicalIndex) -> None:
        assert top_docs(index, "digitiekartan toimenpiteet")[0] == "digi"
        assert top_docs(index, "Mitä toimenpiteitä digitiekartassa on?")[0] == "digi"
        # -us/-uksen: "kaupunginhallituksen kokouksessa" finds "Kaupunginhallitus ... Kokous"
        assert sorted(top_docs(index, "kaupunginhallituksen kokouksessa")[:2]) == ["kh", "other"]

    def test_swedish_inflection(self, index: LexicalIndex) -> None:
        assert top_docs(index, "färdplanen")[0] == "plan"
        assert top_docs(index, "Vilka är åtgärderna?")[0] == "plan"

    def test_compounds_match_their_head_both_ways(self, index: LexicalIndex) -> None:
        # "tiekartan" also finds the compound "digitiekartta", below the exact "tiekartta"
        assert top_docs(index, "tiekartan") == ["tie", "digi"]
        assert set(top_docs(index, "digitiekartasta")) == {"digi", "tie"}
        assert top_docs(index, "digitiekartasta")[0] == "digi"
        index.rebuild([chunk("d", "Borgå stads digitaliseringsfärdplan godkändes i maj.", "sv")])
        assert top_docs(index, "färdplanen") == ["d"]

    def test_record_number_and_section_queries(self, index: LexicalIndex) -> None:
        assert top_docs(index, "118/07.01.02/2024") == ["kh"]
        assert top_docs(index, "dnro 118/07.01.02/2024")[0] == "kh"
        assert top_docs(index, "§ 25") == ["kh"]
        assert top_docs(index, "25 §") == ["kh"]
        assert top_docs(index, "§26") == ["other"]

    def test_dates_in_both_forms(self, index: LexicalIndex) -> None:
        assert top_docs(index, "2024-01-22") == ["kh"]
        assert top_docs(index, "22.1.2024") == ["kh"]
        assert top_docs(index, "22. tammikuuta 2024") == ["kh"]
        index.add([chunk("iso", "Päätös annettiin 2024-03-05 ja julkaistiin heti.")])
        assert top_docs(index, "5.3.2024") == ["iso"]

    def test_numbers_with_spaces(self, index: LexicalIndex) -> None:
        assert top_docs(index, "42000 euroa")[0] == "kh"
        assert top_docs(index, "42 000") == ["kh"]
        assert "other" not in top_docs(index, "42 000")  # 118 000 is another number

    def test_allowed_filter_and_k(self, index: LexicalIndex) -> None:
        assert set(top_docs(index, "kaupunginhallitus", k=5)) == {"kh", "other", "digi"}
        hits = index.search("kaupunginhallitus", 5, allowed=lambda cid: not cid.startswith("kh"))
        assert [h[0] for h in hits] and all(not h[0].startswith("kh") for h in hits)
        assert len(index.search("kaupunginhallitus", 1)) == 1
        assert index.search("kaupunginhallitus", 0) == []
        scores = [score for _, score in index.search("kaupunginhallitus kokous", 5)]
        assert scores == sorted(scores, reverse=True) and all(s > 0 for s in scores)

    def test_query_languages_restrict_stemming(self, index: LexicalIndex) -> None:
        assert top_docs(index, "åtgärderna", languages=["sv"]) == ["plan"]
        assert top_docs(index, "åtgärderna", languages=["en"]) == []  # unstemmed: no match

    def test_empty_index_and_empty_query(self, open_index: Opener) -> None:
        lexical = open_index("empty")
        assert not lexical.needs_rebuild  # nothing in it is outdated
        assert lexical.search("digitiekartta", 5) == []
        assert lexical.count() == 0
        assert lexical.query_coverage("digitiekartta", []) == 0.0
        lexical.add([chunk("stop", "ja on ei se")])  # only stop words: nothing to index
        assert lexical.search("ja", 5) == []

    # -- changes ------------------------------------------------------------------------------
    def test_every_write_bumps_the_generation(self, index: LexicalIndex) -> None:
        before = index.state()
        index.add([chunk("bus", "Kirjastoauto kiertää kylissä.")])
        added = index.state()
        assert added.generation == before.generation + 1 and added.stamp != before.stamp
        index.delete_document("no-such-document")  # nothing removed: nothing to rebuild
        assert index.state() == added
        index.delete_document("bus")
        index.clear()
        assert index.state().generation == added.generation + 2

    def test_delete_document_removes_it_from_search(self, index: LexicalIndex) -> None:
        assert "kh" in top_docs(index, "kaupunginhallitus", k=5)
        index.delete_document("kh")
        assert "kh" not in top_docs(index, "kaupunginhallitus", k=5)
        assert top_docs(index, "118/07.01.02/2024") == []
        assert index.doc_chunk_ids("kh") == []
        index.delete_document("no-such-document")
        assert index.count() == len(CHUNKS) - 1

    def test_add_replaces_a_chunk_with_the_same_id(self, index: LexicalIndex) -> None:
        index.add([chunk("library", "Kirjastoauto pysähtyy torilla.", index=1)])
        assert index.count() == len(CHUNKS)
        assert index.doc_chunk_ids("library") == ["library:1"]
        assert top_docs(index, "arkisin") == []
        assert top_docs(index, "kirjastoauto") == ["library"]

    def test_clear(self, index: LexicalIndex) -> None:
        index.clear()
        assert index.count() == 0
        assert index.search("digitiekartta", 5) == []

    # -- shared through the database ----------------------------------------------------------
    def test_another_process_sees_each_change_at_its_next_search(
        self, index: LexicalIndex, open_index: Opener
    ) -> None:
        other = open_index("process-2")  # the same database, another data directory
        assert other.search("digitiekartan toimenpiteet", 5) == index.search(
            "digitiekartan toimenpiteet", 5
        )
        assert top_docs(other, "kirjastoauto") == []
        index.add([chunk("bus", "Kirjastoauto kiertää kylissä.")])
        assert top_docs(other, "kirjastoauto") == ["bus"]
        assert other.query_coverage("kirjastoauto", ["bus:0"]) == pytest.approx(1.0)
        other.delete_document("bus")
        assert top_docs(index, "kirjastoauto") == []
        index.rebuild(CHUNKS[:2])
        assert other.count() == 2 and top_docs(other, "kaupunginhallitus") == ["digi"]

    def test_a_new_process_loads_its_saved_build(
        self, index: LexicalIndex, open_index: Opener, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        expected = index.search("digitiekartan toimenpiteet", 5)
        reopened = open_index("process-1")  # the same data directory as `index`
        assert not reopened.needs_rebuild
        monkeypatch.setattr(reopened, "_build", lambda state: pytest.fail("rebuilt"))
        assert reopened.search("digitiekartan toimenpiteet", 5) == expected

    def test_concurrent_writers_of_two_processes_lose_no_chunk(
        self, index: LexicalIndex, open_index: Opener
    ) -> None:
        indexes = [index, open_index("process-2")]  # two connection pools
        errors: list[BaseException] = []

        def write(n: int) -> None:
            try:
                for i in range(10):
                    text = f"Uusi asiakirja numero {i} kirjastosta."
                    indexes[n % 2].add([chunk(f"w{n}", text, index=i)])
                indexes[n % 2].delete_document("library" if n == 0 else "no-such-document")
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        def read(n: int) -> None:
            try:
                for _ in range(20):
                    indexes[n % 2].search("kirjasto asiakirja", 5)
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
        threads += [threading.Thread(target=read, args=(n,)) for n in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        assert index.count() == len(CHUNKS) - 1 + 40
        assert index.state().generation == indexes[1].state().generation
        for n in range(4):
            assert len(indexes[1].doc_chunk_ids(f"w{n}")) == 10
        found = {cid for cid, _ in indexes[1].search("asiakirja numero", 100)}
        assert found == {f"w{n}:{i}" for n in range(4) for i in range(10)}

    # -- evidence for 'not found' -------------------------------------------------------------
    def test_query_coverage(self, index: LexicalIndex) -> None:
        full = index.query_coverage("kaupunginhallituksen digitiekartta", ["digi:0"])
        assert full == pytest.approx(1.0)
        assert index.query_coverage("kaupunginhallituksen digitiekartta", ["library:1"]) == 0.0
        # toimenpiteet / toimenpidettä: a consonant-gradation match counts half
        assert 0.5 < index.query_coverage("digitiekartan toimenpiteet", ["digi:0"]) < 1.0
        # "copilot" occurs nowhere: its high IDF keeps coverage low even where the rest matches
        partial = index.query_coverage("digitiekartta copilot", ["digi:0"])
        assert 0.2 < partial < 0.6
        assert index.idf("copilot") > index.idf("kaupunginhallitus") > 0
