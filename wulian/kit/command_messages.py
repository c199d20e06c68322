"""Commands as protobuf messages: one message per command dataclass, of the same name and fields.

A service whose commands are plain frozen dataclasses (the evaluation service) writes its request messages
from them (``proto_field_type``, used by ``proto/evaluation_contract.py``) and reads a request back into the
command with ``decode``; a unit test round-trips every command, so the contract and the domain cannot drift.

The mapping, one rule per kind of field:

- ``str`` and ``StrEnum`` → ``string``; ``bool`` → ``bool``; ``int`` → ``int32``; ``float`` → ``double``
- ``int | None`` → ``optional int32`` (unset → ``None``)
- ``date`` → ``string`` in ISO 8601 (``2026-03-31``; ``""`` → ``None`` where the field may be ``None``)
- ``datetime | None`` → ``google.protobuf.Timestamp`` (unset → ``None``; read back in UTC)
- a union that admits ``str`` (a quantity given as text, a day as ``date | str``) → ``string`` passed as
  given (``""`` → ``None`` where allowed): the domain parses and checks it with its own messages
- ``tuple[X, ...]`` → ``repeated X``; a dataclass → its message

Pure: no I/O.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import types
import typing
from typing import Any

from wulian.kit.errors import InvalidArgument

TIMESTAMP = "google.protobuf.Timestamp"


def _is_union(hint: object) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


def _members(hint: object) -> tuple[object, ...]:
    return tuple(a for a in typing.get_args(hint) if a is not type(None))


def _is_text(hint: object) -> bool:
    return hint is str or (isinstance(hint, type) and issubclass(hint, enum.Enum))


def proto_field_type(hint: object) -> str:
    """The proto3 type of a command field (a nested dataclass by its class name)."""
    if typing.get_origin(hint) is tuple:
        return "repeated " + proto_field_type(typing.get_args(hint)[0])
    if _is_union(hint):
        members = _members(hint)
        if any(_is_text(m) for m in members):
            return "string"
        if len(members) != 1:
            raise TypeError(f"no proto type for {hint}")
        inner = proto_field_type(members[0])
        return f"optional {inner}" if inner in ("int32", "double", "bool") else inner
    if _is_text(hint):
        return "string"
    scalars: dict[object, str] = {
        bool: "bool",
        int: "int32",
        float: "double",
        datetime.date: "string",
        datetime.datetime: TIMESTAMP,
    }
    if hint in scalars:
        return scalars[hint]
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return hint.__name__
    raise TypeError(f"no proto type for {hint}")


def nested_dataclasses(cls: type) -> list[type]:
    """``cls`` and every dataclass its fields hold, depth first, each once (the order messages are written)."""
    seen: list[type] = []

    def visit(hint: object) -> None:
        if typing.get_origin(hint) is tuple or _is_union(hint):
            for arg in typing.get_args(hint):
                visit(arg)
        elif isinstance(hint, type) and dataclasses.is_dataclass(hint) and hint not in seen:
            for hint_of_field in _hints(hint).values():
                visit(hint_of_field)
            seen.append(hint)

    visit(cls)
    return seen


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def _day(path: str, text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise InvalidArgument(
            "请求未通过校验", details=[{"field": path, "message": "日期格式应为 YYYY-MM-DD"}]
        ) from None


def _value(hint: object, message: Any, name: str, path: str) -> Any:
    value = getattr(message, name)
    if typing.get_origin(hint) is tuple:
        (item,) = typing.get_args(hint)[:1]
        return tuple(_item(item, v, f"{path}[{i}]") for i, v in enumerate(value))
    if _is_union(hint):
        members, optional = _members(hint), type(None) in typing.get_args(hint)
        if any(_is_text(m) for m in members):
            return None if optional and value == "" else value
        (inner,) = members
        if inner is datetime.date:
            return None if value == "" else _day(path, value)
        if not message.HasField(name):
            return None
        return _item(inner, value, path)
    return _item(hint, value, path)


def _item(hint: object, value: Any, path: str) -> Any:
    if hint is datetime.date:
        return _day(path, value)
    if hint is datetime.datetime:
        return value.ToDatetime(tzinfo=datetime.UTC)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return decode(hint, value, path)
    return value


def decode(cls: type[Any], message: Any, path: str = "") -> Any:
    """The command ``cls`` that ``message`` (its generated message) carries."""
    hints = _hints(cls)
    values = {
        f.name: _value(hints[f.name], message, f.name, f"{path}.{f.name}" if path else f.name)
        for f in dataclasses.fields(cls)
    }
    return cls(**values)
