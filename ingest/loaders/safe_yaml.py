"""YAML for untrusted front matter: safe types only, no aliases, bounded nesting.

`yaml.safe_load` already refuses arbitrary objects, but it accepts aliases, and a few
hundred bytes of nested aliases ("billion laughs") stand for gigabytes once anything walks
the result (hashing, JSON, str()). Front matter is a handful of `key: value` lines, so an
alias is refused outright instead of counted; the size of the text is limited by the caller.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import Node

# Deeper than any real front matter, far below Python's recursion limit.
MAX_NESTING = 32


class YamlAliasError(ValueError):
    """The YAML uses an alias (`*name`), which front matter may not."""

    def __init__(self, line: int) -> None:
        super().__init__(f"alias at line {line}")
        self.line = line  # 0-based, in the parsed text


class YamlNestingError(ValueError):
    """The YAML nests collections deeper than MAX_NESTING."""


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader whose composer stops at the first alias and at deep nesting."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            raise YamlAliasError(self.peek_event().start_mark.line)
        self._depth += 1
        try:
            if self._depth > MAX_NESTING:
                raise YamlNestingError(f"nested deeper than {MAX_NESTING} levels")
            return super().compose_node(parent, index)  # type: ignore[no-any-return]
        finally:
            self._depth -= 1


def load_untrusted_yaml(text: str) -> Any:
    """Parse one YAML document from an untrusted source.

    Raises yaml.YAMLError for invalid YAML, YamlAliasError or YamlNestingError for the
    structures refused here.
    """
    loader = _FrontMatterLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
