"""A small keep-alive HTTP/1.1 load generator on asyncio streams.

Why not httpx: at the rates measured here (thousands of requests a second on two cores) httpx's own
per-request cost would be a large part of what is measured; this client does one write and one read
per request and nothing else. It speaks only what the benchmark needs: POST with a fixed body,
responses with Content-Length.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass, field


@dataclass
class Result:
    name: str
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)

    @property
    def ok(self) -> int:
        return self.statuses.get(201, 0)

    @property
    def rate(self) -> float:
        return self.ok / self.seconds

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[int(p) - 1]


async def _client(host: str, port: int, request: bytes, until: float, result: Result) -> None:
    while time.perf_counter() < until:
        try:
            await _requests(host, port, request, until, result)
        except (ConnectionError, asyncio.IncompleteReadError):
            result.statuses[-1] = result.statuses.get(-1, 0) + 1  # counted, then a new connection


async def _requests(host: str, port: int, request: bytes, until: float, result: Result) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < until:
            started = time.perf_counter()
            writer.write(request)
            status_line = await reader.readline()
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            await reader.readexactly(length)
            status = int(status_line.split()[1])
            result.statuses[status] = result.statuses.get(status, 0) + 1
            if status == 201:
                result.latencies_ms.append((time.perf_counter() - started) * 1000)
    finally:
        writer.close()


async def run(
    name: str, port: int, body: bytes, headers: dict[str, str], clients: int, seconds: float, warmup_s: float = 1.0
) -> Result:
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    request = (
        f"POST /api/v1/suggestions HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n{head}\r\n"
    ).encode() + body
    warm = Result(name, warmup_s)
    until = time.perf_counter() + warmup_s
    await asyncio.gather(*(_client("127.0.0.1", port, request, until, warm) for _ in range(clients)))
    result = Result(name, seconds)
    until = time.perf_counter() + seconds
    await asyncio.gather(*(_client("127.0.0.1", port, request, until, result) for _ in range(clients)))
    return result


class Connection:
    """One keep-alive connection for benchmarks that send different requests (method, path, body)."""

    def __init__(self, host: str, port: int, headers: dict[str, str] | None = None) -> None:
        self.host, self.port = host, port
        self.head = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        self.writer.write(
            (
                f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n{self.head}{extra}\r\n"
            ).encode()
            + body
        )
        status_line = await self.reader.readline()
        length = 0
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        return int(status_line.split()[1]), await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
