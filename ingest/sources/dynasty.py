"""Dynasty connector: meeting items from a municipality's public Dynasty web publishing.

What the sites serve (``…/cgi/DREQUEST.PHP``):
- ``?page=rss/meetingitems&show=N``: the newest items as ISO-8859-1 RSS; a title reads
  "<body> <DD.MM.YYYY> / <item title>", a link ends in ``id=<meeting>-<item>``;
- ``?page=meeting_frames`` (bodies) -> ``?page=meetings&id=<body>`` (its meetings) ->
  ``?page=meeting&id=<meeting>`` (the agenda, linking its items): a full crawl's listings;
- ``?page=meetingitem&id=<meeting>-<item>``: the item, UTF-8, its text in
  ``div.data-part-block-htm`` and a relative link to its PDF (``../kokous/<id>.PDF``).

The § is read from the item's header ("Pöytäkirja 04.03.2024/Pykälä 88"), never from the item
number. Items published in two languages on two sites share the id; the sync links them.
A non-public item ("Asia ei ole julkinen") is kept only as the mention that it exists.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlparse

from bs4 import BeautifulSoup, Tag

from ingest.loaders.html import decode_html
from ingest.minutes.patterns import DYNASTY_HEADER_RE, MINUTES_WORDS, iso_date
from ingest.sources.base import (
    ItemChanged,
    ItemFailed,
    ItemGone,
    ItemUnchanged,
    Progress,
    SourceEvent,
    fingerprint,
    load_bytes,
)
from ingest.sources.config import SourceConfig
from ingest.sources.fetch import FetchError, PoliteFetcher
from rag.core.documents import IngestError, LoadedDocument, Segment
from rag.store.sync_state import SourceItem

ITEM_TEXT_CLASS = "data-part-block-htm"
NOT_PUBLIC_RE = re.compile(
    r"asia ei ole julkinen|ärendet är inte offentligt|ei julkinen asia|inte offentligt ärende",
    re.IGNORECASE,
)
_RSS_TITLE_RE = re.compile(
    r"^(?P<body>.+?)\s+(?P<date>\d{1,2}\.\d{1,2}\.\d{4})\s*/\s*(?P<title>.+)$"
)
HEADER_WINDOW = 400  # characters at the start of a text where its own header would be
SHORT_TEXT = 300  # characters: an item text this short may be only the "not public" notice
_ITEM_ID_RE = re.compile(r"^\d+-\d+$")


class MalformedPage(Exception):
    """A page does not have the shape of a Dynasty page (the message says what is missing)."""


@dataclass
class ItemHint:
    """What a listing or the RSS says about an item before its page is read."""

    item_id: str
    body: str | None = None
    date: str | None = None  # ISO
    title: str | None = None


@dataclass
class _Header:
    body: str | None
    line: str  # "Pöytäkirja 04.03.2024/Pykälä 88"
    date: str | None
    kind: str  # minutes | agenda


def meeting_of(item_id: str) -> str:
    return item_id.rsplit("-", 1)[0]


def soup_of(html: bytes, url: str) -> BeautifulSoup:
    return BeautifulSoup(decode_html(html, Path(urlparse(url).path or "page.html")), "lxml")


def _links(html: bytes, page_url: str, page: str) -> list[tuple[str, str]]:
    """(id, link text) of every link on the page to ``?page=<page>&id=…``, in order."""
    soup = soup_of(html, page_url)
    found: list[tuple[str, str]] = []
    for anchor in soup.find_all("a", href=True):
        query = parse_qs(urlparse(urljoin(page_url, str(anchor["href"]))).query)
        if query.get("page", [""])[0].lower() == page and query.get("id"):
            entry = (query["id"][0], " ".join(anchor.get_text(" ").split()))
            if entry[0] not in {f[0] for f in found}:
                found.append(entry)
    return found


def parse_rss(data: bytes) -> list[ItemHint]:
    """Items of ``page=rss/meetingitems`` (ISO-8859-1 XML, titles in CDATA)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        # A feed without an XML declaration is still ISO-8859-1 on these sites.
        text = data.decode("cp1252", errors="replace")
        try:
            root = ET.fromstring(re.sub(r"^<\?xml[^>]*\?>", "", text.lstrip()))
        except ET.ParseError as exc:
            raise MalformedPage(f"RSS is not valid XML ({exc})") from None
    hints: list[ItemHint] = []
    for item in root.iter("item"):
        link = (item.findtext("link") or "").strip()
        item_id = parse_qs(urlparse(link).query).get("id", [""])[0]
        if not _ITEM_ID_RE.match(item_id):
            continue
        title = " ".join((item.findtext("title") or "").split())
        match = _RSS_TITLE_RE.match(title)
        if match:
            hints.append(ItemHint(item_id, match["body"], iso_date(match["date"]), match["title"]))
        else:
            hints.append(ItemHint(item_id, title=title or None))
    return hints


def _header(lines: list[str]) -> _Header | None:
    for number, line in enumerate(lines):
        match = DYNASTY_HEADER_RE.match(line)
        if match:
            body = next((lines[j] for j in range(number - 1, -1, -1) if lines[j]), None)
            line = line[: match.start("rest")].strip()
            kind = "minutes" if match["doctype"].lower() in MINUTES_WORDS else "agenda"
            return _Header(body, line, iso_date(match["date"]), kind)
    return None


class DynastyConnector:
    """Scans one Dynasty site (one language) for new, changed and vanished meeting items."""

    def __init__(self, config: SourceConfig, fetcher: PoliteFetcher) -> None:
        assert config.url is not None  # checked by SourceConfig
        self.config = config
        self.fetcher = fetcher
        self.base = config.url
        self._bodies = {b.casefold() for b in config.bodies}

    def url(self, page: str, item_id: str | None = None) -> str:
        return f"{self.base}?page={page}" + (f"&id={item_id}" if item_id else "")

    # -- discovery ----------------------------------------------------------------------------
    def scan(self, known: Mapping[str, SourceItem], progress: Progress) -> Iterator[SourceEvent]:
        hints: dict[str, ItemHint] = {}
        listed: dict[str, set[str]] = {}  # meeting id -> its items, from agendas read this run
        yield from self._discover(hints, listed, progress)
        todo = list(hints) + sorted(set(known) - set(hints))
        for done, item_id in enumerate(todo):
            progress(done, len(todo), item_id)
            meeting = meeting_of(item_id)
            if item_id not in hints and meeting in listed and item_id not in listed[meeting]:
                yield ItemGone(item_id)  # the agenda no longer links it
                continue
            yield self._item(item_id, hints.get(item_id, ItemHint(item_id)), known.get(item_id))
        progress(len(todo), len(todo), "")

    def _wanted(self, body: str | None) -> bool:
        return not self._bodies or (body or "").casefold() in self._bodies

    def _discover(
        self, hints: dict[str, ItemHint], listed: dict[str, set[str]], progress: Progress
    ) -> Iterator[ItemFailed]:
        rss_url = self.url(f"rss/meetingitems&show={self.config.rss_items}")
        try:
            for hint in parse_rss(self.fetcher.get(rss_url).body):
                if self._wanted(hint.body):
                    hints.setdefault(hint.item_id, hint)
        except (FetchError, MalformedPage) as exc:
            yield ItemFailed(None, rss_url, _reason(exc))
        if self.config.crawl == "full":
            yield from self._crawl(hints, listed, progress)

    def _crawl(
        self, hints: dict[str, ItemHint], listed: dict[str, set[str]], progress: Progress
    ) -> Iterator[ItemFailed]:
        frames_url = self.url("meeting_frames")
        try:
            bodies = _links(self.fetcher.get(frames_url).body, frames_url, "meetings")
        except FetchError as exc:
            yield ItemFailed(None, frames_url, _reason(exc))
            return
        for body_id, body_name in bodies:
            if not self._wanted(body_name):
                continue
            meetings_url = self.url("meetings", body_id)
            progress(0, 0, body_name)
            try:
                meetings = _links(self.fetcher.get(meetings_url).body, meetings_url, "meeting")
            except FetchError as exc:
                yield ItemFailed(None, meetings_url, _reason(exc))
                continue
            for meeting_id, _label in meetings:
                agenda_url = self.url("meeting", meeting_id)
                try:
                    page = self.fetcher.get(agenda_url)
                except FetchError as exc:
                    yield ItemFailed(None, agenda_url, _reason(exc))
                    continue
                if page.gone:
                    continue
                items = _links(page.body, agenda_url, "meetingitem")
                listed[meeting_id] = {item_id for item_id, _ in items}
                for item_id, title in items:
                    hints.setdefault(item_id, ItemHint(item_id, body_name, None, title or None))

    # -- one item -----------------------------------------------------------------------------
    def _item(self, item_id: str, hint: ItemHint, before: SourceItem | None) -> SourceEvent:
        page_url = self.url("meetingitem", item_id)
        try:
            page = self.fetcher.get(page_url)
            if page.gone:
                if before is not None:
                    return ItemGone(item_id)
                return ItemFailed(item_id, page_url, f"HTTP {page.status} (listed, but not there)")
            digest = fingerprint(page.body)
            if before is not None and before.fingerprint == digest:
                return ItemUnchanged(item_id)
            document = self._document(item_id, hint, page.body, page_url)
        except (FetchError, MalformedPage, IngestError) as exc:
            return ItemFailed(item_id, page_url, _reason(exc))
        extra = {"item_id": item_id, "date": document.date or ""}
        return ItemChanged(item_id, digest, [document], extra)

    def _document(self, item_id: str, hint: ItemHint, html: bytes, page_url: str) -> LoadedDocument:
        soup = soup_of(html, page_url)
        for tag in soup.find_all(("script", "style", "noscript")):
            tag.decompose()
        block = soup.find("div", class_=ITEM_TEXT_CLASS)
        page_text = soup.get_text("\n")
        lines = [" ".join(line.split()) for line in page_text.splitlines()]
        header = _header(lines)
        if header is None:
            raise MalformedPage(
                "no item header ('Pöytäkirja DD.MM.YYYY/Pykälä N' or similar) on the page"
            )
        body = header.body or hint.body
        heading = f"{body}\n{header.line}" if body else header.line
        title = hint.title
        text = _block_text(block) if isinstance(block, Tag) else ""
        # Non-public: the page states it instead of an item text (a public item's text may
        # well say that some *other* matter is not public).
        not_public = None if len(text) > SHORT_TEXT else NOT_PUBLIC_RE.search(page_text)
        pdf_pages: list[Segment] = []
        if not_public:
            title = title or _first_line_after(lines, header.line)
            segments = [Segment(f"{heading}\n\n{title or ''}\n\n{not_public.group(0)}.".strip())]
        elif not isinstance(block, Tag):
            raise MalformedPage(f"no item text (div.{ITEM_TEXT_CLASS}) on the page")
        else:
            title = title or next((line for line in text.splitlines() if line.strip()), None)
            pdf_pages = self._pdf_pages(soup, item_id, page_url, heading)
            segments = pdf_pages or [Segment(with_heading(heading, text))]
        return LoadedDocument(
            doc_id=f"{self.config.name}-{item_id}",
            source_path=page_url,
            title=title or f"{body or ''} {header.line}".strip(),
            segments=segments,
            format="pdf" if pdf_pages else "html",
            url=page_url,
            date=header.date or hint.date,
            kind=header.kind,
            access=self.config.access,
            extra={
                "body": body,
                "source": self.config.name,
                "dynasty_id": item_id,
                "site_language": self.config.language,
                "public": not not_public,
            },
        )

    def _pdf_pages(
        self, soup: BeautifulSoup, item_id: str, page_url: str, heading: str
    ) -> list[Segment]:
        """The item's PDF as pages, the page header put before page 1 (body, date, §).

        The item's own PDF is the one named by its id (``../kokous/<id>.PDF``); other PDF
        links on the page are attachments, not the item.
        """
        hrefs = [str(a["href"]) for a in soup.find_all("a", href=True)]
        own = [h for h in hrefs if h.lower().endswith(".pdf") and item_id in h]
        if not own:
            return []
        pdf_url = urljoin(page_url, own[0])
        fetched = self.fetcher.get(pdf_url)
        if fetched.gone:
            raise MalformedPage(f"the item's PDF {pdf_url} answers HTTP {fetched.status}")
        name = urlparse(pdf_url).path.rsplit("/", 1)[-1] or "item.pdf"
        try:
            loaded = load_bytes(fetched.body, name.lower())[0]
        except IngestError as exc:
            raise MalformedPage(f"the item's PDF {pdf_url}: {exc.reason}") from None
        pages = loaded.segments
        first = Segment(with_heading(heading, pages[0].text), pages[0].page, pages[0].heading)
        first.ocr_confidence = pages[0].ocr_confidence
        return [first, *pages[1:]]


def with_heading(heading: str, text: str) -> str:
    """The item text under the page's header (body line, "Pöytäkirja …/Pykälä N"), unless the
    text starts with that header already (two copies would read as two items)."""
    if heading.splitlines()[-1] in text[:HEADER_WINDOW]:
        return text
    return f"{heading}\n\n{text}"


def _block_text(block: Tag) -> str:
    for br in block.find_all("br"):
        br.replace_with("\n")
    lines = [" ".join(line.split()) for line in block.get_text("\n").splitlines()]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _first_line_after(lines: list[str], header_line: str) -> str | None:
    after = False
    for line in lines:
        if after and line and "|" not in line:
            return line
        after = after or line.startswith(header_line)
    return None


def _reason(exc: Exception) -> str:
    if isinstance(exc, FetchError | IngestError):
        return exc.reason
    return str(exc)
