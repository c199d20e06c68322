"""监督事项联商 as Huangshi does it, through the whole stack as separate processes, over HTTP, each body logged in
with its own account:

- the congress's supervision plan drafted (a committee's proposal taken in, a deputy's declined), sent to the
  discipline commission and the government for opinions, the opinions answered and adopted, approved, read by
  a deputy, an item linked to the year's appraisal and an in-year adjustment with its reason made a new
  version;
- the commission's draft work report put to the congress's leadership and deputies, a deputy answering;
- a joint meeting with two action items: one done on time, the other due today, its *due soon* notice raised
  by the service's deadline scheduler and told to its owner body on GET /events (the overdue step at the end
  of the Beijing day is proven with a moved clock in ``tests/integration/consultation/test_meeting_deadlines``
  and ``tests/integration/gateway/test_consultation_routes``);
- a bulletin read by its recipients and invisible to everyone else.

The scheduler checks every half second here (``WULIAN_DEADLINE_CHECK_INTERVAL_S``), as it would every minute."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.e2e.test_whole_stack import login
from tests.support.stack import Body, EventStream, ProcessStack, stack_environment

pytestmark = pytest.mark.e2e

BEIJING = ZoneInfo("Asia/Shanghai")
USERS = ("clerk", "committee", "leader", "commission", "station", "office", "deputy1", "transport", "court", "admin")


def _day(days: int = 0) -> str:
    return (datetime.now(BEIJING).date() + timedelta(days=days)).isoformat()


YEAR = datetime.now(BEIJING).year


def _item(topic: str, form: str, lead: str, **timing: int) -> dict[str, Any]:
    return {"topic": topic, "form": form, "lead": lead, "sources": ["committee"]} | timing


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProcessStack]:
    root = tmp_path_factory.mktemp("consultation")
    env = stack_environment(root / "var") | {"WULIAN_DEADLINE_CHECK_INTERVAL_S": "0.5"}
    opened = ProcessStack(env=env, log_dir=root)
    try:
        opened.start_all()
        yield opened
    finally:
        opened.stop_all()


@pytest.fixture(scope="module")
def http(stack: ProcessStack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.settings.gateway_url, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def people(stack: ProcessStack, http: httpx.Client) -> dict[str, Body]:
    return {username: Body(http, login(stack, username)) for username in USERS}


def test_the_supervision_plan_consulted_adopted_approved_linked_and_adjusted(people: dict[str, Body]) -> None:
    clerk, committee, commission, office = (people[u] for u in ("clerk", "committee", "commission", "office"))
    deputy, transport, court, admin = (people[u] for u in ("deputy1", "transport", "court", "admin"))
    plan = {
        "kind": "supervision_plan",
        "year": YEAR,
        "title": f"{YEAR}年度监督工作计划",
        "items": [
            _item("中小企业促进法执法检查", "law_enforcement_inspection", "财政经济委员会", quarter=2),
            _item("听取审议市中级人民法院民事审判工作情况的报告", "work_report_hearing", "监察和司法委员会", month=9),
        ],
    }
    assert transport.post("/plans", plan).status_code == 403  # a department takes no part
    assert court.get("/plans").status_code == 403
    drafted = clerk.ok(clerk.post("/plans", plan), 201)
    pid = drafted["id"]

    # Items proposed from the committees and the deputies (Luoyang: "广泛征求……意见建议"), decided by the clerk.
    housing_law = _item("物业管理条例执法检查", "law_enforcement_inspection", "城乡建设环境保护委员会", quarter=3)
    proposal = {"item": housing_law, "reason": "代表和群众反映物业服务问题集中"}
    assert (
        committee.ok(committee.post(f"/plans/{pid}/proposals", proposal), 201)["proposals"][0]["source"] == "committee"
    )
    by_deputy = {
        "item": _item("农村饮水安全专题调研", "research", "农业农村委员会") | {"sources": []},
        "reason": "选民反映",
    }
    deputy.ok(deputy.post(f"/plans/{pid}/proposals", by_deputy), 201)
    clerk.ok(clerk.post(f"/plans/{pid}/proposals/1/accept", {"reason": "列入第三季度"}))
    clerk.ok(clerk.post(f"/plans/{pid}/proposals/2/decline", {"reason": "已列入市政府民生实事，由代表视察跟踪"}))
    own = deputy.ok(deputy.get(f"/plans/{pid}"))["proposals"]  # a proposer sees their own proposal only
    assert [(p["status"], p["decision"]["reason"]) for p in own] == [
        ("declined", "已列入市政府民生实事，由代表视察跟踪")
    ]

    # Sent for opinions (征求意见) on version 2: the commission on an item, the government on the whole.
    ask = {"bodies": ["discipline", "government"], "reply_by": _day(10), "plan_version": 2, "note": "请十日内反馈"}
    cid = clerk.ok(clerk.post(f"/plans/{pid}/consultations", ask), 201)["id"]
    assert deputy.get(f"/consultations/{cid}").status_code == 404  # the deputies were not asked
    on_item = {"text": "建议将整治群众身边不正之风纳入执法检查重点", "item_no": 1}
    from_commission = commission.ok(commission.post(f"/consultations/{cid}/opinions", on_item), 201)
    from_office = office.ok(office.post(f"/consultations/{cid}/opinions", {"text": "建议增加营商环境专题询问"}), 201)
    assert office.get(f"/opinions/{from_commission['id']}").status_code == 404  # not each other's
    assert clerk.ok(clerk.get(f"/consultations/{cid}"))["awaited_bodies"] == []
    clerk.ok(clerk.post(f"/opinions/{from_commission['id']}/adoption", {"decision": "adopted"}))
    partly = {"decision": "partly_adopted", "reason": "营商环境纳入第二季度执法检查，不另行专题询问"}
    clerk.ok(clerk.post(f"/opinions/{from_office['id']}/adoption", partly))
    told = office.ok(office.get(f"/opinions/{from_office['id']}"))
    assert (told["decision_label"], told["adoption"]["reason"]) == ("部分采纳", partly["reason"])
    decided = clerk.ok(clerk.get("/opinions", plan_id=pid, status="decided"))
    assert decided["total"] == 2
    clerk.ok(clerk.post(f"/consultations/{cid}/close", {"note": "收到意见 2 条，采纳 1 条，部分采纳 1 条"}))

    # Approved, and public to the deputies (Luoyang: "项目确定实行全过程公开").
    approved = clerk.ok(clerk.post(f"/plans/{pid}/approval", {"note": "经主任会议审议，报市委同意"}))
    assert (approved["status"], approved["approval"]["version"]) == ("approved", 2)
    assert [i["topic"] for i in deputy.ok(deputy.get(f"/plans/{pid}"))["items"]][2] == "物业管理条例执法检查"

    # Item 1 produced the year's appraisal in the other link; an in-year adjustment is a new version.
    campaign = {
        "year": YEAR,
        "name": f"{YEAR}年度部门工作评议",
        "departments": [{"unit": "transport", "name": "市交通运输局"}],
    }
    appraisal = clerk.ok(clerk.post("/appraisals", campaign), 201)
    link = {"item_no": 1, "kind": "appraisal", "ref": appraisal["id"], "title": appraisal["name"]}
    linked = clerk.ok(clerk.post(f"/plans/{pid}/links", link), 201)
    assert [w["ref"] for w in linked["items"][0]["links"]] == [appraisal["id"]]
    budget = _item("预算执行情况审查", "budget_review", "财政经济委员会", quarter=4)
    assert clerk.post(f"/plans/{pid}/items", {"item": budget}).status_code == 422  # an adjustment needs its reason
    adjustment = {"item": budget, "reason": "根据市委要求，年中增加预算执行情况审查"}
    adjusted = clerk.ok(clerk.post(f"/plans/{pid}/items", adjustment), 201)
    last = adjusted["versions"][-1]
    assert (adjusted["version"], last["change"], last["adjustment"]) == (3, "item_added", True)
    assert last["reason"] == adjustment["reason"]
    assert [v["no"] for v in adjusted["versions"]] == [1, 2, 3] and adjusted["approval"]["version"] == 2
    assert deputy.ok(deputy.get(f"/plans/{pid}"))["versions"][-1]["reason"] == adjustment["reason"]
    counts = admin.ok(admin.get("/plans"))
    assert (counts["items"], counts["counts"]["approved"]) == ([], 1)


def test_the_commissions_work_report_answered_by_a_deputy(people: dict[str, Body]) -> None:
    commission, leader, deputy, clerk = (people[u] for u in ("commission", "leader", "deputy1", "clerk"))
    items = [_item("整治群众身边不正之风和腐败问题", "other", "党风政风监督室")]
    report = {
        "kind": "work_report",
        "year": YEAR,
        "title": f"市纪委监委{YEAR}年全会工作报告（征求意见稿）",
        "items": items,
    }
    assert clerk.post("/plans", report).status_code == 403  # the service's: the commission drafts its report
    drafted = commission.ok(commission.post("/plans", report), 201)
    ask = {"bodies": ["congress"], "reply_by": _day(7), "note": "请常委会领导和人大代表提出意见"}
    cid = commission.ok(commission.post(f"/plans/{drafted['id']}/consultations", ask), 201)["id"]
    asked = deputy.ok(deputy.get("/consultations", status="open"))
    assert [c["id"] for c in asked["items"]] == [cid]
    answer = {"text": "建议加大对基层“微腐败”的查处力度", "item_no": 1}
    opinion = deputy.ok(deputy.post(f"/consultations/{cid}/opinions", answer), 201)
    assert (opinion["by_deputy"], opinion["body_label"]) == (True, "人大代表")
    leader.ok(leader.post(f"/consultations/{cid}/opinions", {"text": "同意报告的总体安排"}), 201)
    assert commission.ok(commission.get("/opinions", consultation_id=cid))["total"] == 2
    commission.ok(commission.post(f"/opinions/{opinion['id']}/adoption", {"decision": "adopted"}))
    assert deputy.ok(deputy.get(f"/opinions/{opinion['id']}"))["decision_label"] == "采纳"


def test_a_joint_meeting_with_two_action_items_one_done_and_one_falling_due(
    stack: ProcessStack, people: dict[str, Body]
) -> None:
    clerk, committee, station = (people[u] for u in ("clerk", "committee", "station"))
    office, deputy = people["office"], people["deputy1"]
    owner_told = EventStream(f"{stack.settings.gateway_url}/api/v1/events", login(stack, "commission"))
    try:
        held_at = (datetime.now(BEIJING) - timedelta(hours=1)).isoformat()
        body = {
            "title": f"{YEAR}年第一次联席会议",
            "held_at": held_at,
            "place": "市人大常委会第一会议室",
            "bodies": ["congress", "discipline"],
            "agenda": ["通报年度监督工作计划", "研究联合督办事项"],
        }
        assert deputy.post("/meetings", body).status_code == 403
        mid = clerk.ok(clerk.post("/meetings", body), 201)["id"]
        attendees = [
            {"body": "congress", "name": "刘副主任", "position": "常委会副主任"},
            {"body": "discipline", "name": "陈组长", "position": "派驻纪检监察组组长"},
        ]
        action_items = [
            {"title": "将巡察发现的共性问题纳入执法检查", "owner_body": "congress", "due_on": _day(14)},
            {"title": "提供第三轮巡察发现的共性问题清单", "owner_body": "discipline", "due_on": _day(0)},
        ]
        minutes = {"minutes": "会议通报了年度监督工作计划，研究了联合督办事项", "attendees": attendees,
                   "decisions": ["建立信息互通机制"], "action_items": action_items}  # fmt: skip
        held = clerk.ok(clerk.post(f"/meetings/{mid}/minutes", minutes))
        assert (held["status"], len(held["action_items"])) == ("held", 2)
        assert office.get(f"/meetings/{mid}").status_code == 404  # the government takes no part in this one

        # The commission's item is due at the end of today: the scheduler tells the commission it is due soon.
        events = owner_told.wait_for(lambda seen: any(e.get("event") == "meeting.action_item_due_soon" for e in seen))
        notice = next(e["data"] for e in events if e.get("event") == "meeting.action_item_due_soon")
        assert (notice["meeting_id"], notice["no"], notice["owner"]) == (mid, 2, "discipline")
        assert "title" not in notice  # events carry no texts

        done = committee.ok(
            committee.post(f"/meetings/{mid}/action-items/1/complete", {"note": "已纳入第三季度执法检查"})
        )
        assert (done["action_items"][0]["status"], done["action_items"][0]["on_time"]) == ("done", True)
        falling_due = station.ok(station.get(f"/meetings/{mid}"))["action_items"][1]
        assert (falling_due["status"], falling_due["due_on"], falling_due["actions"]) == ("open", _day(0), ["complete"])
        assert clerk.post(f"/meetings/{mid}/close").status_code == 409  # not while an item is open
    finally:
        owner_told.close()


def test_a_bulletin_read_by_its_recipients_and_invisible_to_others(people: dict[str, Body]) -> None:
    commission, station, clerk, leader = (people[u] for u in ("commission", "station", "clerk", "leader"))
    office, deputy, transport, court, admin = (people[u] for u in ("office", "deputy1", "transport", "court", "admin"))
    tour = {
        "kind": "inspection_tour",
        "title": "关于开展第三轮巡察的通报",
        "text": "市委第三轮巡察将于下月进驻 12 个单位",
        "recipients": ["congress", "government"],
    }
    bid = commission.ok(commission.post("/bulletins", tour), 201)["id"]
    assert [b["id"] for b in clerk.ok(clerk.get("/bulletins", unread="true"))["items"]] == [bid]
    clerk.ok(clerk.post(f"/bulletins/{bid}/acknowledge"))
    office.ok(office.post(f"/bulletins/{bid}/acknowledge"))
    assert clerk.ok(clerk.get("/bulletins", unread="true"))["total"] == 0
    assert leader.ok(leader.get("/bulletins", unread="true"))["total"] == 1  # read by the clerk, not by the leader
    readings = station.ok(station.get(f"/bulletins/{bid}"))["readings"]
    assert [(r["body"], r["read"]) for r in readings] == [("congress", True), ("government", True)]
    assert [r["body"] for r in clerk.ok(clerk.get(f"/bulletins/{bid}"))["readings"]] == ["congress"]
    for outsider in (deputy, transport, court):
        assert outsider.get(f"/bulletins/{bid}").status_code == 403
        assert outsider.get("/bulletins").status_code == 403

    to_congress = {**tour, "title": "关于专项整治工作的通报", "kind": "special_campaign", "recipients": ["congress"]}
    only_congress = commission.ok(commission.post("/bulletins", to_congress), 201)["id"]
    assert office.get(f"/bulletins/{only_congress}").status_code == 404  # not told: it does not exist for them
    assert [b["id"] for b in office.ok(office.get("/bulletins"))["items"]] == [bid]
    assert office.post(f"/bulletins/{only_congress}/acknowledge").status_code == 404
    counts = admin.ok(admin.get("/bulletins"))
    assert (counts["items"], counts["counts"]) == ([], {"issued": 2, "withdrawn": 0})
