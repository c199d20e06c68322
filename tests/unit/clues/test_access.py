"""Who sees what of a clue: every role of the platform × a clue from each source."""

from __future__ import annotations

import dataclasses

import pytest

from services.clues.domain import (
    CONGRESS_SOURCES,
    LIST_VIEWS,
    ListScope,
    SourceKind,
    View,
    ensure_readable,
    in_list_scope,
    list_scope,
    view_of,
)
from services.clues.model import ClueStatusView
from tests.unit.clues import builders as b
from wulian.kit.errors import NotFound
from wulian.kit.principal import ROLE_BODIES, Principal

N, C, S, F = View.NONE, View.COUNTS, View.STATUS, View.FULL
KINDS = ("escalation", "manual", "case_review")

# The access matrix of issue 4, written out by hand: role → view of a clue from (escalation, manual, case review).
MATRIX: dict[str, tuple[View, View, View]] = {
    "deputy": (N, N, N),  # a deputy is of the congress but does not transfer: escalation is staff work
    "congress_clerk": (S, S, S),  # the transferring body: status, dates, feedback
    "congress_committee": (S, S, S),
    "congress_leader": (S, S, S),
    "gov_supervision_office": (N, N, N),
    "gov_department": (N, N, N),
    "discipline_commission": (F, F, F),
    "discipline_station": (F, F, N),  # the clues that concern the congress, not those about judicial staff
    "court": (N, N, N),
    "procuratorate": (N, N, N),
    "expert": (N, N, N),
    "platform_admin": (C, C, C),  # counts only
}


def test_the_matrix_covers_every_role_of_the_platform() -> None:
    assert set(MATRIX) == set(ROLE_BODIES) == set(b.BY_ROLE)


CELLS = [(role, i, kind) for role in MATRIX for i, kind in enumerate(KINDS)]


@pytest.mark.parametrize(("role", "column", "kind"), CELLS, ids=[f"{r}-{k}" for r, _, k in CELLS])
def test_view_of_every_role_on_every_source(role: str, column: int, kind: str) -> None:
    clue = b.transferred(kind)
    person = b.BY_ROLE[role]
    expected = MATRIX[role][column]
    assert clue.view_for(person) is expected
    if expected >= View.STATUS:
        assert ensure_readable(clue.view_for(person)) is expected
    else:
        with pytest.raises(NotFound, match=r"^未找到该线索$"):
            ensure_readable(clue.view_for(person))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("person", [b.SERVICE, b.SERVICE_BY_SUBJECT, b.NOBODY], ids=lambda p: p.subject)
def test_a_service_account_transfers_but_reads_nothing(person: Principal, kind: str) -> None:
    assert b.transferred(kind).view_for(person) is View.NONE
    assert list_scope(person) is ListScope.NONE


@pytest.mark.parametrize("status", ["transferred", "acknowledged", "accepted", "declined", "closed"])
def test_the_view_does_not_change_with_the_status(status: str) -> None:
    from services.clues.domain import Status

    clue = b.in_state(Status(status))
    assert [clue.view_for(b.BY_ROLE[role]) for role in MATRIX] == [row[0] for row in MATRIX.values()]


def test_views_are_ordered_and_several_roles_see_the_widest() -> None:
    assert N < C < S < F
    station_and_admin = b.who("discipline_station", "platform_admin", subject="x")
    assert b.transferred("case_review").view_for(station_and_admin) is View.COUNTS
    assert b.transferred("manual").view_for(station_and_admin) is View.FULL
    clerk_and_station = b.who("congress_clerk", "discipline_station", subject="y")
    assert b.transferred("case_review").view_for(clerk_and_station) is View.STATUS


def test_the_transferring_body_is_the_official_roles_body() -> None:
    for kind in SourceKind:
        assert view_of(b.CLERK, source_kind=kind, official_role="congress_leader") is View.STATUS
        assert view_of(b.CLERK, source_kind=kind, official_role="") is View.NONE
        assert view_of(b.CLERK, source_kind=kind, official_role="court") is View.NONE


def test_access_follows_current_roles_not_the_name_on_the_transfer() -> None:
    clue = b.transferred()  # decided by clerk-1
    former_clerk = b.who("gov_department", subject="clerk-1", org_unit="transport")
    assert clue.view_for(former_clerk) is View.NONE


def test_the_station_reads_what_concerns_the_congress() -> None:
    assert frozenset({SourceKind.SUGGESTION_ESCALATION, SourceKind.MANUAL}) == CONGRESS_SOURCES


# --- lists ---------------------------------------------------------------------------------------

SCOPES: dict[str, ListScope] = {
    "deputy": ListScope.NONE,
    "congress_clerk": ListScope.TRANSFERRED_BY_BODY,
    "congress_committee": ListScope.TRANSFERRED_BY_BODY,
    "congress_leader": ListScope.TRANSFERRED_BY_BODY,
    "gov_supervision_office": ListScope.NONE,
    "gov_department": ListScope.NONE,
    "discipline_commission": ListScope.ALL,
    "discipline_station": ListScope.CONGRESS_SOURCED,
    "court": ListScope.NONE,
    "procuratorate": ListScope.NONE,
    "expert": ListScope.NONE,
    "platform_admin": ListScope.COUNTS,
}


@pytest.mark.parametrize("role", list(SCOPES))
def test_list_scope_of_every_role(role: str) -> None:
    assert list_scope(b.BY_ROLE[role]) is SCOPES[role]


@pytest.mark.parametrize("role", list(SCOPES))
@pytest.mark.parametrize("kind", KINDS)
def test_a_list_holds_exactly_the_clues_one_may_read_in_the_scopes_view(role: str, kind: str) -> None:
    person, clue = b.BY_ROLE[role], b.transferred(kind)
    scope = list_scope(person)
    listed = in_list_scope(person, scope, source_kind=clue.source_kind, official_role=clue.official.role)
    assert listed == (clue.view_for(person) >= View.STATUS)
    if listed:
        assert LIST_VIEWS[scope] == clue.view_for(person)


def test_every_scope_has_its_view() -> None:
    assert set(LIST_VIEWS) == set(ListScope)


# --- the status view ---------------------------------------------------------------------------------

STATUS_FIELDS = {
    "id", "source_kind", "source_ref", "official_subject", "official_role", "status", "transferred_at",
    "acknowledge_due_at", "acknowledged_at", "accepted_at", "feedback_due_at", "declined_at", "decline_reason",
    "feedback_given_at", "feedback_text",
}  # fmt: skip


def test_the_status_view_has_no_contents() -> None:
    assert {f.name for f in dataclasses.fields(ClueStatusView)} == STATUS_FIELDS
    for forbidden in ("summary", "details", "subject", "subject_name", "dispositions", "attachment_hashes", "note"):
        assert forbidden not in STATUS_FIELDS


@pytest.mark.parametrize("build", [b.closed, b.declined, b.disposed, b.transferred], ids=lambda f: f.__name__)
def test_no_value_of_the_status_view_carries_the_contents(build: object) -> None:
    clue = build()  # type: ignore[operator]
    values = [str(v) for v in dataclasses.astuple(clue.status_view())]
    secrets = [b.SUMMARY, b.DETAILS, b.SUBJECT_NAME, "市交通运输局", "副局长", b.disposition_command().note]
    secrets += [b.HASH_A, b.HASH_B, "线索具体，可查性强"]  # attachments, the acceptance note
    for secret in secrets:
        assert not any(secret in value for value in values), secret


def test_the_status_view_tells_the_dates_the_reason_and_the_feedback() -> None:
    closed = b.closed().status_view()
    assert (closed.status.value, closed.transferred_at, closed.acknowledge_due_at) == ("closed", b.T0, b.ACK_DUE)
    assert (closed.acknowledged_at, closed.accepted_at, closed.feedback_due_at) == (
        b.ACKNOWLEDGED_AT,
        b.ACCEPTED_AT,
        b.FEEDBACK_DUE,
    )
    assert (closed.feedback_given_at, closed.feedback_text) == (b.FEEDBACK_AT, b.FEEDBACK_TEXT)
    assert (closed.source_ref, closed.official_subject, closed.official_role) == (
        b.ESCALATION_REF,
        "clerk-1",
        "congress_clerk",
    )
    declined = b.declined().status_view()
    assert (declined.declined_at, declined.decline_reason) == (b.ACCEPTED_AT, "不属于本机关管辖，已转有关部门")
    assert declined.accepted_at is None and declined.feedback_text == ""
    fresh = b.transferred().status_view()
    assert (fresh.acknowledged_at, fresh.declined_at, fresh.feedback_given_at, fresh.decline_reason) == (
        None,
        None,
        None,
        "",
    )
