"""Every data file the packages read ships in the wheel: each file under rag/, ingest/ and api/
that is not Python source is matched by pyproject's package data (a file missing there works in
the checkout and fails only in a regular install, e.g. the word list of a switch that is off)."""

from __future__ import annotations

import subprocess
import tomllib

from tests.conftest import REPO

_PACKAGES = ("rag", "ingest", "api")
# alembic's template for writing a new migration: read by `alembic revision` in a checkout only
_DEVELOPMENT_FILES = {"rag/store/migrations/script.py.mako"}


def _shipped(package: str, patterns: list[str]) -> set[str]:
    """The files the patterns match, as setuptools globs them from the package's folder."""
    folder = REPO / package
    return {
        f"{package}/{path.relative_to(folder).as_posix()}"
        for pattern in patterns
        for path in folder.glob(pattern)
        if path.is_file()
    }


def test_every_data_file_of_the_packages_is_in_the_package_data() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]
    tracked = subprocess.run(
        ["git", "ls-files", *_PACKAGES], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    data_files = {
        name
        for name in tracked
        if not name.endswith((".py", ".pyi", ".typed")) and name not in _DEVELOPMENT_FILES
    }
    shipped = set().union(*(_shipped(p, patterns.get(p, [])) for p in _PACKAGES))
    missing = sorted(data_files - shipped)
    assert missing == [], f"add to [tool.setuptools.package-data] in pyproject.toml: {missing}"
