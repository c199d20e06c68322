"""The words of the rectification ledger (整改台账): where an item comes from (``Source``), what kind of unit
answers for it (``UnitKind``), which roles act for each raising body (``BODY_ROLES``), and the kinds of report
and of reopening. Shared by the commands, the records, the events, the item and its views; pure.

Each source names the units it may be about: appraisals and project inspections are about departments,
case-review opinions about a court or procuratorate, a hand-entered item about any of them.
"""

from __future__ import annotations

from enum import StrEnum

from services.evaluation.domain import DEPARTMENT_ROLE, DISCIPLINE_ROLES, OFFICE_ROLE, ORGANIZER_ROLES, RaisingBody
from wulian.kit.principal import Principal


class Source(StrEnum):
    APPRAISAL = "appraisal"  # 部门工作评议
    PROJECT_INSPECTION = "project_inspection"  # 民生实事联合视察
    CASE_REVIEW_OPINION = "case_review_opinion"  # 案件质量评查意见
    MANUAL = "manual"  # 手工录入


SOURCE_LABELS: dict[Source, str] = {
    Source.APPRAISAL: "工作评议",
    Source.PROJECT_INSPECTION: "民生实事视察",
    Source.CASE_REVIEW_OPINION: "案件评查意见",
    Source.MANUAL: "其他",
}


class UnitKind(StrEnum):
    DEPARTMENT = "department"
    COURT = "court"
    PROCURATORATE = "procuratorate"


UNIT_KIND_LABELS: dict[UnitKind, str] = {
    UnitKind.DEPARTMENT: "政府部门",
    UnitKind.COURT: "法院",
    UnitKind.PROCURATORATE: "检察院",
}
UNIT_KIND_ROLES: dict[UnitKind, str] = {
    UnitKind.DEPARTMENT: DEPARTMENT_ROLE,
    UnitKind.COURT: "court",
    UnitKind.PROCURATORATE: "procuratorate",
}
# Which units each source may name (a hand-entered item may name any).
SOURCE_UNIT_KINDS: dict[Source, frozenset[UnitKind]] = {
    Source.APPRAISAL: frozenset({UnitKind.DEPARTMENT}),
    Source.PROJECT_INSPECTION: frozenset({UnitKind.DEPARTMENT}),
    Source.CASE_REVIEW_OPINION: frozenset({UnitKind.COURT, UnitKind.PROCURATORATE}),
    Source.MANUAL: frozenset(UnitKind),
}
# The roles that act in each raising body's name: they raise, edit, close out and follow up its items.
BODY_ROLES: dict[RaisingBody, tuple[str, ...]] = {
    RaisingBody.CONGRESS: ORGANIZER_ROLES,
    RaisingBody.DISCIPLINE: DISCIPLINE_ROLES,
    RaisingBody.GOVERNMENT: (OFFICE_ROLE,),
}


def acts_for_body(principal: Principal, body: RaisingBody) -> bool:
    return principal.has_any(*BODY_ROLES[body])


class ReportKind(StrEnum):
    PROGRESS = "progress"  # 进展报告
    FINAL = "final"  # 整改完成报告


REPORT_KIND_LABELS: dict[ReportKind, str] = {ReportKind.PROGRESS: "进展报告", ReportKind.FINAL: "整改完成报告"}


class ReopenCause(StrEnum):
    UNSATISFACTORY_CLOSE_OUT = "unsatisfactory_close_out"  # 销号测评不满意
    RELAPSE = "relapse"  # 回头看发现问题反弹


REOPEN_CAUSE_LABELS: dict[ReopenCause, str] = {
    ReopenCause.UNSATISFACTORY_CLOSE_OUT: "销号测评不满意",
    ReopenCause.RELAPSE: "回头看发现反弹",
}
