"""What every service process does around its own code: database and migrations, token verifier,
NATS link and outbox relay, the gRPC server, and a clean stop on SIGINT/SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
import uvloop

from wulian.kit.auth import TokenVerifier
from wulian.kit.db import Database, make_engine, migrate
from wulian.kit.events.link import NatsLink
from wulian.kit.events.relay import OutboxRelay
from wulian.kit.grpc_server import start_server
from wulian.kit.logs import configure_logging
from wulian.kit.settings import Settings, load_settings

log = logging.getLogger(__name__)


@dataclass
class ServiceRuntime:
    name: str
    settings: Settings
    db: Database
    link: NatsLink
    relay: OutboxRelay
    verifier: TokenVerifier

    @classmethod
    def create(cls, name: str, settings: Settings, migrations: Path) -> ServiceRuntime:
        engine = make_engine(settings.database_url_for(name), schema=name)
        migrate(engine, migrations)
        db = Database(engine)
        link = NatsLink(settings.nats_url, name=name)
        return cls(
            name=name,
            settings=settings,
            db=db,
            link=link,
            relay=OutboxRelay(db, link, name),
            verifier=TokenVerifier(settings.issuer, settings.token_audience),
        )

    server: grpc.aio.Server | None = None
    # the service's own loops (deadline scheduler, retries), run from start to stop
    background: list[Callable[[], Coroutine[Any, Any, None]]] = field(default_factory=list)
    # what the service holds open besides its own (channels to other services), closed once it has stopped
    on_stop: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)

    async def start(self, register: Callable[[grpc.aio.Server], None]) -> None:
        self.relay.start()
        self._tasks = [asyncio.create_task(loop(), name=f"{self.name}-background") for loop in self.background]
        address = self.settings.grpc_address(self.name)
        self.server, _health = await start_server(address, self.verifier, register)
        log.info("%s serving gRPC on %s", self.name, address)

    async def stop(self) -> None:
        """Finish calls in flight, then stop the relay and let go of NATS and the database."""
        log.info("%s stopping", self.name)
        if self.server is not None:
            await self.server.stop(grace=5)
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        for close in self.on_stop:
            await close()
        await self.relay.stop()
        await self.link.close()
        self.db.close()

    async def serve(self, register: Callable[[grpc.aio.Server], None]) -> None:
        """Serve until SIGINT or SIGTERM."""
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await self.start(register)
        try:
            await stop.wait()
        finally:
            await self.stop()


def run_service(main: Coroutine[Any, Any, None]) -> None:
    """Run a service's ``main`` on uvloop (the gateway's uvicorn uses it too): grpc.aio and nats-py
    spend less of each call in the event loop there than on the default loop."""
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        runner.run(main)


Register = Callable[[grpc.aio.Server], None]


def run_built(name: str, build: Callable[[Settings], tuple[ServiceRuntime, Register]]) -> None:
    """``python -m services.<name>``: settings from the environment, logs, then the service that ``build``
    makes, served until SIGINT or SIGTERM."""
    settings = load_settings()
    configure_logging(name, settings.log_level, settings.log_json)

    async def main() -> None:
        runtime, register = build(settings)
        await runtime.serve(register)

    run_service(main())
