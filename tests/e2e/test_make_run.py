"""``make run``'s supervisor: starts every process, announces the demo logins, stops cleanly on Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.support.stack import settings_from, stack_environment
from wulian.kit.settings import PROJECT_ROOT

pytestmark = pytest.mark.e2e


def test_devstack_starts_everything_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    env = stack_environment(tmp_path / "var")
    settings = settings_from(env)
    supervisor = subprocess.Popen(
        [sys.executable, "-m", "wulian.devstack"],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    output: list[str] = []
    try:
        deadline = time.monotonic() + 90
        assert supervisor.stdout is not None
        while time.monotonic() < deadline:
            line = supervisor.stdout.readline()
            output.append(line)
            if "Ctrl-C stops everything" in line:
                break
        text = "".join(output)
        assert "五联 Wulian is running" in text, text[-3000:]
        assert settings.gateway_url in text
        for username in ("deputy1", "clerk", "transport", "housing", "commission", "court", "expert3", "admin"):
            assert f"    {username} " in text
        assert httpx.get(f"{settings.gateway_url}/readyz").status_code == 200
    finally:
        supervisor.send_signal(signal.SIGINT)
        _rest, _ = supervisor.communicate(timeout=30)
    assert supervisor.returncode is not None
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{settings.gateway_url}/healthz", timeout=1)
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{settings.issuer}/.well-known/openid-configuration", timeout=1)
