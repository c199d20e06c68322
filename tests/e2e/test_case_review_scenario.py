"""司法监督联动 as Huangshi did it, through the whole stack as separate processes, over HTTP: a pool of 54
experts, enterprise cases registered by the court and the procuratorate, a draw witnessed by the
discipline station, scoring, two problem cases corrected, one clue transferred to the discipline
commission — each step by the body whose step it is, and the others refused where they have no right."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.test_whole_stack import login
from tests.support.stack import Body, ProcessStack
from tests.support.workbooks import xlsx
from tests.unit.case_review.builders import id_number
from wulian import cli

pytestmark = pytest.mark.e2e

SPECIALTIES = ("民事", "商事", "执行", "行政")
COURT_CASES = ("（2025）鄂02民初101号", "（2025）鄂02民初102号")
PROCURATORATE_CASE = "鄂黄检民监〔2025〕42020000012号"


def _pool_of_51() -> bytes:
    """Deputies and lawyers, as the congress's liaison office keeps them in Excel."""
    header = ["姓名", "专家类别", "专业领域", "工作单位", "职务职称", "手机号码", "身份证号码", "申报的利益冲突"]
    rows: list[list[object]] = [header]
    for n in range(1, 52):
        category = "律师" if n % 2 else "人大代表"
        employer = f"湖北第{n}律师事务所" if n % 2 else f"黄石市第{n}中学"
        specialty = SPECIALTIES[n % len(SPECIALTIES)]
        number = id_number(f"42020219{60 + n % 30:02d}0{n % 9 + 1}1{n % 10}{n:03d}"[:17])
        rows.append([f"专家{n:02d}", category, specialty, employer, "", f"1380000{n:04d}", number, ""])
    return xlsx(rows)


def _form(substance: float, procedure: float, opinion: str) -> dict[str, Any]:
    scores = {"substance": substance, "procedure": procedure, "documents": 18, "effect": 9}
    maxima = {"substance": 40, "procedure": 30, "documents": 20, "effect": 10}
    comments = {k: f"{k}：扣分理由见意见" for k, v in scores.items() if v < maxima[k]}
    return {"scores": scores, "comments": comments, "opinion": opinion, "submit": True}


def _case(number: str, kind: str, unit_name: str, presiding: str, enterprise: str) -> dict[str, Any]:
    return {
        "number": number,
        "type": kind,
        "cause": "买卖合同纠纷" if kind == "trial" else "民事执行监督",
        "unit_name": unit_name,
        "presiding_id": presiding,
        "presiding_name": f"{presiding}法官",
        "parties": [{"name": enterprise, "is_enterprise": True}, {"name": "张某", "is_enterprise": False}],
        "lawyers": [],
    }


def _wait_for(check: Any, timeout_s: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(0.3)
    raise AssertionError("timed out")


def test_huangshi_case_review_from_the_pool_to_the_clue(process_stack: ProcessStack, tmp_path: Path) -> None:
    gateway = process_stack.settings.gateway_url
    names = ("clerk", "station", "court", "procuratorate", "commission", "deputy1", "transport", "admin")
    with httpx.Client(base_url=gateway, timeout=30) as http:
        clerk, station, court, procuratorate, commission, deputy, transport, admin = (
            Body(http, login(process_stack, n)) for n in names
        )
        experts = [Body(http, login(process_stack, f"expert{n}")) for n in (1, 2, 3)]

        # 专家库: 51 from Excel, 3 professors with their logins; 54 in all, built under the station's eye.
        files = {
            "file": ("专家库.xlsx", _pool_of_51(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
        imported = clerk.ok(clerk.http.post("/api/v1/experts/import", files=files, headers=clerk.headers))
        assert imported["joined"] == 51
        for n, expert in enumerate(experts, start=1):
            subject = expert.ok(expert.get("/me"))["subject"]
            profile = {
                "name": f"教授{n}",
                "category": "professor",
                "specialties": ["civil", "commercial"],
                "employer": f"湖北第{n}大学法学院",
                "phone": f"1390000000{n}",
                "id_number": id_number(f"42020219700{n}0{n}1{n}0{n}"[:17]),
                "account_subject": subject,
            }
            clerk.ok(clerk.post("/experts", profile), 201)
        pool = station.ok(station.get("/experts", page_size=100))
        assert pool["total"] == 54 and all("*" in e["phone"] for e in pool["items"])
        assert court.get("/experts").status_code == 403 and deputy.get("/experts").status_code == 403

        # 备案: the court and the procuratorate register enterprise cases, each its own.
        court_cases = [
            court.ok(
                court.post("/cases", _case(n, "trial", "黄石市中级人民法院", "judge-li", "黄石某建材有限公司")), 201
            )
            for n in COURT_CASES
        ]
        procuratorate_case = procuratorate.ok(
            procuratorate.post(
                "/cases",
                _case(
                    PROCURATORATE_CASE, "procuratorial_supervision", "黄石市人民检察院", "prosecutor-zhao", "某机械公司"
                ),
            ),
            201,
        )
        assert transport.post("/cases", _case("（2025）鄂02民初103号", "trial", "某", "x", "某")).status_code == 403
        assert court.ok(court.get("/cases"))["total"] == 2
        case_ids = [c["id"] for c in court_cases] + [procuratorate_case["id"]]

        # 评查批次 and the witnessed draw: two professors per case (the three with logins score online).
        rules = {
            "name": "2026年度涉企案件质量评查",
            "case_ids": case_ids,
            "experts_per_case": 2,
            "backups_per_case": 1,
            "max_cases_per_expert": 3,
            "category_quotas": {"professor": 2},
        }
        assert court.post("/reviews", rules).status_code == 403
        review = clerk.ok(clerk.post("/reviews", rules), 201)
        assert court.post(f"/reviews/{review['id']}/draws").status_code == 403
        begun = clerk.ok(clerk.post(f"/reviews/{review['id']}/draws"), 201)
        assert begun["seed"] is None and len(begun["seed_commitment"]) == 64 and begun["pool_size"] == 54
        assert clerk.post(f"/draws/{begun['id']}/witness", {"entropy": "1234"}).status_code == 403
        assert court.get(f"/draws/{begun['id']}").status_code == 403
        fixed = station.ok(station.post(f"/draws/{begun['id']}/witness", {"entropy": "7 3 9 1 4 6 2 8"}))
        assert hashlib.sha256(bytes.fromhex(fixed["seed"])).hexdigest() == begun["seed_commitment"]
        assert station.ok(station.get(f"/draws/{begun['id']}/verify"))["ok"] is True
        record = station.get(f"/draws/{begun['id']}/record")
        assert record.status_code == 200, record.text
        (tmp_path / "record.json").write_bytes(record.content)
        assert cli.main(["draw", "verify", str(tmp_path / "record.json")]) == 0
        pdf = clerk.get(f"/draws/{begun['id']}/record.pdf")
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        before = court.ok(court.get(f"/reviews/{review['id']}"))
        assert {c["case_id"] for c in before["cases"]} == {c["id"] for c in court_cases}
        assert all(c["reviewers"] is None for c in before["cases"])  # no names before the review closes

        # Each drawn professor accepts and scores their own cases; the court's two cases fall short.
        drawn = {e["expert_id"] for c in fixed["result"] for e in c["main"]}
        subjects = {e["id"]: e["account_subject"] for e in clerk.ok(clerk.get("/experts", page_size=100))["items"]}
        seated = [x for x in experts if x.ok(x.get("/me"))["subject"] in {subjects[i] for i in drawn}]
        for expert in experts:
            if expert not in seated:  # a professor the draw did not choose sees nothing of the batch
                assert expert.get(f"/reviews/{review['id']}").status_code == 404
        for expert in seated:
            mine = expert.ok(expert.get(f"/reviews/{review['id']}"))
            for case in mine["cases"]:
                expert.ok(expert.post(f"/reviews/{review['id']}/cases/{case['case_id']}/answer", {"accept": True}))
        clerk.ok(clerk.post(f"/reviews/{review['id']}/start"))
        low = {c["id"] for c in court_cases}
        for expert in seated:
            for case in expert.ok(expert.get(f"/reviews/{review['id']}"))["cases"]:
                form = (
                    _form(22, 20, "对涉案企业账户超标的冻结") if case["case_id"] in low else _form(38, 28, "程序合法")
                )
                path = f"/reviews/{review['id']}/cases/{case['case_id']}/scores"
                assert court.post(path, form).status_code == 403
                expert.ok(expert.post(path, form))
        closed = clerk.ok(clerk.post(f"/reviews/{review['id']}/close"))
        ratings = {c["case_id"]: c["rating"]["rating"] for c in closed["cases"]}
        assert {ratings[c] for c in low} == {"flawed"} and ratings[procuratorate_case["id"]] == "excellent"
        after = court.ok(court.get(f"/reviews/{review['id']}"))
        assert all(c["reviewers"] for c in after["cases"])  # closed: the court sees who reviewed its cases

        # 评查意见 to the court, answered, rectified (two cases corrected) and closed out (销号).
        findings = []
        for n, case in enumerate(court_cases, start=1):
            text = {
                "case_id": case["id"],
                "problem": f"问题{n}：超标的冻结企业账户",
                "opinion": "依法纠正",
                "items": ["substance"],
            }
            assert court.post(f"/reviews/{review['id']}/findings", text).status_code == 403
            finding = clerk.ok(clerk.post(f"/reviews/{review['id']}/findings", text), 201)
            clerk.ok(clerk.post(f"/findings/{finding['id']}/issue"))
            findings.append(finding)
        assert (
            court.ok(court.get("/findings"))["total"] == 2
            and procuratorate.ok(procuratorate.get("/findings"))["total"] == 0
        )
        for n, finding in enumerate(findings, start=1):
            court.ok(court.post(f"/findings/{finding['id']}/answer", {"answer": "accept", "text": "立即启动再审程序"}))
            report = {
                "kinds": ["corrected_case", "rule_adopted"],
                "text": "已依法纠正并建立执行案款专人专管制度",
                "corrected_case_number": f"（2026）鄂02民再{n}号",
                "rule_title": "执行案款专人专管办法",
            }
            assert clerk.post(f"/findings/{finding['id']}/rectification", report).status_code == 403
            court.ok(court.post(f"/findings/{finding['id']}/rectification", report))
            closed_out = clerk.ok(clerk.post(f"/findings/{finding['id']}/close-out", {"note": "经核查已整改到位"}))
            assert closed_out["status"] == "closed"

        # 线索移送: a finding points at a judge's misconduct; the clue reaches the commission.
        mark = {"staff_name": "李某某", "staff_position": "审判员"}
        assert station.post(f"/findings/{findings[0]['id']}/misconduct", mark).status_code == 403
        clerk.ok(clerk.post(f"/findings/{findings[0]['id']}/misconduct", mark))

        def transferred() -> Any:
            shown = clerk.ok(clerk.get(f"/findings/{findings[0]['id']}"))
            transfer = shown["clue_transfer"]
            return transfer if transfer and transfer["state"] == "transferred" else None

        clue_id = _wait_for(transferred)["clue_id"]
        clue = commission.ok(commission.get(f"/clues/{clue_id}"))
        assert clue["source_kind"] == "case_review" and clue["subject_name"] == "李某某"
        assert court.ok(court.get(f"/findings/{findings[0]['id']}"))["misconduct"] is None
        assert station.ok(station.get(f"/findings/{findings[0]['id']}"))["misconduct"] is None
        assert "李某某" not in json.dumps(clerk.ok(clerk.get(f"/findings/{findings[0]['id']}")), ensure_ascii=False)

        # The station's audit trail of the pool and the draw; nobody else's business.
        trail = station.ok(station.get("/case-review/audit", page_size=100))
        actions = [item["entry"]["action"] for item in trail["items"]]
        assert "draw.committed" in actions and "draw.witnessed" in actions and actions.count("expert.joined") == 54
        assert court.get("/case-review/audit").status_code == 403
        assert deputy.get("/reviews").status_code == 403
        assert admin.ok(admin.get("/reviews"))["items"] == []
