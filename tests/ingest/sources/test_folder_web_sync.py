"""Folder and web sources: new, changed and vanished files and pages reach the index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from api.container import Tiekartta
from ingest.sources.config import make_source
from ingest.sources.web import doc_id_for
from tests.conftest import make_settings
from tests.fakes.dynasty_server import DynastyServer

pytestmark = pytest.mark.integration

PAGE = (
    '<html lang="{lang}"><head><title>{title}</title></head><body><nav>Valikko</nav>'
    "<main><h1>{title}</h1><p>{text}</p></main></body></html>"
)


def page(title: str, text: str, lang: str = "fi") -> tuple[bytes, str]:
    return PAGE.format(title=title, text=text, lang=lang).encode(), "text/html; charset=utf-8"


def sitemap(server: DynastyServer, paths: list[str]) -> tuple[bytes, str]:
    urls = "".join(f"<url><loc>{server.url(p)}</loc></url>" for p in paths)
    xml = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    return xml.encode(), "application/xml"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Tiekartta:
    settings = make_settings(
        tmp_path_factory.mktemp("folder-web"), sync_delay_seconds=0.0, sync_retries=0
    )
    return Tiekartta(settings)


@pytest.fixture(scope="module")
def server() -> Iterator[DynastyServer]:
    with DynastyServer() as running:
        yield running


def test_folder_source_follows_new_changed_and_deleted_files(
    service: Tiekartta, tmp_path: Path
) -> None:
    folder = tmp_path / "share"
    (folder / "sub").mkdir(parents=True)
    (folder / "ohje.md").write_text("# Ohje\n\nSähköinen asiointi avataan syksyllä.", "utf-8")
    (folder / "sub" / "muistio.txt").write_text("Muistio: pilottikokeilu jatkuu.", "utf-8")
    (folder / "kuva.png").write_bytes(b"\x89PNG not a document")
    (folder / "rikki.pdf").write_bytes(b"%PDF-1.4 broken")
    service.sources.add(make_source(name="share", kind="folder", path=str(folder)))

    first = service.sources.sync(["share"]).sources[0]
    assert sorted(first.new) == ["muistio", "ohje"]
    assert [(Path(f.path).name, "corrupt" in f.reason) for f in first.failed] == [
        ("rikki.pdf", True)
    ]

    again = service.sources.sync(["share"]).sources[0]
    assert (again.new, again.changed, again.removed, again.unchanged) == ([], [], [], 2)

    (folder / "ohje.md").write_text("# Ohje\n\nSähköinen asiointi avataan keväällä.", "utf-8")
    (folder / "sub" / "muistio.txt").unlink()
    (folder / "rikki.pdf").unlink()
    third = service.sources.sync(["share"]).sources[0]
    assert (third.changed, third.removed, third.failed) == (["ohje"], ["muistio"], [])
    assert service.registry.documents.get_document("muistio") is None
    texts = [c.text for c in service.vectors.all_chunks() if c.doc_id == "ohje"]
    assert any("keväällä" in t for t in texts) and not any("syksyllä" in t for t in texts)


def test_an_unmounted_folder_is_a_failure_not_a_deletion(
    service: Tiekartta, tmp_path: Path
) -> None:
    folder = tmp_path / "mounted"
    folder.mkdir()
    (folder / "raportti.md").write_text("# Raportti\n\nVuoden 2024 raportti.", "utf-8")
    service.sources.add(make_source(name="mounted", kind="folder", path=str(folder)))
    assert service.sources.sync(["mounted"]).sources[0].new == ["raportti"]
    (folder / "raportti.md").rename(tmp_path / "raportti.md")
    folder.rmdir()
    report = service.sources.sync(["mounted"]).sources[0]
    assert report.removed == [] and "not mounted" in report.failed[0].reason
    assert service.registry.documents.get_document("raportti") is not None


def test_web_source_by_sitemap(service: Tiekartta, server: DynastyServer) -> None:
    server.static = {
        "/sitemap.xml": sitemap(server, ["/uutiset/digiohjelma", "/uutiset/kirjasto"]),
        "/uutiset/digiohjelma": page("Digiohjelma hyväksyttiin", "Kaupunki hyväksyi ohjelman."),
        "/uutiset/kirjasto": page("Kirjaston aukiolo", "Kirjasto on auki myös sunnuntaisin."),
    }
    service.sources.add(make_source(name="news", kind="web", sitemap=server.url("/sitemap.xml")))
    digi = doc_id_for("news", server.url("/uutiset/digiohjelma"))
    library = doc_id_for("news", server.url("/uutiset/kirjasto"))

    first = service.sources.sync(["news"]).sources[0]
    assert sorted(first.new) == sorted([digi, library]) and not first.failed
    record = service.registry.documents.get_document(digi)
    assert record is not None and record.url == server.url("/uutiset/digiohjelma")
    assert record.title == "Digiohjelma hyväksyttiin"

    server.reset_log()
    assert service.sources.sync(["news"]).sources[0].unchanged == 2
    assert set(server.statuses()) == {304}

    # One page leaves the sitemap, the other is edited.
    server.static["/sitemap.xml"] = sitemap(server, ["/uutiset/kirjasto"])
    server.static["/uutiset/kirjasto"] = page(
        "Kirjaston aukiolo", "Kirjasto on kiinni maanantaisin."
    )
    third = service.sources.sync(["news"]).sources[0]
    assert (third.changed, third.removed) == ([library], [digi])

    # A sitemap that cannot be read removes nothing.
    server.errors["/sitemap.xml"] = 500
    try:
        fourth = service.sources.sync(["news"]).sources[0]
    finally:
        server.errors.clear()
    assert fourth.removed == [] and "HTTP 500" in fourth.failed[0].reason
    assert service.registry.documents.get_document(library) is not None


def test_removing_a_source_removes_its_documents(service: Tiekartta, tmp_path: Path) -> None:
    folder = tmp_path / "temporary"
    folder.mkdir()
    (folder / "vanha.md").write_text("# Vanha\n\nTämä poistuu lähteen mukana.", "utf-8")
    service.sources.add(make_source(name="temporary", kind="folder", path=str(folder)))
    assert service.sources.sync(["temporary"]).sources[0].new == ["vanha"]
    assert service.sources.remove("temporary") == ["vanha"]
    assert service.registry.documents.get_document("vanha") is None
    assert "temporary" not in {s.name for s in service.sources.configured()}
