"""监督事项联商 over real HTTP: the congress's supervision plan drafted, proposed to by a deputy and the
government, sent to the discipline commission and the government for opinions, the opinions adopted or not,
approved, one item linked to an appraisal and the plan adjusted in the year with its reason; the commission's
draft work report answered by a deputy; a joint meeting's minutes and action items — one done, one cancelled,
one overdue (the service's own deadline step, its clock moved past the due day) — and the meeting closed; a
bulletin read by its recipients and invisible to everyone else; a joint analysis concluded; bad input refused
with a Chinese message and nothing written.

The builders at the top (a consulted plan, a held meeting, a bulletin, an analysis) are shared with
``test_consultation_access``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from services.consultation import handlers
from tests.integration.conftest import Stack
from tests.integration.gateway.test_case_review_routes import API, GATEWAY_REFUSAL, ok
from tests.integration.gateway.test_evaluation_routes import campaign_plan, get, post, refused
from tests.support.stack import EventStream
from wulian.kit.db import Database, make_engine

BEIJING = ZoneInfo("Asia/Shanghai")
OPINION = "建议将整治群众身边不正之风纳入执法检查重点"


def today() -> date:
    """The Beijing day: reply and due days are Beijing calendar days."""
    return datetime.now(BEIJING).date()


YEAR = today().year


def day(days: int = 0) -> str:
    return (today() + timedelta(days=days)).isoformat()


def item(topic: str, form: str = "law_enforcement_inspection", **timing: int) -> dict[str, Any]:
    return {"topic": topic, "form": form, "lead": "财政经济委员会", "sources": ["committee"]} | (
        timing or {"quarter": 2}
    )


PLAN = {
    "kind": "supervision_plan",
    "year": YEAR,
    "title": f"{YEAR}年度监督工作计划",
    "items": [item("中小企业促进法执法检查"), item("民事诉讼监督工作报告", "work_report_hearing", quarter=3)],
}


def attempt(stack: Stack, method: str, path: str, username: str, body: Any = None) -> httpx.Response:
    return stack.http.request(method, f"{API}{path}", json=body, headers=stack.as_user(username))


def refuse(stack: Stack, method: str, path: str, username: str, body: Any = None) -> httpx.Response:
    """A call the gateway refuses for the caller's role (403, its own message)."""
    response = attempt(stack, method, path, username, body)
    assert response.status_code == 403 and response.json()["error"]["message"] == GATEWAY_REFUSAL, response.text
    return response


def status_of(stack: Stack, path: str, username: str) -> int:
    return stack.http.get(f"{API}{path}", headers=stack.as_user(username)).status_code


# --- builders shared with the access matrix -----------------------------------------------------------------


@dataclass(frozen=True)
class Consulted:
    plan_id: str
    consultation_id: str
    opinion_id: str


def consulted_plan(stack: Stack) -> Consulted:
    """The clerk's plan (two items) sent to the discipline commission, which gave an opinion on item 1."""
    plan = post(stack, "/plans", "clerk", PLAN, 201)
    ask = {"bodies": ["discipline"], "reply_by": day(10), "plan_version": 1, "note": "请于十日内反馈意见"}
    consultation = post(stack, f"/plans/{plan['id']}/consultations", "clerk", ask, 201)
    opinion = post(
        stack, f"/consultations/{consultation['id']}/opinions", "commission", {"text": OPINION, "item_no": 1}, 201
    )
    return Consulted(str(plan["id"]), str(consultation["id"]), str(opinion["id"]))


ATTENDEES = [
    {"body": "congress", "name": "刘副主任", "position": "常委会副主任"},
    {"body": "discipline", "name": "陈组长", "position": "派驻纪检监察组组长"},
]


def meeting_body(held_at: datetime | None = None) -> dict[str, Any]:
    held = held_at or datetime.now(BEIJING) - timedelta(hours=1)
    return {"title": f"{YEAR}年第一次联席会议", "held_at": held.isoformat(), "place": "市人大常委会第一会议室",
            "bodies": ["congress", "discipline"], "agenda": ["通报年度监督工作计划", "研究联合督办事项"]}  # fmt: skip


def held_meeting(stack: Stack) -> dict[str, Any]:
    """Convened by the clerk with the commission an hour ago; its minutes set two action items: the
    commission's (due in a month) and the congress's own (due today)."""
    meeting = post(stack, "/meetings", "clerk", meeting_body(), 201)
    minutes = {
        "minutes": "会议通报了年度监督工作计划，研究了联合督办事项",
        "attendees": ATTENDEES,
        "decisions": ["建立信息互通机制"],
        "action_items": [
            {"title": "提供第三轮巡察发现的共性问题", "owner_body": "discipline", "due_on": day(30)},
            {"title": "将共性问题纳入执法检查", "owner_body": "congress", "due_on": day(0)},
        ],
    }
    return post(stack, f"/meetings/{meeting['id']}/minutes", "clerk", minutes)


BULLETIN = {"kind": "inspection_tour", "title": "关于开展第三轮巡察的通报", "text": "第三轮巡察安排如下：……"}


def issued_bulletin(stack: Stack, recipients: tuple[str, ...] = ("congress",)) -> dict[str, Any]:
    return post(stack, "/bulletins", "commission", BULLETIN | {"recipients": list(recipients)}, 201)


def opened_analysis(stack: Stack) -> dict[str, Any]:
    """The government's supervision office with the commission: the congress takes no part."""
    body = {"topic": "国有资产管理中的突出问题", "bodies": ["government", "discipline"]}
    return post(stack, "/analyses", "office", body, 201)


# --- 监督工作计划 and 征求意见 ---------------------------------------------------------------------------------


def test_a_plan_proposed_to_consulted_on_adopted_approved_linked_and_adjusted(stack: Stack) -> None:
    plan = post(stack, "/plans", "clerk", PLAN, 201)
    pid = plan["id"]
    assert (plan["status"], plan["version"], [i["no"] for i in plan["items"]]) == ("drafting", 1, [1, 2])
    refuse(stack, "POST", "/plans", "office", PLAN)  # the government drafts no plan
    refuse(stack, "POST", f"/plans/{pid}/items", "deputy1", {"item": item("代表建议办理")})

    # Proposals: a deputy's accepted into a new version, the government's declined with a reason.
    proposal = {"item": item("物业管理条例执法检查", quarter=4) | {"sources": []}, "reason": "选民反映集中"}
    proposed = post(stack, f"/plans/{pid}/proposals", "deputy1", proposal, 201)
    assert [(p["no"], p["source"]) for p in proposed["proposals"]] == [(1, "deputies")]
    assert proposed["items"] == []  # a proposer sees the plan's items once it is approved
    post(stack, f"/plans/{pid}/proposals", "office", {"item": item("营商环境专题询问"), "reason": "市政府建议"}, 201)
    accepted = post(stack, f"/plans/{pid}/proposals/1/accept", "clerk", {"reason": ""})
    assert (accepted["version"], accepted["items"][-1]["topic"]) == (2, "物业管理条例执法检查")
    declined = post(stack, f"/plans/{pid}/proposals/2/decline", "clerk", {"reason": "已列入政府专项工作"})
    assert [p["status"] for p in declined["proposals"]] == ["accepted", "declined"]
    change = {"item": item("民事诉讼监督工作报告", "work_report_hearing", month=9), "reason": "调整到九月"}
    edited = ok(attempt(stack, "PATCH", f"/plans/{pid}/items/2", "clerk", change))
    assert (edited["version"], edited["items"][1]["timing_label"]) == (3, "9月")

    # Opinions of the commission and the government on version 3; each body sees its own only.
    ask = {"bodies": ["discipline", "government"], "reply_by": day(14), "plan_version": 3}
    consultation = post(stack, f"/plans/{pid}/consultations", "clerk", ask, 201)
    cid = consultation["id"]
    assert get(stack, f"/plans/{pid}")["status"] == "consulting"
    by_commission = post(stack, f"/consultations/{cid}/opinions", "commission", {"text": OPINION, "item_no": 1}, 201)
    by_office = post(stack, f"/consultations/{cid}/opinions", "office", {"text": "建议增加营商环境专题询问"}, 201)
    assert by_office["item_no"] is None and by_commission["body_label"] == "纪委监委"
    assert get(stack, f"/consultations/{cid}")["answered_bodies"] == ["discipline", "government"]
    assert get(stack, f"/consultations/{cid}", "office")["answered_bodies"] == ["government"]
    assert status_of(stack, f"/opinions/{by_commission['id']}", "station") == 200  # the same body's staff
    assert status_of(stack, f"/opinions/{by_commission['id']}", "office") == 404  # not another consulted body
    assert get(stack, "/opinions", consultation_id=cid)["total"] == 2
    assert get(stack, "/opinions", "office", consultation_id=cid)["total"] == 1
    refuse(stack, "POST", f"/opinions/{by_office['id']}/adoption", "office", {"decision": "adopted"})
    adopted = post(stack, f"/opinions/{by_commission['id']}/adoption", "clerk", {"decision": "adopted"})
    assert (adopted["status"], adopted["decision_label"]) == ("decided", "采纳")
    not_adopted = {"decision": "not_adopted", "reason": "已由市政府专项部署"}
    assert post(stack, f"/opinions/{by_office['id']}/adoption", "clerk", not_adopted)["decision"] == "not_adopted"
    again = attempt(stack, "POST", f"/opinions/{by_office['id']}/adoption", "clerk", {"decision": "adopted"})
    assert again.status_code == 409  # recorded once
    assert get(stack, "/opinions", "commission", status="decided")["total"] == 1
    closed = post(stack, f"/consultations/{cid}/close", "clerk", {"note": "共收到意见 2 条，采纳 1 条"})
    assert closed["status"] == "closed"

    # Approved; the deputy now reads it; item 1 linked to the year's appraisal; an in-year adjustment.
    approved = post(stack, f"/plans/{pid}/approval", "clerk", {"note": "经主任会议审议，报市委同意"})
    assert (approved["status"], approved["approval"]["version"]) == ("approved", 3)
    assert [i["no"] for i in get(stack, f"/plans/{pid}", "deputy1")["items"]] == [1, 2, 3]
    assert get(stack, "/plans", "deputy1", year=YEAR, status="approved")["total"] == 1
    appraisal = post(stack, "/appraisals", "clerk", campaign_plan(stack), 201)
    link = {"item_no": 1, "kind": "appraisal", "ref": appraisal["id"], "title": appraisal["name"]}
    linked = post(stack, f"/plans/{pid}/links", "clerk", link, 201)
    assert [(w["kind"], w["ref"]) for w in linked["items"][0]["links"]] == [("appraisal", appraisal["id"])]
    blocked = attempt(stack, "POST", f"/plans/{pid}/items/1/remove", "clerk", {"reason": "取消"})
    assert blocked.status_code == 409  # work is linked to it
    no_reason = attempt(stack, "POST", f"/plans/{pid}/items", "clerk", {"item": item("预算执行审查", "budget_review")})
    assert no_reason.status_code == 422 and "reason" in [d["field"] for d in no_reason.json()["error"]["details"]]
    adjusted = post(stack, f"/plans/{pid}/items/3/remove", "clerk", {"reason": "省人大统一组织，本级不再单独开展"})
    last = adjusted["versions"][-1]
    assert (adjusted["version"], last["change"], last["adjustment"], last["reason"]) == (
        4, "item_removed", True, "省人大统一组织，本级不再单独开展",
    )  # fmt: skip
    unlinked = post(stack, f"/plans/{pid}/links/1/remove", "clerk", {"reason": "关联有误"})
    assert unlinked["items"][0]["links"] == [] and len(unlinked["unlinked"]) == 1
    assert get(stack, "/plans", "admin")["counts"]["approved"] == 1 and get(stack, "/plans", "admin")["items"] == []


def test_the_commission_asks_the_congress_and_a_deputy_answers_for_themself(stack: Stack) -> None:
    report = {"kind": "work_report", "year": YEAR, "title": f"市纪委监委{YEAR}年全会工作报告（征求意见稿）",
              "items": [item("整治群众身边不正之风", "other") | {"lead": "党风政风监督室"}]}  # fmt: skip
    refuse(stack, "POST", "/plans", "deputy1", report)
    drafted = post(stack, "/plans", "commission", report, 201)
    assert (drafted["owner"], drafted["kind_label"]) == ("discipline", "工作报告")
    ask = {"bodies": ["congress"], "reply_by": day(7), "note": "请常委会领导和代表提出意见"}
    cid = post(stack, f"/plans/{drafted['id']}/consultations", "station", ask, 201)["id"]
    asked = get(stack, f"/consultations/{cid}", "deputy1")
    assert (asked["deputies_may_answer"], asked["may_answer"]) == (True, True)
    by_deputy = post(
        stack, f"/consultations/{cid}/opinions", "deputy1", {"text": "建议加大基层监督力度", "item_no": 1}, 201
    )
    assert (by_deputy["by_deputy"], by_deputy["body_label"]) == (True, "人大代表")
    by_leader = post(stack, f"/consultations/{cid}/opinions", "leader", {"text": "同意"}, 201)
    assert get(stack, f"/consultations/{cid}", "commission")["answered_bodies"] == ["congress"]  # the leader's
    assert status_of(stack, f"/opinions/{by_deputy['id']}", "clerk") == 404  # a deputy answers for themself
    assert status_of(stack, f"/opinions/{by_leader['id']}", "clerk") == 200
    assert status_of(stack, f"/opinions/{by_deputy['id']}", "deputy2") == 404
    assert status_of(stack, f"/consultations/{cid}", "office") == 404  # the government was not asked
    assert get(stack, f"/plans/{drafted['id']}", "deputy2")["items"] != []  # the congress was consulted on it
    refuse(stack, "POST", f"/opinions/{by_deputy['id']}/adoption", "deputy1", {"decision": "adopted"})
    decision = {"decision": "partly_adopted", "reason": "纳入基层监督工作要点"}
    assert post(stack, f"/opinions/{by_deputy['id']}/adoption", "commission", decision)["status"] == "decided"
    assert get(stack, f"/opinions/{by_deputy['id']}", "deputy1")["decision_label"] == "部分采纳"


# --- 联席会议 ------------------------------------------------------------------------------------------------


def service_database(stack: Stack) -> Database:
    """The consultation service's own database, as its deadline scheduler reaches it."""
    return Database(make_engine(stack.settings.database_url_for("consultation"), schema="consultation"))


def raise_notices_at(stack: Stack, moment: datetime) -> int:
    """The scheduler's step for meetings (``handlers.meetings_due`` / ``raise_meeting_notices``) with its clock
    moved to ``moment``: what the running service does once that moment comes."""
    database = service_database(stack)
    try:
        with database.session() as session:
            due = handlers.meetings_due(session, moment, 100)
        raised = 0
        for meeting_id in due:
            with database.session() as session:
                raised += handlers.raise_meeting_notices(session, meeting_id, lambda: moment)
        return raised
    finally:
        database.close()


def test_a_joint_meeting_with_its_action_items_one_done_one_overdue(stack: Stack) -> None:
    refuse(stack, "POST", "/meetings", "deputy1", meeting_body())
    future = post(stack, "/meetings", "clerk", meeting_body(datetime.now(BEIJING) + timedelta(days=2)), 201)
    early = attempt(
        stack, "POST", f"/meetings/{future['id']}/minutes", "clerk", {"minutes": "纪要", "attendees": ATTENDEES}
    )
    assert early.status_code == 409  # not before it sits
    assert post(stack, f"/meetings/{future['id']}/cancel", "clerk", {"reason": "会议延期"})["status"] == "cancelled"

    stream = EventStream(f"{stack.settings.gateway_url}{API}/events", stack.tokens.access("commission"))
    try:
        meeting = held_meeting(stack)
        mid = meeting["id"]
        assert (meeting["status"], [a["no"] for a in meeting["action_items"]]) == ("held", [1, 2])
        assert status_of(stack, f"/meetings/{mid}", "office") == 404  # the government takes no part in it
        assert get(stack, f"/meetings/{mid}", "station")["minutes"]["decisions"] == ["建立信息互通机制"]
        amended = {"minutes": "会议纪要（修订）", "attendees": ATTENDEES, "reason": "补充出席人员职务",
                   "decisions": ["建立信息互通机制", "每季度召开一次联席会议"]}  # fmt: skip
        refuse(stack, "PATCH", f"/meetings/{mid}/minutes", "deputy1", amended)
        amending = attempt(stack, "PATCH", f"/meetings/{mid}/minutes", "commission", amended)
        assert amending.status_code == 403  # the service's: only the convener amends
        minutes = ok(attempt(stack, "PATCH", f"/meetings/{mid}/minutes", "clerk", amended))
        assert [m["version"] for m in minutes["minutes_history"]] == [1, 2]
        extra = {"title": "联合开展回头看", "owner_body": "discipline", "due_on": day(60)}
        added = post(stack, f"/meetings/{mid}/action-items", "clerk", extra, 201)
        assert [a["no"] for a in added["action_items"]] == [1, 2, 3]

        done = post(stack, f"/meetings/{mid}/action-items/1/complete", "commission", {"note": "已提供共性问题清单"})
        assert (done["action_items"][0]["status"], done["action_items"][0]["on_time"]) == ("done", True)
        cancelled = post(stack, f"/meetings/{mid}/action-items/3/cancel", "clerk", {"reason": "并入第一项"})
        assert cancelled["action_items"][2]["status"] == "cancelled"
        stream.wait_for(lambda events: any(e.get("event") == "meeting.action_item_completed" for e in events))

        # Item 2 falls due at the end of today (Beijing): once that moment has passed it is overdue.
        due_at = datetime.fromisoformat(done["action_items"][1]["due_at"])
        assert raise_notices_at(stack, due_at + timedelta(minutes=1)) == 1
        overdue = get(stack, f"/meetings/{mid}")["action_items"][1]
        assert (overdue["status"], overdue["overdue"]) == ("open", True)
        told = stream.wait_for(lambda events: any(e.get("event") == "meeting.action_item_overdue" for e in events))
        notice = next(e["data"] for e in told if e.get("event") == "meeting.action_item_overdue")
        assert (notice["meeting_id"], notice["no"]) == (mid, 2)
        assert raise_notices_at(stack, due_at + timedelta(days=1)) == 0  # once

        early_close = attempt(stack, "POST", f"/meetings/{mid}/close", "clerk")
        assert early_close.status_code == 409  # an action item is still open
        late = post(stack, f"/meetings/{mid}/action-items/2/complete", "leader", {"note": "已纳入下半年执法检查"})
        assert late["action_items"][1]["status"] == "done"
        assert post(stack, f"/meetings/{mid}/close", "clerk")["status"] == "closed"
    finally:
        stream.close()
    assert get(stack, "/meetings", "commission", status="closed")["total"] == 1
    assert get(stack, "/meetings", "office")["total"] == 0
    assert get(stack, "/meetings", "admin")["counts"] == {"planned": 0, "held": 0, "closed": 1, "cancelled": 1}


# --- 通报 and 联合研判 ---------------------------------------------------------------------------------------


def test_a_bulletin_read_by_its_recipients_and_invisible_to_others(stack: Stack) -> None:
    bulletin = issued_bulletin(stack, ("congress", "government"))
    bid = bulletin["id"]
    assert [r["read"] for r in bulletin["readings"]] == [False, False]
    assert get(stack, "/bulletins", "clerk", unread="true")["total"] == 1
    first = post(stack, f"/bulletins/{bid}/acknowledge", "clerk")
    assert first["acknowledgement"]["name"] and first["actions"] == []
    again = attempt(stack, "POST", f"/bulletins/{bid}/acknowledge", "clerk")
    assert again.status_code == 200 and again.json()["acknowledgement"] == first["acknowledgement"]
    assert get(stack, "/bulletins", "clerk", unread="true")["total"] == 0
    assert get(stack, "/bulletins", "leader", unread="true")["total"] == 1  # each person reads it
    post(stack, f"/bulletins/{bid}/acknowledge", "office")
    assert [r["body"] for r in get(stack, f"/bulletins/{bid}", "clerk")["readings"]] == ["congress"]  # its own
    readings = get(stack, f"/bulletins/{bid}", "station")["readings"]  # the sender's body sees every recipient
    assert [(r["body"], r["read"], len(r["readers"])) for r in readings] == [
        ("congress", True, 1),
        ("government", True, 1),
    ]

    for outsider in ("deputy1", "transport", "court", "expert1"):
        refuse(stack, "GET", f"/bulletins/{bid}", outsider)
    only_congress = issued_bulletin(stack)
    assert status_of(stack, f"/bulletins/{only_congress['id']}", "office") == 404  # not told: it does not exist
    assert get(stack, "/bulletins", "office")["total"] == 1
    refuse(stack, "POST", f"/bulletins/{only_congress['id']}/withdraw", "deputy1", {"reason": "误发"})
    withdrawn = post(
        stack, f"/bulletins/{only_congress['id']}/withdraw", "commission", {"reason": "内容有误，另行通报"}
    )
    assert withdrawn["status"] == "withdrawn"
    assert get(stack, f"/bulletins/{only_congress['id']}", "clerk")["text"] == ""  # withdrawn: no longer the text
    assert get(stack, "/bulletins", "admin")["counts"] == {"issued": 1, "withdrawn": 1}


def test_a_joint_analysis_noted_by_its_bodies_and_concluded(stack: Stack) -> None:
    analysis = opened_analysis(stack)
    aid = analysis["id"]
    post(stack, f"/analyses/{aid}/notes", "commission", {"text": "审计发现的国有资产问题整改不到位"}, 201)
    noted = post(stack, f"/analyses/{aid}/notes", "office", {"text": "已责成国资部门专项整改"}, 201)
    assert [n["body"] for n in noted["notes"]] == ["discipline", "government"]
    assert status_of(stack, f"/analyses/{aid}", "clerk") == 404  # the congress takes no part in it
    refuse(stack, "POST", f"/analyses/{aid}/notes", "deputy1", {"text": "意见"})
    conclusion = {"conclusions": ["联合督办国有资产问题整改"], "agreeing_bodies": ["government", "discipline"]}
    not_creator = attempt(stack, "POST", f"/analyses/{aid}/conclusion", "commission", conclusion)
    assert not_creator.status_code == 403  # the service's: the creator concludes
    concluded = post(stack, f"/analyses/{aid}/conclusion", "office", conclusion)
    assert (concluded["status"], concluded["agreeing_labels"]) == ("concluded", ["市政府", "纪委监委"])
    late = attempt(stack, "POST", f"/analyses/{aid}/notes", "station", {"text": "补充"})
    assert late.status_code == 409
    assert get(stack, "/analyses", "station", status="concluded")["total"] == 1


# --- bad input ----------------------------------------------------------------------------------------------


def totals(stack: Stack) -> list[int]:
    paths = ("/plans", "/consultations", "/opinions", "/meetings", "/bulletins")
    return [int(get(stack, path)["total"]) for path in paths] + [int(get(stack, "/analyses", "commission")["total"])]


def test_bad_input_is_refused_in_chinese_and_nothing_written(stack: Stack) -> None:
    consulted = consulted_plan(stack)
    pid, cid = consulted.plan_id, consulted.consultation_id
    before = totals(stack)
    versions = get(stack, f"/plans/{pid}")["version"]
    gateway_refusals = [
        ("/plans", PLAN | {"year": 1999}, "year"),
        ("/plans", PLAN | {"kind": "annual_report"}, "kind"),
        (f"/plans/{pid}/items", {"item": item("题") | {"quarter": 5}}, "item.quarter"),
        (f"/plans/{pid}/consultations", {"bodies": [], "reply_by": day(5)}, "bodies"),
        (f"/consultations/{cid}/opinions", {"text": ""}, "text"),
        ("/meetings", meeting_body() | {"held_at": "2026-03-10 09:00"}, "held_at"),
        ("/bulletins", BULLETIN | {"recipients": ["courts"]}, "recipients.0"),
        ("/analyses", {"topic": "研判", "bodies": ["congress"]}, "bodies"),
    ]
    for path, body, field in gateway_refusals:
        error = refused(attempt(stack, "POST", path, "clerk", body))
        assert field in [d["field"] for d in error["details"]], (path, error)
    service_refusals = [  # what only the service can tell: its own checks, in its own words
        ("/plans", PLAN | {"items": [item("执法检查"), item(" 执法检查 ")]}, "items[1].topic"),
        (f"/plans/{pid}/items", {"item": item("题", quarter=2, month=5)}, "item.month"),
        (f"/plans/{pid}/consultations", {"bodies": ["congress"], "reply_by": day(5)}, "bodies[0]"),
        (f"/plans/{pid}/consultations", {"bodies": ["government"], "reply_by": day(-1)}, "reply_by"),
        (f"/plans/{pid}/proposals/9/accept", {}, "proposal_no"),
        (f"/consultations/{cid}/opinions", {"text": "意见", "item_no": 9}, "item_no"),
        ("/bulletins", BULLETIN | {"recipients": ["discipline"]}, "recipients"),  # the sender's own body
    ]
    for path, body, field in service_refusals:
        username = "commission" if path.startswith(("/bulletins", "/consultations")) else "clerk"
        error = refused(attempt(stack, "POST", path, username, body))
        assert error["code"] == "invalid_argument" and field in [d["field"] for d in error["details"]], error
    clerk = stack.as_user("clerk") | {"content-type": "application/json"}
    malformed = stack.http.post(f"{API}/plans", content=b"{", headers=clerk)
    refused(malformed, 400)
    refused(attempt(stack, "GET", "/plans/no-such-plan", "clerk"), 404)
    assert totals(stack) == before
    assert get(stack, f"/plans/{pid}")["version"] == versions
