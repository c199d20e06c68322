"""An identity provider of these tests' own (uvicorn in a background thread, a fresh var_dir), so that
the accounts the brute-force tests lock out do not leak into other tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from keycloak import KeycloakOpenID

from services.idp.app import create_app
from tests.support.processes import ThreadedServer, free_port
from wulian.kit.settings import Environment, Settings


@pytest.fixture(scope="module")
def idp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    settings = Settings(env=Environment.TEST, var_dir=tmp_path_factory.mktemp("idp"), idp_port=free_port())
    with ThreadedServer(create_app(settings), settings.idp_port).running():
        yield settings


OpenId = Callable[..., KeycloakOpenID]


@pytest.fixture
def oidc(idp: Settings) -> OpenId:
    """python-keycloak's client for realm wulian, exactly as code would point it at Keycloak."""

    def client(client_id: str = "wulian-cli", secret: str | None = None) -> KeycloakOpenID:
        return KeycloakOpenID(
            server_url=idp.idp_base_url, realm_name="wulian", client_id=client_id, client_secret_key=secret
        )

    return client
