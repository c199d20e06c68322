"""Case-review opinions in the rectification ledger (整改台账) of the evaluation service, which "every link
uses": the relay that takes each logged step of a finding (``ledger``) into the finding's ledger item.

The steps are pending in this service's database from the transaction of the finding's step on
(``repository.save_finding``), so a restart loses none. The relay (``wulian.kit.call_relay``) takes the
oldest pending step of each finding — one at a time, in order — to the evaluation service with the service
account's token and records the answer (``finding_ledger``); while the evaluation service is down, the steps
wait and the finding goes on. Every call is idempotent there: the raise on (source, the finding, the unit),
each later step on the official who took it and its moment, so a retry after a lost answer is no second step.

What the ledger is told. The item is the congress's (the organizers who issue opinions are its clerks and
committees), raised by the organizer who issued the opinion, about the court or procuratorate of the case:
the problem found, the opinion as 整改要求, and the finding's due date (the Beijing day it ends). The case
review asks the unit for its measures but not for a 责任领导 or 具体责任人: the official who accepted the
opinion stands for both in the item's plan, which the unit may revise in the ledger. A report is the unit's
final report (its kinds of measure as the measures taken). A report sent back is a close-out graded 不满意
with the reason (the item goes back to rectifying under the same due date); the close-out (销号) is graded
满意, the case review grading no rectification; an accepted explanation withdraws the item.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import grpc
from google.protobuf.message import Message

from services.case_review import repository
from services.case_review.domain import RECTIFICATION_KIND_LABELS, SHANGHAI, RectificationKind, as_utc
from services.case_review.findings import Finding, Report
from services.case_review.ledger import UNIT_STEPS, LedgerStep, LedgerStepKind
from services.case_review.repository import CASES, FINDINGS
from wulian.evaluation.v1 import evaluation_pb2 as pb
from wulian.evaluation.v1.evaluation_pb2_grpc import EvaluationServiceStub
from wulian.kit.call_relay import CallRelay, Metadata, Pending

SOURCE = "case_review_opinion"
RAISING_BODY = "congress"
REASON_MAX = 2000  # the ledger's longest reason
BATCH = 50
RPCS: dict[LedgerStepKind, str] = {
    LedgerStepKind.RAISE: "RaiseRectificationForService",
    LedgerStepKind.PLAN: "DeclarePlanForService",
    LedgerStepKind.WITHDRAW: "WithdrawRectificationForService",
    LedgerStepKind.REPORT: "ReportRectificationForService",
    LedgerStepKind.SEND_BACK: "CloseOutRectificationForService",
    LedgerStepKind.CLOSE_OUT: "CloseOutRectificationForService",
}


def source_ref(finding: Finding) -> str:
    return f"finding/{finding.id}"


def due_on(due_at: datetime) -> str:
    """The Beijing day that ``due_at`` (the end of a Beijing day) ends, as the ledger's ``due_on``."""
    return (as_utc(due_at).astimezone(SHANGHAI) - timedelta(microseconds=1)).date().isoformat()


def raise_request(finding: Finding, step: LedgerStep, unit_kind: str) -> pb.RaiseForService:
    """``unit_kind``: the case's body, court or procuratorate."""
    content = pb.ItemContent(
        unit=finding.unit,
        unit_name=finding.unit_name,
        problem=finding.text.problem,
        required_measures=finding.text.opinion,
        unit_kind=unit_kind,
        due_on=due_on(finding.due_at) if finding.due_at else "",
    )
    item = pb.RaiseItem(source=SOURCE, source_ref=source_ref(finding), content=content)
    return pb.RaiseForService(
        raising_body=RAISING_BODY, official_subject=step.by, official_name=step.by_name, item=item
    )


def measures_taken(report: Report) -> str:
    """What the unit did, by kind: ``纠正问题案件（（2026）鄂02执异5号）；建立健全制度（《…》）``."""
    details = {
        RectificationKind.CORRECTED_CASE: report.corrected_case_number,
        RectificationKind.RULE_ADOPTED: f"《{report.rule_title}》" if report.rule_title else "",
    }
    parts = [RECTIFICATION_KIND_LABELS[k] + (f"（{details[k]}）" if details.get(k) else "") for k in report.kinds]
    return "；".join(parts)


def step_request(finding: Finding, step: LedgerStep, item_id: str) -> Message:
    """The call that takes ``step`` (not the raise) into the item ``item_id``."""
    official = pb.ServiceStep(
        item_id=item_id,
        official_subject=step.by,
        official_name=step.by_name,
        org_unit=finding.unit if step.kind in UNIT_STEPS else "",
    )
    official.at.FromDatetime(as_utc(step.at))
    match step.kind:
        case LedgerStepKind.PLAN:
            person = step.by_name or step.by
            plan = pb.DeclarePlan(measures=finding.answers[step.record].text, leader=person, person=person)
            return pb.DeclarePlanForService(step=official, plan=plan)
        case LedgerStepKind.WITHDRAW:
            note = finding.decisions[step.record].text
            reason = "评查意见的说明理由已被采纳" + (f"：{note}" if note else "")
            return pb.WithdrawForService(step=official, withdrawal=pb.WithdrawItem(reason=reason[:REASON_MAX]))
        case LedgerStepKind.REPORT:
            report = finding.reports[step.record]
            final = pb.ReportRectification(kind="final", text=report.text, measures_taken=measures_taken(report))
            return pb.ReportForService(step=official, report=final)
        case LedgerStepKind.SEND_BACK:
            reason = finding.send_backs[step.record].reason
            return pb.CloseOutForService(step=official, close_out=pb.CloseOutItem(grade="dissatisfied", note=reason))
        case LedgerStepKind.CLOSE_OUT:
            note = finding.closing.note if finding.closing else ""
            return pb.CloseOutForService(step=official, close_out=pb.CloseOutItem(grade="satisfied", note=note))
    raise ValueError(f"no ledger call for {step.kind}")


class FindingLedgerRelay(CallRelay):
    """``Pending``: the finding, (the step's number, its kind, the item's id) and the request."""

    target = "the evaluation service"

    async def pending(self) -> list[Pending]:
        found = []
        for finding_id, number, item_id in await self.db.in_session(repository.findings_pending_ledger, BATCH):
            loaded = await self.db.in_session(FINDINGS.load, finding_id)
            if loaded is None or number >= len(loaded.aggregate.ledger_steps):
                continue
            finding = loaded.aggregate
            step = finding.ledger_steps[number]
            if step.kind is LedgerStepKind.RAISE:
                case = await self.db.in_session(CASES.existing, finding.case_id)
                request: Any = raise_request(finding, step, case.aggregate.details.body.value)
            else:
                request = step_request(finding, step, item_id)
            found.append(Pending(finding_id, (number, step.kind, item_id), request))
        return found

    async def call(self, channel: grpc.aio.Channel, pending: Pending, metadata: Metadata, timeout: float) -> str:
        _, kind, _ = pending.key
        rpc = getattr(EvaluationServiceStub(channel), RPCS[kind])
        answer = await rpc(pending.request, metadata=metadata, timeout=timeout)
        return str(answer.id)

    async def record(self, pending: Pending, item_id: str) -> None:
        number, _, _ = pending.key
        await self.db.in_session(repository.record_ledger_step, pending.aggregate_id, number, item_id)
