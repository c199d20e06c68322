"""Principals, times, commands, experts, cases, batches and findings in every state, for the unit tests of
the case-review domain (not of the draw or recusal, which have their own)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from services.case_review import commands
from services.case_review.cases import Case
from services.case_review.domain import BatchStatus, CaseStatus, ExpertStatus, FindingStatus
from services.case_review.experts import Expert
from services.case_review.findings import Finding
from services.case_review.reviews import ReviewBatch
from wulian.kit.principal import ROLE_BODIES, Principal


def who(*roles: str, subject: str, org_unit: str = "") -> Principal:
    body = ROLE_BODIES[roles[0]] if roles else ""
    return Principal(subject=subject, name=f"{subject}-name", body=body, roles=frozenset(roles), org_unit=org_unit)


COURT_UNIT = "hs-intermediate-court"
OTHER_COURT_UNIT = "dy-court"
PROCURATORATE_UNIT = "hs-procuratorate"

DEPUTY = who("deputy", subject="deputy-1")
CLERK = who("congress_clerk", subject="clerk-1")
OTHER_CLERK = who("congress_clerk", subject="clerk-2")
COMMITTEE = who("congress_committee", subject="committee-1")
LEADER = who("congress_leader", subject="leader-1")
OFFICE = who("gov_supervision_office", subject="office-1")
DEPARTMENT = who("gov_department", subject="transport-1", org_unit="transport")
COMMISSION = who("discipline_commission", subject="commission-1")
STATION = who("discipline_station", subject="station-1")
COURT = who("court", subject="court-1", org_unit=COURT_UNIT)
OTHER_COURT = who("court", subject="court-2", org_unit=OTHER_COURT_UNIT)
COURT_WITHOUT_UNIT = who("court", subject="court-3")
PROCURATORATE = who("procuratorate", subject="procuratorate-1", org_unit=PROCURATORATE_UNIT)
ADMIN = who("platform_admin", subject="admin-1")
NOBODY = who(subject="someone-without-roles")
E = {n: who("expert", subject=f"expert-{n}") for n in range(1, 8)}  # expert n's login
EXPERT = E[1]

BY_ROLE: dict[str, Principal] = {
    "deputy": DEPUTY,
    "congress_clerk": CLERK,
    "congress_committee": COMMITTEE,
    "congress_leader": LEADER,
    "gov_supervision_office": OFFICE,
    "gov_department": DEPARTMENT,
    "discipline_commission": COMMISSION,
    "discipline_station": STATION,
    "court": COURT,
    "procuratorate": PROCURATORATE,
    "expert": EXPERT,
    "platform_admin": ADMIN,
}
ORGANIZERS = (CLERK, OTHER_CLERK, COMMITTEE)
EVERYONE = (*BY_ROLE.values(), OTHER_CLERK, OTHER_COURT, COURT_WITHOUT_UNIT, *E.values(), NOBODY)
NOT_ORGANIZERS = tuple(p for p in EVERYONE if p not in ORGANIZERS)

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # Monday 2 March 2026, 09:00 in Beijing
DRAWN_AT = T0 + timedelta(days=10)
REVIEW_AT = T0 + timedelta(days=15)
CLOSED_AT = T0 + timedelta(days=40)  # 11 April 2026
ISSUED_AT = datetime(2026, 4, 13, 2, 0, tzinfo=UTC)  # Monday 13 April, 10:00 Beijing
DUE_AT = datetime(2026, 7, 13, 16, 0, tzinfo=UTC)  # end of 13 July (13 April + 3 months) in Beijing


# --- ID numbers, computed here with an independent formula: weight of position i is 2^(17-i) mod 11 -------


def check_char(first17: str) -> str:
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(first17))
    return "10X98765432"[total % 11]


def id_number(first17: str) -> str:
    return first17 + check_char(first17)


ID_1 = "11010519491231002X"  # the example of GB 11643-1999
ID_2 = "440524188001010014"  # the other example of GB 11643-1999
ID_N = {n: id_number(f"420202{1970 + n}0{n % 9 + 1}1{n}0{n}1") for n in range(1, 8)}  # Huangshi-born experts


# --- the pool ----------------------------------------------------------------------------------------------


def profile(**fields: object) -> commands.ExpertProfile:
    base: dict[str, object] = {
        "name": "王律师",
        "category": "lawyer",
        "specialties": ("commercial", "civil"),
        "employer": "湖北某某律师事务所",
        "phone": "13812345678",
        "id_number": ID_1,
        "title": "高级合伙人",
        "conflicts": ("湖北某某律师事务所", "黄石市某建材有限公司"),
        "account_subject": "expert-1",
    }
    return commands.ExpertProfile(**{**base, **fields})  # type: ignore[arg-type]


def joined(**fields: object) -> Expert:
    return Expert.join("x-1", CLERK, commands.JoinExpert(profile(**fields)), T0)


def expert_in(status: ExpertStatus, **fields: object) -> Expert:
    expert = joined(**fields)
    if status is ExpertStatus.SUSPENDED:
        expert.suspend(CLERK, commands.SuspendExpert("长期出国访学"), T0 + timedelta(days=1))
    elif status is ExpertStatus.LEFT:
        expert.leave(CLERK, commands.LeaveExpert("本人申请退出"), T0 + timedelta(days=1))
    assert expert.status is status
    expert.events.clear()
    return expert


# --- cases -------------------------------------------------------------------------------------------------


def details(**fields: object) -> commands.CaseDetails:
    base: dict[str, object] = {
        "number": "（2025）鄂02民初123号",
        "type": "trial",
        "cause": "买卖合同纠纷",
        "unit_name": "黄石市中级人民法院",
        "presiding_id": "judge-li",
        "presiding_name": "李某某",
        "parties": (
            commands.PartyInput("黄石市某建材有限公司", True),
            commands.PartyInput("张某", False),
        ),
        "lawyers": (commands.LawyerInput("陈律师", "湖北某某律师事务所"),),
        "unit": "",
    }
    return commands.CaseDetails(**{**base, **fields})  # type: ignore[arg-type]


def procuratorate_details(**fields: object) -> commands.CaseDetails:
    base: dict[str, object] = {
        "number": "鄂黄检民监〔2025〕42020000012号",
        "type": "procuratorial_supervision",
        "cause": "民事执行监督",
        "unit_name": "黄石市人民检察院",
        "presiding_id": "prosecutor-zhao",
        "presiding_name": "赵某某",
        "parties": (commands.PartyInput("黄石某机械制造有限公司", True),),
        "lawyers": (),
    }
    return details(**{**base, **fields})


def registered(case_id: str = "c-1", **fields: object) -> Case:
    return Case.register(case_id, COURT, commands.RegisterCase(details(**fields)), T0)


def procuratorate_case(case_id: str = "c-2") -> Case:
    return Case.register(case_id, PROCURATORATE, commands.RegisterCase(procuratorate_details()), T0)


def case_in(status: CaseStatus) -> Case:
    case = registered()
    if status is CaseStatus.UNDER_REVIEW:
        case.take_into_review("b-1", DRAWN_AT)
    elif status is CaseStatus.REVIEWED:
        from services.case_review.domain import Rating

        case.take_into_review("b-1", DRAWN_AT)
        case.mark_reviewed("b-1", Rating.ACCEPTABLE, CLOSED_AT)
    elif status is CaseStatus.WITHDRAWN:
        case.withdraw(COURT, commands.WithdrawCase("案件尚在二审中，暂不纳入评查"), DRAWN_AT)
    assert case.status is status
    case.events.clear()
    return case


# --- batches -----------------------------------------------------------------------------------------------


def rules(**fields: object) -> commands.BatchRules:
    base: dict[str, object] = {
        "name": "2026年度涉企案件质量评查（第一批）",
        "case_ids": ("c-1", "c-2"),
        "experts_per_case": 2,
        "backups_per_case": 2,
        "max_cases_per_expert": 2,
        "category_quotas": {"lawyer": 1},
        "specialty_quotas": {},
        "cooling_off_days": 365,
    }
    return commands.BatchRules(**{**base, **fields})  # type: ignore[arg-type]


def batch_cases() -> list[Case]:
    return [registered("c-1"), procuratorate_case("c-2")]


def drawn_expert(n: int, category: str, *, subject: bool = True) -> commands.DrawnExpert:
    return commands.DrawnExpert(f"x-{n}", f"专家{n}", category, f"expert-{n}" if subject else "")


# c-1 (the court's): experts 1 (lawyer) and 2 (professor), backups 5 (lawyer), 6 (deputy).
# c-2 (the procuratorate's): experts 3 (lawyer) and 4 (deputy), backups 7 (professor).
RESULT = commands.RecordDrawResult(
    "d-1",
    (
        commands.DrawnCase("c-1", (drawn_expert(1, "lawyer"), drawn_expert(2, "professor")),
                           (drawn_expert(5, "lawyer"), drawn_expert(6, "deputy"))),
        commands.DrawnCase("c-2", (drawn_expert(3, "lawyer"), drawn_expert(4, "deputy")),
                           (drawn_expert(7, "professor"),)),
    ),
)  # fmt: skip
SEATS = {"c-1": (1, 2), "c-2": (3, 4)}


def draft_batch() -> ReviewBatch:
    return ReviewBatch.create("b-1", CLERK, commands.CreateBatch(rules()), T0, batch_cases())


def drawing_batch() -> ReviewBatch:
    batch = draft_batch()
    batch.begin_draw(CLERK, commands.BeginDraw("d-1"), T0 + timedelta(days=5))
    return batch


def drawn_batch() -> ReviewBatch:
    batch = drawing_batch()
    batch.record_draw_result(RESULT, DRAWN_AT)
    return batch


def accept_all(batch: ReviewBatch) -> None:
    for case_id, experts in SEATS.items():
        for n in experts:
            batch.answer_assignment(E[n], commands.AnswerAssignment(case_id, True), DRAWN_AT + timedelta(days=1))


def reviewing_batch() -> ReviewBatch:
    batch = drawn_batch()
    accept_all(batch)
    batch.start_review(CLERK, REVIEW_AT)
    return batch


def form(case_id: str = "c-1", *, submit: bool = True, **scores: commands.Score) -> commands.SaveScoreForm:
    values: dict[str, commands.Score] = {"substance": 36, "procedure": 27, "documents": 18, "effect": 9, **scores}
    comments = {k: f"{k}扣分理由" for k in values}
    return commands.SaveScoreForm(
        case_id,
        values,
        comments,
        opinion="事实清楚，程序基本合法，文书说理略显不足。",
        submit=submit,
    )


def submit_all(batch: ReviewBatch, **scores: Any) -> None:
    for case_id, experts in SEATS.items():
        for n in experts:
            batch.save_form(E[n], form(case_id, **scores), REVIEW_AT + timedelta(days=n))


def closed_batch() -> ReviewBatch:
    batch = reviewing_batch()
    submit_all(batch)
    batch.close(CLERK, CLOSED_AT)
    return batch


def cancelled_batch() -> ReviewBatch:
    batch = drawn_batch()
    batch.cancel(CLERK, commands.CancelBatch("专家库调整，本批次取消"), DRAWN_AT + timedelta(days=2))
    return batch


BATCH_BUILD = {
    BatchStatus.DRAFT: draft_batch,
    BatchStatus.DRAWING: drawing_batch,
    BatchStatus.DRAWN: drawn_batch,
    BatchStatus.REVIEWING: reviewing_batch,
    BatchStatus.CLOSED: closed_batch,
    BatchStatus.CANCELLED: cancelled_batch,
}


def batch_in(status: BatchStatus) -> ReviewBatch:
    batch = BATCH_BUILD[status]()
    assert batch.status is status
    batch.events.clear()
    return batch


# --- findings ----------------------------------------------------------------------------------------------

PROBLEM = "该案执行过程中对被执行企业账户超标的冻结，冻结金额超出执行标的三倍。"
OPINION = "建议依法解除超标的冻结，并建立执行措施审批复核制度。"


def finding_text(**fields: object) -> commands.FindingText:
    base: dict[str, object] = {"problem": PROBLEM, "opinion": OPINION, "items": ("procedure", "effect")}
    return commands.FindingText(**{**base, **fields})  # type: ignore[arg-type]


def drafted(batch: ReviewBatch | None = None, case: Case | None = None) -> Finding:
    batch = batch or closed_batch()
    case = case or registered("c-1")
    return Finding.draft("f-1", CLERK, commands.DraftFinding("c-1", finding_text()), CLOSED_AT, batch=batch, case=case)


def issued() -> Finding:
    finding = drafted()
    finding.issue(CLERK, ISSUED_AT, batch_status=BatchStatus.CLOSED)
    return finding


def explained() -> Finding:
    finding = issued()
    text = "冻结系依当事人申请并经担保，符合法律规定。"
    finding.answer(COURT, commands.AnswerOpinion("explain", text), ISSUED_AT + timedelta(days=10))
    return finding


def rectifying() -> Finding:
    finding = issued()
    plan = "立即解除超标的冻结，制定执行措施复核办法。"
    finding.answer(COURT, commands.AnswerOpinion("accept", plan), ISSUED_AT + timedelta(days=10))
    return finding


def report(**fields: object) -> commands.ReportRectification:
    base: dict[str, object] = {
        "kinds": ("corrected_case", "rule_adopted"),
        "text": "已解除超标的冻结；出台《执行案款专人专管办法》。",
        "corrected_case_number": "（2026）鄂02执异5号",
        "rule_title": "执行案款专人专管办法",
    }
    return commands.ReportRectification(**{**base, **fields})  # type: ignore[arg-type]


def reported() -> Finding:
    finding = rectifying()
    finding.report_rectification(COURT, report(), ISSUED_AT + timedelta(days=40))
    return finding


def closed_finding() -> Finding:
    finding = reported()
    finding.close_out(CLERK, commands.CloseOutFinding("经核实整改到位"), ISSUED_AT + timedelta(days=45))
    return finding


FINDING_BUILD = {
    FindingStatus.DRAFT: drafted,
    FindingStatus.ISSUED: issued,
    FindingStatus.EXPLAINED: explained,
    FindingStatus.RECTIFYING: rectifying,
    FindingStatus.REPORTED: reported,
    FindingStatus.CLOSED: closed_finding,
}


def finding_in(status: FindingStatus) -> Finding:
    finding = FINDING_BUILD[status]()
    assert finding.status is status
    finding.events.clear()
    return finding


def d(value: str) -> Decimal:
    return Decimal(value)
