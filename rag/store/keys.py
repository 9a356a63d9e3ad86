"""API keys: roles, clearance and hashed secrets (the ``api_keys`` table)."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field

from rag.core.documents import ACCESS_LEVELS
from rag.store.db import RegistryError, Store, now_iso
from rag.store.rows import from_row

# Ordered from least to most powerful; a later role can do everything an earlier one can.
# New roles are inserted at their rank (e.g. "approver" between editor and admin): roles are
# stored by name, so existing keys keep their meaning.
# approver sits above editor: approving a draft needs more than the right to edit it.
ROLES: tuple[str, ...] = ("reader", "editor", "approver", "admin")
# Roles at or above this one read every access level by default.
FULL_CLEARANCE_ROLE = "admin"
KEY_PREFIX = "tk_"


def check_role(role: str) -> str:
    """Return ``role`` if known, else raise an error that lists the valid roles."""
    if role not in ROLES:
        raise RegistryError(f"unknown role '{role}': use one of {', '.join(ROLES)}")
    return role


def role_at_least(role: str, required: str) -> bool:
    """True if ``role`` ranks at or above ``required`` in :data:`ROLES`."""
    return ROLES.index(check_role(role)) >= ROLES.index(check_role(required))


def default_clearance(role: str) -> frozenset[str]:
    """Admins read everything; other roles only public documents unless given more."""
    if role_at_least(role, FULL_CLEARANCE_ROLE):
        return frozenset(ACCESS_LEVELS)
    return frozenset({"public"})


def check_clearance(levels: Iterable[str]) -> frozenset[str]:
    """Validate access levels a key may read."""
    clearance = frozenset(levels)
    unknown = sorted(clearance - set(ACCESS_LEVELS))
    if unknown:
        raise RegistryError(
            f"unknown access level(s) {', '.join(unknown)}: use {', '.join(ACCESS_LEVELS)}"
        )
    if not clearance:
        raise RegistryError("a key's clearance must name at least one access level")
    return clearance


def hash_secret(secret: str) -> str:
    """Digest stored instead of the secret.

    Plain SHA-256 is enough here: secrets are 256-bit random tokens, so there is nothing to
    guess a dictionary for, and a slow KDF (scrypt) would only add tens of milliseconds to
    every API request without making a stolen hash any harder to reverse.
    """
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _split_secret(secret: str) -> str | None:
    """The key id embedded in ``tk_<key_id>_<random>``, or None if it is not our format."""
    if not secret.startswith(KEY_PREFIX):
        return None
    key_id, sep, rest = secret[len(KEY_PREFIX) :].partition("_")
    return key_id if sep and key_id and rest else None


@dataclass(frozen=True)
class ApiKey:
    """A stored key, without its secret."""

    key_id: str
    role: str
    label: str
    clearance: frozenset[str]
    created_at: str
    revoked: bool = False
    revoked_at: str | None = None

    def can_read(self, access: str) -> bool:
        return access in self.clearance

    def has_role(self, required: str) -> bool:
        return role_at_least(self.role, required)


@dataclass(frozen=True)
class CreatedKey:
    """A newly made key; ``secret`` exists only here and is shown to the person once."""

    secret: str = field(repr=False)  # keep it out of logs and tracebacks
    key: ApiKey


class KeyStore(Store):
    """Key methods of the registry (held by :class:`rag.store.registry.Registry`)."""

    def create_key(
        self, role: str, label: str = "", clearance: Iterable[str] | None = None
    ) -> CreatedKey:
        """Make a key for ``role``; clearance defaults by role (see :func:`default_clearance`)."""
        check_role(role)
        levels = default_clearance(role) if clearance is None else check_clearance(clearance)
        ordered = [level for level in ACCESS_LEVELS if level in levels]
        created_at = now_iso()
        with self.transaction() as conn:
            while True:
                # The id is public (it appears in audit logs); only the random part is secret.
                key_id = secrets.token_hex(6)
                secret = f"{KEY_PREFIX}{key_id}_{secrets.token_urlsafe(32)}"
                # An id collision is astronomically rare; DO NOTHING keeps the transaction
                # usable (PostgreSQL aborts it on an error) so the loop can try another id.
                cur = conn.execute(
                    "INSERT INTO api_keys (key_id, secret_hash, role, label, clearance_json,"
                    " created_at, revoked) VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING",
                    (key_id, hash_secret(secret), role, label, json.dumps(ordered), created_at),
                )
                if cur.rowcount:
                    break
        key = ApiKey(key_id, role, label, frozenset(ordered), created_at)
        return CreatedKey(secret=secret, key=key)

    def verify_key(self, secret: str) -> ApiKey | None:
        """The active key for ``secret``; None for unknown, wrong or revoked secrets."""
        key_id = _split_secret(secret)
        if key_id is None:
            return None
        rows = self._read("SELECT * FROM api_keys WHERE key_id = ?", (key_id,))
        if not rows:
            return None
        # Constant-time comparison so response timing reveals nothing about the stored hash.
        if not hmac.compare_digest(rows[0]["secret_hash"], hash_secret(secret)):
            return None
        key = from_row(ApiKey, rows[0])
        return None if key.revoked else key

    def get_key(self, key_id: str) -> ApiKey | None:
        rows = self._read("SELECT * FROM api_keys WHERE key_id = ?", (key_id,))
        return from_row(ApiKey, rows[0]) if rows else None

    def list_keys(self, include_revoked: bool = True) -> list[ApiKey]:
        """All keys, oldest first."""
        sql = "SELECT * FROM api_keys"
        if not include_revoked:
            sql += " WHERE revoked = 0"
        return [from_row(ApiKey, r) for r in self._read(sql + " ORDER BY created_at, key_id")]

    def revoke_key(self, key_id: str) -> bool:
        """Revoke a key (idempotent); False if no key has this id."""
        with self.transaction() as conn:
            # COALESCE keeps the first revocation time when revoked again.
            cur = conn.execute(
                "UPDATE api_keys SET revoked = 1, revoked_at = COALESCE(revoked_at, ?)"
                " WHERE key_id = ?",
                (now_iso(), key_id),
            )
            return cur.rowcount > 0
