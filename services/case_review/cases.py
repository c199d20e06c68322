"""备案 — the registration of a case in the scope of a review, by its court or procuratorate or by the
congress's staff.

A court registers its own trial and enforcement cases, a procuratorate its own procuratorial-supervision
cases, always under its own ``org_unit``; the organizers register any case, naming the unit. A case is
edited (or withdrawn) by either until a review batch uses it: when a batch's draw begins, its cases are
*taken into review* and their facts — parties, lawyers, judge — are frozen, because the recusal rules
and the draw record are computed from them. A cancelled draw or batch *releases* them again; a closed
batch marks them *reviewed*, with their rating.

Case numbers (案号) are checked loosely but clearly. A court's number is
``（year）<court code><type code><sequence>号`` — ``（2025）鄂02民初123号``, ``（2024）鄂民终7号``,
``（2025）鄂0202执恢12号``: the court code is a province's one-character abbreviation with up to four
digits (or 最高法), the type code up to six Chinese characters; an enforcement case's type code starts
with 执 and a trial's does not. A procuratorate's number is ``<unit>检<business>〔year〕<sequence>号`` —
``鄂黄检民监〔2025〕42020000012号``. ASCII brackets are accepted and stored as the Chinese ones, white
space is dropped; the year lies between 1949 and the current year in Beijing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import datetime

from services.case_review import commands
from services.case_review import events as ev
from services.case_review.domain import (
    CASE_STATES,
    CASE_TYPE_BODIES,
    CAUSE_MAX,
    ID_MAX,
    LAWYERS_MAX,
    NAME_MAX,
    ORG_UNIT_MAX,
    PARTIES_MAX,
    SHANGHAI,
    UNIT_NAME_MAX,
    CaseAction,
    CaseStatus,
    CaseType,
    JudicialBody,
    Rating,
    View,
    acts_for_unit,
    as_utc,
    case_view,
    checked_text,
    is_organizer,
    judicial_body,
    judicial_unit,
)
from wulian.kit.errors import Conflict, PermissionDenied
from wulian.kit.principal import Principal
from wulian.kit.problems import Problems

NUMBER_MAX = 60
FIRST_YEAR = 1949
PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼兵"
COURT_NUMBER = re.compile(
    rf"^（(?P<year>\d{{4}})）(?:最高法|[{PROVINCES}]\d{{0,4}})(?P<kind>[\u4e00-\u9fff]{{1,6}}?)\d{{1,8}}号$"
)
PROCURATORATE_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}检[\u4e00-\u9fff（）]{0,10}〔(?P<year>\d{4})〕\d{1,20}号$")
ORG_UNIT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")
_BRACKETS = str.maketrans({"(": "（", ")": "）", "[": "〔", "]": "〕", "【": "〔", "】": "〕"})
COURT_EXAMPLE = "（2025）鄂02民初123号"
PROCURATORATE_EXAMPLE = "鄂黄检民监〔2025〕12号"


def normalize_case_number(value: str) -> str:
    return "".join(value.split()).translate(_BRACKETS)


def case_number_problem(value: str, case_type: CaseType | None, this_year: int) -> str | None:
    """Why ``value`` is not a case number of ``case_type`` (either form when the type is unknown)."""
    number = normalize_case_number(value)
    if not number:
        return "案号不能为空"
    if len(number) > NUMBER_MAX:
        return f"案号不能超过 {NUMBER_MAX} 个字符"
    court = COURT_NUMBER.fullmatch(number)
    procuratorate = PROCURATORATE_NUMBER.fullmatch(number)
    body = CASE_TYPE_BODIES.get(case_type) if case_type is not None else None
    if body is JudicialBody.PROCURATORATE and procuratorate is None:
        return f"检察监督案件的案号格式不正确，应如{PROCURATORATE_EXAMPLE}"
    if body is JudicialBody.COURT and court is None:
        return f"案号格式不正确，应如{COURT_EXAMPLE}"
    match = court or procuratorate
    if match is None:
        return f"案号格式不正确，应如{COURT_EXAMPLE}或{PROCURATORATE_EXAMPLE}"
    if not FIRST_YEAR <= int(match["year"]) <= this_year:
        return "案号中的年份不正确"
    if case_type is CaseType.ENFORCEMENT and not match["kind"].startswith("执"):
        return "执行案件的案号应含以“执”开头的类型代字，如（2025）鄂02执123号"
    if case_type is CaseType.TRIAL and match["kind"].startswith("执"):
        return "案号的类型代字是执行案件的，请将案件类型选为执行案件"
    return None


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    is_enterprise: bool


@dataclass(frozen=True, slots=True)
class Lawyer:
    name: str
    firm: str


@dataclass(frozen=True, slots=True)
class Details:
    number: str
    type: CaseType
    cause: str
    unit: str  # org_unit of the court or procuratorate
    unit_name: str
    presiding_id: str
    presiding_name: str
    presiding_unit: str  # the judge's or prosecutor's unit: the case's own unless registered otherwise
    parties: tuple[Party, ...]
    lawyers: tuple[Lawyer, ...]

    @property
    def body(self) -> JudicialBody:
        return CASE_TYPE_BODIES[self.type]


def details_from(command: commands.CaseDetails, principal: Principal, now: datetime) -> Details:
    """The checked details of a case that ``principal`` registers or edits; every problem per field."""
    problems = Problems()
    case_type = problems.choice("type", command.type, CaseType, "案件类型")
    unit = _unit(problems, command, principal, case_type)
    this_year = as_utc(now).astimezone(SHANGHAI).year
    if message := case_number_problem(command.number, case_type, this_year):
        problems.add("number", message)
    cause = problems.text("cause", command.cause, "案由", limit=CAUSE_MAX)
    unit_name = problems.text("unit_name", command.unit_name, "承办法院或检察院名称", limit=UNIT_NAME_MAX)
    presiding_id = _identifier(problems, "presiding_id", command.presiding_id, "承办法官或检察官编号")
    presiding_name = problems.text("presiding_name", command.presiding_name, "承办法官或检察官姓名", limit=NAME_MAX)
    presiding_unit = problems.text(
        "presiding_unit", command.presiding_unit, "承办人所在单位", required=False, limit=UNIT_NAME_MAX
    )
    parties = _parties(problems, command.parties)
    lawyers = _lawyers(problems, command.lawyers)
    problems.raise_if_any("案件备案信息未通过校验")
    assert case_type is not None
    return Details(
        number=normalize_case_number(command.number),
        type=case_type,
        cause=cause,
        unit=unit,
        unit_name=unit_name,
        presiding_id=presiding_id,
        presiding_name=presiding_name,
        presiding_unit=presiding_unit or unit_name,
        parties=parties,
        lawyers=lawyers,
    )


def _unit(problems: Problems, command: commands.CaseDetails, principal: Principal, case_type: CaseType | None) -> str:
    """Organizers name the unit; a court or procuratorate registers its own cases of its own kind."""
    named = command.unit.strip()
    if is_organizer(principal):
        if not named:
            problems.add("unit", "请选择承办案件的法院或检察院")
        elif len(named) > ORG_UNIT_MAX or ORG_UNIT.fullmatch(named) is None:
            problems.add("unit", "承办单位标识不正确")
        return named
    own, body = judicial_unit(principal), judicial_body(principal)
    if named and named != own:
        problems.add("unit", "只能备案本单位的案件")
    if case_type is not None and body is not None and CASE_TYPE_BODIES[case_type] is not body:
        allowed = "审判或执行案件" if body is JudicialBody.COURT else "检察监督案件"
        problems.add("type", f"{'法院' if body is JudicialBody.COURT else '检察院'}只能备案{allowed}")
    return own


def _identifier(problems: Problems, field_name: str, value: str, label: str) -> str:
    ident = value.strip()
    if not ident:
        problems.add(field_name, f"{label}不能为空")
    elif len(ident) > ID_MAX or any(ch.isspace() for ch in ident):
        problems.add(field_name, f"{label}应为不含空白的标识，且不超过 {ID_MAX} 个字符")
    return ident


def _parties(problems: Problems, values: Iterable[commands.PartyInput]) -> tuple[Party, ...]:
    parties = tuple(Party(" ".join(p.name.split()), bool(p.is_enterprise)) for p in values)
    names = [p.name for p in parties]
    if not parties:
        problems.add("parties", "请至少填写一名当事人")
    elif len(parties) > PARTIES_MAX:
        problems.add("parties", f"当事人不能超过 {PARTIES_MAX} 个")
    elif any(not name or len(name) > UNIT_NAME_MAX for name in names):
        problems.add("parties", f"当事人名称不能为空，且不超过 {UNIT_NAME_MAX} 个字")
    elif len(set(names)) != len(names):
        problems.add("parties", "当事人不能重复")
    return parties


def _lawyers(problems: Problems, values: Iterable[commands.LawyerInput]) -> tuple[Lawyer, ...]:
    lawyers = tuple(Lawyer(" ".join(v.name.split()), " ".join(v.firm.split())) for v in values)
    if len(lawyers) > LAWYERS_MAX:
        problems.add("lawyers", f"代理律师不能超过 {LAWYERS_MAX} 名")
    elif any(not lawyer.name or len(lawyer.name) > NAME_MAX for lawyer in lawyers):
        problems.add("lawyers", f"代理律师姓名不能为空，且不超过 {NAME_MAX} 个字")
    elif any(not lawyer.firm or len(lawyer.firm) > UNIT_NAME_MAX for lawyer in lawyers):
        problems.add("lawyers", f"代理律师所在律师事务所不能为空，且不超过 {UNIT_NAME_MAX} 个字")
    elif len(set(lawyers)) != len(lawyers):
        problems.add("lawyers", "代理律师不能重复")
    return lawyers


@dataclass(frozen=True, slots=True)
class Withdrawal:
    reason: str
    withdrawn_by: str
    withdrawn_at: datetime


@dataclass(eq=False)
class Case:
    """A registered case. Transitions check state (``Conflict``), actor (``PermissionDenied``) and input
    (``InvalidArgument``), in that order, and record events."""

    id: str
    details: Details
    registered_by: str
    registered_at: datetime
    status: CaseStatus = CaseStatus.REGISTERED
    batch_id: str = ""  # the batch reviewing it (under review) or that reviewed it
    rating: Rating | None = None
    withdrawal: Withdrawal | None = None
    events: list[ev.Event] = field(default_factory=list, repr=False)

    @classmethod
    def register(cls, case_id: str, principal: Principal, command: commands.RegisterCase, now: datetime) -> Case:
        now = as_utc(now)
        _ensure_may_register(principal)
        details = details_from(command.details, principal, now)
        case = cls(id=case_id, details=details, registered_by=principal.subject, registered_at=now)
        case.events.append(ev.CaseRegistered(case_id, now, details.unit, case.status, details.type, principal.subject))
        return case

    def edit(self, principal: Principal, command: commands.EditCase, now: datetime) -> tuple[str, ...]:
        """Replace the details; the event names the fields that changed. No change, no event."""
        CASE_STATES.ensure(CaseAction.EDIT, self.status)
        now = as_utc(now)
        self._ensure_keeper(principal, "修改")
        details = details_from(command.details, principal, now)
        changed = tuple(f.name for f in fields(Details) if getattr(details, f.name) != getattr(self.details, f.name))
        if changed:
            unit_before = self.unit
            self.details = details
            self.events.append(ev.CaseEdited(self.id, now, unit_before, self.status, changed))
            if details.unit != unit_before:  # the new unit learns of its case too
                self.events.append(ev.CaseEdited(self.id, now, details.unit, self.status, changed))
        return changed

    def withdraw(self, principal: Principal, command: commands.WithdrawCase, now: datetime) -> None:
        CASE_STATES.ensure(CaseAction.WITHDRAW, self.status)
        now = as_utc(now)
        self._ensure_keeper(principal, "撤回")
        reason = checked_text("reason", command.reason, "撤回备案的理由")
        self.withdrawal = Withdrawal(reason, principal.subject, now)
        self.status = CaseStatus.WITHDRAWN
        self.events.append(ev.CaseWithdrawn(self.id, now, self.unit, self.status))

    # --- the batch's doing (no principal: the batch's own transition decided it) ----------------------

    def take_into_review(self, batch_id: str, now: datetime) -> None:
        """A batch's draw begins: the facts are frozen from now on."""
        CASE_STATES.ensure(CaseAction.TAKE_INTO_REVIEW, self.status)
        now = as_utc(now)
        self.batch_id, self.status = batch_id, CaseStatus.UNDER_REVIEW
        self.events.append(ev.CaseTakenIntoReview(self.id, now, self.unit, self.status, batch_id))

    def release(self, batch_id: str, now: datetime) -> None:
        """The batch's draw or the batch was cancelled: the case may be edited and reviewed again."""
        CASE_STATES.ensure(CaseAction.RELEASE, self.status)
        self._ensure_batch(batch_id)
        now = as_utc(now)
        self.batch_id, self.status = "", CaseStatus.REGISTERED
        self.events.append(ev.CaseReleased(self.id, now, self.unit, self.status, batch_id))

    def mark_reviewed(self, batch_id: str, rating: Rating, now: datetime) -> None:
        CASE_STATES.ensure(CaseAction.MARK_REVIEWED, self.status)
        self._ensure_batch(batch_id)
        now = as_utc(now)
        self.rating, self.status = rating, CaseStatus.REVIEWED
        self.events.append(ev.CaseReviewed(self.id, now, self.unit, self.status, batch_id, rating))

    # --- queries ------------------------------------------------------------------------------------

    @property
    def number(self) -> str:
        return self.details.number

    @property
    def unit(self) -> str:
        return self.details.unit

    @property
    def involves_enterprise(self) -> bool:
        """涉企: at least one party is an enterprise (the cases Huangshi reviewed)."""
        return any(p.is_enterprise for p in self.details.parties)

    @property
    def lawyer_firms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(lawyer.firm for lawyer in self.details.lawyers))

    def view_for(self, principal: Principal, *, assigned: bool = False) -> View:
        """``assigned``: whether ``principal`` holds a seat on this case in a batch (the batch knows)."""
        return case_view(principal, unit=self.unit, assigned=assigned)

    def _ensure_keeper(self, principal: Principal, verb: str) -> None:
        if is_organizer(principal) or acts_for_unit(principal, self.unit):
            return
        raise PermissionDenied(f"只有人大常委会联络人员、专（工）委或承办该案的法院、检察院可以{verb}备案")

    def _ensure_batch(self, batch_id: str) -> None:
        if batch_id != self.batch_id:
            raise Conflict("该案件不在这个评查批次中")


def _ensure_may_register(principal: Principal) -> None:
    if not (is_organizer(principal) or judicial_unit(principal)):
        raise PermissionDenied("只有人大常委会联络人员、专（工）委或法院、检察院可以备案案件")
