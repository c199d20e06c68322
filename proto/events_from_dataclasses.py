"""Write the evaluation service's ``events.proto`` from its event dataclasses (one message per event class,
the same name and fields). ``tests/unit/evaluation/test_event_messages.py`` checks that they match.

    python proto/events_from_dataclasses.py > proto/wulian/evaluation/v1/events.proto && make proto
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

from services.evaluation import appraisals, ballots, project_events, rectification_events

SOURCES: list[tuple[types.ModuleType, type, str]] = [
    (ballots, ballots.SessionEvent, "session_id"),
    (appraisals, appraisals.CampaignEvent, "appraisal_id"),
    (rectification_events, rectification_events.RectificationEvent, "item_id"),
    (project_events, project_events.CandidateEvent, "candidate_id"),
    (project_events, project_events.VoteEvent, "vote_id"),
    (project_events, project_events.ProjectEvent, "project_id"),
]
HEADER = """syntax = "proto3";

package wulian.evaluation.v1;

import "google/protobuf/timestamp.proto";
import "wulian/common/v1/events.proto";

// Events of the evaluation service: one message per event class (services/evaluation/*.py), of the same
// name and fields, written by proto/events_from_dataclasses.py. Plain values only: no voter, no ballot, no
// reference text, no finding.
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


def messages() -> list[str]:
    out = []
    for module, base, id_field in SOURCES:
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        classes = [c for c in vars(module).values() if isinstance(c, type) and issubclass(c, base) and c.name]
        for cls in sorted(classes, key=lambda c: source.index(f"class {c.__name__}(")):
            hints = typing.get_type_hints(cls, vars(module))
            lines = [f"// wulian.evaluation.{cls.aggregate}.{cls.name}", f"message {cls.__name__} {{",
                     "  wulian.common.v1.EventMeta meta = 1;", f"  string {id_field} = 2;"]  # fmt: skip
            fields = [f for f in dataclasses.fields(cls) if f.name not in (id_field, "occurred_at")]
            lines += [f"  {proto_type(hints[f.name])} {f.name} = {n};" for n, f in enumerate(fields, start=3)]
            out.append("\n".join([*lines, "}"]))
    return out


if __name__ == "__main__":
    print(HEADER)
    print("\n\n".join(messages()))
