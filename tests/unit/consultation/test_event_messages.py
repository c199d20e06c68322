"""Every event of the consultation link has its protobuf message, field for field, and its subject; the
written ``events.proto`` is the script's output."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from proto.events_from_dataclasses import SERVICES, events_proto
from services.consultation.messages import MESSAGES

PROTO = Path(__file__).resolve().parents[3] / "proto" / "wulian" / "consultation" / "v1" / "events.proto"
SOURCES = SERVICES["consultation"][0]


def test_the_events_proto_is_what_the_script_writes() -> None:
    assert PROTO.read_text(encoding="utf-8") == events_proto("consultation")


@pytest.mark.parametrize(("module", "base", "id_field"), SOURCES, ids=[b.__name__ for _, b, _ in SOURCES])
def test_every_event_class_has_its_message(module: ModuleType, base: type, id_field: str) -> None:
    classes = [c for c in vars(module).values() if isinstance(c, type) and issubclass(c, base) and c.name]
    assert classes
    for cls in classes:
        plan = MESSAGES[cls.aggregate].plan(cls)
        assert plan.message_class.DESCRIPTOR.name == cls.__name__
        assert plan.subject == f"wulian.consultation.{cls.aggregate}.{cls.name}"
        assert id_field in plan.message_class.DESCRIPTOR.fields_by_name
