"""What the file of a clue holds, each entry a frozen value built from a checked command.

Every ``*_from`` function checks one command's input and reports every problem at once, per field
(``InvalidArgument`` with ``details`` = [{"field", "message"}]). The checks here concern the input alone;
state and actor are the aggregate's business (``model``), except that who transfers decides which
sources and officials a transfer may name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from services.clues import clocks, commands
from services.clues.domain import (
    ATTACHMENTS_MAX,
    DETAILS_MAX,
    FEEDBACK_MAX,
    NAME_MAX,
    ORG_MAX,
    REF_MAX,
    SUBJECT_MAX,
    SUMMARY_MAX,
    TRANSFERRING_ROLES,
    DispositionKind,
    SourceKind,
    SubjectKind,
    Transferor,
)
from wulian.kit.principal import ROLE_BODIES, Principal
from wulian.kit.problems import Problems

# A source reference is an identifier, never prose: events and receipts may carry it.
SOURCE_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$")
SHA256_HEX = re.compile(r"^[0-9a-fA-F]{64}$")
_SUBJECT_NAME_LABELS = {SubjectKind.PERSON: "被反映人姓名", SubjectKind.UNIT: "被反映单位名称"}


@dataclass(frozen=True, slots=True)
class ClueSubject:
    """Whom the clue concerns: a person (name, work unit, position) or a unit (name, its superior)."""

    kind: SubjectKind
    name: str
    org: str
    position: str


@dataclass(frozen=True, slots=True)
class TransferringOfficial:
    """The congress official who decided the transfer, in the role they acted in."""

    subject: str
    name: str
    role: str

    @property
    def body(self) -> str:
        return ROLE_BODIES.get(self.role, "")


@dataclass(frozen=True, slots=True)
class Transfer:
    source_kind: SourceKind
    source_ref: str
    subject: ClueSubject
    summary: str
    details: str
    attachment_hashes: tuple[str, ...]  # lower-case hex SHA-256
    official: TransferringOfficial
    transferor: Transferor
    transferred_by: str  # the caller: the official, or the service account
    transferred_at: datetime


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    acknowledged_by: str
    acknowledged_at: datetime
    due_at: datetime
    on_time: bool


@dataclass(frozen=True, slots=True)
class Acceptance:
    note: str
    accepted_by: str
    accepted_at: datetime
    feedback_due_at: datetime


@dataclass(frozen=True, slots=True)
class Decline:
    reason: str
    declined_by: str
    declined_at: datetime


@dataclass(frozen=True, slots=True)
class Disposition:
    no: int  # 1, 2, … within the clue
    kind: DispositionKind
    note: str
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class Feedback:
    text: str
    given_by: str
    given_at: datetime
    due_at: datetime
    on_time: bool


def transfer_from(
    command: commands.TransferClue, *, principal: Principal, transferor: Transferor, now: datetime
) -> Transfer:
    problems = Problems()
    source_kind = _source(problems, command, transferor)
    source_ref = _source_ref(problems, command.source_ref, required=source_kind not in (None, SourceKind.MANUAL))
    subject = _subject(problems, command)
    summary = problems.text("summary", command.summary, "问题摘要", limit=SUMMARY_MAX)
    details = problems.text("details", command.details, "问题线索详情", limit=DETAILS_MAX)
    hashes = _attachment_hashes(problems, command.attachment_hashes)
    official = _official(problems, command, principal, transferor)
    problems.raise_if_any("线索移送未通过校验")
    assert source_kind is not None and subject is not None and official is not None
    return Transfer(
        source_kind=source_kind,
        source_ref=source_ref,
        subject=subject,
        summary=summary,
        details=details,
        attachment_hashes=hashes,
        official=official,
        transferor=transferor,
        transferred_by=principal.subject,
        transferred_at=now,
    )


def _source(problems: Problems, command: commands.TransferClue, transferor: Transferor) -> SourceKind | None:
    """A service transfers from its link; an official through the gateway transfers by hand."""
    kind = problems.choice("source_kind", command.source_kind, SourceKind, "线索来源")
    if kind is SourceKind.MANUAL and transferor is Transferor.SERVICE:
        problems.add("source_kind", "经办系统移送的线索须注明来源环节，不能是人工移送")
        return None
    if kind is not None and kind is not SourceKind.MANUAL and transferor is Transferor.OFFICIAL:
        problems.add("source_kind", "通过平台直接移送的线索，来源只能是人工移送")
        return None
    return kind


def _source_ref(problems: Problems, value: str, *, required: bool) -> str:
    ref = value.strip()
    if not ref:
        if required:
            problems.add("source_ref", "来源编号不能为空")
    elif len(ref) > REF_MAX:
        problems.add("source_ref", f"来源编号不能超过 {REF_MAX} 个字符")
    elif SOURCE_REF.fullmatch(ref) is None:
        problems.add("source_ref", "来源编号只能由字母、数字和 . _ : / - 组成")
    return ref


def _subject(problems: Problems, command: commands.TransferClue) -> ClueSubject | None:
    kind = problems.choice("subject_kind", command.subject_kind, SubjectKind, "被反映对象类别")
    name_label = _SUBJECT_NAME_LABELS[kind] if kind is not None else "被反映对象名称"
    name = problems.text("subject_name", command.subject_name, name_label, limit=NAME_MAX)
    person = kind is SubjectKind.PERSON
    org_label = "被反映人工作单位" if person else "被反映单位的主管单位"
    org = problems.text("subject_org", command.subject_org, org_label, required=person, limit=ORG_MAX)
    position = problems.text("subject_position", command.subject_position, "职务", required=False, limit=NAME_MAX)
    if kind is SubjectKind.UNIT and position:
        problems.add("subject_position", "被反映对象是单位时不填写职务")
    if kind is None:
        return None
    return ClueSubject(kind=kind, name=name, org=org, position=position)


def _attachment_hashes(problems: Problems, values: tuple[str, ...]) -> tuple[str, ...]:
    hashes = tuple(value.strip().lower() for value in values)
    bad = [str(i + 1) for i, value in enumerate(hashes) if SHA256_HEX.fullmatch(value) is None]
    if len(hashes) > ATTACHMENTS_MAX:
        problems.add("attachment_hashes", f"附件不能超过 {ATTACHMENTS_MAX} 个")
    elif bad:
        problems.add("attachment_hashes", f"第 {'、'.join(bad)} 个附件的摘要不是 64 位十六进制的 SHA-256 值")
    elif len(set(hashes)) != len(hashes):
        problems.add("attachment_hashes", "附件不能重复")
    return hashes


def _official(
    problems: Problems, command: commands.TransferClue, principal: Principal, transferor: Transferor
) -> TransferringOfficial | None:
    if transferor is Transferor.OFFICIAL:
        return _caller_as_official(problems, command, principal)
    subject = problems.text("official_subject", command.official_subject, "移送决定人", limit=SUBJECT_MAX)
    name = problems.text("official_name", command.official_name, "移送决定人姓名", required=False, limit=NAME_MAX)
    role = command.official_role.strip()
    if role not in TRANSFERRING_ROLES:
        problems.add("official_role", "移送决定人须是人大常委会联络人员、专（工）委或领导")
        return None
    return TransferringOfficial(subject=subject, name=name, role=role)


def _caller_as_official(
    problems: Problems, command: commands.TransferClue, principal: Principal
) -> TransferringOfficial | None:
    """Through the gateway the caller is the official; the fields may be left empty or name the caller."""
    subject = command.official_subject.strip()
    if subject and subject != principal.subject:
        problems.add("official_subject", "直接移送线索的，移送决定人只能是本人")
    name = problems.text("official_name", command.official_name, "移送决定人姓名", required=False, limit=NAME_MAX)
    held = [r for r in TRANSFERRING_ROLES if r in principal.roles]
    role = command.official_role.strip() or held[0]
    if role not in held:
        problems.add("official_role", "移送决定人身份须是您本人担任的人大常委会职务")
        return None
    return TransferringOfficial(subject=principal.subject, name=principal.name or name, role=role)


def acceptance_from(command: commands.AcceptClue, *, accepted_by: str, now: datetime, due_at: datetime) -> Acceptance:
    problems = Problems()
    note = problems.text("note", command.note, "受理意见", required=False)
    problems.raise_if_any("受理意见未通过校验")
    return Acceptance(note=note, accepted_by=accepted_by, accepted_at=now, feedback_due_at=due_at)


def decline_from(command: commands.DeclineClue, *, declined_by: str, now: datetime) -> Decline:
    problems = Problems()
    reason = problems.text("reason", command.reason, "不予受理的理由")
    problems.raise_if_any("不予受理的理由未通过校验")
    return Decline(reason=reason, declined_by=declined_by, declined_at=now)


def disposition_from(command: commands.RecordDisposition, *, no: int, recorded_by: str, now: datetime) -> Disposition:
    problems = Problems()
    kind = problems.choice("kind", command.kind, DispositionKind, "处置方式")
    note = problems.text("note", command.note, "处置情况")
    problems.raise_if_any("处置记录未通过校验")
    assert kind is not None
    return Disposition(no=no, kind=kind, note=note, recorded_by=recorded_by, recorded_at=now)


def feedback_from(command: commands.GiveFeedback, *, given_by: str, now: datetime, due_at: datetime) -> Feedback:
    problems = Problems()
    text = problems.text("text", command.text, "反馈内容", limit=FEEDBACK_MAX)
    problems.raise_if_any("反馈未通过校验")
    return Feedback(text=text, given_by=given_by, given_at=now, due_at=due_at, on_time=clocks.in_time(now, due_at))
