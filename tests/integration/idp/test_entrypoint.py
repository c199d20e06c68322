"""``python -m services.idp`` as make run starts it: serving in development, refusing in production."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.support.processes import free_port, wait_for_port
from wulian.kit.settings import PROJECT_ROOT

PRODUCTION = {
    "WULIAN_ENV": "production",
    "WULIAN_ISSUER_URL": "https://sso.example/realms/wulian",
    "WULIAN_SERVICE_CLIENT_SECRET": "s3cret",
    "WULIAN_DEMO_DATA": "false",
    "WULIAN_CLUE_SEALING_KEY_FILE": "/etc/wulian/clue-sealing.pem",
    "WULIAN_AUDIT_SIGNING_KEY_FILE": "/etc/wulian/clues-audit.key",
    "WULIAN_CASE_REVIEW_AUDIT_KEY_FILE": "/etc/wulian/case-review-audit.key",
}


def environment(**variables: str) -> dict[str, str]:
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("WULIAN_")}
    return inherited | variables


@pytest.mark.parametrize(
    "variables", [PRODUCTION, {"WULIAN_ENV": "production"}], ids=["complete settings", "bare WULIAN_ENV"]
)
def test_it_refuses_to_start_in_production(variables: dict[str, str], tmp_path: Path) -> None:
    port = free_port()
    env = environment(**variables, WULIAN_IDP_PORT=str(port), WULIAN_VAR_DIR=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "services.idp"], env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "WULIAN_ENV=production" in done.stderr and "生产环境" in done.stderr
    assert not (tmp_path / "keys").exists()


def test_it_serves_the_realm_in_development(tmp_path: Path) -> None:
    port = free_port()
    env = environment(WULIAN_ENV="development", WULIAN_IDP_PORT=str(port), WULIAN_VAR_DIR=str(tmp_path))
    process = subprocess.Popen(
        [sys.executable, "-m", "services.idp"], env=env, cwd=PROJECT_ROOT, stderr=subprocess.PIPE, text=True
    )
    try:
        wait_for_port(port, timeout_s=30)
        issuer = f"http://127.0.0.1:{port}/realms/wulian"
        assert httpx.get(f"{issuer}/.well-known/openid-configuration").json()["issuer"] == issuer
        tokens = httpx.post(
            f"{issuer}/protocol/openid-connect/token",
            data={"grant_type": "password", "client_id": "wulian-cli", "username": "admin", "password": "demo"},
        ).json()
        assert tokens["token_type"] == "Bearer"
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert (tmp_path / "keys" / "idp-signing-key.pem").exists()
    assert "demo" not in stderr and tokens["access_token"] not in stderr  # no password or token in the logs
