from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from services.gateway.errors import error_response
from wulian.kit.grpc_client import is_serving

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="进程存活")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="后台服务均可用时就绪")
async def readyz(request: Request) -> JSONResponse:
    channels = request.app.state.backends.channels
    answers = await asyncio.gather(*(is_serving(channel) for channel in channels.values()))
    down = sorted(name for name, ok in zip(channels, answers, strict=True) if not ok)
    if down:
        return error_response(503, "not_ready", "后台服务尚未就绪", {"unavailable": down})
    return JSONResponse({"status": "ready", "backends": sorted(channels)})
