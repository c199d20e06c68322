"""The access matrix of a group of gateway routes: every route × every demo user, through the real stack.

A test declares its routes (``get``, ``post``, ``patch``, ``Route``) and two tables (``parse``): what each
user gets from each read route, and which writes the gateway lets through. The three phases below each return
the cells that went wrong, one line a cell, for a single assertion at the end of the test; ``assert_covers``
checks that the tables name every route the gateway declares under the test's prefixes, and every demo user.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

import httpx

from services.gateway.app import create_app
from tests.support.workbooks import xlsx
from wulian.kit.settings import Environment, Settings

API = "/api/v1"
GATEWAY_REFUSAL = "您的角色无权进行此操作"  # the gateway's 403 for a role outside the route's policy
DEMO_USERS = frozenset({
    "deputy1", "clerk", "committee", "leader", "office", "transport", "housing", "commission", "station", "court",
    "procuratorate", "expert1", "expert2", "expert3", "admin",
})  # fmt: skip
PASSED = (200, 201, 403, 404, 409, 422)  # what a write the gateway lets through may answer, for reasons of its own


class Caller(Protocol):
    """What the matrix needs of the stack: its HTTP client and a demo user's headers."""

    @property
    def http(self) -> httpx.Client: ...

    def as_user(self, username: str) -> dict[str, str]: ...


class SharedObjects(Protocol):
    """The objects a test builds for every cell to act on: ``ids`` fills in the routes' path parameters."""

    @property
    def ids(self) -> Mapping[str, Any]: ...


ObjectsT = TypeVar("ObjectsT", bound=SharedObjects)
Cells = Mapping[tuple[str, str], str]  # (route, user) → the table's cell


def parse(table: str) -> tuple[list[str], dict[tuple[str, str], str]]:
    header, *rows = [line.split() for line in table.strip().splitlines()]
    users = header[1:]
    cells = {}
    for route, *values in rows:
        assert len(values) == len(users), route
        cells.update({(route, user): value for user, value in zip(users, values, strict=True)})
    return users, cells


@dataclass(frozen=True)
class Route(Generic[ObjectsT]):
    method: str
    template: str  # under /api/v1, as the gateway declares it
    body: Callable[[ObjectsT], Any] | None = None
    workbook: tuple[str, Sequence[Sequence[object]]] | None = None  # (file name, rows): an Excel import, as a dry run

    def call(self, stack: Caller, objects: ObjectsT, headers: dict[str, str]) -> httpx.Response:
        url = API + self.template.format(**objects.ids)
        if self.workbook is not None:
            filename, rows = self.workbook
            files = {"file": (filename, xlsx(rows))}
            return stack.http.post(url, params={"dry_run": "true"}, files=files, headers=headers)
        body = self.body(objects) if self.body is not None else None
        return stack.http.request(self.method, url, json=body, headers=headers)


def get(template: str) -> Route[Any]:
    return Route("GET", template)


def post(template: str, body: Callable[[ObjectsT], Any] | None = None) -> Route[ObjectsT]:
    return Route("POST", template, body)


def patch(template: str, body: Callable[[ObjectsT], Any]) -> Route[ObjectsT]:
    return Route("PATCH", template, body)


def gateway_refused(response: httpx.Response) -> bool:
    return response.status_code == 403 and response.json()["error"]["message"] == GATEWAY_REFUSAL


def read_failures(
    stack: Caller,
    objects: ObjectsT,
    routes: Mapping[str, Route[ObjectsT]],
    expected_status: Callable[[str, str], int],
    users: Sequence[str],
) -> list[str]:
    """Every read route as every user, against ``expected_status(route, user)``; a 403 must be the gateway's
    refusal, and any other status must not be."""
    failures = []
    for name, route in routes.items():
        for user in users:
            expected = expected_status(name, user)
            response = route.call(stack, objects, stack.as_user(user))
            if response.status_code != expected or (expected == 403) is not gateway_refused(response):
                failures.append(f"{name} × {user}: {response.status_code}, expected {expected}: {response.text[:300]}")
    return failures


def refused_write_failures(
    stack: Caller, objects: ObjectsT, routes: Mapping[str, Route[ObjectsT]], cells: Cells, users: Sequence[str]
) -> list[str]:
    """Every write a cell refuses, as that user: ``403``, by the gateway; ``N``, by the service, with a 404 (the
    object is outside the caller's scope). Run these before the allowed writes, while the shared objects are
    still as built, and check afterwards that nothing changed."""
    failures = []
    for name, route in routes.items():
        for user in [u for u in users if cells[name, u] in ("403", "N")]:
            response = route.call(stack, objects, stack.as_user(user))
            by_service = cells[name, user] == "N"
            if (response.status_code, gateway_refused(response)) != ((404, False) if by_service else (403, True)):
                expected = "the service's 404" if by_service else "the gateway's 403"
                failures.append(f"{name} × {user}: {response.status_code}, expected {expected}: {response.text}")
    return failures


def allowed_write_failures(
    stack: Caller, objects: ObjectsT, routes: Mapping[str, Route[ObjectsT]], cells: Cells, users: Sequence[str]
) -> list[str]:
    """Every write a cell allows (``+``), as that user: it passes the gateway, and the service may still refuse
    it (403, 404, 409, 422: the shared objects are in whatever state the earlier cells left them) but never
    fails."""
    failures = []
    for name, route in routes.items():
        for user in [u for u in users if cells[name, u] == "+"]:
            response = route.call(stack, objects, stack.as_user(user))
            if gateway_refused(response) or response.status_code not in PASSED:
                failures.append(
                    f"{name} × {user}: {response.status_code}, expected to pass the gateway: {response.text}"
                )
    return failures


def assert_covers(
    prefixes: Iterable[str],
    read_routes: Mapping[str, Route[Any]],
    write_routes: Mapping[str, Route[Any]],
    reads: Cells,
    writes: Cells,
    users: Iterable[str],
    count: int,
) -> None:
    """The routes are exactly the gateway's operations under ``/api/v1/<prefix>`` (``count`` of them), the tables
    name exactly the routes, and their columns are exactly the demo users.

    (No assertion rewriting here, outside a test module: every assertion says what differs.)"""
    paths = create_app(Settings(env=Environment.TEST)).openapi()["paths"]
    under = tuple(f"{API}/{p}" for p in prefixes)
    operations = {(method.upper(), path) for path, ops in paths.items() for method in ops if path.startswith(under)}
    routes = [*read_routes.values(), *write_routes.values()]
    declared = {(r.method, API + r.template) for r in routes}
    assert declared == operations, (
        f"routes the gateway does not declare: {sorted(declared - operations)}; "
        f"operations no route covers: {sorted(operations - declared)}"
    )
    assert len(routes) == len(operations) == count, f"{len(routes)} routes, {len(operations)} operations, not {count}"
    for kind, cells, named in (("read", reads, read_routes), ("write", writes, write_routes)):
        rows = {name for name, _ in cells}
        assert rows == set(named), (
            f"{kind} rows without a route: {sorted(rows - set(named))}; "
            f"{kind} routes without a row: {sorted(set(named) - rows)}"
        )
    columns = set(users)
    assert columns == DEMO_USERS, (
        f"columns that are no demo user: {sorted(columns - DEMO_USERS)}; "
        f"demo users without a column: {sorted(DEMO_USERS - columns)}"
    )
