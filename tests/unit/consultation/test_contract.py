"""The consultation service's gRPC contract is written from the domain's commands, every command survives the
trip through its message, and every RPC is served."""

from __future__ import annotations

from pathlib import Path

import pytest

from proto import consultation_contract
from services.consultation.grpc_api import ConsultationService
from tests.support.commands import all_commands, round_trip
from wulian.consultation.v1 import consultation_pb2 as pb

PROTO = Path(consultation_contract.__file__).parent / "wulian" / "consultation" / "v1" / "consultation.proto"
COMMANDS = all_commands(consultation_contract.SECTIONS)


def test_the_proto_file_is_what_the_script_writes() -> None:
    assert PROTO.read_text(encoding="utf-8") == consultation_contract.contract(), (
        "run: python proto/consultation_contract.py > proto/wulian/consultation/v1/consultation.proto && make proto"
    )


def test_every_rpc_of_the_contract_is_served() -> None:
    names = [name for _, rpcs in consultation_contract.SECTIONS for name, _, _, _ in rpcs]
    assert len(names) == len(set(names))
    missing = [n for n in names if not callable(getattr(ConsultationService, n, None))]
    assert not missing
    inherited = [n for n in names if getattr(ConsultationService, n) is getattr(ConsultationService.__mro__[1], n)]
    assert not inherited  # the generated base answers UNIMPLEMENTED


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.__name__)
def test_a_command_round_trips_through_its_message(command: type) -> None:
    value, back = round_trip(command, pb)
    assert back == value
