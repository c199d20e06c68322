"""The consultation link's events → their protobuf messages, into the outbox in the caller's transaction
(``wulian.kit.events.commit``)."""

from __future__ import annotations

from wulian.consultation.v1 import events_pb2
from wulian.kit.events.commit import EventCommitter
from wulian.kit.events.messages import EventMessages

_IDS = {
    "plan": "plan_id",
    "consultation": "consultation_id",
    "opinion": "opinion_id",
    "meeting": "meeting_id",
    "bulletin": "bulletin_id",
    "analysis": "analysis_id",
}
MESSAGES = {
    aggregate: EventMessages(events_pb2, service="consultation", aggregate_type=aggregate, id_field=id_field)
    for aggregate, id_field in _IDS.items()
}
COMMITTER = EventCommitter(MESSAGES)
commit = COMMITTER.commit
raise_due_notices = COMMITTER.raise_due_notices
