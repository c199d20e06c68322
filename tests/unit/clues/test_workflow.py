"""A clue's whole life from each source, what its file holds, and the domain's vocabulary and boundaries."""

from __future__ import annotations

import ast
from datetime import timedelta
from pathlib import Path

import pytest

from services.clues import commands, domain
from services.clues import events as ev
from services.clues.domain import (
    DISPOSITION_LABELS,
    SOURCE_LABELS,
    SUBJECT_KIND_LABELS,
    DispositionKind,
    SourceKind,
    Status,
    SubjectKind,
    Transferor,
)
from services.clues.model import Clue
from tests.unit.clues import builders as b
from wulian.kit.errors import InvalidArgument
from wulian.kit.problems import Problems


def test_an_escalated_suggestions_clue_from_transfer_to_feedback() -> None:
    clue = Clue.transfer("c-1", b.SERVICE, b.transfer_command(), b.T0)
    assert (clue.status, clue.source_kind, clue.origin.transferor) == (
        Status.TRANSFERRED,
        SourceKind.SUGGESTION_ESCALATION,
        Transferor.SERVICE,
    )
    assert (clue.transferred_at, clue.acknowledge_due_at) == (b.T0, b.ACK_DUE)
    assert clue.origin.details == b.DETAILS and clue.origin.summary == b.SUMMARY
    assert clue.origin.attachment_hashes == (b.HASH_A, b.HASH_B)

    clue.acknowledge(b.COMMISSION, b.ACKNOWLEDGED_AT)
    assert clue.acknowledgement is not None
    assert (clue.acknowledgement.acknowledged_by, clue.acknowledgement.on_time) == ("commission-1", True)

    clue.accept(b.COMMISSION, commands.AcceptClue(" 线索具体 "), b.ACCEPTED_AT)
    assert clue.acceptance is not None
    assert (clue.acceptance.note, clue.acceptance.feedback_due_at) == ("线索具体", b.FEEDBACK_DUE)

    clue.record_disposition(
        b.OTHER_COMMISSIONER, commands.RecordDisposition("preliminary_verification", "初核"), b.DISPOSED_AT
    )
    clue.record_disposition(
        b.COMMISSION, commands.RecordDisposition("case_filed", " 立案 "), b.DISPOSED_AT + timedelta(days=5)
    )
    assert [(d.no, d.kind, d.note, d.recorded_by) for d in clue.dispositions] == [
        (1, DispositionKind.PRELIMINARY_VERIFICATION, "初核", "commission-2"),
        (2, DispositionKind.CASE_FILED, "立案", "commission-1"),
    ]

    clue.give_feedback(b.COMMISSION, commands.GiveFeedback(b.FEEDBACK_TEXT), b.FEEDBACK_AT)
    assert clue.status is Status.CLOSED
    assert clue.feedback is not None
    assert (clue.feedback.text, clue.feedback.given_at, clue.feedback.due_at, clue.feedback.on_time) == (
        b.FEEDBACK_TEXT,
        b.FEEDBACK_AT,
        b.FEEDBACK_DUE,
        True,
    )
    assert [e.name for e in clue.events] == [
        "transferred", "acknowledged", "accepted", "disposition_recorded", "disposition_recorded", "feedback_given",
    ]  # fmt: skip


def test_a_manual_transfer_declined_with_a_reason() -> None:
    clue = Clue.transfer("c-2", b.COMMITTEE, b.manual_command(subject_kind="unit", subject_name="市某局",
                                                             subject_org="", subject_position=""), b.T0)  # fmt: skip
    assert (clue.official.subject, clue.official.role) == ("committee-1", "congress_committee")
    clue.acknowledge(b.COMMISSION, b.ACKNOWLEDGED_AT)
    clue.decline(b.COMMISSION, commands.DeclineClue(" 反映问题不具体，无可查性 "), b.ACCEPTED_AT)
    assert clue.status is Status.DECLINED
    assert clue.declined is not None
    assert (clue.declined.reason, clue.declined.declined_by, clue.declined.declined_at) == (
        "反映问题不具体，无可查性",
        "commission-1",
        b.ACCEPTED_AT,
    )
    assert clue.acceptance is None and clue.deadline_state().feedback_due_at is None
    assert isinstance(clue.events[-1], ev.ClueDeclined)


def test_a_case_review_clue_concerns_judicial_staff() -> None:
    clue = b.closed("case_review")
    assert clue.source_kind is SourceKind.CASE_REVIEW
    assert (clue.origin.subject.name, clue.origin.subject.org) == ("李某某", "市中级人民法院")
    assert clue.official.role == "congress_committee"


def test_a_late_acknowledgement_is_recorded_as_late() -> None:
    clue = b.transferred()
    clue.acknowledge(b.COMMISSION, b.ACK_DUE)
    assert clue.acknowledgement is not None and not clue.acknowledgement.on_time
    assert isinstance(clue.events[-1], ev.ClueAcknowledged) and clue.events[-1].on_time is False


def test_the_aggregate_remembers_raised_deadlines_across_a_reload() -> None:
    """What a repository stores (raised keys) is all it takes to raise nothing twice after a reload."""
    clue = b.transferred()
    clue.raise_due_deadlines(b.ACK_DUE)
    reloaded = Clue(id=clue.id, origin=clue.origin, acknowledge_due_at=clue.acknowledge_due_at,
                    raised_deadlines=set(clue.raised_deadlines))  # fmt: skip
    assert reloaded.raise_due_deadlines(b.ACK_DUE + timedelta(days=1)) == []


# --- vocabulary --------------------------------------------------------------------------------------------


def test_every_choice_has_a_label() -> None:
    assert set(SOURCE_LABELS) == set(SourceKind)
    assert set(SUBJECT_KIND_LABELS) == set(SubjectKind)
    assert set(DISPOSITION_LABELS) == set(DispositionKind)
    assert DISPOSITION_LABELS[DispositionKind.TALK_OR_INQUIRY] == "谈话函询"
    assert DISPOSITION_LABELS[DispositionKind.SET_ASIDE] == "暂存待查"
    assert DISPOSITION_LABELS[DispositionKind.CONCLUDED] == "予以了结"


def test_the_api_words_of_the_enumerations() -> None:
    assert [k.value for k in SourceKind] == ["suggestion_escalation", "case_review", "manual"]
    assert [k.value for k in SubjectKind] == ["person", "unit"]
    assert [s.value for s in Status] == ["transferred", "acknowledged", "accepted", "declined", "closed"]
    assert [k.value for k in DispositionKind] == [
        "talk_or_inquiry", "preliminary_verification", "case_filed", "set_aside", "concluded",
    ]  # fmt: skip


def test_problems_collects_every_field() -> None:
    problems = Problems()
    assert problems.text("a", "  x ", "甲") == "x"
    problems.text("b", "", "乙")
    problems.text("c", "长" * 3, "丙", limit=2)
    problems.text("d", "", "丁", required=False)
    assert problems.choice("e", "person", SubjectKind, "戊") is SubjectKind.PERSON
    assert problems.choice("f", "PERSON", SubjectKind, "己") is None
    with pytest.raises(InvalidArgument) as caught:
        problems.raise_if_any("未通过校验")
    assert caught.value.details == [
        {"field": "b", "message": "乙不能为空"},
        {"field": "c", "message": "丙不能超过 2 个字"},
        {"field": "f", "message": "己不在可选范围内"},
    ]
    Problems().raise_if_any("nothing to raise")


# --- boundaries --------------------------------------------------------------------------------------------

PACKAGE = Path(domain.__file__).parent
STANDARD = {
    "__future__",
    "abc",
    "collections",
    "collections.abc",
    "dataclasses",
    "datetime",
    "enum",
    "re",
    "typing",
    "zoneinfo",
}
ALLOWED = {
    "domain": STANDARD | {"wulian.kit.errors", "wulian.kit.principal"},
    "clocks": STANDARD | {"services.clues.domain", "wulian.kit.clock"},
    "commands": STANDARD,
    "records": STANDARD | {"services.clues", "services.clues.domain", "wulian.kit.principal", "wulian.kit.problems"},
    "events": STANDARD | {"services.clues.clocks", "services.clues.domain"},
    "model": STANDARD | {"services.clues", "services.clues.clocks", "services.clues.domain", "wulian.kit.errors",
                         "wulian.kit.principal"},
    "sealing": STANDARD | {"hashlib", "os", "struct", "cryptography.exceptions", "cryptography.hazmat.primitives",
                           "cryptography.hazmat.primitives.asymmetric",
                           "cryptography.hazmat.primitives.ciphers.aead"},
}  # fmt: skip


@pytest.mark.parametrize("module", sorted(ALLOWED))
def test_the_domain_is_pure(module: str) -> None:
    """No database, no gRPC, no network, no other service: the standard library, the kit's pure modules
    and (for sealing) cryptography only."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    assert imported <= ALLOWED[module], imported - ALLOWED[module]
