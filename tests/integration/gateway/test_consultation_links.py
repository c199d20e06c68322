"""Work linked to an approved plan's item is looked up, with the caller's own token, in the link that owns it:
a real appraisal is linked; a made-up one, or work the caller may not see, is refused with a clerk's message
(422 on ``ref``) and the plan keeps its version and links; ``other`` work is kept by nobody and linked without
a lookup."""

from __future__ import annotations

from typing import Any

from tests.integration.conftest import Stack
from tests.integration.gateway.test_case_review_routes import create_review, register_cases
from tests.integration.gateway.test_consultation_routes import PLAN, attempt
from tests.integration.gateway.test_evaluation_routes import campaign_plan, get, post, refused


def approved_plan(stack: Stack) -> str:
    """The clerk's supervision plan (two items), approved: work may be linked to it."""
    plan = post(stack, "/plans", "clerk", PLAN, 201)
    approved = post(stack, f"/plans/{plan['id']}/approval", "clerk", {"note": "经主任会议审议，报市委同意"})
    assert approved["status"] == "approved"
    return str(plan["id"])


def links_of(stack: Stack, plan_id: str) -> list[tuple[int, str, str, str]]:
    """The plan's items' links: (item, kind, ref, title)."""
    plan = get(stack, f"/plans/{plan_id}")
    return [(i["no"], w["kind"], w["ref"], w["title"]) for i in plan["items"] for w in i["links"]]


def refused_link(stack: Stack, plan_id: str, username: str, link: dict[str, Any], message: str) -> None:
    before = get(stack, f"/plans/{plan_id}")
    error = refused(attempt(stack, "POST", f"/plans/{plan_id}/links", username, link))
    assert (error["code"], error["message"]) == ("invalid_argument", message), error
    assert error["details"] == [{"field": "ref", "message": message}]
    assert get(stack, f"/plans/{plan_id}") == before  # nothing written: no link, no new version


def test_a_real_appraisal_is_linked_and_made_up_work_is_refused(stack: Stack) -> None:
    pid = approved_plan(stack)
    appraisal = post(stack, "/appraisals", "clerk", campaign_plan(stack), 201)
    made_up = [
        ("appraisal", "工作评议"),
        ("project", "民生实事项目"),
        ("ballot_session", "满意度测评"),
        ("review_batch", "案件质量评查"),
    ]
    for kind, label in made_up:
        link = {"item_no": 1, "kind": kind, "ref": "no-such-work-2026", "title": "年度工作"}
        refused_link(stack, pid, "clerk", link, f"未找到要关联的{label}（或您无权查看）")
    # An appraisal's id in another kind's place is not that kind's work either.
    as_project = {"item_no": 1, "kind": "project", "ref": appraisal["id"], "title": appraisal["name"]}
    refused_link(stack, pid, "clerk", as_project, "未找到要关联的民生实事项目（或您无权查看）")

    assert links_of(stack, pid) == []
    link = {"item_no": 1, "kind": "appraisal", "ref": appraisal["id"], "title": "常委会年度工作评议"}
    post(stack, f"/plans/{pid}/links", "clerk", link, 201)
    assert links_of(stack, pid) == [(1, "appraisal", appraisal["id"], "常委会年度工作评议")]  # the title given


def test_a_link_without_a_title_takes_the_work_s_own_name(stack: Stack) -> None:
    pid = approved_plan(stack)
    appraisal = post(stack, "/appraisals", "clerk", campaign_plan(stack), 201)
    post(stack, f"/plans/{pid}/links", "clerk", {"item_no": 1, "kind": "appraisal", "ref": appraisal["id"]}, 201)
    assert links_of(stack, pid) == [(1, "appraisal", appraisal["id"], appraisal["name"])]


def test_other_work_is_linked_without_a_lookup(stack: Stack) -> None:
    pid = approved_plan(stack)
    other = {"item_no": 2, "kind": "other", "ref": "report-2026-7", "title": "专题调研报告"}
    post(stack, f"/plans/{pid}/links", "clerk", other, 201)
    assert links_of(stack, pid) == [(2, "other", "report-2026-7", "专题调研报告")]
    untitled = attempt(stack, "POST", f"/plans/{pid}/links", "clerk", {"item_no": 2, "kind": "other", "ref": "r-8"})
    assert untitled.status_code == 422, untitled.text  # nobody keeps other work: its title must be given
    assert links_of(stack, pid) == [(2, "other", "report-2026-7", "专题调研报告")]


def test_a_caller_links_only_work_they_may_see(stack: Stack) -> None:
    """The congress leader drafts and links for the congress's plan but is no organizer of case reviews: the
    case-review service does not show them the batch, so they cannot link it; the clerk, who organizes it, can."""
    pid = approved_plan(stack)
    batch_id = create_review(stack, register_cases(stack))
    link = {"item_no": 2, "kind": "review_batch", "ref": batch_id, "title": "涉企案件评查"}
    assert attempt(stack, "GET", f"/reviews/{batch_id}", "leader").status_code in (403, 404)
    refused_link(stack, pid, "leader", link, "未找到要关联的案件质量评查（或您无权查看）")
    post(stack, f"/plans/{pid}/links", "clerk", link, 201)
    assert links_of(stack, pid) == [(2, "review_batch", batch_id, "涉企案件评查")]


def test_the_plan_is_checked_before_the_work_is_looked_up(stack: Stack) -> None:
    """The commission's staff may link work to their own plans, not to the congress's: the service refuses them
    for the plan before anyone is asked about the work, so a made-up id tells them nothing about it."""
    pid = approved_plan(stack)
    before = get(stack, f"/plans/{pid}")
    link = {"item_no": 1, "kind": "appraisal", "ref": "no-such-work-2026", "title": "年度工作"}
    response = attempt(stack, "POST", f"/plans/{pid}/links", "commission", link)
    assert response.status_code == 403, response.text
    assert response.json()["error"]["message"] == "只有人大常委会工作人员可以关联工作成果"  # the plan's, not the work's
    assert get(stack, f"/plans/{pid}") == before
