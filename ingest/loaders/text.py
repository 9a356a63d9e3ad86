"""Plain text and Markdown files, with optional YAML front matter.

Also holds the small helpers the other text-based loaders share: date normalisation and
title shortening (byte decoding is rag/core/encoding.py).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from ingest.loaders.base import LoadOptions
from ingest.loaders.safe_yaml import (
    MAX_NESTING,
    YamlAliasError,
    YamlNestingError,
    load_untrusted_yaml,
)
from rag.core.documents import (
    ACCESS_LEVELS,
    IngestError,
    LoadedDocument,
    Segment,
    is_safe_doc_id,
    web_url,
)
from rag.core.encoding import decode_bytes
from rag.core.language import normalise_language_code
from rag.core.limits import InputLimits, check_document_chars, check_text_file_size, limit_error

_FIELDS = ("id", "title", "url", "date", "language", "kind", "organisation", "access")
_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FI_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_MAX_TITLE = 200


def parse_date(value: Any) -> str:
    """Normalise a date (date object, YYYY-MM-DD, D.M.YYYY) to ISO; ValueError if impossible."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    match = _ISO_DATE.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    elif match := _FI_DATE.match(text.rstrip(".")):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise ValueError(f"cannot read {text!r} as a date (expected YYYY-MM-DD or D.M.YYYY)")
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a valid date ({exc})") from None


def short_title(text: str) -> str:
    """The first non-empty line of the text, cut to a title-like length."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= _MAX_TITLE else line[: _MAX_TITLE - 1].rstrip() + "…"
    return ""


def split_front_matter(
    text: str, path: Path | str, limits: InputLimits | None = None
) -> tuple[dict[str, Any], str]:
    """Split a leading `---` YAML block off the text; return (mapping, rest of the text)."""
    limits = limits or InputLimits()
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return {}, text
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise IngestError(str(path), "front matter starts with '---' but has no closing '---'")
    yaml_text = "".join(lines[1:end])
    size = len(yaml_text.encode("utf-8"))
    if size > limits.max_front_matter_bytes:
        raise limit_error(
            path, "limit_front_matter_bytes", size=size, limit=limits.max_front_matter_bytes
        )
    try:
        data = load_untrusted_yaml(yaml_text)
    except YamlAliasError as exc:
        raise limit_error(path, "front_matter_alias", line=exc.line + 2) from None
    except (YamlNestingError, RecursionError):
        raise limit_error(path, "front_matter_nesting", limit=MAX_NESTING) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        # +2: the YAML starts on the line after the opening '---' and marks are 0-based.
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and context_mark is not None:  # e.g. where an unclosed '[' was opened
            problem += f" ({context} started at line {context_mark.line + 2})"
        raise IngestError(str(path), f"invalid YAML in front matter{where}: {problem}") from None
    except ValueError as exc:  # e.g. an unquoted impossible date such as 2024-02-30
        raise IngestError(str(path), f"invalid value in front matter: {exc}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise IngestError(str(path), "front matter must be a mapping of 'key: value' lines")
    return data, "".join(lines[end + 1 :])


def markdown_segments(body: str) -> list[Segment]:
    """Split Markdown at ATX (`#`) headings outside code fences; heading text starts the block."""
    segments: list[Segment] = []
    heading: str | None = None
    block: list[str] = []
    in_fence = False

    def flush() -> None:
        text = "\n".join(block).strip()
        if text:
            segments.append(Segment(text=text, heading=heading))

    for line in body.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _ATX_HEADING.match(line)
        if match:
            flush()
            heading = (match.group(1) or "").strip() or None
            block = [heading] if heading else []
        else:
            block.append(line)
    flush()
    return segments


def _field(path: Path, name: str, value: Any) -> str | None:
    """Validate and normalise one known front matter field."""
    if value is None or str(value).strip() == "":
        return None
    if name == "date":
        try:
            return parse_date(value)
        except ValueError as exc:
            raise IngestError(str(path), f"front matter field 'date': {exc}") from None
    if name == "id" and not is_safe_doc_id(str(value).strip()):
        raise IngestError.keyed(str(path), "front_matter_id", value=str(value)[:80])
    if name == "url" and web_url(str(value)) is None:
        raise IngestError.keyed(str(path), "front_matter_url", value=str(value)[:80])
    if name == "access":
        if str(value).strip() not in ACCESS_LEVELS:
            allowed = ", ".join(ACCESS_LEVELS)
            raise IngestError(
                str(path), f"front matter field 'access': {value!r} is not one of {allowed}"
            )
    if name == "language":
        code = normalise_language_code(value)
        if code is None:
            raise IngestError(
                str(path), f"front matter field 'language': {value!r} is not fi, sv or en"
            )
        return code
    return str(value).strip()


def _jsonable(value: Any) -> Any:
    # YAML turns unquoted dates into date objects; keep `extra` plain JSON-like data.
    return value.isoformat() if isinstance(value, dt.date) else value


class TextLoader:
    """Loads .txt and .md/.markdown files; Markdown is split into heading blocks."""

    suffixes: tuple[str, ...] = (".txt", ".md", ".markdown")

    def load(self, path: Path, options: LoadOptions) -> list[LoadedDocument]:
        check_text_file_size(path, options.limits)
        text = decode_bytes(path.read_bytes(), path)
        check_document_chars(path, len(text), options.limits)
        meta, body = split_front_matter(text, path, options.limits)
        fields = {name: _field(path, name, meta.get(name)) for name in _FIELDS}
        extra = {str(k): _jsonable(v) for k, v in meta.items() if k not in _FIELDS}

        is_markdown = path.suffix.lower() != ".txt"
        if is_markdown:
            segments = markdown_segments(body)
        else:
            segments = [Segment(text=body.strip())] if body.strip() else []
        if not segments:
            raise IngestError(str(path), "no text (the file has only front matter or whitespace)")

        first_heading = next((s.heading for s in segments if s.heading), None)
        title = fields["title"] or first_heading or short_title(body) or path.stem
        return [
            LoadedDocument(
                doc_id=fields["id"] or path.stem,
                source_path=str(path),
                title=title,
                segments=segments,
                format="markdown" if is_markdown else "text",
                url=fields["url"],
                date=fields["date"],
                language=fields["language"],
                kind=fields["kind"],
                organisation=fields["organisation"],
                access=fields["access"] or "public",
                extra=extra,
            )
        ]
