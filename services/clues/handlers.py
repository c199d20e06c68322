"""Use cases of the clue service: load the clue, let it decide, save it sealed with its events and its
audit entries, all in one transaction.

Every step of a clue — its transfer, the commission's steps, each deadline notice — and every read of
its contents appends an entry to the service's audit log (``wulian.kit.audit``) and signs a new
checkpoint, in the transaction of the step itself, so the step and its trace commit together or not
at all. An audit entry holds who did what to which clue and when, and the SHA-256 of the sealed
document it left: never the contents.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from services.clues import commands, domain, repository
from services.clues.clocks import DEFAULT_ACKNOWLEDGE_DAYS, DEFAULT_CALENDAR, DEFAULT_FEEDBACK_DAYS, WorkCalendar
from services.clues.domain import View
from services.clues.model import Clue
from services.clues.repository import ListFilter, Stored
from wulian.clues.v1 import events_pb2
from wulian.kit.audit import log as audit_log
from wulian.kit.audit.checkpoint import Signer
from wulian.kit.clock import Clock, utc_now
from wulian.kit.context import current_request_id
from wulian.kit.errors import InvalidArgument, NotFound, PermissionDenied
from wulian.kit.events.envelope import event_meta
from wulian.kit.events.messages import SYSTEM, EventMessages
from wulian.kit.events.outbox import add_many_to_outbox
from wulian.kit.paging import DEFAULT_PAGE_SIZE, encode_page_token, page_problems
from wulian.kit.principal import Principal

MESSAGES = EventMessages(events_pb2, service="clues", aggregate_type="clue", id_field="clue_id")
CHECKPOINT_SUBJECT = "wulian.clues.audit.checkpoint"
OVERDUE_FILTERS = ("", "acknowledge", "feedback", "any")

Action = Callable[[Clue, datetime], None]


@dataclass(frozen=True)
class Keys:
    """The service's secrets: the commission's sealing key pair and the audit log's signing key."""

    private_key: RSAPrivateKey
    public_key: RSAPublicKey
    signer: Signer
    origin: str  # the audit log's name in its checkpoints


@dataclass(frozen=True, slots=True)
class Rules:
    acknowledge_days: int = DEFAULT_ACKNOWLEDGE_DAYS
    feedback_days: int = DEFAULT_FEEDBACK_DAYS
    calendar: WorkCalendar = DEFAULT_CALENDAR


DEFAULT_RULES = Rules()


@dataclass(frozen=True, slots=True)
class Proof:
    index: int
    size: int
    leaf_hash: bytes
    hashes: list[bytes]
    checkpoint: str


@dataclass(frozen=True, slots=True)
class Receipt:
    """What a transferring body gets back: the clue, and the audit entry of its transfer with the proof
    that the signed checkpoint includes it."""

    clue_id: str
    status: str
    proof: Proof


@dataclass(frozen=True, slots=True)
class Shown:
    """A clue as one caller may see it."""

    clue: Clue
    version: int
    view: View


# --- the audit trail -----------------------------------------------------------------------------


def audit_entry(action: str, clue_id: str, actor: Principal | None, at: datetime, sealed: bytes = b"") -> bytes:
    """One audit entry: canonical JSON of who did what to which clue, and when; never the contents."""
    who = actor or SYSTEM
    record: dict[str, Any] = {
        "v": 1,
        "action": action,
        "clue": clue_id,
        "actor": who.subject,
        "roles": sorted(who.roles),
        "at": at.astimezone(UTC).isoformat(),
        "request": current_request_id(),
    }
    if sealed:
        record["sealed_sha256"] = hashlib.sha256(sealed).hexdigest()
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _append_and_sign(session: Session, entries: list[bytes], keys: Keys) -> range:
    """Append ``entries``, sign the new checkpoint and publish it (outbox), in the caller's transaction."""
    indexes = audit_log.append(session, entries)
    note = audit_log.sign_checkpoint(session, keys.signer, keys.origin)
    meta = event_meta(actor=SYSTEM, aggregate_type="audit_log", aggregate_id=keys.origin, audience=[])
    event = events_pb2.AuditCheckpoint(meta=meta, note=note, size=indexes.stop, origin=keys.origin)
    add_many_to_outbox(session, [(CHECKPOINT_SUBJECT, event, current_request_id())])
    return indexes


def _commit(session: Session, clue: Clue, actor: Principal | None, entries: list[bytes], keys: Keys) -> range:
    rows = MESSAGES.to_outbox_rows(clue.events, actor=actor, request_id=current_request_id())
    if rows:
        add_many_to_outbox(session, rows)
    indexes = _append_and_sign(session, entries, keys)
    session.commit()
    clue.events.clear()
    return indexes


def proof_of(session: Session, index: int, size: int = 0) -> Proof:
    """The inclusion proof of entry ``index`` against the checkpoint of ``size`` (default: the latest)."""
    note = audit_log.checkpoint_at(session, size) if size else audit_log.latest_checkpoint(session)
    if note is None:
        raise NotFound("该规模的审计检查点不存在")
    tree_size = size or _size_of(note)
    if not 0 <= index < tree_size:
        raise NotFound("该审计条目不在检查点范围内")
    leaf = audit_log.entry(session, index).leaf_hash
    return Proof(index, tree_size, leaf, audit_log.inclusion_proof(session, index, tree_size), note)


def _size_of(note: str) -> int:
    return int(note.split("\n")[1])


# --- transfer ------------------------------------------------------------------------------------


def transfer(
    session: Session,
    principal: Principal,
    command: commands.TransferClue,
    keys: Keys,
    clock: Clock = utc_now,
    rules: Rules = DEFAULT_RULES,
) -> Receipt:
    """Make the clue, seal it, record its transfer; a retry from the same source gets the same receipt."""
    now = clock()
    clue = Clue.transfer(
        str(uuid.uuid4()), principal, command, now, acknowledge_days=rules.acknowledge_days, calendar=rules.calendar
    )
    key = repository.source_key(clue)
    if key is not None and (earlier := repository.by_source(session, key)) is not None:
        return _receipt_again(session, earlier)
    sealed = repository.seal_document(clue, keys.public_key)
    entry = audit_entry("transfer", clue.id, principal, now, sealed)
    try:
        indexes = _append_and_sign(session, [entry], keys)
        repository.insert_new(session, clue, sealed, indexes.start)
        add_many_to_outbox(
            session, MESSAGES.to_outbox_rows(clue.events, actor=principal, request_id=current_request_id())
        )
        session.commit()
    except IntegrityError:  # the same source's transfer committed meanwhile
        session.rollback()
        earlier = repository.by_source(session, key) if key else None
        if earlier is None:
            raise
        return _receipt_again(session, earlier)
    return Receipt(clue.id, clue.status.value, proof_of(session, indexes.start))


def _receipt_again(session: Session, earlier: Stored) -> Receipt:
    return Receipt(earlier.id, str(earlier.row["status"]), proof_of(session, int(earlier.row["transfer_audit_index"])))


# --- the commission's steps ----------------------------------------------------------------------


def _readable(session: Session, principal: Principal, clue_id: str, keys: Keys) -> tuple[Clue, int, View]:
    stored = repository.load(session, clue_id)
    if stored is None:
        raise NotFound("未找到该线索")
    clue = stored.open(keys.private_key)
    return clue, stored.version, domain.ensure_readable(clue.view_for(principal))


def act(
    session: Session,
    principal: Principal,
    clue_id: str,
    action_name: str,
    action: Action,
    keys: Keys,
    clock: Clock = utc_now,
) -> Shown:
    """Load a clue the caller may see, apply ``action`` (an aggregate method), save it sealed with its
    events and its audit entry; a concurrent save of the same clue makes this one fail with Conflict."""
    clue, version, view = _readable(session, principal, clue_id, keys)
    now = clock()
    action(clue, now)
    version, sealed = repository.save(session, clue, version, keys.public_key)
    _commit(session, clue, principal, [audit_entry(action_name, clue.id, principal, now, sealed)], keys)
    return Shown(clue, version, view)


def acknowledge(session: Session, principal: Principal, clue_id: str, keys: Keys, clock: Clock = utc_now) -> Shown:
    return act(session, principal, clue_id, "acknowledge", lambda c, now: c.acknowledge(principal, now), keys, clock)


def accept(
    session: Session,
    principal: Principal,
    clue_id: str,
    command: commands.AcceptClue,
    keys: Keys,
    clock: Clock = utc_now,
    rules: Rules = DEFAULT_RULES,
) -> Shown:
    def accept_(clue: Clue, now: datetime) -> None:
        clue.accept(principal, command, now, feedback_days=rules.feedback_days)

    return act(session, principal, clue_id, "accept", accept_, keys, clock)


def raise_deadlines(session: Session, clue_id: str, keys: Keys, clock: Clock = utc_now) -> int:
    """Raise a clue's due deadline notices, each exactly once, each an audit entry of the scheduler."""
    stored = repository.load(session, clue_id)
    if stored is None:
        return 0
    clue = stored.open(keys.private_key)
    now = clock()
    raised = clue.raise_due_deadlines(now)
    if not raised:
        return 0
    _, sealed = repository.save(session, clue, stored.version, keys.public_key)
    entries = [audit_entry(event.name, clue.id, None, now, sealed) for event in raised]
    _commit(session, clue, None, entries, keys)
    return len(raised)


# --- reading -------------------------------------------------------------------------------------


def get(session: Session, principal: Principal, clue_id: str, keys: Keys, clock: Clock = utc_now) -> Shown:
    """One clue as the caller may see it. A read of its contents is itself an audit entry."""
    clue, version, view = _readable(session, principal, clue_id, keys)
    if view is View.FULL:
        _append_and_sign(session, [audit_entry("read", clue.id, principal, clock())], keys)
        session.commit()
    return Shown(clue, version, view)


@dataclass(frozen=True, slots=True)
class Page:
    items: list[Stored]
    next_page_token: str
    total: int
    counts: dict[str, int]


def list_clues(
    session: Session,
    principal: Principal,
    *,
    page_size: int,
    page_token: str,
    filters: ListFilter,
    clock: Clock = utc_now,
) -> Page:
    """The caller's list: rows of plain columns only (contents are read one clue at a time, audited);
    platform_admin gets the counts per status and no rows."""
    scope = domain.list_scope(principal)
    if scope is domain.ListScope.NONE:
        raise PermissionDenied("您的角色无权查看线索")
    offset, problems = page_problems(page_size, page_token)
    problems += filter_problems(filters)
    if problems:
        raise InvalidArgument("查询条件未通过校验", details=problems)
    if scope is domain.ListScope.COUNTS:
        counts = repository.counts_by_status(session)
        return Page([], "", sum(counts.values()), counts)
    limit = page_size or DEFAULT_PAGE_SIZE
    items, total = repository.list_in_scope(
        session,
        scope=scope,
        bodies=domain.transferring_bodies(principal),
        filters=filters,
        now=clock(),
        offset=offset,
        limit=limit,
    )
    next_token = encode_page_token(offset + limit) if offset + limit < total else ""
    return Page(items, next_token, total, {})


def filter_problems(filters: ListFilter) -> list[dict[str, str]]:
    problems = []
    if filters.overdue not in OVERDUE_FILTERS:
        problems.append({"field": "overdue", "message": "逾期筛选只能是 acknowledge、feedback 或 any"})
    if filters.status and filters.status not in domain.Status.__members__.values():
        problems.append({"field": "status", "message": "状态不在可选范围内"})
    if filters.source_kind and filters.source_kind not in domain.SourceKind.__members__.values():
        problems.append({"field": "source_kind", "message": "线索来源不在可选范围内"})
    return problems


# --- the audit log, for witnesses and auditors ---------------------------------------------------


def checkpoint(session: Session) -> str:
    note = audit_log.latest_checkpoint(session)
    if note is None:
        raise NotFound("审计日志尚无检查点")
    return note


def consistency(session: Session, from_size: int, to_size: int) -> tuple[list[bytes], str, str]:
    """The proof that the log at ``to_size`` (default: latest) extends it at ``from_size``, with both
    checkpoints; only sizes the log signed a checkpoint for are answered."""
    to_note = audit_log.checkpoint_at(session, to_size) if to_size else audit_log.latest_checkpoint(session)
    from_note = audit_log.checkpoint_at(session, from_size) if from_size else None
    if to_note is None or (from_size and from_note is None):
        raise NotFound("该规模的审计检查点不存在")
    to_size = _size_of(to_note)
    if not 0 < from_size <= to_size:
        detail = [{"field": "from", "message": "起始规模须大于 0 且不大于终止规模"}]
        raise InvalidArgument("一致性证明的参数无效", details=detail)
    return audit_log.consistency_proof(session, from_size, to_size), from_note or "", to_note
