"""Who sees what of a bulletin (通报): how much of it a caller sees (``bulletin_access``), the read model
(``bulletin_view``), which bulletins a caller's list holds (``visible_bulletins``), those still to be read
(``awaits_acknowledgement``) and the counts (``bulletin_counts``). Pure: no I/O.

The sender's staff see everything (FULL); a recipient body's staff see the bulletin and their own body's
acknowledgements only, and of a withdrawn one no longer the text (LIMITED); ``platform_admin`` counts;
nobody else anything (not found).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from services.consultation.bulletins import (
    BULLETIN_KIND_LABELS,
    BULLETIN_STATUS_LABELS,
    Acknowledgement,
    Bulletin,
    BulletinAction,
    BulletinKind,
    BulletinStatus,
    Withdrawal,
)
from services.consultation.domain import BODY_LABELS, Body, View, counts_only, ensure_readable, status_counts
from wulian.kit.principal import Principal


def bulletin_access(principal: Principal, bulletin: Bulletin) -> View:
    if bulletin.is_sender(principal):
        return View.FULL
    if bulletin.recipient_body(principal) is not None:
        return View.LIMITED
    return View.COUNTS if counts_only(principal) else View.NONE


@dataclass(frozen=True, slots=True)
class BodyReading:
    """Whether a recipient body has read the bulletin: who first and when, and everyone who did."""

    body: Body
    body_label: str
    read: bool
    first_reader_name: str
    first_read_at: datetime | None
    readers: tuple[Acknowledgement, ...]


@dataclass(frozen=True, slots=True)
class BulletinView:
    id: str
    sender: Body
    sender_label: str
    kind: BulletinKind
    kind_label: str
    title: str
    text: str  # "" for a recipient once the bulletin is withdrawn
    recipients: tuple[Body, ...]
    recipient_labels: tuple[str, ...]
    issued_by: str
    issued_by_name: str
    issued_at: datetime
    status: BulletinStatus
    status_label: str
    withdrawal: Withdrawal | None
    readings: tuple[BodyReading, ...]  # every recipient for the sender; a recipient's own body otherwise
    acknowledgement: Acknowledgement | None  # the caller's own
    access: View
    actions: tuple[BulletinAction, ...]


def _reading(bulletin: Bulletin, body: Body) -> BodyReading:
    readers = bulletin.readers(body)
    first = readers[0] if readers else None
    return BodyReading(
        body=body,
        body_label=BODY_LABELS[body],
        read=first is not None,
        first_reader_name=first.name if first else "",
        first_read_at=first.at if first else None,
        readers=readers,
    )


def available_actions(bulletin: Bulletin, principal: Principal) -> tuple[BulletinAction, ...]:
    if bulletin.status is not BulletinStatus.ISSUED:
        return ()
    if bulletin.is_sender(principal):
        return (BulletinAction.WITHDRAW,)
    return (BulletinAction.ACKNOWLEDGE,) if awaits_acknowledgement(bulletin, principal) else ()


def bulletin_view(bulletin: Bulletin, principal: Principal) -> BulletinView:
    """The bulletin as ``principal`` may see it (``NotFound`` for whoever sees nothing of it)."""
    access = ensure_readable(bulletin_access(principal, bulletin), message="未找到该通报")
    full = access is View.FULL
    own = bulletin.recipient_body(principal)
    shown = bulletin.recipients if full else tuple(body for body in bulletin.recipients if body is own)
    withdrawn = bulletin.status is BulletinStatus.WITHDRAWN
    return BulletinView(
        id=bulletin.id,
        sender=bulletin.sender,
        sender_label=BODY_LABELS[bulletin.sender],
        kind=bulletin.kind,
        kind_label=BULLETIN_KIND_LABELS[bulletin.kind],
        title=bulletin.title,
        text=bulletin.text if full or not withdrawn else "",
        recipients=bulletin.recipients,
        recipient_labels=tuple(BODY_LABELS[body] for body in bulletin.recipients),
        issued_by=bulletin.issued_by,
        issued_by_name=bulletin.issued_by_name,
        issued_at=bulletin.issued_at,
        status=bulletin.status,
        status_label=BULLETIN_STATUS_LABELS[bulletin.status],
        withdrawal=bulletin.withdrawal,
        readings=tuple(_reading(bulletin, body) for body in shown),
        acknowledgement=bulletin.acknowledgement_of(principal),
        access=access,
        actions=available_actions(bulletin, principal),
    )


def awaits_acknowledgement(bulletin: Bulletin, principal: Principal) -> bool:
    """An issued bulletin to ``principal``'s body that ``principal`` has not acknowledged (未阅)."""
    return (
        bulletin.status is BulletinStatus.ISSUED
        and not bulletin.is_sender(principal)
        and bulletin.recipient_body(principal) is not None
        and bulletin.acknowledgement_of(principal) is None
    )


def visible_bulletins(bulletins: Iterable[Bulletin], principal: Principal) -> list[Bulletin]:
    """The rows of ``principal``'s list: sent by or to its bodies (none for counts: see ``bulletin_counts``)."""
    return [bulletin for bulletin in bulletins if bulletin_access(principal, bulletin) >= View.LIMITED]


def bulletin_counts(bulletins: Iterable[Bulletin]) -> dict[BulletinStatus, int]:
    return status_counts(BulletinStatus, (bulletin.status for bulletin in bulletins))
