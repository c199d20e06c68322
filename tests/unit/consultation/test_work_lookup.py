"""Linked work is looked up in the link that owns it (``work_lookup``): which call each kind needs, what the
owner's answers become for the caller, which title the link keeps; and the servicer writes nothing when the
owner did not show the work."""

from __future__ import annotations

import json
from typing import Any

import grpc
import pytest

from services.consultation import work_lookup
from services.consultation.grpc_api import ConsultationService
from services.consultation.plan_commands import LinkWork
from services.consultation.plan_records import WorkKind
from services.consultation.work_lookup import LOOKUPS, Lookup, chosen_title, lookup_of, refusal
from wulian.consultation.v1 import consultation_pb2 as pb
from wulian.kit.errors import HTTP_STATUS_FOR_GRPC, InvalidArgument, Unauthenticated, Unavailable
from wulian.kit.grpc_server import _principal_var
from wulian.kit.principal import Principal

CLERK = Principal("clerk-1", "联络员", "congress", frozenset({"congress_clerk"}), "")

APPRAISAL = LOOKUPS[WorkKind.APPRAISAL]


def link(kind: str = "appraisal", ref: str = "a-1", title: str = "") -> LinkWork:
    return LinkWork(1, kind, ref, title)


def rpc_error(code: grpc.StatusCode) -> grpc.aio.AioRpcError:
    return grpc.aio.AioRpcError(code, grpc.aio.Metadata(), grpc.aio.Metadata(), details="owner's words")


@pytest.mark.parametrize(
    ("kind", "service", "method"),
    [
        ("appraisal", "evaluation", "GetAppraisal"),
        ("project", "evaluation", "GetProject"),
        ("ballot_session", "evaluation", "GetBallotSession"),
        ("review_batch", "case_review", "GetBatch"),
    ],
)
def test_each_kind_of_work_is_looked_up_in_the_service_that_owns_it(kind: str, service: str, method: str) -> None:
    lookup = lookup_of(link(kind))
    assert lookup is not None and (lookup.kind, lookup.service, lookup.method) == (WorkKind(kind), service, method)


@pytest.mark.parametrize("command", [link("other"), link("meeting"), link(ref="has space"), link(ref="")])
def test_other_work_and_links_the_plan_refuses_anyway_are_not_looked_up(command: LinkWork) -> None:
    assert lookup_of(command) is None


def test_every_kind_but_other_has_a_lookup() -> None:
    assert set(LOOKUPS) == set(WorkKind) - {WorkKind.OTHER}


@pytest.mark.parametrize(
    "code", [grpc.StatusCode.NOT_FOUND, grpc.StatusCode.PERMISSION_DENIED, grpc.StatusCode.INVALID_ARGUMENT]
)
def test_work_the_owner_does_not_show_is_refused_on_ref_whether_missing_or_not_the_callers(
    code: grpc.StatusCode,
) -> None:
    error = refusal(APPRAISAL, code)
    assert isinstance(error, InvalidArgument) and HTTP_STATUS_FOR_GRPC[error.grpc_status] == 422
    assert error.message == "未找到要关联的工作评议（或您无权查看）"
    assert error.details == [{"field": "ref", "message": error.message}]


def test_each_kind_is_named_in_its_refusal() -> None:
    messages = {lookup.kind: refusal(lookup, grpc.StatusCode.NOT_FOUND).message for lookup in LOOKUPS.values()}
    assert messages[WorkKind.REVIEW_BATCH] == "未找到要关联的案件质量评查（或您无权查看）"
    assert messages[WorkKind.PROJECT] == "未找到要关联的民生实事项目（或您无权查看）"
    assert messages[WorkKind.BALLOT_SESSION] == "未找到要关联的满意度测评（或您无权查看）"


@pytest.mark.parametrize(
    "code", [grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.INTERNAL]
)
def test_an_owner_that_does_not_answer_is_a_503(code: grpc.StatusCode) -> None:
    error = refusal(APPRAISAL, code)
    assert isinstance(error, Unavailable) and HTTP_STATUS_FOR_GRPC[error.grpc_status] == 503
    assert "稍后再试" in error.message and "工作评议" in error.message


def test_a_token_that_expired_on_the_way_asks_to_log_in_again() -> None:
    assert isinstance(refusal(APPRAISAL, grpc.StatusCode.UNAUTHENTICATED), Unauthenticated)


@pytest.mark.parametrize(
    ("kind", "document"),
    [
        (WorkKind.APPRAISAL, {"id": "a-1", "name": "2026 年度工作评议"}),
        (WorkKind.REVIEW_BATCH, {"id": "b-1", "name": "2026 年度工作评议"}),
        (WorkKind.BALLOT_SESSION, {"id": "s-1", "title": "2026 年度工作评议"}),
        (WorkKind.PROJECT, {"summary": {"id": "p-1", "title": "2026 年度工作评议"}}),
    ],
)
def test_a_link_without_a_title_takes_the_works_own_name(kind: WorkKind, document: dict[str, Any]) -> None:
    assert chosen_title("", LOOKUPS[kind], json.dumps(document)) == "2026 年度工作评议"
    assert chosen_title("  ", LOOKUPS[kind], json.dumps(document)) == "2026 年度工作评议"


def test_a_title_given_is_kept() -> None:
    given = "年度评议（常委会）"
    assert chosen_title(given, APPRAISAL, json.dumps({"name": "2026 年度工作评议"})) == given


@pytest.mark.parametrize("document", ["", "not json", "[]", json.dumps({"name": 7}), json.dumps({"title": "x"})])
def test_a_document_without_a_name_leaves_the_title_empty_for_the_plan_to_ask(document: str) -> None:
    assert chosen_title("", APPRAISAL, document) == ""


class Owners:
    """A ``FindWork`` that answers ``document`` (or raises ``error``) and remembers what it was asked."""

    def __init__(self, document: dict[str, Any] | None = None, error: grpc.StatusCode | None = None) -> None:
        self.document, self.error = document or {}, error
        self.asked: list[tuple[str, str, str]] = []
        self.timeouts: list[float | None] = []

    async def __call__(self, lookup: Lookup, ref: str, timeout_s: float | None = None) -> str:
        self.asked.append((lookup.service, lookup.method, ref))
        self.timeouts.append(timeout_s)
        if self.error is not None:
            raise rpc_error(self.error)
        return json.dumps(self.document)


async def test_found_work_is_linked_under_its_own_name_when_none_is_given() -> None:
    owners = Owners({"name": "2026 年度工作评议"})
    checked = await work_lookup.checked(link(ref=" a-1 "), owners)
    assert checked == link(ref=" a-1 ", title="2026 年度工作评议")  # the plan trims the ref as before
    assert owners.asked == [("evaluation", "GetAppraisal", "a-1")]


async def test_other_work_is_linked_without_asking_anyone() -> None:
    owners = Owners(error=grpc.StatusCode.UNAVAILABLE)
    assert await work_lookup.checked(link("other", title="专题调研报告"), owners) == link("other", title="专题调研报告")
    assert owners.asked == []


async def test_work_not_found_is_refused() -> None:
    with pytest.raises(InvalidArgument, match="未找到要关联的工作评议"):
        await work_lookup.checked(link(), Owners(error=grpc.StatusCode.NOT_FOUND))


class ReadOnlyDatabase:
    """Lets the plan be checked (``_may_link``, stubbed here) and fails on anything else: no write."""

    def __init__(self) -> None:
        self.checked: list[str] = []

    async def in_session(self, fn: Any, principal: Any, *args: Any) -> Any:
        if getattr(fn, "__name__", "") != "may_link":
            raise AssertionError(f"the database was used ({fn}) though the work was not found")
        return fn(None, principal, *args)

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the database was used ({name}) though the work was not found")


@pytest.mark.parametrize(
    ("code", "error"), [(grpc.StatusCode.NOT_FOUND, InvalidArgument), (grpc.StatusCode.UNAVAILABLE, Unavailable)]
)
async def test_the_servicer_writes_nothing_unless_the_work_was_found(code: grpc.StatusCode, error: type) -> None:
    def committed() -> None:
        raise AssertionError("an event was committed")

    db = ReadOnlyDatabase()
    service = ConsultationService(db, Owners(error=code), on_committed_event=committed)  # type: ignore[arg-type]
    plans_checked: list[str] = []

    def may_link(_db: Any, _principal: Any, plan_id: str) -> None:
        plans_checked.append(plan_id)

    service._may_link = may_link  # type: ignore[method-assign]
    _principal_var.set(CLERK)  # what the service's interceptor does with a verified token
    request = pb.LinkWorkRequest(id="p-1", command=pb.LinkWork(item_no=1, kind="appraisal", ref="a-1", title="评议"))
    with pytest.raises(error):
        await service.LinkWork(request, None)  # type: ignore[arg-type]
    assert plans_checked == ["p-1"]  # the plan was checked before the work was looked up


def test_the_owner_answers_within_the_incoming_call_s_deadline() -> None:
    assert work_lookup.lookup_timeout(None) is None  # no deadline on the incoming call: the service's own
    assert work_lookup.lookup_timeout(10.0) == 8.0  # a fifth of what is left is kept for the write
    assert work_lookup.lookup_timeout(-1.0) == 0.0  # already past: the owner is not waited for


async def test_the_lookup_is_given_what_is_left_of_the_call() -> None:
    owners = Owners({"name": "2026 年度工作评议"})
    await work_lookup.checked(link(), owners, remaining_s=5.0)
    await work_lookup.checked(link(), owners)
    assert owners.timeouts == [4.0, None]
