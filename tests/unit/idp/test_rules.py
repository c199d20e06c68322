"""PKCE, Keycloak's brute-force counter and the session store: pure rules, driven with explicit times."""

from __future__ import annotations

import base64
import hashlib

import pytest

from services.idp.realm import BruteForceGuard, pkce_matches, pkce_s256
from services.idp.sessions import SessionStore


def test_pkce_s256_is_rfc_7636_appendix_b() -> None:
    assert pkce_s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    verifier = "x" * 64
    assert pkce_s256(verifier) == base64.urlsafe_b64encode(hashlib.sha256(b"x" * 64).digest()).rstrip(b"=").decode()


@pytest.mark.parametrize(
    ("challenge", "method", "verifier", "ok"),
    [
        (pkce_s256("a" * 43), "S256", "a" * 43, True),
        (pkce_s256("a" * 43), "S256", "b" * 43, False),
        (pkce_s256("short"), "S256", "short", False),  # under 43 characters
        (pkce_s256("a" * 129), "S256", "a" * 129, False),  # over 128
        (pkce_s256("a" * 42 + "/"), "S256", "a" * 42 + "/", False),  # not an unreserved character
        ("a" * 43, "plain", "a" * 43, True),
        ("a" * 43, "plain", "b" * 43, False),
        ("a" * 43, "S512", "a" * 43, False),
    ],
)
def test_pkce_verification(challenge: str, method: str, verifier: str, ok: bool) -> None:
    assert pkce_matches(challenge, method, verifier) is ok


def guard() -> BruteForceGuard:
    return BruteForceGuard.from_realm(
        {
            "bruteForceProtected": True,
            "failureFactor": 3,
            "waitIncrementSeconds": 60,
            "maxFailureWaitSeconds": 150,
            "quickLoginCheckMilliSeconds": 1000,
            "minimumQuickLoginWaitSeconds": 30,
            "maxDeltaTimeSeconds": 3600,
        }
    )


def test_failure_factor_failures_lock_for_the_wait_increment() -> None:
    g = guard()
    g.failed("deputy1", now=0)
    g.failed("deputy1", now=10)
    assert not g.locked("deputy1", now=11)
    g.failed("deputy1", now=20)
    assert g.locked("deputy1", now=21) and g.locked("DEPUTY1", now=79)
    assert not g.locked("deputy1", now=80)
    assert not g.locked("deputy2", now=21)  # per user


def test_the_wait_grows_with_each_step_up_to_the_maximum() -> None:
    g = guard()
    for step in range(9):
        g.failed("deputy1", now=step * 10.0)
    assert g.locked("deputy1", now=80 + 119) and not g.locked("deputy1", now=80 + 181)  # 3 steps: 180 s, capped
    assert g.locked("deputy1", now=80 + 149) and not g.locked("deputy1", now=80 + 150)


def test_quick_failures_lock_for_the_minimum_quick_wait() -> None:
    g = guard()
    g.failed("deputy1", now=100.0)
    assert not g.locked("deputy1", now=100.1)
    g.failed("deputy1", now=100.5)  # within quickLoginCheckMilliSeconds of the last failure
    assert g.locked("deputy1", now=129) and not g.locked("deputy1", now=131)


def test_failures_far_apart_start_again_and_a_success_clears() -> None:
    g = guard()
    g.failed("deputy1", now=0)
    g.failed("deputy1", now=10)
    g.failed("deputy1", now=10 + 3601)  # more than maxDeltaTimeSeconds later: counts as the first
    assert not g.locked("deputy1", now=3612)
    g.failed("deputy1", now=3700)
    g.succeeded("deputy1")
    g.failed("deputy1", now=3800)
    assert not g.locked("deputy1", now=3801)


def test_an_unprotected_realm_never_locks() -> None:
    g = BruteForceGuard.from_realm({"bruteForceProtected": False, "failureFactor": 1})
    for second in range(5):
        g.failed("deputy1", now=second)
    assert not g.locked("deputy1", now=5)


def test_sessions_time_out_idle_or_in_all() -> None:
    store = SessionStore(idle_s=100, max_s=250, code_lifespan_s=60)
    session = store.start("u1", "wulian-cli", now=0)
    assert store.alive(session.id, now=100) is session
    store.touch(session, now=100)
    assert store.remaining_s(session, now=100) == 100
    assert store.alive(session.id, now=199) is session
    store.touch(session, now=199)
    assert store.remaining_s(session, now=199) == 51  # the max lifespan ends it first
    assert store.alive(session.id, now=251) is None
    idle = store.start("u1", "wulian-cli", now=0)
    assert store.alive(idle.id, now=101) is None
    ended = store.start("u1", "wulian-cli", now=0)
    assert store.end(ended.id) and store.alive(ended.id, now=1) is None


def test_codes_work_once_and_expire() -> None:
    store = SessionStore(idle_s=1800, max_s=36000, code_lifespan_s=60)
    session = store.start("u1", "wulian-console", now=0)
    params = {"client_id": "wulian-console", "redirect_uri": "http://127.0.0.1:8000/cb", "code_challenge": "c" * 43}
    code = store.issue_code(session, params, "openid", now=0)
    grant = store.redeem_code(code, now=59)
    assert grant is not None and grant.session_id == session.id and grant.method == "plain"
    assert store.redeem_code(code, now=59) is None
    late = store.issue_code(session, params, "openid", now=0)
    assert store.redeem_code(late, now=61) is None


def test_expired_sessions_and_codes_are_swept() -> None:
    store = SessionStore(idle_s=10, max_s=100, code_lifespan_s=5, sweep_every_s=0)
    for _ in range(3):
        store.start("u1", "wulian-cli", now=0)
    assert len(store) == 3
    store.start("u1", "wulian-cli", now=50)
    assert len(store) == 1
