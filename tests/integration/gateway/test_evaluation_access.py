"""The access matrix of the evaluation routes (部门工作联评, 无记名测评, 整改台账, 民生实事联督): every route × every
demo user, through the real stack.

Reads are checked cell by cell: the gateway's refusal (403) for a role outside the route's policy, then the
service's own scope (404 for an object outside it: the housing department does not see the transport
department's item, candidate or project; the court sees no department's item). Writes are checked for the
route policy alone: a role outside it is refused by the gateway (403) and nothing is written; a role inside
it reaches the service, which may still answer 403, 404, 409 or 422 for reasons of its own (the shared
objects are in whatever state the earlier cells left them) but never fails.

The objects: an appraisal whose ballot is closed and its results published (deputy1 on its team and, with
deputy2 and deputy3, in its electorate), an item the clerk raised for the transport department, and a year
of livelihood projects voted in — the transport department's road project among them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tests.integration.conftest import Stack
from tests.integration.gateway.test_evaluation_routes import (
    API,
    ITEM,
    YEAR,
    Appraisal,
    ProjectYear,
    campaign_plan,
    candidate_body,
    electorate,
    published_appraisal,
    raised_item,
    voted_year,
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
route              deputy1 clerk committee leader office transport housing commission station court procuratorate expert1 expert2 expert3 admin
appraisals         200     200   200       200    200    200       200     200        200     403   403           403     403     403     200
appraisal          200     200   200       200    200    200       200     200        200     403   403           403     403     403     403
appraisal_results  200     200   200       200    200    200       200     200        200     403   403           403     403     403     403
appraisal_figures  200     200   200       200    200    200       200     200        200     403   403           403     403     403     403
sessions           200     200   200       200    200    200       200     200        200     403   403           403     403     403     200
session            200     200   200       200    200    200       200     200        200     403   403           403     403     403     403
session_results    200     200   200       200    200    200       200     200        200     403   403           403     403     403     403
items              403     200   200       200    200    200       200     200        200     200   200           403     403     403     200
six_lists          403     200   200       200    200    200       200     200        200     200   200           403     403     403     403
six_lists_xlsx     403     200   200       200    200    200       200     200        200     200   200           403     403     403     403
item               403     200   200       200    200    200       404     200        200     404   404           403     403     403     403
candidates         200     200   200       200    200    200       200     200        200     403   403           403     403     403     200
candidate          200     200   200       200    200    200       404     200        200     403   403           403     403     403     403
votes              200     200   200       200    200    403       403     200        200     403   403           403     403     403     200
vote               200     200   200       200    200    403       403     200        200     403   403           403     403     403     403
projects           200     200   200       200    200    200       200     200        200     403   403           403     403     403     200
project            200     200   200       200    200    200       404     200        200     403   403           403     403     403     403
"""  # noqa: E501

# +: the gateway lets the call through to the service; 403: the gateway refuses.
WRITES_TABLE = """
route               deputy1 clerk committee leader office transport housing commission station court procuratorate expert1 expert2 expert3 admin
appraisal_create    403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
appraisal_edit      403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
appraisal_start     403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
reference           403     403   403       403    403    403       403     +          403     403   403           403     403     403     403
activity            +       +     +         +      403    403       403     403        403     403   403           403     403     403     403
appraisal_ballot    403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
appraisal_conclude  403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
appraisal_cancel    403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
session_create      403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
session_edit        403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
session_open        403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
ballot              +       403   403       403    403    403       403     403        403     403   403           403     403     403     403
session_close       403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
session_cancel      403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
item_raise          403     +     +         403    +      403       403     +          +       403   403           403     403     403     403
item_edit           403     +     +         403    +      403       403     +          +       403   403           403     403     403     403
item_withdraw       403     +     +         403    +      403       403     +          +       403   403           403     403     403     403
item_plan           403     403   403       403    403    +         +       403        403     +     +             403     403     403     403
item_report         403     403   403       403    403    +         +       403        403     +     +             403     403     403     403
item_close_out      403     +     +         403    +      403       403     +          +       403   403           403     403     403     403
item_follow_up      403     +     +         403    +      403       403     +          +       403   403           403     403     403     403
candidate_add       403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
candidate_edit      403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
candidate_withdraw  403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
vote_create         403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
vote_edit           403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
vote_open           403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
picks               +       403   403       403    403    403       403     403        403     403   403           403     403     403     403
vote_close          403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
runoff              403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
vote_cancel         403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
progress            403     403   403       403    403    +         +       403        403     403   403           403     403     403     403
inspection          403     +     +         403    403    403       403     +          +       403   403           403     403     403     403
satisfaction        403     +     +         403    403    403       403     403        403     403   403           403     403     403     403
"""  # noqa: E501

USERS, READS = parse(READS_TABLE)
_, WRITES = parse(WRITES_TABLE)


@dataclass(frozen=True)
class Objects:
    appraisal: Appraisal
    item_id: str
    year: ProjectYear
    plan: dict[str, Any]  # the appraisal's, with the logins' subjects
    electorate: list[str]

    @property
    def ids(self) -> dict[str, str]:
        """The path parameters of every route: the road project and its candidate, the transport item."""
        return {
            "appraisal_id": self.appraisal.appraisal_id,
            "session_id": self.appraisal.session_id,
            "item_id": self.item_id,
            "candidate_id": self.year.candidate_ids[0],
            "vote_id": self.year.vote_id,
            "project_id": self.year.project_ids["农村公路提档升级"],
        }


APPRAISAL, SESSION, ITEM_PATH = (
    "/appraisals/{appraisal_id}",
    "/ballot-sessions/{session_id}",
    "/rectifications/{item_id}",
)
CANDIDATE, VOTE, PROJECT = "/projects/candidates/{candidate_id}", "/project-votes/{vote_id}", "/projects/{project_id}"
TODAY = date.today().isoformat()
ROAD = ("农村公路提档升级", "transport", "市交通运输局")
REASON = {"reason": "工作安排调整"}


def session_plan(o: Objects) -> dict[str, Any]:
    subjects = [{"ref": o.ids["project_id"], "name": ROAD[0]}]
    return {"title": "民生实事满意度测评", "purpose": "project_satisfaction", "subject_kind": "project",
            "subjects": subjects, "mode": "score", "electorate": o.electorate}  # fmt: skip


READ_ROUTES: dict[str, Route[Objects]] = {
    "appraisals": get("/appraisals"),
    "appraisal": get(APPRAISAL),
    "appraisal_results": get(f"{APPRAISAL}/results"),
    "appraisal_figures": get(f"{APPRAISAL}/suggestion-figures"),
    "sessions": get("/ballot-sessions"),
    "session": get(SESSION),
    "session_results": get(f"{SESSION}/results"),
    "items": get("/rectifications"),
    "six_lists": get("/rectifications/six-lists"),
    "six_lists_xlsx": get("/rectifications/six-lists.xlsx"),
    "item": get(ITEM_PATH),
    "candidates": get("/projects/candidates"),
    "candidate": get(CANDIDATE),
    "votes": get("/project-votes"),
    "vote": get(VOTE),
    "projects": get("/projects"),
    "project": get(PROJECT),
}
WRITE_ROUTES: dict[str, Route[Objects]] = {
    "appraisal_create": post("/appraisals", lambda o: o.plan),
    "appraisal_edit": patch(APPRAISAL, lambda o: o.plan),
    "appraisal_start": post(f"{APPRAISAL}/start"),
    "reference": post(f"{APPRAISAL}/references", lambda o: {"unit": "housing", "kind": "other", "text": "信访情况"}),
    "activity": post(
        f"{APPRAISAL}/activities",
        lambda o: {"unit": "housing", "kind": "hearing", "held_on": TODAY, "summary": "听取工作汇报"},
    ),
    "appraisal_ballot": post(
        f"{APPRAISAL}/ballot-sessions", lambda o: {"title": "补充测评", "electorate": o.electorate}
    ),
    "appraisal_conclude": post(f"{APPRAISAL}/conclude"),
    "appraisal_cancel": post(f"{APPRAISAL}/cancel", lambda o: REASON),
    "session_create": post("/ballot-sessions", session_plan),
    "session_edit": patch(SESSION, session_plan),
    "session_open": post(f"{SESSION}/open"),
    "ballot": post(
        f"{SESSION}/ballots",
        lambda o: {"marks": [{"ref": "transport", "grade": "satisfied"}, {"ref": "housing", "grade": "satisfied"}]},
    ),
    "session_close": post(f"{SESSION}/close"),
    "session_cancel": post(f"{SESSION}/cancel", lambda o: REASON),
    "item_raise": post("/rectifications", lambda o: ITEM),
    "item_edit": patch(ITEM_PATH, lambda o: ITEM["content"]),
    "item_withdraw": post(f"{ITEM_PATH}/withdraw", lambda o: REASON),
    "item_plan": post(f"{ITEM_PATH}/plan", lambda o: {"measures": "专项督办", "leader": "王局长", "person": "李科长"}),
    "item_report": post(f"{ITEM_PATH}/reports", lambda o: {"kind": "progress", "text": "已拨付一半"}),
    "item_close_out": post(f"{ITEM_PATH}/close-out", lambda o: {"grade": "satisfied"}),
    "item_follow_up": post(f"{ITEM_PATH}/follow-ups", lambda o: {"note": "未发现反弹"}),
    "candidate_add": post("/projects/candidates", lambda o: candidate_body(*ROAD)),
    "candidate_edit": patch(CANDIDATE, lambda o: candidate_body(*ROAD)["details"]),
    "candidate_withdraw": post(f"{CANDIDATE}/withdraw", lambda o: REASON),
    "vote_create": post("/project-votes", lambda o: {"year": YEAR, "places": 1, "electorate": o.electorate}),
    "vote_edit": patch(VOTE, lambda o: {"places": 1, "electorate": o.electorate}),
    "vote_open": post(f"{VOTE}/open"),
    "picks": post(f"{VOTE}/ballots", lambda o: {"candidate_ids": [o.ids["candidate_id"]]}),
    "vote_close": post(f"{VOTE}/close"),
    "runoff": post(f"{VOTE}/runoff", lambda o: {"electorate": o.electorate}),
    "vote_cancel": post(f"{VOTE}/cancel", lambda o: REASON),
    "progress": post(
        f"{PROJECT}/progress", lambda o: {"target_index": 0, "achieved": "120", "as_of": TODAY, "text": "进展顺利"}
    ),
    "inspection": post(
        f"{PROJECT}/inspections",
        lambda o: {
            "held_on": TODAY,
            "participants": [{"body": "congress", "name": "刘副主任"}, {"body": "discipline", "name": "陈组长"}],
            "notes": "实地察看",
        },
    ),
    "satisfaction": post(f"{PROJECT}/satisfaction-session", lambda o: {"session_id": o.ids["session_id"]}),
}


def snapshot(stack: Stack, objects: Objects) -> list[Any]:
    """Every shared object as the clerk sees it, and the size of every list: what a refusal must not change."""
    clerk = stack.as_user("clerk")
    paths = [route.template.format(**objects.ids) for name, route in READ_ROUTES.items() if "xlsx" not in name]
    return [stack.http.get(API + path, headers=clerk).json() for path in paths]


def test_the_access_matrix(stack: Stack) -> None:
    objects = Objects(published_appraisal(stack), str(raised_item(stack)["id"]), voted_year(stack),
                      campaign_plan(stack), electorate(stack))  # fmt: skip
    failures = read_failures(stack, objects, READ_ROUTES, lambda name, user: int(READS[name, user]), USERS)

    before = snapshot(stack, objects)
    failures += refused_write_failures(stack, objects, WRITE_ROUTES, WRITES, USERS)  # while the objects are as built
    assert snapshot(stack, objects) == before, "a refused call changed an object or a list"

    failures += allowed_write_failures(stack, objects, WRITE_ROUTES, WRITES, USERS)
    assert not failures, "\n".join(failures)


def test_the_matrix_covers_every_evaluation_route_and_every_user() -> None:
    prefixes = ("appraisals", "ballot-sessions", "rectifications", "project")
    assert_covers(prefixes, READ_ROUTES, WRITE_ROUTES, READS, WRITES, USERS, count=51)
