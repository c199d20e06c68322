"""联评联督 over real HTTP: a department appraisal run by the congress's clerk — the commission's reference seen
by the discipline roles and the team only, an activity recorded by a team member, the secret ballot of three
deputies closed and its ranking published; a rectification item raised (its unit told on GET /events),
planned, reported, closed out and found in the six lists (JSON and Excel); candidates voted into the year's
projects, progress reported and a joint inspection whose problem lands in the ledger; bad input refused
with a Chinese message and nothing written.

The builders at the top (a concluded ballot, an item, a year of projects) are shared with
``test_evaluation_access``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
from openpyxl import load_workbook

from tests.integration.conftest import Stack
from tests.integration.gateway.test_case_review_routes import API, GATEWAY_REFUSAL, ok, subject_of
from tests.support.stack import EventStream

VOTERS = ("deputy1", "deputy2", "deputy3")
YEAR = date.today().year  # progress is reported as of a day in the project's year, not after today
DEPARTMENTS = [{"unit": "transport", "name": "市交通运输局"}, {"unit": "housing", "name": "市住房和城乡建设局"}]


def post(stack: Stack, path: str, username: str, body: Any = None, status: int = 200) -> dict[str, Any]:
    return ok(stack.http.post(f"{API}{path}", json=body, headers=stack.as_user(username)), status)


def get(stack: Stack, path: str, username: str = "clerk", **params: Any) -> dict[str, Any]:
    return ok(stack.http.get(f"{API}{path}", params=params, headers=stack.as_user(username)))


def electorate(stack: Stack) -> list[str]:
    return [subject_of(stack, username) for username in VOTERS]


def campaign_plan(stack: Stack) -> dict[str, Any]:
    """Two departments, one team led by the congress leader with deputy1 on it."""
    team = {
        "name": "第一评议调研组",
        "leader_subject": subject_of(stack, "leader"),
        "leader_name": "刘副主任",
        "member_subjects": [subject_of(stack, "deputy1")],
        "units": ["transport", "housing"],
    }
    return {"year": YEAR, "name": f"{YEAR} 年度政府工作部门满意度评议", "departments": DEPARTMENTS, "teams": [team]}


# --- builders shared with the access matrix -----------------------------------------------------------------


@dataclass(frozen=True)
class Appraisal:
    appraisal_id: str
    session_id: str


def started_appraisal(stack: Stack) -> str:
    appraisal = post(stack, "/appraisals", "clerk", campaign_plan(stack), 201)
    started = post(stack, f"/appraisals/{appraisal['id']}/start", "clerk")
    assert (started["status"], started["status_label"]) == ("under_way", "评议中")
    return str(appraisal["id"])


def cast_grades(stack: Stack, session_id: str, grades: dict[str, tuple[str, str]]) -> None:
    """Each deputy's ballot: (transport's grade, housing's grade)."""
    for username, (transport, housing) in grades.items():
        marks = [{"ref": "transport", "grade": transport}, {"ref": "housing", "grade": housing}]
        post(stack, f"/ballot-sessions/{session_id}/ballots", username, {"marks": marks}, 201)


def published_appraisal(stack: Stack) -> Appraisal:
    """Started, its ballot cast by three deputies (transport ahead of housing) and closed: results published."""
    appraisal_id = started_appraisal(stack)
    ballot = {"title": "部门工作满意度测评", "electorate": electorate(stack)}
    session = post(stack, f"/appraisals/{appraisal_id}/ballot-sessions", "clerk", ballot, 201)
    post(stack, f"/ballot-sessions/{session['id']}/open", "clerk")
    grades = {
        "deputy1": ("satisfied", "basically_satisfied"),
        "deputy2": ("satisfied", "dissatisfied"),
        "deputy3": ("fairly_satisfied", "dissatisfied"),
    }
    cast_grades(stack, str(session["id"]), grades)
    post(stack, f"/ballot-sessions/{session['id']}/close", "clerk")
    return Appraisal(appraisal_id, str(session["id"]))


ITEM: dict[str, Any] = {
    "source": "manual",
    "content": {"unit": "transport", "unit_name": "市交通运输局", "problem": "农村公路养护资金拨付滞后"},
}


def raised_item(stack: Stack, username: str = "clerk") -> dict[str, Any]:
    return post(stack, "/rectifications", username, ITEM, 201)


def candidate_body(title: str, unit: str, name: str) -> dict[str, Any]:
    target = {
        "name": title,
        "unit": "公里",
        "planned": 600,
        "milestones": [{"due": f"{YEAR}-03-31", "step": "完成招标"}, {"due": f"{YEAR}-06-30", "quantity": "300"}],
    }
    details = {
        "title": title,
        "description": f"{title}，年内完成",
        "department_unit": unit,
        "department_name": name,
        "source": "deputies",
        "targets": [target],
    }
    return {"year": YEAR, "details": details}


CANDIDATES = [
    ("农村公路提档升级", "transport", "市交通运输局"),
    ("老旧小区改造", "housing", "市住房和城乡建设局"),
    ("公交站亭新建", "transport", "市交通运输局"),
]


@dataclass(frozen=True)
class ProjectYear:
    candidate_ids: list[str]
    vote_id: str
    project_ids: dict[str, str]  # the elected candidate's title → the project's id


def voted_year(stack: Stack) -> ProjectYear:
    """Three candidates, two places; deputies pick road (3), housing (2), bus stops (1): road and housing win."""
    ids = [str(post(stack, "/projects/candidates", "clerk", candidate_body(*c), 201)["id"]) for c in CANDIDATES]
    vote = post(stack, "/project-votes", "clerk", {"year": YEAR, "places": 2, "electorate": electorate(stack)}, 201)
    post(stack, f"/project-votes/{vote['id']}/open", "clerk")
    for username, picks in zip(VOTERS, ([ids[0], ids[1]], [ids[0], ids[1]], [ids[0], ids[2]]), strict=True):
        post(stack, f"/project-votes/{vote['id']}/ballots", username, {"candidate_ids": picks}, 201)
    closed = post(stack, f"/project-votes/{vote['id']}/close", "clerk")
    assert closed["status"] == "closed" and set(closed["results"]["elected"]) == {ids[0], ids[1]}
    projects = get(stack, "/projects", year=YEAR)["items"]
    return ProjectYear(ids, str(vote["id"]), {p["title"]: p["id"] for p in projects})


# --- 部门工作联评 -------------------------------------------------------------------------------------------


def test_an_appraisal_from_its_plan_to_its_published_ranking(stack: Stack) -> None:
    appraisal_id = started_appraisal(stack)
    campaign = get(stack, f"/appraisals/{appraisal_id}")
    assert (campaign["year"], [d["unit"] for d in campaign["departments"]]) == (YEAR, ["transport", "housing"])
    assert get(stack, "/appraisals", year=YEAR, status="under_way")["total"] == 1
    assert get(stack, "/appraisals", year=YEAR - 1)["total"] == 0

    reference = {"unit": "transport", "kind": "inspection_tour", "text": "巡察发现工程招标管理不规范"}
    filed = post(stack, f"/appraisals/{appraisal_id}/references", "commission", reference, 201)
    assert [r["text"] for r in filed["references"]] == [reference["text"]]
    refused = stack.http.post(
        f"{API}/appraisals/{appraisal_id}/references", json=reference, headers=stack.as_user("station")
    )
    assert refused.status_code == 403 and refused.json()["error"]["message"] == GATEWAY_REFUSAL
    for username, seen in (("station", 1), ("leader", 1), ("deputy1", 1), ("clerk", 0), ("transport", 0)):
        assert len(get(stack, f"/appraisals/{appraisal_id}", username)["references"]) == seen, username
    assert stack.http.get(f"{API}/appraisals/{appraisal_id}", headers=stack.as_user("deputy2")).status_code == 404

    activity = {
        "unit": "transport",
        "kind": "opinions",
        "held_on": date.today().isoformat(),
        "summary": "召开服务对象座谈会",
        "findings": ["审批时限偏长"],
        "opinion_group": "service_objects",
        "station_present": True,
    }
    recorded = post(stack, f"/appraisals/{appraisal_id}/activities", "deputy1", activity, 201)
    assert recorded["activities"][0]["findings"] == ["审批时限偏长"]
    outsider = stack.http.post(
        f"{API}/appraisals/{appraisal_id}/activities", json=activity, headers=stack.as_user("deputy2")
    )
    assert outsider.status_code == 404  # the service's: no campaign exists for a deputy outside its teams

    ballot = {"title": "部门工作满意度测评", "electorate": electorate(stack)}
    session = post(stack, f"/appraisals/{appraisal_id}/ballot-sessions", "clerk", ballot, 201)
    assert [s["ref"] for s in session["subjects"]] == ["transport", "housing"]
    post(stack, f"/ballot-sessions/{session['id']}/open", "clerk")
    results_early = stack.http.get(f"{API}/ballot-sessions/{session['id']}/results", headers=stack.as_user("clerk"))
    assert results_early.status_code == 409
    cast_grades(stack, session["id"], {"deputy1": ("satisfied", "dissatisfied")})
    again = stack.http.post(
        f"{API}/ballot-sessions/{session['id']}/ballots",
        json={"marks": [{"ref": "transport", "grade": "satisfied"}, {"ref": "housing", "grade": "satisfied"}]},
        headers=stack.as_user("deputy1"),
    )
    assert again.status_code == 409
    cast_grades(
        stack, session["id"], {"deputy2": ("satisfied", "basically_satisfied"), "deputy3": ("dissatisfied",) * 2}
    )
    assert [s["id"] for s in get(stack, "/ballot-sessions", "deputy1", mine="true")["items"]] == [session["id"]]
    assert get(stack, "/ballot-sessions", "leader", mine="true")["total"] == 0  # the electorate is deputies
    post(stack, f"/ballot-sessions/{session['id']}/close", "clerk")

    published = get(stack, f"/appraisals/{appraisal_id}", "transport")
    assert published["status"] == "results_published"
    assert [r["unit"] for r in published["results"]] == ["transport"]  # a department sees its own
    results = get(stack, f"/appraisals/{appraisal_id}/results", "commission")
    assert [row["ref"] for row in results["rows"]] == ["transport", "housing"]
    assert get(stack, f"/ballot-sessions/{session['id']}/results", "office") == results
    assert post(stack, f"/appraisals/{appraisal_id}/conclude", "committee")["status"] == "concluded"


# --- 整改台账 -----------------------------------------------------------------------------------------------


def test_a_rectification_item_from_raising_to_close_out_and_in_the_six_lists(stack: Stack) -> None:
    stream = EventStream(f"{stack.settings.gateway_url}{API}/events", stack.tokens.access("transport"))
    try:
        item = raised_item(stack)
        told = stream.wait_for(lambda events: any(e.get("event") == "rectification.raised" for e in events))
        assert told[0]["data"]["item_id"] == item["id"]
    finally:
        stream.close()
    assert (item["status"], item["unit"], item["raising_body"]) == ("open", "transport", "congress")
    assert [i["id"] for i in get(stack, "/rectifications", "transport")["items"]] == [item["id"]]
    assert get(stack, "/rectifications", "housing")["total"] == 0
    counts_only = get(stack, "/rectifications", "admin")
    assert (counts_only["items"], counts_only["total"], counts_only["counts"]) == ([], 1, {"open": 1})
    assert get(stack, "/rectifications", unit="transport", status="open", source="manual")["total"] == 1
    assert get(stack, "/rectifications", overdue="true")["total"] == 0

    plan = {"measures": "专项督办资金拨付", "leader": "王局长", "person": "李科长"}
    assert post(stack, f"/rectifications/{item['id']}/plan", "transport", plan)["status"] == "rectifying"
    final = {"kind": "final", "text": "资金已全部拨付", "measures_taken": "建立月度拨付台账"}
    assert post(stack, f"/rectifications/{item['id']}/reports", "transport", final, 201)["status"] == "reported"
    closed = post(stack, f"/rectifications/{item['id']}/close-out", "clerk", {"grade": "satisfied"})
    assert closed["status"] == "closed"
    follow_up = post(stack, f"/rectifications/{item['id']}/follow-ups", "committee", {"note": "未发现反弹"}, 201)
    assert len(follow_up["follow_ups"]) == 1

    sheets = get(stack, "/rectifications/six-lists", "office")["sheets"]
    assert [s["title"] for s in sheets] == ["责任清单", "内容清单", "问题清单", "整改清单", "销号清单", "跟踪清单"]
    assert sheets[0]["rows"][0][0] == item["id"]
    download = stack.http.get(f"{API}/rectifications/six-lists.xlsx", headers=stack.as_user("transport"))
    assert download.status_code == 200
    workbook = load_workbook(io.BytesIO(download.content), read_only=True)
    assert workbook.sheetnames == [s["title"] for s in sheets]
    assert next(workbook["销号清单"].iter_rows(min_row=2, values_only=True))[0] == item["id"]


# --- 民生实事联督 -------------------------------------------------------------------------------------------


def test_candidates_voted_into_projects_then_progress_and_a_joint_inspection(stack: Stack) -> None:
    year = voted_year(stack)
    assert set(year.project_ids) == {"农村公路提档升级", "老旧小区改造"}
    statuses = {c["id"]: c["status"] for c in get(stack, "/projects/candidates", year=YEAR)["items"]}
    assert [statuses[c] for c in year.candidate_ids] == ["elected", "elected", "not_elected"]
    assert [p["title"] for p in get(stack, "/projects", "transport")["items"]] == ["农村公路提档升级"]
    road = year.project_ids["农村公路提档升级"]

    progress = {"target_index": 0, "achieved": 612.5, "as_of": date.today().isoformat(), "text": "全部完工"}
    not_its_own = stack.http.post(f"{API}/projects/{road}/progress", json=progress, headers=stack.as_user("housing"))
    assert not_its_own.status_code == 403
    reported = post(stack, f"/projects/{road}/progress", "transport", progress, 201)
    assert reported["summary"]["status"] == "completed"

    inspection = {
        "held_on": date.today().isoformat(),
        "participants": [{"body": "congress", "name": "刘副主任"}, {"body": "discipline", "name": "陈组长"}],
        "notes": "实地察看三个标段",
        "problems": [{"problem": "部分路段排水沟未完工", "measures": "限期完工"}],
    }
    post(stack, f"/projects/{road}/inspections", "station", inspection, 201)
    [item] = get(stack, "/rectifications", "transport", source="project_inspection")["items"]
    assert (item["problem"], item["raising_body"]) == ("部分路段排水沟未完工", "discipline")
    assert get(stack, f"/projects/{road}", "deputy1")["inspections"] is None  # a deputy sees progress, not visits


# --- bad input ----------------------------------------------------------------------------------------------


def totals(stack: Stack) -> list[int]:
    paths = ("/appraisals", "/ballot-sessions", "/rectifications", "/projects/candidates", "/project-votes")
    return [int(get(stack, path)["total"]) for path in paths]


def refused(response: httpx.Response, status: int = 422) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error = dict(response.json()["error"])
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error["message"]), error  # a clerk's message, in Chinese
    return error


def test_bad_input_is_refused_in_chinese_and_nothing_written(stack: Stack) -> None:
    before = totals(stack)
    clerk = stack.as_user("clerk")
    plan = campaign_plan(stack)
    gateway_refusals = [
        ("/appraisals", plan | {"year": 1999}, "year"),
        ("/appraisals", plan | {"departments": []}, "departments"),
        ("/ballot-sessions", {"title": "测评", "purpose": "other"}, "subject_kind"),
        ("/rectifications", {"source": "manual", "content": ITEM["content"] | {"months": 25}}, "content.months"),
        ("/projects/candidates", candidate_body(*CANDIDATES[0]) | {"year": "今年"}, "year"),
        ("/project-votes", {"year": YEAR, "places": 0, "electorate": electorate(stack)}, "places"),
    ]
    for path, body, field in gateway_refusals:
        error = refused(stack.http.post(f"{API}{path}", json=body, headers=clerk))
        assert field in [d["field"] for d in error["details"]], (path, error)
    service_refusals = [  # what only the service can tell: its own checks, in its own words
        ("/appraisals", plan | {"departments": DEPARTMENTS * 2}, "departments.2.unit"),
        ("/rectifications", ITEM | {"source": "appraisal"}, "source_ref"),
        ("/project-votes", {"year": YEAR, "places": 1, "electorate": ["dup", "dup"]}, "electorate"),
    ]
    for path, body, field in service_refusals:
        error = refused(stack.http.post(f"{API}{path}", json=body, headers=clerk))
        assert error["code"] == "invalid_argument" and field in [d["field"] for d in error["details"]], error
    malformed = stack.http.post(f"{API}/appraisals", content=b"{", headers=clerk | {"content-type": "application/json"})
    refused(malformed, 400)
    assert refused(stack.http.get(f"{API}/rectifications/no-such-item", headers=clerk), 404)
    assert totals(stack) == before
