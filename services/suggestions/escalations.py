"""Joint supervision (联合督办): an escalation's own small life inside a suggestion.

Congress roles escalate a suggestion to the discipline commission; the escalation is open until the
commission responds. One that suspects a violation of discipline or law carries a clue transfer, pending
until the clue service acknowledges it with a clue id — recorded, never silently dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from services.suggestions import commands
from services.suggestions.domain import (
    CONTENT_MAX,
    UNIT_MAX,
    ClueTransferState,
    EscalationReason,
    Problems,
    require_role,
)
from wulian.kit.errors import Conflict, NotFound
from wulian.kit.principal import Principal


@dataclass(frozen=True, slots=True)
class ClueTransfer:
    state: ClueTransferState = ClueTransferState.PENDING
    clue_id: str = ""
    transferred_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Escalation:
    no: int  # 1, 2, … within the suggestion
    reasons: tuple[EscalationReason, ...]
    details: str
    escalated_by: str
    escalated_at: datetime
    clue_transfer: ClueTransfer | None = None
    response: str = ""
    responded_by: str = ""
    responded_at: datetime | None = None
    escalated_by_name: str = ""
    escalated_by_role: str = ""  # the congress role it was decided in (the clue transfer names it)

    @property
    def open(self) -> bool:
        return self.responded_at is None

    @property
    def transfer_pending(self) -> bool:
        return self.clue_transfer is not None and self.clue_transfer.state is ClueTransferState.PENDING


def escalation_from(
    command: commands.Escalate, *, no: int, escalated_by: str, now: datetime, name: str = "", role: str = ""
) -> Escalation:
    """An escalation that suspects a violation of discipline or law carries a pending clue transfer."""
    problems = Problems()
    reasons: list[EscalationReason] = []
    for raw in command.reasons:
        reason = problems.choice("reasons", raw, EscalationReason, f"督办事由「{raw}」")
        if reason is not None and reason not in reasons:
            reasons.append(reason)
    if not command.reasons:
        problems.add("reasons", "请至少选择一项督办事由")
    details = problems.text("details", command.details, "督办说明", limit=CONTENT_MAX)
    problems.raise_if_any("督办未通过校验")
    suspected = EscalationReason.SUSPECTED_VIOLATION in reasons
    return Escalation(
        no=no,
        reasons=tuple(reasons),
        details=details,
        escalated_by=escalated_by,
        escalated_at=now,
        clue_transfer=ClueTransfer() if suspected else None,
        escalated_by_name=name,
        escalated_by_role=role,
    )


def find(escalations: Sequence[Escalation], no: int) -> Escalation:
    for escalation in escalations:
        if escalation.no == no:
            return escalation
    raise NotFound("未找到该督办记录")


def responded(
    escalation: Escalation, principal: Principal, command: commands.RespondToEscalation, now: datetime
) -> Escalation:
    """The discipline commission's response; an escalation is answered once."""
    if not escalation.open:
        raise Conflict("该督办已回复")
    require_role(principal, "discipline_commission", message="只有纪委监委可以回复督办")
    problems = Problems()
    response = problems.text("response", command.response, "督办回复", limit=CONTENT_MAX)
    problems.raise_if_any("督办回复未通过校验")
    return replace(escalation, response=response, responded_by=principal.subject, responded_at=now)


def transferred(escalation: Escalation, command: commands.RecordClueTransfer, now: datetime) -> Escalation | None:
    """The escalation with its clue transferred, or None when that very clue was recorded already."""
    transfer = escalation.clue_transfer
    if transfer is None:
        raise Conflict("该督办不涉及线索移送")
    problems = Problems()
    clue_id = problems.text("clue_id", command.clue_id, "线索编号", limit=UNIT_MAX)
    problems.raise_if_any("线索移送回执未通过校验")
    if transfer.state is ClueTransferState.TRANSFERRED:
        if transfer.clue_id == clue_id:
            return None
        raise Conflict(f"该督办的线索已移送（线索编号 {transfer.clue_id}）")
    return replace(escalation, clue_transfer=ClueTransfer(ClueTransferState.TRANSFERRED, clue_id, now))
