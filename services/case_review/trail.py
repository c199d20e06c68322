"""The audit trail of the case-review link, and the commit that writes a step with its events and its trail.

Every step — each change to the expert pool, each draw's commitment, witness, failure or cancellation,
each answer, replacement and step of a batch or a finding — appends an entry to the service's audit log
(``wulian.kit.audit``: a Merkle-tree log with signed checkpoints) in the transaction of the step, so the
step and its trace commit together or not at all. The discipline station reads the trail
(``ListAuditEntries``) and can verify it with ``wulian audit verify``.

An entry says who did what to which object and when, with facts that identify without revealing: the
names of the fields that changed, never their values; a draw's commitments and the SHA-256 of its
record; never a phone or ID number, a score, a comment or a finding's text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session

from services.case_review import events as ev
from wulian.case_review.v1 import events_pb2
from wulian.kit.audit import log as audit_log
from wulian.kit.audit.checkpoint import Signer
from wulian.kit.context import current_request_id
from wulian.kit.db import stored_utc
from wulian.kit.events.envelope import event_meta
from wulian.kit.events.messages import SYSTEM, EventMessages
from wulian.kit.events.outbox import add_many_to_outbox
from wulian.kit.principal import Principal

CHECKPOINT_SUBJECT = "wulian.case_review.audit.checkpoint"
MESSAGES = {
    aggregate: EventMessages(events_pb2, service="case_review", aggregate_type=aggregate, id_field=f"{aggregate}_id")
    for aggregate in ("expert", "case", "batch", "finding")
}


@dataclass(frozen=True)
class Keys:
    signer: Signer
    origin: str  # the audit log's name in its checkpoints


def entry(action: str, kind: str, object_id: str, actor: Principal | None, at: datetime, **facts: Any) -> bytes:
    """One audit entry: canonical JSON of who did what to which object, and when."""
    who = actor or SYSTEM
    record: dict[str, Any] = {
        "v": 1,
        "action": action,
        "kind": kind,
        "id": object_id,
        "actor": who.subject,
        "roles": sorted(who.roles),
        "at": at.astimezone(UTC).isoformat(),
        "request": current_request_id(),
    }
    record |= {k: v for k, v in facts.items() if v not in (None, "", (), [])}
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def outbox_rows(events: Iterable[ev.Event], actor: Principal | None) -> list[tuple[str, Any, str]]:
    request_id = current_request_id()
    rows = []
    for event in events:
        rows += MESSAGES[event.aggregate].to_outbox_rows([event], actor=actor, request_id=request_id)
    return rows


def commit(
    session: Session, keys: Keys, actor: Principal | None, events: Iterable[ev.Event], entries: list[bytes]
) -> range:
    """Write the step's events to the outbox and its entries to the audit log, sign the new checkpoint
    (published through the outbox too), and commit; returns the indexes of the entries."""
    rows = outbox_rows(events, actor)
    indexes = audit_log.append(session, entries)
    note = audit_log.sign_checkpoint(session, keys.signer, keys.origin)
    meta = event_meta(actor=SYSTEM, aggregate_type="audit_log", aggregate_id=keys.origin, audience=[])
    checkpoint = events_pb2.AuditCheckpoint(meta=meta, note=note, size=indexes.stop, origin=keys.origin)
    add_many_to_outbox(session, [*rows, (CHECKPOINT_SUBJECT, checkpoint, current_request_id())])
    session.commit()
    return indexes


def read(session: Session, start: int, stop: int) -> list[Mapping[str, Any]]:
    """Entries ``start <= index < stop`` as the trail shows them: index, time appended, the entry."""
    return [
        {
            "index": e.index,
            "appended_at": (stored_utc(e.appended_at) or e.appended_at).isoformat(),
            "entry": json.loads(e.data),
        }
        for e in audit_log.entries(session, start, stop)
    ]
