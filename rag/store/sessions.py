"""Web app sign-in sessions (``web_sessions``).

A session is a random token kept in an HttpOnly cookie; the table stores only its hash, the
key it stands for and the CSRF token its forms must carry. The key itself is checked again on
every request, so revoking a key ends its sessions at once.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from rag.store.db import Store, iso_utc, now_iso, utc_now


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class WebSession:
    key_id: str
    csrf_token: str
    expires_at: str  # UTC ISO-8601


@dataclass(frozen=True)
class NewSession:
    token: str  # goes into the cookie, never stored
    session: WebSession


class SessionStore(Store):
    """Session methods of the registry (``registry.sessions``)."""

    def create_session(self, key_id: str, lifetime: timedelta) -> NewSession:
        """A new session for ``key_id`` that ends after ``lifetime``."""
        token = secrets.token_urlsafe(32)
        session = WebSession(key_id, secrets.token_urlsafe(32), iso_utc(utc_now() + lifetime))
        with self.transaction() as conn:
            # Expired sessions are cleared here, so the table never grows without bound.
            conn.execute("DELETE FROM web_sessions WHERE expires_at < ?", (now_iso(),))
            conn.execute(
                "INSERT INTO web_sessions (token_hash, key_id, csrf_token, created_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (_hash(token), key_id, session.csrf_token, now_iso(), session.expires_at),
            )
        return NewSession(token, session)

    def get_session(self, token: str) -> WebSession | None:
        """The live session for a cookie token (None when unknown or expired)."""
        rows = self._read(
            "SELECT key_id, csrf_token, expires_at FROM web_sessions"
            " WHERE token_hash = ? AND expires_at >= ?",
            (_hash(token), now_iso()),
        )
        if not rows:
            return None
        row = rows[0]
        return WebSession(row["key_id"], row["csrf_token"], row["expires_at"])

    def end_session(self, token: str) -> bool:
        with self.transaction() as conn:
            cur = conn.execute("DELETE FROM web_sessions WHERE token_hash = ?", (_hash(token),))
            return cur.rowcount > 0
