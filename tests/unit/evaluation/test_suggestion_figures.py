"""The suggestions service's events as the figures consumer reads them: the protobuf messages its outbox
writes, counted for the right departments in the right year in Beijing; events about no department count
for nobody."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from services.evaluation.appraisals import Department, SuggestionFigures
from services.evaluation.figures_handlers import department_figures
from services.evaluation.suggestion_figures import SUBJECTS, counted, event_name
from services.suggestions import event_messages
from services.suggestions import events as ev
from services.suggestions.domain import ReplyResult, Satisfaction
from wulian.kit.events.envelope import ReceivedEvent

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def received(event: ev.Event) -> ReceivedEvent:
    subject, message = event_messages.to_message(event, actor=None)
    return ReceivedEvent(subject=subject, event_type=message.DESCRIPTOR.full_name, message=message)


def test_each_handling_event_counts_for_its_departments() -> None:
    due = NOW + timedelta(days=90)
    stream = [
        ev.AssignmentConfirmed("s-1", NOW, "deputy-1", "transport", ("housing", "water"), False, NOW, due),
        ev.ContactRecorded("s-1", NOW, "housing", "deputy-1", True),
        ev.SuggestionReplied("s-1", NOW, "transport", ReplyResult.SOLVED, 1, False, "deputy-1", ()),
        ev.SuggestionEvaluated("s-1", NOW, "transport", ("housing",), Satisfaction.SATISFIED, 1, True, None),
        ev.ContactOverdue("s-1", NOW, "water", NOW),
        ev.ReplyOverdue("s-1", NOW, "transport", 1, due),
    ]
    assert [counted(received(e)) for e in stream] == [
        (2026, {"transport": {"assigned": 1, "as_lead": 1}, "housing": {"assigned": 1}, "water": {"assigned": 1}}),
        (2026, {"housing": {"contacted": 1, "contacted_within_48h": 1}}),
        (2026, {"transport": {"replied": 1, "replied_on_time": 0}}),
        (2026, {"transport": {"satisfied": 1}}),
        (2026, {"water": {"contact_overdue": 1}}),
        (2026, {"transport": {"reply_overdue": 1}}),
    ]


def test_events_about_no_department_count_for_nobody() -> None:
    for event in (
        ev.SuggestionSubmitted("s-1", NOW, "2026-0001", "标题", "transport", "deputy-1", ()),
        ev.AssignmentProposed("s-1", NOW, "transport", (), False),
        ev.ReturnVisitRecorded("s-1", NOW, "transport"),
    ):
        assert counted(received(event))[1] == {}


def test_the_consumer_takes_exactly_the_subjects_that_count() -> None:
    """JetStream delivers only these subjects to the consumer: each must be one the suggestions service
    publishes (a misspelt one would silently count nothing), and every event that counts must be among them."""
    published = {
        event_messages.to_message(event, actor=None)[0]: event
        for event in (
            ev.AssignmentConfirmed("s-1", NOW, "deputy-1", "transport", ("housing",), False, NOW, NOW),
            ev.ContactRecorded("s-1", NOW, "housing", "deputy-1", True),
            ev.SuggestionReplied("s-1", NOW, "transport", ReplyResult.SOLVED, 1, False, "deputy-1", ()),
            ev.SuggestionEvaluated("s-1", NOW, "transport", (), Satisfaction.SATISFIED, 1, True, None),
            ev.ContactOverdue("s-1", NOW, "water", NOW),
            ev.ReplyOverdue("s-1", NOW, "transport", 1, NOW),
        )
    }
    assert sorted(SUBJECTS) == sorted(published)
    for subject, event in published.items():
        assert counted(received(event))[1], subject
    skipped = ev.SuggestionSubmitted("s-1", NOW, "2026-0001", "标题", "transport", "deputy-1", ())
    assert event_messages.to_message(skipped, actor=None)[0] not in SUBJECTS


def test_the_year_is_the_year_in_beijing() -> None:
    new_years_eve = datetime(2025, 12, 31, 16, 30, tzinfo=UTC)  # 00:30 on 1 January 2026 in Beijing
    assert counted(received(ev.ContactOverdue("s-1", new_years_eve, "water", NOW)))[0] == 2026
    assert counted(received(ev.ContactOverdue("s-1", new_years_eve - timedelta(hours=1), "water", NOW)))[0] == 2025


def test_the_confirmed_assignment_is_known_by_its_subject() -> None:
    assert event_name("wulian.suggestions.suggestion.assigned") == "assigned"
    assert event_name("wulian.suggestions.suggestion.replied") == "replied"
    assert event_name("wulian.suggestions.suggestion.submitted") == "submitted"


def test_a_department_row_carries_every_figure_and_the_rate() -> None:
    row = department_figures(Department("transport", "交通运输局"), SuggestionFigures(satisfied=1, dissatisfied=1))
    assert row["unit"] == "transport" and row["name"] == "交通运输局"
    assert row["satisfied"] == 1 and row["assigned"] == 0 and row["satisfaction_rate"] == 0.5
    assert department_figures(Department("water", "水务局"), SuggestionFigures())["satisfaction_rate"] is None
