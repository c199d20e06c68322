"""Bad input of every kind is refused per field, every problem at once, and writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from services.suggestions import commands
from services.suggestions.model import Suggestion
from tests.unit.suggestions import builders as b
from wulian.kit.errors import InvalidArgument

NOW = b.EVALUATED_AT + timedelta(days=1)
NAIVE = datetime(2026, 4, 1, 9, 0)
FUTURE = NOW + timedelta(minutes=1)
BEFORE_CONFIRMATION = b.CONFIRMED_AT - timedelta(seconds=1)
LONG = "字" * 2001


def contact(**fields: object) -> commands.RecordContact:
    base: dict[str, object] = {
        "contacted_at": NOW - timedelta(hours=1),
        "method": "phone",
        "contact_person": "王科长",
        "agreed": "约定现场查看",
    }
    return commands.RecordContact(**{**base, **fields})  # type: ignore[arg-type]


def visit(**fields: object) -> commands.RecordReturnVisit:
    base: dict[str, object] = {"unit": "transport", "visited_at": NOW - timedelta(hours=1), "findings": "已推进"}
    return commands.RecordReturnVisit(**{**base, **fields})  # type: ignore[arg-type]


# (a suggestion where the step is legal, the step with bad input, the fields named in the refusal)
CASES: list[tuple[str, Callable[[], Suggestion], Callable[[Suggestion], object], list[str]]] = [
    ("draft text", b.submitted, lambda s: Suggestion.draft(
        "x", b.DEPUTY, commands.DraftSuggestion("", "", "rain"), NOW), ["title", "content", "category"]),
    ("draft for nobody", b.submitted, lambda s: Suggestion.draft(
        "x", b.CLERK, commands.DraftSuggestion("题" * 101, "文", "other"), NOW), ["title", "deputy_subject"]),
    ("edit", b.draft, lambda s: s.edit_draft(b.DEPUTY, commands.EditDraft(" ", "文" * 5001, "x"), NOW),
     ["title", "content", "category"]),
    ("cosigner", b.draft, lambda s: s.add_cosigner(b.DEPUTY, commands.AddCosigner("  ", "名" * 101), NOW),
     ["subject", "name"]),
    ("no lead", b.submitted, lambda s: s.propose_assignment(b.CLERK, commands.ProposeAssignment(" "), NOW),
     ["lead_unit"]),
    ("co-unit twice", b.submitted, lambda s: s.propose_assignment(
        b.CLERK, commands.ProposeAssignment("transport", ("housing", "housing")), NOW), ["co_units"]),
    ("lead as co-unit", b.submitted, lambda s: s.propose_assignment(
        b.CLERK, commands.ProposeAssignment("transport", ("transport",)), NOW), ["co_units"]),
    ("empty co-unit", b.submitted, lambda s: s.propose_assignment(
        b.CLERK, commands.ProposeAssignment("transport", ("",), consultation_note=LONG), NOW),
     ["co_units", "consultation_note"]),
    ("lead too long", b.submitted, lambda s: s.propose_assignment(
        b.CLERK, commands.ProposeAssignment("u" * 65), NOW), ["lead_unit"]),
    ("send back", b.proposed, lambda s: s.send_back_assignment(b.OFFICE, commands.SendBackAssignment(" "), NOW),
     ["reason"]),
    ("contact all", b.assigned, lambda s: s.record_contact(
        b.TRANSPORT, contact(contacted_at=NAIVE, method="fax", contact_person="", agreed=LONG), NOW),
     ["contacted_at", "method", "contact_person", "agreed"]),
    ("contact future", b.assigned, lambda s: s.record_contact(b.TRANSPORT, contact(contacted_at=FUTURE), NOW),
     ["contacted_at"]),
    ("contact early", b.assigned, lambda s: s.record_contact(
        b.TRANSPORT, contact(contacted_at=BEFORE_CONFIRMATION), NOW), ["contacted_at"]),
    ("opinion", b.assigned, lambda s: s.give_co_unit_opinion(b.HOUSING, commands.GiveCoUnitOpinion(""), NOW),
     ["text"]),
    ("reply", b.rehandling, lambda s: s.reply(b.TRANSPORT, commands.GiveReply("done", "文" * 5001), NOW),
     ["result", "text"]),
    ("reply empty", b.rehandling, lambda s: s.reply(b.TRANSPORT, commands.GiveReply("solved", " "), NOW), ["text"]),
    ("grades", b.replied, lambda s: s.evaluate(
        b.DEPUTY, commands.EvaluateHandling("great", "ok", "bad", "happy", LONG), NOW),
     ["attitude", "method", "effect", "overall", "comment"]),
    ("dissatisfied without why", b.replied, lambda s: s.evaluate(b.DEPUTY, b.verdict("dissatisfied", "  "), NOW),
     ["comment"]),
    ("visit", b.assigned, lambda s: s.record_return_visit(
        b.STATION, visit(unit="water", visited_at=FUTURE, findings="", meeting=LONG, talks=LONG, problems=LONG), NOW),
     ["unit", "visited_at", "findings", "meeting", "talks", "problems"]),
    ("visit naive", b.assigned, lambda s: s.record_return_visit(b.STATION, visit(visited_at=NAIVE), NOW),
     ["visited_at"]),
    ("escalate nothing", b.assigned, lambda s: s.escalate(b.CLERK, commands.Escalate((), ""), NOW),
     ["reasons", "details"]),
    ("escalate unknown", b.assigned, lambda s: s.escalate(
        b.CLERK, commands.Escalate(("overdue", "whim"), "说明"), NOW), ["reasons"]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "build", "step", "fields"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_refused_per_field_and_writes_nothing(
    name: str, build: Callable[[], Suggestion], step: Callable[[Suggestion], object], fields: list[str]
) -> None:
    suggestion = build()
    suggestion.events.clear()
    state = {k: repr(getattr(suggestion, k)) for k in Suggestion.__dataclass_fields__}
    with pytest.raises(InvalidArgument) as caught:
        step(suggestion)
    assert [d["field"] for d in caught.value.details] == fields
    assert all(d["message"] for d in caught.value.details)
    assert {k: repr(getattr(suggestion, k)) for k in Suggestion.__dataclass_fields__} == state


def test_messages_are_for_clerks() -> None:
    suggestion = b.assigned()
    with pytest.raises(InvalidArgument) as caught:
        suggestion.record_contact(b.TRANSPORT, contact(contacted_at=BEFORE_CONFIRMATION, method="fax"), NOW)
    assert caught.value.message == "联系记录未通过校验"
    assert caught.value.details == [
        {"field": "contacted_at", "message": "联系时间不能早于交办确认时间"},
        {"field": "method", "message": "联系方式不在可选范围内"},
    ]


def test_text_is_trimmed_and_limits_are_inclusive() -> None:
    suggestion = b.assigned()
    suggestion.record_contact(b.TRANSPORT, contact(agreed="  " + "字" * 2000 + " ", contact_person=" 王 "), NOW)
    assert suggestion.contacts["transport"].agreed == "字" * 2000
    assert suggestion.contacts["transport"].contact_person == "王"


def test_an_aware_time_in_another_zone_is_stored_in_utc() -> None:
    from zoneinfo import ZoneInfo

    suggestion = b.assigned()
    local = (NOW - timedelta(hours=1)).astimezone(ZoneInfo("Asia/Shanghai"))
    suggestion.record_contact(b.TRANSPORT, contact(contacted_at=local), NOW)
    stored = suggestion.contacts["transport"].contacted_at
    assert stored == local and stored.utcoffset() == timedelta(0)
