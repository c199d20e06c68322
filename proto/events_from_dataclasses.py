"""Write a service's ``events.proto`` from its event dataclasses (one message per event class, the same name
and fields), for the services whose events are dataclasses: evaluation and consultation. The unit tests
``test_event_messages.py`` of each check that they match.

    python proto/events_from_dataclasses.py evaluation > proto/wulian/evaluation/v1/events.proto
    python proto/events_from_dataclasses.py consultation > proto/wulian/consultation/v1/events.proto
    make proto
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import sys
import types
import typing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from services.consultation import (
    analyses,
    bulletins,
    consultation_events,
    meeting_events,
    plan_events,
)
from services.evaluation import appraisals, ballots, project_events, rectification_events

Sources = list[tuple[types.ModuleType, type, str]]
SERVICES: dict[str, tuple[Sources, str]] = {
    "evaluation": (
        [
            (ballots, ballots.SessionEvent, "session_id"),
            (appraisals, appraisals.CampaignEvent, "appraisal_id"),
            (rectification_events, rectification_events.RectificationEvent, "item_id"),
            (project_events, project_events.CandidateEvent, "candidate_id"),
            (project_events, project_events.VoteEvent, "vote_id"),
            (project_events, project_events.ProjectEvent, "project_id"),
        ],
        "Plain values only: no voter, no ballot, no\n// reference text, no finding.",
    ),
    "consultation": (
        [
            (plan_events, plan_events.PlanEvent, "plan_id"),
            (consultation_events, consultation_events.ConsultationEvent, "consultation_id"),
            (consultation_events, consultation_events.OpinionEvent, "opinion_id"),
            (meeting_events, meeting_events.MeetingEvent, "meeting_id"),
            (bulletins, bulletins.BulletinEvent, "bulletin_id"),
            (analyses, analyses.AnalysisEvent, "analysis_id"),
        ],
        "Plain values only: no opinion, no\n// minutes, no bulletin's or analysis's text.",
    ),
}
HEADER = """syntax = "proto3";

package wulian.{service}.v1;

import "google/protobuf/timestamp.proto";
import "wulian/common/v1/events.proto";

// Events of the {service} service: one message per event class (services/{service}/*.py), of the same
// name and fields, written by proto/events_from_dataclasses.py. {plain}
"""


def proto_type(hint: object) -> str:
    if typing.get_origin(hint) is tuple:
        return "repeated " + proto_type(typing.get_args(hint)[0])
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return proto_type(next(a for a in typing.get_args(hint) if a is not type(None)))
    if hint is str or (isinstance(hint, type) and issubclass(hint, enum.Enum)):
        return "string"
    scalars: dict[object, str] = {
        bool: "bool",
        int: "int32",
        float: "double",
        datetime.datetime: "google.protobuf.Timestamp",
        datetime.date: "string",  # a Beijing calendar day as ISO 8601 text (wulian.kit.events.messages)
    }
    return scalars[hint]


def messages(service: str) -> list[str]:
    out = []
    for module, base, id_field in SERVICES[service][0]:
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        classes = [c for c in vars(module).values() if isinstance(c, type) and issubclass(c, base) and c.name]
        for cls in sorted(classes, key=lambda c: source.index(f"class {c.__name__}(")):
            hints = typing.get_type_hints(cls)
            lines = [f"// wulian.{service}.{cls.aggregate}.{cls.name}", f"message {cls.__name__} {{",
                     "  wulian.common.v1.EventMeta meta = 1;", f"  string {id_field} = 2;"]  # fmt: skip
            fields = [f for f in dataclasses.fields(cls) if f.name not in (id_field, "occurred_at")]
            lines += [f"  {proto_type(hints[f.name])} {f.name} = {n};" for n, f in enumerate(fields, start=3)]
            out.append("\n".join([*lines, "}"]))
    return out


def events_proto(service: str) -> str:
    header = HEADER.replace("{service}", service).replace("{plain}", SERVICES[service][1])
    return header + "\n" + "\n\n".join(messages(service)) + "\n"


if __name__ == "__main__":
    sys.stdout.write(events_proto(sys.argv[1] if len(sys.argv) > 1 else "evaluation"))
