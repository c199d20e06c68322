"""Write a service's gRPC contract from its domain's commands: the RPCs a script lists by section, and one
request message per command dataclass, of the same name and fields (``wulian.kit.command_messages``). A
command that acts on an object travels in ``<Command>Request {id, command}``. Answers are the fixed
``Document`` and ``ListResponse`` below: the read model the service wrote for its caller, as JSON.

Used by ``evaluation_contract.py`` and ``consultation_contract.py``.
"""

from __future__ import annotations

import dataclasses
import inspect
import typing

from wulian.kit.command_messages import nested_dataclasses, proto_field_type

# An RPC: (name, request, response, comment). A request is a command dataclass (its message), ``(cls,)``
# for ``<cls>Request {id, command}``, or the name of a fixed message below.
Rpc = tuple[str, "type | tuple[type] | str", str, str]
Sections = list[tuple[str, list[Rpc]]]

FIXED = """message Ref {
  string id = 1;
}

message ReasonRequest {
  string id = 1;
  string reason = 2;
}

// An object as the caller may see it: `json` is its read model (UTF-8 JSON object).
message Document {
  string id = 1;
  int64 version = 2;
  string json = 3;
}

message ListRequest {
  int32 page_size = 1;
  string page_token = 2;
  map<string, string> filters = 3;
}

message ListResponse {
  repeated string items = 1;                  // JSON read models, as in Document.json
  string next_page_token = 2;
  int32 total = 3;
  map<string, int32> counts = 4;              // per status: all that roles without rows see
}"""


def request_name(request: type | tuple[type] | str) -> str:
    if isinstance(request, str):
        return request
    if isinstance(request, tuple):
        return f"{request[0].__name__}Request"
    return request.__name__


def service(name: str, package: str, sections: Sections) -> str:
    lines = [f"service {name} {{"]
    for i, (title, rpcs) in enumerate(sections):
        lines += [*([""] if i else []), f"  // {title}"]
        for rpc, request, response, comment in rpcs:
            tail = f"  // {comment}" if comment else ""
            argument = request_name(request)
            if argument == rpc:  # inside the service, the bare name would be the method
                argument = f".{package}.{argument}"
            lines.append(f"  rpc {rpc}({argument}) returns ({response});{tail}")
    return "\n".join([*lines, "}"])


def message(cls: type) -> str:
    hints = typing.get_type_hints(cls)
    written = inspect.cleandoc(cls.__doc__ or "")
    if written.startswith(f"{cls.__name__}("):  # the signature dataclasses writes when there is no docstring
        written = ""
    doc = [f"// {line}".rstrip() for line in written.splitlines()]
    fields = [f"  {proto_field_type(hints[f.name])} {f.name} = {n};"
              for n, f in enumerate(dataclasses.fields(cls), start=1)]  # fmt: skip
    return "\n".join([*doc, f"message {cls.__name__} {{", *fields, "}"])


def commands(sections: Sections) -> list[type]:
    """Every command an RPC takes (the outermost), in the order of the RPCs."""
    found: list[type] = []
    for _, rpcs in sections:
        for _, request, _, _ in rpcs:
            if not isinstance(request, str):
                cls = request[0] if isinstance(request, tuple) else request
                found += [cls] if cls not in found else []
    return found


def messages(sections: Sections) -> list[str]:
    written: list[type] = []
    wrappers: list[str] = []
    for _, rpcs in sections:
        for _, request, _, _ in rpcs:
            if isinstance(request, str):
                continue
            cls = request[0] if isinstance(request, tuple) else request
            written += [c for c in nested_dataclasses(cls) if c not in written]
            if isinstance(request, tuple):
                wrappers.append(
                    f"message {cls.__name__}Request {{\n  string id = 1;\n  {cls.__name__} command = 2;\n}}"
                )
    names = [c.__name__ for c in written]
    duplicated = {n for n in names if names.count(n) > 1}
    if duplicated:
        raise SystemExit(f"two commands share a name: {sorted(duplicated)}")
    return [message(c) for c in written] + wrappers


def contract_for(header: str, service_name: str, package: str, sections: Sections) -> str:
    return "\n\n".join([header, service(service_name, package, sections), FIXED, *messages(sections)]) + "\n"
