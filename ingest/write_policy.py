"""Who may write a document: a key replaces only what it may read, and never lowers access.

The pipeline asks the policy before it compares content hashes, so a key that may not read a
document learns nothing about it from the answer (no `unchanged` for a guessed text).
"""

from __future__ import annotations

from dataclasses import dataclass

from rag.core.documents import ACCESS_LEVELS, IngestError


@dataclass(frozen=True)
class WritePolicy:
    """The writer's clearance (access levels it may read) and whether it is an admin."""

    clearance: frozenset[str]
    admin: bool = False

    def check(self, path: str, doc_id: str, existing_access: str | None, new_access: str) -> None:
        """Raise IngestError when this writer may not store `doc_id` with `new_access`.

        `existing_access` is the access level of the stored document with that id, or None.
        """
        if existing_access is None:
            return
        if existing_access not in self.clearance:
            # The same words as for any id it cannot use: nothing about the stored document.
            raise IngestError.keyed(path, "write_not_cleared", doc_id=doc_id)
        lowered = ACCESS_LEVELS.index(new_access) < ACCESS_LEVELS.index(existing_access)
        if lowered and not self.admin:
            raise IngestError.keyed(
                path, "write_lowers_access", doc_id=doc_id, old=existing_access, new=new_access
            )
