"""司法监督联动 over real HTTP: the pool kept by the organizers (and its Excel import and export), cases
registered by the court, a review batch whose experts are drawn — committed, witnessed by the discipline
station, verifiable, printable — the experts' answers and score forms, and a finding tracked to its
close-out; bad input of every kind refused with the field named and nothing written.

The builders at the top (a pool, two cases, a batch drawn, reviewing or closed) are shared with
``test_case_review_access``.
"""

from __future__ import annotations

import hashlib
import io
import json
import time
from dataclasses import dataclass
from typing import Any

import httpx
from openpyxl import load_workbook

from tests.integration.conftest import Stack
from tests.support.stack import EventStream
from tests.support.workbooks import xlsx

API = "/api/v1"
GATEWAY_REFUSAL = "您的角色无权进行此操作"


def ok(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, f"{response.request.method} {response.request.url}: {response.text}"
    assert response.headers["content-type"].startswith("application/json")
    return dict(response.json())


def refused(response: httpx.Response, field: str, status: int = 422) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_argument"
    fields = [d["field"] for d in (error["details"] or [])]
    assert field in fields, error
    return dict(error)


def id_number(first17: str) -> str:
    """An 18-digit resident ID number with its check character (GB 11643-1999, weights 2^(17-i) mod 11)."""
    total = sum(int(digit) * pow(2, 17 - i, 11) for i, digit in enumerate(first17))
    return first17 + "10X98765432"[total % 11]


def subject_of(stack: Stack, username: str) -> str:
    return str(ok(stack.http.get(f"{API}/me", headers=stack.as_user(username)))["subject"])


# --- the pool: two lawyers, two professors, two deputies; the logins of the three demo experts --------------

CASE_FIRM = "湖北楚天律师事务所"  # a law firm acting in the first case
POOL: list[dict[str, Any]] = [
    {"name": "王律师", "category": "lawyer", "specialties": ["commercial", "civil"], "employer": "湖北明德律师事务所",
     "login": "expert1"},
    {"name": "赵律师", "category": "lawyer", "specialties": ["enforcement"], "employer": "湖北正信律师事务所",
     "login": "expert2"},
    {"name": "钱教授", "category": "professor", "specialties": ["civil"], "employer": "湖北师范学院",
     "login": "expert3"},
    {"name": "孙教授", "category": "professor", "specialties": ["administrative"], "employer": "湖北理工学院"},
    {"name": "李代表", "category": "deputy", "specialties": ["commercial"], "employer": "黄石市某建设集团",
     "conflicts": [CASE_FIRM]},
    {"name": "周代表", "category": "deputy", "specialties": ["labor"], "employer": "大冶市某街道办事处"},
]  # fmt: skip


def expert_body(n: int, spec: dict[str, Any], stack: Stack | None = None) -> dict[str, Any]:
    body = {k: v for k, v in spec.items() if k != "login"}
    login = spec.get("login")
    subject = subject_of(stack, login) if stack is not None and login else ""
    numbers = {"phone": f"139 0714 {n:04d}", "id_number": id_number(f"4202021975{n % 12 + 1:02d}1{n}03{n}")}
    return {"title": ""} | body | numbers | {"account_subject": subject}


@dataclass
class Pool:
    ids: dict[str, str]  # name → expert id
    logins: dict[str, str]  # expert id → username of the linked login

    def login_of(self, expert_id: str) -> str:
        return self.logins[expert_id]


def join_pool(stack: Stack) -> Pool:
    """The six experts joined by the clerk; 孙教授 is then suspended, so that each case's professor is 钱教授
    and every drawn main seat is held by an expert with a login."""
    ids, logins = {}, {}
    for n, spec in enumerate(POOL):
        joined = ok(
            stack.http.post(f"{API}/experts", json=expert_body(n, spec, stack), headers=stack.as_user("clerk")), 201
        )
        ids[spec["name"]] = joined["id"]
        if "login" in spec:
            logins[joined["id"]] = spec["login"]
    suspended = stack.http.post(
        f"{API}/experts/{ids['孙教授']}/suspend", json={"reason": "赴外地挂职一年"}, headers=stack.as_user("clerk")
    )
    assert ok(suspended)["status"] == "suspended"
    return Pool(ids, logins)


def case_body(k: int) -> dict[str, Any]:
    return {
        "number": f"（2025）鄂02民初{101 + k}号",
        "type": "trial",
        "cause": "买卖合同纠纷",
        "unit_name": "黄石市中级人民法院",
        "presiding_id": f"judge-{k}",
        "presiding_name": "李某某",
        "parties": [{"name": "黄石市某建材有限公司", "is_enterprise": True}, {"name": "张某"}],
        "lawyers": [{"name": "陈律师", "firm": CASE_FIRM if k == 0 else "湖北江汉律师事务所"}],
    }


def register_cases(stack: Stack, count: int = 2) -> list[str]:
    return [str(ok(stack.http.post(f"{API}/cases", json=case_body(k), headers=stack.as_user("court")), 201)["id"])
            for k in range(count)]  # fmt: skip


def batch_body(case_ids: list[str]) -> dict[str, Any]:
    return {
        "name": "2026 年第一批涉企案件质量评查",
        "case_ids": case_ids,
        "experts_per_case": 2,
        "category_quotas": {"lawyer": 1, "professor": 1},
    }


@dataclass
class Review:
    pool: Pool
    case_ids: list[str]
    review_id: str
    draw: dict[str, Any]  # as the witness answered it

    @property
    def draw_id(self) -> str:
        return str(self.draw["id"])

    def main(self, case_id: str) -> list[str]:
        """The expert ids drawn for ``case_id``'s seats."""
        [drawn] = [c for c in self.draw["result"] if c["case_id"] == case_id]
        return [e["expert_id"] for e in drawn["main"]]

    def seats(self) -> list[tuple[str, str]]:
        """(case id, expert id) of every main seat."""
        return [(case_id, expert_id) for case_id in self.case_ids for expert_id in self.main(case_id)]

    def logins_seated(self, case_id: str | None = None) -> set[str]:
        cases = [case_id] if case_id else self.case_ids
        return {self.pool.login_of(e) for c in cases for e in self.main(c)}


def witness(stack: Stack, draw_id: str, entropy: str = "20260302 0931 派驻纪检监察组 7364 1189") -> dict[str, Any]:
    return ok(
        stack.http.post(f"{API}/draws/{draw_id}/witness", json={"entropy": entropy}, headers=stack.as_user("station"))
    )


def create_review(stack: Stack, case_ids: list[str]) -> str:
    response = stack.http.post(f"{API}/reviews", json=batch_body(case_ids), headers=stack.as_user("clerk"))
    return str(ok(response, 201)["id"])


def begin_draw(stack: Stack, review_id: str) -> dict[str, Any]:
    return ok(stack.http.post(f"{API}/reviews/{review_id}/draws", headers=stack.as_user("clerk")), 201)


def drawn_review(stack: Stack) -> Review:
    pool = join_pool(stack)
    case_ids = register_cases(stack)
    review_id = create_review(stack, case_ids)
    return Review(pool, case_ids, review_id, witness(stack, begin_draw(stack, review_id)["id"]))


def answer(
    stack: Stack, review: Review, case_id: str, username: str, accept: bool = True, **body: str
) -> httpx.Response:
    path = f"{API}/reviews/{review.review_id}/cases/{case_id}/answer"
    return stack.http.post(path, json={"accept": accept, **body}, headers=stack.as_user(username))


def reviewing_review(stack: Stack) -> Review:
    """Drawn, every main seat accepted by its expert, the review started."""
    review = drawn_review(stack)
    for case_id, expert_id in review.seats():
        ok(answer(stack, review, case_id, review.pool.login_of(expert_id)))
    started = ok(stack.http.post(f"{API}/reviews/{review.review_id}/start", headers=stack.as_user("clerk")))
    assert started["status"] == "reviewing"
    return review


FULL_FORM: dict[str, Any] = {
    "scores": {"substance": 37.5, "procedure": "30", "documents": 20, "effect": "10"},
    "comments": {"substance": "对关键证据的采信说理不够充分"},
    "opinion": "认定事实清楚，适用法律正确，说理有待加强。",
    "declared_total": 97.5,
    "submit": True,
}


def submit_forms(stack: Stack, review: Review) -> None:
    for case_id, expert_id in review.seats():
        path = f"{API}/reviews/{review.review_id}/cases/{case_id}/scores"
        ok(stack.http.post(path, json=FULL_FORM, headers=stack.as_user(review.pool.login_of(expert_id))))


def closed_review(stack: Stack) -> Review:
    review = reviewing_review(stack)
    submit_forms(stack, review)
    closed = ok(stack.http.post(f"{API}/reviews/{review.review_id}/close", headers=stack.as_user("clerk")))
    assert closed["status"] == "closed"
    return review


def issued_finding(stack: Stack, review: Review) -> str:
    """A finding on the first case of a closed ``review``, issued to the court."""
    body = {"case_id": review.case_ids[0], "problem": "部分送达回证缺少受送达人签名", "opinion": "请规范送达程序",
            "items": ["procedure"]}  # fmt: skip
    drafted = ok(
        stack.http.post(f"{API}/reviews/{review.review_id}/findings", json=body, headers=stack.as_user("clerk")), 201
    )
    ok(stack.http.post(f"{API}/findings/{drafted['id']}/issue", headers=stack.as_user("clerk")))
    return str(drafted["id"])


# --- the pool ------------------------------------------------------------------------------------------------


def test_the_pool_is_kept_by_the_organizers_and_seen_masked_by_the_station(stack: Stack) -> None:
    pool = join_pool(stack)
    lawyer = pool.ids["王律师"]
    full = ok(stack.http.get(f"{API}/experts/{lawyer}", headers=stack.as_user("committee")))
    assert (full["phone"], full["masked"]) == ("13907140000", False)
    assert full["id_number"] == expert_body(0, POOL[0])["id_number"]
    for viewer in ("station", "expert1"):  # the supervisor, and the expert themselves
        seen = ok(stack.http.get(f"{API}/experts/{lawyer}", headers=stack.as_user(viewer)))
        assert (seen["phone"], seen["masked"]) == ("139****0000", True), viewer
        assert seen["id_number"] != full["id_number"] and seen["id_number"].endswith(full["id_number"][-4:])
    assert stack.http.get(f"{API}/experts/{lawyer}", headers=stack.as_user("expert2")).status_code == 404

    lawyers = ok(stack.http.get(f"{API}/experts", params={"category": "lawyer"}, headers=stack.as_user("clerk")))
    assert {e["name"] for e in lawyers["items"]} == {"王律师", "赵律师"} and lawyers["total"] == 2
    page = ok(stack.http.get(f"{API}/experts", params={"page_size": 4}, headers=stack.as_user("clerk")))
    assert (len(page["items"]), page["total"]) == (4, 6) and page["next_page_token"]
    rest = ok(
        stack.http.get(
            f"{API}/experts",
            params={"page_size": 4, "page_token": page["next_page_token"]},
            headers=stack.as_user("clerk"),
        )
    )
    assert len({e["id"] for e in page["items"] + rest["items"]}) == 6 and rest["next_page_token"] is None
    own = ok(stack.http.get(f"{API}/experts", headers=stack.as_user("expert1")))
    assert [e["id"] for e in own["items"]] == [lawyer]
    counts = ok(stack.http.get(f"{API}/experts", headers=stack.as_user("admin")))
    assert (counts["items"], counts["total"]) == ([], 6)
    assert {status: n for status, n in counts["counts"].items() if n} == {"active": 5, "suspended": 1}

    professor = pool.ids["孙教授"]
    reinstated = ok(stack.http.post(f"{API}/experts/{professor}/reinstate", headers=stack.as_user("clerk")))
    assert reinstated["status"] == "active"
    edited = ok(
        stack.http.patch(
            f"{API}/experts/{professor}",
            json=expert_body(3, POOL[3] | {"title": "教授"}),
            headers=stack.as_user("clerk"),
        )
    )
    assert (edited["title"], edited["status"]) == ("教授", "active")
    left = ok(
        stack.http.post(f"{API}/experts/{professor}/leave", json={"reason": "本人申请"}, headers=stack.as_user("clerk"))
    )
    assert (left["status"], left["departure_reason"]) == ("left", "本人申请")
    again = stack.http.post(f"{API}/experts/{professor}/reinstate", headers=stack.as_user("clerk"))
    assert again.status_code == 409 and again.json()["error"]["code"] == "conflict"


def workbook_rows(data: bytes) -> list[list[Any]]:
    sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_pool_goes_out_to_excel_as_each_reader_may_see_it(stack: Stack) -> None:
    join_pool(stack)
    for user, masked in (("clerk", False), ("station", True)):
        response = stack.http.get(f"{API}/experts/export", params={"status": "active"}, headers=stack.as_user(user))
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disposition = response.headers["content-disposition"]
        assert (
            'filename="experts.xlsx"' in disposition
            and "filename*=UTF-8''%E4%B8%93%E5%AE%B6%E5%BA%93.xlsx" in disposition
        )
        header, *rows = workbook_rows(response.content)
        assert header[:3] == ["专家编号", "姓名", "专家类别"]
        assert sorted(row[1] for row in rows) == sorted(s["name"] for s in POOL if s["name"] != "孙教授"), rows
        phones = {row[header.index("手机号码")] for row in rows}
        assert all(("****" in phone) is masked for phone in phones), (user, phones)


IMPORT_HEADER = ["姓名", "专家类别", "专业领域", "工作单位", "职务职称", "手机号码", "身份证号码", "申报的利益冲突"]
IMPORT_ROWS = [
    ["吴律师", "律师", "民事、商事", "湖北东楚律师事务所", "主任", "13907141001", id_number("42020219800315101"), ""],
    ["郑教授", "高校教授", "行政", "湖北师范大学法学院", "教授", "13907141002", id_number("42020219700620202"), ""],
]


def test_an_excel_import_checks_first_then_joins_every_row(stack: Stack) -> None:
    data = xlsx([IMPORT_HEADER, *IMPORT_ROWS])
    files = {"file": ("专家名单.xlsx", data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}
    path = f"{API}/experts/import"
    checked = ok(stack.http.post(path, params={"dry_run": "true"}, files=files, headers=stack.as_user("clerk")))
    assert (checked["joined"], checked["dry_run"], len(checked["expert_ids"])) == (0, True, 2)
    assert ok(stack.http.get(f"{API}/experts", headers=stack.as_user("clerk")))["total"] == 0

    joined = ok(stack.http.post(path, files=files, headers=stack.as_user("committee")))
    assert (joined["joined"], joined["dry_run"], len(joined["expert_ids"])) == (2, False, 2)
    listed = ok(stack.http.get(f"{API}/experts", headers=stack.as_user("clerk")))
    assert {e["name"] for e in listed["items"]} == {"吴律师", "郑教授"}

    twice = stack.http.post(path, files=files, headers=stack.as_user("clerk"))  # the same ID numbers again
    assert twice.status_code == 422, twice.text
    assert ok(stack.http.get(f"{API}/experts", headers=stack.as_user("clerk")))["total"] == 2


# --- cases, a review, its draw --------------------------------------------------------------------------------


def test_cases_are_registered_by_their_court_and_seen_in_scope(stack: Stack) -> None:
    first, _ = register_cases(stack)
    case = ok(stack.http.get(f"{API}/cases/{first}", headers=stack.as_user("station")))
    assert (case["status"], case["details"]["unit"], case["details"]["number"]) == (
        "registered",
        "intermediate_court",
        "（2025）鄂02民初101号",
    )
    assert stack.http.get(f"{API}/cases/{first}", headers=stack.as_user("procuratorate")).status_code == 404
    assert ok(stack.http.get(f"{API}/cases", headers=stack.as_user("procuratorate")))["total"] == 0
    enterprise = ok(stack.http.get(f"{API}/cases", params={"enterprise": "true"}, headers=stack.as_user("court")))
    assert enterprise["total"] == 2
    edited = ok(
        stack.http.patch(
            f"{API}/cases/{first}", json=case_body(0) | {"cause": "借款合同纠纷"}, headers=stack.as_user("court")
        )
    )
    assert edited["details"]["cause"] == "借款合同纠纷"
    withdrawn = ok(
        stack.http.post(f"{API}/cases/{first}/withdraw", json={"reason": "误报"}, headers=stack.as_user("court"))
    )
    assert withdrawn["status"] == "withdrawn"
    registered = ok(stack.http.get(f"{API}/cases", params={"status": "registered"}, headers=stack.as_user("clerk")))
    assert registered["total"] == 1


def test_a_draw_is_committed_then_witnessed_by_the_station_and_verifiable(stack: Stack) -> None:
    pool = join_pool(stack)
    case_ids = register_cases(stack)
    review_id = create_review(stack, case_ids)
    edited = ok(
        stack.http.patch(
            f"{API}/reviews/{review_id}",
            json=batch_body(case_ids) | {"backups_per_case": 1},
            headers=stack.as_user("clerk"),
        )
    )
    assert (edited["status"], edited["rules"]["backups_per_case"]) == ("draft", 1)
    stream = EventStream(f"{stack.settings.gateway_url}{API}/events", stack.tokens.access("expert3"))
    try:
        begun = begin_draw(stack, review_id)
        assert begun["status"] == "open" and len(begun["seed_commitment"]) == 64
        assert (begun["seed"], begun["witness_entropy"], begun["result"]) == (None, None, None)
        assert begun["pool_size"] == 5  # 孙教授 is suspended
        for user in ("clerk", "station"):
            assert ok(stack.http.get(f"{API}/draws/{begun['id']}", headers=stack.as_user(user)))["seed"] is None
        early = stack.http.get(f"{API}/draws/{begun['id']}/verify", headers=stack.as_user("station"))
        assert early.status_code == 409

        fixed = witness(stack, begun["id"], entropy="8264 1937 5502")
        assert fixed["status"] == "fixed" and fixed["seed_commitment"] == begun["seed_commitment"]
        assert hashlib.sha256(bytes.fromhex(fixed["seed"])).hexdigest() == begun["seed_commitment"]
        assert bytes.fromhex(fixed["witness_entropy"]) == b"8264 1937 5502"
        for drawn in fixed["result"]:
            assert sorted(e["category"] for e in drawn["main"]) == ["lawyer", "professor"]
            assert len(drawn["backups"]) == 1
        excluded = {(x["case_id"], x["name"]) for x in fixed["exclusions"]}
        assert (case_ids[0], "李代表") in excluded  # declared a conflict with a law firm of the case
        stream.wait_for(lambda events: any(e.get("event", "").endswith("expert_drawn") for e in events))
    finally:
        stream.close()

    again = stack.http.post(
        f"{API}/draws/{begun['id']}/witness", json={"entropy": "1"}, headers=stack.as_user("station")
    )
    assert again.status_code == 409  # a draw is never re-run
    verified = ok(stack.http.get(f"{API}/draws/{begun['id']}/verify", headers=stack.as_user("clerk")))
    assert verified["ok"] is True and verified["problems"] == []
    assert [c["main"] for c in verified["recomputed"]] == [[e["expert_id"] for e in c["main"]] for c in fixed["result"]]

    record = stack.http.get(f"{API}/draws/{begun['id']}/record", headers=stack.as_user("station"))
    assert record.status_code == 200 and record.headers["content-type"] == "application/json"
    assert f'filename="draw-{begun["id"]}.json"' in record.headers["content-disposition"]
    assert json.loads(record.content)["seed_commitment"] == begun["seed_commitment"]
    pdf = stack.http.get(f"{API}/draws/{begun['id']}/record.pdf", headers=stack.as_user("clerk"))
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert "filename*=UTF-8''%E6%8A%BD%E5%8F%96%E8%AE%B0%E5%BD%95-" in pdf.headers["content-disposition"]

    court_view = ok(stack.http.get(f"{API}/reviews/{review_id}", headers=stack.as_user("court")))
    assert court_view["status"] == "drawn"
    assert all(case["reviewers"] is None for case in court_view["cases"])
    names = {s["name"] for s in POOL}
    assert not any(name in json.dumps(court_view, ensure_ascii=False) for name in names)
    organizer_view = ok(stack.http.get(f"{API}/reviews/{review_id}", headers=stack.as_user("committee")))
    assert all(len(case["reviewers"]) == 2 for case in organizer_view["cases"])
    assert pool.ids["孙教授"] not in json.dumps(organizer_view)
    trail = ok(stack.http.get(f"{API}/case-review/audit", headers=stack.as_user("station")))
    actions = [item["entry"]["action"] for item in trail["items"]]
    assert actions[:2] == ["draw.witnessed", "draw.committed"]  # newest first


def test_a_draw_cancelled_before_its_witness_is_drawn_again_with_a_new_seed(stack: Stack) -> None:
    join_pool(stack)
    review_id = create_review(stack, register_cases(stack))
    first = begin_draw(stack, review_id)
    cancelled = ok(
        stack.http.post(
            f"{API}/draws/{first['id']}/cancel", json={"reason": "规则有误"}, headers=stack.as_user("clerk")
        )
    )
    assert (cancelled["status"], cancelled["reason"]) == ("cancelled", "规则有误")
    late = stack.http.post(
        f"{API}/draws/{first['id']}/witness", json={"entropy": "42"}, headers=stack.as_user("station")
    )
    assert late.status_code == 409
    second = begin_draw(stack, review_id)
    assert second["seed_commitment"] != first["seed_commitment"]


# --- answers, scores, the close, a finding to its close-out ------------------------------------------------


def test_a_review_from_the_experts_answers_to_a_closed_out_finding(stack: Stack) -> None:
    review = drawn_review(stack)
    for case_id, expert_id in review.seats():
        login = review.pool.login_of(expert_id)
        own = ok(stack.http.get(f"{API}/reviews/{review.review_id}", headers=stack.as_user(login)))
        assert {c["case_id"] for c in own["cases"]} == {c for c in review.case_ids if login in review.logins_seated(c)}
        assert ok(stack.http.get(f"{API}/cases/{case_id}", headers=stack.as_user(login)))["id"] == case_id
        ok(answer(stack, review, case_id, login))
    unseated = {"expert1", "expert2", "expert3"} - review.logins_seated()
    for login in unseated:  # a lawyer who holds no seat (each case's lawyer may be the same one)
        assert stack.http.get(f"{API}/cases/{review.case_ids[0]}", headers=stack.as_user(login)).status_code == 404
    ok(stack.http.post(f"{API}/reviews/{review.review_id}/start", headers=stack.as_user("clerk")))

    case_id, expert_id = review.seats()[0]
    login = review.pool.login_of(expert_id)
    path = f"{API}/reviews/{review.review_id}/cases/{case_id}/scores"
    draft = {"scores": {"substance": "36"}, "comments": {"substance": "说理不足"}}
    ok(stack.http.post(path, json=draft, headers=stack.as_user(login)))
    wrong_total = FULL_FORM | {"declared_total": 99}
    refused(stack.http.post(path, json=wrong_total, headers=stack.as_user(login)), "declared_total")
    early = stack.http.post(f"{API}/reviews/{review.review_id}/close", headers=stack.as_user("clerk"))
    assert early.status_code == 409  # not every form is submitted
    submit_forms(stack, review)
    closed = ok(stack.http.post(f"{API}/reviews/{review.review_id}/close", headers=stack.as_user("clerk")))
    assert closed["status"] == "closed"

    court_view = ok(stack.http.get(f"{API}/reviews/{review.review_id}", headers=stack.as_user("court")))
    for case in court_view["cases"]:  # the court learns who reviewed its cases once the review is closed
        assert {r["expert_id"] for r in case["reviewers"]} == set(review.main(case["case_id"])), case

    finding_body = {
        "case_id": review.case_ids[0],
        "problem": "部分送达回证缺少受送达人签名",
        "opinion": "请规范送达程序",
    }
    drafted = ok(
        stack.http.post(
            f"{API}/reviews/{review.review_id}/findings", json=finding_body, headers=stack.as_user("clerk")
        ),
        201,
    )
    finding = f"{API}/findings/{drafted['id']}"
    assert drafted["status"] == "draft"
    assert stack.http.get(finding, headers=stack.as_user("court")).status_code == 404  # a draft is not the court's
    change = {"problem": "送达回证缺少签名", "opinion": "请规范送达程序", "items": ["procedure"]}
    edited = ok(stack.http.patch(finding, json=change, headers=stack.as_user("clerk")))
    assert edited["items"] == ["procedure"]
    issued = ok(stack.http.post(f"{finding}/issue", headers=stack.as_user("clerk")))
    assert issued["status"] == "issued" and issued["due_at"]
    assert ok(stack.http.get(finding, headers=stack.as_user("court")))["problem"] == "送达回证缺少签名"
    answered = ok(
        stack.http.post(
            f"{finding}/answer", json={"answer": "accept", "text": "已制定整改方案"}, headers=stack.as_user("court")
        )
    )
    assert answered["status"] == "rectifying"
    report = {"kinds": ["rule_adopted"], "text": "制定送达工作规范", "rule_title": "关于规范民事送达工作的规定"}
    assert (
        ok(stack.http.post(f"{finding}/rectification", json=report, headers=stack.as_user("court")))["status"]
        == "reported"
    )
    closed_out = ok(
        stack.http.post(f"{finding}/close-out", json={"note": "整改到位"}, headers=stack.as_user("committee"))
    )
    assert closed_out["status"] == "closed"
    listed = ok(stack.http.get(f"{API}/findings", params={"status": "closed"}, headers=stack.as_user("court")))
    assert [f["id"] for f in listed["items"]] == [drafted["id"]]
    assert ok(stack.http.get(f"{API}/findings", headers=stack.as_user("admin")))["counts"]["closed"] == 1

    staff = {"staff_name": "吴某", "staff_position": "书记员"}
    marked = ok(stack.http.post(f"{finding}/misconduct", json=staff, headers=stack.as_user("clerk")))
    assert marked["misconduct"]["staff_name"] == "吴某"
    court_copy = ok(stack.http.get(finding, headers=stack.as_user("court")))
    assert court_copy["misconduct"] is None and "吴某" not in json.dumps(court_copy, ensure_ascii=False)
    clue = wait_for_clue(stack, drafted["id"])  # relayed by the case-review service to the clue service
    assert (clue["source_kind"], clue["official_subject"]) == ("case_review", subject_of(stack, "clerk"))
    transferred = ok(stack.http.get(finding, headers=stack.as_user("clerk")))["clue_transfer"]
    assert (transferred["state"], transferred["clue_id"]) == ("transferred", clue["id"])


def wait_for_clue(stack: Stack, finding_id: str, timeout_s: float = 15.0) -> dict[str, Any]:
    """The clue the discipline commission received for ``finding_id``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        clues = ok(stack.http.get(f"{API}/clues", headers=stack.as_user("commission")))["items"]
        found = [c for c in clues if c["source_ref"].endswith(f"/finding/{finding_id}")]
        if found:
            return dict(found[0])
        time.sleep(0.1)
    raise AssertionError(f"no clue for finding {finding_id} within {timeout_s} s")


# --- bad input -----------------------------------------------------------------------------------------------


def test_bad_input_is_refused_with_the_field_named_and_nothing_written(stack: Stack) -> None:
    clerk = stack.as_user("clerk")
    good = expert_body(0, POOL[0])

    def post(body: dict[str, Any]) -> httpx.Response:
        return stack.http.post(f"{API}/experts", json=body, headers=clerk)

    refused(post(good | {"name": ""}), "name")
    refused(post(good | {"category": "judge"}), "category")
    refused(post(good | {"phone": "139-abc"}), "phone")  # not a phone number's characters: the gateway
    refused(post(good | {"phone": "12907140000"}), "phone")  # no mainland mobile starts 12: the service
    valid = good["id_number"]
    refused(post(good | {"id_number": valid[:-1] + ("1" if valid[-1] != "1" else "2")}), "id_number")  # check char
    refused(post(good | {"specialties": ["astrology"]}), "specialties.0")
    refused(post(good | {"salary": 1}), "salary")
    assert ok(stack.http.get(f"{API}/experts", headers=clerk))["total"] == 0

    not_xlsx = {"file": ("专家名单.xlsx", b"name,category\n", "text/csv")}
    response = stack.http.post(f"{API}/experts/import", files=not_xlsx, headers=clerk)
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_argument", response.text
    too_big = {"file": ("big.xlsx", b"0" * (stack.settings.max_body_bytes + 1))}
    assert stack.http.post(f"{API}/experts/import", files=too_big, headers=clerk).status_code == 413
    missing = stack.http.post(f"{API}/experts/import", headers=clerk)
    refused(missing, "file")

    court = stack.as_user("court")
    refused(stack.http.post(f"{API}/cases", json=case_body(0) | {"type": "procuratorial"}, headers=court), "type")
    refused(stack.http.post(f"{API}/cases", json=case_body(0) | {"number": "2025民初1号"}, headers=court), "number")
    refused(stack.http.post(f"{API}/cases", json=case_body(0) | {"parties": []}, headers=court), "parties")
    refused(stack.http.get(f"{API}/cases", params={"enterprise": "maybe"}, headers=court), "enterprise")
    refused(stack.http.get(f"{API}/experts", params={"status": "retired"}, headers=clerk), "status")
    assert ok(stack.http.get(f"{API}/cases", headers=court))["total"] == 0

    refused(
        stack.http.post(f"{API}/reviews", json={"name": "批次", "case_ids": [], "experts_per_case": 2}, headers=clerk),
        "case_ids",
    )
    unknown_case = {"name": "批次", "case_ids": ["no-such-case"], "experts_per_case": 2}
    refused(stack.http.post(f"{API}/reviews", json=unknown_case, headers=clerk), "case_ids")  # the service's check
    refused(
        stack.http.post(f"{API}/draws/d-1/witness", json={"entropy": "字" * 1366}, headers=stack.as_user("station")),
        "entropy",
    )
    score = {"scores": {"substance": "很好"}}
    refused(
        stack.http.post(f"{API}/reviews/r-1/cases/c-1/scores", json=score, headers=stack.as_user("expert1")),
        "scores.substance",
    )
    refused(stack.http.get(f"{API}/experts/has space", headers=clerk), "expert_id")
    malformed = stack.http.post(f"{API}/experts", content=b"{", headers=clerk | {"content-type": "application/json"})
    assert malformed.status_code == 400
