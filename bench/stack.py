"""The whole platform as `make run` starts it (separate processes, a fresh SQLite per service, no demo
data, quiet logs), with access tokens for the benchmark's users."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

from keycloak import KeycloakOpenID

from tests.support.stack import ProcessStack, stack_environment
from wulian.kit.settings import Settings


@contextlib.contextmanager
def running_stack(*users: str) -> Iterator[tuple[Settings, dict[str, str]]]:
    """The stack's settings and an access token per user (demo password), until the block ends."""
    with tempfile.TemporaryDirectory() as tmp:
        env = stack_environment(Path(tmp) / "var") | {"WULIAN_DEMO_DATA": "false", "WULIAN_LOG_LEVEL": "WARNING"}
        stack = ProcessStack(env=env, log_dir=Path(tmp))
        try:
            stack.start_all()
            settings = stack.settings
            oidc = KeycloakOpenID(server_url=settings.idp_base_url, realm_name=settings.realm, client_id="wulian-cli")
            yield settings, {user: str(oidc.token(user, "demo")["access_token"]) for user in users}
        finally:
            stack.stop_all()
