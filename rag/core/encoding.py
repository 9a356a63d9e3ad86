"""Text file bytes to text: BOM, then UTF-8, then a detected code page (cp1252 preferred).

Every reader of text files (the ingest loaders, the table reader) decodes through here, so a
file reads the same whichever feature opens it.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import charset_normalizer

from rag.core.documents import IngestError

# Share of control characters above which decoded text is treated as binary garbage.
_MAX_CONTROL_SHARE = 0.01
# C0/C1 control characters other than whitespace, and the replacement character.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_UTF_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # checked before UTF-16: its BOM starts with UTF-16's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, path: Path | str) -> str:
    """Decode file bytes: BOM, then UTF-8, then charset-normalizer (cp1252 preferred).

    Raises IngestError("undecodable text ...") rather than returning mojibake or binary junk.
    """
    return decode_with_codec(data, path)[0]


def decode_with_codec(data: bytes, path: Path | str) -> tuple[str, str]:
    """The text of the bytes and the codec it was read with (see :func:`decode_bytes`)."""
    encoding = detect_encoding(data)
    text = _decode(data, encoding)
    if encoding is None or text is None:
        raise IngestError(str(path), "undecodable text: no text encoding fits the bytes")
    text = text.removeprefix("\ufeff")
    if "\x00" in text or _control_share(text) > _MAX_CONTROL_SHARE:
        raise IngestError(str(path), "undecodable text: the file looks binary, not text")
    return text, encoding


def detect_encoding(data: bytes) -> str | None:
    """The codec that fits the bytes: BOM, then UTF-8, then charset-normalizer (cp1252 preferred).

    None when nothing fits. The table reader's lenient mode decodes with this codec row by row,
    so that one bad row can be reported instead of the whole file.
    """
    for bom, encoding in _UTF_BOMS:
        if data.startswith(bom):
            return encoding
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    # Detectors often pick a sibling single-byte code page (cp1250, latin-1, ...) for short
    # Finnish text; cp1252 is what Finnish Windows and Excel actually write.
    if len(str(best)) == len(data):  # one character per byte: a single-byte guess
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            return "cp1252"
    return str(best.encoding)


def _decode(data: bytes, encoding: str | None) -> str | None:
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def mostly_utf8(data: bytes) -> bool:
    """A UTF-8 export with a few pasted code-page rows stays UTF-8 (those rows are marked).

    Whole-file detection would pick a code page for it and silently garble every good row.
    """
    good = bad = 0
    for line in data.splitlines():
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad += 1
        else:
            good += 1
    return good > bad
