"""HTML pages: main text without page chrome, split into Segments at h1-h3 headings."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

from ingest.loaders.base import LoadOptions
from ingest.loaders.text import parse_date, short_title
from rag.core.documents import IngestError, LoadedDocument, Segment, web_url
from rag.core.encoding import decode_bytes
from rag.core.language import normalise_language_code
from rag.core.limits import read_html

# Page chrome and non-text elements: menus and footers repeat on every page of a site and
# would drown the content in retrieval.
_DROP = ("script", "style", "nav", "noscript", "template", "svg", "iframe")
# Site headers and footers are chrome too, but inside <article>/<main> they hold the
# article's own heading and byline, which are content.
_CHROME = ("header", "footer")
_CONTENT = ("article", "main")
_SPLIT_HEADINGS = {"h1", "h2", "h3"}
# Elements that end a line of text; everything else is inline and flows into the same line.
_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
    "section", "table", "tr", "ul",
}  # fmt: skip
_CELLS = {"td", "th"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")


def decode_html(data: bytes, path: Path) -> str:
    """Decode as UTF-8 if the bytes are valid UTF-8, else with the declared charset, else detect.

    Valid UTF-8 wins over the label: pages re-saved as UTF-8 often keep an old label, and
    non-ASCII text in another encoding is practically never valid UTF-8 by accident.
    """
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        pass
    head = data[:4096]
    match = _CHARSET.search(head) or _XML_ENCODING.search(head)
    if match:
        name = match.group(1).decode("ascii").lower()
        # Browsers read pages labelled latin-1 / ascii as windows-1252; do the same.
        name = "cp1252" if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii") else name
        try:
            codecs.lookup(name)
            return data.decode(name).removeprefix("\ufeff")
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: fall back to detection rather than fail
    return decode_bytes(data, path)


class _Collector:
    """Walks the parsed tree and collects lines, starting a new Segment at each h1-h3."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.heading: str | None = None
        self.lines: list[str] = []
        self.current: list[str] = []

    def end_line(self) -> None:
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []

    def flush(self) -> None:
        self.end_line()
        text = "\n".join(self.lines).strip()
        if text:
            self.segments.append(Segment(text=text, heading=self.heading))
        self.lines = []

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, PreformattedString):  # comments, doctype, CDATA
                    self.current.append(str(child))
            elif isinstance(child, Tag):
                name = child.name.lower()
                if name in _SPLIT_HEADINGS:
                    heading = " ".join(child.get_text(" ").split())
                    if heading:
                        self.flush()
                        self.heading = heading
                        self.lines = [heading]
                elif name in _BLOCKS:
                    self.end_line()
                    self.walk(child)
                    self.end_line()
                else:
                    self.walk(child)
                    if name in _CELLS:
                        self.current.append(" | ")


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if isinstance(tag, Tag) and tag.get("content"):
            return str(tag["content"]).strip()
    return None


class HtmlLoader:
    """Loads .html/.htm pages with BeautifulSoup (lxml parser)."""

    suffixes: tuple[str, ...] = (".html", ".htm", ".xhtml")

    def load(self, path: Path, options: LoadOptions) -> list[LoadedDocument]:
        data = read_html(path, options.limits)  # refused by size and elements before parsing
        soup = BeautifulSoup(decode_html(data, path), "lxml")
        html_tag = soup.find("html")
        lang = html_tag.get("lang") if isinstance(html_tag, Tag) else None
        page_title = soup.title.get_text(" ") if soup.title else ""
        canonical = soup.find("link", rel="canonical")
        url = canonical.get("href") if isinstance(canonical, Tag) else None
        url = url or _meta(soup, "og:url")
        raw_date = _meta(soup, "article:published_time", "date", "dcterms.date")
        try:
            date = parse_date(raw_date) if raw_date else None
        except ValueError:
            date = None  # an odd date format in page metadata is no reason to reject the page

        for tag in soup.find_all(_DROP):
            tag.decompose()
        for tag in soup.find_all(_CHROME):
            if tag.find_parent(_CONTENT) is None:
                tag.decompose()
        collector = _Collector()
        collector.walk(soup.body or soup)
        collector.flush()
        if not collector.segments:
            raise IngestError(str(path), "no text found in the page")

        h1 = soup.find("h1")
        title = (
            " ".join(page_title.split())
            or (" ".join(h1.get_text(" ").split()) if h1 else "")
            or short_title(collector.segments[0].text)
            or path.stem
        )
        return [
            LoadedDocument(
                doc_id=path.stem,
                source_path=str(path),
                title=title,
                segments=collector.segments,
                format="html",
                url=web_url(str(url)) if url else None,  # a javascript: canonical is dropped
                date=date,
                language=normalise_language_code(lang),
            )
        ]
