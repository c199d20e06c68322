"""A clue's whole path through HTTP — transfer with a receipt that proves itself against the signed log,
the commission's steps, the transferring body's view of the outcome — and bad input of every kind,
refused with the field named and nothing written; the audit log's proofs check out as a witness would
check them."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from services.gateway.schemas_clues import FULL_ONLY
from tests.integration.conftest import Stack
from wulian.kit.audit import merkle
from wulian.kit.audit.checkpoint import Checkpoint, Verifier, open_checkpoint, parse_note

API = "/api/v1"
VALID: dict[str, Any] = {
    "summary": "反映某局副局长违规插手工程项目",
    "details": "据反映，该副局长在 2025 年道路改造项目招标中为亲属企业打招呼，涉及金额约 300 万元。",
    "subject_kind": "person",
    "subject_name": "张某",
    "subject_org": "市交通运输局",
    "subject_position": "副局长",
    "attachment_hashes": ["0f" * 32, "A1" * 32],
}


def ok(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    return dict(response.json())


def unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


def root_of(note: str) -> Checkpoint:
    """The checkpoint a note carries, read as a witness reads it (the signature is checked elsewhere)."""
    return Checkpoint.parse(parse_note(note).text)


def checkpoint(stack: Stack, user: str = "office") -> dict[str, Any]:
    return ok(stack.http.get(f"{API}/audit/checkpoint", headers=stack.as_user(user)))


def audit_size(stack: Stack) -> int:
    response = stack.http.get(f"{API}/audit/checkpoint", headers=stack.as_user("commission"))
    if response.status_code == 404:  # nothing on the log yet
        return 0
    return int(ok(response)["size"])


def transfer(stack: Stack, user: str = "clerk", **overrides: Any) -> dict[str, Any]:
    return ok(stack.http.post(f"{API}/clues", json=VALID | overrides, headers=stack.as_user(user)), 201)


def step(stack: Stack, clue_id: str, name: str, body: Any = None, status: int = 200) -> dict[str, Any]:
    path = f"{API}/clues/{clue_id}/{name}"
    return ok(stack.http.post(path, json=body, headers=stack.as_user("commission")), status)


def clue_as(stack: Stack, user: str, clue_id: str) -> dict[str, Any]:
    return ok(stack.http.get(f"{API}/clues/{clue_id}", headers=stack.as_user(user)))


def verify_proof(proof: dict[str, Any]) -> Checkpoint:
    """An inclusion proof as the gateway answers it, checked against the root of the checkpoint it carries."""
    head = root_of(proof["checkpoint"]["note"])
    assert (head.size, base64.b64encode(head.root_hash).decode()) == (
        proof["checkpoint"]["size"],
        proof["checkpoint"]["root_hash"],
    )
    assert proof["size"] == head.size
    hashes = [unb64(h) for h in proof["hashes"]]
    merkle.verify_inclusion(proof["index"], head.size, unb64(proof["leaf_hash"]), hashes, head.root_hash)
    return head


# --- the whole path ---------------------------------------------------------------------------


def test_a_clue_from_transfer_to_feedback(stack: Stack) -> None:
    receipt = transfer(stack)
    assert receipt["status"] == "transferred"
    assert receipt["proof"]["index"] == receipt["audit_index"] == 0
    head = verify_proof(receipt["proof"])
    log_key = Verifier.from_vkey(stack.settings.clues_audit_vkey_file.read_text().strip())
    signed, _ = open_checkpoint(receipt["proof"]["checkpoint"]["note"], log_key)  # signed by the log's key
    assert signed == head
    clue_id = receipt["clue_id"]

    acknowledged = step(stack, clue_id, "acknowledge")
    assert acknowledged["status"] == "acknowledged" and acknowledged["acknowledged_at"]
    assert acknowledged["view"] == "full" and acknowledged["details"] == VALID["details"]
    accepted = step(stack, clue_id, "accept", {"note": "转第三审查调查室办理"})
    assert (accepted["status"], accepted["acceptance_note"]) == ("accepted", "转第三审查调查室办理")
    assert accepted["feedback_due_at"] and not accepted["feedback_overdue"]
    disposed = step(stack, clue_id, "dispositions", {"kind": "preliminary_verification", "note": "开展初步核实"}, 201)
    [disposition] = disposed["dispositions"]
    assert (disposition["no"], disposition["kind"]) == (1, "preliminary_verification")
    closed = step(stack, clue_id, "feedback", {"text": "经初步核实，已对张某立案审查调查。"}, 201)
    assert closed["status"] == "closed" and closed["feedback_given_at"]

    seen = clue_as(stack, "clerk", clue_id)
    assert (seen["view"], seen["status"], seen["feedback"]) == (
        "status",
        "closed",
        "经初步核实，已对张某立案审查调查。",
    )
    assert all(seen[name] is None for name in FULL_ONLY), seen
    assert VALID["details"] not in str(seen) and VALID["subject_org"] not in str(seen)
    listed = ok(stack.http.get(f"{API}/clues", params={"status": "closed"}, headers=stack.as_user("leader")))
    [item] = listed["items"]
    assert (item["id"], item["status"], item["view"]) == (clue_id, "closed", "status")
    assert "feedback" not in item and "details" not in item  # a list names no contents; one clue at a time

    full = clue_as(stack, "station", clue_id)
    assert full["view"] == "full" and full["attachment_hashes"] == [h.lower() for h in VALID["attachment_hashes"]]
    # transfer, four steps of the commission, one read by the station
    assert audit_size(stack) == 6
    # the receipt's entry is still provably in today's log
    verify_proof(
        ok(stack.http.get(f"{API}/audit/entries/{receipt['audit_index']}/proof", headers=stack.as_user("clerk")))
    )


def test_a_declined_clue_tells_the_transferring_body_why(stack: Stack) -> None:
    clue_id = transfer(stack, "committee", subject_kind="unit", subject_name="某街道办事处", subject_position="")[
        "clue_id"
    ]
    step(stack, clue_id, "acknowledge")
    step(stack, clue_id, "decline", {"reason": "反映的问题已由市审计局处理"})
    seen = clue_as(stack, "committee", clue_id)
    assert (seen["status"], seen["decline_reason"], seen["declined_at"] is not None) == (
        "declined",
        "反映的问题已由市审计局处理",
        True,
    )
    assert seen["subject_name"] is None


def test_accept_takes_no_body_at_all(stack: Stack) -> None:
    clue_id = transfer(stack)["clue_id"]
    step(stack, clue_id, "acknowledge")
    response = stack.http.post(f"{API}/clues/{clue_id}/accept", headers=stack.as_user("commission"))
    assert ok(response)["status"] == "accepted" and response.json()["acceptance_note"] == ""


def test_lists_are_paginated_filtered_and_admin_gets_counts(stack: Stack) -> None:
    ids = [transfer(stack)["clue_id"] for _ in range(3)]
    step(stack, ids[0], "acknowledge")
    headers = stack.as_user("commission")
    page = ok(stack.http.get(f"{API}/clues", params={"page_size": 2}, headers=headers))
    assert page["total"] == 3 and len(page["items"]) == 2 and page["next_page_token"]
    rest = ok(
        stack.http.get(f"{API}/clues", params={"page_size": 2, "page_token": page["next_page_token"]}, headers=headers)
    )
    assert {i["id"] for i in page["items"] + rest["items"]} == set(ids) and rest["next_page_token"] is None
    only = ok(stack.http.get(f"{API}/clues", params={"status": "acknowledged"}, headers=headers))
    assert [i["id"] for i in only["items"]] == [ids[0]]
    for filters in ({"source_kind": "case_review"}, {"overdue": "any"}):
        assert ok(stack.http.get(f"{API}/clues", params=filters, headers=headers))["total"] == 0
    counts = ok(stack.http.get(f"{API}/clues", headers=stack.as_user("admin")))
    assert counts == {"items": [], "total": 3, "next_page_token": None, "counts": counts["counts"]}
    assert {k: v for k, v in counts["counts"].items() if v} == {"transferred": 2, "acknowledged": 1}


# --- the audit log as a witness checks it -------------------------------------------------------


def test_consistency_between_two_checkpoints_verifies(stack: Stack) -> None:
    transfer(stack)
    earlier = checkpoint(stack)
    clue_id = transfer(stack, "leader")["clue_id"]
    step(stack, clue_id, "acknowledge")
    step(stack, clue_id, "accept")
    later = checkpoint(stack, "admin")
    assert (earlier["size"], later["size"]) == (1, 4)

    proof = ok(
        stack.http.get(
            f"{API}/audit/consistency",
            params={"from": earlier["size"], "to": later["size"]},
            headers=stack.as_user("station"),
        )
    )
    assert (proof["from_size"], proof["to_size"]) == (1, 4)
    assert proof["from_checkpoint"] == earlier and proof["to_checkpoint"] == later
    old, new = root_of(earlier["note"]), root_of(later["note"])
    assert unb64(earlier["root_hash"]) == old.root_hash
    merkle.verify_consistency(old.size, new.size, old.root_hash, new.root_hash, [unb64(h) for h in proof["hashes"]])
    with pytest.raises(merkle.ProofError):  # and a root the log never had does not verify
        merkle.verify_consistency(1, 4, bytes(32), new.root_hash, [unb64(h) for h in proof["hashes"]])

    latest = ok(stack.http.get(f"{API}/audit/consistency", params={"from": 2}, headers=stack.as_user("clerk")))
    assert latest["to_size"] == 4  # no "to": the latest checkpoint
    for index in range(4):  # every entry is provably in the latest checkpoint, and in its own
        verify_proof(ok(stack.http.get(f"{API}/audit/entries/{index}/proof", headers=stack.as_user("office"))))
    at_two = ok(stack.http.get(f"{API}/audit/entries/1/proof", params={"size": 2}, headers=stack.as_user("office")))
    assert at_two["size"] == 2 and verify_proof(at_two).size == 2


def test_a_read_of_the_contents_is_one_audit_entry_and_a_status_read_is_none(stack: Stack) -> None:
    clue_id = transfer(stack)["clue_id"]
    size = audit_size(stack)
    assert clue_as(stack, "commission", clue_id)["details"] == VALID["details"]
    assert audit_size(stack) == size + 1
    proof = ok(stack.http.get(f"{API}/audit/entries/{size}/proof", headers=stack.as_user("clerk")))
    verify_proof(proof)  # the read is itself on the signed log
    clue_as(stack, "clerk", clue_id)
    ok(stack.http.get(f"{API}/clues", headers=stack.as_user("commission")))
    assert audit_size(stack) == size + 1


# --- bad input ---------------------------------------------------------------------------------


def assert_invalid(response: httpx.Response, field: str, type_: str | None = None) -> None:
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_argument" and error["message"]
    fields = {detail["field"]: detail for detail in error["details"]}
    assert field in fields, error["details"]
    assert fields[field]["message"]
    if type_ is not None:
        assert fields[field]["type"] == type_


TRANSFER_PROBLEMS: list[tuple[dict[str, Any], str, str | None]] = [
    # refused by the gateway's request model
    ({k: v for k, v in VALID.items() if k != "summary"}, "summary", "missing"),
    (VALID | {"summary": ""}, "summary", "string_too_short"),
    (VALID | {"summary": "长" * 201}, "summary", "string_too_long"),
    (VALID | {"details": "长" * 20001}, "details", "string_too_long"),
    (VALID | {"details": 42}, "details", "string_type"),
    (VALID | {"subject_kind": "group"}, "subject_kind", "literal_error"),
    (VALID | {"subject_name": "名" * 101}, "subject_name", "string_too_long"),
    (VALID | {"subject_org": "单" * 65}, "subject_org", "string_too_long"),
    (VALID | {"subject_position": "职" * 101}, "subject_position", "string_too_long"),
    (VALID | {"attachment_hashes": ["not-a-hash"]}, "attachment_hashes.0", "string_pattern_mismatch"),
    (VALID | {"attachment_hashes": ["ab" * 32, "ab" * 31]}, "attachment_hashes.1", "string_pattern_mismatch"),
    (VALID | {"attachment_hashes": [f"{i:064x}" for i in range(51)]}, "attachment_hashes", "too_long"),
    (VALID | {"attachment_hashes": "ab" * 32}, "attachment_hashes", "list_type"),
    (VALID | {"source_kind": "case_review"}, "source_kind", "extra_forbidden"),
    (VALID | {"official_subject": "someone-else"}, "official_subject", "extra_forbidden"),
    # refused by the clue service: rules past one field's shape
    (VALID | {"summary": "   "}, "summary", None),
    (VALID | {"subject_org": ""}, "subject_org", None),  # a person's work unit is required
    (VALID | {"subject_kind": "unit", "subject_name": "某局"}, "subject_position", None),  # a unit has no position
    (VALID | {"attachment_hashes": ["ab" * 32, "AB" * 32]}, "attachment_hashes", None),  # the same attachment twice
]


def test_bad_transfers_are_refused_per_field_and_nothing_is_written(stack: Stack) -> None:
    transfer(stack)
    size, total = audit_size(stack), 1
    for body, field, type_ in TRANSFER_PROBLEMS:
        response = stack.http.post(f"{API}/clues", json=body, headers=stack.as_user("clerk"))
        assert_invalid(response, field, type_)
    assert audit_size(stack) == size
    assert ok(stack.http.get(f"{API}/clues", headers=stack.as_user("commission")))["total"] == total
    at_the_limits = {
        "summary": "摘" * 200,
        "details": "详" * 20000,
        "subject_name": "名" * 100,
        "subject_org": "单" * 64,
        "subject_position": "职" * 100,
        "attachment_hashes": [f"{i:064x}" for i in range(50)],
    }
    clue_id = transfer(stack, **at_the_limits)["clue_id"]
    assert clue_as(stack, "commission", clue_id)["details"] == at_the_limits["details"]


def test_malformed_and_non_object_bodies(stack: Stack) -> None:
    headers = stack.as_user("clerk") | {"Content-Type": "application/json"}
    assert stack.http.post(f"{API}/clues", content=b'{"summary": ', headers=headers).status_code == 400
    assert_invalid(stack.http.post(f"{API}/clues", content=b'["summary"]', headers=headers), "body")
    assert audit_size(stack) == 0


STEP_PROBLEMS: list[tuple[str, Any, str, str | None]] = [
    ("accept", {"note": "长" * 2001}, "note", "string_too_long"),
    ("accept", {"note": 7}, "note", "string_type"),
    ("accept", {"reason": "x"}, "reason", "extra_forbidden"),
    ("decline", None, "body", "missing"),
    ("decline", {}, "reason", "missing"),
    ("decline", {"reason": ""}, "reason", "string_too_short"),
    ("decline", {"reason": "长" * 2001}, "reason", "string_too_long"),
    ("decline", {"reason": "  "}, "reason", None),
    ("dispositions", {"kind": "arrest", "note": "x"}, "kind", "literal_error"),
    ("dispositions", {"kind": "concluded"}, "note", "missing"),
    ("dispositions", {"kind": "concluded", "note": "长" * 2001}, "note", "string_too_long"),
    ("dispositions", {"kind": "concluded", "note": " "}, "note", None),
    ("feedback", {"text": ""}, "text", "string_too_short"),
    ("feedback", {"text": "长" * 5001}, "text", "string_too_long"),
    ("feedback", {"text": ["a"]}, "text", "string_type"),
]


def test_bad_steps_are_refused_per_field_and_nothing_is_written(stack: Stack) -> None:
    clue_id = transfer(stack)["clue_id"]
    step(stack, clue_id, "acknowledge")
    accepted_id = transfer(stack)["clue_id"]
    for name, body in (("acknowledge", None), ("accept", None)):
        step(stack, accepted_id, name, body)
    step(stack, accepted_id, "dispositions", {"kind": "talk_or_inquiry", "note": "谈话"}, 201)
    size = audit_size(stack)
    versions = {i: clue_as(stack, "clerk", i)["version"] for i in (clue_id, accepted_id)}
    for name, body, field, type_ in STEP_PROBLEMS:
        target = clue_id if name in ("accept", "decline") else accepted_id
        response = stack.http.post(f"{API}/clues/{target}/{name}", json=body, headers=stack.as_user("commission"))
        assert_invalid(response, field, type_)
    assert audit_size(stack) == size
    assert {i: clue_as(stack, "clerk", i)["version"] for i in versions} == versions


QUERY_PROBLEMS: list[tuple[str, dict[str, Any], str]] = [
    ("/clues", {"status": "lost"}, "status"),
    ("/clues", {"source_kind": "rumour"}, "source_kind"),
    ("/clues", {"overdue": "reply"}, "overdue"),
    ("/clues", {"page_size": 0}, "page_size"),
    ("/clues", {"page_size": 101}, "page_size"),
    ("/clues", {"page_token": "not-a-token"}, "page_token"),  # the service's check
    ("/clues/" + "x" * 65, {}, "clue_id"),
    ("/audit/entries/-1/proof", {}, "index"),
    ("/audit/entries/abc/proof", {}, "index"),
    ("/audit/entries/99999999999999999999/proof", {}, "index"),  # past int64: refused, not a server error
    ("/audit/entries/0/proof", {"size": -1}, "size"),
    ("/audit/entries/0/proof", {"size": 2**63}, "size"),
    ("/audit/consistency", {}, "from"),
    ("/audit/consistency", {"from": -1}, "from"),
    ("/audit/consistency", {"from": 0}, "from"),
    ("/audit/consistency", {"from": "one"}, "from"),
    ("/audit/consistency", {"from": 2, "to": 1}, "from"),  # the service's check: from ≤ to
    ("/audit/consistency", {"from": 1, "to": -2}, "to"),
    ("/audit/consistency", {"from": 1, "to": 2**63}, "to"),
]


def test_bad_queries_name_the_parameter(stack: Stack) -> None:
    transfer(stack)
    transfer(stack)
    size = audit_size(stack)
    for path, params, field in QUERY_PROBLEMS:
        response = stack.http.get(f"{API}{path}", params=params, headers=stack.as_user("commission"))
        assert_invalid(response, field)
    assert audit_size(stack) == size


def test_sizes_the_log_never_reached_are_not_found(stack: Stack) -> None:
    transfer(stack)
    transfer(stack)
    for path, params in (
        ("/audit/entries/2/proof", {}),  # no entry 2 in a log of two
        ("/audit/entries/0/proof", {"size": 3}),
        ("/audit/consistency", {"from": 1, "to": 3}),
        ("/audit/consistency", {"from": 3}),
    ):
        response = stack.http.get(f"{API}{path}", params=params, headers=stack.as_user("office"))
        assert response.status_code == 404, (path, params, response.text)


def test_an_empty_log_has_no_checkpoint_yet(stack: Stack) -> None:
    response = stack.http.get(f"{API}/audit/checkpoint", headers=stack.as_user("office"))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_a_retried_transfer_with_its_idempotency_key_is_the_same_clue(stack: Stack) -> None:
    def post(user: str, key: str) -> dict[str, Any]:
        headers = stack.as_user(user) | {"Idempotency-Key": key}
        return ok(stack.http.post(f"{API}/clues", json=VALID, headers=headers), 201)

    first, retry = post("clerk", "form-7f3a"), post("clerk", "form-7f3a")
    assert (retry["clue_id"], retry["audit_index"]) == (first["clue_id"], first["audit_index"])
    assert post("clerk", "form-8b1c")["clue_id"] != first["clue_id"]
    assert post("leader", "form-7f3a")["clue_id"] != first["clue_id"]  # a key is the official's own
    bad = stack.http.post(f"{API}/clues", json=VALID, headers=stack.as_user("clerk") | {"Idempotency-Key": "a b"})
    assert bad.status_code == 422
