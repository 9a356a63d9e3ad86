"""A local Dynasty-like web publishing server on 127.0.0.1 for the sync tests.

It follows what the municipalities' public Dynasty sites serve: per site (``/<site>/cgi/
DREQUEST.PHP``) an ISO-8859-1 RSS of meeting items, the listings of a full crawl (bodies,
meetings, agendas), UTF-8 item pages with the text in ``div.data-part-block-htm`` and a
relative link to the item's PDF (``../kokous/<id>.PDF``). Every answer carries an ETag and a
Last-Modified date and honours conditional requests. Tests can edit and remove items, make a
path answer an error, or make an item page malformed; every request is recorded.
"""

from __future__ import annotations

import hashlib
import html
import io
import textwrap
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from reportlab.pdfgen import canvas

from ingest.minutes.patterns import DYNASTY_HEADER_RE

LAST_MODIFIED = "Mon, 04 Mar 2024 12:00:00 GMT"
_WORDS = {
    "fi": {
        "minutes": ("Pöytäkirja", "Pykälä"),
        "agenda": ("Esityslista", "Asianro"),
        "chrome": "Dynasty tietopalvelu Haku RSS",
        "nav": "Edellinen asia | Seuraava asia",
        "pdf": "Kokousasia PDF-muodossa",
    },
    "sv": {
        "minutes": ("Protokoll", "Paragraf"),
        "agenda": ("Föredragningslista", "Ärendenr."),
        "chrome": "Dynasty informationsservice Sökning RSS",
        "nav": "Föregående ärende | Följande ärende",
        "pdf": "Mötesärende i PDF-format",
    },
}


@dataclass
class FakeItem:
    """One meeting item as the site publishes it."""

    item_id: str  # "<meeting>-<item>"
    body: str
    date: str  # DD.MM.YYYY
    kind: str  # minutes | agenda
    number: int  # § (minutes) or the position on the agenda
    title: str
    lines: list[str]  # the item text, paragraph by paragraph
    public: bool = True

    @property
    def meeting(self) -> str:
        return self.item_id.rsplit("-", 1)[0]


@dataclass
class FakeSite:
    language: str
    items: dict[str, FakeItem] = field(default_factory=dict)
    body_ids: dict[str, str] = field(default_factory=dict)  # body name -> id

    def add(self, item: FakeItem) -> None:
        self.items[item.item_id] = item
        self.body_ids.setdefault(item.body, str(100 + len(self.body_ids)))


def item_from_text(item_id: str, text: str, number_override: int | None = None) -> FakeItem:
    """A FakeItem from a stored real item text (chrome lines, body, header line, the item)."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    at = next(i for i, line in enumerate(lines) if DYNASTY_HEADER_RE.match(line))
    match = DYNASTY_HEADER_RE.match(lines[at])
    assert match is not None
    body = next(line for line in reversed(lines[:at]) if line)
    rest = [match["rest"].strip()] if match["rest"].strip() else []
    content = [
        line
        for line in rest + lines[at + 1 :]
        if line and "Edellinen asia" not in line and "Föregående ärende" not in line
    ]
    kind = "minutes" if match["kind"].lower() in ("pykälä", "paragraf", "§") else "agenda"
    number = number_override if number_override is not None else int(match["num"])
    return FakeItem(item_id, body, match["date"], kind, number, content[0], content)


def item_pdf(item: FakeItem) -> bytes:
    """The item as a two-page PDF (text layer), the way its "PDF-muodossa" link serves it."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    wrapped = [part for line in item.lines for part in (textwrap.wrap(line, 95) or [""])]
    half = max(1, len(wrapped) // 2)
    for page in (wrapped[:half], wrapped[half:]):
        text = pdf.beginText(50, 800)
        text.setFont("Helvetica", 9)
        for line in page:
            text.textLine(line)
        pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


class DynastyServer:
    """Serves any number of fake sites; use as a context manager."""

    def __init__(self) -> None:
        self.sites: dict[str, FakeSite] = {}
        self.requests: list[tuple[str, int]] = []  # (path?query, status)
        self.errors: dict[str, int] = {}  # path?query substring -> status to answer
        self.malformed: set[str] = set()  # item ids whose page lacks the item text
        self.static: dict[str, tuple[bytes, str]] = {}  # other paths: (body, content type)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @classmethod
    def publishing(cls, language: str, *items: FakeItem) -> DynastyServer:
        """A server with one site (path ``/<language>/``) publishing the given items."""
        server = cls()
        site = FakeSite(language)
        for item in items:
            site.add(item)
        server.sites = {language: site}
        return server

    def __enter__(self) -> DynastyServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def site_url(self, site: str) -> str:
        return f"http://127.0.0.1:{self.port}/{site}/cgi/DREQUEST.PHP"

    def statuses(self) -> list[int]:
        with self._lock:
            return [status for _, status in self.requests]

    def reset_log(self) -> None:
        with self._lock:
            self.requests.clear()

    # -- pages --------------------------------------------------------------------------------
    def render(self, site_name: str, path: str, query: dict[str, list[str]]) -> tuple[bytes, str]:
        """(body, content type) of a path, or KeyError for an unknown one."""
        site = self.sites[site_name]
        if path.endswith(".PDF"):
            item = site.items[Path(path).stem]
            if not item.public:
                raise KeyError(path)
            return item_pdf(item), "application/pdf"
        page = query.get("page", [""])[0]
        page_id = query.get("id", [""])[0]
        if page == "rss/meetingitems":
            return self._rss(site_name, site), "text/xml; charset=ISO-8859-1"
        if page == "meeting_frames":
            links = [(f"meetings&id={bid}", name) for name, bid in site.body_ids.items()]
        elif page == "meetings":
            body = next(name for name, bid in site.body_ids.items() if bid == page_id)
            dates = {i.meeting: i.date for i in site.items.values() if i.body == body}
            links = [(f"meeting&id={m}", f"{d} {body}") for m, d in sorted(dates.items())]
        elif page == "meeting":
            items = [i for i in site.items.values() if i.meeting == page_id]
            if not items:
                raise KeyError(page_id)
            links = [(f"meetingitem&id={i.item_id}", i.title) for i in items]
        elif page == "meetingitem":
            return self._item_page(site, site.items[page_id]), "text/html; charset=UTF-8"
        else:
            raise KeyError(page)
        anchors = "".join(
            f'<li><a href="DREQUEST.PHP?page={html.escape(target)}">{html.escape(label)}</a></li>'
            for target, label in links
        )
        return _page(site.language, f"<ul>{anchors}</ul>"), "text/html; charset=UTF-8"

    def _rss(self, site_name: str, site: FakeSite) -> bytes:
        entries = "".join(
            f"<item><title><![CDATA[{i.body} {i.date} / {i.title}]]></title>"
            f"<link>{self.site_url(site_name)}?page=meetingitem&amp;id={i.item_id}</link></item>"
            for i in site.items.values()
        )
        xml = (
            '<?xml version="1.0" encoding="ISO-8859-1"?>'
            f'<rss version="2.0"><channel><title>Kokousasiat</title>{entries}</channel></rss>'
        )
        return xml.encode("iso-8859-1", errors="xmlcharrefreplace")

    def _item_page(self, site: FakeSite, item: FakeItem) -> bytes:
        words = _WORDS[site.language]
        doc_word, number_word = words[item.kind]
        line = f"{doc_word} {item.date}/{number_word} {item.number}"
        header = f"<p>{html.escape(item.body)}</p><p>{line}</p>"
        nav = f"<p>{words['nav']}</p>"
        if not item.public:
            text = "Asia ei ole julkinen" if site.language == "fi" else "Ärendet är inte offentligt"
            inner = f"<p>{html.escape(item.title)}</p><p>{text}</p>"
            return _page(site.language, f"{header}{nav}{inner}")
        # An attachment first: the connector must take the item's own PDF, named by its id.
        link = (
            f'<p><a href="../liitteet/liite-{item.number}.pdf">Liite</a> '
            f'<a href="../kokous/{item.item_id}.PDF">{words["pdf"]}</a></p>'
        )
        paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in item.lines)
        if item.item_id in self.malformed:
            return _page(site.language, f'{header}{nav}<div class="other">{paragraphs}</div>')
        block = f'<div class="data-part-block-htm">{paragraphs}</div>'
        return _page(site.language, f"{header}{nav}{link}{block}")

    # -- HTTP ---------------------------------------------------------------------------------
    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                parsed = urlparse(self.path)
                status, body, content_type, etag = server._answer(parsed.path, parsed.query)
                if status == 200 and self.headers.get("If-None-Match") == etag:
                    status, body = 304, b""
                with server._lock:
                    server.requests.append((self.path, status))
                self.send_response(status)
                if status in (200, 304):
                    self.send_header("ETag", etag)
                    self.send_header("Last-Modified", LAST_MODIFIED)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler

    def _answer(self, path: str, query: str) -> tuple[int, bytes, str, str]:
        target = f"{path}?{query}"
        for fragment, status in self.errors.items():
            if fragment in target:
                return status, b"error", "text/plain", ""
        parts = path.strip("/").split("/")
        try:
            if path in self.static:
                body, content_type = self.static[path]
            else:
                body, content_type = self.render(parts[0], path, parse_qs(query))
        except (KeyError, StopIteration, IndexError):
            return 404, b"not found", "text/plain", ""
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        return 200, body, content_type, etag


def _page(language: str, content: str) -> bytes:
    chrome = _WORDS[language]["chrome"]
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f'<title>Dynasty</title></head><body><div class="top">{chrome}</div>'
        f"{content}</body></html>"
    ).encode()
