"""Commands as the tests of a contract written from them build them: a sample of every field that is not the
message's default (so a dropped field shows), and the JSON an HTTP body would carry."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import types
import typing
from typing import Any

from google.protobuf import json_format

from proto.contract_writer import Sections, commands
from wulian.kit.command_messages import decode

WHEN = datetime.datetime(2026, 3, 31, 8, 30, tzinfo=datetime.UTC)


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


def round_trip(command: type, messages: types.ModuleType) -> tuple[Any, Any]:
    """A sample of ``command`` and what comes back through its message of ``messages`` (a ``*_pb2``)."""
    value = sample(command, 1)
    message = json_format.ParseDict(as_json(value), getattr(messages, command.__name__)())
    return value, decode(command, message)


def all_commands(sections: Sections) -> list[type]:
    return sorted(commands(sections), key=lambda c: c.__name__)
