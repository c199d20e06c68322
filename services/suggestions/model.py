"""The ``Suggestion`` aggregate: the whole life of a deputy's suggestion (意见建议联办).

Each public method is one transition. It checks, in this order, the state (``Conflict``, from the table
in ``domain.ALLOWED_STATES``), the actor (``PermissionDenied``) and the input (``InvalidArgument``,
per field, in ``records``), then changes the suggestion and records what happened in ``events``; it
never sends anything. ``now`` is passed in; every time is timezone-aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from services.suggestions import clocks, commands, records
from services.suggestions import escalations as esc
from services.suggestions import events as ev
from services.suggestions.domain import (
    DEFAULT_MAX_REHANDLINGS,
    DISCIPLINE_ROLES,
    SATISFIED_ENOUGH,
    Action,
    Category,
    Status,
    SubmitSuggestion,
    ValidSubmission,
    acting_unit,
    ensure_allowed,
    ensure_may_submit,
    may_view,
    require_role,
    submission_problems,
    submission_year,
    validate_submission,
)
from wulian.kit.errors import Conflict, InvalidArgument, PermissionDenied
from wulian.kit.principal import CONGRESS_ROLES, Principal

# The congress roles that escalate, in the order that names the capacity of one holding several.
ESCALATING_ROLES = ("congress_clerk", "congress_committee", "congress_leader")


@dataclass(eq=False)
class Suggestion:
    id: str
    title: str
    content: str
    category: Category
    deputy_subject: str
    deputy_name: str
    drafted_by: str  # the deputy, or the congress clerk who drafted on the deputy's behalf
    created_at: datetime
    status: Status = Status.DRAFT
    number: str = ""
    session: str = ""  # the congress session (会次) the number belongs to; "" between sessions
    submitted_at: datetime | None = None
    cosigners: list[records.Cosigner] = field(default_factory=list)
    assignment: records.Assignment | None = None
    send_backs: list[records.SendBack] = field(default_factory=list)
    contacts: dict[str, records.Contact] = field(default_factory=dict)
    opinions: list[records.CoUnitOpinion] = field(default_factory=list)
    replies: list[records.Reply] = field(default_factory=list)
    evaluations: list[records.Evaluation] = field(default_factory=list)
    return_visits: list[records.ReturnVisit] = field(default_factory=list)
    escalations: list[esc.Escalation] = field(default_factory=list)
    rehandlings: int = 0  # how often a dissatisfied verdict sent it back; also the current round
    reply_due_at: datetime | None = None  # the current round's
    raised_deadlines: set[str] = field(default_factory=set)
    events: list[ev.Event] = field(default_factory=list, repr=False)

    # --- creation -------------------------------------------------------------------------------

    @classmethod
    def draft(
        cls, suggestion_id: str, principal: Principal, command: commands.DraftSuggestion, now: datetime
    ) -> Suggestion:
        """A draft by a deputy, or by a congress clerk on a deputy's behalf."""
        now = clocks.as_utc(now)
        deputy_subject, deputy_name = _drafting_deputy(principal, command)
        valid = validate_submission(SubmitSuggestion(command.title, command.content, command.category))
        suggestion = cls._new(suggestion_id, valid, deputy_subject, deputy_name, principal.subject, now)
        suggestion.events.append(ev.DraftCreated(suggestion_id, now, deputy_subject, principal.subject))
        return suggestion

    @classmethod
    def submit_new(
        cls,
        suggestion_id: str,
        principal: Principal,
        command: SubmitSuggestion,
        number: str,
        now: datetime,
        session: str = "",
    ) -> Suggestion:
        """A deputy's suggestion submitted at once, without a draft (one event: submitted)."""
        now = clocks.as_utc(now)
        ensure_may_submit(principal)
        valid = validate_submission(command)
        suggestion = cls._new(suggestion_id, valid, principal.subject, principal.name, principal.subject, now)
        suggestion._mark_submitted(number, now, session)
        return suggestion

    @classmethod
    def _new(
        cls,
        suggestion_id: str,
        valid: ValidSubmission,
        deputy_subject: str,
        deputy_name: str,
        drafted_by: str,
        now: datetime,
    ) -> Suggestion:
        return cls(
            id=suggestion_id,
            title=valid.title,
            content=valid.content,
            category=valid.category,
            deputy_subject=deputy_subject,
            deputy_name=deputy_name,
            drafted_by=drafted_by,
            created_at=now,
        )

    # --- draft and submission -------------------------------------------------------------------

    def edit_draft(self, principal: Principal, command: commands.EditDraft, now: datetime) -> None:
        ensure_allowed(Action.EDIT_DRAFT, self.status)
        now = clocks.as_utc(now)
        self._ensure_draft_author(principal)
        valid = validate_submission(SubmitSuggestion(command.title, command.content, command.category))
        self.title, self.content, self.category = valid.title, valid.content, valid.category
        self.events.append(ev.DraftEdited(self.id, now, self.deputy_subject))

    def submit(self, principal: Principal, number: str, now: datetime, session: str = "") -> None:
        """Submit a draft under ``number``, which the caller draws from the counter of the year and session."""
        ensure_allowed(Action.SUBMIT, self.status)
        now = clocks.as_utc(now)
        self._ensure_draft_author(principal)
        self._mark_submitted(number, now, session)

    def add_cosigner(self, principal: Principal, command: commands.AddCosigner, now: datetime) -> None:
        ensure_allowed(Action.ADD_COSIGNER, self.status)
        now = clocks.as_utc(now)
        if principal.subject != self.deputy_subject and "congress_clerk" not in principal.roles:
            raise PermissionDenied("只有提出建议的代表或代表联络人员可以添加附议代表")
        cosigner = records.cosigner_from(command, now=now)
        if cosigner.subject == self.deputy_subject:
            detail = [{"field": "subject", "message": "提出建议的代表不能附议本人的建议"}]
            raise InvalidArgument("附议代表未通过校验", details=detail)
        if cosigner.subject in self.cosigner_subjects:
            raise Conflict("该代表已附议此建议")
        self.cosigners.append(cosigner)
        self.events.append(ev.CosignerAdded(self.id, now, self.deputy_subject, cosigner.subject))

    # --- joint assignment (联合交办) --------------------------------------------------------------

    def propose_assignment(self, principal: Principal, command: commands.ProposeAssignment, now: datetime) -> None:
        ensure_allowed(Action.PROPOSE_ASSIGNMENT, self.status)
        now = clocks.as_utc(now)
        require_role(principal, "congress_clerk", message="只有人大常委会联络交办人员可以提出交办方案")
        proposal = records.assignment_from(command, proposed_by=principal.subject, now=now)
        self.assignment, self.status = proposal, Status.ASSIGNMENT_PROPOSED
        self.events.append(ev.AssignmentProposed(self.id, now, proposal.lead_unit, proposal.co_units, proposal.complex))

    def confirm_assignment(self, principal: Principal, now: datetime) -> None:
        """Confirmation starts the clocks: 48 hours to contact, 3 months (6 if complex) to reply."""
        ensure_allowed(Action.CONFIRM_ASSIGNMENT, self.status)
        now = clocks.as_utc(now)
        require_role(principal, "gov_supervision_office", message="只有政务督查室可以确认交办")
        proposal = self._assignment()
        confirmed = replace(proposal, confirmed_by=principal.subject, confirmed_at=clocks.as_utc(now))
        self.assignment, self.status = confirmed, Status.ASSIGNED
        self.reply_due_at = clocks.reply_due(now, confirmed.complex)
        self.events.append(
            ev.AssignmentConfirmed(
                self.id,
                now,
                self.deputy_subject,
                confirmed.lead_unit,
                confirmed.co_units,
                confirmed.complex,
                clocks.contact_due(now),
                self.reply_due_at,
            )
        )

    def send_back_assignment(self, principal: Principal, command: commands.SendBackAssignment, now: datetime) -> None:
        """The proposal goes back to congress staff, who may propose anew."""
        ensure_allowed(Action.SEND_BACK_ASSIGNMENT, self.status)
        now = clocks.as_utc(now)
        require_role(principal, "gov_supervision_office", message="只有政务督查室可以退回交办方案")
        reason = records.send_back_reason_from(command)
        proposal = self._assignment()
        self.send_backs.append(records.SendBack(proposal, reason, principal.subject, now))
        self.assignment, self.status = None, Status.SUBMITTED
        self.events.append(ev.AssignmentSentBack(self.id, now, reason, proposal.proposed_by))

    # --- handling -------------------------------------------------------------------------------

    def record_contact(self, principal: Principal, command: commands.RecordContact, now: datetime) -> None:
        ensure_allowed(Action.RECORD_CONTACT, self.status)
        now = clocks.as_utc(now)
        assignment = self._assignment()
        unit = acting_unit(principal, assignment.units, message="只有承办单位可以登记与代表的联系")
        if unit in self.contacts:
            raise Conflict("本单位已登记过与代表的首次联系")
        confirmed_at = self._confirmed_at()
        contact = records.contact_from(
            command, unit=unit, recorded_by=principal.subject, now=now, confirmed_at=confirmed_at
        )
        self.contacts[unit] = contact
        within = clocks.contacted_in_time(confirmed_at, contact.contacted_at)
        self.events.append(ev.ContactRecorded(self.id, now, unit, self.deputy_subject, within))

    def give_co_unit_opinion(self, principal: Principal, command: commands.GiveCoUnitOpinion, now: datetime) -> None:
        ensure_allowed(Action.GIVE_CO_UNIT_OPINION, self.status)
        now = clocks.as_utc(now)
        assignment = self._assignment()
        unit = acting_unit(principal, assignment.co_units, message="只有协办单位可以提交协办意见")
        if any(o.unit == unit and o.round == self.rehandlings for o in self.opinions):
            raise Conflict("本单位已就本轮办理提交过协办意见")
        opinion = records.opinion_from(command, unit=unit, round_=self.rehandlings, given_by=principal.subject, now=now)
        self.opinions.append(opinion)
        self.events.append(ev.CoUnitOpinionGiven(self.id, now, unit, assignment.lead_unit))

    def reply(self, principal: Principal, command: commands.GiveReply, now: datetime) -> None:
        """The lead unit's reply, once it has contacted the deputy and every co-unit gave its opinion."""
        ensure_allowed(Action.REPLY, self.status)
        now = clocks.as_utc(now)
        assignment = self._assignment()
        unit = acting_unit(principal, (assignment.lead_unit,), message="只有主办单位可以答复")
        if unit not in self.contacts:
            raise Conflict("主办单位尚未登记与代表的首次联系，不能答复")
        missing = [u for u in assignment.co_units if not any(o.unit == u for o in self.opinions)]
        if missing:
            raise Conflict(f"协办单位（{'、'.join(missing)}）尚未提交协办意见，不能答复")
        due_at = self.reply_due_at or clocks.reply_due(self._confirmed_at(), assignment.complex)
        answer = records.reply_from(
            command, unit=unit, round_=self.rehandlings, due_at=due_at, replied_by=principal.subject, now=now
        )
        self.replies.append(answer)
        self.status = Status.REPLIED
        self.events.append(
            ev.SuggestionReplied(
                self.id, now, unit, answer.result, answer.round, answer.on_time, self.deputy_subject,
                self.cosigner_subjects,
            )
        )  # fmt: skip

    def evaluate(
        self,
        principal: Principal,
        command: commands.EvaluateHandling,
        now: datetime,
        max_rehandlings: int = DEFAULT_MAX_REHANDLINGS,
    ) -> None:
        """The deputy's verdict (质效测评). Dissatisfied sends it back for one more month of handling,
        at most ``max_rehandlings`` times; after that a dissatisfied verdict closes it as dissatisfied."""
        if max_rehandlings < 0:
            raise ValueError("max_rehandlings must not be negative")
        ensure_allowed(Action.EVALUATE, self.status)
        now = clocks.as_utc(now)
        if "deputy" not in principal.roles or principal.subject != self.deputy_subject:
            raise PermissionDenied("只有提出建议的代表可以测评")
        evaluation = records.evaluation_from(command, round_=self.rehandlings, now=now)
        self.evaluations.append(evaluation)
        rehandling_due_at = None
        if evaluation.overall in SATISFIED_ENOUGH or self.rehandlings >= max_rehandlings:
            self.status = Status.CLOSED
        else:
            self.rehandlings += 1
            self.reply_due_at = rehandling_due_at = clocks.rehandling_due(now)
            self.status = Status.REHANDLING
        assignment = self._assignment()
        self.events.append(
            ev.SuggestionEvaluated(
                self.id, now, assignment.lead_unit, assignment.co_units, evaluation.overall, evaluation.round,
                self.status is Status.CLOSED, rehandling_due_at,
            )
        )  # fmt: skip

    # --- joint return visit (联合回访) and joint supervision (联合督办) ----------------------------

    def record_return_visit(self, principal: Principal, command: commands.RecordReturnVisit, now: datetime) -> None:
        ensure_allowed(Action.RECORD_RETURN_VISIT, self.status)
        now = clocks.as_utc(now)
        if not principal.has_any(*DISCIPLINE_ROLES):
            raise PermissionDenied("只有派驻纪检监察组或纪委监委可以登记回访")
        visit = records.return_visit_from(
            command,
            units=self._assignment().units,
            recorded_by=principal.subject,
            now=now,
            confirmed_at=self._confirmed_at(),
        )
        self.return_visits.append(visit)
        self.events.append(ev.ReturnVisitRecorded(self.id, now, visit.unit))

    def escalate(self, principal: Principal, command: commands.Escalate, now: datetime) -> None:
        """Escalate to the discipline commission; a suspected violation also starts a clue transfer,
        pending until the clue service acknowledges it (``record_clue_transfer``)."""
        ensure_allowed(Action.ESCALATE, self.status)
        now = clocks.as_utc(now)
        if not principal.has_any(*CONGRESS_ROLES):
            raise PermissionDenied("只有人大常委会联络人员、专（工）委或领导可以提请督办")
        if any(e.open for e in self.escalations):
            raise Conflict("该建议已有尚未回复的督办，请待纪委监委回复后再提请")
        role = next(r for r in ESCALATING_ROLES if r in principal.roles)
        no = len(self.escalations) + 1
        escalation = esc.escalation_from(
            command, no=no, escalated_by=principal.subject, now=now, name=principal.name, role=role
        )
        self.escalations.append(escalation)
        transfer = escalation.clue_transfer.state if escalation.clue_transfer else None
        self.events.append(ev.SuggestionEscalated(self.id, now, escalation.no, escalation.reasons, transfer))

    def respond_to_escalation(self, principal: Principal, command: commands.RespondToEscalation, now: datetime) -> None:
        now = clocks.as_utc(now)
        escalation = esc.responded(esc.find(self.escalations, command.escalation_no), principal, command, now)
        self._replace_escalation(escalation)
        self.events.append(ev.EscalationResponded(self.id, now, escalation.no, escalation.escalated_by))

    def record_clue_transfer(self, command: commands.RecordClueTransfer, now: datetime) -> None:
        """The clue service acknowledged the transfer. Recording the same clue again has no effect,
        so a retry after a lost answer is safe."""
        now = clocks.as_utc(now)
        escalation = esc.transferred(esc.find(self.escalations, command.escalation_no), command, now)
        if escalation is not None:
            self._replace_escalation(escalation)
            self.events.append(ev.ClueTransferred(self.id, now, escalation.no, command.clue_id.strip()))

    # --- deadlines ------------------------------------------------------------------------------

    def deadline_state(self) -> clocks.DeadlineState:
        confirmed_at = self.assignment.confirmed_at if self.assignment else None
        if self.assignment is None or confirmed_at is None or self.status is Status.CLOSED:
            return clocks.DeadlineState(None, (), None, self.rehandlings, frozenset(self.raised_deadlines))
        awaiting_reply = self.status in (Status.ASSIGNED, Status.REHANDLING)
        return clocks.DeadlineState(
            contact_due_at=clocks.contact_due(confirmed_at),
            uncontacted_units=tuple(u for u in self.assignment.units if u not in self.contacts),
            reply_due_at=self.reply_due_at if awaiting_reply else None,
            round=self.rehandlings,
            raised=frozenset(self.raised_deadlines),
        )

    def raise_due_deadlines(self, now: datetime) -> list[ev.Event]:
        """Record each deadline notice that is due and not yet raised; return the new events."""
        now = clocks.as_utc(now)
        raised: list[ev.Event] = []
        for due in clocks.due_deadlines(self.deadline_state(), now):
            self.raised_deadlines.add(due.key)
            raised.append(ev.deadline_event(self.id, due, self._assignment().lead_unit, now))
        self.events.extend(raised)
        return raised

    # --- queries --------------------------------------------------------------------------------

    @property
    def year(self) -> int | None:
        return submission_year(self.submitted_at) if self.submitted_at else None

    @property
    def cosigner_subjects(self) -> tuple[str, ...]:
        return tuple(c.subject for c in self.cosigners)

    @property
    def assigned_units(self) -> frozenset[str]:
        """The units of the confirmed assignment; a mere proposal assigns nobody."""
        if self.assignment is None or self.assignment.confirmed_at is None:
            return frozenset()
        return frozenset(self.assignment.units)

    @property
    def escalated(self) -> bool:
        return bool(self.escalations)

    def pending_clue_transfers(self) -> list[esc.Escalation]:
        return [e for e in self.escalations if e.transfer_pending]

    def visible_to(self, principal: Principal) -> bool:
        return may_view(
            principal,
            self.deputy_subject,
            self.assigned_units,
            escalated=self.escalated,
            cosigners=frozenset(self.cosigner_subjects),
            draft=self.status is Status.DRAFT,
        )

    # --- helpers --------------------------------------------------------------------------------

    def _mark_submitted(self, number: str, now: datetime, session: str) -> None:
        if not number:
            raise ValueError("a submitted suggestion needs its number")
        self.number, self.session, self.submitted_at, self.status = number, session, now, Status.SUBMITTED
        self.events.append(
            ev.SuggestionSubmitted(
                self.id, now, number, self.title, self.category.value, self.deputy_subject, self.cosigner_subjects
            )
        )

    def _ensure_draft_author(self, principal: Principal) -> None:
        if principal.subject == self.deputy_subject and "deputy" in principal.roles:
            return
        if principal.subject == self.drafted_by and "congress_clerk" in principal.roles:
            return
        raise PermissionDenied("只有提出建议的代表或代拟草稿的联络人员可以修改、提交草稿")

    def _assignment(self) -> records.Assignment:
        if self.assignment is None:  # the state table makes this unreachable
            raise Conflict("该建议尚无交办方案")
        return self.assignment

    def _confirmed_at(self) -> datetime:
        confirmed_at = self._assignment().confirmed_at
        if confirmed_at is None:
            raise Conflict("该建议的交办尚未确认")
        return confirmed_at

    def _replace_escalation(self, escalation: esc.Escalation) -> None:
        self.escalations = [escalation if e.no == escalation.no else e for e in self.escalations]


def _drafting_deputy(principal: Principal, command: commands.DraftSuggestion) -> tuple[str, str]:
    """Whose suggestion a draft is: the deputy's own, or the named deputy's when a clerk drafts it."""
    on_behalf = command.deputy_subject.strip()
    if "deputy" in principal.roles and on_behalf in ("", principal.subject):
        return principal.subject, principal.name
    if "congress_clerk" not in principal.roles:
        raise PermissionDenied("只有人大代表本人或代表联络人员可以起草建议")
    problems = submission_problems(SubmitSuggestion(command.title, command.content, command.category))
    if not on_behalf:
        problems.append({"field": "deputy_subject", "message": "请选择代拟建议的代表"})
    if problems:
        raise InvalidArgument("建议内容未通过校验", details=problems)
    return on_behalf, command.deputy_name.strip()
