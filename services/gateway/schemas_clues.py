"""Request and response bodies of the clue (线索移送) and audit-log routes.

Kept apart from ``schemas`` (the suggestions' shapes). As there, request bodies repeat the clue service's
input limits (``services/clues/domain.py``; a unit test keeps the two in step) so that bad input is refused
before any gRPC call, and the service checks again with the last word: it alone knows the rules that span
fields (a person's work unit is required, a unit has no position) and who the caller is.

A clue is answered in the view its caller has (``view``): ``status`` for the transferring body — ids,
status, dates, a decline's reason and the feedback — or ``full`` for the discipline roles that may read
it. The full-only fields are null in the status view, so their absence is visible in the schema and no
empty string can pass for content. Hashes travel as standard base64 (as in the checkpoints' notes).
"""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from services.gateway.schemas import Strict, from_pb
from wulian.clues.v1 import clues_pb2 as pb

# As the clue service checks them (services/clues/domain.py).
SUMMARY_MAX = 200
DETAILS_MAX = 20000
NOTE_MAX = 2000
FEEDBACK_MAX = 5000
NAME_MAX = 100
ORG_MAX = 64
ATTACHMENTS_MAX = 50
ID_MAX = 64
SIZE_MAX = 2**63 - 1  # an int64 of the contract; larger would not reach the service

ClueStatus = Literal["transferred", "acknowledged", "accepted", "declined", "closed"]
SourceKind = Literal["suggestion_escalation", "case_review", "manual"]
SubjectKind = Literal["person", "unit"]
DispositionKind = Literal["talk_or_inquiry", "preliminary_verification", "case_filed", "set_aside", "concluded"]
ClueOverdueFilter = Literal["acknowledge", "feedback", "any"]
ClueView = Literal["status", "full"]

Sha256Hex = Annotated[str, Field(pattern=r"^[0-9a-fA-F]{64}$", description="附件的 SHA-256 摘要（64 位十六进制）")]


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# --- requests ---------------------------------------------------------------------------------


class ClueTransferCreate(Strict):
    """A congress official's own transfer (人工移送): the official is the caller, the source is manual."""

    summary: str = Field(min_length=1, max_length=SUMMARY_MAX, description="问题摘要（一两句话）")
    details: str = Field(
        min_length=1, max_length=DETAILS_MAX, description="问题线索详情（加密保存，仅纪检监察机关可读）"
    )
    subject_kind: SubjectKind = Field(description="被反映对象类别：person 公职人员、unit 单位")
    subject_name: str = Field(min_length=1, max_length=NAME_MAX, description="被反映人姓名或被反映单位名称")
    subject_org: str = Field(
        "", max_length=ORG_MAX, description="被反映人的工作单位（对象为公职人员时必填）；对象为单位时为其主管单位"
    )
    subject_position: str = Field("", max_length=NAME_MAX, description="被反映人的职务；对象为单位时不填")
    attachment_hashes: list[Sha256Hex] = Field(
        default_factory=list, max_length=ATTACHMENTS_MAX, description="附件的 SHA-256 摘要，附件另行移交"
    )


class ClueAcceptanceCreate(Strict):
    note: str = Field("", max_length=NOTE_MAX, description="受理意见（仅纪检监察机关可见）")


class ClueDeclineCreate(Strict):
    reason: str = Field(min_length=1, max_length=NOTE_MAX, description="不予受理的理由（告知移送机关）")


class DispositionCreate(Strict):
    kind: DispositionKind = Field(
        description="处置方式：talk_or_inquiry 谈话函询、preliminary_verification 初步核实、"
        "case_filed 立案审查调查、set_aside 暂存待查、concluded 予以了结"
    )
    note: str = Field(min_length=1, max_length=NOTE_MAX, description="处置情况")


class ClueFeedbackCreate(Strict):
    text: str = Field(min_length=1, max_length=FEEDBACK_MAX, description="反馈内容（告知移送机关，反馈即办结）")


# --- responses: the audit log -----------------------------------------------------------------


class CheckpointPublic(BaseModel):
    note: str = Field(description="签名检查点（C2SP signed-note 格式的 tlog-checkpoint：来源、规模、根哈希、签名行）")
    size: int = Field(description="审计日志的条目数（树的规模）")
    root_hash: str = Field(description="默克尔树根哈希（base64）")


class InclusionProofPublic(BaseModel):
    index: int = Field(description="审计条目序号（从 0 起）")
    size: int = Field(description="证明所对应的树规模")
    leaf_hash: str = Field(description="条目的叶哈希（base64，RFC 9162）")
    hashes: list[str] = Field(description="包含证明的哈希路径（base64）")
    checkpoint: CheckpointPublic = Field(description="证明所对应的签名检查点")


class ConsistencyProofPublic(BaseModel):
    from_size: int = Field(description="起始规模")
    to_size: int = Field(description="终止规模")
    hashes: list[str] = Field(description="一致性证明的哈希（base64，RFC 9162）")
    from_checkpoint: CheckpointPublic = Field(description="起始规模的签名检查点")
    to_checkpoint: CheckpointPublic = Field(description="终止规模的签名检查点")


def checkpoint_public(message: pb.Checkpoint) -> CheckpointPublic:
    return CheckpointPublic(note=message.note, size=message.size, root_hash=b64(message.root_hash))


def inclusion_proof_public(message: pb.InclusionProof) -> InclusionProofPublic:
    return InclusionProofPublic(
        index=message.index,
        size=message.size,
        leaf_hash=b64(message.leaf_hash),
        hashes=[b64(h) for h in message.hashes],
        checkpoint=checkpoint_public(message.checkpoint),
    )


def consistency_proof_public(message: pb.ConsistencyProof) -> ConsistencyProofPublic:
    return ConsistencyProofPublic(
        from_size=message.from_size,
        to_size=message.to_size,
        hashes=[b64(h) for h in message.hashes],
        from_checkpoint=checkpoint_public(message.from_checkpoint),
        to_checkpoint=checkpoint_public(message.to_checkpoint),
    )


# --- responses: clues -------------------------------------------------------------------------


class ClueReceiptPublic(BaseModel):
    """What the transferring body keeps: the clue's id and the proof that its transfer is on the log."""

    clue_id: str
    status: str = Field(description="线索状态：transferred 待签收")
    audit_index: int = Field(description="记录本次移送的审计条目序号")
    proof: InclusionProofPublic = Field(description="该条目在签名检查点中的包含证明")


class DispositionPublic(BaseModel):
    no: int = Field(description="处置序号")
    kind: str = Field(description="处置方式")
    note: str = Field(description="处置情况")
    recorded_at: datetime | None = Field(description="登记时间")


class ClueItemPublic(BaseModel):
    """A row of a clue list: the plain columns of the status view. A decline's reason and the feedback
    are kept sealed with the clue (they may name whom it concerns) and are read one clue at a time."""

    id: str
    view: ClueView = Field(description="可见范围：status 仅状态（移送机关），full 全部（纪检监察机关）")
    status: str = Field(
        description="transferred 待签收、acknowledged 已签收、accepted 处置中、declined 不予受理、closed 已反馈办结"
    )
    source_kind: str = Field(
        description="线索来源：suggestion_escalation 代表建议联合督办、case_review 案件质量评查、manual 人工移送"
    )
    source_ref: str = Field(description="来源编号；人工移送为空")
    official_subject: str = Field(description="移送决定人账号")
    official_role: str = Field(description="移送决定人的人大常委会职务")
    transferred_at: datetime | None = Field(description="移送时间")
    acknowledge_due_at: datetime | None = Field(description="签收期限（工作日）")
    acknowledged_at: datetime | None = Field(description="签收时间；未签收时为 null")
    accepted_at: datetime | None = Field(description="受理时间；未受理时为 null")
    feedback_due_at: datetime | None = Field(description="反馈期限（受理后起算）；未受理时为 null")
    declined_at: datetime | None = Field(description="作出不予受理决定的时间")
    feedback_given_at: datetime | None = Field(description="反馈时间")
    acknowledge_overdue: bool = Field(description="是否逾期未签收")
    feedback_overdue: bool = Field(description="是否逾期未反馈")
    version: int = Field(description="版本号，每次变更加一")


class CluePublic(ClueItemPublic):
    """One clue as its caller may see it."""

    decline_reason: str = Field(description="不予受理的理由（告知移送机关）")
    feedback: str = Field(description="反馈内容（告知移送机关）")
    # full view only: null in the status view
    summary: str | None = Field(None, description="问题摘要（仅 full）")
    details: str | None = Field(None, description="问题线索详情（仅 full；每次读取均记入审计日志）")
    subject_kind: str | None = Field(None, description="被反映对象类别（仅 full）")
    subject_name: str | None = Field(None, description="被反映人姓名或单位名称（仅 full）")
    subject_org: str | None = Field(None, description="被反映人工作单位（仅 full）")
    subject_position: str | None = Field(None, description="被反映人职务（仅 full）")
    attachment_hashes: list[str] | None = Field(None, description="附件的 SHA-256 摘要（仅 full）")
    dispositions: list[DispositionPublic] | None = Field(None, description="处置记录（仅 full）")
    acceptance_note: str | None = Field(None, description="受理意见（仅 full）")


FULL_ONLY = (
    "summary",
    "details",
    "subject_kind",
    "subject_name",
    "subject_org",
    "subject_position",
    "attachment_hashes",
    "dispositions",
    "acceptance_note",
)


class CluesPublic(BaseModel):
    items: list[ClueItemPublic] = Field(
        description="线索（仅状态；反馈、不予受理理由和详情须逐条读取）；平台管理员为空"
    )
    total: int
    next_page_token: str | None = None
    counts: dict[str, int] = Field(description="各状态的线索数；仅平台管理员，其余角色为空")


def clue_public(message: pb.Clue) -> CluePublic:
    """The clue as its caller may see it; the full-only fields are set only for the full view."""
    if message.view != "full":
        return from_pb(CluePublic, message, **dict.fromkeys(FULL_ONLY))
    dispositions = [from_pb(DispositionPublic, d) for d in message.dispositions]
    return from_pb(CluePublic, message, dispositions=dispositions)


def clues_public(message: pb.ListCluesResponse) -> CluesPublic:
    return CluesPublic(
        items=[from_pb(ClueItemPublic, m) for m in message.items],
        total=message.total,
        next_page_token=message.next_page_token or None,
        counts=dict(message.counts),
    )


def receipt_public(message: pb.TransferClueResponse) -> ClueReceiptPublic:
    return ClueReceiptPublic(
        clue_id=message.clue_id,
        status=message.status,
        audit_index=message.audit_index,
        proof=inclusion_proof_public(message.proof),
    )
