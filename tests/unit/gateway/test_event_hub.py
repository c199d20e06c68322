from services.gateway.event_hub import EventHub
from wulian.kit.events.envelope import ReceivedEvent, event_meta
from wulian.kit.principal import Principal
from wulian.suggestions.v1 import events_pb2

SUBMITTED_SUBJECT = "wulian.suggestions.suggestion.submitted"


def person(subject: str, *roles: str) -> Principal:
    return Principal(subject=subject, name="n", body="congress", roles=frozenset(roles), org_unit="")


def submitted(deputy: Principal) -> ReceivedEvent:
    meta = event_meta(
        actor=deputy, aggregate_type="suggestion", aggregate_id="a1", audience=[f"subject:{deputy.subject}"]
    )
    message = events_pb2.SuggestionSubmitted(meta=meta, suggestion_id="a1", number="2026-0001")
    return ReceivedEvent(SUBMITTED_SUBJECT, message.DESCRIPTOR.full_name, message)


async def test_events_reach_their_audience_once_and_nobody_else() -> None:
    hub = EventHub()
    deputy, other = person("d1", "deputy"), person("d2", "deputy")
    mine, theirs = hub.subscribe(deputy), hub.subscribe(other)
    event = submitted(deputy)
    await hub.publish(event)
    await hub.publish(event)  # redelivered
    assert mine.queue.qsize() == 1
    assert theirs.queue.qsize() == 0
    outgoing = mine.queue.get_nowait()
    assert outgoing.name == "suggestion.submitted"
    assert outgoing.data["number"] == "2026-0001"
    assert "audience" not in outgoing.data["meta"]


async def test_last_event_id_replays_what_was_missed() -> None:
    hub = EventHub()
    deputy = person("d1", "deputy")
    first, second = submitted(deputy), submitted(deputy)
    await hub.publish(first)
    await hub.publish(second)
    resumed = hub.subscribe(deputy, last_event_id=first.event_id)
    assert [resumed.queue.get_nowait().id] == [second.event_id]
    assert resumed.queue.empty()
