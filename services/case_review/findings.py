"""评查意见 — a finding of a review, sent as an opinion to the court or procuratorate of the case and
tracked to its rectification; a finding that points at misconduct by judicial staff becomes a clue.

Life of a finding (``domain.FINDING_STATES``). The organizers draft it while the batch is reviewing or
after it closed, and issue it once the batch is closed (so that an opinion never arrives while the
reviewers are still at work, nor tells the unit who they are). Issuing starts the rectification clock:
due at the end of the Beijing day ``months`` calendar months after the day of issue (default 3, the
Huangshi period for rectification reports; a day that the target month lacks is clamped to its last
day). The unit answers: it *accepts* (with its plan) and rectifies, or *explains* why not. The organizers
accept an explanation (closed, explained) or reject it (the unit answers again). A rectification report
names what was done — a corrected case (its new number), a rule adopted (its title), other measures — and
the organizers close it out (销号) or send it back. Huangshi: "问题案件2件依法纠正，终本案件层报审批、执行案款
专人专管等制度机制2个".

Deadlines. While the unit owes an answer or a rectification (issued, rectifying), a *due soon* notice is
raised 7 days before the due moment and an *overdue* notice at it (``now >= due``); each is raised
exactly once in the finding's life (its key is remembered in ``raised_deadlines``), and once overdue the
due-soon notice is skipped — as ``services/clues/clocks.py`` does.

Clue transfer (线索移送). An organizer marks a finding as pointing at misconduct by a member of the
judicial staff, naming them; the transfer is then pending until the clue service acknowledges it with a
clue id (``record_clue_transfer``, idempotent). The clue's content is the finding's own problem text —
nothing more is kept here — and only the organizers, who transfer it, see the mark: neither the court
nor the station (clues about judicial staff are the discipline commission's, ``services/clues``). Once
the clue service holds the clue, the finding forgets whom it concerns: the details live there alone.

The rectification ledger (整改台账). From its issue on, the finding logs each step that the ledger's item
follows (``ledger_steps``; which steps, and what they become there: ``ledger``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from services.case_review import commands
from services.case_review import events as ev
from services.case_review.cases import Case, case_number_problem
from services.case_review.domain import (
    FINDING_MAX,
    FINDING_STATES,
    FINDING_STATUS_LABELS,
    ID_MAX,
    NAME_MAX,
    SCORE_ITEM_LABELS,
    SHANGHAI,
    UNIT_NAME_MAX,
    BatchStatus,
    ClueTransferState,
    FindingAction,
    FindingOutcome,
    FindingStatus,
    FindingViewer,
    OpinionAnswer,
    RectificationKind,
    ScoreItem,
    acts_for_unit,
    as_utc,
    checked_text,
    ensure_readable,
    finding_viewer,
    organizer_role,
    require_organizer,
)
from services.case_review.domain import View as AccessView
from services.case_review.ledger import LedgerStep, LedgerStepKind
from services.case_review.reviews import ReviewBatch
from wulian.kit.clock import end_of_day
from wulian.kit.errors import Conflict, NotFound, PermissionDenied
from wulian.kit.principal import Principal
from wulian.kit.problems import Problems

DEFAULT_RECTIFICATION_MONTHS = 3
DUE_SOON_NOTICE = timedelta(days=7)
TITLE_MAX = 100
CLUE_SOURCE_KIND = "case_review"
_DRAFTABLE_BATCH = frozenset({BatchStatus.REVIEWING, BatchStatus.CLOSED})
_AWAITING_UNIT = frozenset({FindingStatus.ISSUED, FindingStatus.RECTIFYING})
_ORGANIZERS_ONLY = "只有人大常委会联络人员或专（工）委可以{}"
_UNIT_ONLY = "只有承办该案的法院或检察院可以{}"

# --- the rectification clock -----------------------------------------------------------------------------


def rectification_due(issued_at: datetime, months: int = DEFAULT_RECTIFICATION_MONTHS) -> datetime:
    """The end of the Beijing day ``months`` calendar months after the day of issue (clamped to the
    month's last day: 30 November + 3 months is the end of 28 February)."""
    if months < 1:
        raise ValueError("a rectification period is at least one month long")
    day = as_utc(issued_at).astimezone(SHANGHAI).date()
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return end_of_day(date(year, month, min(day.day, calendar.monthrange(year, month)[1])))


class DeadlineKind(StrEnum):
    DUE_SOON = "rectification_due_soon"
    OVERDUE = "rectification_overdue"


@dataclass(frozen=True, slots=True)
class DeadlineState:
    """``due_at`` is None when the unit owes nothing; ``raised`` the keys of notices already raised."""

    due_at: datetime | None
    raised: frozenset[str]


def due_deadlines(state: DeadlineState, now: datetime) -> list[DeadlineKind]:
    """The notice due at ``now`` and never raised before: at most one, overdue before due soon."""
    now, due = as_utc(now), state.due_at
    if due is None:
        return []
    if now >= due:
        kind = DeadlineKind.OVERDUE
    elif now >= due - DUE_SOON_NOTICE and DeadlineKind.OVERDUE.value not in state.raised:
        kind = DeadlineKind.DUE_SOON
    else:
        return []
    return [] if kind.value in state.raised else [kind]


def next_check_at(state: DeadlineState) -> datetime | None:
    """The earliest moment at which ``due_deadlines`` may return something new (for a scheduler's index)."""
    if state.due_at is None or DeadlineKind.OVERDUE.value in state.raised:
        return None
    if DeadlineKind.DUE_SOON.value in state.raised:
        return state.due_at
    return state.due_at - DUE_SOON_NOTICE


# --- the file of a finding -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Text:
    problem: str
    opinion: str
    items: tuple[ScoreItem, ...]


@dataclass(frozen=True, slots=True)
class Answer:
    answer: OpinionAnswer
    text: str
    answered_by: str
    answered_at: datetime


@dataclass(frozen=True, slots=True)
class Decision:
    """The organizers' decision on an explanation: accepted (closes) or rejected (to be answered again)."""

    accepted: bool
    text: str
    decided_by: str
    decided_at: datetime


@dataclass(frozen=True, slots=True)
class Report:
    kinds: tuple[RectificationKind, ...]
    text: str
    corrected_case_number: str
    rule_title: str
    reported_by: str
    reported_at: datetime
    on_time: bool


@dataclass(frozen=True, slots=True)
class SendBack:
    reason: str
    sent_back_by: str
    sent_back_at: datetime


@dataclass(frozen=True, slots=True)
class CloseOut:
    outcome: FindingOutcome
    note: str
    closed_by: str
    closed_at: datetime


@dataclass(frozen=True, slots=True)
class MisconductMark:
    """Whom the clue concerns and which organizer decided the transfer (the clue service names them)."""

    staff_name: str
    staff_position: str
    staff_unit: str
    marked_by: str
    marked_by_name: str
    marked_by_role: str
    marked_at: datetime


@dataclass(frozen=True, slots=True)
class ClueTransfer:
    state: ClueTransferState = ClueTransferState.PENDING
    clue_id: str = ""
    transferred_at: datetime | None = None


def text_from(command: commands.FindingText) -> Text:
    problems = Problems()
    problem = problems.text("problem", command.problem, "发现的问题", limit=FINDING_MAX)
    opinion = problems.text("opinion", command.opinion, "评查意见", limit=FINDING_MAX)
    items: list[ScoreItem] = []
    for raw in command.items:
        if raw not in ScoreItem.__members__.values():
            problems.add("items", f"评分项「{raw}」不在评分表中")
        elif ScoreItem(raw) not in items:
            items.append(ScoreItem(raw))
    problems.raise_if_any("评查意见未通过校验")
    return Text(problem, opinion, tuple(i for i in ScoreItem if i in items))


def report_from(command: commands.ReportRectification, *, by: str, now: datetime, due_at: datetime) -> Report:
    problems = Problems()
    kinds: list[RectificationKind] = []
    for raw in command.kinds:
        kind = problems.choice("kinds", raw, RectificationKind, f"整改方式「{raw}」")
        if kind is not None and kind not in kinds:
            kinds.append(kind)
    if not command.kinds:
        problems.add("kinds", "请至少选择一种整改方式")
    kinds_known = bool(kinds) and not problems.details  # cross-field checks only against a valid choice
    text = problems.text("text", command.text, "整改情况", limit=FINDING_MAX)
    number = command.corrected_case_number.strip()
    if RectificationKind.CORRECTED_CASE in kinds:
        if message := case_number_problem(number, None, as_utc(now).astimezone(SHANGHAI).year):
            problems.add("corrected_case_number", message.replace("案号", "纠正后的案号", 1))
    elif number and kinds_known:
        problems.add("corrected_case_number", "未选择“纠正问题案件”时不填写纠正后的案号")
    required = RectificationKind.RULE_ADOPTED in kinds
    rule = problems.text("rule_title", command.rule_title, "所建立制度的名称", required=required, limit=TITLE_MAX)
    if rule and not required and kinds_known:
        problems.add("rule_title", "未选择“建立健全制度”时不填写制度名称")
    problems.raise_if_any("整改情况未通过校验")
    return Report(tuple(k for k in RectificationKind if k in kinds), text, number, rule, by, now, now < due_at)


# --- the aggregate --------------------------------------------------------------------------------------


@dataclass(eq=False)
class Finding:
    """A finding and its opinion. Transitions check state (``Conflict``), actor (``PermissionDenied``)
    and input (``InvalidArgument``), in that order, and record events."""

    id: str
    batch_id: str
    case_id: str
    case_number: str
    unit: str
    unit_name: str
    text: Text
    drafted_by: str
    drafted_at: datetime
    status: FindingStatus = FindingStatus.DRAFT
    issued_by: str = ""
    issued_at: datetime | None = None
    due_at: datetime | None = None
    answers: list[Answer] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    send_backs: list[SendBack] = field(default_factory=list)
    closing: CloseOut | None = None
    misconduct: MisconductMark | None = None
    clue_transfer: ClueTransfer | None = None
    raised_deadlines: set[str] = field(default_factory=set)
    ledger_steps: list[LedgerStep] = field(default_factory=list)
    events: list[ev.Event] = field(default_factory=list, repr=False)

    @classmethod
    def draft(
        cls,
        finding_id: str,
        principal: Principal,
        command: commands.DraftFinding,
        now: datetime,
        *,
        batch: ReviewBatch,
        case: Case,
    ) -> Finding:
        """A finding on ``case`` of ``batch`` (the handler loads both for ``command.case_id``)."""
        now = as_utc(now)
        if batch.status not in _DRAFTABLE_BATCH:
            raise Conflict("评查批次尚未开始评查或已取消，不能提出评查意见")
        require_organizer(principal, message=_ORGANIZERS_ONLY.format("提出评查意见"))
        if case.id != command.case_id.strip() or case.id not in batch.rules.case_ids:
            raise NotFound("本评查批次不含该案件")
        text = text_from(command.text)
        finding = cls(
            id=finding_id,
            batch_id=batch.id,
            case_id=case.id,
            case_number=case.number,
            unit=case.unit,
            unit_name=case.details.unit_name,
            text=text,
            drafted_by=principal.subject,
            drafted_at=now,
        )
        finding.events.append(ev.FindingDrafted(finding_id, now, case.unit, batch.id, case.id))
        return finding

    def edit(self, principal: Principal, command: commands.EditFinding, now: datetime) -> None:
        FINDING_STATES.ensure(FindingAction.EDIT, self.status)
        now = as_utc(now)
        require_organizer(principal, message=_ORGANIZERS_ONLY.format("修改评查意见"))
        self.text = text_from(command.text)
        self.events.append(ev.FindingEdited(self.id, now, self.unit))

    def issue(
        self,
        principal: Principal,
        now: datetime,
        *,
        batch_status: BatchStatus,
        months: int = DEFAULT_RECTIFICATION_MONTHS,
    ) -> None:
        """Send the opinion to the unit once the batch is closed; starts the rectification clock."""
        FINDING_STATES.ensure(FindingAction.ISSUE, self.status)
        if batch_status is not BatchStatus.CLOSED:
            raise Conflict("评查批次结束后才能送达评查意见")
        now = as_utc(now)
        require_organizer(principal, message=_ORGANIZERS_ONLY.format("送达评查意见"))
        self.issued_by, self.issued_at = principal.subject, now
        self.due_at = rectification_due(now, months)
        self.status = FindingStatus.ISSUED
        self._to_ledger(LedgerStepKind.RAISE, principal, now)
        self.events.append(ev.FindingIssued(self.id, now, self.unit, self.batch_id, self.case_id, self.due_at))

    def answer(self, principal: Principal, command: commands.AnswerOpinion, now: datetime) -> None:
        FINDING_STATES.ensure(FindingAction.ANSWER, self.status)
        now = as_utc(now)
        self._ensure_unit(principal, "答复评查意见")
        problems = Problems()
        answer = problems.choice("answer", command.answer, OpinionAnswer, "答复方式")
        label = "整改措施" if answer is OpinionAnswer.ACCEPT else "说明的理由"
        text = problems.text("text", command.text, label, limit=FINDING_MAX)
        problems.raise_if_any("答复未通过校验")
        assert answer is not None
        self.answers.append(Answer(answer, text, principal.subject, now))
        accepted = answer is OpinionAnswer.ACCEPT
        self.status = FindingStatus.RECTIFYING if accepted else FindingStatus.EXPLAINED
        if accepted:
            self._to_ledger(LedgerStepKind.PLAN, principal, now, len(self.answers) - 1)
        self.events.append(ev.OpinionAnswered(self.id, now, self.unit, answer))

    def accept_explanation(self, principal: Principal, command: commands.AcceptExplanation, now: datetime) -> None:
        FINDING_STATES.ensure(FindingAction.ACCEPT_EXPLANATION, self.status)
        now = as_utc(now)
        require_organizer(principal, message=_ORGANIZERS_ONLY.format("采纳说明"))
        note = checked_text("note", command.note, "采纳意见", required=False)
        self.decisions.append(Decision(True, note, principal.subject, now))
        self.closing = CloseOut(FindingOutcome.EXPLAINED, note, principal.subject, now)
        self.status = FindingStatus.CLOSED
        self._to_ledger(LedgerStepKind.WITHDRAW, principal, now, len(self.decisions) - 1)
        self.events.append(ev.ExplanationAccepted(self.id, now, self.unit))
        self.events.append(ev.FindingClosedOut(self.id, now, self.unit, FindingOutcome.EXPLAINED))

    def reject_explanation(self, principal: Principal, command: commands.RejectExplanation, now: datetime) -> None:
        """The unit answers again, under the same due date."""
        FINDING_STATES.ensure(FindingAction.REJECT_EXPLANATION, self.status)
        now = as_utc(now)
        require_organizer(principal, message=_ORGANIZERS_ONLY.format("不采纳说明"))
        reason = checked_text("reason", command.reason, "不采纳的理由")
        self.decisions.append(Decision(False, reason, principal.subject, now))
        self.status = FindingStatus.ISSUED
        self.events.append(ev.ExplanationRejected(self.id, now, self.unit))

    def report_rectification(self, principal: Principal, command: commands.ReportRectification, now: datetime) -> None:
        FINDING_STATES.ensure(FindingAction.REPORT_RECTIFICATION, self.status)
        now = as_utc(now)
        self._ensure_unit(principal, "报告整改情况")
        report = report_from(command, by=principal.subject, now=now, due_at=self._due())
        self.reports.append(report)
        self.status = FindingStatus.REPORTED
        self._to_ledger(LedgerStepKind.REPORT, principal, now, len(self.reports) - 1)
        self.events.append(ev.RectificationReported(self.id, now, self.unit, report.on_time))

    def send_back_report(self, principal: Principal, command: commands.SendBackReport, now: datetime) -> None:
        FINDING_STATES.ensure(FindingAction.SEND_BACK_REPORT, self.status)
        now = as_utc(now)
        require_organizer(principal, message=_ORGANIZERS_ONLY.format("退回整改报告"))
        reason = checked_text("reason", command.reason, "退回的理由")
        self.send_backs.append(SendBack(reason, principal.subject, now))
        self.status = FindingStatus.RECTIFYING
        self._to_ledger(LedgerStepKind.SEND_BACK, principal, now, len(self.send_backs) - 1)
        self.events.append(ev.ReportSentBack(self.id, now, self.unit))

    def close_out(self, principal: Principal, command: commands.CloseOutFinding, now: datetime) -> None:
        """销号: the rectification is verified."""
        FINDING_STATES.ensure(FindingAction.CLOSE_OUT, self.status)
        now = as_utc(now)
        require_organizer(principal, message=_ORGANIZERS_ONLY.format("销号"))
        note = checked_text("note", command.note, "销号意见", required=False)
        self.closing = CloseOut(FindingOutcome.RECTIFIED, note, principal.subject, now)
        self.status = FindingStatus.CLOSED
        self._to_ledger(LedgerStepKind.CLOSE_OUT, principal, now)
        self.events.append(ev.FindingClosedOut(self.id, now, self.unit, FindingOutcome.RECTIFIED))

    # --- clue transfer ---------------------------------------------------------------------------------

    def mark_misconduct(self, principal: Principal, command: commands.MarkMisconduct, now: datetime) -> None:
        """Mark the finding for transfer to the discipline commission; once per finding."""
        FINDING_STATES.ensure(FindingAction.MARK_MISCONDUCT, self.status)
        now = as_utc(now)
        require_organizer(principal, message=_ORGANIZERS_ONLY.format("移送问题线索"))
        if self.misconduct is not None:
            raise Conflict("该评查意见已标记移送问题线索")
        problems = Problems()
        name = problems.text("staff_name", command.staff_name, "被反映人姓名", limit=NAME_MAX)
        position = problems.text("staff_position", command.staff_position, "被反映人职务", limit=NAME_MAX)
        unit = problems.text("staff_unit", command.staff_unit, "被反映人工作单位", required=False, limit=UNIT_NAME_MAX)
        problems.raise_if_any("线索移送未通过校验")
        role = organizer_role(principal)
        self.misconduct = MisconductMark(
            name, position, unit or self.unit_name, principal.subject, principal.name, role, now
        )
        self.clue_transfer = ClueTransfer()
        self.events.append(ev.MarkedForClueTransfer(self.id, now, self.unit))

    def record_clue_transfer(self, command: commands.RecordClueTransfer, now: datetime) -> None:
        """The clue service acknowledged the transfer. The same clue again has no effect (a retry after
        a lost answer); another clue id is a conflict."""
        now = as_utc(now)
        transfer = self.clue_transfer
        if transfer is None:
            raise Conflict("该评查意见未标记移送问题线索")
        clue_id = checked_text("clue_id", command.clue_id, "线索编号", limit=ID_MAX)
        if transfer.state is ClueTransferState.TRANSFERRED:
            if transfer.clue_id == clue_id:
                return
            raise Conflict(f"该评查意见的问题线索已移送（线索编号 {transfer.clue_id}）")
        self.clue_transfer = replace(transfer, state=ClueTransferState.TRANSFERRED, clue_id=clue_id, transferred_at=now)
        if self.misconduct is not None:  # the clue service holds whom it concerns now; this service forgets
            self.misconduct = replace(self.misconduct, staff_name="", staff_position="", staff_unit="")
        self.events.append(ev.ClueTransferRecorded(self.id, now, self.unit, clue_id))

    @property
    def transfer_pending(self) -> bool:
        return self.clue_transfer is not None and self.clue_transfer.state is ClueTransferState.PENDING

    @property
    def clue_source_ref(self) -> str:
        return f"review/{self.batch_id}/finding/{self.id}"

    # --- deadlines ------------------------------------------------------------------------------------

    def deadline_state(self) -> DeadlineState:
        due = self.due_at if self.status in _AWAITING_UNIT else None
        return DeadlineState(due, frozenset(self.raised_deadlines))

    def raise_due_deadlines(self, now: datetime) -> list[ev.Event]:
        """Record each deadline notice that is due and not yet raised; return the new events."""
        now = as_utc(now)
        raised: list[ev.Event] = []
        for kind in due_deadlines(self.deadline_state(), now):
            self.raised_deadlines.add(kind.value)
            event_type = ev.RectificationOverdue if kind is DeadlineKind.OVERDUE else ev.RectificationDueSoon
            raised.append(event_type(self.id, now, self.unit, self._due()))
        self.events.extend(raised)
        return raised

    def next_check_at(self) -> datetime | None:
        return next_check_at(self.deadline_state())

    # --- queries --------------------------------------------------------------------------------------

    @property
    def issued(self) -> bool:
        return self.status is not FindingStatus.DRAFT

    def viewer(self, principal: Principal) -> FindingViewer:
        return finding_viewer(principal, unit=self.unit, issued=self.issued)

    def _to_ledger(self, kind: LedgerStepKind, principal: Principal, now: datetime, record: int = 0) -> None:
        """Log a step for the ledger's item: the raise, and after it every step the item follows."""
        if kind is LedgerStepKind.RAISE or self.ledger_steps:
            self.ledger_steps.append(LedgerStep(kind, principal.subject, principal.name, now, record))

    def _ensure_unit(self, principal: Principal, verb: str) -> None:
        if not acts_for_unit(principal, self.unit):
            raise PermissionDenied(_UNIT_ONLY.format(verb))

    def _due(self) -> datetime:
        if self.due_at is None:  # the state table makes this unreachable
            raise Conflict("该评查意见尚未送达")
        return self.due_at


# --- the clue, as the relay sends it to the clue service ------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClueTransferRequest:
    """The fields of the clue service's ``TransferClueRequest`` for a marked finding."""

    source_kind: str
    source_ref: str
    subject_kind: str
    subject_name: str
    subject_org: str
    subject_position: str
    summary: str
    details: str
    official_subject: str
    official_name: str
    official_role: str
    decided_at: datetime


def clue_transfer_request(finding: Finding) -> ClueTransferRequest:
    mark = finding.misconduct
    if mark is None:
        raise Conflict("该评查意见未标记移送问题线索")
    return ClueTransferRequest(
        source_kind=CLUE_SOURCE_KIND,
        source_ref=finding.clue_source_ref,
        subject_kind="person",
        subject_name=mark.staff_name,
        subject_org=mark.staff_unit,
        subject_position=mark.staff_position,
        summary=f"案件质量评查发现的执法司法人员问题线索（案号 {finding.case_number}）",
        details=finding.text.problem,
        official_subject=mark.marked_by,
        official_name=mark.marked_by_name,
        official_role=mark.marked_by_role,
        decided_at=mark.marked_at,
    )


# --- what a caller sees ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FindingView:
    id: str
    batch_id: str
    case_id: str
    case_number: str
    unit: str
    status: FindingStatus
    status_label: str
    problem: str
    opinion: str
    items: tuple[ScoreItem, ...]
    item_labels: tuple[str, ...]
    issued_at: datetime | None
    due_at: datetime | None
    was_overdue: bool  # the overdue notice was raised
    answers: tuple[Answer, ...]
    decisions: tuple[Decision, ...]
    reports: tuple[Report, ...]
    send_backs: tuple[SendBack, ...]
    closing: CloseOut | None
    misconduct: MisconductMark | None  # the organizers only
    clue_transfer: ClueTransfer | None  # the organizers only
    ledger_item_id: str = ""  # the rectification ledger's item, once the evaluation service holds it


_ACCESS: dict[FindingViewer, AccessView] = {
    FindingViewer.ORGANIZER: AccessView.FULL,
    FindingViewer.SUPERVISOR: AccessView.LIMITED,
    FindingViewer.UNIT: AccessView.LIMITED,
    FindingViewer.COUNTS: AccessView.COUNTS,
    FindingViewer.NONE: AccessView.NONE,
}


def finding_view(finding: Finding, principal: Principal) -> FindingView:
    """The finding as ``principal`` may see it (``NotFound`` for whoever sees nothing of it)."""
    viewer = finding.viewer(principal)
    ensure_readable(_ACCESS[viewer], message="未找到该评查意见")
    organizer = viewer is FindingViewer.ORGANIZER
    text = finding.text
    return FindingView(
        id=finding.id,
        batch_id=finding.batch_id,
        case_id=finding.case_id,
        case_number=finding.case_number,
        unit=finding.unit,
        status=finding.status,
        status_label=FINDING_STATUS_LABELS[finding.status],
        problem=text.problem,
        opinion=text.opinion,
        items=text.items,
        item_labels=tuple(SCORE_ITEM_LABELS[i] for i in text.items),
        issued_at=finding.issued_at,
        due_at=finding.due_at,
        was_overdue=DeadlineKind.OVERDUE.value in finding.raised_deadlines,
        answers=tuple(finding.answers),
        decisions=tuple(finding.decisions),
        reports=tuple(finding.reports),
        send_backs=tuple(finding.send_backs),
        closing=finding.closing,
        misconduct=finding.misconduct if organizer else None,
        clue_transfer=finding.clue_transfer if organizer else None,
    )
