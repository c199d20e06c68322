"""The evaluation service's gRPC contract is written from the domain's commands, and every command survives
the trip through its message (``wulian.kit.command_messages``)."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import types
import typing
from pathlib import Path
from typing import Any

import pytest
from google.protobuf import json_format

from proto import evaluation_contract
from wulian.evaluation.v1 import evaluation_pb2 as pb
from wulian.kit.command_messages import decode, nested_dataclasses, proto_field_type
from wulian.kit.errors import InvalidArgument

PROTO = Path(evaluation_contract.__file__).parent / "wulian" / "evaluation" / "v1" / "evaluation.proto"
COMMANDS = sorted(
    {
        request if isinstance(request, type) else request[0]
        for _, rpcs in evaluation_contract.SECTIONS
        for _, request, _, _ in rpcs
        if not isinstance(request, str)
    },
    key=lambda c: c.__name__,
)
WHEN = datetime.datetime(2026, 3, 31, 8, 30, tzinfo=datetime.UTC)


def test_the_proto_file_is_what_the_script_writes() -> None:
    assert PROTO.read_text(encoding="utf-8") == evaluation_contract.contract(), (
        "run: python proto/evaluation_contract.py > proto/wulian/evaluation/v1/evaluation.proto && make proto"
    )


def test_every_rpc_of_the_contract_is_served() -> None:
    from services.evaluation.grpc_api import EvaluationService

    names = [name for _, rpcs in evaluation_contract.SECTIONS for name, _, _, _ in rpcs]
    assert len(names) == len(set(names))
    assert all(name in vars(EvaluationService) for name in names)


def sample(hint: object, n: int) -> Any:
    """A value of type ``hint`` that is not the message's default (so a dropped field shows)."""
    if typing.get_origin(hint) is tuple:
        (item,) = typing.get_args(hint)[:1]
        return tuple(sample(item, n + i) for i in range(2))
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(hint) if a is not type(None)]
        return f"{n}.5" if str in members else sample(members[0], n)
    if hint is str or (isinstance(hint, type) and issubclass(hint, enum.Enum)):
        return f"值{n}"
    scalars: dict[object, Any] = {
        bool: True,
        int: n + 1,
        float: n + 0.25,
        datetime.date: datetime.date(2026, 3, n % 28 + 1),
        datetime.datetime: WHEN,
    }
    if hint in scalars:
        return scalars[hint]
    assert isinstance(hint, type) and dataclasses.is_dataclass(hint)
    hints = typing.get_type_hints(hint)
    return hint(**{f.name: sample(hints[f.name], n + i) for i, f in enumerate(dataclasses.fields(hint))})


def as_json(value: Any) -> Any:
    """What an HTTP body's JSON carries (the gateway's ``model_dump(mode="json")``)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple):
        return [as_json(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.__name__)
def test_a_command_round_trips_through_its_message(command: type) -> None:
    value = sample(command, 1)
    message = json_format.ParseDict(as_json(value), getattr(pb, command.__name__)())
    assert decode(command, message) == value


def test_every_nested_command_has_its_message() -> None:
    for command in COMMANDS:
        for cls in nested_dataclasses(command):
            assert hasattr(pb, cls.__name__), cls


def test_unset_optional_fields_read_as_none() -> None:
    from services.evaluation.rectification_commands import CloseOutItem

    message = pb.CloseOutItem(grade="dissatisfied", note="整改不到位")
    assert decode(CloseOutItem, message) == CloseOutItem("dissatisfied", "整改不到位", None, None)
    message.months = 0  # set, even to zero: the domain decides whether 0 months is allowed
    assert decode(CloseOutItem, message).months == 0


def test_a_bad_date_is_bad_input_naming_its_field() -> None:
    from services.evaluation.appraisals import RecordActivity

    message = pb.RecordActivity(unit="transport", kind="hearing", held_on="2026-02-30", summary="听取汇报")
    with pytest.raises(InvalidArgument) as raised:
        decode(RecordActivity, message)
    assert raised.value.details == [{"field": "held_on", "message": "日期格式应为 YYYY-MM-DD"}]


def test_a_nested_bad_date_names_the_path() -> None:
    from services.evaluation.project_commands import AddCandidate

    target = pb.TargetInput(name="道路", unit="公里", planned="600", milestones=[pb.MilestoneInput(due="x")])
    details = pb.CandidateDetails(title="t", targets=[target])
    decoded = decode(AddCandidate, pb.AddCandidate(year=2026, details=details))  # a Day is the domain's to parse
    assert decoded.details.targets[0].milestones[0].due == "x"


def test_field_types() -> None:
    assert proto_field_type(int | None) == "optional int32"
    assert proto_field_type(datetime.date | None) == "string"
    assert proto_field_type(datetime.datetime | None) == "google.protobuf.Timestamp"
    assert proto_field_type(tuple[str, ...]) == "repeated string"
    with pytest.raises(TypeError):
        proto_field_type(dict[str, int])
