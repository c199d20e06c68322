"""Clue request bodies refuse bad input before any gRPC call, with the clue service's own limits and
choices; a clue leaves the gateway in its caller's view, whatever the message holds beyond it."""

from __future__ import annotations

import base64
import typing
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import BaseModel

from services.clues import domain
from services.gateway import schemas_clues as s
from services.gateway.schemas_clues import (
    FULL_ONLY,
    ClueAcceptanceCreate,
    ClueDeclineCreate,
    ClueFeedbackCreate,
    ClueItemPublic,
    CluePublic,
    ClueTransferCreate,
    DispositionCreate,
    clue_public,
    clues_public,
    consistency_proof_public,
    receipt_public,
)
from tests.support import schema_checks
from wulian.clues.v1 import clues_pb2 as pb

T = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
HASH = "ab" * 32

GOOD: dict[type[BaseModel], dict[str, Any]] = {
    ClueTransferCreate: {
        "summary": "反映某局副局长违规插手工程项目",
        "details": "据反映……",
        "subject_kind": "person",
        "subject_name": "张某",
        "subject_org": "市交通运输局",
        "subject_position": "副局长",
        "attachment_hashes": [HASH],
    },
    ClueAcceptanceCreate: {"note": "转第三审查调查室"},
    ClueDeclineCreate: {"reason": "不属于本机关管辖"},
    DispositionCreate: {"kind": "preliminary_verification", "note": "开展初步核实"},
    ClueFeedbackCreate: {"text": "经初核，已立案审查调查"},
}

BAD: list[tuple[type[BaseModel], str, Any, str]] = [
    (ClueTransferCreate, "summary", "", "string_too_short"),
    (ClueTransferCreate, "summary", "长" * 201, "string_too_long"),
    (ClueTransferCreate, "details", "", "string_too_short"),
    (ClueTransferCreate, "details", "长" * 20001, "string_too_long"),
    (ClueTransferCreate, "details", 7, "string_type"),
    (ClueTransferCreate, "subject_kind", "group", "literal_error"),
    (ClueTransferCreate, "subject_name", "", "string_too_short"),
    (ClueTransferCreate, "subject_name", "名" * 101, "string_too_long"),
    (ClueTransferCreate, "subject_org", "单" * 65, "string_too_long"),
    (ClueTransferCreate, "subject_position", "职" * 101, "string_too_long"),
    (ClueTransferCreate, "attachment_hashes", [f"{i:064x}" for i in range(51)], "too_long"),
    (ClueTransferCreate, "attachment_hashes", ["ab" * 31], "string_pattern_mismatch"),
    (ClueTransferCreate, "attachment_hashes", ["zz" * 32], "string_pattern_mismatch"),
    (ClueTransferCreate, "attachment_hashes", [HASH + "\n"], "string_pattern_mismatch"),
    (ClueTransferCreate, "attachment_hashes", HASH, "list_type"),
    (ClueAcceptanceCreate, "note", "长" * 2001, "string_too_long"),
    (ClueDeclineCreate, "reason", "", "string_too_short"),
    (ClueDeclineCreate, "reason", "长" * 2001, "string_too_long"),
    (DispositionCreate, "kind", "arrest", "literal_error"),
    (DispositionCreate, "note", "", "string_too_short"),
    (DispositionCreate, "note", "长" * 2001, "string_too_long"),
    (ClueFeedbackCreate, "text", "", "string_too_short"),
    (ClueFeedbackCreate, "text", "长" * 5001, "string_too_long"),
]


@pytest.mark.parametrize("model", list(GOOD))
def test_good_input_is_accepted(model: type[BaseModel]) -> None:
    schema_checks.accepts(model, GOOD[model])


@pytest.mark.parametrize("model", list(GOOD))
def test_unknown_fields_are_refused(model: type[BaseModel]) -> None:
    schema_checks.refuses_unknown(model, GOOD[model], {"source_kind": "case_review"})


@pytest.mark.parametrize(("model", "field", "value", "type_"), BAD)
def test_bad_input_is_refused_and_the_field_named(model: type[BaseModel], field: str, value: Any, type_: str) -> None:
    schema_checks.refuses(model, GOOD[model], field, value, type_)


@pytest.mark.parametrize("model", list(GOOD))
def test_a_missing_required_field_is_refused(model: type[BaseModel]) -> None:
    schema_checks.refuses_missing(model, GOOD[model])


def test_optional_fields_have_defaults() -> None:
    body = ClueTransferCreate.model_validate(
        {"summary": "摘要", "details": "详情", "subject_kind": "unit", "subject_name": "某局"}
    )
    assert (body.subject_org, body.subject_position, body.attachment_hashes) == ("", "", [])
    assert ClueAcceptanceCreate.model_validate({}).note == ""


def test_the_limits_and_choices_are_the_clue_services() -> None:
    """The gateway repeats the service's limits (it may not import the service); this keeps them in step."""
    assert (s.SUMMARY_MAX, s.DETAILS_MAX, s.NOTE_MAX, s.FEEDBACK_MAX) == (
        domain.SUMMARY_MAX,
        domain.DETAILS_MAX,
        domain.NOTE_MAX,
        domain.FEEDBACK_MAX,
    )
    assert (s.NAME_MAX, s.ORG_MAX, s.ATTACHMENTS_MAX) == (domain.NAME_MAX, domain.ORG_MAX, domain.ATTACHMENTS_MAX)
    choices = {
        s.ClueStatus: domain.Status,
        s.SourceKind: domain.SourceKind,
        s.SubjectKind: domain.SubjectKind,
        s.DispositionKind: domain.DispositionKind,
    }
    for literal, enum in choices.items():
        assert list(typing.get_args(literal)) == [member.value for member in enum]


# --- responses ----------------------------------------------------------------------------------


def full_clue(view: str = "full") -> pb.Clue:
    return pb.Clue(
        id="c-1",
        view=view,
        status="accepted",
        source_kind="manual",
        official_subject="clerk-sub",
        official_role="congress_clerk",
        transferred_at=T,
        acknowledge_due_at=T + timedelta(days=7),
        acknowledged_at=T + timedelta(days=1),
        accepted_at=T + timedelta(days=2),
        feedback_due_at=T + timedelta(days=92),
        version=3,
        summary="摘要",
        details="详情",
        subject_kind="person",
        subject_name="张某",
        subject_org="市交通运输局",
        subject_position="副局长",
        attachment_hashes=[HASH],
        dispositions=[pb.Disposition(no=1, kind="talk_or_inquiry", note="谈话", recorded_at=T)],
        acceptance_note="受理",
    )


def test_the_public_clue_has_every_field_of_the_message() -> None:
    assert set(CluePublic.model_fields) == {f.name for f in pb.Clue.DESCRIPTOR.fields}
    assert set(FULL_ONLY) < set(CluePublic.model_fields)
    assert not set(ClueItemPublic.model_fields) & {*FULL_ONLY, "feedback", "decline_reason"}


def test_the_full_view_converts() -> None:
    public = clue_public(full_clue())
    assert (public.view, public.details, public.subject_name, public.attachment_hashes) == (
        "full",
        "详情",
        "张某",
        [HASH],
    )
    assert public.dispositions is not None and public.dispositions[0].recorded_at == T
    assert public.declined_at is None and public.feedback_given_at is None
    assert public.model_dump(mode="json")["transferred_at"] == "2026-03-02T01:00:00Z"


def test_the_status_view_shows_no_contents_whatever_the_message_holds() -> None:
    """Defence in depth: the service never fills them for the status view, and the gateway would not pass
    them on if it did."""
    public = clue_public(full_clue(view="status"))
    assert public.view == "status" and public.status == "accepted" and public.accepted_at is not None
    assert all(getattr(public, name) is None for name in FULL_ONLY)
    assert "张某" not in public.model_dump_json()


def test_a_list_carries_rows_of_plain_columns_and_the_counts() -> None:
    listed = clues_public(pb.ListCluesResponse(items=[full_clue(view="status")], total=1, next_page_token=""))
    assert listed.next_page_token is None and listed.counts == {}
    assert "张某" not in listed.model_dump_json() and "摘要" not in listed.model_dump_json()
    counts = clues_public(pb.ListCluesResponse(total=3, counts={"transferred": 2, "closed": 1}))
    assert (counts.items, counts.counts) == ([], {"transferred": 2, "closed": 1})


def checkpoint(size: int) -> pb.Checkpoint:
    return pb.Checkpoint(note=f"wulian.test/clues\n{size}\n...\n\n— sig\n", size=size, root_hash=bytes([size]) * 32)


def test_the_receipt_and_proofs_carry_hashes_as_base64() -> None:
    proof = pb.InclusionProof(index=4, size=5, leaf_hash=b"\x01" * 32, hashes=[b"\x02" * 32], checkpoint=checkpoint(5))
    receipt = receipt_public(pb.TransferClueResponse(clue_id="c-1", status="transferred", audit_index=4, proof=proof))
    assert receipt.audit_index == receipt.proof.index == 4
    assert base64.b64decode(receipt.proof.leaf_hash) == b"\x01" * 32
    assert [base64.b64decode(h) for h in receipt.proof.hashes] == [b"\x02" * 32]
    assert base64.b64decode(receipt.proof.checkpoint.root_hash) == b"\x05" * 32
    consistency = consistency_proof_public(
        pb.ConsistencyProof(
            from_size=2, to_size=5, hashes=[b"\x03" * 32], from_checkpoint=checkpoint(2), to_checkpoint=checkpoint(5)
        )
    )
    assert (consistency.from_checkpoint.size, consistency.to_checkpoint.size) == (2, 5)
    assert base64.b64decode(consistency.hashes[0]) == b"\x03" * 32
