"""The ``Clue`` aggregate: a clue from its transfer to the feedback that closes it (线索移送).

Each public method is one transition. It checks, in this order, the state (``Conflict``, from the table
in ``domain.ALLOWED_STATES``), the actor (``PermissionDenied``) and the input (``InvalidArgument``, per
field, in ``records``), then changes the clue and records what happened in ``events``; it never sends
anything. ``now`` is passed in; every time is timezone-aware UTC.

The aggregate holds the clue's details in the clear: sealing them for storage (``sealing``) and auditing
each read of them are the repository's and the handlers' business.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from services.clues import clocks, commands, records
from services.clues import events as ev
from services.clues.clocks import DEFAULT_ACKNOWLEDGE_DAYS, DEFAULT_CALENDAR, DEFAULT_FEEDBACK_DAYS, WorkCalendar
from services.clues.domain import (
    DISPOSITIONS_MAX,
    Action,
    SourceKind,
    Status,
    View,
    ensure_allowed,
    require_commission,
    transfer_capacity,
    view_of,
)
from wulian.kit.errors import Conflict
from wulian.kit.principal import Principal


@dataclass(frozen=True, slots=True)
class ClueStatusView:
    """What the transferring body sees of its transfer: ids, status, dates, and the commission's answers
    to it (a decline's reason, the feedback). Never the summary, the details, whom the clue concerns or
    the dispositions."""

    id: str
    source_kind: SourceKind
    source_ref: str
    official_subject: str
    official_role: str
    status: Status
    transferred_at: datetime
    acknowledge_due_at: datetime
    acknowledged_at: datetime | None
    accepted_at: datetime | None
    feedback_due_at: datetime | None
    declined_at: datetime | None
    decline_reason: str
    feedback_given_at: datetime | None
    feedback_text: str


@dataclass(eq=False)
class Clue:
    id: str
    origin: records.Transfer  # what was transferred, by whom, from where
    acknowledge_due_at: datetime
    status: Status = Status.TRANSFERRED
    acknowledgement: records.Acknowledgement | None = None
    acceptance: records.Acceptance | None = None
    declined: records.Decline | None = None
    dispositions: list[records.Disposition] = field(default_factory=list)
    feedback: records.Feedback | None = None
    raised_deadlines: set[str] = field(default_factory=set)
    events: list[ev.Event] = field(default_factory=list, repr=False)

    # --- transfer (线索移送) ------------------------------------------------------------------------

    @classmethod
    def transfer(
        cls,
        clue_id: str,
        principal: Principal,
        command: commands.TransferClue,
        now: datetime,
        *,
        acknowledge_days: int = DEFAULT_ACKNOWLEDGE_DAYS,
        calendar: WorkCalendar = DEFAULT_CALENDAR,
    ) -> Clue:
        """A congress official through the gateway, or a service on an official's behalf, transfers a clue;
        the commission has ``acknowledge_days`` working days of ``calendar`` to acknowledge it."""
        now = clocks.as_utc(now)
        transferor = transfer_capacity(principal)
        origin = records.transfer_from(command, principal=principal, transferor=transferor, now=now)
        due = clocks.acknowledge_due(now, acknowledge_days, calendar)
        clue = cls(id=clue_id, origin=origin, acknowledge_due_at=due)
        kind, ref = origin.source_kind, origin.source_ref
        clue.events.append(ev.ClueTransferred(clue_id, now, kind, ref, *clue._official(), due))
        return clue

    # --- the commission's handling ----------------------------------------------------------------

    def acknowledge(self, principal: Principal, now: datetime) -> None:
        """签收."""
        ensure_allowed(Action.ACKNOWLEDGE, self.status)
        now = clocks.as_utc(now)
        require_commission(principal, message="只有纪委监委可以签收线索")
        on_time = clocks.in_time(now, self.acknowledge_due_at)
        self.acknowledgement = records.Acknowledgement(principal.subject, now, self.acknowledge_due_at, on_time)
        self.status = Status.ACKNOWLEDGED
        self.events.append(ev.ClueAcknowledged(self.id, now, *self._official(), on_time))

    def accept(
        self,
        principal: Principal,
        command: commands.AcceptClue,
        now: datetime,
        *,
        feedback_days: int = DEFAULT_FEEDBACK_DAYS,
    ) -> None:
        """受理: starts the feedback clock of ``feedback_days`` calendar days."""
        ensure_allowed(Action.ACCEPT, self.status)
        now = clocks.as_utc(now)
        require_commission(principal, message="只有纪委监委可以受理线索")
        due = clocks.feedback_due(now, feedback_days)
        self.acceptance = records.acceptance_from(command, accepted_by=principal.subject, now=now, due_at=due)
        self.status = Status.ACCEPTED
        self.events.append(ev.ClueAccepted(self.id, now, *self._official(), due))

    def decline(self, principal: Principal, command: commands.DeclineClue, now: datetime) -> None:
        """不予受理, with a reason for the transferring body. Ends the clue."""
        ensure_allowed(Action.DECLINE, self.status)
        now = clocks.as_utc(now)
        require_commission(principal, message="只有纪委监委可以作出不予受理决定")
        self.declined = records.decline_from(command, declined_by=principal.subject, now=now)
        self.status = Status.DECLINED
        self.events.append(ev.ClueDeclined(self.id, now, *self._official()))

    def record_disposition(self, principal: Principal, command: commands.RecordDisposition, now: datetime) -> None:
        """处置: one more step of the disposition; any number, up to ``DISPOSITIONS_MAX``."""
        ensure_allowed(Action.RECORD_DISPOSITION, self.status)
        now = clocks.as_utc(now)
        require_commission(principal, message="只有纪委监委可以登记处置")
        if len(self.dispositions) >= DISPOSITIONS_MAX:
            raise Conflict(f"该线索的处置记录已达 {DISPOSITIONS_MAX} 条，不能再登记")
        disposition = records.disposition_from(
            command, no=len(self.dispositions) + 1, recorded_by=principal.subject, now=now
        )
        self.dispositions.append(disposition)
        self.events.append(ev.DispositionRecorded(self.id, now, self.source_kind, disposition.no))

    def give_feedback(self, principal: Principal, command: commands.GiveFeedback, now: datetime) -> None:
        """反馈 to the transferring body, once at least one disposition is on record. Closes the clue."""
        ensure_allowed(Action.GIVE_FEEDBACK, self.status)
        now = clocks.as_utc(now)
        require_commission(principal, message="只有纪委监委可以反馈线索办理情况")
        if not self.dispositions:
            raise Conflict("该线索尚未登记处置，不能反馈")
        due = self._acceptance().feedback_due_at
        self.feedback = records.feedback_from(command, given_by=principal.subject, now=now, due_at=due)
        self.status = Status.CLOSED
        self.events.append(ev.FeedbackGiven(self.id, now, *self._official(), self.feedback.on_time))

    # --- deadlines ----------------------------------------------------------------------------------

    def deadline_state(self) -> clocks.DeadlineState:
        """Acknowledgement is awaited while transferred; feedback while accepted."""
        feedback_due = self.acceptance.feedback_due_at if self.acceptance else None
        return clocks.DeadlineState(
            acknowledge_due_at=self.acknowledge_due_at if self.status is Status.TRANSFERRED else None,
            feedback_due_at=feedback_due if self.status is Status.ACCEPTED else None,
            raised=frozenset(self.raised_deadlines),
        )

    def raise_due_deadlines(self, now: datetime) -> list[ev.Event]:
        """Record each deadline notice that is due and not yet raised; return the new events."""
        now = clocks.as_utc(now)
        raised: list[ev.Event] = []
        for due in clocks.due_deadlines(self.deadline_state(), now):
            self.raised_deadlines.add(due.key)
            raised.append(ev.deadline_event(self.id, due, now))
        self.events.extend(raised)
        return raised

    def next_check_at(self) -> datetime | None:
        return clocks.next_check_at(self.deadline_state())

    # --- queries ------------------------------------------------------------------------------------

    @property
    def source_kind(self) -> SourceKind:
        return self.origin.source_kind

    @property
    def official(self) -> records.TransferringOfficial:
        return self.origin.official

    @property
    def transferred_at(self) -> datetime:
        return self.origin.transferred_at

    def view_for(self, principal: Principal) -> View:
        return view_of(principal, source_kind=self.source_kind, official_role=self.official.role)

    def status_view(self) -> ClueStatusView:
        return ClueStatusView(
            id=self.id,
            source_kind=self.source_kind,
            source_ref=self.origin.source_ref,
            official_subject=self.official.subject,
            official_role=self.official.role,
            status=self.status,
            transferred_at=self.transferred_at,
            acknowledge_due_at=self.acknowledge_due_at,
            acknowledged_at=self.acknowledgement.acknowledged_at if self.acknowledgement else None,
            accepted_at=self.acceptance.accepted_at if self.acceptance else None,
            feedback_due_at=self.acceptance.feedback_due_at if self.acceptance else None,
            declined_at=self.declined.declined_at if self.declined else None,
            decline_reason=self.declined.reason if self.declined else "",
            feedback_given_at=self.feedback.given_at if self.feedback else None,
            feedback_text=self.feedback.text if self.feedback else "",
        )

    # --- helpers ------------------------------------------------------------------------------------

    def _official(self) -> tuple[str, str]:
        return self.official.subject, self.official.role

    def _acceptance(self) -> records.Acceptance:
        if self.acceptance is None:  # the state table makes this unreachable
            raise Conflict("该线索尚未受理")
        return self.acceptance
