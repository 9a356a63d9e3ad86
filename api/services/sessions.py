"""Web sign-in: a key exchanged for a session, the session's key, sign-out (all audit-logged)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from api.services.audit import AuditService
from rag.store.registry import ApiKey, Registry
from rag.store.sessions import NewSession, WebSession


@dataclass(frozen=True)
class SignedIn:
    key: ApiKey
    session: WebSession


class SessionService:
    def __init__(self, registry: Registry, audit: AuditService, lifetime_hours: float) -> None:
        self._registry = registry
        self._audit = audit
        self.lifetime = timedelta(hours=lifetime_hours)

    def sign_in(self, secret: str) -> tuple[ApiKey, NewSession] | None:
        """A session for a valid key (None for a wrong or revoked one)."""
        key = self._registry.keys.verify_key(secret.strip()) if secret.strip() else None
        if key is None:
            return None
        new = self._registry.sessions.create_session(key.key_id, self.lifetime)
        self._audit.record(key.key_id, "web.sign_in", {"expires_at": new.session.expires_at})
        return key, new

    def current(self, token: str) -> SignedIn | None:
        """The live session's key, checked again now: a revoked key has no session."""
        session = self._registry.sessions.get_session(token)
        if session is None:
            return None
        key = self._registry.keys.get_key(session.key_id)
        if key is None or key.revoked:
            return None
        return SignedIn(key, session)

    def sign_out(self, token: str) -> None:
        session = self._registry.sessions.get_session(token)
        if self._registry.sessions.end_session(token) and session is not None:
            self._audit.record(session.key_id, "web.sign_out", {})
