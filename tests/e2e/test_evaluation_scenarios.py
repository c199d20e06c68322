"""部门工作联评 and 民生实事联督 as the seeds tell them, through the whole stack as separate processes, over
HTTP, every deputy logging in with their own account:

- Lianjiang: 27 departments appraised by 150 deputies in one secret ballot, the ranking published at once
  into the campaign and to the discipline commission, the last department's rectification item planned,
  reported and closed out (销号);
- Jiangbei: 13 projects voted out of 20 candidates by 213 deputies;
- a project tracked to 100%, with a problem found by a joint inspection raised in the ledger and closed out.

The realm is the demo realm plus 213 deputies (``lj001``…): a city's congress has that many."""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.test_whole_stack import login
from tests.support.stack import Body, EventStream, ProcessStack, stack_environment

pytestmark = pytest.mark.e2e

REALM = Path(__file__).resolve().parents[2] / "deploy" / "keycloak" / "realm-wulian.json"
YEAR = 2026
DEPUTIES = 213
LIANJIANG_VOTERS = 150
DEPARTMENTS = [("transport", "交通运输局"), ("housing", "住房和城乡建设局")] + [
    (f"lj-dept-{n:02d}", f"廉江市第{n}工作部门") for n in range(3, 28)
]
GRADES = ("satisfied", "fairly_satisfied", "basically_satisfied", "dissatisfied")


def _realm_with_deputies(path: Path) -> Path:
    realm = json.loads(REALM.read_text(encoding="utf-8"))
    template = next(u for u in realm["users"] if u["username"] == "deputy1")
    for n in range(1, DEPUTIES + 1):
        user = {k: v for k, v in template.items() if k != "id"}
        user |= {"id": f"00000000-0000-4000-8000-{n:012d}", "username": f"lj{n:03d}", "firstName": f"代表{n}"}
        user |= {"lastName": "", "email": f"lj{n:03d}@wulian.example"}
        realm["users"].append(user)
    path.write_text(json.dumps(realm, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProcessStack]:
    root = tmp_path_factory.mktemp("evaluation")
    env = stack_environment(root / "var") | {"WULIAN_REALM_FILE": str(_realm_with_deputies(root / "realm.json"))}
    opened = ProcessStack(env=env, log_dir=root)
    try:
        opened.start_all()
        yield opened
    finally:
        opened.stop_all()


@pytest.fixture(scope="module")
def http(stack: ProcessStack) -> Iterator[httpx.Client]:
    limits = httpx.Limits(max_connections=32)
    with httpx.Client(base_url=stack.settings.gateway_url, timeout=30, limits=limits) as client:
        yield client


@pytest.fixture(scope="module")
def deputies(stack: ProcessStack, http: httpx.Client) -> list[tuple[str, Body]]:
    """(subject, logged-in body) of every deputy, in order."""
    with ThreadPoolExecutor(16) as pool:
        tokens = list(pool.map(lambda n: login(stack, f"lj{n:03d}"), range(1, DEPUTIES + 1)))
    bodies = [Body(http, token) for token in tokens]
    return [(f"00000000-0000-4000-8000-{n:012d}", b) for n, b in enumerate(bodies, start=1)]


def _subject(body: Body) -> str:
    return str(body.ok(body.get("/me"))["subject"])


def _grade(voter: int, unit_index: int) -> str:
    """How deputy ``voter`` grades department ``unit_index``: transport badly, the rest by a spread."""
    if unit_index == 0:
        return GRADES[3] if voter % 5 else GRADES[2]  # 80% 不满意
    return GRADES[(voter + unit_index) % 3 if unit_index % 4 else (voter * unit_index) % 4]


def _expected_rates() -> dict[str, float]:
    rates = {}
    for i, (unit, _) in enumerate(DEPARTMENTS):
        satisfied = sum(1 for v in range(LIANJIANG_VOTERS) if _grade(v, i) != "dissatisfied")
        rates[unit] = round(100 * satisfied / LIANJIANG_VOTERS, 2)
    return rates


def test_lianjiang_27_departments_150_deputies(
    stack: ProcessStack, http: httpx.Client, deputies: list[tuple[str, Body]]
) -> None:
    clerk, committee, leader, commission, station, transport, housing, deputy1, admin = (
        Body(http, login(stack, u))
        for u in ("clerk", "committee", "leader", "commission", "station", "transport", "housing", "deputy1", "admin")
    )
    results_seen = EventStream(f"{stack.settings.gateway_url}/api/v1/events", login(stack, "commission"))
    try:
        leader_sub = _subject(leader)
        team = {
            "name": "第一评议调研组",
            "leader_subject": leader_sub,
            "leader_name": "常委会领导",
            "member_subjects": [_subject(committee)],
            "units": ["transport"],
        }
        others = {**team, "name": "第二评议调研组", "units": [u for u, _ in DEPARTMENTS[1:]], "member_subjects": []}
        plan = {
            "year": YEAR,
            "name": f"{YEAR}年度政府工作部门满意度评议",
            "departments": [{"unit": u, "name": n} for u, n in DEPARTMENTS],
            "teams": [team, others],
        }
        assert deputy1.post("/appraisals", plan).status_code == 403  # deny by default: the organizers create
        campaign = clerk.ok(clerk.post("/appraisals", plan), 201)
        cid = campaign["id"]
        clerk.ok(clerk.post(f"/appraisals/{cid}/start"))

        # Before: the commission's reference information, for the discipline roles and the team only.
        reference = {"unit": "transport", "kind": "inspection_tour", "text": "巡察发现农村公路养护资金拨付滞后"}
        assert clerk.post(f"/appraisals/{cid}/references", reference).status_code == 403
        commission.ok(commission.post(f"/appraisals/{cid}/references", reference), 201)
        assert [r["unit"] for r in leader.ok(leader.get(f"/appraisals/{cid}"))["references"]] == ["transport"]
        assert station.ok(station.get(f"/appraisals/{cid}"))["references"] != []
        assert clerk.ok(clerk.get(f"/appraisals/{cid}"))["references"] == []  # not in that department's team
        assert transport.ok(transport.get(f"/appraisals/{cid}"))["references"] == []

        # During: 一听取三核查五征求, with the station present at the hearing.
        hearing = {"unit": "transport", "kind": "hearing", "held_on": "2026-11-02", "summary": "听取交通运输局工作汇报",
                   "findings": ["农村公路养护不到位"], "station_present": True}  # fmt: skip
        committee.ok(committee.post(f"/appraisals/{cid}/activities", hearing), 201)
        bad = hearing | {"unit": "police"}
        assert committee.post(f"/appraisals/{cid}/activities", bad).status_code == 422

        # The secret ballot: 150 deputies present.
        voters = deputies[:LIANJIANG_VOTERS]
        terms = {"title": f"{YEAR}年度工作评议满意度测评", "electorate": [s for s, _ in voters]}
        session = clerk.ok(clerk.post(f"/appraisals/{cid}/ballot-sessions", terms), 201)
        sid = session["id"]
        assert [s["ref"] for s in session["subjects"]] == [u for u, _ in DEPARTMENTS]
        clerk.ok(clerk.post(f"/ballot-sessions/{sid}/open"))

        def cast(index: int) -> int:
            _, body = voters[index]
            marks = [{"ref": u, "grade": _grade(index, i)} for i, (u, _) in enumerate(DEPARTMENTS)]
            return body.post(f"/ballot-sessions/{sid}/ballots", {"marks": marks}).status_code

        with ThreadPoolExecutor(16) as pool:
            assert set(pool.map(cast, range(LIANJIANG_VOTERS))) == {201}
        again = cast(0)
        assert again == 409  # one ballot per voter
        outsider = [{"ref": u, "grade": "satisfied"} for u, _ in DEPARTMENTS]
        assert deputy1.post(f"/ballot-sessions/{sid}/ballots", {"marks": outsider}).status_code in (403, 404)
        assert clerk.get(f"/ballot-sessions/{sid}/results").status_code == 409  # nobody sees partial results
        assert admin.post(f"/ballot-sessions/{sid}/close").status_code == 403

        results = clerk.ok(clerk.post(f"/ballot-sessions/{sid}/close"))
        assert results["ballots_cast"] == LIANJIANG_VOTERS and len(results["rows"]) == 27
        expected = _expected_rates()
        assert {r["ref"]: float(r["rate_percent"]) for r in results["rows"]} == expected
        ranks = [r["rank"] for r in results["rows"]]
        assert ranks == sorted(ranks) and ranks[0] == 1
        last = results["rows"][-1]
        assert last["ref"] == "transport" and last["below_threshold"] and float(last["rate_percent"]) == 20.0

        # Published at once: into the campaign, to each department its own line, to the commission as an event.
        assert clerk.ok(clerk.get(f"/appraisals/{cid}"))["status"] == "results_published"
        own = transport.ok(transport.get(f"/appraisals/{cid}"))
        assert [r["unit"] for r in own["results"]] == ["transport"]
        assert len(housing.ok(housing.get(f"/appraisals/{cid}/results"))["rows"]) == 27
        assert admin.get(f"/appraisals/{cid}/results").status_code in (403, 404)
        _wait(lambda: any("results_published" in str(e) for e in results_seen.events))

        # After: the last department's rectification item, planned, reported and closed out.
        item = {"source": "appraisal", "source_ref": cid,
                "content": {"unit": "transport", "unit_name": "交通运输局", "problem": "群众满意度低于60%",
                            "required_measures": "三个月内报告整改情况"}}  # fmt: skip
        raised = clerk.ok(clerk.post("/rectifications", item), 201)
        iid = raised["id"]
        assert clerk.ok(clerk.get(f"/appraisals/{cid}"))["rectification_items"] == {"transport": [iid]}
        assert housing.get(f"/rectifications/{iid}").status_code == 404
        plan_body = {"measures": "建立农村公路养护巡查制度", "leader": "局长", "person": "养护科科长"}
        transport.ok(transport.post(f"/rectifications/{iid}/plan", plan_body))
        report = {"kind": "final", "text": "已完成整改", "measures_taken": "巡查制度已运行三个月"}
        transport.ok(transport.post(f"/rectifications/{iid}/reports", report), 201)
        assert transport.post(f"/rectifications/{iid}/close-out", {"grade": "satisfied"}).status_code == 403
        closed = clerk.ok(clerk.post(f"/rectifications/{iid}/close-out", {"grade": "satisfied", "note": "同意销号"}))
        assert closed["status"] == "closed"
        sheets = clerk.ok(clerk.get("/rectifications/six-lists"))
        assert len(sheets["sheets"]) == 6
    finally:
        results_seen.close()


def _wait(check: Any, timeout_s: float = 30.0) -> None:
    import time

    deadline = time.monotonic() + timeout_s
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def _candidate(n: int) -> dict[str, Any]:
    unit, name = ("transport", "市交通运输局") if n % 2 else ("housing", "市住房和城乡建设局")
    target = {"name": "农村公路提档升级" if n % 2 else "保障性住房", "unit": "公里" if n % 2 else "套",
              "planned": "600" if n % 2 else "6256",
              "milestones": [{"due": "2026-12-31", "quantity": "600" if n % 2 else "6256"}]}  # fmt: skip
    details = {"title": f"民生实事候选项目{n:02d}", "description": "提升群众生活品质", "department_unit": unit,
               "department_name": name, "source": "deputies", "targets": [target]}  # fmt: skip
    return {"year": YEAR, "details": details}


def test_jiangbei_13_of_20_then_a_project_to_100_percent(
    stack: ProcessStack, http: httpx.Client, deputies: list[tuple[str, Body]]
) -> None:
    clerk, committee, station, transport, deputy1 = (
        Body(http, login(stack, u)) for u in ("clerk", "committee", "station", "transport", "deputy1")
    )
    year = YEAR
    candidates = []
    for n in range(1, 21):
        body = _candidate(n) | {"year": year}
        candidates.append(clerk.ok(clerk.post("/projects/candidates", body), 201)["id"])
    assert deputy1.post("/projects/candidates", _candidate(1)).status_code == 403
    electorate = [s for s, _ in deputies]
    vote = clerk.ok(clerk.post("/project-votes", {"year": year, "places": 13, "electorate": electorate}), 201)
    vid = vote["id"]
    clerk.ok(clerk.post(f"/project-votes/{vid}/open"))

    def picks(index: int) -> list[str]:
        """Each deputy picks 13 (at most N); candidate k is liked by a share that falls with k."""
        liked = [c for k, c in enumerate(candidates) if (index * 7 + k * 11) % 20 < 20 - k]
        return liked[:13]

    expected = {c: 0 for c in candidates}
    for i in range(DEPUTIES):
        for c in picks(i):
            expected[c] += 1

    def cast(index: int) -> int:
        return deputies[index][1].post(f"/project-votes/{vid}/ballots", {"candidate_ids": picks(index)}).status_code

    with ThreadPoolExecutor(16) as pool:
        assert set(pool.map(cast, range(DEPUTIES))) == {201}
    assert cast(5) == 409
    closed = clerk.ok(clerk.post(f"/project-votes/{vid}/close"))
    ranking = closed["results"]["ranking"]
    assert {r["candidate_id"]: r["votes"] for r in ranking} == expected
    order = sorted(candidates, key=lambda c: -expected[c])
    assert expected[order[12]] > expected[order[13]]  # this electorate's picks leave no tie at the 13th place
    assert set(closed["results"]["elected"]) == set(order[:13]) and closed["results"]["runoff"] is None
    projects = clerk.ok(clerk.get("/projects", year=str(year), page_size=100))
    assert projects["total"] == 13 and {p["id"] for p in projects["items"]} == set(order[:13])
    assert clerk.ok(clerk.get(f"/projects/candidates/{order[19]}"))["status"] == "not_elected"

    # The most voted project, the transport bureau's 600 km of rural road, tracked to 100%.
    pid = order[0]
    assert pid == candidates[0]
    half = {"target_index": 0, "achieved": "320", "as_of": "2026-11-20", "text": "完成320公里"}
    assert station.post(f"/projects/{pid}/progress", half).status_code == 403
    transport.ok(transport.post(f"/projects/{pid}/progress", half), 201)
    inspection = {"held_on": "2026-11-21", "participants": [{"body": "congress", "name": "王主任"},
                  {"body": "discipline", "name": "李组长"}], "notes": "实地查看路面",
                  "problems": [{"problem": "部分路段路面开裂", "measures": "限期返修"}]}  # fmt: skip
    inspected = station.ok(station.post(f"/projects/{pid}/inspections", inspection), 201)
    assert round(float(inspected["summary"]["percent"]), 2) == 53.33  # 320 of 600: computed, not typed
    items = station.ok(station.get("/rectifications", source="project_inspection"))["items"]
    item = next(i for i in items if i["unit"] == "transport")
    plan_body = {"measures": "返修开裂路段", "leader": "交通局长", "person": "养护科长"}
    transport.ok(transport.post(f"/rectifications/{item['id']}/plan", plan_body))
    report = {"kind": "final", "text": "已全部返修", "measures_taken": "返修 12 公里"}
    transport.ok(transport.post(f"/rectifications/{item['id']}/reports", report), 201)
    closed_item = station.ok(station.post(f"/rectifications/{item['id']}/close-out", {"grade": "satisfied"}))
    assert closed_item["status"] == "closed"
    done = {"target_index": 0, "achieved": "600", "as_of": "2026-11-22", "text": "全部完成"}
    final = transport.ok(transport.post(f"/projects/{pid}/progress", done), 201)
    assert final["summary"]["percent"].startswith("100") and final["summary"]["status"] == "completed"
    assert committee.ok(committee.get(f"/projects/{pid}"))["summary"]["status"] == "completed"
