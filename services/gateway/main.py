"""Entry point of the gateway: ``python -m services.gateway``."""

from __future__ import annotations

import uvicorn

from services.gateway.app import create_app
from wulian.kit.heap import settle_after_startup
from wulian.kit.logs import configure_logging
from wulian.kit.settings import load_settings


def run() -> None:
    settings = load_settings()
    configure_logging("gateway", settings.log_level, settings.log_json)
    app = create_app(settings)
    settle_after_startup()
    uvicorn.run(
        app,
        host=settings.gateway_host,
        port=settings.gateway_port,
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=5,
    )
