"""The whole stack as separate processes (as ``make run`` starts it), for end-to-end tests."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.support.processes import free_port
from wulian.devstack import process_commands
from wulian.kit.settings import DEFAULT_GRPC_PORTS, PROJECT_ROOT, Settings


def stack_environment(var_dir: Path) -> dict[str, str]:
    ports = {name: free_port() for name in DEFAULT_GRPC_PORTS}
    return dict(
        os.environ,
        WULIAN_ENV="test",
        WULIAN_VAR_DIR=str(var_dir),
        WULIAN_IDP_PORT=str(free_port()),
        WULIAN_GATEWAY_PORT=str(free_port()),
        WULIAN_GRPC_PORTS=json.dumps(ports),
        WULIAN_NATS_URL=f"nats://127.0.0.1:{free_port()}",
        WULIAN_DEMO_DATA="true",
        WULIAN_LOG_JSON="true",
        PYTHONUNBUFFERED="1",
    )


def settings_from(env: dict[str, str]) -> Settings:
    wulian = {k.removeprefix("WULIAN_").lower(): v for k, v in env.items() if k.startswith("WULIAN_")}
    wulian["grpc_ports"] = json.loads(wulian["grpc_ports"])
    return Settings.model_validate(wulian)


@dataclass
class ProcessStack:
    env: dict[str, str]
    log_dir: Path
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def settings(self) -> Settings:
        return settings_from(self.env)

    def start(self, name: str) -> None:
        argv = process_commands(self.settings)[name]
        log = (self.log_dir / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(argv, env=self.env, cwd=PROJECT_ROOT, stdout=log, stderr=log)

    def start_all(self) -> None:
        for name in process_commands(self.settings):
            self.start(name)
        self.wait_ready()

    def wait_ready(self, timeout_s: float = 60.0) -> None:
        deadline = time.monotonic() + timeout_s
        url = f"{self.settings.gateway_url}/readyz"
        while time.monotonic() < deadline:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f"{name} exited with {process.returncode}: {self.log(name)[-2000:]}")
            try:
                if httpx.get(url, timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise TimeoutError(f"stack not ready after {timeout_s} s")

    def kill(self, name: str, sig: signal.Signals = signal.SIGKILL) -> None:
        process = self.processes.pop(name)
        process.send_signal(sig)
        process.wait(timeout=20)

    def stop_all(self) -> dict[str, int]:
        codes = {}
        for name in reversed(list(self.processes)):
            process = self.processes[name]
            process.terminate()
            codes[name] = process.wait(timeout=20)
        self.processes.clear()
        return codes

    def log(self, name: str) -> str:
        return (self.log_dir / f"{name}.log").read_text(errors="replace")


class EventStream:
    """Reads GET /api/v1/events in a thread and keeps every event it receives."""

    def __init__(self, url: str, token: str) -> None:
        self.url = url
        self.token = token
        self.events: list[dict[str, Any]] = []
        self.connected = threading.Event()
        self._stop = False
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()
        if not self.connected.wait(10):
            raise TimeoutError("event stream did not connect")

    def _read(self) -> None:
        try:
            self._read_until_closed()
        except httpx.HTTPError:
            if not self._stop:
                raise

    def _read_until_closed(self) -> None:
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "text/event-stream"}
        with httpx.stream("GET", self.url, headers=headers, timeout=httpx.Timeout(5, read=None)) as response:
            response.raise_for_status()
            self.connected.set()
            event: dict[str, Any] = {}
            for line in self._lines(response):
                if self._stop:
                    return
                if not line:
                    if "data" in event:
                        self.events.append(event | {"data": json.loads(event["data"])})
                    event = {}
                elif not line.startswith(":"):
                    key, _, value = line.partition(":")
                    event[key] = value.removeprefix(" ")

    @staticmethod
    def _lines(response: httpx.Response) -> Iterator[str]:
        yield from response.iter_lines()

    def wait_for(self, predicate: Any, timeout_s: float = 20.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if predicate(self.events):
                return self.events
            time.sleep(0.05)
        raise AssertionError(f"events not received in time; got {len(self.events)}")

    def close(self) -> None:
        self._stop = True


class Body:
    """One body's logged-in user, speaking to the gateway."""

    def __init__(self, http: httpx.Client, token: str) -> None:
        self.http, self.headers = http, {"Authorization": f"Bearer {token}"}

    def get(self, path: str, **params: Any) -> httpx.Response:
        return self.http.get(f"/api/v1{path}", params=params, headers=self.headers)

    def post(self, path: str, body: Any = None, **kwargs: Any) -> httpx.Response:
        return self.http.post(f"/api/v1{path}", json=body, headers=self.headers, **kwargs)

    def ok(self, response: httpx.Response, status: int = 200) -> Any:
        assert response.status_code == status, response.text
        return response.json()
