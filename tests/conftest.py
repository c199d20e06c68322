"""Fixtures with real parts: a nats-server on a free port, the development identity provider, SQLite
files and (when WULIAN_TEST_POSTGRES_URL is set) a throwaway PostgreSQL database per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

# The shared checks in tests/support (schema checks, the access matrix, …) fail with the values compared,
# as assertions in test modules do; must come before those modules are first imported.
pytest.register_assert_rewrite("tests.support")

from tests.support.identity import Tokens  # noqa: E402
from tests.support.postgres import postgres_url, throwaway_database  # noqa: E402
from tests.support.processes import NatsServer, ThreadedServer, free_port  # noqa: E402
from wulian.kit.settings import DEFAULT_GRPC_PORTS, Settings  # noqa: E402


@pytest.fixture(scope="session")
def nats_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NatsServer]:
    server = NatsServer(tmp_path_factory.mktemp("nats"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def idp_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    from services.idp.app import create_app

    settings = Settings(env="test", var_dir=tmp_path_factory.mktemp("idp"), idp_port=free_port())
    with ThreadedServer(create_app(settings), settings.idp_port).running():
        yield settings


@pytest.fixture(scope="session")
def tokens(idp_settings: Settings) -> Tokens:
    return Tokens(idp_settings)


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield ""  # a SQLite file per service under var_dir
        return
    server = postgres_url()
    if server is None:
        pytest.skip("WULIAN_TEST_POSTGRES_URL is not set")
    with throwaway_database(server) as url:
        yield url


def make_settings(tmp_path: Path, idp_settings: Settings, nats_url: str, database_url: str = "") -> Settings:
    ports = {name: free_port() for name in DEFAULT_GRPC_PORTS}
    return Settings(
        env="test",
        var_dir=tmp_path / "var",
        idp_port=idp_settings.idp_port,
        nats_url=nats_url,
        grpc_ports=ports,
        database_url=database_url,
        demo_data=False,
        log_json=False,
        gateway_instance=f"test-{free_port()}",
    )


@pytest.fixture
def settings(tmp_path: Path, idp_settings: Settings, nats_server: NatsServer, database_url: str) -> Settings:
    return make_settings(tmp_path, idp_settings, nats_server.url, database_url)
