"""The draw's steps: commit, witness, reveal — and the answers and replacements that follow it.

1. **Commit** (``begin_draw``, an organizer). The service fixes the draw's inputs — the eligible pool's
   snapshot, the cases in order, each case's exclusions with their reasons, the rules — refuses rules
   the pool cannot meet whatever the seed (``draw.check``), makes a 32-byte seed with ``secrets`` and
   publishes only ``SHA-256(seed)``, the snapshot's hash and the rules' hash (the draw view, the
   ``draw_begun`` event and the audit trail). The batch is *drawing*; its cases are under review.
2. **Witness** (``witness_draw``, the discipline station). The station's own entropy is recorded and
   the result is computed from seed and entropy by ``wulian-draw/v1`` and written — batch seats, draw
   record, audit entry — in the *same* transaction. Nobody sees a result before it is fixed, so nobody,
   the service included, can look at a result and discard it; a second witness finds the draw no longer
   open. A draw the pool cannot meet at this point (only the per-expert limit can cause it) is recorded
   as failed, with its record, and the batch returns to draft for a new draw with a new seed.
3. **Reveal.** Once fixed, the record (seed included) is readable by the organizers and the station,
   ``VerifyDraw`` recomputes it, and ``wulian draw verify`` does the same from the exported record.

A draw is never re-run. Before its witness an organizer may cancel it with a reason (on the record);
after it, only the whole batch can be cancelled.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from services.case_review import commands, draw, draw_pdf, drawing, repository
from services.case_review.domain import (
    BATCH_STATES,
    BatchAction,
    is_organizer,
    is_supervisor,
    require_organizer,
)
from services.case_review.handlers import BatchStep, Context, Shown, act_on_batch, cases_of
from services.case_review.repository import BATCHES, EXPERTS
from services.case_review.reviews import ReviewBatch
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.principal import Principal

SEED_BYTES = 32
ORGANIZER_BODY = "市人大常委会"
SUPERVISOR_BODY = "市纪委监委派驻市人大常委会机关纪检监察组"


def _ensure_reader(principal: Principal) -> None:
    """Draws are the organizers' and the station's: the courts never see who was drawn before the
    review closes (the batch shows them then), the experts see their own seats in the batch."""
    if not (is_organizer(principal) or is_supervisor(principal)):
        raise NotFound("未找到该抽取")


def _load_draw(session: Session, principal: Principal, draw_id: str, *, lock: bool = False) -> dict[str, Any]:
    _ensure_reader(principal)
    row = repository.load_draw(session, draw_id.strip(), lock=lock)
    if row is None:
        raise NotFound("未找到该抽取")
    return row


# --- commit ----------------------------------------------------------------------------------------------


def begin_draw(session: Session, principal: Principal, batch_id: str, ctx: Context) -> Shown:
    require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以组织抽取")
    draw_id = str(uuid.uuid4())
    seed = secrets.token_bytes(SEED_BYTES)
    made: dict[str, drawing.Inputs] = {}

    def begin(step: BatchStep) -> None:
        batch = step.batch
        BATCH_STATES.ensure(BatchAction.BEGIN_DRAW, batch.status)  # the state first, before any work
        pool = repository.drawable_experts(session)
        past = repository.past_reviews(session, (e.id for e in pool))
        inputs = drawing.inputs(batch.rules, step.cases, pool, past, step.now)
        inputs.check()
        commitment, snapshot = draw.commitment(seed), inputs.snapshot_hash
        for case_id in batch.begin_draw(principal, commands.BeginDraw(draw_id, commitment, snapshot), step.now):
            step.cases[case_id].take_into_review(batch.id, step.now)
        repository.insert_draw(
            session,
            {
                "id": draw_id,
                "batch_id": batch.id,
                "status": "open",
                "seed": seed,
                "seed_commitment": commitment,
                "pool_snapshot_hash": snapshot,
                "rules_hash": inputs.rules_hash,
                "inputs": drawing.inputs_to_json(inputs),
                "begun_by": principal.subject,
                "begun_by_name": principal.name,
                "begun_at": step.now,
            },
        )
        made["inputs"] = inputs
        step.facts |= {
            "draw": draw_id,
            "seed_commitment": commitment,
            "pool_snapshot_hash": snapshot,
            "rules_hash": inputs.rules_hash,
            "pool_size": len(inputs.pool),
            "excluded": sum(len(v) for v in inputs.exclusions.values()),
        }

    act_on_batch(session, principal, batch_id, "draw.committed", begin, ctx)
    return get_draw(session, principal, draw_id)


# --- witness: the result is fixed in the transaction that records the entropy ----------------------------


def witness_draw(session: Session, principal: Principal, draw_id: str, entropy: bytes, ctx: Context) -> Shown:
    if not is_supervisor(principal):
        raise PermissionDenied("只有派驻纪检监察组可以见证抽取并提供随机数")
    low, high = draw.ENTROPY_BYTES
    if not low <= len(entropy) <= high:
        detail = [{"field": "entropy", "message": f"见证随机数应为 {low} 至 {high} 字节"}]
        raise InvalidArgument("见证随机数未通过校验", details=detail)
    row = _load_draw(session, principal, draw_id, lock=True)
    if row["status"] != "open":
        raise Conflict("该抽取已见证或已取消，不能再次见证；抽取结果不可重新生成")
    inputs = drawing.inputs_from_json(row["inputs"])
    record = inputs.record(bytes(row["seed"]), entropy)

    def fix(step: BatchStep) -> None:
        batch = step.batch
        if record.result is not None:
            ids = {e for c in record.result.cases for e in (*c.main, *c.backups)}
            pool = {e.aggregate.id: e.aggregate for e in EXPERTS.load_many(session, ids).values()}
            batch.record_draw_result(drawing.drawn_result(row["id"], record.result, pool), step.now)
            status, reason = "fixed", ""
        else:
            reason = record.failure or "专家库不能满足抽取规则"
            for case_id in batch.record_draw_failure(row["id"], reason, step.now):
                step.cases[case_id].release(batch.id, step.now)
            status = "failed"
        text = draw.record_to_json(record)
        values = {
            "status": status,
            "witness_entropy": entropy,
            "witnessed_by": principal.subject,
            "witnessed_by_name": principal.name,
            "witnessed_at": step.now,
            "record": text,
            "reason": reason,
            "ended_at": step.now,
        }
        repository.update_draw(session, row["id"], row["version"], values)
        step.facts |= {
            "draw": row["id"],
            "outcome": status,
            "seed_commitment": row["seed_commitment"],
            "record_sha256": hashlib.sha256(text.encode()).hexdigest(),
        }

    act_on_batch(session, principal, row["batch_id"], "draw.witnessed", fix, ctx)
    return get_draw(session, principal, row["id"])


def cancel_draw(session: Session, principal: Principal, draw_id: str, reason: str, ctx: Context) -> Shown:
    """Before the witness only; the reason is on the draw's record and the batch."""
    require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以取消抽取")
    row = _load_draw(session, principal, draw_id, lock=True)
    if row["status"] != "open":
        raise Conflict("抽取结果已产生或抽取已结束，不能取消；如需停止评查，请取消整个评查批次")

    def cancel(step: BatchStep) -> None:
        for case_id in step.batch.cancel_draw(principal, commands.CancelDraw(row["id"], reason), step.now):
            step.cases[case_id].release(step.batch.id, step.now)
        stated = step.batch.draws[-1].reason
        values = {"status": "cancelled", "reason": stated, "ended_at": step.now}
        repository.update_draw(session, row["id"], row["version"], values)
        step.facts |= {"draw": row["id"], "reason_given": True}

    act_on_batch(session, principal, row["batch_id"], "draw.cancelled", cancel, ctx)
    return get_draw(session, principal, row["id"])


# --- reading, verifying, printing --------------------------------------------------------------------------


def _record(row: dict[str, Any]) -> draw.DrawRecord | None:
    return draw.record_from_json(row["record"]) if row["record"] else None


def _names(session: Session, ids: set[str]) -> dict[str, dict[str, str]]:
    return {
        expert_id: {"name": e.aggregate.name, "category": e.aggregate.category.value}
        for expert_id, e in EXPERTS.load_many(session, ids).items()
    }


def draw_document(session: Session, row: dict[str, Any]) -> dict[str, Any]:
    """The draw as the organizers and the station see it: the commitments from the start; the seed, the
    entropy, the exclusions and the result with names once the witness fixed it."""
    inputs = drawing.inputs_from_json(row["inputs"])
    record = _record(row)
    out: dict[str, Any] = {
        "id": row["id"],
        "batch_id": row["batch_id"],
        "status": row["status"],
        "algorithm": draw.ALGORITHM,
        "seed_commitment": row["seed_commitment"],
        "pool_snapshot_hash": row["pool_snapshot_hash"],
        "rules_hash": row["rules_hash"],
        "pool_size": len(inputs.pool),
        "cases": list(inputs.cases),
        "rules": draw.rules_fields(inputs.rules),
        "begun_by": row["begun_by"],
        "begun_by_name": row["begun_by_name"],
        "begun_at": row["begun_at"].isoformat(),
        "witnessed_by": row["witnessed_by"],
        "witnessed_by_name": row["witnessed_by_name"],
        "witnessed_at": row["witnessed_at"].isoformat() if row["witnessed_at"] else None,
        "ended_at": row["ended_at"].isoformat() if row["ended_at"] else None,
        "reason": row["reason"],
        "seed": None,
        "witness_entropy": None,
        "exclusions": [],
        "result": None,
        "shortfalls": [],
    }
    if record is None:
        return out
    ids = {x.expert_id for x in record.exclusions}
    if record.result is not None:
        ids |= {e for c in record.result.cases for e in (*c.main, *c.backups)}
    names = _names(session, ids)

    def who(expert_id: str) -> dict[str, str]:
        return {"expert_id": expert_id, **names.get(expert_id, {"name": "", "category": ""})}

    out |= {
        "seed": record.seed.hex(),
        "witness_entropy": record.witness_entropy.hex(),
        "exclusions": [
            {
                **who(x.expert_id),
                "case_id": x.case_id,
                "reasons": [{"code": str(r.code), "text": r.text} for r in x.reasons],
            }
            for x in record.exclusions
        ],
        "failure": record.failure,
    }
    if record.result is not None:
        out["result"] = [
            {"case_id": c.case_id, "main": [who(e) for e in c.main], "backups": [who(e) for e in c.backups]}
            for c in record.result.cases
        ]
        out["shortfalls"] = list(record.result.shortfalls)
    return out


def get_draw(session: Session, principal: Principal, draw_id: str) -> Shown:
    row = _load_draw(session, principal, draw_id)
    return Shown(row["id"], int(row["version"]), json.dumps(draw_document(session, row), ensure_ascii=False))


def verify_draw(session: Session, principal: Principal, draw_id: str) -> Shown:
    """Recompute the draw from its stored record alone."""
    row = _load_draw(session, principal, draw_id)
    record = _record(row)
    if record is None:
        raise Conflict("该抽取尚未见证，没有可核验的抽取记录")
    checked = draw.verify(record)
    body = {
        "id": row["id"],
        "algorithm": record.algorithm,
        "ok": checked.ok,
        "problems": list(checked.problems),
        "seed_commitment": record.seed_commitment,
        "pool_snapshot_hash": record.pool_snapshot_hash,
        "recomputed": None
        if checked.recomputed is None
        else [
            {"case_id": c.case_id, "main": list(c.main), "backups": list(c.backups)} for c in checked.recomputed.cases
        ],
    }
    return Shown(row["id"], int(row["version"]), json.dumps(body, ensure_ascii=False))


@dataclass(frozen=True)
class RecordFile:
    json: str
    pdf: bytes


def draw_record(session: Session, principal: Principal, draw_id: str) -> RecordFile:
    """The record for ``wulian draw verify`` and the printable record (PDF) for signatures."""
    row = _load_draw(session, principal, draw_id)
    record = _record(row)
    if record is None:
        raise Conflict("该抽取尚未见证，尚无抽取记录")
    batch = BATCHES.load(session, row["batch_id"])
    assert batch is not None
    return RecordFile(
        draw.record_to_json(record), draw_pdf.render(record, _print_context(session, batch.aggregate, row, record))
    )


def _print_context(
    session: Session, batch: ReviewBatch, row: dict[str, Any], record: draw.DrawRecord
) -> draw_pdf.PrintContext:
    cases = cases_of(session, record.cases)
    pool = {m.expert_id for m in record.pool} | {x.expert_id for x in record.exclusions}
    replacements = drawing.replacements_so_far(batch) if row["status"] == "fixed" else []
    names = {e: n["name"] for e, n in _names(session, pool | {r.replacement for r in replacements}).items()}
    return draw_pdf.PrintContext(
        batch_name=batch.rules.name,
        batch_id=batch.id,
        draw_id=row["id"],
        organizer=row["begun_by_name"] or row["begun_by"],
        organizer_role=ORGANIZER_BODY,
        supervisor=f"{SUPERVISOR_BODY}（见证人：{row['witnessed_by_name'] or row['witnessed_by']}）",
        begun_at=row["begun_at"],
        witnessed_at=row["witnessed_at"],
        cases={c: draw_pdf.CaseLabel(case.number, case.details.unit_name) for c, case in cases.items()},
        experts=names,
        replacements=replacements,
        cancellation_reason=row["reason"] or None,
    )


# --- answers and replacements ----------------------------------------------------------------------------


def answer_assignment(
    session: Session, principal: Principal, batch_id: str, command: commands.AnswerAssignment, ctx: Context
) -> Shown:
    """A drawn expert accepts or declines; a decline is replaced in the same transaction by the backup
    ``draw.replace`` chooses from the fixed record (or the seat is left vacant when none fits)."""

    def answer(step: BatchStep) -> None:
        batch = step.batch
        batch.answer_assignment(principal, command, step.now)
        event = batch.events[-1]
        expert_id = getattr(event, "expert_id", "")
        step.facts |= {"case": command.case_id.strip(), "expert": expert_id, "accept": command.accept}
        if command.accept:
            return
        record = _fixed_record(session, batch)
        assert record.result is not None
        try:
            chosen = draw.replace(
                record.result, record.pool, record.rules, command.case_id.strip(), expert_id,
                drawing.replacements_so_far(batch),
            )  # fmt: skip
            replacement = chosen.replacement
        except Conflict:
            replacement = ""
        batch.record_replacement(commands.RecordReplacement(command.case_id, expert_id, replacement), step.now)
        step.facts["replacement"] = replacement or None

    return act_on_batch(session, principal, batch_id, "batch.assignment_answered", answer, ctx)


def _fixed_record(session: Session, batch: ReviewBatch) -> draw.DrawRecord:
    fixed = next((d for d in reversed(batch.draws) if d.outcome == "fixed"), None)
    row = repository.load_draw(session, fixed.draw_id) if fixed else None
    record = _record(row) if row else None
    if record is None or record.result is None:
        raise Conflict("该评查批次没有已确定的抽取结果")
    return record
