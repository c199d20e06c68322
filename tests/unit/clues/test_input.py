"""Bad input of every kind is refused per field, every problem at once, and writes nothing."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import timedelta

import pytest

from services.clues import commands
from services.clues.domain import ATTACHMENTS_MAX, DETAILS_MAX, SourceKind, SubjectKind
from services.clues.model import Clue
from tests.unit.clues import builders as b
from wulian.kit.errors import InvalidArgument

NOW = b.FEEDBACK_AT + timedelta(days=1)
LONG_NOTE = "字" * 2001


def service(**fields: object) -> Callable[[], Clue]:
    return lambda: Clue.transfer("c-9", b.SERVICE, b.transfer_command(**fields), NOW)


def official(person: object = b.CLERK, **fields: object) -> Callable[[], Clue]:
    return lambda: Clue.transfer("c-9", person, b.manual_command(**fields), NOW)  # type: ignore[arg-type]


# (name, the transfer with bad input, the fields named in the refusal, in order)
TRANSFERS: list[tuple[str, Callable[[], Clue], list[str]]] = [
    ("nothing at all", service(source_kind="", source_ref="", subject_kind="", subject_name="", subject_org="",
        subject_position="", summary="", details="", attachment_hashes=(), official_subject="", official_name="",
        official_role=""),
     ["source_kind", "subject_kind", "subject_name", "summary", "details", "official_subject", "official_role"]),
    ("unknown source", service(source_kind="petition"), ["source_kind"]),
    ("service claims manual", service(source_kind="manual"), ["source_kind"]),
    ("official claims a link", official(source_kind="suggestion_escalation", source_ref="suggestion/s/escalation/1"),
     ["source_kind"]),
    ("official claims case review", official(source_kind="case_review", source_ref="r/1"), ["source_kind"]),
    ("no reference from a link", service(source_ref="  "), ["source_ref"]),
    ("reference is prose", service(source_ref="第3号督办件"), ["source_ref"]),
    ("reference with spaces", service(source_ref="suggestion/s 1"), ["source_ref"]),
    ("reference too long", service(source_ref="r" * 201), ["source_ref"]),
    ("manual reference is prose", official(source_ref="人大信访 12"), ["source_ref"]),
    ("unknown subject kind", service(subject_kind="company"), ["subject_kind"]),
    ("person without a name or unit", service(subject_name=" ", subject_org=""), ["subject_name", "subject_org"]),
    ("person name too long", service(subject_name="名" * 101), ["subject_name"]),
    ("work unit too long", service(subject_org="单" * 65), ["subject_org"]),
    ("position too long", service(subject_position="职" * 101), ["subject_position"]),
    ("unit with a position", service(subject_kind="unit", subject_name="市交通运输局", subject_org=""),
     ["subject_position"]),
    ("unit without a name", service(subject_kind="unit", subject_name="", subject_position=""), ["subject_name"]),
    ("empty summary", service(summary="  "), ["summary"]),
    ("summary too long", service(summary="摘" * 201), ["summary"]),
    ("empty details", service(details="\n"), ["details"]),
    ("details too long", service(details="详" * (DETAILS_MAX + 1)), ["details"]),
    ("hash not hex", service(attachment_hashes=("z" * 64,)), ["attachment_hashes"]),
    ("hash too short", service(attachment_hashes=(b.HASH_A[:63],)), ["attachment_hashes"]),
    ("hash is md5", service(attachment_hashes=("d41d8cd98f00b204e9800998ecf8427e",)), ["attachment_hashes"]),
    ("hash empty", service(attachment_hashes=("",)), ["attachment_hashes"]),
    ("hash twice", service(attachment_hashes=(b.HASH_A, b.HASH_A.upper())), ["attachment_hashes"]),
    ("too many attachments", service(attachment_hashes=tuple(f"{i:064x}" for i in range(ATTACHMENTS_MAX + 1))),
     ["attachment_hashes"]),
    ("service names nobody", service(official_subject=" "), ["official_subject"]),
    ("service names a deputy", service(official_role="deputy"), ["official_role"]),
    ("service names the commission", service(official_role="discipline_commission"), ["official_role"]),
    ("service names no role", service(official_role=""), ["official_role"]),
    ("official subject too long", service(official_subject="s" * 65), ["official_subject"]),
    ("official name too long", service(official_name="名" * 101), ["official_name"]),
    ("official names someone else", official(official_subject="leader-1"), ["official_subject"]),
    ("official claims a role not held", official(official_role="congress_leader"), ["official_role"]),
    ("official claims a foreign role", official(official_role="discipline_commission"), ["official_role"]),
    ("everything of a person at once", service(source_kind="x", subject_name="", subject_org="", summary="",
        details="", attachment_hashes=("x",), official_role="court"),
     ["source_kind", "subject_name", "subject_org", "summary", "details", "attachment_hashes", "official_role"]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "transfer", "fields"), TRANSFERS, ids=[c[0] for c in TRANSFERS])
def test_a_bad_transfer_is_refused_per_field(name: str, transfer: Callable[[], Clue], fields: list[str]) -> None:
    with pytest.raises(InvalidArgument) as caught:
        transfer()
    assert caught.value.message == "线索移送未通过校验"
    assert [d["field"] for d in caught.value.details] == fields
    assert all(d["message"] for d in caught.value.details)


def test_refusals_never_repeat_the_details() -> None:
    """A refusal goes into logs and error bodies: it names fields, it never echoes their content."""
    with pytest.raises(InvalidArgument) as caught:
        Clue.transfer("c-9", b.SERVICE, b.transfer_command(details=b.DETAILS * 400, summary=b.SUMMARY * 5), NOW)
    assert b.DETAILS[:10] not in repr(caught.value.details) and b.SUMMARY[:10] not in repr(caught.value.details)
    assert b.DETAILS[:10] not in caught.value.message


# (name, a clue where the step is legal, the step with bad input, the fields named in the refusal)
STEPS: list[tuple[str, Callable[[], Clue], Callable[[Clue], object], list[str], str]] = [
    ("accept note too long", b.acknowledged, lambda c: c.accept(b.COMMISSION, commands.AcceptClue(LONG_NOTE), NOW),
     ["note"], "受理意见未通过校验"),
    ("decline without reason", b.acknowledged, lambda c: c.decline(b.COMMISSION, commands.DeclineClue(" "), NOW),
     ["reason"], "不予受理的理由未通过校验"),
    ("decline reason too long", b.acknowledged, lambda c: c.decline(
        b.COMMISSION, commands.DeclineClue(LONG_NOTE), NOW), ["reason"], "不予受理的理由未通过校验"),
    ("disposition of no kind", b.accepted, lambda c: c.record_disposition(
        b.COMMISSION, commands.RecordDisposition("", ""), NOW), ["kind", "note"], "处置记录未通过校验"),
    ("disposition of unknown kind", b.accepted, lambda c: c.record_disposition(
        b.COMMISSION, commands.RecordDisposition("arrest", "已处置"), NOW), ["kind"], "处置记录未通过校验"),
    ("disposition label not value", b.accepted, lambda c: c.record_disposition(
        b.COMMISSION, commands.RecordDisposition("谈话函询", "已处置"), NOW), ["kind"], "处置记录未通过校验"),
    ("disposition note too long", b.accepted, lambda c: c.record_disposition(
        b.COMMISSION, commands.RecordDisposition("set_aside", LONG_NOTE), NOW), ["note"], "处置记录未通过校验"),
    ("feedback empty", b.disposed, lambda c: c.give_feedback(b.COMMISSION, commands.GiveFeedback("\t"), NOW),
     ["text"], "反馈未通过校验"),
    ("feedback too long", b.disposed, lambda c: c.give_feedback(
        b.COMMISSION, commands.GiveFeedback("反" * 5001), NOW), ["text"], "反馈未通过校验"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "build", "step", "fields", "message"), STEPS, ids=[c[0] for c in STEPS])
def test_bad_input_is_refused_per_field_and_writes_nothing(
    name: str, build: Callable[[], Clue], step: Callable[[Clue], object], fields: list[str], message: str
) -> None:
    clue = build()
    clue.events.clear()
    before = copy.deepcopy(clue)
    with pytest.raises(InvalidArgument) as caught:
        step(clue)
    assert caught.value.message == message
    assert [d["field"] for d in caught.value.details] == fields
    assert {k: getattr(clue, k) for k in Clue.__dataclass_fields__} == {
        k: getattr(before, k) for k in Clue.__dataclass_fields__
    }


def test_messages_are_for_clerks() -> None:
    with pytest.raises(InvalidArgument) as caught:
        Clue.transfer("c-9", b.SERVICE, b.transfer_command(source_kind="manual", subject_org="", summary=""), NOW)
    assert caught.value.details == [
        {"field": "source_kind", "message": "经办系统移送的线索须注明来源环节，不能是人工移送"},
        {"field": "subject_org", "message": "被反映人工作单位不能为空"},
        {"field": "summary", "message": "问题摘要不能为空"},
    ]
    with pytest.raises(InvalidArgument) as caught:
        Clue.transfer("c-9", b.SERVICE, b.transfer_command(attachment_hashes=(b.HASH_A, "abc", "x")), NOW)
    assert caught.value.details == [
        {"field": "attachment_hashes", "message": "第 2、3 个附件的摘要不是 64 位十六进制的 SHA-256 值"}
    ]


def test_text_is_trimmed_hashes_lowered_and_limits_inclusive() -> None:
    command = b.transfer_command(
        summary="  " + "摘" * 200 + " ",
        details="详" * DETAILS_MAX,
        subject_name=" 张某某 ",
        attachment_hashes=(" " + b.HASH_A.upper() + " ",),
        source_ref=" " + "r" * 200 + " ",
    )
    clue = Clue.transfer("c-9", b.SERVICE, command, NOW)
    origin = clue.origin
    assert origin.summary == "摘" * 200 and origin.details == "详" * DETAILS_MAX
    assert origin.subject.name == "张某某"
    assert origin.attachment_hashes == (b.HASH_A,)
    assert origin.source_ref == "r" * 200


def test_a_unit_and_a_person_as_subjects() -> None:
    unit = Clue.transfer(
        "c-9",
        b.SERVICE,
        b.transfer_command(subject_kind="unit", subject_name="市某局", subject_org="", subject_position=""),
        NOW,
    ).origin.subject
    assert (unit.kind, unit.name, unit.org, unit.position) == (SubjectKind.UNIT, "市某局", "", "")
    person = Clue.transfer("c-9", b.SERVICE, b.transfer_command(subject_position=""), NOW).origin.subject
    assert (person.kind, person.name, person.org, person.position) == (SubjectKind.PERSON, "张某某", "市交通运输局", "")


def test_a_manual_transfer_may_carry_an_identifier_and_needs_none() -> None:
    assert Clue.transfer("c-9", b.CLERK, b.manual_command(), NOW).origin.source_ref == ""
    ref = "HSRD-2026-012"
    clue = Clue.transfer("c-9", b.CLERK, b.manual_command(source_ref=ref), NOW)
    assert (clue.source_kind, clue.origin.source_ref) == (SourceKind.MANUAL, ref)
    mine = b.manual_command(official_subject="clerk-1", official_role="congress_clerk")
    assert Clue.transfer("c-9", b.CLERK, mine, NOW).official.subject == "clerk-1"


def test_no_attachments_is_fine_and_the_service_may_leave_the_name_out() -> None:
    clue = Clue.transfer("c-9", b.SERVICE, b.transfer_command(attachment_hashes=(), official_name=""), NOW)
    assert clue.origin.attachment_hashes == () and clue.official.name == ""
