"""Sources as configuration: ``sources.yaml`` in the data directory, one entry per source.

```yaml
sources:
  - name: porvoo-fi
    kind: dynasty
    url: https://porvoofi.oncloudos.com/cgi/DREQUEST.PHP
    language: fi
    bodies: [Kaupunginhallitus]
  - name: strategiat
    kind: folder
    path: /mnt/share/strategiat
```
"""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

import yaml
from pydantic import BaseModel, Field, ValidationError, model_validator

SourceKind = Literal["dynasty", "web", "folder"]
NAME_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,62}$"


class SourceConfigError(ValueError):
    """The sources file or a new source is not valid (the message names the field)."""


class SourceConfig(BaseModel):
    """One source: a Dynasty site, web pages (sitemap or URL list) or a folder."""

    name: str = Field(pattern=NAME_PATTERN, description="Lower-case id, e.g. porvoo-fi")
    kind: SourceKind
    url: str | None = Field(default=None, description="dynasty: https://HOST/cgi/DREQUEST.PHP")
    language: Literal["fi", "sv", "en"] | None = Field(
        default=None, description="The site's language; versions are linked across languages"
    )
    bodies: list[str] = Field(default_factory=list, description="dynasty: only these bodies")
    crawl: Literal["full", "rss"] = Field(
        default="full",
        description="dynasty: 'full' walks the listings, 'rss' reads the newest items only",
    )
    rss_items: int = Field(default=100, ge=1, le=1000, description="dynasty: RSS show=N")
    sitemap: str | None = Field(default=None, description="web: sitemap.xml address")
    urls_file: str | None = Field(default=None, description="web: a file with one URL a line")
    path: str | None = Field(default=None, description="folder: local or mounted directory")
    access: Literal["public", "internal", "restricted"] = "public"

    @model_validator(mode="after")
    def _fields_of_kind(self) -> SourceConfig:
        if self.kind == "dynasty":
            if not self.url or not _is_http(self.url):
                raise ValueError("a dynasty source needs --url https://HOST/cgi/DREQUEST.PHP")
            if not urlparse(self.url).path.lower().endswith("drequest.php"):
                raise ValueError(f"url '{self.url}' does not end in /cgi/DREQUEST.PHP")
        elif self.kind == "web":
            if bool(self.sitemap) == bool(self.urls_file):
                raise ValueError("a web source needs exactly one of --sitemap URL or --urls FILE")
            if self.sitemap and not _is_http(self.sitemap):
                raise ValueError(f"sitemap '{self.sitemap}' is not an http(s) address")
        elif self.kind == "folder" and not self.path:
            raise ValueError("a folder source needs --path DIR")
        return self


def _is_http(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def _problem(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"]) or "source"
        parts.append(f"{where}: {error['msg'].removeprefix('Value error, ')}")
    return "; ".join(parts)


def make_source(**fields: object) -> SourceConfig:
    """A validated source; SourceConfigError names the field and the problem."""
    try:
        return SourceConfig.model_validate({k: v for k, v in fields.items() if v is not None})
    except ValidationError as exc:
        raise SourceConfigError(_problem(exc)) from None


class SourcesFile:
    """Reads and writes the sources file; every write replaces the file atomically."""

    _lock = threading.Lock()

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def load(self) -> list[SourceConfig]:
        if not self.path.exists():
            return []
        try:
            raw = yaml.safe_load(self.path.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise SourceConfigError(f"{self.path}: not valid YAML ({exc})") from None
        entries = raw.get("sources") if isinstance(raw, dict) else None
        if not isinstance(entries, list):
            raise SourceConfigError(f"{self.path}: expected a list under 'sources:'")
        sources: list[SourceConfig] = []
        for position, entry in enumerate(entries):
            try:
                sources.append(SourceConfig.model_validate(entry))
            except ValidationError as exc:
                raise SourceConfigError(
                    f"{self.path}: sources[{position}]: {_problem(exc)}"
                ) from None
        names = [s.name for s in sources]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise SourceConfigError(f"{self.path}: source name repeated: {', '.join(repeated)}")
        return sources

    def get(self, name: str) -> SourceConfig:
        for source in self.load():
            if source.name == name:
                return source
        raise SourceConfigError(f"no source named '{name}'")

    def add(self, source: SourceConfig) -> None:
        with self._lock:
            sources = self.load()
            if any(s.name == source.name for s in sources):
                raise SourceConfigError(f"a source named '{source.name}' exists already")
            self._save([*sources, source])

    def remove(self, name: str) -> SourceConfig:
        with self._lock:
            sources = self.load()
            kept = [s for s in sources if s.name != name]
            if len(kept) == len(sources):
                raise SourceConfigError(f"no source named '{name}'")
            self._save(kept)
            return next(s for s in sources if s.name == name)

    def _save(self, sources: list[SourceConfig]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"sources": [s.model_dump(exclude_defaults=True) for s in sources]}
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".sources-", suffix=".yaml")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            yaml.safe_dump(data, out, allow_unicode=True, sort_keys=False)
        os.replace(tmp, self.path)
