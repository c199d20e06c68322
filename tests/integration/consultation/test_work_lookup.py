"""The consultation service looks linked work up in its owner over real gRPC, with the caller's token: a link
sent without a title (the gateway's form always has one; another client's call may not) takes the name the
owner shows for each kind of work; a refused link leaves the plan's document at its version; an owner that
cannot be reached is a 503-style refusal."""

from __future__ import annotations

import json

import grpc
import pytest

from services.consultation.plan_commands import LinkWork
from services.consultation.work_lookup import OWNER_SERVICES, WorkOwners, checked
from tests.integration.conftest import Stack
from tests.integration.gateway.test_case_review_routes import batch_body, create_review, register_cases
from tests.integration.gateway.test_consultation_links import approved_plan
from tests.integration.gateway.test_evaluation_routes import campaign_plan, published_appraisal, voted_year
from tests.support.processes import free_port
from wulian.consultation.v1 import consultation_pb2 as pb
from wulian.consultation.v1.consultation_pb2_grpc import ConsultationServiceStub
from wulian.kit.errors import Unavailable


def link(stack: Stack, plan_id: str, item_no: int, kind: str, ref: str, title: str = "") -> pb.Document:
    """LinkWork straight to the consultation service, as the clerk (no title unless given). A blocking
    channel: the stack's services run on a loop of their own (``ThreadedLoop``), and the test keeps none."""
    metadata = (("authorization", f"Bearer {stack.tokens.access('clerk')}"),)
    command = pb.LinkWork(item_no=item_no, kind=kind, ref=ref, title=title)
    with grpc.insecure_channel(stack.settings.grpc_address("consultation")) as channel:
        stub = ConsultationServiceStub(channel)
        return stub.LinkWork(pb.LinkWorkRequest(id=plan_id, command=command), metadata=metadata, timeout=10)


def test_a_link_without_a_title_takes_the_name_its_owner_shows(stack: Stack) -> None:
    pid = approved_plan(stack)
    appraisal = published_appraisal(stack)
    projects = voted_year(stack).project_ids
    batch_id = create_review(stack, register_cases(stack))
    works = [
        (1, "appraisal", appraisal.appraisal_id, campaign_plan(stack)["name"]),
        (1, "ballot_session", appraisal.session_id, "部门工作满意度测评"),
        (2, "project", projects["农村公路提档升级"], "农村公路提档升级"),
        (2, "review_batch", batch_id, batch_body([])["name"]),
    ]
    for item_no, kind, ref, _ in works:
        document = link(stack, pid, item_no, kind, ref)
    plan = json.loads(document.json)
    linked = [(i["no"], w["kind"], w["ref"], w["title"]) for i in plan["items"] for w in i["links"]]
    assert linked == works

    with pytest.raises(grpc.RpcError) as caught:
        link(stack, pid, 1, "appraisal", "no-such-appraisal")
    assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert caught.value.details() == "未找到要关联的工作评议（或您无权查看）"
    with pytest.raises(grpc.RpcError) as caught:
        link(stack, pid, 2, "other", "report-2026-7")  # nobody keeps other work: nothing to name it from
    assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    again = link(stack, pid, 2, "other", "report-2026-7", "专题调研报告")  # the next write
    assert again.version == document.version + 1  # the refused links made no version between them


async def test_an_owner_that_cannot_be_reached_is_refused_as_unavailable() -> None:
    nowhere = f"127.0.0.1:{free_port()}"
    owners = WorkOwners(dict.fromkeys(OWNER_SERVICES, nowhere), deadline_s=2.0)
    try:
        for kind in ("appraisal", "review_batch"):
            with pytest.raises(Unavailable, match="暂时无法核实"):
                await checked(LinkWork(1, kind, "a-1", ""), owners)
    finally:
        await owners.close()
