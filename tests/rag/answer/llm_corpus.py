"""A small corpus answered through the fake OpenAI-compatible server, for LLM-path tests."""

from __future__ import annotations

from pathlib import Path

from api.container import Tiekartta
from tests.conftest import make_settings


def llm_service(
    root: Path,
    base_url: str,
    documents: dict[str, str],
    access: dict[str, str] | None = None,
    **settings: object,
) -> Tiekartta:
    """Markdown files named by the keys (front matter: title, language, and the access
    level when ``access`` names one) ingested once."""
    docs = root / "docs"
    docs.mkdir()
    for name, (text) in documents.items():
        language = name.rsplit("-", 1)[-1]
        level = f"access: {access[name]}\n" if access and name in access else ""
        front = f'---\ntitle: "{name}"\nlanguage: {language}\n{level}---\n\n'
        (docs / f"{name}.md").write_text(front + text, encoding="utf-8")
    service = Tiekartta(
        make_settings(root / "data", llm_base_url=base_url, llm_model="f", **settings)
    )
    report = service.documents.ingest([docs])
    assert not report.failed and len(report.ingested) == len(documents)
    return service
