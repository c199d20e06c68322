"""The access matrix of the clue and audit routes: every route × every demo user → the expected status,
through the real stack (gateway route policy, then the clue service's own object-level check).

Each cell gets the state its route needs (a fresh clue in the right state where the action changes one),
so a cell tests access and not state. Each cell also checks what it wrote: the audit log grows by one
entry for a transfer, a step of the commission and a read of a clue's contents, and by nothing for a
refusal, a list, a status-view read or a look at the log itself. A refused step leaves the clue as it was.

The table and the gateway's refusal are read as in tests/support/access_matrix; its phases, which act on
shared objects, do not fit here, where every cell builds its own clue and checks the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import grpc
import httpx
import pytest

from services.gateway.app import create_app
from services.gateway.schemas_clues import FULL_ONLY
from tests.integration.conftest import Stack
from tests.support.access_matrix import API, DEMO_USERS, gateway_refused, parse
from wulian.clues.v1 import clues_pb2 as pb
from wulian.clues.v1.clues_pb2_grpc import ClueServiceStub
from wulian.kit.settings import Settings

TRANSFER: dict[str, Any] = {
    "summary": "反映某局副局长违规插手工程项目",
    "details": "据反映，该副局长在 2025 年道路改造项目招标中为亲属企业打招呼。",
    "subject_kind": "person",
    "subject_name": "张某",
    "subject_org": "市交通运输局",
    "subject_position": "副局长",
    "attachment_hashes": ["ab" * 32],
}

# 2xx: allowed; 403: refused by the gateway's route policy; 404: the service shows the caller nothing.
MATRIX_TABLE = """
route       deputy1 clerk committee leader office transport housing commission station court procuratorate expert1 admin
transfer    403     201   201       201    403    403       403     403        403     403   403           403     403
list        403     200   200       200    403    403       403     200        200     403   403           403     200
get         403     200   200       200    403    403       403     200        200     403   403           403     404
acknowledge 403     403   403       403    403    403       403     200        403     403   403           403     403
accept      403     403   403       403    403    403       403     200        403     403   403           403     403
decline     403     403   403       403    403    403       403     200        403     403   403           403     403
disposition 403     403   403       403    403    403       403     201        403     403   403           403     403
feedback    403     403   403       403    403    403       403     201        403     403   403           403     403
checkpoint  403     200   200       200    200    403       403     200        200     403   403           403     200
proof       403     200   200       200    200    403       403     200        200     403   403           403     200
consistency 403     200   200       200    200    403       403     200        200     403   403           403     200
"""

USERS, CELLS = parse(MATRIX_TABLE)
MATRIX = {cell: int(status) for cell, status in CELLS.items()}
FULL_READERS = {"commission", "station"}  # the discipline roles that read a manual clue's contents


# --- the clue in the state a route needs ----------------------------------------------------------


def ok(response: httpx.Response) -> dict[str, Any]:
    assert response.is_success, response.text
    return dict(response.json())


def transfer(stack: Stack, username: str = "clerk") -> str:
    return str(ok(stack.http.post(f"{API}/clues", json=TRANSFER, headers=stack.as_user(username)))["clue_id"])


def commission_step(stack: Stack, clue_id: str, step: str, body: dict[str, str] | None = None) -> None:
    ok(stack.http.post(f"{API}/clues/{clue_id}/{step}", json=body, headers=stack.as_user("commission")))


def transferred(stack: Stack) -> str:
    return transfer(stack)


def acknowledged(stack: Stack) -> str:
    clue_id = transfer(stack)
    commission_step(stack, clue_id, "acknowledge")
    return clue_id


def accepted(stack: Stack) -> str:
    clue_id = acknowledged(stack)
    commission_step(stack, clue_id, "accept", {"note": "转第三审查调查室"})
    return clue_id


def disposed(stack: Stack) -> str:
    clue_id = accepted(stack)
    commission_step(stack, clue_id, "dispositions", {"kind": "preliminary_verification", "note": "开展初步核实"})
    return clue_id


@dataclass(frozen=True)
class Route:
    """How to put a clue in the state the route needs (None: no clue of its own), and how to call it."""

    prepare: Callable[[Stack], str] | None
    call: Callable[[Stack, str, dict[str, str]], httpx.Response]
    changes_state: bool = False


def post(path: str, body: dict[str, str] | None = None) -> Callable[[Stack, str, dict[str, str]], httpx.Response]:
    def call(stack: Stack, clue_id: str, headers: dict[str, str]) -> httpx.Response:
        return stack.http.post(path.format(id=clue_id), json=body, headers=headers)

    return call


def get(path: str, **params: int | str) -> Callable[[Stack, str, dict[str, str]], httpx.Response]:
    def call(stack: Stack, clue_id: str, headers: dict[str, str]) -> httpx.Response:
        return stack.http.get(path.format(id=clue_id), params=params, headers=headers)

    return call


ROUTES: dict[str, Route] = {
    "transfer": Route(None, lambda stack, _, headers: stack.http.post(f"{API}/clues", json=TRANSFER, headers=headers)),
    "list": Route(None, get(f"{API}/clues")),
    "get": Route(None, get(f"{API}/clues/{{id}}")),
    "acknowledge": Route(transferred, post(f"{API}/clues/{{id}}/acknowledge"), True),
    "accept": Route(acknowledged, post(f"{API}/clues/{{id}}/accept", {"note": "予以受理"}), True),
    "decline": Route(acknowledged, post(f"{API}/clues/{{id}}/decline", {"reason": "不属于本机关管辖"}), True),
    "disposition": Route(
        accepted, post(f"{API}/clues/{{id}}/dispositions", {"kind": "talk_or_inquiry", "note": "谈话"}), True
    ),
    "feedback": Route(disposed, post(f"{API}/clues/{{id}}/feedback", {"text": "经初核，已予了结"}), True),
    "checkpoint": Route(None, get(f"{API}/audit/checkpoint")),
    "proof": Route(None, get(f"{API}/audit/entries/0/proof")),
    "consistency": Route(None, get(f"{API}/audit/consistency", **{"from": 1})),
}


def audit_size(stack: Stack) -> int:
    return int(ok(stack.http.get(f"{API}/audit/checkpoint", headers=stack.as_user("commission")))["size"])


def status_of(stack: Stack, clue_id: str) -> tuple[str, int]:
    """The clue's status and version as the transferring body sees them (a read that writes nothing)."""
    clue = ok(stack.http.get(f"{API}/clues/{clue_id}", headers=stack.as_user("clerk")))
    return clue["status"], clue["version"]


def audited(route: str, user: str, status: int) -> int:
    """How many audit entries a cell writes: the transfer, a step, or a read of the contents."""
    if status >= 400:
        return 0
    if route == "get":
        return 1 if user in FULL_READERS else 0
    return 1 if route in ("transfer", "acknowledge", "accept", "decline", "disposition", "feedback") else 0


def check_body(route: str, user: str, body: dict[str, Any]) -> None:
    """What a body sees of a clue: the transferring body never the contents, the discipline roles all of
    them, platform_admin only counts."""
    if route == "get":
        if user in FULL_READERS:
            assert body["view"] == "full"
            assert (body["summary"], body["details"]) == (TRANSFER["summary"], TRANSFER["details"])
            assert (body["subject_name"], body["attachment_hashes"]) == ("张某", TRANSFER["attachment_hashes"])
        else:
            assert body["view"] == "status"
            assert all(body[name] is None for name in FULL_ONLY), body
            assert TRANSFER["subject_name"] not in str(body) and TRANSFER["summary"] not in str(body)
    if route == "list":
        if user == "admin":
            assert body["items"] == [] and body["next_page_token"] is None
            assert body["counts"] and body["total"] == sum(body["counts"].values()) >= 1
        else:
            assert body["items"] and body["counts"] == {}
            for item in body["items"]:
                assert item["view"] == "status" and not set(item) & {*FULL_ONLY, "feedback", "decline_reason"}
    if route == "transfer":
        assert body["status"] == "transferred" and body["proof"]["index"] == body["audit_index"]


def test_the_access_matrix(stack: Stack) -> None:
    shared = transfer(stack)  # the clue the reads look at; entry 0 of the log
    failures = []
    for route, spec in ROUTES.items():
        for user in USERS:
            expected = MATRIX[route, user]
            clue_id = spec.prepare(stack) if spec.prepare else shared
            before_state = status_of(stack, clue_id)
            before_size = audit_size(stack)
            response = spec.call(stack, clue_id, stack.as_user(user))
            if response.status_code != expected or (expected == 403) is not gateway_refused(response):
                wanted = "the gateway's 403" if expected == 403 else expected
                failures.append(f"{route} × {user}: {response.status_code}, expected {wanted}: {response.text}")
                continue
            if response.is_success:
                check_body(route, user, response.json())
                assert (status_of(stack, clue_id) != before_state) is spec.changes_state, (route, user)
            else:
                assert set(response.json()) == {"error"}
                assert status_of(stack, clue_id) == before_state, (route, user)
            assert audit_size(stack) - before_size == audited(route, user, expected), (route, user)
    assert not failures, "\n".join(failures)


def test_the_matrix_covers_every_clue_and_audit_route_and_every_user() -> None:
    paths = create_app(Settings(env="test")).openapi()["paths"]
    operations = {
        (method, path)
        for path, ops in paths.items()
        for method in ops
        if path.startswith((f"{API}/clues", f"{API}/audit"))
    }
    assert len(operations) == len(ROUTES) == 11
    assert set(USERS) == DEMO_USERS - {"expert2", "expert3"}  # the table has no column for these two


# --- the commission's steps in the wrong state, and a clue that does not exist --------------------

WRONG_STATE = [
    ("acknowledge", acknowledged, None),
    ("accept", transferred, {"note": "受理"}),
    ("accept", accepted, {"note": "再次受理"}),
    ("decline", transferred, {"reason": "不属于管辖"}),
    ("decline", accepted, {"reason": "不属于管辖"}),
    ("dispositions", acknowledged, {"kind": "set_aside", "note": "暂存"}),
    ("feedback", accepted, {"text": "尚无处置即反馈"}),  # a feedback needs a disposition on record
]


def test_the_commission_is_refused_a_step_the_state_does_not_allow(stack: Stack) -> None:
    for step, prepare, body in WRONG_STATE:
        clue_id = prepare(stack)
        before, size = status_of(stack, clue_id), audit_size(stack)
        response = stack.http.post(f"{API}/clues/{clue_id}/{step}", json=body, headers=stack.as_user("commission"))
        assert response.status_code == 409, (step, prepare.__name__, response.text)
        assert response.json()["error"]["code"] == "conflict"
        assert (status_of(stack, clue_id), audit_size(stack)) == (before, size)


def test_a_clue_that_does_not_exist_is_not_found_for_everyone_allowed_to_ask(stack: Stack) -> None:
    transfer(stack)
    missing = "00000000-0000-4000-8000-000000000000"
    for user in ("clerk", "committee", "leader", "commission", "station", "admin"):
        assert stack.http.get(f"{API}/clues/{missing}", headers=stack.as_user(user)).status_code == 404, user
    for step in ("acknowledge", "accept", "decline", "dispositions", "feedback"):
        body = {"reason": "r", "kind": "concluded", "note": "n", "text": "t"}
        wanted = {"decline": ["reason"], "dispositions": ["kind", "note"], "feedback": ["text"]}.get(step, [])
        response = stack.http.post(
            f"{API}/clues/{missing}/{step}", json={k: body[k] for k in wanted}, headers=stack.as_user("commission")
        )
        assert response.status_code == 404, (step, response.text)


# --- behind the gateway: the service refuses the same callers on its own ---------------------------


@pytest.fixture
def clue_stub(stack: Stack) -> Any:
    with grpc.insecure_channel(stack.settings.grpc_address("clues")) as channel:
        yield ClueServiceStub(channel)


def grpc_code(call: Callable[..., Any], request: Any, stack: Stack, user: str) -> grpc.StatusCode:
    metadata = (("authorization", stack.as_user(user)["Authorization"]),)
    try:
        call(request, metadata=metadata, timeout=10)
    except grpc.RpcError as error:
        return error.code()  # type: ignore[no-any-return]
    return grpc.StatusCode.OK


def test_the_service_refuses_on_its_own_whom_the_gateway_refuses(stack: Stack, clue_stub: Any) -> None:
    """Deny by default holds without the gateway: each caller the route policy keeps out is refused by the
    clue service too (PERMISSION_DENIED, or NOT_FOUND where the caller may not know the clue exists)."""
    clue_id = acknowledged(stack)
    size = audit_size(stack)
    denied, hidden = grpc.StatusCode.PERMISSION_DENIED, grpc.StatusCode.NOT_FOUND
    outsiders = ("deputy1", "office", "transport", "court", "expert1")
    cases: list[tuple[str, Callable[..., Any], Any, dict[str, grpc.StatusCode]]] = [
        (
            "transfer",
            clue_stub.TransferClue,
            pb.TransferClueRequest(source_kind="manual", **TRANSFER),
            dict.fromkeys((*outsiders, "commission", "station", "admin"), denied),
        ),
        ("list", clue_stub.ListClues, pb.ListCluesRequest(), dict.fromkeys(outsiders, denied)),
        ("get", clue_stub.GetClue, pb.ClueRef(id=clue_id), dict.fromkeys((*outsiders, "admin"), hidden)),
        (
            "accept",
            clue_stub.AcceptClue,
            pb.AcceptClueRequest(id=clue_id),
            dict.fromkeys((*outsiders, "admin"), hidden) | dict.fromkeys(("clerk", "leader", "station"), denied),
        ),
    ]
    for name, call, request, expected in cases:
        for user, code in expected.items():
            assert grpc_code(call, request, stack, user) == code, (name, user)
    assert status_of(stack, clue_id)[0] == "acknowledged"
    assert audit_size(stack) == size
