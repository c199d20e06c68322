"""Benchmark: the whole assignment-to-evaluation path of a suggestion through the gateway.

    make bench-path              (or: python bench/suggestion_path.py --suggestions 300 --clients 16)

Each client walks suggestions one after the other through six calls, each as the body whose step it is:
submit (deputy) → propose assignment (congress clerk) → confirm (supervision office) → record contact
(transport) → reply (transport) → evaluate (deputy). Reported: operations per second through the
gateway and the p50/p99 of each step, against a baseline measured in the same run with the same HTTP
client: GET /healthz of the same gateway (no token, no backend), which prices the client and the
HTTP server alone.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import load  # noqa: E402
from bench.stack import running_stack  # noqa: E402

USERS = ("deputy1", "clerk", "office", "transport")
SUGGESTION = {
    "title": "关于增开城乡公交线路的建议",
    "content": "建议优化线路，增开班次。" * 10,
    "category": "transport",
}
EVALUATION = {"attitude": "good", "method": "good", "effect": "good", "overall": "satisfied"}


def p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


async def walk(http: load.Connection, auth: dict[str, dict[str, str]], timings: dict[str, list[float]]) -> None:
    async def step(name: str, user: str, path: str, body: dict[str, object] | None = None) -> dict[str, object]:
        started = time.perf_counter()
        payload = json.dumps(body, ensure_ascii=False).encode() if body is not None else b""
        status, answer = await http.request("POST", f"/api/v1{path}", payload, auth[user])
        timings[name].append((time.perf_counter() - started) * 1000)
        if status not in (200, 201):
            raise RuntimeError(f"{name}: {status} {answer.decode()}")
        return json.loads(answer)  # type: ignore[no-any-return]

    created = await step("submit", "deputy1", "/suggestions", SUGGESTION)
    path = f"/suggestions/{created['id']}"
    await step("propose", "clerk", f"{path}/assignment", {"lead_unit": "transport"})
    await step("confirm", "office", f"{path}/assignment/confirm")
    now = datetime.now(UTC).isoformat()
    contact = {"contacted_at": now, "method": "phone", "contact_person": "王科长", "agreed": "约定"}
    await step("contact", "transport", f"{path}/contacts", contact)
    await step("reply", "transport", f"{path}/reply", {"result": "solved", "text": "已增开班次。"})
    await step("evaluate", "deputy1", f"{path}/evaluation", EVALUATION)


async def measure(port: int, tokens: dict[str, str], suggestions: int, clients: int) -> None:
    auth = {user: {"Authorization": f"Bearer {token}"} for user, token in tokens.items()}
    connections = [load.Connection("127.0.0.1", port) for _ in range(clients)]
    for _ in range(3):  # warm-up
        await walk(connections[0], auth, defaultdict(list))
    baseline: list[float] = []

    async def health(http: load.Connection, n: int) -> None:
        for _ in range(n):
            started = time.perf_counter()
            status, _ = await http.request("GET", "/healthz")
            assert status == 200
            baseline.append((time.perf_counter() - started) * 1000)

    started = time.perf_counter()
    await asyncio.gather(*(health(http, suggestions * 6 // clients) for http in connections))
    baseline_rate = len(baseline) / (time.perf_counter() - started)

    timings: dict[str, list[float]] = defaultdict(list)
    queue = list(range(suggestions))

    async def client(http: load.Connection) -> None:
        while queue:
            queue.pop()
            await walk(http, auth, timings)

    started = time.perf_counter()
    await asyncio.gather(*(client(http) for http in connections))
    elapsed = time.perf_counter() - started
    for http in connections:
        http.close()
    operations = sum(len(v) for v in timings.values())
    rate = operations / elapsed
    print(f"\n{suggestions} suggestions by {clients} clients: {operations} operations in {elapsed:.1f} s")
    print(f"{'step':10} {'p50 ms':>8} {'p99 ms':>8}")
    for name, values in timings.items():
        print(f"{name:10} {p(values, 50):8.1f} {p(values, 99):8.1f}")
    print(f"\npath       {rate:8.0f} operations/s  ({suggestions / elapsed:.0f} suggestions/s end to end)")
    print(f"baseline   {baseline_rate:8.0f} requests/s  (GET /healthz, same client and gateway)")
    print(f"path / baseline = {rate / baseline_rate:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--suggestions", type=int, default=300)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    with running_stack(*USERS) as (settings, tokens):
        asyncio.run(measure(settings.gateway_port, tokens, args.suggestions, args.clients))
    return 0


if __name__ == "__main__":
    sys.exit(main())
