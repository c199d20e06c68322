"""The evaluation service's gRPC contract is written from the domain's commands, and every command survives
the trip through its message (``wulian.kit.command_messages``)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from proto import evaluation_contract
from tests.support.commands import all_commands, round_trip
from wulian.evaluation.v1 import evaluation_pb2 as pb
from wulian.kit.command_messages import decode, nested_dataclasses, proto_field_type
from wulian.kit.errors import InvalidArgument

PROTO = Path(evaluation_contract.__file__).parent / "wulian" / "evaluation" / "v1" / "evaluation.proto"
COMMANDS = all_commands(evaluation_contract.SECTIONS)


def test_the_proto_file_is_what_the_script_writes() -> None:
    assert PROTO.read_text(encoding="utf-8") == evaluation_contract.contract(), (
        "run: python proto/evaluation_contract.py > proto/wulian/evaluation/v1/evaluation.proto && make proto"
    )


def test_every_rpc_of_the_contract_is_served() -> None:
    from services.evaluation.grpc_api import EvaluationService

    names = [name for _, rpcs in evaluation_contract.SECTIONS for name, _, _, _ in rpcs]
    assert len(names) == len(set(names))
    assert all(name in vars(EvaluationService) for name in names)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.__name__)
def test_a_command_round_trips_through_its_message(command: type) -> None:
    value, back = round_trip(command, pb)
    assert back == value


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
