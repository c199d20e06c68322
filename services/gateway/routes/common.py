"""What every link's routes share: paging parameters, list filters, downloads, how a body becomes the request
message of a service whose contract is written from its commands, and how a service's answer (the read model
it wrote for the caller, as JSON) goes out unchanged."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Annotated, Any, Protocol, TypeVar

from fastapi import Query, Response
from google.protobuf import json_format
from google.protobuf.message import Message
from pydantic import BaseModel

from services.gateway import export as xlsx

M = TypeVar("M", bound=Message)

PageSize = Annotated[int, Query(ge=1, le=100, description="每页条数")]
PageToken = Annotated[str, Query(max_length=200, description="上一页返回的 next_page_token")]
IdFilter = Annotated[str, Query(max_length=64, pattern=r"^[A-Za-z0-9_-]*$")]
XLSX_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {xlsx.XLSX_MEDIA_TYPE: {}}, "description": "Excel 工作簿（.xlsx）"}
}


class DocumentMessage(Protocol):
    @property
    def json(self) -> str: ...


class ListMessage(Protocol):
    """The ``ListResponse`` of the services' contracts (the same fields in each)."""

    @property
    def items(self) -> Any: ...
    @property
    def next_page_token(self) -> str: ...
    @property
    def total(self) -> int: ...
    @property
    def counts(self) -> Any: ...


def download(content: bytes | str, media_type: str, filename: str, ascii_filename: str) -> Response:
    disposition = xlsx.content_disposition(filename, ascii_filename)
    return Response(content, media_type=media_type, headers={"Content-Disposition": disposition})


def filters(**values: str | None) -> dict[str, str]:
    """The list's filters as the contracts carry them: only those given."""
    return {name: value for name, value in values.items() if value}


def filter_text(value: str | int | bool | None) -> str:
    """A filter as the contract carries it: a year as text, a flag that is set as "true"; "" for none (the
    service reads an unset flag as false)."""
    if value is None or value is False:
        return ""
    return "true" if value is True else str(value)


def list_request(message_type: type[M], page_size: int, page_token: str, /, **values: str | int | bool | None) -> M:
    """The ``ListRequest`` of a contract with the filters given (those empty, None or false are not sent); a
    filter may be named ``kind``."""
    sent = filters(**{name: filter_text(value) for name, value in values.items()})
    return message_type(page_size=page_size, page_token=page_token, filters=sent)


def command(
    kind: type[M], body: BaseModel, /, *, into: str = "command", numbers: Mapping[str, int] | None = None, **fields: str
) -> M:
    """The request message ``kind`` with ``body`` (whose fields are the command's, by name) at ``into`` — a
    dotted path such as ``command.plan``, or "" for the message itself — beside ``fields`` (the object's id).
    ``numbers``: the command's fields that come from the path (an item's or a proposal's number), beside the
    body's. Dates go as ISO text and times as RFC 3339, as the contract's JSON mapping reads them."""
    values: dict[str, Any] = body.model_dump(mode="json", exclude_none=True) | dict(numbers or {})
    for name in reversed(into.split(".") if into else []):
        values = {name: values}
    return json_format.ParseDict({**values, **fields}, kind())


def document_response(document: DocumentMessage, status_code: int = 200) -> Response:
    """The object as the service shows it to the caller, unchanged."""
    return Response(content=document.json, status_code=status_code, media_type="application/json")


def list_body(message: ListMessage) -> str:
    """``{"items", "next_page_token", "total", "counts"}`` with the items' JSON as the service wrote it."""
    rest = json.dumps(
        {"next_page_token": message.next_page_token or None, "total": message.total, "counts": dict(message.counts)},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return '{"items":[' + ",".join(message.items) + "]," + rest[1:]


def list_response(message: ListMessage) -> Response:
    return Response(content=list_body(message), media_type="application/json")
