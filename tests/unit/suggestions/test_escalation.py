"""Joint return visits (联合回访) and joint supervision (联合督办), with the clue transfer that a suspected
violation starts and the clue service completes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from services.suggestions import commands
from services.suggestions import events as ev
from services.suggestions.domain import ClueTransferState, EscalationReason
from services.suggestions.model import Suggestion
from tests.unit.suggestions import builders as b
from wulian.kit.errors import Conflict, InvalidArgument, NotFound

NOW = b.EVALUATED_AT + timedelta(days=1)


def escalated(*reasons: str) -> Suggestion:
    suggestion = b.closed()
    suggestion.escalate(b.COMMITTEE, commands.Escalate(reasons, "涉嫌违规拨付资金"), NOW)
    return suggestion


def test_a_return_visit_is_recorded_on_an_assigned_unit() -> None:
    suggestion = b.assigned()
    at = b.CONFIRMED_AT + timedelta(days=10)
    command = commands.RecordReturnVisit("housing", at, "进度滞后", meeting="住建局专题会", talks="与经办人谈话")
    suggestion.record_return_visit(b.STATION, command, at)
    (visit,) = suggestion.return_visits
    assert (visit.unit, visit.meeting, visit.talks, visit.problems, visit.recorded_by) == (
        "housing", "住建局专题会", "与经办人谈话", "", "station-1",
    )  # fmt: skip
    assert isinstance(suggestion.events[-1], ev.ReturnVisitRecorded)


def test_an_escalation_without_a_suspected_violation_transfers_nothing() -> None:
    suggestion = escalated("overdue", "repeatedly_dissatisfied", "overdue")
    (escalation,) = suggestion.escalations
    assert escalation.reasons == (EscalationReason.OVERDUE, EscalationReason.REPEATEDLY_DISSATISFIED)
    assert escalation.clue_transfer is None and escalation.open
    assert suggestion.pending_clue_transfers() == []
    event = suggestion.events[-1]
    assert isinstance(event, ev.SuggestionEscalated) and event.clue_transfer is None and event.escalation_no == 1


def test_a_suspected_violation_leaves_a_transfer_pending_until_the_clue_service_acknowledges() -> None:
    suggestion = escalated("suspected_violation")
    (pending,) = suggestion.pending_clue_transfers()
    assert pending.clue_transfer is not None and pending.clue_transfer.state is ClueTransferState.PENDING
    event = suggestion.events[-1]
    assert isinstance(event, ev.SuggestionEscalated) and event.clue_transfer is ClueTransferState.PENDING

    suggestion.record_clue_transfer(commands.RecordClueTransfer(1, "clue-42"), NOW + timedelta(minutes=1))
    transfer = suggestion.escalations[0].clue_transfer
    assert transfer is not None
    assert (transfer.state, transfer.clue_id, transfer.transferred_at) == (
        ClueTransferState.TRANSFERRED, "clue-42", NOW + timedelta(minutes=1),
    )  # fmt: skip
    assert suggestion.pending_clue_transfers() == []
    count = len(suggestion.events)
    suggestion.record_clue_transfer(commands.RecordClueTransfer(1, "clue-42"), NOW + timedelta(minutes=2))
    assert len(suggestion.events) == count, "a retried acknowledgement has no second effect"
    with pytest.raises(Conflict, match="clue-42"):
        suggestion.record_clue_transfer(commands.RecordClueTransfer(1, "clue-43"), NOW)


def test_a_clue_transfer_needs_an_escalation_that_carries_one_and_a_clue_id() -> None:
    suggestion = escalated("concentrated")
    with pytest.raises(NotFound):
        suggestion.record_clue_transfer(commands.RecordClueTransfer(2, "clue-1"), NOW)
    with pytest.raises(Conflict, match="不涉及线索移送"):
        suggestion.record_clue_transfer(commands.RecordClueTransfer(1, "clue-1"), NOW)
    with pytest.raises(InvalidArgument):
        escalated("suspected_violation").record_clue_transfer(commands.RecordClueTransfer(1, " "), NOW)


def test_one_open_escalation_at_a_time_and_the_commission_responds_once() -> None:
    suggestion = escalated("overdue")
    with pytest.raises(Conflict, match="尚未回复的督办"):
        suggestion.escalate(b.LEADER, commands.Escalate(("overdue",), "再次督办"), NOW)
    suggestion.respond_to_escalation(b.COMMISSION, commands.RespondToEscalation(1, " 已约谈 "), NOW)
    (escalation,) = suggestion.escalations
    assert (escalation.response, escalation.responded_by, escalation.open) == ("已约谈", "commission-1", False)
    event = suggestion.events[-1]
    assert isinstance(event, ev.EscalationResponded) and event.escalated_by == "committee-1"
    with pytest.raises(Conflict, match="已回复"):
        suggestion.respond_to_escalation(b.COMMISSION, commands.RespondToEscalation(1, "再复"), NOW)
    suggestion.escalate(b.LEADER, commands.Escalate(("suspected_violation",), "发现新问题"), NOW)
    assert [e.no for e in suggestion.escalations] == [1, 2]
    assert suggestion.escalated


def test_responding_to_an_unknown_escalation_or_with_no_text() -> None:
    suggestion = escalated("overdue")
    with pytest.raises(NotFound):
        suggestion.respond_to_escalation(b.COMMISSION, commands.RespondToEscalation(9, "x"), NOW)
    with pytest.raises(InvalidArgument) as caught:
        suggestion.respond_to_escalation(b.COMMISSION, commands.RespondToEscalation(1, ""), NOW)
    assert caught.value.details == [{"field": "response", "message": "督办回复不能为空"}]
