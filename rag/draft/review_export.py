"""Export a stored draft version as Markdown or DOCX, stamped with its review status.

The renderers (``rag/draft/render.py``) turn the content into a document; this adds what only
the review store knows: which version this is, its status and, once approved, who approved it
and when. The export is audit-logged. The API and the CLI both call :func:`export_draft`.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import docx

from rag.core.messages import message
from rag.draft.render import render_docx, render_markdown
from rag.store.draft_records import DraftError, DraftRecord
from rag.store.registry import Registry

EXPORT_FORMATS = ("md", "docx")
MEDIA_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass(frozen=True)
class DraftExport:
    data: bytes
    filename: str
    media_type: str
    version: int


def status_lines(draft: DraftRecord, version: int) -> list[str]:
    """One line per draft language: 'Review status: approved — version 2 of 2 …'."""
    lines = []
    for language in draft.languages or ["en"]:
        # Only the approved version itself carries the approval; older versions do not.
        approved = draft.approved_version == version and draft.approved_by
        line = message(
            "draft_export_status",
            language,
            state=message(f"draft_status_{draft.status}", language),
            version=str(version),
            current=str(draft.current_version),
        )
        if approved:
            at = (draft.approved_at or "")[:10]
            line += " " + message(
                "draft_export_approved", language, actor=str(draft.approved_by), at=at
            )
        lines.append(line)
    return lines


def marker_swaps(draft: DraftRecord, version: int) -> dict[str, str]:
    """For the approved version: the renderer's "not approved" marker -> the approval marker.

    The renderer marks every draft as not approved, which is right until a person approves
    it; an export of the approved version must not contradict the approval.
    """
    if draft.approved_version != version or not draft.approved_by:
        return {}
    at = (draft.approved_at or "")[:10]
    return {
        message("draft_marker", lang): message(
            "draft_marker_approved", lang, actor=draft.approved_by, at=at
        )
        for lang in draft.languages
    }


def _swap(text: str, swaps: dict[str, str]) -> str:
    for old, new in swaps.items():
        text = text.replace(old, new)
    return text


def export_draft(
    registry: Registry, draft_id: int, fmt: str, version: int | None = None
) -> DraftExport:
    """The draft (default: its current version) as a Markdown or DOCX file's bytes."""
    if fmt not in EXPORT_FORMATS:
        raise DraftError("draft_bad_format", fmt=fmt, formats=", ".join(EXPORT_FORMATS))
    draft = registry.drafts.require_draft(draft_id)
    wanted = version or draft.current_version
    content = registry.drafts.get_draft_content(draft_id, wanted)
    stamp = status_lines(draft, wanted)
    swaps = marker_swaps(draft, wanted)
    if fmt == "md":
        body = _swap(render_markdown(content), swaps)
        data = ("\n".join(f"> {line}  " for line in stamp) + "\n\n" + body).encode("utf-8")
    else:
        with tempfile.TemporaryDirectory(prefix="tiekartta-export-") as tmp:
            path = Path(tmp) / "draft.docx"
            render_docx(content, path)
            document = docx.Document(str(path))
            for paragraph in document.paragraphs:
                for run in paragraph.runs:  # the marker is one run of its paragraph
                    run.text = _swap(run.text, swaps)
            first = document.paragraphs[0]
            for line in stamp:
                first.insert_paragraph_before(line).runs[0].bold = True
            document.save(str(path))
            data = path.read_bytes()
    return DraftExport(data, f"draft-{draft_id}-v{wanted}.{fmt}", MEDIA_TYPES[fmt], wanted)
