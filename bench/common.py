"""What the bench scripts share: the argument parser, a Tiekartta on a data directory, the
filters that see every document, and JSON output."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from api.container import Tiekartta
from rag.core.documents import ALL_ACCESS
from rag.core.results import SearchFilters
from rag.core.settings import Settings

EVERYTHING = SearchFilters(access_levels=ALL_ACCESS)


def arguments(doc: str | None) -> argparse.ArgumentParser:
    """An argument parser described by the first line of the script's docstring."""
    return argparse.ArgumentParser(description=(doc or "").split("\n")[0])


def bench_settings(data_dir: Path | str, **overrides: Any) -> Settings:
    """Settings for a measurement: no .env file is read, so a run is repeatable."""
    return Settings(_env_file=None, data_dir=Path(data_dir), **overrides)  # type: ignore[call-arg]


def bench_app(data_dir: Path | str, **overrides: Any) -> Tiekartta:
    """The application on ``data_dir`` (built lazily, as the CLI builds it)."""
    return Tiekartta(bench_settings(data_dir, **overrides))


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))
