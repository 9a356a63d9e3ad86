"""One way from a table row to a record dataclass, for every store.

Each field is read from the column of its name, or from ``<name>_json`` (decoded), or from the
column named in ``columns``; ``bool`` and ``frozenset`` fields are converted (SQLite stores 0/1
and JSON lists). A field with a default and no column keeps its default.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any, TypeVar

from rag.store.db import Row

T = TypeVar("T")


def from_row(cls: type[T], row: Row, **columns: str) -> T:
    names = set(row.keys())
    values: dict[str, Any] = {}
    for spec in dataclasses.fields(cls):  # type: ignore[arg-type]
        column = columns.get(spec.name) or spec.name
        if column not in names and f"{column}_json" in names:
            column = f"{column}_json"
        if column not in names:
            has_default = spec.default is not dataclasses.MISSING
            if has_default or spec.default_factory is not dataclasses.MISSING:
                continue
            raise KeyError(f"{cls.__name__}.{spec.name}: no column '{column}'")
        value = row[column]
        if column.endswith("_json"):
            value = json.loads(value)
        kind = str(spec.type)
        if kind == "bool":
            value = bool(value)
        elif kind.startswith("frozenset"):
            value = frozenset(value)
        values[spec.name] = value
    return cls(**values)
