"""What every link's routes share: paging parameters, list filters, downloads, and how a service's answer
(the read model it wrote for the caller, as JSON) goes out unchanged."""

from __future__ import annotations

import json
from typing import Annotated, Any, Protocol

from fastapi import Query, Response

from services.gateway import export as xlsx

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
