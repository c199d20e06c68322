"""司法监督联动 — the vocabulary and standing rules of case-quality review (案件质量评查). No I/O; the
standard library and the kit's pure modules (principal, errors, problems) only.

The link is split along its seams:

- ``domain`` (this module): states and state tables, the enumerations a clerk picks from (with their
  Chinese labels), limits, and who may act on and see what (deny by default);
- ``commands``: what each actor asks for, as the API hands it over;
- ``experts``: the expert pool (专家库), masking of phone and ID numbers, the Excel row helpers;
- ``cases``: the registration (备案) of a case in scope;
- ``reviews``: the review batch (评查批次), its drawn experts, their score forms and the ratings;
- ``findings``: opinions to the court or procuratorate (评查意见), their answers and rectification;
- ``events``: what happened, and who is told of it.

The random draw and recusal (``draw``, ``recusal``) are separate modules that this layer never imports:
the batch takes the draw's result as plain values. The enumerations shared with them (expert category,
specialty) carry the same values.

Who acts (Huangshi, 司法监督联动). The congress's staff — ``congress_clerk`` and ``congress_committee``
(专委/工委) — are the *organizers*: they keep the pool, name the cases and the rules of a batch, run its
draw and close it, and write the findings. The discipline group stationed at the congress
(``discipline_station``) *supervises* "the building of the pool, every draw and the whole review": it
sees the pool (masked) with its audit trail, every draw and batch, and witnesses draws; it decides
nothing here. The court and the procuratorate (``court``, ``procuratorate``, scoped to their
``org_unit``) register their own cases, and see those cases, and the findings on them once issued; they
never see who reviews a case before the batch is closed. An ``expert`` sees only the cases they hold a
seat on, and only their own score forms. ``platform_admin`` sees counts. Nobody else sees anything.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo

from wulian.kit.access import View as View
from wulian.kit.access import ensure_readable as ensure_readable
from wulian.kit.clock import as_utc as as_utc  # the domain's clock rule, for its modules
from wulian.kit.errors import PermissionDenied
from wulian.kit.principal import Principal
from wulian.kit.problems import checked_text as checked_text  # for the domain's modules
from wulian.kit.states import StateTable as StateTable
from wulian.kit.states import status_counts as status_counts

SHANGHAI = ZoneInfo("Asia/Shanghai")
S = TypeVar("S", bound=StrEnum)
A = TypeVar("A", bound=StrEnum)

NAME_MAX = 50  # a person's name
UNIT_NAME_MAX = 100  # an employer, a court, a law firm, a party
ORG_UNIT_MAX = 64  # an org_unit identifier, as the identity provider carries it
TOKEN_MAX = 100  # one declared conflict
TEXT_MAX = 2000  # reasons, comments, notes
FINDING_MAX = 5000  # a finding's problem and opinion, an answer, a rectification report
CAUSE_MAX = 100  # 案由
ID_MAX = 64  # ids of cases, experts, draws, judges; identity-provider subjects
CONFLICTS_MAX = 50
PARTIES_MAX = 50
LAWYERS_MAX = 50
BATCH_CASES_MAX = 500
ORGANIZER_ROLES: tuple[str, ...] = ("congress_clerk", "congress_committee")
JUDICIAL_ROLES: tuple[str, ...] = ("court", "procuratorate")
SUPERVISOR_ROLE = "discipline_station"


# --- state tables: ``wulian.kit.states.StateTable`` --------------------------------------------------


class ExpertStatus(StrEnum):
    ACTIVE = "active"  # 在库，可被抽取
    SUSPENDED = "suspended"  # 暂停抽取
    LEFT = "left"  # 已退出专家库


EXPERT_STATUS_LABELS: dict[ExpertStatus, str] = {
    ExpertStatus.ACTIVE: "在库",
    ExpertStatus.SUSPENDED: "暂停抽取",
    ExpertStatus.LEFT: "已退出",
}


class ExpertAction(StrEnum):
    EDIT = "edit"
    SUSPEND = "suspend"
    REINSTATE = "reinstate"
    LEAVE = "leave"


EXPERT_STATES: StateTable[ExpertStatus, ExpertAction] = StateTable(
    allowed={
        ExpertAction.EDIT: frozenset({ExpertStatus.ACTIVE, ExpertStatus.SUSPENDED}),
        ExpertAction.SUSPEND: frozenset({ExpertStatus.ACTIVE}),
        ExpertAction.REINSTATE: frozenset({ExpertStatus.SUSPENDED}),
        ExpertAction.LEAVE: frozenset({ExpertStatus.ACTIVE, ExpertStatus.SUSPENDED}),
    },
    phrases={
        ExpertStatus.ACTIVE: "该专家在库",
        ExpertStatus.SUSPENDED: "该专家已暂停抽取",
        ExpertStatus.LEFT: "该专家已退出专家库",
    },
    action_labels={
        ExpertAction.EDIT: "修改信息",
        ExpertAction.SUSPEND: "暂停抽取",
        ExpertAction.REINSTATE: "恢复抽取",
        ExpertAction.LEAVE: "退出专家库",
    },
)


class CaseStatus(StrEnum):
    REGISTERED = "registered"  # 已备案，可修改
    UNDER_REVIEW = "under_review"  # 评查批次已开始抽取，案情冻结
    REVIEWED = "reviewed"  # 已评查
    WITHDRAWN = "withdrawn"  # 已撤回备案


CASE_STATUS_LABELS: dict[CaseStatus, str] = {
    CaseStatus.REGISTERED: "已备案",
    CaseStatus.UNDER_REVIEW: "评查中",
    CaseStatus.REVIEWED: "已评查",
    CaseStatus.WITHDRAWN: "已撤回",
}


class CaseAction(StrEnum):
    EDIT = "edit"
    WITHDRAW = "withdraw"
    TAKE_INTO_REVIEW = "take_into_review"
    RELEASE = "release"
    MARK_REVIEWED = "mark_reviewed"


CASE_STATES: StateTable[CaseStatus, CaseAction] = StateTable(
    allowed={
        CaseAction.EDIT: frozenset({CaseStatus.REGISTERED}),
        CaseAction.WITHDRAW: frozenset({CaseStatus.REGISTERED}),
        CaseAction.TAKE_INTO_REVIEW: frozenset({CaseStatus.REGISTERED}),
        CaseAction.RELEASE: frozenset({CaseStatus.UNDER_REVIEW}),
        CaseAction.MARK_REVIEWED: frozenset({CaseStatus.UNDER_REVIEW}),
    },
    phrases={
        CaseStatus.REGISTERED: "该案件已备案，尚未纳入评查",
        CaseStatus.UNDER_REVIEW: "该案件已纳入评查批次",
        CaseStatus.REVIEWED: "该案件已评查完毕",
        CaseStatus.WITHDRAWN: "该案件已撤回备案",
    },
    action_labels={
        CaseAction.EDIT: "修改备案信息",
        CaseAction.WITHDRAW: "撤回备案",
        CaseAction.TAKE_INTO_REVIEW: "纳入评查",
        CaseAction.RELEASE: "退出评查",
        CaseAction.MARK_REVIEWED: "登记评查结果",
    },
)


class BatchStatus(StrEnum):
    DRAFT = "draft"  # 草拟中：案件与抽取规则可修改
    DRAWING = "drawing"  # 抽取中：种子已承诺，待纪检监察组见证
    DRAWN = "drawn"  # 已抽取：专家确认是否参加，拒绝的由备选专家递补
    REVIEWING = "reviewing"  # 评查中：专家打分
    CLOSED = "closed"  # 评查结束
    CANCELLED = "cancelled"  # 已取消


BATCH_STATUS_LABELS: dict[BatchStatus, str] = {
    BatchStatus.DRAFT: "草拟中",
    BatchStatus.DRAWING: "抽取中",
    BatchStatus.DRAWN: "已抽取",
    BatchStatus.REVIEWING: "评查中",
    BatchStatus.CLOSED: "已结束",
    BatchStatus.CANCELLED: "已取消",
}


class BatchAction(StrEnum):
    EDIT = "edit"
    BEGIN_DRAW = "begin_draw"
    CANCEL_DRAW = "cancel_draw"
    RECORD_DRAW_RESULT = "record_draw_result"
    ANSWER_ASSIGNMENT = "answer_assignment"
    RECORD_REPLACEMENT = "record_replacement"
    START_REVIEW = "start_review"
    SAVE_FORM = "save_form"
    CLOSE = "close"
    CANCEL = "cancel"


_OPEN_BATCH = frozenset({BatchStatus.DRAFT, BatchStatus.DRAWING, BatchStatus.DRAWN, BatchStatus.REVIEWING})

# The batch's life: rules are settled in draft; a draw commits its seed (drawing) and, once witnessed,
# fixes the result (drawn) — or is cancelled with a reason, which returns the batch to draft for a new
# draw with a new seed. A fixed result is never cancelled on its own: only the whole batch is. Drawn
# experts accept or decline (declines are replaced from the backups) before the review starts.
BATCH_STATES: StateTable[BatchStatus, BatchAction] = StateTable(
    allowed={
        BatchAction.EDIT: frozenset({BatchStatus.DRAFT}),
        BatchAction.BEGIN_DRAW: frozenset({BatchStatus.DRAFT}),
        BatchAction.CANCEL_DRAW: frozenset({BatchStatus.DRAWING}),
        BatchAction.RECORD_DRAW_RESULT: frozenset({BatchStatus.DRAWING}),
        BatchAction.ANSWER_ASSIGNMENT: frozenset({BatchStatus.DRAWN}),
        BatchAction.RECORD_REPLACEMENT: frozenset({BatchStatus.DRAWN}),
        BatchAction.START_REVIEW: frozenset({BatchStatus.DRAWN}),
        BatchAction.SAVE_FORM: frozenset({BatchStatus.REVIEWING}),
        BatchAction.CLOSE: frozenset({BatchStatus.REVIEWING}),
        BatchAction.CANCEL: _OPEN_BATCH,
    },
    phrases={
        BatchStatus.DRAFT: "该评查批次尚在草拟中",
        BatchStatus.DRAWING: "该评查批次正在抽取专家",
        BatchStatus.DRAWN: "该评查批次已抽取专家，尚未开始评查",
        BatchStatus.REVIEWING: "该评查批次正在评查",
        BatchStatus.CLOSED: "该评查批次已结束",
        BatchStatus.CANCELLED: "该评查批次已取消",
    },
    action_labels={
        BatchAction.EDIT: "修改",
        BatchAction.BEGIN_DRAW: "开始抽取",
        BatchAction.CANCEL_DRAW: "取消抽取",
        BatchAction.RECORD_DRAW_RESULT: "登记抽取结果",
        BatchAction.ANSWER_ASSIGNMENT: "确认是否参加评查",
        BatchAction.RECORD_REPLACEMENT: "登记递补",
        BatchAction.START_REVIEW: "开始评查",
        BatchAction.SAVE_FORM: "填写评分表",
        BatchAction.CLOSE: "结束评查",
        BatchAction.CANCEL: "取消",
    },
)


class FindingStatus(StrEnum):
    DRAFT = "draft"  # 草拟中，法院、检察院看不到
    ISSUED = "issued"  # 已送达，待答复
    EXPLAINED = "explained"  # 已说明理由，待组织方审核
    RECTIFYING = "rectifying"  # 已接受，整改中
    REPORTED = "reported"  # 已报告整改情况，待核实销号
    CLOSED = "closed"  # 已销号


FINDING_STATUS_LABELS: dict[FindingStatus, str] = {
    FindingStatus.DRAFT: "草拟中",
    FindingStatus.ISSUED: "待答复",
    FindingStatus.EXPLAINED: "已说明待审核",
    FindingStatus.RECTIFYING: "整改中",
    FindingStatus.REPORTED: "待核实销号",
    FindingStatus.CLOSED: "已销号",
}


class FindingAction(StrEnum):
    EDIT = "edit"
    ISSUE = "issue"
    ANSWER = "answer"
    ACCEPT_EXPLANATION = "accept_explanation"
    REJECT_EXPLANATION = "reject_explanation"
    REPORT_RECTIFICATION = "report_rectification"
    SEND_BACK_REPORT = "send_back_report"
    CLOSE_OUT = "close_out"
    MARK_MISCONDUCT = "mark_misconduct"


FINDING_STATES: StateTable[FindingStatus, FindingAction] = StateTable(
    allowed={
        FindingAction.EDIT: frozenset({FindingStatus.DRAFT}),
        FindingAction.ISSUE: frozenset({FindingStatus.DRAFT}),
        FindingAction.ANSWER: frozenset({FindingStatus.ISSUED}),
        FindingAction.ACCEPT_EXPLANATION: frozenset({FindingStatus.EXPLAINED}),
        FindingAction.REJECT_EXPLANATION: frozenset({FindingStatus.EXPLAINED}),
        FindingAction.REPORT_RECTIFICATION: frozenset({FindingStatus.RECTIFYING}),
        FindingAction.SEND_BACK_REPORT: frozenset({FindingStatus.REPORTED}),
        FindingAction.CLOSE_OUT: frozenset({FindingStatus.REPORTED}),
        # Misconduct may come to light at any step, after the close-out included.
        FindingAction.MARK_MISCONDUCT: frozenset(FindingStatus),
    },
    phrases={
        FindingStatus.DRAFT: "该评查意见尚在草拟中",
        FindingStatus.ISSUED: "该评查意见已送达，待答复",
        FindingStatus.EXPLAINED: "该评查意见已说明理由，待审核",
        FindingStatus.RECTIFYING: "该评查意见正在整改",
        FindingStatus.REPORTED: "该评查意见已报告整改情况，待核实",
        FindingStatus.CLOSED: "该评查意见已销号",
    },
    action_labels={
        FindingAction.EDIT: "修改",
        FindingAction.ISSUE: "送达",
        FindingAction.ANSWER: "答复",
        FindingAction.ACCEPT_EXPLANATION: "采纳说明",
        FindingAction.REJECT_EXPLANATION: "不采纳说明",
        FindingAction.REPORT_RECTIFICATION: "报告整改情况",
        FindingAction.SEND_BACK_REPORT: "退回整改报告",
        FindingAction.CLOSE_OUT: "销号",
        FindingAction.MARK_MISCONDUCT: "标记线索移送",
    },
)


# --- what a clerk picks from ------------------------------------------------------------------------


class Category(StrEnum):
    """An expert's category; the values are those of ``recusal.Category`` and the draw's quotas."""

    DEPUTY = "deputy"
    LAWYER = "lawyer"
    PROFESSOR = "professor"
    OTHER = "other"


CATEGORY_LABELS: dict[Category, str] = {
    Category.DEPUTY: "人大代表",
    Category.LAWYER: "律师",
    Category.PROFESSOR: "高校教授",
    Category.OTHER: "其他专家",
}


class Specialty(StrEnum):
    """A closed list of fields of practice. The first six are the draw's own labels; the last three are
    the fields of the enterprise-related (涉企) cases the Huangshi review concentrated on."""

    CIVIL = "civil"
    COMMERCIAL = "commercial"
    ENFORCEMENT = "enforcement"
    ADMINISTRATIVE = "administrative"
    CRIMINAL = "criminal"
    PROCURATORIAL = "procuratorial"
    INTELLECTUAL_PROPERTY = "intellectual_property"
    BANKRUPTCY = "bankruptcy"
    LABOR = "labor"


SPECIALTY_LABELS: dict[Specialty, str] = {
    Specialty.CIVIL: "民事",
    Specialty.COMMERCIAL: "商事",
    Specialty.ENFORCEMENT: "执行",
    Specialty.ADMINISTRATIVE: "行政",
    Specialty.CRIMINAL: "刑事",
    Specialty.PROCURATORIAL: "检察监督",
    Specialty.INTELLECTUAL_PROPERTY: "知识产权",
    Specialty.BANKRUPTCY: "破产",
    Specialty.LABOR: "劳动争议",
}


class JudicialBody(StrEnum):
    COURT = "court"
    PROCURATORATE = "procuratorate"


JUDICIAL_BODY_LABELS: dict[JudicialBody, str] = {JudicialBody.COURT: "法院", JudicialBody.PROCURATORATE: "检察院"}


class CaseType(StrEnum):
    TRIAL = "trial"  # 审判
    ENFORCEMENT = "enforcement"  # 执行
    PROCURATORIAL_SUPERVISION = "procuratorial_supervision"  # 检察监督


CASE_TYPE_LABELS: dict[CaseType, str] = {
    CaseType.TRIAL: "审判案件",
    CaseType.ENFORCEMENT: "执行案件",
    CaseType.PROCURATORIAL_SUPERVISION: "检察监督案件",
}

# Whose case each type is: trials and enforcement are the court's, supervision the procuratorate's.
CASE_TYPE_BODIES: dict[CaseType, JudicialBody] = {
    CaseType.TRIAL: JudicialBody.COURT,
    CaseType.ENFORCEMENT: JudicialBody.COURT,
    CaseType.PROCURATORIAL_SUPERVISION: JudicialBody.PROCURATORATE,
}


class ScoreItem(StrEnum):
    """The four items of a score form (评分表)."""

    SUBSTANCE = "substance"  # 实体：事实认定、证据采信、法律适用、裁判结果
    PROCEDURE = "procedure"  # 程序：立案、审限、送达、回避、执行措施等程序合法
    DOCUMENTS = "documents"  # 文书：裁判文书与卷宗的规范、说理
    EFFECT = "effect"  # 效果：法律效果与社会效果，涉企权益保护


SCORE_ITEM_LABELS: dict[ScoreItem, str] = {
    ScoreItem.SUBSTANCE: "实体",
    ScoreItem.PROCEDURE: "程序",
    ScoreItem.DOCUMENTS: "文书",
    ScoreItem.EFFECT: "效果",
}


class Rating(StrEnum):
    EXCELLENT = "excellent"
    ACCEPTABLE = "acceptable"
    FLAWED = "flawed"
    UNACCEPTABLE = "unacceptable"


RATING_LABELS: dict[Rating, str] = {
    Rating.EXCELLENT: "优秀",
    Rating.ACCEPTABLE: "合格",
    Rating.FLAWED: "瑕疵",
    Rating.UNACCEPTABLE: "不合格",
}
RATING_ORDER: tuple[Rating, ...] = (Rating.EXCELLENT, Rating.ACCEPTABLE, Rating.FLAWED, Rating.UNACCEPTABLE)


class SeatAnswer(StrEnum):
    PENDING = "pending"  # 待确认
    ACCEPTED = "accepted"  # 同意参加
    DECLINED = "declined"  # 拒绝（须说明理由）


SEAT_ANSWER_LABELS: dict[SeatAnswer, str] = {
    SeatAnswer.PENDING: "待确认",
    SeatAnswer.ACCEPTED: "同意参加",
    SeatAnswer.DECLINED: "不参加",
}


class OpinionAnswer(StrEnum):
    ACCEPT = "accept"  # 接受意见并整改
    EXPLAIN = "explain"  # 说明理由，不予整改


OPINION_ANSWER_LABELS: dict[OpinionAnswer, str] = {
    OpinionAnswer.ACCEPT: "接受并整改",
    OpinionAnswer.EXPLAIN: "说明理由",
}


class RectificationKind(StrEnum):
    CORRECTED_CASE = "corrected_case"  # 依法纠正问题案件（再审、更正等）
    RULE_ADOPTED = "rule_adopted"  # 建立健全制度机制
    OTHER = "other"  # 其他整改措施


RECTIFICATION_KIND_LABELS: dict[RectificationKind, str] = {
    RectificationKind.CORRECTED_CASE: "纠正问题案件",
    RectificationKind.RULE_ADOPTED: "建立健全制度",
    RectificationKind.OTHER: "其他整改措施",
}


class FindingOutcome(StrEnum):
    RECTIFIED = "rectified"  # 整改到位，销号
    EXPLAINED = "explained"  # 说明理由被采纳


class ClueTransferState(StrEnum):
    PENDING = "pending"  # marked; not yet acknowledged by the clue service
    TRANSFERRED = "transferred"


# --- who acts ---------------------------------------------------------------------------------------


def is_organizer(principal: Principal) -> bool:
    return principal.has_any(*ORGANIZER_ROLES)


def require_organizer(principal: Principal, *, message: str) -> None:
    if not is_organizer(principal):
        raise PermissionDenied(message)


def organizer_role(principal: Principal) -> str:
    """The organizer role ``principal`` acts in (the first held, in ``ORGANIZER_ROLES`` order), or ""."""
    return next((role for role in ORGANIZER_ROLES if role in principal.roles), "")


def is_supervisor(principal: Principal) -> bool:
    return SUPERVISOR_ROLE in principal.roles


def judicial_unit(principal: Principal) -> str:
    """The court's or procuratorate's ``org_unit`` a principal acts for, or "" when it acts for none."""
    return principal.org_unit if principal.has_any(*JUDICIAL_ROLES) and principal.org_unit else ""


def judicial_body(principal: Principal) -> JudicialBody | None:
    if not judicial_unit(principal):
        return None
    return JudicialBody.COURT if "court" in principal.roles else JudicialBody.PROCURATORATE


def acts_for_unit(principal: Principal, unit: str) -> bool:
    return bool(unit) and judicial_unit(principal) == unit


def is_expert_account(principal: Principal, subject: str) -> bool:
    """Whether ``principal`` is the expert whose login is ``subject`` (an unlinked expert has none)."""
    return "expert" in principal.roles and bool(subject) and principal.subject == subject


# --- who sees what ----------------------------------------------------------------------------------


def pool_view(principal: Principal, *, own: bool = False) -> View:
    """What ``principal`` sees of an expert of the pool. Organizers see everything; the station
    (which supervises the building of the pool) and the expert themselves see the entry with the phone
    and ID numbers masked; ``platform_admin`` counts; everyone else, the courts included, nothing."""
    if is_organizer(principal):
        return View.FULL
    if is_supervisor(principal) or (own and "expert" in principal.roles):
        return View.LIMITED
    if "platform_admin" in principal.roles:
        return View.COUNTS
    return View.NONE


def case_view(principal: Principal, *, unit: str, assigned: bool = False) -> View:
    """What ``principal`` sees of a registered case of ``unit``: organizers and the station all cases;
    the court or procuratorate its own; an expert the cases they hold a seat on (``assigned``);
    ``platform_admin`` counts."""
    if is_organizer(principal) or is_supervisor(principal) or acts_for_unit(principal, unit):
        return View.FULL
    if assigned and "expert" in principal.roles:
        return View.FULL
    if "platform_admin" in principal.roles:
        return View.COUNTS
    return View.NONE


class BatchViewer(StrEnum):
    """In which capacity a caller looks at a review batch (the widest of its roles)."""

    ORGANIZER = "organizer"  # everything
    SUPERVISOR = "supervisor"  # everything, read only
    UNIT = "unit"  # its own cases; their reviewers and ratings only once the batch is closed
    EXPERT = "expert"  # its own seats and forms
    COUNTS = "counts"
    NONE = "none"


def batch_viewer(principal: Principal, *, units: frozenset[str], expert_subjects: frozenset[str]) -> BatchViewer:
    """``units``: the org_units of the batch's cases; ``expert_subjects``: the logins of the experts who
    hold a seat (pending or accepted) on one of its cases."""
    if is_organizer(principal):
        return BatchViewer.ORGANIZER
    if is_supervisor(principal):
        return BatchViewer.SUPERVISOR
    if judicial_unit(principal) in units:
        return BatchViewer.UNIT
    if "expert" in principal.roles and principal.subject in expert_subjects:
        return BatchViewer.EXPERT
    if "platform_admin" in principal.roles:
        return BatchViewer.COUNTS
    return BatchViewer.NONE


def sees_reviewers(viewer: BatchViewer, status: BatchStatus) -> bool:
    """Whether the drawn experts' names are shown: to organizers and the station always; to the court or
    procuratorate of a case only once the batch is closed; to an expert never (beyond their own seat)."""
    if viewer in (BatchViewer.ORGANIZER, BatchViewer.SUPERVISOR):
        return True
    return viewer is BatchViewer.UNIT and status is BatchStatus.CLOSED


class FindingViewer(StrEnum):
    ORGANIZER = "organizer"  # everything, the misconduct mark and its clue transfer included
    SUPERVISOR = "supervisor"  # everything but the misconduct mark (clues about judicial staff are the commission's)
    UNIT = "unit"  # the issued opinion, its answers and rectification; never the misconduct mark
    COUNTS = "counts"
    NONE = "none"


def finding_viewer(principal: Principal, *, unit: str, issued: bool) -> FindingViewer:
    """A draft finding is the organizers' and the station's; the court or procuratorate of the case sees
    it once issued."""
    if is_organizer(principal):
        return FindingViewer.ORGANIZER
    if is_supervisor(principal):
        return FindingViewer.SUPERVISOR
    if issued and acts_for_unit(principal, unit):
        return FindingViewer.UNIT
    if "platform_admin" in principal.roles:
        return FindingViewer.COUNTS
    return FindingViewer.NONE
