"""User sessions and authorization codes, in memory: restarting the development IdP logs everyone out
(access tokens already issued stay valid until they expire, since the signing key is kept on disk).
Pure: every method that depends on time takes ``now``."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass, field


@dataclass
class Session:
    id: str
    user_id: str
    client_id: str
    started: float
    last_used: float

    @property
    def auth_time(self) -> int:
        return int(self.started)


@dataclass(frozen=True)
class Code:
    client_id: str
    redirect_uri: str
    session_id: str
    scope: str
    nonce: str
    challenge: str
    method: str
    expires: float


@dataclass
class SessionStore:
    """Sessions end after ``idle_s`` unused or ``max_s`` in all (Keycloak's SSO session timeouts)."""

    idle_s: int
    max_s: int
    code_lifespan_s: int
    sweep_every_s: float = 60.0
    _sessions: dict[str, Session] = field(default_factory=dict, init=False)
    _codes: dict[str, Code] = field(default_factory=dict, init=False)
    _last_sweep: float = field(default=0.0, init=False)

    def start(self, user_id: str, client_id: str, now: float) -> Session:
        self._sweep(now)
        session = Session(id=str(uuid.uuid4()), user_id=user_id, client_id=client_id, started=now, last_used=now)
        self._sessions[session.id] = session
        return session

    def alive(self, session_id: str, now: float) -> Session | None:
        session = self._sessions.get(session_id)
        if session is None:
            return None
        if self._expired(session, now):
            del self._sessions[session_id]
            return None
        return session

    def touch(self, session: Session, now: float) -> None:
        session.last_used = now

    def end(self, session_id: str) -> bool:
        return self._sessions.pop(session_id, None) is not None

    def remaining_s(self, session: Session, now: float) -> int:
        """How long a refresh token issued now may live: until the session would time out."""
        return max(0, int(min(self.idle_s, self.max_s - (now - session.started))))

    def issue_code(self, session: Session, params: dict[str, str], scope: str, now: float) -> str:
        code = secrets.token_urlsafe(32)
        self._codes[code] = Code(
            client_id=params["client_id"],
            redirect_uri=params["redirect_uri"],
            session_id=session.id,
            scope=scope,
            nonce=params.get("nonce", ""),
            challenge=params.get("code_challenge", ""),
            method=params.get("code_challenge_method", "plain"),
            expires=now + self.code_lifespan_s,
        )
        return code

    def redeem_code(self, code: str, now: float) -> Code | None:
        """The code's grant, once: a code is removed when first presented, whatever happens next."""
        grant = self._codes.pop(code, None)
        return grant if grant is not None and now <= grant.expires else None

    def __len__(self) -> int:
        return len(self._sessions)

    def _expired(self, session: Session, now: float) -> bool:
        return now - session.last_used > self.idle_s or now - session.started > self.max_s

    def _sweep(self, now: float) -> None:
        if now - self._last_sweep < self.sweep_every_s:
            return
        self._last_sweep = now
        self._sessions = {k: s for k, s in self._sessions.items() if not self._expired(s, now)}
        self._codes = {k: c for k, c in self._codes.items() if c.expires >= now}
