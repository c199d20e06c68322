"""The access matrix of the consultation routes (监督事项联商): every route × every demo user, through the real
stack.

Reads are checked cell by cell: the gateway's refusal (403) for a role outside the route's policy, then the
service's own scope (404 for an object outside it: the government was not asked about the congress's plan and
sees neither the consultation nor the commission's opinion, takes no part in the congress's meeting and was
sent no bulletin; the congress takes no part in the government's analysis with the commission). Writes are
checked for the route policy and the object's scope: a role outside the policy is refused by the gateway
(403), one outside the object's scope by the service (404, ``N``), and neither writes anything; a role inside
both reaches the service, which may still answer 403, 404, 409 or 422 for reasons of its own (the shared
objects are in whatever state the earlier cells left them) but never fails.

The objects: the clerk's supervision plan sent to the commission, which gave an opinion on its first item; a
joint meeting of the congress and the commission, held, with two action items; the commission's bulletin to the
congress; the government's analysis with the commission.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.integration.conftest import Stack
from tests.integration.gateway.test_consultation_routes import (
    API,
    ATTENDEES,
    BULLETIN,
    PLAN,
    Consulted,
    consulted_plan,
    day,
    held_meeting,
    issued_bulletin,
    item,
    meeting_body,
    opened_analysis,
)
from tests.support.access_matrix import (
    Route,
    allowed_write_failures,
    assert_covers,
    get,
    parse,
    patch,
    post,
    read_failures,
    refused_write_failures,
)

# 200/404: exact; 403: the gateway refuses.
READS_TABLE = """
route          deputy1 clerk committee leader office transport housing commission station court procuratorate expert1 expert2 expert3 admin
plans          200     200   200       200    200    403       403     200        200     403   403           403     403     403     200
plan           200     200   200       200    200    403       403     200        200     403   403           403     403     403     403
consultations  200     200   200       200    200    403       403     200        200     403   403           403     403     403     200
consultation   404     200   200       200    404    403       403     200        200     403   403           403     403     403     403
opinions       200     200   200       200    200    403       403     200        200     403   403           403     403     403     200
opinion        404     200   200       200    404    403       403     200        200     403   403           403     403     403     403
meetings       403     200   200       200    200    403       403     200        200     403   403           403     403     403     200
meeting        403     200   200       200    404    403       403     200        200     403   403           403     403     403     403
bulletins      403     200   200       200    200    403       403     200        200     403   403           403     403     403     200
bulletin       403     200   200       200    404    403       403     200        200     403   403           403     403     403     403
analyses       403     200   200       200    200    403       403     200        200     403   403           403     403     403     200
analysis       403     404   404       404    200    403       403     200        200     403   403           403     403     403     403
"""  # noqa: E501

# +: the gateway lets the call through to the service; N: the service answers 404 (the object is outside the
# caller's scope); 403: the gateway refuses.
WRITES_TABLE = """
route                 deputy1 clerk committee leader office transport housing commission station court procuratorate expert1 expert2 expert3 admin
plan_create           403     +     +         +      403    403       403     +          +       403   403           403     403     403     403
item_add              403     +     +         +      403    403       403     +          +       403   403           403     403     403     403
item_edit             403     +     +         +      403    403       403     +          +       403   403           403     403     403     403
item_remove           403     +     +         +      403    403       403     +          +       403   403           403     403     403     403
proposal              +       +     +         +      +      403       403     +          +       403   403           403     403     403     403
proposal_accept       403     +     +         +      403    403       403     +          +       403   403           403     403     403     403
proposal_decline      403     +     +         +      403    403       403     +          +       403   403           403     403     403     403
approval              403     +     +         +      403    403       403     +          +       403   403           403     403     403     403
link                  403     +     +         +      403    403       403     +          +       403   403           403     403     403     403
unlink                403     +     +         +      403    403       403     +          +       403   403           403     403     403     403
consultation_open     403     +     +         +      403    403       403     +          +       403   403           403     403     403     403
consultation_close    403     +     +         +      403    403       403     +          +       403   403           403     403     403     403
opinion_give          N       +     +         +      N      403       403     +          +       403   403           403     403     403     403
adoption              403     +     +         +      403    403       403     +          +       403   403           403     403     403     403
meeting_convene       403     +     +         +      +      403       403     +          +       403   403           403     403     403     403
minutes_record        403     +     +         +      N      403       403     +          +       403   403           403     403     403     403
minutes_amend         403     +     +         +      N      403       403     +          +       403   403           403     403     403     403
action_item_add       403     +     +         +      N      403       403     +          +       403   403           403     403     403     403
action_item_complete  403     +     +         +      N      403       403     +          +       403   403           403     403     403     403
action_item_cancel    403     +     +         +      N      403       403     +          +       403   403           403     403     403     403
meeting_close         403     +     +         +      N      403       403     +          +       403   403           403     403     403     403
meeting_cancel        403     +     +         +      N      403       403     +          +       403   403           403     403     403     403
bulletin_issue        403     +     +         +      +      403       403     +          +       403   403           403     403     403     403
bulletin_acknowledge  403     +     +         +      N      403       403     +          +       403   403           403     403     403     403
bulletin_withdraw     403     +     +         +      N      403       403     +          +       403   403           403     403     403     403
analysis_open         403     +     +         +      +      403       403     +          +       403   403           403     403     403     403
analysis_note         403     N     N         N      +      403       403     +          +       403   403           403     403     403     403
analysis_conclusion   403     N     N         N      +      403       403     +          +       403   403           403     403     403     403
"""  # noqa: E501

USERS, READS = parse(READS_TABLE)
_, WRITES = parse(WRITES_TABLE)


@dataclass(frozen=True)
class Objects:
    consulted: Consulted
    meeting_id: str
    bulletin_id: str
    analysis_id: str

    @property
    def ids(self) -> dict[str, Any]:
        """The path parameters of every route: the shared objects, and the first of each numbered part."""
        return {
            "plan_id": self.consulted.plan_id,
            "consultation_id": self.consulted.consultation_id,
            "opinion_id": self.consulted.opinion_id,
            "meeting_id": self.meeting_id,
            "bulletin_id": self.bulletin_id,
            "analysis_id": self.analysis_id,
            "item_no": 1,
            "proposal_no": 1,
            "link_no": 1,
            "no": 1,
        }


PLAN_PATH, CONSULTATION, OPINION = "/plans/{plan_id}", "/consultations/{consultation_id}", "/opinions/{opinion_id}"
MEETING, BULLETIN_PATH, ANALYSIS = "/meetings/{meeting_id}", "/bulletins/{bulletin_id}", "/analyses/{analysis_id}"
REASON = {"reason": "工作安排调整"}
MINUTES = {"minutes": "会议纪要", "attendees": ATTENDEES, "decisions": ["建立信息互通机制"]}

READ_ROUTES: dict[str, Route[Objects]] = {
    "plans": get("/plans"),
    "plan": get(PLAN_PATH),
    "consultations": get("/consultations"),
    "consultation": get(CONSULTATION),
    "opinions": get("/opinions"),
    "opinion": get(OPINION),
    "meetings": get("/meetings"),
    "meeting": get(MEETING),
    "bulletins": get("/bulletins"),
    "bulletin": get(BULLETIN_PATH),
    "analyses": get("/analyses"),
    "analysis": get(ANALYSIS),
}
WRITE_ROUTES: dict[str, Route[Objects]] = {
    "plan_create": post("/plans", lambda o: PLAN),
    "item_add": post(f"{PLAN_PATH}/items", lambda o: {"item": item("预算执行情况审查", "budget_review")} | REASON),
    "item_edit": patch(
        f"{PLAN_PATH}/items/{{item_no}}", lambda o: {"item": item("中小企业促进法执法检查", quarter=3)} | REASON
    ),
    "item_remove": post(f"{PLAN_PATH}/items/{{item_no}}/remove", lambda o: REASON),
    "proposal": post(
        f"{PLAN_PATH}/proposals", lambda o: {"item": item("物业管理条例执法检查"), "reason": "群众反映集中"}
    ),
    "proposal_accept": post(f"{PLAN_PATH}/proposals/{{proposal_no}}/accept", lambda o: REASON),
    "proposal_decline": post(f"{PLAN_PATH}/proposals/{{proposal_no}}/decline", lambda o: REASON),
    "approval": post(f"{PLAN_PATH}/approval", lambda o: {"note": "经主任会议审议，报市委同意"}),
    "link": post(f"{PLAN_PATH}/links", lambda o: {"item_no": 1, "kind": "other", "ref": "r-1", "title": "检查报告"}),
    "unlink": post(f"{PLAN_PATH}/links/{{link_no}}/remove", lambda o: REASON),
    "consultation_open": post(f"{PLAN_PATH}/consultations", lambda o: {"bodies": ["government"], "reply_by": day(10)}),
    "consultation_close": post(f"{CONSULTATION}/close", lambda o: {"note": ""}),
    "opinion_give": post(f"{CONSULTATION}/opinions", lambda o: {"text": "无意见"}),
    "adoption": post(f"{OPINION}/adoption", lambda o: {"decision": "adopted"}),
    "meeting_convene": post("/meetings", lambda o: meeting_body()),
    "minutes_record": post(f"{MEETING}/minutes", lambda o: MINUTES),
    "minutes_amend": patch(f"{MEETING}/minutes", lambda o: MINUTES | REASON),
    "action_item_add": post(
        f"{MEETING}/action-items", lambda o: {"title": "联合回头看", "owner_body": "discipline", "due_on": day(30)}
    ),
    "action_item_complete": post(f"{MEETING}/action-items/{{no}}/complete", lambda o: {"note": "已办结"}),
    "action_item_cancel": post(f"{MEETING}/action-items/{{no}}/cancel", lambda o: REASON),
    "meeting_close": post(f"{MEETING}/close"),
    "meeting_cancel": post(f"{MEETING}/cancel", lambda o: REASON),
    "bulletin_issue": post("/bulletins", lambda o: BULLETIN | {"recipients": ["congress"]}),
    "bulletin_acknowledge": post(f"{BULLETIN_PATH}/acknowledge"),
    "bulletin_withdraw": post(f"{BULLETIN_PATH}/withdraw", lambda o: REASON),
    "analysis_open": post("/analyses", lambda o: {"topic": "预算执行突出问题", "bodies": ["congress", "discipline"]}),
    "analysis_note": post(f"{ANALYSIS}/notes", lambda o: {"text": "研判意见"}),
    "analysis_conclusion": post(
        f"{ANALYSIS}/conclusion", lambda o: {"conclusions": ["联合督办"], "agreeing_bodies": ["government"]}
    ),
}


def snapshot(stack: Stack, objects: Objects) -> list[Any]:
    """Every shared object and every list as the clerk and the commission see them: what a refusal must not
    change."""
    paths = [route.template.format(**objects.ids) for route in READ_ROUTES.values()]
    return [
        (response.status_code, response.json())
        for username in ("clerk", "commission")
        for response in (stack.http.get(API + path, headers=stack.as_user(username)) for path in paths)
    ]


def test_the_access_matrix(stack: Stack) -> None:
    objects = Objects(consulted_plan(stack), str(held_meeting(stack)["id"]), str(issued_bulletin(stack)["id"]),
                      str(opened_analysis(stack)["id"]))  # fmt: skip
    failures = read_failures(stack, objects, READ_ROUTES, lambda name, user: int(READS[name, user]), USERS)

    before = snapshot(stack, objects)
    failures += refused_write_failures(stack, objects, WRITE_ROUTES, WRITES, USERS)  # while the objects are as built
    assert snapshot(stack, objects) == before, "a refused call changed an object or a list"

    failures += allowed_write_failures(stack, objects, WRITE_ROUTES, WRITES, USERS)
    assert not failures, "\n".join(failures)


def test_the_matrix_covers_every_consultation_route_and_every_user() -> None:
    prefixes = ("plans", "consultations", "opinions", "meetings", "bulletins", "analyses")
    assert_covers(prefixes, READ_ROUTES, WRITE_ROUTES, READS, WRITES, USERS, count=40)
