"""The evaluation link's events → their protobuf messages, into the outbox in the caller's transaction
(``wulian.kit.events.commit``)."""

from __future__ import annotations

from wulian.evaluation.v1 import events_pb2
from wulian.kit.events.commit import EventCommitter
from wulian.kit.events.messages import EventMessages

MESSAGES = {
    "ballot_session": EventMessages(
        events_pb2, service="evaluation", aggregate_type="ballot_session", id_field="session_id"
    ),
    "appraisal": EventMessages(events_pb2, service="evaluation", aggregate_type="appraisal", id_field="appraisal_id"),
    "rectification": EventMessages(
        events_pb2, service="evaluation", aggregate_type="rectification", id_field="item_id"
    ),
    "project_candidate": EventMessages(
        events_pb2, service="evaluation", aggregate_type="project_candidate", id_field="candidate_id"
    ),
    "project_vote": EventMessages(events_pb2, service="evaluation", aggregate_type="project_vote", id_field="vote_id"),
    "project": EventMessages(events_pb2, service="evaluation", aggregate_type="project", id_field="project_id"),
}


COMMITTER = EventCommitter(MESSAGES)
publish = COMMITTER.publish
commit = COMMITTER.commit
raise_due_notices = COMMITTER.raise_due_notices
