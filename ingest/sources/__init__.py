"""Connectors that keep the index in line with the city's sources (Dynasty, web, folders)."""

from __future__ import annotations

from ingest.sources.base import Connector
from ingest.sources.config import SourceConfig
from ingest.sources.dynasty import DynastyConnector
from ingest.sources.fetch import PoliteFetcher
from ingest.sources.folder import FolderConnector
from ingest.sources.web import WebConnector


def make_connector(config: SourceConfig, fetcher: PoliteFetcher) -> Connector:
    """The connector for a source's kind."""
    if config.kind == "dynasty":
        return DynastyConnector(config, fetcher)
    if config.kind == "web":
        return WebConnector(config, fetcher)
    return FolderConnector(config)
