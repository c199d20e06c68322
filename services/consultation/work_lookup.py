"""Before an item of a plan is linked to work done in another link, that work is looked up in the service that
owns it: an appraisal, a livelihood project or a ballot session in the evaluation service, a review batch in the
case-review service (``other`` work is kept by nobody and is not looked up).

The lookup carries the caller's own token (and request id), not a service account's: a clerk links only work
they may see. The owner's "not found" or "not yours to see" becomes the same refusal for the caller (422 on
``ref``: the link form's field is what is wrong, not the plan), with nothing written. While the owner cannot be
reached nothing is written either: ``Unavailable`` (503). The owner must answer within the incoming
call's own deadline, less a share kept for the write (``lookup_timeout``), so a slow owner is reported as
such rather than the caller's call running out. A link given without a title takes the work's own name.

The domain (``plans.Plan.link_work``) still checks the link's form; this module is the edge that asks the
owners, used by the servicer before the write.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import grpc

from services.consultation.plan_commands import LinkWork
from services.consultation.plan_records import WORK_KIND_LABELS, WORK_REF, WorkKind
from wulian.case_review.v1 import case_review_pb2
from wulian.case_review.v1.case_review_pb2_grpc import CaseReviewServiceStub
from wulian.evaluation.v1 import evaluation_pb2
from wulian.evaluation.v1.evaluation_pb2_grpc import EvaluationServiceStub
from wulian.kit.errors import DomainError, InvalidArgument, Unauthenticated, Unavailable
from wulian.kit.grpc_client import open_channel, with_call_context


@dataclass(frozen=True, slots=True)
class Lookup:
    """Where work of one kind is kept: the owning service, the RPC that reads one by id, and where its name
    is in the read model (the ``Document``'s JSON)."""

    kind: WorkKind
    service: str
    method: str
    title_path: tuple[str, ...]

    @property
    def label(self) -> str:
        return WORK_KIND_LABELS[self.kind]


LOOKUPS: dict[WorkKind, Lookup] = {
    WorkKind.APPRAISAL: Lookup(WorkKind.APPRAISAL, "evaluation", "GetAppraisal", ("name",)),
    WorkKind.PROJECT: Lookup(WorkKind.PROJECT, "evaluation", "GetProject", ("summary", "title")),
    WorkKind.BALLOT_SESSION: Lookup(WorkKind.BALLOT_SESSION, "evaluation", "GetBallotSession", ("title",)),
    WorkKind.REVIEW_BATCH: Lookup(WorkKind.REVIEW_BATCH, "case_review", "GetBatch", ("name",)),
}
OWNER_SERVICES = ("evaluation", "case_review")

# The owner's answers that mean "no such work for this caller": the same refusal, whichever it was.
REFUSED = frozenset({grpc.StatusCode.NOT_FOUND, grpc.StatusCode.PERMISSION_DENIED, grpc.StatusCode.INVALID_ARGUMENT})

# The owner's Document as JSON, for a lookup, a ref and the seconds it may take (None: the service's own
# deadline); raises ``grpc.aio.AioRpcError`` as the call did.
FindWork = Callable[[Lookup, str, float | None], Awaitable[str]]

# Of what is left of the incoming call when the lookup starts, the share kept for the write that follows.
KEPT_FOR_THE_WRITE = 0.2


def lookup_timeout(remaining_s: float | None) -> float | None:
    """How long the owner may take: within the incoming call's own deadline (``remaining_s`` left of it), less
    a share for the write; None when the incoming call has no deadline (the service's own then applies)."""
    if remaining_s is None:
        return None
    return max(0.0, remaining_s * (1 - KEPT_FOR_THE_WRITE))


def lookup_of(command: LinkWork) -> Lookup | None:
    """The lookup the link needs: none for ``other`` work, nor for a kind or ref the plan refuses anyway."""
    try:
        kind = WorkKind(command.kind)
    except ValueError:
        return None
    if not WORK_REF.fullmatch(command.ref.strip()):
        return None
    return LOOKUPS.get(kind)


def refusal(lookup: Lookup, code: grpc.StatusCode) -> DomainError:
    """What the caller is told when the owner did not show the work."""
    if code in REFUSED:
        message = f"未找到要关联的{lookup.label}（或您无权查看）"
        return InvalidArgument(message, details=[{"field": "ref", "message": message}])
    if code is grpc.StatusCode.UNAUTHENTICATED:
        return Unauthenticated("登录已过期，请重新登录后再关联")
    return Unavailable(f"暂时无法核实要关联的{lookup.label}，请稍后再试（未作关联）")


def chosen_title(given: str, lookup: Lookup, document_json: str) -> str:
    """The title given, or (none given) the work's own name; "" when the document has none (the plan then
    asks for a title)."""
    if given.strip():
        return given
    value: Any = _loaded(document_json)
    for key in lookup.title_path:
        value = value.get(key) if isinstance(value, dict) else None
    return value if isinstance(value, str) else ""


def _loaded(document_json: str) -> Any:
    try:
        return json.loads(document_json)
    except ValueError:
        return None


async def checked(command: LinkWork, find: FindWork, remaining_s: float | None = None) -> LinkWork:
    """``command`` once its work has been found in its own link, titled from it when no title was given;
    the refusal (``refusal``) when it was not. ``remaining_s``: what is left of the incoming call's deadline."""
    lookup = lookup_of(command)
    if lookup is None:
        return command
    try:
        document_json = await find(lookup, command.ref.strip(), lookup_timeout(remaining_s))
    except grpc.aio.AioRpcError as error:
        raise refusal(lookup, error.code()) from error
    return replace(command, title=chosen_title(command.title, lookup, document_json))


_STUBS: dict[str, tuple[Callable[[grpc.aio.Channel], object], Callable[..., object]]] = {
    "evaluation": (EvaluationServiceStub, evaluation_pb2.Ref),
    "case_review": (CaseReviewServiceStub, case_review_pb2.Ref),
}


class WorkOwners:
    """The owners' stubs (a ``FindWork``): channels opened on first use, on the service's event loop, closed
    when the service stops (``runtime.on_stop``); every call with ``deadline_s`` and the ambient caller's
    token and request id (``wulian.kit.grpc_client``)."""

    def __init__(self, addresses: Mapping[str, str], deadline_s: float) -> None:
        self.addresses = dict(addresses)
        self.deadline_s = deadline_s
        self._channels: dict[str, grpc.aio.Channel] = {}
        self._stubs: dict[str, Any] = {}

    async def __call__(self, lookup: Lookup, ref: str, timeout_s: float | None = None) -> str:
        stub_type, ref_type = _STUBS[lookup.service]
        timeout = self.deadline_s if timeout_s is None else min(self.deadline_s, timeout_s)
        document = await getattr(self._stub(lookup.service, stub_type), lookup.method)(
            ref_type(id=ref), timeout=timeout
        )
        return str(document.json)

    def _stub(self, service: str, stub_type: Callable[[grpc.aio.Channel], object]) -> Any:
        if service not in self._stubs:
            self._channels[service] = open_channel(self.addresses[service])
            self._stubs[service] = with_call_context(stub_type(self._channels[service]), self.deadline_s)
        return self._stubs[service]

    async def close(self) -> None:
        channels, self._channels, self._stubs = list(self._channels.values()), {}, {}
        for channel in channels:
            await channel.close()
