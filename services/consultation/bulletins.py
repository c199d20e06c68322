"""通报 — one body informs the bodies it chooses (seed 004: "定期通报反馈……互通重大事项及重点工作安排"): a
new inspection tour, a special campaign, a report the congress heard, a meeting. Pure: no I/O.

Who. A body's staff issues a bulletin in its body's name (the *sender*) to one or more other bodies (the
*recipients*); it is issued at once. A recipient body's staff acknowledge reading it (签阅), each person once:
a second acknowledgement by the same person changes nothing and answers the first. The sender's staff
withdraw it (撤回) with a reason, which ends the acknowledgements.

Who sees what (``bulletin_views``). The sender sees everything, and for each recipient body whether it has
read the bulletin, who first and when, and everyone who did; a recipient body sees the bulletin and its own
people's acknowledgements only (not whether another recipient has read it), and of a withdrawn bulletin the
withdrawal but no longer the text; ``platform_admin`` counts; nobody else anything (not found).

Life of a bulletin (``BULLETIN_STATES``)::

    action \\ state   issued      withdrawn
    acknowledge      issued      -
    withdraw         withdrawn   -
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from services.consultation.domain import (
    BODY_LABELS,
    BODY_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Body,
    Event,
    StateTable,
    acting_body,
    acts_for,
    as_utc,
    body_audience,
    checked_bodies,
    checked_text,
)
from wulian.kit.errors import PermissionDenied
from wulian.kit.principal import Principal
from wulian.kit.problems import Problems


class BulletinKind(StrEnum):
    INSPECTION_TOUR = "inspection_tour"
    SPECIAL_CAMPAIGN = "special_campaign"
    REPORT_HEARD = "report_heard"
    MEETING = "meeting"
    OTHER = "other"


BULLETIN_KIND_LABELS: dict[BulletinKind, str] = {
    BulletinKind.INSPECTION_TOUR: "巡察安排",
    BulletinKind.SPECIAL_CAMPAIGN: "专项整治",
    BulletinKind.REPORT_HEARD: "听取报告",
    BulletinKind.MEETING: "会议情况",
    BulletinKind.OTHER: "其他",
}


class BulletinStatus(StrEnum):
    ISSUED = "issued"
    WITHDRAWN = "withdrawn"


BULLETIN_STATUS_LABELS: dict[BulletinStatus, str] = {
    BulletinStatus.ISSUED: "已通报",
    BulletinStatus.WITHDRAWN: "已撤回",
}


class BulletinAction(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    WITHDRAW = "withdraw"


_ISSUED = frozenset({BulletinStatus.ISSUED})
BULLETIN_STATES: StateTable[BulletinStatus, BulletinAction] = StateTable(
    allowed={BulletinAction.ACKNOWLEDGE: _ISSUED, BulletinAction.WITHDRAW: _ISSUED},
    phrases={BulletinStatus.ISSUED: "该通报已发出", BulletinStatus.WITHDRAWN: "该通报已撤回"},
    action_labels={BulletinAction.ACKNOWLEDGE: "签阅", BulletinAction.WITHDRAW: "撤回"},
)


# --- commands: plain and unchecked, as the API hands them over ------------------------------------------


@dataclass(frozen=True, slots=True)
class IssueBulletin:
    """``kind`` a ``BulletinKind``; ``recipients`` the bodies that are told (at least one, not the sender's)."""

    kind: str
    title: str
    text: str
    recipients: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WithdrawBulletin:
    """The sender takes the bulletin back, with the reason."""

    reason: str


# --- records --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """One person of a recipient body has read the bulletin."""

    subject: str
    name: str
    body: Body
    at: datetime


@dataclass(frozen=True, slots=True)
class Withdrawal:
    reason: str
    by: str
    by_name: str
    at: datetime


# --- events ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BulletinEvent(Event):
    """Published on ``wulian.consultation.bulletin.<name>``; told to the sender and the recipients only.
    Never the title, the text or a reason."""

    aggregate = "bulletin"
    bulletin_id: str
    occurred_at: datetime
    sender: Body
    recipients: tuple[Body, ...]

    @property
    def aggregate_id(self) -> str:
        return self.bulletin_id

    def audience(self) -> list[str]:
        return body_audience(self.sender, *self.recipients)


@dataclass(frozen=True, slots=True)
class BulletinIssued(BulletinEvent):
    name = "issued"
    kind: BulletinKind


@dataclass(frozen=True, slots=True)
class BulletinAcknowledged(BulletinEvent):
    """``first_of_body``: the first of ``body``'s people to read it. Told to the sender and that body only:
    a recipient does not learn whether another has read the bulletin."""

    name = "acknowledged"
    body: Body
    first_of_body: bool

    def audience(self) -> list[str]:
        return body_audience(self.sender, self.body)


@dataclass(frozen=True, slots=True)
class BulletinWithdrawn(BulletinEvent):
    name = "withdrawn"


# --- the aggregate --------------------------------------------------------------------------------------


@dataclass(eq=False)
class Bulletin:
    """A bulletin. Transitions check state (``Conflict``), actor (``PermissionDenied``) and input
    (``InvalidArgument``), in that order, and record events."""

    id: str
    sender: Body
    kind: BulletinKind
    title: str
    text: str
    recipients: tuple[Body, ...]
    issued_by: str
    issued_by_name: str
    issued_at: datetime
    status: BulletinStatus = BulletinStatus.ISSUED
    acknowledgements: list[Acknowledgement] = field(default_factory=list)
    withdrawal: Withdrawal | None = None
    events: list[BulletinEvent] = field(default_factory=list, repr=False)

    @classmethod
    def create(cls, bulletin_id: str, principal: Principal, command: IssueBulletin, now: datetime) -> Bulletin:
        """Issued in the name of the caller's body."""
        now = as_utc(now)
        sender = acting_body(principal, message="只有人大常委会、纪委监委或市政府政务督查室的工作人员可以发出通报")
        problems = Problems()
        kind = problems.choice("kind", command.kind, BulletinKind, "通报类别")
        title = problems.text("title", command.title, "通报标题", limit=TITLE_MAX)
        text = problems.text("text", command.text, "通报内容", limit=BODY_MAX)
        recipients = checked_bodies(problems, "recipients", command.recipients, "接收机关")
        if not command.recipients:
            problems.add("recipients", "请选择接收通报的机关")
        elif sender in recipients:
            problems.add("recipients", f"接收机关不能是本机关（{BODY_LABELS[sender]}）")
        problems.raise_if_any("通报未通过校验")
        assert kind is not None
        bulletin = cls(bulletin_id, sender, kind, title, text, recipients, principal.subject, principal.name, now)
        bulletin.events.append(BulletinIssued(*bulletin._ids(now), kind))
        return bulletin

    def acknowledge(self, principal: Principal, now: datetime) -> Acknowledgement:
        """签阅, by a person of a recipient body; the same person again answers their first acknowledgement."""
        BULLETIN_STATES.ensure(BulletinAction.ACKNOWLEDGE, self.status)
        now = as_utc(now)
        body = self.recipient_body(principal)
        if body is None:
            raise PermissionDenied("只有接收通报的机关可以签阅")
        earlier = self.acknowledgement_of(principal)
        if earlier is not None:
            return earlier
        first = all(ack.body is not body for ack in self.acknowledgements)
        acknowledgement = Acknowledgement(principal.subject, principal.name, body, now)
        self.acknowledgements.append(acknowledgement)
        self.events.append(BulletinAcknowledged(*self._ids(now), body, first))
        return acknowledgement

    def withdraw(self, principal: Principal, command: WithdrawBulletin, now: datetime) -> None:
        BULLETIN_STATES.ensure(BulletinAction.WITHDRAW, self.status)
        now = as_utc(now)
        if not self.is_sender(principal):
            raise PermissionDenied(f"只有发出通报的{BODY_LABELS[self.sender]}可以撤回")
        reason = checked_text("reason", command.reason, "撤回的理由", limit=TEXT_MAX)
        self.withdrawal = Withdrawal(reason, principal.subject, principal.name, now)
        self.status = BulletinStatus.WITHDRAWN
        self.events.append(BulletinWithdrawn(*self._ids(now)))

    # --- queries --------------------------------------------------------------------------------------

    def is_sender(self, principal: Principal) -> bool:
        return acts_for(principal, self.sender)

    def recipient_body(self, principal: Principal) -> Body | None:
        """The recipient body ``principal`` acts for (the first, should it act for two)."""
        return next((body for body in self.recipients if acts_for(principal, body)), None)

    def acknowledgement_of(self, principal: Principal) -> Acknowledgement | None:
        return next((ack for ack in self.acknowledgements if ack.subject == principal.subject), None)

    def readers(self, body: Body) -> tuple[Acknowledgement, ...]:
        """``body``'s people who acknowledged the bulletin, first first."""
        return tuple(ack for ack in self.acknowledgements if ack.body is body)

    def _ids(self, now: datetime) -> tuple[str, datetime, Body, tuple[Body, ...]]:
        return self.id, now, self.sender, self.recipients
