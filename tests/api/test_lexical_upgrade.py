"""An install made before the lexical corpus moved into the database (revision 0003) keeps its
index: the old `lexical/corpus.sqlite3` is moved in, or, when it cannot be, the corpus is
rebuilt from Chroma. Real embedded Chroma, the bundled model, a real registry file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from api.container import Tiekartta
from rag.core.documents import Chunk
from rag.store.lexical import LexicalIndex
from rag.store.text_analysis import ANALYZER_VERSION
from tests.conftest import make_settings
from tests.rag.store.test_lexical import write_old_corpus

NOTICE = (
    "Porvoon kaupunki avaa uuden digitaalisen asiointipisteen Kevätkummun kirjastoon "
    "maaliskuussa 2026."
)


def _install_before_0003(data_dir: Path, analyzer: str) -> str:
    """Ingest one document, then turn the data directory into what the older code left: the
    registry at revision 0002 without the lexical tables, the corpus in its own file."""
    service = Tiekartta(make_settings(data_dir))
    source = data_dir.parent / "asiointipiste.txt"
    source.write_text(NOTICE, "utf-8")
    report = service.documents.ingest([source])
    [doc_id] = report.ingested
    chunks = service.vectors.all_chunks()
    service.registry.close()
    registry = sqlite3.connect(data_dir / "registry.sqlite3")
    registry.executescript(
        "DROP TABLE lexical_chunks; DROP TABLE lexical_state;"
        "UPDATE alembic_version SET version_num = '0002';"
    )
    registry.commit()
    registry.close()
    write_old_corpus(data_dir / "lexical" / "corpus.sqlite3", chunks, analyzer)
    return doc_id


@pytest.mark.parametrize("analyzer", [ANALYZER_VERSION, "0-older"])
def test_an_older_install_keeps_its_lexical_index(
    tmp_path: Path, analyzer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    doc_id = _install_before_0003(data_dir, analyzer)
    rebuilds: list[int] = []
    rebuild = LexicalIndex.rebuild

    def counted(index: LexicalIndex, chunks: list[Chunk]) -> None:
        rebuilds.append(len(chunks))
        rebuild(index, chunks)

    monkeypatch.setattr(LexicalIndex, "rebuild", counted)
    upgraded = Tiekartta(make_settings(data_dir))
    hits = upgraded.lexical.search("Kevätkummun kirjasto asiointipiste", 3)
    assert [cid.split(":")[0] for cid, _ in hits][:1] == [doc_id]
    assert upgraded.lexical.count() == upgraded.vectors.count() > 0
    # The current analyzer's rows are moved in; an older one's are rebuilt from Chroma.
    assert rebuilds == ([] if analyzer == ANALYZER_VERSION else [upgraded.vectors.count()])
    assert not (data_dir / "lexical" / "corpus.sqlite3").exists()
    assert list((data_dir / "lexical").glob("corpus.sqlite3.adopted-*"))
